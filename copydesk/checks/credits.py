"""credits: photo credits in the house format, with agency names in their proper form, the
licence where one is owed, and each credit on a line of its own.

A credit is recognised by its grammar, taken from the conventions newsrooms share, not from a
list of whole forms (the data is in rules/credits.yaml, the agencies in the house pack):

    credit  = [label] names [licence]
    label   = media word [credit words] mark   "Photo:", "Photo credit -", "Image source,"
            | media word credit words " "      "Image copyright Reuters", "Photo by Ann Bell"
            | credit word mark | "Courtesy of" | "©"      "Credit: X", "Courtesy of X"
    names   = name (joiner name)*              joiners: / | , a spaced dash, via, for, and
    name    = capitalised words and initials (Ann Bell, K. J. Lowe, Jaafar ASHTIYEH),
              a handle (@annbell; a lower-case user name before "/" or "|"), a known agency in
              any case, a word in capitals (SHUTTERSTOCK), or a credit word (handout, pool)

The AP ("AP Photo/Ann Bell"), Reuters ("REUTERS/Ann Bell"), Getty ("Ann Bell/Getty Images"),
BBC ("Image copyright X", "Image source, X"), Guardian ("Photograph: Ann Bell/Reuters") and
wire ("Reuters - Ann Bell", "Ann Bell, AP", "Ann Bell | Bloomberg") forms all fall out of it.
Nothing may follow the names but the end of the line, a bracket or a new sentence, so a
caption that describes the picture ("Image: Owen Pryce, left, has replaced ...") or a
sentence ("Image copyright law is changing") is not a credit.

With no label, names are a credit only where a credit stands and in a shape only a credit has
(_bare_shape): a line of its own, a bracket closing the text, or the fragment with no full stop
that ends a paragraph after its last full sentence ("... on Friday. Ann Bell/Reuters"); and a
photographer with an agency ("Ann Bell/Reuters", "Ann Bell | Getty", "Ann Bell, AP", "Reuters -
Ann Bell") or two people joined by "/" ("Ann Bell/Tom Reyes"). An agency alone ("Getty
Images", "(AFP)") is a credit only beside a picture, or as a bracket on a line of its own or
after a paragraph's last sentence. So "...said Tom Reyes.", "Smith, Jones, Brown", "Chelsea 2
Arsenal 1", "Tony Blair, MP" and a byline ("By Ann Bell | The Echo") stay clean, and "Reporting
by Ann Bell; Editing by Tom Reyes", the wire's byline tail, is furniture for the layout checker,
not a photo credit."""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from ..checker import Checker, Context, rules_from
from ..blocks import Block
from ..document import Document
from ..finding import Edit
from ..house import House, load_data_pack, load_house
from ..patterns import compile_user, finditer_windowed, shipped
from .. import recache

PACK = "copydesk/rules/credits.yaml"


@lru_cache(maxsize=1)
def _pack():
    pack = load_data_pack("credits.yaml", {"patterns": list, "labels": list, "joining_words": list,
                                           "credit_words": list, "no_credit": dict})
    return pack


@lru_cache(maxsize=1)
def _credit_re():
    """The fixed forms (AP, REUTERS/Name), with their author and source groups."""
    # Each pattern's groups are renamed so that one alternation can hold them all. Each is
    # checked on RE2, the engine the packs are written for, by the tests (tests/test_patterns.py).
    parts = ["(?P<c%d>%s)" % (n, GROUP_NAME_RE.sub(lambda m: f"(?P<{m.group(1)}{n}>", p))
             for n, p in enumerate(_pack()["patterns"])]
    return shipped(["(?:" + "|".join(parts) + ")"], ignore_case=False)


GROUP_NAME_RE = recache.compile(r"\(\?P<(\w+)>")


@lru_cache(maxsize=1)
def _grammar():
    pack = _pack()
    label_re = shipped(pack["labels"])
    return (label_re, frozenset(pack["joining_words"]), frozenset(pack["credit_words"]),
            frozenset(w.lower() for w in pack.get("company_suffixes", [])), frozenset(w.lower() for w in pack.get("notice_words", [])),
            frozenset(w.lower() for w in pack.get("not_name_words", [])))


class Agencies(dict):
    """Agency names (lower case) to their proper form, with every word-prefix of a name."""

    def __init__(self, names: dict):
        super().__init__(names)
        words = [k.split() for k in names]
        self.prefixes = frozenset(" ".join(w[:n]) for w in words for n in range(1, len(w) + 1))


@lru_cache(maxsize=16)
def _house_credits(house: House):
    sec = house.section("credits")
    agencies = Agencies({k.lower(): v for k, v in (sec.get("agencies") or {}).items()})
    licensed = {s.lower() for s in sec.get("licensed_sources", [])}
    licence_src = sec.get("licence_pattern") or "[^\\x00-\\x{10FFFF}]"
    builtin = house.folder is None  # a house copydesk ships, whose patterns its tests check on RE2
    licence = shipped([licence_src]) if builtin else \
        compile_user(licence_src, house.path, None, "credits.licence_pattern")
    formats = [sec.get("format", "Photograph: {author}/{source}"), *sec.get("alternatives", [])]
    compiled = []
    for f in formats:
        rx = re.escape(f).replace(r"\{author\}", "(?P<author>.+?)").replace(r"\{source\}", "(?P<source>.+?)")
        rx = "^" + rx + r"(?:,? \(?(?:" + licence_src + r")\)?)?\.?"
        compiled.append(shipped([rx], whole=True) if builtin else
                        compile_user(rx + "$", house.path, None, "credits.format"))
    return sec.get("format", "Photograph: {author}/{source}"), compiled, agencies, licensed, licence


@dataclass
class Credit:
    """A photo credit found in a block: where it is, its author and source, and its form."""
    block: Block | None
    start: int  # prose indices of the whole credit
    end: int
    author: tuple[int, int] | None
    source: tuple[int, int] | None
    licence: str | None


# A token of a credit's names: a word (letters, digits, dots, hyphens, apostrophes, ampersand)
# or a joining mark.
# A dash joins two names only when it stands apart ("Getty Images - Ann Bell"); inside a word
# it is part of the name (Okonkwo-Reyes).
TOKEN_RE = recache.compile(r"[\s\u00a0\u2009\u202f]*(?:(?P<mark>[/|,;]|[-\u2013\u2014](?=[\s\u00a0\u2009\u202f]))|(?P<word>[^\s\u00a0/|,;()\[\]]+))")
JOIN_MARKS = "/|"
DASHES = "-\u2013\u2014"
# The joiners a credit line uses between a photographer and an agency, or two people.
CREDIT_JOINERS = frozenset(["/", "|", ",", "-", "\u2013", "\u2014", "via"])
LICENCE_LEAD_RE = recache.compile(r"[ ,(\u00a0]*")
NUMBER_RE = recache.compile(r"[\d\-–:.]+")
INITIAL_RE = recache.compile(r"(?:[A-Z]\.)+|Inc\.|Corp\.|Co\.|Ltd\.|Jr\.|Sr\.|St\.|Bros\.")


@dataclass
class Names:
    """The names a credit gives, and how they are joined."""
    end: int  # where the names end (after a final full stop that closes them, if any)
    joined: bool  # joined by "/" or "|"
    agency: bool  # one of them is a known agency (the house pack's list)
    parts: list  # (start, end, joiner before it) of each name
    agencies: list  # for each name, whether it is an agency (known, or a word in capitals)
    people: list  # for each name, whether it has the shape of a person's name


CAPS_AGENCY_RE = recache.compile(r"[A-Z][A-Z&]{2,}(?:-[A-Z]{2,})?")
# The words of a person's name: a capitalised word (Okonkwo-Reyes, O'Neill, McKay), an initial,
# a particle (van der Berg), or a surname in capitals after a given name (Jaafar ASHTIYEH).
TITLE_WORD_RE = recache.compile(r"[A-Z\u00c0-\u00de](?:[a-z\u00df-\u00ff]+|[a-z]?[A-Z][a-z\u00df-\u00ff]+|['’][A-Z][a-z\u00df-\u00ff]+)(?:[-'’][A-Z\u00c0-\u00de]?[a-z\u00df-\u00ff]+)*")
PERSON_WORD_RE = recache.compile(r"(?:[A-Z]\.)+|[A-Z\u00c0-\u00de][A-Z\u00c0-\u00de'’-]+|" + TITLE_WORD_RE.pattern + "|(?:" + "|".join(
    ["de", "da", "di", "du", "del", "della", "van", "von", "der", "den", "la", "le"]) + ")")


def _is_agency(name: str, agencies) -> bool:
    """A known agency in any case, or one word in capitals of three letters or more (REUTERS,
    SHUTTERSTOCK), as agencies sign their pictures."""
    low = " ".join(name.strip(" .").lower().split())
    return low in agencies or bool(CAPS_AGENCY_RE.fullmatch(name.strip(" .")))


def _is_person(name: str, agencies) -> bool:
    """Two to four capitalised words or initials ("Ann Bell", "K. J. Lowe", "Ann van der
    Berg"), or a handle: the shape of a photographer's name."""
    words = name.split()
    if len(words) == 1:
        return words[0].startswith("@") and len(words[0]) > 1
    not_name = _grammar()[5]
    return 2 <= len(words) <= 5 and all(PERSON_WORD_RE.fullmatch(w) for w in words) \
        and any(TITLE_WORD_RE.fullmatch(w) for w in words) and not any(w.lower() in not_name for w in words) \
        and not _is_agency(name, agencies)


def _is_name_word(w: str, credit_words, agencies) -> bool:
    core = w.strip(".'’\"“”")
    if not core or NUMBER_RE.fullmatch(core):
        return False  # a year or a date is not a name: "© 2019 ..." is a copyright notice
    if core[0] == "@" and len(core) > 1 and (core[1:].replace("_", "").isalnum()):
        return True  # a handle stands for a person or an agency: "Image copyright @annbell"
    if core[0].isupper() or core[0].isdigit() or core.lower() in agencies or core.lower() in credit_words:
        return True
    return any(c.isupper() for c in core[1:])  # iStock, eBay


def _continues_agency(name: str, agencies) -> bool:
    """Whether a name with its last word in lower case is (the start of) a known agency:
    "Wikimedia commons", "Getty images"."""
    low = " ".join(name.lower().strip(".").split())
    prefixes = getattr(agencies, "prefixes", None)
    if prefixes is None:
        return any(a == low or a.startswith(low + " ") for a in agencies)
    return low in prefixes


USER_NAME_RE = recache.compile(r"[a-z][a-z0-9_.]{2,29}")


def _before_mark(t: str, i: int, stop: int) -> bool:
    nxt = TOKEN_RE.match(t, i, stop)
    return nxt is not None and nxt.group("mark") in ("/", "|")


def read_names(t: str, i: int, limit: int, agencies, joining, credit_words, licence_re) -> Names | None:
    """The names of a credit that begin at t[i]: people or agencies joined by "/", "|", ",",
    or a joining word, and nothing else after them but the end, a bracket or a new sentence.
    None when the text is not made of names (a description of the picture)."""
    _l, _j, _c, suffixes, notice, _nn = _grammar()
    parts: list[list] = []  # each: [start, end, joiner]
    joiner = ""
    words = 0
    pos = i
    stop = min(len(t), limit)
    while pos < stop:
        m = TOKEN_RE.match(t, pos, stop)
        if m is None:
            break
        if m.group("mark"):
            if not parts or joiner:
                return None
            nxt = TOKEN_RE.match(t, m.end(), stop)
            if m.group("mark") == "," and nxt and nxt.group("word") and nxt.group("word").strip(".").lower() in suffixes:
                parts[-1][1] = nxt.end("word")  # "Tyvak Systems, Inc.": one name
                pos = nxt.end()
                continue
            joiner = m.group("mark")
            pos = m.end()
            continue
        w = m.group("word")
        ws, we = m.start("word"), m.end("word")
        if w in joining and parts:
            joiner = joiner or " " + w
            pos = m.end()
            continue
        if w.lower() == "the" and (not parts or joiner):
            pass  # "the" may begin a name: "courtesy of the Millbrook Society"
        elif (not parts or joiner) and USER_NAME_RE.fullmatch(w) and w not in joining and _before_mark(t, m.end(), stop):
            pass  # a user name in lower case before "/" or "|": "Image: annbell / Reuters"
        elif parts and not joiner and w.strip(".").lower() in suffixes:
            pass  # "Future plc", "Harbour Media ltd": a company's name goes on
        elif not _is_name_word(w, credit_words, agencies) and not (parts and not joiner and _continues_agency(t[parts[-1][0]:we], agencies)):
            break
        if w.strip(".").lower() in notice:
            return None  # "All Rights Reserved": a copyright notice, not a credit
        words += 1
        if words > 12:
            return None
        if parts and not joiner:
            parts[-1][1] = we  # another word of the same name
        else:
            parts.append([ws, we, joiner.strip()])
        joiner = ""
        pos = m.end()
        # a full stop closes the names unless it ends an initial or an abbreviation (K., Corp.)
        if w.endswith(".") and not INITIAL_RE.fullmatch(w):
            break
    # a name is more than "the", and a full stop that closes the names is not part of the last
    parts = [p for p in parts if t[p[0]:p[1]].lower() != "the"]
    if not parts:
        return None
    end = parts[-1][1]
    if t[end - 1] == "." and not INITIAL_RE.fullmatch(t[parts[-1][0]:end].split()[-1]):
        parts[-1][1] -= 1
    rest = t[end:stop]
    r = rest.lstrip(" \u00a0")
    lic = LICENCE_LEAD_RE.match(rest)
    # what may follow the names: nothing, a bracket, a licence, a new sentence, another credit
    if r and not (lic and licence_re.match(rest[lic.end():])) and not (r[0] in ")]\n" or r[0] in "|" or (t[end - 1] == "." and (r[:1].isupper() or r[:1] in "\"“‘'("))
                  or (t[end - 1] != "." and rest[:1] in ".!?" and (not rest[1:].strip() or rest[1:2] in " \u00a0\n)"))):
        return None
    if t[end - 1:end] != "." and rest[:1] == ".":
        end += 1
    names_lower = [t[a:b].strip(".").lower() for a, b, _j in parts]
    agency = any(n in agencies for n in names_lower)
    joined = any(j in JOIN_MARKS for _a, _b, j in parts[1:])
    kinds = [_is_agency(t[a:b], agencies) for a, b, _j in parts]
    people = [_is_person(t[a:b], agencies) for a, b, _j in parts]
    return Names(end, joined, agency, [tuple(p) for p in parts], kinds, people)


def _split(t: str, names: Names):
    """Author and source spans: the source is the last name after "/", "|" or ","; "via"
    leaves the author before it and the agency after it."""
    parts = names.parts
    if len(parts) == 1:
        return (parts[0][0], parts[0][1]), None
    if parts[1][2] in DASHES and len(parts) == 2:
        # "Agency - Name" and "Name - Agency": the agency is the source, whichever side it is on
        if names.agencies[0] and not names.agencies[1]:
            return (parts[1][0], parts[1][1]), (parts[0][0], parts[0][1])
    for k in range(len(parts) - 1, 0, -1):
        if parts[k][2] in ("/", "|", ",", "via", *DASHES):
            return (parts[0][0], parts[k - 1][1]), (parts[k][0], parts[-1][1])
    return (parts[0][0], parts[-1][1]), None


def _starts_here(t: str, i: int) -> bool:
    """A credit may begin at the start of the text, after a sentence, a bracket or a bar."""
    j = i - 1
    while j >= 0 and t[j] in " \u00a0\t":
        j -= 1
    if j < 0:
        return True
    c = t[j]
    if c in "([|\n":
        return True
    if c in ".!?…\"”’'":
        return True
    return j == i - 1 and c in ".)"  # glued: "...in San Francisco.Image Credit: WeWork"


def scan_credits(t: str, agencies, licence_re, standalone: bool) -> list[Credit]:
    """Every credit in t, by its grammar. standalone: t stands where a credit is expected
    (a caption, a line beside a picture), so a line that is only names may be one."""
    label_re, joining, credit_words, _s, _n, _nn = _grammar()
    out: list[Credit] = []
    taken_to = -1
    for start, lend, m in finditer_windowed(label_re, t):
        if start < taken_to or not (t[start].isupper() or t[start] == "©") or not _starts_here(t, start):
            continue
        if start > 0 and (t[start - 1].isalnum()):
            continue
        limit = t.find("\n", lend)
        limit = len(t) if limit < 0 else limit
        limit = min(limit, lend + 200)
        names = read_names(t, lend, limit, agencies, joining, credit_words, licence_re)
        if names is None:
            continue
        c = _credit(t, start, names, licence_re)
        a, z = start, c.end
        while a > 0 and t[a - 1] in " \u00a0":
            a -= 1
        while z < len(t) and t[z] in " \u00a0":
            z += 1
        if a > 0 and t[a - 1] in "([" and z < len(t) and t[z] in ")]":
            c.start, c.end = a - 1, z + 1  # "(Photo: Jane Doe)": the brackets go with it
        out.append(c)
        taken_to = c.end
    # fixed forms (AP Photo/..., REUTERS/Name)
    credit_re = _credit_re()
    for start, end, m in finditer_windowed(credit_re, t):
        if any(c.start <= start < c.end for c in out) or (start > 0 and t[start - 1].isalnum()):
            continue
        groups = {}
        for name, index in credit_re.groupindex.items():
            if m.group(index) is not None:
                groups[re.sub(r"\d+$", "", name)] = m.span(index)
        out.append(Credit(None, start, end, groups.get("author"), groups.get("source"), None))
    # names alone: a whole line, or a bracket closing the text, that names an agency
    bare = _bare(t, agencies, joining, credit_words, licence_re, standalone)
    if bare is not None and not any(c.start < bare.end and bare.start < c.end for c in out):
        out.append(bare)
    out.sort(key=lambda c: c.start)
    return out


BARE_LIMIT = 160  # longer than any line of names
# Where a sentence ends inside a paragraph: after its mark, a space, or no space at all after
# a word in lower case ("... isn't easy.Ann Bell/Getty": a credit pasted with no space).
SENTENCE_END_RE = recache.compile(r"[.!?…][\"”’')]*[ \u00a0]+|(?<=[a-z]{2})[.!?](?=[A-Z])")


def _bare_shape(names: Names, standalone: bool) -> bool:
    """Whether names with no label have the shape of a credit: a photographer and an agency
    ("Ann Bell/Reuters", "Ann Bell | Getty", "Ann Bell, AP", "Reuters - Ann Bell"), two or more
    people joined by "/" or "|" ("Ann Bell/Tom Reyes"), or beside a picture a known agency
    alone ("Getty Images"). A comma joins a photographer to an agency only, so a list of
    names ("Smith, Jones, Brown") or of places is not a credit."""
    joiners = {j for _a, _b, j in names.parts[1:]}
    if len(names.parts) == 1:
        return standalone and names.agency
    if not joiners <= CREDIT_JOINERS:
        return False  # "Smith and Jones", "Ann Bell for The Echo" need a label
    known = [a or p for a, p in zip(names.agencies, names.people)]
    if not all(known):
        return False  # every part is a person or an agency
    if joiners <= set(JOIN_MARKS):
        # a photographer and an agency ("Ann Bell/Reuters", "Ann Bell | Getty"), or two people
        # joined by "/" ("Ann Bell/Tom Reyes"); "|" between words that are not agencies is a
        # menu or a site's section ("Entries RSS | Comments RSS")
        return any(names.agencies) or (joiners == {"/"} and len(names.parts) == 2 and names.people[0])
    # "," and dashes: one photographer and one or two agencies, and a known agency among them
    return (names.agency or standalone) and any(names.agencies) and sum(names.people) == 1 \
        and names.people[0] + names.people[-1] >= 1


def _bare(t: str, agencies, joining, credit_words, licence_re, standalone: bool) -> Credit | None:
    s = t.rstrip()
    if not s:
        return None
    if s.endswith(")"):
        open_at = s.rfind("(")
        if open_at < 0 or len(s) - open_at > BARE_LIMIT:
            return None
        names = read_names(t, open_at + 1, len(s) - 1, agencies, joining, credit_words, licence_re)
        if names is None or names.end < len(s) - 1 and t[names.end:len(s) - 1].strip():
            return None
        before = t[:open_at].rstrip()
        alone = not before or before[-1] in ".!?…\"”’" and len(before.split()) >= 3
        if not (names.agency and (names.joined or standalone or alone and all(names.agencies))
                or names.joined and _bare_shape(names, standalone) and any(names.agencies)):
            # "(Reed Saxon/Associated Press)"; "(AFP)" beside a picture, on a line of its own
            # or after the last full sentence of a paragraph, not closing a sentence of the story
            return None
        if open_at > 0 and not _starts_here(t, open_at) and not t[open_at - 1].isspace():
            return None
        c = _credit(t, open_at + 1, names, licence_re)
        c.start, c.end = open_at, len(s)
        return c
    if s[-1] in ".!?…\"”’'":
        return None  # a sentence, or a paragraph that ends in one
    lead = len(t) - len(t.lstrip())
    if len(s) <= BARE_LIMIT:
        names = read_names(t, lead, len(s), agencies, joining, credit_words, licence_re)
        if names is not None and not t[names.end:len(s)].strip():
            if names.agency and (names.joined or standalone) or _bare_shape(names, standalone):
                return _credit(t, lead, names, licence_re)
            return None
    # a paragraph that ends, after its last full sentence, in a fragment of names with no
    # full stop: a credit glued to the paragraph ("... on Friday. Ann Bell/Reuters")
    window = max(lead, len(s) - BARE_LIMIT)
    for m in SENTENCE_END_RE.finditer(t, window, len(s)):
        k = m.end()
        if k >= len(s) or not (t[k].isupper() or t[k] == "@"):
            continue
        names = read_names(t, k, len(s), agencies, joining, credit_words, licence_re)
        if names is None or t[names.end:len(s)].strip():
            continue
        if _bare_shape(names, False):
            return _credit(t, k, names, licence_re)
        return None
    return None


def _credit(t: str, start: int, names: Names, licence_re) -> Credit:
    end = names.end
    licence = None
    rest = t[end:]
    k = len(rest) - len(rest.lstrip(" ,(\u00a0"))
    lic = licence_re.match(rest[k:]) if k or rest[:1] == " " else None
    if lic and lic.group(0):
        licence = lic.group(0)
        end = end + k + lic.end()
        if t[end:end + 1] == ")":
            end += 1
        if t[end:end + 1] == ".":
            end += 1
    author, source = _split(t, names)
    return Credit(None, start, end, author, source, licence)


SIZE_RE = recache.compile(r"\s*(\d+(?:\.\d+)?)\s*(?:px)?\s*$")
WORD_RE = recache.compile(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])")
IMAGE_FILE_RE = recache.compile(r"\.(?:jpe?g|png|gif|webp|avif|tiff?|bmp)(?:[?#].*)?$", re.I)


@lru_cache(maxsize=1)
def _no_credit():
    sec = _pack()["no_credit"]
    return (int(sec.get("min_size", 100)), frozenset(sec.get("words", [])), tuple(sec.get("social_hosts", [])),
            tuple(sec.get("tracker_hosts", [])))


def _words(s: str) -> set[str]:
    return {w.lower() for w in WORD_RE.findall(s)}


def owes_no_credit(img) -> str:
    """Why an image needs no credit ("" when it does): page furniture or decoration, by what
    the markup says of it. The words and hosts are data in credits.yaml (no_credit)."""
    from urllib.parse import urlparse  # only HTML has images: a text draft's run does without

    min_size, words, social, trackers = _no_credit()
    if getattr(img, "hidden", False):
        return "hidden"
    if getattr(img, "furniture", ""):
        return "in " + img.furniture
    for dim in (getattr(img, "width", ""), getattr(img, "height", "")):
        m = SIZE_RE.match(dim or "")
        if m and float(m.group(1)) < min_size:
            return "small"
    link = getattr(img, "link", None)
    if link is not None:
        host = urlparse(link.strip()).netloc.lower().split(":")[0]
        host = host[4:] if host.startswith("www.") else host
        if host and any(host == h or host.endswith("." + h) for h in social):
            return "social link"
        if link.strip() and not link.strip().startswith("#") and not IMAGE_FILE_RE.search(link.strip()):
            return "teaser link"  # a thumbnail that leads to another page, credited there
    if (img[2] or "").startswith("data:"):
        return "placeholder"  # an inline placeholder or pixel with no picture of its own
    url = urlparse(img[2] or "")
    host = url.netloc.lower()
    if any(host == h or host.endswith("." + h) for h in trackers):
        return "tracking pixel"
    src = url.path
    if src.lower().endswith(".svg"):
        return "drawing"  # a vector drawing: an icon, a logo, an arrow
    if _words(getattr(img, "names", "")) & words or _words(src.rsplit("/", 1)[-1]) & words:
        return "decoration"
    alt = getattr(img, "alt", "")
    if alt and len(alt.split()) <= 3 and _words(alt) & words:
        return "decoration"
    return ""


def _one_person_one_agency(author: str, source: str, agencies) -> bool:
    """Whether a credit's parts are known well enough to rewrite it in the house format: one
    photographer (not an agency, no list of names) and one source, a known agency or a short
    name. Anything less sure is reported with no rewrite, so a fix never makes nonsense."""
    if any(ch in author + source for ch in "/|,;") or author.lower() in agencies:
        return False
    words = author.split()
    person = 2 <= len(words) <= 4 and all(w[:1].isupper() for w in words)
    return person and (source.lower().strip(" .") in agencies or len(source.split()) <= 4)


def find_credits(text: str, house: str = "british", standalone: bool = True) -> list[Credit]:
    """The credits in a piece of text, by the credits grammar (for benchmarks and tools)."""
    _fmt, _formats, agencies, _licensed, licence_re = _house_credits(load_house(house))
    return scan_credits(text, agencies, licence_re, standalone)


def is_credit_line(text: str, house: House | None = None, standalone: bool = False) -> bool:
    """Whether a paragraph is a photo credit and nothing else ("Image copyright Reuters",
    "Ann Bell/Getty Images"): a line that stands for a picture, not a paragraph of the story.
    With standalone, an agency named alone ("Reuters") counts too, as it does beside a picture."""
    if house is None:
        house = load_house("british")
    s = text.strip()
    if not s or len(s) > BARE_LIMIT or "\n" in s:
        return False
    # Layout, quotes and attribution each ask of every short paragraph: answered once per house.
    seen = house.__dict__.setdefault("_credit_lines", {})
    key = (s, standalone)
    got = seen.get(key)
    if got is None:
        _fmt, _formats, agencies, _licensed, licence_re = _house_credits(house)
        found = scan_credits(s, agencies, licence_re, standalone)
        got = len(found) == 1 and found[0].start == 0 and found[0].end >= len(s.rstrip(". "))
        if len(seen) > 20_000:
            seen.clear()
        seen[key] = got
    return got


class CreditsChecker(Checker):
    """Each credit the credits grammar finds in a caption, a paragraph or an image's
    surroundings, against the house pack's format, agency names and licence rules."""

    id = "credits"
    description = "Photo credits: house format, agency names, licences, placement."
    rules = rules_from("credits")  # copydesk/checks/credits.yaml

    def check(self, doc: Document, ctx: Context):
        fmt, formats, agencies, licensed, licence_re = _house_credits(ctx.house)
        findings = []
        credited_blocks: set[int] = set()
        blocks = doc.blocks
        for bi, b in enumerate(blocks):
            if not b.text or b.kind in ("code", "front_matter", "heading"):
                continue
            # a caption: a figure caption, or the paragraph right below a picture
            caption = b.kind == "caption" or bool(b.images) or (bi > 0 and bool(blocks[bi - 1].images) and not blocks[bi - 1].text)
            beside = caption or (bi + 1 < len(blocks) and bool(blocks[bi + 1].images))
            prev_end = 0
            for c in scan_credits(b.text, agencies, licence_re, beside):
                c.block = b
                credited_blocks.add(bi)
                findings += self._check_credit(doc, ctx, c, fmt, formats, agencies, licensed, caption, prev_end)
                prev_end = c.end
        for bi, b in enumerate(blocks):
            for img in b.images:
                s, e = img[0], img[1]
                # A credit in the image's own paragraph, in the one or two below it, or in the
                # one above it when that one does not follow another picture.
                near = {bi, bi + 1}
                if bi >= 1 and not (bi >= 2 and blocks[bi - 2].images):
                    near.add(bi - 1)
                if bi + 2 < len(blocks) and not blocks[bi + 1].images and not blocks[bi + 2].images:
                    near.add(bi + 2)  # picture, caption, credit
                if near & credited_blocks or scan_credits(getattr(img, "alt", ""), agencies, licence_re, True):
                    continue
                if owes_no_credit(img):
                    continue
                findings.append(ctx.finding("credits.missing", s, e,
                                            "This image has no credit beside it; add one in the house format."))
        return findings

    def _check_credit(self, doc, ctx, c: Credit, fmt, formats, agencies, licensed, caption: bool, prev_end: int = 0):
        b, t = c.block, c.block.text
        out = []
        # the text before it, back to the credit before it: enough to see a sentence end
        before = t[max(prev_end, c.start - 200) : c.start].strip()
        whole = t[c.start : c.end].strip()
        if c.source is None and c.author and t[c.author[0] : c.author[1]].strip().lower() in agencies:
            c.source, c.author = c.author, None  # "Credit: Getty" names only the agency
        src_text = t[c.source[0] : c.source[1]].strip() if c.source else ""
        author_text = t[c.author[0] : c.author[1]].strip() if c.author else ""
        proper = agencies.get(src_text.lower().strip(" ."))
        if before and not caption and len(before.split()) >= 3 and before.rstrip("\"'”’)")[-1:] in ".!?…":
            s, e = b.prose.source_span(c.start, c.end)
            gap = b.prose.source_end(len(t[: c.start].rstrip()))
            # In HTML a line break inside the element parts nothing; there the fix is not offered.
            out.append(ctx.finding("credits.placement", s, e,
                                   "This photo credit is glued to the end of a body paragraph; put it on its own line with the picture.",
                                   edits=None if doc.format == "html" else [Edit(gap, s, "\n\n")]))
        if c.source and proper and src_text != proper:
            s, e = b.prose.source_span(c.source[0], c.source[0] + len(src_text))
            plain = b.prose.verbatim(c.source[0], c.source[0] + len(src_text))  # no markup inside the name
            out.append(ctx.finding("credits.agency", s, e, f"Credit the agency as “{proper}”.", [proper],
                                   edits=[Edit(s, e, proper)] if plain else None))
        source_name = proper or src_text
        if source_name.lower() in licensed and not c.licence:
            s, e = b.prose.source_span(c.start, c.end)
            out.append(ctx.finding("credits.licence", s, e,
                                   f"An image from {source_name} needs its licence with the version (for example CC BY-SA 4.0) in the credit."))
        if not any(f.search(whole) for f in formats):
            suggestion = []
            edits = None
            if author_text and source_name and _one_person_one_agency(author_text, src_text, agencies):
                line = fmt.format(author=author_text, source=source_name)
                if c.licence:
                    line += f" ({c.licence})"
                suggestion = [line]
                s, e = b.prose.source_span(c.start, c.end)
                complete = source_name.lower() not in licensed or c.licence
                if complete and doc.text[s:e] == t[c.start : c.end]:
                    edits = [Edit(s, e, line)]  # every part is known: the credit can be rewritten
            s, e = b.prose.source_span(c.start, c.end)
            example = fmt.format(author="Name", source="Agency")
            out.append(ctx.finding("credits.format", s, e, f"Write the credit in the house format, “{example}”.",
                                   suggestion, edits=edits))
        return out
