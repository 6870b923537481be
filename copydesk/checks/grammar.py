"""grammar: grammar slips found by LanguageTool (a real server; see copydesk/languagetool.py),
one paragraph of prose at a time, with a profile for news copy and the house's language.

Off unless asked for (--grammar, --lt-server URL, or `grammar: {enabled: true}` in config). Rule
ids are `grammar.<LanguageTool rule id in lower case>`; LanguageTool's category is kept."""

from __future__ import annotations

import fnmatch
from functools import lru_cache
from ..checker import Checker, Context, Rule, examples, rules_from
from ..document import Document
from ..finding import Edit, Finding, Fix
from ..house import House, load_data_pack
from .credits import is_credit_line
from .readability import DOUBLED_OK
from .. import recache

TYPE_CHECKING = False  # typing's own flag, without importing typing: a fresh process does without it

if TYPE_CHECKING:
    from .. import languagetool

SEVERITY = {"grammar": "warning", "misspelling": "warning", "duplication": "warning", "typographical": "warning",
            "whitespace": "warning"}  # style, locale-violation, uncategorized and the rest: info
# "an £80m charge" is read "an eighty million": LanguageTool judges the article by the symbol.
FIGURE_AFTER_RE = recache.compile(r"\s*[£$€¥\d]")

FAMILY = Rule(
    "grammar.*",
    "warning",
    "A grammar slip LanguageTool finds: a doubled word, a wrong verb form, a/an, a missing word.",
    "Each finding is one LanguageTool rule's (its id in lower case after `grammar.`, its category "
    "in the report). The news profile (copydesk/rules/grammar.yaml) leaves out what news copy "
    "does on purpose or what other checkers own: spelling (style.spelling knows names), "
    "quotations over several paragraphs (quotes), -ise spellings in British copy, comma and "
    "compound-word style. A house pack sets the language (en-GB for british) and turns off more "
    "rules; config may too (grammar.disabled_rules). Words in `accept` are never reported. "
    "A suggestion becomes a fix (unsafe) only when LanguageTool offers exactly one.",
    good=examples("Council budget\n\nMr Smith said the colour of the organisation's logo had changed.\n"),
    bad=examples("Council budget\n\nThe minister had became the leader of the of the party.\n"),
    fix="unsafe",
)


@lru_cache(maxsize=1)
def profile() -> dict:
    return load_data_pack("grammar.yaml", {"disabled_rules": list, "disabled_categories": list})


def _split(ids) -> tuple[tuple[str, ...], tuple[str, ...]]:
    """Rule ids LanguageTool can be told to turn off, and patterns (with *) filtered here."""
    exact = tuple(sorted({i for i in ids if "*" not in i}))
    globs = tuple(sorted({i for i in ids if "*" in i}))
    return exact, globs


def settings_for(house: House, options: dict) -> tuple[languagetool.Settings, tuple[str, ...]]:
    from .. import languagetool  # noqa: F811  (imported when grammar is on: a run without it does without)

    prof = profile()
    section = house.section("grammar")
    disabled = list(prof["disabled_rules"]) + list(section.get("disabled_rules", [])) + list(options.get("disabled_rules", []))
    enabled = list(section.get("enabled_rules", [])) + list(options.get("enabled_rules", []))
    disabled = [d for d in disabled if d not in enabled]
    exact, globs = _split(disabled)
    cats = tuple(sorted(set(prof["disabled_categories"]) | set(section.get("disabled_categories", []))))
    language = options.get("language") or section.get("language") or "en-GB"
    return languagetool.Settings(language, exact, tuple(sorted(set(enabled))), cats), globs


class GrammarChecker(Checker):
    id = "grammar"
    description = "Grammar slips, found by a LanguageTool server (off unless grammar checking is turned on)."
    budgeted = False  # its requests carry their own timeouts; a server's first answers are slow
    family = FAMILY
    rules = rules_from("grammar")  # copydesk/checks/grammar.yaml

    def check(self, doc: Document, ctx: Context):
        if not ctx.grammar:
            return []
        from .. import languagetool  # noqa: F811

        sess = languagetool.active()
        if sess is None:
            return [self._unavailable(doc, "grammar checking is on but no LanguageTool session is open "
                                           "(use copydesk.languagetool.session())")]
        settings, globs = settings_for(ctx.house, ctx.grammar)
        client = sess.client(settings, ctx.grammar)
        if client is None:
            return []  # grammar could not start: said once for the run (session.failure)
        blocks = [b for b in ctx.read(doc).blocks
                  if b.is_body and b.text.strip() and not (len(b.text) <= 200 and is_credit_line(b.text, ctx.house, True))]
        try:
            results = client.check_all([b.text for b in blocks])
        except languagetool.GrammarUnavailable as exc:
            return [self._unavailable(doc, str(exc))]
        out = []
        for b, matches in zip(blocks, results):
            t = b.text
            index = languagetool.utf16_to_index(t)
            for m in matches:
                rule = m["rule"]
                if any(fnmatch.fnmatchcase(rule, g) for g in globs):
                    continue
                a, z = index(m["offset"]), index(m["offset"] + m["length"])
                if z <= a:
                    continue
                words = t[a:z].strip()
                if ctx.accepted(words) or any(ctx.accepted(w) for w in words.split()):
                    continue
                if rule == "EN_A_VS_AN" and FIGURE_AFTER_RE.match(t, z):
                    continue
                pair = t[a:z].split()
                if rule == "ENGLISH_WORD_REPEAT_RULE" and (
                        any(c.isdigit() for c in t[a:z]) or (pair or [""])[0].lower() in DOUBLED_OK
                        or len({w[:1].isupper() for w in pair}) > 1 or all(w[:1].isupper() for w in pair)):
                    continue  # a score ("6-2 6-2"), a double English allows ("had had"), a title or a name
                    # ("law lord Lord Bingham", "Soldier Soldier", "Please Please Me")
                if rule == "COMMA_PARENTHESIS_WHITESPACE" and t[z:z + 1].isalnum():
                    continue  # ".m3u", ".travel": a file extension or a domain, not a stop
                s, e = b.prose.source_span(a, z)
                reps = [r for r in m["replacements"] if r != t[a:z]]
                fix = None
                if len(reps) == 1 and b.prose.verbatim(a, z):
                    fix = Fix((Edit(s, e, reps[0]),), safe=False)
                message = m["message"].strip() or "LanguageTool reports a problem here."
                if not message.endswith((".", "?", "!")):
                    message += "."
                ctx.made += 1
                out.append(Finding(f"grammar.{rule.lower()}", SEVERITY.get(m["issue"], "info"),
                                   f"{message} (LanguageTool {rule}, {m['category'].lower() or 'misc'})", s, e,
                                   reps[:3], fix))
        return out

    def _unavailable(self, doc: Document, why: str) -> Finding:
        return Finding("grammar.unavailable", "error",
                       f"Grammar was not checked in {doc.path}: {why}", 0, 0)
