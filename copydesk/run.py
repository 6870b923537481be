"""A run over files: find the drafts and their configs, read standard input, check, fix or
diff, keep only the lines a git ref changed, hide a baseline's findings, render the report and
work out the exit code. The CLI only turns its options into Options and prints the Outcome; a
server or a job reuses it as it is."""

from __future__ import annotations

import os
from collections import Counter
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field, replace

from . import config as config_mod
from .engine import FileResult
from .finding import RANK

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import BinaryIO

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


class RunError(Exception):
    """The run cannot go on (a bad config, an unknown rule, a baseline that cannot be read):
    the message is for the user, and the exit code is 2. usage: the command line itself is wrong."""

    def __init__(self, message: str, usage: bool = False):
        super().__init__(message)
        self.usage = usage


@dataclass
class Options:
    """What a run of copydesk check is asked to do (the command line's options)."""
    # what to check, and the report's form and the exit code's threshold
    paths: list[str] = field(default_factory=lambda: ["."])
    fmt: str = "text"
    fail_on: str = "error"
    # the rules, over the config's (found from each file's folder, or config_path alone)
    select: list[str] = field(default_factory=list)
    extend_select: list[str] = field(default_factory=list)
    ignore: list[str] = field(default_factory=list)
    house: str | None = None
    config_path: str | None = None
    # how the text report looks
    color: bool = False
    quiet: bool = False
    statistics: bool = False
    min_severity: str | None = None
    # findings left out: on lines not changed since a git ref, or recorded in a baseline
    diff_base: str | None = None
    baseline: str | None = None
    write_baseline: str | None = None
    # fixing the files, or showing the diff of what fixing would do
    fix: bool = False
    unsafe_fixes: bool = False
    diff: bool = False
    show_fixes: bool = False
    annotate: bool = False  # a Word draft's findings left, added as comments
    # which files are read, and standard input's name (and so its format)
    stdin_filename: str | None = None
    force_exclude: bool = False
    skip_binary: bool = False
    max_bytes: int = 10 * 1048576
    # processes: 0 for one per core; a run of a few files, standard input or grammar stays in one
    jobs: int = 0
    # grammar with LanguageTool
    grammar: bool = False
    lt_server: str | None = None
    cache: bool = True

    @property
    def stdin_name(self) -> str:
        return self.stdin_filename or "<stdin>"


@dataclass
class Outcome:
    """What a run gives: the results, the messages for the user (in order), the bytes for
    standard output (the report, a diff, or a fixed draft from standard input) and the exit code."""

    results: list[FileResult]
    errors: list[str]
    messages: list[str]  # for standard error, whole lines in the order they are printed
    stdout: bytes
    exit_code: int
    passthrough: BinaryIO | None = None  # the rest of standard input, to copy out after stdout
    report: bool = True  # stdout is the report (else a diff or a draft, never written to --output)


def _configs(opts: Options) -> Callable[[str], config_mod.Config]:
    from . import registry
    from .house import load_house
    from .yamlio import DataError

    try:
        registry.checkers()
    except registry.PluginError as exc:
        raise RunError(str(exc)) from None
    for sel in opts.select + opts.ignore + opts.extend_select:
        if not registry.known_selector(sel):
            raise RunError(f"unknown rule or checker '{sel}'{registry.did_you_mean(sel)} (see `copydesk rules`)", usage=True)
    try:
        if opts.house:
            try:
                load_house(opts.house)
            except DataError as exc:
                if exc.path != opts.house or exc.line is not None or exc.key != "house":
                    raise  # a pack file's own fault: its file, line and key
                raise RunError(f"--house {opts.house}: {exc.message}") from None
        fixed = config_mod.load_file(opts.config_path) if opts.config_path else None
    except DataError as exc:
        raise RunError(str(exc)) from None
    changes = bool(opts.select or opts.ignore or opts.extend_select or opts.house or opts.grammar or opts.lt_server
                   or opts.force_exclude)
    if any(s.startswith("custom.") for s in opts.select + opts.ignore + opts.extend_select):
        from .yamlrules import newsroom_rules, unknown_selector

        here = fixed or config_mod.for_path(os.getcwd())
        try:
            own = newsroom_rules(here, load_house(opts.house or here.house))
        except DataError as exc:
            raise RunError(str(exc)) from None
        problem = unknown_selector(opts.select + opts.ignore + opts.extend_select, own)
        if problem:
            raise RunError(problem, usage=True)

    def config_for(path: str) -> config_mod.Config:
        cfg = config_mod.for_path(path, fixed)
        if not changes:
            return cfg
        grammar = dict(cfg.grammar, enabled=True) if opts.grammar or opts.lt_server else dict(cfg.grammar)
        if opts.lt_server:
            grammar["server"] = opts.lt_server
        return replace(cfg, select=opts.select or cfg.select, extend_select=list(cfg.extend_select) + opts.extend_select,
                       ignore=list(cfg.ignore) + opts.ignore, house=opts.house or cfg.house,
                       force_exclude=cfg.force_exclude or opts.force_exclude, grammar=grammar)

    config_for.fixed = fixed  # type: ignore[attr-defined]
    return config_for


def run(opts: Options, stdin: BinaryIO | None = None,
        progress: Callable[[list[str]], Iterable[str]] | None = None) -> Outcome:
    """Check (and fix) the drafts opts names. stdin: where '-' is read from; progress: wraps
    the list of files to show progress while they are checked."""
    from . import engine
    from .yamlio import DataError

    config_for = _configs(opts)
    _settled()
    try:
        files, errors = engine.walk(list(opts.paths or ["."]), config_for)
    except DataError as exc:
        raise RunError(str(exc)) from None
    messages: list[str] = []
    results: list[FileResult] = []
    diffs: list[str] = []
    shown: list[tuple[str, Counter]] = []  # (file, rules fixed), for show_fixes
    fixed_count = 0
    stdin_data = b""
    grammar = None  # LanguageTool's session (and its module) only for a run that may ask for grammar
    if "-" in files or opts.grammar or opts.lt_server or _grammar_configured(files, config_for):
        from . import languagetool

        grammar = languagetool.Session(server=opts.lt_server, use_cache=opts.cache)
        languagetool._active = grammar
    try:
        if "-" in files:
            stdin_data = stdin.read(opts.max_bytes + 1) if stdin is not None else b""
        for path, done in zip(progress(files) if progress else files, _each(files, opts, config_for, stdin_data)):
            result, fixed_one, diffs_one, errors_one, shown_one = done
            fixed_count += fixed_one
            diffs += diffs_one
            errors += errors_one
            shown += shown_one
            if result.error:
                if not (result.binary and opts.skip_binary):
                    errors.append(result.error)
            else:
                results.append(result)
    finally:
        if grammar is not None:
            languagetool._active = None
            grammar.close()
    if grammar is not None and grammar.failure:
        errors.append(grammar.failure)
    _narrow(results, opts, messages)
    messages += [f"copydesk: error: {e}" for e in errors]
    from_stdin = "-" in opts.paths
    if opts.fix and from_stdin and not any(r.path == opts.stdin_name for r in results):
        # Standard input that could not be checked (binary, too big, UTF-16) goes back as it
        # came: a formatter's pipe never swaps the draft for a report (a draft over the size
        # limit was read only in part: the rest follows).
        return Outcome(results, errors, messages, stdin_data, EXIT_ERROR, stdin if stdin_data else None, report=False)
    if opts.diff:
        code = EXIT_ERROR if errors else EXIT_FINDINGS if diffs else EXIT_CLEAN
        return Outcome(results, errors, messages, "".join(diffs).encode("utf-8", "surrogateescape"), code, report=False)
    code = exit_code(errors, [f for r in results for f in r.findings], opts.fail_on)
    if opts.fix and from_stdin and results and results[-1].path == opts.stdin_name:
        # Fixing standard input prints the fixed draft, as formatters do: the bytes as read
        # (byte-order mark, line endings, bytes that are not UTF-8) wherever nothing was fixed.
        last = results[-1]
        return Outcome(results, errors, messages, (last.fixed if last.fixed is not None else last.raw) or b"", code,
                       report=False)
    if opts.fix and fixed_count and not opts.quiet:
        messages.append(f"copydesk: fixed {fixed_count} finding{'s' if fixed_count != 1 else ''}")
    if opts.fix and opts.show_fixes:
        for name, rules in shown:
            messages.append(f"- {name}:")
            messages += [f"    {n} × {rule}" for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0]))]
    try:
        report = _report(results, errors, opts, config_for)
    except DataError as exc:
        raise RunError(str(exc)) from None
    return Outcome(results, errors, messages, report, code)


# A run of fewer files than this stays in one process: starting workers costs more.
MIN_PARALLEL = 16
# Files a worker is handed at a time: few enough to keep both cores busy to the end.
CHUNK = 8
_work: tuple | None = None  # (opts, config_for), set in the parent before its workers fork


def _one(path: str, opts: Options, config_for, stdin_data: bytes = b"") -> tuple:
    """Check (and fix) one file: (result, findings fixed, diff lines, errors, rules fixed)."""
    from . import engine
    from .yamlio import DataError

    diffs: list[str] = []
    errors: list[str] = []
    shown: list[tuple[str, Counter]] = []
    fixed = 0
    try:
        if path == "-":
            cfg = config_for(opts.stdin_name)
            result = engine.check_file(opts.stdin_name, cfg, data=stdin_data, display=opts.stdin_name, limit=opts.max_bytes)
        else:
            cfg = config_for(path)
            result = engine.check_file(path, cfg, limit=opts.max_bytes)
        if result.error is None and result.fmt == "docx" and (opts.fix or opts.annotate or opts.diff):
            from .word.fixing import fix_word

            fixed = fix_word(result, path, cfg, opts, errors, shown, diffs)
        elif result.error is None and (opts.fix or opts.diff):
            fixed = _fix(result, path, cfg, opts, diffs, errors, shown)
    except DataError as exc:
        raise RunError(str(exc)) from None
    return result, fixed, diffs, errors, shown


def _chunk(paths: list[str]) -> list[tuple]:
    assert _work is not None
    opts, config_for = _work
    return [_one(p, opts, config_for) for p in paths]


def _each(files: list[str], opts: Options, config_for, stdin_data: bytes):
    """Each file's outcome, in the files' order: in this process, or spread over worker
    processes (one per core unless opts.jobs says) when there are enough files to gain."""
    jobs = opts.jobs or os.cpu_count() or 1
    if jobs <= 1 or len(files) < MIN_PARALLEL or "-" in files or opts.grammar or opts.lt_server or _grammar_configured(files, config_for):
        for path in files:
            yield _one(path, opts, config_for, stdin_data)
        return
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor

    global _work
    _work = (opts, config_for)
    chunks = [files[i:i + CHUNK] for i in range(0, len(files), CHUNK)]
    try:
        with ProcessPoolExecutor(max_workers=jobs, mp_context=multiprocessing.get_context("fork")) as pool:
            for outcomes in pool.map(_chunk, chunks):
                for result, *rest in outcomes:
                    if result.findings or opts.fmt == "html":  # what the report shows of the draft
                        result.reparse()
                    yield (result, *rest)
    finally:
        _work = None


def _settled() -> None:
    """Start-up is over (modules, checkers and packs loaded, all of which live to the end): its
    objects are set aside from the cyclic collector's passes (gc.freeze), and collection, which
    the console script holds off while starting (copydesk.entry), goes on."""
    import gc

    gc.freeze()
    gc.enable()


def _grammar_configured(files: list[str], config_for) -> bool:
    """Grammar checking is on in some file's config (its LanguageTool session lives in this
    process): the run stays in one process."""
    return any(config_for(f).grammar_enabled for f in files)


def _narrow(results: list[FileResult], opts: Options, messages: list[str]) -> None:
    """Keep the findings on lines changed since opts.diff_base; record and hide a baseline's."""
    if opts.diff_base:
        from .diffbase import DiffError, changed_lines, keep_changed

        for r in results:
            if r.path == opts.stdin_name and "-" in opts.paths:
                continue
            try:
                r.findings = keep_changed(r.findings, changed_lines(r.path, opts.diff_base),
                                          r.document.text if r.document is not None else None)
            except DiffError as exc:
                raise RunError(f"--diff-base: {exc}") from None
    known_path = opts.baseline
    if opts.write_baseline:
        from . import baseline

        try:
            n = baseline.write(opts.write_baseline, results)
        except OSError as exc:
            raise RunError(f"--write-baseline: cannot write {opts.write_baseline}: {exc.strerror}") from None
        messages.append(f"copydesk: wrote {n} finding{'s' if n != 1 else ''} to the baseline {opts.write_baseline}")
        known_path = known_path or opts.write_baseline  # what was just recorded is known
    if known_path:
        from . import baseline

        try:
            known = baseline.load(known_path)
        except baseline.BaselineError as exc:
            raise RunError(str(exc)) from None
        baseline.hide_known(results, known, known_path)


def _report(results: list[FileResult], errors: list[str], opts: Options, config_for) -> bytes:
    from .reporters import Report, encoded, render

    chosen = opts.min_severity or config_mod.for_path(os.getcwd(), config_for.fixed).min_severity
    floor = chosen or ("warning" if opts.fmt == "text" else "info")
    if not chosen and opts.fail_on in RANK and RANK[opts.fail_on] < RANK[floor]:
        floor = opts.fail_on  # what fails the run is shown: never "All clear" with exit code 1
    hidden = 0
    for r in results:  # the exit code was judged on every finding; the report shows those at the floor or above
        kept = [f for f in r.findings if RANK[f.severity] >= RANK[floor]]
        hidden += len(r.findings) - len(kept)
        r.findings = kept
    report = Report(results, errors, color=opts.color, statistics=opts.statistics, quiet=opts.quiet, hidden=hidden)
    return encoded(opts.fmt, render(opts.fmt, report))


def exit_code(errors: list[str], findings: list, fail_on: str) -> int:
    """2 for a file not checked or a checker that failed; 1 for a finding at fail_on or above; else 0."""
    if errors or any(f.rule in ("copydesk.internal-error", "grammar.unavailable") for f in findings):
        return EXIT_ERROR
    if fail_on != "never" and any(RANK[f.severity] >= RANK[fail_on] for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _fix(result: FileResult, path: str, cfg, opts: Options, diffs: list[str], errors: list[str],
         shown: list[tuple[str, Counter]]) -> int:
    """Fix one checked file: add its diff, or write it; the result then holds what is left."""
    from .fixer import FixError, encode, fix_text, write_atomic
    from .patch import unified

    doc = result.document
    assert doc is not None and result.decoded is not None
    if result.decoded.bad_byte is not None:
        errors.append(f"{result.path}: not valid UTF-8, so it is not fixed (save it as UTF-8 first)")
        return 0
    fixed = fix_text(doc.text, doc.path, doc.format, cfg, opts.unsafe_fixes)
    if fixed.text == doc.text:
        return 0
    if opts.diff:
        diffs += unified(result.path, doc.text, fixed.text, result.decoded.bom)
        return fixed.applied
    if path != "-":
        try:
            write_atomic(path, encode(fixed.text, result.decoded), result.raw or b"")
        except FixError as exc:
            errors.append(f"{path}: {exc}")
            return 0
    else:
        result.fixed = encode(fixed.text, result.decoded)
    result.document, result.findings = fixed.document, fixed.findings
    if fixed.rules:
        shown.append((result.path, fixed.rules))
    return fixed.applied
