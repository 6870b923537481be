import os
import textwrap

import pytest

from copydesk import config
from copydesk.yamlio import DataError


def write(tmp_path, name, text):
    p = tmp_path / name
    p.write_text(textwrap.dedent(text), encoding="utf-8")
    return str(p)


def test_valid_yaml_config(tmp_path):
    p = write(tmp_path, "copydesk.yaml", """\
        house: american
        select: [layout, style.spelling]
        ignore: [layout.teaser]
        severity: {style.spelling: error}
        accept: [Kingsford]
        checks:
          attribution: {min_words: 6}
        overrides:
          - files: ["archive/**"]
            ignore: [style]
        include: ["*.md"]
        exclude: ["drafts/old"]
        """)
    cfg = config.load_file(p)
    assert cfg.house == "american" and cfg.select == ["layout", "style.spelling"]
    assert cfg.checks["attribution"]["min_words"] == 6
    sub = cfg.for_file(str(tmp_path / "archive" / "2001" / "a.md"))
    assert "style" in sub.ignore and "style" not in cfg.ignore
    assert cfg.included(str(tmp_path / "a.md")) and not cfg.included(str(tmp_path / "a.txt"))
    assert not cfg.included(str(tmp_path / "drafts" / "old" / "a.md"))


@pytest.mark.parametrize(
    "text,line,key,words",
    [
        ("house: british\ncolour: red\n", 2, "colour", "unknown key"),
        ("select: layout\n", 1, "select", "must be a list"),
        ("select: [layout, nonsense.rule]\n", 1, "select", "unknown rule"),
        ("severity:\n  style.spelling: fatal\n", 2, "severity.style.spelling", "severity must be"),
        ("checks:\n  grammarly: {}\n", 2, "checks.grammarly", "unknown checker"),
        ("house: tabloid\n", 1, "house", "no such house pack"),
        ("overrides:\n  - ignore: [style]\n", 1, "overrides", "'files'"),
        ("select: [layout\nignore: []\n", 2, None, "YAML syntax error"),
        ("checks:\n  attribution:\n    min_word: 5\n", 3, "checks.attribution.min_word", "unknown option"),
        ("checks:\n  attribution:\n    min_words: many\n", 3, "checks.attribution.min_words", "must be a whole number"),
        ("checks:\n  layout:\n    patterns: ['(a)\\1']\n", 2, "checks.layout.patterns", "linear-time engine"),
        ("checks:\n  layout:\n    patterns: ['(?<=x)y']\n", 2, "checks.layout.patterns", "linear-time engine"),
    ],
)
def test_bad_yaml_config_names_file_line_and_key(tmp_path, text, line, key, words):
    p = write(tmp_path, "copydesk.yaml", text)
    with pytest.raises(DataError) as exc:
        config.load_file(p)
    assert exc.value.path == p and exc.value.line == line and exc.value.key == key
    assert words in str(exc.value) and p in str(exc.value)


def test_pyproject_section(tmp_path):
    p = write(tmp_path, "pyproject.toml", """\
        [project]
        name = "news"

        [tool.copydesk]
        house = "british"
        ignore = ["quotes.mixed-style"]
        """)
    cfg = config.load_file(p)
    assert cfg.ignore == ["quotes.mixed-style"]
    p = write(tmp_path, "pyproject.toml", """\
        [tool.copydesk]
        house = "british"
        loudness = 11
        """)
    with pytest.raises(DataError) as exc:
        config.load_file(p)
    assert exc.value.line == 3 and exc.value.key == "loudness"


def test_discovery_walks_up_and_stops_at_the_repository_root(tmp_path):
    repo = tmp_path / "repo"
    (repo / ".git").mkdir(parents=True)
    (repo / "news" / "2026").mkdir(parents=True)
    write(tmp_path, "copydesk.yaml", "house: american\n")  # above the root: never found
    config.discover.cache_clear()
    assert config.discover(str(repo / "news" / "2026")) is None
    write(repo, ".copydesk.yaml", "house: british\n")
    config.discover.cache_clear()
    assert config.discover(str(repo / "news" / "2026")) == str(repo / ".copydesk.yaml")


def test_glob_matching():
    assert config.glob_match("**/*.md", "a/b/c.md")
    assert config.glob_match("*.md", "a/b/c.md")
    assert config.glob_match("archive/**", "archive/2001/x.txt")
    assert not config.glob_match("archive/*.txt", "archive/2001/x.txt")


def test_a_catastrophic_user_pattern_runs_in_linear_time(tmp_path):
    # (a+)+$ takes exponential time on a backtracking engine; on RE2 it is linear.
    from copydesk.document import Document
    from copydesk.engine import check_document

    p = write(tmp_path, "copydesk.yaml", "checks:\n  layout:\n    patterns: ['(a+)+$']\n")
    cfg = config.load_file(p)
    doc = Document("Head\n\n" + "a" * 50_000 + "!\n\n" + "aaaa\n", "a.txt")
    found = [f.excerpt for f in check_document(doc, cfg) if f.rule == "layout.page-furniture"]
    assert found == ["aaaa"]


def test_house_pack_wrong_in_shape_names_file_and_line(tmp_path):
    pack = write(tmp_path, "house.yaml", "name: mine\nhonorifics:\n  full_stop: maybe\n  words: [Mr]\n")
    p = write(tmp_path, "copydesk.yaml", f"house: {pack}\n")
    with pytest.raises(DataError) as exc:
        config.load_file(p)
    assert exc.value.path == p and exc.value.line == 1 and "honorifics.full_stop" in str(exc.value)
    assert pack in str(exc.value) and ":3:" in str(exc.value)


def test_yaml_is_loaded_safely(tmp_path):
    p = write(tmp_path, "copydesk.yaml", "house: !!python/object/apply:os.system ['echo unsafe']\n")
    with pytest.raises(DataError) as exc:
        config.load_file(p)
    assert exc.value.line == 1 and "unsafe" not in str(exc.value).split("bad value")[0]


def test_an_unchanged_pack_is_not_parsed_again_in_the_next_process(tmp_path, run_cli):
    """A config or pack's parse is kept in the user's cache, keyed by its text: the next process
    reads it from there (PyYAML is not even imported), with the line of every key kept for
    errors, and a changed file is parsed anew."""
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "cache"))
    draft = tmp_path / "story.txt"
    draft.write_text("Vote\n\nMr. Smith said so.\n")
    cfg = tmp_path / "copydesk.yaml"
    cfg.write_text("house: british\nignore: [readability]\n")
    assert run_cli("check", str(draft), env=env, cwd=str(tmp_path)).returncode == 1
    assert list((tmp_path / "cache" / "copydesk" / "yaml").glob("*.json"))
    again = run_cli("check", str(draft), env=dict(env, PYTHONPROFILEIMPORTTIME="1"), cwd=str(tmp_path))
    import re

    assert again.returncode == 1 and not re.search(rb"\|\s+yaml\s*$", again.stderr, re.M)
    assert re.search(rb"\|\s+copydesk\.yamlio\s*$", again.stderr, re.M)  # the check does see imports
    cfg.write_text("house: british\nignore: [readability]\nloudness: 11\n")  # changed: parsed anew, and wrong
    p = run_cli("check", str(draft), env=env, cwd=str(tmp_path))
    assert p.returncode == 2 and b"copydesk.yaml:3: key 'loudness'" in p.stderr
    cfg.write_text("house: british\nignore: [readability]\nloudness: 11\n")  # the same wrong text, from the cache
    p = run_cli("check", str(draft), env=env, cwd=str(tmp_path))
    assert p.returncode == 2 and b"copydesk.yaml:3: key 'loudness'" in p.stderr


def test_a_kept_parse_is_used_only_for_the_very_same_text(tmp_path, monkeypatch):
    import json

    from copydesk import yamlio

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "house: british\nignore: [layout]\n"
    kept = yamlio._cache_path(text)
    os.makedirs(os.path.dirname(kept))
    with open(kept, "w", encoding="utf-8") as fh:  # a file of the same name that holds another text
        json.dump({"text": "house: american\n", "data": {"house": "american"}}, fh)
    data = yamlio.load(text, "copydesk.yaml")
    assert data == {"house": "british", "ignore": ["layout"]} and yamlio.line_of(data, "ignore") == 2
    again = yamlio.load(text, "copydesk.yaml")  # now kept for this text, lines and all
    assert again == data and yamlio.line_of(again, "ignore") == 2


def test_a_spoilt_cache_is_a_miss_never_a_failure(tmp_path, monkeypatch, run_cli):
    import json

    from copydesk import yamlio

    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    text = "house: british\nignore: [layout]\n"
    yamlio.load(text, "copydesk.yaml")
    kept = yamlio._cache_path(text)
    with open(kept, encoding="utf-8") as fh:
        entry = json.load(fh)
    entry["data"] = "[1, 2, 3]"  # the right text, a parse that is not its own
    with open(kept, "w", encoding="utf-8") as fh:
        json.dump(entry, fh)
    assert yamlio.load(text, "copydesk.yaml") == {"house": "british", "ignore": ["layout"]}
    # The same for every pack a run reads, and for the kept plugin list: the run is as ever.
    env = dict(os.environ, XDG_CACHE_HOME=str(tmp_path / "run"))
    draft = tmp_path / "story.txt"
    draft.write_text("Vote\n\nMr. Smith said so.\n")
    first = run_cli("check", str(draft), env=env)
    for path in (tmp_path / "run" / "copydesk" / "yaml").glob("*.json"):
        spoilt = json.loads(path.read_text())
        spoilt["data"] = "[1, 2, 3]"
        path.write_text(json.dumps(spoilt))
    (plugins,) = (tmp_path / "run" / "copydesk").glob("plugins-*.json")
    kept_list = json.loads(plugins.read_text())
    kept_list["plugins"] = [["ab", "no_such_module:Thing"]]
    plugins.write_text(json.dumps(kept_list))
    again = run_cli("check", str(draft), env=env)
    assert (again.returncode, again.stdout, again.stderr) == (first.returncode, first.stdout, first.stderr)
