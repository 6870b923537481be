"""style: house style as data — honorific full stops, British (or American) spellings, and the
same word spelt two ways in one article. Every list comes from the house pack."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..checker import Checker, Context, Rule, examples
from ..document import Block, Document
from ..finding import Edit
from ..house import House
from ..patterns import finditer_windowed
from ..yamlio import DataError

# Words for the spelling lookup: runs of ASCII letters not joined to other letters or digits.
LETTERS_RE = re.compile(r"(?<![^\W\d_])[A-Za-z]+(?![^\W_])")
SENTENCE_START = frozenset(".!?\"“‘'(:;—–")


def match_case(template: str, word: str) -> str:
    """The word in the case of template: color→colour, Color→Colour, COLOR→COLOUR."""
    if template.isupper() and len(template) > 1:
        return word.upper()
    if template[:1].isupper():
        return word[:1].upper() + word[1:]
    return word


@lru_cache(maxsize=16)
def _spelling_table(house: House) -> dict[str, str]:
    sec = house.section("spelling")
    pairs = house.spelling_pairs  # american -> british
    exclude = {w.lower() for w in sec.get("exclude", [])}
    if sec.get("prefer", "british") == "american":
        table = {br: am for am, br in pairs.items()}
    else:
        table = dict(pairs)
        if sec.get("ize"):
            for am, br in pairs.items():
                if "iz" in am and am.replace("iz", "is") == br:
                    del table[am]
                    table[br] = am
    return {k: v for k, v in table.items() if k not in exclude}


@lru_cache(maxsize=16)
def _spelling_candidates(house: House):
    """One RE2 pattern for every word of the spelling table, longest first, in any case: the
    draft is scanned once in linear time and only the words that may be in the table are looked
    at (a loop over every word of a draft costs a microsecond or two a word). A candidate is a
    word of the draft only if LETTERS_RE, which the table is keyed by, matches it whole there."""
    import re2

    keys = sorted((k for k in _spelling_table(house) if re.fullmatch(r"[a-z]+", k)), key=lambda k: (-len(k), k))
    if not keys:
        return None
    opts = re2.Options()
    opts.case_sensitive = False
    opts.log_errors = False
    return re2.compile("(?:" + "|".join(keys) + ")", opts)


_BOUNDS = ("(?<![\\w-])", "(?![\\w-])")


@lru_cache(maxsize=64)
def _prefilter(pattern: str, ignore_case: bool):
    """An RE2 pattern that matches wherever the word-list pattern (names, variants) can: the
    same alternation without the word boundaries. A paragraph it finds nothing in is not
    scanned by the backtracking engine, which tries every alternative at every position."""
    import re2

    body = pattern
    for b in _BOUNDS:
        body = body.replace(b, "")
    opts = re2.Options()
    opts.log_errors = False
    opts.case_sensitive = not ignore_case
    try:
        return re2.compile(body, opts)
    except Exception:  # re2.error: no prefilter, the full scan runs
        return None


LONG_TEXT = 2048  # characters: past this, a paragraph is searched on RE2 first


def _table_words(t: str, table: dict[str, str], candidates):
    """(start, end, word, house form) for each word of t in the spelling table. A long paragraph
    is scanned once by RE2 for the table's words; a short one word by word (an RE2 call costs
    more than the look-ups of a few dozen words)."""
    get = table.get
    if candidates is None or len(t) <= LONG_TEXT:
        for m in LETTERS_RE.finditer(t):
            word = m.group()
            target = get(word.lower())
            if target is not None:
                yield m.start(), m.end(), word, target
        return
    for ws, we, _m in finditer_windowed(candidates, t):
        word = t[ws:we]
        target = get(word.lower()) if word.isascii() else None
        if target is None:
            continue
        whole = LETTERS_RE.match(t, ws)
        if whole is not None and whole.end() == we:  # not part of a longer word
            yield ws, we, word, target


def _may_match(pattern: re.Pattern[str], text: str) -> bool:
    if len(text) <= LONG_TEXT:
        return True  # the full scan of a short paragraph costs less than an RE2 call
    pre = _prefilter(pattern.pattern, bool(pattern.flags & re.IGNORECASE))
    return pre is None or pre.search(text) is not None


@lru_cache(maxsize=16)
def _protected_re(house: House) -> re.Pattern[str] | None:
    """Protected names as written (Pearl Harbor), and the names of `protected_any_case` in any
    case too: "the labor department" is the US Department of Labor in lower case, to be given
    its capitals, never respelt."""
    sec = house.section("spelling")
    names = sec.get("protected", [])
    any_case = sec.get("protected_any_case", [])
    if not names and not any_case:
        return None
    alts = sorted((re.escape(n) for n in names), key=len, reverse=True)
    alts += sorted(("(?i:" + re.escape(n) + ")" for n in any_case), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


# "(sic)" or "[sic]" right after a word (past a closing quotation mark): the writer kept the
# spelling on purpose, as the source wrote it.
SIC_RE = re.compile(r"[\"”’')]?[ \u00a0]*[(\[]sic[)\]]", re.I)


def _sic(t: str, end: int) -> bool:
    return SIC_RE.match(t, end) is not None


@lru_cache(maxsize=16)
def _honorific_re(house: House) -> tuple[re.Pattern[str] | None, bool]:
    sec = house.section("honorifics")
    words = sec.get("words", [])
    if not words:
        return None, False
    alts = "|".join(sorted((re.escape(w) for w in words), key=len, reverse=True))
    if sec.get("full_stop"):
        return re.compile(r"(?<![\w.])(" + alts + r")(?![\w.])(?=[ \u00a0]+[A-Z])"), True
    return re.compile(r"(?<![\w.])(" + alts + r")\.(?=[ \u00a0]+[A-Z])"), False


@lru_cache(maxsize=16)
def _variants(house: House) -> tuple[re.Pattern[str] | None, dict[str, int], dict[int, frozenset[str]]]:
    """The variant groups: a list of forms, or a mapping with `forms` and `both_with`, words
    that, anywhere in the article, give each form a sense of its own (a court's judgment beside
    a writer's judgement), so that both may stand."""
    groups = house.section("spelling").get("variants", [])
    index: dict[str, int] = {}
    both: dict[int, frozenset[str]] = {}
    for g, group in enumerate(groups):
        forms = group
        if isinstance(group, dict):
            forms = group.get("forms")
            if not isinstance(forms, list) or not isinstance(group.get("both_with", []), list):
                raise DataError(house.path, None, "spelling.variants", "a mapping entry needs forms: a list, and both_with: a list")
            both[g] = frozenset(str(w).lower() for w in group.get("both_with", []))
        for form in forms:
            index[str(form).lower()] = g
    if not index:
        return None, index, both
    alts = sorted((re.escape(f) for f in index), key=len, reverse=True)
    return re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I), index, both


@dataclass(frozen=True)
class BySense:
    """Words spelt by their sense (by_sense in the spelling section of the house pack)."""

    table: dict[str, str]  # word -> its house spelling
    entries: list[tuple[tuple[str, ...], frozenset[str]]]  # report_with words in the pack's order, keep_with
    which: dict[str, int]  # word -> its entry
    pattern: re.Pattern[str] | None


@lru_cache(maxsize=16)
def _by_sense(house: House) -> BySense:
    table: dict[str, str] = {}
    entries = []
    which: dict[str, int] = {}
    for n, entry in enumerate(house.section("spelling").get("by_sense") or []):
        if not isinstance(entry, dict) or not isinstance(entry.get("words"), dict):
            raise DataError(house.path, None, "spelling.by_sense", "each entry needs words: a mapping of a word to its house spelling")
        for w, target in entry["words"].items():
            table[str(w).lower()] = str(target)
            which[str(w).lower()] = n
        entries.append((tuple(str(x).lower() for x in entry.get("report_with") or []),
                        frozenset(str(x).lower() for x in entry.get("keep_with") or [])))
    pattern = None
    if table:
        alts = sorted((re.escape(w) for w in table), key=len, reverse=True)
        pattern = re.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])", re.I)
    return BySense(table, entries, which, pattern)


SENTENCE_END_RE = re.compile(r"[.!?](?=[\s\u00a0\"”’')]|$)")
SENSE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z-]*")


def _sentence_words(t: str, i: int) -> set[str]:
    """The lower-case words of the sentence around t[i]."""
    start = 0
    for m in SENTENCE_END_RE.finditer(t, max(0, i - 400), i):
        start = m.end()
    m = SENTENCE_END_RE.search(t, i, i + 400)
    end = m.end() if m else min(len(t), i + 400)
    return {w.lower() for w in SENSE_WORD_RE.findall(t[start:end])}


LINK_AFTER = frozenset(("of", "for", "to", "on", "in"))


def _near_words(t: str, start: int, end: int) -> set[str]:
    """The words that say what a word is about: up to four before it in its sentence ("the
    council's vaccination program"), and up to three after it when a preposition follows it
    ("a program of vaccination")."""
    before = SENSE_WORD_RE.findall(t[max(0, start - 80) : start].rsplit(".", 1)[-1])[-4:]
    after = SENSE_WORD_RE.findall(t[end : end + 60].split(".", 1)[0])[:4]
    out = {w.lower() for w in before}
    if after and after[0].lower() in LINK_AFTER:
        out |= {w.lower() for w in after[1:]}
    return out


def _in_address(t: str, start: int, end: int) -> bool:
    """The word is part of an e-mail address, a web address or a file name (colour@color.org,
    color.com/news): not prose, and never to be respelt."""
    a = start
    while a > 0 and start - a < 100 and not t[a - 1].isspace():
        a -= 1
    z = end
    while z < len(t) and z - end < 100 and not t[z].isspace():
        z += 1
    token = t[a:z].rstrip(".,;:!?)”’\"'")
    return "@" in token or "://" in token or "/" in token or bool(DOMAIN_RE.search(token))


DOMAIN_RE = re.compile(r"[A-Za-z0-9-]\.(?:com|org|net|co|uk|gov|edu|io|info)\b", re.IGNORECASE)


def _rewrite(b: Block, start: int, end: int, word: str) -> list[Edit] | None:
    """The edit that writes word over the prose span, offered only where the span is written
    as plain text: a word with markup or an entity inside it (col<b>or</b>, col**or**,
    colo&#114;) is reported without a fix, since rewriting it would drop the markup."""
    if not b.prose.verbatim(start, end):
        return None
    s, e = b.prose.source_span(start, end)
    return [Edit(s, e, word)]


def _capitalised_mid_sentence(doc: Document) -> set[str]:
    """Capitalised words that stand mid-sentence somewhere in the draft: names."""
    out = set()
    for b in doc.blocks:
        if b.is_body:
            for m in CAPITAL_RE.finditer(b.text):
                if not _is_sentence_start(b.text, m.start()):
                    out.add(m.group(0))
    return out


CAPITAL_RE = re.compile(r"(?<![\w-])[A-Z][a-z]+")


def _is_sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j < 0 or text[j] in SENTENCE_START


HEADLINE_WORD_RE = re.compile(r"[A-Za-z][A-Za-z'’-]*")
MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or over per the to up v vs via with".split())


DECADE_RE = re.compile(r"\b((?:1[0-9]|20)[0-9]0)['’]s\b")
CURRENCY = {"pounds": "£", "pound": "£", "dollars": "$", "euros": "€"}
# "£3 million", "$1.25 billion" (long) and "3 million pounds"; "£3m", "$2bn" (short).
MONEY_LONG_RE = re.compile(r"(?<![\w$£€])([£$€])(\d[\d,]*(?:\.\d+)?) (million|billion)\b(?![-\w])")
MONEY_WORDS_RE = re.compile(r"(?<![\w$£€.,])(\d[\d,]*(?:\.\d+)?) (million|billion) (pounds|dollars|euros)\b")
MONEY_SHORT_RE = re.compile(r"(?<![\w$£€])([£$€])(\d[\d,]*(?:\.\d+)?)(m|bn)\b")


def _numbers(doc: Document, ctx: Context) -> list:
    """Decades with an apostrophe; sums of money in the form the house does not use."""
    sec = ctx.house.section("numbers")
    if not sec:
        return []
    money = sec.get("money")
    out = []
    for b in doc.blocks:
        t = b.text
        if not t or b.kind in ("front_matter", "code"):
            continue
        if sec.get("decades") and ("'s" in t or "’s" in t):
            for m in DECADE_RE.finditer(t):
                ds, de = b.prose.source_span(m.end(1), m.end(1) + 1)
                s, e = b.prose.source_span(m.start(), m.end())
                out.append(ctx.finding("style.numbers", s, e, f"A decade takes no apostrophe: “{m.group(1)}s”.",
                                       [m.group(1) + "s"], edits=[Edit(ds, de, "")] if b.prose.verbatim(m.end(1), m.end(1) + 1) else None))
        if money == "short" and ("million" in t or "billion" in t):
            for m in list(MONEY_LONG_RE.finditer(t)) + list(MONEY_WORDS_RE.finditer(t)):
                if m.re is MONEY_LONG_RE:
                    sign, amount, scale = m.group(1), m.group(2), m.group(3)
                else:
                    amount, scale, sign = m.group(1), m.group(2), CURRENCY[m.group(3)]
                short = f"{sign}{amount}{'m' if scale == 'million' else 'bn'}"
                s, e = b.prose.source_span(m.start(), m.end())
                out.append(ctx.finding("style.numbers", s, e, f"House style writes sums of money short: “{short}”.",
                                       [short], edits=[Edit(s, e, short)] if b.prose.verbatim(m.start(), m.end()) else None))
        elif money == "long" and ("m" in t or "bn" in t):
            for m in MONEY_SHORT_RE.finditer(t):
                long_ = f"{m.group(1)}{m.group(2)} {'million' if m.group(3) == 'm' else 'billion'}"
                s, e = b.prose.source_span(m.start(), m.end())
                out.append(ctx.finding("style.numbers", s, e, f"House style writes sums of money in full: “{long_}”.",
                                       [long_], edits=[Edit(s, e, long_)] if b.prose.verbatim(m.start(), m.end()) else None))
    return out


def _headline(doc: Document, ctx: Context) -> list:
    """The headline against the house's headline rules."""
    from ..sentences import ABBREVIATIONS

    sec = ctx.house.section("headline")
    head = next((b for b in doc.blocks if b.kind == "headline" and b.text.strip()), None)
    if head is None or not sec or any(c in doc.text[head.start:head.end] for c in "\r\n"):
        return []  # no headline, or a first paragraph of several lines: not a headline as written
    if not any(b.is_body and b.start >= head.end for b in doc.blocks):
        return []  # a draft of one line is a sentence as much as a headline
    t = head.text.rstrip()
    out = []
    limit = sec.get("max_characters")
    if limit and len(t) > limit:
        s, e = head.prose.source_span(limit, len(t))
        out.append(ctx.finding("style.headline", s, e,
                               f"This headline runs to {len(t)} characters; the house allows {limit}: cut it."))
    if not sec.get("full_stop", False) and t.endswith(".") and not t.endswith(".."):
        last = t.split()[-1].rstrip(".").lower()
        if last not in ABBREVIATIONS and "." not in last:
            s, e = head.prose.source_span(len(t) - 1, len(t))
            out.append(ctx.finding("style.headline", s, e, "A headline takes no full stop.", [""],
                                   edits=[Edit(s, e, "")] if head.prose.verbatim(len(t) - 1, len(t)) else None))
    if sec.get("case") == "sentence":
        words = [m.group() for m in HEADLINE_WORD_RE.finditer(t)][1:]
        capped = [w for w in words if w[0].isupper() and not w.isupper() and w.lower() not in MINOR_WORDS]
        if len(capped) >= 3 and not any(w[0].islower() and w.lower() not in MINOR_WORDS for w in words):
            body = " ".join(b.text for b in doc.blocks if b.is_body)
            lower = {w for w in HEADLINE_WORD_RE.findall(body) if w[0].islower()}
            common = [w for w in capped if w.lower() in lower]
            if len(common) >= 3:
                s, e = head.prose.source_span(0, len(t))
                shown = ", ".join(f"“{w}”" for w in common[:3])
                out.append(ctx.finding("style.headline", s, e,
                                       f"This headline is in title case ({shown}); house style is sentence case: "
                                       "capitalise only the first word and names."))
    return out


class StyleChecker(Checker):
    id = "style"
    description = "House style from the house pack: honorifics, spellings, consistency."
    rules = (
        Rule(
            "style.honorific",
            "error",
            "An honorific or title abbreviation punctuated against house style (Mr. in British style, Mr in American).",
            "British style writes contractions such as Mr, Mrs, Dr and St with no full stop; American "
            "news style writes Mr., Mrs. and Dr. The house pack says which.",
            good=examples("Mr Smith met Dr Jones in St Albans.\n"),
            bad=examples("Mr. Smith met Dr. Jones.\n"),
            fix="safe",
        ),
        Rule(
            "style.spelling",
            "warning",
            "A spelling of the other variety of English (American in British copy, or the reverse).",
            "A newspaper keeps one variety of English. The house pack names it, with the -ise or "
            "-ize choice; proper names such as World Health Organization keep their own spelling. "
            "A word spelt by its sense is judged by its sentence: British copy writes a vaccination "
            "or television programme, and a computer program.",
            good=examples("The organisers said the colour of the centre would not change.\n",
                          "The World Health Organization said so.\n",
                          "The program crashed every computer it was installed on.\n"),
            bad=examples("The organizers said the color of the center would not change.\n",
                         "The council's vaccination program reached every school.\n"),
            fix="safe",
        ),
        Rule(
            "style.consistency",
            "warning",
            "The same word spelt two ways in one article.",
            "Where the house allows two spellings (judgement or judgment, per cent or percent), an "
            "article still uses one. The minority form is reported once.",
            good=examples("The judgement was clear.\n\nA second judgement followed.\n",
                          "The e-mail came from Email Systems.\n\nAnother e-mail followed.\n"),
            bad=examples("The judgement was clear.\n\nA second judgement followed.\n\nThe judgment was final.\n"),
            fix="unsafe",
        ),
        Rule(
            "style.headline",
            "warning",
            "A headline longer than the house allows, ending with a full stop, or in title case where the house writes sentence case.",
            "The house pack's `headline` section sets the length in characters (80 in the british "
            "pack), the case and whether a full stop may end it. A headline is in title case when "
            "three or more of its words after the first are capitalised although the article "
            "writes them in lower case (\"Floods Close Main Road\"): names keep their capitals "
            "everywhere, so they are never counted. The full stop has a safe fix; the rest are "
            "the sub-editor's to rewrite.",
            good=examples("Floods close main road through Millbrook\n\nThe main road through Millbrook was closed after "
                          "floods, and the council said it would close for a week.\n"),
            bad=examples("Floods Close Main Road Through Millbrook\n\nThe main road through Millbrook was closed after "
                         "floods, and the council said it would close for a week.\n",
                         "Floods close main road.\n\nThe road was closed.\n"),
            fix="safe",
        ),
        Rule(
            "style.numbers",
            "info",
            "A number in a form the house does not use: a decade with an apostrophe (1990's), a sum of money in the other form (£3 million where the house writes £3m).",
            "The house pack's `numbers` section says how sums of money are written (british: short, "
            "£3m and $2bn; american: long, $3 million, as AP) and that decades take no apostrophe. "
            "Both have unsafe fixes that write the house form. Info, because published copy mixes "
            "the forms often and the difference is one of style, not sense.",
            good=examples("Budget\n\nThe scheme will cost £3m over the 1990s level.\n"),
            bad=examples("Budget\n\nThe scheme will cost £3 million.\n", "Budget\n\nIt cost 3 million pounds.\n",
                         "Budget\n\nPrices have not been so high since the 1990's.\n"),
            fix="unsafe",
        ),
    )

    def check(self, doc: Document, ctx: Context):
        findings = _headline(doc, ctx) if ctx.enabled is None or "style.headline" in ctx.enabled else []
        if ctx.enabled is None or "style.numbers" in ctx.enabled:
            findings += _numbers(doc, ctx)
        return findings + self._body(doc, ctx)

    def _body(self, doc: Document, ctx: Context):
        house = ctx.house
        hon_re, wants_stop = _honorific_re(house)
        table = _spelling_table(house)
        candidates = _spelling_candidates(house) if table else None
        protected = _protected_re(house)
        var_re, var_index, var_both = _variants(house)
        sense = _by_sense(house)
        # a quick look for the words before the scan: their letters after the first, in lower or upper case
        sense_needles = {w[1:] for w in sense.table}
        findings = []
        names = _capitalised_mid_sentence(doc) if table else set()
        variety = "American" if house.section("spelling").get("prefer", "british") != "american" else "British"
        occurrences: dict[int, list[tuple[str, int, int]]] = {}
        counts: dict[int, Counter] = {}
        for b in doc.blocks:
            if not b.text or b.kind in ("front_matter", "code"):
                continue
            t = b.text
            if ctx.full:
                break  # more than a draft lists: the engine says how the list was cut
            if hon_re is not None:
                for m in hon_re.finditer(t):
                    if ctx.full:
                        break
                    word = m.group(1)
                    if word == "St" and not wants_stop and not _is_sentence_start(t, m.start()):
                        prev = t[max(0, m.start() - 64) : m.start()].split()  # the word before
                        if prev and prev[-1][:1].isupper():
                            continue  # "Oxford St. The" is a street, not a saint
                    if wants_stop:
                        s, e = b.prose.source_span(m.start(1), m.end(1))
                        findings.append(ctx.finding("style.honorific", s, e, f"House style writes “{word}.” with a full stop.",
                                                    [word + "."], edits=[Edit(e, e, ".")]))
                    else:
                        s, e = b.prose.source_span(m.start(1), m.end(1) + 1)
                        ds, de = b.prose.source_span(m.end(1), m.end(1) + 1)  # the stop as written: "." or "&#46;"
                        findings.append(ctx.finding("style.honorific", s, e, f"British style writes “{word}” with no full stop.",
                                                    [word], edits=[Edit(ds, de, "")]))
            skip: list[tuple[int, int]] = []
            if protected is not None and _may_match(protected, t):
                skip = [(m.start(), m.end()) for m in protected.finditer(t)]
            skip_starts = [a for a, _z in skip]

            def protected_at(i: int) -> bool:
                k = bisect_right(skip_starts, i) - 1
                return k >= 0 and i < skip[k][1]

            if table:
                for ws, we, word, target in _table_words(t, table, candidates):
                    if ctx.full:
                        break
                    if protected_at(ws) or ctx.accepted(word) or _sic(t, we) or _in_address(t, ws, we):
                        continue
                    if word[0].isupper() and not word.isupper():
                        if not _is_sentence_start(t, ws):
                            continue  # a capital mid-sentence: a name, which keeps its own spelling
                        j = ws + len(word)
                        while j < len(t) and t[j] == " ":
                            j += 1
                        if word in names or (j < len(t) and t[j].isupper()):
                            continue  # a name at the start of a sentence: "Gray, 26, ..." or "Arbor Networks"
                    suggestion = match_case(word, target)
                    s, e = b.prose.source_span(ws, ws + len(word))
                    findings.append(ctx.finding("style.spelling", s, e,
                                                f"“{word}” is the {variety} spelling; house style is “{suggestion}”.",
                                                [suggestion], edits=_rewrite(b, ws, ws + len(word), suggestion)))
            if sense.pattern is not None and any(n in t or n.upper() in t for n in sense_needles):
                for m in sense.pattern.finditer(t):
                    word = m.group()
                    target = sense.table[word.lower()]
                    if ctx.accepted(word) or protected_at(m.start()) or _sic(t, m.end()):
                        continue
                    if word[0].isupper() and not word.isupper() and not _is_sentence_start(t, m.start()):
                        continue  # a name: "the Program for International Student Assessment"
                    report_with, keep_with = sense.entries[sense.which[word.lower()]]
                    if _sentence_words(t, m.start()) & keep_with:
                        continue  # a computer program: "the program was installed on every PC"
                    near = _near_words(t, m.start(), m.end())
                    cue = next((w for w in report_with if w in near), None)
                    if cue is None:
                        continue  # the sense is unclear: left alone
                    suggestion = match_case(word, target)
                    s, e = b.prose.source_span(m.start(), m.end())
                    findings.append(ctx.finding("style.spelling", s, e,
                                                f"“{word}” is the American spelling outside computing (this one is a “{cue}” {word}, not software); house style is “{suggestion}”.",
                                                [suggestion], edits=_rewrite(b, m.start(), m.end(), suggestion)))
            if var_re is not None and _may_match(var_re, t):
                for m in var_re.finditer(t):
                    form = m.group(0)
                    if protected_at(m.start()) or ctx.accepted(form) or _sic(t, m.end()):
                        continue
                    if form[0].isupper() and not form.isupper():
                        if not _is_sentence_start(t, m.start()):
                            continue  # a capital mid-sentence: a name ("Email Systems"), not the variant
                        j = m.end()
                        while j < len(t) and t[j] == " ":
                            j += 1
                        if j < len(t) and t[j].isupper():
                            continue  # a name at the start of a sentence: "Email Systems said..."
                    g = var_index[form.lower()]
                    s, e = b.prose.source_span(m.start(), m.end())
                    occurrences.setdefault(g, []).append((form, s, e, b.prose.verbatim(m.start(), m.end())))
                    counts.setdefault(g, Counter())[form.lower()] += 1
        article_words: set[str] | None = None
        for g, forms in counts.items():
            if len(forms) < 2:
                continue
            if var_both.get(g):
                if article_words is None:
                    article_words = {w.lower() for b in doc.blocks if b.text for w in SENSE_WORD_RE.findall(b.text)}
                if article_words & var_both[g]:
                    continue  # each form in its own sense: a court's judgment, a writer's judgement
            ranked = sorted(forms.items(), key=lambda kv: (-kv[1], [o[0].lower() for o in occurrences[g]].index(kv[0])))
            majority, majority_n = ranked[0]
            for minority, _n in ranked[1:]:
                form, s, e, plain = next(o for o in occurrences[g] if o[0].lower() == minority)
                suggestion = match_case(form, majority)
                findings.append(ctx.finding("style.consistency", s, e,
                                            f"“{form}” here, but “{majority}” {majority_n} time{'s' if majority_n != 1 else ''} elsewhere in the article: spell it one way.",
                                            [suggestion], edits=[Edit(s, e, suggestion)] if plain else None))
        return findings
