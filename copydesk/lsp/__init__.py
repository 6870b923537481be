"""The language server (`copydesk lsp`, extra `copydesk[lsp]`): diagnostics, fixes as code
actions and the rules' explanations on hover, in any editor with an LSP client. positions.py
turns the library's offsets into LSP positions; server.py is the server, on pygls."""
