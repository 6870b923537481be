"""Fuzzing every checker with generated drafts: quotes, apostrophes, Markdown, front matter,
no-break spaces, combining characters, emoji, right-to-left text and stray bytes. No
exception, positions inside the file, excerpts equal to the source at their spans.

The default run is small and has a fixed seed, so that CI is repeatable; a nightly run takes
more drafts and another seed:

    COPYDESK_FUZZ_EXAMPLES=5000 COPYDESK_FUZZ_SEED=$(date +%j) python -m pytest tests/test_fuzz.py
"""

import os

from hypothesis import HealthCheck, given, seed, settings
from hypothesis import strategies as st

from copydesk.config import Config
from copydesk.document import Document
from copydesk.decoding import decode
from copydesk.engine import check_document
from copydesk.fixer import fix_text

from conftest import cut
from strategies import HOSTILE, PIECES, drafts

EXAMPLES = int(os.environ.get("COPYDESK_FUZZ_EXAMPLES", "200"))
SEED = int(os.environ.get("COPYDESK_FUZZ_SEED", "20261128"))
FRONT = st.sampled_from(["", "---\ntitle: “Quoted” title\n---\n", "---\ntitle: 'x'\nauthor: Zoë\n---\n\n", "---\n"])
BYTES = st.binary(max_size=12).map(lambda b: b.replace(b"\x00", b""))
HOUSES = st.sampled_from(["british", "american"])


@seed(SEED)
@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large])
@given(front=FRONT, body=drafts, tail=BYTES, fmt=st.sampled_from(["text", "markdown", "html"]), house=HOUSES,
       extra=st.lists(st.sampled_from(PIECES + HOSTILE), max_size=10))
def test_checkers_never_fail(front, body, tail, fmt, house, extra):
    raw = (front + body + " ".join(extra)).encode("utf-8") + tail
    decoded = decode(raw)
    name = {"markdown": "draft.md", "html": "draft.html"}.get(fmt, "draft.txt")
    doc = Document(decoded.text, name, fmt)
    cfg = Config(house=house)
    for f in check_document(doc, cfg, decoded):
        assert f.rule != "copydesk.internal-error", f.message
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert 1 <= f.line <= f.end_line <= doc.line_count
        assert f.excerpt == doc.text[f.start : f.end]
        assert cut(decoded.text, f.line, f.column, f.end_line, f.end_column) == f.excerpt
    fixed = fix_text(decoded.text, name, fmt, cfg, unsafe=True)
    assert all(f.rule != "copydesk.internal-error" for f in fixed.findings)
