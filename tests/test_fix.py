"""--fix, --unsafe-fixes and --diff: what is fixed, how the file is written, and what is left."""

import json
import os
import stat

import pytest
from click.testing import CliRunner

from copydesk.cli import main
from copydesk.fixer import FixError, write_atomic

DRAFT = (
    "Harbour wall appeal\n\nUK News\n\n\u00a0\n\nMr. Hughes said the color of the wall would not change, "
    "and the COLOR scheme would\n\nstay as it is.\n\nPhoto by Jane Ellis, Getty\n"
)
SAFE = (
    "Harbour wall appeal\n\nUK News\n\nMr Hughes said the colour of the wall would not change, "
    "and the COLOUR scheme would stay as it is.\n\nPhotograph: Jane Ellis/Getty Images\n"
)


def run(*args):
    return CliRunner().invoke(main, ["check", *args])


def test_fix_applies_safe_fixes_only_and_reports_what_is_left(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT, encoding="utf-8")
    r = run("--fix", "--format", "json", str(p))
    assert p.read_text(encoding="utf-8") == SAFE
    left = [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]]
    assert left == ["layout.page-furniture"]  # deleting a line could change meaning: unsafe
    assert r.exit_code == 1  # an error is left
    r = run("--fix", "--unsafe-fixes", str(p))
    assert "UK News" not in p.read_text(encoding="utf-8") and r.exit_code == 0


def test_second_fix_changes_nothing(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT, encoding="utf-8")
    run("--fix", str(p))
    once = p.read_bytes()
    run("--fix", str(p))
    assert p.read_bytes() == once


def test_fix_keeps_bom_line_endings_and_permissions(tmp_path):
    p = tmp_path / "story.txt"
    original = ("\ufeff" + DRAFT).replace("\n", "\r\n").encode("utf-8")
    p.write_bytes(original)
    os.chmod(p, 0o640)
    run("--fix", str(p))
    data = p.read_bytes()
    assert data.startswith(b"\xef\xbb\xbf")
    assert data.count(b"\r\n") == data.count(b"\n") and data.count(b"\r\n") > 5
    assert data[3:].decode() == SAFE.replace("\n", "\r\n")
    assert stat.S_IMODE(os.stat(p).st_mode) == 0o640
    assert [n for n in os.listdir(tmp_path) if n != "story.txt"] == []


def test_diff_prints_and_writes_nothing(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT, encoding="utf-8")
    r = run("--diff", str(p))
    assert r.exit_code == 1
    assert "-Mr. Hughes said the color" in r.stdout and "+Mr Hughes said the colour" in r.stdout
    assert p.read_text(encoding="utf-8") == DRAFT
    clean = tmp_path / "clean.txt"
    clean.write_text("Head\n\nAll is well.\n")
    assert run("--diff", str(clean)).exit_code == 0


def test_fix_refuses_a_file_changed_on_disk(tmp_path):
    p = tmp_path / "story.txt"
    p.write_bytes(b"new text")
    with pytest.raises(FixError, match="changed on disk"):
        write_atomic(str(p), b"fixed", original=b"old text")
    assert p.read_bytes() == b"new text"
    assert os.listdir(tmp_path) == ["story.txt"]


def test_fix_refuses_a_file_that_is_not_utf8(tmp_path):
    p = tmp_path / "story.txt"
    raw = b"Head\n\nMr. Smith \x93said\x94 so.\n"
    p.write_bytes(raw)
    r = run("--fix", str(p))
    assert r.exit_code == 2 and "not valid UTF-8" in r.stderr
    assert p.read_bytes() == raw


def test_fix_standard_input_prints_the_fixed_draft():
    r = CliRunner().invoke(main, ["check", "--fix", "-", "--stdin-filename", "a.txt"], input="Head\n\nMr. Smith.\n")
    assert r.stdout == "Head\n\nMr Smith.\n" and r.exit_code == 0


def test_overlapping_fixes_are_chosen_the_same_way_whatever_their_order():
    import random

    from copydesk.finding import Edit, Finding, Fix
    from copydesk.fixer import choose

    def finding(rule, start, end, text):
        return Finding(rule, "warning", "m", start, end, fix=Fix((Edit(start, end, text),), True))

    whole = finding("credits.format", 10, 40, "Photograph: Jane Ellis/Getty Images")
    inner = finding("credits.agency", 35, 40, "Getty Images")
    other = finding("style.spelling", 50, 55, "colour")
    touching = finding("style.honorific", 40, 40, "")  # an insertion where the credit ends
    for seed in range(10):
        items = [whole, inner, other, touching]
        random.Random(seed).shuffle(items)
        assert [f.rule for f in choose(items, unsafe=False)] == ["credits.format", "style.spelling"]


def test_deleting_a_furniture_line_leaves_one_blank_line_between_paragraphs(tmp_path):
    from copydesk.config import Config
    from copydesk.fixer import fix_text

    text = "Market to close\n\nThe council voted on Monday.\n\nAdvertise with us\n\nTraders were not asked.\n"
    fixed = fix_text(text, "a.txt", "text", Config(), unsafe=True)
    assert fixed.text == "Market to close\n\nThe council voted on Monday.\n\nTraders were not asked.\n"
    crlf = text.replace("\n", "\r\n")
    assert fix_text(crlf, "a.txt", "text", Config(), unsafe=True).text == fixed.text.replace("\n", "\r\n")


@pytest.mark.parametrize("raw, fixed", [
    (b"\xef\xbb\xbfHead\r\n\r\nMr. Smith.\r\n", b"\xef\xbb\xbfHead\r\n\r\nMr Smith.\r\n"),  # BOM and CRLF kept
    (b"Head\rMr. Smith.", b"Head\rMr Smith."),  # CR-only lines, no final newline
    (b"Head\n\nMr. Smith and \x81 more.\n", b"Head\n\nMr. Smith and \x81 more.\n"),  # not UTF-8: as read, not fixed
    (b"Head\n\nNothing to fix.\n", b"Head\n\nNothing to fix.\n"),
])
def test_fix_standard_input_keeps_every_byte_outside_the_fixes(raw, fixed):
    r = CliRunner().invoke(main, ["check", "--fix", "-", "--stdin-filename", "a.txt"], input=raw)
    assert r.stdout_bytes == fixed
    assert r.exit_code == (2 if b"\x81" in raw else 0)


def test_fix_through_a_symbolic_link_fixes_its_target_and_keeps_the_link(tmp_path):
    target = tmp_path / "real.txt"
    target.write_text(DRAFT)
    link = tmp_path / "link.txt"
    link.symlink_to(target)
    run("--fix", str(link))
    assert link.is_symlink() and os.readlink(link) == str(target)
    assert target.read_text() == SAFE


def test_fix_refuses_a_file_with_other_hard_links(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT)
    os.link(p, tmp_path / "copy.txt")
    r = run("--fix", str(p))
    assert r.exit_code == 2 and "2 hard links" in r.stderr
    assert p.read_text() == DRAFT and os.stat(p).st_nlink == 2


def test_fix_respects_a_read_only_file(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT)
    os.chmod(p, 0o444)
    r = run("--fix", str(p))
    assert r.exit_code == 2 and "read-only" in r.stderr
    assert p.read_text() == DRAFT and stat.S_IMODE(os.stat(p).st_mode) == 0o444


@pytest.mark.skipif(os.geteuid() != 0, reason="giving a file to another owner needs root")
def test_fix_keeps_owner_group_and_set_id_bits(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT)
    os.chown(p, 65534, 65534)
    os.chmod(p, 0o6754)
    run("--fix", str(p))
    st = os.stat(p)
    assert p.read_text() == SAFE
    assert (st.st_uid, st.st_gid, stat.S_IMODE(st.st_mode)) == (65534, 65534, 0o6754)


def test_fix_keeps_extended_attributes(tmp_path):
    p = tmp_path / "story.txt"
    p.write_text(DRAFT)
    try:
        os.setxattr(p, "user.desk", b"politics")
    except OSError:
        pytest.skip("this file system keeps no extended attributes")
    run("--fix", str(p))
    assert p.read_text() == SAFE and os.getxattr(p, "user.desk") == b"politics"


def test_a_fix_that_reveals_a_finding_of_the_same_kind_elsewhere_is_kept():
    """Splitting a glued credit from the one before gives that one a finding of its own, like
    the agency fix's; the agency fix still worked, so it stands and fixing twice equals once."""
    from copydesk.config import Config
    from copydesk.fixer import fix_text

    body = "Photo by Alex Zelenko, Wikimedia commons.Photo by Alex Zelenko, Wikimedia commons."
    once = fix_text(body, "a.md", "markdown", Config(), True).text
    assert once == "Photo by Alex Zelenko, Wikimedia Commons.\n\nPhoto by Alex Zelenko, Wikimedia Commons."
    assert fix_text(once, "a.md", "markdown", Config(), True).text == once
