"""What a newcomer meets at the command line: help, hints, fixable marks, colour, exclusions."""

import json
import os

from click.testing import CliRunner

from conftest import FIXTURES
from copydesk.cli import main

SPELL = os.path.join(FIXTURES, "06-american-spellings.txt")


def invoke(*args, env=None):
    return CliRunner().invoke(main, list(args), env=env)


def test_bare_copydesk_prints_its_help(run_cli):
    r = run_cli()
    assert r.returncode == 0 and b"Usage: copydesk" in r.stdout and b"check" in r.stdout


def test_a_mistyped_rule_gets_a_suggestion_and_explain_takes_a_checker():
    r = invoke("check", "--select", "style.speling", SPELL)
    assert r.exit_code == 2 and "did you mean 'style.spelling'" in r.output
    r = invoke("explain", "quotez")
    assert r.exit_code == 2 and "did you mean 'quotes'?" in r.output
    r = invoke("explain", "quotes")
    assert r.exit_code == 0
    assert [line.split()[0] for line in r.output.splitlines()[:4]] == [
        "quotes.mixed-style", "quotes.nesting", "quotes.unclosed", "quotes.unopened"]


def test_fixable_findings_are_marked_and_counted():
    r = invoke("check", "--no-color", SPELL)
    lines = r.output.splitlines()
    assert any("style.spelling [*] “harbor”" in line for line in lines)
    assert any("style.consistency “judgment”" in line for line in lines)  # an unsafe fix: no mark
    assert lines[-1] == "[*] 8 fixable with --fix (1 more with --unsafe-fixes)."


def test_statistics_prints_only_the_table_and_errors_come_again_under_the_summary(tmp_path):
    r = invoke("check", "--no-color", "--statistics", SPELL, str(tmp_path / "gone.txt"))
    out = r.stdout.splitlines()
    assert out[0].split() == ["6", "style.spelling", "warning"]
    assert not any(line.startswith(SPELL) for line in out)  # no finding lines
    assert out[-2:] == ["1 error (exit code 2):", f"  {tmp_path / 'gone.txt'}: no such file or folder"]
    assert r.exit_code == 2


def test_show_fixes_lists_what_was_fixed(tmp_path):
    draft = tmp_path / "story.txt"
    draft.write_text("Head\n\nMr. Smith liked the color and the center.\n", encoding="utf-8")
    r = invoke("check", "--fix", "--show-fixes", str(draft))
    assert f"- {draft}:\n    2 × style.spelling\n    1 × style.honorific" in r.stderr
    assert draft.read_text(encoding="utf-8") == "Head\n\nMr Smith liked the colour and the centre.\n"


def test_colour_is_asked_for_or_forced(tmp_path):
    assert "\x1b[" in invoke("check", "--color", "always", SPELL).output
    assert "\x1b[" in invoke("check", SPELL, env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in invoke("check", "--color", "never", SPELL, env={"FORCE_COLOR": "1"}).output
    assert "\x1b[" not in invoke("check", SPELL).output  # not a terminal


def test_force_exclude_applies_the_config_to_named_files(tmp_path, monkeypatch):
    (tmp_path / "archive").mkdir()
    old = tmp_path / "archive" / "old.txt"
    new = tmp_path / "new.txt"
    for f in (old, new):
        f.write_text("Head\n\nMr. Smith said so.\n", encoding="utf-8")
    (tmp_path / "copydesk.yaml").write_text("exclude: [archive]\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)

    def paths(*args):
        r = invoke("check", "--format", "json", *args)
        return [f["path"] for f in json.loads(r.stdout)["files"]]

    assert paths("archive/old.txt", "new.txt") == ["archive/old.txt", "new.txt"]  # named: checked
    assert paths("--force-exclude", "archive/old.txt", "new.txt") == ["new.txt"]
    (tmp_path / "copydesk.yaml").write_text("exclude: [archive]\nforce_exclude: true\n", encoding="utf-8")
    from copydesk import config

    config.load_cached.cache_clear()  # one process, a changed config
    assert paths("archive/old.txt", "new.txt") == ["new.txt"]


def test_sarif_names_no_page_unless_the_package_metadata_has_one(monkeypatch):
    from copydesk.reporters import sarif_report

    out = json.loads(invoke("check", "--format", "sarif", "--fail-on", "never", SPELL).stdout)
    assert "informationUri" not in out["runs"][0]["tool"]["driver"]

    class Meta:
        def get_all(self, key):
            return ["Documentation, https://docs.example.org", "Repository, https://git.example.org/copydesk"]

    monkeypatch.setattr("importlib.metadata.metadata", lambda name: Meta())
    assert sarif_report.information_uri() == "https://git.example.org/copydesk"


def test_info_findings_are_below_the_text_reports_floor_unless_asked_for(tmp_path, monkeypatch):
    draft = tmp_path / "story.txt"
    draft.write_text("Head\n\nThe plan, one source said, was agreed. Mr. Smith left.\n", encoding="utf-8")
    monkeypatch.chdir(tmp_path)
    text = invoke("check", "--no-color", "story.txt").output
    assert "attribution.anonymous-source" not in text and "style.honorific" in text
    assert "1 info not shown (--min-severity info shows them)." in text
    shown = invoke("check", "--no-color", "--min-severity", "info", "story.txt").output
    assert "attribution.anonymous-source" in shown and "not shown" not in shown
    rules = lambda r: [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]]  # noqa: E731
    assert "attribution.anonymous-source" in rules(invoke("check", "--format", "json", "story.txt"))
    assert rules(invoke("check", "--format", "json", "--min-severity", "error", "story.txt")) == ["style.honorific"]
    (tmp_path / "copydesk.yaml").write_text("min_severity: loud\n", encoding="utf-8")
    from copydesk import config

    config.load_cached.cache_clear()
    config.discover.cache_clear()
    r = invoke("check", "story.txt")
    assert r.exit_code == 2 and "min_severity" in r.output and "must be one of error, warning, info" in r.output


def test_init_writes_a_starter_config_that_loads_and_never_overwrites(tmp_path):
    import yaml

    from copydesk import config

    r = invoke("init", "--pre-commit", str(tmp_path))
    assert r.exit_code == 0
    cfg = config.load_file(str(tmp_path / "copydesk.yaml"))
    assert cfg.house == "british" and cfg.force_exclude is True and cfg.overrides[0]["files"] == ["archive/**"]
    hooks = yaml.safe_load((tmp_path / ".pre-commit-config.yaml").read_text(encoding="utf-8"))["repos"][0]["hooks"]
    assert [h["id"] for h in hooks] == ["copydesk"]
    before = (tmp_path / "copydesk.yaml").read_bytes()
    r = invoke("init", str(tmp_path))
    assert r.exit_code == 2 and "never overwrites" in r.output
    assert (tmp_path / "copydesk.yaml").read_bytes() == before
