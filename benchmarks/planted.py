"""Recall of the checkers on faults planted in published copy, and what else they report.

Takes published BBC articles (../shared/corpora/bbc-news-2005: the first line is the headline,
paragraphs are separated by blank lines), plants exactly one known fault in each, checks the
planted and the unplanted article with the default profile (copydesk.engine.check_document,
copydesk.config.Config(): British house style), and prints per category:

- recall: the share of planted faults found. A planted fault is found when a finding of one of
  the category's expected rules overlaps the planted span (a zero-width finding counts when it
  stands inside the span). The span is computed while planting, as offsets into the planted
  text; nothing is searched for afterwards.
- collateral: warning and error findings in the planted article that the unplanted article did
  not have, other than the planted fault's own (an expected rule over the planted span). A
  finding of the unplanted article is "the same" when it has the same rule and its span,
  carried through the planted edit, overlaps (or, zero-width, touches) the new one; a finding
  that starts or ends inside the planted edit is new. Reported as the articles with any
  collateral and their share of the planted articles.

Categories, how each fault is planted and which rules count. Articles are taken in a
shuffled order fixed by --seed, one fault an article; the kinds of a category take turns,
and an article that cannot take its turn's kind tries the category's other kinds, then is
skipped for the next article (so the kinds come out in equal numbers unless one is rare).
Furniture lines and credit shapes are read from the held-out pages at each run (about 2 s);
`--sites build` draws them from the build sites instead, for tuning without looking at the
held-out ones (quote only held-out figures).

furniture (layout.page-furniture, layout.teaser, layout.run-in-furniture)
    A line of page furniture drawn from the held-out sites of benchmarks/sites.py (the filter
    is documented in benchmarks/plant_sources.py: visible text outside the true body, one to
    five words, not a sentence, not a caption, not another article's headline), planted as a
    paragraph of its own: `between` two body paragraphs, at the `top` (after the headline,
    before the first paragraph) or at the `tail` (after the last paragraph). Kind `run-in`: a
    timestamp or byline line drawn the same way, glued with a space to the start of the first
    paragraph (a byline's name replaced by a made-up one). Span: the inserted line.
invisible (layout.whitespace-line)
    A line of invisible characters between two body paragraphs: as the blank line itself
    (`separator`: a no-break space where the empty line was) or as a paragraph of its own made
    of no-break spaces, zero-width characters, `&nbsp;` entities or a `<br>` tag. Span: the
    inserted characters.
broken-paragraph (layout.broken-paragraph)
    A body paragraph split into two paragraphs at a space inside a sentence: the word before
    ends in a letter or digit, the word after starts with a lower-case letter, and both sides
    keep at least three words of the sentence. Span: the word before the break, the break and
    the word after.
unclosed-quote (quotes.unclosed)
    In a body paragraph whose straight double marks pair up (an even number, none curly) and
    whose next paragraph does not open with a quotation mark (which would make it a
    quotation carried over paragraphs), the closing mark of the paragraph's last quotation
    (of three words or more) is removed. Span: the opening mark left open.
unopened-quote (quotes.unopened)
    In a body paragraph whose marks pair up and whose previous paragraph leaves no quotation
    open, the opening mark of the paragraph's first quotation (three words or more) is
    removed. Span: the closing mark left without an opening.
attribution (attribution.unattributed-quote)
    Kind `paragraph`: a body paragraph (not the first) that is one quotation and its
    attribution clause: `"…," he said.` / `"…," said Mr X.` / `"…," she told the BBC.` (a
    tail of at most 16 words with a reporting verb and no quotation mark), `Mr X said: "…"`
    (a lead of at most 12 words with a reporting verb, then a colon) or `"…," he said. "…"`
    (the clause between two parts of one quotation). Kind `sentence`: the same forms as one
    sentence inside a longer paragraph (this corpus often runs several paragraphs of the
    site together); the paragraph is split at the sentence boundaries around it, so that the
    quotation stands as a paragraph of its own. Either way the paragraph (or the sentences)
    before quotes no one and reports no speaker (no quotation mark, no reporting word) and
    what follows (the next sentence, or the next paragraph's first sentence) has no
    quotation mark and no reporting word. The clause is removed and the punctuation made
    sound (`"…," he said.` becomes `"…."`, the comma made a full stop; `"One," he said.
    "Two."` becomes `"One. Two."`). The quotation has six words or more. Kind `paragraph`
    is rare in this corpus, so `sentence` makes up nearly all of the category. Span: the
    quotation, from its opening to its closing mark.
honorific (style.honorific)
    A full stop added to an honorific in a body paragraph (Mr, Mrs, Ms, Dr followed by a
    capitalised word): Mr Smith becomes Mr. Smith. Span: the honorific and its full stop.
spelling (style.spelling)
    A lower-case British word in the middle of a sentence of a body paragraph (not after
    sentence punctuation, not joined to a hyphen or an apostrophe) replaced by its American
    form from copydesk/rules/american-british.tsv; pairs whose American form the house pack
    never flags (spelling.exclude), or which is itself a British spelling, are not used.
    Span: the American word.
credits (credits.format, credits.agency, credits.licence, credits.placement)
    A credit built from a shape drawn from the held-out sites' credit and caption elements
    (see benchmarks/plant_sources.py; the shapes and their sites are printed), its slots
    filled with made-up names and real agency names, planted `line` (a paragraph of its own
    after a body paragraph; shapes that come out in a house form are not used for this kind)
    or `glued` (appended with a space to the end of a body paragraph). Shapes with no cue
    word (photo, image, credit…) and a single slot, such as a bare name, are not credits out
    of context and are not used. Span: the credit.

    python benchmarks/planted.py                       # the table, 60 articles a category
    python benchmarks/planted.py --per-category 100 --seed 2
    python benchmarks/planted.py --category attribution --show 5   # 5 misses, 5 collateral
"""

from __future__ import annotations

import argparse
import os
import random
import re
import sys
import time
from collections import Counter, defaultdict
from dataclasses import dataclass, field

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))
sys.path.insert(0, HERE)

import plant_sources  # noqa: E402

from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.decoding import decode  # noqa: E402
from copydesk.engine import check_document  # noqa: E402
from copydesk.house import load_house  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")
COUNTED = ("warning", "error")

REPORTING = re.compile(
    r"\b(?:said|says|say|saying|told|tells|tell|added|adds|according|claimed|claims|argued|argues|explained|"
    r"explains|warned|warns|stated|states|insisted|insists|believes|believed|thinks|suggested|suggests|"
    r"admitted|admits|announced|announces|confirmed|confirms|denied|denies|noted|notes|commented|comments|"
    r"asked|asks|replied|replies|urged|urges|stressed|stresses|described|describes|spokes(?:wo)?man|"
    r"spokesperson|statement|interview|quoted|reported|reports|wrote|writes|predicted|predicts|"
    r"acknowledged|conceded|concedes|agreed|agrees|revealed|reveals|insist|believe|think|hopes|hoped)\b",
    re.I)
ATTR_TAIL_MAX_WORDS = 16
ATTR_LEAD_MAX_WORDS = 12

# Made-up people for the credit slots (no real photographer is meant).
FIRST = ["Maren", "Tobias", "Ines", "Callum", "Priya", "Oskar", "Delphine", "Rafe", "Ysolde", "Kwame", "Lotte",
         "Emrys", "Noor", "Fintan", "Sabela", "Joaquim"]
LAST = ["Haldane", "Quist", "Varga", "Okonkwo-Reyes", "Tremlow", "Baptiste", "Kerrigan", "Lindqvist", "Ashdown",
        "Moravec", "Pennick", "Salgado", "Vantongeren", "Illingworth", "Ferreira", "Dunmore"]
AGENCY_POOL = ["Getty Images", "AFP", "Reuters", "AP", "EPA", "PA Media", "Shutterstock", "Alamy", "Getty"]


@dataclass
class Article:
    path: str
    text: str
    paras: list[tuple[int, int]]  # blocks of non-blank lines; paras[0] is the headline

    @property
    def body(self) -> list[tuple[int, int]]:
        return self.paras[1:]


@dataclass
class Plant:
    kind: str
    a: int  # the edit: original[a:b] becomes repl
    b: int
    repl: str
    span: tuple[int, int]  # in the planted text
    text: str = ""

    def map_back(self, pos: int) -> int | None:
        """A planted-text offset carried back to the original text; None inside the edit."""
        if pos <= self.a:
            return pos
        if pos >= self.a + len(self.repl):
            return pos - len(self.repl) + (self.b - self.a)
        return None


def make_plant(art: Article, kind: str, a: int, b: int, repl: str, span_in_repl: tuple[int, int]) -> Plant:
    """A plant replacing art.text[a:b] with repl; span_in_repl is the fault's span inside repl
    (or, for a deletion, an absolute span in the planted text given as negative-free offsets)."""
    text = art.text[:a] + repl + art.text[b:]
    span = (a + span_in_repl[0], a + span_in_repl[1])
    return Plant(kind, a, b, repl, span, text)


def load_article(path: str) -> Article:
    with open(path, "rb") as fh:
        text = decode(fh.read()).text
    paras = [(m.start(), m.end()) for m in re.finditer(r"[^\n]+(?:\n[^\n]+)*", text) if text[m.start():m.end()].strip()]
    return Article(path, text, paras)


def overlaps(f_start: int, f_end: int, s: int, e: int) -> bool:
    if f_start == f_end:
        return s <= f_start <= e
    return f_start < e and f_end > s


def spans_meet(a0: int, a1: int, b0: int, b1: int) -> bool:
    """Two spans overlap; when one of them is zero-width, touching is enough."""
    if a0 == a1 or b0 == b1:
        return a0 <= b1 and b0 <= a1
    return a0 < b1 and b0 < a1


# --- planting -------------------------------------------------------------------------------

def plant_furniture(art, kind, rng, src):
    body = art.body
    if len(body) < 3:
        return None
    if kind == "run-in":
        if not src.run_in:
            return None
        line = rng.choice(src.run_in)[0]
        if plant_sources.is_byline(line):  # the cue is the page's, the name a made-up one
            line = line.split()[0] + " " + rng.choice(FIRST) + " " + rng.choice(LAST)
        start = body[0][0]
        first = art.text[start:body[0][1]]
        if not first[:1].isupper():
            return None
        return make_plant(art, kind, start, start, line + " ", (0, len(line)))
    line = rng.choice(src.furniture)[0]
    if kind == "top":
        at = body[0][0]
        return make_plant(art, kind, at, at, line + "\n\n", (0, len(line)))
    if kind == "tail":
        at = body[-1][1]
        return make_plant(art, kind, at, at, "\n\n" + line, (2, 2 + len(line)))
    i = rng.randrange(0, len(body) - 1)
    at = body[i][1]
    return make_plant(art, kind, at, at, "\n\n" + line, (2, 2 + len(line)))


INVISIBLE_LINES = {
    "separator": ["\u00a0", "\u00a0\u00a0", " \u00a0"],
    "nbsp": ["\u00a0\u00a0\u00a0", "\u00a0 \u00a0", "\u202f\u00a0"],
    "zero-width": ["\u200b", "\u200b\u200b", "\u2060", "\ufeff"],
    "entity": ["&nbsp;", "&nbsp;&nbsp;", "&#160;", "&nbsp; &nbsp;"],
    "br": ["<br>", "<br/>", "<br />", "<BR>"],
}


def plant_invisible(art, kind, rng, src):
    body = art.body
    if len(body) < 2:
        return None
    i = rng.randrange(0, len(body) - 1)
    x = rng.choice(INVISIBLE_LINES[kind])
    end, nxt = body[i][1], body[i + 1][0]
    if kind == "separator":
        return make_plant(art, kind, end, nxt, "\n" + x + "\n", (1, 1 + len(x)))
    return make_plant(art, kind, end, end, "\n\n" + x, (2, 2 + len(x)))


SENTENCE_END = re.compile(r"[.!?][\"')\]]*(?=\s|$)")


def plant_broken(art, kind, rng, src):
    candidates = []
    for ps, pe in art.body:
        para = art.text[ps:pe]
        if "\n" in para:
            continue
        # sentence boundaries inside the paragraph
        starts = [0] + [m.end() for m in SENTENCE_END.finditer(para)]
        for k, s0 in enumerate(starts):
            s1 = starts[k + 1] if k + 1 < len(starts) else len(para)
            sent = para[s0:s1]
            words = list(re.finditer(r"\S+", sent))
            for j in range(3, len(words) - 3):
                before, after = words[j - 1].group(), words[j].group()
                if before[-1].isalnum() and after[0].islower() and after[0].isalpha():
                    candidates.append((ps + s0 + words[j - 1].start(), ps + s0 + words[j - 1].end(),
                                       ps + s0 + words[j].start(), ps + s0 + words[j].end()))
    if not candidates:
        return None
    ws, we, ns, ne = rng.choice(candidates)
    if art.text[we:ns] != " ":
        return None
    # replace "before after" with "before\n\nafter": the span covers both words and the break
    repl = art.text[ws:we] + "\n\n" + art.text[ns:ne]
    return make_plant(art, kind, ws, ne, repl, (0, len(repl)))


def _quote_marks(para: str) -> list[int] | None:
    """Positions of the straight double marks of a paragraph when they pair up, else None."""
    if any(c in para for c in "“”«»„"):
        return None
    marks = [m.start() for m in re.finditer('"', para)]
    if not marks or len(marks) % 2:
        return None
    return marks


def _quoted_paragraphs(art, rng):
    """(index, start, paragraph, marks) for the body paragraphs whose straight double marks
    pair up, in a random order."""
    body = art.body
    order = list(range(len(body)))
    rng.shuffle(order)
    for i in order:
        ps, pe = body[i]
        para = art.text[ps:pe]
        marks = _quote_marks(para)
        if marks:
            yield i, ps, para, marks


def _paragraph_text(art, i):
    return art.text[art.body[i][0]:art.body[i][1]]


def plant_unclosed(art, kind, rng, src):
    for i, ps, para, marks in _quoted_paragraphs(art, rng):
        if i + 1 < len(art.body) and _paragraph_text(art, i + 1).lstrip()[:1] in "\"“'‘":
            continue
        o, c = marks[-2], marks[-1]
        if len(para[o + 1:c].split()) < 3:
            continue
        at = ps + c
        return make_plant(art, kind, at, at + 1, "", (ps + o - at, ps + o + 1 - at))
    return None


def plant_unopened(art, kind, rng, src):
    for i, ps, para, marks in _quoted_paragraphs(art, rng):
        if i > 0 and _paragraph_text(art, i - 1).count('"') % 2:
            continue
        o, c = marks[0], marks[1]
        if len(para[o + 1:c].split()) < 3:
            continue
        at = ps + o
        # after removing the opening mark the closing one moves one to the left
        return make_plant(art, kind, at, at + 1, "", (c - o - 1, c - o))
    return None


TAIL_FORM = re.compile(r'^"(?P<q>[^"]+?)(?P<p>[,.?!])"\s+(?P<tail>[^"]+?)\.$')
MID_FORM = re.compile(r'^"(?P<q>[^"]+?)(?P<p>[,.?!])"\s+(?P<tail>[^"]+?)(?P<sep>[,.:])\s+"(?P<q2>[^"]+)"$')
LEAD_FORM = re.compile(r'^(?P<lead>[^"]+?):\s+"(?P<q>[^"]+?)(?P<p>[.?!])"$')
LEAD_FORM_OUTSIDE = re.compile(r'^(?P<lead>[^"]+?):\s+"(?P<q>[^"]+?)"(?P<p>\.)$')


def _first_sentence(text: str) -> str:
    m = SENTENCE_END.search(text)
    return text[: m.end()] if m else text


def stripped_quotation(para: str) -> str | None:
    """The paragraph with its attribution clause removed, or None when it is not of a
    planted form (one quotation of six words or more and a short reporting clause)."""
    m = TAIL_FORM.match(para)
    mid = MID_FORM.match(para)
    if m and len(m.group("tail").split()) <= ATTR_TAIL_MAX_WORDS and REPORTING.search(m.group("tail")):
        q, p = m.group("q"), m.group("p")
    elif mid and len(mid.group("tail").split()) <= ATTR_TAIL_MAX_WORDS and REPORTING.search(mid.group("tail")):
        # "One," he said. "Two." -> "One. Two."   "One," he said, "two." -> "One, two."
        q1, q2 = mid.group("q"), mid.group("q2")
        if mid.group("sep") == "," and mid.group("p") == "," and q2[:1].islower():
            joined = q1 + ", " + q2
        elif mid.group("sep") in ".:" and q2[:1].isupper():
            joined = q1 + ("." if mid.group("p") == "," else mid.group("p")) + " " + q2
        else:
            return None
        if len(joined.split()) < 6 or joined.rstrip()[-1:] not in ".?!":
            return None
        return '"' + joined + '"'
    else:
        m = LEAD_FORM.match(para) or LEAD_FORM_OUTSIDE.match(para)
        if not (m and len(m.group("lead").split()) <= ATTR_LEAD_MAX_WORDS and REPORTING.search(m.group("lead"))):
            return None
        q, p = m.group("q"), m.group("p")
    if len(q.split()) < 6 or q.rstrip()[-1:] in ",;:":
        return None
    return '"' + q + ("." if p == "," else p) + '"'


def _narrative(text: str) -> bool:
    """Quotes no one and reports no speaker."""
    return '"' not in text and not REPORTING.search(text)


def _sentences(para: str) -> list[tuple[int, int]]:
    out, at = [], 0
    for m in SENTENCE_END.finditer(para):
        out.append((at, m.end()))
        at = m.end()
        while at < len(para) and para[at] == " ":
            at += 1
    if at < len(para):
        out.append((at, len(para)))
    return out


def plant_attribution(art, kind, rng, src):
    body = art.body
    order = list(range(1, len(body)))
    rng.shuffle(order)
    for i in order:
        ps, pe = body[i]
        para = art.text[ps:pe]
        if "\n" in para:
            continue
        nxt_first = _first_sentence(art.text[body[i + 1][0]:body[i + 1][1]]) if i + 1 < len(body) else ""
        if kind == "paragraph":
            new = stripped_quotation(para)
            if new is None or not _narrative(art.text[body[i - 1][0]:body[i - 1][1]]) or not _narrative(nxt_first):
                continue
            return make_plant(art, kind, ps, pe, new, (0, len(new)))
        # kind "sentence": a sentence of the paragraph that is a quotation and its clause is
        # lifted into a paragraph of its own (the paragraph is split at the sentence
        # boundaries around it) and stripped of its clause.
        sents = _sentences(para)
        ks = list(range(len(sents)))
        rng.shuffle(ks)
        for k in ks:
            a, z = sents[k]
            new = stripped_quotation(para[a:z])
            if new is None:
                continue
            before = para[sents[0][0]:sents[k - 1][1]] if k else art.text[body[i - 1][0]:body[i - 1][1]]
            after = para[sents[k + 1][0]:sents[k + 1][1]] if k + 1 < len(sents) else nxt_first
            if not _narrative(before) or not _narrative(after):
                continue
            lo = ps + (sents[k - 1][1] if k else a)
            hi = ps + (sents[k + 1][0] if k + 1 < len(sents) else z)
            lead = "\n\n" if k else ""
            trail = "\n\n" if k + 1 < len(sents) else ""
            return make_plant(art, kind, lo, hi, lead + new + trail, (len(lead), len(lead) + len(new)))
    return None


HONORIFIC = re.compile(r"\b(?:Mr|Mrs|Ms|Dr)(?= [A-Z])")


def plant_honorific(art, kind, rng, src):
    hits = [m for ps, pe in art.body for m in HONORIFIC.finditer(art.text, ps, pe)]
    if not hits:
        return None
    m = rng.choice(hits)
    return make_plant(art, kind, m.start(), m.end(), m.group() + ".", (0, len(m.group()) + 1))


def spelling_table() -> dict[str, str]:
    """British word -> American word, for the pairs the house pack would flag."""
    house = load_house("british")
    exclude = {w.lower() for w in house.section("spelling").get("exclude", [])}
    pairs = house.spelling_pairs  # american -> british
    british = set(pairs.values())
    out: dict[str, str] = {}
    for us, gb in sorted(pairs.items()):
        if us == gb or us in exclude or us in british or not us.isalpha() or not gb.isalpha():
            continue
        out.setdefault(gb, us)
    return out


WORD = re.compile(r"[A-Za-z]+")


def plant_spelling(art, kind, rng, src):
    table = src.spelling
    hits = []
    for ps, pe in art.body:
        for m in WORD.finditer(art.text, ps, pe):
            w = m.group()
            if w not in table or m.start() == ps:
                continue
            before = art.text[max(ps, m.start() - 3):m.start()]
            after = art.text[m.end():m.end() + 1]
            if not before.endswith(" ") or re.search(r"[.!?:;\"]\s*$", before) or after in ("-", "'", "’") \
                    or before.endswith(("-", "'")):
                continue
            hits.append(m)
    if not hits:
        return None
    m = rng.choice(hits)
    us = table[m.group()]
    return make_plant(art, kind, m.start(), m.end(), us, (0, len(us)))


def usable_shape(shape) -> bool:
    literal = "".join(p for p in shape.parts if isinstance(p, str)).lower()
    slots = [p for p in shape.parts if isinstance(p, tuple)]
    has_cue = any(w in plant_sources.CUE_WORDS for w in re.findall(r"[a-z]+", literal)) or "©" in literal
    paren_agency = literal.strip() == "()" and slots[0][0] == "agency"
    return has_cue or len(slots) >= 2 or paren_agency


def fill_shape(shape, rng) -> str:
    """The shape with its slots filled; no name or agency twice in one credit."""
    out, used = [], set()
    for p in shape.parts:
        if isinstance(p, str):
            out.append(p)
            continue
        kind, style = p
        while True:
            if kind == "agency":
                v = rng.choice(AGENCY_POOL)
            else:
                v = rng.choice(FIRST) + " " + rng.choice(LAST)
            if v.split()[0] not in used:
                break
        used.add(v.split()[0])
        if style == "upper":
            v = v.upper()
        elif style == "lower":
            v = v.lower().replace(" ", "")
        elif style == "handle":
            v = "@" + v.replace(" ", "")
        out.append(v)
    return "".join(out).strip()


def house_form_res():
    sec = load_house("british").section("credits")
    forms = [sec.get("format", "Photograph: {author}/{source}"), *sec.get("alternatives", [])]
    out = []
    for f in forms:
        rx = re.escape(f).replace(r"\{author\}", "(.+?)").replace(r"\{source\}", "(.+?)")
        out.append(re.compile("^" + rx + r"\.?$"))
    return out


def plant_credit(art, kind, rng, src):
    body = art.body
    if len(body) < 2:
        return None
    for _ in range(20):
        shape = rng.choice(src.shapes)
        credit = fill_shape(shape, rng)
        if kind == "line" and any(r.match(credit) for r in src.house_forms):
            continue
        break
    else:
        return None
    i = rng.randrange(0, len(body) - 1)
    at = body[i][1]
    if kind == "line":
        return make_plant(art, kind, at, at, "\n\n" + credit, (2, 2 + len(credit)))
    para = art.text[body[i][0]:at]
    if not para.rstrip().endswith((".", '"', "?", "!")):
        return None
    return make_plant(art, kind, at, at, " " + credit, (1, 1 + len(credit)))


CATEGORIES = {
    "furniture": (plant_furniture, ("between", "top", "tail", "run-in"),
                  {"layout.page-furniture", "layout.teaser", "layout.run-in-furniture"}),
    "invisible": (plant_invisible, ("separator", "nbsp", "zero-width", "entity", "br"), {"layout.whitespace-line"}),
    "broken-paragraph": (plant_broken, ("mid-sentence",), {"layout.broken-paragraph"}),
    "unclosed-quote": (plant_unclosed, ("closing-removed",), {"quotes.unclosed"}),
    "unopened-quote": (plant_unopened, ("opening-removed",), {"quotes.unopened"}),
    "attribution": (plant_attribution, ("paragraph", "sentence"), {"attribution.unattributed-quote"}),
    "honorific": (plant_honorific, ("full-stop",), {"style.honorific"}),
    "spelling": (plant_spelling, ("american",), {"style.spelling"}),
    "credits": (plant_credit, ("line", "glued"),
                {"credits.format", "credits.agency", "credits.licence", "credits.placement"}),
}


# --- judging --------------------------------------------------------------------------------

@dataclass
class Outcome:
    category: str
    kind: str
    art: Article
    plant: Plant
    found: bool
    own: list = field(default_factory=list)
    collateral: list = field(default_factory=list)
    near: list = field(default_factory=list)  # findings near the span, for a miss


def judge(category, art, plant, expected, cfg, original_findings) -> Outcome:
    doc = Document(plant.text, os.path.basename(art.path), "text")
    findings = check_document(doc, cfg)
    s, e = plant.span
    own = [f for f in findings if f.rule in expected and overlaps(f.start, f.end, s, e)]
    collateral = []
    for f in findings:
        if f.severity not in COUNTED or f in own:
            continue
        ms, me = plant.map_back(f.start), plant.map_back(f.end)
        if ms is not None and me is not None and any(
                g.rule == f.rule and spans_meet(g.start, g.end, ms, me) for g in original_findings):
            continue
        collateral.append(f)
    near = [f for f in findings if overlaps(f.start, f.end, s - 200, e + 200)] if not own else []
    return Outcome(category, plant.kind, art, plant, bool(own), own, collateral, near)


def context(text: str, s: int, e: int, width: int = 70) -> str:
    lo, hi = max(0, s - width), min(len(text), e + width)
    return repr(text[lo:s] + "⟦" + text[s:e] + "⟧" + text[e:hi])


def main() -> None:
    ap = argparse.ArgumentParser(description="Recall on planted faults, per category, and collateral findings.")
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--per-category", type=int, default=60, help="articles planted per category (default 60)")
    ap.add_argument("--category", default="", help="only this category: " + ", ".join(CATEGORIES))
    ap.add_argument("--show", type=int, default=0, help="print this many misses and collateral findings a category")
    ap.add_argument("--sites", choices=("build", "held-out"), default="held-out",
                    help="which side of sites.py the furniture lines and credit shapes are drawn from: held-out "
                         "(default) measures sites nothing was tuned on; build is for tuning")
    args = ap.parse_args()
    if args.category and args.category not in CATEGORIES:
        ap.error(f"unknown category {args.category!r}; one of {', '.join(CATEGORIES)}")
    t0 = time.perf_counter()
    src = plant_sources.load(args.sites)
    src.shapes = [s for s in src.shapes if usable_shape(s)]
    src.spelling = spelling_table()
    src.house_forms = house_form_res()
    files = sorted(os.path.join(dp, f) for dp, _dn, fs in os.walk(args.corpus) for f in fs
                   if f.endswith(".txt") and f != "README.TXT")
    cfg = Config()
    original_cache: dict[str, list] = {}
    outcomes: dict[str, list[Outcome]] = defaultdict(list)
    cats = [args.category] if args.category else list(CATEGORIES)
    for cat in cats:
        fn, kinds, expected = CATEGORIES[cat]
        rng = random.Random(f"{args.seed}:{cat}")
        order = files[:]
        rng.shuffle(order)
        n = 0
        for path in order:
            if n >= args.per_category:
                break
            art = load_article(path)
            # the kinds take turns; when this article cannot take its turn's kind, the others are tried
            turn = n % len(kinds)
            for kind in kinds[turn:] + kinds[:turn]:
                plant = fn(art, kind, rng, src)
                if plant is not None:
                    break
            if plant is None:
                continue
            if path not in original_cache:
                original_cache[path] = [f for f in check_document(Document(art.text, os.path.basename(path), "text"), cfg)]
            outcomes[cat].append(judge(cat, art, plant, expected, cfg, original_cache[path]))
            n += 1
        if n < args.per_category:
            print(f"note: {cat}: only {n} of {len(files)} articles could take this fault", file=sys.stderr)
    elapsed = time.perf_counter() - t0

    print(f"furniture lines: {len(src.furniture)} drawn from {src.furniture_sites} of {src.sites_read} {args.sites} sites "
          f"({len(src.run_in)} of them bylines or timestamps, for run-in)")
    print(f"credit shapes: {len(src.shapes)} used, from {src.credit_texts} credit texts on {args.sites} sites:")
    for s in src.shapes:
        print(f"    {s.describe():48s} {', '.join(sorted(s.example_sites))}")
    print()
    print(f"{'category':28s} {'planted':>7s} {'found':>6s} {'recall':>7s} {'w/ collateral':>14s} {'collateral share':>17s}")
    tot = Counter()
    for cat in cats:
        outs = outcomes[cat]
        kinds = CATEGORIES[cat][1]
        rows = [(cat, outs)] + ([("  " + k, [o for o in outs if o.kind == k]) for k in kinds] if len(kinds) > 1 else [])
        for name, os_ in rows:
            planted = len(os_)
            found = sum(o.found for o in os_)
            coll = sum(bool(o.collateral) for o in os_)
            print(f"{name:28s} {planted:7d} {found:6d} {found / max(1, planted):7.2f} {coll:14d} {coll / max(1, planted):17.2f}")
        tot["planted"] += len(outs)
        tot["found"] += sum(o.found for o in outs)
        tot["coll"] += sum(bool(o.collateral) for o in outs)
    print(f"{'all':28s} {tot['planted']:7d} {tot['found']:6d} {tot['found'] / max(1, tot['planted']):7.2f} "
          f"{tot['coll']:14d} {tot['coll'] / max(1, tot['planted']):17.2f}")
    print(f"{tot['planted']} articles planted and checked twice in {elapsed:.1f} s (seed {args.seed})")
    coll_rules = Counter(f.rule for outs in outcomes.values() for o in outs for f in o.collateral)
    if coll_rules:
        print("collateral findings by rule: " + ", ".join(f"{r} {n}" for r, n in coll_rules.most_common()))

    if args.show:
        for cat in cats:
            misses = [o for o in outcomes[cat] if not o.found][: args.show]
            colls = [o for o in outcomes[cat] if o.collateral][: args.show]
            if misses:
                print(f"\n== {cat}: misses ==")
            for o in misses:
                rel = os.path.relpath(o.art.path, args.corpus)
                print(f"\n{rel} [{o.kind}] {context(o.plant.text, *o.plant.span)}")
                for f in o.near:
                    print(f"    nearby: {f.rule} {f.severity} {f.start}-{f.end} {f.message}")
            if colls:
                print(f"\n== {cat}: collateral ==")
            for o in colls:
                rel = os.path.relpath(o.art.path, args.corpus)
                print(f"\n{rel} [{o.kind}] planted {context(o.plant.text, *o.plant.span, width=30)}")
                for f in o.collateral:
                    print(f"    {f.rule} {f.severity} {f.line}:{f.column}: {f.message}\n        "
                          f"{context(o.plant.text, f.start, f.end, width=50)}")


if __name__ == "__main__":
    main()
