import pytest

from copydesk.quoting import scan


@pytest.mark.parametrize(
    "text",
    [
        "Belarus’s opposition said let’s go.",
        "Belarus's opposition said let's go.",
        "Music of the ’90s and the '90s.",
        "They played rock ’n’ roll and rock 'n' roll.",
        "The Jones’ house and the Jones' house.",
        "It starts at ten o’clock, or ten o'clock.",
        "He said ’em and 'em and 'til.",
        "A 5' 10\" man bought a 12\" pizza.",
    ],
)
def test_apostrophes_are_not_quotation_marks(text):
    sc = scan(text)
    assert sc.quotes == [], [(q.open, q.close) for q in sc.quotes]


def test_balanced_nested_quotes():
    sc = scan("“He told me ‘never again’ and left,” she said.")
    assert [(q.depth, q.close is not None) for q in sc.quotes] == [(0, True), (1, True)]


def test_straight_quotes_pair_by_context():
    sc = scan('"We will win," she said. "It is certain."')
    assert len(sc.quotes) == 2 and all(q.close for q in sc.quotes)


def test_unclosed_and_unopened_are_found_at_the_mark():
    text = "She said we will win.” Then “the vote"
    sc = scan(text)
    assert [text[q.close.index] for q in sc.unopened] == ["”"]
    assert [q.open.index for q in sc.unclosed] == [text.index("“")]


def test_ten_thousand_marks_scan_in_one_pass():
    text = "“" * 10_000 + " word " + "”" * 10_000
    sc = scan(text)
    assert len(sc.quotes) == 10_000 and not sc.unclosed
