"""Newsroom rules written as data, after Vale's rule types: a `rules:` list in copydesk.yaml
or in a house pack, each rule one mapping, its patterns on RE2.

    rules:
      - id: custom.no-very
        type: existence            # a word or pattern that should not be there
        tokens: [very, really]
        message: "Cut “{match}”: it adds nothing."
        level: info                # error, warning or info (default warning)
        link: https://style.example.org/very
        scope: [body]              # headline, body, caption (default: headline and body)
        quotations: exclude        # include (default), exclude, or only
        examples: {bad: ["It was very late."], good: ["It was late."]}

Types: existence (tokens or patterns), substitution (swap: {wrong: right}, with a fix that is
unsafe unless `fix: safe`), occurrence (tokens or patterns at most `max` times in the scope),
consistency (either: [[email, e-mail]]: an article keeps to one form of each pair), and
capitalization (match: sentence, title, upper or lower, for the scope's whole blocks, with
exceptions). Everything is checked when the file is read, with its file, line and key."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from functools import lru_cache

from .patterns import compile_user
from .yamlio import DataError, line_of
from . import recache

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any

TYPES = ("existence", "substitution", "occurrence", "consistency", "capitalization")
SCOPES = ("headline", "body", "caption")
LEVELS = ("error", "warning", "info")
QUOTATIONS = ("include", "exclude", "only")
CASES = ("sentence", "title", "upper", "lower")
ID_RE = recache.compile(r"custom\.[a-z0-9][a-z0-9-]*")
COMMON = {"id": str, "type": str, "message": str, "level": str, "link": str, "scope": list, "quotations": str,
          "ignorecase": bool, "examples": dict}
BY_TYPE: dict[str, dict[str, Any]] = {
    "existence": {"tokens": list, "patterns": list},
    "substitution": {"swap": dict, "fix": str},
    "occurrence": {"tokens": list, "patterns": list, "max": int},
    "consistency": {"either": list},
    "capitalization": {"match": str, "exceptions": list},
}
DEFAULT_MESSAGES = {
    "existence": "“{match}” is against house style.",
    "substitution": "House style writes “{suggestion}”, not “{match}”.",
    "occurrence": "“{match}” appears more than {max} times in the article.",
    "consistency": "“{match}” here, but “{other}” elsewhere in the article: keep to one.",
    "capitalization": "This should be in {case} case.",
}
# The placeholders each type's message may use.
PLACEHOLDERS = {"existence": {"match"}, "substitution": {"match", "suggestion"}, "occurrence": {"match", "max", "count"},
                "consistency": {"match", "other"}, "capitalization": {"match", "case"}}
# Small words a title-case headline leaves in lower case.
SMALL_WORDS = frozenset("a an and as at but by for from in into nor of on or over the to up via with".split())


@dataclass(frozen=True)
class YamlRule:
    """A newsroom rule written in YAML (existence, substitution, occurrence, consistency, capitalization)."""
    id: str
    type: str
    message: str
    level: str
    link: str
    scope: tuple[str, ...]
    quotations: str
    pattern: Any = None  # RE2: the tokens and patterns, one alternation (existence, occurrence)
    swaps: tuple[tuple[str, str, Any], ...] = ()  # (wrong, right, RE2) for substitution
    safe: bool = False
    max: int = 0
    pairs: tuple[tuple[tuple[str, ...], Any], ...] = ()  # ((forms...), RE2) for consistency
    case: str = ""
    exceptions: frozenset[str] = frozenset()
    good: tuple[str, ...] = ()
    bad: tuple[str, ...] = ()
    source: str = ""  # the file it came from, for test-rules
    line: int | None = None


def _token_pattern(tokens: list[str]) -> str:
    """Whole words and phrases, the longest first; a space in a phrase matches any run of
    spaces. A token's edge that is a letter or a digit must be a word's edge ("Mr." and
    "/Getty" are tokens too)."""
    parts = []
    for t in sorted(tokens, key=len, reverse=True):
        body = r"\s+".join(re.escape(w) for w in t.split())
        parts.append((r"\b" if t[0].isalnum() else "") + body + (r"\b" if t[-1].isalnum() else ""))
    return "(?:" + "|".join(parts) + ")"


def _strings(value: Any, path: str, line: int | None, key: str) -> list[str]:
    if not isinstance(value, list) or not value or not all(isinstance(v, str) and v.strip() for v in value):
        raise DataError(path, line, key, "must be a list of words or patterns (strings that are not empty)")
    return value


def parse(rules: Any, path: str) -> tuple[YamlRule, ...]:
    """The rules of a `rules:` list, checked and compiled; DataError names the file, the line
    and the key of the first fault."""
    if not isinstance(rules, list):
        raise DataError(path, None, "rules", "must be a list of rules")
    out = []
    seen: set[str] = set()
    for n, item in enumerate(rules, 1):
        where = f"rules[{n}]"
        if not isinstance(item, dict):
            raise DataError(path, None, where, "each rule is a mapping with an id, a type and a message")
        line = line_of(item, "id") or line_of(item, "type")
        rid, kind = item.get("id"), item.get("type")
        if not isinstance(rid, str) or not ID_RE.fullmatch(rid):
            raise DataError(path, line, f"{where}.id", "must be 'custom.' and a name in lower case (custom.no-very)")
        if rid in seen:
            raise DataError(path, line, f"{where}.id", f"'{rid}' is given twice")
        seen.add(rid)
        if kind not in TYPES:
            raise DataError(path, line_of(item, "type") or line, f"{rid}.type", f"must be one of {', '.join(TYPES)}")
        allowed = {**COMMON, **BY_TYPE[kind]}
        for key, value in item.items():
            kline = line_of(item, key) or line
            if key not in allowed:
                article = "an" if kind[0] in "aeiou" else "a"
                raise DataError(path, kline, f"{rid}.{key}", f"unknown key for {article} {kind} rule; expected one of {', '.join(allowed)}")
            if not isinstance(value, allowed[key]) or (allowed[key] is int and isinstance(value, bool)):
                raise DataError(path, kline, f"{rid}.{key}", f"has the wrong type: {type(value).__name__}")
        out.append(_build(item, rid, kind, path, line))
    return tuple(out)


def _choice(item: dict, key: str, choices: tuple[str, ...], default: str, path: str, rid: str) -> str:
    value = item.get(key, default)
    if value not in choices:
        raise DataError(path, line_of(item, key), f"{rid}.{key}", f"must be one of {', '.join(choices)}")
    return value


def _build(item: dict, rid: str, kind: str, path: str, line: int | None) -> YamlRule:
    level = _choice(item, "level", LEVELS, "warning", path, rid)
    quotations = _choice(item, "quotations", QUOTATIONS, "include", path, rid)
    scope = item.get("scope", ["headline", "body"])
    if not scope or any(s not in SCOPES for s in scope):
        raise DataError(path, line_of(item, "scope") or line, f"{rid}.scope", f"must list some of {', '.join(SCOPES)}")
    ignorecase = item.get("ignorecase", True)
    examples = item.get("examples", {})
    for key, value in examples.items():
        if key not in ("good", "bad") or not isinstance(value, list) or not all(isinstance(v, str) for v in value):
            raise DataError(path, line_of(examples, key) or line, f"{rid}.examples.{key}",
                            "examples are `good:` and `bad:`, each a list of drafts")
    fields: dict[str, Any] = {}
    if kind in ("existence", "occurrence"):
        if "tokens" not in item and "patterns" not in item:
            raise DataError(path, line, f"{rid}.tokens", f"an {kind} rule needs tokens or patterns")
        parts = []
        if "tokens" in item:
            parts.append(_token_pattern(_strings(item["tokens"], path, line_of(item, "tokens"), f"{rid}.tokens")))
        for p in _strings(item["patterns"], path, line_of(item, "patterns"), f"{rid}.patterns") if "patterns" in item else []:
            compile_user(p, path, line_of(item, "patterns"), f"{rid}.patterns", ignorecase)
            parts.append(f"(?:{p})")
        fields["pattern"] = compile_user("|".join(parts), path, line, rid, ignorecase)
        if kind == "occurrence":
            if "max" not in item or item["max"] < 0:
                raise DataError(path, line_of(item, "max") or line, f"{rid}.max", "an occurrence rule needs max, 0 or more")
            fields["max"] = item["max"]
    elif kind == "substitution":
        swap = item.get("swap")
        if not swap or not all(isinstance(k, str) and k.strip() and isinstance(v, str) for k, v in swap.items()):
            raise DataError(path, line_of(item, "swap") or line, f"{rid}.swap", "must map each wrong form to the right one")
        fields["swaps"] = tuple((k, v, compile_user(_token_pattern([k]), path, line_of(item, "swap"), f"{rid}.swap", ignorecase))
                                for k, v in swap.items())
        fields["safe"] = _choice(item, "fix", ("safe", "unsafe"), "unsafe", path, rid) == "safe"
    elif kind == "consistency":
        either = item.get("either")
        if not either or not all(isinstance(g, list) and len(g) >= 2 and all(isinstance(w, str) and w.strip() for w in g)
                                 for g in either):
            raise DataError(path, line_of(item, "either") or line, f"{rid}.either", "must be a list of groups of two or more forms")
        fields["pairs"] = tuple((tuple(g), compile_user(_token_pattern(g), path, line_of(item, "either"), f"{rid}.either", ignorecase))
                                for g in either)
    else:
        fields["case"] = _choice(item, "match", CASES, "sentence", path, rid)
        fields["exceptions"] = frozenset(_strings(item["exceptions"], path, line_of(item, "exceptions"), f"{rid}.exceptions")
                                         if "exceptions" in item else ())
        if "scope" not in item:
            scope = ["headline"]
    message = item.get("message") or DEFAULT_MESSAGES[kind]
    import string

    try:
        names = {f for _t, f, _s, _c in string.Formatter().parse(message) if f is not None}
    except ValueError as exc:
        raise DataError(path, line_of(item, "message") or line, f"{rid}.message", f"a brace that is not a placeholder: {exc}") from None
    wrong = sorted(names - PLACEHOLDERS[kind])
    if wrong:
        raise DataError(path, line_of(item, "message") or line, f"{rid}.message",
                        f"{{{wrong[0]}}} is not a placeholder of {'an' if kind[0] in 'aeiou' else 'a'} {kind} rule; it has "
                        + ", ".join(f"{{{p}}}" for p in sorted(PLACEHOLDERS[kind])))
    return YamlRule(rid, kind, message, level, item.get("link", ""), tuple(scope), quotations,
                    good=tuple(examples.get("good", ())), bad=tuple(examples.get("bad", ())), source=path, line=line, **fields)


def unknown_selector(selectors, rules) -> str | None:
    """The message for the first selector that names a rule of the newsroom's own (custom.x)
    that these rules do not have, or None: a typo in a selection must not pass as clean."""
    import difflib

    ids = sorted(r.id for r in rules)
    for sel in selectors:
        if sel.startswith("custom.") and sel not in ids:
            near = difflib.get_close_matches(sel, ids, n=1, cutoff=0.6)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            have = f" (the newsroom's rules here: {', '.join(ids)})" if ids else " (no rules of the newsroom's own are set here)"
            return f"unknown rule '{sel}'{hint}{have}"
    return None


@lru_cache(maxsize=64)
def parse_cached(rules_json: str, path: str) -> tuple[YamlRule, ...]:
    return parse(json.loads(rules_json), path)


def newsroom_rules(cfg, house) -> tuple[YamlRule, ...]:
    """The newsroom's rules that apply under a config and its house pack: the pack's, then the
    config's (a config's rule with the same id replaces the pack's), compiled once for each
    set of rules."""
    house_rules, config_rules = house.data.get("rules") or [], cfg.rules
    if not house_rules and not config_rules:
        return ()
    house = parse_cached(json.dumps(house_rules), house.path) if house_rules else ()
    mine = parse_cached(json.dumps(config_rules), cfg.source or "copydesk.yaml") if config_rules else ()
    ids = {r.id for r in mine}
    return tuple(r for r in house if r.id not in ids) + mine
