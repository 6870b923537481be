"""A Word draft fixed and annotated by copydesk, opened in LibreOffice (Debian's package,
headless): it converts to PDF and to text, and its own reading of the document (as flat ODF)
shows copydesk's fixes as tracked changes by "copydesk" and its findings as comments. With
every change accepted, LibreOffice's text is the text copydesk reads back."""

from __future__ import annotations

import subprocess

import pytest
from lxml import etree

from conftest import require_program

pytestmark = pytest.mark.integration  # the real LibreOffice

pytest.importorskip("docx", reason="python-docx (a test tool) is not installed")
from test_word import story  # noqa: E402

from copydesk.word.reading import read  # noqa: E402

NS = {"text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0", "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
      "dc": "http://purl.org/dc/elements/1.1/"}
T = "{%s}" % NS["text"]
OFFICE = "{%s}" % NS["office"]


def convert(path, to: str) -> bytes:
    soffice = require_program("soffice")
    out = path.parent / "converted"
    r = subprocess.run([soffice, "--headless", f"-env:UserInstallation=file://{path.parent}/lo-profile",
                        "--convert-to", to, "--outdir", str(out), str(path)], capture_output=True, timeout=180)
    made = out / (path.stem + "." + to.split(":")[0])
    assert made.exists(), r.stderr.decode()
    return made.read_bytes()


def accepted_paragraphs(fodt: bytes, deletions: set[str]) -> list[str]:
    """The paragraphs of LibreOffice's flat ODF with every deletion taken out (its text, and
    the paragraph ends inside it, which join paragraphs), as accepting all changes gives."""
    root = etree.fromstring(fodt)
    body = root.find("office:body/office:text", NS)
    paragraphs, current, inside = [], [], set()

    def walk(el) -> None:
        for child in el:
            tag = child.tag
            if tag in (OFFICE + "annotation", T + "tracked-changes", OFFICE + "annotation-end"):
                pass
            elif tag == T + "change-start":
                inside.add(child.get(T + "change-id"))
            elif tag == T + "change-end":
                inside.discard(child.get(T + "change-id"))
            elif not (inside & deletions):
                if tag == T + "s":
                    current.append(" " * int(child.get(T + "c", "1")))
                elif tag == T + "tab":
                    current.append("\t")
                elif tag == T + "line-break":
                    current.append("\n")
                else:
                    current.append(child.text or "")
                    walk(child)
            if child.tail and not (inside & deletions):
                current.append(child.tail)

    for p in body.iter(T + "p", T + "h"):
        if p.xpath("ancestor::text:tracked-changes or ancestor::office:annotation", namespaces=NS):
            continue
        current.append(p.text or "" if not (inside & deletions) else "")
        walk(p)
        if not (inside & deletions):  # a paragraph end inside a deletion joins this paragraph to the next
            paragraphs.append("".join(current))
            current = []
    return [p for p in paragraphs if p.strip()]


def test_libreoffice_shows_the_fixes_as_tracked_changes_and_the_findings_as_comments(tmp_path, run_cli):
    path = story(tmp_path / "story.docx")
    r = run_cli("check", "--fix", "--annotate", str(path))
    assert r.returncode == 1
    word = read(path.read_bytes())
    comments = etree.fromstring(word.package.read("word/comments.xml")).findall(
        ".//{http://schemas.openxmlformats.org/wordprocessingml/2006/main}comment")

    fodt = convert(path, "fodt")
    root = etree.fromstring(fodt)
    regions = root.findall("office:body/office:text/text:tracked-changes/text:changed-region", NS)
    kinds = [(etree.QName(r[0]).localname, r.find(".//dc:creator", NS).text) for r in regions]
    assert kinds and all(who == "copydesk" for _k, who in kinds)
    assert {k for k, _who in kinds} == {"deletion", "insertion"}
    notes = root.findall(".//office:annotation", NS)
    assert len(notes) == len(comments) > 0
    assert all(n.find("dc:creator", NS).text == "copydesk" for n in notes)
    assert any("(layout.page-furniture)" in "".join(n.itertext()) for n in notes)

    deletions = {r.get(T + "id") for r in regions if r[0].tag == T + "deletion"}
    theirs = accepted_paragraphs(fodt, deletions)
    ours = [word.paragraph_text(k) for k in range(len(word.paragraphs)) if word.paragraph_text(k).strip()]
    assert theirs == ours
    assert "Mr Smith said the colour was fine 😀 and Dr Jones agreed." in theirs

    pdf = convert(path, "pdf")
    assert pdf.startswith(b"%PDF") and len(pdf) > 5_000
    text = convert(path, "txt:Text").decode("utf-8-sig")
    # LibreOffice's plain text keeps a deletion's text beside what replaced it, as the page shows it.
    assert "Wikimedia commonsWikimedia Commons" in text and "Mr. Smith" in text
