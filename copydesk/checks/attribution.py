"""attribution: every direct quotation of more than a few words has a named or described source
in the same sentence, the sentence before or the sentence after."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from functools import lru_cache

from ..checker import Checker, Context, Rule, examples
from ..document import Block, Document
from ..house import load_data_pack
from ..patterns import alternation, finditer_windowed
from ..yamlio import line_of
from ..quoting import DOUBLE, SINGLE

SENTENCE_END_RE = re.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
SMALL_WORDS = frozenset("a an and the of in on at to for by with or nor but from as vs".split())


@lru_cache(maxsize=4)
def _patterns(extra: tuple[str, ...] = ()):
    pack = load_data_pack("attribution.yaml", {"reporting": list, "anonymous": list, "loaded": list})
    words = sorted({*pack["reporting"], *extra}, key=len, reverse=True)
    reporting = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in words) + r")(?![\w-])", re.I)
    # User-written patterns run on RE2; word boundaries are checked around each match.
    anonymous = alternation(pack["anonymous"], PACK, line_of(pack, "anonymous"), "anonymous")
    loaded = re.compile(r"(?<![\w-])(?:" + "|".join(re.escape(w) for w in pack["loaded"]) + r")(?![\w-])", re.I)
    return reporting, anonymous, loaded


PACK = "copydesk/rules/attribution.yaml"


def _bounded(text: str, start: int, end: int) -> bool:
    """The match stands as whole words."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not (before.isalnum() or before in "-_") and not (after.isalnum() or after in "-_")


def _is_title(inner: str) -> bool:
    words = re.findall(r"[^\W_][\w'’-]*", inner)
    if not words or inner.rstrip().endswith((".", "!", "?", ",")):
        return False
    return all(w[0].isupper() or w.lower() in SMALL_WORDS or w[0].isdigit() for w in words)


class _Para:
    """A paragraph's sentences, split outside quotations, and its text with quotations blanked."""

    def __init__(self, b: Block, outer: str):
        t = b.text
        self.block = b
        self.spans: list[tuple[int, int]] = []  # outermost quotations, [start, end)
        for q in b.quotes.quotes:
            if q.depth != 0 or q.open is None:
                continue
            end = q.close.index + 1 if q.close is not None else len(t)
            self.spans.append((q.open.index, end))
        chars = list(t)
        for a, z in self.spans:
            for i in range(a, z):
                chars[i] = " " if not chars[i].isspace() else chars[i]
        self.outside = "".join(chars)  # the text with every quotation blanked out
        bounds = [0]
        for m in SENTENCE_END_RE.finditer(self.outside):
            bounds.append(m.end())
        bounds.append(len(t))
        self.sentences = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]
        self.starts = [a for a, _z in self.sentences]
        self.speaks: list[bool] = []
        self.attributed = False  # one of its quotations has a speaker
        self.names: frozenset[str] = frozenset()  # the article's speakers
        quotes = b.quotes.quotes
        self.open_at_end = any(q.close is None and q.depth == 0 and q.open is not None for q in quotes)
        self.opens_with_quote = bool(quotes) and quotes[0].open is not None and not t[: quotes[0].open.index].strip()

    def sentence_of(self, i: int) -> int:
        return max(0, min(bisect_right(self.starts, i) - 1, len(self.sentences) - 1))

    def outside_text(self, k: int) -> str:
        a, z = self.sentences[k]
        return self.outside[a:z]


class AttributionChecker(Checker):
    id = "attribution"
    description = "Quotations and claims with a named or described source."
    rules = (
        Rule(
            "attribution.unattributed-quote",
            "error",
            "A direct quotation of more than a few words with nobody saying it.",
            "Readers must know who is speaking. A quotation needs a speaker and a reporting verb "
            "(said, told, according to…) in its sentence, the sentence before or the one after, "
            "or it must continue the speaker of the paragraph before.",
            good=examples(
                "Jobs to go\n\n“We will not give up the fight for these jobs,” the union leader said.\n",
                "Vote passes\n\nThe minister spoke after the vote.\n\n“This is a good day for the country and its people.”\n",
            ),
            bad=examples("Vote passes\n\nThe vote was close.\n\nIt passed on Monday.\n\n“We will not give up the fight for these jobs.”\n"),
        ),
        Rule(
            "attribution.anonymous-source",
            "info",
            "A claim sourced to someone unnamed (\"sources said\", \"a source close to\").",
            "Anonymous sourcing is sometimes necessary but must be a deliberate choice; an editor "
            "should see every instance.",
            good=examples("Talks fail\n\nThe minister said the talks had failed.\n"),
            bad=examples("Talks fail\n\nSources close to the minister said the talks had failed.\n"),
        ),
        Rule(
            "attribution.loaded-verb",
            "info",
            "A reporting verb that judges the speaker (claimed, admitted, insisted, quipped).",
            "“Said” is neutral. Verbs such as claimed, admitted or insisted tell the reader what to "
            "think of the words; use them only when that is the story.",
            good=examples("Firm denies fault\n\n“We did nothing wrong,” the chairman said.\n"),
            bad=examples("Firm denies fault\n\n“We did nothing wrong,” the chairman claimed.\n"),
        ),
    )

    options = {"min_words": int, "reporting": list}

    def check(self, doc: Document, ctx: Context):
        min_words = int(ctx.options.get("min_words", 4))
        reporting, anonymous, loaded = _patterns(tuple(ctx.options.get("reporting", ())))
        outer = DOUBLE if ctx.house.section("quotes").get("outer", "double") == "double" else SINGLE
        findings = []
        # Runs of body paragraphs between headings; in each, the paragraphs of one quotation
        # that goes on over several paragraphs share a chain number.
        # (ctx.read: page furniture between paragraphs left out, broken paragraphs read as one.)
        runs: list[list[_Para]] = [[]]
        for b in ctx.read(doc).blocks:
            if b.is_body and b.text:
                runs[-1].append(_Para(b, outer))
            elif b.text and b.kind in ("heading", "headline"):
                runs.append([])
        for run in runs:
            for p in run:
                p.speaks = [bool(reporting.search(p.outside_text(j))) or bool(DASH_SPEAKER_RE.match(p.outside_text(j)))
                            for j in range(len(p.sentences))]
            chain = list(range(len(run)))
            for i in range(1, len(run)):
                if run[i - 1].open_at_end and run[i].opens_with_quote:
                    chain[i] = chain[i - 1]
            chain_speaks: dict[int, bool] = {}
            for i, p in enumerate(run):
                chain_speaks[chain[i]] = chain_speaks.get(chain[i], False) or any(p.speaks)
            speakers = _speakers(run)
            chain_size = Counter(chain)
            for i, p in enumerate(run):
                p.names = speakers
                after = run[i + 1] if i + 1 < len(run) else None
                findings += self._paragraph(ctx, p, run[max(0, i - 2) : i], after,
                                            chain_speaks[chain[i]] and chain_size[chain[i]] > 1, min_words, loaded)
                for ms, me, m in finditer_windowed(anonymous, p.outside):
                    if not _bounded(p.outside, ms, me):
                        continue
                    s, e = p.block.prose.source_span(ms, me)
                    findings.append(ctx.finding("attribution.anonymous-source", s, e,
                                                f"“{m.group(0)}”: the source is unnamed; make sure that is deliberate and explained."))
        return findings

    def _paragraph(self, ctx, p: "_Para", before: "list[_Para]", after: "_Para | None", chain_ok: bool, min_words: int, loaded):
        b, t = p.block, p.block.text
        n = len(p.sentences)
        out = []
        # The speaker of the paragraph just before (or of the one before that, across a
        # paragraph of narrative) goes on speaking.
        prev_speaks = any(any(q.speaks) or q.attributed for q in before)
        by_start = {q.open.index: q for q in b.quotes.quotes if q.depth == 0 and q.open is not None}
        spoke_before = []  # spoke_before[k]: a sentence before sentence k has a speaker
        seen = False
        for flag in p.speaks:
            spoke_before.append(seen)
            seen = seen or flag
        reported_end = None
        for a, z in p.spans:
            q = by_start[a]
            k = p.sentence_of(a)
            said = next((j for j in (k, k + 1, k - 1) if 0 <= j < n and p.speaks[j]), None)
            named = next((j for j in (k - 1, k + 1) if 0 <= j < n and _names_speaker(p.outside_text(j), p.names)), None)
            ok = (
                said is not None
                or named is not None  # a speaker quoted elsewhere in the article is named beside it
                or _colon_before(p.outside, a)  # a colon introduction
                or (k < len(spoke_before) and spoke_before[k])  # the speaker named earlier in the paragraph goes on
                or (k == 0 and prev_speaks)  # the speaker of the paragraph before goes on
                or (k == n - 1 and after is not None and bool(after.speaks) and after.speaks[0])  # the sentence after
                or chain_ok  # one of the paragraphs of a multi-paragraph quotation names the speaker
            )
            if ok:
                p.attributed = True
                if said is not None:
                    sa = p.sentences[said][0]
                    for m in loaded.finditer(p.outside_text(said)):
                        s, e = b.prose.source_span(sa + m.start(), sa + m.end())
                        out.append(ctx.finding("attribution.loaded-verb", s, e,
                                               f"“{m.group(0)}” judges the speaker; “said” is neutral."))
                continue
            inner = t[a + 1 : (z - 1 if q.close is not None else z)].strip()
            words = len(inner.split())
            if words < min_words or _is_title(inner) or _is_partial(p, a, inner):
                continue
            if reported_end is not None and not t[reported_end:a].strip():
                reported_end = z
                continue  # runs straight on from a quotation already reported: one speaker, one finding
            reported_end = z
            s, e = b.prose.source_span(a, z)
            out.append(ctx.finding("attribution.unattributed-quote", s, e,
                                   f"This quotation ({words} words) has no speaker: say who said it."))
        return out


NAME_RE = re.compile(r"(?<![\w'’-])[A-Z][a-z]+(?:[-'’][A-Z]?[a-z]+)*")


def _speakers(run: "list[_Para]") -> frozenset[str]:
    """Names that stand, mid-sentence, in a sentence with a reporting verb: the article's speakers."""
    names = set()
    for p in run:
        for j, (a, _z) in enumerate(p.sentences):
            if p.speaks[j]:
                text = p.outside_text(j)
                for m in NAME_RE.finditer(text):
                    if m.start() > 0 and text[: m.start()].strip():
                        names.add(m.group(0))
    return frozenset(names)


def _names_speaker(text: str, names: frozenset[str]) -> bool:
    return any(m.group(0) in names for m in NAME_RE.finditer(text))


DASH_SPEAKER_RE = re.compile(r"\s*[-–—]\s*[A-Z]")


def _colon_before(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j >= 0 and text[j] == ":"


def _is_partial(p: _Para, a: int, inner: str) -> bool:
    """A fragment quoted inside the writer's own sentence ("warned the “stakes are too high”"),
    attributed by the sentence itself, not direct speech that needs a reporting verb."""
    if not inner[:1].isupper():
        return True
    k = p.sentence_of(a)
    before = p.outside[p.sentences[k][0] : a].rstrip()
    return bool(before) and before[-1].isalnum()
