"""copydesk's dataclasses take their methods' compiled code from the user's cache
(copydesk.classcache): a second process compiles none, the classes behave exactly as plain
dataclasses do, other packages' dataclasses are left alone, and a spoilt cache is a miss."""

from __future__ import annotations

import os
import subprocess
import sys

PROBE = """
import json, sys
from copydesk import classcache
from copydesk.finding import Edit, Finding, Fix
from copydesk.run import Options
import dataclasses
inspect_loaded = "inspect" in sys.modules

@dataclasses.dataclass(frozen=True)
class Outside:
    a: int = 1  # __main__'s own: never cached; with no docstring, dataclasses makes one with inspect

f = Finding("style.honorific", "error", "Mr, not Mr.", 0, 3, ("Mr",), Fix((Edit(0, 3, "Mr"),)), "s.txt", 3)
g = dataclasses.replace(f, line=4)
try:
    f.line = 9
    frozen = False
except dataclasses.FrozenInstanceError:
    frozen = True
print(json.dumps({
    "new": len(classcache._store.new), "outside": any("Outside" in s or "a=1" in s for s in classcache._store.new),
    "repr": repr(f), "eq": f == dataclasses.replace(g, line=3), "ne": f != g, "hash": hash(f) == hash(dataclasses.replace(g, line=3)),
    "frozen": frozen, "options": repr(Options(paths=["a"])), "doc": Finding.__init__.__qualname__,
    "fields": [x.name for x in dataclasses.fields(Finding)], "outside_repr": repr(Outside()),
    "outside_doc": Outside.__doc__, "inspect_loaded": inspect_loaded,
    "annotations": repr(Finding.__init__.__annotations__) + repr(Outside.__init__.__annotations__),
}))
"""


def _probe(tmp_path, **env_extra) -> dict:
    import json

    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path), **env_extra}
    env.pop("COPYDESK_NO_CACHE", None) if "COPYDESK_NO_CACHE" not in env_extra else None
    p = subprocess.run([sys.executable, "-c", PROBE], env=env, capture_output=True, text=True, check=True)
    return json.loads(p.stdout)


def test_a_second_process_compiles_no_dataclass_method_and_the_classes_behave_the_same(tmp_path):
    plain = _probe(tmp_path, COPYDESK_NO_CACHE="1")
    first = _probe(tmp_path)
    second = _probe(tmp_path)
    assert first["new"] >= 20 and second["new"] == 0
    assert not first["outside"]
    for key in ("repr", "eq", "ne", "hash", "frozen", "options", "doc", "fields", "outside_repr", "outside_doc",
                "annotations"):
        assert plain[key] == first[key] == second[key], key
    assert plain["outside_doc"] == "Outside(a: int = 1)"  # inspect, imported when dataclasses first needed it
    assert not plain["inspect_loaded"]  # not before
    assert plain["eq"] and plain["ne"] and plain["hash"] and plain["frozen"]


def test_a_spoilt_class_cache_is_a_miss(tmp_path):
    from copydesk import classcache

    _probe(tmp_path)
    [path] = [os.path.join(dp, f) for dp, _d, fs in os.walk(tmp_path) for f in fs if f.startswith("classes-")]
    assert os.path.basename(path) == os.path.basename(classcache.path())
    with open(path, "r+b") as fh:
        data = bytearray(fh.read())
        for k in range(50, len(data), 11):
            data[k] ^= 0x5A
        fh.seek(0)
        fh.write(data)
    again = _probe(tmp_path)
    assert again["new"] >= 20 and again["frozen"] and again["eq"]  # compiled afresh, the same classes
    with open(path, "wb") as fh:
        fh.write(b"\x00\x00\x00\x00not marshal")
    assert _probe(tmp_path)["new"] >= 20


def test_a_table_built_from_a_word_list_is_kept_for_that_very_text(tmp_path, monkeypatch):
    """copydesk.kept.built: a value made from a text is built once per machine, and a changed
    text (or another name) is built anew; the value comes back equal."""
    from copydesk import kept

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    monkeypatch.delenv("COPYDESK_NO_CACHE", raising=False)
    monkeypatch.setattr(kept.BUILT, "kept", None)
    monkeypatch.setattr(kept.BUILT, "new", {})
    calls = []

    def build(text):
        calls.append(text)
        return {w: frozenset(w) for w in text.split()}

    a = kept.built("t", "alpha beta", lambda: build("alpha beta"))
    kept.BUILT.save()
    kept.BUILT.kept = None  # as a new process
    again = kept.built("t", "alpha beta", lambda: build("alpha beta"))
    assert again == a and calls == ["alpha beta"]
    assert kept.built("t", "alpha betb", lambda: build("alpha betb")) != a  # one letter changed: built anew
    assert kept.built("u", "alpha beta", lambda: build("alpha beta")) == a and len(calls) == 3


def test_no_cache_means_nothing_is_written(tmp_path, run_cli):
    draft = tmp_path / "story.txt"
    draft.write_text("Vote\n\nMr. Smith said so.\n")
    cache = tmp_path / "cache"
    env = {**os.environ, "XDG_CACHE_HOME": str(cache), "COPYDESK_NO_CACHE": "1"}
    first = run_cli("check", str(draft), env=env)
    assert first.returncode == 1 and b"style.honorific" in first.stdout
    assert not cache.exists() or not any(p.is_file() for p in cache.rglob("*"))
    env.pop("COPYDESK_NO_CACHE")
    second = run_cli("check", str(draft), env=env)
    assert (second.returncode, second.stdout) == (first.returncode, first.stdout)
    assert {p.name.split("-")[0] for p in (cache / "copydesk").iterdir()} >= {"re", "classes", "built", "plugins", "yaml"}


def _draft(tmp_path):
    draft = tmp_path / "story.txt"
    draft.write_text("Vote\n\nMr. Smith said the colour was fine.\n")
    return str(draft)


def test_cache_files_spoilt_in_any_way_cost_time_never_the_report(tmp_path, run_cli):
    """Deeply nested JSON, a marshal file whose checksum holds but whose values have another
    shape, a pipe or a device where a file was: the report is the same, and nothing waits."""
    import marshal
    import zlib

    draft = _draft(tmp_path)
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path / "cache")}
    env.pop("COPYDESK_NO_CACHE", None)
    want = run_cli("check", draft, env=env)
    folder = tmp_path / "cache" / "copydesk"
    for path in list(folder.glob("plugins-*.json")) + list((folder / "yaml").glob("*.json"))[:3]:
        path.write_bytes(b"[" * 5000)
    for path in folder.glob("built-*.marshal"):
        kept = marshal.loads(path.read_bytes()[4:])
        blob = marshal.dumps({k: ("not", "a", "table") for k in kept})
        path.write_bytes(zlib.crc32(blob).to_bytes(4, "big") + blob)
    for path in folder.glob("re-*.marshal"):
        path.unlink()
        os.mkfifo(path)  # a pipe no one writes to
    for path in folder.glob("classes-*.marshal"):
        path.unlink()
        path.symlink_to("/dev/zero")
    got = run_cli("check", draft, env=env)  # run_cli's timeout: a wait would fail the test
    assert (got.returncode, got.stdout, got.stderr) == (want.returncode, want.stdout, want.stderr)


def test_a_relative_cache_home_is_ignored_as_the_xdg_spec_says(tmp_path, run_cli):
    env = {**os.environ, "XDG_CACHE_HOME": "relative-cache", "HOME": str(tmp_path / "home")}
    env.pop("COPYDESK_NO_CACHE", None)
    work = tmp_path / "repo"
    work.mkdir()
    p = run_cli("check", _draft(tmp_path), env=env, cwd=str(work))
    assert p.returncode == 1 and not (work / "relative-cache").exists()
    assert (tmp_path / "home" / ".cache" / "copydesk").is_dir()
