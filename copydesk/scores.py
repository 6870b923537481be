"""Readability figures of a text, from textstat, offline.

textstat counts syllables with NLTK's copy of the CMU Pronouncing Dictionary and, when NLTK has
no copy, downloads one. copydesk ships the dictionary (copydesk/rules/nltk_data, built by
tools/build_cmudict.py) and puts that folder first on NLTK's data path before textstat is
imported, so a score never reaches the network.
"""

from __future__ import annotations

from threading import Lock

FIGURES = ("words", "sentences", "average_sentence_length", "flesch_reading_ease", "flesch_kincaid_grade",
           "reading_time_seconds")
_lock = Lock()
_ts = None


def nltk_data_path() -> str:
    from . import packaged

    return packaged.path("rules", "nltk_data")


def textstat():
    """textstat, with NLTK reading copydesk's dictionary; the language is British English."""
    global _ts
    with _lock:
        if _ts is None:
            import nltk

            path = nltk_data_path()
            if path not in nltk.data.path:
                nltk.data.path.insert(0, path)
            nltk.data.find("corpora/cmudict")  # LookupError here, never a download later
            import textstat as ts

            ts.set_lang("en_GB")
            _ts = ts
    return _ts


def scores(text: str) -> dict[str, float]:
    """The readability figures of a text of prose (paragraphs separated by line breaks)."""
    ts = textstat()
    words = ts.lexicon_count(text)
    sents = ts.sentence_count(text)
    return {
        "words": words,
        "sentences": sents,
        "average_sentence_length": round(words / sents, 1) if sents else 0.0,
        "flesch_reading_ease": round(ts.flesch_reading_ease(text), 1),
        "flesch_kincaid_grade": round(ts.flesch_kincaid_grade(text), 1),
        "reading_time_seconds": round(ts.reading_time(text), 1),
    }
