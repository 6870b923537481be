"""The ASGI app behind `copydesk serve`: the page at /, and the API a CMS calls.

    POST /v1/check   {"text", "kind", "house", "select", "ignore", "path"}: the findings, in the
                     JSON report's shape, each with its offsets (code points and UTF-16)
    POST /v1/fix     the same and "unsafe": the fixed text, the edits on the text sent, the rules
                     fixed and the findings left
    GET  /v1/rules   every rule, with its documentation ("?house=" for a house's own rules)
    GET  /healthz    {"status": "ok", "version"}
    GET  /openapi.json

Every answer that is not a success is JSON: {"error": {"rule", "severity", "message"}}, shaped
as a finding. A checker's failure on one request is a 500 of that shape and the server goes on.
A request never names a file on the server's disk: the server reads its own config and packs
when it starts, and nothing after."""

from __future__ import annotations

import logging
import threading
from collections import OrderedDict
from typing import Any

from starlette.applications import Starlette
from starlette.concurrency import run_in_threadpool
from starlette.requests import Request
from starlette.responses import JSONResponse, Response
from starlette.routing import Route

from .. import __version__, packaged
from ..config import Config
from ..finding import Finding
from ..house import builtin_houses
from ..lines import utf16_offsets
from ..linter import Linter
from ..patch import edits_between
from .openapi import openapi
from .requests import MAX_BODY, ApiError, Ask, read_ask, token_problem

log = logging.getLogger("copydesk.serve")

PAGE_FILES = {"/": ("index.html", "text/html; charset=utf-8"), "/app.js": ("app.js", "text/javascript; charset=utf-8"),
              "/app.css": ("app.css", "text/css; charset=utf-8")}
# The page runs only its own script and style, and sends nothing anywhere but this server.
PAGE_HEADERS = {"Content-Security-Policy": "default-src 'none'; script-src 'self'; style-src 'self'; connect-src 'self'; "
                                           "img-src 'self' data:; form-action 'none'; frame-ancestors 'none'; base-uri 'none'",
                "X-Content-Type-Options": "nosniff", "Referrer-Policy": "no-referrer", "Cache-Control": "no-cache"}


def error(status: int, message: str, rule: str = "copydesk.bad-request") -> JSONResponse:
    return JSONResponse({"error": {"rule": rule, "severity": "error", "message": message}}, status_code=status)


class Linters:
    """The Linters the server has made, one per house and selection asked for, kept (the last
    32) so that a request pays for reading no pack. Made from the server's own config."""

    def __init__(self, config: Config, checkers=None, keep: int = 32):
        self.config, self.checkers, self.keep = config, checkers, keep
        self.made: OrderedDict[tuple, Linter] = OrderedDict()
        self.lock = threading.Lock()

    def get(self, house: str | None, select: tuple[str, ...] | None, ignore: tuple[str, ...] | None) -> Linter:
        key = (house, select, ignore)
        with self.lock:
            if key in self.made:
                self.made.move_to_end(key)
                return self.made[key]
        try:
            linter = Linter(self.config, house=house, select=select, ignore=ignore, checkers=self.checkers)
        except ValueError as exc:  # an unknown rule or checker id
            raise ApiError(400, str(exc)) from None
        with self.lock:
            self.made[key] = linter
            while len(self.made) > self.keep:
                self.made.popitem(last=False)
        return linter


def finding_json(f: Finding, utf16: dict[int, int]) -> dict[str, Any]:
    """A finding as the JSON report has it, with its offsets: start and end in code points (as
    Python counts), start_utf16 and end_utf16 (as a browser's JavaScript counts), and the same
    for each edit of its fix."""
    from ..reporters.json_report import finding_dict

    d = finding_dict(f)  # with paragraph and characters for a Word draft, as the JSON report
    d.update(start=f.start, end=f.end, start_utf16=utf16[f.start], end_utf16=utf16[f.end])
    if f.fix is not None:
        for e, out in zip(f.fix.edits, d["fix"]["edits"]):
            out.update(start_utf16=utf16[e.start], end_utf16=utf16[e.end])
    return d


def _offsets(text: str, findings) -> dict[int, int]:
    wanted = [o for f in findings for o in (f.start, f.end)]
    wanted += [o for f in findings if f.fix for e in f.fix.edits for o in (e.start, e.end)]
    return utf16_offsets(text, wanted)


def report_json(path: str, text: str, findings) -> dict[str, Any]:
    utf16 = _offsets(text, findings)
    return {
        "tool": {"name": "copydesk", "version": __version__},
        "files": [{"path": path, "findings": [finding_json(f, utf16) for f in findings]}],
        "summary": {"files": 1, "findings": len(findings),
                    **{s: sum(f.severity == s for f in findings) for s in ("error", "warning", "info")},
                    "fixable": sum(f.fix is not None and f.fix.safe for f in findings),
                    "fixable_unsafe": sum(f.fix is not None and not f.fix.safe for f in findings)},
        "errors": [],
    }


def _word_call(method, data: bytes, **kw):
    """A Linter's Word method; a .docx it cannot read is the request's fault (400)."""
    try:
        return method(data, **kw)
    except ValueError as exc:
        raise ApiError(400, f"the Word draft cannot be read: {exc}") from None


def _failed(body: dict[str, Any]) -> JSONResponse:
    """200, or 500 when a checker failed on this draft: the error first, the other checkers'
    findings still given."""
    broken = [f for file in body["files"] for f in file["findings"] if f["rule"] == "copydesk.internal-error"]
    if broken:
        log.error("a checker failed: %s", broken[0]["message"])
        return JSONResponse({"error": {k: broken[0][k] for k in ("rule", "severity", "message")}, **body}, status_code=500)
    return JSONResponse(body)


def create_app(config: Config | None = None, *, token: str | None = None, max_body: int = MAX_BODY,
               checkers=None) -> Starlette:
    """The app, checking with config (the defaults when None). token: the bearer token every
    /v1/ call must carry; max_body: the largest request body, in bytes; checkers: the checkers
    to run instead of the built-in ones and the installed plugins."""
    config = config or Config()
    linters = Linters(config, checkers)
    houses = sorted(set(builtin_houses()) | ({config.house} if config.house in builtin_houses() else set()))

    def allowed(request: Request) -> None:
        problem = None if token is None else token_problem(request.headers.get("authorization"), token)
        if problem:
            raise ApiError(401, problem)

    async def ask(request: Request, fixing: bool = False) -> Ask:
        allowed(request)
        length = request.headers.get("content-length")
        if length is not None and (not length.isdigit() or int(length) > max_body):
            raise ApiError(413, f"the request body is over the limit of {max_body:,} bytes")
        chunks, size = [], 0
        async for chunk in request.stream():
            size += len(chunk)
            if size > max_body:
                raise ApiError(413, f"the request body is over the limit of {max_body:,} bytes")
            chunks.append(chunk)
        return read_ask(request.headers.get("content-type"), b"".join(chunks), houses, fixing)

    def guarded(handler):
        async def endpoint(request: Request) -> Response:
            try:
                return await handler(request)
            except ApiError as exc:
                headers = {"WWW-Authenticate": "Bearer"} if exc.status == 401 else None
                resp = error(exc.status, exc.message)
                if headers:
                    resp.headers.update(headers)
                return resp
            except Exception as exc:  # a failure of this request only: the server goes on
                log.error("request to %s failed: %s: %s", request.url.path, type(exc).__name__, exc)
                return error(500, f"copydesk failed on this request ({type(exc).__name__}: {exc})", "copydesk.internal-error")
        return endpoint

    async def check(request: Request) -> Response:
        a = await ask(request)
        linter = await run_in_threadpool(linters.get, a.house, a.select, a.ignore)
        if a.word is not None:
            result = await run_in_threadpool(_word_call, linter.check_docx, a.word, path=a.path or "draft.docx")
            assert result.text is not None
            return _failed({**report_json(result.path, result.text, result.findings), "text": result.text})
        result = await run_in_threadpool(linter.check, a.text, path=a.path, kind=a.kind)
        return _failed(report_json(result.path, a.text, result.findings))

    async def fix(request: Request) -> Response:
        a = await ask(request, fixing=True)
        linter = await run_in_threadpool(linters.get, a.house, a.select, a.ignore)
        if a.word is not None:
            import base64

            word = await run_in_threadpool(_word_call, linter.fix_docx, a.word, unsafe=a.unsafe, annotate=a.annotate,
                                           path=a.path or "draft.docx")
            body = report_json(a.path or "draft.docx", word.text, word.remaining)
            body.update(text=word.text, applied=word.applied, rules=list(word.rules),
                        docx=base64.b64encode(word.data).decode("ascii"))
            return _failed(body)
        done = await run_in_threadpool(linter.fix, a.text, unsafe=a.unsafe, path=a.path, kind=a.kind)
        edits = edits_between(a.text, done.text)
        utf16 = utf16_offsets(a.text, [o for s, e, _t in edits for o in (s, e)])
        body = report_json(a.path or "<string>", done.text, done.remaining)
        body.update(text=done.text, applied=done.applied, rules=list(done.rules),
                    edits=[{"start": s, "end": e, "text": t, "start_utf16": utf16[s], "end_utf16": utf16[e]}
                           for s, e, t in edits])
        return _failed(body)

    async def rules(request: Request) -> Response:
        allowed(request)
        house = request.query_params.get("house")
        if house is not None and house not in houses:
            raise ApiError(400, f"\"house\" must be one of {', '.join(houses)}")
        linter = await run_in_threadpool(linters.get, house, None, None)
        return JSONResponse({"houses": houses, "house": config.house, "max_body": max_body, "rules": [
            {"id": r.id, "severity": r.severity, "description": r.description, "rationale": r.rationale,
             "fix": r.fix, "fixable": r.fixable, "default": r.default} for r in linter.rules()]})

    async def healthz(_request: Request) -> Response:
        return JSONResponse({"status": "ok", "version": __version__})

    async def spec(_request: Request) -> Response:
        return JSONResponse(openapi(__version__, houses, max_body))

    files: dict[str, bytes] = {}  # the page's files, read once

    async def page(request: Request) -> Response:
        name, media = PAGE_FILES[request.url.path]
        if name not in files:
            files[name] = packaged.read_bytes("web", "page", name)
        return Response(files[name], media_type=media, headers=PAGE_HEADERS)

    routes = [
        Route("/v1/check", guarded(check), methods=["POST"]),
        Route("/v1/fix", guarded(fix), methods=["POST"]),
        Route("/v1/rules", guarded(rules), methods=["GET"]),
        Route("/healthz", healthz, methods=["GET"]),
        Route("/openapi.json", spec, methods=["GET"]),
        *(Route(p, page, methods=["GET"]) for p in PAGE_FILES),
    ]

    async def not_found(_request: Request, _exc: Exception) -> Response:
        return error(404, "no such page: the API is under /v1/ (see /openapi.json)")

    async def not_allowed(_request: Request, exc: Exception) -> Response:
        resp = error(405, "this address does not take that method (see /openapi.json)")
        resp.headers.update(getattr(exc, "headers", None) or {})  # Allow: the methods it takes
        return resp

    return Starlette(routes=routes, exception_handlers={404: not_found, 405: not_allowed})
