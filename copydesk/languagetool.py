"""LanguageTool for the grammar checker: the pinned server fetched from Maven Central, started and
stopped for a run, and a client that sends paragraphs to it through language-tool-python (in
remote-server mode, so it connects only to that server and never downloads anything), with a
result cache on disk.

Three ways to get a server:
- an existing one: --lt-server URL, COPYDESK_LT_SERVER or `grammar: {server: URL}` in config;
- the installed one (`copydesk grammar install`), started for the run and stopped after it;
- `copydesk grammar serve`, in the foreground, for editors and repeated runs.
"""

from __future__ import annotations

import json
import os
import re
import threading
import time
from contextlib import contextmanager
from dataclasses import dataclass, field

LT_VERSION = "6.8"
MAVEN_GROUP = "org.languagetool"
ARTIFACTS = ("languagetool-server", "language-en")
SERVER_CLASS = "org.languagetool.server.HTTPServer"
JAVA_MIN = 17
STARTUP_SECONDS = 180  # the first check loads every rule: 7-25 s on a small machine, more when loaded
HEAP = "-Xmx512m"
POM = f"""<project xmlns="http://maven.apache.org/POM/4.0.0">
  <modelVersion>4.0.0</modelVersion>
  <groupId>copydesk</groupId>
  <artifactId>languagetool-runtime</artifactId>
  <version>{LT_VERSION}</version>
  <packaging>pom</packaging>
  <dependencies>
""" + "".join(f"""    <dependency>
      <groupId>{MAVEN_GROUP}</groupId>
      <artifactId>{a}</artifactId>
      <version>{LT_VERSION}</version>
    </dependency>
""" for a in ARTIFACTS) + """  </dependencies>
</project>
"""
# LanguageTool's own cache of checked sentences (0 unless set).
PROPERTIES = "cacheSize=2000\n"
WARM_UP = "This is a sentence for warming up LanguageTool."


class GrammarUnavailable(Exception):
    """LanguageTool cannot be reached or gave an answer copydesk cannot use."""


def cache_dir() -> str:
    from .cachedir import folder

    return os.environ.get("COPYDESK_CACHE_DIR") or folder()


def install_dir() -> str:
    return os.path.join(cache_dir(), f"languagetool-{LT_VERSION}")


def _classpath_file() -> str:
    return os.path.join(install_dir(), "classpath.txt")


def installed_classpath() -> str | None:
    """The class path of the installed server, or None when it is not (wholly) installed."""
    try:
        with open(_classpath_file(), encoding="utf-8") as f:
            cp = f.read().strip()
    except OSError:
        return None
    jars = cp.split(os.pathsep)
    if not cp or not all(os.path.isfile(j) for j in jars):
        return None
    return cp


def java_problem() -> str | None:
    """Why Java cannot run LanguageTool here, or None."""
    import shutil
    import subprocess

    java = shutil.which("java")
    if java is None:
        return f"Java {JAVA_MIN} or newer is not installed (Debian: apt-get install openjdk-{JAVA_MIN}-jre-headless)"
    try:
        out = subprocess.run([java, "-version"], capture_output=True, text=True, timeout=60)
    except (OSError, subprocess.TimeoutExpired) as exc:
        return f"java -version failed: {exc}"
    m = re.search(r'version "(\d+)(?:\.(\d+))?', out.stderr + out.stdout)
    if not m:
        return "cannot tell the version of Java installed"
    major = int(m.group(1)) if m.group(1) != "1" else int(m.group(2) or 0)
    if major < JAVA_MIN:
        return f"LanguageTool {LT_VERSION} needs Java {JAVA_MIN} or newer; this is Java {major}"
    return None


def install(say=print) -> str:
    """Fetch the pinned LanguageTool jars from Maven Central with Maven and record their class
    path. Returns the class path; raises GrammarUnavailable with what is missing."""
    import subprocess

    problem = java_problem()
    if problem:
        raise GrammarUnavailable(problem)
    import shutil

    mvn = shutil.which("mvn")
    if mvn is None:
        raise GrammarUnavailable("Maven is not installed (Debian: apt-get install maven); it fetches LanguageTool's jars")
    folder = install_dir()
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, "pom.xml"), "w", encoding="utf-8") as f:
        f.write(POM)
    with open(os.path.join(folder, "server.properties"), "w", encoding="utf-8") as f:
        f.write(PROPERTIES)
    out = os.path.join(folder, "classpath.txt.part")
    say(f"Fetching LanguageTool {LT_VERSION} with Maven (about 270 MB the first time) ...")
    cmd = [mvn, "-B", "-q", "-f", os.path.join(folder, "pom.xml"), "dependency:build-classpath", f"-Dmdep.outputFile={out}"]
    repo = os.environ.get("COPYDESK_MAVEN_REPO")
    if repo:
        cmd.append(f"-Dmaven.repo.local={repo}")
    try:
        run = subprocess.run(cmd, capture_output=True, text=True, timeout=3600)
    except subprocess.TimeoutExpired:
        raise GrammarUnavailable("Maven did not finish fetching LanguageTool within an hour") from None
    if run.returncode != 0:
        tail = "\n".join((run.stdout + run.stderr).strip().splitlines()[-15:])
        raise GrammarUnavailable(f"Maven could not fetch LanguageTool {LT_VERSION}:\n{tail}")
    os.replace(out, _classpath_file())
    cp = installed_classpath()
    if cp is None:
        raise GrammarUnavailable("Maven finished but the class path it wrote names missing jars")
    say(f"LanguageTool {LT_VERSION} is installed: {len(cp.split(os.pathsep))} jars, class path in {_classpath_file()}")
    return cp


def free_port() -> int:
    import socket

    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def server_command(port: int, classpath: str) -> list[str]:
    return ["java", HEAP, "-cp", classpath, SERVER_CLASS, "--port", str(port), "--config",
            os.path.join(install_dir(), "server.properties")]


class ManagedServer:
    """The installed LanguageTool server, started on a free local port for one run."""

    def __init__(self, classpath: str, port: int | None = None):
        import subprocess

        self.port = port or free_port()
        self.url = f"http://127.0.0.1:{self.port}"
        self.log_path = os.path.join(install_dir(), f"server-{self.port}.log")
        with open(self.log_path, "wb") as log:
            self.proc = subprocess.Popen(server_command(self.port, classpath), stdout=log, stderr=subprocess.STDOUT,
                                         stdin=subprocess.DEVNULL, start_new_session=True)

    def wait_ready(self, timeout: float = STARTUP_SECONDS) -> None:
        """Until /v2/languages answers and a first check has loaded the rules."""
        import requests

        deadline = time.monotonic() + timeout
        while True:
            if self.proc.poll() is not None:
                raise GrammarUnavailable(f"the LanguageTool server stopped at start (exit {self.proc.returncode}); "
                                         f"see {self.log_path}")
            try:
                if requests.get(self.url + "/v2/languages", timeout=5).ok:
                    break
            except requests.RequestException:
                pass
            if time.monotonic() > deadline:
                self.stop()
                raise GrammarUnavailable(f"the LanguageTool server did not answer within {timeout:g} s; see {self.log_path}")
            time.sleep(0.25)
        warm_up(self.url, max(30.0, deadline - time.monotonic()))

    def stop(self) -> None:
        import subprocess

        if self.proc.poll() is None:
            self.proc.terminate()
            try:
                self.proc.wait(10)
            except subprocess.TimeoutExpired:
                self.proc.kill()
                self.proc.wait()
        try:
            os.unlink(self.log_path)
        except OSError:
            pass


def warm_up(url: str, timeout: float) -> None:
    import requests

    try:
        r = requests.post(url.rstrip("/") + "/v2/check", data={"language": "en-GB", "text": WARM_UP}, timeout=timeout)
        r.raise_for_status()
        r.json()["matches"]
    except (requests.RequestException, ValueError, KeyError, TypeError) as exc:
        raise GrammarUnavailable(f"LanguageTool at {url} did not answer a first check: {exc}") from None


@dataclass(frozen=True)
class Settings:
    """What LanguageTool is asked to check: the language and the rules on and off."""
    language: str = "en-GB"
    disabled: tuple[str, ...] = ()
    enabled: tuple[str, ...] = ()
    disabled_categories: tuple[str, ...] = ()


class ResultCache:
    """LanguageTool's matches for a paragraph, on disk (SQLite), keyed by the paragraph's text,
    the language, the rule settings and LanguageTool's version."""

    def __init__(self, path: str | None):
        self.path = path
        self._lock = threading.Lock()
        self._db = None
        import sqlite3  # here, not at the top: a run without grammar never loads it

        self._error = sqlite3.Error
        if path:
            try:
                os.makedirs(os.path.dirname(path), exist_ok=True)
                self._db = sqlite3.connect(path, timeout=30, check_same_thread=False)
                self._db.execute("CREATE TABLE IF NOT EXISTS results (key TEXT PRIMARY KEY, matches TEXT NOT NULL)")
                self._db.commit()
            except sqlite3.Error:
                self._db = None  # a cache that cannot be opened is no cache, not a failure

    @staticmethod
    def key(text: str, settings: Settings, version: str) -> str:
        import hashlib

        raw = json.dumps([version, settings.language, sorted(settings.disabled), sorted(settings.enabled),
                          sorted(settings.disabled_categories), text], ensure_ascii=False)
        return hashlib.sha256(raw.encode("utf-8", "surrogatepass")).hexdigest()

    def get(self, key: str):
        if self._db is None:
            return None
        with self._lock:
            try:
                row = self._db.execute("SELECT matches FROM results WHERE key = ?", (key,)).fetchone()
            except self._error:
                return None
        return None if row is None else json.loads(row[0])

    def put(self, key: str, matches: list) -> None:
        if self._db is None:
            return
        with self._lock:
            try:
                self._db.execute("INSERT OR REPLACE INTO results VALUES (?, ?)", (key, json.dumps(matches)))
                self._db.commit()
            except self._error:
                pass

    def close(self) -> None:
        if self._db is not None:
            self._db.close()
            self._db = None


def _keep(match: dict) -> dict:
    """What copydesk uses of a LanguageTool match (the cache stores only this)."""
    rule = match.get("rule") or {}
    return {
        "offset": match["offset"],
        "length": match["length"],
        "message": match.get("message") or "",
        "replacements": [r.get("value", "") for r in match.get("replacements") or []][:5],
        "rule": rule.get("id") or "",
        "category": (rule.get("category") or {}).get("id") or "",
        "issue": rule.get("issueType") or "",
    }


def utf16_to_index(text: str):
    """A function from a UTF-16 offset into text (as LanguageTool counts) to a Python index."""
    if all(ord(c) < 0x10000 for c in text):
        return lambda i: i
    table = []
    for k, c in enumerate(text):
        table.append(k)
        if ord(c) >= 0x10000:
            table.append(k)  # the second unit of a surrogate pair belongs to the same character
    table.append(len(text))
    return lambda i: table[i] if 0 <= i < len(table) else len(text)


def utf16_len(text: str) -> int:
    return len(text) + sum(1 for c in text if ord(c) >= 0x10000)


@dataclass
class Client:
    """Sends paragraphs to one LanguageTool server, concurrently and bounded, through the cache."""

    url: str
    settings: Settings = field(default_factory=Settings)
    cache: ResultCache | None = None
    concurrency: int = 4
    timeout: float = 120.0
    sent: int = 0  # paragraphs sent to the server (the cache counts the rest)
    cached: int = 0
    version: str = ""

    def __post_init__(self):
        try:
            import language_tool_python
        except ImportError:
            raise GrammarUnavailable("grammar checking needs the grammar extra: pip install 'copydesk[grammar]'") from None
        try:
            # remote_server: language-tool-python talks to this server only; it never starts or
            # downloads one of its own.
            self.tool = language_tool_python.LanguageTool(self.settings.language, remote_server=self.url)
        except Exception as exc:  # requests' and language-tool-python's errors alike
            raise GrammarUnavailable(f"LanguageTool at {self.url} cannot be used: {_short(exc)}") from None
        self.tool._TIMEOUT = self.timeout
        self.tool.disabled_rules = set(self.settings.disabled)
        self.tool.enabled_rules = set(self.settings.enabled)
        self.tool.disabled_categories = set(self.settings.disabled_categories)
        from concurrent.futures import ThreadPoolExecutor

        self._pool = ThreadPoolExecutor(max_workers=self.concurrency)
        self._count = threading.Lock()
        first = self._query(WARM_UP)
        self.version = str((first.get("software") or {}).get("version") or "")

    def _query(self, text: str) -> dict:
        import urllib.parse

        url = urllib.parse.urljoin(self.tool._url, "check")
        try:
            reply = self.tool._query_server(url, self.tool._create_params(text), num_tries=1, method="post")
        except Exception as exc:
            raise GrammarUnavailable(f"LanguageTool at {self.url} failed: {_short(exc)}") from None
        if not isinstance(reply, dict) or not isinstance(reply.get("matches"), list):
            raise GrammarUnavailable(f"LanguageTool at {self.url} gave an answer that is not a list of matches")
        return reply

    def _check_one(self, text: str) -> list[dict]:
        reply = self._query(text)
        size = utf16_len(text)
        out = []
        for m in reply["matches"]:
            try:
                kept = _keep(m)
                bad = not (0 <= kept["offset"] and 0 <= kept["length"] and kept["offset"] + kept["length"] <= size)
            except (KeyError, TypeError, AttributeError):
                bad = True
            if bad:
                raise GrammarUnavailable(f"LanguageTool at {self.url} answered for a text of another length "
                                         f"(a match outside the {size} characters sent)")
            out.append(kept)
        with self._count:
            self.sent += 1
        return out

    def check_all(self, texts: list[str]) -> list[list[dict]]:
        """The matches of each text (offsets in UTF-16 units, as LanguageTool gives them)."""
        results: list[list[dict] | None] = [None] * len(texts)
        pending = {}
        for k, text in enumerate(texts):
            key = ResultCache.key(text, self.settings, self.version) if self.cache else None
            hit = self.cache.get(key) if self.cache else None
            if hit is not None:
                results[k] = hit
                with self._count:
                    self.cached += 1
            else:
                pending[k] = (key, self._pool.submit(self._check_one, text))
        failure = None
        for k, (key, fut) in pending.items():
            try:
                results[k] = fut.result()
            except GrammarUnavailable as exc:
                failure = failure or exc
                continue
            if self.cache:
                self.cache.put(key, results[k])
        if failure:
            raise failure
        return results  # type: ignore[return-value]

    def close(self) -> None:
        self._pool.shutdown(wait=False, cancel_futures=True)
        if self.cache:
            self.cache.close()


def _short(exc: BaseException) -> str:
    text = str(exc).strip().splitlines()
    return f"{type(exc).__name__}: {text[0][:200]}" if text else type(exc).__name__


class Session:
    """Grammar checking for one run: one server (found or started) and one client, opened on the
    first draft that asks for grammar and closed when the run ends."""

    def __init__(self, server: str | None = None, use_cache: bool = True, concurrency: int = 4, timeout: float = 120.0,
                 cache_path: str | None = None):
        self.server = server or os.environ.get("COPYDESK_LT_SERVER") or None
        self.use_cache = use_cache
        self.cache_path = cache_path or os.path.join(cache_dir(), "grammar-cache.sqlite3")
        self.concurrency = concurrency
        self.timeout = timeout
        self.failure: str | None = None  # why grammar could not start (reported once)
        self._clients: dict[tuple, Client] = {}
        self._managed: ManagedServer | None = None
        self._url: str | None = None
        self._cache: ResultCache | None = None
        self._lock = threading.Lock()

    def _start(self, configured: str | None) -> str:
        try:
            import language_tool_python  # noqa: F401  (and requests, which it brings)
            import requests  # noqa: F401
        except ImportError:
            raise GrammarUnavailable("grammar checking needs the grammar extra: pip install 'copydesk[grammar]'") from None
        url = self.server or configured
        if url:
            return url.rstrip("/")
        cp = installed_classpath()
        if cp is None:
            raise GrammarUnavailable("grammar checking is on but no LanguageTool server is set and none is installed: "
                                     "run `copydesk grammar install` (needs Java 17 and Maven), or pass --lt-server URL")
        problem = java_problem()
        if problem:
            raise GrammarUnavailable(problem)
        self._managed = ManagedServer(cp)
        self._managed.wait_ready()
        return self._managed.url

    def client(self, settings: Settings, options: dict | None = None) -> Client | None:
        """The client for these settings and the config's grammar options (server,
        request_timeout, concurrency, cache), or None when grammar could not start (see failure)."""
        opts = options or {}
        timeout = float(opts.get("request_timeout", self.timeout))
        concurrency = int(opts.get("concurrency", self.concurrency))
        cached = self.use_cache and opts.get("cache", True)
        key = (settings, timeout, concurrency, cached)
        with self._lock:
            if self.failure:
                return None
            try:
                if self._url is None:
                    self._url = self._start(opts.get("server"))
                if cached and self._cache is None:
                    self._cache = ResultCache(self.cache_path)
                if key not in self._clients:
                    self._clients[key] = Client(self._url, settings, self._cache if cached else None, concurrency, timeout)
            except GrammarUnavailable as exc:
                self.failure = str(exc)
                return None
            return self._clients[key]

    @property
    def sent(self) -> int:
        return sum(c.sent for c in self._clients.values())

    @property
    def cached(self) -> int:
        return sum(c.cached for c in self._clients.values())

    def close(self) -> None:
        for c in self._clients.values():
            c.close()
        self._clients.clear()
        if self._cache:
            self._cache.close()
        if self._managed:
            self._managed.stop()
            self._managed = None


_active: Session | None = None


def active() -> Session | None:
    return _active


@contextmanager
def session(**kwargs):
    """Grammar checking for the checks run inside: `with session(server=URL): check_file(...)`."""
    global _active
    previous = _active
    s = Session(**kwargs)
    _active = s
    try:
        yield s
    finally:
        _active = previous
        s.close()
