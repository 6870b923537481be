"""style.numbers: counts under 10 in words and from 10 up in figures, no figure opening a
sentence, one form of percentage, thousands commas and ordinal suffixes, each at its exact place
with its exact fix, and the shapes of published copy each leaves alone."""

import pytest

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import apply, choose
from copydesk.house import load_house
from copydesk.yamlio import DataError

HEAD = "Council news\n\n"  # line 1, and the draft's text starts on line 3


def check(body, house="british"):
    text = HEAD + body
    return text, check_document(Document(text, "a.txt"), Config(select=["style.numbers"], house=house))


def seen(body, house="british"):
    """(line, column, end_column, excerpt, fix text, fix safe) of each finding."""
    _text, fs = check(body, house)
    return [(f.line, f.column, f.end_column, f.excerpt,
             None if f.fix is None else "".join(e.text for e in f.fix.edits),
             None if f.fix is None else f.fix.safe) for f in fs]


def messages(body, house="british"):
    return [f.message for f in check(body, house)[1]]


# words_below: 10

def test_a_figure_under_ten_counting_people_is_written_as_a_word():
    body = "The crash left 3 people in hospital.\n"
    assert seen(body) == [(3, 16, 17, "3", "three", False)]
    assert messages(body) == ["House style writes numbers under 10 as words: “three”."]
    text, fs = check(body)
    assert apply(text, choose(fs, unsafe=True)) == HEAD + "The crash left three people in hospital.\n"
    assert choose(fs, unsafe=False) == []  # a number-style change is an unsafe fix


def test_a_count_past_an_adjective_and_a_duration_are_counts():
    assert [x[3:5] for x in seen("She has 2 young children and spent 4 years abroad.\n")] == []  # two figures: compared
    assert seen("She has 2 young children.\n") == [(3, 9, 10, "2", "two", False)]
    assert seen("He spent 4 years abroad.\n") == [(3, 10, 11, "4", "four", False)]


def test_a_word_from_ten_up_counting_people_is_written_as_a_figure():
    body = "The crash left twelve people in hospital.\n"
    assert seen(body) == [(3, 16, 22, "twelve", "12", False)]
    assert messages(body) == ["House style writes numbers from 10 up as figures: “12”."]
    assert seen("He waited for twenty-five minutes.\n") == [(3, 15, 26, "twenty-five", "25", False)]


@pytest.mark.parametrize("body", [
    "She was aged 7 when she moved, and Jane, 7, went with her.\n",  # ages
    "The boy is 7 years old.\n",
    "About 5 per cent of voters agreed.\n",  # percentages (the percent check's)
    "It cost £3 and 5 euros.\n",  # money
    "The bag weighed 3kg and the walk was 5 miles.\n",  # measures
    "They won 2-1 and then lost 4-3.\n",  # scores
    "It starts at 3pm on 5 March and ends on 2 May.\n",  # times and dates
    "Rates rose by 2.5 points.\n",  # decimals
    "Between 5 and 15 people came.\n",  # a figure beside another figure
    "It took between 8 and twelve hours.\n",  # a sentence comparing figures and words
    "No 10 said Article 5 applies to Channel 4 and Series 3 viewers on the M6.\n",  # labels
    "He read page 3 stories and lives at number 7 houses.\n",
    "She finished 3rd and 5th in two races.\n",  # ordinals
    "50 Cent and Formula 1 fans used Windows 7 laptops to watch Fantastic 4 films.\n",  # names
    'He said "3 people were there" and left.\n',  # quotations
    "“There were 3 people,” she said.\n",
    "‘We need another forty nurses by the summer,’ said a union official.\n",
    "The top ten singles and Ocean's Eleven fans.\n",  # a chart, a title
    "Nine out of ten people agreed.\n",  # numbers side by side
    "3 is looking to music as a way to win customers.\n",  # a name opening a sentence
])
def test_counts_leave_alone(body):
    assert seen(body) == []


def test_a_table_line_full_of_figures_is_not_prose():
    assert seen("Ward 74 100% 4 tackles (4 combined). 1 pass defended.\n") == []


# A figure opening a sentence

def test_a_figure_opening_a_sentence_is_spelt_out():
    body = "It was the worst day of the year. 20 people died.\n"
    assert seen(body) == [(3, 35, 37, "20", "Twenty", False)]
    assert messages(body) == ["House style does not open a sentence with a figure: write “Twenty” or recast the sentence."]
    assert seen("3 people were hurt.\n") == [(3, 1, 2, "3", "Three", False)]  # reported once, as an opening


def test_a_long_figure_opening_a_sentence_is_reported_without_a_fix():
    body = "The hall was full. 1,500 people came.\n"
    assert seen(body) == [(3, 20, 25, "1,500", None, None)]
    assert "recast the sentence (“Some 1,500 …”)" in messages(body)[0]


@pytest.mark.parametrize("body", [
    "2004 was a good year for the council.\n",  # a year
    "It was a good year. 1990 was not.\n",
    "50 Cent sang. 3M said so. 7-Eleven opened a shop.\n",  # names
    "The plane left Dec. 15 and landed Nov. 9 in Texas.\n",  # an abbreviated month's full stop ends no sentence
    "No. 10 said so. The doors open at 9. 10 p.m. is closing time.\n",
    "1 scoop oats, 1 cup milk.\n",  # a recipe's line
    "30 minutes before bed\n",  # no sentence: a line of a list
])
def test_sentence_openings_leave_alone(body):
    assert seen(body) == []


# percent

def test_consistent_percentages_report_the_minority_form():
    body = "Prices rose 5% in May, 6% in June and 7 per cent in July.\n"
    assert seen(body) == [(3, 39, 49, "7 per cent", "7%", False)]
    assert messages(body) == ["House style keeps one form of percentage in an article, and this one writes “%” "
                              "2 times out of 3: “7%”."]
    body = "Prices rose 5 per cent in May, 6 percent in June and 7% in July.\n"
    assert seen(body) == [(3, 54, 56, "7%", "7 per cent", False)]


def test_one_form_of_percentage_is_clean_in_the_british_pack():
    assert seen("Prices rose 5 per cent in May and 6 per cent in June.\n") == []
    assert seen("Prices rose 5% in May and 6% in June; five per cent is a lot.\n") == []


def test_the_american_pack_writes_the_percent_sign():
    body = "Prices rose 5 percent in May and 6.5 per cent in June.\n"
    assert seen(body, "american") == [(3, 13, 22, "5 percent", "5%", False), (3, 34, 46, "6.5 per cent", "6.5%", False)]
    assert messages(body, "american")[0] == "House style writes percentages as “5%”."
    assert seen("Prices rose five percent and 5% in June. Percentage points do not count.\n", "american") == []


# thousands_comma

def test_long_figures_take_a_thousands_comma():
    body = "A crowd of 25000 people paid £120000 and 3000 more came.\n"
    assert seen(body) == [(3, 12, 17, "25000", "25,000", False), (3, 31, 37, "120000", "120,000", False),
                          (3, 42, 46, "3000", "3,000", False)]
    assert messages(body)[0] == "House style writes figures of five or more digits with a thousands comma: “25,000”."
    assert messages(body)[2] == "House style writes figures of four or more digits with a thousands comma: “3,000”."


@pytest.mark.parametrize("body", [
    "In 2012 about 2000 people came, and 1500 more in 1999.\n",  # years, and amounts that may be years
    "The news is at 2130 GMT.\n",  # a clock time
    "Call 0800 5551234 or text 85130 now.\n",  # telephone numbers and short codes
    "She took flight 20451 and a Nokia 7610 phone to PO Box 12345.\n",  # codes, models, boxes
    "The 7610 owners and 3230 users were warned.\n",  # models: four digits that are not round
    "It costs 12345.67 or see example.com/12345 and ref 99999.\n",  # decimals, addresses, references
    "It is AB12345 or 12345X.\n",  # figures adjoined to letters
    "He paid £10,000 for 25,000 shares.\n",  # commas already
])
def test_thousands_leave_alone(body):
    assert seen(body) == []


# Ordinals

@pytest.mark.parametrize("wrong,right", [("1th", "1st"), ("2th", "2nd"), ("3th", "3rd"), ("11st", "11th"),
                                         ("12nd", "12th"), ("13rd", "13th"), ("21th", "21st"), ("22th", "22nd"),
                                         ("101th", "101st"), ("111st", "111th")])
def test_a_wrong_ordinal_suffix_has_a_safe_fix(wrong, right):
    body = f"She came {wrong} in the race.\n"
    assert seen(body) == [(3, 10, 10 + len(wrong), wrong, right[-2:], True)]  # the suffix is rewritten
    assert messages(body) == [f"The ordinal {wrong[:-2]} takes the suffix “{right[-2:]}”: “{right}”."]
    text, fs = check(body)
    assert apply(text, choose(fs, unsafe=False)) == HEAD + f"She came {right} in the race.\n"


def test_right_ordinals_are_clean():
    assert seen("The 1st, 2nd, 3rd, 4th, 11th, 12th, 13th, 21st, 22nd, 23rd and 101st times.\n") == []


# The pack

def test_the_packs_set_the_numbers_keys():
    assert load_house("british").section("numbers") == {
        "money": "short", "decades": True, "words_below": 10, "percent": "consistent", "thousands_comma": True}
    us = load_house("american").section("numbers")
    assert (us["money"], us["percent"], us["words_below"], us["thousands_comma"]) == ("long", "%", 10, True)


@pytest.mark.parametrize("setting,error", [
    ('percent: "pct"', "key 'numbers.percent': must be one of \"%\", \"per cent\", \"percent\", \"consistent\""),
    ("words_below: 1000", "key 'numbers.words_below': must be a number from 0 (off) to 100"),
    ("words_below: ten", "key 'numbers.words_below': must be a whole number"),
    ("thousands_comma: yes please", "key 'numbers.thousands_comma': must be"),
    ("ordinal_words: true", "key 'numbers.ordinal_words': unknown key"),
    ("money: huge", "key 'numbers.money': must be one of \"short\", \"long\""),
])
def test_a_bad_numbers_setting_is_named(tmp_path, setting, error):
    pack = tmp_path / "house.yaml"
    pack.write_text(f"name: mine\nnumbers:\n  {setting}\n", encoding="utf-8")
    with pytest.raises(DataError) as exc:
        load_house(str(pack))
    assert error in str(exc.value)


def test_a_pack_without_the_new_keys_reports_none_of_them(tmp_path):
    pack = tmp_path / "house.yaml"
    pack.write_text("name: mine\nnumbers:\n  money: short\n", encoding="utf-8")
    text = HEAD + "The crash left 3 people and 25000 fans at 5% or 6 per cent. 20 people died.\n"
    fs = check_document(Document(text, "a.txt"), Config(select=["style.numbers"], house=str(pack)))
    assert fs == []


def test_counts_after_and_and_amounts_after_a_sentence_opening_quantifier():
    # "and" joins two figures only when a figure stands before it; a sentence may open "About".
    assert [f[3] for f in seen("Three people were killed and 3 people were hurt.\n")] == ["3"]
    assert [f[3] for f in seen("It crashed, and 3 people were hurt.\n")] == ["3"]
    assert seen("Between 5 and 7 people came.\n") == []
    assert [f[3] for f in seen("About 25000 people use the road each day.\n")] == ["25000"]
    assert seen("The Nokia 7610 sold well.\n") == []
