"""Is a line page furniture? A transparent scored rule set.

Each signal adds or takes away points: what the line is (its length, sentence punctuation, a
finite verb, casing, link-like and imperative phrasing, section and place names, a date or
time, digits and symbols alone, the label list of layout.yaml) and where it stands (alone
between two paragraphs of prose, at the top or the tail of the draft, in a run of short
lines, and in HTML the element and whether it is inside the article). A line is furniture when
its points reach the threshold of its position: a line alone between two paragraphs of prose
needs less than one in a run of short lines, where sports results, team sheets and lists of
winners live. The word lists are data (copydesk/rules/furniture.yaml); the weights are here,
few and named, so that a finding can be explained and a false alarm traced to one signal.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from .house import load_data_pack, read_rules_file
from . import kept, recache

# The benchmarks turn the label list of layout.yaml off to show how the rest generalises.
USE_LABEL_LIST = True

WORD_RE = recache.compile(r"[^\W_][\w'’.&+-]*")
DETERMINERS = frozenset("the a an this that these those my your our his her their its some any no every".split())
# Small words a Title Case tag keeps in lower case, in English and other languages in Latin script.
TAG_SMALL_WORDS = frozenset("& and of for in on to at de da di do du des del della la le van von und et y e".split())
FUNCTION = frozenset("and & the of to on in for with a an our us your my at by this all + from".split())

MONTHS = r"(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?|sept?(?:ember)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)\.?"
DAYS = r"(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?"
CLOCK = r"\d{1,2}(?:[:.]\d{2}){1,2}(?: ?[ap]\.?m\.?)?(?: ?(?:[a-z]{2,4}|[+-]\d{2}:?\d{2}))?|\d{1,2} ?[ap]\.?m\.?(?: [a-z]{2,4})?"
DATE = (rf"(?:{DAYS},? )?(?:\d{{1,2}}(?:st|nd|rd|th)? {MONTHS},?(?: \d{{4}})?|{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?,?(?: \d{{4}})?"
        rf"|{MONTHS} \d{{4}}|\d{{1,2}}[/.-]\d{{1,2}}[/.-]\d{{2,4}}|\d{{4}}-\d{{2}}-\d{{2}}(?:t[\d:.]+z?)?)")
RELATIVE = (r"(?:\d+|an?|one|two|three|few) ?(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s?(?: ago)?"
            r"|\d+ ?[smhdw] ago|just now|yesterday|today")
STAMP_WORDS = (r"(?:(?:last )?(?:updated|published|posted|modified|first published|created|edited)(?: on| at)?:?"
               # the same labels in other languages in Latin script, as pasted from a foreign edition
               r"|(?:publiziert|veröffentlicht|aktualisiert)(?: am)?:?|(?:publicado|actualizado|atualizado)(?: el| em| en)?:?"
               r"|(?:publié|mis à jour)(?: le)?:?|(?:pubblicato|aggiornato)(?: il)?:?)")
TIME_RE = recache.compile(
    rf"(?:{STAMP_WORDS} )?(?:{DAYS} )?(?:(?:{DATE})(?:,? (?:at |- |\| )?(?:{CLOCK}))?|(?:{CLOCK})(?:,? (?:on )?(?:{DATE}))?|{RELATIVE})"
    rf"|{STAMP_WORDS} .{{0,40}}",
    re.IGNORECASE,
)
ENTRY_TIME_RE = recache.compile(rf"(?:{CLOCK})", re.IGNORECASE)
BYLINE_RE = recache.compile(r"(?:[Bb]y|[Ww]ords by|[Ww]ritten by|[Rr]eporting by|BY)\s+[A-Z][\w'’.-]+(?:\s+(?:[A-Z][\w'’.-]+|and|&|de|van|von|la))*(?:,.{0,60})?\s*$")
WIDGET_RE = recache.compile(r"^@\w|\b[\w.+-]+@[\w-]+\.[\w.]+\b|© ?\d{4}|\(c\) \d{4}|\bhttps?:|www\.|[|›»→←↑↓✕×▶►◄▼▲✓★☆]|^\W*\d+\W*$|\bof \d+$|^\d+ of \d+$", re.IGNORECASE)
MATCH_RE = recache.compile(r"\S\s(?:v|vs|v\.|vs\.)\s\S|\b\d{1,3}\s?[-–]\s?\d{1,3}\b|\(\w[\w .]*\)$|^\d{1,3}[.)]? [A-Z]")
FIXTURE_RE = recache.compile(r"\w\s(?:v|vs|v\.|vs\.)\s[A-Z]|[A-Za-z] \d{1,3}\s?[-–]\s?\d{1,3}(?: [A-Z]|$)")
COUNT_RE = recache.compile(r"\d[\d,.]*k? ?(?:photos?|pictures?|images?|videos?|comments?|shares?|views?|votes?|replies|responses|reactions|likes)", re.IGNORECASE)
# A site's legal line, and the header a blog puts over a reader's comment ("MightyFan says:",
# "fan4life says:"): a handle (one word in lower case, with a capital inside or a figure), never
# a name, which a vox pop may set on its own line over what the person said.
LEGAL_RE = recache.compile(r"(?:(?:©|\(c\)|copyright)\s*(?:\d{4}\s*)?.{0,40}?[,.]?\s*)?all rights reserved|terms of (?:use|service)(?: and privacy policy)?"
                      r"|privacy (?:policy|notice|statement)", re.IGNORECASE)
COMMENTER_RE = recache.compile(r"(?:[a-z0-9][\w.'’-]*|[A-Za-z]+(?:[A-Z0-9][\w'’-]*)+|\w+\d[\w'’-]*) says:")
# A widget's path or a form field left as text: "3/sport/post-list", "Name (required)".
PATH_RE = recache.compile(r"\w[\w.-]*(?:/[\w.-]+){2,}/?|.{1,30} ?\((?:required|optional)\)\*?", re.IGNORECASE)
EDITION_RE = recache.compile(r".{2,40} \((?:english|español|espanol|français|francais|deutsch|italiano|português|portugues|nederlands|"
                        r"suomi|svenska|dansk|norsk|polski|čeština|türkçe|magyar|română|ελληνικά|русский|中文|日本語|한국어|العربية)\)"
                        r"(?: - [a-z]{2})?", re.IGNORECASE)
MORE_RE = recache.compile(r"(?:more|latest|most read|most popular|top stories) (?:from|in|on|about) .{1,40}", re.IGNORECASE)
NAME_RE = recache.compile(r"[A-Z][a-z]+(?: [A-Z]\.)+(?: [A-Z][\w'’-]+){1,2}")  # William A. Galston
DATELINE_RE = recache.compile(r"^[A-Z][A-Z .'-]{2,}(?:, [A-Z][\w .]+)?\s*[-–—:]\s*$|^[A-Z][A-Z .'-]{2,}, [A-Z][A-Z .'-]+$")

# Run into the first words of the draft's first paragraph (anchored there by the caller, so that
# "By Tuesday the..." in the middle of an article is never read): a bare byline of two or three
# capitalised names, a relative time in figures, or a date (after a bullet, or a lower-case
# "on", as a page sets it), then a capitalised sentence start.
# Mid-article, "By Tuesday" is followed by lower case; a writer's own sentence does not open
# with "3 hours ago" or "November 16, 2016 Ukraine".
_NAME = r"[A-Z][a-z'’]+(?:-[A-Z][a-z'’]+)?"
TOP_RUN_IN_RE = recache.compile(
    rf"(?:(?P<byline>(?:[Bb]y|BY) {_NAME}(?: (?:{_NAME}|[A-Z]\.)){{1,2}})"
    rf"|(?P<time>(?i:(?:updated |published |posted )?\d{{1,3}} ?(?:sec(?:ond)?|min(?:ute)?|h(?:ou)?r|day|week|month|year)s? ago))"
    rf"|(?P<date>(?:[•·|] ?|on )?(?i:(?:{DAYS},? )?(?:{MONTHS} \d{{1,2}}(?:st|nd|rd|th)?(?:,? \d{{4}})?|\d{{1,2}}(?:st|nd|rd|th)? {MONTHS},? \d{{4}}))"
    rf"(?:,? (?:at )?(?i:{CLOCK}))?))"
    r"(?= [A-Z])"
)
SENTENCE_STARTS = frozenset("the a an this that these those it its he she they we i in on at for as after when if".split())
_NOT_NAMES = recache.compile(rf"(?i:{MONTHS}|{DAYS}|christmas|easter|new|the|then|now|noon|midnight|dawn|late|early|next|last)")


def top_run_in(text: str) -> tuple[int, int] | None:
    """The span of a byline, relative time or date run into the first words of the draft's first
    paragraph, or None."""
    m = TOP_RUN_IN_RE.match(text)
    if m is None:
        return None
    if m.group("byline"):
        names = m.group("byline").split()[1:]
        end = m.end()
        # "By Ann Bell The council...": the name stops before a sentence's first word.
        while len(names) > 2 and names[-1].lower() in SENTENCE_STARTS:
            end -= len(names.pop()) + 1
        if any(_NOT_NAMES.fullmatch(w.rstrip(".")) for w in names):
            return None  # "By Christmas Day Tesco had..."
        if " ".join(w.lower() for w in names) in _lexicon()["places"]:
            return None  # "By New York Police..."
        return m.start(), end
    return m.span()


HANDLE_RE = recache.compile(r"[\x21-\x7e]*@[\x21-\x7e]+|[a-z]+://[\x21-\x7e]+|www\.[\x21-\x7e]+"
                       r"|[A-Za-z0-9_-]+\.(?:com|org|net|co|kr|ru|jp|de|fr|uk)(?![A-Za-z0-9])[\x21-\x7e]*", re.IGNORECASE)  # no script of a language
# What every handle holds: where it finds nothing, HANDLE_RE, which tries each place and runs on
# over the word there, has nothing to take out.
HANDLE_HINT_RE = recache.compile(r"@|://|www\.|\.(?:com|org|net|co|kr|ru|jp|de|fr|uk)(?![A-Za-z0-9])", re.IGNORECASE)


LATIN_LETTER_RE = recache.compile("[" + "".join(re.escape(c) for c in map(chr, range(0x250)) if c.isalpha()) + "]")  # as str.isalpha has them
BEYOND_LATIN_RE = recache.compile(r"[^\x00-\u024f]+")


def script_of(text: str) -> str | None:
    """The script the letters of text are written in: "latin", "other" (one that is not Latin),
    or None (no letters, or a mix with neither four letters in five). Handles, e-mail addresses
    and links are left out: "Аккаунт: @darkzip" is Cyrillic."""
    if len(text) > 200 and max(text) < "\u0250":
        # A passage of prose in Latin letters only: handles could not hold all of its letters.
        return "latin" if LATIN_LETTER_RE.search(text) else None
    plain = HANDLE_RE.sub(" ", text) if HANDLE_HINT_RE.search(text) else text
    # The characters past Latin (in English copy, its quotation marks and dashes) looked at one
    # by one; where none is a letter, one Latin letter settles it; else they are counted, in C.
    other = sum(c.isalpha() for run in BEYOND_LATIN_RE.findall(plain) for c in run)
    if not other:
        return "latin" if LATIN_LETTER_RE.search(plain) else None
    latin = len(plain) - len(LATIN_LETTER_RE.sub("", plain))
    if latin >= 4 * other and latin:
        return "latin"
    if other >= 4 * latin and other:
        return "other"
    return None


# A line that only credits or notes the reporting is the article's, wherever it stands.
SIGN_OFF_RE = recache.compile(r"(?:additional |with |further )?(?:reporting|writing|editing|research|graphics|compiled|edited|written) (?:by|from)\b"
                         r"|contribut(?:ing|ors?):? (?!writer|editor)\S|contributed by\b|staff (?:reports?|writers?)\b"
                         r"|(?:with |from )?(?:[\w.&]+ ){0,2}(?:wires?|agencies|wire services|news services)$", re.IGNORECASE)


@dataclass(frozen=True)
class Verdict:
    """What kind of page furniture a line is taken for, and how strongly."""
    kind: str  # label, timestamp, byline, author, link, social, section, place, counter, picture, word
    score: float


# What makes a short line a crosshead's phrase rather than a tag: a verb form ("Looking ahead",
# "Mixed reaction"), a question word ("What happens next"), a preposition ("Back on track") or
# a particle at the end ("Worth waiting for").
CLAUSE_OPENERS = frozenset("what why how who where when which whose".split())
PREPOSITIONS = frozenset("on to from of at with for in into by under over after before against".split())
PARTICLES = frozenset("ahead next for on up out in off back again now here there yet over down away".split())


def clause_like(line: str, prepositions: bool = True) -> bool:
    """A crosshead's phrase. Without prepositions (for a line in Title Case, the shape of a tag),
    a preposition does not make one ("Notes from the Chef"), nor a verb form after the first
    word ("Slow Cooker Meals Baked"); one that opens the line does ("Clinching in November")."""
    words = [w.lower() for w in WORD_RE.findall(line)]
    verbal = words if prepositions else words[:1]  # in Title Case, only a verb form that opens it
    return bool(words) and (words[0] in CLAUSE_OPENERS or words[-1] in PARTICLES
                            or (prepositions and any(w in PREPOSITIONS for w in words[1:]))
                            or any(len(w) > 4 and w.endswith(("ing", "ed")) for w in verbal))


def title_case(line: str) -> bool:
    """Every word capitalised, but for small words and figures: the shape of a tag or menu link."""
    tokens = WORD_RE.findall(line)
    return bool(tokens) and tokens[0][0].isupper() and all(
        w[0].isupper() or w[0].isdigit() or w.lower() in TAG_SMALL_WORDS for w in tokens[1:])


def is_picture_source(line: str) -> bool:
    """The source field of a web page's picture ("Image source, Agency"): furniture when the
    caption field follows it, a credit otherwise (the credits checker's business)."""
    return line.lower().startswith(("image source", "picture source", "media source"))


def is_picture_caption(line: str) -> bool:
    return line.lower().startswith(("image caption", "media caption", "picture caption"))


def looks_like_time(line: str) -> bool:
    """A date, a time of day or a relative time, alone (with an Updated/Published label)."""
    t = line.strip(" \t·|•-–—:")
    if t[:3].lower() == "on ":  # "on Nov 20, 2024", as a page sets a date
        t = t[3:]
    return bool(t) and TIME_RE.fullmatch(t) is not None


OPENING_DATE_RE = recache.compile(rf"(?:{DAYS},? )?(?:{DATE})\b", re.IGNORECASE)


def opens_on_date(line: str) -> bool:
    """A line of a list of dates: "June 24 -- Jiffy Hall, Bristow", "3 May: Leeds"."""
    m = OPENING_DATE_RE.match(line.strip())
    return m is not None and m.end() < len(line.strip())


def is_entry_time(line: str) -> bool:
    """A live blog's entry time: a time of day alone on its line ("09:12 BST", "9.12am")."""
    return ENTRY_TIME_RE.fullmatch(line.strip()) is not None


def is_fixture(line: str) -> bool:
    """A fixture or result: "Chelsea v Birmingham", "Leeds 2-1 Hull"."""
    return FIXTURE_RE.search(line) is not None


def is_match_line(line: str) -> bool:
    """A line of a results table, fixture list, team sheet, ranking or list of ingredients."""
    if looks_like_time(line):
        return False
    return MATCH_RE.search(line) is not None or line[:1].isdigit()


@lru_cache(maxsize=1)
def _lexicon():
    shape = {k: list for k in ("ui_words", "strong_ui_words", "ui_verbs", "social", "sections", "places", "first_names", "finite_verbs",
                               "publications")}

    def build():  # entries as _words cuts the words of a line ("U.S." gives "u.s")
        pack = load_data_pack("furniture.yaml", shape)
        return {k: frozenset(" ".join(w.strip(".'’") or w for w in str(v).lower().split()) for v in pack[k]) for k in shape}

    def holds(value) -> bool:
        return type(value) is dict and set(value) == set(shape) and all(
            type(words) is frozenset and all(type(w) is str for w in words) for words in value.values())

    return kept.built("furniture-lexicon", read_rules_file("furniture.yaml"), build, holds)


def _words(text: str) -> list[str]:
    return [w.lower().strip(".'’") or w.lower() for w in WORD_RE.findall(text)]


def score(text: str, position: str, label: bool = False, alone: bool = False, foreign: bool = False,
          script: str | None = None, edge_run: int = 0, unrelated: bool = False, long_piece: bool = False,
          top: bool = False, stranger: bool = False) -> Verdict | None:
    """The verdict on one line, or None when it is not furniture.

    position: "isolated" (alone between two paragraphs of prose), "edge" (at the top or the
    tail of the draft, before the first or after the last paragraph of prose), "run" (among
    other short lines in the middle of the draft) or "outside" (in HTML, outside the article,
    or in its header, footer, aside or a form).
    label: the line is on the label list of layout.yaml or a configured one.
    alone: the line is the only short line among the draft's paragraphs of prose; a crosshead
    comes with others, so a short line with no companion is more likely pasted furniture.
    foreign: no word of the line (of three letters or more) appears in the article's prose; a
    crosshead takes its words from the paragraphs it introduces.
    script: the script of the article's prose ("latin" or "other"); a line written in another
    one (a Cyrillic or Japanese link in an English article) is not the article's.
    edge_run: at the top or tail, how many short lines stand there together (one or two are
    pasted links or labels; more are a fact box or a list that belongs to the piece).
    long_piece: the article's prose is long enough for a crosshead to take a word from it. Then
    a short line alone among the prose that shares no word with the article (foreign) is not a
    crosshead of that article, whatever its casing.
    top: at the edge, before the first paragraph of prose (else after the last one).
    stranger: among the prose, with no word of the article (alone or not).
    """
    lex = _lexicon()
    t = text.strip()
    if not t:
        return None
    words = _words(t)
    # Scripts written without spaces (Chinese, Japanese) hold a word in about two characters.
    n = max(len(words), sum(1 for c in t if "\u3040" <= c <= "\u9fff" or "\uac00" <= c <= "\ud7af") // 2)
    first = t.split(None, 1)[0]
    dated = any(c.isdigit() for c in t) and looks_like_time(t)  # "updated 3 hours ago", "publiziert am 2. Mai 2018"
    if LEGAL_RE.fullmatch(t.rstrip(". ")) or COMMENTER_RE.fullmatch(t):
        return Verdict("link", 3.0)  # whole forms: no sentence or verb makes them prose
    # A short line in lower case alone among the prose of a long article and with none of its
    # words is not a piece of its sentences (layout leaves a piece that carries on a broken
    # paragraph to broken-paragraph before it asks here): a link such as "newsletters".
    estranged = long_piece and alone and foreign and position == "isolated"
    # So is one of one or two short lines after the article's last sentence ("email the author",
    # "all editions"), and one before its first that names a link outright (a short line in lower
    # case under the headline may be the headline's own end, so the shape of an edge line alone
    # does not do there).
    at_edge = position == "edge" and 1 <= edge_run <= 2  # at the top, the "edge" points below ask more of it
    lower_link = ((estranged and len(t.split()) <= 4) or (at_edge and len(t.split()) <= 6)) and not t.rstrip().endswith(
        (".", ",", ";", ":", "!", "?"))
    if (t[0].islower() and first.islower() and not dated and not lower_link) or DATELINE_RE.match(t) or SIGN_OFF_RE.match(t):
        return None  # a fragment of a sentence (broken-paragraph's business), a dateline, "Additional reporting by"
    # A message of the page to its reader ("Thanks for signing up!", "You are now subscribed."):
    # two to six words, exclaimed or in the second person, with no word of a long article and no
    # quotation marks (a quotation of one who speaks so is the article's; a cry of one word,
    # "Rainbow!", is a reader's answer or a speaker's).
    if (stranger and long_piece and position == "isolated" and 2 <= n <= 6 and not any(q in t for q in "\"“”‘’'")
            and (t.rstrip().endswith("!") or any(w in ("you", "your", "yours") for w in words))):
        return Verdict("link", 3.0)
    points: dict[str, float] = {}
    finite = any(w in lex["finite_verbs"] for w in words)
    bare = t.rstrip("\"'”’)]*")
    # Figures of a date or time ("5:45 AM PST 11/19/2019") are not words of a sentence.
    spoken = n - sum(1 for w in words if w.isdigit()) if n == len(words) else n
    sentence = bare.endswith((".", "!", "?", "…", "。", "！", "？")) and spoken >= 3 and not looks_like_time(t)
    letters = sum(c.isalpha() for c in t) if len(t) < 40 else len(t)
    if label and USE_LABEL_LIST:
        points["label"] = 3.0
    separator = len(t) >= 3 and len(set(t.replace(" ", ""))) == 1 and not t[0].isalnum()  # ***, ___: a section break
    if (letters == 0 and not separator) or WIDGET_RE.search(t):
        points["counter" if letters <= 1 else "link"] = 2.5
    if COUNT_RE.fullmatch(t.strip("[]() ")) or EDITION_RE.fullmatch(t) or MORE_RE.fullmatch(t.rstrip(".…:")) or PATH_RE.fullmatch(t):
        points["link"] = 3.0
    if looks_like_time(t):
        points["timestamp"] = 3.0
    if BYLINE_RE.match(t) and n <= 8:
        points["byline"] = 3.0
    low = " ".join(words)
    content = [w for w in words if w not in FUNCTION]
    if low in lex["places"]:
        points["place"] = 2.5
    elif content and all(w in lex["sections"] or w in lex["places"] for w in content):
        points["section"] = 2.5
    ui = [w for w in content if w in lex["ui_words"] or w in lex["ui_verbs"] or w in lex["social"]]
    if content and len(ui) == len(content):
        points["link"] = max(points.get("link", 0), 2.5 if len(content) <= 4 else 1.5)
    elif content and 2 * len(ui) >= len(content):
        points["link"] = max(points.get("link", 0), 1.5)
    if n <= 6 and any(w in lex["strong_ui_words"] for w in words):
        points["link"] = max(points.get("link", 0), 2.5)
    if words and words[0] in lex["ui_verbs"] and n <= 6:
        points["link"] = points.get("link", 0) + 1.0
    if any(w in lex["social"] for w in words) and n <= 6 and len(words) > 1 or (n == 1 and words[0] in lex["social"]):
        points["social"] = 4.0
    caps = [w for w in WORD_RE.findall(t) if w[0].isupper()]
    if 2 <= n <= 4 and len(caps) == n and "'s" not in low and "’s" not in low and "(" not in t and (
            words[0] in lex["first_names"] or NAME_RE.fullmatch(t)):
        points["author"] = 2.0
    if t.lower().startswith(("image caption", "media caption")):
        points["picture"] = 3.0
    punctuated = bare.endswith((".", "!", "?", "…", ":", ";", ","))
    odd = alone or foreign  # no companion, or nothing in common with the article
    # A single word in capitals that only its passage leaves unechoed is a crosshead in capitals.
    if n == 1 and letters and not punctuated and (
            position == "outside" or (position == "isolated" and (odd or (unrelated and not t.isupper())))):
        points["word"] = 2.0
    if position == "outside":
        points["outside"] = 1.0
    if script and script_of(t) not in (None, script) and n <= 20:
        points["script"] = 3.0
    # Before the first paragraph of prose (between the headline and the story: a kicker, a
    # section or menu label) or after the last one (tags, menus, links): a short line that is not
    # a sentence, a byline, a dateline or part of a table. A standfirst is a sentence; a byline
    # and a dateline have their own shapes above; a team sheet or result list stands in a table.
    if (position == "edge" and 1 <= edge_run <= 2 and 1 <= n <= 6 and not punctuated and t[0].isalnum() and t.count(",") < 2
            and not BYLINE_RE.match(t) and not is_match_line(t) and not (top and first.islower())):
        points["edge"] = 2.0
    # A label of one to three words ending in a colon under the headline, before the story
    # ("Featured:", "PUBLISHED:"): a field of the page whose value was not copied, or a kicker.
    if position == "edge" and top and 1 <= edge_run <= 2 and 1 <= n <= 3 and bare.endswith(":") and t[0].isupper():
        points["edge"] = 2.0
    # A label that ends in a colon ("Related topics:", "Screen name:") alone between two
    # paragraphs of prose: in copy a colon line introduces a list or a quotation, which is not
    # prose. Weak on its own (a recipe's "Serves four:" heads its paragraph); it adds to others.
    if position == "isolated" and 1 <= n <= 4 and bare.endswith(":") and t[0].isupper():
        points["link"] = max(points.get("link", 0), 1.0)
    if odd and position == "isolated" and 2 <= n <= 5 and t[0].isalnum() and (lower_link or not t[0].islower()) and not punctuated and (
            foreign or not t.isupper()):
        title = all(w[0].isupper() or w[0].isdigit() or w.lower() in FUNCTION for w in WORD_RE.findall(t))
        points["lone"] = 2.0 if (title and not t.isupper()) or estranged else 1.5
    # A topic tag or menu link pasted into a passage: a noun phrase of one to four words, with no
    # verb, article or determiner and no sentence punctuation, that shares no word with the
    # paragraph before it or the two after it (unrelated). Alone among the prose it must be in
    # Title Case (a lone crosshead in sentence case, "Worth waiting for", need not echo its
    # passage); among crossheads that do echo theirs, a noun phrase in sentence case will do too
    # ("Rugby union"), but not a crosshead's phrase ("Looking ahead", see clause_like). A
    # crosshead announces the words of what follows; a tag ("Mental Health", "Slow Cooker
    # Meals") belongs to the page.
    # A line in capitals is left alone: a fact box or a crosshead in capitals is the article's.
    # Small words may stand lower case inside it, in English or another language in Latin script
    # ("Classificação da MotoGP"); a brand may start lower case if it has capitals ("eBay Deals").
    if unrelated and position == "isolated" and 1 <= n <= 4 and not punctuated and not t.isupper() and "lone" not in points:
        tokens = WORD_RE.findall(t)
        if (tokens and (tokens[0][0].isupper() or any(c.isupper() for c in tokens[0][1:]) or (tokens[0].isdigit() and n > 1))
                and words[0] not in DETERMINERS
                and not clause_like(t, prepositions=not title_case(t))
                and (title_case(t) or not alone)):
            points["passage"] = 2.0
    # The name of a newspaper, agency or news site alone between two paragraphs of prose ("The
    # Times", "Daily Courier", "Associated Press"): a masthead, a link or a picture agency left
    # from the page. Every word capitalised, the last one a publication's noun. A crosshead
    # naming a paper is rare; one in sentence case ("Good news") is not this shape.
    # A name in brackets ("[ The Courier ]") is the piece citing its source, not a link.
    if position == "isolated" and 2 <= n <= 4 and not punctuated and t[0].isalnum() and words[-1] in lex["publications"]:
        tokens = WORD_RE.findall(t)
        if all(w[0].isupper() or w[0].isdigit() or w == "&" for w in tokens):
            points["brand"] = 2.0
    # Two categories joined by an ampersand, as a site's menu names them ("Health & Fitness",
    # "Salads & sides"): copy spells out "and" outside a name (and a name such as M&S or
    # AT&T holds its ampersand without spaces).
    if (position in ("isolated", "outside") and 2 <= n <= 5 and " & " in t and not punctuated and t[0].isupper()
            and not finite):
        points["section"] = max(points.get("section", 0), 2.0)
    total = sum(points.values())
    # What makes a line prose rather than a label.
    if sentence:
        total -= 2.5
    if finite:
        total -= 1.5
    if "script" in points:
        pass  # the length of a line in another script says nothing of its being the article's prose
    elif spoken >= 10:
        total -= 3.0
    elif spoken >= 7:
        total -= 1.5
    if any(q in t for q in "\"“”‘"):
        total -= 1.0
    threshold = {"isolated": 2.0, "edge": 2.0, "outside": 2.0}.get(position, 3.0)
    if total < threshold or not points:
        return None
    # The most specific signal names the kind: the label list only says that it is furniture.
    named = [k for k in points if k not in ("outside", "lone", "label", "edge", "passage")]
    kind = max(named, key=lambda k: points[k]) if named else (
        "label" if "label" in points else "passage" if "passage" in points else "lone")
    if not named and "edge" in points and "label" not in points:
        kind = "edge"
    if position == "outside" and kind in ("word", "lone", "passage"):
        kind = "outside"
    return Verdict(kind, total)


MESSAGES = {
    "label": "is page furniture from a web page or CMS, not part of the article",
    "timestamp": "is a timestamp from the web page, not part of the article",
    "byline": "is a byline from the web page, not part of the article's text",
    "author": "looks like an author's name left from a byline or author box, not part of the article's text",
    "link": "is a link, button or label from the web page or CMS, not part of the article",
    "social": "is a social-media link from the web page, not part of the article",
    "section": "is a section name from the web page's navigation, alone on its line",
    "place": "is a place name from the web page's navigation or tags, alone on its line",
    "counter": "is a counter or symbol from the web page, not part of the article",
    "brand": "is the name of a newspaper, agency or news site alone between paragraphs: a masthead, link or credit left from the web page",
    "picture": "is a picture label from the web page (its source or caption field), not part of the article",
    "word": "is a single word alone between paragraphs: a link or label left from the web page",
    "outside": "stands outside the article, in the web page's navigation, header, footer or a side box",
    "edge": "is a short line that is not a sentence, standing before or after the article's prose: a link, label or tag left from the web page",
    "script": "is written in another script than the article: a link or label left from the web page",
    "passage": ("is a short label between two paragraphs of one passage and shares no word with them, as a crosshead "
                "would with the paragraphs it introduces: a link or tag left from the web page"),
    "lone": "is a short label alone between paragraphs, with no other crosshead in the article: a link or label left from the web page",
}


STEM_RE = recache.compile(r"[^\W\d_]{3,}")


def stems(text: str) -> set[str]:
    """The words of three letters or more, lower case, without a plural or possessive s."""
    return {w.lower().rstrip("s") for w in STEM_RE.findall(text)}


def prefixes(text: str) -> set[str]:
    """The words of three letters or more, lower case, without a plural s and cut to their first
    five letters: enough to take "costs" and "cost", "parenting" and "parents" for one word."""
    return {w.lower().rstrip("s")[:5] for w in STEM_RE.findall(text)}


def message(text: str, kind: str) -> str:
    return f"“{text.strip()}” {MESSAGES.get(kind, MESSAGES['label'])}; delete it."
