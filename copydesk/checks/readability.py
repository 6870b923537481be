"""readability: sentences and paragraphs longer than the house allows, a word typed twice, and an
article whose Flesch reading ease is below the house's floor (scored with textstat, offline)."""

from __future__ import annotations

import re
from bisect import bisect_right

from .. import sentences
from ..checker import Checker, Context, Option, rules_from
from ..document import Document
from ..finding import Edit
from ..yamlio import DataError
from .. import recache

MAX_COUNTED = 1000  # words of a sentence counted one by one; past it, "more than 1,000"
DEFAULTS = {"sentence_max_words": 40, "paragraph_max_sentences": 10, "flesch_min": 30.0, "min_words": 150}
# The two may stand on two lines of one paragraph ("the\nthe"), or either side of markup the
# parser took out ("the *the*").
DOUBLED_RE = recache.compile(r"(?<![\w-])([^\W\d_]+)([ \t]*\n[ \t]*|[ \t]+)(\1)(?![\w-])", re.IGNORECASE)
# Every ASCII character but a letter, as a space: what is left of ASCII text, split, is its runs
# of letters.
NOT_LETTERS = str.maketrans({c: " " for c in map(chr, range(128)) if not c.isalpha()})


LETTER_RUN_RE = recache.compile(r"[^\W\d_]+")


def _may_double(text: str) -> bool:
    """Whether DOUBLED_RE may find anything in text: its two words are runs of letters with
    only white space between, so two neighbouring runs of the text, equal but for case. An
    exact test for ASCII text, done in a few calls. Other text is lowered whole, where the
    engine lowers each letter it compares: the two agree but where a letter's lower case is
    longer (İ), which the length shows, or hangs on its place (Σ at the end of a word), and
    such text is always scanned."""
    if text.isascii():
        words = text.lower().translate(NOT_LETTERS).split()
    else:
        low = text.lower()
        if len(low) != len(text) or "Σ" in text:
            return True
        words = LETTER_RUN_RE.findall(low)
    return any(map(str.__eq__, words, words[1:]))  # in C: no Python step a word


# What a word is made of past its first character (sentences.WORD_RE): gone from an ASCII
# sentence, what is left are the characters that part its words. Two words have one or more of
# them between, so a sentence holds at most one word more than it has of them (other
# characters are left, and counted, which only makes the bound looser). Only for ASCII: Python
# translates other text a character at a time, slower than counting its words.
WORD_MAKING = str.maketrans({c: None for c in [*map(chr, range(128)), "’"] if c.isalnum() or c in "_'’.-"})


# Words a writer doubles on purpose or by grammar: "had had", "that that", "what it is is",
# "placed in in the past", "waiting for for years", "add to this this law", "really really".
DOUBLED_OK = frozenset("had that is do bye very really no so long far ha tut knock night in for this".split())
# Words whose double is a slip even when the first opens a sentence ("The the ferry"): a capital
# then a small letter is otherwise a name and a word ("Will will", "May may").
DOUBLED_SMALL = frozenset("the a an of to and on at with was were it he she they we as by from or".split())


def limits(ctx: Context) -> dict:
    """The house's readability limits over the defaults, then the config's (checks.readability)."""
    out = dict(DEFAULTS)
    out.update(ctx.house.section("readability"))
    out.update({k: v for k, v in ctx.options.items() if k in DEFAULTS})
    return out


class _Quoted:
    """The stretches of a paragraph inside quotation marks, merged, with running totals, so
    that how much of a sentence is quoted is found by bisection (a paragraph of many long
    sentences and many quotations costs no more than its length)."""

    def __init__(self, block):
        spans = sorted((q.open.index, q.close.index + 1) for q in block.quotes.quotes
                       if q.open is not None and q.close is not None)
        self.starts: list[int] = []
        self.ends: list[int] = []
        for a, z in spans:
            if self.ends and a <= self.ends[-1]:
                self.ends[-1] = max(self.ends[-1], z)
            else:
                self.starts.append(a)
                self.ends.append(z)
        self.before = [0]  # quoted characters before each stretch
        for a, z in zip(self.starts, self.ends):
            self.before.append(self.before[-1] + z - a)

    def _upto(self, i: int) -> int:
        """Quoted characters before index i."""
        k = bisect_right(self.starts, i) - 1
        if k < 0:
            return 0
        return self.before[k] + min(i, self.ends[k]) - self.starts[k]

    def mostly(self, a: int, b: int) -> bool:
        """Half or more of [a, b) is inside a quotation: a speaker's words, which a sub-editor
        may trim but does not split."""
        return 2 * (self._upto(b) - self._upto(a)) >= b - a


class ReadabilityChecker(Checker):
    id = "readability"
    description = "Sentences and paragraphs too long to read, a doubled word, and an article too hard to read."
    options = {
        "sentence_max_words": Option(int, DEFAULTS["sentence_max_words"], "A sentence of more words is long."),
        "paragraph_max_sentences": Option(int, DEFAULTS["paragraph_max_sentences"], "A paragraph of more sentences is long."),
        "flesch_min": Option((int, float), DEFAULTS["flesch_min"], "An article scoring under this for Flesch reading ease is hard to read."),
        "min_words": Option(int, DEFAULTS["min_words"], "An article of fewer words is not scored."),
    }
    rules = rules_from("readability")  # copydesk/checks/readability.yaml

    def validate_options(self, options: dict, path: str, line: int | None) -> None:
        for key, value in options.items():
            if key in DEFAULTS and (isinstance(value, bool) or not isinstance(value, (int, float)) or value < 0):
                raise DataError(path, line, f"checks.readability.{key}", "must be a number, 0 or more")

    def check(self, doc: Document, ctx: Context):
        lim = limits(ctx)
        reading = ctx.read(doc)
        body = [b for b in reading.blocks if b.is_body and b.text.strip()]
        grammar_on = ctx.grammar
        most = max(MAX_COUNTED, int(lim["sentence_max_words"]))
        out = []
        for b in body:
            t = b.text
            spans = sentences.spans(t)
            quoted = None
            for a, z in spans:
                sentence = t[a:z]
                if sentence.isascii() and len(sentence.translate(WORD_MAKING)) + 1 <= lim["sentence_max_words"]:
                    continue  # too few places where a word can end to be over the limit
                n = sentences.words(t, a, z, most=most)
                if n > lim["sentence_max_words"]:
                    # (A draft too dense with quotation marks to be prose has its quotations left
                    # unread, here as in the quotes checker: reading them costs the square.)
                    if not ctx.dense_marks:
                        quoted = _Quoted(b) if quoted is None else quoted
                        if quoted.mostly(a, z):
                            continue
                    s, e = b.prose.source_span(a, z)
                    told = f"{n:,}" if n <= most else f"more than {most:,}"
                    out.append(ctx.finding("readability.long-sentence", s, e,
                                           f"This sentence runs to {told} words, over the house limit of "
                                           f"{lim['sentence_max_words']}: split it."))
            if len(spans) > lim["paragraph_max_sentences"]:
                s, e = b.prose.source_span(spans[0][0], spans[0][1])
                out.append(ctx.finding("readability.long-paragraph", s, e,
                                       f"This paragraph holds {len(spans)} sentences, over the house limit of "
                                       f"{lim['paragraph_max_sentences']}: break it where the subject changes."))
            if not grammar_on and _may_double(t):
                for m in DOUBLED_RE.finditer(t):
                    word = m.group(1)
                    second = m.group(3)
                    if word.lower() in DOUBLED_OK or (word[0].isupper() and second[0].isupper()) or ctx.accepted(word):
                        continue
                    if word[0].isupper() != second[0].isupper() and not (
                            word[0].isupper() and word.lower() in DOUBLED_SMALL and word[1:] == second[1:]):
                        continue
                    s, e = b.prose.source_span(m.start(1), m.end(3))
                    ds, de = b.prose.source_span(m.start(2), m.end(3))
                    # The fix takes out the space or line break and the second word, where the
                    # file holds just that there (not markup between them).
                    plain = doc.text[ds:de].strip(" \t\r\n") == second and not doc.text[ds:de][:1].isalpha()
                    edits = [Edit(ds, de, "")] if plain and b.prose.verbatim(m.start(3), m.end(3)) else None
                    out.append(ctx.finding("readability.doubled-word", s, e,
                                           f"“{word}” is typed twice.", [word], edits=edits))
        if ctx.enabled is not None and "readability.hard-to-read" in ctx.enabled:
            text = "\n".join(b.text for b in body)
            if body and sentences.words(text, most=int(lim["min_words"])) >= lim["min_words"]:
                from ..scores import scores

                ease = scores(text)["flesch_reading_ease"]
                if ease < lim["flesch_min"]:
                    first = body[0]
                    s, e = first.prose.source_span(0, len(first.text))
                    out.append(ctx.finding("readability.hard-to-read", s, e,
                                           f"The article scores {ease:.1f} for Flesch reading ease, under the house floor "
                                           f"of {lim['flesch_min']:g}: shorter sentences and plainer words will help."))
        return out
