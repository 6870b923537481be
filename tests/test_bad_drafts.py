"""Odd drafts give sensible findings or none, never an exception."""

import pytest

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document


@pytest.mark.parametrize(
    "text",
    ["", "\n", "   ", "One line only", "\n\n\n\n", "“", "”", "\"", "'", "“”", "‘’’’", "“only a quote”",
     "\u00a0", "# ", "---\n", "---\ntitle: x\n---\n", "> ", "- ", "```", "<!--", "copydesk-disable"],
)
@pytest.mark.parametrize("fmt", ["text", "markdown"])
def test_degenerate_drafts(text, fmt):
    fs = check_document(Document(text, "a.md" if fmt == "markdown" else "a.txt", fmt), Config())
    assert all(f.rule != "copydesk.internal-error" for f in fs), fs


def test_only_quotes_gives_balance_findings_at_the_marks():
    text = "Head\n\n““““\n"
    fs = check_document(Document(text, "a.txt"), Config())
    assert {f.rule for f in fs} == {"quotes.unclosed"}
    assert fs[0].excerpt == "“"


def test_ten_thousand_quotation_marks():
    text = "Head\n\n" + "“Word,” said the man at the back of the hall. " * 5000 + "\n\n" + "“" * 10_000 + "\n"
    fs = check_document(Document(text, "a.txt"), Config())
    assert [f.rule for f in fs if f.severity == "error"] == ["quotes.unclosed"]


@pytest.mark.parametrize("body", ['"' * 30_000, "“a” " * 10_000, "'" * 3000 + " x" * 1000])
def test_a_draft_of_quotation_marks_is_not_read_as_prose(body):
    """Over 2,000 marks and over one character in eight: one warning at the first mark, and the
    quotation checks, whose work grows with the marks, are not run on it."""
    text = "Head\n\n" + body + "\n"
    fs = check_document(Document(text, "a.txt"), Config())
    assert [f.rule for f in fs if f.rule.startswith(("quotes.", "attribution.", "input."))] == ["input.unread"]
    f = next(f for f in fs if f.rule == "input.unread")
    assert f.start == 6 and f.excerpt[:1] == body[0]
    assert "not checked" in f.message


def test_a_draft_just_under_the_density_is_checked():
    text = "Head\n\n" + "“Yes,” said the man. " * 200 + "“Never" + "\n"
    fs = check_document(Document(text, "a.txt"), Config())
    assert "input.unread" not in {f.rule for f in fs}
    assert "quotes.unclosed" in {f.rule for f in fs}


def test_a_long_draft_with_no_paragraph_breaks():
    text = "Head\n\n" + ("The council met and said “we will meet again”. " * 3000)
    fs = check_document(Document(text, "a.txt"), Config())
    assert all(f.rule != "copydesk.internal-error" for f in fs)


@pytest.mark.slow
@pytest.mark.parametrize("name, unit", [("a.txt", "A line.\n\n"), ("a.md", "A line.\n\n"), ("a.html", "<p>A line.</p>\n")])
def test_a_draft_of_more_paragraphs_than_any_article_is_read_up_to_the_limit(name, unit):
    from copydesk.parsers import MAX_BLOCKS

    text = "Head\n\n" + unit * (MAX_BLOCKS + 50) + "Mr. Smith.\n"
    doc = Document(text, name)
    assert len(doc.blocks) <= MAX_BLOCKS + 1
    fs = check_document(doc, Config())
    unread = [f for f in fs if f.rule == "input.unread"]
    assert len(unread) == 1 and "more than 20,000" in unread[0].message
    assert "style.honorific" not in {f.rule for f in fs}  # past the limit: reported as not checked, not checked
