"""The HTML report, rendered in headless Chromium as a journalist opens it: the first screen
says how many articles need work and links to each; findings are listed with their messages
visible and highlighted at their exact place in the article; clean articles are collapsed;
front matter is a table; the severity filter works; nothing is loaded from the network; the
page fits a phone screen. Screenshots at 1280x900 and 390x844 go to test-output/."""

import os
import re

import pytest

from copydesk.config import Config
from copydesk.engine import check_file
from copydesk.reporters import Report, render

from cdp import Browser, chromium, screenshot
from conftest import missing
from conftest import FIXTURES

pytestmark = pytest.mark.integration  # the real Chromium

CHROMIUM = chromium()
DRAFTS = ["01-web-paste.txt", "07-credits.md", "13-multibyte.txt", "10-crlf-bom.txt", "06-american-spellings.txt",
          "08-markdown-features.md", "02-clean-report.txt"]

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


VISIBLE = """
(sel) => Array.from(document.querySelectorAll(sel)).filter((e) => {
  const r = e.getBoundingClientRect();
  return r.width > 0 && r.height > 0 && getComputedStyle(e).visibility !== 'hidden';
}).map((e) => e.innerText.trim())
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


@pytest.fixture(scope="module")
def desk(page):
    """The same report at a desktop size, 1280x900, from the top."""
    browser, results, html = page
    browser.open(browser.evaluate("location.href"), width=1280, height=900, mobile=False)
    yield browser, results
    browser.open(browser.evaluate("location.href"))  # back to the phone for the other tests


def test_first_screen_answers_how_many_need_work_and_links_to_them(desk):
    browser, results = desk
    path = screenshot(browser, "html-report-1280x900.png")
    assert os.path.getsize(path) > 10_000
    need = [r for r in results if r.findings]
    summary = browser.evaluate(f"({VISIBLE})('#summary')")[0]
    assert summary.startswith(f"{len(results)} articles, {len(need)} need work:")
    # Within the first screen: the summary and the list of articles with their counts.
    in_view = browser.evaluate(
        "Array.from(document.querySelectorAll('#overview tbody tr')).filter((tr) =>"
        " tr.getBoundingClientRect().bottom <= window.innerHeight).map((tr) => tr.innerText.split('\\t'))")
    assert [row[0] for row in in_view] == [r.path for r in need + [r for r in results if not r.findings]]
    first = need[0]
    errors = sum(f.severity == "error" for f in first.findings)
    warnings = sum(f.severity == "warning" for f in first.findings)
    assert in_view[0][1:3] == [str(errors), str(warnings)]
    # A link takes the reader to the article.
    top = browser.evaluate(
        "(() => { document.querySelector('#overview a[href=\"#file-1\"]').click();"
        " return document.getElementById('file-1').getBoundingClientRect().top; })()")
    assert -1 <= top < 50
    browser.evaluate("window.scrollTo(0, 0)")


def test_messages_are_visible_without_hovering_and_fixable_ones_are_marked(desk):
    browser, results = desk
    listed = browser.evaluate(f"({VISIBLE})('#file-0 ol.findings li')")
    assert len(listed) == len(results[0].findings)
    for text, f in zip(listed, results[0].findings):
        assert f.message in text and f.rule in text
        assert ("fixable" in text) == (f.fix is not None)


def test_clean_articles_are_listed_collapsed_and_front_matter_is_a_table(desk):
    browser, results = desk
    clean = [k for k, r in enumerate(results) if not r.findings]
    assert clean
    for k in clean:
        assert browser.evaluate(f"({VISIBLE})('#file-{k} summary')")[0].endswith("no findings")
        shown, held = browser.evaluate(f"(() => {{ const a = document.querySelector('#file-{k} .article');"
                                       " return [a.innerText, a.textContent]; })()")
        assert shown == "" and held.strip()  # collapsed: in the page, not on the screen
    md = next(k for k, r in enumerate(results) if r.path.endswith("08-markdown-features.md"))
    rows = browser.evaluate(f"({VISIBLE})('#file-{md} table.front-matter tr')")
    assert rows[0] == "title\tBus fares frozen for another year" and rows[1] == "author\tLena Ford"
    article = browser.evaluate(f"document.querySelector('#file-{md} .article').innerText")
    assert not article.startswith("---") and "title:" not in article
    assert article.lstrip().startswith("Bus fares frozen for another year")  # no "# "
    browser.evaluate(f"document.getElementById('file-{md}').scrollIntoView()")
    screenshot(browser, "html-report-markdown-article-1280x900.png")
    browser.evaluate("window.scrollTo(0, 0)")


def test_phone_screenshot(page):
    browser, _results, _html = page
    browser.open(browser.evaluate("location.href").split("#")[0], width=390, height=844, mobile=True)
    assert browser.evaluate("window.innerWidth") == 390
    assert os.path.getsize(screenshot(browser, "html-report-390x844.png")) > 10_000
    # The summary and the first links are on the phone's first screen too.
    assert browser.evaluate("document.querySelector('#overview a').getBoundingClientRect().bottom") <= 844
