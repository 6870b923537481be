"""The HTTP API of `copydesk serve`, in-process through Starlette's test client: the answers a
CMS gets, their offsets, and what a bad request gets."""

from __future__ import annotations

import json
import os

import pytest

pytest.importorskip("starlette", reason="copydesk[serve] is not installed")
from starlette.testclient import TestClient  # noqa: E402

from copydesk import Linter  # noqa: E402
from copydesk.checker import Checker, Rule  # noqa: E402
from copydesk.web.app import create_app  # noqa: E402
from conftest import FIXTURES, require_shared  # noqa: E402

DRAFT = "Council vote\n\nMr. Smith said the plan was fine 😀 and Dr. Jones agreed.\n"


@pytest.fixture(scope="module")
def client():
    with TestClient(create_app(), raise_server_exceptions=False) as c:
        yield c


def post(client, path, body, **kw):
    return client.post(path, content=json.dumps(body), headers={"Content-Type": "application/json", **kw.pop("headers", {})}, **kw)


def test_health_and_openapi(client):
    from openapi_spec_validator import validate

    assert client.get("/healthz").json()["status"] == "ok"
    spec = client.get("/openapi.json").json()
    validate(spec)  # raises on an invalid OpenAPI document
    assert {"/v1/check", "/v1/fix", "/v1/rules", "/healthz"} <= set(spec["paths"])


def test_check_gives_the_json_reports_findings_with_offsets(client, run_cli):
    seed = require_shared("seed", "belarus-draft.txt")
    text = open(seed, encoding="utf-8").read()
    got = post(client, "/v1/check", {"text": text, "path": "belarus-draft.txt"})
    assert got.status_code == 200
    findings = got.json()["files"][0]["findings"]
    cli = json.loads(run_cli("check", "--format", "json", seed).stdout)["files"][0]["findings"]
    extra = ("start", "end", "start_utf16", "end_utf16")
    stripped = [{k: v for k, v in f.items() if k not in extra} for f in findings]
    for f in stripped:
        for e in (f["fix"] or {}).get("edits", []):
            e.pop("start_utf16"), e.pop("end_utf16")
    assert stripped == cli
    assert {f["line"] for f in findings if f["severity"] != "info"} >= {1, 3, 5, 7, 9, 11, 39}
    for f in findings:  # code-point offsets cut the excerpt out of the text sent
        assert text[f["start"]:f["end"]] == f["excerpt"] or f["excerpt"] in text[f["start"]:f["end"]]


def test_utf16_offsets_are_what_javascript_counts(client):
    body = post(client, "/v1/check", {"text": DRAFT, "select": ["style.honorific"]}).json()
    units = DRAFT.encode("utf-16-le")
    jones = [f for f in body["files"][0]["findings"] if f["line"] == 3 and f["column"] > 30]
    assert jones, body
    for f in body["files"][0]["findings"]:
        assert units[2 * f["start_utf16"]:2 * f["end_utf16"]].decode("utf-16-le") == DRAFT[f["start"]:f["end"]] == "Dr." or \
            DRAFT[f["start"]:f["end"]] == "Mr."
    assert jones[0]["start_utf16"] == jones[0]["start"] + 1  # one emoji before it: two units for one code point
    edit = jones[0]["fix"]["edits"][0]
    assert edit["start_utf16"] == edit["start"] + 1


def test_fix_returns_the_text_and_edits_that_make_it(client):
    got = post(client, "/v1/fix", {"text": DRAFT}).json()
    assert got["text"] == Linter().fix(DRAFT).text
    assert "Mr Smith" in got["text"] and "Dr Jones" in got["text"]
    text = DRAFT
    for e in sorted(got["edits"], key=lambda e: -e["start"]):
        text = text[:e["start"]] + e["text"] + text[e["end"]:]
    assert text == got["text"]
    units = DRAFT.encode("utf-16-le")
    for e in sorted(got["edits"], key=lambda e: -e["start_utf16"]):
        units = units[:2 * e["start_utf16"]] + e["text"].encode("utf-16-le") + units[2 * e["end_utf16"]:]
    assert units.decode("utf-16-le") == got["text"]
    assert got["applied"] == 2 and got["rules"] == ["style.honorific"]
    assert all(f["rule"] != "style.honorific" for f in got["files"][0]["findings"])


def test_house_select_ignore_and_kind(client):
    american = post(client, "/v1/check", {"text": "Mr Smith said the colour was fine.\n", "house": "american"}).json()
    assert {f["rule"] for f in american["files"][0]["findings"]} >= {"style.honorific"}
    none = post(client, "/v1/check", {"text": DRAFT, "ignore": ["style"]}).json()
    assert all(not f["rule"].startswith("style.") for f in none["files"][0]["findings"])
    md = post(client, "/v1/check", {"text": "---\ntitle: x\n---\n\nMr. Smith said so.\n", "kind": "markdown"}).json()
    assert [(f["line"], f["rule"]) for f in md["files"][0]["findings"] if f["rule"] == "style.honorific"] == [(5, "style.honorific")]


def test_rules_lists_every_rule(client):
    got = client.get("/v1/rules").json()
    ids = {r["id"] for r in got["rules"]}
    assert "style.honorific" in ids and "layout.page-furniture" in ids and len(ids) > 30 and got["houses"] == ["american", "british"]


@pytest.mark.parametrize("body,status,says", [
    (b"{not json", 400, "malformed JSON"),
    (b"[1, 2]", 400, "JSON object"),
    (b'{"text": 5}', 400, '"text" must be a string'),
    (b'{"text": "x", "kind": "docx"}', 400, '"kind" must be one of'),
    (b'{"text": "x", "house": "/etc/passwd"}', 400, '"house" must be one of'),
    (b'{"text": "x", "select": ["style.nope"]}', 400, "unknown rule or checker"),
    (b'{"text": "x", "config": "copydesk.yaml"}', 400, "unknown field 'config'"),
    (b'{"text": "x", "unsafe": true}', 400, "unknown field 'unsafe'"),  # /v1/fix only
    (b'{"text": "x", "select": "style, quotes"}', 400, '"select" must be a list'),
    (b'{"text": "x", "select": []}', 400, "nothing would be checked"),
    (b'{"text": "\\ud83d Mr. X"}', 400, "half of a UTF-16 pair"),
    (b'{"text": "x", "path": "\\udc00.md"}', 400, '"path" must be a file name'),
    (b"\xff\xfe", 400, "not UTF-8"),
    (b"[" * 100000 + b"]" * 100000, 400, "malformed JSON"),
])
def test_bad_requests_get_a_status_and_a_reason(client, body, status, says):
    got = client.post("/v1/check", content=body, headers={"Content-Type": "application/json"})
    assert got.status_code == status, got.text
    err = got.json()["error"]
    assert says in err["message"] and err["severity"] == "error"


def test_fix_takes_unsafe_and_checks_it(client):
    got = client.post("/v1/fix", content=b'{"text": "x", "unsafe": "yes"}', headers={"Content-Type": "application/json"})
    assert got.status_code == 400 and '"unsafe" must be true or false' in got.json()["error"]["message"]
    assert post(client, "/v1/fix", {"text": "Mr. Smith.\n", "unsafe": True}).status_code == 200


def test_a_wrong_method_is_405_with_the_methods_allowed(client):
    got = client.get("/v1/check")
    assert got.status_code == 405 and got.headers["allow"] == "POST" and got.json()["error"]["message"]


def test_wrong_content_type_is_415(client):
    got = client.post("/v1/check", content=b"text=hello", headers={"Content-Type": "application/x-www-form-urlencoded"})
    assert got.status_code == 415 and "application/json" in got.json()["error"]["message"]


def test_body_over_the_limit_is_413_with_or_without_a_length():
    with TestClient(create_app(max_body=4096)) as c:
        big = json.dumps({"text": "word " * 2000}).encode()
        assert post(c, "/v1/check", {"text": "word " * 2000}).status_code == 413
        chunked = c.post("/v1/check", content=iter([big[:3000], big[3000:]]), headers={"Content-Type": "application/json"})
        assert chunked.status_code == 413 and "limit" in chunked.json()["error"]["message"]
        assert post(c, "/v1/check", {"text": "Mr. Smith.\n"}).status_code == 200


def test_token_guards_the_api_but_not_health():
    with TestClient(create_app(token="s3cret")) as c:
        none = post(c, "/v1/check", {"text": "x"})
        assert none.status_code == 401 and "needs its access token" in none.json()["error"]["message"]
        assert none.headers["www-authenticate"] == "Bearer"
        wrong = post(c, "/v1/check", {"text": "x"}, headers={"Authorization": "Bearer wrong"})
        assert wrong.status_code == 401 and wrong.json()["error"]["message"] == "the access token is wrong"
        assert c.get("/v1/rules").status_code == 401
        assert post(c, "/v1/check", {"text": "x"}, headers={"Authorization": "Bearer s3cret"}).status_code == 200
        assert c.get("/healthz").status_code == 200


class Failing(Checker):
    id = "failing"
    description = "Fails on a draft that says 'boom'."
    rules = (Rule("failing.boom", "warning", "Boom.", "A test checker."),)

    def check(self, doc, ctx):
        if "boom" in doc.text:
            raise RuntimeError("the checker broke")
        return iter(())


def test_a_checker_failure_is_a_500_shaped_as_a_finding_and_the_server_goes_on():
    with TestClient(create_app(checkers=[Failing()]), raise_server_exceptions=False) as c:
        bad = post(c, "/v1/check", {"text": "boom\n"})
        assert bad.status_code == 500
        err = bad.json()["error"]
        assert err["rule"] == "copydesk.internal-error" and "broke" in err["message"]
        assert post(c, "/v1/check", {"text": "calm\n"}).status_code == 200


def test_the_page_and_its_files_are_served_with_no_outside_asset(client):
    page = client.get("/")
    assert page.status_code == 200 and "text/html" in page.headers["content-type"]
    assert "default-src 'none'" in page.headers["content-security-policy"]
    for name in ("/app.js", "/app.css"):
        assert client.get(name).status_code == 200
    for body in (page.text, client.get("/app.js").text, client.get("/app.css").text):
        assert "http://" not in body and "https://" not in body and "//cdn" not in body


def test_no_request_reads_a_file(client, tmp_path):
    secret = tmp_path / "copydesk.yaml"
    secret.write_text("house: american\n")
    got = post(client, "/v1/check", {"text": "Mr. Smith.\n", "path": str(secret)})
    assert got.status_code == 200  # the path only names the draft
    assert got.json()["files"][0]["path"] == str(secret)
    assert any(f["rule"] == "style.honorific" for f in got.json()["files"][0]["findings"])  # british, not the file's american
    assert os.path.isdir(FIXTURES)
