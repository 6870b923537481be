"""credits: photo credits in the house format, with agency names in their proper form, the
licence where one is owed, and each credit on a line of its own."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..checker import Checker, Context, Rule, examples
from ..document import Block, Document
from ..finding import Edit
from ..house import House, load_data_pack
from ..patterns import compile_user, finditer_windowed
from ..yamlio import line_of

PACK = "copydesk/rules/credits.yaml"


@lru_cache(maxsize=1)
def _credit_re():
    pack = load_data_pack("credits.yaml", {"patterns": list})
    line = line_of(pack, "patterns")
    # Each pattern's groups are renamed so that one alternation can hold them all.
    parts = []
    for n, p in enumerate(pack["patterns"]):
        compile_user(p, PACK, line, "patterns", ignore_case=False)
        parts.append("(?P<c%d>%s)" % (n, re.sub(r"\(\?P<(\w+)>", lambda m: f"(?P<{m.group(1)}{n}>", p)))
    return compile_user("(?:" + "|".join(parts) + ")", PACK, line, "patterns", ignore_case=False)


@lru_cache(maxsize=16)
def _house_credits(house: House):
    sec = house.section("credits")
    agencies = {k.lower(): v for k, v in (sec.get("agencies") or {}).items()}
    licensed = {s.lower() for s in sec.get("licensed_sources", [])}
    licence_src = sec.get("licence_pattern") or "[^\\x00-\\x{10FFFF}]"
    licence = compile_user(licence_src, house.path, None, "credits.licence_pattern")
    formats = [sec.get("format", "Photograph: {author}/{source}"), *sec.get("alternatives", [])]
    compiled = []
    for f in formats:
        rx = re.escape(f).replace(r"\{author\}", "(?P<author>.+?)").replace(r"\{source\}", "(?P<source>.+?)")
        compiled.append(compile_user("^" + rx + r"(?:,? \(?(?:" + licence_src + r")\)?)?\.?$", house.path, None, "credits.format"))
    return sec.get("format", "Photograph: {author}/{source}"), compiled, agencies, licensed, licence


@dataclass
class Credit:
    block: Block
    start: int  # prose indices of the whole credit
    end: int
    author: tuple[int, int] | None
    source: tuple[int, int] | None
    licence: str | None


def _parse(block: Block, m, shift: int, credit_re, licence_re) -> Credit | None:
    """A credit from a match found at offset shift of the block's text."""
    t = block.text
    groups = {}
    for name, index in credit_re.groupindex.items():
        if m.group(index) is not None:
            a, z = m.span(index)
            groups[re.sub(r"\d+$", "", name)] = (a + shift, z + shift)
    groups.pop("c", None)
    start = m.start() + shift
    if "body" not in groups:
        return Credit(block, start, m.end() + shift, groups.get("author"), groups.get("source"), None)
    bs, be = groups["body"]
    cut = re.search(r"[.!?]\s+(?=[A-Z“\"])", t[bs:be])
    if cut:
        be = bs + cut.start() + 1
    end = be
    while be > bs and t[be - 1] in ". \u00a0":
        be -= 1
    lic = licence_re.search(t[bs:be])
    licence = None
    if lic:
        licence = lic.group(0)
        le = bs + lic.start()
        while le > bs and t[le - 1] in " ,;(\u00a0":
            le -= 1
        be = le
    body = t[bs:be]
    author = source = None
    if "/" in body:
        i = body.rindex("/")
        author, source = (bs, bs + i), (bs + i + 1, be)
    elif "," in body:
        i = body.rindex(",")
        j = i + 1
        while j < len(body) and body[j] in " \u00a0":
            j += 1
        author, source = (bs, bs + i), (bs + j, be)
    elif " via " in body:
        i = body.index(" via ")
        author, source = (bs, bs + i), (bs + i + 5, be)
    else:
        author = (bs, be)
    return Credit(block, start, end, author, source, licence)


class CreditsChecker(Checker):
    id = "credits"
    description = "Photo credits: house format, agency names, licences, placement."
    rules = (
        Rule(
            "credits.placement",
            "error",
            "A photo credit glued to the end of a body paragraph.",
            "A credit belongs with its picture, in the caption or credit block on a line of its "
            "own; at the end of a paragraph it reads as part of the story.",
            good=examples("The talks ended late.\n\nPhotograph: Jane Doe/Reuters\n"),
            bad=examples("The talks ended late. Photograph: Jane Doe/Reuters\n"),
            fix="unsafe",
        ),
        Rule(
            "credits.format",
            "warning",
            "A photo credit that is not in the house format.",
            "Credits follow one house format (British default: 'Photograph: Name/Agency'; the AP "
            "and BBC forms are accepted too), so that readers and rights holders find them.",
            good=examples("Photograph: Jane Doe/Reuters\n"),
            bad=examples("Photo by Jane Doe, Reuters\n"),
            fix="safe",
        ),
        Rule(
            "credits.agency",
            "warning",
            "An agency or archive name not in its proper form.",
            "Agencies are credited by their proper names: Getty Images, not Getty; Wikimedia "
            "Commons, not Wikimedia commons.",
            good=examples("Photograph: Jane Doe/Getty Images\n"),
            bad=examples("Photograph: Jane Doe/Getty\n"),
            fix="safe",
        ),
        Rule(
            "credits.licence",
            "error",
            "A Creative Commons or Wikimedia Commons image credited without its licence.",
            "Images under a Creative Commons licence may be used only with the author, the source "
            "and the licence with its version (for example CC BY-SA 4.0).",
            good=examples("Photograph: Jane Doe/Wikimedia Commons (CC BY-SA 4.0)\n"),
            bad=examples("Photograph: Jane Doe/Wikimedia Commons\n"),
        ),
        Rule(
            "credits.missing",
            "warning",
            "A Markdown image with no credit near it.",
            "Every published picture carries a credit in its caption or the line beside it.",
            good=examples("![Crowds in Minsk](minsk.jpg)\n\nPhotograph: Jane Doe/Reuters\n", format="markdown"),
            bad=examples("![Crowds in Minsk](minsk.jpg)\n\nCrowds gathered in Minsk.\n", format="markdown"),
        ),
    )

    def check(self, doc: Document, ctx: Context):
        fmt, formats, agencies, licensed, licence_re = _house_credits(ctx.house)
        credit_re = _credit_re()
        findings = []
        credited_blocks: set[int] = set()
        for bi, b in enumerate(doc.blocks):
            if not b.text or b.kind in ("code", "front_matter", "heading"):
                continue
            t = b.text
            last_end = -1
            for start, _end, m in finditer_windowed(credit_re, t):
                if start < last_end:
                    continue
                c = _parse(b, m, start - m.start(), credit_re, licence_re)
                if c is None:
                    continue
                last_end = c.end
                credited_blocks.add(bi)
                # a caption: a figure caption, or the paragraph right below a picture
                caption = b.kind == "caption" or (bi > 0 and bool(doc.blocks[bi - 1].images) and not doc.blocks[bi - 1].text)
                findings += self._check_credit(doc, ctx, c, fmt, formats, agencies, licensed, caption)
        blocks = doc.blocks
        for bi, b in enumerate(blocks):
            for s, e, _url in b.images:
                # A credit in the image's own paragraph, in the one below it, or in the one
                # above it when that one does not follow another picture.
                near = {bi, bi + 1}
                if bi >= 1 and not (bi >= 2 and blocks[bi - 2].images):
                    near.add(bi - 1)
                alt = doc.text[s:e]
                if near & credited_blocks or credit_re.search(alt):
                    continue
                findings.append(ctx.finding("credits.missing", s, e,
                                            "This image has no credit beside it; add one in the house format."))
        return findings

    def _check_credit(self, doc, ctx, c: Credit, fmt, formats, agencies, licensed, caption: bool):
        b, t = c.block, c.block.text
        out = []
        before = t[max(0, c.start - 200) : c.start].strip()  # enough to see a sentence end before it
        whole = t[c.start : c.end].strip()
        if c.source is None and c.author and t[c.author[0] : c.author[1]].strip().lower() in agencies:
            c.source, c.author = c.author, None  # "Credit: Getty" names only the agency
        src_text = t[c.source[0] : c.source[1]].strip() if c.source else ""
        author_text = t[c.author[0] : c.author[1]].strip() if c.author else ""
        proper = agencies.get(src_text.lower().strip(" ."))
        if before and not caption and len(before.split()) >= 3 and before.rstrip("\"'”’)")[-1:] in ".!?…":
            s, e = b.prose.source_span(c.start, c.end)
            gap = b.prose.source_end(len(t[: c.start].rstrip()))
            out.append(ctx.finding("credits.placement", s, e,
                                   "This photo credit is glued to the end of a body paragraph; put it on its own line with the picture.",
                                   edits=[Edit(gap, s, "\n\n")]))
        if c.source and proper and src_text != proper:
            s, e = b.prose.source_span(c.source[0], c.source[0] + len(src_text))
            out.append(ctx.finding("credits.agency", s, e, f"Credit the agency as “{proper}”.", [proper],
                                   edits=[Edit(s, e, proper)]))
        source_name = proper or src_text
        if source_name.lower() in licensed and not c.licence:
            s, e = b.prose.source_span(c.start, c.end)
            out.append(ctx.finding("credits.licence", s, e,
                                   f"An image from {source_name} needs its licence with the version (for example CC BY-SA 4.0) in the credit."))
        if not any(f.search(whole) for f in formats):
            suggestion = []
            edits = None
            if author_text and source_name:
                line = fmt.format(author=author_text, source=source_name)
                if c.licence:
                    line += f" ({c.licence})"
                suggestion = [line]
                s, e = b.prose.source_span(c.start, c.end)
                complete = source_name.lower() not in licensed or c.licence
                if complete and doc.text[s:e] == t[c.start : c.end]:
                    edits = [Edit(s, e, line)]  # every part is known: the credit can be rewritten
            s, e = b.prose.source_span(c.start, c.end)
            example = fmt.format(author="Name", source="Agency")
            out.append(ctx.finding("credits.format", s, e, f"Write the credit in the house format, “{example}”.",
                                   suggestion, edits=edits))
        return out
