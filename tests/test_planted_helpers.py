"""The pure helpers of the planted-fault benchmark (benchmarks/planted.py, run by hand)."""

from __future__ import annotations

import os
import random
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.join(os.path.dirname(HERE), "benchmarks"))

import plant_sources  # noqa: E402
import planted  # noqa: E402


def article(text: str) -> planted.Article:
    paras = [(m.start(), m.end()) for m in __import__("re").finditer(r"[^\n]+(?:\n[^\n]+)*", text)]
    return planted.Article("x.txt", text, paras)


def test_credit_shape_keeps_cue_words_and_punctuation():
    shape = plant_sources.credit_shape("Photo: Harriet Vell, AP")
    assert shape.describe() == "Photo: {name}, {agency:CAPS}"
    assert plant_sources.credit_shape("(Tomas Grieve / Associated Press)").describe() == "({name} / {agency})"
    assert plant_sources.credit_shape("Image copyright @harbourcam").describe() == "Image copyright {name:@handle}"
    assert plant_sources.credit_shape("Photo: 2019") is None


def test_filled_shape_uses_no_agency_twice():
    shape = plant_sources.credit_shape("Ola Brand | Getty Images | Reuters")
    for seed in range(30):
        parts = planted.fill_shape(shape, random.Random(seed)).split(" | ")
        assert len(parts) == 3 and parts[1] != parts[2]


def test_furniture_filter():
    body = plant_sources._fold("The mayor opened the new bridge on Friday.")
    assert plant_sources.is_furniture_line("Cookie settings", body, "", None)
    assert not plant_sources.is_furniture_line("The mayor opened the new bridge", body, "", None)
    assert not plant_sources.is_furniture_line("It was a long day.", body, "", None)
    assert not plant_sources.is_furniture_line("Why the bridge matters now", body, "", "/news/why-the-bridge-matters-now")
    assert not plant_sources.is_furniture_line("Read how the council voted on", body, "", None)
    assert plant_sources.is_timestamp("14 hours ago") and plant_sources.is_timestamp("Tue, Mar 3, 2020")
    assert not plant_sources.is_timestamp("Decision 2020") and not plant_sources.is_timestamp("Updated:")


def test_stripped_quotation_forms():
    assert planted.stripped_quotation('"We will open the new ward in the spring," she said.') == \
        '"We will open the new ward in the spring."'
    assert planted.stripped_quotation('The head teacher said: "Every pupil will have a laptop by June."') == \
        '"Every pupil will have a laptop by June."'
    assert planted.stripped_quotation('"Nobody saw it coming," he told reporters. "It was over in a minute."') == \
        '"Nobody saw it coming. It was over in a minute."'
    # too short, or no reporting verb in the clause
    assert planted.stripped_quotation('"Fine," he said.') is None
    assert planted.stripped_quotation('"We will open the new ward in the spring," on the hill.') is None


def test_plant_span_and_map_back():
    text = "Headline\n\nFirst paragraph here.\n\nSecond paragraph here.\n"
    art = article(text)
    plant = planted.make_plant(art, "between", 32, 32, "\n\nSign up", (2, 9))
    assert plant.text[plant.span[0]:plant.span[1]] == "Sign up"
    assert plant.text == text[:32] + "\n\nSign up" + text[32:]
    assert plant.map_back(10) == 10
    assert plant.map_back(plant.span[0]) is None
    assert plant.map_back(len(plant.text)) == len(text)


def test_attribution_plant_lifts_the_quotation_into_its_own_paragraph():
    text = ("Headline\n\nThe hospital is in the north of the town.\n\nThe ward has forty beds and a garden. It cost four million pounds to build. "
            '"We will open the new ward in the spring," the manager said.\n\nThe garden was planted by volunteers.\n')
    plant = planted.plant_attribution(article(text), "sentence", random.Random(1), None)
    assert plant is not None
    assert plant.text[plant.span[0]:plant.span[1]] == '"We will open the new ward in the spring."'
    assert "build.\n\n\"We will" in plant.text and "said" not in plant.text


def test_unclosed_plant_points_at_the_opening_mark():
    text = 'Headline\n\nSome narrative.\n\n"The bridge will open on time," he said.\n\nMore narrative.\n'
    plant = planted.plant_unclosed(article(text), "closing-removed", random.Random(1), None)
    assert plant.text[plant.span[0]:plant.span[1]] == '"'
    assert plant.text.count('"') == 1 and plant.span[0] == text.index('"')


def test_unopened_plant_points_at_the_closing_mark():
    text = 'Headline\n\nSome narrative.\n\n"The bridge will open on time," he said.\n'
    plant = planted.plant_unopened(article(text), "opening-removed", random.Random(1), None)
    assert plant.text[plant.span[0]:plant.span[1]] == '"'
    assert plant.text[plant.span[0] - 5:plant.span[0]] == "time,"


def test_spans_meet():
    assert planted.spans_meet(3, 8, 7, 9) and not planted.spans_meet(3, 8, 8, 9)
    assert planted.spans_meet(5, 5, 5, 9) and planted.spans_meet(3, 5, 5, 5) and not planted.spans_meet(3, 5, 6, 6)
    assert planted.overlaps(4, 4, 2, 6) and not planted.overlaps(7, 7, 2, 6) and planted.overlaps(1, 3, 2, 6)
