"""Where checkers come from: the built-in ones in copydesk/checks/, and plugins registered
under the entry-point group ``copydesk.checks``."""

from __future__ import annotations

from functools import lru_cache
import json
import os
import sys
import zlib
from importlib import import_module

from . import cachedir
from .checker import Checker, Rule

ENTRY_POINT_GROUP = "copydesk.checks"
BUILTIN = (
    "copydesk.checks.layout:LayoutChecker",
    "copydesk.checks.quotes:QuotesChecker",
    "copydesk.checks.attribution:AttributionChecker",
    "copydesk.checks.style:StyleChecker",
    "copydesk.checks.credits:CreditsChecker",
    "copydesk.checks.readability:ReadabilityChecker",
    "copydesk.checks.consistency:ConsistencyChecker",
    "copydesk.checks.grammar:GrammarChecker",
    "copydesk.checks.custom:CustomChecker",
)

# Rules the engine itself reports, outside any checker.
CORE_RULES = (
    Rule(
        "copydesk.unused-suppression",
        "info",
        "A suppression comment that suppressed nothing.",
        "A suppression that no longer matches a finding hides nothing today but would hide a "
        "real fault tomorrow; remove it.",
    ),
    Rule(
        "copydesk.internal-error",
        "error",
        "A checker failed on this file.",
        "A checker raised an exception; its findings for this file are missing. Please report it.",
    ),
    Rule(
        "input.encoding",
        "warning",
        "The file is not valid UTF-8.",
        "copydesk reads drafts as UTF-8. A file in another encoding was decoded as cp1252 "
        "(or with replacement characters); save it as UTF-8.",
    ),
    Rule(
        "copydesk.too-many-findings",
        "warning",
        "A draft with more than 10,000 findings: the rest are not listed.",
        "A draft with that many findings is damaged or not copy; listing them all would make a "
        "report nobody reads and take memory in proportion. The first 10,000, in order of "
        "position, are listed; this finding, after them, says how many more there are.",
    ),
    Rule(
        "input.unread",
        "warning",
        "Part of the draft was not checked, and the finding says which part and why.",
        "copydesk never reports a draft clean when it did not read all of it. An HTML element "
        "left open that holds its content away from the reader (<pre>, <title>, <svg>) takes "
        "the rest of the file with it, as in a browser; a draft where more than 2,000 "
        "characters, and more than one in eight, are quotation marks or apostrophes is data or "
        "damage, not copy, and its quotations and attributions are not checked (that work grows "
        "with the marks). Each case is reported once, at the place it begins.",
    ),
    Rule(
        "input.tracked-changes",
        "info",
        "A Word draft holds tracked changes not yet accepted or rejected.",
        "copydesk checks a Word draft as it would read with every tracked change accepted: "
        "inserted text in, deleted text out. The sub-editor should know that the text checked "
        "is not yet the text agreed.",
    ),
)


class PluginError(Exception):
    pass


def _instantiate(obj: object, name: str) -> Checker:
    checker = obj() if isinstance(obj, type) else obj
    if not isinstance(checker, Checker) or not checker.id:
        raise PluginError(f"{name} is not a copydesk Checker with an id")
    for rule in checker.rules:
        if not rule.id.startswith(checker.id + "."):
            raise PluginError(f"{name}: rule {rule.id} must start with '{checker.id}.'")
    return checker


@lru_cache(maxsize=1)
def checkers() -> tuple[Checker, ...]:
    try:
        return _checkers(_plugin_entry_points())
    except PluginError:
        # Asked of the kept list, a plugin that fails is asked of the distributions again: a
        # kept list that no longer holds (or was spoilt) must not break every run after it.
        fresh = _plugin_entry_points(fresh=True)
        return _checkers(fresh)


def _checkers(plugins: list) -> tuple[Checker, ...]:
    found: list[Checker] = []
    for spec in BUILTIN:
        mod, attr = spec.split(":")
        found.append(_instantiate(getattr(import_module(mod), attr), spec))
    seen = {c.id for c in found}
    for ep in plugins:
        try:
            checker = _instantiate(ep.load(), f"plugin {ep.name} ({ep.value})")
        except PluginError:
            raise
        except Exception as exc:  # a broken plugin must not take the tool down silently
            raise PluginError(f"plugin {ep.name} ({ep.value}) failed to load: {exc}") from None
        if ep.name != checker.id:  # the name a user sees in `pip show` and in errors is the checker's
            raise PluginError(f"plugin {ep.name} ({ep.value}): its entry-point name must be its checker id '{checker.id}'")
        if checker.id in seen:
            raise PluginError(f"plugin {ep.name}: checker id '{checker.id}' is already taken")
        seen.add(checker.id)
        found.append(checker)
    return tuple(found)


class _EntryPoint:
    """A plugin's entry point as the cache keeps it: its name and "module:attribute"."""

    def __init__(self, name: str, value: str):
        self.name, self.value = name, value

    def load(self) -> object:
        module, _, attr = self.value.partition(":")
        obj: object = import_module(module.strip())
        for part in attr.strip().split(".") if attr.strip() else ():
            obj = getattr(obj, part)
        return obj


def _installed() -> list[list]:
    """What says which plugins are installed: each entry-point file of the distributions on
    sys.path, with its time and size. A distribution installed, removed or changed changes it."""
    out = []
    for folder in sys.path:
        try:
            names = os.listdir(folder or ".")
        except OSError:
            continue
        for name in names:
            if name.endswith((".dist-info", ".egg-info")):
                path = os.path.join(folder, name, "entry_points.txt")
                try:
                    st = os.stat(path)
                except OSError:
                    continue
                out.append([path, st.st_mtime_ns, st.st_size])
    return out


def _plugin_entry_points(fresh: bool = False) -> list:
    """The copydesk.checks entry points, by name. importlib.metadata reads every installed
    distribution and costs a fresh process tens of milliseconds; its answer is kept in the
    user's cache, keyed by the entry-point files on sys.path, and asked again only when they
    change."""
    key = _installed()
    # One file per environment (pre-commit's, a project's venv ...), so that two do not take
    # turns overwriting it and both miss.
    env = zlib.crc32(os.path.realpath(sys.prefix).encode("utf-8", "surrogateescape"))
    cache = cachedir.folder(f"plugins-{env:08x}.json")
    off = bool(os.environ.get("COPYDESK_NO_CACHE"))
    try:
        if fresh or off:
            raise OSError
        raw = cachedir.read_bytes(cache, 4 * 1048576)
        if raw is None:
            raise OSError
        kept = json.loads(raw)
        plugins = kept["plugins"] if kept.get("key") == key else None
        if isinstance(plugins, list) and all(isinstance(p, list) and len(p) == 2 and all(isinstance(x, str) for x in p)
                                             for p in plugins):
            return [_EntryPoint(n, v) for n, v in plugins]
    except (OSError, ValueError, AttributeError, TypeError, KeyError, RecursionError, MemoryError):
        pass
    from importlib.metadata import entry_points

    plugins = sorted(((ep.name, ep.value) for ep in entry_points(group=ENTRY_POINT_GROUP)), key=lambda nv: nv[0])
    try:
        if off:
            raise OSError
        from . import atomic

        os.makedirs(os.path.dirname(cache), exist_ok=True)
        atomic.write_output(cache, json.dumps({"key": key, "plugins": plugins}).encode("utf-8"))
    except OSError:
        pass  # a cache that cannot be written is asked again next time
    return [_EntryPoint(n, v) for n, v in plugins]


@lru_cache(maxsize=1)
def all_rules() -> dict[str, Rule]:
    """Every rule by id (built once; do not change the mapping)."""
    rules = {r.id: r for r in CORE_RULES}
    for c in checkers():
        for r in c.rules:
            rules[r.id] = r
    return rules


# Other names a rule answers to in a selection, a suppression or `explain`: the names a newsroom
# may know the rule by. One rule, one finding: a rule is never reported under two ids.
ALIASES = {
    "style.repeated-word": "readability.doubled-word",
    "style.sentence-length": "readability.long-sentence",
}


def matches(selector: str, rule_id: str) -> bool:
    selector = ALIASES.get(selector, selector)
    return rule_id == selector or rule_id.startswith(selector + ".")


def aliases_of(rule_id: str) -> list[str]:
    return sorted(a for a, r in ALIASES.items() if r == rule_id)


def families() -> dict[str, Rule]:
    """The rules that document rule ids checkers make as they go ("grammar.*"), by id."""
    return {c.family.id: c.family for c in checkers() if c.family is not None}


def family(rule_id: str) -> Rule | None:
    """The rule that documents rule_id when its checker makes rule ids as it goes (grammar.<id>
    for each LanguageTool rule), or None."""
    head = rule_id.split(".", 1)[0]
    for c in checkers():
        if c.id == head and c.family is not None and rule_id != head:
            return c.family
    return None


def did_you_mean(selector: str) -> str:
    """'; did you mean X?' for a mistyped rule or checker id, or ''."""
    import difflib

    ids = set(all_rules()) | {r.split(".", 1)[0] for r in all_rules()} | set(ALIASES)
    near = difflib.get_close_matches(selector, sorted(ids), n=3, cutoff=0.6)
    return f"; did you mean {' or '.join(repr(n) for n in near)}?" if near else ""


def known_selector(selector: str) -> bool:
    if selector == "ALL":
        return True
    return (any(matches(selector, r) for r in all_rules()) or family(selector) is not None
            or any(c.id == selector for c in checkers() if c.family is not None))
