import json
import os

from click.testing import CliRunner

from copydesk import __version__
from copydesk.cli import main

from conftest import FIXTURES

WEB = os.path.join(FIXTURES, "01-web-paste.txt")
CLEAN = os.path.join(FIXTURES, "02-clean-report.txt")


def invoke(*args, input=None):
    return CliRunner().invoke(main, list(args), input=input)


def test_version_rules_and_explain():
    assert __version__ in invoke("--version").output
    out = invoke("rules").output
    assert "layout.page-furniture" in out and "style.spelling" in out and "copydesk.unused-suppression" in out
    r = invoke("explain", "style.honorific")
    assert r.exit_code == 0 and "Bad (text):" in r.output and "Mr. Smith" in r.output
    r = invoke("explain", "no.such-rule")
    assert r.exit_code == 2 and "unknown rule" in r.output


def test_exit_codes_follow_fail_on():
    assert invoke("check", CLEAN).exit_code == 0
    assert invoke("check", WEB).exit_code == 1
    assert invoke("check", "--fail-on", "never", WEB).exit_code == 0
    # only warnings in this draft: fails at warning, passes at error
    dup = os.path.join(FIXTURES, "11-duplicate-and-entities.txt")
    assert invoke("check", dup).exit_code == 0
    assert invoke("check", "--fail-on", "warning", dup).exit_code == 1


def test_text_report_shows_position_source_line_and_underline():
    r = invoke("check", "--no-color", WEB)
    lines = r.output.splitlines()
    i = lines.index(next(line for line in lines if "layout.page-furniture" in line and ":3:1:" in line))
    assert lines[i].endswith("delete it.") and lines[i].startswith(WEB + ":3:1: error layout.page-furniture")
    assert lines[i + 1] == "  3 | World news"
    assert lines[i + 2] == "    | ^^^^^^^^^^"
    assert lines[-2] == "Found 10 findings in 1 file: 7 errors, 3 warnings, 0 info."
    assert lines[-1] == "[*] 3 fixable with --fix (7 more with --unsafe-fixes)."


def test_json_report_shape():
    r = invoke("check", "--format", "json", WEB, CLEAN)
    data = json.loads(r.output)
    assert data["tool"] == {"name": "copydesk", "version": __version__}
    assert [f["path"] for f in data["files"]] == [WEB, CLEAN]
    f = data["files"][0]["findings"][0]
    assert set(f) == {"rule", "severity", "message", "line", "column", "end_line", "end_column", "excerpt", "suggestions", "fix"}
    assert data["summary"] == {"files": 2, "findings": 10, "error": 7, "warning": 3, "info": 0}


def test_select_ignore_house_and_statistics():
    spell = os.path.join(FIXTURES, "06-american-spellings.txt")
    r = invoke("check", "--format", "json", "--select", "style.honorific", spell)
    assert {f["rule"] for f in json.loads(r.output)["files"][0]["findings"]} == {"style.honorific"}
    r = invoke("check", "--format", "json", "--ignore", "style.spelling,style.consistency", spell)
    assert {f["rule"] for f in json.loads(r.output)["files"][0]["findings"]} == {"style.honorific"}
    r = invoke("check", "--format", "json", "--house", "american", "--select", "style.honorific", spell)
    assert json.loads(r.output)["files"][0]["findings"] == []
    r = invoke("check", "--statistics", "--no-color", spell)
    assert "style.spelling" in r.output.split("Found")[0].splitlines()[-3] or "style.spelling" in r.output
    assert invoke("check", "--select", "bogus", spell).exit_code == 2


def test_stdin_with_filename_and_output_file(tmp_path):
    out = tmp_path / "report.json"
    r = invoke("check", "-", "--stdin-filename", "draft.md", "--format", "json", "--output", str(out),
               input="# Head\n\nThe color is red.\n")
    assert r.exit_code == 0  # a warning is below the default --fail-on error
    data = json.loads(out.read_text())
    assert data["files"][0]["path"] == "draft.md"
    assert data["files"][0]["findings"][0]["excerpt"] == "color"


def test_missing_file_is_exit_2_after_checking_the_others():
    r = invoke("check", "--format", "json", "does-not-exist.txt", WEB)
    assert r.exit_code == 2
    data = json.loads(r.stdout)
    assert data["summary"]["findings"] == 10
    assert "does-not-exist.txt" in r.stderr


def test_folder_walk_honours_include_and_exclude(tmp_path):
    (tmp_path / "copydesk.yaml").write_text("exclude: [old]\n")
    (tmp_path / "news").mkdir()
    (tmp_path / "old").mkdir()
    (tmp_path / "news" / "a.md").write_text("# A\n\nThe color.\n")
    (tmp_path / "news" / "b.txt").write_text("B\n\nThe color.\n")
    (tmp_path / "news" / "c.rtf").write_text("The color.\n")
    (tmp_path / "old" / "d.md").write_text("# D\n\nThe color.\n")
    r = invoke("check", "--format", "json", str(tmp_path))
    paths = sorted(os.path.relpath(f["path"], tmp_path) for f in json.loads(r.output)["files"])
    assert paths == [os.path.join("news", "a.md"), os.path.join("news", "b.txt")]


def test_bad_config_is_exit_2_with_file_line_and_key(tmp_path):
    cfg = tmp_path / "copydesk.yaml"
    cfg.write_text("house: british\nselect: [layout]\nloudness: 11\n")
    draft = tmp_path / "a.txt"
    draft.write_text("Head\n\nText.\n")
    r = invoke("check", str(draft))
    assert r.exit_code == 2
    assert f"{cfg}:3: key 'loudness': unknown key" in r.stderr
    assert "Traceback" not in r.output
    r = invoke("check", "--config", str(cfg), str(draft))
    assert r.exit_code == 2 and "loudness" in r.stderr


def test_real_console_script_subprocess(run_cli, tmp_path):
    p = run_cli("check", "--format", "json", WEB)
    assert p.returncode == 1
    data = json.loads(p.stdout)
    assert data["summary"]["error"] == 7
    p = run_cli("check", "-", "--stdin-filename", "x.txt", input=b"Head\n\nMr. Smith said so.\n")
    assert p.returncode == 1 and b"x.txt:3:1: error style.honorific" in p.stdout
    p = run_cli("--version")
    assert p.returncode == 0 and __version__.encode() in p.stdout
