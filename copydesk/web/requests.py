"""What an API request asks for, read and checked before any checking starts: a request that
cannot be served gets its status and a one-line reason, never a traceback. Nothing in a request
names a file on the server: the house is one of the built-in packs or the server's own."""

from __future__ import annotations

import json
from dataclasses import dataclass
from typing import Any

from ..linter import FORMATS

MAX_BODY = 2 * 1024 * 1024  # bytes: the default limit of a request body
LIMIT_IDS = 200  # rule ids in select or ignore


class ApiError(Exception):
    """A request that cannot be served: the HTTP status and why, in one sentence."""

    def __init__(self, status: int, message: str):
        super().__init__(message)
        self.status = status
        self.message = message


@dataclass(frozen=True)
class Ask:
    """A check or fix request: the draft and how to check it."""

    text: str
    kind: str | None
    house: str | None
    select: tuple[str, ...] | None
    ignore: tuple[str, ...] | None
    path: str | None
    unsafe: bool
    word: bytes | None = None  # a Word draft's .docx, given instead of text
    annotate: bool = False


def media_type(content_type: str | None) -> str:
    return (content_type or "").split(";", 1)[0].strip().lower()


def read_ask(content_type: str | None, body: bytes, houses: list[str], fixing: bool = False) -> Ask:
    """The request body as an Ask, or ApiError (415 for a body that is not JSON, 400 for JSON
    that is malformed or asks for something that does not exist). fixing: a /v1/fix request,
    the only one that takes "unsafe"."""
    if media_type(content_type) != "application/json":
        raise ApiError(415, f"send the draft as JSON (Content-Type: application/json), not {content_type or 'nothing'}")
    try:
        data = json.loads(body.decode("utf-8"))
    except UnicodeDecodeError:
        raise ApiError(400, "the request body is not UTF-8") from None
    except json.JSONDecodeError as exc:
        raise ApiError(400, f"malformed JSON: {exc.msg} at line {exc.lineno}, column {exc.colno}") from None
    except RecursionError:
        raise ApiError(400, "malformed JSON: nested too deeply") from None
    if not isinstance(data, dict):
        raise ApiError(400, "the request body must be a JSON object with a \"text\" field")
    fields = ["text", "docx", "kind", "house", "select", "ignore", "path"] + (["unsafe", "annotate"] if fixing else [])
    unknown = sorted(set(data) - set(fields))
    if unknown:
        raise ApiError(400, f"unknown field {unknown[0]!r} (fields: {', '.join(fields)})")
    word = _docx(data)
    text = data.get("text", "" if word is not None else None)
    if word is not None and "text" in data:
        raise ApiError(400, "send either \"text\" or \"docx\", not both")
    if not isinstance(text, str):
        raise ApiError(400, "\"text\" must be a string: the draft (or \"docx\": a Word draft, base64)")
    lone = _lone_surrogate(text)
    if lone is not None:
        raise ApiError(400, f"\"text\" holds half of a UTF-16 pair (\\u{ord(text[lone]):04x} at character {lone}), "
                            "which is no character: send the whole pair")
    kind = data.get("kind")
    if kind is not None and kind not in FORMATS:
        raise ApiError(400, f"\"kind\" must be one of {', '.join(FORMATS)}, or left out to go by \"path\"")
    house = data.get("house")
    if house is not None and house not in houses:
        raise ApiError(400, f"\"house\" must be one of {', '.join(houses)}")
    path = data.get("path")
    if path is not None and (not isinstance(path, str) or len(path) > 255 or "\x00" in path
                             or _lone_surrogate(path) is not None):
        raise ApiError(400, "\"path\" must be a file name of up to 255 characters (it names the draft, nothing is read)")
    unsafe, annotate = data.get("unsafe", False), data.get("annotate", False)
    if not isinstance(unsafe, bool) or not isinstance(annotate, bool):
        raise ApiError(400, f"\"{'unsafe' if not isinstance(unsafe, bool) else 'annotate'}\" must be true or false")
    if word is not None and kind is not None:
        raise ApiError(400, "\"kind\" goes with \"text\": a \"docx\" is always read as Word")
    if annotate and word is None:
        raise ApiError(400, "\"annotate\" adds Word comments: it goes with \"docx\"")
    return Ask(text, kind, house, _ids(data.get("select"), "select"), _ids(data.get("ignore"), "ignore"), path, unsafe,
               word, annotate)


def _docx(data: dict) -> bytes | None:
    """The Word draft a request sends, base64 in "docx", or None."""
    value = data.get("docx")
    if value is None:
        return None
    import base64
    import binascii

    if not isinstance(value, str):
        raise ApiError(400, "\"docx\" must be the .docx file's bytes in base64")
    try:
        return base64.b64decode(value, validate=True)
    except (binascii.Error, ValueError):
        raise ApiError(400, "\"docx\" is not valid base64") from None


def _ids(value: Any, key: str) -> tuple[str, ...] | None:
    if value is None:
        return None
    if not isinstance(value, list) or not all(isinstance(v, str) and 0 < len(v) <= 100 for v in value):
        raise ApiError(400, f"\"{key}\" must be a list of rule or checker ids, such as [\"style\", \"quotes.unclosed\"]")
    if key == "select" and not value:
        raise ApiError(400, "\"select\" is empty, so nothing would be checked: leave it out to check every rule")
    if len(value) > LIMIT_IDS:
        raise ApiError(400, f"\"{key}\" holds more than {LIMIT_IDS} ids")
    return tuple(value)


def _lone_surrogate(text: str) -> int | None:
    """Where text holds half of a surrogate pair (JSON's \\ud83d alone), or None."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError as exc:
        return exc.start
    return None


def token_problem(authorization: str | None, token: str) -> str | None:
    """Why a request may not use the API (no token, or a wrong one), or None when it may."""
    if not authorization:
        return "this server needs its access token (send \"Authorization: Bearer <token>\")"
    if not bearer_ok(authorization, token):
        return "the access token is wrong"
    return None


def bearer_ok(authorization: str | None, token: str) -> bool:
    """Whether an Authorization header carries the server's token, compared in constant time."""
    import hmac

    scheme, _, given = (authorization or "").partition(" ")
    return scheme.lower() == "bearer" and hmac.compare_digest(given.strip().encode(), token.encode())
