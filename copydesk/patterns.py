"""Regular expressions that come from users (rule packs, config) run on RE2, a linear-time
engine, so that no pattern can hang the tool on any draft. A pattern RE2 cannot run
(backreferences, lookaround) is rejected with a message naming where it came from."""

from __future__ import annotations

import re

from . import kept, recache
from .yamlio import DataError


def _options(ignore_case: bool):
    import re2  # only for a newsroom's own patterns: copydesk's run on Python's engine (shipped)

    opts = re2.Options()
    opts.log_errors = False
    opts.case_sensitive = not ignore_case
    return opts


def compile_user(pattern: str, path: str, line: int | None, key: str, ignore_case: bool = True):
    if not isinstance(pattern, str) or not pattern:
        raise DataError(path, line, key, "a pattern must be a non-empty string")
    opts = _options(ignore_case)
    import re2

    try:
        return re2.compile(pattern, opts)
    except Exception as exc:  # re2.error
        why = exc.args[0].decode() if exc.args and isinstance(exc.args[0], bytes) else str(exc)
        raise DataError(path, line, key,
                        f"pattern {pattern!r} cannot run on the linear-time engine (RE2): {why}") from None


def alternation(patterns: list[str], path: str, line: int | None, key: str, ignore_case: bool = True, whole: bool = False,
                shipped: int = 0):
    """One RE2 pattern matching any of patterns; each is checked on its own first, so that an
    error names the pattern at fault (and none can close the group around it and open another).
    shipped: how many of the first patterns come with copydesk, each checked by its tests
    (tests/test_patterns.py), which a fresh process need not compile one by one again."""
    for p in patterns[shipped:]:
        compile_user(p, path, line, key, ignore_case)
    body = "|".join(f"(?:{p})" for p in patterns)
    if whole:
        body = f"^(?:{body})$"
    try:
        return compile_user(body, path, line, key, ignore_case)
    except DataError:
        for p in patterns[:shipped]:  # a damaged install: say which
            compile_user(p, path, line, key, ignore_case)
        raise


def shipped(patterns: list[str], ignore_case: bool = True, whole: bool = False) -> "Shipped":
    """copydesk's own pack patterns joined, as one Shipped pattern (see there). Each is written
    for RE2 and checked on it by the tests, which also run both engines over the same lines and
    require the same matches (tests/test_patterns.py). A user's patterns never come here: they
    run on RE2 alone."""
    body = "|".join(f"(?:{p})" for p in patterns)
    return Shipped(body, ignore_case, whole)


RE2_FROM = 20_000  # characters a process has scanned with copydesk's own patterns before RE2 takes over
_scanned = 0


class Shipped:
    """One of copydesk's own patterns on two engines. Python's, in RE2's meaning of the classes
    (ASCII \\w, \\d, \\s and \\b; a whole match ends only at the very end), is compiled once per
    machine (recache): a fresh process such as the pre-commit hook pays nothing for it, where RE2
    builds a counted repetition such as .{0,200} afresh in every process. RE2 finds a pattern of
    many alternatives in a long text far faster (a DFA, where Python's engine tries each
    alternative at each character): once a process has scanned RE2_FROM characters with these
    patterns (an archive, a long draft), its searches go to RE2, compiled then. A match at a
    given place (match) stays on Python's engine. The engines differ only where the tests allow:
    ignoring case, RE2 takes the long s (ſ) and the kelvin sign for s and k; Python's \\s takes
    the vertical tab."""

    def __init__(self, body: str, ignore_case: bool, whole: bool):
        self.body, self.ignore_case, self.whole = body, ignore_case, whole
        python = python_form(body)
        if whole:
            python = f"^(?:{python})\\Z"
        self.python = recache.compile(python, re.ASCII | (re.IGNORECASE if ignore_case else 0))
        self.groupindex = self.python.groupindex
        self.pattern = self.python.pattern
        self._re2 = None

    def _engine(self, text: str):
        global _scanned
        if self._re2 is not None:
            return self._re2
        _scanned += len(text)
        if _scanned < RE2_FROM:
            return self.python
        self._re2 = compile_user(f"^(?:{self.body})$" if self.whole else self.body, "copydesk", None, "shipped",
                                 self.ignore_case)
        return self._re2

    def search(self, text: str):
        return self._engine(text).search(text)

    def finditer(self, text: str):
        return self._engine(text).finditer(text)

    def match(self, text: str):
        return self.python.match(text)


SPACE_SEPARATORS = "\\u00a0\\u1680\\u2000-\\u200a\\u2028\\u2029\\u202f\\u205f\\u3000 "  # RE2's \\p{Z}
_RE2_ONLY = recache.compile(r"\\[pPCz]|\\x\{")
_HEX_BRACED = recache.compile(r"\\x\{([0-9A-Fa-f]{1,6})\}")


def python_form(pattern: str) -> str:
    """One of copydesk's own RE2 patterns in Python's syntax: the class [\\s\\p{Z}] (white space
    and Unicode's space separators) spelt out, \\x{HHHH} as \\UHHHHHHHH. Any other construct
    only RE2 knows is refused (ValueError), so a pack that starts using one fails its tests."""
    out = pattern.replace("[\\s\\p{Z}]", f"[\\s{SPACE_SEPARATORS}]")
    out = _HEX_BRACED.sub(lambda m: "\\U%08x" % int(m.group(1), 16), out)
    left = _RE2_ONLY.search(out)
    if left:
        raise ValueError(f"pattern {pattern!r} uses what only RE2 reads: {left.group(0)}")
    return out


class Either:
    """Two compiled patterns searched as one: the first's match, else the second's."""

    def __init__(self, first, second):
        self.first, self.second = first, second

    def search(self, text: str):
        return self.first.search(text) or self.second.search(text)


WORDISH = recache.compile(r"[\w-]")


def words_alternation(words) -> str:
    """A regular expression for any of words (literal text), to stand between (?<![\\w-]) and
    (?![\\w-]): the words as a tree of their letters ("co(?:lou?r|...)"), where Python's engine
    tries a few first letters at each place instead of every word. Between those bounds it
    matches what the plain alternation matches: where one word is another and more, the more
    begins with a word character, so the two never both fit at one place, whatever the order;
    when that does not hold, the plain alternation, longest first, is given instead. The
    words' order makes no difference, and the result is kept between processes (kept.built):
    a fresh process, such as the hook, takes it from the user's cache."""
    words = sorted({w for w in words if w}, key=lambda w: (-len(w), w))
    return kept.built("words_alternation", repr(words), lambda: _alternation(words), lambda v: isinstance(v, str))


def _alternation(words: list[str]) -> str:
    for a in words:
        for b in words:
            if len(b) > len(a) and b.casefold().startswith(a.casefold()) and not WORDISH.match(b[len(a)]):
                return "|".join(re.escape(w) for w in words)
    tree: dict = {}
    for w in words:
        node = tree
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def regex(node: dict) -> str:
        parts = [re.escape(ch) + regex(sub) for ch, sub in sorted(node.items()) if ch]
        if not parts:
            return ""
        if len(parts) == 1 and "" not in node:
            return parts[0]
        return "(?:" + "|".join(parts) + ")" + ("?" if "" in node else "")

    return regex(tree)


def group_span(m, pattern, name: str) -> tuple[int, int] | None:
    index = pattern.groupindex.get(name)
    if index is None or m.group(index) is None:
        return None
    return m.span(index)


WINDOW = 4096
OVERLAP = 512  # longer than any match the packs' patterns can make


def finditer_windowed(pattern, text: str):
    """finditer over text in overlapping windows. RE2's Python binding converts offsets by
    walking the text from its start, so one call on a very long paragraph costs time in
    proportion to its length for every match; windows keep the whole scan linear. A match
    must be shorter than OVERLAP characters."""
    if len(text) <= WINDOW + OVERLAP:
        yield from ((m.start(), m.end(), m) for m in pattern.finditer(text))
        return
    last_end = -1
    for base in range(0, len(text), WINDOW):
        chunk = text[base : base + WINDOW + OVERLAP]
        for m in pattern.finditer(chunk):
            if m.start() >= WINDOW and base + WINDOW < len(text):
                break
            start = base + m.start()
            if start < last_end:
                continue
            last_end = base + m.end()
            yield start, base + m.end(), m
