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
