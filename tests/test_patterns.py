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
                                       ("credits.yaml", ("labels",))])
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
    whole_py = shipped(data["patterns"], whole=True)
    run_re2 = alternation(data["run_in"], "layout.yaml", None, "run_in")
    run_py = shipped(data["run_in"])
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
