"""Bad input gets a clear message and the right exit code, never a traceback, and loses nothing."""

import json
import os
import zipfile

import pytest
from click.testing import CliRunner

from copydesk.cli import main

from conftest import cut


def run(*args, **kw):
    r = CliRunner().invoke(main, ["check", *args], **kw)
    assert "Traceback" not in r.output and r.exception is None or isinstance(r.exception, SystemExit), r.output
    return r


def findings(r):
    return {os.path.basename(f["path"]): f["findings"] for f in json.loads(r.stdout)["files"]}


@pytest.fixture
def good(tmp_path):
    p = tmp_path / "good.txt"
    p.write_text("Head\n\nThe color is red.\n")
    return p


def binaries(tmp_path):
    nul = tmp_path / "nul.txt"
    nul.write_bytes(b"Head\n\nText with a \x00 in the middle.\n")
    png = tmp_path / "photo.png"
    png.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    archive = tmp_path / "story.zip"  # a .docx is read as Word (tests/test_word.py)
    with zipfile.ZipFile(archive, "w") as z:
        z.writestr("word/document.xml", "<w:document>Mr. Smith</w:document>")
    return [nul, png, archive]


def test_binary_files_are_skipped_with_one_notice_and_exit_2(tmp_path, good):
    bins = binaries(tmp_path)
    r = run("--format", "json", *map(str, bins), str(good))
    assert r.exit_code == 2
    assert list(findings(r)) == ["good.txt"] and findings(r)["good.txt"][0]["excerpt"] == "color"
    for b in bins:
        assert r.stderr.count(f"{b}: binary file") == 1


def test_skip_binary(tmp_path, good):
    r = run("--skip-binary", *map(str, binaries(tmp_path)), str(good))
    assert r.exit_code == 0 and "binary" not in r.stderr


def test_invalid_utf8_is_read_and_reported_at_the_first_bad_byte(tmp_path):
    p = tmp_path / "latin.txt"
    raw = "Café news\n\nThe café’s owner said \x93we are open\x94 on Monday.\n".encode("utf-8")
    raw = raw.replace("\x93".encode(), b"\x93").replace("\x94".encode(), b"\x94")
    p.write_bytes(raw)
    r = run("--format", "json", "--fail-on", "never", str(p))
    f = findings(r)["latin.txt"]
    enc = [x for x in f if x["rule"] == "input.encoding"]
    assert len(enc) == 1 and (enc[0]["line"], enc[0]["column"]) == (3, 23)
    assert enc[0]["excerpt"] == "\u201c"
    assert cut(raw.decode("utf-8", "replace"), 3, 1, 3, 23) == "The café’s owner said "


@pytest.mark.parametrize(
    "name,data",
    [
        ("empty.txt", b""),
        ("newlines.txt", b"\n\n\n"),
        ("cr-only.txt", b"Head\r\rMr. Smith said so.\r\rThe end.\r"),
        ("mixed.txt", b"Head\r\n\rMr. Smith said so.\n\nThe end.\r\n"),
        ("bom.txt", b"\xef\xbb\xbfHead\n\nMr. Smith said so.\n"),
        ("one line.txt", b"Mr. Smith said so"),
        ("na\xc3\xafve caf\xc3\xa9 \xe2\x80\x94 story.md", b"# Head\n\nMr. Smith said so.\n"),
    ],
)
def test_odd_files_give_findings_at_exact_places(tmp_path, name, data):
    p = tmp_path / os.fsdecode(name)
    p.write_bytes(data)
    r = run("--format", "json", "--fail-on", "never", str(p))
    assert r.exit_code == 0
    text = data.decode("utf-8")
    for f in findings(r)[p.name]:
        assert cut(text, f["line"], f["column"], f["end_line"], f["end_column"]) == f["excerpt"]
    if b"Mr." in data:
        assert any(f["rule"] == "style.honorific" for f in findings(r)[p.name])


@pytest.mark.slow
def test_a_five_megabyte_line_and_a_fifty_megabyte_file(tmp_path):
    line = tmp_path / "line.txt"
    line.write_bytes(b"Head\n\n" + b"The council met. " * 300_000 + b"Mr. Smith\n")
    r = run("--format", "json", "--fail-on", "never", str(line))
    assert r.exit_code == 0 and [f["rule"] for f in findings(r)["line.txt"]] == ["readability.long-paragraph", "style.honorific"]
    big = tmp_path / "big.txt"
    with open(big, "wb") as fh:
        fh.write(b"The council met.\n\n" * 2_800_000)
    r = run(str(big), str(line))
    assert r.exit_code == 2 and "over the 10 MB limit (--max-size)" in r.stderr
    assert "line.txt:3:" in r.stdout


def test_vanished_unreadable_and_special_files(tmp_path, good):
    gone = tmp_path / "gone.txt"
    fifo = tmp_path / "pipe.txt"
    os.mkfifo(fifo)
    r = run(str(gone), str(fifo), str(good))
    assert r.exit_code == 2
    assert f"{gone}: no such file" in r.stderr and f"{fifo}: not a regular file" in r.stderr
    assert "good.txt:3:5" in r.stdout


def test_symlink_loops_and_odd_names_while_walking(tmp_path):
    news = tmp_path / "news"
    (news / "sub dir").mkdir(parents=True)
    (news / "sub dir" / "ünïcode story.md").write_text("# Head\n\nMr. Smith said so.\n")
    os.symlink(news, news / "sub dir" / "loop")  # a folder that contains itself
    os.symlink(news / "self.md", news / "self.md")  # a link to itself
    os.symlink(tmp_path / "deleted.md", news / "gone.md")  # a file that vanished before it was read
    os.mkfifo(news / "pipe.md")  # not a file that can be read as a draft
    r = run("--format", "json", str(news))
    assert r.exit_code == 2
    got = findings(r)
    assert list(got) == ["ünïcode story.md"] and got["ünïcode story.md"][0]["rule"] == "style.honorific"
    for name in ("self.md", "gone.md", "pipe.md"):
        assert r.stderr.count(name) == 1


def test_bad_config_and_pack_never_trace(tmp_path, good):
    (tmp_path / "copydesk.yaml").write_text("house: [not, a, name]\n")
    r = run(str(good))
    assert r.exit_code == 2 and "copydesk.yaml:1: key 'house'" in r.stderr
    (tmp_path / "copydesk.yaml").write_text("\x00\x01")
    r = run(str(good))
    assert r.exit_code == 2 and "copydesk.yaml" in r.stderr


def test_a_failing_checker_gives_exit_2_and_the_others_report(monkeypatch, good):
    from copydesk.checks.quotes import QuotesChecker

    monkeypatch.setattr(QuotesChecker, "check", lambda self, doc, ctx: 1 / 0)
    r = run("--format", "json", str(good))
    assert r.exit_code == 2
    rules = [f["rule"] for f in findings(r)["good.txt"]]
    assert rules == ["copydesk.internal-error", "style.spelling"]


BOMB = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n" + "".join(
    f"{chr(98 + i)}: &{chr(98 + i)} [{', '.join(['*' + chr(97 + i)] * 9)}]\n" for i in range(8))


def test_a_yaml_alias_bomb_is_refused_at_once_as_config_and_as_house_pack(tmp_path, good):
    (tmp_path / "copydesk.yaml").write_text(BOMB)
    r = run(str(good))
    assert r.exit_code == 2 and "copydesk.yaml:2:" in r.stderr and "aliases" in r.stderr
    (tmp_path / "copydesk.yaml").unlink()
    pack = tmp_path / "ours.yaml"
    pack.write_text("name: ours\nlabels: &l [Share]\nmore: *l\n" + BOMB.replace("a:", "z:", 1))
    (tmp_path / "copydesk.yaml").write_text(f"house: {pack}\n")
    r = run(str(good))
    assert r.exit_code == 2 and "ours.yaml:3:" in r.stderr and "aliases" in r.stderr


@pytest.mark.parametrize("name, text, says", [
    ("copydesk.yaml", "checks: " + "[" * 5000 + "]" * 5000 + "\n", "nesting depth"),
    ("copydesk.yaml", "checks:\n" + "".join(" " * i + f"k{i}:\n" for i in range(1, 200)) + " " * 200 + "x: 1\n",
     "nested more than 64 levels deep"),
    ("pyproject.toml", "[tool.copydesk]\nselect = " + "[" * 5000 + "]" * 5000 + "\n", "nested too deeply"),
])
def test_config_nested_beyond_reason_exits_2_with_the_file_named(tmp_path, good, name, text, says):
    (tmp_path / name).write_text(text)
    r = run(str(good))
    assert r.exit_code == 2 and name in r.stderr and says in r.stderr


@pytest.mark.parametrize("body", [
    '{"tool": "copydesk", "findings": ' + "[" * 5000 + "]" * 5000 + "}",
    '{"tool": "copydesk", "findings": [{"path": "good.txt", "rule": "style.spelling", "fingerprint": "x", "count": 1e400}]}',
])
def test_a_hostile_baseline_exits_2_without_a_traceback(tmp_path, good, body):
    base = tmp_path / "b.json"
    base.write_text(body)
    r = run("--baseline", str(base), str(good))
    assert r.exit_code == 2 and "b.json" in r.stderr and "Traceback" not in r.stderr


@pytest.mark.parametrize("value", ["nan", "inf", "-inf", "1e400"])
def test_a_max_size_that_is_not_a_usable_number_is_a_usage_error(good, value):
    r = run("--max-size", value, str(good))
    assert r.exit_code == 2 and "--max-size" in r.output


def test_a_baseline_that_cannot_be_written_exits_2_and_leaves_nothing(tmp_path, good):
    r = run("--write-baseline", str(tmp_path / "no-such-folder" / "b.json"), str(good))
    assert r.exit_code == 2 and "--write-baseline: cannot write" in r.stderr
    assert not (tmp_path / "no-such-folder").exists()


@pytest.mark.parametrize("encoding", ["utf-16", "utf-16-be", "utf-32"])
def test_utf16_with_a_byte_order_mark_is_named_not_called_binary(tmp_path, encoding):
    p = tmp_path / "story.txt"
    text = "Head\n\nThe colour is red.\n"
    p.write_bytes(("\ufeff" + text).encode(encoding) if encoding == "utf-16-be" else text.encode(encoding))
    r = run("--skip-binary", str(p))
    assert r.exit_code == 2 and "UTF-16 and UTF-32 text are not supported; save the draft as UTF-8" in r.stderr
    assert "binary" not in r.stderr


def test_a_draft_with_control_characters_gives_valid_junit_and_a_terminal_safe_text_report(tmp_path):
    from xml.etree import ElementTree as ET

    p = tmp_path / "sto\x1bry\x0c.txt"  # a file name holds them too
    p.write_text("Head\n\nThe color\x1b[31m is red.\x0c\n")
    r = run("--format", "junit", str(p))
    cases = list(ET.fromstring(r.stdout).iter("failure"))  # raises on invalid XML
    assert cases and all("sto\\x1bry\\x0c.txt" in c.text for c in cases)
    r = run("--no-color", str(p))
    assert "\x1b" not in r.stdout and "\x0c" not in r.stdout
    assert "sto\u241bry\u240c.txt:3:5:" in r.stdout and "The color\u241b[31m is red." in r.stdout


def test_sarif_uris_are_percent_encoded(tmp_path):
    p = tmp_path / "my story #1 100%.txt"
    p.write_text("Head\n\nThe color is red.\n")
    out = json.loads(run("--format", "sarif", str(p)).stdout)
    uri = out["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"]
    assert uri.endswith("my%20story%20%231%20100%25.txt")


@pytest.mark.parametrize("data", [
    b"Head\n\nThe color is red.",                                   # no final newline
    b"Head\r\rThe color is red.\r\rMr. Smith came.\r",               # CR-only line endings
    b"Head\r\n\r\nThe color is red.\r\n\r\nMr. Smith came.",         # CRLF, no final newline
])
@pytest.mark.integration
def test_the_diff_applies_with_git_apply_whatever_the_line_endings(tmp_path, data):
    import subprocess

    from conftest import require_program

    require_program("git")

    p = tmp_path / "story.txt"
    p.write_bytes(data)
    r = CliRunner().invoke(main, ["check", "--diff", "--unsafe-fixes", str(p)])
    patch = tmp_path / "fix.patch"
    patch.write_bytes(r.stdout_bytes)
    # the paths in the diff are the draft's path from the root: apply it there
    applied = subprocess.run(["git", "apply", "-p1", str(patch)], cwd=tmp_path.anchor, capture_output=True, text=True)
    assert applied.returncode == 0, applied.stderr
    fixed = p.read_bytes()
    assert b"colour" in fixed and fixed != data
    # nothing but the fixes changed: line endings and the missing final newline are kept
    assert fixed.replace(b"colour", b"color").replace(b"Mr ", b"Mr. ") == data


def test_the_whitespace_line_fix_keeps_two_paragraphs_apart(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes("Head\n\nFirst.\n\u00a0\nSecond.\n".encode())
    r = CliRunner().invoke(main, ["check", "--fix", str(p)])
    assert r.exit_code in (0, 1)
    assert p.read_bytes() == b"Head\n\nFirst.\n\nSecond.\n"


def test_fixed_counts_what_a_recheck_no_longer_finds(tmp_path):
    p = tmp_path / "story.html"
    p.write_text("<html><body><h1>Talks</h1><p>The talks ended late. Photograph: Jane Doe/Reuters</p>"
                 "<p>Mr. Smith met the color team.</p></body></html>\n")
    before = len(json.loads(run("--format", "json", str(p)).stdout)["files"][0]["findings"])
    r = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(p)])
    after = len(json.loads(run("--format", "json", str(p)).stdout)["files"][0]["findings"])
    # the credit glued to the paragraph has no fix in HTML (a line break inside <p> parts
    # nothing), so it stays, untouched, and is not counted as fixed
    assert "Jane Doe/Reuters</p>" in p.read_text() and "\n\nPhotograph" not in p.read_text()
    assert after == 1 and f"fixed {before - after} findings" in r.stderr


def test_fixed_counts_the_findings_that_go_with_a_fix(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text('Head\n\nShe said: "We wanted to look like a team that could win. I\n\nwas\n\n'
                 'certain we would, and so were the players," the captain added. The color was red.\n')
    before = len(json.loads(run("--format", "json", str(p)).stdout)["files"][0]["findings"])
    r = CliRunner().invoke(main, ["check", "--fix", str(p)])
    after = len(json.loads(run("--format", "json", str(p)).stdout)["files"][0]["findings"])
    assert f"fixed {before - after} finding" in r.stderr and before - after >= 3


def _bad(**kw):
    from copydesk.finding import Finding, Fix

    fields = {"rule": "quotes.unclosed", "severity": "error", "message": "A bad finding.", "start": 0, "end": 4}
    fields.update({k: v for k, v in kw.items() if k != "edits"})
    if "edits" in kw:
        fields["fix"] = Fix(tuple(kw["edits"]))
    return Finding(**fields)


@pytest.mark.parametrize("bad, says", [
    ({"severity": "fatal"}, "severity 'fatal'"),
    ({"start": "0"}, "is not inside the draft"),
    ({"start": -94, "end": 3}, "is not inside the draft"),
    ({"end": 10_000}, "is not inside the draft"),
    ({"edits": [__import__("copydesk.finding", fromlist=["Edit"]).Edit(-5, -1, "X")]}, "is not inside the draft"),
])
def test_a_checker_s_bad_finding_is_its_internal_error_and_fixes_nothing(monkeypatch, good, bad, says):
    from copydesk.checks.quotes import QuotesChecker

    monkeypatch.setattr(QuotesChecker, "check", lambda self, doc, ctx: [_bad(**bad)])
    before = good.read_bytes()
    r = run("--format", "json", "--fix", "--unsafe-fixes", str(good))
    got = findings(r)["good.txt"]
    assert [f["rule"] for f in got] == ["copydesk.internal-error"] and says in got[0]["message"]
    assert good.read_bytes() == before.replace(b"color", b"colour")  # only the real fix was made


def test_a_checker_that_calls_exit_is_its_internal_error(monkeypatch, good):
    from copydesk.checks.quotes import QuotesChecker

    def leave(self, doc, ctx):
        raise SystemExit(0)

    monkeypatch.setattr(QuotesChecker, "check", leave)
    r = run("--format", "json", str(good))
    assert r.exit_code == 2 and [f["rule"] for f in findings(r)["good.txt"]] == ["copydesk.internal-error", "style.spelling"]


@pytest.mark.parametrize("value", ["[1]", '[""]', "[{a: b}]"])
def test_a_checker_word_list_option_that_is_not_words_is_a_config_error(tmp_path, good, value):
    (tmp_path / "copydesk.yaml").write_text(f"checks:\n  attribution:\n    reporting: {value}\n")
    r = run(str(good))
    assert r.exit_code == 2 and "copydesk.yaml:3: key 'checks.attribution.reporting'" in r.stderr


@pytest.mark.parametrize("credits, key", [
    ("  agencies: {getty: 5}\n", "credits.agencies"),
    ('  format: "{nope}"\n', "credits.format"),
    ('  alternatives: ["Picture: {who}"]\n', "credits.alternatives"),
    ('  licence_pattern: "(?=x)"\n', "credits.licence_pattern"),
])
def test_a_house_pack_credit_setting_that_would_fail_on_every_draft_is_a_pack_error(tmp_path, good, credits, key):
    pack = tmp_path / "ours.yaml"
    pack.write_text("name: ours\ncredits:\n" + credits)
    (tmp_path / "copydesk.yaml").write_text(f"house: {pack}\n")
    r = run(str(good))
    assert r.exit_code == 2 and f"ours.yaml:3: key '{key}'" in r.stderr


def test_a_fix_that_leaves_its_finding_standing_is_never_applied(monkeypatch, good):
    """Edit(0, 0, "X") from a plugin would add an X on every pass and every run: a re-check
    finds the same finding again, so the pass is taken back and the fix left out."""
    from copydesk.checks.quotes import QuotesChecker
    from copydesk.finding import Edit

    monkeypatch.setattr(QuotesChecker, "check", lambda self, doc, ctx: [_bad(start=0, end=0, edits=[Edit(0, 0, "X")])])
    r = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(good)])
    assert "fixed 1 finding" in r.stderr  # the spelling
    r = CliRunner().invoke(main, ["check", "--fix", "--unsafe-fixes", str(good)])
    assert "fixed" not in r.stderr
    assert good.read_text() == "Head\n\nThe colour is red.\n"


def test_a_short_budget_after_long_ones_still_stops_in_time():
    """The watchdog is woken only by a deadline sooner than the one it waits for: after budgets
    of a minute, one of a fifth of a second must still be kept."""
    import time

    from copydesk import budget

    for _ in range(3):
        with budget.limit(60):
            pass
    t0 = time.monotonic()
    with pytest.raises(budget.CheckerTimeout):
        with budget.limit(0.2):
            while time.monotonic() - t0 < 20:
                pass
    assert time.monotonic() - t0 < 5


def test_a_checker_past_its_time_budget_is_stopped_and_the_others_stand(monkeypatch, tmp_path, good):
    from copydesk.checks.quotes import QuotesChecker

    def forever(self, doc, ctx):
        n = 0
        while True:
            try:
                n += 1
            except Exception:  # a checker's own handler cannot swallow the stop
                pass

    monkeypatch.setattr(QuotesChecker, "check", forever)
    (tmp_path / "copydesk.yaml").write_text("timeout: 0.3\n")
    r = run("--format", "json", str(good))
    got = findings(r)["good.txt"]
    assert [f["rule"] for f in got] == ["copydesk.internal-error", "style.spelling"]
    assert "checker 'quotes' was stopped" in got[0]["message"] and "0.3 s" in got[0]["message"]
    assert r.exit_code == 2


@pytest.mark.parametrize("value", ["0", "-1", "x", "true", ".nan", ".inf", "5000"])
def test_a_bad_timeout_is_a_config_error(tmp_path, good, value):
    (tmp_path / "copydesk.yaml").write_text(f"timeout: {value}\n")
    r = run(str(good))
    assert r.exit_code == 2 and "copydesk.yaml:1: key 'timeout'" in r.stderr, r.output


def test_quiet_and_clean_prints_nothing(tmp_path):
    p = tmp_path / "clean.txt"
    p.write_text("Head\n\nAll fine here.\n")
    r = run("-q", str(p))
    assert r.exit_code == 0 and r.stdout == ""


def test_a_file_in_a_folder_that_cannot_be_searched_is_not_called_missing(monkeypatch, tmp_path):
    """Root can search every folder, so the refusal a reporter's account meets is made here."""
    import copydesk.engine as engine

    hidden = tmp_path / "locked" / "story.txt"
    real_stat = os.stat

    def stat(path, *a, **kw):
        if str(path).startswith(str(tmp_path / "locked")):
            raise PermissionError(13, "Permission denied", str(path))
        return real_stat(path, *a, **kw)

    monkeypatch.setattr(engine.os, "stat", stat)
    r = run(str(hidden))
    assert r.exit_code == 2 and "permission denied" in r.stderr and "no such file" not in r.stderr


@pytest.mark.parametrize("fmt", ["text", "json", "sarif", "junit", "github", "rdjson", "markdown", "html"])
def test_a_file_name_that_is_not_utf8_gives_a_whole_report_in_every_format(tmp_path, fmt):
    import xml.dom.minidom

    name = os.fsdecode(b"st\xffory.txt")
    (tmp_path / name).write_text("Head\n\nMr. Smith.\n")
    out = os.fsdecode(b"rep\xfe." + fmt.encode())
    r = run("--format", fmt, "--output", str(tmp_path / out), str(tmp_path / name))
    assert r.exit_code == 1
    data = (tmp_path / out).read_bytes()
    assert b"style.honorific" in data or (fmt == "junit" and b"honorific" in data)
    if fmt in ("json", "sarif", "rdjson"):
        doc = json.loads(data.decode("utf-8"))
        if fmt == "json":
            assert os.path.exists(doc["files"][0]["path"])  # the escapes decode to the real name
        if fmt == "sarif":
            assert doc["runs"][0]["results"][0]["locations"][0]["physicalLocation"]["artifactLocation"]["uri"].endswith("st%FFory.txt")
    elif fmt in ("junit", "html", "markdown"):
        text = data.decode("utf-8")  # valid UTF-8, the name shown with U+FFFD
        assert "st\ufffdory.txt" in text
        if fmt == "junit":
            xml.dom.minidom.parseString(data)
    else:
        assert b"st\xffory.txt" in data  # the name's own bytes, as a terminal shows them
    assert sorted(os.listdir(tmp_path)) == sorted([name, out])  # no temporary file left


@pytest.mark.slow
def test_a_draft_of_one_fault_repeated_lists_a_bounded_report_and_fix_goes_on(tmp_path):
    from copydesk.checker import Context

    p = tmp_path / "story.txt"
    p.write_text("Head\n\n" + "We met Mr. Jones. " * (Context.LIMIT + 500) + "\n")
    r = run("--format", "json", str(p))
    got = findings(r)["story.txt"]
    assert len(got) == Context.LIMIT + 1
    assert [f["rule"] for f in got[-2:]] == ["style.honorific", "copydesk.too-many-findings"]
    assert got[-1]["line"] == 3 and "not listed" in got[-1]["message"]
    CliRunner().invoke(main, ["check", "--fix", str(p)])
    assert "Mr." not in p.read_text()  # the fix goes on past the listed findings, pass after pass


def test_output_into_a_special_file_writes_into_it_and_a_link_stays_a_link(tmp_path, good):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    import threading

    got = []
    reader = threading.Thread(target=lambda: got.append(open(fifo, "rb").read()))
    reader.start()
    r = run("--format", "json", "--output", str(fifo), str(good))
    reader.join(10)
    assert r.exit_code == 0 and fifo.is_fifo() and b"style.spelling" in got[0]
    target = tmp_path / "report.json"
    target.write_text("old")
    link = tmp_path / "latest.json"
    link.symlink_to(target)
    run("--format", "json", "--output", str(link), str(good))
    assert link.is_symlink() and b"style.spelling" in target.read_bytes()


def test_write_baseline_never_follows_a_planted_temporary_name(tmp_path, good):
    victim = tmp_path / "victim.txt"
    victim.write_text("precious\n")
    (tmp_path / "base.json.tmp").symlink_to(victim)
    r = run("--write-baseline", str(tmp_path / "base.json"), str(good))
    assert r.exit_code == 0
    assert victim.read_text() == "precious\n" and not (tmp_path / "base.json").is_symlink()
    assert json.loads((tmp_path / "base.json").read_text())["tool"] == "copydesk"


@pytest.mark.parametrize("where", ["/dev/zero", "/dev/urandom", "folder"])
def test_a_config_naming_a_device_or_folder_is_refused(tmp_path, good, where):
    if where == "folder":
        (tmp_path / "pack.yaml").mkdir()
        where = str(tmp_path / "pack.yaml")
    (tmp_path / "copydesk.yaml").write_text(f"house: {where}\n")
    r = run(str(good))
    assert r.exit_code == 2 and "not a regular file" in r.stderr


def test_a_config_file_that_is_a_device_is_refused(tmp_path, good):
    r = run("--config", "/dev/zero", str(good))
    assert r.exit_code == 2 and "not a regular file" in r.stderr


def test_a_negative_count_option_is_a_config_error(tmp_path, good):
    (tmp_path / "copydesk.yaml").write_text("checks:\n  attribution:\n    min_words: -5\n")
    r = run(str(good))
    assert r.exit_code == 2 and "copydesk.yaml:3: key 'checks.attribution.min_words': must be 0 or more" in r.stderr


def test_fix_on_standard_input_that_cannot_be_checked_gives_it_back(tmp_path):
    data = b"Head\n\nA \x00 b\n"
    r = CliRunner().invoke(main, ["check", "--fix", "-"], input=data)
    assert r.exit_code == 2 and r.stdout_bytes == data


@pytest.mark.parametrize("name, text, fixed", [
    ("a.txt", "Head\n\nWrite to colour@color.org or see color.com/news today.\n", None),
    ("a.md", "Head\n\nMr\\. Brown said so.\n", "Head\n\nMr Brown said so.\n"),
    ("a.md", "Head\n\nNothing here.\n\n[ref]: https://example.org \"Mr. Smith color\"\n", None),
])
def test_fixes_never_touch_addresses_escapes_or_link_definitions(tmp_path, name, text, fixed):
    p = tmp_path / name
    p.write_text(text)
    CliRunner().invoke(main, ["check", "--fix", str(p)])
    assert p.read_text() == (fixed or text)


@pytest.mark.integration
def test_the_diff_of_a_folder_applies_with_bom_spaces_and_tabs_in_names(tmp_path):
    import subprocess

    from conftest import require_program

    git, patch = require_program("git"), require_program("patch")
    (tmp_path / "bom.txt").write_bytes(b"\xef\xbb\xbfMr. Smith said so.\n")
    (tmp_path / "my story.txt").write_text("Mr. Smith said so.\n")
    (tmp_path / "tab\tname.txt").write_text("Mr. Smith said so.\n")
    cwd = os.getcwd()
    os.chdir(tmp_path)
    try:
        diff = CliRunner().invoke(main, ["check", "--diff", "."]).stdout_bytes
    finally:
        os.chdir(cwd)
    assert b"a/./" not in diff
    (tmp_path / "fix.patch").write_bytes(diff)
    assert subprocess.run([git, "apply", "--check", "fix.patch"], cwd=tmp_path, capture_output=True).returncode == 0
    out = subprocess.run([patch, "-p1", "-i", "fix.patch"], cwd=tmp_path, capture_output=True, text=True)
    assert out.returncode == 0, out.stdout + out.stderr
    assert (tmp_path / "bom.txt").read_bytes() == b"\xef\xbb\xbfMr Smith said so.\n"
    assert (tmp_path / "tab\tname.txt").read_text() == "Mr Smith said so.\n"


def test_markdown_and_github_reports_escape_names_and_excerpts(tmp_path):
    name = "a[x](evil.example)<img src=evil.png>\x1b.txt"
    (tmp_path / name).write_text("Head\n\nMr. Smith.\n")
    md = run("--format", "markdown", str(tmp_path / name)).stdout
    import re

    assert "\\<img" in md and not re.search(r"(?<!\\)<img|(?<!\\)\]\(evil", md) and "\x1b" not in md
    gh = run("--format", "github", str(tmp_path / name)).stdout
    assert "\x1b" not in gh and "%1B" in gh
