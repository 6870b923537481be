"""House style packs: YAML files in copydesk/rules/houses/ (or a user's own file) read as data."""

from __future__ import annotations

import os
from functools import cached_property, lru_cache

from . import atomic, kept, packaged, yamlio
from .yamlio import type_name as _a
from .yamlio import DataError

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any

MAX_PACK_BYTES = 16 * 1048576  # a house pack or word list larger than this is not one a newsroom wrote

PACK_KEYS = {
    "name": str,
    "description": str,
    "extends": str,
    "honorifics": dict,
    "spelling": dict,
    "quotes": dict,
    "credits": dict,
    "grammar": dict,
    "readability": dict,
    "headline": dict,
    "numbers": dict,
    "names": dict,
    "rules": list,  # the newsroom's rules written as data (copydesk/yamlrules.py)
}
# Settings that take one of a few words.
CHOICES = {
    ("honorifics", "second_reference"): ("title", "surname", "full_name"),
}
SECTION_KEYS = {
    "honorifics": {"full_stop": bool, "words": list, "second_reference": str},
    "spelling": {"prefer": str, "ize": bool, "pairs": str, "exclude": list, "protected": list, "protected_any_case": list,
                 "variants": list,
                 "by_sense": list},
    "quotes": {"outer": str},
    "credits": {"format": str, "alternatives": list, "agencies": dict, "licensed_sources": list, "licence_pattern": str},
    # LanguageTool: the language code, and rules or categories the house turns off (or back on)
    "grammar": {"language": str, "disabled_rules": list, "enabled_rules": list, "disabled_categories": list},
    "headline": {"max_characters": int, "case": str, "full_stop": bool},
    "numbers": {"money": str, "decades": bool, "words_below": int, "percent": str, "thousands_comma": bool},
    "names": {"first_names": list, "surnames": list},
    "readability": {"sentence_max_words": int, "paragraph_max_sentences": int, "flesch_min": (int, float), "min_words": int},
}


def builtin_houses() -> list[str]:
    return sorted(name[:-5] for name in os.listdir(packaged.path("rules", "houses")) if name.endswith(".yaml"))


def read_rules_file(name: str) -> str:
    return packaged.read_text("rules", name)


def load_data_pack(name: str, shape: dict[str, type] | None = None) -> Any:
    """A checker's own word-list pack in copydesk/rules/, e.g. layout.yaml, checked for shape."""
    return _load_data_pack(name, tuple(sorted((shape or {}).items(), key=lambda kv: kv[0])))


@lru_cache(maxsize=None)
def _load_data_pack(name: str, shape: tuple) -> Any:
    path = f"copydesk/rules/{name}"
    data = yamlio.load(read_rules_file(name), path)
    if not isinstance(data, dict):
        raise DataError(path, None, None, "a rule pack is a mapping of lists")
    for key, kind in shape:
        if key not in data:
            raise DataError(path, None, key, "is missing")
        if not isinstance(data[key], kind):
            raise DataError(path, yamlio.line_of(data, key), key, f"must be {_a(kind)}")
        if kind is list and not all(isinstance(v, str) for v in data[key]):
            raise DataError(path, yamlio.line_of(data, key), key, "must be a list of strings")
    return data


def _validate(data: Any, path: str, builtin: bool = False) -> None:
    if not isinstance(data, dict):
        raise DataError(path, None, None, "a house pack is a mapping of sections")
    for key, value in data.items():
        line = yamlio.line_of(data, key)
        if key not in PACK_KEYS:
            raise DataError(path, line, key, f"unknown section; expected one of {', '.join(PACK_KEYS)}")
        if not isinstance(value, PACK_KEYS[key]):
            raise DataError(path, line, key, f"must be {_a(PACK_KEYS[key])}")
        if key == "rules":
            from .yamlrules import parse

            parse(value, path)
        if key in SECTION_KEYS:
            for sub, subval in value.items():
                subline = yamlio.line_of(value, sub)
                expected = SECTION_KEYS[key].get(sub)
                if expected is None:
                    raise DataError(path, subline, f"{key}.{sub}", f"unknown key; expected one of {', '.join(SECTION_KEYS[key])}")
                if not isinstance(subval, expected) or (expected is not bool and isinstance(subval, bool)):
                    raise DataError(path, subline, f"{key}.{sub}", f"must be {_a(expected)}")
                if key == "credits":
                    _validate_credits(sub, subval, path, subline, builtin)
                if key == "names" and not all(isinstance(g, list) and len(g) > 1 and all(
                        isinstance(w, str) and w[:1].isupper() for w in g) for g in subval):
                    raise DataError(path, subline, f"{key}.{sub}", "must be a list of groups, each of two or more capitalised spellings")
                if (key, sub) in CHOICES and subval not in CHOICES[key, sub]:
                    raise DataError(path, subline, f"{key}.{sub}", f"must be one of {', '.join(CHOICES[key, sub])}")
                if key == "numbers":
                    _validate_numbers(sub, subval, path, subline)


# The values a numbers setting may take, where it is a choice.
NUMBERS_CHOICES = {"money": ("short", "long"), "percent": ("%", "per cent", "percent", "consistent")}


def _validate_numbers(sub: str, value: Any, path: str, line: int | None) -> None:
    where = f"numbers.{sub}"
    if sub in NUMBERS_CHOICES and value not in NUMBERS_CHOICES[sub]:
        raise DataError(path, line, where, "must be one of " + ", ".join(f'"{c}"' for c in NUMBERS_CHOICES[sub]))
    if sub == "words_below" and not 0 <= value <= 100:
        raise DataError(path, line, where, "must be a number from 0 (off) to 100")


def _validate_credits(sub: str, value: Any, path: str, line: int | None, builtin: bool = False) -> None:
    """What would otherwise fail on every draft: checked once, where the pack says it."""
    where = f"credits.{sub}"
    if sub == "agencies" and not all(isinstance(k, str) and isinstance(v, str) and v.strip() for k, v in value.items()):
        raise DataError(path, line, where, "must map each agency as written to its house name (both strings)")
    if sub in ("format", "alternatives"):
        for fmt in [value] if sub == "format" else value:
            try:
                if not isinstance(fmt, str):
                    raise TypeError
                fmt.format(author="Name", source="Agency")
            except (KeyError, IndexError, ValueError, TypeError, AttributeError):
                raise DataError(path, line, where, "a credit format may hold only {author} and {source}") from None
    if sub == "licence_pattern" and not builtin:  # a built-in house's is checked on RE2 by the tests
        from .patterns import compile_user

        compile_user(value, path, line, where)


def _merge(base: dict, top: dict) -> dict:
    out = dict(base)
    for k, v in top.items():
        if isinstance(v, dict) and isinstance(out.get(k), dict):
            out[k] = {**out[k], **v}
        else:
            out[k] = v
    return out


@lru_cache(maxsize=32)
def _read_pack_file(path: str, what: str) -> str:
    """The text of a newsroom's own pack file: a regular UTF-8 file under the size cap."""
    try:
        return atomic.read_limited(path, MAX_PACK_BYTES).decode("utf-8")
    except OSError as exc:
        raise DataError(path, None, None, f"cannot read {what}: {exc.strerror or exc}") from None
    except UnicodeDecodeError:
        raise DataError(path, None, None, f"{what} is not UTF-8 text") from None


@lru_cache(maxsize=32)
def load_house(name_or_path: str, _depth: int = 0) -> "House":
    if _depth > 5:
        raise DataError(name_or_path, None, "extends", "packs extend each other in a loop")
    if name_or_path.endswith((".yaml", ".yml")) or os.sep in name_or_path:
        path = name_or_path
        text = _read_pack_file(path, "house pack")
        folder = os.path.dirname(os.path.abspath(path))
    else:
        if name_or_path not in builtin_houses():
            import difflib

            near = difflib.get_close_matches(name_or_path, builtin_houses(), n=1)
            hint = f"; did you mean '{near[0]}'?" if near else ""
            raise DataError(name_or_path, None, "house", f"no such house pack{hint} (built in: {', '.join(builtin_houses())})")
        path = f"copydesk/rules/houses/{name_or_path}.yaml"
        text = read_rules_file(f"houses/{name_or_path}.yaml")
        folder = None
    data = yamlio.load(text, path) or {}
    _validate(data, path, builtin=folder is None)
    if "extends" in data:
        try:
            base = load_house(data["extends"], _depth + 1)
        except DataError as exc:
            if exc.path != data["extends"]:
                raise  # a fault inside the pack extended: its own file and line
            raise DataError(path, yamlio.line_of(data, "extends"), "extends", exc.message) from None
        data = _merge(base.data, data)
    return House(data.get("name", os.path.basename(path)), data, path, folder)


def _pairs(text: str, name: str) -> dict[str, str]:
    """The pairs of a spelling-pairs file: american -> british, lower case."""
    pairs: dict[str, str] = {}
    for n, line in enumerate(text.splitlines(), 1):
        if not line.strip() or line.startswith("#"):
            continue
        parts = line.split("\t")
        if len(parts) != 2:
            raise DataError(name, n, None, "a pair is two words separated by a tab")
        pairs[parts[0].strip().lower()] = parts[1].strip().lower()
    return pairs


class House:
    def __init__(self, name: str, data: dict, path: str, folder: str | None):
        self.name, self.data, self.path, self.folder = name, data, path, folder

    def section(self, key: str) -> dict:
        return self.data.get(key) or {}

    @cached_property
    def spelling_pairs(self) -> dict[str, str]:
        """American form -> British form, lower case, as listed in the pairs file."""
        name = self.section("spelling").get("pairs")
        if not name:
            return {}
        if self.folder and os.path.exists(os.path.join(self.folder, name)):
            text = _read_pack_file(os.path.join(self.folder, name), "spelling pairs")
        else:
            text = read_rules_file(name)
        return kept.built("spelling-pairs", text, lambda: _pairs(text, name),
                          lambda v: type(v) is dict and all(type(a) is str and type(b) is str for a, b in v.items()))
