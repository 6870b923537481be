"""Published copy comes back clean, and faults found on it stay found: short pieces of a broken
paragraph, the shapes of published copy that look like faults and are not (lists, tables, team
sheets, crossheads, spellings kept on purpose, names of American bodies, titles in quotation
marks)."""

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document


def found(text, rules, name="a.txt"):
    return [(f.rule, f.excerpt) for f in check_document(Document(text, name), Config(select=rules))]


def source(text, f_start_end):
    s, e = f_start_end
    return text[s:e]


HEAD = "Harbour plan approved\n\nThe district council approved the harbour plan on Monday after a long debate.\n\n"


# Broken paragraphs: a short first piece.

def test_a_three_word_piece_carried_on_in_lower_case_is_a_broken_paragraph():
    text = HEAD + "The mayor was also\n\nsurprised by how few people had come to the meeting, she said.\n"
    got = check_document(Document(text, "a.txt"), Config(select=["layout"]))
    assert [(f.rule, f.excerpt) for f in got] == [("layout.broken-paragraph", "also")]
    # the fix joins the two pieces with one space, at the exact gap
    assert [(e.start, e.end, e.text) for e in got[0].fix.edits] == [
        (text.index("also") + 4, text.index("surprised"), " ")]


def test_a_one_word_piece_between_two_pieces_of_a_quotation_is_reported_once_with_its_cause():
    text = (HEAD + 'She said: "We wanted to look like a team that could win. I\n\nwas\n\n'
            'certain we would, and so were the players," the captain added.\n')
    got = found(text, ["layout", "quotes"])
    assert got == [("layout.broken-paragraph", "I"), ("layout.broken-paragraph", "was")]


def test_a_piece_ending_in_an_article_before_a_capital_is_broken():
    text = HEAD + "Councillors then backed the\n\nHarbour Board, which had sent the plan back to the committee twice.\n"
    assert found(text, ["layout"]) == [("layout.broken-paragraph", "the")]
    text = HEAD + "He backed the\n\nHarbour Board, which had sent the plan back to the committee twice.\n"
    assert found(text, ["layout"]) == [("layout.broken-paragraph", "the")]


def test_a_crosshead_before_a_capital_stays_clean():
    text = HEAD + "Worth waiting for\n\nThe new wall will be built of granite from a quarry near the town.\n"
    assert found(text, ["layout"]) == []


def test_a_short_heading_before_a_paragraph_opening_with_a_brand_in_lower_case_stays_clean():
    text = HEAD + "Online sales\n\neBay said sales of boats in the county had doubled over the year.\n"
    assert found(text, ["layout"]) == []


def test_a_list_of_short_lower_case_lines_stays_clean():
    text = HEAD + "You will need\n\nflour\n\ntwo eggs\n\nmilk\n\nThe recipe serves four people and takes an hour to make.\n"
    assert found(text, ["layout"]) == []


def test_a_fixture_table_and_match_details_stay_clean():
    text = ("Town v Rovers\n\nMill Lane\n\nSaturday, 26 February\n\n1500 GMT\n\n"
            "Jo Marsh (Kent)\n\nwill referee a derby that both managers have called the biggest of the season.\n\n"
            "Town have won their last four games at home and are unbeaten since October.\n")
    assert found(text, ["layout"]) == []


def test_a_team_sheet_stays_clean():
    text = ("Town name side for Rovers game\n\nTown: Marsh; Reed, Cole, Hart, Lamb; Pike, Stone, Webb; Dean, Fox, Gray\n\n"
            "Replacements: Lamb, Pike, Stone\n\nReferee\n\nJo Marsh (Kent)\n\n"
            "Town have won their last four games at home and are unbeaten since October.\n")
    assert found(text, ["layout"]) == []


def test_a_four_word_piece_before_a_capital_without_a_joining_word_stays_clean():
    text = HEAD + "Rain on the hills\n\nThe forecast for the weekend is for heavy rain across the north.\n"
    assert found(text, ["layout"]) == []


# Spelling kept on purpose, and the names of American bodies.

def test_a_spelling_followed_by_sic_is_kept_as_the_source_wrote_it():
    text = HEAD + 'The firm said it was "worn down by legal maneuvers (sic) from its rivals" and would close.\n'
    assert found(text, ["style"]) == []
    text = HEAD + "The notice asked residents to respect the color [sic] of the old harbour wall.\n"
    assert found(text, ["style"]) == []


def test_without_sic_the_same_spelling_is_reported():
    text = HEAD + 'The firm said it was "worn down by legal maneuvers from its rivals" and would close.\n'
    assert found(text, ["style"]) == [("style.spelling", "maneuvers")]


def test_an_american_body_in_lower_case_keeps_its_spelling():
    text = HEAD + "Shares fell after the latest labor department report showed a rise in unemployment.\n"
    assert found(text, ["style"]) == []
    text = HEAD + "The defense secretary flew to the base on Tuesday, officials said.\n"
    assert found(text, ["style"]) == []


def test_the_american_word_outside_the_name_is_still_reported():
    text = HEAD + "The union said labor costs at the harbour had risen by a fifth.\n\nDefense lawyers said they would appeal.\n"
    assert found(text, ["style"]) == [("style.spelling", "labor"), ("style.spelling", "Defense")]


def test_a_court_judgment_beside_a_writers_judgement_is_not_an_inconsistency():
    text = ("Ruling on harbour\n\nThe High Court ruled on Tuesday that the harbour plan was lawful.\n\n"
            "The minister said he would not rush to judgement.\n\n"
            '"We will study the judgment with care," a spokesman said.\n')
    assert found(text, ["style"]) == []


def test_judgement_and_judgment_with_no_court_are_still_one_word_spelt_two_ways():
    text = ("Harbour plan\n\nThe charity said its judgement was sound.\n\n"
            "A second judgement agreed.\n\nA judgment on funding is due in May.\n")
    assert found(text, ["style"]) == [("style.consistency", "judgment")]


# Quotation marks around titles.

def test_a_title_in_single_marks_with_its_punctuation_inside_is_not_speech():
    text = HEAD + "He missed training to appear on 'A Question of Sport.' The coach dropped him.\n"
    assert found(text, ["quotes"]) == []
    text = HEAD + "Five local players joined the 'Harbour Town Rowing Club,' which won the cup.\n"
    assert found(text, ["quotes"]) == []


def test_speech_in_single_marks_is_still_reported():
    text = HEAD + "'We will win the vote on Monday,' she said.\n"
    assert found(text, ["quotes"]) == [("quotes.nesting", "'")]


# A quotation continued after a lost paragraph break.

def test_a_quotation_reopened_mid_paragraph_is_reported_where_the_break_was_lost():
    text = (HEAD + '"We wanted the harbour open by summer," the mayor said. "It was never going to be easy. '
            '"But the town has waited long enough and so have I."\n\nThe work starts in May.\n')
    got = check_document(Document(text, "a.txt"), Config(select=["quotes"]))
    assert [(f.rule, f.excerpt) for f in got] == [("quotes.unclosed", '"')]
    start = text.index('"But')
    assert got[0].line == text[:start].count("\n") + 1
    assert got[0].column == start - text.rindex("\n", 0, start)
    assert "paragraph break has been lost" in got[0].message


def test_a_quotation_never_closed_is_still_reported_at_its_opening_mark():
    text = HEAD + '"We wanted the harbour open by summer, the mayor said. The work starts in May.\n\nThe vote is on Monday.\n'
    got = check_document(Document(text, "a.txt"), Config(select=["quotes"]))
    assert [(f.rule, f.excerpt, f.column) for f in got] == [("quotes.unclosed", '"', 1)]
    assert "never closed" in got[0].message


def test_a_quoted_phrase_inside_a_quotation_is_not_a_lost_break():
    text = HEAD + '"They called it "the harbour of the future" and then walked away," she said.\n'
    got = [(f.rule, f.message) for f in check_document(Document(text, "a.txt"), Config(select=["quotes"]))]
    assert all("paragraph break" not in m for _, m in got)


def test_a_quotation_closed_with_the_wrong_mark_is_not_a_lost_break():
    text = (HEAD + '"The problem," he says, "is how to keep the harbour open all year.\' '
            '"And what I am saying is that the money is there," he added.\n')
    got = [(f.rule, f.message) for f in check_document(Document(text, "a.txt"), Config(select=["quotes"]))]
    assert got and all("paragraph break" not in m for _, m in got)


def test_a_closed_inner_quotation_before_the_lost_break_still_counts():
    text = (HEAD + "\"I thought: 'This is not my day.' \"But then I found a way through it,\" she said.\n")
    got = [(f.rule, f.message) for f in check_document(Document(text, "a.txt"), Config(select=["quotes"]))]
    assert len(got) == 1 and "paragraph break has been lost" in got[0][1]


def test_ruled_out_is_no_court():
    text = ("Harbour plan\n\nThe council ruled out a second vote. It said its judgement was sound.\n\n"
            "A second judgement agreed.\n\nA judgment on funding is due in May.\n")
    assert found(text, ["style"]) == [("style.consistency", "judgment")]


def test_variants_and_names_in_any_case_are_still_read_in_every_paragraph():
    # Each paragraph is first searched for the words of the lists on a fast engine; the search
    # must be as blind to case as the full one: "E-mail" at a sentence start counts.
    text = ("Mail\n\nThe e-mail arrived.\n\nE-mail is slow.\n\nAnother e-mail came.\n\n"
            "The email was late.\n\nThe labor department said so.\n")
    got = found(text, ["style"])
    assert ("style.consistency", "email") in got
    msg = [f.message for f in check_document(Document(text, "a.txt"), Config(select=["style"]))
           if f.rule == "style.consistency"]
    assert msg and "“e-mail” 3 times" in msg[0]
    assert not [r for r, w in got if w == "labor"]  # a protected name in lower case keeps its spelling


def test_a_one_line_draft_is_not_judged_as_a_headline():
    assert found("Mr Smith said so.\n", ["style.headline"]) == []
    assert found("Mr Smith said so.\n\nHe left.\n", ["style.headline"]) == [("style.headline", ".")]


def test_money_and_decades_in_the_house_form():
    from copydesk.fixer import apply, choose

    text = "Budget\n\nIt cost £3 million, or 2 million pounds more than in the 1990's, and A$720 million abroad.\n"
    fs = check_document(Document(text, "a.txt"), Config(select=["style.numbers"]))
    assert [f.excerpt for f in fs] == ["£3 million", "2 million pounds", "1990's"]  # not "A$720 million"
    assert apply(text, choose(fs, unsafe=True)) == (
        "Budget\n\nIt cost £3m, or £2m more than in the 1990s, and A$720 million abroad.\n")
    us = check_document(Document("Budget\n\nIt cost $3m and $2.5bn.\n", "a.txt"),
                        Config(select=["style.numbers"], house="american"))
    assert [f.suggestions[0] for f in us] == ["$3 million", "$2.5 billion"]
