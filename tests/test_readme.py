"""The examples in README.md work as written."""

import os
import re

import yaml

from copydesk import config
from copydesk.document import Document
from copydesk.engine import check_document

from conftest import ROOT

with open(os.path.join(ROOT, "README.md"), encoding="utf-8") as fh:
    README = fh.read()


def blocks(lang):
    return re.findall(rf"```{lang}\n(.*?)```", README, re.S)


def test_configuration_example_is_valid(tmp_path):
    example = next(b for b in blocks("yaml") if b.startswith("house:"))
    p = tmp_path / "copydesk.yaml"
    p.write_text(example, encoding="utf-8")
    cfg = config.load_file(str(p))
    assert cfg.severity == {"style.spelling": "error"} and cfg.checks["layout"]["teaser_max_words"] == 8


def test_pre_commit_snippet_parses():
    snippet = next(b for b in blocks("yaml") if "repos:" in b)
    hooks = yaml.safe_load(snippet)["repos"][0]["hooks"]
    with open(os.path.join(ROOT, ".pre-commit-hooks.yaml"), encoding="utf-8") as fh:
        ids = {h["id"] for h in yaml.safe_load(fh)}
    assert {h["id"] for h in hooks} <= ids


def test_suppression_example_suppresses_something():
    example = next(b for b in blocks("markdown") if "disable-next-line" in b)
    first = example.split("\n\n")[0]
    text = "# Head\n\n" + first + "\n"
    assert check_document(Document(text, "a.md"), config.Config()) == []
    bare = "# Head\n\n" + first.split("\n", 1)[1] + "\n"
    assert [f.excerpt for f in check_document(Document(bare, "a.md"), config.Config())] == ["theater", "color"]


def test_readme_checks_clean():
    doc = Document(README, "README.md")
    assert [(f.rule, f.line) for f in check_document(doc, config.Config()) if f.severity != "info"] == []


def test_ci_runs_exactly_the_readme_test_command():
    test_command = blocks("sh")[1].strip()
    with open(os.path.join(ROOT, ".ci", "run"), encoding="utf-8") as fh:
        last = [line for line in fh.read().splitlines() if line.strip()][-1]
    assert last == test_command
    with open(os.path.join(ROOT, "tools", "install-test-tools.sh"), encoding="utf-8") as fh:
        assert "copydesk grammar install" in fh.read()  # the real LanguageTool server, installed as a user does


def test_the_python_example_runs_as_written():
    example = next(b for b in blocks("python") if "from copydesk import Linter" in b)
    exec(compile(example, "README.md", "exec"), {"print": lambda *a, **k: None})


def test_the_newsroom_rules_example_loads_and_its_examples_pass():
    import yaml

    from copydesk import Linter

    example = next(b for b in blocks("yaml") if b.startswith("rules:"))
    rules = yaml.safe_load(example)["rules"]
    linter = Linter({"rules": rules}, select=["custom"])
    assert [f.excerpt for f in linter.check("Vote\n\nIt was very late.\n").findings] == ["very"]
    assert linter.check("Vote\n\nIt was late.\n").findings == ()
