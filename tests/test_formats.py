"""Each report format, checked by the consumer that reads it."""

import json
import os

import jsonschema
import pytest
from click.testing import CliRunner
from junitparser import JUnitXml

from copydesk.cli import main
from copydesk.reporters.github_report import escape_data, escape_property

from conftest import FIXTURES, require_shared

WEB = os.path.join(FIXTURES, "01-web-paste.txt")
CLEAN = os.path.join(FIXTURES, "02-clean-report.txt")
MULTI = os.path.join(FIXTURES, "13-multibyte.txt")


def run(*args):
    r = CliRunner().invoke(main, ["check", "--fail-on", "never", *args])
    assert r.exit_code == 0, r.output
    return r.stdout


def test_sarif_validates_against_the_schema():
    out = json.loads(run("--format", "sarif", WEB, CLEAN, MULTI))
    with open(require_shared("schemas", "sarif-schema-2.1.0.json"), encoding="utf-8") as fh:
        schema = json.load(fh)
    jsonschema.validators.validator_for(schema)(schema).validate(out)


def test_sarif_meets_what_github_code_scanning_requires_and_names_the_rules():
    # The rules GitHub's SARIF upload enforces, checked without the schema file (which the
    # project does not ship): version, a named driver, each result with a rule id, a known
    # level, a message, and a location with a relative URI and a 1-based region.
    out = json.loads(run("--format", "sarif", WEB, CLEAN, MULTI))
    assert out["version"] == "2.1.0" and isinstance(out["runs"], list) and out["runs"]
    run0 = out["runs"][0]
    assert run0["tool"]["driver"]["name"] == "copydesk" and run0["tool"]["driver"]["version"]
    for res in run0["results"]:
        assert res["ruleId"] and res["level"] in ("none", "note", "warning", "error") and res["message"]["text"]
        assert run0["tool"]["driver"]["rules"][res["ruleIndex"]]["id"] == res["ruleId"]
        phys = res["locations"][0]["physicalLocation"]
        assert not phys["artifactLocation"]["uri"].startswith(("/", "file:"))
        region = phys["region"]
        assert region["startLine"] >= 1 and region["startColumn"] >= 1
        assert (region["endLine"], region["endColumn"]) >= (region["startLine"], region["startColumn"])
        assert isinstance(res["partialFingerprints"]["copydesk/v1"], str)
    fired = {r["ruleId"] for r in run0["results"]}
    assert {r["id"] for r in run0["tool"]["driver"]["rules"]} == fired
    assert all(r["shortDescription"]["text"] and r["help"]["text"] for r in run0["tool"]["driver"]["rules"])
    res = run0["results"][0]
    loc = res["locations"][0]["physicalLocation"]
    assert loc["artifactLocation"]["uri"] == "fixtures/01-web-paste.txt" or not loc["artifactLocation"]["uri"].startswith("/")
    assert loc["region"] == {"startLine": 3, "startColumn": 1, "endLine": 3, "endColumn": 11, "snippet": {"text": "World news"}}
    assert res["level"] == "error" and res["partialFingerprints"]["copydesk/v1"]


def test_sarif_fingerprints_survive_lines_moving(tmp_path):
    draft = tmp_path / "a.txt"
    draft.write_text("Head\n\nMr. Smith met the color team.\n")
    before = json.loads(run("--format", "sarif", str(draft)))["runs"][0]["results"]
    draft.write_text("Head\n\nA new first paragraph.\n\nAnother one.\n\nMr. Smith met the color team.\n")
    after = json.loads(run("--format", "sarif", str(draft)))["runs"][0]["results"]
    fp = lambda rs: sorted(r["partialFingerprints"]["copydesk/v1"] for r in rs)  # noqa: E731
    assert fp(before) == fp(after) and len(before) == 2
    assert {r["locations"][0]["physicalLocation"]["region"]["startLine"] for r in after} == {7}


def test_github_workflow_commands_and_escaping():
    assert escape_data("50% done\r\nnext") == "50%25 done%0D%0Anext"
    assert escape_property("a:b,c%") == "a%3Ab%2Cc%25"
    lines = run("--format", "github", WEB).splitlines()
    assert len(lines) == 10
    assert lines[0] == (
        f"::error file={escape_property(WEB)},line=3,col=1,endLine=3,endColumn=11,"
        "title=copydesk layout.page-furniture::“World news” is page furniture from a web page or CMS, "
        "not part of the article; delete it."
    )
    assert any(line.startswith("::warning ") for line in lines)


def test_junit_parses_back(tmp_path):
    path = tmp_path / "report.xml"
    path.write_text(run("--format", "junit", WEB, CLEAN))
    xml = JUnitXml.fromfile(str(path))
    suites = {s.name: s for s in xml}
    assert set(suites) == {WEB, CLEAN}
    assert suites[WEB].tests == 10 and suites[WEB].failures == 10
    assert suites[CLEAN].tests == 1 and suites[CLEAN].failures == 0
    case = next(iter(suites[CLEAN]))
    assert case.is_passed
    failing = next(iter(suites[WEB]))
    assert not failing.is_passed and "layout.page-furniture" in failing.name


def test_rdjson_columns_are_utf8_bytes():
    out = json.loads(run("--format", "rdjson", MULTI))
    assert out["source"]["name"] == "copydesk"
    d = out["diagnostics"][0]
    assert d["code"]["value"] == "style.spelling" and d["severity"] == "WARNING"
    with open(MULTI, encoding="utf-8") as fh:
        line3 = fh.read().split("\n")[2]
    byte_col = len(line3[: line3.index("color")].encode("utf-8")) + 1
    assert d["location"]["range"]["start"] == {"line": 3, "column": byte_col}
    assert d["location"]["range"]["end"] == {"line": 3, "column": byte_col + 5}
    assert byte_col != line3.index("color") + 1  # the line has multi-byte characters before it
    assert d["suggestions"] == [{"range": d["location"]["range"], "text": "colour"}]


def test_markdown_summary_table_renders_as_a_table():
    from markdown_it import MarkdownIt

    out = run("--format", "markdown", WEB, CLEAN)
    tokens = MarkdownIt("commonmark").enable("table").parse(out)
    rows, row = [], None
    for i, t in enumerate(tokens):
        if t.type == "tr_open":
            row = []
        elif t.type in ("th_open", "td_open"):
            row.append(tokens[i + 1].content)
        elif t.type == "tr_close":
            rows.append(row)
    assert rows[0] == ["file", "rule", "severity", "findings", "first at"]
    assert [WEB, "`layout.page-furniture`", "error", "5", "line 3: World news"] in rows
    assert len(rows) == 1 + 5  # the five rules that fired in the web paste
    assert "**10** findings in 2 files" in out


@pytest.mark.integration
def test_reviewdog_reads_the_rdjson_report(tmp_path):
    import subprocess

    from conftest import ROOT

    exe = os.environ.get("REVIEWDOG") or os.path.join(ROOT, ".tools", "bin", "reviewdog")
    if not os.path.exists(exe):
        from conftest import missing

        missing("reviewdog is not built (tools/install-test-tools.sh builds it into .tools/bin)")
    report = run("--format", "rdjson", MULTI, WEB)
    p = subprocess.run([exe, "-f=rdjson", "-reporter=local", "-filter-mode=nofilter", "-fail-on-error=false"],
                       input=report.encode(), capture_output=True, timeout=120, cwd=ROOT)
    assert p.returncode == 0, p.stderr
    # protobuf's text format varies its spacing on purpose: compare with spaces folded
    lines = [" ".join(line.split()) for line in p.stdout.decode().splitlines()]
    ours = json.loads(report)["diagnostics"]
    assert len(lines) == len(ours) == 13
    # reviewdog echoes each diagnostic as it understood it: the byte columns and the fix
    first = lines[0]
    start = ours[0]["location"]["range"]["start"]
    assert f'path:"{MULTI}"' in first and f"start:{{line:{start['line']} column:{start['column']}}}" in first
    assert 'text:"colour"' in first and 'code:{value:"style.spelling"}' in first


@pytest.mark.parametrize("fmt", ["sarif", "github", "junit", "rdjson", "markdown", "html", "json", "text"])
def test_every_format_on_a_clean_file(fmt):
    assert run("--format", fmt, CLEAN) is not None
