"""HTML as a browser reads it: a head left open, self-closing <svg/> and <code/>, foreign content
left open, character references without ";". Text that cannot be read is reported, never
passed as clean; fixes never split a word's markup or leave a stray tag."""

import pytest

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import fix_text
from copydesk.parsers.html import balanced

BODY = "<p>Mr. Smith said the color of the new bus station was a surprise to everyone.</p>"


def rules(text, name="a.html"):
    return [f.rule for f in check_document(Document(text, name), Config())]


@pytest.mark.parametrize("page", [
    "<html><head><title>T</title><body>" + BODY,  # head never closed
    "<html><head><title>T</title>" + BODY,  # no body tag either
    "<head><meta charset=utf-8>Text that starts the body. " + BODY,
    "<p>A chart <svg/> follows.</p>" + BODY,
    "<p>Run <code/> now.</p>" + BODY,
    "<p>Run <code>x now.</p>" + BODY,  # code left open ends with its paragraph
    "<p>A chart <svg><path d='M0'/></p>" + BODY,  # a paragraph breaks out of SVG left open
    "<p>Sign <math><mi>x</mi>" + BODY,
])
def test_text_after_markup_left_open_is_read(page):
    found = rules(page)
    assert "style.honorific" in found and "style.spelling" in found, found


@pytest.mark.parametrize("tag", ["pre", "title", "svg", "textarea"])
def test_an_element_left_open_that_hides_the_rest_is_reported(tag):
    page = "<p>The first paragraph is read and checked as usual.</p>" + f"<{tag}>" + BODY + "<p>More text here.</p>"
    found = check_document(Document(page, "a.html"), Config())
    unread = [f for f in found if f.rule == "input.unread"]
    if tag in ("textarea", "svg"):  # not skipped, or (SVG) ended by the paragraph, as in a browser
        assert not unread and "style.honorific" in [f.rule for f in found]
        return
    assert len(unread) == 1 and unread[0].excerpt == f"<{tag}>"
    assert "not checked" in unread[0].message and "style.honorific" not in [f.rule for f in found]


def test_a_closed_pre_and_a_script_left_open_are_not_reported():
    assert "input.unread" not in rules("<pre>code</pre>" + BODY)
    assert "input.unread" not in rules(BODY + "<script>var x = 'a b c d';")


@pytest.mark.parametrize("page, fixed", [
    ("<p>Mr&#46 Smith said so on Monday.</p>", "<p>Mr Smith said so on Monday.</p>"),
    ("<p>Mr&#46; Smith said so on Monday.</p>", "<p>Mr Smith said so on Monday.</p>"),
    ("<p>Mr&#x2E; Smith said so on Monday.</p>", "<p>Mr Smith said so on Monday.</p>"),
    ("<p>The colo&#114 of the door.</p>", "<p>The colo&#114 of the door.</p>"),  # reported, not rewritten
    ("<p>The col<b>or</b> of the door.</p>", "<p>The col<b>or</b> of the door.</p>"),
])
def test_references_without_semicolons_and_markup_inside_words(page, fixed):
    result = fix_text(page, "a.html", "html", Config(), unsafe=False)
    assert result.text == fixed
    assert any(f.rule in ("style.spelling", "style.honorific") for f in check_document(Document(page, "a.html"), Config()))


def test_an_entity_without_semicolon_is_one_character():
    page = "<p>Staff at AT&T “were fine” and AT&amp T too, said Ann Bell.</p>"
    doc = Document(page, "a.html")
    assert doc.blocks[0].text == "Staff at AT&T “were fine” and AT& T too, said Ann Bell."
    assert "quotes.unclosed" not in rules(page)
    b = doc.blocks[0]
    i = b.text.index("& T")
    assert b.prose.source_span(i, i + 1) == (page.index("&amp"), page.index("&amp") + 4)


@pytest.mark.parametrize("name, text", [
    ("a.md", "Head\n\nThe col**or** of the door.\n"),
    ("a.md", "Head\n\nThe colo<!-- note -->r of the door.\n"),
    ("a.md", "Head\n\nThe colo&#114; of the door.\n"),
    ("a.md", "Head\n\nThe col`or` of the door.\n"),
    ("a.html", "<p>The colo<!-- x -->r of the door.</p>"),
])
def test_a_spelling_with_markup_inside_is_reported_without_a_fix(name, text):
    found = [f for f in check_document(Document(text, name), Config()) if f.rule == "style.spelling"]
    if "`" in text:
        assert not found  # code is not prose
        return
    assert len(found) == 1 and found[0].fix is None
    assert fix_text(text, name, None, Config(), unsafe=True).text == text


def test_furniture_fix_in_html_never_leaves_a_stray_tag():
    page = ("<html><body><article>\n<h1>Council agrees budget for town centre</h1>\n"
            "<p>The council agreed its budget on Monday after a long debate about the town centre and its shops.</p>\n"
            "<p>Share this article</p>\n"
            "<div><span>Advertisement</span>\n"
            "<p>The leader said the vote was a sign of confidence in the town and its future.</p></div>\n"
            "</article></body></html>\n")
    found = {f.excerpt: f for f in check_document(Document(page, "a.html"), Config()) if f.rule == "layout.page-furniture"}
    assert set(found) == {"Share this article", "Advertisement"}
    assert found["Share this article"].fix is not None
    assert found["Advertisement"].fix is None  # deleting "<div><span>Advertisement</span>" would orphan </div>
    fixed = fix_text(page, "a.html", "html", Config(), unsafe=True).text
    assert "Share this article" not in fixed and fixed.count("<div>") == fixed.count("</div>") == 1


@pytest.mark.parametrize("chunk, ok", [
    ("<p>Share</p>", True), ("<p>Share", True), ("<li>Share", True), ("<div>Share", False), ("Share</div>", False),
    ("<div><span>x</span>", False), ("<div><p>x</div>", True), ("<img src=x> x", True), ("<br/>x", True),
    ("<!-- <div> -->x", True), ("<span>a</b></span>", False), ("plain", True),
])
def test_balanced(chunk, ok):
    text = "<main>" + chunk + "</main>"
    assert balanced(text, 6, 6 + len(chunk)) is ok


@pytest.mark.parametrize("page, tag", [
    ("<html><head><title>T<body>" + BODY, "title"),  # a title left open inside a head left open
    ("<p>Intro text here.</p><template>" + BODY, "template"),
    ("<p>Intro text here.</p><noscript>" + BODY, "noscript"),
])
def test_a_title_template_or_noscript_left_open_is_reported(page, tag):
    found = check_document(Document(page, "a.html"), Config())
    assert [f.excerpt for f in found if f.rule == "input.unread"] == [f"<{tag}>"]


@pytest.mark.parametrize("page", [
    "<!-->" + BODY + "<!-- x -->",
    "<!--->" + BODY + "<!-- x -->",
    "<!-- a --!>" + BODY,
])
def test_comments_end_where_a_browser_ends_them(page):
    assert "style.honorific" in rules(page)


@pytest.mark.parametrize("page, at", [
    (BODY + "<p>Intro <!-- a note that never ends. " + BODY, "<!--"),
    (BODY + "<p>Intro <a title='x " + BODY.replace(">", ""), "<a t"),
])
def test_markup_that_never_ends_is_reported_not_read(page, at):
    found = check_document(Document(page, "a.html"), Config())
    unread = [f for f in found if f.rule == "input.unread"]
    assert len(unread) == 1 and unread[0].excerpt == at and "never closed" in unread[0].message
    assert [f.rule for f in found].count("style.honorific") == 1  # the first paragraph, before it


def test_raw_html_blocks_in_markdown_are_read_at_their_positions():
    text = ("# Title here\n\n<div>\nMr. White said the color was wrong.\n</div>\n\n"
            "<p>Mr. Green agreed.</p>\n\nA normal paragraph by Mr. Black.\n")
    found = check_document(Document(text, "a.md"), Config())
    got = [(f.rule, f.line, f.column, f.excerpt) for f in found]
    assert got == [("style.honorific", 4, 1, "Mr."), ("style.spelling", 4, 20, "color"),
                   ("style.honorific", 7, 4, "Mr."), ("style.honorific", 9, 23, "Mr.")]
    fixed = fix_text(text, "a.md", "markdown", Config()).text
    assert fixed == text.replace("Mr.", "Mr").replace("color", "colour")
