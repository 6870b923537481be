"""Files that ship inside the package (the rule packs, each checker's rule file, the word
lists, the web page), found beside this module: a plain path, which costs a fresh process nothing to import
(importlib.resources brings pathlib, tempfile and zipfile, some 13 ms of the hook's start)."""

from __future__ import annotations

import os

HERE = os.path.dirname(os.path.abspath(__file__))


def path(*parts: str) -> str:
    return os.path.join(HERE, *parts)


def read_text(*parts: str) -> str:
    with open(path(*parts), encoding="utf-8") as fh:
        return fh.read()


def read_bytes(*parts: str) -> bytes:
    with open(path(*parts), "rb") as fh:
        return fh.read()
