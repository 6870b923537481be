"""An example third-party checker: words of five letters or more set in capitals, with an
option and a fix, as a plugin declares them."""

import re

from copydesk.checker import Checker, Option, Rule, examples
from copydesk.finding import Edit

CAPS = re.compile(r"\b[A-Z]{5,}\b")


class ShoutChecker(Checker):
    id = "shout"  # the entry-point name must be this id
    description = "Words in capitals."
    options = {"allow": Option(list, [], "Words in capitals that are names (NASDAQ), never reported.")}
    rules = (
        Rule(
            "shout.capitals",
            "warning",
            "A word set in capitals.",
            "Capitals shout; house style sets words in lower case (acronyms aside). The fix sets "
            "the word in lower case; it is unsafe, because an acronym of five letters is not a shout.",
            good=examples("Head\n\nThe council said no.\n"),
            bad=examples("Head\n\nThe council said NEVER.\n"),
            fix="unsafe",
            fixable="sometimes",
        ),
    )

    def check(self, doc, ctx):
        allowed = set(ctx.option("allow"))
        for block in doc.blocks:
            if not block.is_body:
                continue
            for m in CAPS.finditer(block.text):
                word = m.group(0)
                if word in allowed:
                    continue
                start, end = block.prose.source_span(m.start(), m.end())
                # A fix only where the file holds the word as the prose does (not split by markup).
                edits = [Edit(start, end, word.lower())] if block.prose.verbatim(m.start(), m.end()) else None
                yield ctx.finding("shout.capitals", start, end, f"“{word}” is set in capitals.",
                                  [word.lower()], edits=edits)
