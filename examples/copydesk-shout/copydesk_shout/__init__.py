"""An example third-party checker: words of five letters or more set in capitals."""

import re

from copydesk.checker import Checker, Rule, examples

CAPS = re.compile(r"\b[A-Z]{5,}\b")


class ShoutChecker(Checker):
    id = "shout"
    description = "Words in capitals."
    rules = (
        Rule(
            "shout.capitals",
            "warning",
            "A word set in capitals.",
            "Capitals shout; house style sets words in lower case (acronyms aside).",
            good=examples("Head\n\nThe council said no.\n"),
            bad=examples("Head\n\nThe council said NEVER.\n"),
            fix="safe",
        ),
    )

    def check(self, doc, ctx):
        for block in doc.blocks:
            if not block.is_body:
                continue
            for m in CAPS.finditer(block.text):
                start, end = block.prose.source_span(m.start(), m.end())
                word = m.group(0)
                yield ctx.finding("shout.capitals", start, end, f"“{word}” is set in capitals.",
                                  [word.lower()])
