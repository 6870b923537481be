from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document

DRAFT = """# Club news

<!-- copydesk-disable-next-line style.spelling -->
The club's color scheme is old.

The club's color scheme is new.

<!-- copydesk-disable style.honorific -->
Mr. Barker spoke.
<!-- copydesk-enable style.honorific -->

Mr. Barker spoke again.

<!-- copydesk-disable-next-line quotes -->
Nothing to hide here.
"""


def rules(findings):
    return [(f.rule, f.line) for f in findings]


def test_suppressions_and_unused_suppression():
    got = rules(check_document(Document(DRAFT, "a.md"), Config()))
    assert ("style.spelling", 6) in got and ("style.spelling", 4) not in got
    assert ("style.honorific", 9) not in got and ("style.honorific", 12) in got
    assert ("copydesk.unused-suppression", 14) in got


def test_plain_text_suppression_lines():
    text = "Club news\n\ncopydesk-disable-next-line style\nThe color is old.\n\nThe color is new.\n"
    got = rules(check_document(Document(text, "a.txt"), Config()))
    assert got == [("style.spelling", 6)]


def test_select_ignore_and_severity_override():
    doc = Document(DRAFT, "a.md")
    only = check_document(doc, Config(select=["style.honorific"]))
    assert {f.rule for f in only} == {"style.honorific"}
    none = check_document(doc, Config(ignore=["style", "copydesk"]))
    assert not [f for f in none if f.rule.startswith("style")]
    sev = check_document(doc, Config(severity={"style": "info", "style.honorific": "warning"}))
    assert {f.severity for f in sev if f.rule == "style.spelling"} == {"info"}
    assert {f.severity for f in sev if f.rule == "style.honorific"} == {"warning"}


def test_findings_sorted_and_deduplicated():
    text = "Head\n\nThe color and the color.\n\nMr. Smith and Mr. Jones.\n"
    fs = check_document(Document(text, "a.txt"), Config())
    assert [f.start for f in fs] == sorted(f.start for f in fs)
    assert len({(f.rule, f.start, f.end) for f in fs}) == len(fs)


def test_accept_list_and_checker_options():
    text = "Head\n\nThe color is red.\n\n“This building deserves a better future than slow decay and neglect.”\n"
    doc = Document(text, "a.txt")
    assert [f.rule for f in check_document(doc, Config())] == ["style.spelling", "attribution.unattributed-quote"]
    assert [f.rule for f in check_document(doc, Config(accept=["color"], checks={"attribution": {"min_words": 20}}))] == []


def test_a_failing_checker_becomes_an_internal_error_and_others_still_report(monkeypatch):
    from copydesk.checks.quotes import QuotesChecker

    def boom(self, doc, ctx):
        raise RuntimeError("kaput")

    monkeypatch.setattr(QuotesChecker, "check", boom)
    fs = check_document(Document("Head\n\nThe color is red.\n", "a.txt"), Config())
    assert [f.rule for f in fs] == ["copydesk.internal-error", "style.spelling"]
    assert "quotes" in fs[0].message and "kaput" in fs[0].message
