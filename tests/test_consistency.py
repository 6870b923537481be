"""consistency: dates and weekdays, a person's title and age, held across the whole article."""

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document


def found(text, name="story.txt"):
    return [(f.rule, f.excerpt, f.message) for f in check_document(Document(text, name), Config(select=["consistency"]))]


def test_weekdays_in_either_order_and_dates_that_do_not_exist():
    got = found("Vote\n\nThe vote is on Tuesday, March 5, 2026, and the count on Friday 6 March 2026.\n")
    assert [(r, e) for r, e, _m in got] == [("consistency.date", "Tuesday, March 5, 2026")]
    assert "5 March 2026 is a Thursday, not a Tuesday" in got[0][2]
    assert found("Vote\n\nIt runs until 29 February 2028.\n") == []  # a leap year
    assert [e for _r, e, _m in found("Vote\n\nIt runs until 29 February 2027.\n")] == ["29 February 2027"]
    # With no year, the weekday cannot be checked: left alone.
    assert found("Vote\n\nThe vote is on Tuesday 5 March.\n") == []


def test_two_people_of_one_surname_are_never_one_person():
    # A couple, and two unrelated Smiths each with a first name: no title has changed.
    assert found("Flood\n\nMr Bell and Mrs Bell lost their kitchen. Mr Bell said so.\n") == []
    assert found("Flood\n\nTom Smith and Anna Smith helped. Mr Smith carried bags and Ms Smith baked.\n") == []
    # One Smith with one first name whose title changes: reported, with where the other title is.
    got = found("Flood\n\nAnna Smith helped.\n\nMs Smith baked.\n\nMrs Smith said so. Ms Smith left.\n")
    assert [(r, e) for r, e, _m in got] == [("consistency.honorific", "Mrs Smith")]
    assert got[0][2] == "“Mrs Smith” here, but “Ms Smith” in paragraphs 2 and 3: one person, one title."


def test_a_doctor_who_becomes_mister():
    got = found("Report\n\nDr Alan Reeve wrote it. Dr Reeve said so.\n\nMr Reeve left.\n")
    assert [e for _r, e, _m in got] == ["Mr Reeve"]


def test_an_age_that_changes_and_siblings_who_do_not():
    got = found("Rescue\n\nJane Ellis, 34, was rescued.\n\nMs Ellis, 43, thanked the crew.\n")
    assert [(r, e) for r, e, _m in got] == [("consistency.age", "43")]
    assert "Ellis is 43 here, but 34 in paragraph 1" in got[0][2]
    assert found("Rescue\n\nJane Ellis, 34, was rescued. Her brother Tom Ellis, 41, helped.\n") == []


def test_a_name_spelt_two_ways_and_names_that_only_look_alike():
    got = found("Award\n\nAlison Whitmore won.\n\nMs Whitemore thanked her team.\n\nMs Whitmore said so.\n")
    assert [(r, e) for r, e, _m in got] == [("consistency.name-spelling", "Whitemore")]
    assert got[0][2] == "“Whitemore” here, but “Whitmore” in paragraphs 1 and 3: one person, one spelling."
    assert found("Award\n\nIan MacDonald spoke. Mr MacDonald left. Ian McDonald returned.\n")[0][1] == "McDonald"
    # Two people, each with a first name; plurals, peoples and possessives; places.
    assert found("Award\n\nAlison Whitmore and Tom Whitman won. Ms Whitmore and Mr Whitman left.\n") == []
    assert found("Rugby\n\nThe All Blacks won. Black shirts were sold. South Africa and the South African side drew.\n") == []
    assert found("Award\n\nAlison Whitmore's speech. Ms Whitmore said so.\n") == []


def test_the_name_spelling_fix_takes_the_majority_form():
    from copydesk.fixer import apply, choose

    text = "Award\n\nAlison Whitmore won.\n\nMs Whitemore thanked her team.\n\nMs Whitmore said so.\n"
    fs = check_document(Document(text, "a.txt"), Config(select=["consistency"]))
    assert apply(text, choose(fs, unsafe=True)) == text.replace("Whitemore", "Whitmore")
    assert choose(fs, unsafe=False) == []  # unsafe: only the reporter knows which is right


def test_a_date_without_its_year_takes_the_year_from_the_front_matter():
    def md(date, body):
        text = f"---\ntitle: Vote\ndate: {date}\n---\n\n# Vote\n\n{body}\n"
        return [(f.excerpt, f.message) for f in check_document(Document(text, "a.md"), Config(select=["consistency"]))]

    assert md("2026-03-12", "The vote was on Tuesday 10 March and the count on Saturday 14 March.") == []
    got = md("2026-03-12", "The count is on Friday 14 March.")
    assert got == [("Friday 14 March", "14 March 2026 (the year of the article's date) is a Saturday, not a Friday: "
                                       "one of the two is wrong.")]
    # A December story's January date is next year's: 5 January 2027 is a Tuesday.
    assert md("2026-12-20", "The talks resume on Tuesday 5 January.") == []
    assert md("2026-12-20", "The talks resume on Monday 5 January.")[0][0] == "Monday 5 January"
    # With no date in the front matter, a date without its year is left alone.
    assert found("Vote\n\nThe count is on Friday 14 March.\n") == []


def test_yesterday_and_today_against_the_articles_date_from_front_matter_or_dateline():
    front = "---\ndate: 2026-03-05\n---\n# Storm\n\n"
    # 5 March 2026 is a Thursday: yesterday was Wednesday 4 March.
    got = found(front + "The council met yesterday (Tuesday) and meets again tomorrow, Friday 6 March.\n", "story.md")
    assert [(r, e) for r, e, _m in got] == [("consistency.date", "yesterday (Tuesday)")]
    assert got[0][2] == ("The article is dated Thursday 5 March 2026, so yesterday was Wednesday 4 March, "
                         "not Tuesday: one of the two is wrong.")
    assert found(front + "She said yesterday (Wednesday 4 March) that today, Thursday, it would rain.\n", "story.md") == []
    # A date line of its own near the top, and a wire dateline, date the article as front matter does.
    got = found("Storm\n\nPublished: 5 March 2026, 10:31 GMT\n\nThe pound fell today, 6 March, after the vote.\n")
    assert [e for _r, e, _m in got] == ["today, 6 March"]
    assert "so today is Thursday 5 March, not 6 March" in got[0][2]
    got = found("Pound\n\nLONDON, March 5, 2026 (Reuters) - The pound fell yesterday, Tuesday, as traders sold.\n")
    assert [e for _r, e, _m in got] == ["yesterday, Tuesday"]
    # With no date for the article, or no day named beside the word, nothing can be checked.
    assert found("Storm\n\nThe council met yesterday (Tuesday).\n") == []
    assert found("Storm\n\nOn 5 March 2026 the council met yesterday (Tuesday).\n") == []
    assert found(front + "Yesterday, ministers met. Today, they talk.\n", "story.md") == []


def test_an_age_against_a_birth_date_on_the_articles_date():
    front = "---\ndate: 2026-03-05\n---\n# Rescue\n\n"
    got = found(front + "Jane Ellis, 34, was rescued.\n\nMs Ellis, who was born on 3 May 1990, thanked the crew.\n", "story.md")
    assert [(r, e) for r, e, _m in got] == [("consistency.age", "34")]
    assert got[0][2] == ("Ellis is 34 here, but someone born on 3 May 1990 (paragraph 2) was 35 on 5 March 2026, "
                         "the article's date: one of the two is wrong.")
    # A birth year alone allows two ages; a birthday later in the year than the article's date, one.
    assert found(front + "Jane Ellis, 35, was rescued. Ms Ellis was born in 1990.\n", "story.md") == []
    assert found(front + "Jane Ellis, 36, was rescued. Ms Ellis was born in 1990.\n", "story.md") == []
    assert [e for _r, e, _m in found(front + "Jane Ellis, 36, was rescued. Ellis, born in May 1990, waved.\n", "story.md")] == ["36"]
    # Two people with ages in the paragraph: whose birth date it is cannot be told.
    assert found(front + "Jane Ellis, 34, and Tom Reid, 50, were rescued. Ellis was born in May 1990.\n", "story.md") == []
    # No date for the article: nothing to measure the age against.
    assert found("Rescue\n\nJane Ellis, 34, was rescued. Ellis was born on 3 May 1990.\n") == []


def _housed(text, tmp_path, second_reference=None, house=None):
    from copydesk import config

    if second_reference:
        pack = tmp_path / "house.yaml"
        pack.write_text(f"name: ours\nextends: british\nhonorifics:\n  second_reference: {second_reference}\n")
        house = str(pack)
    cfg = config.Config(select=["consistency.honorific"], house=house or "british")
    return [(f.excerpt, f.message, f.suggestions, f.fix is not None) for f in check_document(Document(text, "story.txt"), cfg)]


SECOND = ('Blair speaks\n\nTony Blair spoke on Monday. Mr Blair said the plan was sound.\n\n'
          'Blair added that the Blair government would act, and a Blair aide agreed. "Blair is right," one MP said.\n\n'
          'Blair and Brown camps met. Mr Blair left.\n')


def test_second_reference_with_a_title_as_the_house_says(tmp_path):
    # The british pack leaves the rule unset: British newsrooms differ.
    assert _housed(SECOND, tmp_path) == []
    got = _housed(SECOND, tmp_path, "title")
    # Only the bare second reference: not the first mention, the attributive uses, the quotation
    # or a pair of names.
    assert [(e, s, fix) for e, _m, s, fix in got] == [("Blair", ("Mr Blair",), True)]
    assert got[0][1] == "“Blair” here, but “Mr Blair” in paragraphs 1 and 3: house style keeps the title after the first mention."


def test_second_reference_by_surname_alone_in_the_american_pack(tmp_path):
    got = _housed(SECOND.replace("Mr ", "Mr. "), tmp_path, house="american")
    assert [(e, s) for e, _m, s, _f in got] == [("Mr. Blair", ("Blair",)), ("Mr. Blair", ("Blair",))]
    assert got[0][1] == "House style gives no courtesy title: “Blair”, not “Mr. Blair”."
    text = SECOND.replace("Mr ", "Mr. ")
    found_ = check_document(Document(text, "story.txt"), __import__("copydesk.config").config.Config(
        select=["consistency.honorific"], house="american"))
    from copydesk.fixer import apply, choose
    assert apply(text, choose(found_, unsafe=True)) == text.replace("Mr. Blair", "Blair")


def test_second_reference_by_full_name(tmp_path):
    got = _housed("Vote\n\nMr Blair met Tony Blair's team. Mr Blair spoke.\n", tmp_path, "full_name")
    # The first "Mr Blair" comes before the full name: nothing to repeat yet.
    assert [(e, s) for e, _m, s, _f in got] == [("Mr Blair", ("Tony Blair",))]


def test_second_reference_setting_is_checked_with_its_line(tmp_path):
    import pytest

    from copydesk.yamlio import DataError

    pack = tmp_path / "house.yaml"
    pack.write_text("name: ours\nhonorifics:\n  second_reference: nickname\n")
    with pytest.raises(DataError) as exc:
        _housed("Vote\n\nMr Blair spoke.\n", tmp_path, house=str(pack))
    assert "honorifics.second_reference" in str(exc.value) and ":3:" in str(exc.value)
    assert "title, surname, full_name" in str(exc.value)


def test_two_spellings_of_one_name_from_the_names_pack():
    # A first name in two transliterations under one surname: one person, the rarer spelling reported.
    got = found("Talks\n\nAleksandr Petrov met the minister. Alexander Petrov said the talks went well.\n\n"
                "Aleksandr Petrov left.\n")
    assert [(r, e) for r, e, _m in got] == [("consistency.name-spelling", "Alexander")]
    assert got[0][2] == "“Alexander Petrov” here, but “Aleksandr Petrov” in paragraphs 1 and 2: one person, one spelling."
    # A surname of the pack counts wherever it stands, with its first letter changed too.
    got = found("Libya\n\nColonel Gaddafi spoke. Muammar Gaddafi said he would stay.\n\nQaddafi left on Monday.\n")
    assert [e for _r, e, _m in got] == ["Qaddafi"]
    assert [e for _r, e, _m in found("Vote\n\nIan MacDonald spoke. Mr MacDonald said so. Mr McDonald left.\n")] == ["McDonald"]
    # Louis and Louise are two names, not two spellings of one; one Petrov with two first names
    # the pack does not join are two people.
    assert found("Family\n\nLouis Martin and Louise Martin spoke. Louis Martin said so.\n") == []
    assert found("Talks\n\nIvan Petrov met Oleg Petrov. Ivan Petrov left.\n") == []


def test_an_organisation_written_two_ways():
    got = found("Football\n\nTottenham Hotspur won on Saturday. The manager of Tottenham Hotspur said so.\n\n"
                "But Tottenham Hotspurs lost on Tuesday.\n")
    assert [(r, e) for r, e, _m in got] == [("consistency.name-spelling", "Tottenham Hotspurs")]
    assert got[0][2] == "“Tottenham Hotspurs” here, but “Tottenham Hotspur” in paragraph 1: one name, one spelling."
    assert [e for _r, e, _m in found("Football\n\nManchester United won. Manchester United fans cheered. "
                                     "Manchester Untied lost.\n")] == ["Manchester Untied"]
    # Plurals that are names too, adjectives, possessives and counts are not slips.
    assert found("Awards\n\nShe won the Golden Globe. At the Golden Globes, she wept. The Golden Globe was hers.\n") == []
    assert found("Vote\n\nThe Liberal Democrats said so. A Liberal Democrat MP agreed. The Liberal Democrats won.\n") == []
    assert found("Rugby\n\nThe All Blacks won. The All Blacks' tour went on. The All Blacks said so.\n") == []


def test_a_middle_initial_keeps_two_people_apart():
    text = "Arrests\n\nPolice arrested Elizabeth A. Burton, 32, of Hope.\n\nVictor N. Burton, 57, was also held.\n"
    assert found(text) == []
    assert [e for _r, e, _m in found(text.replace("Victor N. Burton", "Ms Burton"))] == ["57"]


def test_a_house_pack_adds_its_own_spellings_of_one_name(tmp_path):
    from copydesk import config

    text = "Talks\n\nIvan Petrov met the minister. Ivan Petrov spoke.\n\nIwan Petrov left.\n"
    assert found(text) == []  # Ivan and Iwan: not in the pack, and a one-letter change of a first name is no slip
    pack = tmp_path / "house.yaml"
    pack.write_text("name: ours\nextends: british\nnames:\n  first_names:\n    - [Ivan, Iwan]\n")
    cfg = config.Config(select=["consistency"], house=str(pack))
    got = [(f.excerpt, f.message) for f in check_document(Document(text, "story.txt"), cfg)]
    assert got == [("Iwan", "“Iwan Petrov” here, but “Ivan Petrov” in paragraph 1: one person, one spelling.")]
    pack = tmp_path / "bad.yaml"
    pack.write_text("name: ours\nextends: british\nnames:\n  first_names:\n    - [Ivan]\n")
    import pytest

    from copydesk.house import load_house
    from copydesk.yamlio import DataError
    with pytest.raises(DataError) as exc:
        load_house(str(pack))
    assert "names.first_names" in str(exc.value) and ":4:" in str(exc.value)


def test_a_person_and_a_place_of_one_name_are_not_one_person():
    text = ("Visit\n\nDenzel Washington flew to Washington on Monday. Mr Washington said Washington was cold.\n\n"
            "Washingtom officials met him.\n")
    assert found(text) == []


def test_findings_from_a_trial_by_a_reporter():
    # A tie: the later spelling is reported, with no fix (which one is right is not known).
    got = check_document(Document("Harbour chief\n\nAlison Whitmore was named chief executive.\n\n"
                                  "Ms Whitemore said she was delighted.\n", "story.txt"), Config(select=["consistency"]))
    assert [(f.excerpt, f.fix) for f in got] == [("Whitemore", None)]
    assert got[0].message == "“Whitemore” here, but “Whitmore” in paragraph 1: one person, one spelling."
    # A capitalised word before a surname is no first name: "The Kaur family" is not a second Kaur.
    assert [e for _r, e, _m in found("Library\n\nMrs Kaur opened it. The Kaur family agreed.\n\nMs Kaur left.\n")] == ["Ms Kaur"]
    assert [e for _r, e, _m in found("Rescue\n\nJane Ellis, 34, was rescued. When Ellis, 43, left, the crew cheered.\n")] == ["43"]
    # The other form in the same paragraph is said to be there.
    assert "“Mrs Kaur” elsewhere in this paragraph" in found("Library\n\nMrs Kaur opened it, and Ms Kaur left.\n")[0][2]
    # An organisation's other form counts after any verb; the plural form only as a noun of its own.
    got = found("Spurs\n\nTottenham Hotspur sent a delegation. Tottenham Hotspur players visited.\n\n"
                "Tottenham Hotspurs said it was sad.\n")
    assert [e for _r, e, _m in got] == ["Tottenham Hotspurs"]
    # A birth said of someone else is not the person's.
    front = "---\ndate: 2026-03-05\n---\n# Rescue\n\n"
    assert found(front + "Tom Reid, 36, said his daughter was born on 3 May 2020.\n", "story.md") == []
