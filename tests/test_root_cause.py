"""One fault, one finding: a layout fault (a paragraph broken in two, page furniture, an
invisible line, run-in furniture, a repeated paragraph) is reported once, and what it does to
the quotations around it is told in its message instead of in findings of their own. Also the
nesting of double marks inside double marks. Every draft here is written for the test."""

from copydesk.checker import Context
from copydesk.checks.layout import LayoutChecker, structure
from copydesk.checks.quotes import QuotesChecker
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import fix_text
from copydesk.house import load_house

from conftest import cut

BROKEN = (
    "Council shuts library\n"
    "\n"
    "The council closed the library on Monday after a vote.\n"
    "\n"
    '"We have tried every way we know to keep the doors open, but the\n'
    "\n"
    'money is simply not there any more," the council leader, Jane Hollis, said.\n'
    "\n"
    "Residents plan a protest.\n"
)

# A quotation over three paragraphs, named at its end, with page furniture between them.
FURNITURE = (
    "Library to close in spring\n"
    "\n"
    "The town's only library will close in April after more than a hundred years.\n"
    "\n"
    '"We have looked at every other way of keeping the doors open for the people of this town.\n'
    "\n"
    "Advertisement\n"
    "\n"
    '"We asked the county for help and we asked local businesses for help.\n'
    "\n"
    "More on this story\n"
    "\n"
    '"There was simply not enough money left in the budget to pay for it," said the council leader, Jane Hollis.\n'
    "\n"
    "Campaigners plan to take the council to court.\n"
)


def check(text, name="draft.txt", **cfg):
    fmt = {"md": "markdown", "html": "html"}.get(name.rsplit(".", 1)[-1], "text")
    return check_document(Document(text, name, fmt), Config(**cfg))


def rules(findings):
    return [f.rule for f in findings]


def test_a_paragraph_broken_inside_a_quotation_is_reported_once():
    findings = check(BROKEN)
    assert rules(findings) == ["layout.broken-paragraph"]
    f = findings[0]
    assert f.excerpt == "the" and (f.line, f.column) == (5, 62)
    assert "join them" in f.message
    assert "leaves the quotation opened on line 5 unclosed" in f.message
    assert "the closing quotation mark on line 7 without its opening mark" in f.message
    assert f.message.count(".") == 1 and f.message.endswith(").")
    assert f.fix is not None and f.fix.safe


def test_joining_the_broken_paragraph_fixes_the_quotation_too():
    fixed = fix_text(BROKEN, "draft.txt", "text", Config())
    assert fixed.findings == []
    assert '"We have tried every way we know to keep the doors open, but the money is simply not there any more,"' in fixed.text
    assert fix_text(fixed.text, "draft.txt", "text", Config()).text == fixed.text


def test_furniture_inside_a_multi_paragraph_quotation_gives_only_the_furniture_findings():
    findings = check(FURNITURE)
    assert rules(findings) == ["layout.page-furniture", "layout.page-furniture"]
    advert, more = findings
    assert advert.excerpt == "Advertisement" and more.excerpt == "More on this story"
    # What the furniture does is in its message: the quotation it cuts, the speaker it hides.
    assert "the quotation opened on line 5 unclosed" in advert.message
    assert "without their speaker" in advert.message or "without their speaker" in more.message
    assert "the quotation opened on line 9 unclosed" in more.message


def test_the_quotes_and_attribution_checkers_read_past_the_furniture():
    # Reported on their own, the quotes and attribution findings of the draft as it stands
    # are there; read through Context.read they are not.
    as_it_stands = check(FURNITURE, ignore=["layout"])
    assert sorted(set(rules(as_it_stands))) == ["attribution.unattributed-quote", "quotes.unclosed"]
    assert [f.line for f in as_it_stands if f.rule == "quotes.unclosed"] == [5, 9]
    assert check(FURNITURE, select=["quotes", "attribution"], ignore=["layout"]) == as_it_stands
    doc = Document(FURNITURE, "draft.txt", "text")
    ctx = Context(QuotesChecker(), load_house("british"))
    texts = [b.text for b in ctx.read(doc).blocks]
    assert "Advertisement" not in texts and "More on this story" not in texts
    assert list(QuotesChecker().check(doc, ctx)) == []


def test_a_suppressed_root_gives_its_consequences_back():
    text = FURNITURE.replace("Advertisement\n", "copydesk-disable-next-line layout.page-furniture\nAdvertisement\n")
    findings = check(text)
    assert "layout.page-furniture" in rules(findings)  # the other one, More on this story
    unclosed = [f for f in findings if f.rule == "quotes.unclosed"]
    assert [f.line for f in unclosed] == [5]
    assert all(f.rule != "copydesk.unused-suppression" for f in findings)


def test_the_root_takes_the_highest_severity_of_what_it_causes():
    text = BROKEN.replace("but the\n\nmoney", "but the\n\u00a0\nmoney")  # whitespace-line: a warning
    assert [f.severity for f in check(text)] == ["error"]
    assert [f.severity for f in check(text, severity={"quotes": "warning", "attribution": "warning"})] == ["warning"]
    assert [f.severity for f in check(text, severity={"quotes": "info", "attribution": "info"})] == ["warning"]


def test_an_invisible_line_splitting_a_quotation_is_reported_once():
    text = BROKEN.replace("but the\n\nmoney", "but the\n\u00a0\nmoney")
    findings = check(text)
    assert rules(findings) == ["layout.whitespace-line"]
    f = findings[0]
    assert (f.line, f.column, f.excerpt) == (6, 1, "\u00a0")
    assert f.severity == "error"  # it takes the weight of the quotation it breaks
    assert "the quotation opened on line 5 unclosed" in f.message
    fixed = fix_text(text, "draft.txt", "text", Config())
    assert fixed.findings == []


def test_an_invisible_line_between_paragraphs_that_end_their_sentences_is_not_a_join():
    text = (
        "Talks go on\n\n"
        '"We will keep talking for as long as it takes to get a fair deal.\n'
        "\u00a0\n"
        '"Nobody wants a strike in the week before Christmas," the union leader said.\n'
    )
    doc = Document(text, "draft.txt", "text")
    assert structure(doc, Context(LayoutChecker(), load_house("british"))).joins == []
    assert rules(check(text)) == ["layout.whitespace-line"]


def test_run_in_furniture_before_a_continuing_quotation_is_reported_once():
    text = FURNITURE.replace("Advertisement\n\n", "").replace("More on this story\n\n", "")
    text = text.replace('"There was simply', 'Updated 3 March 2025 "There was simply')
    findings = check(text)
    assert rules(findings) == ["layout.run-in-furniture"]
    assert findings[0].excerpt == "Updated 3 March 2025"
    assert "the quotation opened on line 7 unclosed" in findings[0].message


def test_a_repeated_quotation_far_from_its_speaker_is_only_a_repeat():
    text = (
        "Library to close in spring\n\n"
        "The council leader, Jane Hollis, spoke to a packed meeting in the town hall on Monday night.\n\n"
        '"There was simply not enough money left in the budget to keep the library open for another year."\n\n'
        "The library opened in 1904 and has been in the same building since the end of the First World War.\n\n"
        "Campaigners plan to take the council to court and have started to raise money for lawyers.\n\n"
        '"There was simply not enough money left in the budget to keep the library open for another year."\n\n'
        "The court case could take a year.\n"
    )
    findings = check(text)
    assert rules(findings) == ["layout.duplicate-paragraph"]
    # The quotation without a speaker is in the copy the fix deletes: nothing to tell.
    assert findings[0].message == "This paragraph repeats the one on line 5; delete one of them."
    assert findings[0].severity == "warning"


def test_a_real_fault_in_a_joined_paragraph_is_still_reported_at_its_exact_mark():
    text = BROKEN.replace("said.\n", 'said, adding that the old hall "was far too cold.\n').replace("\n", "\r\n")
    findings = check(text)
    assert rules(findings) == ["layout.broken-paragraph", "quotes.unclosed"]
    f = findings[1]
    line7 = text.split("\r\n")[6]
    assert (f.line, f.column, f.excerpt) == (7, line7.index('"was') + 1, '"')
    assert cut(text, f.line, f.column, f.end_line, f.end_column) == '"'
    assert "line 5" in findings[0].message


def test_a_broken_quotation_in_markdown_and_html():
    md = BROKEN.replace("Council shuts library", "# Council shuts library")
    assert rules(check(md, "draft.md")) == ["layout.broken-paragraph"]
    html = (
        "<html><body><h1>Council shuts library</h1>"
        "<p>The council closed the library on Monday after a vote.</p>\n"
        '<p>"We have tried every way we know to keep the doors open, but the</p>\n'
        '<p>money is simply not there any more," the council leader, Jane Hollis, said.</p>\n'
        "</body></html>\n"
    )
    findings = check(html, "draft.html")
    assert rules(findings) == ["layout.broken-paragraph"]
    assert "unclosed" in findings[0].message


def test_fixing_drafts_with_root_causes_converges():
    for text in (BROKEN, FURNITURE, BROKEN.replace("but the\n\nmoney", "but the\n\u00a0\nmoney")):
        for unsafe in (False, True):
            once = fix_text(text, "draft.txt", "text", Config(), unsafe)
            assert fix_text(once.text, "draft.txt", "text", Config(), unsafe).text == once.text
    cleaned = fix_text(FURNITURE, "draft.txt", "text", Config(), True)
    assert cleaned.findings == []


# -- double marks inside double marks ---------------------------------------------------


def test_double_marks_inside_double_marks_straight():
    text = 'School saved\n\n"He stood up and said "this school is not closing" and the hall went quiet," she said.\n'
    findings = check(text)
    assert rules(findings) == ["quotes.nesting"]
    f = findings[0]
    assert (f.line, f.column, f.end_column) == (3, 23, 51)
    assert f.excerpt == '"this school is not closing"'
    assert f.suggestions == ("'this school is not closing'",)
    assert "single" in f.message


def test_double_marks_inside_double_marks_curly():
    text = "School saved\n\n“He stood up and said “this school is not closing” and the hall went quiet,” she said.\n"
    findings = check(text)
    assert rules(findings) == ["quotes.nesting"]
    assert findings[0].excerpt == "“this school is not closing”"
    assert findings[0].suggestions == ("‘this school is not closing’",)


def test_a_lost_closing_mark_is_not_taken_for_nesting():
    # The first quotation is never closed, so the next opening mark looks nested: that is the
    # unclosed quotation, not a nesting fault.
    text = 'Strike called\n\n"We will win this, the union leader said. "It is certain," she added.\n'
    assert "quotes.nesting" not in rules(check(text))
    # Curly marks too: one title left open makes every quotation after it look nested.
    text = ("Song chosen\n\nThe last entry was “Harbour Lights (“Coming Home”). “It moved me the first time "
            "I heard it,” he said. “It just fitted.”\n")
    assert rules(check(text)) == ["quotes.unclosed"]


def test_single_marks_inside_double_and_an_apostrophe_are_fine():
    text = 'School saved\n\n"He stood up and said \'this school is not closing\' and the hall\'s lights went out," she said.\n'
    assert check(text) == []


def test_findings_inside_text_a_layout_fix_deletes_go_with_it():
    text = (
        "Library to close in spring\n\n"
        "The town's only library will close in April after more than a hundred years.\n\n"
        "Advertisement\n\n"
        "Color run draws record crowd\n\n"
        "Campaigners plan to take the council to court.\n"
    )
    findings = check(text)
    assert rules(findings) == ["layout.page-furniture", "layout.teaser"]
    # The same word in the article's own text is still reported.
    findings = check(text.replace("court.", "court over the color of the new signs."))
    assert rules(findings) == ["layout.page-furniture", "layout.teaser", "style.spelling"]
    assert findings[2].line == 9
    # With the teaser not reported, what is in it is reported as before.
    assert rules(check(text, ignore=["layout.teaser"])) == ["layout.page-furniture", "style.spelling"]


def test_findings_inside_a_repeated_paragraph_are_kept():
    # Deleting either copy is the writer's choice, and a safe fix in one copy only would hide
    # the repeat: both copies keep their findings.
    para = "The council will spend the money on a new color scheme for the town hall and its gardens.\n\n"
    text = "Town hall\n\n" + para + "The work starts in May and should take six weeks to finish.\n\n" + para
    assert rules(check(text)) == ["style.spelling", "layout.duplicate-paragraph", "style.spelling"]
