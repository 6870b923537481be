"""The public API: copydesk.Linter used as a library, with no file read or written while it
checks, findings as frozen values placed as every tool counts, and Linters that share nothing."""

import builtins
import dataclasses
import pickle
from concurrent.futures import ProcessPoolExecutor

import pytest

import copydesk
from copydesk import Linter, Result
from copydesk.checker import Checker, Rule

TEXT = "Council vote\n\n🎉 Mr. Smith said the the plan would cost £3 million, and the colour was fine.\n"


def _check_in_child(text):
    return Linter(house="british").check(text, path="story.txt")


def test_findings_are_placed_in_code_points_utf16_units_and_bytes():
    result = Linter(select=["readability.doubled-word"]).check(TEXT)
    (f,) = result.findings
    assert (f.rule, f.excerpt) == ("readability.doubled-word", "the the")
    line = TEXT.split("\n")[2]
    at = line.index("the the")
    assert (f.line, f.column, f.end_column) == (3, at + 1, at + 8)
    # The emoji before it is one code point but two UTF-16 units and four UTF-8 bytes.
    assert (f.column_utf16, f.end_column_utf16) == (at + 2, at + 9)
    assert f.byte_start == len(TEXT[: TEXT.index("the the")].encode()) and f.byte_end == f.byte_start + 7
    assert result.path == "<string>" and result.counts == {"error": 0, "warning": 1, "info": 0}


def test_two_linters_with_different_houses_in_one_process_answer_each_for_itself():
    british, american = Linter(house="british"), Linter(house="american")
    b = {f.rule for f in british.check(TEXT).findings}
    a = {f.rule for f in american.check(TEXT).findings}
    assert "style.honorific" in b and "style.honorific" not in a  # Mr. is British copy's fault only
    assert "style.spelling" in a and "style.spelling" not in b  # colour is American copy's
    # Asked again, each still gives its own answer: nothing of one stayed in the other.
    assert {f.rule for f in british.check(TEXT).findings} == b


def test_results_are_frozen_hashable_and_pickle_across_processes():
    here = Linter(house="british").check(TEXT, path="story.txt")
    f = here.findings[0]
    with pytest.raises(dataclasses.FrozenInstanceError):
        f.message = "changed"  # type: ignore[misc]
    assert len({*here.findings, *here.findings}) == len(here.findings)
    assert pickle.loads(pickle.dumps(here)) == here
    with ProcessPoolExecutor(max_workers=1) as pool:
        there = pool.submit(_check_in_child, TEXT).result()
    assert isinstance(there, Result) and there == here


def test_check_and_fix_read_and_write_no_file(monkeypatch):
    linter = Linter(house="british")
    linter.check("Warm up\n\nA line.\n")

    def refuse(*a, **k):
        raise AssertionError(f"a file was opened: {a!r}")

    monkeypatch.setattr(builtins, "open", refuse)
    assert linter.check(TEXT).findings
    fixed = linter.fix(TEXT)
    assert "Mr Smith" in fixed.text and "the the" in fixed.text  # the doubled word's fix is unsafe
    monkeypatch.undo()
    unsafe = linter.fix(TEXT, unsafe=True)
    assert "the the" not in unsafe.text and unsafe.applied > fixed.applied
    assert "readability.doubled-word" in unsafe.rules


def test_format_from_path_or_kind_and_bad_arguments():
    md = "# Vote\n\nIt was *the* the plan.\n"
    assert [f.excerpt for f in Linter().check(md, path="story.md").findings] == ["the* the"]
    assert [f.excerpt for f in Linter().check(md, kind="markdown").findings] == ["the* the"]
    assert [f.excerpt for f in Linter().check(md).findings] == []  # as plain text, "*the* the" is no double
    with pytest.raises(TypeError, match="decode bytes first"):
        Linter().check(md.encode())  # type: ignore[arg-type]
    with pytest.raises(ValueError, match="kind must be one of"):
        Linter().check(md, kind="docx")
    with pytest.raises(ValueError, match="did you mean 'style'"):
        Linter(select=["styl"])


def test_config_as_a_mapping_is_checked_as_copydesk_yaml_is():
    from copydesk.yamlio import DataError

    linter = Linter({"house": "american", "ignore": ["style.spelling"]})
    assert "style.spelling" not in {f.rule for f in linter.check(TEXT).findings}
    with pytest.raises(DataError, match="colour"):
        Linter({"colour": "blue"})


def test_a_linter_runs_the_checkers_it_is_given():
    class Shouting(Checker):
        id = "shouting"
        rules = (Rule("shouting.capitals", "warning", "A word in capitals.", "Capitals shout."),)

        def check(self, doc, ctx):
            import re

            for b in doc.blocks:
                for m in re.finditer(r"\b[A-Z]{4,}\b", b.text):
                    s, e = b.prose.source_span(m.start(), m.end())
                    yield ctx.finding("shouting.capitals", s, e, f"“{m.group()}” shouts.")

    linter = Linter(checkers=[Shouting()])
    found = linter.check("Vote\n\nThe council said NO to the the plan.\n").findings
    assert found == ()  # a two-letter word, and no other checker runs: not even the doubled word
    found = linter.check("Vote\n\nThe council said NEVER.\n").findings
    assert [(f.rule, f.excerpt) for f in found] == [("shouting.capitals", "NEVER")]
    assert [r.id for r in linter.rules() if r.id.startswith("shouting")] == ["shouting.capitals"]


def test_the_public_names():
    assert set(copydesk.__all__) >= {"Linter", "Result", "Fixed", "Finding", "Fix", "Edit", "Rule"}
    for name in copydesk.__all__:
        assert getattr(copydesk, name) is not None
