"""grammar: LanguageTool through a real server (the `lt_server` fixture: an integration test,
skipped outside CI when no server is installed, failing in CI), and what copydesk does when the
server fails (a small failing HTTP server in this file plays each failure; it is never used as
LanguageTool itself)."""

import http.server
import json
import os
import socketserver
import threading
import time
import urllib.parse

import pytest

from conftest import cut
from copydesk import languagetool
from copydesk.checks.grammar import FAMILY, settings_for
from copydesk.config import Config
from copydesk.document import Document
from copydesk.engine import check_document
from copydesk.house import load_house


def _grammar(text, url, name="story.txt", fmt="text", cache_path=None, **cfg):
    grammar = {"enabled": True, "server": url, **cfg.pop("grammar", {})}
    with languagetool.session(use_cache=cache_path is not None, cache_path=cache_path) as s:
        findings = check_document(Document(text, name, fmt), Config(grammar=grammar, **cfg))
        assert s.failure is None, s.failure
    return findings


# --- without a server -----------------------------------------------------------------------

def test_utf16_offsets_map_to_characters():
    text = "Née 🎉 in Zürich 👍🏽 ok"
    to_index = languagetool.utf16_to_index(text)
    # LanguageTool counts an emoji as two UTF-16 units: "ok" starts at unit 21, character 18.
    assert languagetool.utf16_len(text) == len(text.encode("utf-16-le")) // 2
    assert text[to_index(len("Née 🎉 in Zürich 👍🏽 ".encode("utf-16-le")) // 2):] == "ok"
    assert to_index(0) == 0 and to_index(languagetool.utf16_len(text)) == len(text)


def test_house_sets_the_language_and_turns_rules_off():
    british, _globs = settings_for(load_house("british"), {})
    assert british.language == "en-GB" and "MORFOLOGIK_RULE_EN_GB" in british.disabled
    assert "HE_VERB_AGR" in british.disabled and "PUNCTUATION" in british.disabled_categories
    _s, globs = settings_for(load_house("british"), {})
    assert "OXFORD_SPELLING_*" in globs
    american, _g = settings_for(load_house("american"), {"disabled_rules": ["EN_A_VS_AN"]})
    assert american.language == "en-US" and "EN_A_VS_AN" in american.disabled
    assert "HE_VERB_AGR" not in american.disabled
    back, _g = settings_for(load_house("british"), {"enabled_rules": ["WHITESPACE_RULE"]})
    assert "WHITESPACE_RULE" not in back.disabled and "WHITESPACE_RULE" in back.enabled


def test_grammar_config_errors_name_line_and_key(tmp_path, run_cli):
    cfg = tmp_path / "copydesk.yaml"
    cfg.write_text("grammar:\n  enabled: true\n  concurrency: 0\n", encoding="utf-8")
    (tmp_path / "story.txt").write_text("Head\n\nText.\n", encoding="utf-8")
    r = run_cli("check", str(tmp_path / "story.txt"))
    assert r.returncode == 2 and b"copydesk.yaml:3" in r.stderr and b"grammar.concurrency" in r.stderr
    cfg.write_text("grammar:\n  servr: http://x\n", encoding="utf-8")
    r = run_cli("check", str(tmp_path / "story.txt"))
    assert r.returncode == 2 and b"grammar.servr" in r.stderr and b"Traceback" not in r.stderr


def test_nothing_installed_and_no_server_exits_2_with_one_sentence(tmp_path, run_cli):
    story = tmp_path / "story.txt"
    story.write_text("Head\n\nMr. Smith said so.\n", encoding="utf-8")
    env = {k: v for k, v in os.environ.items() if k != "COPYDESK_LT_SERVER"}
    env["COPYDESK_CACHE_DIR"] = str(tmp_path / "empty-cache")
    r = run_cli("check", "--grammar", str(story), env=env)
    assert r.returncode == 2
    errors = [line for line in r.stderr.decode().splitlines() if line.startswith("copydesk: error:")]
    assert len(errors) == 1 and "copydesk grammar install" in errors[0] and "--lt-server" in errors[0]
    assert b"style.honorific" in r.stdout  # the other checkers' findings are still reported
    assert b"Traceback" not in r.stderr


class _Failing(http.server.BaseHTTPRequestHandler):
    """Answers /v2/languages and the first (warm-up) check as LanguageTool does, then fails
    every check in the way the server's `mode` says."""

    mode = "ok"
    checks = 0

    def log_message(self, *a):
        pass

    def _json(self, body, status=200):
        data = json.dumps(body).encode()
        self.send_response(status)
        self.send_header("Content-Type", "application/json")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        self.wfile.write(data)

    def do_GET(self):
        self._json([{"name": "English (GB)", "code": "en", "longCode": "en-GB"}])

    def do_POST(self):
        size = int(self.headers.get("Content-Length", 0))
        form = urllib.parse.parse_qs(self.rfile.read(size).decode())
        cls = type(self)
        cls.checks += 1
        text = form.get("text", [""])[0]
        if cls.checks == 1 or cls.mode == "ok":
            return self._json({"software": {"version": "6.8"}, "matches": []})
        if cls.mode == "500":
            data = b"Error: internal error"
            self.send_response(500)
            self.send_header("Content-Length", str(len(data)))
            self.end_headers()
            self.wfile.write(data)
        elif cls.mode == "length":  # a reply for another, longer text
            self._json({"software": {"version": "6.8"}, "matches": [{
                "message": "x", "offset": len(text) + 5, "length": 3, "replacements": [],
                "rule": {"id": "X", "issueType": "grammar", "category": {"id": "GRAMMAR"}},
                "context": {"text": "", "offset": 0, "length": 0}}]})
        elif cls.mode == "slow":
            time.sleep(3)
            self._json({"software": {"version": "6.8"}, "matches": []})
        elif cls.mode == "down":
            self.wfile.flush()
            self.connection.shutdown(2)  # the server goes away mid-run


@pytest.fixture
def failing_server():
    class Handler(_Failing):
        pass

    class Quiet(socketserver.ThreadingTCPServer):
        def handle_error(self, request, client_address):
            pass  # the client hanging up on a slow or dead answer is the point of these tests

    srv = Quiet(("127.0.0.1", 0), Handler)
    srv.daemon_threads = True
    threading.Thread(target=srv.serve_forever, daemon=True).start()
    yield Handler, f"http://127.0.0.1:{srv.server_address[1]}"
    srv.shutdown()
    srv.server_close()


@pytest.mark.parametrize("mode,words", [("500", "internal error"), ("length", "another length"),
                                        ("slow", "timed out"), ("down", "failed")])
def test_server_failures_give_grammar_unavailable_naming_the_file(failing_server, mode, words, tmp_path, run_cli):
    handler, url = failing_server
    handler.mode = mode
    (tmp_path / "copydesk.yaml").write_text("grammar:\n  request_timeout: 1\n", encoding="utf-8")
    story = tmp_path / "story.txt"
    story.write_text("Head\n\nMr. Smith said so.\n", encoding="utf-8")
    r = run_cli("check", "--no-cache", "--lt-server", url, "--format", "json", str(story), cwd=str(tmp_path))
    assert r.returncode == 2, r.stderr
    report = json.loads(r.stdout)
    rules = [f["rule"] for f in report["files"][0]["findings"]]
    assert "style.honorific" in rules  # the other findings are kept
    gone = [f for f in report["files"][0]["findings"] if f["rule"] == "grammar.unavailable"]
    assert len(gone) == 1 and str(story) in gone[0]["message"]
    assert words in gone[0]["message"].lower() or (mode == "slow" and "timeout" in gone[0]["message"].lower())
    assert b"Traceback" not in r.stderr


# --- with a real LanguageTool server ----------------------------------------------------------

def test_a_real_slip_is_found_at_its_exact_characters(lt_server):
    text = "Budget 🎉\n\nMs Łukasiewicz 👍🏽 said the minister had became the leader of the of the party.\n"
    found = [f for f in _grammar(text, lt_server) if f.rule.startswith("grammar.")]
    by_rule = {f.rule: f for f in found}
    slip = by_rule["grammar.have_part_agreement"]
    assert cut(text, slip.line, slip.column, slip.end_line, slip.end_column) == "became"
    assert slip.suggestions == ("become",) and slip.fix is not None and not slip.fix.safe
    assert "(LanguageTool HAVE_PART_AGREEMENT, grammar)" in slip.message
    twice = by_rule["grammar.phrase_repetition"]
    assert cut(text, twice.line, twice.column, twice.end_line, twice.end_column) == "of the of the"


def test_markdown_positions_through_markup(lt_server):
    text = "---\ntitle: Budget\n---\n# Budget\n\nThe **minister** had became *the* leader.\n"
    found = [f for f in _grammar(text, lt_server, "story.md", "markdown") if f.rule == "grammar.have_part_agreement"]
    assert len(found) == 1
    assert cut(text, found[0].line, found[0].column, found[0].end_line, found[0].end_column) == "became"


def test_british_copy_names_and_long_quotations_are_not_flagged(lt_server):
    text = ("Council budget\n\n"
            "Mr Smith said the colour of the organisation's new logo had been chosen by Wojciech Szczęsny.\n\n"
            "“We will organise the event in the autumn,” he said. “It will be the best we have held.\n\n"
            "“Everyone is welcome to come along.”\n\n"
            "England are expected to win, and Chelsea have signed a new striker.\n")
    found = [f for f in _grammar(text, lt_server) if f.rule.startswith("grammar.")]
    assert found == []


def test_accepted_words_are_never_reported(lt_server):
    text = "Council budget\n\nThe mayor met Zelenkowicz on Monday.\n"
    spelling = {"grammar": {"enabled_rules": ["MORFOLOGIK_RULE_EN_GB"]}}
    flagged = [f for f in _grammar(text, lt_server, **spelling) if f.rule == "grammar.morfologik_rule_en_gb"]
    assert [cut(text, f.line, f.column, f.end_line, f.end_column) for f in flagged] == ["Zelenkowicz"]
    assert not [f for f in _grammar(text, lt_server, accept=["Zelenkowicz"], **spelling) if f.rule.startswith("grammar.")]


def test_family_examples_run_on_the_real_server(lt_server):
    for ex in FAMILY.bad:
        assert [f for f in _grammar(ex.text, lt_server) if f.rule.startswith("grammar.")], ex.text
    for ex in FAMILY.good:
        assert not [f for f in _grammar(ex.text, lt_server) if f.rule.startswith("grammar.")], ex.text


def test_an_edited_paragraph_is_the_only_one_sent_again(lt_server, tmp_path):
    paras = ["The council met on Monday.", "It agreed the budget after a short debate.", "Work will start in May."]
    cache = str(tmp_path / "cache.sqlite3")
    cfg = Config(grammar={"enabled": True, "server": lt_server})

    def sent(texts):
        with languagetool.session(cache_path=cache) as s:
            check_document(Document("Budget\n\n" + "\n\n".join(texts) + "\n", "story.txt", "text"), cfg)
            assert s.failure is None
            return s.sent, s.cached

    assert sent(paras) == (3, 0)
    assert sent(paras) == (0, 3)
    edited = [paras[0], "It agreed the budget after a long debate.", paras[2]]
    assert sent(edited) == (1, 2)


def test_cli_with_a_real_server_and_the_cache_off(lt_server, tmp_path, run_cli):
    story = tmp_path / "story.txt"
    story.write_text("Budget\n\nThe minister had became the leader.\n", encoding="utf-8")
    env = dict(os.environ, COPYDESK_CACHE_DIR=str(tmp_path / "cache"))
    r = run_cli("check", "--lt-server", lt_server, "--no-cache", "--format", "json", str(story), env=env)
    assert r.returncode == 0, r.stderr  # warnings do not fail the run by default
    rules = [f["rule"] for f in json.loads(r.stdout)["files"][0]["findings"]]
    assert rules == ["grammar.have_part_agreement"]
    assert not (tmp_path / "cache" / "grammar-cache.sqlite3").exists()
    r = run_cli("check", "--lt-server", lt_server, "--fix", "--unsafe-fixes", str(story), env=env)
    assert story.read_text(encoding="utf-8") == "Budget\n\nThe minister had become the leader.\n"
    r = run_cli("check", "--lt-server", lt_server, "--ignore", "grammar.have_part_agreement", str(story), env=env)
    assert r.returncode == 0


def test_without_the_grammar_extra_the_message_says_what_to_install(tmp_path):
    import subprocess
    import sys
    import textwrap

    story = tmp_path / "story.txt"
    story.write_text("Head\n\nMr. Smith said so.\n", encoding="utf-8")
    code = textwrap.dedent(f"""
        import sys
        class Hide:
            def find_spec(self, name, path=None, target=None):
                if name.split(".")[0] in ("language_tool_python", "requests"):
                    raise ImportError(name)
        sys.meta_path.insert(0, Hide())
        from copydesk.cli import main
        sys.argv = ["copydesk", "check", "--grammar", {str(story)!r}]
        main()
    """)
    r = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert r.returncode == 2, r.stderr
    assert "pip install 'copydesk[grammar]'" in r.stderr and "Traceback" not in r.stderr
    assert "style.honorific" in r.stdout
