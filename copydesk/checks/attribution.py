"""attribution: every direct quotation of more than a few words has a speaker the reader can
tell, followed through the article as a sub-editor would follow it.

The checker keeps track of who is speaking. A reporting sentence (`Analysts said…`, `“…,” said
Mr Dein`, `according to the club`) names a speaker, and the speaker is classed as one person,
an organisation, a group or outside commentators, so that a quotation in the first person can be
matched to it: “I” needs one person, “we” a person, an organisation or a group, never analysts or
experts. A quotation is attributed by its own sentence or paragraph, by a quotation left open in
the paragraph before, by the speaker the paragraph before reports, or by a headline or opening
paragraph that frames every quotation of the article (an interview, a memoir, a Q&A). A paragraph
of narrative, which quotes no one and reports no speaker, breaks the chain.
"""

from __future__ import annotations

import re
from array import array
from bisect import bisect_left, bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..checker import Checker, Context, Option, rules_from
from ..blocks import Block
from ..document import Document
from ..house import load_data_pack
from ..patterns import finditer_windowed, shipped, words_alternation
from ..quoting import DOUBLE, SINGLE
from .credits import is_credit_line
from .. import recache

SENTENCE_END_RE = recache.compile(r"[.!?…]+[\"'”’)\]]*\s+(?=[\"'“‘(\[]?[A-Z0-9])")
SMALL_WORDS = frozenset("a an and the of in on at to for by with or nor but from as vs".split())
PACK = "copydesk/rules/attribution.yaml"


@lru_cache(maxsize=4)
def _patterns(extra: tuple[str, ...] = ()):
    pack = load_data_pack("attribution.yaml", {
        "reporting": list, "anonymous": list, "loaded": list, "frames": list, "opening_frames": list,
        "persons": list, "organisations": list, "outsiders": list, "ambiguous": list,
    })
    reporting = _Phrases({*pack["reporting"], *extra}, pack["ambiguous"])
    # User-written patterns run on RE2; word boundaries are checked around each match.
    anonymous = shipped(pack["anonymous"])  # each checked on RE2 by the tests
    loaded = recache.compile(r"(?<![\w-])(?:" + words_alternation(pack["loaded"]) + r")(?![\w-])", re.I)
    frames = tuple(recache.compile(r"(?<![\w-])(?:" + words_alternation(pack[key]) + r")(?![\w-])", re.I)
                   for key in ("frames", "opening_frames"))
    kinds = {}
    for kind, key in ((PERSON, "persons"), (ORG, "organisations"), (OUTSIDE, "outsiders")):
        for w in pack[key]:
            kinds[w.lower()] = kind
    return reporting, anonymous, loaded, frames, kinds


TOKEN_RE = recache.compile(r"[\w-]+")


class _Match:
    """What a search of _Phrases finds: the span of the phrase in the text."""

    __slots__ = ("_text", "_start", "_end")

    def __init__(self, text: str, start: int, end: int):
        self._text, self._start, self._end = text, start, end

    def start(self) -> int:
        return self._start

    def end(self) -> int:
        return self._end

    def group(self, _n: int = 0) -> str:
        return self._text[self._start : self._end]


def _wordish(c: str) -> bool:
    return c.isalnum() or c in "_-"  # [\w-]


class _Phrases:
    """A word list matched as whole words, case-insensitively. Longer phrases win over their
    first word ("according to", "described as"); a word that is as often something else (the
    ambiguous list) counts only where it reports speech (_reports).

    The text, in lower case, is searched with one pattern of the phrases, each set out from its
    first letter: Python's engine then leaps between the places where a first letter stands.
    (The same list asked to ignore case is tried at every place, at several times the cost.)
    A text whose lower case is of another length, where its places would shift, is read token
    by token against a table of the phrases' first words (_search_tokens), which the tests
    hold as the meaning of a search."""

    def __init__(self, phrases, ambiguous=()):
        self.ambiguous = frozenset(w.lower() for w in ambiguous)
        self.first: dict[str, list[tuple[str, ...]]] = {}
        for ph in phrases:
            words = tuple(ph.lower().split())
            if words:
                self.first.setdefault(words[0], []).append(words[1:])
        for rest in self.first.values():
            rest.sort(key=lambda r: (-len(r), r))  # longest first; in one order whatever the list's
        self.pattern = self._pattern()

    def _pattern(self) -> "re.Pattern[str] | None":
        tails: dict[str, list[str]] = {}
        for first in sorted(self.first):
            for rest in self.first[first]:  # longest first: the longer phrase is tried first
                if not all(TOKEN_RE.fullmatch(w) for w in (first, *rest)):
                    continue  # a word no token equals (an apostrophe in it): never found either way
                tail = re.escape(first[1:]) + "".join(r"\s+" + re.escape(w) for w in rest)
                tails.setdefault(first[0], []).append(tail)
        if not tails:
            return None
        body = "|".join(re.escape(c) + r"(?<![\w-].)(?:" + "|".join(ts) + ")" for c, ts in sorted(tails.items()))
        return recache.compile("(?:" + body + r")(?![\w-])")

    def search(self, text: str, pos: int = 0) -> "_Match | None":
        low = text.lower()
        if len(low) != len(text) or self.pattern is None or (pos and _wordish(text[pos - 1])):
            return self._search_tokens(text, pos)  # (from inside a word, the word's rest is a token)
        while True:
            m = self.pattern.search(low, pos)
            if m is None:
                return None
            start, end = m.span()
            if low[start:end] in self.ambiguous and not _reports(text, start, end):
                pos = start + 1  # not speech here: the next phrase, from the next word on
                continue
            return _Match(text, start, end)

    def _search_tokens(self, text: str, pos: int = 0) -> "_Match | None":
        for m in TOKEN_RE.finditer(text, pos):
            rests = self.first.get(m.group(0).lower())
            if rests is None:
                continue
            for rest in rests:
                if not rest:
                    if m.group(0).lower() in self.ambiguous and not _reports(text, m.start(), m.end()):
                        continue
                    return _Match(text, m.start(), m.end())
                tokens = TOKEN_RE.finditer(text, m.end())
                end = m.end()
                for want in rest:
                    t = next(tokens, None)
                    if t is None or t.group(0).lower() != want or text[end : t.start()].strip():
                        break
                    end = t.end()
                else:
                    return _Match(text, m.start(), end)
        return None


DETERMINERS = frozenset("a an the its his her their our my your this that these those some no one two "
                        "three four five six seven eight nine ten for to of in on off up out".split())


def _reports(text: str, start: int, end: int) -> bool:
    """A word that is as often a noun or another verb (calls, notes, posted) reports speech when
    a clause or a colon follows it (“notes that”, “posted:”) or a pronoun stands before it and
    no object follows (“he notes”, not “TimeWarner posted a profit”)."""
    after = text[end:].lstrip()
    if not after or after[0] in ":,.;\"“'‘—–":
        return True
    nxt = TOKEN_RE.match(after)
    word = nxt.group(0).lower() if nxt else ""
    if word in ("that", "how", "why", "what", "whether"):
        return True
    before = TOKEN_RE.findall(text, max(0, start - 12), start)
    return bool(before) and before[-1].lower() in ("he", "she", "they", "who", "it") and word not in DETERMINERS


# What a speaker is, for the agreement of a quotation in the first person with its speaker.
PERSON = "person"  # one person: may say “I” or “we”
ORG = "organisation"  # the club, police, the council: may say “we”, not “I”
GROUP = "group"  # residents, they, Blair and Brown: may say “we”, nothing else
OUTSIDE = "outside"  # analysts, experts: commentators from outside, neither “I” nor “we”
ANY = "any"  # a bare name (Williams, Microsoft): a person or an organisation


@dataclass
class Speaker:
    """Someone a paragraph says is speaking: as named, of what kind, and where."""
    name: str  # as the article gives it, for messages
    kind: str
    para: int  # index in the run of the paragraph that reports it
    named: bool = False  # the name is a proper name, not a pronoun or a description
    at: int = 0  # words before the reporting word in its sentence

    def takes(self, person: str) -> bool:
        """Whether this speaker can be the “I” or “we” of a quotation, or the one voice of a
        quotation in neither: many people (residents, they, Blair and Brown) speak one
        quotation only as “we”, and commentators from outside not at all."""
        if person == "I":
            return self.kind in (PERSON, ANY)
        if person == "we":
            return self.kind != OUTSIDE
        return self.kind not in (OUTSIDE, GROUP)


def _bounded(text: str, start: int, end: int) -> bool:
    """The match stands as whole words."""
    before = text[start - 1] if start > 0 else " "
    after = text[end] if end < len(text) else " "
    return not _wordish(before) and not _wordish(after)


TITLE_WORD_RE = recache.compile(r"[^\W_][\w'’-]*")


def _is_title(inner: str) -> bool:
    words = TITLE_WORD_RE.findall(inner)
    if not words or inner.rstrip().endswith((".", "!", "?", ",")):
        return False
    return all(w[0].isupper() or w.lower() in SMALL_WORDS or w[0].isdigit() for w in words)


FIRST_I_RE = recache.compile(r"(?<![\w'’-])(?:I|I['’](?:m|ve|d|ll)|me|my|myself|mine)(?![\w'’-])")
FIRST_WE_RE = recache.compile(r"(?<![\w'’-])(?:[Ww]e|[Ww]e['’](?:re|ve|d|ll)|us|[Oo]ur|[Oo]urs|[Oo]urselves)(?![\w'’-])")


HEADLINE_FIRST_RE = recache.compile(r"(?<![\w'’-])(?:I|I['’](?:m|ve|d|ll)|[Mm]y|me)(?![\w'’-])")


def _person_of(inner: str) -> str:
    """The grammatical person a quotation speaks in: “I”, “we” or neither."""
    if FIRST_I_RE.search(inner):
        return "I"
    if FIRST_WE_RE.search(inner):
        return "we"
    return ""


VISIBLE_RE = recache.compile(r"\S")
OTHER_SPACE_RE = recache.compile(r"[^\S ]")  # white space other than the plain space


def _blanked(text: str) -> str:
    """text with every character but white space made a space (in one step where the only
    white space is the plain space, as it mostly is)."""
    return " " * len(text) if OTHER_SPACE_RE.search(text) is None else VISIBLE_RE.sub(" ", text)


# A paragraph longer than this has its runs of visible characters indexed, so that a question
# asked from every one of thousands of quotations never reads the same spaces twice.
LONG = 4096
VISIBLE_RUN_RE = recache.compile(r"\S+")
SKIPPED = frozenset(" ”’\"'")
WORD_RUN_RE = recache.compile(r"[^ ”’\"']+")


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
        pieces, pos = [], 0
        for a, z in self.spans:
            pieces.append(t[pos:a])
            pieces.append(_blanked(t[a:z]))  # white space kept, everything else blanked
            pos = z
        pieces.append(t[pos:])
        self.outside = "".join(pieces)  # the text with every quotation blanked out
        bounds = [0]
        for m in SENTENCE_END_RE.finditer(self.outside):
            bounds.append(m.end())
        # A quotation that follows the end of a sentence begins one of its own; one that ends
        # with the end of a sentence, before a capital, ends its sentence.
        self._runs: "tuple[array, array] | None" = None  # where each run of visible characters starts and ends
        self._words: "array | None" = None  # where each run past spaces and quotation marks starts
        for a, z in self.spans:
            j = self.visible_before(a)
            if j >= 0 and self.outside[j] in ".!?…":
                bounds.append(a)
            if z < len(t) and t[z - 2 : z - 1] in (".", "!", "?", "…") and t[z].isspace():
                m = VISIBLE_RE.search(t, z)
                nxt = m.start() if m else len(t)
                if nxt < len(t) and (t[nxt].isupper() or t[nxt] in "\"“‘'"):
                    bounds.append(nxt)
        bounds = sorted(set(bounds))
        bounds.append(len(t))
        self.sentences = [(bounds[i], bounds[i + 1]) for i in range(len(bounds) - 1) if bounds[i] < bounds[i + 1]]
        self.starts = [a for a, _z in self.sentences]
        self.speaks: list[bool] = []
        self.said: list["Speaker | None"] = []  # per sentence: the speaker it reports
        self.attributed = False  # one of its quotations has a speaker
        quotes = b.quotes.quotes
        self.open_at_end = any(q.close is None and q.depth == 0 and q.open is not None for q in quotes)
        self.opens_with_quote = bool(quotes) and quotes[0].open is not None and not t[: quotes[0].open.index].strip()
        stripped = self.outside.strip()
        self.question = not self.spans and (stripped.endswith("?") or bool(QA_RE.match(t)))

    def visible_before(self, i: int) -> int:
        """Where the last character of the blanked text before i that is not a space is, or -1."""
        if len(self.outside) < LONG:  # a paragraph of copy: its spaces are read back directly
            j = i - 1
            while j >= 0 and self.outside[j].isspace():
                j -= 1
            return j
        if self._runs is None:
            starts, ends = array("q"), array("q")
            for m in VISIBLE_RUN_RE.finditer(self.outside):
                starts.append(m.start())
                ends.append(m.end())
            self._runs = (starts, ends)
        starts, ends = self._runs
        k = bisect_left(starts, i) - 1  # the last run that starts before i
        return min(ends[k], i) - 1 if k >= 0 else -1

    def word_after(self, i: int) -> int:
        """Where the blanked text from i goes on past spaces and quotation marks, or its length."""
        n = len(self.outside)
        if i >= n:
            return n
        if self.outside[i] not in SKIPPED:
            return i
        if self._words is None:
            self._words = array("q", (m.start() for m in WORD_RUN_RE.finditer(self.outside)))
        k = bisect_right(self._words, i)
        return self._words[k] if k < len(self._words) else n

    def sentence_of(self, i: int) -> int:
        return max(0, min(bisect_right(self.starts, i) - 1, len(self.sentences) - 1))

    def outside_text(self, k: int) -> str:
        a, z = self.sentences[k]
        return self.outside[a:z]


QA_RE = recache.compile(r"\s*(?:Q|Question)\s*[:.]\s")
ANSWER_RE = recache.compile(r"\s*(?:A|Answer)\s*[:.]\s")
PRONOUNS = {"he": PERSON, "she": PERSON, "i": PERSON, "they": GROUP, "we": GROUP, "it": ORG}
RELATIVE = frozenset("who which whose where when while whom that".split())
HONORIFIC = frozenset("mr mrs ms miss dr sir lord lady dame prof professor rev mr. mrs. ms. dr.".split())
LEADING = frozenset("but and so yet however then also now still later earlier meanwhile".split())
PREPOSITIONS = frozenset("in on at by for with from into as of about after before during over under".split())
WORD_RE = recache.compile(r"[\w'’.&-]+")


class AttributionChecker(Checker):
    id = "attribution"
    description = "Quotations and claims with a named or described source."
    rules = rules_from("attribution")  # copydesk/checks/attribution.yaml

    options = {
        "min_words": Option(int, 4, "A quotation of fewer words is left alone (a title, a scare quote)."),
        "reporting": Option(list, [], "More reporting verbs that name a speaker (\"quipped\"), over the built-in list."),
    }

    def check(self, doc: Document, ctx: Context):
        min_words = int(ctx.option("min_words"))
        reporting, anonymous, loaded, frames, kinds = _patterns(tuple(ctx.option("reporting")))
        outer = DOUBLE if ctx.house.section("quotes").get("outer", "double") == "double" else SINGLE
        findings = []
        # Runs of body paragraphs between headings; in each, the paragraphs of one quotation
        # that goes on over several paragraphs share a chain number.
        # (ctx.read: page furniture between paragraphs left out, broken paragraphs read as one.)
        runs: list[list[_Para]] = [[]]
        headline = ""
        for b in ctx.read(doc).blocks:
            if b.is_body and b.text:
                if is_credit_line(b.text, ctx.house):
                    continue  # a picture's credit between paragraphs is no narrative: the speaker goes on
                runs[-1].append(_Para(b, outer))
            elif b.text and b.kind in ("heading", "headline"):
                headline = headline or (b.text if b.kind == "headline" else "")
                runs.append([])
        first = next((run[0] for run in runs if run), None)
        framed = _framed(headline, first, frames)
        speakers: set[str] = set()
        for run in runs:
            for p in run:
                p.speaks, p.said = [], []
                for j in range(len(p.sentences)):
                    s = p.outside_text(j)
                    m = reporting.search(s)
                    if m and m.group(0).lower().startswith("speaking"):
                        # “Speaking in Dubai, Tom Dale said …”: the speaker is the subject of the verb.
                        m = reporting.search(s, m.end()) or m
                    sp = _speaker(s, m, kinds) if m else None
                    if sp is not None:
                        sp.at = len(TOKEN_RE.findall(s, 0, m.start()))
                    p.speaks.append(sp is not None or bool(DASH_SPEAKER_RE.match(s)))
                    p.said.append(sp)
                    if sp is not None:
                        speakers.update(_names_in(s))
        names = frozenset(speakers)
        for run in runs:
            findings += self._run(ctx, run, names, framed, kinds, min_words, loaded)
            for p in run:
                for ms, me, m in finditer_windowed(anonymous, p.outside):
                    if not _bounded(p.outside, ms, me):
                        continue
                    s, e = p.block.prose.source_span(ms, me)
                    findings.append(ctx.finding("attribution.anonymous-source", s, e,
                                                f"“{m.group(0)}”: the source is unnamed; make sure that is deliberate and explained."))
        return findings

    def _run(self, ctx, run: "list[_Para]", names, framed: bool, kinds, min_words: int, loaded):
        chain = list(range(len(run)))
        for i in range(1, len(run)):
            if run[i - 1].open_at_end and run[i].opens_with_quote:
                chain[i] = chain[i - 1]
        chain_speaks: dict[int, bool] = {}
        for i, p in enumerate(run):
            chain_speaks[chain[i]] = chain_speaks.get(chain[i], False) or any(p.speaks)
        chain_size = Counter(chain)
        out = []
        # The speaker the next paragraph may inherit; the last one seen, for messages; and the
        # paragraph of narrative that broke the chain, if one did.
        carry: "Speaker | None" = None
        last: "Speaker | None" = None
        broken_at: int | None = None
        person: "Speaker | None" = None  # the last person named, for “he” and “she”
        reported = False  # the paragraph before holds a quotation already reported
        for i, p in enumerate(run):
            for j, sp in enumerate(p.said):
                if sp is None:
                    continue
                sp.para = i
                if sp.named and sp.kind in (PERSON, ANY):
                    person = sp
                elif not sp.named and sp.kind == PERSON and person is not None and sp.name.lower() in ("he", "she"):
                    p.said[j] = Speaker(person.name, PERSON, i, True)
            inherited = carry
            continued = i > 0 and chain[i] == chain[i - 1]
            state = _State(inherited, last, broken_at, reported, continued, framed,
                           chain_speaks[chain[i]] and chain_size[chain[i]] > 1, run[i - 1].question if i else False,
                           run[i + 1] if i + 1 < len(run) else None)
            found, speaker, unattributed = self._paragraph(ctx, p, i, state, names, min_words, loaded)
            out += found
            if speaker is not None:
                speaker = Speaker(speaker.name, speaker.kind, i, speaker.named)  # speaking here, now
                carry, last, broken_at, reported = speaker, speaker, None, False
            elif unattributed or continued and reported:
                carry, broken_at, reported = None, None, True
            elif p.question:
                pass  # a question of an interview: the answer is the speaker's
            else:
                if carry is not None or reported:
                    broken_at = i
                carry, reported = None, False
        return out

    def _paragraph(self, ctx, p: "_Para", i: int, st: "_State", names, min_words: int, loaded):
        b, t = p.block, p.block.text
        n = len(p.sentences)
        out = []
        by_start = {q.open.index: q for q in b.quotes.quotes if q.depth == 0 and q.open is not None}
        # The speaker the paragraph has given so far, sentence by sentence.
        here: "Speaker | None" = None
        spoke_before: list["Speaker | None"] = []
        for sp in p.said:
            spoke_before.append(here)
            here = sp or here
        last_here: "Speaker | None" = here
        here = None  # the speaker of the quotations of this paragraph so far
        unattributed = False
        reported_end = None
        loaded_done: set[int] = set()
        names_in: dict[int, bool] = {}  # per sentence: it names a speaker quoted elsewhere

        def names_speaker(j: int) -> bool:
            if j not in names_in:
                names_in[j] = _names_speaker(p.outside_text(j), names)
            return names_in[j]

        refers: dict[int, bool] = {}

        def refers_back(j: int) -> bool:
            if j not in refers:
                refers[j] = _refers_back(p.outside_text(j))
            return refers[j]

        for a, z in p.spans:
            q = by_start[a]
            k = p.sentence_of(a)
            inner = t[a + 1 : (z - 1 if q.close is not None else z)].strip()
            said = next((j for j in (k, k + 1, k - 1) if 0 <= j < n and p.speaks[j]), None)
            if said is not None and said not in loaded_done:
                loaded_done.add(said)  # each sentence's verbs once, however many quotations it holds
                sa = p.sentences[said][0]
                for m in loaded.finditer(p.outside_text(said)):
                    s, e = b.prose.source_span(sa + m.start(), sa + m.end())
                    out.append(ctx.finding("attribution.loaded-verb", s, e,
                                           f"“{m.group(0)}” judges the speaker; “said” is neutral."))
            words = len(inner.split())
            if words < min_words or _is_title(inner) or _is_partial(p, a, inner):
                continue  # a fragment, a title or a word or two: no one's speech to follow
            speaker = None
            if said is not None:
                speaker = p.said[said] or Speaker("", ANY, i)
            elif _colon_before(p, a) or (k == 0 and ANSWER_RE.match(t)):
                speaker = Speaker("", ANY, i)  # a colon introduction, or an answer of a Q&A
            elif spoke_before[k] is not None:
                speaker = spoke_before[k]  # the speaker named earlier in the paragraph goes on
            elif here is not None:
                speaker = here  # a quotation of this paragraph already has a speaker
            elif any(names_speaker(j) for j in (k - 1, k) if 0 <= j < n):
                speaker = Speaker("", ANY, i)  # a speaker quoted elsewhere is named beside it
            elif k > 0 and st.last is not None and refers_back(k - 1):
                speaker = st.last  # “He then …” or a question put to the speaker refers back
            if speaker is None:
                person = _person_of(inner)
                if st.continued and (st.chain_ok or st.inherited is not None):
                    speaker = st.inherited or Speaker("", ANY, i)  # a quotation left open goes on
                elif st.chain_ok:
                    speaker = Speaker("", ANY, i)  # a later paragraph of the quotation names its speaker
                elif st.inherited is not None and st.inherited.takes(person):
                    speaker = st.inherited  # the speaker the paragraph before reports goes on
                elif st.framed or (st.question and st.last is not None):
                    speaker = Speaker("", ANY, i)  # the headline or opening frames every quotation
                elif st.reported:
                    unattributed = True  # the unknown speaker of a quotation already reported goes on
                    continue
                elif (k == n - 1 and st.inherited is None and st.after is not None and st.after.said
                      and st.after.said[0] is not None and st.after.said[0].at <= 10
                      and st.after.said[0].takes(person)):
                    speaker = st.after.said[0]  # the paragraph after opens by naming the speaker
            if speaker is not None:
                p.attributed = True
                here = speaker
                continue
            unattributed = True
            if reported_end is not None and not t[reported_end:a].strip():
                reported_end = z
                continue  # runs straight on from a quotation already reported: one speaker, one finding
            reported_end = z
            s, e = b.prose.source_span(a, z)
            out.append(ctx.finding("attribution.unattributed-quote", s, e, _why(st, i, _person_of(inner))))
        return out, (last_here or here), unattributed and here is None


@dataclass
class _State:
    """What one paragraph of a run of quotations hands on to the next."""
    inherited: "Speaker | None"  # the speaker the paragraph before hands on
    last: "Speaker | None"  # the last speaker seen in the run
    broken_at: "int | None"  # the paragraph of narrative after the last speaker
    reported: bool  # the paragraph before holds an unattributed quotation already reported
    continued: bool  # the paragraph goes on with a quotation left open in the one before
    framed: bool
    chain_ok: bool  # one paragraph of its multi-paragraph quotation names the speaker
    question: bool  # the paragraph before is a question of an interview
    after: "_Para | None"


NUMBERS = "one two three four five six seven eight nine ten".split()


def _why(st: _State, i: int, person: str) -> str:
    head = "This quotation has no speaker: "
    last = st.last
    if st.inherited is not None:  # a speaker who cannot be its “I” or “we”
        who = _label(st.inherited) or "a speaker"
        if not person:  # neither “I” nor “we”: one voice is speaking
            return (head + f"the paragraph before reports {who}, who cannot speak it with one voice "
                    "(a direct quotation needs one person or an organisation); say who said it.")
        needs = "one person" if person == "I" else "a person, an organisation or a group"
        return (head + f"the paragraph before reports {who}, who cannot be the “{person}” of this "
                f"quotation (“{person}” needs {needs}); say who said it.")
    if last is not None and st.broken_at is not None:
        up = i - last.para
        where = f"{NUMBERS[up - 1] if up <= 10 else up} paragraph{'s' if up > 1 else ''} up"
        who = _label(last)
        who = f", {who}," if last.named else (f" (“{who}”)" if who else "")
        return head + f"the last speaker{who} is {where}, before a paragraph that quotes no one; say who said it."
    return head + "no one is reported speaking before it; say who said it."


def _label(sp: Speaker) -> str:
    name = sp.name
    return name if sp.named or not name[:1].isupper() else name[0].lower() + name[1:]


def _framed(headline: str, first: "_Para | None", frames) -> bool:
    """A headline or an opening paragraph that hands every quotation to one speaker: an
    interview, a memoir, someone “in quotes”, a piece in the first person."""
    if frames[0].search(headline) or HEADLINE_FIRST_RE.search(headline):
        return True
    return first is not None and not first.spans and bool(frames[1].search(first.block.text))


CLAUSE_BREAK_RE = recache.compile(r"[,;:—–]|\s{3,}")
COMMA_WORD_RE = recache.compile(r",\s+\w")
PHRASE_BREAK_RE = recache.compile(r"[,.;:!?()—–]|\s{3,}")


def _speaker(s: str, m: "re.Match", kinds) -> "Speaker | None":
    """The speaker a reporting sentence names: the words after the verb when the verb comes
    first (“said Mr Dein”, “according to police”), otherwise the subject before it."""
    word = m.group(0).lower()
    if word.startswith("spokes"):
        return Speaker(m.group(0), PERSON, 0)
    before = s[: m.start()]
    clause = CLAUSE_BREAK_RE.split(before)
    after = s[m.end():]
    words = []
    following = WORD_RE.match(after.lstrip())
    if (following and following.group(0).lower() in PREPOSITIONS and before.rstrip().endswith(",")
            and COMMA_WORD_RE.search(after)):
        # “Nemeth, recalled in place of Job, scored…”: a participle closed by a comma, no one
        # speaking; “Tom Reyes, the firm's director, said in a statement.” is speech.
        return None
    inverted = not clause[-1].strip() and following is not None and (
        following.group(0)[:1].isupper() or following.group(0).lower() in PRONOUNS)  # “…, said Mr Bud.”
    if inverted or not WORD_RE.search(before) or word.startswith("according") or word.startswith("quot"):
        phrase = PHRASE_BREAK_RE.split(after, maxsplit=1)[0]
        words = WORD_RE.findall(phrase)[:6]
        if words and words[0].lower() in PREPOSITIONS:
            words = []
    if not words:
        # “Mr Dein said”, “Speaking in Dubai, he said”; after an apposition or a relative
        # clause (“Fiona Deans, a director of the firm, said”) the subject that opens the clause.
        last = bool(clause[-1].strip())
        parts = [ws for ws in (WORD_RE.findall(c) for c in (clause if last else clause[:-1]))
                 if ws and ws[0].lower() not in RELATIVE]
        if parts:
            words = parts[-1] if last else parts[0]
    return _classify(words, kinds)


def _classify(words: list[str], kinds) -> Speaker:
    while words and words[0].lower() in LEADING:
        words = words[1:]
    if not words:
        return Speaker("", ANY, 0)
    low = [w.lower().strip(".") for w in words]
    for w in reversed(low[-3:]):
        if w in PRONOUNS:
            return Speaker(w, PRONOUNS[w], 0)
    name = _proper_name(words, kinds)
    if "and" in low[1:-1] or "&" in low[1:-1]:
        return Speaker(" ".join(words), GROUP, 0, bool(name))  # “Blair and Brown”: two voices
    if any(w in HONORIFIC for w in low):
        return Speaker(name or " ".join(words), PERSON, 0, True)
    # The head noun: the first word found in the lists, read from the left so that
    # “a spokeswoman for the council” is a person and “the council's leader” is too.
    found = None
    for j, w in enumerate(low):
        base = w[:-2] if w.endswith(("'s", "’s")) else w
        kind = kinds.get(w) or kinds.get(base)
        if kind is None and j + 1 < len(low):
            kind = kinds.get(w + " " + low[j + 1])
        if kind is not None:
            found = kind
            if not w.endswith(("'s", "’s")):
                break
    if found is not None:
        return Speaker(name or " ".join(words[:5]), found, 0, bool(name))
    if name:
        return Speaker(name, ANY, 0, True)
    if len(words) <= 3 and any(w.endswith("s") and not w.endswith("ss") for w in low[:2]):
        return Speaker(" ".join(words), GROUP, 0)
    return Speaker("", ANY, 0)  # a speaker the sentence gives in a way not followed here


FUNCTION_WORDS = frozenset("the a an this that these those it its there here but and so yet in on at "
                           "for of to by with as after before while when if no-one nobody everyone "
                           "everybody someone somebody".split())


def _proper_name(words: list[str], kinds) -> str:
    """The last run of capitalised words (“David Dein” in “Arsenal vice-chairman David Dein”),
    leaving out a capitalised title or common noun (“Analysts”, “Coach Dan Reeve”), a place
    after a preposition (“in the UK”) and a participle opening the sentence (“Using …”); a
    possessive takes the noun it owns (“Putin's spokesman”)."""
    runs: list[tuple[int, int]] = []
    start = None
    for j, w in enumerate(words + [""]):
        ok = (w[:1].isupper() and w.lower() not in FUNCTION_WORDS and w.lower() not in kinds
              and not (j == 0 and w.lower().endswith("ing")))
        if ok and start is None:
            start = j
        elif not ok and start is not None:
            before = [x.lower() for x in words[max(0, start - 2) : start] if x.lower() not in ("the", "a", "an")]
            if not (before and before[-1] in PREPOSITIONS):
                runs.append((start, j))
            start = None
    if not runs:
        return ""
    a, z = runs[-1]
    name = " ".join(words[a:z])
    if words[z - 1].endswith(("'s", "’s")):
        name = name + " " + words[z] if z < len(words) else name[:-2]
    return name


NAME_RE = recache.compile(r"[A-Z](?<![\w'’-].)[a-z]+(?:-[A-Z]?[a-z]+|['’][A-Z][a-z]+)*")


def _names_in(text: str) -> list[str]:
    """Names that stand mid-sentence in a sentence with a reporting verb: the article's speakers."""
    return [m.group(0) for m in NAME_RE.finditer(text) if m.start() > 0 and text[: m.start()].strip()]


def _names_speaker(text: str, names: frozenset[str]) -> bool:
    return any(m.group(0) in names for m in NAME_RE.finditer(text))


REFERS_BACK_RE = recache.compile(r"\s*(?:But |And |So |Now |Then )?(?:He|She|His|Her)\b")


def _refers_back(sentence: str) -> bool:
    """A sentence about the speaker (“He then …”) or a question put to them."""
    return bool(REFERS_BACK_RE.match(sentence)) or sentence.rstrip().endswith("?")


DASH_SPEAKER_RE = recache.compile(r"\s*[-–—]\s*[A-Z]")


def _colon_before(p: _Para, i: int) -> bool:
    j = p.visible_before(i)
    return j >= 0 and p.outside[j] == ":"


def _is_partial(p: _Para, a: int, inner: str) -> bool:
    """A fragment quoted inside the writer's own sentence ("warned the “stakes are too high”"),
    attributed by the sentence itself, not direct speech that needs a reporting verb."""
    if not inner[:1].isupper():
        return True
    z = a + 1 + len(inner)
    w = p.word_after(min(z, len(p.outside)))
    if p.outside[w : w + 1].islower() and not inner.endswith((".", ",", "!", "?", "…")):
        return True  # “Taking responsibility” is the theme: a phrase named, not speech
    k = p.sentence_of(a)
    j = p.visible_before(a)
    return j >= p.sentences[k][0] and p.outside[j].isalnum()
