from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.house import load_house


def check(text, **cfg):
    return check_document(Document("Headline of the story\n\n" + text, "a.txt"), Config(**cfg))


def test_ize_is_a_house_setting(tmp_path):
    pack = tmp_path / "oxford.yaml"
    pack.write_text("name: oxford\nextends: british\nspelling:\n  ize: true\n")
    text = "The organisers said the colour would organize itself."
    default = [(f.excerpt, f.suggestions) for f in check(text) if f.rule == "style.spelling"]
    assert default == [("organize", ("organise",))]
    oxford = [(f.excerpt, f.suggestions) for f in check(text, house=str(pack)) if f.rule == "style.spelling"]
    assert oxford == [("organisers", ("organizers",))]


def test_american_pack_changes_what_is_flagged_with_no_code_change():
    text = "Mr Smith and Dr. Jones admired the color of the theatre."
    british = sorted((f.rule, f.excerpt) for f in check(text))
    american = sorted((f.rule, f.excerpt) for f in check(text, house="american"))
    assert british == [("style.honorific", "Dr."), ("style.spelling", "color")]
    assert american == [("style.honorific", "Mr"), ("style.spelling", "theatre")]


def test_spelling_suggestion_keeps_case():
    got = [(f.excerpt, f.suggestions[0]) for f in check("Color me bad. The color and the COLOR.")]
    assert got == [("Color", "Colour"), ("color", "colour"), ("COLOR", "COLOUR")]


def test_spelling_list_is_large_and_from_a_licensed_source():
    assert len(load_house("british").spelling_pairs) >= 1500
    from importlib import resources

    assert "Apache License" in (resources.files("copydesk") / "rules" / "LICENSE-breame").read_text()


def test_credit_forms_are_recognised():
    text = ("Crowds gathered in the square.\n\nREUTERS/Ann Bell\n\nCredit: Getty\n\n"
            "Photograph: Ann Bell/Reuters\n\nImage source, Getty Images\n\n(AP Photo/Ann Bell)\n")
    got = [(f.rule, f.excerpt) for f in check(text) if f.rule.startswith("credits")]
    assert got == [
        ("credits.agency", "REUTERS"), ("credits.format", "REUTERS/Ann Bell"),
        ("credits.format", "Credit: Getty"), ("credits.agency", "Getty"),
    ]


def test_dateline_run_into_the_text():
    got = [(f.rule, f.excerpt) for f in check("LONDON (Reuters) - Ministers met on Monday to agree a budget for the year.")]
    assert got == [("layout.run-in-furniture", "LONDON (Reuters) -")]
