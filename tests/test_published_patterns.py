"""False alarms found while reading the checkers' findings on published copy, each kept as a
test. The sentences are written for these tests, modelled on the patterns seen."""

import pytest

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document


def found(text, prefix=""):
    doc = Document("Headline of the story\n\n" + text, "a.txt")
    return [f.rule for f in check_document(doc, Config()) if f.rule.startswith(prefix)]


@pytest.mark.parametrize(
    "text",
    [
        "Infected machines join so-called 'bot networks that send spam.",  # an elision, not a quote
        "The winger, who is 5' 10\" tall, signed on Monday.",  # feet and inches
        'The ministers had "cleared the first hurdle of 2026".',  # a digit before the closing mark
        "''We gave him a chance and it did not work,'' said the coach.",  # two single marks for a double
        "Its new series is called 'Never Again, Mr Nice'. It starts in May.",  # a title in single marks
    ],
)
def test_no_quote_finding(text):
    assert found(text, "quotes") == []


@pytest.mark.parametrize(
    "text",
    [
        'The chancellor urged voters not to stay at home, warning the "stakes are far too high" this time.',
        'A climber reaches the last ridge and sees written on a post, "Have you got enough left for the summit?"',
        "“We started slowly and never found our rhythm.\n\n“In the end we were lucky to draw,” the manager said.",
        "The manager praised his goalkeeper after the match.\n\nHe said the team had worked hard.\n\n"
        "“We started slowly and never found our rhythm in the first half.”",
        "“We started slowly and never found our rhythm in the first half.”\n\nThe manager said the team had worked hard.",
        "Coach Dan Reeve said the squad was tired. The squad flew home on Sunday. Reeve was asked about his future.\n\n"
        "Reeve had signed a new contract in June. “I am not going anywhere, and the players know that.”",
    ],
)
def test_no_attribution_finding(text):
    assert found(text, "attribution.unattributed") == []


def test_names_keep_their_spelling():
    text = ("The club signed Stuart Gray from Leeds on Monday. Gray, 26, joins on a free transfer.\n\n"
            "Arbor Networks said the attack was large. The connection failed and ten tons of grain spoiled.")
    assert found(text, "style") == []


def test_a_list_of_fixtures_is_not_a_row_of_teasers():
    text = "The draw for the fifth round was made on Sunday.\n\nArsenal v Wolves\n\nHull v Colchester\n\nSunderland v Palace\n"
    assert found(text, "layout") == []


def test_two_quotations_in_a_row_without_a_speaker_are_one_finding():
    text = ("The vote was close.\n\n“Nobody can say I said one thing and did another in this job.” "
            "“It would be wrong to stay on if I did not practise what I preach every day.”")
    assert found(text, "attribution") == ["attribution.unattributed-quote"]


def test_korean_closing_quote_before_a_particle_is_a_quotation_mark():
    assert found("그는 이 문제를 ‘데이트 폭력’이라고 말했다.", "quotes") == []


def test_a_line_repeated_as_structure_is_not_a_pasted_duplicate():
    q = "What inspired you to start writing about the food of your region and its history?"
    text = f"{q}\n\nMy grandmother did.\n\n{q}\n\nMy travels did.\n\n{q}\n\nA book did.\n"
    assert found(text, "layout.duplicate") == []
