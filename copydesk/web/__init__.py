"""The web front end (`copydesk serve`, extra `copydesk[serve]`): an HTTP API for a CMS and a
page where a journalist pastes a draft, on the public Linter API. app.py is the ASGI app,
requests.py reads and checks what a request asks for, openapi.py describes the API, and page/
holds the page's own files (no outside asset)."""
