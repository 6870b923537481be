"""Recall of attribution.unattributed-quote on quotations whose attribution clause is removed.

For each article of ../shared/corpora/bbc-news-2005, one paragraph is chosen that is a quotation
with an attribution clause (`"…," he said.`, `"…," said Mr X.`, `Mr X said: "…"`, `"…," she
told the BBC.`), whose paragraph before is plain narrative (no quotation mark, no reporting word)
and whose paragraph after does not begin with a reporting sentence. The clause is removed so
that the paragraph is only the quotation, with sound punctuation, and the article is checked
again. A hit is an attribution.unattributed-quote finding over the planted quotation; any other
finding that was not there before (positions mapped through the edit) is collateral.

    python benchmarks/attribution_strip.py              # the figures
    python benchmarks/attribution_strip.py --show 20    # also print misses and collateral
"""

from __future__ import annotations

import argparse
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, os.path.dirname(HERE))

from copydesk.checks.attribution import _patterns  # noqa: E402
from copydesk.config import Config  # noqa: E402
from copydesk.document import Document  # noqa: E402
from copydesk.engine import check_document  # noqa: E402

CORPUS = os.path.join(HERE, "..", "..", "shared", "corpora", "bbc-news-2005")

VERB = (r"(?:said|says|added|adds|explained|warned|argued|continued|insisted|admitted|stressed|claimed|"
        r"told (?:the |BBC |Radio )?[\w' ]{1,40}?)")
NAME = r"(?:(?:Mr|Mrs|Ms|Miss|Dr|Sir|Lord|Professor) [A-Z][\w'-]+|[A-Z][\w'-]+(?: [A-Z][\w'-]+){0,3})"
WHO = r"(?:he|she|they|it|" + NAME + r"|the [a-z][\w' -]{1,40}?|a [a-z][\w' -]{1,40}?)"
APPOSITION = r"(?:, [^.\"]{1,80})?"
START = r'(?:^|(?<=[.!?] ))'
# "…," he said.  /  "…," said Mr X, the firm's chief executive.
AFTER_RE = re.compile(START + r'"([A-Z][^"]+?)([,.?!])" (?:' + WHO + " " + VERB + "|" + VERB + " " + WHO + APPOSITION
                      + r")\.(?= |$)")
# Mr X said: "…"  /  Mr X, the firm's chief executive, said: "…"
BEFORE_RE = re.compile(START + WHO + APPOSITION + ",? " + VERB + r': "([A-Z][^"]+)"(?= |$)')


def candidates(para: str):
    """(start, end, the quotation with its clause removed) for each attributed quotation."""
    for m in AFTER_RE.finditer(para):
        body, mark = m.group(1), m.group(2)
        yield m.start(), m.end(), f'"{body}{"." if mark == "," else mark}"'
    for m in BEFORE_RE.finditer(para):
        yield m.start(), m.end(), f'"{m.group(1)}"'


def narrative(text: str, reporting) -> bool:
    return not any(c in text for c in "\"“”") and not reporting.search(text)


def first_sentence(text: str) -> str:
    return re.split(r"(?<=[.!?])\s+", text, maxsplit=1)[0]


def plant(text: str, reporting):
    """The article with one quotation stood as a paragraph of its own (the text before and
    after it in its paragraph become paragraphs too), once with its clause and once without:
    (baseline, planted, start of the quotation in both, length of the stripped quotation,
    length of the clause text removed)."""
    lines = text.split("\n")
    paras = [(k, ln) for k, ln in enumerate(lines) if ln.strip()]
    for j in range(1, len(paras)):
        k, raw = paras[j]
        para = raw.strip()
        for a, z, bare in candidates(para):
            before, after = para[:a].strip(), para[z:].strip()
            if after.startswith('"') and '"' in after[1:]:
                # The speaker's next quotation joins the first: "…," he said. "…" -> "… …"
                close = after.index('"', 1)
                bare = bare[:-1] + " " + after[1 : close + 1]
                z += len(para[z:]) - len(para[z:].lstrip()) + close + 1
                after = para[z:].strip()
            lead = ""
            if before and not narrative(before, reporting):
                # Only the sentences of narrative right before the quotation stay with it as
                # the paragraph before; the sentences with speech before them become their own.
                sentences = re.split(r"(?<=[.!?])\s+(?=[A-Z])", before)
                n = len(sentences)
                while n > 0 and narrative(" ".join(sentences[n - 1 :]), reporting):
                    n -= 1
                if n == len(sentences):
                    continue
                lead, before = " ".join(sentences[:n]), " ".join(sentences[n:])
            if before:
                pass
            elif j < 2 or not narrative(paras[j - 1][1], reporting):
                continue
            nxt = after or (paras[j + 1][1].strip() if j + 1 < len(paras) else "")
            if nxt.startswith(('"', "“")) or reporting.search(first_sentence(nxt)):
                continue
            if len(bare.split()) < 5:
                continue
            pieces_a = [x for x in (lead, before, para[a:z]) if x]
            pieces_b = [x for x in (lead, before, bare) if x]
            head = "\n".join(lines[:k]) + ("\n" if k else "")
            tail = ("\n\n" + after if after else "") + ("\n" if k + 1 < len(lines) else "") + "\n".join(lines[k + 1 :])
            base = head + "\n\n".join(pieces_a) + tail
            planted = head + "\n\n".join(pieces_b) + tail
            q0 = len(head) + sum(len(x) + 2 for x in pieces_b[:-1])
            return base, planted, q0, len(bare), len(pieces_a[-1]) - len(bare)
    return None


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--corpus", default=CORPUS)
    ap.add_argument("--show", type=int, default=0)
    args = ap.parse_args()
    reporting = _patterns()[0]
    files = sorted(
        os.path.join(dp, f) for dp, _dn, fs in os.walk(args.corpus) for f in fs if f.endswith(".txt") and f != "README.TXT"
    )
    cfg = Config()
    planted = hits = collateral = 0
    misses, extras = [], []
    for path in files:
        with open(path, encoding="utf-8", errors="replace") as fh:
            text = fh.read()
        result = plant(text, reporting)
        if result is None:
            continue
        base, new, q0, qlen, removed = result
        rel = os.path.relpath(path, args.corpus)
        cut = q0 + qlen  # everything after the quotation moves back by the clause removed
        before = {(f.rule, f.start, f.end) for f in check_document(Document(base, rel, "text"), cfg)}
        moved = {(r, s - removed if s >= cut else s, e - removed if s >= cut else e) for r, s, e in before}
        after = check_document(Document(new, rel, "text"), cfg)
        planted += 1
        hit = [f for f in after if f.rule == "attribution.unattributed-quote" and q0 <= f.start < q0 + qlen]
        if hit:
            hits += 1
        else:
            misses.append((rel, new[q0 : q0 + qlen]))
        new_elsewhere = [f for f in after if (f.rule, f.start, f.end) not in moved and f not in hit]
        if new_elsewhere:
            collateral += 1
            extras.append((rel, [(f.rule, f.line, f.message) for f in new_elsewhere]))
    print(f"{len(files)} articles, {planted} with a stripped attribution planted")
    print(f"recall: {hits}/{planted} = {hits / max(planted, 1):.3f}")
    print(f"collateral: new findings elsewhere in {collateral}/{planted} articles = {collateral / max(planted, 1):.1%}")
    if args.show:
        for rel, para in misses[: args.show]:
            print(f"\nMISS {rel}: {para[:160]}")
        for rel, fs in extras[: args.show]:
            print(f"\nCOLLATERAL {rel}: {fs}")


if __name__ == "__main__":
    main()
