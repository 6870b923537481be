"""Newsroom rules written as data (Vale's rule types): each type finds what it should at the
exact characters, scopes and quotations narrow it, a wrong rule is refused with its file, line
and key, patterns run on RE2, `copydesk test-rules` runs the examples, and rules of the built-in
checkers can be said this way too (examples/newsroom-rules.yaml)."""

import os

import pytest

from conftest import ROOT, cut
from copydesk import Linter
from copydesk.yamlio import DataError

PACK = os.path.join(ROOT, "examples", "newsroom-rules.yaml")


def run(rules, text, **kw):
    found = Linter({"rules": rules}, select=["custom"]).check(text, **kw).findings
    return [(f.rule, cut(text, f.line, f.column, f.end_line, f.end_column), f.message, f.suggestions,
             None if f.fix is None else f.fix.safe) for f in found]


def test_existence_with_tokens_patterns_and_quotations_left_out():
    rules = [{"id": "custom.no-very", "type": "existence", "tokens": ["very", "in order to"], "patterns": [r"\d+ ?per ?cent"],
              "message": "Cut “{match}”.", "level": "info", "quotations": "exclude"}]
    text = 'Vote\n\nIt was very late, in  order to vote, and 5 per cent came. "Very good," she said, very pleased.\n'
    got = run(rules, text)
    assert [(g[1], g[2]) for g in got] == [("very", "Cut “very”."), ("in  order to", "Cut “in  order to”."),
                                           ("5 per cent", "Cut “5 per cent”."), ("very", "Cut “very”.")]
    assert all(g[0] == "custom.no-very" for g in got)
    only = [dict(rules[0], quotations="only")]
    assert [g[1] for g in run(only, text)] == ["Very"]


def test_substitution_keeps_case_and_its_fix_safety():
    rules = [{"id": "custom.use", "type": "substitution", "swap": {"utilise": "use", "Mr.": "Mr"}, "fix": "safe"}]
    text = "Vote\n\nUtilise it, said Mr. Smith, and utilise that.\n"
    got = run(rules, text)
    assert [(g[1], g[3], g[4]) for g in got] == [("Utilise", ("Use",), True), ("Mr.", ("Mr",), True), ("utilise", ("use",), True)]
    fixed = Linter({"rules": rules}, select=["custom"]).fix(text)
    assert fixed.text == "Vote\n\nUse it, said Mr Smith, and use that.\n"
    assert run([dict(rules[0], fix="unsafe")], text)[0][4] is False


def test_occurrence_consistency_and_capitalization():
    occ = [{"id": "custom.claimed", "type": "occurrence", "tokens": ["claimed"], "max": 1,
            "message": "{count} × “{match}”, over {max}."}]
    got = run(occ, "Vote\n\nHe claimed one thing. She claimed another. They claimed a third.\n")
    assert [(g[1], g[2]) for g in got] == [("claimed", "3 × “claimed”, over 1.")]
    con = [{"id": "custom.email", "type": "consistency", "either": [["email", "e-mail"]]}]
    got = run(con, "Vote\n\nSend an email, an e-mail, or two emails by email.\n")
    assert [(g[1], g[3]) for g in got] == [("e-mail", ("email",))]
    cap = [{"id": "custom.case", "type": "capitalization", "match": "sentence", "exceptions": ["UK"]}]
    assert [g[1] for g in run(cap, "Council Votes On Plan\n\nThe Council met.\n")] == ["Council Votes On Plan"]
    assert run(cap, "Council votes on UK plan\n\nThe Council met.\n") == []
    title = [dict(cap[0], match="title")]
    assert [g[1] for g in run(title, "Council votes on plan\n\nText.\n")] == ["Council votes on plan"]
    assert run(title, "Council Votes on the Plan\n\nText.\n") == []


def test_scopes_and_markdown_positions():
    rules = [{"id": "custom.storm", "type": "existence", "tokens": ["storm"], "scope": ["headline"]}]
    text = "---\ndate: 2026-03-05\n---\n# Storm 🌧 hits *the* coast\n\n## Storm watch\n\nThe storm passed.\n"
    got = run(rules, text, path="story.md")
    assert [g[1] for g in got] == ["Storm"]
    got = run([dict(rules[0], scope=["body"])], text, path="story.md")
    assert [g[1] for g in got] == ["storm"]


@pytest.mark.parametrize("rule, key, says", [
    ({"id": "no-prefix", "type": "existence", "tokens": ["x"]}, "rules[1].id", "must be 'custom.'"),
    ({"id": "custom.x", "type": "nonsense"}, "custom.x.type", "must be one of existence"),
    ({"id": "custom.x", "type": "existence"}, "custom.x.tokens", "needs tokens or patterns"),
    ({"id": "custom.x", "type": "existence", "patterns": ["(a)\\1"]}, "custom.x.patterns", "RE2"),
    ({"id": "custom.x", "type": "existence", "tokens": ["a"], "swap": {"a": "b"}}, "custom.x.swap", "unknown key"),
    ({"id": "custom.x", "type": "occurrence", "tokens": ["a"]}, "custom.x.max", "needs max"),
    ({"id": "custom.x", "type": "existence", "tokens": ["a"], "scope": ["footer"]}, "custom.x.scope", "headline, body, caption"),
    ({"id": "custom.x", "type": "existence", "tokens": ["a"], "level": "fatal"}, "custom.x.level", "error, warning, info"),
])
def test_a_wrong_rule_is_refused_with_its_file_line_and_key(tmp_path, rule, key, says):
    import yaml

    from copydesk import config

    path = tmp_path / "copydesk.yaml"
    path.write_text(yaml.safe_dump({"house": "british", "rules": [rule]}, sort_keys=False))
    with pytest.raises(DataError) as exc:
        config.load_file(str(path))
    assert exc.value.key == key and says in exc.value.message and exc.value.path == str(path)
    assert exc.value.line is not None and exc.value.line >= 3


def test_house_pack_rules_and_the_config_s_together(tmp_path, run_cli):
    pack = tmp_path / "house.yaml"
    pack.write_text("name: ours\nextends: british\nrules:\n  - id: custom.storm\n    type: existence\n    tokens: [storm]\n")
    (tmp_path / "copydesk.yaml").write_text(f"house: {pack}\nrules:\n  - id: custom.gale\n    type: existence\n"
                                            "    tokens: [gale]\n    level: error\n")
    draft = tmp_path / "story.txt"
    draft.write_text("Storm warning for the coast\n\nA storm and a gale.\n")
    p = run_cli("check", "--select", "custom", "--format", "json", str(draft), cwd=str(tmp_path))
    import json

    got = [(f["rule"], f["severity"], f["excerpt"]) for f in json.loads(p.stdout)["files"][0]["findings"]]
    assert got == [("custom.storm", "warning", "Storm"), ("custom.storm", "warning", "storm"), ("custom.gale", "error", "gale")]
    assert p.returncode == 1
    assert run_cli("check", "--ignore", "custom.gale", str(draft), cwd=str(tmp_path)).returncode == 0
    shown = run_cli("explain", "custom.gale", cwd=str(tmp_path)).stdout.decode()
    assert shown.startswith("custom.gale (error): an existence rule of the newsroom's own")


def test_test_rules_runs_the_examples(run_cli, tmp_path):
    p = run_cli("test-rules", PACK)
    assert p.returncode == 0 and b"custom.honorific-stop: ok" in p.stdout and b"0 failing" in p.stderr
    bad = tmp_path / "rules.yaml"
    bad.write_text("rules:\n  - id: custom.storm\n    type: existence\n    tokens: [storm]\n"
                   "    examples: {bad: [\"A gale.\"], good: [\"A storm.\"]}\n")
    p = run_cli("test-rules", str(bad))
    out = p.stdout.decode()
    assert p.returncode == 1 and "bad example 1 gave 0 findings" in out and "good example 1 gave 1 finding" in out
    bad.write_text("rules:\n  - id: custom.storm\n    type: existence\n")
    p = run_cli("test-rules", str(bad))
    assert p.returncode == 2 and b"needs tokens or patterns" in p.stderr and b"Traceback" not in p.stderr


def test_built_in_rules_said_as_data_find_what_the_built_ins_find():
    import yaml

    with open(PACK, encoding="utf-8") as fh:
        rules = yaml.safe_load(fh)["rules"]
    text = "Harbour news\n\nMr. Smith said the harbor was closed.\n\nPhotograph: Jane Doe/Getty\n"
    data = {(g[1]) for g in run(rules[:3], text)}
    built = {f.excerpt.rstrip(".") for f in Linter(select=["style.honorific", "style.spelling", "credits.agency"]).check(text).findings}
    assert data >= {"Mr.", "harbor", "/Getty"} and {"harbor", "Mr", "Getty"} <= built | {"Mr"}


def test_findings_from_a_developer_s_trial(run_cli, tmp_path):
    # A swap of case alone fires, and the longest of overlapping wrong forms wins.
    covid = [{"id": "custom.covid", "type": "substitution", "swap": {"COVID-19": "Covid-19", "COVID": "Covid"},
              "ignorecase": False, "fix": "safe"}]
    got = run(covid, "Vote\n\nCOVID-19 is here, and COVID too; Covid stays.\n")
    assert [(g[1], g[3]) for g in got] == [("COVID-19", ("Covid-19",)), ("COVID", ("Covid",))]
    # A sentence-case headline keeps the capitals of names the article capitalises mid-sentence.
    cap = [{"id": "custom.case", "type": "capitalization", "match": "sentence"}]
    assert run(cap, "Boris Johnson visits Paris\n\nOn Monday Boris Johnson was in Paris.\n") == []
    # A typo in a message's placeholder, or in a selection of the newsroom's rules, is refused.
    with pytest.raises(DataError, match=r"\{mtach\} is not a placeholder of an existence rule"):
        Linter({"rules": [{"id": "custom.a", "type": "existence", "tokens": ["x"], "message": "Cut {mtach}"}]})
    with pytest.raises(ValueError, match="unknown rule 'custom.b'; did you mean 'custom.a'"):
        Linter({"rules": [{"id": "custom.a", "type": "existence", "tokens": ["x"]}]}, select=["custom.b"])
    (tmp_path / "copydesk.yaml").write_text("rules:\n  - id: custom.a\n    type: existence\n    tokens: [x]\n")
    draft = tmp_path / "story.txt"
    draft.write_text("Vote\n\nText.\n")
    p = run_cli("check", "--select", "custom.nope", str(draft), cwd=str(tmp_path))
    assert p.returncode == 2 and b"unknown rule 'custom.nope'" in p.stderr
    p = run_cli("explain", "custom.nope", cwd=str(tmp_path))
    assert p.returncode == 2 and b"no rule 'custom.nope'" in p.stderr
    # A wrong pack named on the command line keeps its file, line and key.
    pack = tmp_path / "pack.yaml"
    pack.write_text("name: ours\nrules:\n  - id: custom.b\n    type: existence\n    patterns: ['(a)\\1']\n")
    p = run_cli("check", "--house", str(pack), str(draft), cwd=str(tmp_path))
    assert p.returncode == 2 and f"{pack}:5: key 'custom.b.patterns'".encode() in p.stderr
    # The rules a Linter can report include the newsroom's own.
    linter = Linter({"rules": [{"id": "custom.a", "type": "existence", "tokens": ["x"], "level": "error"}]})
    assert [(r.id, r.severity) for r in linter.rules() if r.id.startswith("custom.")] == [("custom.a", "error")]
