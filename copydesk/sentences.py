"""Where the sentences of a paragraph of prose begin and end.

A sentence ends at ".", "!", "?" or "…" (with any closing quotation marks or brackets after it)
followed by space and a capital, a figure or an opening mark. A full stop after an honorific,
an initial or a common abbreviation ("Mr.", "J. K.", "U.S.", "approx.") does not end one.
"""

from __future__ import annotations

from . import recache

END_RE = recache.compile(r"[.!?…]+[\"'”’)\]]*(?=\s+[\"'“‘(\[]?[A-Z0-9])")
# A word, for counting: a run of letters, figures and ' ’ . - that holds a letter or figure, from
# the first of those (“don't”, “U.S.”, “1.5”, “-year-old”: one each). Counted alike by the form
# that ends a word on a letter or figure, [^\W_](?:[\w'’.-]*[^\W_])?, which backs up a step at the
# end of each word; this one never does.
WORD_RE = recache.compile(r"[^\W_][\w'’.-]*")
# Abbreviations written with a full stop that seldom end a sentence (lower case compared).
ABBREVIATIONS = frozenset(
    "mr mrs ms dr st prof gen col lt sgt capt cpl rev fr jr sr sen rep gov pres insp supt det ch "
    "no nos vs v etc approx dept est fig inc ltd co corp bros ave rd mt ft op vol pp cf al e.g i.e "
    "jan feb mar apr jun jul aug sep sept oct nov dec".split()
)


def _abbreviation(text: str, stop: int) -> bool:
    """The full stop at text[stop] belongs to the word before it."""
    j = stop
    while j > 0 and (text[j - 1].isalnum() or text[j - 1] == "."):
        j -= 1
    word = text[j:stop]
    if not word:
        return False
    if len(word) == 1 and word.isupper():
        return True  # an initial: "J. K. Rowling"
    if "." in word and all(len(p) <= 2 for p in word.split(".")):
        return True  # "U.S.", "e.g"
    return word.lower() in ABBREVIATIONS


def spans(text: str) -> list[tuple[int, int]]:
    """(start, end) of each sentence of text, surrounding space left out."""
    out = []
    start = len(text) - len(text.lstrip())
    for m in END_RE.finditer(text):
        if text[m.start()] == "." and m.end() - m.start() >= 1 and text[m.start():m.end()].rstrip("\"'”’)]") == "." \
                and _abbreviation(text, m.start()):
            continue
        if m.end() > start:
            out.append((start, m.end()))
        nxt = m.end()
        while nxt < len(text) and text[nxt].isspace():
            nxt += 1
        start = nxt
    end = len(text.rstrip())
    if end > start:
        out.append((start, end))
    return out


def words(text: str, start: int = 0, end: int | None = None, most: int | None = None) -> int:
    """How many words text[start:end] holds; with most, counting stops past that many (the
    answer is then most + 1), so a paragraph of a million words is not counted to the end
    to learn that it is over a limit."""
    stop = len(text) if end is None else end
    if stop - start <= 8192:  # a sentence or a paragraph: the words found in one call
        n = len(WORD_RE.findall(text, start, stop))
        return n if most is None else min(n, most + 1)
    n = 0
    for _ in WORD_RE.finditer(text, start, stop):
        n += 1
        if most is not None and n > most:
            break
    return n
