"""Photo credits known by their grammar, images that owe no credit, and two style misreadings
(a company name taken for a spelling variant; "program" in British copy about a programme).
Every draft here is written for these tests."""

import pytest

from copydesk.checks.credits import find_credits
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import fix_text

HEAD = "Harbour repairs begin\n\n"


def check(text, name="a.txt", **cfg):
    doc = Document(text, name)
    found = check_document(doc, Config(**cfg))
    for f in found:  # every finding points at exactly the characters it names
        assert doc.text[f.start : f.end] == f.excerpt or f.excerpt in doc.text[f.start : f.end], f
    return found


def rules(text, prefix="credits", name="a.txt", **cfg):
    return [(f.rule, f.excerpt) for f in check(HEAD + text, name, **cfg) if f.rule.startswith(prefix)]


def credit_texts(text):
    return [text[c.start : c.end] for c in find_credits(text)]


# -- the misreadings ---------------------------------------------------------------------------

def test_photo_credit_with_a_dash_alone_on_its_line():
    got = rules("The new sea wall will take two years to build.\n\nPhoto credit - Tom Reyes/getty\n")
    assert got == [("credits.format", "Photo credit - Tom Reyes/getty"), ("credits.agency", "getty")]
    fixed = fix_text(HEAD + "The new sea wall will take two years to build.\n\nPhoto credit - Tom Reyes/getty\n",
                     "a.txt", "text", Config())
    assert fixed.text.endswith("\n\nPhotograph: Tom Reyes/Getty Images\n")


def test_photo_credit_with_a_dash_glued_to_a_paragraph():
    text = "The new sea wall will take two years to build. Photo credit - Tom Reyes/getty\n"
    got = rules(text)
    assert ("credits.placement", "Photo credit - Tom Reyes/getty") in got
    assert ("credits.agency", "getty") in got
    fixed = fix_text(HEAD + text, "a.txt", "text", Config(), unsafe=True)
    assert fixed.text == HEAD + "The new sea wall will take two years to build.\n\nPhotograph: Tom Reyes/Getty Images\n"


def test_a_caption_that_describes_the_picture_is_not_a_credit():
    draft = ("![The new manager](manager.jpg)\n\n"
             "Image: Owen Pryce, left, has replaced Dan Reeve as manager of Millbrook Town\n\n"
             "Photograph: Ann Bell/Reuters\n")
    got = [(f.rule, f.excerpt) for f in check(HEAD + draft, "a.md") if f.rule.startswith("credits")]
    assert got == []  # the description is left alone, the credit below it is in house format
    fixed = fix_text(HEAD + draft, "a.md", "markdown", Config(), unsafe=True)
    assert fixed.text == HEAD + draft  # nothing rewritten into nonsense
    for caption in ("Image: Owen Pryce, left, has replaced Dan Reeve as manager",
                    "Image: Owen Pryce has agreed terms to coach the county side",
                    "Photo: Firefighters, who worked through the night, at the scene",
                    "Picture: A lifeboat, launched from Harwich, reaches the stricken yacht",
                    "Image: The harbour wall, seen from the east pier, after the storm"):
        assert find_credits(caption) == [], caption


def test_email_systems_is_a_company_not_the_variant_email():
    text = ("Spam makes up most e-mail traffic, according to Email Systems.\n\n"
            "Email Systems said every e-mail was scanned. A director of Email Systems agreed.\n")
    assert rules(text, "style") == []
    # the variant itself is still caught
    assert rules("Most e-mail is spam.\n\nThe email was junk.\n\nThe e-mail was blocked.\n", "style") == [
        ("style.consistency", "email")]


@pytest.mark.parametrize("sentence,cue", [
    ("The council's vaccination program reached 40,000 pupils by March.", "vaccination"),
    ("Ministers approved a school building program worth £2bn.", "building"),
    ("The television program drew five million viewers.", "television"),
    ("The government launched a program of vaccination in the spring.", "vaccination"),
])
def test_program_outside_computing_is_reported_in_british_copy(sentence, cue):
    found = [f for f in check(HEAD + sentence + "\n") if f.rule == "style.spelling"]
    assert [(f.excerpt, f.suggestions) for f in found] == [("program", ("programme",))]
    assert f"“{cue}”" in found[0].message


@pytest.mark.parametrize("sentence", [
    "The program was installed on every computer in the council offices.",
    "The malicious program spread through e-mail attachments.",
    "She wrote a program to sort the vaccination records on her laptop.",
    "Run the program again once the building's network is back.",
    "The program was popular.",  # the sense is unclear: left alone
])
def test_a_computer_program_keeps_its_spelling(sentence):
    assert rules(sentence + "\n", "style") == []


def test_american_house_writes_program_in_every_sense():
    got = rules("The council's vaccination program reached every school.\n", "style", house="american")
    assert [g for g in got if "program" in g[1].lower()] == []


# -- credits by their grammar ------------------------------------------------------------------

@pytest.mark.parametrize("text,credit", [
    ("Photo credit - Tom Reyes/getty", "Photo credit - Tom Reyes/getty"),
    ("Tom Reyes/Getty Images", "Tom Reyes/Getty Images"),
    ("PHOTO: AFP", "PHOTO: AFP"),
    ("Photograph courtesy of the Millbrook Lifeboat Trust", "Photograph courtesy of the Millbrook Lifeboat Trust"),
    ("Image source, PA Media", "Image source, PA Media"),
    ("Volunteers filled sandbags outside the library (Photo: Ruth Ames)", "(Photo: Ruth Ames)"),
    ("Volunteers filled sandbags outside the library. Photograph: Ruth Ames/PA", "Photograph: Ruth Ames/PA"),
    ("Credit...Owen Price/The Millbrook Echo", "Credit...Owen Price/The Millbrook Echo"),
    ("Pic: Sam Gold, Reuters", "Pic: Sam Gold, Reuters"),
    ("Picture by K. J. Lowe/Alamy", "Picture by K. J. Lowe/Alamy"),
    ("Courtesy Millbrook Town Council", "Courtesy Millbrook Town Council"),
    ("© Ruth Ames", "© Ruth Ames"),
    ("Image: © Harbour Trust/Sam Gold", "Image: © Harbour Trust/Sam Gold"),
    ("Photo: Ann Bell, AP", "Photo: Ann Bell, AP"),
    ("(Sam Gold / Associated Press)", "(Sam Gold / Associated Press)"),
    ("Ann Bell | Bloomberg | Getty Images", "Ann Bell | Bloomberg | Getty Images"),
    ("Photograph: AFP via Getty Images", "Photograph: AFP via Getty Images"),
    ("Image credit: Harbour Engineering Co., Ltd.", "Image credit: Harbour Engineering Co., Ltd."),
    ("Photo: family handout", "Photo: family handout"),
    ("Photograph: Mark Lee/Wikimedia Commons (CC BY-SA 4.0)", "Photograph: Mark Lee/Wikimedia Commons (CC BY-SA 4.0)"),
])
def test_credit_forms_are_recognised_by_their_grammar(text, credit):
    assert credit_texts(text) == [credit]


@pytest.mark.parametrize("text", [
    "© 2024 Millbrook Echo. All rights reserved.",
    "Copyright © 2024 Harbour Media Ltd",
    "11/20/2024 10:08 AM",
    "He said AC/DC would headline the harbour festival.",
    "Photos of the flood were shared widely online.",
    "The picture: a town that has flooded three times in ten years.",
    "Credit card spending rose by 4% in March.",
    "Image source, residents said, was a phone camera.",
])
def test_lines_that_are_not_credits(text):
    assert credit_texts(text) == []


def test_bare_agency_only_counts_beside_a_picture():
    # "(AFP)" closing a caption is a credit; closing a paragraph of the story it is not read as one
    assert rules("Talks resumed in Geneva on Monday, officials told reporters (AFP)\n") == []
    md = "![Talks in Geneva](geneva.jpg)\n\nDelegates arrive for the talks (AFP)\n"
    assert [(f.rule, f.excerpt) for f in check(HEAD + md, "a.md") if f.rule.startswith("credits")] == [
        ("credits.format", "(AFP)")]


def test_credit_fix_never_makes_nonsense():
    """Whatever a credit holds, it is rewritten into the house format only when the
    photographer and the agency are both known; otherwise only an agency's name is put right."""
    expected = {
        "Photo by Jane Ellis, Getty": "Photograph: Jane Ellis/Getty Images",
        "Photo credit - Tom Reyes/getty": "Photograph: Tom Reyes/Getty Images",
        "Pic: Sam Gold, Reuters": "Photograph: Sam Gold/Reuters",
        "Image: © Harbour Trust/Sam Gold/Reuters": "Image: © Harbour Trust/Sam Gold/Reuters",  # three names
        "Photograph: AFP via Getty": "Photograph: AFP via Getty Images",  # two agencies: no guess
        "Credit: Getty": "Credit: Getty Images",  # the agency alone
        "Photo: family handout": "Photo: family handout",
        "Image credit: Harbour Engineering Co., Ltd.": "Image credit: Harbour Engineering Co., Ltd.",
        "Courtesy Millbrook Town Council": "Courtesy Millbrook Town Council",
        "Image: Owen Pryce, left, has replaced the coach": "Image: Owen Pryce, left, has replaced the coach",
    }
    for line, want in expected.items():
        text = HEAD + "The wall was finished on Friday.\n\n" + line + "\n"
        fixed = fix_text(text, "a.txt", "text", Config())
        assert fixed.text == HEAD + "The wall was finished on Friday.\n\n" + want + "\n", line


# -- images that owe no credit -----------------------------------------------------------------

PAGE = """<html><body>
<header><img src="/img/site-logo.png" alt="Millbrook Echo"></header>
<nav><img src="/img/menu.png" alt="Menu"></nav>
<article>
<header><h1>Harbour repairs begin</h1><img src="/photos/harbour-wall.jpg" alt="The harbour wall"></header>
<p>Work on the harbour wall began on Monday after a winter of storms.</p>
<img src="/photos/crane.jpg" alt="A crane on the pier">
<p>The council said the work would take two years.</p>
<a href="https://twitter.com/share"><img src="/img/tw.png" alt="Share"></a>
<a href="https://www.facebook.com/sharer.php"><img src="/img/f.png" alt="Post it"></a>
<img src="/photos/author-ann.jpg" class="avatar" alt="Ann Bell">
<img src="https://pixel.example.com/p?id=1" width="1" height="1" alt="">
<img src="/photos/quay.jpg" width="80" height="60" alt="The quay">
<img src="/photos/fish-market.jpg" aria-hidden="true" alt="">
<p>Fishing boats have moved to the north quay.</p>
<a href="/news/storm-damage-report"><img src="/photos/storm.jpg" alt="Storm damage"></a>
<aside><img src="/photos/related.jpg" alt="Related story"></aside>
</article>
<footer><img src="/photos/sponsor-banner.jpg" alt="Our sponsor"></footer>
</body></html>
"""


def test_images_that_owe_no_credit():
    found = check(PAGE, "page.html")
    missing = [f.excerpt for f in found if f.rule == "credits.missing"]
    # only the story's own pictures: the lead picture in the article's header and the crane
    assert missing == ['<img src="/photos/harbour-wall.jpg" alt="The harbour wall">',
                       '<img src="/photos/crane.jpg" alt="A crane on the pier">']


def test_markdown_icons_and_logos_owe_no_credit():
    md = ("![Share on Twitter](twitter-icon.png)\n\nThe wall was finished on Friday.\n\n"
          "![Millbrook Echo](echo-logo.svg)\n\nThe council paid for the work.\n\n"
          "![The new wall](wall.jpg)\n\nThe council said it would last a century.\n")
    found = [(f.rule, f.excerpt) for f in check(HEAD + md, "a.md") if f.rule.startswith("credits")]
    assert found == [("credits.missing", "![The new wall](wall.jpg)")]


def test_a_credit_in_a_figure_caption_is_read():
    page = ("<html><body><article><h1>Harbour repairs begin</h1>"
            "<figure><img src=\"/photos/crane.jpg\" alt=\"A crane\">"
            "<figcaption>A crane lifts the first block into place. Photo credit - Tom Reyes/getty</figcaption></figure>"
            "<p>The council said the work would take two years.</p></article></body></html>\n")
    got = [(f.rule, f.excerpt) for f in check(page, "page.html") if f.rule.startswith("credits")]
    assert got == [("credits.format", "Photo credit - Tom Reyes/getty"), ("credits.agency", "getty")]


def test_an_image_sized_small_in_its_style_owes_no_credit():
    page = ("<html><body><article><h1>Harbour repairs begin</h1>"
            "<p>The wall was finished on Friday.</p>"
            "<img src=\"/static/more.png\" style=\"width: 16px; height: 16px;\">"
            "<p>The council paid for the work.</p>"
            "<img src=\"/photos/wall.jpg\" style=\"width: 640px\" alt=\"The wall\">"
            "<p>It will last a century.</p></article></body></html>\n")
    missing = [f.excerpt for f in check(page, "page.html") if f.rule == "credits.missing"]
    assert missing == ['<img src="/photos/wall.jpg" style="width: 640px" alt="The wall">']


# -- credits in the conventions newsrooms use, with no fixed list of whole forms --------------

@pytest.mark.parametrize("text,credit", [
    ("Image copyright Reuters", "Image copyright Reuters"),  # BBC
    ("Image copyright REUTERS", "Image copyright REUTERS"),
    ("Image Copyright @annbell", "Image Copyright @annbell"),  # a handle for a name
    ("Picture credit Tom Reyes", "Picture credit Tom Reyes"),
    ("Credit: Getty Images - Ann Bell", "Credit: Getty Images - Ann Bell"),  # agency - name
    ("Credit: Ann Bell/Tom Reyes", "Credit: Ann Bell/Tom Reyes"),
    ("(Image: annbell / Getty Images)", "(Image: annbell / Getty Images)"),  # user name
    ("Ann Bell, Reuters", "Ann Bell, Reuters"),  # a line of its own
    ("Ann Bell, SHUTTERSTOCK", "Ann Bell, SHUTTERSTOCK"),
    ("Ann Bell | Getty", "Ann Bell | Getty"),
    ("Sami HADDAD / AFP", "Sami HADDAD / AFP"),
    ("Ann McKay/Ruth O'Neill", "Ann McKay/Ruth O'Neill"),
    ("(PA Media)", "(PA Media)"),
    ("Harbour lights at dusk. (NASA/JPL/Harbour Science Institute)", "(NASA/JPL/Harbour Science Institute)"),
    ("(Image credit: Harbour Media plc)", "(Image credit: Harbour Media plc)"),  # a company suffix
    ("The road back was not easy.Ann Bell/Getty", "Ann Bell/Getty"),  # pasted with no space
])
def test_credit_conventions_are_recognised(text, credit):
    assert [text[c.start:c.end] for c in find_credits(text, standalone=False)] == [credit]


@pytest.mark.parametrize("tail", [
    "Ann Bell/Tom Reyes", "Ann Bell | Getty Images", "Ann Bell, PA Media", "Image copyright Reuters",
    "Credit: Reuters - Tom Reyes", "Image Copyright @tomreyes", "(AP)",
])
def test_a_credit_glued_after_the_last_sentence_of_a_paragraph(tail):
    para = "The harbour wall was breached twice during the winter storms. " + tail
    got = rules(para + "\n")
    assert ("credits.placement", tail) in got, got
    fixed = fix_text(HEAD + para + "\n", "a.txt", "text", Config(), unsafe=True)
    assert "storms.\n\n" in fixed.text


def test_agency_dash_name_names_the_agency_as_source():
    got = rules("The wall was finished on Friday.\n\nCredit: Getty - Ann Bell\n")
    assert ("credits.agency", "Getty") in got
    assert got[0] == ("credits.format", "Credit: Getty - Ann Bell")


@pytest.mark.parametrize("para", [
    "The deal was signed on Friday, said Tom Reyes.",
    "The minister met Ann Bell, Tom Reyes and Ruth Okoye.",
    "The team: Smith, Jones, Brown",
    "Chelsea 2 Arsenal 1",
    "The match ended in a draw. Chelsea 2 Arsenal 1",
    "Reporting by Jane Doe; Editing by Tom Lee",
    "The bank's shares rose 3%. Reporting by Jane Doe; Editing by Tom Lee",
    "MILLBROOK, March 3 (Reuters) - The harbour reopened on Monday.",
    "Image copyright law is changing across Europe, the commission said.",
    "Image copyright holders will be paid under the new rules.",
    "Image: Owen Pryce, left, has replaced the coach",
    "Talks resumed in Geneva on Monday, officials told reporters (AFP)",
    "Tony Blair, MP",
    "Gordon Brown, Chancellor",
    "Smith and Jones",
    "By Ann Bell | Millbrook Echo",
    "Entries RSS | Comments RSS",
    "View PDF/Print Mode",
    "Millbrook Council BrandVoice | Paid Program",
    "WSJ/NBC News Poll",
    "Saturday, 26 February",
    "Chelsea v Birmingham",
    "The vote was close. Labour 310, Conservatives 290",
    "Photo finish decided the race, the stewards said.",
    "Credit card spending rose in March, the bank said. Ann Bell said so too.",
    "Reservation Method/Rule",
    "The council met.Ann Bell went home",
    "He served with the U.S.Army in Germany.",
])
def test_lines_and_paragraph_ends_that_are_not_credits(para):
    assert rules(para + "\n\nThe council met on Monday.\n") == []
    assert [para[c.start:c.end] for c in find_credits(para, standalone=False)] == []


def test_a_credit_beside_a_picture_may_name_the_agency_alone():
    md = "![The harbour wall](wall.jpg)\n\nReuters\n"
    assert [(f.rule, f.excerpt) for f in check(HEAD + md, "a.md") if f.rule.startswith("credits")] == [
        ("credits.format", "Reuters")]
    # in the story, a line with an agency alone is not read as a credit
    assert rules("The wall was finished on Friday.\n\nReuters\n\nThe council paid for it.\n") == []


def test_a_credit_line_inside_a_multi_paragraph_quotation_does_not_end_it():
    text = ("The harbour master said: \"The wall held for a century and we expected it to hold again.\n\n"
            "Image copyright Reuters\n\n"
            "\"Nobody here thought the sea would come over the top,\" she said.\n")
    got = [(f.rule, f.excerpt) for f in check(HEAD + text)]
    assert got == [("credits.format", "Image copyright Reuters")]
    # the quotation is still reported when nothing after the credit carries it on
    broken = text.replace("\"Nobody here", "Nobody here").replace("top,\" she", "top, she")
    assert ("quotes.unclosed", "\"") in [(f.rule, f.excerpt) for f in check(HEAD + broken)]
