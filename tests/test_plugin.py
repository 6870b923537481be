"""A third-party checker registered through the entry-point group copydesk.checks is found and
its findings are reported. The example plugin is installed for real as a distribution on a
temporary path (a dist-info folder that importlib.metadata discovers)."""

import json
import os
import shutil

from conftest import ROOT


def install_plugin(target):
    src = os.path.join(ROOT, "examples", "copydesk-shout", "copydesk_shout")
    shutil.copytree(src, os.path.join(target, "copydesk_shout"))
    info = os.path.join(target, "copydesk_shout-0.1.0.dist-info")
    os.makedirs(info)
    with open(os.path.join(info, "METADATA"), "w") as fh:
        fh.write("Metadata-Version: 2.1\nName: copydesk-shout\nVersion: 0.1.0\n")
    with open(os.path.join(info, "entry_points.txt"), "w") as fh:
        fh.write("[copydesk.checks]\nshout = copydesk_shout:ShoutChecker\n")
    with open(os.path.join(info, "RECORD"), "w") as fh:
        fh.write("")


def test_plugin_findings_in_report(run_cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(str(site))
    draft = tmp_path / "draft.txt"
    draft.write_text("Council says no\n\nThe council said NEVER to the plan.\n")
    env = dict(os.environ, PYTHONPATH=str(site))
    p = run_cli("check", "--format", "json", str(draft), env=env)
    findings = json.loads(p.stdout)["files"][0]["findings"]
    assert [(f["rule"], f["line"], f["column"], f["excerpt"], f["suggestions"]) for f in findings] == [
        ("shout.capitals", 3, 18, "NEVER", ["never"])
    ]
    assert b"shout.capitals" in run_cli("rules", env=env).stdout
    # Its fix is made (an unsafe one), and its option is read from the config.
    fixed = tmp_path / "fixed.txt"
    fixed.write_text(draft.read_text())
    assert run_cli("check", "--fix", "--unsafe-fixes", str(fixed), env=env).returncode == 0
    assert fixed.read_text() == "Council says no\n\nThe council said never to the plan.\n"
    # without the plugin on the path, the rule does not exist
    p = run_cli("check", "--format", "json", str(draft))
    assert json.loads(p.stdout)["files"][0]["findings"] == []
    (tmp_path / "copydesk.yaml").write_text("checks:\n  shout: {allow: [NEVER]}\n")
    p = run_cli("check", "--format", "json", str(draft), env=env, cwd=str(tmp_path))
    assert json.loads(p.stdout)["files"][0]["findings"] == []


def test_broken_plugin_is_a_clear_error(run_cli, tmp_path):
    site = tmp_path / "site"
    info = site / "broken-0.1.dist-info"
    info.mkdir(parents=True)
    (info / "METADATA").write_text("Metadata-Version: 2.1\nName: broken\nVersion: 0.1\n")
    (info / "entry_points.txt").write_text("[copydesk.checks]\nbroken = no_such_module:Thing\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Head\n\nText.\n")
    env = dict(os.environ, PYTHONPATH=str(site))
    for args in (("check", str(draft)), ("rules",), ("explain", "style.honorific")):
        p = run_cli(*args, env=env)
        assert p.returncode == 2, args
        assert b"plugin broken" in p.stderr and b"Traceback" not in p.stderr, args


def test_a_plugin_must_be_registered_under_its_checker_id(run_cli, tmp_path):
    site = tmp_path / "site"
    site.mkdir()
    install_plugin(str(site))
    entry = next(site.glob("*.dist-info")) / "entry_points.txt"
    entry.write_text("[copydesk.checks]\nyelling = copydesk_shout:ShoutChecker\n")
    draft = tmp_path / "draft.txt"
    draft.write_text("Head\n\nText.\n")
    p = run_cli("check", str(draft), env=dict(os.environ, PYTHONPATH=str(site)))
    assert p.returncode == 2 and b"entry-point name must be its checker id 'shout'" in p.stderr


def test_the_plugin_list_is_kept_and_asked_again_when_a_plugin_is_installed(run_cli, tmp_path):
    cache = tmp_path / "cache"
    site = tmp_path / "site"
    site.mkdir()
    draft = tmp_path / "draft.txt"
    draft.write_text("Council says no\n\nThe council said NEVER to the plan.\n")
    env = dict(os.environ, PYTHONPATH=str(site), XDG_CACHE_HOME=str(cache))
    assert b"shout" not in run_cli("rules", env=env).stdout
    (kept,) = (cache / "copydesk").glob("plugins-*.json")  # this environment's
    assert json.loads(kept.read_text())["plugins"] == []
    install_plugin(str(site))  # a new distribution on the path: the kept list no longer holds
    assert b"shout.capitals" in run_cli("rules", env=env).stdout
    assert json.loads(kept.read_text())["plugins"] == [["shout", "copydesk_shout:ShoutChecker"]]
    # Asked again with nothing changed, the kept list answers: no scan of the distributions.
    p = run_cli("check", "--format", "json", str(draft), env=dict(env, PYTHONPROFILEIMPORTTIME="1"))
    assert b"importlib.metadata" not in p.stderr and json.loads(p.stdout)["files"][0]["findings"]


def test_two_environments_keep_a_plugin_list_each(run_cli, tmp_path):
    """A hook's environment and a project's venv do not overwrite each other's list (each would
    then scan every distribution at every run)."""
    import subprocess
    import sys

    cache = tmp_path / "cache"
    env = dict(os.environ, XDG_CACHE_HOME=str(cache))
    other = tmp_path / "venv"
    subprocess.run([sys.executable, "-m", "venv", "--without-pip", str(other)], check=True)
    code = "from copydesk import registry; registry.checkers()"
    subprocess.run([sys.executable, "-c", code], env=env, check=True)
    here = os.pathsep.join(p for p in sys.path if p)  # copydesk and its dependencies, from the other environment
    subprocess.run([str(other / "bin" / "python"), "-c", code], env=dict(env, PYTHONPATH=here), check=True)
    assert len(list((cache / "copydesk").glob("plugins-*.json"))) == 2
