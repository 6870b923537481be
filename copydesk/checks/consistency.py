"""consistency: what a sub-editor checks by holding the whole article in mind. A date whose
weekday is wrong or that does not exist, or "yesterday (Tuesday)" against the article's date; a
person whose courtesy title changes (Mrs Kaur, then Ms Kaur); a person whose age changes (Jane
Ellis, 34, then Ms Ellis, 43) or does not fit their birth date; a name spelt two ways.

People are known by surname, and a surname counts as one person only when the article gives
it at most one first name: Tom Smith and Anna Smith are two people, and so are Mr Smith and
Mrs Smith, so a change between them is never reported."""

from __future__ import annotations

import re
from bisect import bisect_right
from collections import defaultdict
from functools import lru_cache

from ..checker import Checker, Context, rules_from
from ..document import Document
from .. import recache

TYPE_CHECKING = False  # typing's own, without importing typing
if TYPE_CHECKING:
    import datetime


DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
# English month names, whatever the machine's locale (1 to 12; 0 is empty, as in calendar).
MONTH_NAMES = ("", "January", "February", "March", "April", "May", "June", "July", "August", "September", "October",
               "November", "December")
MONTHS = {m.lower(): i for i, m in enumerate(MONTH_NAMES) if m}
MONTHS.update({m[:3].lower(): i for i, m in enumerate(MONTH_NAMES) if m and m != "May"})
MONTHS["sept"] = 9


def _date(year: int, month: int, day: int) -> datetime.date:
    import datetime  # only for a draft with dates: a fresh process does without the module

    return datetime.date(year, month, day)


def _days(n: int) -> datetime.timedelta:
    import datetime

    return datetime.timedelta(days=n)


def _days_in(year: int, month: int) -> int:
    if month == 2:
        return 29 if year % 4 == 0 and (year % 100 != 0 or year % 400 == 0) else 28
    return 30 if month in (4, 6, 9, 11) else 31


_MONTH = "January|February|March|April|May|June|July|August|September|October|November|December|Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec"
# "Tuesday 5 March 2026", "Tuesday, 5th March, 2026", "Tuesday, March 5, 2026"
WEEKDAY_DATE_RE = recache.compile(
    rf"\b(?P<weekday>{'|'.join(DAYS)}),?\s+(?:the\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})(?:\.(?=,?\s+(?:19|20)\d\d))?\b"
    rf"|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?\b)(?:,?\s+(?P<year>(?:19|20)\d\d)\b)?")
ARTICLE_DATE_RE = recache.compile(r"((?:19|20)\d\d)-(\d\d)-(\d\d)")
# A date with its year (for dates that do not exist): "30 February 2026", "February 30, 2026".
DATE_RE = recache.compile(
    rf"\b(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?),?"
    rf"\s+(?P<year>(?:19|20)\d\d)\b")
# "yesterday (Tuesday)", "today, Thursday 5 March,", "tomorrow (6 March)": a day named beside
# the word that places it from the article's date.
RELATIVE_RE = recache.compile(
    rf"\b(?P<rel>[Yy]esterday|[Tt]oday|[Tt]omorrow)(?:\s*\(\s*|,\s+)(?:on\s+)?(?:(?P<weekday>{'|'.join(DAYS)})\b)?"
    rf"(?:(?(weekday),?\s*|)(?:the\s+)?(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?)\b)?(?:(?<=[a-z0-9])\))?")
RELATIVE_DAYS = {"yesterday": -1, "today": 0, "tomorrow": 1}
TITLES = ("Mr", "Mrs", "Ms", "Miss", "Dr", "Prof")
# "Mrs Kaur", "Dr. Lee", "Ms Priya Kaur": the title, an optional first name, the surname.
# (A pattern that must start a word asks it after its first letter, (?<!\w.), where it may:
# Python's engine then skips straight to that letter. The same matches: tests/test_style_patterns.py.)
TITLED_RE = recache.compile(r"(M(?<!\w.)(?:rs|s|iss|r)|D(?<!\w.)r|P(?<!\w.)rof)\.?\s+(?:([A-Z][a-z]+)\s+)?([A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*)\b")

# Names of organisations, teams and bodies: two to four capitalised words.
_CAP = r"[A-Z][A-Za-z&'’-]*[a-z][A-Za-z'’-]*"
ORG_RE = recache.compile(rf"[A-Z](?<![\w'’-].){_CAP[5:]}(?: {_CAP}){{1,3}}(?![\w'’-])")
ORG_STOP = frozenset("The A An But And Or In On At For Of To With By From As If When While After Before This That These Those "
                     "Its His Her Their Our It He She They We I Yesterday Today On Monday Tuesday Wednesday Thursday Friday "
                     "Saturday Sunday January February March April May June July August September October November "
                     "December Mr Mrs Ms Miss Dr Prof Sir Lord Lady Dame".split())
# A name standing as a noun: before punctuation, the end, or a verb of reporting or being.
ORG_ALONE_RE = recache.compile(r"(?:['’]s?)?(?:\s*[.,;:!?)\"”]|\s*\Z|\s+(?:said|says|have|has|had|were|was|will|would|is|are|could|can|did|does|do|won|lost|beat|drew|announced|confirmed|denied|agreed|played|sent|made|signed|added|told|wants|wanted|needs|needed|must|may|might|should|faced|hosted|scored|plans|planned|insisted|claimed|issued|took|gave|paid|sold|bought|reported)\b)")
COUNTED_BEFORE_RE = recache.compile(r"\b(?:a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d+)\s+\Z", re.IGNORECASE)
# Names whose plural is a name too ("the Golden Globes", "two Oscars"): a plural s is no slip.
PLURAL_NAMES = frozenset("Globe Award Cup Game Prize Oscar Brit Grammy Emmy Bafta Slam Open Championship Test Final Olympic "
                         "Democrat Republican Conservative Liberal Tory Socialist Green Nationalist Unionist Democrats Stone "
                         "Dem Arrow Knight Blue Red Saint Angel Giant Ranger Rover Wanderer Athletic Star Bull Bear Eagle King".split())

# An age between commas, found by its literal comma first; the name before it is read backwards.
AGE_RE = recache.compile(r",\s+(\d{1,3}),")
NAME_BEFORE_RE = recache.compile(r"(?:\b(Mr|Mrs|Ms|Miss|Dr|Prof)\.?\s+)?(?:\b([A-Z][a-z]+)\s+(?:[A-Z]\.\s+)?)?\b([A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*)\Z")
# "born on 3 May 1990", "born in March 1990", "born May 3, 1990", "(born 1990)".
BORN_RE = recache.compile(
    rf"\bborn\s+(?:on\s+|in\s+)?(?:(?:the\s+)?(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?(?:\s+of)?\s+(?P<m1>{_MONTH})\.?,?\s+"
    rf"|(?P<m2>{_MONTH})\.?\s+(?:(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?,?\s+)?)?(?:in\s+)?(?P<year>(?:19|20)\d\d)\b")
MONTH_NEEDLES = ("Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec")
# "Victor Burton", "Victor N. Burton": a first name, a middle initial perhaps, the surname.
FULL_NAME_RE = recache.compile(r"([A-Z](?<!\w.)[a-z]+)\s+(?:[A-Z]\.\s+)?([A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*)\b")
# Title groups within which a change is a fault: a woman's courtesy titles, and a professional
# title against a courtesy one (Dr Lee, then Mr Lee). Mr against Mrs, Ms or Miss is two people.
FEMALE = {"Mrs", "Ms", "Miss"}
COURTESY = {"Mr", "Mrs", "Ms", "Miss"}
CAP_WORD_RE = recache.compile(r"\b[A-Z][A-Za-z'’-]*[a-z][A-Za-z'’-]*")
# A bare surname is a second reference only standing alone: not after a first name, a title, an
# article ("the Blair government", "a Jackson lawyer") or a nickname's closing quotation mark,
# not before another name ("Blair House"), and not paired ("Blair and Brown camps", "Brown/Blair").
CAPITALISED_BEFORE_RE = recache.compile(r"(?:\b[A-Z][\w'’.-]*(?:\s+and)?|\b(?:the|a|an)|[-'’/\"”])\s*\Z")
CAPITALISED_AFTER_RE = recache.compile(r"(?:['’]s)?(?:\s+(?:and\s+)?[A-Z&]|[-/])")
PROFESSIONAL = {"Dr", "Prof"}


def _groups(groups, path: str, line, key: str) -> dict[str, str]:
    from ..yamlio import DataError

    if not isinstance(groups, list) or not all(
            isinstance(g, list) and len(g) > 1 and all(isinstance(w, str) and w[:1].isupper() for w in g) for g in groups):
        raise DataError(path, line, key, "must be a list of groups, each of two or more capitalised spellings")
    return {w: g[0] for g in groups for w in g}


@lru_cache(maxsize=8)
def _spellings(house=None) -> tuple[dict[str, str], dict[str, str]]:
    """Spellings of one name: each first name and surname to the first spelling of its group,
    from rules/names.yaml and the house pack's `names` section."""
    from ..house import load_data_pack
    from ..yamlio import line_of

    pack = load_data_pack("names.yaml")
    extra = house.section("names") if house is not None else {}
    out: list[dict[str, str]] = []
    for key in ("first_names", "surnames"):
        table = _groups(pack.get(key), "copydesk/rules/names.yaml", line_of(pack, key) if key in pack else None, key)
        if key in extra:
            table = {**table, **_groups(extra[key], house.path, line_of(extra, key), f"names.{key}")}
        out.append(table)
    return out[0], out[1]


def _month(name: str) -> int:
    return MONTHS[name.lower().rstrip(".")]


class _Paragraphs(list):
    """The blocks the checker reads, with the number of each body paragraph as it stands in
    the file (counted from 1 as a reader of the file counts them, furniture included): a
    message that names paragraph 5 sends the reporter to the fifth paragraph of the draft."""

    def __init__(self, blocks, doc: Document):
        super().__init__(blocks)
        self.starts = [b.start for b in doc.blocks if b.is_body and b.text.strip()]

    def number(self, b) -> int:
        return bisect_right(self.starts, b.start)


def _numbered(blocks):
    """(number, block): paragraphs of the body numbered as in the file; the headline and
    headings are 0."""
    number = blocks.number if isinstance(blocks, _Paragraphs) else None
    n = 0
    for b in blocks:
        if b.is_body:
            n += 1
            yield (number(b) if number else n), b
        else:
            yield 0, b


def _where(paras: list[int], here: int | None = None) -> str:
    """Where the other form stands, as "in paragraphs 2 and 5" (with here, the finding's own
    paragraph: "earlier in this paragraph" when that is the only place)."""
    if here is not None:
        return "elsewhere in this paragraph" if set(paras) == {here} and here else "in " + _where(paras)
    ps = sorted(set(p for p in paras if p))
    head = "the headline" if 0 in paras else ""
    if not ps:
        return head
    words = [str(p) for p in ps]
    listed = words[0] if len(words) == 1 else ", ".join(words[:-1]) + " and " + words[-1]
    return (head + " and " if head else "") + f"paragraph{'s' if len(ps) > 1 else ''} {listed}"


POSSESSIVE_RE = recache.compile(r"['’]s?$")


def _near(a: str, b: str) -> bool:
    """a and b differ by one letter added, dropped, changed, or two neighbours swapped
    (Whitmore, Whitemore; McDonald, MacDonald; Forsyth, Forsythe), and are long enough for that
    to be a slip. An s or an n added at the end is a plural or a people, not a slip (Blacks,
    Lankan)."""
    if a == b or min(len(a), len(b)) < 5 or abs(len(a) - len(b)) > 1 or a[0] != b[0]:
        return False
    short_, longer = (a, b) if len(a) <= len(b) else (b, a)
    if len(short_) < len(longer) and longer.startswith(short_) and longer[-1] in "sn":
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        return len(diff) == 1 or (len(diff) == 2 and diff[1] == diff[0] + 1 and a[diff[0]] == b[diff[1]]
                                  and a[diff[1]] == b[diff[0]])
    short, long_ = (a, b) if len(a) < len(b) else (b, a)
    i = 0
    while i < len(short) and short[i] == long_[i]:
        i += 1
    return short[i:] == long_[i + 1:]


# The article's own date, as a line of its own near the top ("Thursday 5 March 2026",
# "Published: 5 March 2026, 10:31 GMT") or as a wire dateline ("LONDON, March 5, 2026 (Reuters) -").
DATELINE_RE = recache.compile(
    rf"(?:(?:Published|Updated|Last updated|First published)(?: on)?:?\s+)?(?:(?:{'|'.join(DAYS)}),?\s+)?"
    rf"(?:(?P<d1>\d{{1,2}})(?:st|nd|rd|th)?\s+(?P<m1>{_MONTH})\.?|(?P<m2>{_MONTH})\.?\s+(?P<d2>\d{{1,2}})(?:st|nd|rd|th)?),?"
    rf"\s+(?P<year>(?:19|20)\d\d)\b(?P<rest>.*)", re.DOTALL)
WIRE_PLACE_RE = recache.compile(r"[A-Z][A-Z.' -]+,\s+")
TIME_ONLY_RE = recache.compile(r"[\s,.]*(?:at\s+)?(?:\d{1,2}[:.]\d\d\s*(?:[ap]\.?m\.?|GMT|BST|UTC|ET|EST|EDT)?\s*)?(?:GMT|BST|UTC)?[\s.]*\Z", re.IGNORECASE)


def _dated(m: re.Match[str]) -> datetime.date | None:
    try:
        return _date(int(m.group("year")), _month(m.group("m1") or m.group("m2")), int(m.group("d1") or m.group("d2")))
    except ValueError:
        return None


SMALL_WORD_RE = recache.compile(r"[a-z](?<![\w'’-].)[a-z]*(?![\w'’-])")


def _first_names_only(named, blocks):
    """The full names whose first word is a first name: one the lexicon knows, or one the
    article never writes in lower case ("When Blair arrived", "The Kaur family", "Labour
    Party" are no first names)."""
    from ..furniture import _lexicon

    known = _lexicon()["first_names"]
    doubtful = {m.group(1) for _n, _b, m in named if m.group(1).lower() not in known}
    if not doubtful:
        return named
    # The article's words written small (SMALL_WORD_RE). A few doubtful names are each looked for
    # in the text, mostly by one substring test; many are looked up among the words found in one
    # pass (asking of each in turn would read the article once a name: the square of its length
    # in a draft of names).
    if len(doubtful) <= FEW_DOUBTFUL:
        text = "\n".join(b.text for b in blocks)
        common = {w for w in doubtful if _written_small(w.lower(), text)}
    else:
        small = {w for b in blocks for w in SMALL_WORD_RE.findall(b.text)}
        common = {w for w in doubtful if w.lower() in small}
    return [u for u in named if u[2].group(1) not in common]


FEW_DOUBTFUL = 12


def _written_small(word: str, text: str) -> bool:
    """Whether SMALL_WORD_RE finds word itself in text: a word of a to z alone, nothing of a
    word's (letters, figures, _ ' ’ -) either side of it."""
    if not (word.isascii() and word.isalpha()):
        return False
    at = text.find(word)
    while at >= 0:
        end = at + len(word)
        if not (at and _of_a_word(text[at - 1])) and not (end < len(text) and _of_a_word(text[end])):
            return True
        at = text.find(word, at + 1)
    return False


def _of_a_word(c: str) -> bool:
    return c.isalnum() or c in "_'’-"  # what [\w'’-] takes: \w is a letter, a figure of any kind or _


def _plural_pair(a: str, b: str) -> bool:
    """One word is the other with a plural ending (Hotspur, Hotspurs; Ferry, Ferries)."""
    short, long_ = sorted((a, b), key=len)
    return long_ == short + "s" or (short.endswith("y") and long_ == short[:-1] + "ies")


def _article_date(doc: Document) -> datetime.date | None:
    """The article's date: from its front matter (date: 2026-03-12), or from a line near the
    top that is a date and nothing else, or a wire dateline; None when the draft has none. A
    date line is read as the draft stands, though layout reports it as page furniture: it
    still dates the copy beneath it."""
    for b in doc.blocks:
        if b.key in ("date", "published", "pubdate"):
            m = ARTICLE_DATE_RE.match(b.text.strip())
            if m:
                try:
                    return _date(int(m.group(1)), int(m.group(2)), int(m.group(3)))
                except ValueError:
                    return None
    for b in [b for b in doc.blocks if b.text.strip() and b.kind not in ("front_matter", "code", "comment")][:4]:
        t = b.text.strip()
        if len(t) > 400 or not any(n in t for n in MONTH_NEEDLES):
            continue
        m = DATELINE_RE.match(t)
        if m and TIME_ONLY_RE.match(m.group("rest")):
            return _dated(m)  # the whole line is the date
        place = WIRE_PLACE_RE.match(t)
        if place:
            m = DATELINE_RE.match(t, place.end())
            if m and re.match(r"\s*(?:\([^()\n]{1,40}\)\s*)?[-–—]", m.group("rest")):
                return _dated(m)
    return None


def _nearest_year(published: datetime.date, month: int, day: int) -> int | None:
    """The year that puts day/month nearest the article's date (a December story's 3 January
    is next year's)."""
    best = None
    for y in (published.year - 1, published.year, published.year + 1):
        try:
            d = _date(y, month, day)
        except ValueError:
            continue
        if best is None or abs((d - published).days) < abs((best - published).days):
            best = d
    return best.year if best else None


class ConsistencyChecker(Checker):
    id = "consistency"
    description = "The article against itself: dates and their weekdays, a person's title and age."
    rules = rules_from("consistency")  # copydesk/checks/consistency.yaml

    def check(self, doc: Document, ctx: Context):
        blocks = _Paragraphs([b for b in ctx.read(doc).blocks if b.text and b.kind not in ("front_matter", "code")], doc)
        out = []
        enabled = ctx.enabled
        if enabled is None or "consistency.date" in enabled:
            out += self._dates(blocks, ctx, _article_date(doc))
        titled = enabled is None or "consistency.honorific" in enabled
        aged = enabled is None or "consistency.age" in enabled
        spelt = enabled is None or "consistency.name-spelling" in enabled
        if titled or aged or spelt:
            # One scan of the paragraphs for full names, and one for titles (only where a
            # title word stands), shared by the three rules about people.
            named, with_titles = [], []  # (paragraph, block, match)
            for n, b in _numbered(blocks):
                named += [(n, b, m) for m in FULL_NAME_RE.finditer(b.text) if m.group(1) not in TITLES and m.group(1) not in ORG_STOP]
                if any(x in b.text for x in ("Mr", "Ms", "Miss", "Dr", "Prof")):
                    with_titles += [(n, b, m) for m in TITLED_RE.finditer(b.text)]
            named = _first_names_only(named, blocks)
            first_names: dict[str, set[str]] = defaultdict(set)
            first_spelling = _spellings(ctx.house)[0]
            for _n, _b, m in named:
                # Two spellings of one first name (Aleksandr, Alexander) are one person's.
                first_names[POSSESSIVE_RE.sub("", m.group(2))].add(first_spelling.get(m.group(1), m.group(1)))
            if spelt:
                out += self._names(named, with_titles, ctx, blocks)
                from ..furniture import _lexicon

                known_first = _lexicon()["first_names"]
                persons = {POSSESSIVE_RE.sub("", m.group(3)) for _n, _b, m in with_titles}
                persons |= {POSSESSIVE_RE.sub("", m.group(2)) for _n, _b, m in named
                            if m.group(1).lower() in known_first or m.group(1) in first_spelling}
                out += self._organisations(blocks, ctx, persons)
            if titled:
                out += self._titles(with_titles, ctx, first_names)
                style = ctx.house.section("honorifics").get("second_reference")
                if style and not ctx.dense_marks:
                    out += self._second_references(style, blocks, named, with_titles, first_names, ctx)
            if aged:
                out += self._ages(blocks, ctx, first_names, _article_date(doc))
        return out

    def _dates(self, blocks, ctx: Context, published: datetime.date | None = None):
        out = []
        for b in blocks:
            t = b.text
            if published is not None and ("terday" in t or "oday" in t or "orrow" in t):
                out += self._relative(b, ctx, published)
            if not any(n in t for n in MONTH_NEEDLES):
                continue  # no month named: no date to check
            for m in (WEEKDAY_DATE_RE.finditer(t) if "day" in t else ()):
                day = int(m.group("d1") or m.group("d2"))
                month = _month(m.group("m1") or m.group("m2"))
                if m.group("year"):
                    year = int(m.group("year"))
                elif published is not None:
                    year = _nearest_year(published, month, day)  # the front matter's date gives the year
                    if year is None:
                        continue
                else:
                    continue  # no year, and no date of the article to take one from
                try:
                    real = _date(year, month, day)
                except ValueError:
                    continue  # reported below as a date that does not exist
                said = m.group("weekday")
                if DAYS[real.weekday()] != said:
                    s, e = b.prose.source_span(m.start(), m.end())
                    when = f"{day} {MONTH_NAMES[month]} {year}"
                    if not m.group("year"):
                        when += " (the year of the article's date)"
                    out.append(ctx.finding("consistency.date", s, e,
                                           f"{when} is a {DAYS[real.weekday()]}, not a {said}: one of the two is wrong."))
            for m in DATE_RE.finditer(t):
                day = int(m.group("d1") or m.group("d2"))
                month = _month(m.group("m1") or m.group("m2"))
                year = int(m.group("year"))
                if day == 0 or day > _days_in(year, month):
                    s, e = b.prose.source_span(m.start(), m.end())
                    out.append(ctx.finding("consistency.date", s, e,
                                           f"{MONTH_NAMES[month]} {year} has no day {day}: the date does not exist."))
        return out

    def _relative(self, b, ctx: Context, published: datetime.date):
        """"yesterday (Tuesday)" against the article's date."""
        out = []
        for m in RELATIVE_RE.finditer(b.text):
            said, dm = m.group("weekday"), m.group("m1") or m.group("m2")
            if not said and not dm:
                continue
            rel = m.group("rel").lower()
            meant = published + _days(RELATIVE_DAYS[rel])
            wrong = []
            if said and DAYS[meant.weekday()] != said:
                wrong.append(said)
            if dm:
                month, day = _month(dm), int(m.group("d1") or m.group("d2"))
                if (month, day) != (meant.month, meant.day):
                    wrong.append(f"{day} {MONTH_NAMES[month]}")
            if not wrong:
                continue
            s, e = b.prose.source_span(m.start(), m.end())
            dated = f"{DAYS[published.weekday()]} {published.day} {MONTH_NAMES[published.month]} {published.year}"
            was = {"yesterday": "yesterday was", "today": "today is", "tomorrow": "tomorrow is"}[rel]
            out.append(ctx.finding("consistency.date", s, e,
                                   f"The article is dated {dated}, so {was} {DAYS[meant.weekday()]} {meant.day} "
                                   f"{MONTH_NAMES[meant.month]}, not {' '.join(wrong)}: one of the two is wrong."))
        return out

    def _titles(self, with_titles, ctx: Context, first_names):
        uses: dict[str, list] = defaultdict(list)  # surname -> [(title, paragraph, block, match)]
        for n, b, m in with_titles:
            uses[POSSESSIVE_RE.sub("", m.group(3))].append((m.group(1), n, b, m))
        for surname in list(uses):  # a second first name for this surname: two people
            uses[surname] = [u for u in uses[surname] if not (u[3].group(2) and first_names.get(surname, set()) - {u[3].group(2)})]
        out = []
        for surname, seen in uses.items():
            if not seen or len(first_names.get(surname, ())) > 1:
                continue  # Tom Smith and Anna Smith: two people
            titles = {u[0] for u in seen}
            if len(titles) < 2 or not (len(titles & FEMALE) > 1 or (titles & PROFESSIONAL and titles - PROFESSIONAL)):
                continue  # one title, or Mr against Mrs: two people
            if titles & {"Mr"} and titles & FEMALE:
                continue  # a man and a woman of one name: two people
            counts = {t: sum(1 for u in seen if u[0] == t) for t in titles}
            first_title = seen[0][0]
            major = max(titles, key=lambda t: (counts[t], t == first_title))
            for title, n, b, m in seen:
                if title == major:
                    continue
                s, e = b.prose.source_span(m.start(), m.end())
                where = _where([u[1] for u in seen if u[0] == major], n)
                out.append(ctx.finding("consistency.honorific", s, e,
                                       f"“{title} {surname}” here, but “{major} {surname}” {where}: one person, one title."))
        return out

    def _second_references(self, style: str, blocks, named, with_titles, first_names, ctx: Context):
        """How a person is named after the first mention, as the house says: with a title (Mr
        Blair), by surname alone (Blair), or by full name (Tony Blair). Quotations are left
        alone: a speaker's words are theirs."""
        from ..finding import Edit

        out = []

        def in_quote(b, i: int) -> bool:
            return b.quotes.covers(i, len(b.text))

        titles: dict[str, list] = defaultdict(list)  # surname -> [(title, paragraph)]
        for n, _b, m in with_titles:
            titles[POSSESSIVE_RE.sub("", m.group(3))].append((m.group(1), n))
        people = {sn for sn, ts in titles.items() if len(first_names.get(sn, ())) <= 1
                  and not ({t for t, _ in ts} & {"Mr"} and {t for t, _ in ts} & FEMALE)}
        if style == "surname":
            first_at: dict[str, tuple[int, int, int]] = {}  # surname -> (paragraph, block order, index) of its first mention
            order = {id(b): k for k, b in enumerate(blocks)}
            for n, b, m in list(named) + list(with_titles):
                at = (n, order[id(b)], m.start())
                sn = POSSESSIVE_RE.sub("", m.group(m.lastindex))
                if sn not in first_at or at < first_at[sn]:
                    first_at[sn] = at
            for n, b, m in with_titles:
                surname = POSSESSIVE_RE.sub("", m.group(3))
                if not n or m.group(1) not in COURTESY or surname not in people or in_quote(b, m.start()) \
                        or first_at.get(surname) == (n, order[id(b)], m.start()):
                    continue  # the first mention names the person as the reporter chose
                bare = m.group(0)[m.start(2 if m.group(2) else 3) - m.start():]
                s, e = b.prose.source_span(m.start(), m.end())
                ds, de = b.prose.source_span(m.start(), m.start(2 if m.group(2) else 3))
                edits = [Edit(ds, de, "")] if b.prose.verbatim(m.start(), m.end()) else None
                out.append(ctx.finding("consistency.honorific", s, e,
                                       f"House style gives no courtesy title: “{bare}”, not “{m.group(0)}”.",
                                       [bare], edits=edits))
            return out
        if style == "title":
            for n, b in _numbered(blocks):
                if not n:
                    continue
                t = b.text
                for m in CAP_WORD_RE.finditer(t):
                    word = POSSESSIVE_RE.sub("", m.group(0))
                    if word not in people or CAPITALISED_BEFORE_RE.search(t, max(0, m.start() - 40), m.start()) \
                            or CAPITALISED_AFTER_RE.match(t, m.start() + len(word)) or in_quote(b, m.start()):
                        continue
                    used = titles[word]
                    kinds = sorted({u[0] for u in used})
                    s, e = b.prose.source_span(m.start(), m.start() + len(word))
                    where = _where([u[1] for u in used])
                    if len(kinds) == 1:
                        fixed = f"{kinds[0]} {word}"
                        edits = [Edit(s, e, fixed)] if b.prose.verbatim(m.start(), m.start() + len(word)) else None
                        out.append(ctx.finding("consistency.honorific", s, e,
                                               f"“{word}” here, but “{fixed}” in {where}: house style keeps the title after the first mention.",
                                               [fixed], edits=edits))
                    else:
                        out.append(ctx.finding("consistency.honorific", s, e,
                                               f"“{word}” here, but with a title in {where}: house style keeps the title after the first mention."))
            return out
        # full_name: the first name and surname each time, once the article has given both.
        firsts = {sn: next(iter(fs)) for sn, fs in first_names.items() if len(fs) == 1}
        first_seen: dict[str, tuple[int, int]] = {}
        for n, b, m in named:
            sn = POSSESSIVE_RE.sub("", m.group(2))
            if sn in firsts and m.group(1) == firsts[sn]:
                first_seen.setdefault(sn, (n, m.start()))
        for n, b, m in with_titles:
            surname = POSSESSIVE_RE.sub("", m.group(3))
            if m.group(2) or surname not in first_seen or first_seen[surname] > (n, m.start()) or in_quote(b, m.start()):
                continue
            full = f"{firsts[surname]} {surname}"
            s, e = b.prose.source_span(m.start(), m.start(3) + len(surname))
            edits = [Edit(s, e, full)] if b.prose.verbatim(m.start(), m.start(3) + len(surname)) else None
            out.append(ctx.finding("consistency.honorific", s, e,
                                   f"House style gives the full name each time: “{full}”, not “{m.group(1)} {surname}”.",
                                   [full], edits=edits))
        return out

    def _names(self, named, with_titles, ctx: Context, blocks=()):
        """Surnames one letter apart, or two spellings of one name (rules/names.yaml: Gaddafi,
        Qaddafi; Aleksandr, Alexander), that belong to one person. A surname is a person's when
        a title goes with it somewhere in the article (Mrs Holloway) or a known first name does
        (Alison Whitmore); a surname of names.yaml counts wherever it stands. Surnames are
        compared only with those of the same initial, and under one first name, so the
        comparisons stay few however many names the draft holds."""
        from ..furniture import _lexicon

        known_first = _lexicon()["first_names"]
        first_spelling, surname_spelling = _spellings(ctx.house)
        titled = []  # (surname, paragraph, block, start, end), the possessive left off
        for n, b, m in with_titles:
            surname = POSSESSIVE_RE.sub("", m.group(3))
            titled.append((surname, n, b, m.start(3), m.start(3) + len(surname)))
        with_title = {u[0] for u in titled}
        mentions: dict[str, list] = defaultdict(list)  # surname -> [(paragraph, block, start, end)]
        by_first: dict[str, set[str]] = defaultdict(set)  # one spelling of a first name -> its surnames
        firsts: dict[str, dict[str, list]] = defaultdict(lambda: defaultdict(list))  # surname -> first name as written -> mentions
        taken: set[tuple[int, int]] = set()  # (block, start) of each mention, counted once
        for n, b, m in named:
            first, surname = m.group(1), POSSESSIVE_RE.sub("", m.group(2))
            i, j = m.start(2), m.start(2) + len(surname)
            if first.lower() in known_first or first in first_spelling or surname in with_title or surname in surname_spelling:
                by_first[first_spelling.get(first, first)].add(surname)
                mentions[surname].append((n, b, i, j))
                firsts[surname][first].append((n, b, m.start(1), m.end(1)))
                taken.add((id(b), i))
        for surname, n, b, i, j in titled:
            if (id(b), i) not in taken:
                mentions[surname].append((n, b, i, j))
                taken.add((id(b), i))
        # A surname of names.yaml is a name wherever it stands ("Gaddafi said").
        whole = "\n".join(b.text for b in blocks)
        present = [w for w in surname_spelling if w in whole]
        if present:
            bare = recache.compile(r"\b(" + "|".join(sorted(present, key=len, reverse=True)) + r")\b")
            for n, b in _numbered(blocks):
                for m in bare.finditer(b.text):
                    if (id(b), m.start()) not in taken:
                        mentions[m.group(1)].append((n, b, m.start(), m.end()))
        pairs: set[tuple[str, str]] = set()
        by_initial: dict[str, list[str]] = defaultdict(list)
        by_spelling: dict[str, list[str]] = defaultdict(list)
        for surname in mentions:
            by_initial[surname[0]].append(surname)
            if surname in surname_spelling:
                by_spelling[surname_spelling[surname]].append(surname)
        for group in by_initial.values():
            if len(group) <= 200:
                group.sort()
                pairs |= {(a, c) for k, a in enumerate(group) for c in group[k + 1:] if _near(a, c)}
        for group in by_spelling.values():
            group.sort()
            pairs |= {(a, c) for k, a in enumerate(group) for c in group[k + 1:]}
        out = []
        for a, c in sorted(pairs):
            # Two people: each spelling with its own first name (Tom Whitman, Anna Whitmann).
            firsts_a = {f for f, ss in by_first.items() if a in ss}
            firsts_c = {f for f, ss in by_first.items() if c in ss}
            if firsts_a and firsts_c and not (firsts_a & firsts_c):
                continue
            out += self._minority(ctx, {a: mentions[a], c: mentions[c]})
        # One surname, its first name in two spellings of one name (Aleksandr and Alexander Petrov).
        for surname, written in firsts.items():
            if len(written) < 2:
                continue
            same: dict[str, dict[str, list]] = defaultdict(dict)
            for first, where in written.items():
                same[first_spelling.get(first, first)][first] = where
            for spellings in same.values():
                if len(spellings) == 2:
                    out += self._minority(ctx, spellings, f" {surname}")
        return out

    def _organisations(self, blocks, ctx: Context, persons: set[str]):
        """A name of two to four capitalised words written two ways: one word one letter off
        (Manchester Untied), or the last word with and without a plural s (Tottenham Hotspur,
        Tottenham Hotspurs). A plural s counts only where the name stands as a noun of its own
        (before a full stop, a comma or a verb such as "said"), not as an adjective ("a Liberal
        Democrat MP") or a count ("two World Cups")."""
        from ..furniture import _lexicon

        known_first = _lexicon()["first_names"]
        first_spelling = _spellings(ctx.house)[0]
        forms: dict[str, list] = defaultdict(list)  # phrase -> [(paragraph, block, start, end, alone)]
        for n, b in _numbered(blocks):
            t = b.text
            for m in ORG_RE.finditer(t):
                words = m.group(0).split()
                start = m.start()
                while words and (words[0] in ORG_STOP or words[0].lower() in known_first or words[0] in first_spelling
                                 or words[0] in TITLES):
                    start = t.index(words[0], start) + len(words[0])
                    words = words[1:]
                if len(words) < 2:
                    continue
                words[-1] = POSSESSIVE_RE.sub("", words[-1])  # the All Blacks' tour: the All Blacks
                if len(words[-1]) < 2 or words[-1] in persons:
                    continue
                start = t.index(words[0], start)
                phrase = " ".join(words)
                end = start + len(phrase)
                if phrase != t[start:end]:
                    continue  # spaced by a line break or two spaces: leave it
                before = t[max(0, start - 6):start]
                counted = bool(COUNTED_BEFORE_RE.search(before))  # "a Liberal Democrat", "two World Cups"
                alone = bool(ORG_ALONE_RE.match(t, end)) and not counted
                forms[phrase].append((n, b, start, end, alone, counted))
        by_key: dict[tuple, set[str]] = defaultdict(set)
        for phrase in forms:
            words = phrase.split()
            for k in range(len(words)):
                by_key[(len(words), k, tuple(words[:k]), tuple(words[k + 1:]))].add(phrase)
        out = []
        for (_size, k, _left, _right), group in by_key.items():
            if len(group) < 2 or len(group) > 20:
                continue
            ordered = sorted(group)
            for x, a in enumerate(ordered):
                for c in ordered[x + 1:]:
                    wa, wc = a.split()[k], c.split()[k]
                    if _near(wa, wc):
                        out += self._minority(ctx, {a: [u[:4] for u in forms[a]], c: [u[:4] for u in forms[c]]}, what="name")
                    elif k == len(a.split()) - 1 and _plural_pair(wa, wc) and min(wa, wc, key=len) not in PLURAL_NAMES:
                        # Each form counts only where it stands as a noun of its own, before a
                        # full stop or a verb ("Tottenham Hotspurs said"), never as an adjective
                        # ("a Lib Dem vote", "Lib Dem leader") or after a count.
                        alone = {p: [u[:4] for u in forms[p] if u[4]] for p in (a, c)}
                        if alone[a] and alone[c]:
                            out += self._minority(ctx, alone, what="name")
        return out

    def _minority(self, ctx: Context, forms: dict[str, list], after: str = "", what: str = "person",
                  report: dict[str, list] | None = None):
        """The rarer of two spellings of one name, reported where it stands with the other as an
        unsafe fix; nothing when the two are as common (which is right cannot be told)."""
        from ..finding import Edit

        (a, ma), (c, mc) = forms.items()
        tie = len(ma) == len(mc)
        if tie:  # as common as each other: the later is reported, with no fix (which is right is not known)
            first = lambda ms: min((m[0], m[2]) for m in ms)  # noqa: E731
            major, minor = (a, c) if first(ma) <= first(mc) else (c, a)
        else:
            major, minor = (a, c) if len(ma) > len(mc) else (c, a)
        out = []
        for n, b, i, j in (report or forms)[minor]:
            s, e = b.prose.source_span(i, j)
            edits = [Edit(s, e, major)] if b.prose.verbatim(i, j) and not tie else None
            where = _where([m[0] for m in forms[major]], n)
            out.append(ctx.finding("consistency.name-spelling", s, e,
                                   f"“{minor}{after}” here, but “{major}{after}” {where}: one {what}, one spelling.",
                                   [major], edits=edits))
        return out

    def _ages(self, blocks, ctx: Context, first_names, published: datetime.date | None = None):
        ages: dict[str, list] = defaultdict(list)
        numbered = list(_numbered(blocks))
        for n, b in numbered:
            t = b.text
            for m in AGE_RE.finditer(t):
                who = NAME_BEFORE_RE.search(t, max(0, m.start() - 80), m.start())
                if who is None or who.group(2) in TITLES:
                    continue
                ages[who.group(3)].append((int(m.group(1)), n, b, m))
        out = []
        for surname, seen in ages.items():
            if len(first_names.get(surname, ())) > 1 or len({a for a, *_ in seen}) < 2:
                continue
            first_age, first_para = seen[0][0], seen[0][1]
            for age, n, b, m in seen[1:]:
                if age == first_age:
                    continue
                s, e = b.prose.source_span(m.start(1), m.end(1))
                out.append(ctx.finding("consistency.age", s, e,
                                       f"{surname} is {age} here, but {first_age} {_where([first_para], n)}: one of the two is wrong."))
        if published is not None and ages:
            out += self._born(numbered, ctx, ages, first_names, published)
        return out

    def _born(self, numbered, ctx: Context, ages, first_names, published: datetime.date):
        """An age against a birth date in the same paragraph, on the article's date. The birth
        date belongs to a person only when theirs is the one name with an age in that paragraph."""
        out = []
        for n, b in numbered:
            t = b.text
            if "born" not in t:
                continue
            for m in BORN_RE.finditer(t):
                whose = [sn for sn, seen in ages.items() if sn in t and len(first_names.get(sn, ())) <= 1]
                if len(whose) != 1:
                    continue
                # The birth is the person's only when it is said of them: "Ellis, who was born",
                # "Ellis was born", "Ellis (born"; not "his daughter was born".
                if not re.search(rf"\b{re.escape(whose[0])}(?:['’]s)?(?:,\s*(?:who\s+(?:was|is)\s+)?|\s+(?:was|is)\s+|\s*\(\s*)\Z",
                                 t[max(0, m.start() - 60):m.start()]):
                    continue
                year = int(m.group("year"))
                dm = m.group("m1") or m.group("m2")
                day = m.group("d1") or m.group("d2")
                if dm and day:
                    try:
                        birth = _date(year, _month(dm), int(day))
                    except ValueError:
                        continue
                    could = {published.year - year - ((published.month, published.day) < (birth.month, birth.day))}
                    when = f"{birth.day} {MONTH_NAMES[birth.month]} {year}"
                elif dm and _month(dm) != published.month:
                    could = {published.year - year - (published.month < _month(dm))}
                    when = f"in {MONTH_NAMES[_month(dm)]} {year}"
                else:
                    could = {published.year - year - 1, published.year - year}
                    when = f"in {year}" if not dm else f"in {MONTH_NAMES[_month(dm)]} {year}"
                if min(could) < 0:
                    continue
                for age, an, ab, am in ages[whose[0]]:
                    if age in could:
                        continue
                    s, e = ab.prose.source_span(am.start(1), am.end(1))
                    said = " or ".join(str(a) for a in sorted(could))
                    dated = f"{published.day} {MONTH_NAMES[published.month]} {published.year}"
                    out.append(ctx.finding("consistency.age", s, e,
                                           f"{whose[0]} is {age} here, but someone born {'on ' if dm and day else ''}{when} "
                                           f"({'in this paragraph' if an == n else _where([n])}) was {said} on {dated}, the "
                                           "article's date: one of the two is wrong."))
        return out
