"""Properties of fixing, over generated drafts: no byte changes outside the fixed spans,
fixing twice equals fixing once, and every fix removes its finding."""

import os

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import apply, choose, dominant_newline, fix_text, inserted

from strategies import drafts

EXAMPLES = int(os.environ.get("COPYDESK_PROPERTY_EXAMPLES", "150"))
SETTINGS = settings(max_examples=EXAMPLES, deadline=None, suppress_health_check=[HealthCheck.too_slow])
CFG = Config()


def segments(text, findings):
    """Unchanged stretches between the edits: (old start, old end, new start)."""
    newline = dominant_newline(text)
    out, old, new = [], 0, 0
    for e in sorted((e for f in findings for e in f.fix.edits), key=lambda e: (e.start, e.end)):
        out.append((old, e.start, new))
        new += e.start - old + len(inserted(e, newline))
        old = e.end
    out.append((old, len(text), new))
    return out


@SETTINGS
@given(body=drafts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_fixes_change_nothing_outside_their_spans(body, fmt):
    doc = Document(body, {"markdown": "a.md", "html": "a.html"}.get(fmt, "a.txt"), fmt)
    chosen = choose(check_document(doc, CFG), unsafe=True)
    fixed = apply(body, chosen)
    segs = segments(body, chosen)
    for old_start, old_end, new_start in segs:
        piece = body[old_start:old_end]
        assert fixed[new_start : new_start + len(piece)] == piece
        assert fixed[new_start : new_start + len(piece)].encode("utf-8") == piece.encode("utf-8")
    last = segs[-1]
    assert len(fixed) == last[2] + (last[1] - last[0])


@SETTINGS
@given(body=drafts, fmt=st.sampled_from(["text", "markdown", "html"]), unsafe=st.booleans())
def test_fixing_twice_equals_fixing_once(body, fmt, unsafe):
    name = {"markdown": "a.md", "html": "a.html"}.get(fmt, "a.txt")
    once = fix_text(body, name, fmt, CFG, unsafe).text
    assert fix_text(once, name, fmt, CFG, unsafe).text == once


@SETTINGS
@given(body=drafts, fmt=st.sampled_from(["text", "markdown", "html"]))
def test_every_fix_removes_its_finding(body, fmt):
    name = {"markdown": "a.md", "html": "a.html"}.get(fmt, "a.txt")
    findings = check_document(Document(body, name, fmt), CFG)
    for f in findings:
        if f.fix is None or not choose([f], unsafe=True):
            continue
        fixed = apply(body, [f])
        segs = segments(body, [f])
        after = check_document(Document(fixed, name, fmt), CFG)
        for g in after:
            if g.rule != f.rule:
                continue
            # map g back to the original text, when it lies in an unchanged stretch
            for old_start, old_end, new_start in segs:
                if new_start <= g.start and g.end <= new_start + (old_end - old_start):
                    assert (g.start - new_start + old_start, g.excerpt) != (f.start, f.excerpt), (f, g)
