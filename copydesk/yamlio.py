"""Safe YAML loading that remembers the line of every key, for error messages users can act on."""

from __future__ import annotations

import json
import os
import zlib  # checksums to file a parse under and to know it unspoilt: no OpenSSL to load

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any

    import yaml


def _loader() -> "type[yaml.SafeLoader] | type[yaml.CSafeLoader]":
    import yaml  # imported only when a text is parsed, not when its parse is in the cache

    return getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class DataError(ValueError):
    """A config file or rule pack that is wrong: names the file, the line and the key. A
    ValueError, as every bad argument to the library is."""

    def __init__(self, path: str, line: int | None, key: str | None, message: str):
        self.path, self.line, self.key, self.message = path, line, key, message
        where = f"{path}:{line}" if line else path
        what = f" key '{key}':" if key else ""
        super().__init__(f"{where}:{what} {message}")


class Located(dict):
    """A mapping loaded from YAML that knows the line of each of its keys."""

    lines: dict[str, int]


# Deeper than this, a config or pack is not one a person wrote.
MAX_DEPTH = 64


def _convert(node: "yaml.Node", path: str, seen: set[int] | None = None, depth: int = 0) -> Any:
    import yaml

    # An alias (*name) gives the node of its anchor (&name) a second time. Aliases are refused:
    # nested ones expand exponentially (a "billion laughs" file), and a config or rule pack
    # that copydesk finds on its own may come from a pull request.
    if seen is None:
        seen = set()
    if id(node) in seen:
        raise DataError(path, node.start_mark.line + 1, None,
                        "YAML aliases (&anchor and *alias) are not accepted; write the value out")
    seen.add(id(node))
    if depth > MAX_DEPTH:
        raise DataError(path, node.start_mark.line + 1, None, f"nested more than {MAX_DEPTH} levels deep")
    if isinstance(node, yaml.MappingNode):
        out = Located()
        out.lines = {}
        for k, v in node.value:
            key = _convert(k, path, seen, depth + 1)
            if not isinstance(key, (str, int, float, bool)) or key is None:
                raise DataError(path, k.start_mark.line + 1, None, "a key must be a plain value")
            key = str(key)
            if key in out:
                raise DataError(path, k.start_mark.line + 1, key, "is given twice")
            out[key] = _convert(v, path, seen, depth + 1)
            out.lines[key] = k.start_mark.line + 1
        return out
    if isinstance(node, yaml.SequenceNode):
        return [_convert(v, path, seen, depth + 1) for v in node.value]
    if node.tag == "tag:yaml.org,2002:str":
        return node.value
    try:
        return yaml.constructor.SafeConstructor().construct_object(node, deep=True)
    except yaml.YAMLError as exc:
        raise DataError(path, node.start_mark.line + 1, None, f"bad value: {exc}") from None


def _parse(text: str, path: str) -> Any:
    """Load YAML safely; raise DataError with the line of a syntax error."""
    import yaml

    _Loader = _loader()
    try:
        # An alias is refused where it stands, before anything is built (see _convert).
        for event in yaml.parse(text, Loader=_Loader):
            if isinstance(event, yaml.AliasEvent):
                raise DataError(path, event.start_mark.line + 1 if event.start_mark is not None else None, None,
                                "YAML aliases (&anchor and *alias) are not accepted; write the value out")
        node = yaml.compose(text, Loader=_Loader)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark is not None else None
        raise DataError(path, line, None, f"YAML syntax error: {exc.problem or exc}") from None
    except yaml.YAMLError as exc:
        raise DataError(path, None, None, f"YAML error: {exc}") from None
    except RecursionError:
        raise DataError(path, None, None, f"nested more than {MAX_DEPTH} levels deep") from None
    if node is None:
        return None
    return _convert(node, path)


def load(text: str, path: str) -> Any:
    """Load YAML safely; raise DataError with the line of a syntax error. What a text gives is
    kept in the user's cache with the text itself, under the text's checksum, so that an
    unchanged pack or config is not parsed (nor PyYAML imported) again in the next process; a
    kept parse is used only for the very same text."""
    cache = _cache_path(text)
    if cache is not None:
        from .cachedir import read_bytes

        raw = read_bytes(cache, 64 * len(text) + 65536)  # a parse is never many times its text
        try:
            kept = json.loads(raw) if raw is not None else None
            # The parse is kept as a string with its checksum: a spoilt file is a miss.
            if kept is not None and kept["text"] == text and \
                    zlib.crc32(kept["data"].encode("utf-8", "surrogatepass")) == kept["crc"]:
                return json.loads(kept["data"], object_hook=_located)
        except (ValueError, KeyError, TypeError, AttributeError, RecursionError, MemoryError):
            pass
    data = _parse(text, path)
    if cache is not None:
        try:
            parsed = json.dumps(_plain(data), ensure_ascii=False)
            crc = zlib.crc32(parsed.encode("utf-8", "surrogatepass"))
            blob = json.dumps({"text": text, "data": parsed, "crc": crc}, ensure_ascii=False)
        except (TypeError, ValueError):
            return data  # a value JSON cannot hold (a date): parsed each time
        try:
            from . import atomic

            os.makedirs(os.path.dirname(cache), exist_ok=True)
            atomic.write_output(cache, blob.encode("utf-8"))
        except OSError:
            pass
    return data


_MAP, _LINES = "\u0000map", "\u0000lines"


def _cache_path(text: str) -> str | None:
    if os.environ.get("COPYDESK_NO_CACHE"):
        return None
    data = text.encode("utf-8", "surrogatepass")
    from .cachedir import folder

    return folder("yaml", f"{zlib.crc32(data):08x}-{len(data)}.json")


def _plain(data: Any) -> Any:
    """The parse as JSON holds it, each mapping with the lines of its keys; TypeError for a
    value JSON cannot hold."""
    if isinstance(data, Located):
        return {_MAP: {k: _plain(v) for k, v in data.items()}, _LINES: data.lines}
    if isinstance(data, list):
        return [_plain(v) for v in data]
    if data is None or isinstance(data, (str, int, float, bool)):
        return data
    raise TypeError(type(data).__name__)


def _located(obj: dict) -> Any:
    if _MAP in obj:
        out = Located(obj[_MAP])
        out.lines = obj[_LINES]
        return out
    return obj


def line_of(data: Any, key: str) -> int | None:
    return getattr(data, "lines", {}).get(key)


TYPE_NAMES = {dict: "a mapping", list: "a list", str: "a string", int: "a whole number", bool: "true or false", float: "a number"}


def type_name(kind: type) -> str:
    """How an error message names a type: "a list", "a whole number"."""
    if isinstance(kind, tuple):
        return "a number" if set(kind) == {int, float} else " or ".join(type_name(k) for k in kind)
    return TYPE_NAMES.get(kind, f"a {kind.__name__}")
