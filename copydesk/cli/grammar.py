"""copydesk grammar: install, serve or run beside the LanguageTool server."""

from __future__ import annotations

import os
import sys

import click

from ..run import EXIT_ERROR
from . import fail, main


@main.group()
def grammar():
    """LanguageTool for grammar checking: install it, serve it, or run a command beside it."""


@grammar.command("install")
def grammar_install():
    """Fetch the pinned LanguageTool server (Maven Central, with Maven; needs Java 17)."""
    from .. import languagetool

    try:
        languagetool.install(say=lambda m: click.echo(m, err=True))
    except languagetool.GrammarUnavailable as exc:
        raise fail(f"cannot install LanguageTool: {exc}")


def _start_installed(port: int | None):
    from .. import languagetool

    cp = languagetool.installed_classpath()
    if cp is None:
        raise fail("LanguageTool is not installed: run `copydesk grammar install` first")
    problem = languagetool.java_problem()
    if problem:
        raise fail(problem)
    server = languagetool.ManagedServer(cp, port)
    try:
        server.wait_ready()
    except languagetool.GrammarUnavailable as exc:
        server.stop()
        raise fail(str(exc))
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
