"""The page of `copydesk serve`, in headless Chromium as a journalist uses it: the installed
command serves it, the seed draft is pasted in, its seven faults are marked in place and listed
with their messages, a safe fix is applied from the list, and the page fits a phone. The
screenshots at 1280x900 and 390x844 go to test-output/."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
import time

import pytest

from cdp import Browser, chromium, screenshot
from conftest import missing, require_shared

pytestmark = pytest.mark.integration  # the real Chromium and the real server

pytest.importorskip("uvicorn", reason="copydesk[serve] is not installed")

SEED_LINES = {1: "UK News", 3: "Culture", 5: None, 7: "British Queen celebrates", 9: None, 11: None, 39: "Photo by"}

STATE = """(() => ({
  status: document.getElementById('status').textContent,
  items: Array.from(document.querySelectorAll('#findings li')).map((li) => ({
    severity: li.className, text: li.innerText,
    message: li.querySelector('.message').innerText,
    visible: li.querySelector('.message').getBoundingClientRect().height > 0,
    fix: li.querySelector('button.apply') ? li.querySelector('button.apply').innerText : null})),
  marks: Array.from(document.querySelectorAll('#marked mark')).map((m) => ({
    text: m.textContent, ids: m.dataset.findings, cls: m.className,
    shown: m.getBoundingClientRect().width > 0})),
  draft: document.getElementById('draft').value,
}))()"""


def start(*options):
    exe = shutil.which("copydesk") or os.path.join(os.path.dirname(sys.executable), "copydesk")
    proc = subprocess.Popen([exe, "serve", "--port", "0", *options], stderr=subprocess.PIPE, text=True)
    line = proc.stderr.readline()
    assert "http://127.0.0.1:" in line, line
    return proc, line.split()[2]


@pytest.fixture(scope="module")
def server():
    proc, url = start()
    yield url
    proc.terminate()
    proc.wait(timeout=10)


@pytest.fixture(scope="module")
def browser(tmp_path_factory):
    exe = chromium()
    if exe is None:
        missing("Chromium is not installed (tools/install-test-tools.sh installs it)")
    b = Browser(exe, str(tmp_path_factory.mktemp("serve-profile")))
    yield b
    b.close()


def wait(browser, test, what, seconds=20.0):
    deadline = time.time() + seconds
    while True:
        state = browser.evaluate(STATE)
        if test(state):
            return state
        if time.time() > deadline:
            raise AssertionError(f"the page never showed {what}: {state['status']!r}")
        time.sleep(0.1)


def paste(browser, text):
    browser.evaluate("document.getElementById('draft').value = ''; document.getElementById('draft').focus()")
    browser.send("Input.insertText", text=text)  # as a paste: the page sees input events


def load(browser, url, width, height, mobile):
    browser.open(url, width=width, height=height, mobile=mobile)
    wait(browser, lambda s: True, "the page")
    deadline = time.time() + 10
    while browser.evaluate("document.getElementById('house').options.length") < 3:  # the houses, from the API
        assert time.time() < deadline, "the house styles were never listed"
        time.sleep(0.1)


def test_the_seed_drafts_seven_faults_are_marked_and_listed(server, browser):
    seed = open(require_shared("seed", "belarus-draft.txt"), encoding="utf-8").read()
    load(browser, server, 1280, 900, False)
    paste(browser, seed)
    state = wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the findings")
    lines = seed.split("\n")
    for line, text in SEED_LINES.items():
        items = [i for i in state["items"] if f"line {line}," in i["text"] and i["severity"] in ("error", "warning")]
        assert items, f"nothing listed on line {line}"
        assert all(i["visible"] and i["message"] for i in items)  # the message is always shown
        if text:
            assert any(text in m["text"] for m in state["marks"] if m["shown"]), f"line {line} is not marked"
    # The two invisible lines are marked, and shown as visible signs.
    assert sum(1 for m in state["marks"] if "blank" in m["cls"] and "\u237d" in m["text"]) >= 2
    assert "\u00a0" in lines[4]
    # Only the seven faults at warning or error: nothing else is flagged.
    flagged = {int(i["text"].split("line ")[1].split(",")[0]) for i in state["items"] if i["severity"] != "info"}
    assert flagged <= set(SEED_LINES) | {13}
    screenshot(browser, "serve-page-1280x900.png")


def test_a_safe_fix_is_applied_from_the_list(server, browser):
    state = browser.evaluate(STATE)
    before = state["draft"]
    assert "Wikimedia commons" in before
    index = next(k for k, i in enumerate(state["items"]) if "credits.agency" in i["text"] and i["fix"] == "Apply fix")
    browser.evaluate(f"document.querySelectorAll('#findings li')[{index}].querySelector('button.apply').click()")
    after = wait(browser, lambda s: s["draft"] != before and "Fix applied" in s["status"], "the fix")
    assert after["draft"] == before.replace("Wikimedia commons", "Wikimedia Commons", 1)
    assert not any("credits.agency" in i["text"] for i in after["items"])
    # All safe fixes at once: the server's /v1/fix, and the list is checked again.
    browser.evaluate("document.getElementById('fix-all').click()")
    done = wait(browser, lambda s: "fixed" in s["status"] or "Nothing to fix" in s["status"], "the fixes")
    assert len(done["draft"]) <= len(after["draft"])
    assert browser.evaluate("document.getElementById('fix-all').disabled") is True


def test_show_in_the_draft_after_typing_checks_again_first(server, browser):
    load(browser, server, 1280, 900, False)
    paste(browser, "Council vote\n\nMr. Smith said the plan was fine.\n")
    state = wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the findings")
    index = next(k for k, i in enumerate(state["items"]) if "style.honorific" in i["text"])
    browser.evaluate("{ const d = document.getElementById('draft'); d.setSelectionRange(0, 0); d.focus(); }")
    browser.send("Input.insertText", text="Update: ")  # typed, and the button pressed before the pause ends
    browser.evaluate(f"document.querySelectorAll('#findings li')[{index}].querySelectorAll('button')[0].click()")
    wait(browser, lambda s: "checked again" in s["status"], "that the draft was checked again")
    state = browser.evaluate(STATE)
    index = next(k for k, i in enumerate(state["items"]) if "style.honorific" in i["text"])
    browser.evaluate(f"document.querySelectorAll('#findings li')[{index}].querySelectorAll('button')[0].click()")
    chosen = browser.evaluate("(() => { const d = document.getElementById('draft');"
                              " return d.value.slice(d.selectionStart, d.selectionEnd); })()")
    assert chosen == "Mr."


def test_a_failed_check_leaves_nothing_stale_and_a_token_is_asked_once(browser):
    proc, url = start("--token", "s3cret", "--max-body", "4096")
    try:
        browser.open(url, width=1280, height=900, mobile=False)
        deadline = time.time() + 10
        while browser.evaluate("document.getElementById('token-box').hidden"):
            assert time.time() < deadline, "the page never asked for the token"
            time.sleep(0.1)
        browser.evaluate("{ const t = document.getElementById('token'); t.value = 'wrong';"
                         " t.dispatchEvent(new Event('change')); }")
        wait(browser, lambda s: "not right" in s["status"], "that the token is wrong")
        browser.evaluate("{ const t = document.getElementById('token'); t.value = 's3cret';"
                         " t.dispatchEvent(new Event('change')); }")
        deadline = time.time() + 10
        while browser.evaluate("document.getElementById('house').options.length") < 3:
            assert time.time() < deadline, "the houses were never listed"
            time.sleep(0.1)
        paste(browser, "Mr. Smith said so.\n")
        wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the findings")
        browser.evaluate("document.getElementById('token').dispatchEvent(new Event('change'))")
        time.sleep(0.5)
        assert browser.evaluate("document.getElementById('house').options.length") == 3  # listed once
        paste(browser, "Mr. Smith said so. " * 400)  # over the server's 4 KB
        state = wait(browser, lambda s: "could not be checked" in s["status"], "the error")
        assert "limit" in state["status"] and not state["items"] and not state["marks"]
    finally:
        proc.terminate()
        proc.wait(timeout=10)


def test_a_word_draft_is_checked_fixed_as_tracked_changes_and_annotated(server, browser, tmp_path):
    pytest.importorskip("docx", reason="python-docx (a test tool) is not installed")
    import base64

    from test_word import story

    from copydesk.word.reading import read

    path = story(tmp_path / "story.docx")
    load(browser, server, 1280, 900, False)
    root = browser.send("DOM.getDocument")["root"]["nodeId"]
    node = browser.send("DOM.querySelector", nodeId=root, selector="#file")["nodeId"]
    browser.send("DOM.setFileInputFiles", files=[str(path)], nodeId=node)
    state = wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the Word draft's findings")
    assert state["draft"].startswith("Council freezes bus fares\n\nUK News")  # its text, as read
    assert browser.evaluate("document.getElementById('draft').readOnly") is True
    assert any("paragraph 3, character 1" in i["text"] and "style.honorific" in i["text"] for i in state["items"])
    assert not any(i["fix"] for i in state["items"])  # a Word draft's fixes go in all at once
    browser.evaluate("document.getElementById('annotate').click(); document.getElementById('fix-all').click()")
    done = wait(browser, lambda s: "tracked changes" in s["status"], "the fixes")
    assert "comments" in done["status"]
    fixed = base64.b64decode(browser.evaluate("state.word"))
    word = read(fixed)
    assert "Mr Smith said the colour" in word.text and b"w:author=\"copydesk\"" in word.package.read("word/document.xml")
    assert "word/comments.xml" in word.package.names
    assert done["draft"] == word.text


def test_filter_hides_a_severity(server, browser):
    load(browser, server, 1280, 900, False)
    paste(browser, "Council vote\n\nMr. Smith said the plan was fine.\n")
    wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the findings")
    browser.evaluate("document.querySelector('#filter input[value=error]').click()")
    hidden = browser.evaluate("Array.from(document.querySelectorAll('#findings li.error')).every((li) => li.offsetParent === null)")
    assert hidden
    browser.evaluate("document.querySelector('#filter input[value=error]').click()")
    assert browser.evaluate("Array.from(document.querySelectorAll('#findings li.error')).some((li) => li.offsetParent !== null)")


def test_an_overlap_stays_marked_while_one_of_its_severities_is_shown(server, browser):
    load(browser, server, 1280, 900, False)
    paste(browser, "Council vote\n\nThe the plan, Mr. Smith said, was fine.\n")
    wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the findings")
    severities = browser.evaluate("Array.from(document.querySelectorAll('#marked mark')).map((m) => m.dataset.severities)")
    assert "error" in " ".join(severities)
    browser.evaluate("document.querySelector('#filter input[value=error]').click()")
    left = browser.evaluate("Array.from(document.querySelectorAll('#marked mark')).map((m) => [m.dataset.severities, m.className])")
    for sevs, cls in left:
        assert ("off" in cls) == (sevs == "error"), (sevs, cls)
    browser.evaluate("document.querySelector('#filter input[value=error]').click()")


def test_it_works_on_a_phone(server, browser):
    seed = open(require_shared("seed", "belarus-draft.txt"), encoding="utf-8").read()
    load(browser, server, 390, 844, True)
    assert browser.evaluate("window.innerWidth") == 390
    paste(browser, seed)
    wait(browser, lambda s: "Checked in" in s["status"] and s["items"], "the findings")
    assert browser.evaluate("document.documentElement.scrollWidth") <= 390  # nothing wider than the phone
    # Every control is a native one a keyboard reaches.
    controls = browser.evaluate("Array.from(document.querySelectorAll('button, select, textarea, input')).filter("
                                "(e) => !e.closest('[hidden]')).map((e) => e.tabIndex)")
    assert controls and all(t >= 0 for t in controls)
    assert os.path.getsize(screenshot(browser, "serve-page-390x844.png")) > 10_000
