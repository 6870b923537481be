"""For random drafts, the span of every finding, cut from the original source by its reported
line and column, equals the finding's excerpt."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.config import Config
from copydesk.document import Document
from copydesk.decoding import decode
from copydesk.engine import check_document

from conftest import cut
from strategies import drafts

EXAMPLES = int(os.environ.get("COPYDESK_PROPERTY_EXAMPLES", "150"))


@settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(body=drafts, fmt=st.sampled_from(["text", "markdown", "html"]), bom=st.booleans())
def test_every_finding_span_cuts_its_excerpt(body, fmt, bom):
    raw = ("\ufeff" if bom else "") + body
    decoded = decode(raw.encode("utf-8", "surrogatepass"))
    doc = Document(decoded.text, {"markdown": "draft.md", "html": "draft.html"}.get(fmt, "draft.txt"), fmt)
    for f in check_document(doc, Config(), decoded):
        assert 0 <= f.start <= f.end <= len(doc.text)
        assert f.excerpt == doc.text[f.start : f.end]
        assert cut(raw, f.line, f.column, f.end_line, f.end_column) == f.excerpt, f
        assert f.line >= 1 and f.column >= 1
