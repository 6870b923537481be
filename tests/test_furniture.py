"""Page furniture judged from what a line is and where it stands (issue 8, items 2 and 4).

Every text here is written for these tests, modelled on the kinds of furniture a paste from a
news web page leaves in a draft."""

import pytest

from copydesk import furniture
from copydesk.checks.layout import page_furniture
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document

HEAD = "Library plans approved"
P1 = ("The district council has approved plans for a new library on the site of the old bus station, "
      "a spokeswoman for the council said on Monday.")
P2 = "Building work is due to start in the spring, and the library should open to readers by the end of next year."
P3 = "The old bus station closed in 2019 after a new interchange opened beside the railway line."


def findings(text, name="a.txt", select=("layout",)):
    doc = Document(text, name)
    return doc, [f for f in check_document(doc, Config(select=list(select)))]


def layout(text, name="a.txt"):
    return [(f.rule, f.excerpt) for f in findings(text, name)[1]]


def between(line):
    return f"{HEAD}\n\n{P1}\n\n{line}\n\n{P2}\n\n{P3}\n"


# -- the classes of furniture the issue names, in examples of the same kinds -----------------

ALONE = [
    # advertising, privacy and legal links
    "Advertising enquiries", "Cookie preferences", "Privacy settings", "Accessibility statement",
    # a section or place name alone on a line
    "Weekend news", "Crosswords", "Leeds", "Portugal",
    # service and app links
    "Donate to us", "Email the editor", "Download our app", "Follow us on TikTok", "Send us a correction",
    # CMS widgets
    "Digital edition", "Manage cookies", "Help centre",
]


@pytest.mark.parametrize("line", ALONE)
def test_furniture_alone_between_body_paragraphs_is_reported_even_off_the_label_list(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    text = between(line)
    doc, fs = findings(text)
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.page-furniture", line)]
    f = fs[0]
    assert text[f.start:f.end] == line  # the exact characters of the line, nothing more
    assert f.message.startswith(f"“{line}” is ") and f.message.endswith("; delete it.")


@pytest.mark.parametrize("line", ["Advertising enquiries", "Leeds", "Download our app", "Manage cookies"])
def test_furniture_at_the_tail_of_the_draft_is_reported(line):
    assert layout(f"{HEAD}\n\n{P1}\n\n{P2}\n\n{line}\n") == [("layout.page-furniture", line)]


def test_each_kind_is_named_in_the_message():
    msgs = {f.excerpt: f.message for f in findings(
        f"{HEAD}\n\n{P1}\n\nFollow us on TikTok\n\n{P2}\n\nPortugal\n\n{P3}\n\nUpdated 5 minutes ago\n\n{P1} Again.\n")[1]}
    assert "social-media link" in msgs["Follow us on TikTok"]
    assert "place name" in msgs["Portugal"]
    assert "timestamp" in msgs["Updated 5 minutes ago"]


# -- misreadings -------------------------------------------------------------------------------

def test_a_run_in_relative_timestamp_is_reported_and_called_a_timestamp():
    text = (f"{HEAD}\n\nUpdated 4 hours ago The parish council's finance committee voted on Tuesday night "
            f"to close the public toilets on the seafront.\n\n{P2}\n")
    doc, fs = findings(text)
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.run-in-furniture", "Updated 4 hours ago")]
    assert "timestamp" in fs[0].message
    fixed_from = fs[0].fix.edits[0]
    assert text[fixed_from.start:fixed_from.end] == "Updated 4 hours ago "


def test_the_two_picture_labels_of_a_web_page_are_furniture():
    text = (f"{HEAD}\n\n{P1}\n\nImage source, Getty Images\n\n"
            f"Image caption, Volunteers stacked books in the old waiting room before the doors opened\n\n{P2}\n")
    doc, fs = findings(text)
    assert [(f.rule, f.excerpt) for f in fs] == [
        ("layout.page-furniture", "Image source, Getty Images"),
        ("layout.page-furniture", "Image caption, Volunteers stacked books in the old waiting room before the doors opened"),
    ]
    assert all("picture label" in f.message for f in fs)


LIVE = ("Storm live: roads closed across the county\n\n"
        "Good morning and welcome to our coverage of the storm as it moves east across the county today.\n\n"
        "09:12 BST\n\nFerries cancelled\n\n"
        "All sailings from the harbour have been cancelled until at least midday, the operator said.\n\n"
        "08:47 BST\n\nSchools shut\n\n"
        "Twelve primary schools in the north of the county will stay closed today, the council said.\n\n"
        "08:15 BST\n\nWhat we know so far\n\n"
        "Winds of up to 80mph were recorded on the coast overnight and thousands of homes lost power.\n")


def test_live_blog_entry_times_and_headings_are_structure_not_teasers():
    assert layout(LIVE) == []


def test_a_timestamp_and_a_byline_are_called_what_they_are():
    text = (f"{HEAD}\n\n{P1}\n\nMore on this story\n\nBy Priya Natarajan\n\n14:05 GMT\n\n"
            f"Library hours cut as budget shrinks\n\n{P2}\n")
    msgs = {f.excerpt: (f.rule, f.message) for f in findings(text)[1]}
    assert msgs["By Priya Natarajan"][0] == "layout.page-furniture"
    assert "byline" in msgs["By Priya Natarajan"][1]
    assert "timestamp" in msgs["14:05 GMT"][1]
    assert "headline of another story" in msgs["Library hours cut as budget shrinks"][1]


# -- legitimate short lines stay clean ----------------------------------------------------------

def test_fixture_lists_and_match_details_are_clean():
    text = ("Hull to host Barnsley in the cup\n\n"
            "The fourth-round draw has paired two Yorkshire sides for the first time in a decade, the FA said.\n\n"
            "Sunday, 14 March\n\n1530 GMT\n\nHull v Barnsley\n\nMK Dons v Oxford Utd\n\n"
            "Tuesday, 16 March\n\n1945 GMT\n\nPreston or Bury v Wigan\n\n"
            "Both ties will be shown live, with replays due ten days later if needed.\n")
    assert layout(text) == []


def test_a_team_sheet_and_a_list_of_winners_are_clean():
    text = ("Rovers hold on for a draw\n\n"
            "Rovers held on for a goalless draw at home despite playing the last half hour with ten men.\n\n"
            "Rovers: Pike, Dunn, Okafor, Reyes, Brandt, Lowe, Sato, Ferris, Adeyemi, Cole, Walsh.\n\n"
            "Subs not used: Hart, Gray.\n\nBooked: Lowe, Ferris.\n\n4,812\n\nReferee: T Mason (Derbyshire).\n\n"
            "Best novel\n\nThe Salt Road by Mira Calder\n\nBest debut\n\nA Field of Bells by Tom Osei\n\n"
            "The prizes were presented at a dinner in the city on Saturday night.\n")
    assert layout(text) == []


def test_crossheads_in_a_long_feature_are_clean():
    paras = [f"Paragraph {n} of the feature tells the story of the valley and the people who farm it, "
             f"season after season, as their parents did." for n in range(1, 10)]
    text = (f"The valley that refused to flood\n\n{paras[0]}\n\n{paras[1]}\n\n{paras[2]}\n\nA Wall of Water\n\n"
            f"{paras[3]}\n\n{paras[4]}\n\n{paras[5]}\n\nThe Long Clean-Up\n\n{paras[6]}\n\n{paras[7]}\n\n"
            f"Counting the Cost\n\n{paras[8]}\n")
    assert layout(text) == []


def test_a_markdown_crosshead_is_the_articles_own():
    text = f"# {HEAD}\n\n{P1}\n\n## Local news\n\n{P2}\n"
    assert layout(text, "a.md") == []


def test_a_dateline_and_the_headline_and_the_articles_byline_are_clean():
    text = f"Portugal\n\nBy Priya Natarajan\n\nLISBON —\n\n{P1}\n\n{P2}\n"
    assert layout(text) == []


def test_a_section_break_and_a_sentence_are_clean():
    assert layout(between("***")) == []
    assert layout(between("Follow the money.")) == []


# -- HTML: the element and whether it is inside the article -----------------------------------

PAGE = ("<html><body><header><ul><li><a href='/'>Home</a></li><li><a href='/local'>Local news</a></li>"
        "<li><a href='/puzzles'>Puzzles</a></li></ul></header>\n"
        "<main><article><h1>Library plans approved</h1>\n"
        f"<p>{P1}</p>\n<h2>What happens next</h2>\n<p>{P2}</p>\n"
        "<ul><li>New reading rooms on two floors</li><li>A café run by volunteers</li></ul>\n</article>\n"
        "<aside><h2>Most shared</h2><ul><li>Lido to reopen in May</li></ul></aside></main>\n"
        "<footer><h3>Support us</h3><ul><li>Cookie settings</li><li>Contact the newsroom</li></ul>"
        "<button>Get the app</button></footer></body></html>\n")


def test_html_list_items_and_headings_outside_the_article_are_checked():
    got = layout(PAGE, "a.html")
    excerpts = {e for _r, e in got}
    for furniture_text in ("Local news", "Puzzles", "Support us", "Cookie settings", "Contact the newsroom", "Get the app"):
        assert any(furniture_text in e for e in excerpts), furniture_text
    for article_text in ("What happens next", "New reading rooms on two floors", "A café run by volunteers"):
        assert not any(article_text in e for e in excerpts), article_text


def test_html_block_context():
    doc = Document(PAGE, "a.html")
    by_text = {b.text: doc.html_context[b.start] for b in doc.blocks if b.start in doc.html_context}
    assert doc.has_article
    assert by_text["What happens next"].in_article and not by_text["What happens next"].chrome
    assert by_text["What happens next"].tag == "h2"
    assert not by_text["Puzzles"].in_article and by_text["Puzzles"].chrome
    assert by_text["Most shared"].chrome and by_text["Most shared"].in_main  # an aside in <main>
    assert by_text["Get the app"].tag == "button"


def test_page_furniture_names_the_blocks_for_other_checkers():
    doc = Document(between("Manage cookies"), "a.txt")
    marks = page_furniture(doc)
    assert [doc.blocks[i].text for i in marks] == ["Manage cookies"]
    assert [m.rule for m in marks.values()] == ["layout.page-furniture"]


def test_a_label_among_crossheads_is_the_odd_one_out_when_it_shares_no_word_with_the_article():
    paras = ["The valley farmers lost their winter feed when the river rose in a single night.",
             "Water reached the eaves of the lowest farmhouses before dawn, neighbours said.",
             "The clean-up took the farmers most of the spring and much of their savings.",
             "Insurers paid for the houses but not for the feed or the fencing, the farmers said.",
             "Several families have since sold their land to a developer from the city.",
             "The river authority says a new flood wall will be finished within three years."]
    base = (f"The valley that went under\n\n{paras[0]}\n\n{paras[1]}\n\nThe River Rose\n\n{paras[2]}\n\n"
            f"{paras[3]}\n\nCounting the Savings\n\n{paras[4]}\n\n{{extra}}{paras[5]}\n")
    assert layout(base.format(extra="")) == []
    assert layout(base.format(extra="Bonds & Rates\n\n")) == [("layout.page-furniture", "Bonds & Rates")]
    assert layout(base.format(extra="A Wall Against the River\n\n")) == []


# -- second round: where a line stands, run-ins at the top, other scripts, credit lines -------

def top(line):
    return f"{HEAD}\n\n{line}\n\n{P1}\n\n{P2}\n\n{P3}\n"


def tail(line):
    return f"{HEAD}\n\n{P1}\n\n{P2}\n\n{P3}\n\n{line}\n"


@pytest.mark.parametrize("line", ["Harbour Diaries", "Weekend Extra", "Westmoor Life", "eBay Motors"])
def test_a_short_line_between_the_headline_and_the_story_is_furniture(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    text = top(line)
    doc, fs = findings(text)
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.page-furniture", line)]
    assert text[fs[0].start:fs[0].end] == line
    assert "before or after the article's prose" in fs[0].message and fs[0].message.endswith("; delete it.")


@pytest.mark.parametrize("line", ["Harbour Diaries", "Cloudy Sky Kitchen", "Westmoor Life"])
def test_a_short_line_after_the_last_paragraph_is_furniture(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    assert layout(tail(line)) == [("layout.page-furniture", line)]


@pytest.mark.parametrize("line", [
    "By Delia Marsh", "By Delia Marsh, Transport correspondent", "WESTMOOR, ENGLAND",
    "The council says the new library will be the largest in the county.",
])
def test_a_byline_dateline_or_standfirst_under_the_headline_stays_clean(line):
    assert layout(top(line)) == []


@pytest.mark.parametrize("line", [
    "Additional reporting by Jo Marsh", "With agencies", "Reporting by Jo Marsh; editing by Tom Hale",
    "Westmoor v Kellport", "Westmoor 2-1 Kellport", "Kellport: Ames, Bright, Cole, Dunn, Ellis.",
])
def test_a_sign_off_result_or_team_sheet_at_the_tail_stays_clean(line):
    assert layout(tail(line)) == []


def test_a_fact_box_of_several_short_lines_under_the_headline_stays_clean():
    text = f"{HEAD}\n\nWhere it stands:\n\nOld bus station\n\nWhat it costs\n\n{P1}\n\n{P2}\n\n{P3}\n"
    assert layout(text) == []


@pytest.mark.parametrize("lead, rest, kind", [
    ("By Delia Marsh", "The district council has approved plans for a new library on the old site.", "a byline"),
    ("by Tomasz Okonkwo-Hale", "Plans for a new library on the site of the old bus station were approved.", "a byline"),
    ("3 hours ago", "The district council has approved plans for a new library on the old site.", "a timestamp"),
    ("Updated 3 hours ago", "The district council has approved plans for a new library on the old site.", "a timestamp"),
    ("November 20, 2024", "The district council has approved plans for a new library on the old site.", "a timestamp"),
    ("November 20", "Councillors have approved plans for a new library on the site of the old bus station.", "a timestamp"),
    ("• November 20", "Councillors have approved plans for a new library on the site of the old bus station.", "a timestamp"),
    ("on Nov 20, 2024", "The district council has approved plans for a new library on the old site.", "a timestamp"),
])
def test_a_byline_or_time_run_into_the_first_paragraph_is_reported_at_its_exact_characters(lead, rest, kind):
    text = f"{HEAD}\n\n{lead} {rest}\n\n{P2}\n\n{P3}\n"
    doc, fs = findings(text)
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.run-in-furniture", lead)]
    assert text[fs[0].start:fs[0].end] == lead
    assert fs[0].message == f"“{lead}” is {kind} run into the paragraph; delete it."


@pytest.mark.parametrize("first", [
    "By Tuesday the council had approved plans for a new library on the old site.",
    "By Easter Monday Westmoor council had approved plans for a new library.",
    "By New Year the council had approved plans for a new library on the old site.",
    "Three years ago the council approved plans for a new library on the old site.",
    "November 20 was the day the council approved plans for a new library on the old site.",
    "On November 20, 2024, the council approved plans for a new library on the old site.",
])
def test_a_first_paragraph_that_only_starts_like_a_run_in_stays_clean(first):
    assert layout(f"{HEAD}\n\n{first}\n\n{P2}\n\n{P3}\n") == []


def test_a_run_in_byline_is_looked_for_only_at_the_top_of_the_draft():
    middle = "By Delia Marsh The council's own figures show the library will cost more than planned."
    assert layout(f"{HEAD}\n\n{P1}\n\n{middle}\n\n{P2}\n\n{P3}\n") == []


@pytest.mark.parametrize("line", ["Новости региона", "地域のニュース", "지역 뉴스"])
def test_a_line_in_another_script_than_the_article_is_furniture(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    assert layout(between(line)) == [("layout.page-furniture", line)]
    assert layout(tail(line)) == [("layout.page-furniture", line)]


def test_an_article_in_another_script_keeps_its_own_short_lines():
    paras = ["Районный совет одобрил планы строительства новой библиотеки на месте старого автовокзала.",
             "Строительство должно начаться весной, а библиотека откроется к концу следующего года.",
             "Старый автовокзал закрылся после открытия новой станции рядом с железной дорогой."]
    text = f"Новая библиотека\n\n{paras[0]}\n\nЧто дальше\n\n{paras[1]}\n\n{paras[2]}\n"
    assert not any(f.rule == "layout.page-furniture" and f.excerpt == "Что дальше" and "script" in f.message
                   for f in findings(text)[1])


@pytest.mark.parametrize("line", ["Ann Bell | Bloomberg | Getty Images", "(Sam Gold / Associated Press)",
                                  "Photograph: Ann Bell/Reuters"])
def test_a_credit_line_is_left_to_the_credits_checker(line):
    for text in (between(line), tail(line), top(line)):
        assert layout(text) == []
        rules = {f.rule for f in findings(text, select=("layout", "credits"))[1]}
        assert not any(r.startswith("layout.") for r in rules)


def test_the_first_line_of_a_markdown_draft_without_a_title_is_its_title_not_furniture():
    assert layout(f"Harbour Diaries\n\n{P1}\n\n{P2}\n\n{P3}\n", "a.md") == []
    assert layout(f"# {HEAD}\n\nHarbour Diaries\n\n{P1}\n\n{P2}\n\n{P3}\n", "a.md") == [("layout.page-furniture", "Harbour Diaries")]


def _furniture_rules(text):
    return [(f.rule, f.excerpt) for f in check_document(Document(text, "a.txt"), Config(select=["layout"]))]


def test_a_line_in_the_articles_own_script_is_not_foreign_for_its_handle():
    # A Cyrillic article: a contributor's name and account handle are the article's, not a
    # line in another script.
    text = ("Рецепты недели\n\nМы попросили авторов кулинарных блогов рассказать о любимых блюдах зимы.\n\n"
            "Аккаунт: @zimnie_recepty\n\nОна готовит суп из тыквы каждую неделю и делится рецептом с подписчиками.\n\n"
            "Аккаунт: @tykva_i_sol\n\nОн печёт хлеб на закваске и рассказывает, как ухаживать за ней.\n")
    assert not [r for r in _furniture_rules(text) if "another script" in r[1]]
    assert all("@" not in excerpt for _rule, excerpt in _furniture_rules(text))


def test_sentences_in_scripts_without_spaces_are_not_labels():
    from copydesk.checks.layout import ends_sentence
    from copydesk.furniture import score

    assert ends_sentence("工事は来年の春に始まる。")
    # A long line of Japanese is a sentence's worth of words, not a one-word label, even where
    # a paste lost its full stop.
    line = "図書館には子ども向けの読書室と、夜まで使える自習室が設けられる予定で、市民の期待は大きい"
    assert score(line, "edge", edge_run=1) is None
# -- third round: a line the passage runs on across -------------------------------------------

P4 = "Readers will be able to borrow laptops as well as books, and the children's room will double in size."
P5 = "The council expects the library to cost about £4m, most of it from the sale of the bus station site."


def passage(line):
    """An article that already has a short line of its own (a fact-box label in capitals), so that
    a planted line is not the only short line among its prose."""
    return f"{HEAD}\n\n{P1}\n\nKEY DATES\n\n{P2}\n\n{P3}\n\n{line}\n\n{P4}\n\n{P5}\n"


@pytest.mark.parametrize("line", ["Mental Health", "Slow Cooker Recipes", "Gardening", "Personal Finance",
                                  "Cats & Dogs", "Revista da Semana", "iPad Deals"])
def test_a_tag_sharing_no_word_with_the_passage_around_it_is_furniture(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    text = passage(line)
    doc, fs = findings(text)
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.page-furniture", line)]
    assert text[fs[0].start:fs[0].end] == line
    assert fs[0].message.startswith(f"“{line}” is ") and fs[0].message.endswith("; delete it.")


def test_the_message_says_the_line_shares_no_word_with_the_passage(monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    fs = findings(passage("Mental Health"))[1]
    assert fs[0].message == ("“Mental Health” is a short label between two paragraphs of one passage and shares no word "
                             "with them, as a crosshead would with the paragraphs it introduces: a link or tag left from "
                             "the web page; delete it.")


@pytest.mark.parametrize("line", [
    "Borrowing Laptops",          # a crosshead announces the words of the paragraphs after it
    "The Children's Room",        # an article or determiner: a phrase, not a tag
    "Costs and Delays",           # shares "cost" with the paragraph after next
    "WHAT HAPPENS NEXT",          # in capitals, like the article's own fact-box label
    "Why now?",                   # sentence punctuation
])
def test_a_crosshead_or_phrase_in_the_passage_stays_clean(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    assert layout(passage(line)) == []


def test_crossheads_that_share_a_shape_stay_clean_even_when_they_share_no_word():
    paras = [f"Part {n} of the report follows the harbour master through one long working week on the quay."
             for n in range(1, 8)]
    text = (f"A week on the quay\n\n{paras[0]}\n\n{paras[1]}\n\nMonday Tides\n\n{paras[2]}\n\n{paras[3]}\n\n"
            f"Storm Warnings\n\n{paras[4]}\n\n{paras[5]}\n\nQuiet Sunday\n\n{paras[6]}\n")
    assert layout(text) == []


def test_the_passage_signal_needs_prose_on_both_sides():
    # After a colon the line opens a list: not a line between two paragraphs of one passage.
    text = f"{HEAD}\n\n{P1}\n\nKEY DATES\n\n{P2}\n\nWhat the library will offer:\n\nMental Health\n\n{P4}\n"
    assert layout(text) == []


def test_single_word_crossheads_are_twins_and_a_planted_word_among_phrase_crossheads_is_not():
    paras = [f"Part {n} of the report follows the harbour master through one long working week on the quay."
             for n in range(1, 8)]
    pair = (f"A week on the quay\n\n{paras[0]}\n\n{paras[1]}\n\nMorning\n\n{paras[2]}\n\n{paras[3]}\n\n"
            f"Evening\n\n{paras[4]}\n\n{paras[5]}\n")
    assert layout(pair) == []
    planted = (f"A week on the quay\n\n{paras[0]}\n\n{paras[1]}\n\nMonday Tides\n\n{paras[2]}\n\n{paras[3]}\n\n"
               f"Storm Warnings\n\n{paras[4]}\n\nPilates\n\n{paras[5]}\n\n{paras[6]}\n")
    assert layout(planted) == [("layout.page-furniture", "Pilates")]


@pytest.mark.parametrize("line", ["The Westmoor Courier", "Daily Herald", "Evening Gazette", "Valley News"])
def test_a_publication_name_alone_between_paragraphs_is_furniture(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    text = passage(line)
    fs = findings(text)[1]
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.page-furniture", line)]
    assert text[fs[0].start:fs[0].end] == line
    assert fs[0].message == (f"“{line}” is the name of a newspaper, agency or news site alone between paragraphs: "
                             "a masthead, link or credit left from the web page; delete it.")


@pytest.mark.parametrize("text", [
    passage("Good news for readers"),                    # sentence case: a crosshead
    passage("The library says it will print a weekly bulletin."),  # a sentence
    tail("The Associated Press"),                       # a wire credit signing off the story
    passage("[ The Westmoor Courier ]"),                # the piece citing its source
])
def test_a_crosshead_or_sign_off_naming_news_stays_clean(text, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    assert layout(text) == []


@pytest.mark.parametrize("line", ["Compartir en Facebook", "Iniciar sesión", "Impressum", "Publicado el 3 de marzo",
                                  "publiziert am 2. Mai 2018", "updated 3 hours ago"])
def test_chrome_and_timestamps_in_other_languages_in_latin_script_are_furniture(line, monkeypatch):
    monkeypatch.setattr(furniture, "USE_LABEL_LIST", False)
    text = passage(line)
    fs = findings(text)[1]
    assert [(f.rule, f.excerpt) for f in fs] == [("layout.page-furniture", line)]
    assert text[fs[0].start:fs[0].end] == line


def test_a_lower_case_piece_of_a_broken_sentence_is_not_a_timestamp():
    text = f"{HEAD}\n\n{P1}\n\nThe library will open\n\nyesterday\n\n{P2}\n"
    assert [r for r, _ in layout(text) if r != "layout.broken-paragraph"] == []


CARDS = ("<html><body><nav><ul><li><a href='/'>Home</a></li><li><a href='/deals'>Deals</a></li></ul></nav>\n"
         "<main><h1>Library plans approved</h1>\n"
         f"<p>{P1}</p>\n<h2>What the library will offer</h2>\n<p>{P2}</p>\n"
         "<ul><li>New reading rooms on two floors</li><li>Laptops to borrow for a week</li></ul>\n"
         f"<p>{P3}</p>\n<p>{P4}</p>\n"
         "<section><article><h3>Lido to reopen in May</h3><p>Swimmers back soon</p></article>"
         "<article><h3>Bus fares frozen</h3><p>Prices held for a year</p></article></section></main>\n"
         "<footer><ul><li>Cookie settings</li></ul></footer></body></html>\n")


def test_article_cards_beside_a_story_in_main_do_not_push_the_story_outside():
    # The page's article elements are cards of other stories holding none of its prose: the
    # story's own heading and list, standing in main, are the article's.
    doc = Document(CARDS, "a.html")
    assert not doc.has_article and doc.has_main
    excerpts = {e for _r, e in layout(CARDS, "a.html")}
    for article_text in ("What the library will offer", "New reading rooms on two floors", "Laptops to borrow for a week"):
        assert not any(article_text in e for e in excerpts), article_text
    for furniture_text in ("Deals", "Cookie settings"):
        assert any(furniture_text in e for e in excerpts), furniture_text


def test_an_article_element_holding_the_prose_stays_the_article():
    doc = Document(PAGE, "a.html")
    assert doc.has_article


def test_a_recipes_ingredients_next_to_page_furniture_are_not_teasers():
    text = ("Winter pear jam\n\nThis jam keeps for a year in a cool cupboard and makes a good present.\n\n"
            "Ingredients\n\n2 kg ripe pears, peeled\n\n1 lemon, juiced\n\n4 tbsp pectin\n\n1 1/2 cups honey\n\n"
            "Method\n\nCook the pears with the lemon juice until soft, then stir in the rest.\n\n"
            "Share this recipe\n\nWith agencies\n\nMost read\n")
    flagged = [e for r, e in _furniture_rules(text) if r in ("layout.page-furniture", "layout.teaser")]
    assert not any(e[0].isdigit() for e in flagged)
    assert "With agencies" not in flagged
    assert "Share this recipe" in flagged and "Most read" in flagged


# -- a tag among crossheads, lists of dates and signed quotations -----------------------------

FEATURE = (
    "Harbour wall to be rebuilt\n\n"
    "The harbour board has agreed to rebuild the north wall, which was breached in the storms of January.\n\n"
    "Granite from the quarry\n\n"
    "The granite will come from the old quarry above the town, which reopens for the work next month.\n\n"
    "The quarry closed in 1968, and its owners say about forty tonnes can be cut each week.\n\n"
    "{line}\n\n"
    "Boats will be moored in the outer basin while the wall is rebuilt, the board said.\n\n"
    "Fishing fleet moved\n\n"
    "The fishing fleet will move to the outer basin until the work is finished in the autumn.\n"
)


@pytest.mark.parametrize("line", ["Harbour Walks", "Town Deals"])
def test_a_tag_among_crossheads_that_echo_their_passages_is_reported(line):
    # The two crossheads take their words from what follows them ("quarry", "fleet"); the tag
    # shares no word with the passage it stands in (though it does with the article), so the twin
    # shape does not shelter it.
    got = layout(FEATURE.format(line=line))
    assert ("layout.page-furniture", line) in got
    assert [x for x in got if x[1] != line] == []


def test_crossheads_that_do_not_echo_their_passages_stay_clean():
    # When the article's crossheads are of a kind that shares no word with their passages,
    # each shelters the other.
    text = FEATURE.format(line="A long wait").replace("Granite from the quarry", "Hard going").replace(
        "Fishing fleet moved", "Better times")
    assert layout(text) == []


def test_a_list_of_tour_dates_beside_page_links_is_not_teasers():
    text = ("Band announces summer tour\n\nThe band will play twenty dates across the country this summer, "
            "its first tour in six years, the promoter said.\n\nThe dates are:\n\n"
            "June 4 -- Riverside Arena, Leeds\n\nJune 6 -- Castle Hall, York\n\nJune 9 -- Dock Stage, Hull\n\n"
            "June 12 -- Town Hall, Durham\n\nShare on Facebook\n\nShare by email\n")
    got = layout(text)
    assert [x for x in got if x[1].startswith("June")] == []
    assert ("layout.page-furniture", "Share on Facebook") in got


def test_a_line_signing_a_quotation_with_a_dash_is_the_articles():
    text = ("What readers said\n\nWe asked readers who saw the show last week what they made of it.\n\n"
            "“A wonderful night out, and the dancers were superb from start to finish.”\n\n"
            "– Pat R., Whitby\n\n\u200b\n\n"
            "“We took the children and they talked about it all the way home on the bus.”\n\n"
            "– Sam and Jo T.\n")
    got = layout(text)
    assert [x for x in got if x[1].startswith("–")] == []


# -- a line estranged from a long article, and whole forms of page chrome ---------------------

LONG = [
    "Ferry services between the island and the mainland will be cut to two sailings a day from March, "
    "the operator announced on Tuesday, blaming a shortage of crew and the age of its vessels.",
    "Residents packed the community hall in Portree last night to question managers about the timetable, "
    "which they fear will leave nurses, pupils and delivery drivers stranded for hours.",
    "One shopkeeper told the meeting that fresh produce already arrived late twice a week and that fewer "
    "crossings would empty her shelves before the weekend.",
    "The operator's chief executive apologised for the short notice but said two of the four boats on the "
    "route had failed safety inspections and would spend much of the winter in dry dock.",
    "A replacement vessel ordered from a Polish shipyard is running eighteen months behind schedule, "
    "and engineers still have to fit its engines and navigation equipment.",
    "Local councillors have written to ministers asking for an emergency subsidy so that chartered boats "
    "can fill the gaps during the busiest weeks of the tourist season.",
    "Fishermen, hauliers and hoteliers signed a joint letter warning that bookings for the summer had "
    "already slowed as visitors chose destinations that were easier to reach.",
    "Transport officials said a decision on extra funding would follow a review of the contract, which "
    "runs until the end of next year and includes penalties for cancelled sailings.",
    "Campaigners plan a protest march through the village on Saturday morning, when they hope hundreds "
    "of families from neighbouring crofts will join them carrying banners and petitions.",
]


def long_with(line):
    return "Island ferry sailings cut\n\n" + "\n\n".join(LONG[:4] + [line] + LONG[4:]) + "\n"


@pytest.mark.parametrize("line", ["Police stations", "Thanksgiving veggies", "MUST WATCH"])
def test_a_short_line_with_no_word_of_a_long_article_is_furniture_whatever_its_casing(line):
    assert ("layout.page-furniture", line) in layout(long_with(line))


def test_a_short_line_sharing_a_word_with_a_long_article_is_left_as_a_crosshead():
    assert layout(long_with("Crew shortage")) == []


def test_in_a_short_draft_a_sentence_case_line_is_not_estranged():
    text = f"{HEAD}\n\n{P1}\n\nPolice stations\n\n{P2}\n"
    assert layout(text) == []


@pytest.mark.parametrize("line", [
    "U.S.", "Health & Fitness", "Salads & sides", "MightyFan says:", "fan4life2 says:", "All rights reserved.",
    "5:45 AM PST 11/19/2019", "Updated at 1:23 p.m.", "3/sport/post-list", "Name (required)", "[ 56 comments ]",
])
def test_whole_forms_of_page_chrome_are_furniture(line):
    assert furniture.score(line, "isolated") is not None
    assert ("layout.page-furniture", line) in layout(between(line))


@pytest.mark.parametrize("line", ["Ann Bell says:", "He says:", "Contributing: Ann Bell", "Staff reports"])
def test_a_named_speaker_and_a_sign_off_are_not_page_chrome(line):
    assert furniture.score(line, "isolated") is None


def test_a_sentence_case_tag_among_crossheads_that_echo_their_passages_is_reported():
    got = layout(FEATURE.format(line="Harbour walks this weekend"))
    assert got == [("layout.page-furniture", "Harbour walks this weekend")]


def test_a_single_word_crosshead_in_capitals_stays_clean():
    assert layout(FEATURE.format(line="HARBOUR")) == []  # a word of the article, not of its passage
    assert ("layout.page-furniture", "Harbour") in layout(FEATURE.format(line="Harbour"))


def test_one_crosshead_that_does_not_echo_its_passage_does_not_shelter_a_tag_among_several_that_do():
    # "Looking ahead" shares no word with its passage; the two other crossheads echo theirs.
    text = (FEATURE.format(line="Harbour Walks")
            + "\nLooking ahead\n\nThe board will meet again in May to choose a contractor for the work.\n")
    assert [x for x in layout(text)] == [("layout.page-furniture", "Harbour Walks")]


def test_a_tag_opening_on_a_year_is_furniture_in_a_long_article():
    assert ("layout.page-furniture", "2026 Elections") in layout(long_with("2026 Elections"))
    assert ("layout.page-furniture", "2026 Elections") not in layout(long_with("2026 crossings"))


def test_a_lower_case_link_after_the_last_sentence_is_furniture():
    text = f"{HEAD}\n\n{P1}\n\n{P2}\n\nemail the reporter\n"
    assert layout(text) == [("layout.page-furniture", "email the reporter")]


def test_a_lower_case_line_under_the_headline_may_be_its_end_and_is_left_alone():
    text = f"Council backs plans for\n\nnew library\n\n{P1}\n\n{P2}\n"
    assert [x for x in layout(text) if x[0] == "layout.page-furniture"] == []


def test_a_lower_case_link_alone_in_a_long_article_is_furniture():
    assert ("layout.page-furniture", "pet insurance") in layout(long_with("pet insurance"))
    assert ("layout.page-furniture", "bingo") in layout(long_with("bingo"))


def test_a_line_in_another_script_holding_a_web_address_is_furniture():
    line = "ニュースはexample.comでお読みください"
    assert ("layout.page-furniture", line) in layout(between(line))


def test_a_field_label_ending_in_a_colon_under_the_headline_is_furniture():
    text = f"{HEAD}\n\nFeatured:\n\n{P1}\n\n{P2}\n"
    assert layout(text) == [("layout.page-furniture", "Featured:")]
    # under the headline, a list introduced by a colon label is the piece's own
    text = f"{HEAD}\n\nYou will need:\n\nflour\n\ntwo eggs\n\nmilk\n\n{P1}\n"
    assert layout(text) == []


def test_a_tag_with_no_word_of_the_article_is_odd_even_beside_one_other_such_line():
    # Four crossheads take words from the article; "Looking ahead" takes none, and neither does
    # the tag. Two such lines among six are still the odd ones out, and the tag has a tag's shape.
    text = (FEATURE.format(line="Garden Centre Offers")
            + "\nWall repairs costed\n\nThe board says the wall repairs will cost the harbour about two million pounds.\n"
            + "\nBoard meets in May\n\nThe board meets again in May to choose a contractor for the harbour wall.\n"
            + "\nLooking ahead\n\nWork on the wall is expected to finish before the storms of next winter.\n")
    got = layout(text)
    assert ("layout.page-furniture", "Garden Centre Offers") in got
    assert [x for x in got if x[1] != "Garden Centre Offers"] == []


@pytest.mark.parametrize("line", ["What happens next", "Worth waiting for", "Mixed reaction", "Back on track", "Looking ahead"])
def test_a_crosshead_phrase_that_does_not_echo_its_passage_stays_clean_among_ones_that_do(line):
    assert layout(FEATURE.format(line=line)) == []


def test_crossheads_shelter_only_a_line_set_in_their_own_casing():
    # The article's crossheads are in sentence case and echo nothing; a tag in Title Case is not
    # one of them, though it too shares no word with its passage.
    text = FEATURE.format(line="Harbour Walks").replace("Granite from the quarry", "Hard going").replace(
        "Fishing fleet moved", "Better times")
    assert layout(text) == [("layout.page-furniture", "Harbour Walks")]


@pytest.mark.parametrize("line", ["Thanks for signing up!", "You are now registered.", "Your cart is ready"])
def test_a_message_of_the_page_to_its_reader_is_furniture_in_a_long_article(line):
    assert ("layout.page-furniture", line) in layout(long_with(line))


def test_an_exclamation_in_quotation_marks_or_in_a_short_draft_is_left_alone():
    assert layout(long_with("“Never again!”")) == []
    assert layout(f"{HEAD}\n\n{P1}\n\nThanks for signing up!\n\n{P2}\n") == []


def test_a_one_word_cry_is_not_a_message_of_the_page():
    assert layout(long_with("Marvellous!")) == []


def test_the_script_of_a_text_counts_its_letters_as_one_by_one():
    """script_of counts Latin letters and others with patterns; the answer must be the one a
    count of each letter, one by one, gives: over published lines, web pages' lines and made
    strings of Latin, accented, Cyrillic, Greek and CJK letters, marks, handles and figures."""
    import random

    from test_patterns import _lines_to_try

    from copydesk import furniture

    def one_by_one(text):
        if len(text) > 200 and max(text) < "\u0250":
            return "latin" if any(c.isalpha() for c in text) else None
        latin = other = 0
        for c in furniture.HANDLE_RE.sub(" ", text):
            if c.isalpha():
                if c < "\u0250":
                    latin += 1
                else:
                    other += 1
        if latin >= 4 * other and latin:
            return "latin"
        if other >= 4 * latin and other:
            return "other"
        return None

    pieces = ["ab", "É", "ß", "ɏ", "ɐ", "ª", "×", "Жж", "Ωω", "中文", "“", "’", "—", "@dark", "www.x.com", "1", " ", "http://", ".UK", "WWW.", ".co",
              "\u0301", "ǅ", "Ⅻ", "\U0001d400"]
    rng = random.Random(5)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 12))) for _ in range(20000)]
    made += ["word " * 50 + x for x in ("“quoted”", "Жж", "")]
    answers = set()
    for text in _lines_to_try() + made:
        got = furniture.script_of(text)
        assert got == one_by_one(text), text
        answers.add(got)
    assert answers == {"latin", "other", None}
