"""The console script. `copydesk check` on named files, with only the options a pre-commit
hook passes (--fix, --force-exclude, --fail-on, --quiet, --no-color, --format), is run here without
importing the command-line parser (click: a quarter of a hook's time on every commit). Every
other command line, help and mistakes included, goes to the click CLI (copydesk/cli), which
alone says what the options mean; both end in finish(), so their output is the same."""

from __future__ import annotations

import sys

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it
if TYPE_CHECKING:
    from typing import BinaryIO, Callable, NoReturn

FLAGS = {"--fix": "fix", "--force-exclude": "force_exclude", "--quiet": "quiet", "-q": "quiet",
         "--no-color": "no_color"}


def main() -> None:
    import gc

    gc.disable()  # start-up makes objects that live to the end, not garbage: run() resumes collection
    plain = _plain_check(sys.argv[1:])
    if plain is None:
        gc.enable()
        from .cli import main as cli

        cli()
        return
    from .run import Options

    paths, values, flags = plain
    fmt = values["--format"]
    finish(Options(paths=paths, fmt=fmt, fail_on=values["--fail-on"], fix=flags["fix"], force_exclude=flags["force_exclude"],
                   quiet=flags["quiet"], color=fmt == "text" and use_color("never" if flags["no_color"] else "auto", False)))


def _plain_check(args: list[str]) -> tuple[list[str], dict[str, str], dict[str, bool]] | None:
    """(paths, {--format, --fail-on}, flags) when args are `check`, the options above and file
    names; else None."""
    if not args or args[0] != "check":
        return None
    from .reporters import FORMATS  # the run layer's, which either way comes next
    from .run import FAIL_ON

    valued = {"--format": FORMATS, "--fail-on": FAIL_ON}
    paths: list[str] = []
    values = {"--format": "text", "--fail-on": "error"}
    flags = dict.fromkeys(FLAGS.values(), False)
    rest = iter(args[1:])
    for arg in rest:
        if arg in FLAGS:
            flags[FLAGS[arg]] = True
        elif arg.split("=", 1)[0] in valued:
            name, eq, value = arg.partition("=")
            value = value if eq else next(rest, "")
            if value not in valued[name]:
                return None
            values[name] = value
        elif arg.startswith("-") or not arg:
            return None  # '-' (standard input), '--', any other option, or an empty name
        else:
            paths.append(arg)
    return (paths, values, flags) if paths else None


def say(line: str) -> None:
    if sys.stderr is not None:  # closed (2>&-): nowhere to say it
        sys.stderr.write(line + "\n")
        sys.stderr.flush()


def use_color(mode: str, to_file: bool) -> bool:
    import os

    if mode != "auto":
        return mode == "always"
    if os.environ.get("FORCE_COLOR", "") not in ("", "0"):
        return True
    return not to_file and sys.stdout is not None and sys.stdout.isatty() and "NO_COLOR" not in os.environ


def write_stdout(data: bytes) -> None:
    if sys.stdout is None:  # closed (>&-)
        import errno

        raise OSError(errno.EBADF, "standard output is closed")
    out = getattr(sys.stdout, "buffer", None)
    if out is None:  # a text-only stream: the bytes as UTF-8 text
        sys.stdout.write(data.decode("utf-8", "surrogateescape"))
        sys.stdout.flush()
        return
    sys.stdout.flush()
    out.write(data)
    out.flush()


class Terminated(BaseException):
    """SIGTERM arrived: the run stops where it is (the files being written are left whole)."""


def _terminated(*_args) -> None:
    raise Terminated


def _progress(files: list[str]):
    if len(files) <= 20:
        yield from files
        return
    import click

    with click.progressbar(files, label="Checking", file=sys.stderr) as bar:
        yield from bar


def finish(opts, stdin: BinaryIO | None = None, output: str | None = None,
           usage: Callable[[str], BaseException] | None = None) -> NoReturn:
    """Run the check opts describe, print its messages and report (or write the report to
    output), and exit with its code. usage: the exception a usage mistake raises (the click
    CLI's own); with none, it is reported as any other error."""
    from .run import EXIT_ERROR, RunError, run

    if opts.fix or opts.diff or opts.annotate:
        import signal

        # A terminated --fix stops at once and still runs its clean-up: no temporary file is
        # left behind. Terminated is no Exception, so no checker's error handling takes it.
        signal.signal(signal.SIGTERM, _terminated)
    try:
        outcome = run(opts, stdin, _progress if not opts.quiet and sys.stderr.isatty() else None)
    except RunError as exc:
        if exc.usage and usage is not None:
            raise usage(str(exc))
        say(f"copydesk: error: {exc}")
        sys.exit(EXIT_ERROR)
    except Terminated:
        sys.exit(128 + 15)  # SIGTERM, as a shell reports it
    except KeyboardInterrupt:
        say("copydesk: interrupted")
        sys.exit(128 + 2)  # SIGINT
    for line in outcome.messages:
        say(line)
    if output and outcome.report:
        _write_report(output, outcome.stdout)
        sys.exit(outcome.exit_code)
    try:
        write_stdout(outcome.stdout)
        rest = outcome.passthrough  # standard input beyond the size limit, passed on as it came
        for chunk in iter(lambda: rest.read(1 << 20), b"") if rest is not None else ():
            write_stdout(chunk)
    except BrokenPipeError:
        # The reader went away (| head): nothing more to say, and nothing said at exit either.
        import os

        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())
        sys.exit(1)
    except OSError as exc:  # a full disk, a closed stream
        say(f"copydesk: error: cannot write the report to standard output: {exc.strerror or exc}")
        sys.exit(EXIT_ERROR)
    sys.exit(outcome.exit_code)


def _write_report(output: str, data: bytes) -> None:
    """Write the report whole or not at all: through a temporary file beside it and a rename."""
    from . import atomic
    from .run import EXIT_ERROR

    shown = output.encode("utf-8", "surrogateescape").decode("utf-8", "replace")
    try:
        atomic.write_output(output, data)
    except OSError as exc:
        say(f"copydesk: error: {shown}: cannot write report: {exc.strerror or exc}")
        sys.exit(EXIT_ERROR)
