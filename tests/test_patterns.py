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
