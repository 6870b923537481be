"""copydesk lsp: the language server (copydesk.lsp) over standard input and output."""

from __future__ import annotations

import click

from . import fail, main


@main.command()
@click.option("--stdio", is_flag=True, help="Talk LSP over standard input and output (the only way; for "
              "clients that pass it).")
def lsp(stdio):
    """The language server for editors: diagnostics, fixes and explanations (copydesk[lsp])."""
    try:
        from ..lsp.server import main as serve
    except ImportError as exc:
        raise fail(f"copydesk lsp needs the lsp extra ({exc.name} is missing): pip install 'copydesk[lsp]', "
                   "or pip install '.[lsp]' in copydesk's folder")
    serve()
