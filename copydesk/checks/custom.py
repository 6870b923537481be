"""custom: the newsroom's own rules, written as data (copydesk/yamlrules.py) in copydesk.yaml or
a house pack: existence, substitution, occurrence, consistency and capitalization."""

from __future__ import annotations

from collections import defaultdict

from ..checker import Checker, Context, Rule
from ..document import Document
from ..finding import Edit, Finding, Fix
from ..patterns import finditer_windowed
from ..yamlrules import SMALL_WORDS, YamlRule
from .. import recache

FAMILY = Rule(
    "custom.*",
    "warning",
    "A rule of the newsroom's own, written as data in copydesk.yaml or the house pack (`rules:`).",
    "Each rule has an id (custom.name), a type after Vale's (existence, substitution, occurrence, "
    "consistency, capitalization), a message, a level, a link, a scope (headline, body, caption) "
    "and whether quotations count; its patterns run on RE2. `copydesk test-rules FILE` runs the "
    "examples each rule keeps. README, \"Newsroom rules without Python\", has the whole form.",
    fix="unsafe",
)
# The headline is the one block the parser made the headline (a Markdown draft's title: or first
# level-1 heading, a text draft's first line); other headings are neither headline nor body.
SCOPE_KINDS = {"headline": ("headline",), "body": ("paragraph", "blockquote", "list_item"), "caption": ("caption",)}


class CustomChecker(Checker):
    id = "custom"
    description = "The newsroom's own rules, written as data in copydesk.yaml or the house pack."
    family = FAMILY

    def check(self, doc: Document, ctx: Context):
        if not ctx.custom:
            return []
        blocks = [b for b in ctx.read(doc).blocks if b.text]
        out: list[Finding] = []
        for rule in ctx.custom:
            kinds = {k for s in rule.scope for k in SCOPE_KINDS[s]}
            mine = [b for b in blocks if b.kind in kinds]
            if mine:
                out += RUNS[rule.type](rule, mine, doc)
        return out


def _kept(rule: YamlRule, b, start: int) -> bool:
    """Whether a match at start counts, as the rule says of quotations."""
    if rule.quotations == "include":
        return True
    return b.quotes.covers(start, len(b.text)) == (rule.quotations == "only")


def _finding(rule: YamlRule, b, i: int, j: int, message: str, suggestion: str | None = None, fix: bool = False) -> Finding:
    s, e = b.prose.source_span(i, j)
    edit = Fix((Edit(s, e, suggestion),), rule.safe) if fix and suggestion is not None and b.prose.verbatim(i, j) else None
    return Finding(rule.id, rule.level, message, s, e, (suggestion,) if suggestion is not None else (), edit)


def _say(rule: YamlRule, **values) -> str:
    try:
        return rule.message.format(**values)
    except (KeyError, IndexError, ValueError):
        return rule.message  # a placeholder the rule's type does not fill: the message as written


def _existence(rule, blocks, doc):
    return [_finding(rule, b, i, j, _say(rule, match=b.text[i:j])) for b in blocks
            for i, j, _m in finditer_windowed(rule.pattern, b.text) if j > i and _kept(rule, b, i)]


def _substitution(rule, blocks, doc):
    from .style import match_case

    out = []
    for b in blocks:
        found = []  # (start, end, the right form): the longest of overlapping wrong forms wins
        for wrong, right, pattern in rule.swaps:
            for i, j, _m in finditer_windowed(pattern, b.text):
                said = b.text[i:j]
                if j <= i or said == right or not _kept(rule, b, i) or (
                        len(right) > len(wrong) and b.text[i:i + len(right)] == right):
                    continue  # the right form already there (begun by the wrong one: Getty Images)
                if said.lower() == right.lower():
                    fixed = right  # a swap of case alone (COVID to Covid): the case is the point
                else:
                    fixed = match_case(said, right) if said.lower() == wrong.lower() else right
                found.append((i, j, fixed))
        last = -1
        for i, j, fixed in sorted(found, key=lambda f: (f[0], f[0] - f[1])):
            if i >= last:
                out.append(_finding(rule, b, i, j, _say(rule, match=b.text[i:j], suggestion=fixed), fixed, fix=True))
                last = j
    return out


def _occurrence(rule, blocks, doc):
    seen = [(b, i, j) for b in blocks for i, j, _m in finditer_windowed(rule.pattern, b.text) if j > i and _kept(rule, b, i)]
    if len(seen) <= rule.max:
        return []
    b, i, j = seen[rule.max]  # the first one past the limit
    return [_finding(rule, b, i, j, _say(rule, match=b.text[i:j], max=rule.max, count=len(seen)))]


def _consistency(rule, blocks, doc):
    out = []
    for forms, pattern in rule.pairs:
        uses: dict[str, list] = defaultdict(list)
        for b in blocks:
            for i, j, _m in finditer_windowed(pattern, b.text):
                if j > i and _kept(rule, b, i):
                    said = b.text[i:j]
                    form = next((f for f in forms if f.lower() == " ".join(said.lower().split())), said.lower())
                    uses[form].append((b, i, j))
        if len(uses) < 2:
            continue
        first = next(iter(uses))  # the form the article uses first sets the house form for it
        major = max(uses, key=lambda f: (len(uses[f]), f == first))
        for form, where in uses.items():
            if form != major:
                out += [_finding(rule, b, i, j, _say(rule, match=b.text[i:j], other=major), major, fix=True) for b, i, j in where]
    return out


def _capitalization(rule, blocks, doc):
    from .style import _capitalised_mid_sentence

    out = []
    # Names are the words the article capitalises in the middle of its sentences (Boris, Paris):
    # a sentence-case headline keeps their capitals.
    names = _capitalised_mid_sentence(doc) if rule.case == "sentence" else set()
    for b in blocks:
        words = [(m.start(), m.end()) for m in WORD_RE.finditer(b.text)]
        wrong = [(i, j) for k, (i, j) in enumerate(words)
                 if b.text[i:j].strip("'’") not in names and _wrong_case(b.text[i:j], k, rule)]
        if wrong:
            out.append(_finding(rule, b, 0, len(b.text), _say(rule, match=b.text, case=rule.case)))
    return out


def _wrong_case(word: str, k: int, rule: YamlRule) -> bool:
    if word in rule.exceptions or not word[:1].isalpha():
        return False
    if rule.case == "upper":
        return word != word.upper()
    if rule.case == "lower":
        return word != word.lower() and not word.isupper()  # an acronym keeps its capitals
    if rule.case == "title":
        return word[0].islower() and (k == 0 or word.lower() not in SMALL_WORDS)
    # sentence: the first word capitalised, the rest small unless an acronym or an exception
    if k == 0:
        return word[0].islower()
    return word[0].isupper() and not word.isupper() and len(word) > 1


WORD_RE = recache.compile(r"[^\W\d_][\w'’-]*")
RUNS = {"existence": _existence, "substitution": _substitution, "occurrence": _occurrence,
        "consistency": _consistency, "capitalization": _capitalization}
