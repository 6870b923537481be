"""quotes: quotation marks that open and close, per paragraph, with the newsroom convention for
a quotation that runs over several paragraphs (each opens, only the last closes)."""

from __future__ import annotations

from ..checker import Checker, Context, rules_from
from ..blocks import Block
from ..document import Document
from ..quoting import CURLY, DOUBLE, SINGLE, Quote, is_curly
from .credits import is_credit_line

NAMES = {DOUBLE: "double", SINGLE: "single"}


def _starts_with_open(b: Block, kind: str) -> bool:
    qs = b.quotes.quotes
    if not qs or qs[0].open is None or qs[0].open.kind != kind:
        return False
    return b.text[: qs[0].open.index].strip() == ""


# Short words a title leaves in lower case: A Question of Sport, Men Behaving Badly.
MINOR = frozenset("a an and as at but by for from in into nor of on or over the to up with v vs".split())


def _title_case(speech: str) -> bool:
    """Every word but the short ones starts with a capital: a title or a name ('A Question of
    Sport.', 'New Zealand Native Team,'), not a sentence of speech."""
    words = [w.strip(".,!?…;:()") for w in speech.split()]
    words = [w for w in words if w and w[0].isalpha()]
    return bool(words) and all(w[0].isupper() for w in words if w.lower() not in MINOR)


def _reopenings(t: str, q: Quote, quotes: list[Quote]) -> list[Quote]:
    """Quotations of q's kind opened inside q, never closed q, right after a sentence ends and
    starting with a capital or a figure: `"We won. "It was hard."` is two paragraphs of one
    quotation whose paragraph break has been lost, not a quotation inside a quotation."""
    found = []
    closes: set[int] | None = None  # where a quotation closes
    for o in quotes:
        if o is q or o.open is None or o.open.kind != q.open.kind or o.depth != q.depth + 1:  # type: ignore[union-attr]
            continue
        i = o.open.index
        if i <= q.open.index:  # type: ignore[union-attr]
            continue
        # The text between q's mark and this one, read back from this one (never copied: a
        # paragraph of many such marks must not cost the square of its length).
        lo = q.open.index + 1  # type: ignore[union-attr]
        k = i - 1
        while k >= lo and t[k].isspace():
            k -= 1
        if k == i - 1 or k < lo:
            break  # no space before the mark
        # k: the character before the space
        if closes is None:
            closes = {x.close.index for x in quotes if x.close is not None and x.open is not None}
        if t[k] in "'’" and k not in closes:
            break  # a single mark that closes nothing: a wrong closing mark, not a lost break
        e = k
        while e >= lo and t[e] in "\"'”’)":
            e -= 1
        first = t[i + 1 : i + 2]
        if not (e >= lo and t[e] in ".!?…" and first.isalnum() and first.upper() == first):
            break  # the first one inside is a quotation within the quotation: q is simply unclosed
        found.append(o)
    return found


def _nested(t: str, q: Quote, parent: Quote | None) -> bool:
    """q, with the outer kind of mark, is a quotation inside the quotation parent. The quotation
    around must close after it: when it is never closed, the next quotations only look nested,
    and the fault is the one unclosed mark (reported as such). Straight marks are ambiguous
    besides, so each inner one must stand as marks do: the opening one after a space, before a
    word; the closing one after a word or punctuation, before a space or punctuation."""
    if parent is None or parent.close is None or parent.open is None or parent.open.kind != q.open.kind:  # type: ignore[union-attr]
        return False
    if is_curly(q.open.char) and is_curly(q.close.char):  # type: ignore[union-attr]
        return True
    i, j = q.open.index, q.close.index  # type: ignore[union-attr]
    before, after_open = t[i - 1 : i], t[i + 1 : i + 2]
    before_close, after = t[j - 1 : j], t[j + 1 : j + 2]
    return (before.isspace() and after_open.isalnum()
            and (before_close.isalnum() or before_close in ".,!?…") and (after == "" or after.isspace() or after in ".,;:!?…)—–-"))


class QuotesChecker(Checker):
    id = "quotes"
    description = "Quotation marks that are opened and closed correctly, and house nesting."
    rules = rules_from("quotes")  # copydesk/checks/quotes.yaml

    def check(self, doc: Document, ctx: Context):
        outer = ctx.house.section("quotes").get("outer", "double")
        inner = SINGLE if outer == DOUBLE else DOUBLE
        findings = []
        blocks = [b for b in ctx.read(doc).blocks if b.text and b.kind not in ("front_matter", "code")]
        # marks of each style: how many, and the block and prose index of the first
        curly: list = [0, None]
        straight: list = [0, None]
        for pos, b in enumerate(blocks):
            sc = b.quotes
            t = b.text
            nxt = blocks[pos + 1] if pos + 1 < len(blocks) else None
            if sc.unclosed and nxt is not None and is_credit_line(nxt.text, ctx.house):
                # a picture's credit line between two paragraphs of one quotation does not end it
                nxt = blocks[pos + 2] if pos + 2 < len(blocks) else None
            for q in sc.quotes:
                for mark in (q.open, q.close):
                    if mark is not None:
                        style = curly if mark.char in CURLY else straight
                        style[0] += 1
                        if style[1] is None:
                            style[1] = (b, mark.index)
            for i in sc.apostrophes:
                style = curly if t[i] in CURLY else straight
                style[0] += 1
                if style[1] is None:
                    style[1] = (b, i)
            for q in sc.unopened:
                if q.close.char == "'":
                    continue  # a straight single mark is as likely an apostrophe: too uncertain
                s, e = b.prose.source_span(q.close.index, q.close.index + 1)
                findings.append(ctx.finding("quotes.unopened", s, e,
                                            f"This closing {NAMES[q.close.kind]} quotation mark was never opened."))
            open_kinds: set[str] = set()
            for q in sc.unclosed:
                if q.open is None or q.open.char == "'":
                    # A straight single mark left open is as likely an elision ('bot nets,
                    # 'orrible) as a quotation: too uncertain to report.
                    continue
                if q.open.kind in open_kinds:
                    continue  # a mark of the same kind is already open: one fault, reported once
                open_kinds.add(q.open.kind)
                continues = (
                    q.depth == 0
                    and b.is_body
                    and nxt is not None
                    and nxt.is_body
                    and _starts_with_open(nxt, q.open.kind)
                    and all(o is q or o.close is not None or o.depth > 0 for o in sc.unclosed if o.open is not None)
                )
                if continues:
                    continue
                again = _reopenings(t, q, sc.quotes) if q.depth == 0 and q.open.kind == DOUBLE else []
                if again:
                    # The paragraph break before the next paragraph of the quotation was lost:
                    # reported where the break belongs.
                    o = again[0]
                    s, e = b.prose.source_span(o.open.index, o.open.index + 1)  # type: ignore[union-attr]
                    more = f" ({len(again)} times in this paragraph)" if len(again) > 1 else ""
                    findings.append(ctx.finding(
                        "quotes.unclosed", s, e,
                        f"A quotation opens here while the one before is still open{more}: a paragraph break has been lost; "
                        "start a new paragraph at this mark (a quotation over several paragraphs opens each and closes only the last)."))
                    continue
                s, e = b.prose.source_span(q.open.index, q.open.index + 1)
                if q.depth == 0 and b.is_body and nxt is not None and not _starts_with_open(nxt, q.open.kind):
                    why = " (a quotation that goes on into the next paragraph must open that paragraph with the same mark)"
                else:
                    why = ""
                findings.append(ctx.finding("quotes.unclosed", s, e,
                                            f"This {NAMES[q.open.kind]} quotation mark is never closed{why}."))
            if b.is_body:
                parents: list[Quote] = []  # parents[d]: the quotation open at depth d
                for q in sc.quotes:
                    if q.open is None:
                        continue
                    del parents[q.depth:]
                    parent = parents[-1] if parents else None
                    parents.append(q)
                    if q.depth == 0 and q.open.kind == inner and q.close is not None:
                        speech = t[q.open.index + 1 : q.close.index].rstrip()
                        # Direct speech: four words or more, ending as a sentence or clause
                        # ends; a title or term in single marks ('No More Mr Nasty') is not.
                        if (len(speech.split()) >= 4 and speech[-1:] in ".,!?…" and speech[:1].isupper()
                                and not _title_case(speech)):
                            s, e = b.prose.source_span(q.open.index, q.open.index + 1)
                            findings.append(ctx.finding("quotes.nesting", s, e,
                                                        f"Direct speech opens with {NAMES[outer]} quotation marks in house style; {NAMES[inner]} marks go inside them."))
                    elif q.depth > 0 and q.open.kind == outer and q.close is not None and _nested(t, q, parent):
                        s, e = b.prose.source_span(q.open.index, q.close.index + 1)
                        marks = ("\u2018", "\u2019") if inner == SINGLE else ("\u201c", "\u201d")
                        if not is_curly(q.open.char):
                            marks = ("'", "'") if inner == SINGLE else ('"', '"')
                        suggestion = marks[0] + t[q.open.index + 1 : q.close.index] + marks[1]
                        findings.append(ctx.finding("quotes.nesting", s, e,
                                                    f"A quotation inside a quotation takes {NAMES[inner]} marks in house style; "
                                                    f"change these {NAMES[outer]} marks to {NAMES[inner]} ones.", [suggestion]))
        if curly[0] and straight[0]:
            minority = straight if straight[0] <= curly[0] else curly
            majority_name = "curly" if minority is straight else "straight"
            first, i = minority[1]
            s, e = first.prose.source_span(i, i + 1)
            findings.append(ctx.finding("quotes.mixed-style", s, e,
                                        f"This article mostly uses {majority_name} quotation marks and apostrophes; this one is {'straight' if minority is straight else 'curly'} ({minority[0]} like it)."))
        return findings
