"""Readability figures per article, for `copydesk stats`: the article's prose as the checkers read
it (page furniture and teasers left out, broken paragraphs joined), scored by textstat."""

from __future__ import annotations

from .config import Config
from .document import Document
from .parsers import format_for
from .engine import read_draft
from .house import load_house
from .reading import Analysis
from .scores import FIGURES, scores


def article_text(doc: Document, cfg: Config) -> str:
    house = load_house(cfg.house)
    reading = Analysis.default(doc, house, cfg.accept_set, cfg.checks.get("layout", {})).reading
    return "\n".join(b.text for b in reading.blocks if b.is_body and b.text.strip())


def figures(path: str, cfg: Config, limit: int | None = None) -> dict:
    """{"path": …, and each of FIGURES}; raises InputError for a file that cannot be read."""
    decoded = read_draft(path, None, limit)
    doc = Document(decoded.text, path, format_for(path))
    text = article_text(doc, cfg)
    out = {"path": path}
    out.update(scores(text) if text.strip() else {k: 0 for k in FIGURES})
    return out

