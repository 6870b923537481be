"""The HTML report, rendered in headless Chromium: every finding is highlighted at its exact
place in the article, its message shows on focus, the severity filter works, nothing is
loaded from the network, and the page fits a phone screen."""

import os
import re

import pytest

from copydesk.config import Config
from copydesk.engine import check_file
from copydesk.reporters import Report, render

from cdp import Browser, chromium
from conftest import missing
from conftest import FIXTURES

pytestmark = pytest.mark.integration  # the real Chromium

CHROMIUM = chromium()
DRAFTS = ["01-web-paste.txt", "07-credits.md", "13-multibyte.txt", "10-crlf-bom.txt", "06-american-spellings.txt"]

MEASURE = """
(() => {
  const out = {};
  document.querySelectorAll('div.article').forEach((art) => {
    // character offset of every text position, counted in code points from the article start
    const cp = (s) => Array.from(s).length;
    art.querySelectorAll('mark[data-ids]').forEach((m) => {
      const before = document.createRange();
      before.setStart(art, 0);
      before.setEndBefore(m);
      const start = cp(before.toString());
      const rect = m.getBoundingClientRect();
      m.dataset.ids.split(' ').forEach((id) => {
        const o = out[id] || (out[id] = {start: start, text: '', rects: 0});
        o.text += m.textContent;
        if (rect.width > 0 || m.classList.contains('point')) o.rects += 1;
      });
    });
  });
  return out;
})()
"""


def utf16_len(s):
    return len(s.encode("utf-16-le")) // 2


@pytest.fixture(scope="module")
def page(tmp_path_factory):
    if CHROMIUM is None:
        missing("Chromium is not installed (tools/install-test-tools.sh installs it)")
    tmp = tmp_path_factory.mktemp("html")
    results = [check_file(os.path.join(FIXTURES, d), Config()) for d in DRAFTS]
    html = render("html", Report(results))
    path = tmp / "report.html"
    path.write_text(html, encoding="utf-8")
    browser = Browser(CHROMIUM, str(tmp / "profile"))
    browser.open(path.as_uri())
    yield browser, results, html
    browser.close()


def test_self_contained(page):
    _browser, _results, html = page
    assert not re.search(r"""(src|href)=["']?(https?:)?//""", html)
    assert "@import" not in html and "url(" not in html


def test_highlights_are_where_the_findings_are(page):
    browser, results, _html = page
    marks = browser.evaluate(MEASURE)
    n = 0
    for k, r in enumerate(results):
        text = r.document.text
        for i, f in enumerate(r.findings):
            got = marks[f"f{k}-{i}"]
            # the DOM counts the article from its first character: the same text as the file
            assert got["text"] == f.excerpt, (r.path, f.rule)
            assert got["start"] == len(text[: f.start]), (r.path, f.rule)
            assert got["rects"] >= 1
            n += 1
    assert n == sum(len(r.findings) for r in results) > 20


def test_message_shows_on_focus(page):
    browser, results, _html = page
    f = results[0].findings[0]
    content = browser.evaluate(
        "(() => { const m = document.querySelector('mark[data-ids~=\"f0-0\"]'); m.focus();"
        " return getComputedStyle(m, '::after').content; })()"
    )
    assert content.startswith('"') and f.message in content


def test_severity_filter(page):
    browser, results, _html = page
    shown = browser.evaluate(
        "(() => { const b = document.querySelector('.filters input[value=\"warning\"]'); b.click();"
        " const r = [document.querySelectorAll('li[data-id]:not(.off)').length,"
        " Array.from(document.querySelectorAll('mark.off')).map(m => m.dataset.ids)]; b.click(); return r; })()"
    )
    visible, off_marks = shown
    non_warning = sum(1 for r in results for f in r.findings if f.severity != "warning")
    assert visible == non_warning
    sev = {f"f{k}-{i}": f.severity for k, r in enumerate(results) for i, f in enumerate(r.findings)}
    assert off_marks and all(all(sev[i] == "warning" for i in ids.split()) for ids in off_marks)


def test_readable_on_a_phone(page):
    browser, _results, _html = page
    width, scroll, font = browser.evaluate(
        "[window.innerWidth, document.documentElement.scrollWidth,"
        " parseFloat(getComputedStyle(document.querySelector('.article')).fontSize)]"
    )
    assert width == 390 and scroll <= width and font >= 14
