import re

import pytest

from copydesk.patterns import OVERLAP, WINDOW, compile_user, finditer_windowed
from copydesk.yamlio import DataError


def test_windowed_search_finds_what_a_plain_search_finds():
    text = ("filler " * 900 + "Photo by Ann Reid, Getty. ") * 7 + "x" * (WINDOW - 3) + "Photo by Jo Bell"
    pattern = compile_user(r"Photo by [A-Z][a-z]+ [A-Z][a-z]+", "t", 1, "k", ignore_case=False)
    got = [(s, e) for s, e, _m in finditer_windowed(pattern, text)]
    want = [m.span() for m in re.finditer(r"Photo by [A-Z][a-z]+ [A-Z][a-z]+", text)]
    assert got == want and len(want) == 8
    assert len(text) > 10 * (WINDOW + OVERLAP)


def test_patterns_re2_cannot_run_are_rejected():
    with pytest.raises(DataError, match="linear-time engine"):
        compile_user(r"(\w+)\s\1", "pack.yaml", 3, "patterns")


@pytest.mark.parametrize("pack,keys", [("layout.yaml", ("patterns", "run_in")), ("attribution.yaml", ("anonymous",)),
                                       ("credits.yaml", ("labels", "patterns"))])
def test_each_shipped_pattern_compiles_on_its_own(pack, keys):
    """The word-list packs' patterns are compiled only joined at run time (shipped=), so each is
    checked alone here: none may fail, or close the group around it and open another."""
    from copydesk.house import load_data_pack

    data = load_data_pack(pack)
    for key in keys:
        assert data[key]
        for p in data[key]:
            compile_user(p, pack, None, key)  # raises DataError if RE2 cannot take it alone


def test_a_user_pattern_is_still_checked_on_its_own():
    from copydesk.patterns import alternation

    with pytest.raises(DataError, match="cannot run"):
        alternation(["shipped one", "a)|(b"], "user.yaml", 3, "patterns", shipped=1)
    with pytest.raises(DataError, match=r"\(\?<=x\)"):  # a broken shipped one is named when the whole fails
        alternation(["(?<=x)y", "fine"], "pack.yaml", 3, "patterns", shipped=1)


def _lines_to_try() -> list[str]:
    """Lines the layout patterns meet: every line of the fixtures, of some published articles
    when the shared corpus is beside the project, and lines made to match, with accents."""
    import glob
    import gzip
    import html
    import os

    from conftest import require_shared

    here = os.path.dirname(os.path.abspath(__file__))
    lines = []
    for path in sorted(glob.glob(os.path.join(here, "..", "fixtures", "*"))):
        if not path.endswith((".txt", ".md", ".html")):
            continue
        with open(path, encoding="utf-8", errors="replace") as fh:
            lines += fh.read().splitlines()
    for path in sorted(glob.glob(os.path.join(require_shared("corpora", "bbc-news-2005", "politics"), "*.txt")))[:60]:
        with open(path, encoding="latin-1") as fh:
            lines += fh.read().splitlines()
    for path in sorted(glob.glob(os.path.join(require_shared("corpora", "article-extraction-benchmark", "html"), "*.gz")))[:40]:
        with gzip.open(path, "rt", encoding="utf-8", errors="replace") as fh:  # web pages: their furniture
            page = re.sub(r"(?is)<(script|style)\b.*?</\1>", " ", fh.read())
        lines += [html.unescape(x).strip() for x in re.split(r"<[^>]*>", page) if x.strip()]
    made = ["Image caption, Zoë Ball at the launch", "Media caption Señora López speaks", "Published 3 days ago",
            "UPDATED: Monday, 3 March 2025 at 10:15 GMT", "© 2024 Société Générale", "Copyright © Ærø Times",
            "Share this with Facebook", "Read more: Café owners fined", "12 comments", "Sign up to our newsletter",
            "By Zoë Ball Published 2 hours ago The council", "By Ann Bell, updated 3 March 2025 GMT Ministers",
            "Advertisement The mayor said", "LONDON (Reuters) - Shares fell", "Image source, Getty Images, Image caption,",
            "Published 3 days ago\n", "image caption " + "é" * 199, "image caption " + "é" * 201, "5 MIN READ",
            "Posted 4 Mai 2024", "Published on 1 Août 2024 10:00", "KİEV (AFP) - Troops", "ſhare via email"]
    return lines + made + [x.upper() for x in made] + [x.strip(" ") + " " for x in made]


def test_shipped_layout_patterns_match_as_on_re2():
    """The layout pack's patterns run on Python's engine (compiled once per machine); every line
    here must get the same verdict and the same span as on RE2, the engine they are written for."""
    from copydesk.house import load_data_pack
    from copydesk.patterns import alternation, shipped

    data = load_data_pack("layout.yaml")
    lines = _lines_to_try()
    assert len(lines) > 10000
    whole_re2 = alternation(data["patterns"], "layout.yaml", None, "patterns", whole=True)
    whole_py = shipped(data["patterns"], whole=True).python
    run_re2 = alternation(data["run_in"], "layout.yaml", None, "run_in")
    run_py = shipped(data["run_in"]).python
    differ = []
    for line in lines:
        a, b = whole_re2.search(line), whole_py.search(line)
        if (a and a.span()) != (b and b.span()):
            differ.append(("whole", line))
        a, b = run_re2.match(line), run_py.match(line)
        if (a and (a.span(), a.groupdict())) != (b and (b.span(), b.groupdict())):
            differ.append(("run_in", line))
    # RE2 folds the long s and the kelvin sign into s and k when it ignores case; Python's engine
    # with ASCII classes does not. Those two characters are the only difference allowed.
    assert [line for _kind, line in differ if not set(line) & {"\u017f", "\u212a"}] == []
    assert differ  # the made lines hold one, so the comparison is seen to tell them apart
    hits = sum(1 for line in lines if whole_py.search(line)) + sum(1 for line in lines if run_py.match(line))
    assert hits >= 20  # the comparison saw matches, not only misses


def _same_on_both(re2_pattern, py_pattern, lines: list[str]) -> list[str]:
    """The lines on which the two compiled patterns find different things (every match, with
    its groups, and a match at the start)."""
    def seen(p, line):
        a = p.match(line)
        return ([(m.span(), m.groupdict()) for m in p.finditer(line)], a and (a.span(), a.groupdict()))

    return [line for line in lines if seen(re2_pattern, line) != seen(py_pattern, line)]


def test_shipped_credit_attribution_and_house_patterns_match_as_on_re2():
    """The credits pack's labels and fixed forms, the attribution pack's anonymous sources and the
    built-in houses' credit formats and licences run on Python's engine: the same matches and
    groups as RE2 gives on every line tried (the long s and the kelvin sign aside)."""
    import re

    from copydesk.checks import credits
    from copydesk.house import load_data_pack, load_house
    from copydesk.patterns import alternation, compile_user, python_form, shipped

    lines = _lines_to_try()
    lines += ["Photo: Ann Bell/Reuters", "Photograph:\u00a0Ann Bell/AFP", "Picture\u2009credit – Getty Images",
              "Image copyright\u202fEPA", "(AP Photo/Ann Bell)", "REUTERS/Ann Bell-Smith", "Courtesy of\u3000the family",
              "© José Núñez", "Photograph: Ann Bell/Wikimedia, CC BY-SA 4.0", "Photograph: Ann Bell/Flickr (public domain).",
              "a senior government source said", "Sources close to the minister", "it is understood that"]
    lines = [x for x in lines if not set(x) & {"\u017f", "\u212a"}]
    cases = []
    data = load_data_pack("credits.yaml")
    cases.append((alternation(data["labels"], "credits.yaml", None, "labels"), credits._grammar()[0].python))
    raw = "(?:" + "|".join("(?P<c%d>%s)" % (n, re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{n}>", p))
                           for n, p in enumerate(data["patterns"])) + ")"
    cases.append((compile_user(raw, "credits.yaml", None, "patterns", ignore_case=False), credits._credit_re().python))
    data = load_data_pack("attribution.yaml")
    cases.append((alternation(data["anonymous"], "attribution.yaml", None, "anonymous"), shipped(data["anonymous"]).python))
    for name in ("british", "american"):
        house = load_house(name)
        _fmt, formats, _agencies, _licensed, licence = credits._house_credits(house)
        sec = house.section("credits")
        src = sec.get("licence_pattern") or "[^\\x00-\\x{10FFFF}]"
        cases.append((compile_user(src, name, None, "licence"), licence.python))
        for f, py in zip([sec.get("format", "Photograph: {author}/{source}"), *sec.get("alternatives", [])], formats):
            rx = re.escape(f).replace(r"\{author\}", "(?P<author>.+?)").replace(r"\{source\}", "(?P<source>.+?)")
            rx = "^" + rx + r"(?:,? \(?(?:" + src + r")\)?)?\.?"
            cases.append((compile_user(rx + "$", name, None, "format"), py.python))
            assert python_form(rx)
    differ = [(n, line) for n, (a, b) in enumerate(cases) for line in _same_on_both(a, b, lines)]
    assert differ == []
    found = sum(1 for a, _b in cases for line in lines if a.search(line))
    assert found >= 50  # the comparison saw matches of each kind, not only misses


def test_an_re2_only_construct_in_a_shipped_pattern_is_refused():
    from copydesk.patterns import python_form

    assert python_form("[\\s\\p{Z}]+x") != "[\\s\\p{Z}]+x" and python_form("[^\\x00-\\x{10FFFF}]") == "[^\\x00-\\U0010ffff]"
    for p in ("\\pL+", "\\p{Lu}", "a\\z", "\\C"):
        with pytest.raises(ValueError, match="only RE2"):
            python_form(p)


def test_a_shipped_pattern_moves_to_re2_once_a_process_has_scanned_enough(monkeypatch):
    """Python's engine while a process has scanned little (the hook), RE2 after (an archive):
    the same matches either side of the change."""
    from copydesk import patterns

    monkeypatch.setattr(patterns, "_scanned", 0)
    monkeypatch.setattr(patterns, "RE2_FROM", 1000)
    p = patterns.shipped([r"photo(?:graph)?:[\s\p{Z}]*(?P<who>\w+)", r"\bsources? said"])
    text = "Photograph:\u00a0Reuters. Sources said so. " * 10
    before = [(m.span(), m.groupdict()) for m in p.finditer(text)]
    assert p._re2 is None and len(before) == 20
    after = [(m.span(), m.groupdict()) for m in p.finditer(text * 3)]  # past RE2_FROM: RE2 from here
    assert p._re2 is not None and after[:20] == before and len(after) == 60
    assert p.search("no match here") is None and p.match("photo: Ann").group("who") == "Ann"


def test_a_word_tree_matches_what_the_plain_alternation_matches():
    """words_alternation gives the packs' word lists as a tree of letters; between the bounds
    the checkers put around it, it finds exactly what the plain alternation finds."""
    import re

    from copydesk.house import load_data_pack, load_house
    from copydesk.patterns import words_alternation

    lists = [load_data_pack("attribution.yaml")[k] for k in ("loaded", "frames", "opening_frames")]
    for name in ("british", "american"):
        sec = load_house(name).section("spelling")
        lists.append([f for g in sec.get("variants", []) for f in (g.get("forms") if isinstance(g, dict) else g)])
        lists.append([w for e in sec.get("by_sense", []) for w in e["words"]])
    lists.append(["colour", "color", "colours", "co-ordinate", "co-ordinated", "U.S", "U.S.", "claim", "claimed"])
    lines = _lines_to_try() + ["Co-ordinated colours; the U.S. claimed, CLAIMS and Claim-ed", "colourful colour-blind"]
    lists = [words for words in lists if words]  # a house may have no variants or senses
    assert len(lists) >= 6
    for words in lists:
        tree = re.compile(r"(?<![\w-])(?:" + words_alternation(words) + r")(?![\w-])", re.I)
        plain = re.compile(r"(?<![\w-])(?:" + "|".join(sorted(map(re.escape, words), key=len, reverse=True)) + r")(?![\w-])", re.I)
        assert [line for line in lines if [m.span() for m in tree.finditer(line)] != [m.span() for m in plain.finditer(line)]] == []
    assert words_alternation(["claim", "claimed", "claims"]) == "claim(?:ed|s)?"
    assert "|" in words_alternation(["U.S", "U.S."]) and "(?:" not in words_alternation(["U.S", "U.S."])  # plain: order matters there


def test_a_word_list_gives_one_pattern_in_any_order_and_from_the_cache(monkeypatch, tmp_path):
    """The pattern of a word list is the same string whatever the list's order (a pattern that
    changed with it would be compiled, and cached, anew by every process) and whether it comes
    from the user's cache or is built afresh."""
    import random

    from copydesk import kept
    from copydesk.house import load_data_pack
    from copydesk.patterns import words_alternation

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.setattr(kept.BUILT, "kept", None)
    monkeypatch.setattr(kept.BUILT, "new", {})
    for words in (load_data_pack("attribution.yaml")["loaded"], ["U.S", "U.S.", "u.s", "US", "us", "UK"], ["ab", "ba", "cd", "dc"]):
        first = words_alternation(words)
        assert kept.BUILT.new  # built, and to be kept
        kept.BUILT.save()
        kept.BUILT.kept = None
        shuffled = list(words)
        random.Random(3).shuffle(shuffled)
        assert words_alternation(shuffled) == words_alternation(reversed(words)) == words_alternation(set(words)) == first
        assert not kept.BUILT.new  # taken from the cache file
        monkeypatch.setenv("COPYDESK_NO_CACHE", "1")
        kept.BUILT.kept = None
        assert words_alternation(list(reversed(words))) == first
        monkeypatch.delenv("COPYDESK_NO_CACHE")
        kept.BUILT.new.clear()
        kept.BUILT.kept = None


def test_the_reporting_phrases_pattern_finds_what_the_token_reading_finds():
    """Attribution finds reporting phrases with one pattern over the sentence in lower case;
    the token-by-token reading of the phrase table (_search_tokens) is what a search means.
    Both must give the same span, from every start, on published lines, on made strings that
    put phrases beside hyphens, apostrophes, line breaks, other scripts and letters whose lower
    case is longer, and with a user's own phrases (one of which no token can equal)."""
    import itertools
    import random

    from copydesk.checks import attribution as A

    ph = A._patterns(())[0]
    mine = A._patterns(("quipped", "o'clock said", "Went On To Say", "ça dit"))[0]
    assert ph.pattern is not None and mine.pattern is not None
    lines = _lines_to_try()
    pieces = ["said", "Said", "SAYS", "according", "to", "according to", "described", "as", "calls", "called",
              "posted", ":", "that", "he", "the", "a spokesman for", "spokesman", " ", "  ", "\n", "-", "_", "'", "’",
              "re-", "unsaid", "said-", "İ", "ß", "ça", "dit", "quipped", "went on to say", "o'clock", "“", ",", "."]
    rng = random.Random(11)
    made = ["".join(rng.choice(pieces) for _ in range(rng.randint(1, 7))) for _ in range(6000)]
    made += ["".join(p) for p in itertools.product(["said", "calls", " ", "according", "to", "-", "İ"], repeat=3)]
    asked = found = 0
    for phrases in (ph, mine):
        for text in lines[:20000] + made:
            for pos in {0, len(text) // 3, len(text) // 2}:
                a, b = phrases.search(text, pos), phrases._search_tokens(text, pos)
                assert (a and a.group()) == (b and b.group()) and (a and a.start()) == (b and b.start()), (text, pos)
                asked += 1
                found += a is not None
    assert asked > 50000 and found > 5000, (asked, found)
