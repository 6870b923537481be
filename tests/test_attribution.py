"""Attribution as speaker tracking: quotations whose speaker is lost are reported, the shapes in
which a reader can tell the speaker stay clean. Every draft here is written for these tests."""

import pytest

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document

RULE = "attribution.unattributed-quote"


def unattributed(text, path="a.txt"):
    doc = Document(text, path)
    return [f for f in check_document(doc, Config()) if f.rule == RULE]


def span_of(text, quotation):
    """Where the test's own quotation stands in its draft (computed here, in the test)."""
    start = text.index(quotation)
    return start, start + len(quotation)


# -- planted faults -----------------------------------------------------------------------

CHIEF_EXECUTIVE = (
    "Brewer cuts jobs as margins shrink\n\n"
    "Hollin Ales is to cut 40 jobs at its Leeds brewery after a third year of falling margins.\n\n"
    "“We have to match our costs to what people now pay for a pint,” said chief executive Ruth Okoye.\n\n"
    "Operating profit fell by a fifth to £3.1m on sales of £48m, and the firm's debt rose to £12m.\n\n"
    "“Nobody in this building expected the margins to recover this year.”\n"
)

ANALYSTS_WE = (
    "Lender agrees Dutch takeover\n\n"
    "Marrow Bank has agreed to buy the Dutch lender Kees for £2.4bn.\n\n"
    "Analysts said the bank had come out of the deal well, paying less than many had expected.\n\n"
    "“We had to get bigger in Europe and this was the moment to do it.”\n"
)

PRODUCTS = (
    "Phone maker cuts prices\n\n"
    "The Brisk 7 phone will cost £299 from Friday, down from £349, and the larger Brisk 7 Max falls to £399.\n\n"
    "Both come in four colours, and the Max has a bigger battery and a second camera.\n\n"
    "“Customers will see the difference the first time they charge it.”\n"
)

ORGANISATION_I = (
    "Club sells training ground\n\n"
    "Dunmore Rovers have sold their training ground to a housebuilder for £6m.\n\n"
    "The club said the money would pay for a new academy building at the stadium.\n\n"
    "“I have trained on these pitches since I was nine years old and I will miss them.”\n"
)

QUOTE_OPENS_PARAGRAPH_AFTER_NARRATIVE = (
    "Ferry fares rise\n\n"
    "Fares on the island ferry rise by 8% in April, the third rise in two years.\n\n"
    "“The islanders deserve better than another rise that nobody voted for.” Ferry fares are set by the port board.\n"
)


@pytest.mark.parametrize("text, quotation", [
    (CHIEF_EXECUTIVE, "“Nobody in this building expected the margins to recover this year.”"),
    (ANALYSTS_WE, "“We had to get bigger in Europe and this was the moment to do it.”"),
    (PRODUCTS, "“Customers will see the difference the first time they charge it.”"),
    (ORGANISATION_I, "“I have trained on these pitches since I was nine years old and I will miss them.”"),
    (QUOTE_OPENS_PARAGRAPH_AFTER_NARRATIVE, "“The islanders deserve better than another rise that nobody voted for.”"),
], ids=["chief-executive-two-up", "analysts-we", "products-and-prices", "club-and-I", "opens-paragraph"])
def test_a_planted_unattributed_quotation_is_reported_at_its_exact_span(text, quotation):
    found = unattributed(text)
    assert [(f.start, f.end) for f in found] == [span_of(text, quotation)]


def test_the_message_names_the_last_speaker_and_why_the_chain_broke():
    [f] = unattributed(CHIEF_EXECUTIVE)
    assert f.message == ("This quotation has no speaker: the last speaker, Ruth Okoye, is two paragraphs up, "
                         "before a paragraph that quotes no one; say who said it.")


def test_the_message_says_analysts_cannot_be_we():
    [f] = unattributed(ANALYSTS_WE)
    assert "the paragraph before reports analysts, who cannot be the “we” of this quotation" in f.message


def test_the_message_says_an_organisation_cannot_be_i():
    [f] = unattributed(ORGANISATION_I)
    assert "the paragraph before reports the club, who cannot be the “I”" in f.message
    assert "“I” needs one person" in f.message


def test_with_no_speaker_anywhere_the_message_says_so():
    [f] = unattributed(PRODUCTS)
    assert f.message == "This quotation has no speaker: no one is reported speaking before it; say who said it."


def test_one_lost_speaker_is_one_finding_across_the_paragraphs_that_follow():
    text = (
        "Depot closes\n\n"
        "The bus depot in Arle closes on Friday after 70 years.\n\n"
        "“Every driver here knew every passenger by name.”\n\n"
        "“We were a family, and families do not close on a Friday.”\n"
    )
    found = unattributed(text)
    assert [(f.start, f.end) for f in found] == [span_of(text, "“Every driver here knew every passenger by name.”")]


def test_a_scare_quote_does_not_keep_a_speaker_in_view():
    text = (
        "Library plan\n\n"
        "Council leader Tom Vale said the library would move to the old market hall.\n\n"
        "Campaigners call the market hall a “white elephant” and want it sold.\n\n"
        "“The building has stood empty for eleven years and it costs money every day.”\n"
    )
    assert len(unattributed(text)) == 1


def test_positions_are_exact_in_markdown_with_crlf():
    text = CHIEF_EXECUTIVE.replace("\n", "\r\n").replace("Brewer cuts", "# Brewer cuts", 1)
    found = unattributed(text, "a.md")
    assert [(f.start, f.end) for f in found] == [span_of(text, "“Nobody in this building expected the margins to recover this year.”")]


# -- shapes that must stay clean -------------------------------------------------------------

INTERVIEW = (
    "Interview: Ruth Okoye on forty years of brewing\n\n"
    "Ruth Okoye started at the brewery as a sixteen-year-old apprentice and now runs it.\n\n"
    "“My first job was rolling barrels across the yard, and I loved every minute of it.”\n\n"
    "The brewery was then owned by a family from Harrogate, and it made one beer.\n\n"
    "“We had one recipe and one lorry, and the lorry broke down every winter.”\n\n"
    "She bought the firm from the family in 2009.\n\n"
    "“I borrowed every penny I could find and I would do it again tomorrow.”\n"
)

INTRODUCED_UP = (
    "Harbour wall repaired\n\n"
    "Engineer Sam Pryce, who led the repair, said the wall would stand for another century.\n\n"
    "“The old stone was sound; it was the mortar that had failed.”\n\n"
    "“We took out every joint by hand and filled it with lime, as the builders did in 1850.”\n\n"
    "“It was slow work, but there is no quick way to do it properly.”\n"
)

QA = (
    "Questions for the new head teacher\n\n"
    "Priya Shah takes over at Ashgrove School in September. We asked her about her plans.\n\n"
    "What will change first?\n\n"
    "“The lunch queue. Children spend twenty minutes in it and that is twenty minutes of their break.”\n\n"
    "Will you keep the school's uniform?\n\n"
    "“Yes, but we will make it cheaper, because some families cannot afford the blazer.”\n"
)

QA_LETTERS = (
    "Ask the expert\n\n"
    "Q: Should I insulate my loft before I replace the boiler?\n\n"
    "A: “Always the loft first, because a smaller house loses less heat and needs a smaller boiler.”\n"
)

MULTI_PARAGRAPH = (
    "Mill reopens\n\n"
    "Owner Ruth Okoye said the mill would hire forty people by the summer.\n\n"
    "The looms were last used in 1984.\n\n"
    "“I never thought I would see them running again.\n\n"
    "“My grandfather worked here for fifty years and my mother for ten,” she said.\n"
)

COLON = (
    "Storm damage\n\n"
    "The roof of the sports hall was torn off on Sunday night.\n\n"
    "A spokeswoman for the council said:\n\n"
    "“We will have the hall open again before the end of the month.”\n"
)

CONTINUATION = (
    "Bridge to close\n\n"
    "The bridge closes for repairs on Monday. Councillor Ann Hale said: “It is the only way to keep it safe.\n\n"
    "“The alternative is a bridge that closes for good in five years' time.”\n"
)

POLICE_WE = (
    "Appeal after crash\n\n"
    "Police said a man of 43 had been taken to hospital after the crash on the A59.\n\n"
    "“We are asking anyone who saw a blue van on the road that evening to call us.”\n"
)

PRONOUN_BACK = (
    "Walker returns\n\n"
    "Jo Marsh broke her back in a fall in 2024, and says she did not expect to walk again.\n\n"
    "“The first month I could not even sit up without help.”\n\n"
    "She then spent six weeks on crutches. “Walking to the end of the street felt like a marathon.”\n"
)

FIRST_PERSON_HEADLINE = (
    "My forty years behind the bar\n\n"
    "The Fox and Hounds in Ashby closes on Saturday after its landlady retires.\n\n"
    "“I pulled my first pint here in 1986, when a pint cost less than a pound.”\n"
)

SPEAKER_IN_PARAGRAPH = (
    "Champion returns\n\n"
    "The Open was won by Mia Karlsson last year, when she beat Lena Ortiz in the final.\n\n"
    "“It was the best week of my life,” said Karlsson.\n\n"
    "The tournament has moved to a new site since then. Karlsson arrived on Monday. "
    "“I love this place already and the courts are fast.”\n"
)


@pytest.mark.parametrize("text", [
    INTERVIEW, INTRODUCED_UP, QA, QA_LETTERS, MULTI_PARAGRAPH, COLON, CONTINUATION, POLICE_WE,
    PRONOUN_BACK, FIRST_PERSON_HEADLINE, SPEAKER_IN_PARAGRAPH,
], ids=["interview-headline", "introduced-up", "q-and-a", "q-and-a-letters", "multi-paragraph", "colon",
        "continuation", "police-we", "pronoun-back", "first-person-headline", "speaker-named-in-paragraph"])
def test_a_quotation_whose_speaker_is_clear_stays_clean(text):
    assert unattributed(text) == []


def test_indirect_speech_hands_the_speaker_on():
    text = (
        "School meals\n\n"
        "The manager praised his kitchen staff after the inspection.\n\n"
        "He said the team had worked hard all year.\n\n"
        "“We started from nothing and we now cook four hundred meals a day.”\n"
    )
    assert unattributed(text) == []


def test_a_paragraph_of_narrative_breaks_even_an_interview_like_chain_without_a_frame():
    text = INTRODUCED_UP.replace(
        "“It was slow work",
        "The harbour is used by twelve fishing boats and a lifeboat.\n\n“It was slow work",
    )
    found = unattributed(text)
    assert [(f.start, f.end) for f in found] == [
        span_of(text, "“It was slow work, but there is no quick way to do it properly.”")]
    assert "the last speaker" in found[0].message and "two paragraphs up" in found[0].message


def test_without_its_frame_the_interview_has_lost_speakers():
    text = INTERVIEW.replace("Interview: Ruth Okoye on forty years of brewing", "Forty years of brewing")
    assert len(unattributed(text)) == 3  # each quotation follows a paragraph of narrative


def test_without_its_questions_the_q_and_a_has_a_lost_speaker():
    text = QA.replace("What will change first?", "The school has 900 pupils.")
    assert len(unattributed(text)) == 1


def test_fixture_16_is_clean_because_of_its_frame():
    import os

    from conftest import FIXTURES

    with open(os.path.join(FIXTURES, "16-interview.md"), encoding="utf-8") as fh:
        text = fh.read()
    assert unattributed(text, "16-interview.md") == []
    unframed = text.replace("# Interview: Sam Pryce, harbour engineer", "# Harbour wall rebuilt")
    assert len(unattributed(unframed, "16-interview.md")) == 3


def test_a_reporting_phrase_from_the_config_attributes():
    text = (
        "Plant to close\n\n"
        "The plant shuts in May, the owner let slip on Friday.\n\n"
        "Sales fell by half last year.\n\n"
        "“We kept it open for as long as the orders came in.”\n"
    )
    doc = Document(text.replace("the owner let slip", "the owner said"), "a.txt")
    assert len(unattributed(text)) == 1
    cfg = Config(checks={"attribution": {"reporting": ["let slip"]}})
    narrative = text.replace("Sales fell by half last year.\n\n", "")
    assert [f for f in check_document(Document(narrative, "a.txt"), cfg) if f.rule == RULE] == []
    assert len(unattributed(narrative)) == 1
    assert unattributed(doc.text.replace("Sales fell by half last year.\n\n", "")) == []


@pytest.mark.parametrize("report, name", [
    ("“The ground is full every week,” said Mr Dale, the club's vice-chairman.", "Mr Dale"),
    ("Fiona Reyes, associate director of the firm, said the new screens were ready.", "Fiona Reyes"),
    ("Rovers vice-chairman Tom Dale said the club would seek a listing.", "Tom Dale"),
    ("Speaking in Dubai on Monday, Tom Dale said the club would seek a listing.", "Tom Dale"),
    ("The club will seek a listing, said Tom Dale.", "Tom Dale"),
])
def test_the_message_names_the_speaker_as_the_article_gives_them(report, name):
    text = (
        "Club looks to the market\n\n"
        f"{report}\n\n"
        "The club's turnover rose to £80m last year.\n\n"
        "“A share sale is one choice on the table, but nothing has been settled.”\n"
    )
    [f] = unattributed(text)
    assert f.message.startswith(f"This quotation has no speaker: the last speaker, {name}, is two paragraphs up")


@pytest.mark.parametrize("before", [
    "The chain posted a profit of £3m on sales of £40m.",  # posted: a verb of figures, not of speech
    "Users can make calls to landlines for a small fee.",  # calls: a noun
    "Ministers Ann Hale and Tom Dale welcomed the figures.",  # two voices cannot speak one quotation
    "Markets responded by pushing the pound lower.",  # markets do not speak
])
def test_what_only_looks_like_a_speaker_does_not_carry_a_quotation(before):
    text = (
        "Figures out\n\n"
        f"{before}\n\n"
        "“The numbers show a business that has turned the corner at last.”\n"
    )
    assert len(unattributed(text)) == 1


@pytest.mark.parametrize("before", [
    "The chain's owner posted: the figures were the best in a decade.",
    "She notes that the chain has turned a profit for the first time.",
    "Ann Hale and Tom Dale, who run the chain, said they were pleased.",  # two voices may say “we”
])
def test_a_speaker_in_those_words_still_carries(before):
    text = (
        "Figures out\n\n"
        f"{before}\n\n"
        "“We have turned the corner and the staff deserve the credit for it.”\n"
    )
    assert unattributed(text) == []


@pytest.mark.parametrize("clause", [
    "Tom Reyes, the agency's associate administrator of science, said in the statement.",
    "Ann Bell, a fellow at the institute in Leeds, England, and one of the report's three authors, said in a statement.",
])
def test_a_speaker_with_a_long_apposition_said_in_a_statement(clause):
    text = ("Moon landers chosen\n\nThe agency picked five firms on Monday.\n\n"
            f"\"The scheme was designed to use the skill of private firms to reach the Moon quickly,\" {clause}\n")
    assert unattributed(text) == []


def test_a_participle_closed_by_commas_is_still_no_speaker():
    text = ("Cup run ends\n\nThe club lost 2-0 at home on Saturday.\n\n"
            "Nemeth, recalled in place of the injured captain, missed two chances before the break.\n\n"
            "\"We did not take our chances and we paid for it in the end.\"\n")
    assert len(unattributed(text)) == 1


def test_a_credit_line_between_a_speaker_and_the_quotation_does_not_break_the_chain():
    text = ("Harbour wall to be rebuilt\n\nThe harbour master, Ruth Okoye, said the council had agreed to pay for the work.\n\n"
            "Photograph: Tom Reyes/Reuters\n\n"
            "\"We have waited three winters for this and the town will not wait another one.\"\n")
    assert unattributed(text) == []
    narrative = text.replace("Photograph: Tom Reyes/Reuters", "The wall was built in 1870 and last repaired in 1952.")
    assert len(unattributed(narrative)) == 1


def test_a_group_cannot_speak_a_quotation_with_one_voice_and_the_message_says_so():
    text = ("Market stalls to go\n\nThe council will close the Saturday market in March.\n\n"
            "Traders say the decision was taken without asking them.\n\n"
            "\"People will simply drive to the retail park and the high street will empty.\"\n")
    found = unattributed(text)
    assert len(found) == 1
    assert "“”" not in found[0].message and "one voice" in found[0].message
