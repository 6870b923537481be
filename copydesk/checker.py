"""The checker plugin API: a checker declares its rules and turns a document into findings."""

from __future__ import annotations

import sys
from dataclasses import dataclass, field

from .finding import SEVERITIES, Edit, Finding, Fix

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import Any, Iterable

if TYPE_CHECKING:
    from .document import Document
    from .house import House
    from .reading import Analysis, Reading


@dataclass(frozen=True)
class Example:
    """A short draft that shows a rule: bad examples must give its finding, good ones must not."""

    text: str
    format: str = "text"  # "text" or "markdown"


FIXABLE = ("always", "sometimes")


@dataclass(frozen=True)
class Rule:
    """What a rule is: its id, default severity, documentation and examples, and whether it can
    fix what it finds. As in ruff, a rule declares whether it can fix (fixable: "always", or
    "sometimes" when some of its findings have no certain fix) and each fix says whether it is
    safe; fix is the safety of the rule's fixes unless a finding says otherwise."""

    id: str  # "checker.rule-name"
    severity: str
    description: str  # one line
    rationale: str
    good: tuple[Example, ...] = ()
    bad: tuple[Example, ...] = ()
    fix: str | None = None  # "safe" or "unsafe": its fixes' safety; None: the rule never fixes
    default: bool = True  # on unless a selection leaves it out; False: only when selected (or ALL)
    fixable: str | None = None  # "always" or "sometimes" (the default for a rule with a fix); None without one

    def __post_init__(self) -> None:
        if self.severity not in SEVERITIES:
            raise ValueError(f"rule {self.id}: severity must be one of {SEVERITIES}")
        if "." not in self.id:
            raise ValueError(f"rule {self.id}: an id is 'checker.rule-name'")
        if self.fix not in (None, "safe", "unsafe"):
            raise ValueError(f"rule {self.id}: fix must be 'safe', 'unsafe' or None")
        if self.fix is None and self.fixable is not None:
            raise ValueError(f"rule {self.id}: fixable needs fix ('safe' or 'unsafe')")
        if self.fix is not None:
            if self.fixable is None:
                object.__setattr__(self, "fixable", "sometimes")
            elif self.fixable not in FIXABLE:
                raise ValueError(f"rule {self.id}: fixable must be 'always' or 'sometimes'")


@dataclass(frozen=True)
class Option:
    """A setting a config may give a checker under checks.<id>: its type, its default and one
    line of help (shown by `copydesk explain CHECKER`)."""

    kind: type | tuple[type, ...]
    default: Any
    help: str


class RuleError(Exception):
    """A checker asked for something its rules do not allow: a rule it does not declare, or a
    fix from a rule that never fixes. A bug in the checker, reported as its internal error."""


def examples(*texts: str, format: str = "text") -> tuple[Example, ...]:
    return tuple(Example(t, format) for t in texts)


def rules_from(name: str) -> tuple[Rule, ...]:
    """A built-in checker's rules, from copydesk/checks/<name>.yaml beside its code: each rule's
    id, severity, description, rationale, fix, and the good and bad drafts the tests run (a
    draft is text, or {markdown: text})."""
    from . import packaged
    from .yamlio import load

    path = f"copydesk/checks/{name}.yaml"
    data = load(packaged.read_text("checks", f"{name}.yaml"), path)

    def drafts(items: list) -> tuple[Example, ...]:
        return tuple(Example(x) if isinstance(x, str) else Example(x["markdown"], "markdown") for x in items)

    try:
        return tuple(Rule(d["id"], d["severity"], d["description"], d["rationale"], drafts(d.get("good", [])),
                          drafts(d.get("bad", [])), d.get("fix"), d.get("default", True), d.get("fixable")) for d in data)
    except (KeyError, TypeError, ValueError) as exc:  # a broken file the package shipped: say which
        raise ValueError(f"{path}: {exc}") from None


class Checker:
    """Subclass, set id, description and rules, and implement check()."""

    id: str = ""
    description: str = ""
    rules: tuple[Rule, ...] = ()
    options: dict[str, Option] = {}  # the options a config may set under checks.<id>
    budgeted: bool = True  # stopped past the engine's time budget (False: it bounds its own time)
    family: Rule | None = None  # set when the checker makes rule ids as it goes: documents them all

    def validate_options(self, options: dict, path: str, line: int | None) -> None:
        """Called when a config sets checks.<id>; raise DataError for a bad value."""

    def check(self, doc: "Document", ctx: "Context") -> Iterable[Finding]:
        raise NotImplementedError

    def rule(self, rule_id: "str | Rule") -> Rule:
        """One of this checker's rules, by id or as the Rule itself."""
        if isinstance(rule_id, Rule):
            if rule_id in self.rules:
                return rule_id
            rule_id = rule_id.id
        for r in self.rules:
            if r.id == rule_id:
                return r
        raise RuleError(f"checker '{self.id}' has no rule '{rule_id}'")


@dataclass
class Context:
    """What a checker gets besides the document: its options, the house pack, the accept list."""

    checker: Checker
    house: "House"
    options: dict[str, Any] = field(default_factory=dict)
    accept: frozenset[str] = frozenset()
    analysis: "Analysis | None" = None  # what the engine works out once per draft for every checker
    as_it_stands: bool = False  # read() gives the draft block by block, layout faults and all
    reads: bool = False  # the checker called read()
    made: int = 0  # findings made through finding()
    enabled: "frozenset[str] | None" = None  # the rules this run reports (None: all), to skip work nobody reads
    dense_marks: bool = False  # the draft holds too many quotation marks to be prose: its quotations are not read
    grammar: dict = field(default_factory=dict)  # the config's grammar settings when grammar checking is on, else {}
    custom: tuple = ()  # the newsroom's rules written as data (yamlrules.YamlRule), house pack's and config's

    # Past this many findings a checker may stop looking: the engine lists at most this many
    # for a draft (engine.MAX_FINDINGS), so a checker that reports every word of a draft
    # of one fault repeated need not keep half a million findings in memory.
    LIMIT = 10_000

    @property
    def full(self) -> bool:
        return self.made > self.LIMIT

    def read(self, doc: "Document") -> "Reading":
        """The draft as the article's text reads once its layout faults are fixed: page
        furniture, teasers and a repeated paragraph's second copy left out, a paragraph broken
        in two read as one, run-in furniture cut off. Those faults are reported by layout; a
        checker that reads through this reports only what is wrong with the text itself."""
        from .reading import Analysis, plain

        self.reads = True
        if self.as_it_stands:
            return plain(doc)
        if self.analysis is None or self.analysis.doc is not doc:
            self.analysis = Analysis.default(doc, self.house, self.accept)
        return self.analysis.reading

    def option(self, name: str) -> Any:
        """A checker option: the config's value, or the option's default."""
        if name in self.options:
            return self.options[name]
        spec = self.checker.options.get(name)
        if not isinstance(spec, Option):
            raise RuleError(f"checker '{self.checker.id}' has no option '{name}'")
        return spec.default

    def finding(
        self,
        rule_id: "str | Rule",
        start: int,
        end: int,
        message: str,
        suggestions: Iterable[str] = (),
        edits: Iterable[Edit] | None = None,
        safe: bool | None = None,
    ) -> Finding:
        """safe: whether this fix is safe, where it differs from the rule's (a rule whose fixes
        are a matter of style may still give one that is certain, such as 1th -> 1st)."""
        rule = self.checker.rule(rule_id)
        self.made += 1
        fix = None
        if edits is not None:
            if rule.fix is None:  # never dropped in silence: the checker and its rule disagree
                raise RuleError(f"rule '{rule.id}' declares no fix, but a finding of it came with edits")
            fix = Fix(tuple(edits), rule.fix == "safe" if safe is None else safe)
        # The same message and suggestion come back for every repeat of a fault: kept once.
        return Finding(rule.id, rule.severity, sys.intern(message), start, end,
                       tuple(sys.intern(x) for x in suggestions), fix)

    def accepted(self, word: str) -> bool:
        return word in self.accept or word.lower() in self.accept
