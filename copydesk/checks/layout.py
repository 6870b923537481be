"""layout: what does not belong in the article — page furniture, teasers of other stories,
invisible lines, a paragraph pasted twice, a paragraph broken mid-sentence."""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field, replace
from functools import lru_cache

from .. import furniture
from ..checker import Checker, Context, Option, rules_from
from .credits import is_credit_line
from ..invisible import INVISIBLE, is_invisible
from ..blocks import Block
from ..document import Document
from ..finding import Edit
from ..house import House, load_data_pack
from ..patterns import Either, alternation, compile_user, group_span, shipped
from ..yamlio import DataError, line_of
from .. import recache

TERMINAL = ".!?…:;。！？"
CLOSERS = "\"'”’)]*_"
LABEL_STRIP = " \t:|»›>•·–—-" + INVISIBLE
WORD_RE = recache.compile(r"[^\W\d_][\w'’-]*")


def _norm(s: str) -> str:
    return " ".join(s.strip(LABEL_STRIP).lower().split())


PACK = "copydesk/rules/layout.yaml"


TEASER_MAX_WORDS = 10  # the most words a teaser (another story's headline) has, unless the config says


@lru_cache(maxsize=16)
def _furniture(extra_labels: tuple[str, ...], extra_patterns: tuple[str, ...]):
    pack = load_data_pack("layout.yaml", {"labels": list, "patterns": list, "run_in": list, "continuing_words": list})
    labels = {_norm(x) for x in pack["labels"]} | {_norm(x) for x in extra_labels}
    whole = shipped(pack["patterns"], whole=True)
    if extra_patterns:  # a newsroom's own, on RE2
        whole = Either(whole, alternation(list(extra_patterns), PACK, line_of(pack, "patterns"), "patterns", whole=True))
    run_in = shipped(pack["run_in"])
    cont = frozenset(pack["continuing_words"])
    return labels, whole, run_in, cont


def ends_sentence(text: str) -> bool:
    t = text.rstrip().rstrip(CLOSERS)
    return bool(t) and t[-1] in TERMINAL


# Words a paragraph can stop on only mid-sentence: articles, conjunctions and possessives (not
# his or her, which can end one). For a short piece these are the only ones: prepositions are
# left out, since a crosshead can end in one ("Worth waiting for").
SHORT_CONT = frozenset(
    ["a", "an", "the", "and", "or", "nor", "but", "because", "than", "whose", "my", "its", "our", "their", "your"])


def _lower_word(text: str) -> bool:
    """text starts with a word wholly in lower case (not eBay, iPod or a figure)."""
    m = WORD_RE.match(text.lstrip())
    return bool(m) and m.group().replace("'", "").replace("’", "").replace("-", "").islower()


# Finite verbs that open a clause: after a piece that still wants its subject ("Ireland's",
# "as", "when"), a paragraph opening with one of them has lost the words in between, often a
# name that was a link on the page. Verbs in -ed are taken by their ending.
FINITE = frozenset(
    "was were is are has had won took made held ran beat also lost set led came went got gave saw threw broke "
    "finished won't will would could can did does".split())
WANTS_SUBJECT = frozenset("as when while and but by that which whom where after before".split())


def words_missing(last: str, nb_text: str) -> bool:
    """Joining the paragraphs would not mend the sentence: it still lacks words (a subject, a
    name) between the piece that ends in last and the next paragraph."""
    nxt = nb_text.lstrip()
    if nxt[:1] in ",.;:":
        return True  # ", who had to fight off…": the name before the comma is gone
    m = WORD_RE.match(nxt)
    if not m:
        return False
    first = m.group().lower()
    verb = first in FINITE or (len(first) > 4 and first.endswith("ed"))
    if not verb:
        return False
    word = WORD_RE.findall(last)[-1]
    possessive = word.endswith(("'s", "’s", "s'", "s’"))
    return possessive or word.lower() in WANTS_SUBJECT


def carries_on(b: Block, nb: Block, cont: frozenset[str]) -> bool:
    """Paragraph nb carries on the sentence paragraph b stops in: b has no terminal punctuation,
    and either b ends in four words or more and nb starts in lower case or b ends in a comma or
    a word that cannot end a sentence; or b is a piece of one to three words and nb is prose
    that starts with a word in lower case, or b ends in an article, a conjunction or a
    possessive. A short line before a capital is a heading, a list entry or a team sheet, and a
    short line ending in a bracket is a name with its club or county (Jo Reed (Kent))."""
    if not b.text or not nb.text or ends_sentence(b.text):
        return False
    last = b.text.rstrip()
    words = WORD_RE.findall(last)
    if not words:
        return False
    if last.endswith(")") and len(words) <= 6:
        return False  # a name with its club, county or party: match details, a team sheet
    if len(words) < 4:
        if not last[-1].isalpha() or len(last.split()) != len(words):
            return False  # figures, dates, scores, codes: a table or a fixture list
        if len(WORD_RE.findall(nb.text)) < 4:
            return False  # two short lines: a list
        return _lower_word(nb.text) or words[-1].lower() in SHORT_CONT
    return (nb.text.lstrip()[0].islower() or last.endswith(",")
            or ((words[-1].lower() in cont or words[-1].lower() in SHORT_CONT) and last[-1].isalpha()))


@dataclass(frozen=True)
class Cause:
    """A layout fault that changes how the rest of the draft reads: the rule and source span of
    the finding that reports it, and the blocks (indices into doc.blocks) it concerns."""

    rule: str
    start: int
    end: int
    blocks: tuple[int, ...]
    deletes: bool = False  # its fix deletes the text it points at, and whatever is found in it


@dataclass
class Structure:
    """What layout decides about a draft's blocks, for the checkers of its text to read it by."""

    # Blocks that are not part of the article: page furniture, teasers, the second copy of a
    # paragraph pasted twice.
    skip: set[int] = field(default_factory=set)
    # (i, j): block j carries on the sentence block i stops in (a paragraph broken in two, or
    # split by a line of invisible characters).
    joins: list[tuple[int, int]] = field(default_factory=list)
    # block -> index in its text where the paragraph's own words start after run-in furniture.
    starts: dict[int, int] = field(default_factory=dict)
    causes: list[Cause] = field(default_factory=list)

    def __bool__(self) -> bool:
        return bool(self.skip or self.joins or self.starts)


@dataclass
class LayoutAnalysis:
    """The layout checker's findings for a draft and the structure they give it."""

    findings: list
    structure: Structure


def structure(doc: Document, ctx: Context) -> Structure:
    """The one entry point for the other checkers: which blocks are furniture or teasers (or a
    repeated paragraph), which paragraphs are one paragraph broken in two, and where run-in
    furniture ends. ctx is a Context of the layout checker, with its options."""
    shared = ctx.analysis
    if shared is not None and shared.layout_ctx.options == ctx.options:
        return shared.layout.structure
    return CHECKER.analyse(doc, ctx).structure


class LayoutChecker(Checker):
    id = "layout"
    description = "Text that does not belong in the article: page furniture, teasers, invisible lines, broken paragraphs."
    rules = rules_from("layout")  # copydesk/checks/layout.yaml

    options = {
        "labels": Option(list, [], "More section labels and page words to report as furniture (\"Related\")."),
        "patterns": Option(list, [], "More furniture as patterns (RE2), each matched against a whole line."),
        "teaser_max_words": Option(int, TEASER_MAX_WORDS,
                                   "A headline-like line of at most this many words between paragraphs is a teaser."),
    }

    def validate_options(self, options: dict, path: str, line: int | None) -> None:
        for p in options.get("patterns", []):
            compile_user(p, path, line, "checks.layout.patterns")
        if not all(isinstance(x, str) for x in options.get("labels", [])):
            raise DataError(path, line, "checks.layout.labels", "must be a list of strings")

    def check(self, doc: Document, ctx: Context):
        shared = ctx.analysis
        an = shared.layout if shared is not None and shared.layout_ctx.options == ctx.options else self.analyse(doc, ctx)
        return [replace(f, suggestions=list(f.suggestions)) for f in an.findings]

    def analyse(self, doc: Document, ctx: Context) -> LayoutAnalysis:
        """The layout findings of a draft and the structure they give it."""
        opts = ctx.options
        _labels, _whole, run_in, cont = _furniture(tuple(opts.get("labels", ())), tuple(opts.get("patterns", ())))
        findings = []
        findings += self._invisible_lines(doc, ctx)
        st = Structure()

        def cause(f, *blocks: int, deletes: bool = False):
            st.causes.append(Cause(f.rule, f.start, f.end, blocks, deletes))
            return f

        blocks = doc.blocks
        marks = page_furniture(doc, opts, ctx.house)
        for i, mark in sorted(marks.items()):
            b = blocks[i]
            s, e = b.prose.source_span(0, len(b.text))
            findings.append(cause(ctx.finding(mark.rule, s, e, mark.message, edits=[_delete_block(doc, b)]), i, deletes=True))
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
                findings.append(cause(
                    ctx.finding(
                        "layout.run-in-furniture",
                        s,
                        e,
                        f"“{t[fs:fe].strip()}” is {_run_in_kind(t[fs:fe])} run into the paragraph; delete it.",
                        edits=[Edit(s, b.prose.source_offset(rest), "")],
                    ), i, deletes=True)
                )
                if fs == 0:
                    st.starts[i] = rest
        content = _content(doc)
        st.skip |= flagged
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
            where = doc.where(blocks[first].start)
            findings.append(cause(
                ctx.finding(
                    "layout.duplicate-paragraph",
                    s,
                    e,
                    f"This paragraph repeats the one on {where}; delete one of them.",
                    edits=[_delete_block(doc, b)],
                ), second)
            )
            st.skip.add(second)
        for pos, i in enumerate(content[:-1]):
            j = content[pos + 1]
            b, nb = blocks[i], blocks[j]
            if b.kind != "paragraph" or nb.kind != "paragraph" or i in flagged or j in flagged:
                continue
            if not carries_on(b, nb, cont):
                continue
            last = b.text.rstrip()
            words = WORD_RE.findall(last)
            ws = WORD_RE.search(last, len(last) - len(words[-1]) - 1)
            wstart = ws.start() if ws else len(last) - 1
            s, e = b.prose.source_span(wstart, len(last))
            gap_start = b.prose.source_end(len(last))
            gap_end = nb.prose.source_offset(0)
            if words_missing(last, nb.text):
                # No fix: joining would leave the sentence without the words that were lost.
                message = ("This paragraph stops mid-sentence and the next one carries it on, but words are missing "
                           "between them (a name that was a link?); restore them and join the paragraphs.")
                edits = None
            else:
                message = "This paragraph stops mid-sentence and the next one carries the sentence on; join them."
                edits = [Edit(gap_start, gap_end, " ")]
            findings.append(cause(ctx.finding("layout.broken-paragraph", s, e, message, edits=edits), i, j))
            st.joins.append((i, j))
        # A line of invisible characters between two lines of one paragraph, mid-sentence: its
        # fix (deleting the line) joins the two halves again, so they are read as one.
        if doc.format != "html":
            for pos in range(1, len(content) - 1):
                k, i, j = content[pos], content[pos - 1], content[pos + 1]
                line = doc.line_of(blocks[k].start)
                if (blocks[k].kind == "blank" and blocks[i].kind == "paragraph" and blocks[j].kind == "paragraph"
                        and i not in flagged and j not in flagged
                        and doc.line_of(blocks[i].end) == line - 1 and doc.line_of(blocks[j].start) == line + 1
                        and carries_on(blocks[i], blocks[j], cont)):
                    st.joins.append((i, j))
                    st.causes.append(Cause("layout.whitespace-line", doc.line_starts[line], doc.line_ends[line], (i, k, j)))
        return LayoutAnalysis(findings, st)

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
            shown = _named(line)
            # Remove the line with its line break; between two empty lines, remove one of
            # them too, so that one blank line is left where there was one.
            cut_end = doc.line_starts[k + 1] if k + 1 < doc.line_count else e
            if 0 < k and k + 2 < doc.line_count and not doc.line_text(k - 1).strip(" \t") and not doc.line_text(k + 1).strip(" \t"):
                cut_end = doc.line_starts[k + 2]
            # Between a line that ends a sentence and a line of text, the line parts two
            # paragraphs: empty it and keep its line break, so that they stay two. (Mid-sentence,
            # removing it joins the halves of one paragraph, as it should.)
            if (0 < k and k + 1 < doc.line_count and doc.line_text(k + 1).strip(" \t")
                    and doc.line_text(k - 1).strip(" \t") and ends_sentence(doc.line_text(k - 1))):
                cut_end = e
            out.append(
                ctx.finding(
                    "layout.whitespace-line",
                    s,
                    e,
                    f"This line looks empty but holds {shown}; remove it.",
                    edits=[Edit(s, cut_end, "")],
                )
            )
        return out


CHECKER = LayoutChecker()  # the instance the engine's per-draft analysis runs


def _delete_block(doc: Document, b: Block) -> Edit:
    """Delete a block's lines with their line break (in HTML, the element itself)."""
    if doc.format == "html":
        return Edit(b.start, b.end, "")
    first = doc.line_of(b.start)
    last = doc.line_of(b.end)
    s = doc.line_starts[first]
    e = doc.line_starts[last + 1] if last + 1 < doc.line_count else doc.line_ends[last]
    # Between two blank lines (or at the top, before one), take one of them too, so that one
    # blank line is left where the paragraphs were separated by one.
    before_blank = first == 0 or not doc.line_text(first - 1).strip(" \t")
    if before_blank and last + 2 < doc.line_count and not doc.line_text(last + 1).strip(" \t"):
        e = doc.line_starts[last + 2]
    return Edit(s, e, "")


QUANTITY_RE = recache.compile(r"\s*(?:\d+(?:[-/.,]\d+)*|[½¼¾⅓⅔])(?:\s+\d+/\d+)?\s+\S")  # 1 tsp, 8-9 pears, 1 1/2 cups
CONTENT_KINDS = ("headline", "paragraph", "blank", "blockquote", "list_item", "heading", "code", "html", "table")
MAX_LINE = 200
# An article with at least this many distinct words in its prose is long enough for a crosshead
# to take a word from it or from the passage it heads (a short piece has too few words to tell).
LONG_PIECE_VOCAB = 100
FUNCTION_STEMS = frozenset("the and for with our your from thi that what who how why".split())
# Furniture found by these signals alone does not make its neighbours teasers.
WEAK = frozenset({"word", "lone", "passage", "brand", "author", "edge"})  # longer paragraphs are prose, never furniture


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


def _shape(text: str) -> tuple[bool, bool, bool, bool]:
    """What crossheads of one article share, as its house style sets them: capitals only, a
    colon at the end, one word, every word capitalised (Title Case) or not."""
    t = text.strip()
    return t.isupper(), t.endswith(":"), " " not in t, " " in t and furniture.title_case(t)


def page_furniture(doc: Document, options: dict | None = None, house: House | None = None) -> dict[int, Mark]:
    """The blocks of doc that are page furniture or teasers of other stories, by block index.

    This is what layout reports as layout.page-furniture and layout.teaser; other checkers
    use it to leave those blocks alone (their faults are not the article's)."""
    opts = options or {}
    labels, whole, _run_in, _cont = _furniture(tuple(opts.get("labels", ())), tuple(opts.get("patterns", ())))
    own = _own_labels(tuple(opts.get("labels", ())))
    max_teaser = int(opts.get("teaser_max_words", TEASER_MAX_WORDS))
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
    lists: set[int] = set()  # of them, lists the piece holds (never another story's headlines)
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
        # A run that is mostly lines opening on a quantity (three or more) is a list of the
        # piece's own: a recipe's ingredients, a ranking, figures. (A page's menus hold a few
        # numbers among many links.)
        quantities = sum(1 for i in run if QUANTITY_RE.match(blocks[i].text))
        if quantities >= 3 and 2 * quantities >= len(run):
            lists.update(run)
        if (matches >= 2 or (matches and len(run) >= 2) or run[0] in lists
                or any(furniture.is_fixture(blocks[i].text) for i in run)):
            table.update(run)
        p = q

    # Three or more lines in a row opening on a date are a list of dates (tour dates, a
    # timeline), even among a pasted page's menus: never teasers.
    streak: list[int] = []
    for i in [j for j in content if blocks[j].text] + [-1]:
        if i >= 0 and len(blocks[i].text) <= MAX_LINE and furniture.opens_on_date(blocks[i].text):
            streak.append(i)
            continue
        if len(streak) >= 3:
            lists.update(streak)
        streak = []

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
    vocab: set[str] = set()
    if middle:
        for q, j in enumerate(content):
            if prose[q]:
                vocab |= furniture.stems(blocks[j].text)
        for q in middle:
            own_words = furniture.stems(blocks[content[q]].text) - FUNCTION_STEMS
            if own_words and not (own_words & vocab):
                strangers.append(q)
    # A line the passage runs on across: it shares no word with the paragraph before it or the
    # two after it. A crosshead announces the words of the paragraphs it introduces; a tag or a
    # menu link pasted into the middle of a passage has nothing to do with either side.
    unrelated: set[int] = set()
    near_cache: dict[int, set[str]] = {}

    def near(q: int) -> set[str]:
        if q not in near_cache:
            near_cache[q] = furniture.prefixes(blocks[content[q]].text) if 0 <= q < len(content) and prose[q] else set()
        return near_cache[q]

    # Crossheads come several to an article and share a shape (all in capitals, or a colon at
    # the end, or neither): a short line with a twin of its shape among the prose is one of them.
    # Twins protect a line only when at least as many of them share no word with their passage
    # as echo theirs: then the article's crossheads are of a kind that does not echo their text
    # ("The bottom line"); when most of its twins echo theirs, the one that does not is the odd
    # one out.
    shape_of = {q: _shape(blocks[content[q]].text) for q in middle}
    wordless = []
    echoing: Counter = Counter()
    for q in middle:
        own_words = furniture.prefixes(blocks[content[q]].text) - FUNCTION_STEMS
        if (own_words and not blocks[content[q - 1]].text.rstrip().rstrip(CLOSERS).endswith(":")  # a colon opens a list
                and not (own_words & (near(q - 1) | near(q + 1) | near(q + 2)))):
            wordless.append(q)
        else:
            echoing[shape_of[q]] += 1
    shapes = Counter(shape_of[q] for q in wordless)
    unrelated = {q for q in wordless if shapes[shape_of[q]] - 1 < max(1, echoing[shape_of[q]])}
    # The script the article is written in, from its prose: a line in another one is not its own.
    script = furniture.script_of(" ".join(blocks[content[q]].text[:200] for q, x in enumerate(prose) if x)[:4000])
    credit_lines: dict[int, bool] = {}

    def credit_line(i: int) -> bool:
        """A photo credit on a line of its own: the credits checker's, never furniture."""
        if i not in credit_lines:
            t = blocks[i].text
            credit_lines[i] = len(t) <= 120 and is_credit_line(t, house, standalone=True)
        return credit_lines[i]

    # How many lines with text stand before the first paragraph of prose (after the headline)
    # and after the last one.
    top_run = sum(1 for q in range(first_prose) if blocks[content[q]].kind != "headline" and blocks[content[q]].text)
    tail_run = sum(1 for q in range(last_prose + 1, len(content)) if blocks[content[q]].text)
    marks: dict[int, Mark] = {}
    edges: dict[int, Mark] = {}  # furniture by its place at the top or tail alone
    # A short line that opens on a dash right under a quotation signs it ("– Ann B., Leeds"):
    # a reader's review or a testimonial, the article's own.
    for p in range(1, len(content)):
        t = blocks[content[p]].text
        if (t and t.lstrip()[:1] in "–—-" and len(t.split()) <= 8
                and blocks[content[p - 1]].text.rstrip().endswith(("”", '"', "’", "'"))):
            structure.add(content[p])
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
        # Or one of a few such lines in Title Case, a tag's shape, where the lines that share words
        # with the article outnumber them by two to one.
        odd_one = len(middle) >= 3 and (strangers == [p] or (
            p in strangers and 2 * len(strangers) <= len(middle) - len(strangers) and furniture.title_case(t)
            and not furniture.clause_like(t, prepositions=False)))
        edge_run = 0
        # The first line of a draft with no headline block (Markdown without a title) is its title.
        first_line = not any(blocks[content[q]].text for q in range(p))
        if pos == "edge" and not first_line and not (p > 0 and blocks[content[p - 1]].text.rstrip().endswith(":")):
            edge_run = top_run if p < first_prose else tail_run
        verdict = furniture.score(t, pos, alone=alone, foreign=(p in strangers and (alone or odd_one)), script=script,
                                  long_piece=len(vocab) >= LONG_PIECE_VOCAB,
                                  edge_run=edge_run, unrelated=p in unrelated, top=p < first_prose, stranger=p in strangers)
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
                 if i not in marks and i not in structure and i not in lists and short_unpunctuated(blocks[i])
                 and not credit_line(i) and not furniture.SIGN_OFF_RE.match(blocks[i].text.strip())}
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


def _named(line: str) -> str:
    """What an empty-looking line holds, in words: "a no-break space and a space", or its markup
    quoted ("“&nbsp;”")."""
    import unicodedata

    if any(c.isprintable() and not c.isspace() for c in line):
        return f"markup, “{line.strip()}”"
    names = [unicodedata.name(c, f"U+{ord(c):04X}").lower() for c in dict.fromkeys(line)]
    names = ["a tab" if n == "character tabulation" else "a " + n for n in names]
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]
