"""The checkers' patterns that ask what may not stand before them after their first
character ((?<!X.)), so that Python's engine can skip to where that character stands, find
exactly what the same patterns asking it first ((?<!X)) find."""

from __future__ import annotations

import re

import pytest

from test_patterns import _lines_to_try

from copydesk.checks import attribution, consistency, style

LONE = r"(?<![\w.,$£€#/:+\-–−@&'’])"
BEFORE = {
    "LETTERS_RE": r"(?<![^\W\d_])[A-Za-z]+(?![^\W_])",
    "CAPITAL_RE": r"(?<![\w-])[A-Z][a-z]+",
    "MONEY_LONG_RE": r"(?<![\w$£€])([£$€])(\d[\d,]*(?:\.\d+)?) (million|billion)\b(?![-\w])",
    "MONEY_WORDS_RE": r"(?<![\w$£€.,])(\d[\d,]*(?:\.\d+)?) (million|billion) (pounds|dollars|euros)\b",
    "MONEY_SHORT_RE": r"(?<![\w$£€])([£$€])(\d[\d,]*(?:\.\d+)?)(m|bn)\b",
    "PERCENT_RE": r"(?<![\w.,])(\d(?:[\d,]*\d)?(?:\.\d+)?)(?:(%)|( %)|[ \u00a0](per cent|percent)(?![\w-]))",
    "ORDINAL_RE": r"(?<![\w.,/#:+\-–−@&])(\d+)(st|nd|rd|th|ST|ND|RD|TH)(?![^\W_])",
    "FIGURE_COUNT_RE": LONE + r"([1-9][0-9]?)(?= [a-z])",
    "LONG_START_RE": LONE + r"(\d{3,}|\d{1,3}(?:,\d{3})+|\d+\.\d+)(?= [a-z])",
    "DECADE_RE": r"\b((?:1[0-9]|20)[0-9]0)['’]s\b",
    "WORD_COUNT_RE": (r"(?<![\w\-–'’])((?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen)"
                      r"|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-(?:one|two|three|four|five|six|seven|eight|nine))?)"
                      r"(?= [a-z])"),
    "consistency.TITLED_RE": r"\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+(?:([A-Z][a-z]+)\s+)?([A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*)\b",
    "consistency.ORG_RE": r"(?<![\w'’-])" + consistency._CAP + r"(?: " + consistency._CAP + r"){1,3}(?![\w'’-])",
    "consistency.FULL_NAME_RE": r"\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*)\b",
    "consistency.SMALL_WORD_RE": r"(?<![\w'’-])[a-z]+(?![\w'’-])",
    "attribution.NAME_RE": r"(?<![\w'’-])[A-Z][a-z]+(?:-[A-Z]?[a-z]+|['’][A-Z][a-z]+)*",
}
MODULES = {"consistency": consistency, "attribution": attribution}
MADE = ["£3 million, $1.25 billion and 3 million pounds; £3m or $2bn", "x£3 million", "1,000 people", "12.5 per cent",
        "7% and 7 % and 7 percent", "3rd, 21ST, 4th-placed, 5thx", "The 12 men and 99 women", "a 10,000,000 sum",
        "1.5 metres", "7-Eleven", "M6 1,000 years", "Mr. Smith, Dr. Jones, St. Paul's, Prof. Ann, Revd. Lee, Mrs. X",
        "mr. Smith", "Mr.Smith", ".Mr. Smith", "Mr. smith", "Zoë Ball", "ÉCOLE", "a 1000 b 2000 c", "#1 hit",
        "2.5 billion dollars", "5 million euros", "x5 million euros", "£5 million pounds",
        "the 1980s and 2010’s, x1990s, 2100s", "in the 1960's", "1920’s jazz", "Mrs Priya Kaur and Mr. Lee, Miss Ann Bell, Prof Dale", "xMr Lee",
        "Manchester United beat Tottenham Hotspur", "O'Neill-Smith and Jean-Paul",
        "ten men, eleven women, twelve days, thirteen years, twenty-one guns, ninety-nine red, sixty-x men",
        "fifteen people and seventy-seven cars; eighteen sixty", "xten men", "ten-minute walk", "Ten men", "eighty days"]


@pytest.fixture(scope="module")
def lines() -> list[str]:
    return _lines_to_try() + MADE


def _same(a: re.Pattern, b: re.Pattern, lines: list[str]) -> list[str]:
    return [x for x in lines if [(m.span(), m.groups()) for m in a.finditer(x)] != [(m.span(), m.groups()) for m in b.finditer(x)]]


@pytest.mark.parametrize("name", sorted(BEFORE))
def test_asked_after_the_first_character_finds_the_same(name, lines):
    before = re.compile(BEFORE[name])
    module, _, attr = name.rpartition(".")
    after = getattr(MODULES.get(module, style), attr)
    assert after.pattern != before.pattern
    assert _same(before, after, lines) == []
    assert sum(1 for x in lines if after.search(x)) >= 3  # the comparison saw matches


@pytest.mark.parametrize("house", ["british", "american"])
def test_the_honorifics_by_first_letter_find_the_same(house, lines):
    from copydesk.house import load_house

    h = load_house(house)
    after, stop = style._honorific_re(h)
    words = h.section("honorifics").get("words", [])
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    before = re.compile(r"(?<![\w.])(" + alts + r")(?![\w.])(?=[ \u00a0]+[A-Z])" if stop else
                        r"(?<![\w.])(" + alts + r")\.(?=[ \u00a0]+[A-Z])")
    honorific_lines = lines + [w + ". Smith" for w in words] + [w + " Smith" for w in words] + ["x" + w + ". Smith" for w in words]
    assert _same(before, after, honorific_lines) == []
    assert sum(1 for x in honorific_lines if after.search(x)) >= len(words)


def test_a_quotation_blanked_in_one_step_is_blanked_as_before(lines):
    from copydesk.checks.attribution import VISIBLE_RE, _blanked

    made = ["“a b\nc”", "tab\there", "no\u00a0break", "   ", "", "x", "line\r\nend"]
    assert [x for x in lines + made if _blanked(x) != VISIBLE_RE.sub(" ", x)] == []


def test_words_are_counted_as_the_form_that_ends_a_word_on_a_letter_counts_them(lines):
    """sentences.words counts with a pattern that takes a word's trailing marks too; the count
    must be that of the pattern that stops at its last letter or figure, on published lines
    and on made ones of every mix of letters, figures, marks and spaces."""
    import itertools

    from copydesk import sentences

    ending = re.compile(r"[^\W_](?:[\w'’.-]*[^\W_])?")
    made = ["".join(p) for n in range(1, 6) for p in itertools.product("a1_'’.- é", repeat=n)]
    assert len(made) > 50_000
    for x in lines + made:
        assert sentences.words(x) == len(ending.findall(x)), x


def test_a_name_written_small_is_found_as_the_words_written_small_find_it(lines):
    """consistency._written_small, asked of a few names, must answer as a look-up among
    SMALL_WORD_RE's words does: on published lines, and on made ones with every kind of
    neighbour (figures of other scripts, marks, accents, the edges of the text)."""
    import itertools

    small_re = consistency.SMALL_WORD_RE
    made = ["".join(p) for n in range(1, 6) for p in itertools.product(["ab", "b", "x", " ", "-", "’", "_", "é", "٣", "Ab", "\n"], repeat=n)]
    for text in lines + made:
        small = set(small_re.findall(text))
        for word in ("ab", "b", "the", "will", "mark", "é", "ab b"):
            assert consistency._written_small(word, text) == (word in small), (word, text)
