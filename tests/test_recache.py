"""What a fresh process (the hook) is spared: regular expressions kept compiled across processes
(copydesk.recache), where a pattern made from the cache is the pattern re.compile makes, a
fresh process takes copydesk's patterns from the cache and a spoilt cache is never worse than
none; and the spelling scan's pattern, built from a process's second draft on, with the same
findings on the first."""

from __future__ import annotations

import os
import re
import subprocess
import sys

import pytest

from copydesk import recache

SAMPLES = ["Mr. Smith said the colour was fine.", "“Quote,” she said.", "UK News", "£3m in 2024", "", "a\nb\r\nc",
           "naïve café 😀", "(?:weird) [brackets] \\back"]
PATTERNS = [(r"(?<![\w.])(Mr|Dr)\.(?=[ \u00a0]+[A-Z])", 0), (r"(?P<word>\w+)\s+(?P=word)", re.I),
            (r"^\s*$", re.M), (r"[“”\"]([^“”\"]*)[“”\"]", 0), (r"(?i:uk)\s+news", 0), (r".", re.S)]


@pytest.fixture
def fresh(tmp_path, monkeypatch):
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    monkeypatch.setattr(recache._store, "kept", None)
    monkeypatch.setattr(recache._store, "new", {})
    return tmp_path


def same(a: re.Pattern, b: re.Pattern) -> None:
    assert (a.pattern, a.flags, a.groups, a.groupindex) == (b.pattern, b.flags, b.groups, b.groupindex)
    for s in SAMPLES:
        assert [m.span() for m in a.finditer(s)] == [m.span() for m in b.finditer(s)]
        assert [m.groups() for m in a.finditer(s)] == [m.groups() for m in b.finditer(s)]


def test_a_pattern_from_the_cache_is_the_one_re_makes(fresh):
    for p, f in PATTERNS:
        same(recache.compile(p, f), re.compile(p, f))
    recache._save()
    assert os.path.exists(recache.path())
    recache._store.kept = None  # as a new process: read from the file
    for p, f in PATTERNS:
        got = recache.compile(p, f)
        same(got, re.compile(p, f))
    assert not recache._store.new  # all came from the cache
    with pytest.raises(re.error):
        recache.compile("(unclosed")


def test_a_spoilt_cache_is_no_worse_than_none(fresh):
    for p, f in PATTERNS:
        recache.compile(p, f)
    recache._save()
    with open(recache.path(), "r+b") as fh:  # damaged: its checksum no longer holds
        data = bytearray(fh.read())
        for k in range(40, len(data), 7):
            data[k] = 0xFF
        fh.seek(0)
        fh.write(data)
    recache._store.kept = None
    for p, f in PATTERNS:
        same(recache.compile(p, f), re.compile(p, f))
    assert len(recache._store.new) == len(PATTERNS)  # none taken from the damaged file
    # Codes the engine refuses, under a checksum that holds: compiled afresh.
    import marshal
    import zlib

    kept = {(p, int(f)): (int(f), [999999], 0, {}, ()) for p, f in PATTERNS}
    blob = marshal.dumps(kept)
    with open(recache.path(), "wb") as fh:
        fh.write(zlib.crc32(blob).to_bytes(4, "big") + blob)
    recache._store.kept, recache._store.new = None, {}
    for p, f in PATTERNS:
        same(recache.compile(p, f), re.compile(p, f))
    assert len(recache._store.new) == len(PATTERNS)
    with open(recache.path(), "wb") as fh:
        fh.write(b"not marshal at all")
    recache._store.kept = None
    for p, f in PATTERNS:
        same(recache.compile(p, f), re.compile(p, f))



def test_writing_the_cache_removes_the_files_of_its_earlier_generations(fresh, monkeypatch):
    from copydesk.cachedir import folder

    old = [folder(name) for name in recache._store.replaces]
    assert len(old) == 2 and recache.path() not in old
    for p in old:
        os.makedirs(os.path.dirname(p), exist_ok=True)
        with open(p, "wb") as fh:
            fh.write(b"an earlier generation")
    monkeypatch.setenv("COPYDESK_NO_CACHE", "1")  # nothing written: nothing removed
    recache.compile(r"no cache (\d+)")
    recache._save()
    assert all(os.path.exists(p) for p in old) and not os.path.exists(recache.path())
    monkeypatch.delenv("COPYDESK_NO_CACHE")
    recache.compile(r"generation (\d+)")
    recache._save()
    assert os.path.exists(recache.path()) and not any(os.path.exists(p) for p in old)

def test_a_second_process_compiles_nothing(tmp_path):
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("COPYDESK_NO_CACHE", None)
    code = ("from copydesk import recache, registry; registry.checkers(); "
            "import copydesk.parsers.markdown, copydesk.parsers.html; print(len(recache._store.new))")
    first = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    second = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
    assert int(first.stdout) > 100 and int(second.stdout) == 0



def test_checking_drafts_under_another_hash_seed_compiles_nothing_new(tmp_path):
    """Every pattern a check builds is the same string in every process: one built in a set's
    order would differ with the hash seed, be compiled again by each process and grow the cache
    by an entry a run."""
    from conftest import FIXTURES

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    env.pop("COPYDESK_NO_CACHE", None)
    code = ("import os, sys; from copydesk import Linter, recache\n"
            "d = sys.argv[1]; names = sorted(n for n in os.listdir(d) if n.endswith(('.txt', '.md', '.html')))\n"
            "for house in ('british', 'american'):\n"
            "    linter = Linter(house=house)\n"
            "    for n in names: linter.check(open(os.path.join(d, n), encoding='utf-8', errors='replace').read(), path=n)\n"
            "print(len(recache._store.new))")
    counts = []
    for seed in ("1", "2", "3"):
        out = subprocess.run([sys.executable, "-c", code, FIXTURES], env={**env, "PYTHONHASHSEED": seed},
                             capture_output=True, text=True, check=True)
        counts.append(int(out.stdout))
    assert counts[0] > 100 and counts[1:] == [0, 0], counts

def test_the_first_draft_finds_the_same_spellings_without_the_scan(monkeypatch):
    """The spelling table's words are looked up one by one in a process's first draft and found
    by an RE2 scan after it: the same findings either way."""
    from conftest import FIXTURES

    from copydesk import Linter
    from copydesk.checks import style

    drafts = [os.path.join(FIXTURES, n) for n in sorted(os.listdir(FIXTURES)) if n.endswith((".txt", ".md", ".html"))]
    for house in ("british", "american"):
        linter = Linter(select=["style"], house=house)
        spelled = 0
        for path in drafts:
            text = open(path, encoding="utf-8", errors="replace").read()
            monkeypatch.setattr(style, "_checked", 0)
            first = linter.check(text, path=path).findings
            monkeypatch.setattr(style, "_checked", 5)
            later = linter.check(text, path=path).findings
            assert first == later, path
            spelled += sum(f.rule == "style.spelling" for f in first)
        assert spelled > 0, house  # the comparison covered spellings found
