"""A bounded load test of `copydesk serve`, by hand (never under pytest): the installed command
is started on 127.0.0.1, 8 clients send 2,000 POST /v1/check requests between them (the
project's own fixture drafts, in turn), and the run reports throughput, p50 and p99 latency and
the errors; then the time to check a 1,500-word draft, as the page asks for it while a journalist
types (the page's target: under 200 ms). The server is stopped at the end.

    python benchmarks/serve_load.py                  # 2,000 requests, 8 clients
    python benchmarks/serve_load.py --requests 400   # a quicker look
"""

from __future__ import annotations

import argparse
import http.client
import json
import os
import statistics
import subprocess
import sys
import threading
import time

HERE = os.path.dirname(os.path.abspath(__file__))
FIXTURES = os.path.join(HERE, "..", "fixtures")


def drafts() -> list[tuple[str, bytes]]:
    out = []
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith((".txt", ".md", ".html")):
            with open(os.path.join(FIXTURES, name), encoding="utf-8", errors="replace") as fh:
                out.append((name, json.dumps({"text": fh.read(), "path": name}).encode()))
    return out


def long_draft(words: int) -> bytes:
    """About `words` words of the fixtures' prose, paragraphs whole."""
    paras: list[str] = []
    count = 0
    for name in sorted(os.listdir(FIXTURES)):
        if name.endswith(".txt"):
            for p in open(os.path.join(FIXTURES, name), encoding="utf-8").read().split("\n\n"):
                if count >= words:
                    break
                paras.append(p.strip())
                count += len(p.split())
    return json.dumps({"text": "\n\n".join(paras) + "\n"}).encode(), count


def percentile(values: list[float], q: float) -> float:
    s = sorted(values)
    return s[min(len(s) - 1, int(round(q * (len(s) - 1))))]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--requests", type=int, default=2000)
    ap.add_argument("--clients", type=int, default=8)
    ap.add_argument("--json", help="write the figures to this file as JSON")
    args = ap.parse_args()
    exe = os.path.join(os.path.dirname(sys.executable), "copydesk")
    proc = subprocess.Popen([exe, "serve", "--port", "0"], stderr=subprocess.PIPE, text=True)
    try:
        line = proc.stderr.readline()
        if "http://" not in line:
            sys.exit(f"the server did not start: {line}")
        host, port = line.split()[2].split("//")[1].rstrip("/").split(":")
        bodies = drafts()
        latencies: list[float] = []
        errors: list[str] = []
        lock = threading.Lock()
        next_k = [0]

        def client() -> None:
            conn = http.client.HTTPConnection(host, int(port), timeout=60)
            while True:
                with lock:
                    k = next_k[0]
                    if k >= args.requests:
                        break
                    next_k[0] += 1
                _name, body = bodies[k % len(bodies)]
                t0 = time.perf_counter()
                try:
                    conn.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
                    resp = conn.getresponse()
                    data = resp.read()
                    ok = resp.status == 200 and json.loads(data)["files"]
                except Exception as exc:  # counted, and the connection made again
                    ok = False
                    data = repr(exc).encode()
                    conn.close()
                    conn = http.client.HTTPConnection(host, int(port), timeout=60)
                dt = time.perf_counter() - t0
                with lock:
                    latencies.append(dt)
                    if not ok:
                        errors.append(data[:200].decode("utf-8", "replace"))
            conn.close()

        warm = http.client.HTTPConnection(host, int(port), timeout=60)
        for _name, body in bodies:  # the packs read and the patterns compiled before the clock starts
            warm.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
            warm.getresponse().read()
        t0 = time.perf_counter()
        threads = [threading.Thread(target=client) for _ in range(args.clients)]
        for t in threads:
            t.start()
        for t in threads:
            t.join()
        wall = time.perf_counter() - t0
        body, words = long_draft(1500)
        warm = http.client.HTTPConnection(host, int(port), timeout=60)  # the first one idled past keep-alive
        single = []
        for _ in range(30):
            s = time.perf_counter()
            warm.request("POST", "/v1/check", body, {"Content-Type": "application/json"})
            warm.getresponse().read()
            single.append(time.perf_counter() - s)
        warm.close()
    finally:
        proc.terminate()
        proc.wait(timeout=20)
    figures = {
        "requests": len(latencies), "clients": args.clients, "drafts": len(bodies), "seconds": round(wall, 2),
        "requests_per_second": round(len(latencies) / wall, 1),
        "p50_ms": round(1000 * percentile(latencies, 0.50), 1), "p99_ms": round(1000 * percentile(latencies, 0.99), 1),
        "errors": len(errors), "draft_words": words, "draft_check_median_ms": round(1000 * statistics.median(single), 1),
        "draft_check_max_ms": round(1000 * max(single), 1),
    }
    print(f"{figures['requests']} requests from {args.clients} clients ({len(bodies)} fixture drafts in turn) "
          f"in {wall:.2f} s: {figures['requests_per_second']} a second")
    print(f"latency p50 {figures['p50_ms']} ms, p99 {figures['p99_ms']} ms; errors: {len(errors)}")
    for e in errors[:5]:
        print("  error:", e)
    print(f"a {words}-word draft checked alone: median {figures['draft_check_median_ms']} ms, "
          f"slowest of 30 {figures['draft_check_max_ms']} ms (the page's target: under 200 ms)")
    if args.json:
        with open(args.json, "w", encoding="utf-8") as fh:
            json.dump(figures, fh, indent=2)


if __name__ == "__main__":
    main()
