"""The command line: copydesk check | rules | explain."""

from __future__ import annotations

import os
import re
import sys

import click

from . import __version__

EXIT_CLEAN, EXIT_FINDINGS, EXIT_ERROR = 0, 1, 2
FAIL_ON = ("error", "warning", "info", "never")


def _split(values: tuple[str, ...]) -> list[str]:
    return [v.strip() for item in values for v in item.split(",") if v.strip()]


def _finite(value: float, param) -> float:
    """A number option must be a number: "nan" passes a range check."""
    if value != value:
        raise click.BadParameter("not a number", param=param)
    return value


def _fail(message: str) -> "click.exceptions.Exit":
    click.echo(f"copydesk: error: {message}", err=True)
    return click.exceptions.Exit(EXIT_ERROR)


@click.group(context_settings={"help_option_names": ["-h", "--help"]}, invoke_without_command=True)
@click.version_option(__version__, "--version", prog_name="copydesk")
@click.pass_context
def main(ctx) -> None:
    """Editorial quality checks for news article drafts."""
    if ctx.invoked_subcommand is None:
        click.echo(ctx.get_help())


def _unknown(what: str) -> str:
    """'unknown rule or checker X', with the nearest known ids when there are some."""
    from . import registry

    return f"unknown rule or checker '{what}'{registry.did_you_mean(what)} (see `copydesk rules`)"


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True, help="Report format.",
              type=click.Choice(["text", "json", "sarif", "github", "junit", "rdjson", "markdown", "html"]))
@click.option("--output", "-o", type=click.Path(dir_okay=False, writable=True), help="Write the report to FILE.")
@click.option("--fail-on", type=click.Choice(FAIL_ON), default="error", show_default=True,
              help="Lowest severity that makes the exit code 1.")
@click.option("--select", multiple=True, metavar="RULES", help="Only these rules or checkers (comma-separated).")
@click.option("--extend-select", multiple=True, metavar="RULES",
              help="Add these rules or checkers to the selection, opt-in ones included (comma-separated).")
@click.option("--ignore", multiple=True, metavar="RULES", help="Leave out these rules or checkers (comma-separated).")
@click.option("--house", metavar="NAME|FILE", help="House style pack (british, american, or a YAML file).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file only.")
@click.option("--stdin-filename", metavar="NAME", help="Name (and format) of the draft read from '-'.")
@click.option("--no-color", is_flag=True, help="Never colour the text report (as --color never).")
@click.option("--color", "color_mode", type=click.Choice(["auto", "always", "never"]), default="auto", show_default=True,
              help="Colour the text report: auto colours a terminal (NO_COLOR turns it off, FORCE_COLOR on, as in CI logs).")
@click.option("--quiet", "-q", is_flag=True, help="Findings only: no source lines, no summary when clean.")
@click.option("--statistics", is_flag=True, help="Count findings per rule.")
@click.option("--min-severity", type=click.Choice(["error", "warning", "info"]),
              help="Lowest severity the report shows (default: warning in the text report, all in the others).")
@click.option("--diff-base", metavar="REF", help="Only findings on lines added or changed since this git ref.")
@click.option("--baseline", "baseline_path", type=click.Path(dir_okay=False), help="Hide the findings recorded in this baseline.")
@click.option("--write-baseline", type=click.Path(dir_okay=False), help="Record the current findings in this baseline file.")
@click.option("--fix", is_flag=True, help="Apply the safe fixes to the files, then report what is left.")
@click.option("--unsafe-fixes", is_flag=True, help="With --fix or --diff, apply the fixes that could change meaning too.")
@click.option("--diff", "show_diff", is_flag=True, help="Print a unified diff of what --fix would change; write nothing.")
@click.option("--show-fixes", is_flag=True, help="With --fix, list what was fixed in each file, by rule.")
@click.option("--force-exclude", is_flag=True, help="Apply the config's exclude to files named on the command line too.")
@click.option("--skip-binary", is_flag=True, help="Skip binary files quietly instead of failing with exit code 2.")
@click.option("--max-size", type=click.FloatRange(min=0.001, max=1_000_000), default=10.0, show_default=True, metavar="MB",
              callback=lambda ctx, param, value: _finite(value, param),
              help="Skip files larger than this many megabytes (exit code 2).")
@click.option("--grammar", "grammar_on", is_flag=True, help="Check grammar with LanguageTool too (see `copydesk grammar`).")
@click.option("--lt-server", metavar="URL", help="The LanguageTool server to use (turns grammar on); COPYDESK_LT_SERVER too.")
@click.option("--no-cache", is_flag=True, help="Send every paragraph to LanguageTool, ignoring the cache of results.")
def check(paths, fmt, output, fail_on, select, extend_select, ignore, house, config_path, stdin_filename, no_color, color_mode, quiet, statistics, min_severity,
          diff_base, baseline_path, write_baseline, fix, unsafe_fixes, show_diff, show_fixes, force_exclude, skip_binary, max_size, grammar_on, lt_server,
          no_cache):
    """Check drafts: files, folders (walked recursively) or '-' for standard input; with no
    PATHS, the current folder."""
    from . import config as config_mod
    from . import engine, registry
    from .reporters import Report, encoded, render
    from .yamlio import DataError

    try:
        registry.checkers()
    except registry.PluginError as exc:
        raise _fail(str(exc))
    select_l, ignore_l, extend_l = _split(select), _split(ignore), _split(extend_select)
    for sel in select_l + ignore_l + extend_l:
        if not registry.known_selector(sel):
            raise click.UsageError(_unknown(sel))
    if house:
        from .house import load_house

        try:
            load_house(house)
        except DataError as exc:
            raise _fail(str(exc))
    try:
        fixed = config_mod.load_file(config_path) if config_path else None
    except DataError as exc:
        raise _fail(str(exc))

    def config_for(path: str) -> config_mod.Config:
        cfg = config_mod.for_path(path, fixed)
        if select_l or ignore_l or extend_l or house or grammar_on or lt_server or force_exclude:
            cfg = config_mod.Config(**{k: getattr(cfg, k) for k in cfg.__dataclass_fields__})
            if select_l:
                cfg.select = select_l
            cfg.extend_select = list(cfg.extend_select) + extend_l
            cfg.ignore = list(cfg.ignore) + ignore_l
            if house:
                cfg.house = house
            if force_exclude:
                cfg.force_exclude = True
            if grammar_on or lt_server:
                cfg.grammar = dict(cfg.grammar, enabled=True)
            if lt_server:
                cfg.grammar["server"] = lt_server
        return cfg

    if not paths:
        paths = (".",)
    try:
        files, errors = engine.walk(list(paths), config_for)
    except DataError as exc:
        raise _fail(str(exc))
    if fix or show_diff:
        import signal

        # A terminated --fix still runs its clean-up: no temporary file is left behind.
        signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    limit = int(max_size * 1024 * 1024)
    results = []
    diffs: list[str] = []
    fixed_count = 0
    show_progress = len(files) > 20 and sys.stderr.isatty() and not quiet
    bar = click.progressbar(files, label="Checking", file=sys.stderr) if show_progress else None
    iterator = bar if bar is not None else files
    if bar is not None:
        bar.__enter__()
    stdin_data = b""
    shown_fixes: list[tuple[str, object]] = []  # (file, Counter of rules fixed), for --show-fixes
    from . import languagetool

    grammar = languagetool.Session(server=lt_server, use_cache=not no_cache)
    languagetool._active = grammar
    try:
        for path in iterator:
            try:
                if path == "-":
                    name = stdin_filename or "<stdin>"
                    cfg = config_for(name)
                    data = click.open_file("-", "rb").read(limit + 1)
                    stdin_data = data
                    result = engine.check_file(name, cfg, data=data, display=name, limit=limit)
                else:
                    cfg = config_for(path)
                    result = engine.check_file(path, cfg, limit=limit)
                if result.error is None and (fix or show_diff):
                    fixed_count += _fix(result, path, cfg, unsafe_fixes, show_diff, diffs, errors, shown_fixes)
            except DataError as exc:
                raise _fail(str(exc))
            if result.error:
                if result.binary and skip_binary:
                    continue
                errors.append(result.error)
            else:
                results.append(result)
    finally:
        if bar is not None:
            bar.__exit__(None, None, None)
        languagetool._active = None
        grammar.close()
    if grammar.failure:
        errors.append(grammar.failure)
    if diff_base:
        from .diffbase import DiffError, changed_lines, keep_changed

        for r in results:
            if r.path == (stdin_filename or "<stdin>") and "-" in paths:
                continue
            try:
                r.findings = keep_changed(r.findings, changed_lines(r.path, diff_base),
                                          r.document.text if r.document is not None else None)
            except DiffError as exc:
                raise _fail(f"--diff-base: {exc}")
    if write_baseline:
        from . import baseline

        try:
            n = baseline.write(write_baseline, results)
        except OSError as exc:
            raise _fail(f"--write-baseline: cannot write {write_baseline}: {exc.strerror}")
        click.echo(f"copydesk: wrote {n} finding{'s' if n != 1 else ''} to the baseline {write_baseline}", err=True)
        baseline_path = baseline_path or write_baseline  # what was just recorded is known
    if baseline_path:
        from . import baseline

        try:
            known = baseline.load(baseline_path)
        except baseline.BaselineError as exc:
            raise _fail(str(exc))
        baseline.hide_known(results, known, baseline_path)
    for message in errors:
        click.echo(f"copydesk: error: {message}", err=True)
    if fix and "-" in paths and not any(r.path == (stdin_filename or "<stdin>") for r in results):
        # Standard input that could not be checked (binary, too big, UTF-16) goes back as it
        # came: a formatter's pipe never swaps the draft for a report.
        if stdin_data:
            _write_stdout(stdin_data)
            rest = click.open_file("-", "rb")  # a draft over --max-size was read only in part
            for chunk in iter(lambda: rest.read(1 << 20), b""):
                _write_stdout(chunk)
        sys.exit(EXIT_ERROR)
    if show_diff:
        click.echo("".join(diffs), nl=False)
        if errors:
            sys.exit(EXIT_ERROR)
        sys.exit(EXIT_FINDINGS if diffs else EXIT_CLEAN)
    if fix and "-" in paths and results and results[-1].path == (stdin_filename or "<stdin>"):
        # Fixing standard input prints the fixed draft, as formatters do: the bytes as read
        # (byte-order mark, line endings, bytes that are not UTF-8) wherever nothing was fixed.
        last = results[-1]
        data = last.fixed if last.fixed is not None else last.raw
        if data:
            _write_stdout(data)
        sys.exit(_exit_code(errors, [f for r in results for f in r.findings], fail_on))
    if fix and fixed_count and not quiet:
        click.echo(f"copydesk: fixed {fixed_count} finding{'s' if fixed_count != 1 else ''}", err=True)
    if fix and show_fixes:
        for name, rules in shown_fixes:
            click.echo(f"- {name}:", err=True)
            for rule, n in sorted(rules.items(), key=lambda kv: (-kv[1], kv[0])):
                click.echo(f"    {n} × {rule}", err=True)
    color = fmt == "text" and _use_color("never" if no_color else color_mode, bool(output))
    everything = [f for r in results for f in r.findings]  # the exit code is judged on all of them
    floor = min_severity or config_mod.for_path(os.getcwd(), fixed).min_severity or ("warning" if fmt == "text" else "info")
    hidden = _apply_floor(results, floor)
    report = Report(results, errors, color=color, statistics=statistics, quiet=quiet, hidden=hidden)
    data = encoded(fmt, render(fmt, report))
    if output:
        _write_report(output, data)
    else:
        _write_stdout(data)
    sys.exit(_exit_code(errors, everything, fail_on))


def _apply_floor(results, floor: str) -> int:
    """Leave out of each result the findings below the display floor; how many were left out."""
    from .finding import RANK

    hidden = 0
    for r in results:
        kept = [f for f in r.findings if RANK[f.severity] >= RANK[floor]]
        hidden += len(r.findings) - len(kept)
        r.findings = kept
    return hidden


def _use_color(mode: str, to_file: bool) -> bool:
    if mode != "auto":
        return mode == "always"
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return not to_file and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def _write_stdout(data: bytes) -> None:
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream: the bytes as UTF-8 text
        click.echo(data.decode("utf-8", "surrogateescape"), nl=False)
        return
    sys.stdout.flush()
    out.write(data)
    out.flush()


def _write_report(output: str, data: bytes) -> None:
    """Write the report whole or not at all: through a temporary file beside it and a rename."""
    from . import atomic

    shown = output.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        atomic.write_output(output, data)
    except OSError as exc:
        raise _fail(f"{shown}: cannot write report: {exc.strerror or exc}")


def _exit_code(errors: list[str], findings: list, fail_on: str) -> int:
    from .finding import RANK

    if errors or any(f.rule in ("copydesk.internal-error", "grammar.unavailable") for f in findings):
        return EXIT_ERROR
    if fail_on != "never" and any(RANK[f.severity] >= RANK[fail_on] for f in findings):
        return EXIT_FINDINGS
    return EXIT_CLEAN


def _patch_name(name: str) -> str:
    """A file name in a diff header, quoted C-style as git writes it when it holds a space, a
    quotation mark, a backslash or a control character, so that patch and git apply read it whole."""
    if not re.search(r'[\s"\\\x00-\x1f\x7f]', name):
        return name
    escapes = {"\t": "\\t", "\n": "\\n", '"': '\\"', "\\": "\\\\"}
    out = []
    for b in name.encode("utf-8", "surrogateescape"):
        c = chr(b)
        if c in escapes:
            out.append(escapes[c])
        elif b < 0x20 or b >= 0x7f:
            out.append(f"\\{b:03o}")
        else:
            out.append(c)
    return '"' + "".join(out) + '"'


def _patch_lines(text: str) -> list[str]:
    return re.findall(r"[^\n]*\n|[^\n]+$", text)


def _fix(result, path, cfg, unsafe, show_diff, diffs, errors, shown=None) -> int:
    """Fix one checked file: add its diff, or write it; the result then holds what is left."""
    import difflib

    from .fixer import FixError, encode, fix_text, write_atomic

    doc = result.document
    if result.decoded is not None and result.decoded.bad_byte is not None:
        errors.append(f"{result.path}: not valid UTF-8, so it is not fixed (save it as UTF-8 first)")
        return 0
    fixed = fix_text(doc.text, doc.path, doc.format, cfg, unsafe)
    if fixed.text == doc.text:
        return 0
    if show_diff:
        name = os.path.normpath(result.path).replace(os.sep, "/").lstrip("/")  # never a/./story.md
        # The byte-order mark is part of the first line as patch and git apply read it.
        bom = "\ufeff" if result.decoded is not None and result.decoded.bom else ""
        # Lines as patch and git apply count them: ended by "\n" only (a lone "\r" stays inside
        # its line), and a line with no end is marked as such wherever it stands in the diff.
        for line in difflib.unified_diff(_patch_lines(bom + doc.text), _patch_lines(bom + fixed.text),
                                         _patch_name("a/" + name), _patch_name("b/" + name)):
            diffs.append(line if line.endswith("\n") else line + "\n\\ No newline at end of file\n")
        return fixed.applied
    if path != "-":
        try:
            write_atomic(path, encode(fixed.text, result.decoded), result.raw)
        except FixError as exc:
            errors.append(f"{path}: {exc}")
            return 0
    else:
        result.fixed = encode(fixed.text, result.decoded)
    result.document, result.findings = fixed.document, fixed.findings
    if shown is not None and fixed.rules:
        shown.append((result.path, fixed.rules))
    return fixed.applied


@main.command("rules")
def rules_cmd():
    """List every rule with its severity and description."""
    from . import registry

    try:
        rules = registry.all_rules()
    except registry.PluginError as exc:
        raise _fail(str(exc))
    rules = {**rules, **registry.families()}
    width = max(len(r) for r in rules)
    for rid in sorted(rules):
        r = rules[rid]
        fix = f" [fix: {r.fix}]" if r.fix else ""
        opt_in = "" if r.default else " [opt-in]"
        click.echo(f"{rid:{width}s}  {r.severity:7s}  {r.description}{fix}{opt_in}")


@main.command()
@click.argument("rule")
def explain(rule):
    """Print a rule's rationale and examples."""
    from . import registry

    try:
        rules = registry.all_rules()
    except registry.PluginError as exc:
        raise _fail(str(exc))
    r = rules.get(registry.ALIASES.get(rule, rule)) or registry.family(rule)
    if r is None:
        rules = {**rules, **{fid: f for fid, f in registry.families().items() if registry.matches(rule, fid.split(".")[0])}}
        inside = sorted(rid for rid in rules if registry.matches(rule, rid) or rid.startswith(rule + "."))
        if inside:  # a checker (or a prefix): its rules, one line each
            width = max(len(rid) for rid in inside)
            for rid in inside:
                click.echo(f"{rid:{width}s}  {rules[rid].severity:7s}  {rules[rid].description}")
            click.echo(f"\n`copydesk explain RULE` tells why a rule exists, with examples.")
            return
        raise _fail(_unknown(rule))
    click.echo(f"{r.id} ({r.severity})\n\n{r.description}\n\n{r.rationale}")
    if registry.aliases_of(r.id):
        names = " and ".join(registry.aliases_of(r.id))
        click.echo(f"\nAlso known as {names}: that name selects, ignores and suppresses this rule.")
    if r.fix:
        click.echo(f"\nFix: {r.fix}.")
    for title, exs in (("Bad", r.bad), ("Good", r.good)):
        for ex in exs:
            click.echo(f"\n{title} ({ex.format}):")
            for line in ex.text.rstrip("\n").split("\n"):
                click.echo(f"    {line}")



@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="table", show_default=True, type=click.Choice(["table", "json"]),
              help="A table for reading, or JSON (a list, one object per article).")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="Use this config file only.")
@click.option("--max-size", type=click.FloatRange(min=0.001, max=1_000_000), default=10.0, show_default=True, metavar="MB",
              callback=lambda ctx, param, value: _finite(value, param), help="Skip files larger than this many megabytes.")
def stats(paths, fmt, config_path, max_size):
    """Readability figures per article: words, sentences, average sentence length, Flesch reading
    ease, Flesch-Kincaid grade and reading time (textstat, offline)."""
    import json

    from . import config as config_mod
    from . import engine
    from .stats import FIGURES, figures
    from .yamlio import DataError

    try:
        fixed = config_mod.load_file(config_path) if config_path else None

        def config_for(path: str) -> config_mod.Config:
            return config_mod.for_path(path, fixed)

        files, errors = engine.walk(list(paths or (".",)), config_for)
        rows = []
        for path in files:
            if path == "-":
                errors.append("-: stats reads files, not standard input")
                continue
            try:
                rows.append(figures(path, config_for(path), int(max_size * 1048576)))
            except engine.InputError as exc:
                errors.append(str(exc))
    except DataError as exc:
        raise _fail(str(exc))
    for message in errors:
        click.echo(f"copydesk: error: {message}", err=True)
    if fmt == "json":
        _write_stdout((json.dumps(rows, indent=2, ensure_ascii=False) + "\n").encode("utf-8", "surrogateescape"))
    elif rows:
        heads = ("article", "words", "sentences", "words/sentence", "Flesch", "FK grade", "read (s)")
        table = [heads] + [(r["path"],) + tuple(str(r[k]) if k in ("words", "sentences") else f"{float(r[k]):.1f}"
                                                for k in FIGURES) for r in rows]
        widths = [max(len(str(row[i])) for row in table) for i in range(len(heads))]
        lines = ["  ".join(str(c).ljust(w) if i == 0 else str(c).rjust(w) for i, (c, w) in enumerate(zip(row, widths)))
                 for row in table]
        _write_stdout(("\n".join(lines) + "\n").encode("utf-8", "surrogateescape"))
    sys.exit(EXIT_ERROR if errors else EXIT_CLEAN)


@main.group()
def grammar():
    """LanguageTool for grammar checking: install it, serve it, or run a command beside it."""


@grammar.command("install")
def grammar_install():
    """Fetch the pinned LanguageTool server (Maven Central, with Maven; needs Java 17)."""
    from . import languagetool

    try:
        languagetool.install(say=lambda m: click.echo(m, err=True))
    except languagetool.GrammarUnavailable as exc:
        raise _fail(f"cannot install LanguageTool: {exc}")


def _start_installed(port: int | None):
    from . import languagetool

    cp = languagetool.installed_classpath()
    if cp is None:
        raise _fail("LanguageTool is not installed: run `copydesk grammar install` first")
    problem = languagetool.java_problem()
    if problem:
        raise _fail(problem)
    server = languagetool.ManagedServer(cp, port)
    try:
        server.wait_ready()
    except languagetool.GrammarUnavailable as exc:
        server.stop()
        raise _fail(str(exc))
    except BaseException:
        server.stop()
        raise
    return server


@grammar.command("serve")
@click.option("--port", type=click.IntRange(1024, 65535), default=8081, show_default=True, help="The local port to listen on.")
def grammar_serve(port):
    """Run the installed LanguageTool server in the foreground (127.0.0.1 only) until stopped."""
    import signal

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(0))
    server = _start_installed(port)
    click.echo(f"LanguageTool is ready at {server.url} (use --lt-server {server.url}); Ctrl-C stops it.", err=True)
    try:
        server.proc.wait()
    except KeyboardInterrupt:
        pass
    finally:
        server.stop()


@grammar.command("run", context_settings={"ignore_unknown_options": True})
@click.argument("command", nargs=-1, required=True, type=click.UNPROCESSED)
def grammar_run(command):
    """Start the installed server, run COMMAND with COPYDESK_LT_SERVER set to it, then stop it
    (for CI: `copydesk grammar run -- python -m pytest`). Exits with COMMAND's code."""
    import signal
    import subprocess

    signal.signal(signal.SIGTERM, lambda *_: sys.exit(128 + signal.SIGTERM))
    server = _start_installed(None)
    click.echo(f"LanguageTool is ready at {server.url}", err=True)
    try:
        code = subprocess.call(list(command), env=dict(os.environ, COPYDESK_LT_SERVER=server.url))
    except OSError as exc:
        code = EXIT_ERROR
        click.echo(f"copydesk: error: cannot run {command[0]}: {exc.strerror or exc}", err=True)
    finally:
        server.stop()
    sys.exit(code)


STARTER = """\
# copydesk configuration (copydesk init). Every key is optional; see README, "Configuration".
house: british                  # or american, or a path to your own pack (house.yaml)

# The rules to run: every rule that is on by default, unless you list some here.
# select: [layout, quotes, attribution, style, credits, readability]
# extend_select: [readability.hard-to-read]   # opt-in rules
ignore: []

# Words and names never flagged (a paper's own names, a columnist's coinages).
accept: []

# Settings for part of the archive, by glob.
overrides:
  - files: ["archive/**"]
    ignore: [style]

# Files never checked, even when named one by one (as pre-commit and CI name them).
exclude: []
force_exclude: true

# The text report shows warnings and errors; "info" shows everything.
# min_severity: warning

# Grammar with LanguageTool: `copydesk grammar install`, then turn it on here.
# grammar: {enabled: true}
"""


def precommit_block(version: str) -> str:
    return f"""\
repos:
  - repo: https://example.org/your-mirror/copydesk   # where your newsroom keeps copydesk
    rev: v{version}                                       # the release tag made in the mirror (or a commit SHA)
    hooks:
      - id: copydesk
"""


@main.command()
@click.option("--pre-commit", "with_hook", is_flag=True, help="Also write the .pre-commit-config.yaml block.")
@click.argument("folder", default=".", type=click.Path(file_okay=False))
def init(with_hook, folder):
    """Write a commented starter copydesk.yaml in FOLDER (never over an existing one)."""
    from . import atomic

    target = os.path.join(folder, "copydesk.yaml")
    if os.path.lexists(target):
        raise _fail(f"{target} exists; copydesk init never overwrites a configuration")
    try:
        atomic.write_output(target, STARTER.encode("utf-8"))
    except OSError as exc:
        raise _fail(f"{target}: cannot write: {exc.strerror or exc}")
    click.echo(f"wrote {target}", err=True)
    if with_hook:
        hook = os.path.join(folder, ".pre-commit-config.yaml")
        block = precommit_block(__version__)
        if os.path.lexists(hook):
            click.echo(f"{hook} exists: add this under its `repos:`\n", err=True)
            click.echo(block.split("\n", 1)[1], nl=False)
        else:
            try:
                atomic.write_output(hook, block.encode("utf-8"))
            except OSError as exc:
                raise _fail(f"{hook}: cannot write: {exc.strerror or exc}")
            click.echo(f"wrote {hook} (set repo: to your mirror of copydesk)", err=True)


if __name__ == "__main__":  # pragma: no cover
    main()
