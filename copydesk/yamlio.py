"""Safe YAML loading that remembers the line of every key, for error messages users can act on."""

from __future__ import annotations

from typing import Any

import yaml

try:
    _Loader = yaml.CSafeLoader
except AttributeError:  # pragma: no cover - PyYAML built without libyaml
    _Loader = yaml.SafeLoader


class DataError(Exception):
    """A config file or rule pack that is wrong: names the file, the line and the key."""

    def __init__(self, path: str, line: int | None, key: str | None, message: str):
        self.path, self.line, self.key, self.message = path, line, key, message
        where = f"{path}:{line}" if line else path
        what = f" key '{key}':" if key else ""
        super().__init__(f"{where}:{what} {message}")


class Located(dict):
    """A mapping loaded from YAML that knows the line of each of its keys."""

    lines: dict[str, int]


def _convert(node: yaml.Node, path: str) -> Any:
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.lines = {}
        for k, v in node.value:
            key = _convert(k, path)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise DataError(path, k.start_mark.line + 1, None, "a key must be a plain value")
            key = str(key)
            if key in out:
                raise DataError(path, k.start_mark.line + 1, key, "is given twice")
            out[key] = _convert(v, path)
            out.lines[key] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path) for v in node.value]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise DataError(path, node.start_mark.line + 1, None, f"bad value: {exc}") from None


def load(text: str, path: str) -> Any:
    """Load YAML safely; raise DataError with the line of a syntax error."""
    try:
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else None
        raise DataError(path, line, None, f"YAML syntax error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise DataError(path, None, None, f"YAML error: {exc}") from None
    if node is None:
        return None
    return _convert(node, path)


def line_of(data: Any, key: str) -> int | None:
    return getattr(data, "lines", {}).get(key)


TYPE_NAMES = {dict: "a mapping", list: "a list", str: "a string", int: "a whole number", bool: "true or false", float: "a number"}


def type_name(kind: type) -> str:
    """How an error message names a type: "a list", "a whole number"."""
    return TYPE_NAMES.get(kind, f"a {kind.__name__}")
