"""A minimal DevTools-protocol driver for headless Chromium, for tests that look at a page."""

from __future__ import annotations

import json
import os
import shutil
import subprocess
import time
import urllib.request

import websocket

FLAGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
    "--disable-background-networking", "--disable-component-update", "--disable-sync",
    "--disable-dev-shm-usage", "--remote-debugging-port=0", "--remote-allow-origins=*",
]


def chromium() -> str | None:
    for name in ("chromium", "chromium-browser", "google-chrome"):
        path = shutil.which(name)
        if path:
            return path
    return None


class Browser:
    def __init__(self, exe: str, profile: str):
        self.proc = subprocess.Popen([exe, *FLAGS, f"--user-data-dir={profile}", "about:blank"],
                                     stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        port_file = os.path.join(profile, "DevToolsActivePort")
        deadline = time.time() + 30
        while not os.path.exists(port_file) or not open(port_file).read().strip():
            if time.time() > deadline or self.proc.poll() is not None:
                raise RuntimeError("Chromium did not start")
            time.sleep(0.1)
        self.port = int(open(port_file).read().split()[0])
        pages = json.load(urllib.request.urlopen(f"http://127.0.0.1:{self.port}/json/list", timeout=10))
        page = next(p for p in pages if p.get("type") == "page")
        self.ws = websocket.create_connection(page["webSocketDebuggerUrl"], timeout=30)
        self.next_id = 0

    def send(self, method: str, **params):
        self.next_id += 1
        self.ws.send(json.dumps({"id": self.next_id, "method": method, "params": params}))
        while True:
            msg = json.loads(self.ws.recv())
            if msg.get("id") == self.next_id:
                if "error" in msg:
                    raise RuntimeError(msg["error"])
                return msg.get("result", {})

    def evaluate(self, expression: str):
        res = self.send("Runtime.evaluate", expression=expression, returnByValue=True, awaitPromise=True)
        if "exceptionDetails" in res:
            raise RuntimeError(res["exceptionDetails"])
        return res["result"].get("value")

    def open(self, url: str, width: int = 390, height: int = 844, mobile: bool = True):
        self.send("Emulation.setDeviceMetricsOverride", width=width, height=height, deviceScaleFactor=2, mobile=mobile)
        self.send("Emulation.setFocusEmulationEnabled", enabled=True)
        self.send("Page.enable")
        self.send("Page.navigate", url=url)
        deadline = time.time() + 20
        while self.evaluate("document.readyState") != "complete":
            if time.time() > deadline:
                raise RuntimeError("page did not load")
            time.sleep(0.05)

    def close(self):
        try:
            self.ws.close()
        finally:
            self.proc.terminate()
            try:
                self.proc.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.proc.kill()


OUTPUT = os.path.join(os.path.dirname(os.path.dirname(os.path.abspath(__file__))), "test-output")


def screenshot(browser: Browser, name: str) -> str:
    """The page as it is now, as a PNG in test-output/ (kept for people to look at)."""
    import base64

    os.makedirs(OUTPUT, exist_ok=True)
    data = browser.send("Page.captureScreenshot", format="png")["data"]
    path = os.path.join(OUTPUT, name)
    with open(path, "wb") as fh:
        fh.write(base64.b64decode(data))
    return path
