"""copydesk check: the run layer's options from the command line, its outcome printed."""

from __future__ import annotations

import click

from .. import reporters
from ..entry import finish, use_color
from ..run import FAIL_ON, Options
from . import finite, main, split

FORMATS = list(reporters.FORMATS)


@main.command()
@click.argument("paths", nargs=-1, type=click.Path())
@click.option("--format", "fmt", default="text", show_default=True, help="Report format.", type=click.Choice(FORMATS))
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
@click.option("--annotate", is_flag=True, help="Add each finding left to a Word draft (.docx) as a comment on its text.")
@click.option("--force-exclude", is_flag=True, help="Apply the config's exclude to files named on the command line too.")
@click.option("--skip-binary", is_flag=True, help="Skip binary files quietly instead of failing with exit code 2.")
@click.option("--max-size", type=click.FloatRange(min=0.001, max=1_000_000), default=10.0, show_default=True, metavar="MB",
              callback=lambda ctx, param, value: finite(value, param),
              help="Skip files larger than this many megabytes (exit code 2).")
@click.option("--jobs", "-j", type=click.IntRange(0, 256), default=0, show_default=True, metavar="N",
              help="Worker processes (0: one per core); a few files, standard input or grammar use one.")
@click.option("--grammar", "grammar_on", is_flag=True, help="Check grammar with LanguageTool too (see `copydesk grammar`).")
@click.option("--lt-server", metavar="URL", help="The LanguageTool server to use (turns grammar on); COPYDESK_LT_SERVER too.")
@click.option("--no-cache", is_flag=True, help="Send every paragraph to LanguageTool, ignoring the cache of results.")
def check(paths, fmt, output, fail_on, select, extend_select, ignore, house, config_path, stdin_filename, no_color,
          color_mode, quiet, statistics, min_severity, diff_base, baseline_path, write_baseline, fix, unsafe_fixes,
          show_diff, show_fixes, annotate, force_exclude, skip_binary, max_size, jobs, grammar_on, lt_server, no_cache):
    """Check drafts: files, folders (walked recursively) or '-' for standard input; with no
    PATHS, the current folder."""
    opts = Options(
        paths=list(paths or (".",)), fmt=fmt, fail_on=fail_on, select=split(select), extend_select=split(extend_select),
        ignore=split(ignore), house=house, config_path=config_path,
        color=fmt == "text" and use_color("never" if no_color else color_mode, bool(output)), quiet=quiet,
        statistics=statistics, min_severity=min_severity, diff_base=diff_base, baseline=baseline_path,
        write_baseline=write_baseline, fix=fix, unsafe_fixes=unsafe_fixes, diff=show_diff, show_fixes=show_fixes,
        annotate=annotate, stdin_filename=stdin_filename, force_exclude=force_exclude, skip_binary=skip_binary,
        max_bytes=int(max_size * 1024 * 1024), jobs=jobs, grammar=grammar_on, lt_server=lt_server, cache=not no_cache)
    stdin = click.open_file("-", "rb") if "-" in opts.paths else None
    finish(opts, stdin, output, usage=click.UsageError)


