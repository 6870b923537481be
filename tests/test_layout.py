from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document


def layout(text, name="a.txt"):
    return [(f.rule, f.excerpt) for f in check_document(Document(text, name), Config(select=["layout"]))]


def test_a_run_of_teasers_next_to_page_furniture_is_caught_whole():
    text = ("Council approves new library\n\nMost read\n\nQueen opens bridge in Kent\n\nTrain fares to rise in March\n\n"
            "Storm warning for the coast\n\nThe district council has approved plans for a new library, it said on Monday.\n")
    assert layout(text) == [
        ("layout.page-furniture", "Most read"),
        ("layout.teaser", "Queen opens bridge in Kent"),
        ("layout.teaser", "Train fares to rise in March"),
        ("layout.teaser", "Storm warning for the coast"),
    ]


def test_subheadings_among_body_paragraphs_are_not_teasers():
    text = ("Council approves new library\n\nThe district council has approved plans for a new library.\n\n"
            "What happens next\n\nBuilding work will start in the spring, the council said.\n")
    assert layout(text) == []


def test_html_navigation_and_empty_elements():
    html = ("<nav><a href='/'>Home</a> <a href='/uk'>UK News</a></nav>\n<h1>Library approved</h1>\n"
            "<p>&nbsp;</p>\n<p><br></p>\n<p>The council approved a new library on Monday, it said.</p>\n")
    assert layout(html, "a.html") == [
        ("layout.page-furniture", "Home</a> <a href='/uk'>UK News"),
        ("layout.whitespace-line", "<p>&nbsp;</p>"),
        ("layout.whitespace-line", "<p><br></p>"),
    ]


def _broken(text):
    return [f for f in check_document(Document(text, "a.txt"), Config(select=["layout"])) if f.rule == "layout.broken-paragraph"]


def test_a_break_that_lost_words_is_reported_without_a_join():
    # The runner's name was a link and went missing: joining would give "Norway's won the 800m".
    text = ("Indoor season opens in Leeds\n\nThe women's 400m went to a late burst of speed from Norway's\n\n"
            "won the 800m heats in a time that surprised her coach and the crowd.\n")
    found = _broken(text)
    assert len(found) == 1 and found[0].fix is None and "words are missing" in found[0].message
    # A break between a subject and its verb loses nothing: joining mends it, as a safe fix.
    whole = ("Indoor season opens in Leeds\n\nAfter a long winter of training the young runner from the north\n\n"
             "won the 800m heats in a time that surprised her coach and the crowd.\n")
    found = _broken(whole)
    assert len(found) == 1 and found[0].fix is not None and found[0].fix.safe
    # A paragraph that opens on a comma has lost the name before it.
    comma = ("Indoor season opens in Leeds\n\nThe men's race in the evening session was won by\n\n"
             ", who held on by a stride as the others closed in over the final bend.\n")
    assert [f.fix for f in _broken(comma)] == [None]


def test_an_empty_line_tag_in_capitals_is_a_whitespace_line():
    text = "Talks go on\n\nMinisters met in London on Monday.\n\n<BR>\n\nThe talks went on late into the night.\n"
    assert layout(text) == [("layout.whitespace-line", "<BR>")]
