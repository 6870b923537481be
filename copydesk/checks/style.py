"""style: house style as data — honorific full stops, British (or American) spellings, and the
same word spelt two ways in one article. Every list comes from the house pack."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import Counter
from dataclasses import dataclass
from functools import lru_cache

from ..checker import Checker, Context, rules_from
from ..blocks import Block
from ..document import Document
from ..finding import Edit
from ..house import House
from ..patterns import finditer_windowed, words_alternation
from ..sentences import ABBREVIATIONS
from ..yamlio import DataError
from .. import recache

# Words for the spelling lookup: runs of ASCII letters not joined to other letters or digits.
# (Here and below, a pattern that must not follow some characters asks it after its first
# character, (?<!X.), rather than before it: Python's engine then skips straight to the places
# where that first character stands. The same matches; tests/test_style_patterns.py.)
LETTERS_RE = recache.compile(r"[A-Za-z](?<![^\W\d_].)[A-Za-z]*(?![^\W_])")
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


SCAN_FROM = 50_000  # characters: a draft this long is scanned for the spelling table's words at once
_checked = 0  # drafts this process has checked for spellings


def _scan_pays(doc: Document) -> bool:
    """Whether to find the spelling table's words by one RE2 scan, whose pattern takes some 10 ms
    to build: from the second draft a process checks on (an archive, a pull request), or for a
    long draft. The first draft (a hook's only one) looks each word up; both find the same."""
    global _checked
    _checked += 1
    return _checked > 1 or len(doc.text) >= SCAN_FROM


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


def _scan_candidates(texts: list[str], candidates) -> list[list[tuple[int, int]]]:
    """The spans where the spelling table's words may stand in each text, from one RE2 scan of
    them all joined (one call for a whole draft costs less than a look-up of every word)."""
    starts, pos = [], 0
    for t in texts:
        starts.append(pos)
        pos += len(t) + 1
    hits: list[list[tuple[int, int]]] = [[] for _ in texts]
    for ws, we, _m in finditer_windowed(candidates, "\n".join(texts)):
        k = bisect_right(starts, ws) - 1
        hits[k].append((ws - starts[k], we - starts[k]))
    return hits


def _table_words(t: str, table: dict[str, str], candidates, found: list[tuple[int, int]] | None = None):
    """(start, end, word, house form) for each word of t in the spelling table. found: where
    the table's words may stand in t, from a scan of the whole draft; else a long paragraph is
    scanned by RE2 on its own, and a short one word by word."""
    get = table.get
    if found is None and (candidates is None or len(t) <= LONG_TEXT):
        for m in LETTERS_RE.finditer(t):
            word = m.group()
            target = get(word.lower())
            if target is not None:
                yield m.start(), m.end(), word, target
        return
    spans = found if found is not None else ((ws, we) for ws, we, _m in finditer_windowed(candidates, t))
    for ws, we in spans:
        word = t[ws:we]
        target = get(word.lower()) if word.isascii() else None
        if target is None:
            continue
        whole = LETTERS_RE.match(t, ws)
        if whole is not None and whole.end() == we:  # not part of a longer word
            yield ws, we, word, target


def _may_match(pattern: re.Pattern[str], text: str, many: bool) -> bool:
    """Whether pattern (a word list between bounds) may match in text, by its prefilter on RE2.
    Python's engine tries the list at every place of a paragraph, which costs several times
    RE2's scan of the prefilter, at any length. But RE2's start (its import, the prefilter's
    build) costs more than the scans of one short draft: a process's first draft (a hook's
    only one) asks the prefilter of its long paragraphs only; many says the process is past
    that (_scan_pays)."""
    if len(text) <= LONG_TEXT and not many:
        return True
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
    return recache.compile(r"(?<![\w-])(?:" + "|".join(alts) + r")(?![\w-])")


# "(sic)" or "[sic]" right after a word (past a closing quotation mark): the writer kept the
# spelling on purpose, as the source wrote it.
SIC_RE = recache.compile(r"[\"”’')]?[ \u00a0]*[(\[]sic[)\]]", re.I)


def _sic(t: str, end: int) -> bool:
    return SIC_RE.match(t, end) is not None


@lru_cache(maxsize=16)
def _honorific_re(house: House) -> tuple[re.Pattern[str] | None, bool]:
    sec = house.section("honorifics")
    words = sec.get("words", [])
    if not words:
        return None, False
    # The words by their first letter, each group's ends longest first, with the words' left
    # bound asked after that letter (see LETTERS_RE). Ties are ordered by the words themselves,
    # so that every process builds the very same pattern (a set's order changes with the hash
    # seed, and each new pattern would be compiled again and kept anew in the pattern cache).
    by_first: dict[str, list[str]] = {}
    for w in sorted({str(w) for w in words if w}, key=lambda w: (-len(re.escape(w)), w)):
        by_first.setdefault(w[0], []).append(w[1:])
    alts = "|".join(re.escape(c) + r"(?<![\w.].)(?:" + "|".join(map(re.escape, ends)) + ")" for c, ends in by_first.items())
    if sec.get("full_stop"):
        return recache.compile(r"(" + alts + r")(?![\w.])(?=[ \u00a0]+[A-Z])"), True
    return recache.compile(r"(" + alts + r")\.(?=[ \u00a0]+[A-Z])"), False


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
    return recache.compile(r"(?<![\w-])(?:" + words_alternation(index) + r")(?![\w-])", re.I), index, both


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
        pattern = recache.compile(r"(?<![\w-])(?:" + words_alternation(table) + r")(?![\w-])", re.I)
    return BySense(table, entries, which, pattern)


SENTENCE_END_RE = recache.compile(r"[.!?](?=[\s\u00a0\"”’')]|$)")
SENSE_WORD_RE = recache.compile(r"[A-Za-z][A-Za-z-]*")


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


DOMAIN_RE = recache.compile(r"[A-Za-z0-9-]\.(?:com|org|net|co|uk|gov|edu|io|info)\b", re.IGNORECASE)


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


CAPITAL_RE = recache.compile(r"[A-Z](?<![\w-].)[a-z]+")


def _is_sentence_start(text: str, i: int) -> bool:
    j = i - 1
    while j >= 0 and text[j].isspace():
        j -= 1
    return j < 0 or text[j] in SENTENCE_START


HEADLINE_WORD_RE = recache.compile(r"[A-Za-z][A-Za-z'’-]*")
MINOR_WORDS = frozenset("a an and as at but by for from in into nor of on or over per the to up v vs via with".split())


DECADE_RE = recache.compile(r"((?:1(?<!\w.)[0-9]|2(?<!\w.)0)[0-9]0)['’]s\b")
CURRENCY = {"pounds": "£", "pound": "£", "dollars": "$", "euros": "€"}
# "£3 million", "$1.25 billion" (long) and "3 million pounds"; "£3m", "$2bn" (short).
MONEY_LONG_RE = recache.compile(r"([£$€])(?<![\w$£€].)(\d[\d,]*(?:\.\d+)?) (million|billion)\b(?![-\w])")
MONEY_WORDS_RE = recache.compile(r"(\d(?<![\w$£€.,].)[\d,]*(?:\.\d+)?) (million|billion) (pounds|dollars|euros)\b")
MONEY_SHORT_RE = recache.compile(r"([£$€])(?<![\w$£€].)(\d[\d,]*(?:\.\d+)?)(m|bn)\b")


UNITS = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven", "twelve",
         "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"]
TENS = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"]
WORD_VALUE = {w: n for n, w in enumerate(UNITS) if w} | {w: 10 * n for n, w in enumerate(TENS) if w}


def number_word(n: int) -> str:
    """1..99 in words: "three", "twenty-five"."""
    if n < 20:
        return UNITS[n]
    return TENS[n // 10] + ("-" + UNITS[n % 10] if n % 10 else "")


def word_number(w: str) -> int | None:
    """"twenty-five" -> 25; None for anything else."""
    head, _, tail = w.partition("-")
    n = WORD_VALUE.get(head)
    if n is None or (tail and (n < 20 or n % 10 or WORD_VALUE.get(tail, 10) > 9)):
        return None
    return n + (WORD_VALUE[tail] if tail else 0)


def ordinal_suffix(n: int) -> str:
    if 11 <= n % 100 <= 13:
        return "th"
    return {1: "st", 2: "nd", 3: "rd"}.get(n % 10, "th")


DIGIT_RE = recache.compile(r"\d")
# What may not touch a figure for it to stand alone in prose: letters and digits (3kg, M6, 7-Eleven,
# 2-1), a decimal point or a thousands comma, a currency sign, a code's or an address's marks.
_LONE_CLASS = r"[\w.,$£€#/:+\-–−@&'’]"
_LONE_AFTER = f"(?<!{_LONE_CLASS}.)"  # the same, asked after the figure's first character
# A figure of one or two digits followed by one space and a lower-case word: a count, maybe.
FIGURE_COUNT_RE = recache.compile(r"([1-9]" + _LONE_AFTER + r"[0-9]?)(?= [a-z])")
# A number word from ten up, alone (not "ten-minute", not "Ten" at a sentence's start).
# (By first letter, the left bound asked after it, as LETTERS_RE: no two words fit at one place.)
_AFTER_WORD = r"(?<![\w\-–'’].)"
_AND_UNIT = r"(?:-(?:one|two|three|four|five|six|seven|eight|nine))?"
WORD_COUNT_RE = recache.compile(
    rf"(t{_AFTER_WORD}(?:en|welve|hirteen|(?:wenty|hirty){_AND_UNIT})|e{_AFTER_WORD}(?:leven|ighteen|ighty{_AND_UNIT})"
    rf"|f{_AFTER_WORD}(?:ourteen|ifteen|(?:orty|ifty){_AND_UNIT})|s{_AFTER_WORD}(?:ixteen|eventeen|(?:ixty|eventy){_AND_UNIT})"
    rf"|n{_AFTER_WORD}(?:ineteen|inety{_AND_UNIT}))(?= [a-z])")
NEXT_WORD_RE = recache.compile(r"[a-z]+(?:['’][a-z]+)?(?![\w\-–'’])")
# Any number in a sentence: a figure, or a number word (one up to ninety-nine).
ANY_NUMBER_RE = recache.compile(
    r"\d+(?:[.,]\d+)*|(?<![\w-])(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?![\w])", re.I)
# The words after a figure that make it a measure, a time, a sum or a label rather than a count.
NOT_COUNT_NEXT = frozenset("""
    am pm a.m p.m o'clock gmt bst hrs per percent cent pence p million billion trillion bn m thousand hundred
    dozen miles mile metres meters metre meter km kilometres kilometers feet foot ft inches inch yards yard
    pounds pound lb lbs ounces oz stone stones tonnes tons tonne ton kg kilos kilograms grams litres liters
    gallons pints degrees acres hectares mph kph knots volts watts kilowatts megawatts calories carats
    megabits megabytes gigabytes terabytes kilobytes bytes bits megapixels pixels mbps kbps gbps ghz mhz gb mb kb
    points pts goals runs wickets sets frames laps strokes shots secs mins hrs
    euros euro dollars dollar cents yen francs pesos rupees yuan roubles rubles dinars quid grand
    under over up down to of and or in on at by for from with x percentage out
""".split())
# Verbs that take a singular subject: after a figure they make it a name ("3 says", the network)
# or a number spoken of as such ("7 is lucky"), not a count.
SINGULAR_VERBS = frozenset("""
    is was has does says gets goes makes takes plans wants needs seems looks remains comes gives sells offers
    uses lets means holds keeps tells shows hopes claims aims launches expects believes thinks knows admits
    insists argues warns adds agrees owns employs faces sees becomes stands includes costs lies
""".split())
# Words before a figure that make it a label, a rank or an age: No 10, page 3, aged 7.
LABEL_BEFORE = frozenset("""
    aged age ages no number nos page pages p pp section sections chapter chapters article articles clause route
    flight series channel level levels grade grades class category phase stage round game match week day year
    room platform gate line version figure table step part act scene verse volume vol issue episode season
    division tier band zone terminal bay unit floor block exit junction lane court box door top formula model
    type size rank ranked seed seeded key track disc car bus train ward hole par hut cell wing term form lot
    slot bed plot gear mark mk group pool heat lane option question item rule point paragraph schedule annex
    annexe appendix psalm psalms john luke matthew to from between and or plus minus times x
""".split())
# Plural nouns that do not end in -s.
IRREGULAR_PLURALS = frozenset("people men women children police staff crew sheep cattle geese mice teeth".split())
# An adjective that may stand between the number and its noun: "three new stores".
COUNT_ADJECTIVES = frozenset("""
    new more other former further extra additional separate different small large big major young senior junior
    local top key main consecutive successive previous recent young older younger
""".split())
SENTENCE_STOP_RE = recache.compile(r"[.!?](?=[\s\u00a0\"”’')]|$)")
# After one of these words a full stop ends no sentence.
NO_SENTENCE_END = frozenset("no nos vol p pp fig art ch sec approx c ca tel".split())
PERCENT_RE = recache.compile(r"(\d(?<![\w.,].)(?:[\d,]*\d)?(?:\.\d+)?)(?:(%)|( %)|[ \u00a0](per cent|percent)(?![\w-]))")
# Figures of four or more digits with no thousands comma, after a space, an opening bracket or a currency sign.
LONG_FIGURE_RE = recache.compile(r"(?<![\w.,/#:+\-–−@&'’])([£$€]?)([1-9]\d{3,})(?![\w/:@\-–]|[.,]\d)")
FOUR_DIGITS_RE = recache.compile(r"[1-9]\d{3}")
# Words before a long figure that make it a code or a number, not an amount.
CODE_BEFORE = frozenset("""
    no number nos code id ref reference account case serial model flight route pin phone tel telephone fax call
    dial text po box postcode zip version build issue patent policy order invoice ticket badge registration
    licence license bus train room page section article clause series part flat unit extension ext
""".split())
ORDINAL_RE = recache.compile(r"(\d(?<![\w.,/#:+\-–−@&].)\d*)(st|nd|rd|th|ST|ND|RD|TH)(?![^\W_])")


def _sentence_span(t: str, i: int) -> tuple[int, int]:
    """The sentence around t[i], looked for up to 300 characters either side."""
    start = 0
    for m in SENTENCE_STOP_RE.finditer(t, max(0, i - 300), i):
        start = m.end()
    if start == 0 and i > 300:
        start = i - 300
    m = SENTENCE_STOP_RE.search(t, i, i + 300)
    return start, (m.end() if m else min(len(t), i + 300))


def _compared(t: str, start: int, end: int, at: int, words: bool) -> bool:
    """The sentence t[start:end] holds a number besides the one at t[at]: a figure other than a
    year ("in 2004, 3 people..." compares nothing), or, when words is true, a number word.
    Stops at the first it finds."""
    for m in ANY_NUMBER_RE.finditer(t, start, end):
        if m.start() == at:
            continue  # the number itself
        v = m.group()
        if v[0].isdigit():
            if not (len(v) == 4 and v.isdigit() and 1000 <= int(v) <= 2099):
                return True
        elif words:
            return True
    return False


# Words that join a figure to another in a range or a sum ("5 to 7", "3 and 4"): a label only
# when a figure stands before them; "and 3 people were hurt" is a count.
RANGE_WORDS = frozenset("to from and or plus minus times x".split())
# Words that may open a sentence before an amount ("About 25000 people"): not a name's capital.
QUANTIFIERS = frozenset("about some nearly almost over around roughly only just another approximately fewer".split())
FIGURE_WORD_BEFORE_RE = recache.compile(r"(?:\d|\b(?:one|two|three|four|five|six|seven|eight|nine|ten))[\w%]*\s*\Z", re.IGNORECASE)


def _label_before(t: str, i: int, labels: frozenset[str]) -> bool:
    """The word before t[i] makes the figure a name or a label (Channel 4, page 3, aged 7), or
    joins it to another figure (5 to 7) where labels holds such words (a range of small counts
    stays in figures; a range of amounts takes its commas all the same)."""
    before = _word_before(t, i)
    if not before:
        return False
    at = i - 1 - len(before)
    if before[0].isupper():
        return not (before.lower() in QUANTIFIERS and _sentence_opens_at(t, at))
    word = before.lower().rstrip(".")
    if word in RANGE_WORDS and word in labels:
        return bool(FIGURE_WORD_BEFORE_RE.search(t, max(0, at - 24), at))
    return word in labels


def _word_before(t: str, i: int) -> str:
    """The word right before t[i] (past one space), or "" if something else stands there."""
    j = i - 1
    if j < 0 or t[j] != " ":
        return ""
    k = j
    while k > 0 and (t[k - 1].isalpha() or t[k - 1] in ".’'"):
        k -= 1
    return t[k:j]


def _counted(t: str, i: int) -> bool:
    """The words from t[i] read as a counted noun: a plural ("people"), maybe past an adjective
    ("new stores"); not a unit, a time or an age ("7 years old")."""
    m = NEXT_WORD_RE.match(t, i)
    if m is not None and m.group() in COUNT_ADJECTIVES and t.startswith(" ", m.end()):
        m = NEXT_WORD_RE.match(t, m.end() + 1)
    if m is None:
        return False
    w = m.group()
    if w in NOT_COUNT_NEXT or w in SINGULAR_VERBS or "'" in w or "’" in w:
        return False
    if t.startswith((" old", " of age"), m.end()):
        return False  # an age: "7 years old"
    if w in IRREGULAR_PLURALS:
        return True
    return len(w) >= 3 and w.endswith("s") and not w.endswith(("ss", "us", "is", "ous"))


class _Quotes:
    """Where a paragraph's double quotation marks stand, found once, asked per number."""

    def __init__(self, t: str):
        self.straight = [m.start() for m in re.finditer('"', t)]
        self.pairs = []
        for opener, closer in (("“", "”"), ("‘", "’(?![^\\W\\d_])")):  # ’ inside a word is an apostrophe
            if opener in t:
                self.pairs.append(([m.start() for m in re.finditer(opener, t)],
                                   [m.start() for m in re.finditer(closer, t)]))

    def inside(self, i: int) -> bool:
        if bisect_right(self.straight, i) % 2:
            return True
        for opens, closes in self.pairs:
            o = bisect_right(opens, i)
            if o:
                c = bisect_right(closes, i)
                if not c or closes[c - 1] < opens[o - 1]:
                    return True
        return False


def _sentence_opens_at(t: str, i: int) -> bool:
    """t[i] begins a sentence: the paragraph's start, or past a full stop (not an abbreviation's),
    a question or an exclamation mark, closing quotation marks and at least one space."""
    j = i - 1
    while j >= 0 and t[j] in "\"“‘(":
        j -= 1  # an opening quotation mark or bracket: the sentence opens inside it
    if j >= 0 and not t[j].isspace():
        return False
    while j >= 0 and t[j].isspace():
        j -= 1
    if j < 0:
        return True
    while j >= 0 and t[j] in "\"”’')]":
        j -= 1
    if j < 0 or t[j] not in ".!?":
        return False
    if t[j] == ".":
        k = j
        while k > 0 and t[k - 1].isalpha():
            k -= 1
        w = t[k:j]
        if w.lower() in NO_SENTENCE_END or w.lower() in ABBREVIATIONS or (len(w) == 1 and w.isupper()) or (k > 0 and t[k - 1] == "."):
            return False  # "No. 5", "J. 5", "U.S. 3"
    return True


CLOCK_WORDS = frozenset("am pm a p o'clock gmt bst est hrs hours".split())


def _opens_sentence_as_count(t: str, i: int, j: int) -> bool:
    """The figure t[i:j] opens a sentence of prose as a count: the sentence ends with a full
    stop, a question or an exclamation mark (a line of a recipe or a list of statistics has
    none), no figure follows within three words ("1 sack, 1 TFL, 2 QH"), and the word after it
    is no clock time ("10 p.m.") and no singular verb ("3 is looking to music": the network)."""
    if not _sentence_opens_at(t, i):
        return False
    w = NEXT_WORD_RE.match(t, j + 1)
    if w is None or w.group() in SINGULAR_VERBS or w.group() in CLOCK_WORDS:
        return False
    if any(c.isdigit() for c in "".join(t[j : j + 60].split()[:3])):
        return False
    return SENTENCE_STOP_RE.search(t, j, j + 400) is not None


def _start_word(n: int) -> str:
    w = number_word(n)
    return w[0].upper() + w[1:]


def _numbers(doc: Document, ctx: Context) -> list:
    """Decades with an apostrophe; sums of money in the form the house does not use; numbers
    under the house's threshold as figures (or over it as words); a figure opening a sentence;
    a percentage in the form the house does not use; long figures with no thousands comma; an
    ordinal with the wrong suffix."""
    sec = ctx.house.section("numbers")
    if not sec:
        return []
    money = sec.get("money")
    words_below = sec.get("words_below") or 0
    percent = sec.get("percent")
    commas = sec.get("thousands_comma", False)
    out = []
    percents: list[tuple[str, int, int, str, str, bool]] = []  # form, source span, figure, as written, verbatim
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
        prose = b.kind in ("paragraph", "list_item")  # running prose: not a headline, a heading or a quotation
        digits = DIGIT_RE.search(t) is not None
        if prose and words_below and not ctx.full:
            out += _counts(b, ctx, words_below, digits)
        if not digits or ctx.full:
            continue
        if percent and ("%" in t or "per" in t) and not _figure_dense(t):  # a table keeps its % signs
            for m in PERCENT_RE.finditer(t):
                form = "%" if m.group(2) or m.group(3) else m.group(4)
                s, e = b.prose.source_span(m.start(), m.end())
                percents.append((form, s, e, m.group(1), b.is_body, b.prose.verbatim(m.start(), m.end())))
        if commas:
            out += _thousands(b, ctx)
        if "st" in t or "nd" in t or "rd" in t or "th" in t or "ST" in t or "ND" in t or "RD" in t or "TH" in t:
            for m in ORDINAL_RE.finditer(t):
                if ctx.full:
                    break
                right = ordinal_suffix(int(m.group(1)[-2:]))
                if m.group(2).lower() == right:
                    continue
                right = right.upper() if m.group(2).isupper() else right
                s, e = b.prose.source_span(m.start(), m.end())
                ss, se = b.prose.source_span(m.start(2), m.end(2))
                out.append(ctx.finding("style.numbers", s, e,
                                       f"The ordinal {m.group(1)} takes the suffix “{right}”: “{m.group(1)}{right}”.",
                                       [m.group(1) + right], safe=True,
                                       edits=[Edit(ss, se, right)] if b.prose.verbatim(m.start(2), m.end(2)) else None))
    if percent and percents:
        out += _percents(ctx, percent, percents)
    return out


def _counts(b: Block, ctx: Context, words_below: int, digits: bool) -> list:
    """Figures under the threshold used as counts (words in house style), figures opening a
    sentence, and number words from the threshold up used as counts (figures in house style)."""
    t = b.text
    out = []
    quotes: list[_Quotes] = []  # made when first needed

    def apart(i: int) -> bool:
        """The number at i stands on its own in running prose: after a space or a bracket, and
        outside quotation marks (a speaker's words are theirs)."""
        if i > 0 and t[i - 1] not in " (":
            return False
        if not quotes:
            quotes.append(_Quotes(t))
        return not quotes[0].inside(i)
    if digits and _figure_dense(t):
        digits = False  # a table or a line of statistics ("74 100% 4 tackles (4 combined)"), not prose
    if digits:
        for m in FIGURE_COUNT_RE.finditer(t):
            if ctx.full:
                break
            i, j = m.start(), m.end()
            n = int(m.group(1))
            if _sentence_opens_at(t, i):
                if not _opens_sentence_as_count(t, i, j):
                    continue
                s, e = b.prose.source_span(i, j)
                word = _start_word(n)
                out.append(ctx.finding("style.numbers", s, e,
                                       f"House style does not open a sentence with a figure: write “{word}” or recast the sentence.",
                                       [word], edits=[Edit(s, e, word)] if b.prose.verbatim(i, j) else None))
                continue
            if n >= words_below or not _counted(t, j + 1):
                continue
            if _label_before(t, i, LABEL_BEFORE):
                continue  # a name or a label: Channel 4, Windows 7, page 3, aged 7, top 5, 5 to 7
            if not apart(i):
                continue
            ss, se = _sentence_span(t, i)
            if _compared(t, ss, se, i, False) or _has_big_word(t, ss, se, words_below):
                continue  # "between 5 and 15": the sentence compares figures, which stay figures
            word = number_word(n)
            s, e = b.prose.source_span(i, j)
            out.append(ctx.finding("style.numbers", s, e,
                                   f"House style writes numbers under {words_below} as words: “{word}”.",
                                   [word], edits=[Edit(s, e, word)] if b.prose.verbatim(i, j) else None))
        out += _long_sentence_starts(b, ctx)
    if "ty" in t or "te" in t or "ve" in t:
        for m in WORD_COUNT_RE.finditer(t):
            if ctx.full:
                break
            i, j = m.start(), m.end()
            n = word_number(m.group(1))
            if n is None or n < words_below or not _counted(t, j + 1):
                continue
            before = _word_before(t, i)
            if before and (before[0].isupper() or before.lower().rstrip(".") in LABEL_BEFORE or before in ("the", "of")):
                continue  # "Ocean's Eleven", "top ten", "the twelve apostles"
            if not apart(i):
                continue
            ss, se = _sentence_span(t, i)
            if _compared(t, ss, se, i, True):
                continue  # "nine out of ten", "ten or 12": numbers side by side are left as written
            s, e = b.prose.source_span(i, j)
            out.append(ctx.finding("style.numbers", s, e,
                                   f"House style writes numbers from {words_below} up as figures: “{n}”.",
                                   [str(n)], edits=[Edit(s, e, str(n))] if b.prose.verbatim(i, j) else None))
    return out


FIGURE_RE = recache.compile(r"\d+(?:[.,]\d+)*")


def _figure_dense(t: str) -> bool:
    """Three figures or more, one word in three or more a figure: a table, a score sheet or a
    list of statistics, not prose."""
    n = len(FIGURE_RE.findall(t))
    return n >= 3 and n * 3 >= t.count(" ") + 1


BIG_WORD_RE = recache.compile(r"(?<![\w-])(?:ten|eleven|twelve|(?:thir|four|fif|six|seven|eigh|nine)teen|twenty|thirty|forty|"
                         r"fifty|sixty|seventy|eighty|ninety)(?!\w)", re.I)


def _has_big_word(t: str, start: int, end: int, words_below: int) -> bool:
    """The sentence t[start:end] holds a number word from the house threshold up."""
    return any((word_number(m.group().lower()) or 0) >= words_below for m in BIG_WORD_RE.finditer(t, start, end))


# A figure of three or more digits (or with commas or a decimal point) followed by a lower-case word.
LONG_START_RE = recache.compile(r"(\d" + _LONE_AFTER + r"(?:\d{2,}|\d{0,2}(?:,\d{3})+|\d*\.\d+))(?= [a-z])")


def _long_sentence_starts(b: Block, ctx: Context) -> list:
    """Figures of three digits and more opening a sentence (one or two digits are looked at with
    the counts): "1,500 people came." A year (1000-2099 in four digits) may open one."""
    t = b.text
    out = []
    for m in LONG_START_RE.finditer(t):
        if ctx.full:
            break
        i, j = m.start(), m.end()
        v = m.group(1)
        if (len(v) == 4 and v.isdigit() and 1000 <= int(v) <= 2099) or not _opens_sentence_as_count(t, i, j):
            continue
        s, e = b.prose.source_span(i, j)
        out.append(ctx.finding("style.numbers", s, e,
                               "House style does not open a sentence with a figure: recast the sentence (“Some "
                               f"{v} …”) or spell it out."))
    return out


def _thousands(b: Block, ctx: Context) -> list:
    """Figures of five or more digits (and four, past any year or clock time) with no thousands
    comma, as amounts: 10000 -> 10,000. Codes, telephone numbers, models, years and figures
    inside addresses are left alone."""
    t = b.text
    out = []
    if FOUR_DIGITS_RE.search(t) is None:
        return out  # what every long figure holds: a quick scan, where the figure's pattern tries every place
    for m in LONG_FIGURE_RE.finditer(t):
        if ctx.full:
            break
        sign, v = m.group(1), m.group(2)
        i, j = m.start(2), m.end(2)
        if len(v) == 4 and (int(v) < 2400 or (int(v) % 100 and not sign)):
            continue  # a year (1066, 2012), a clock time (2130 GMT) or a model (the 7610); "2000 people" may be a year's
        if len(v) > 15:
            continue  # a code, never an amount
        after = t[j : j + 2]
        if after[:1] == " ":
            if not after[1:].islower():
                continue  # "0800 555 0100", "3000 BC": a code or a date, not an amount
            if (w := NEXT_WORD_RE.match(t, j + 1)) is not None and w.group() in SINGULAR_VERBS:
                continue  # "85130 is the number to text"
        elif not sign:
            continue  # without a currency sign, a figure is an amount only before a word: "25000 people"
        elif after[:1] not in ("", ",", ";", ".", ")", ":", "!", "?") or (after[1:] and not after[1:].isspace()):
            continue  # "£12345-A", "£10000.5"
        if not sign:
            if _label_before(t, i, CODE_BEFORE):
                continue  # "Nokia 7610", "flight 20451", "PO Box 12345"
            if i > 0 and t[i - 1] not in " (" or (i > 1 and t[i - 2].isdigit()):
                continue  # "0800 5551234": a telephone number's second group
        if _in_address(t, i, j):
            continue
        with_commas = f"{int(v):,}"
        s, e = b.prose.source_span(i, j)
        out.append(ctx.finding("style.numbers", s, e,
                               f"House style writes figures of {'four' if len(v) == 4 else 'five'} or more digits with a thousands comma: “{with_commas}”.",
                               [with_commas], edits=[Edit(s, e, with_commas)] if b.prose.verbatim(i, j) else None))
    return out


PERCENT_FORMS = {"%": "%", "per cent": " per cent", "percent": " percent"}


def _percents(ctx: Context, house_form: str, found: list) -> list:
    """Percentages after a figure in the form the house does not use; or, where the house
    accepts either (consistent), the minority form of a draft that mixes "%" and the words."""
    if house_form == "consistent":
        body = [f for f in found if f[4]]
        n_sign = sum(1 for f in body if f[0] == "%")
        n_words = len(body) - n_sign
        if not n_sign or not n_words:
            return []
        if n_sign > n_words or (n_sign == n_words and body[0][0] == "%"):
            target, wrong = "%", lambda form: form != "%"
        else:
            words = Counter(f[0] for f in body if f[0] != "%")
            target = max(words, key=lambda w: (words[w], w == next(f[0] for f in body if f[0] != "%")))
            wrong = lambda form: form == "%"  # noqa: E731
        n_target = n_sign if target == "%" else n_words
        reason = f"this one writes “{target}” {n_target} times out of {n_sign + n_words}" if n_target > 1 else \
            f"this one writes “{target}” first"
        todo = [f for f in body if wrong(f[0])]
    else:
        target = house_form
        todo = [f for f in found if f[0] != target]
        reason = None
    out = []
    for form, s, e, figure, _body, plain in todo:
        if ctx.full:
            break
        text = figure + PERCENT_FORMS[target]
        if reason is None:
            msg = f"House style writes percentages as “{text}”."
        else:
            msg = f"House style keeps one form of percentage in an article, and {reason}: “{text}”."
        out.append(ctx.finding("style.numbers", s, e, msg, [text], edits=[Edit(s, e, text)] if plain else None))
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


# The rules the paragraph pass (_body) reports: without one of them selected, it does not run.
BODY_RULES = frozenset(("style.honorific", "style.spelling", "style.consistency"))


class StyleChecker(Checker):
    """The house pack's style: the headline (style.headline), numbers (style.numbers), and in
    the body honorifics, spellings and the consistency of variants, in one pass a paragraph."""

    id = "style"
    description = "House style from the house pack: honorifics, spellings, consistency."
    rules = rules_from("style")  # copydesk/checks/style.yaml

    def check(self, doc: Document, ctx: Context):
        findings = _headline(doc, ctx) if ctx.enabled is None or "style.headline" in ctx.enabled else []
        if ctx.enabled is None or "style.numbers" in ctx.enabled:
            findings += _numbers(doc, ctx)
        if ctx.enabled is None or ctx.enabled & BODY_RULES:
            findings += self._body(doc, ctx)
        return findings

    def _body(self, doc: Document, ctx: Context):
        house = ctx.house
        hon_re, wants_stop = _honorific_re(house)
        table = _spelling_table(house)
        many = _scan_pays(doc)  # past a process's first draft, or a long one: RE2 pays for its start
        candidates = _spelling_candidates(house) if table and many else None
        protected = _protected_re(house)
        var_re, var_index, var_both = _variants(house)
        sense = _by_sense(house)
        # a quick look for the words before the scan: their letters after the first, in lower or upper case
        sense_needles = {w[1:] for w in sense.table}
        findings = []
        names_found: list[set[str]] = []  # the draft's names, worked out when first needed

        def names() -> set[str]:
            if not names_found:
                names_found.append(_capitalised_mid_sentence(doc))
            return names_found[0]

        variety = "American" if house.section("spelling").get("prefer", "british") != "american" else "British"
        occurrences: dict[int, list[tuple[str, int, int]]] = {}
        counts: dict[int, Counter] = {}
        read = [b for b in doc.blocks if b.text and b.kind not in ("front_matter", "code")]
        found = dict(zip(map(id, read), _scan_candidates([b.text for b in read], candidates))) if table and candidates else {}
        for b in read:
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
            # The protected names' spans in this paragraph, found when first asked of: most
            # paragraphs hold no word to respell, and never ask.
            skip: list[tuple[int, int]] | None = None
            skip_starts: list[int] = []

            def protected_at(i: int, t: str = t) -> bool:
                nonlocal skip, skip_starts
                if skip is None:
                    skip = [] if protected is None or not _may_match(protected, t, many) else [
                        (m.start(), m.end()) for m in protected.finditer(t)]
                    skip_starts = [a for a, _z in skip]
                k = bisect_right(skip_starts, i) - 1
                return k >= 0 and i < skip[k][1]

            if table:
                for ws, we, word, target in _table_words(t, table, candidates, found.get(id(b))):
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
                        if (j < len(t) and t[j].isupper()) or word in names():
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
            if var_re is not None and _may_match(var_re, t, many):
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
