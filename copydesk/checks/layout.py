"""layout: what does not belong in the article — page furniture, teasers of other stories,
invisible lines, a paragraph pasted twice, a paragraph broken mid-sentence."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .. import furniture
from ..checker import Checker, Context, Rule, examples
from .credits import is_credit_line
from ..document import INVISIBLE, Block, Document, is_invisible
from ..finding import Edit
from ..house import load_data_pack
from ..patterns import alternation, compile_user, group_span
from ..yamlio import DataError, line_of

TERMINAL = ".!?…:;"
CLOSERS = "\"'”’)]*_"
LABEL_STRIP = " \t:|»›>•·–—-" + INVISIBLE
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*")


def _norm(s: str) -> str:
    return " ".join(s.strip(LABEL_STRIP).lower().split())


PACK = "copydesk/rules/layout.yaml"


@lru_cache(maxsize=16)
def _furniture(extra_labels: tuple[str, ...], extra_patterns: tuple[str, ...]):
    pack = load_data_pack("layout.yaml", {"labels": list, "patterns": list, "run_in": list, "continuing_words": list})
    labels = {_norm(x) for x in pack["labels"]} | {_norm(x) for x in extra_labels}
    whole = alternation([*pack["patterns"], *extra_patterns], PACK, line_of(pack, "patterns"), "patterns", whole=True)
    run_in = alternation(pack["run_in"], PACK, line_of(pack, "run_in"), "run_in")
    cont = frozenset(pack["continuing_words"])
    return labels, whole, run_in, cont


def ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(CLOSERS)
    return bool(t) and t[-1] in TERMINAL


class LayoutChecker(Checker):
    id = "layout"
    description = "Text that does not belong in the article: page furniture, teasers, invisible lines, broken paragraphs."
    rules = (
        Rule(
            "layout.page-furniture",
            "error",
            "A section label, share widget, timestamp or other page furniture left in the draft.",
            "Text pasted from a web page or CMS drags in navigation labels ('UK News'), share "
            "buttons, timestamps and sign-up prompts. None of it belongs in the article.",
            good=examples("Ministers met in London.\n\nThe talks went on late into the night.\n"),
            bad=examples("UK News\n\nMinisters met in London.\n", "Ministers met in London.\n\nShare this with Twitter\n\nThe talks ended.\n"),
            fix="unsafe",
        ),
        Rule(
            "layout.run-in-furniture",
            "error",
            "A byline, timestamp or label run into the start of a paragraph.",
            "When a page is pasted as text, the byline, timestamp or an 'Advertisement' label can "
            "end up glued to the first words of a paragraph.",
            good=examples("Headline here\n\nBy the end of the week, the talks had collapsed.\n"),
            bad=examples("Headline here\n\nPublished 3 March 2025 The talks collapsed on Friday.\n"),
            fix="unsafe",
        ),
        Rule(
            "layout.teaser",
            "warning",
            "A short line with no terminal punctuation among other fragments: a teaser or headline of another story.",
            "Pages surround an article with headlines of other stories. A short unpunctuated line "
            "that is not the draft's headline, sitting among other pasted fragments, is one of them.",
            good=examples("Talks end without a deal\n\nMinisters met in London.\n\nThe talks went on late.\n"),
            bad=examples("Talks end without a deal\n\nUK News\n\nQueen opens new bridge\n\nMinisters met in London.\n"),
            fix="unsafe",
        ),
        Rule(
            "layout.whitespace-line",
            "warning",
            "A line that holds only invisible characters, such as no-break spaces, or an HTML entity or tag left as text.",
            "No-break spaces, zero-width characters and leftover '&nbsp;' or '<br>' make lines that "
            "look empty but are not, and break paragraphing in the CMS.",
            good=examples("Ministers met.\n\nThe talks ended.\n"),
            bad=examples("Ministers met.\n\u00a0\nThe talks ended.\n", "Ministers met.\n&nbsp;\nThe talks ended.\n"),
            fix="safe",
        ),
        Rule(
            "layout.duplicate-paragraph",
            "warning",
            "The same paragraph appears twice.",
            "A paragraph pasted twice reads as a production error.",
            good=examples("Talks go on\n\nMinisters met in London on Monday to talk about the budget for next year.\n\n"
                          "They met again in Paris on Tuesday to talk about the budget for next year.\n"),
            bad=examples("Talks go on\n\nMinisters met in London on Monday to talk about the budget for next year.\n\n"
                         "Ministers met in London on Monday to talk about the budget for next year.\n"),
            fix="unsafe",
        ),
        Rule(
            "layout.broken-paragraph",
            "error",
            "A paragraph broken mid-sentence.",
            "A sentence split across two paragraphs, usually by a paste, leaves a paragraph with no "
            "full stop and another that starts in lower case. Joining them restores the sentence.",
            good=examples("Talks go on\n\nMinisters met in London.\n\nThe talks went on late.\n"),
            bad=examples("Talks go on\n\nMinisters met in London to discuss the\n\nsanctions on potash.\n"),
            fix="safe",
        ),
    )

    options = {"labels": list, "patterns": list, "teaser_max_words": int}

    def validate_options(self, options: dict, path: str, line: int | None) -> None:
        for p in options.get("patterns", []):
            compile_user(p, path, line, "checks.layout.patterns")
        if not all(isinstance(x, str) for x in options.get("labels", [])):
            raise DataError(path, line, "checks.layout.labels", "must be a list of strings")

    def check(self, doc: Document, ctx: Context):
        opts = ctx.options
        _labels, _whole, run_in, cont = _furniture(tuple(opts.get("labels", ())), tuple(opts.get("patterns", ())))
        findings = []
        findings += self._invisible_lines(doc, ctx)
        blocks = doc.blocks
        marks = page_furniture(doc, opts)
        for i, mark in sorted(marks.items()):
            b = blocks[i]
            s, e = b.prose.source_span(0, len(b.text))
            findings.append(ctx.finding(mark.rule, s, e, mark.message, edits=[_delete_block(doc, b)]))
        flagged = set(marks)
        top = _first_paragraph(doc)
        for i, b in enumerate(blocks):
            if b.kind != "paragraph" or not b.text or i in flagged:
                continue
            t = b.text
            m = run_in.match(t)
            span = (group_span(m, run_in, "furniture") or m.span()) if m else None
            if span is None and i == top:
                span = furniture.top_run_in(t)
            if span and span[1] < len(t) and len(t) - span[1] > 20:
                fs, fe = span
                s, e = b.prose.source_span(fs, fe)
                rest = fe
                while rest < len(t) and t[rest].isspace():
                    rest += 1
                findings.append(
                    ctx.finding(
                        "layout.run-in-furniture",
                        s,
                        e,
                        f"“{t[fs:fe].strip()}” is {_run_in_kind(t[fs:fe])} run into the paragraph; delete it.",
                        edits=[Edit(s, b.prose.source_offset(rest), "")],
                    )
                )
        content = _content(doc)
        # Paragraphs pasted twice, and paragraphs broken mid-sentence.
        # A paragraph pasted twice: long enough to be prose, not a question, and there exactly
        # twice (a line repeated three times or more is the structure of the piece: a recipe's
        # portions, an interview's standing question).
        copies: dict[str, list[int]] = {}
        body = [i for i in content if blocks[i].kind in ("paragraph", "blockquote", "list_item") and blocks[i].text]
        for i in body:
            key = " ".join(blocks[i].text.lower().split())
            if len(key.split()) >= 12 and not key.endswith("?"):
                copies.setdefault(key, []).append(i)
        for first, second in (v for v in copies.values() if len(v) == 2):
            b = blocks[second]
            s, e = b.prose.source_span(0, len(b.text))
            line = doc.position(blocks[first].start)[0]
            findings.append(
                ctx.finding(
                    "layout.duplicate-paragraph",
                    s,
                    e,
                    f"This paragraph repeats the one on line {line}; delete one of them.",
                    edits=[_delete_block(doc, b)],
                )
            )
        for pos, i in enumerate(content[:-1]):
            b, nb = blocks[i], blocks[content[pos + 1]]
            if b.kind != "paragraph" or nb.kind != "paragraph" or i in flagged or content[pos + 1] in flagged:
                continue
            if not b.text or not nb.text or ends_sentence(b.text):
                continue
            last = b.text.rstrip()
            words = WORD_RE.findall(last)
            if len(words) < 4:
                continue
            first = nb.text.lstrip()[0]
            last_word = words[-1].lower() if words else ""
            if not (first.islower() or last.endswith(",") or (last_word in cont and last[-1].isalpha())):
                continue
            ws = WORD_RE.search(last, len(last) - len(words[-1]) - 1) if words else None
            wstart = ws.start() if ws else len(last) - 1
            s, e = b.prose.source_span(wstart, len(last))
            gap_start = b.prose.source_end(len(last))
            gap_end = nb.prose.source_offset(0)
            findings.append(
                ctx.finding(
                    "layout.broken-paragraph",
                    s,
                    e,
                    "This paragraph stops mid-sentence and the next one carries the sentence on; join them.",
                    edits=[Edit(gap_start, gap_end, " ")],
                )
            )
        return findings

    def _invisible_lines(self, doc: Document, ctx: Context):
        if doc.format == "html":
            return [
                ctx.finding("layout.whitespace-line", b.start, b.end,
                            "This element looks empty but holds invisible characters or markup; remove it.",
                            edits=[Edit(b.start, b.end, "")])
                for b in doc.blocks if b.kind == "blank"
            ]
        out = []
        skip = set()
        for b in doc.blocks:
            if b.kind in ("code", "front_matter", "comment"):
                skip.update(range(doc.line_of(b.start), doc.line_of(b.end) + 1))
        for k in range(doc.line_count):
            if k in skip:
                continue
            line = doc.line_text(k)
            if not is_invisible(line):
                continue
            s, e = doc.line_starts[k], doc.line_ends[k]
            shown = line.encode("unicode_escape").decode("ascii")
            # Remove the line with its line break; between two empty lines, remove one of
            # them too, so that one blank line is left where there was one.
            cut_end = doc.line_starts[k + 1] if k + 1 < doc.line_count else e
            if 0 < k and k + 2 < doc.line_count and not doc.line_text(k - 1).strip(" \t") and not doc.line_text(k + 1).strip(" \t"):
                cut_end = doc.line_starts[k + 2]
            out.append(
                ctx.finding(
                    "layout.whitespace-line",
                    s,
                    e,
                    f"This line looks empty but holds invisible characters or markup ({shown}); remove it.",
                    edits=[Edit(s, cut_end, "")],
                )
            )
        return out


def _delete_block(doc: Document, b: Block) -> Edit:
    """Delete a block's lines with their line break (in HTML, the element itself)."""
    if doc.format == "html":
        return Edit(b.start, b.end, "")
    first = doc.line_of(b.start)
    last = doc.line_of(b.end)
    s = doc.line_starts[first]
    e = doc.line_starts[last + 1] if last + 1 < doc.line_count else doc.line_ends[last]
    return Edit(s, e, "")


CONTENT_KINDS = ("headline", "paragraph", "blank", "blockquote", "list_item", "heading", "code", "html", "table")
MAX_LINE = 200
FUNCTION_STEMS = frozenset("the and for with our your from thi that what who how why".split())
# Furniture found by these signals alone does not make its neighbours teasers.
WEAK = frozenset({"word", "lone", "author", "edge"})  # longer paragraphs are prose, never furniture


@dataclass(frozen=True)
class Mark:
    """Why a block is not part of the article: its rule, the kind of furniture, the message."""

    rule: str  # layout.page-furniture or layout.teaser
    kind: str
    message: str


def _content(doc: Document) -> list[int]:
    return [i for i, b in enumerate(doc.blocks) if b.kind in CONTENT_KINDS]


def _is_prose(b: Block) -> bool:
    if b.kind not in ("paragraph", "blockquote", "list_item") or not b.text:
        return False
    t = b.text
    if len(t) > 120:
        return True
    n = len(t.split())
    return n >= 8 or (n >= 5 and ends_sentence(t))


def _broken_piece(blocks: list[Block], content: list[int], p: int) -> bool:
    """The block at content position p carries on the paragraph before it, or the next one
    carries it on: the previous paragraph has no full stop, or the next starts in lower case or
    with punctuation."""
    if p > 0:
        prev = blocks[content[p - 1]]
        if prev.kind == "paragraph" and prev.text and len(prev.text) > 60 and not ends_sentence(prev.text):
            return True
    if p + 1 < len(content):
        nxt = blocks[content[p + 1]].text.lstrip()
        if nxt and (nxt[0].islower() or nxt[0] in ",.;:)"):
            return True
    return False


def _first_paragraph(doc: Document) -> int | None:
    """The index of the draft's first paragraph, right under the headline (or at the top of a
    draft without one), where a paste leaves the page's byline or timestamp run into the text."""
    for i, b in enumerate(doc.blocks):
        if b.kind in ("front_matter", "comment", "blank") or (b.kind == "headline"):
            continue
        return i if b.kind == "paragraph" else None
    return None


def _run_in_kind(text: str) -> str:
    low = text.lower()
    stamp = any(w in low for w in ("updated", "published", "posted", "modified", " ago")) or furniture.looks_like_time(text)
    if low.startswith("by "):
        return "a byline and timestamp" if stamp else "a byline"
    if stamp:
        return "a timestamp"
    if low.startswith(("image", "media")):
        return "a picture label"
    return "a label"


def page_furniture(doc: Document, options: dict | None = None) -> dict[int, Mark]:
    """The blocks of doc that are page furniture or teasers of other stories, by block index.

    This is what layout reports as layout.page-furniture and layout.teaser; other checkers
    use it to leave those blocks alone (their faults are not the article's)."""
    opts = options or {}
    labels, whole, _run_in, _cont = _furniture(tuple(opts.get("labels", ())), tuple(opts.get("patterns", ())))
    own = _own_labels(tuple(opts.get("labels", ())))
    max_teaser = int(opts.get("teaser_max_words", 10))
    blocks = doc.blocks
    content = _content(doc)
    html_ctx = getattr(doc, "html_context", None) or {}
    prose = [_is_prose(blocks[i]) for i in content]
    first_prose = next((p for p, x in enumerate(prose) if x), len(content))
    last_prose = max((p for p, x in enumerate(prose) if x), default=-1)
    # Live blogs: a time of day alone on its line, twice or more, opens each entry; the time
    # and the short heading after it are the blog's structure, not furniture or teasers.
    structure: set[int] = set()
    times = [p for p, i in enumerate(content) if blocks[i].text and furniture.is_entry_time(blocks[i].text)]
    if len(times) >= 2:
        for p in times:
            structure.add(content[p])
            if p + 1 < len(content) and not prose[p + 1] and blocks[content[p + 1]].text:
                structure.add(content[p + 1])
    # Runs of short lines in the middle of the draft that hold a results line, a fixture or a
    # ranked entry are tables (sport copy, lists of winners): only the label list speaks there.
    table: set[int] = set()
    p = 0
    while p < len(content):
        if prose[p]:
            p += 1
            continue
        q = p
        while q < len(content) and not prose[q]:
            q += 1
        run = content[p:q]
        matches = sum(1 for i in run if blocks[i].text and furniture.is_match_line(blocks[i].text))
        if matches >= 2 or (matches and len(run) >= 2) or any(furniture.is_fixture(blocks[i].text) for i in run):
            table.update(run)
        p = q

    # Short lines among the paragraphs of prose: crossheads come several to an article.
    middle = [p for p in range(first_prose, last_prose + 1)
              if not prose[p] and blocks[content[p]].kind == "paragraph" and blocks[content[p]].text
              and content[p] not in table and content[p] not in structure]
    alone = len(middle) == 1

    def outside(b: Block) -> bool:
        ctx = html_ctx.get(b.start)
        return ctx is not None and ctx.outside(doc)

    def position(p: int, b: Block) -> str:
        if outside(b):
            return "outside"
        if p < first_prose or p > last_prose:
            return "edge"
        before = p > 0 and prose[p - 1] and ends_sentence(blocks[content[p - 1]].text)
        after = prose[p + 1] if p + 1 < len(prose) else False
        return "isolated" if before and after else "run"

    strangers: list[int] = []  # the short lines among the prose with no word of the article
    if middle:
        vocab: set[str] = set()
        for q, j in enumerate(content):
            if prose[q]:
                vocab |= furniture.stems(blocks[j].text)
        for q in middle:
            own_words = furniture.stems(blocks[content[q]].text) - FUNCTION_STEMS
            if own_words and not (own_words & vocab):
                strangers.append(q)
    # The script the article is written in, from its prose: a line in another one is not its own.
    script = furniture.script_of(" ".join(blocks[content[q]].text[:200] for q, x in enumerate(prose) if x)[:4000])
    credit_lines: dict[int, bool] = {}

    def credit_line(i: int) -> bool:
        """A photo credit on a line of its own: the credits checker's, never furniture."""
        if i not in credit_lines:
            t = blocks[i].text
            credit_lines[i] = len(t) <= 120 and is_credit_line(t)
        return credit_lines[i]

    # How many lines with text stand before the first paragraph of prose (after the headline)
    # and after the last one.
    top_run = sum(1 for q in range(first_prose) if blocks[content[q]].kind != "headline" and blocks[content[q]].text)
    tail_run = sum(1 for q in range(last_prose + 1, len(content)) if blocks[content[q]].text)
    marks: dict[int, Mark] = {}
    edges: dict[int, Mark] = {}  # furniture by its place at the top or tail alone
    for p, i in enumerate(content):
        b = blocks[i]
        t = b.text
        if not t or i in structure or b.kind not in ("headline", "paragraph", "list_item", "heading"):
            continue
        if b.kind in ("list_item", "heading") and not outside(b):
            continue  # Markdown lists and headings, and HTML ones inside the article, are the article's
        if (furniture.is_picture_source(t) and p + 1 < len(content)
                and furniture.is_picture_caption(blocks[content[p + 1]].text)):
            marks[i] = Mark("layout.page-furniture", "picture", furniture.message(t, "picture"))
            continue
        norm = _norm(t)
        listed = (norm in own) or (furniture.USE_LABEL_LIST and norm in labels)
        patterned = bool(whole.search(t.strip(LABEL_STRIP))) if len(t) <= 2 * MAX_LINE else False
        pos = position(p, b)
        if credit_line(i):
            continue
        if listed or patterned or b.key == "nav":
            verdict = furniture.score(t, pos, label=True) if len(t) <= MAX_LINE else None
            kind = verdict.kind if verdict and verdict.kind in ("timestamp", "picture", "byline", "social") else "label"
            marks[i] = Mark("layout.page-furniture", kind, furniture.message(t, kind))
            continue
        if b.kind == "headline" or i in table or len(t) > MAX_LINE:
            continue
        n_words = t.count(" ") + 1
        if n_words >= 12 or (n_words >= 5 and ends_sentence(t)):
            continue  # prose: a sentence, or too long for a label
        if pos != "outside" and _broken_piece(blocks, content, p):
            continue  # a piece of a paragraph broken in two (layout.broken-paragraph's business)
        # The odd one out: a short line with no word in common with the article, among
        # crossheads that have (a crosshead takes its words from the paragraphs it introduces).
        odd_one = len(middle) >= 3 and strangers == [p]
        edge_run = 0
        # The first line of a draft with no headline block (Markdown without a title) is its title.
        first_line = not any(blocks[content[q]].text for q in range(p))
        if pos == "edge" and not first_line and not (p > 0 and blocks[content[p - 1]].text.rstrip().endswith(":")):
            edge_run = top_run if p < first_prose else tail_run
        verdict = furniture.score(t, pos, alone=alone, foreign=(p in strangers and (alone or odd_one)), script=script,
                                  edge_run=edge_run)
        if verdict is None:
            continue
        if verdict.kind in ("byline", "author") and p == 1 and blocks[content[0]].kind == "headline":
            continue  # the article's own byline, under its headline
        if verdict.kind == "edge":
            edges[i] = Mark("layout.page-furniture", "edge", furniture.message(t, "edge"))
            continue  # decided after the teasers: among pasted fragments it is another story's headline
        marks[i] = Mark("layout.page-furniture", verdict.kind, furniture.message(t, verdict.kind))

    # Teasers: short unpunctuated lines among fragments.
    def short_unpunctuated(b: Block) -> bool:
        if not (b.kind == "paragraph" or (b.kind in ("list_item", "heading") and outside(b))):
            return False
        if not b.text or ends_sentence(b.text):
            return False
        words = WORD_RE.findall(b.text)
        return 0 < len(words) <= max_teaser and not b.text.lower().startswith("by ") and not b.text.rstrip().endswith(",")

    def neighbours(pos: int) -> list[int]:
        out = []
        if pos > 0:
            out.append(content[pos - 1])
        if pos + 1 < len(content):
            out.append(content[pos + 1])
        return out

    # A teaser sits next to another fragment: an invisible line, page furniture, or
    # another teaser (so a run of them next to furniture is caught whole).
    candidate = {pos for pos, i in enumerate(content)
                 if i not in marks and i not in structure and short_unpunctuated(blocks[i]) and not credit_line(i)}
    seeds = {i for i, m in marks.items() if m.kind not in WEAK}
    queue = [pos for pos in sorted(candidate)
             if any(blocks[j].kind == "blank" or j in seeds for j in neighbours(pos))]
    reached = set(queue)
    while queue:
        pos = queue.pop()
        for nxt in (pos - 1, pos + 1):
            if nxt in candidate and nxt not in reached:
                reached.add(nxt)
                queue.append(nxt)
    for pos in reached:
        t = blocks[content[pos]].text
        marks[content[pos]] = Mark("layout.teaser", "teaser",
                                   f"“{t.strip()}” looks like the headline of another story left from the page; delete it.")
    for i, mark in edges.items():
        marks.setdefault(i, mark)
    return marks


@lru_cache(maxsize=16)
def _own_labels(extra: tuple[str, ...]) -> frozenset[str]:
    return frozenset(_norm(x) for x in extra)
