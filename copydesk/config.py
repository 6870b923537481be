"""Configuration: copydesk.yaml, .copydesk.yaml or [tool.copydesk] in pyproject.toml.

Found from the checked file's folder upward, stopping at the repository root, unless a file is
named with --config. A wrong config stops the run with a message naming file, line and key.
"""

from __future__ import annotations

import os
import re
import sys
from dataclasses import dataclass, field
from functools import lru_cache

from . import atomic, registry, yamlio
from .yamlio import type_name as _a
from .checker import Option
from .finding import SEVERITIES
from .yamlio import DataError
from . import recache

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any

CONFIG_NAMES = ("copydesk.yaml", ".copydesk.yaml")
MAX_CONFIG_BYTES = 4 * 1048576  # a config (or pyproject.toml) larger than this is not one a person wrote
DEFAULT_INCLUDE = ["*.md", "*.markdown", "*.txt", "*.text", "*.html", "*.htm", "*.docx"]
TOP_KEYS: dict[str, Any] = {
    "house": str,
    "select": list,
    "extend_select": list,
    "ignore": list,
    "severity": dict,
    "accept": list,
    "checks": dict,
    "overrides": list,
    "include": list,
    "exclude": list,
    "timeout": (int, float),
    "grammar": dict,
    "force_exclude": bool,
    "min_severity": str,
    "rules": list,  # the newsroom's rules written as data (copydesk/yamlrules.py)
}
# grammar: LanguageTool (see copydesk/languagetool.py)
GRAMMAR_KEYS: dict[str, Any] = {
    "enabled": bool,
    "server": str,  # the URL of a LanguageTool server to use
    "language": str,  # a LanguageTool language code; the house pack's otherwise (en-GB)
    "disabled_rules": list,  # LanguageTool rule ids, on top of the house's
    "enabled_rules": list,
    "cache": bool,  # keep results on disk, by paragraph (default true)
    "concurrency": int,  # requests in flight to one server (default 4)
    "request_timeout": (int, float),  # seconds a request may take (default 120)
}
OVERRIDE_KEYS = {"files": list, "select": list, "ignore": list, "severity": dict, "accept": list, "checks": dict}


def glob_to_regex(pattern: str) -> re.Pattern[str]:
    out = []
    i = 0
    while i < len(pattern):
        c = pattern[i]
        if pattern.startswith("**/", i):
            out.append("(?:.*/)?")
            i += 3
            continue
        if pattern.startswith("**", i):
            out.append(".*")
            i += 2
            continue
        out.append("[^/]*" if c == "*" else "[^/]" if c == "?" else re.escape(c))
        i += 1
    return recache.compile("".join(out) + r"\Z")


def glob_match(pattern: str, relpath: str) -> bool:
    relpath = relpath.replace(os.sep, "/")
    rx = _compiled(pattern.rstrip("/"))
    if rx.match(relpath):
        return True
    if "/" not in pattern.rstrip("/"):
        # A bare name matches a file or folder of that name anywhere.
        return any(rx.match(part) for part in relpath.split("/"))
    return any(rx.match("/".join(relpath.split("/")[:k])) for k in range(1, relpath.count("/") + 1))


@lru_cache(maxsize=512)
def _compiled(pattern: str) -> re.Pattern[str]:
    return glob_to_regex(pattern)


@dataclass
class Config:
    """The settings a draft is checked with: from a config file, or the defaults."""
    source: str | None = None  # the file it came from
    root: str = "."  # the folder globs are relative to
    house: str = "british"
    select: list[str] | None = None
    extend_select: list[str] = field(default_factory=list)  # rules added to the selection (opt-in ones)
    ignore: list[str] = field(default_factory=list)
    severity: dict[str, str] = field(default_factory=dict)
    accept: list[str] = field(default_factory=list)
    checks: dict[str, dict] = field(default_factory=dict)
    overrides: list[dict] = field(default_factory=list)
    include: list[str] = field(default_factory=lambda: list(DEFAULT_INCLUDE))
    exclude: list[str] = field(default_factory=list)
    # seconds each checker may spend on a draft, per MB of it (at least once); past it the
    # checker is stopped and reported as copydesk.internal-error
    timeout: float = 10.0
    grammar: dict = field(default_factory=dict)  # GRAMMAR_KEYS; --grammar and --lt-server set them too
    # exclude applies to files named on the command line too (as pre-commit and CI pass them)
    force_exclude: bool = False
    # the lowest severity a report shows (None: warning in the text report, everything elsewhere)
    min_severity: str | None = None
    rules: list = field(default_factory=list)  # the newsroom's rules written as data

    @property
    def grammar_enabled(self) -> bool:
        return bool(self.grammar.get("enabled"))

    @property
    def accept_set(self) -> frozenset[str]:
        """The accepted words as written and in lower case."""
        return frozenset(self.accept) | frozenset(a.lower() for a in self.accept)

    def relpath(self, path: str) -> str:
        try:
            return os.path.relpath(os.path.abspath(path), self.root).replace(os.sep, "/")
        except ValueError:  # another drive
            return path.replace(os.sep, "/")

    def overrides_for(self, path: str) -> tuple[int, ...]:
        """The indices of the overrides whose globs match path."""
        rel = self.relpath(path)
        return tuple(k for k, o in enumerate(self.overrides) if any(glob_match(g, rel) for g in o["files"]))

    def for_file(self, path: str) -> "Config":
        """The settings for one file, with the overrides whose globs match it applied."""
        matched = [self.overrides[k] for k in self.overrides_for(path)]
        if not matched:
            return self
        c = Config(**{k: getattr(self, k) for k in self.__dataclass_fields__})
        c.ignore = list(c.ignore)
        c.severity = dict(c.severity)
        c.accept = list(c.accept)
        c.checks = {k: dict(v) for k, v in c.checks.items()}
        for o in matched:
            if "select" in o:
                c.select = list(o["select"])
            c.ignore += o.get("ignore", [])
            c.severity.update(o.get("severity", {}))
            c.accept += o.get("accept", [])
            for k, v in o.get("checks", {}).items():
                c.checks.setdefault(k, {}).update(v)
        return c

    def included(self, path: str) -> bool:
        rel = self.relpath(path)
        if any(glob_match(g, rel) for g in self.exclude):
            return False
        return any(glob_match(g, rel) for g in self.include)

    def excluded_file(self, path: str) -> bool:
        """path, or a folder on its way from the config's folder, matches an exclude glob."""
        rel = self.relpath(path)
        parts = rel.split("/")
        return any(glob_match(g, "/".join(parts[:k])) for g in self.exclude for k in range(1, len(parts) + 1))

    def excluded_dir(self, path: str) -> bool:
        rel = self.relpath(path)
        return any(glob_match(g, rel) for g in self.exclude)


def _check_rule_list(values: Any, path: str, line: int | None, key: str) -> None:
    for v in values:
        if not isinstance(v, str):
            raise DataError(path, line, key, "must be a list of rule ids or prefixes")
        if not registry.known_selector(v):
            raise DataError(path, line, key, f"unknown rule or checker '{v}'{registry.did_you_mean(v)} (see `copydesk rules`)")


def _check_section(data: Any, keys: dict, path: str, lines: Any, prefix: str = "") -> None:
    for key, value in data.items():
        line = lines(data, key)
        name = prefix + key
        if key not in keys:
            raise DataError(path, line, name, f"unknown key; expected one of {', '.join(keys)}")
        if not isinstance(value, keys[key]):
            raise DataError(path, line, name, f"must be {_a(keys[key])}")
        if key == "rules":
            from .yamlrules import parse

            parse(value, path)  # every rule checked (and its patterns compiled) now, with its line
        if key == "min_severity" and value not in SEVERITIES:
            raise DataError(path, line, name, f"must be one of {', '.join(SEVERITIES)}")
        if key == "timeout" and (isinstance(value, bool) or not 0 < value <= 3600):
            raise DataError(path, line, name, "must be a number of seconds above 0 and at most 3600")
        if key in ("select", "ignore", "extend_select"):
            _check_rule_list(value, path, line, name)
        elif key == "severity":
            for rule, sev in value.items():
                sub = lines(value, rule) or line
                if not registry.known_selector(rule):
                    raise DataError(path, sub, f"{name}.{rule}", "unknown rule or checker (see `copydesk rules`)")
                if sev not in SEVERITIES:
                    raise DataError(path, sub, f"{name}.{rule}", f"severity must be one of {', '.join(SEVERITIES)}")
        elif key in ("accept", "include", "exclude", "files"):
            if not all(isinstance(v, str) for v in value):
                raise DataError(path, line, name, "must be a list of strings")
        elif key == "checks":
            by_id = {c.id: c for c in registry.checkers()}
            for cid, opts in value.items():
                sub = lines(value, cid) or line
                if cid not in by_id:
                    raise DataError(path, sub, f"{name}.{cid}", f"unknown checker; known: {', '.join(sorted(by_id))}")
                if not isinstance(opts, dict):
                    raise DataError(path, sub, f"{name}.{cid}", "checker options must be a mapping")
                checker = by_id[cid]
                for opt, val in opts.items():
                    optline = lines(opts, opt) or sub
                    spec = checker.options.get(opt)
                    kind: Any = spec.kind if isinstance(spec, Option) else spec  # a bare type, as plugins once gave
                    if kind is None:
                        known = ", ".join(checker.options) or "none"
                        raise DataError(path, optline, f"{name}.{cid}.{opt}", f"unknown option; {cid} takes: {known}")
                    if not isinstance(val, kind) or (kind is int and isinstance(val, bool)):
                        raise DataError(path, optline, f"{name}.{cid}.{opt}", f"must be {_a(kind)}")
                    if kind is int and val < 0:  # counts of words, sentences, lines
                        raise DataError(path, optline, f"{name}.{cid}.{opt}", "must be 0 or more")
                    # A checker's list option is a list of words or phrases: a number would fail
                    # on every file, and an empty string would match everywhere.
                    if kind is list and not all(isinstance(v, str) and v.strip() for v in val):
                        raise DataError(path, optline, f"{name}.{cid}.{opt}",
                                        "must be a list of words or phrases (strings that are not empty)")
                checker.validate_options(opts, path, sub)
        elif key == "grammar":
            for opt, val in value.items():
                optline = lines(value, opt) or line
                kind = GRAMMAR_KEYS.get(opt)
                if kind is None:
                    raise DataError(path, optline, f"{name}.{opt}", f"unknown key; expected one of {', '.join(GRAMMAR_KEYS)}")
                if not isinstance(val, kind) or (kind is not bool and isinstance(val, bool)):
                    raise DataError(path, optline, f"{name}.{opt}", f"must be {_a(kind)}")
                if kind is list and not all(isinstance(v, str) and re.fullmatch(r"[A-Za-z0-9_]+", v) for v in val):
                    raise DataError(path, optline, f"{name}.{opt}", "must be a list of LanguageTool rule ids (A_RULE_ID)")
                if opt == "concurrency" and not 1 <= val <= 64:
                    raise DataError(path, optline, f"{name}.{opt}", "must be from 1 to 64")
                if opt == "request_timeout" and not 0 < val <= 3600:
                    raise DataError(path, optline, f"{name}.{opt}", "must be a number of seconds above 0 and at most 3600")
                if opt == "server" and not re.match(r"https?://[^\s/]+", val):
                    raise DataError(path, optline, f"{name}.{opt}", "must be the URL of a LanguageTool server (http://host:port)")
        elif key == "overrides":
            for item in value:
                if not isinstance(item, dict) or "files" not in item:
                    raise DataError(path, line, name, "each override is a mapping with a 'files' list of globs")
                _check_section(item, OVERRIDE_KEYS, path, lines, prefix="overrides.")


def from_mapping(data: Any, path: str, lines=yamlio.line_of) -> Config:
    if data is None:
        data = {}
    if not isinstance(data, dict):
        raise DataError(path, None, None, "the configuration must be a mapping of keys")
    _check_section(data, TOP_KEYS, path, lines)
    cfg = Config(source=path, root=os.path.dirname(os.path.abspath(path)))
    for key in TOP_KEYS:
        if key in data:
            setattr(cfg, key, data[key])
    if "house" in data:
        from .house import load_house

        house = data["house"]
        if house.endswith((".yaml", ".yml")) and not os.path.isabs(house):
            house = os.path.join(cfg.root, house)
            cfg.house = house
        try:
            load_house(house)
        except DataError as exc:
            inner = str(exc) if exc.line else exc.message
            raise DataError(path, lines(data, "house"), "house", inner) from None
    chosen = [*(cfg.select or []), *cfg.ignore, *cfg.extend_select]
    if any(s.startswith("custom.") for s in chosen):
        from .house import load_house
        from .yamlrules import newsroom_rules, unknown_selector

        problem = unknown_selector(chosen, newsroom_rules(cfg, load_house(cfg.house)))
        if problem:
            key = next(k for k in ("select", "ignore", "extend_select") if any(
                s.startswith("custom.") and s in (data.get(k) or []) for s in chosen))
            raise DataError(path, lines(data, key), key, problem)
    return cfg


def _toml_lines(text: str):
    def find(_data: Any, key: str) -> int | None:
        m = re.search(rf"^\s*\"?{re.escape(key)}\"?\s*=", text, re.M)
        return text.count("\n", 0, m.start()) + 1 if m else None

    return find


def load_file(path: str) -> Config:
    try:
        raw = atomic.read_limited(path, MAX_CONFIG_BYTES)
    except OSError as exc:
        raise DataError(path, None, None, f"cannot read configuration: {exc.strerror or exc}") from None
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError:
        raise DataError(path, None, None, "configuration is not UTF-8 text") from None
    if os.path.basename(path) == "pyproject.toml" or path.endswith(".toml"):
        if sys.version_info >= (3, 11):  # imported for a TOML config only
            import tomllib
        else:  # pragma: no cover
            import tomli as tomllib
        try:
            data = tomllib.loads(text)
        except tomllib.TOMLDecodeError as exc:
            m = re.search(r"line (\d+)", str(exc))
            raise DataError(path, int(m.group(1)) if m else None, None, f"TOML syntax error: {exc}") from None
        except RecursionError:
            raise DataError(path, None, None, "TOML nested too deeply to read") from None
        section = data.get("tool", {}).get("copydesk", {})
        return from_mapping(section, path, _toml_lines(text))
    return from_mapping(yamlio.load(text, path), path)


def _has_section(pyproject: str) -> bool:
    try:
        return b"[tool.copydesk" in atomic.read_limited(pyproject, MAX_CONFIG_BYTES)
    except OSError:
        return False


@lru_cache(maxsize=256)
def discover(folder: str) -> str | None:
    """The config file that applies to files in folder, or None."""
    folder = os.path.abspath(folder)
    while True:
        for name in CONFIG_NAMES:
            candidate = os.path.join(folder, name)
            if os.path.isfile(candidate):
                return candidate
        pyproject = os.path.join(folder, "pyproject.toml")
        if os.path.isfile(pyproject) and _has_section(pyproject):
            return pyproject
        if os.path.exists(os.path.join(folder, ".git")):
            return None
        parent = os.path.dirname(folder)
        if parent == folder:
            return None
        folder = parent


def for_path(path: str, fixed: Config | None = None) -> Config:
    """The settings for a file or folder: the config given (--config), or else the one found
    from its folder up, with the overrides that match the path applied."""
    folder = os.path.abspath(path) if os.path.isdir(path) else os.path.dirname(os.path.abspath(path))
    return (fixed or load_cached(discover(folder))).for_file(path)


@lru_cache(maxsize=64)
def load_cached(path: str | None) -> Config:
    if path is None:
        return Config(root=os.getcwd())
    return load_file(path)
