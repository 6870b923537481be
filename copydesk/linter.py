"""The public API: check and fix a draft in-process, as a CMS, an editor plugin, a web service
or a job over an archive does.

    from copydesk import Linter

    linter = Linter(house="british")
    result = linter.check("Council vote\n\nMr. Smith said the the plan was fine.\n")
    for f in result.findings:
        print(f.line, f.column, f.rule, f.message)
    fixed = linter.fix(text).text

A Linter holds its config, its house pack and its checkers, read once when it is made; check()
and fix() read no file, write none, and share nothing with other Linters, so two Linters with
different houses in one process give each its own answer. Results and findings are frozen
values: hashable, picklable, safe to hand to another process or thread."""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass
from typing import Any

from .checker import Checker, Rule
from .config import Config, from_mapping
from .document import Document
from .parsers import format_for
from .finding import Finding

__all__ = ["Linter", "Result", "Fixed", "FixedWord", "FORMATS"]

FORMATS = ("text", "markdown", "html")


@dataclass(frozen=True)
class Result:
    """The findings on one draft, in order of position. text: the text checked, when the draft
    was not given as text (a Word draft's text as read; the findings' offsets are into it)."""

    path: str
    findings: tuple[Finding, ...]
    text: str | None = None

    @property
    def ok(self) -> bool:
        """No finding at all."""
        return not self.findings

    @property
    def counts(self) -> dict[str, int]:
        """Findings by severity: {"error": n, "warning": n, "info": n}."""
        c = Counter(f.severity for f in self.findings)
        return {s: c.get(s, 0) for s in ("error", "warning", "info")}


@dataclass(frozen=True)
class Fixed:
    """A draft with its fixes applied: the new text, how many findings the fixes removed, the
    rules whose fixes were applied, and the findings left."""

    text: str
    applied: int
    rules: tuple[str, ...]
    remaining: tuple[Finding, ...]

    @property
    def changed(self) -> bool:
        return self.applied > 0


class Linter:
    """Checks drafts against one configuration.

    config: a Config, or a mapping shaped as copydesk.yaml is (validated the same way);
    house: a built-in house pack's name ("british", "american") or a pack file's path, over the
    config's; select and ignore: rule ids or checker ids, over the config's; checkers: the
    checkers to run instead of the built-in ones and the installed plugins."""

    def __init__(self, config: Config | Mapping[str, Any] | None = None, *, house: str | None = None,
                 select: Iterable[str] | None = None, ignore: Iterable[str] | None = None,
                 checkers: Sequence[Checker] | None = None):
        from . import registry
        from .house import load_house

        if config is None:
            cfg = Config()
        elif isinstance(config, Config):
            cfg = _copy(config)
        elif isinstance(config, Mapping):
            cfg = from_mapping(dict(config), "<config>", lambda _data, _key: None)
        else:
            raise TypeError("config must be a copydesk Config, a mapping, or None")
        if house is not None:
            cfg.house = house
        if select is not None:
            cfg.select = _ids(select, "select")
        if ignore is not None:
            cfg.ignore = _ids(ignore, "ignore")
        for sel in [*(cfg.select or []), *cfg.ignore]:
            if not registry.known_selector(sel) and not any(
                    registry.matches(sel, r.id) for c in checkers or () for r in c.rules):
                raise ValueError(f"unknown rule or checker '{sel}'{registry.did_you_mean(sel)}")
        self.config = cfg
        # The house pack read for this Linter alone: not shared with another Linter.
        self.house = load_house.__wrapped__(cfg.house)
        from .yamlrules import newsroom_rules, unknown_selector

        self.custom = newsroom_rules(cfg, self.house)
        problem = unknown_selector([*(cfg.select or []), *cfg.ignore, *cfg.extend_select], self.custom)
        if problem:
            raise ValueError(problem)
        self.checkers: tuple[Checker, ...] = tuple(registry.checkers() if checkers is None else checkers)

    def check(self, text: str, *, path: str | None = None, kind: str | None = None) -> Result:
        """The findings on one draft. path names the draft in findings and chooses its format
        by extension (story.md: markdown); kind ("text", "markdown", "html") overrides that."""
        from .engine import check_document

        name, fmt = _where(text, path, kind)
        findings = check_document(Document(text, name, fmt), self.config, house=self.house, checkers=self.checkers)
        return Result(name, tuple(findings))

    def fix(self, text: str, *, unsafe: bool = False, path: str | None = None, kind: str | None = None) -> Fixed:
        """The draft with every safe fix applied (and unsafe ones too with unsafe=True), checked
        again until nothing more can be fixed. Bytes outside what each fix changes are kept."""
        from .fixer import fix_text

        name, fmt = _where(text, path, kind)
        done = fix_text(text, name, fmt, self.config, unsafe, house=self.house, checkers=self.checkers)
        return Fixed(done.text, done.applied, tuple(sorted(done.rules)), tuple(done.findings))

    def check_docx(self, data: bytes, *, path: str = "draft.docx") -> Result:
        """The findings on a Word draft given as the .docx file's bytes (ValueError, with the
        reason, when they are not a Word document copydesk can read). Lines and columns are
        paragraphs and characters; the result's text is the draft as read."""
        word = _word(data)
        _doc, findings = self._check_word(word, path)
        return Result(path, tuple(findings), word.text)

    def fix_docx(self, data: bytes, *, unsafe: bool = False, annotate: bool = False, path: str = "draft.docx"
                 ) -> "FixedWord":
        """A Word draft with its safe fixes (and unsafe ones with unsafe=True) written as tracked
        changes, and with annotate=True each finding left as a comment; every other part of the
        package as it was."""
        from .word.fixing import fix_package
        from .word.reading import read

        doc, findings = self._check_word(_word(data), path)
        done = fix_package(data, doc, findings, lambda raw: self._check_word(read(raw), path), unsafe=unsafe,
                           notes=annotate)
        return FixedWord(done.data, done.doc.text, done.applied, tuple(sorted(done.rules)), tuple(done.findings))

    def _check_word(self, word, path: str) -> tuple[Document, list[Finding]]:
        from .engine import check_document

        doc = Document(word.text, path, "docx", source=word)
        return doc, check_document(doc, self.config, house=self.house, checkers=self.checkers)

    def rules(self) -> tuple[Rule, ...]:
        """Every rule this Linter's checkers can report, with its documentation."""
        from . import registry

        own = tuple(Rule(r.id, r.level, r.message, f"A {r.type} rule of the newsroom's own, from {r.source}."
                         + (f" More: {r.link}" if r.link else ""), fix="safe" if r.safe else "unsafe" if r.type in (
                             "substitution", "consistency") else None) for r in self.custom)
        return (*registry.CORE_RULES, *(r for c in self.checkers for r in c.rules), *own)


@dataclass(frozen=True)
class FixedWord:
    """A Word draft after fix_docx: the .docx's bytes, its text as read with every change
    accepted, how many findings the fixes removed, the rules fixed and the findings left."""

    data: bytes
    text: str
    applied: int
    rules: tuple[str, ...]
    remaining: tuple[Finding, ...]


def _word(data: bytes):
    if not isinstance(data, (bytes, bytearray)):
        raise TypeError("a Word draft is given as the .docx file's bytes")
    from .word.package import WordError
    from .word.reading import read

    try:
        return read(bytes(data))
    except WordError as exc:
        raise ValueError(str(exc)) from None


def _copy(cfg: Config) -> Config:
    from dataclasses import replace

    return replace(cfg, select=None if cfg.select is None else list(cfg.select), ignore=list(cfg.ignore))


def _ids(values: Iterable[str], what: str) -> list[str]:
    if isinstance(values, str):
        return [values]
    out = list(values)
    if not all(isinstance(v, str) for v in out):
        raise TypeError(f"{what} must be rule or checker ids")
    return out


def _where(text: str, path: str | None, kind: str | None) -> tuple[str, str]:
    if isinstance(text, (bytes, bytearray)):
        raise TypeError("text must be a str: decode bytes first (copydesk reads drafts as UTF-8)")
    if not isinstance(text, str):
        raise TypeError(f"text must be a str, not {type(text).__name__}")
    if kind is not None and kind not in FORMATS:
        raise ValueError(f"kind must be one of {', '.join(FORMATS)}")
    name = path or "<string>"
    return name, kind or (format_for(path) if path else "text")
