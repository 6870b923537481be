"""Word drafts (.docx): read as Word shows them, reported with paragraph and character, fixed
as tracked changes and annotated with comments, and refused with a reason when they are not a
Word document copydesk can read. The documents are made here with python-docx (and raw XML for
what it cannot make: hyperlinks, fields, text boxes, tracked changes)."""

from __future__ import annotations

import json
import os
import stat
import zipfile

import pytest

docx = pytest.importorskip("docx", reason="python-docx (a test tool) is not installed")
from docx.oxml import parse_xml  # noqa: E402
from lxml import etree  # noqa: E402

from copydesk.word.reading import read  # noqa: E402

W = "http://schemas.openxmlformats.org/wordprocessingml/2006/main"
NS = f'xmlns:w="{W}"'
RNS = 'xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"'


def raw(document, xml: str) -> None:
    """Add a paragraph written as raw WordprocessingML to the body, before its section settings."""
    body = document.element.body
    body.insert(len(body) - 1, parse_xml(xml))


def story(path, extra=None):
    """A Word draft with the seed's kinds of fault, styled as a newsroom writes it."""
    d = docx.Document()
    d.add_paragraph("Council freezes bus fares", style="Title")
    d.add_paragraph("UK News")
    p = d.add_paragraph("Mr. Smith said the ")
    p.add_run("colour").bold = True
    p.add_run(" was fine 😀 and Dr. Jones agreed.")
    d.add_paragraph("\u00a0 ")
    d.add_heading("What happens next", 1)
    d.add_paragraph("The council said it would ease the fares")
    d.add_paragraph("on the town's routes next year, the leader said.")
    d.add_paragraph("Photo by Alex Zelenko, Wikimedia commons.", style="Caption")
    p = d.add_paragraph("A first line")
    p.add_run().add_break()
    p.add_run("and a second.")
    d.add_paragraph("A point in a list", style="List Bullet")
    t = d.add_table(rows=1, cols=2)
    t.cell(0, 0).text = "Fares"
    t.cell(0, 1).text = "£2"
    if extra:
        extra(d)
    d.save(path)
    return path


def parts(path) -> dict[str, bytes]:
    with zipfile.ZipFile(path) as z:
        return {n: z.read(n) for n in z.namelist()}


def check(run_cli, *args):
    r = run_cli("check", *args)
    return r.returncode, r.stdout.decode(), r.stderr.decode()


def findings_json(run_cli, path, *args):
    r = run_cli("check", "--format", "json", "--min-severity", "info", *args, str(path))
    return json.loads(r.stdout)["files"][0]["findings"]


# -- reading ---------------------------------------------------------------------------------

def test_paragraphs_styles_tables_and_soft_breaks(tmp_path):
    word = read(story(tmp_path / "story.docx").read_bytes())
    texts = [word.paragraph_text(k) for k in range(len(word.paragraphs))]
    assert texts[:4] == ["Council freezes bus fares", "UK News", "Mr. Smith said the colour was fine 😀 and Dr. Jones agreed.",
                         "\u00a0 "]
    assert "A first line\nand a second." in texts  # the soft break kept, inside its paragraph
    assert texts[-2:] == ["Fares", "£2"]
    from copydesk.document import Document

    doc = Document(word.text, "story.docx", "docx", source=word)
    kinds = {b.text: str(b.kind) for b in doc.blocks if b.text}
    assert kinds["Council freezes bus fares"] == "headline"
    assert kinds["What happens next"] == "heading"
    assert kinds["Photo by Alex Zelenko, Wikimedia commons."] == "caption"
    assert kinds["A point in a list"] == "list_item"
    assert kinds["Fares"] == "table"
    assert kinds["A first line and a second."] == "paragraph"  # the break read as a space


def test_hyperlinks_fields_text_boxes_and_tracked_changes(tmp_path):
    def extra(d):
        raw(d, f'<w:p {NS} {RNS}><w:r><w:t xml:space="preserve">Read </w:t></w:r>'
               '<w:hyperlink r:id="rId99"><w:r><w:t>the report</w:t></w:r></w:hyperlink>'
               '<w:r><w:fldChar w:fldCharType="begin"/></w:r><w:r><w:instrText> HYPERLINK "http://x" </w:instrText></w:r>'
               '<w:r><w:fldChar w:fldCharType="separate"/></w:r><w:r><w:t xml:space="preserve"> online</w:t></w:r>'
               '<w:r><w:fldChar w:fldCharType="end"/></w:r><w:r><w:t>.</w:t></w:r></w:p>')
        raw(d, f'<w:p {NS}><w:r><w:t xml:space="preserve">The vote was </w:t></w:r>'
               '<w:del w:id="901" w:author="Ed" w:date="2026-01-01T00:00:00Z"><w:r><w:delText>close</w:delText></w:r></w:del>'
               '<w:ins w:id="902" w:author="Ed" w:date="2026-01-01T00:00:00Z"><w:r><w:t>narrow</w:t></w:r></w:ins>'
               '<w:r><w:t>.</w:t></w:r></w:p>')
        raw(d, f'<w:p {NS} xmlns:wps="http://schemas.microsoft.com/office/word/2010/wordprocessingShape">'
               '<w:r><w:t>Anchor.</w:t></w:r><w:r><w:drawing><wps:txbx><w:txbxContent>'
               '<w:p><w:r><w:t>Text in a box.</w:t></w:r></w:p></w:txbxContent></wps:txbx></w:drawing></w:r></w:p>')
    path = story(tmp_path / "story.docx", extra)
    word = read(path.read_bytes())
    texts = [word.paragraph_text(k) for k in range(len(word.paragraphs))]
    assert "Read the report online." in texts  # link text kept, field code dropped
    assert "The vote was narrow." in texts  # as if accepted
    assert texts[-2:] == ["Anchor.", "Text in a box."]
    assert word.tracked == 2


def test_findings_are_placed_by_paragraph_and_character(tmp_path, run_cli):
    path = story(tmp_path / "story.docx")
    code, out, _err = check(run_cli, str(path))
    assert code == 1
    assert f"{path}:¶2:1: error layout.page-furniture" in out
    assert f"{path}:¶3:1: error style.honorific" in out
    assert f"{path}:¶3:42: error style.honorific" in out  # after an emoji: characters, not bytes or UTF-16 units
    assert f"{path}:¶4:1: warning layout.whitespace-line" in out
    assert f"{path}:¶6:" in out and "layout.broken-paragraph" in out
    assert f"{path}:¶8:24: warning credits.agency" in out
    assert "  ¶3 | Mr. Smith said the colour" in out  # the paragraph shown under it
    found = findings_json(run_cli, path)
    dr = next(f for f in found if f["excerpt"] == "Dr.")
    assert dr["paragraph"] == 3 and dr["characters"] == [41, 44]


def test_every_report_format_works_on_a_word_draft(tmp_path, run_cli):
    path = story(tmp_path / "story.docx")
    for fmt in ("text", "json", "sarif", "github", "junit", "rdjson", "markdown", "html"):
        r = run_cli("check", "--format", fmt, str(path))
        assert r.returncode == 1 and r.stdout and not r.stderr, (fmt, r.stderr)
    sarif = json.loads(run_cli("check", "--format", "sarif", str(path)).stdout)
    regions = [res["locations"][0]["physicalLocation"]["region"] for res in sarif["runs"][0]["results"]]
    dr = next(r for r in regions if r["snippet"]["text"] == "Dr.")
    assert dr["properties"] == {"paragraph": 3, "character": 41, "endParagraph": 3, "endCharacter": 44}
    assert "charOffset" in dr and "startLine" not in dr


def test_unaccepted_changes_give_an_info_finding(tmp_path, run_cli):
    def extra(d):
        raw(d, f'<w:p {NS}><w:ins w:id="5" w:author="Ed" w:date="2026-01-01T00:00:00Z"><w:r><w:t>New.</w:t></w:r></w:ins></w:p>')
    found = findings_json(run_cli, story(tmp_path / "s.docx", extra))
    notes = [f for f in found if f["rule"] == "input.tracked-changes"]
    assert len(notes) == 1 and notes[0]["severity"] == "info" and "1 tracked change" in notes[0]["message"]
    assert not [f for f in findings_json(run_cli, story(tmp_path / "t.docx")) if f["rule"] == "input.tracked-changes"]


# -- bad input -------------------------------------------------------------------------------

def bad_files(tmp_path) -> dict[str, str]:
    """Each bad .docx, with what its message must say."""
    good = story(tmp_path / "model.docx")
    (tmp_path / "text.docx").write_text("Just some text saved with the wrong name.\n")
    (tmp_path / "old.doc").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 600)
    (tmp_path / "locked.docx").write_bytes(b"\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1" + b"\x00" * 40
                                           + "EncryptedPackage".encode("utf-16-le") + b"\x00" * 100)
    with zipfile.ZipFile(tmp_path / "bomb.docx", "w", zipfile.ZIP_DEFLATED) as z:
        z.writestr("word/document.xml", b"<a>" + b" " * 100_000_000 + b"</a>")
    with zipfile.ZipFile(tmp_path / "many.docx", "w") as z:
        for i in range(2100):
            z.writestr(f"word/media/{i}.xml", b"")
        z.writestr("word/document.xml", b"<a/>")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "entity.docx", "w") as z:
        for n in src.namelist():
            data = src.read(n)
            if n == "word/document.xml":
                data = data.replace(b"?>", b'?><!DOCTYPE w:document [<!ENTITY e SYSTEM "file:///etc/passwd">]>', 1)
                data = data.replace(b"UK News", b"&e;")
            z.writestr(n, data)
    with zipfile.ZipFile(tmp_path / "sheet.docx", "w") as z:
        z.writestr("xl/workbook.xml", b"<workbook/>")
    with zipfile.ZipFile(good) as src, zipfile.ZipFile(tmp_path / "broken.docx", "w") as z:
        for n in src.namelist():
            z.writestr(n, src.read(n)[:-40] if n == "word/document.xml" else src.read(n))
    good.unlink()
    return {"text.docx": "is a zip package, and this file is not one", "old.doc": "save it as .docx",
            "locked.docx": "protected by a password", "bomb.docx": "zip bomb", "many.docx": "zip bomb",
            "entity.docx": "external entities", "sheet.docx": "no word/document.xml", "broken.docx": "not well-formed"}


def test_bad_word_files_exit_2_with_a_reason_and_the_others_are_checked(tmp_path, run_cli):
    says = bad_files(tmp_path)
    good = story(tmp_path / "good.docx")
    r = run_cli("check", "--format", "json", *sorted(str(tmp_path / n) for n in says), str(good))
    assert r.returncode == 2
    err = r.stderr.decode()
    assert "Traceback" not in err
    for name, reason in says.items():
        line = next((ln for ln in err.splitlines() if f"{name}:" in ln), "")
        assert reason in line, (name, err)
    assert [f["path"] for f in json.loads(r.stdout)["files"]] == [str(good)]
    assert "/etc/passwd" not in r.stdout.decode() and "root:" not in r.stdout.decode()


# -- writing back ----------------------------------------------------------------------------

def tracked(path) -> dict[str, list[str]]:
    root = etree.fromstring(parts(path)["word/document.xml"])
    out: dict[str, list[str]] = {"ins": [], "del": [], "marks": []}
    for el in root.iter(f"{{{W}}}ins", f"{{{W}}}del"):
        kind = etree.QName(el).localname
        assert el.get(f"{{{W}}}author") == "copydesk" and el.get(f"{{{W}}}date")
        if el.getparent().tag == f"{{{W}}}rPr":
            out["marks"].append(kind)
        else:
            texts = [t.text or "" for t in el.iter(f"{{{W}}}t", f"{{{W}}}delText")]
            out[kind].append("".join(texts))
    return out


def test_fix_writes_tracked_changes_and_leaves_every_other_part_alone(tmp_path, run_cli):
    path = story(tmp_path / "story.docx")
    os.chmod(path, 0o640)
    before = parts(path)
    code, out, err = check(run_cli, "--fix", str(path))
    after = parts(path)
    assert list(after) == list(before)  # the same parts, in the same order
    assert [n for n in before if before[n] != after[n]] == ["word/document.xml"]
    changes = tracked(path)
    assert changes["del"].count(".") == 2  # Mr. and Dr.
    assert "Wikimedia commons" in changes["del"] and "Wikimedia Commons" in changes["ins"]
    assert changes["marks"] == ["del", "del"]  # the invisible paragraph, and the paragraph joined to the next
    assert stat.S_IMODE(os.stat(path).st_mode) == 0o640
    # Read back as Word shows it with the changes accepted: the faults are gone.
    word = read(path.read_bytes())
    texts = [word.paragraph_text(k) for k in range(len(word.paragraphs))]
    assert "Mr Smith said the colour was fine 😀 and Dr Jones agreed." in texts
    assert "The council said it would ease the fares on the town's routes next year, the leader said." in texts
    assert "\u00a0 " not in texts
    assert "Photo by Alex Zelenko, Wikimedia Commons." in texts
    assert "style.honorific" not in out and "credits.agency" not in out
    assert "layout.page-furniture" in out  # unsafe: left for the sub-editor
    # The formatting of the text kept: the bold word is still bold, in its own run.
    root = etree.fromstring(after["word/document.xml"])
    bold = [r for r in root.iter(f"{{{W}}}r") if r.find(f"{{{W}}}rPr/{{{W}}}b") is not None]
    assert [("".join(t.text for t in r.iter(f"{{{W}}}t"))) for r in bold] == ["colour"]


def test_the_inserted_text_keeps_the_formatting_of_what_it_replaces(tmp_path, run_cli):
    def extra(d):
        p = d.add_paragraph(style="Caption")
        p.add_run("Photo by Ann Lee, Wikimedia commons.").italic = True
    path = story(tmp_path / "story.docx", extra)
    check(run_cli, "--fix", str(path))
    root = etree.fromstring(parts(path)["word/document.xml"])
    ins = [el for el in root.iter(f"{{{W}}}ins") if "".join(t.text for t in el.iter(f"{{{W}}}t")) == "Wikimedia Commons"]
    assert len(ins) == 2
    assert ins[1].find(f"{{{W}}}r/{{{W}}}rPr/{{{W}}}i") is not None  # the italic run's insertion is italic


def test_annotate_adds_a_comment_on_each_finding_left(tmp_path, run_cli):
    path = story(tmp_path / "story.docx")
    before = parts(path)
    code, out, _err = check(run_cli, "--fix", "--annotate", str(path))
    after = parts(path)
    changed = sorted(n for n in after if after.get(n) != before.get(n))
    assert changed == ["[Content_Types].xml", "word/_rels/document.xml.rels", "word/comments.xml", "word/document.xml"]
    comments = etree.fromstring(after["word/comments.xml"])
    notes = ["".join(t.text for t in c.iter(f"{{{W}}}t")) for c in comments.iter(f"{{{W}}}comment")]
    left = [f for f in findings_json(run_cli, path) if f["rule"] != "input.tracked-changes"]
    assert len(notes) == len(left) > 0
    assert any("(layout.page-furniture)" in n and "page furniture" in n for n in notes)
    # Each comment is anchored on its finding's text.
    root = etree.fromstring(after["word/document.xml"])
    anchored = {}
    for start in root.iter(f"{{{W}}}commentRangeStart"):
        cid, text, el = start.get(f"{{{W}}}id"), [], start.getnext()
        while el is not None and not (el.tag == f"{{{W}}}commentRangeEnd" and el.get(f"{{{W}}}id") == cid):
            text += [t.text or "" for t in el.iter(f"{{{W}}}t")]
            el = el.getnext()
        anchored[cid] = "".join(text)
    assert "UK News" in anchored.values()
    rels = after["word/_rels/document.xml.rels"].decode()
    assert 'Target="comments.xml"' in rels and "comments+xml" in after["[Content_Types].xml"].decode()
    # A second run comments on nothing already commented on: the file is left as it is.
    once = path.read_bytes()
    check(run_cli, "--fix", "--annotate", str(path))
    assert path.read_bytes() == once
    # A new finding gets its comment beside the old ones, with an id of its own.
    word = read(once)
    para = word.paragraphs[1].element
    para.addnext(parse_xml(f'<w:p {NS}><w:r><w:t>Mr. Lee agreed.</w:t></w:r></w:p>'))
    from copydesk.word.writing import repackage, serialise

    path.write_bytes(repackage(word, {"word/document.xml": serialise(word.root)}))
    check(run_cli, "--annotate", "--select", "style", str(path))
    again = etree.fromstring(parts(path)["word/comments.xml"])
    ids = [c.get(f"{{{W}}}id") for c in again.iter(f"{{{W}}}comment")]
    assert len(ids) > len(notes) and len(set(ids)) == len(ids)


def test_fix_goes_on_until_nothing_more_can_be_fixed(tmp_path, run_cli):
    def extra(d):
        d.add_paragraph("The plan was backed by the the council")  # a doubled word in a broken paragraph
        d.add_paragraph("and its leader, Mr. Lee.")
    path = story(tmp_path / "story.docx", extra)
    check(run_cli, "--fix", str(path))
    once = path.read_bytes()
    code, out, _err = check(run_cli, "--fix", str(path))
    assert path.read_bytes() == once and "[*]" not in out  # nothing left that --fix could fix


def test_a_clean_word_draft_is_not_rewritten(tmp_path, run_cli):
    d = docx.Document()
    d.add_paragraph("Council freezes bus fares", style="Title")
    d.add_paragraph("The council froze bus fares for another year, its leader said on Tuesday.")
    path = tmp_path / "clean.docx"
    d.save(path)
    before = path.read_bytes()
    code, out, _err = check(run_cli, "--fix", "--annotate", str(path))
    assert code == 0 and path.read_bytes() == before


def test_diff_shows_the_text_the_fixes_give_and_writes_nothing(tmp_path, run_cli):
    path = story(tmp_path / "story.docx")
    before = path.read_bytes()
    r = run_cli("check", "--diff", str(path))
    diff = r.stdout.decode()
    assert "-Mr. Smith said" in diff and "+Mr Smith said" in diff
    assert path.read_bytes() == before


def test_the_library_checks_and_fixes_a_word_draft_in_memory(tmp_path):
    from copydesk import Linter

    data = story(tmp_path / "story.docx").read_bytes()
    linter = Linter()
    result = linter.check_docx(data)
    dr = next(f for f in result.findings if f.excerpt == "Dr.")
    assert (dr.line, dr.column) == (3, 42) and result.text[dr.start:dr.end] == "Dr."
    fixed = linter.fix_docx(data, annotate=True)
    assert "Mr Smith said" in fixed.text and "style.honorific" in fixed.rules and fixed.applied >= 4
    assert read(fixed.data).text == fixed.text
    assert all(f.rule != "style.honorific" for f in fixed.remaining)
    with pytest.raises(ValueError, match="zip package"):
        linter.check_docx(b"plain text, not a package")


def test_the_api_takes_a_word_draft_in_base64(tmp_path):
    pytest.importorskip("starlette", reason="copydesk[serve] is not installed")
    import base64

    from starlette.testclient import TestClient

    from copydesk.web.app import create_app

    data = base64.b64encode(story(tmp_path / "story.docx").read_bytes()).decode()
    with TestClient(create_app()) as c:
        got = c.post("/v1/check", json={"docx": data, "path": "story.docx"}).json()
        dr = next(f for f in got["files"][0]["findings"] if f["excerpt"] == "Dr.")
        assert (dr["line"], dr["column"]) == (3, 42) and got["text"][dr["start"]:dr["end"]] == "Dr."
        fixed = c.post("/v1/fix", json={"docx": data, "annotate": True}).json()
        word = read(base64.b64decode(fixed["docx"]))
        assert word.text == fixed["text"] and "Mr Smith" in word.text and "word/comments.xml" in word.package.names
        bad = c.post("/v1/check", json={"docx": base64.b64encode(b"not a docx").decode()})
        assert bad.status_code == 400 and "cannot be read" in bad.json()["error"]["message"]
        assert c.post("/v1/check", json={"docx": "@@@"}).status_code == 400
        assert c.post("/v1/check", json={"text": "x", "annotate": True}).status_code == 400


def test_the_api_gives_a_word_drafts_paragraphs_as_the_json_report_does(tmp_path, run_cli):
    pytest.importorskip("starlette", reason="copydesk[serve] is not installed")
    import base64

    from starlette.testclient import TestClient

    from copydesk.web.app import create_app

    path = story(tmp_path / "story.docx")
    with TestClient(create_app()) as c:
        api = c.post("/v1/check", json={"docx": base64.b64encode(path.read_bytes()).decode(), "path": "story.docx"}).json()
    cli = findings_json(run_cli, path)
    keys = ("rule", "line", "column", "paragraph", "characters")
    assert [tuple(f[k] for k in keys) for f in api["files"][0]["findings"]] == [tuple(f[k] for k in keys) for f in cli]
