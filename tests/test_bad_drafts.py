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
    text = "Head\n\n" + "“word” " * 5000 + "\n\n" + "“" * 10_000 + "\n"
    fs = check_document(Document(text, "a.txt"), Config())
    assert [f.rule for f in fs if f.severity == "error"] == ["quotes.unclosed"]


def test_a_long_draft_with_no_paragraph_breaks():
    text = "Head\n\n" + ("The council met and said “we will meet again”. " * 3000)
    fs = check_document(Document(text, "a.txt"), Config())
    assert all(f.rule != "copydesk.internal-error" for f in fs)
