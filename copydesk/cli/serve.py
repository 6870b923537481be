"""copydesk serve: the page and the HTTP API (copydesk.web) on a local web server."""

from __future__ import annotations

import os
import sys

import click

from . import fail, main


def _local(host: str) -> bool:
    import ipaddress

    if host == "localhost":
        return True
    try:
        return ipaddress.ip_address(host).is_loopback
    except ValueError:
        return False


@main.command()
@click.option("--host", default="127.0.0.1", show_default=True,
              help="The address to listen on. Anything but this machine's own should have --token.")
@click.option("--port", default=8765, show_default=True, type=click.IntRange(0, 65535), help="0: any free port.")
@click.option("--token", envvar="COPYDESK_TOKEN", help="Every API call must carry \"Authorization: Bearer TOKEN\" "
              "(or set COPYDESK_TOKEN).")
@click.option("--max-body", default=2 * 1024 * 1024, show_default=True, type=click.IntRange(1024, 64 * 1024 * 1024),
              help="The largest request body, in bytes: a larger one gets 413.")
@click.option("--config", "config_path", type=click.Path(dir_okay=False), help="The config to check with "
              "(default: the one found from this folder up, as check finds it).")
@click.option("--house", help="The house style when a request names none.")
def serve(host, port, token, max_body, config_path, house):
    """A web page to paste drafts into, and the HTTP API a CMS calls (copydesk[serve])."""
    import socket

    try:
        import uvicorn

        from ..web.app import create_app
    except ImportError as exc:
        raise fail(f"copydesk serve needs the serve extra ({exc.name} is missing): pip install 'copydesk[serve]', "
                   "or pip install '.[serve]' in copydesk's folder")
    from .. import config as config_mod
    from ..yamlio import DataError

    try:
        cfg = config_mod.load_file(config_path) if config_path else config_mod.load_cached(config_mod.discover(os.getcwd()))
        if house:
            cfg.house = house
        from ..linter import Linter

        Linter(cfg)  # the house pack and the rules read now: a wrong one stops the start, not a request
    except (DataError, ValueError) as exc:
        raise fail(str(exc))
    if token is not None and not token.strip():
        raise fail("--token is empty")
    try:
        sock = socket.create_server((host, port), family=socket.AF_INET6 if ":" in host else socket.AF_INET)
    except OSError as exc:
        raise fail(f"cannot listen on {host}:{port}: {exc.strerror or exc}")
    bound = sock.getsockname()[1]
    shown = f"[{host}]" if ":" in host else host
    if not _local(host) and token is None:
        click.echo(f"copydesk serve: warning: listening on {host}, which other machines can reach, with no --token: "
                   "anyone who reaches it can use it", err=True)
    click.echo(f"copydesk serve: http://{shown}:{bound}/ (Ctrl-C stops it)", err=True)
    sys.stderr.flush()
    app = create_app(cfg, token=token, max_body=max_body)
    server = uvicorn.Server(uvicorn.Config(app, log_level="warning", access_log=False, lifespan="off",
                                           timeout_graceful_shutdown=5))
    server.run(sockets=[sock])
