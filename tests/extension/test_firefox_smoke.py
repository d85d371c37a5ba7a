"""Firefox smoke test: `web-ext run` starts Firefox ESR (headless) with the extension, opens a
LinkedIn profile, and the service receives the context request for it.

Playwright cannot drive Debian's Firefox, so the page comes through a small local HTTP proxy that
plays the site (Firefox never proxies loopback, so the service is reached directly), and nobody
can click "Pair". The test's copy of the extension gets one extra background module that sets
`serviceUrl` and starts the extension's own pairing; the test approves the code with the real CLI,
as a person would. So Firefox pairs for real (its random extension origin is approved by pairing),
and the product keeps no back door for settings.
"""

import json
import os
import re
import shutil
import signal
import sqlite3
import subprocess
import threading
import time
from contextlib import contextmanager
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

import pytest

from tests.support.browser import EXTENSION_DIR, ROOT
from tests.support.extension import ASKED_TWICE, remember
from tests.support.live_service import free_port, givefirst, running_service
from tests.support.profile_pages import PROFILE_PAGES

WEB_EXT = ROOT / "node_modules" / ".bin" / "web-ext"
FIREFOX = shutil.which("firefox-esr")
HANDLE = "firefox-smoke"
TIMEOUT_S = 90


def needed() -> None:
    missing = [
        name
        for name, found in (("firefox-esr", FIREFOX), ("web-ext", WEB_EXT.exists()))
        if not found
    ]
    if not missing:
        return
    message = f"{', '.join(missing)} missing (scripts/test installs them)"
    if os.environ.get("CI") == "true":
        pytest.fail(message)
    pytest.skip(message)


@contextmanager
def site_proxy(pages: dict[str, str]):
    """An HTTP proxy on a free port that answers known URLs with fixture pages, others with 404."""

    class Handler(BaseHTTPRequestHandler):
        def do_GET(self):
            body = pages.get(self.path)
            self.send_response(200 if body else 404)
            self.send_header("Content-Type", "text/html; charset=utf-8")
            self.end_headers()
            self.wfile.write((body or "not here").encode())

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", free_port()), Handler)
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield server.server_address[1]
    finally:
        server.shutdown()
        server.server_close()


PAIR_ON_START = """
import * as pairing from "./background/pairing.js";
await browser.storage.local.set({serviceUrl: %s});
await pairing.start();
while ((await pairing.poll()).status === "pending") {
  await new Promise((resolve) => setTimeout(resolve, 300));
}
"""
APPROVE_LINE = re.compile(r"Approve with: .*pair approve ([A-Z0-9]{4}-[A-Z0-9]{4})")


def extension_that_pairs_on_start(target, service) -> None:
    """A copy of the extension whose background starts pairing with this service at once."""
    shutil.copytree(EXTENSION_DIR, target)
    (target / "pair-on-start.js").write_text(PAIR_ON_START % json.dumps(service.url))
    manifest = json.loads((target / "manifest.json").read_text())
    manifest["background"]["scripts"].append("pair-on-start.js")
    (target / "manifest.json").write_text(json.dumps(manifest))


def last_seen(db_path, key: str):
    with sqlite3.connect(db_path) as db:
        row = db.execute("SELECT last_seen_at FROM profiles WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def test_firefox_loads_the_extension_and_the_service_receives_the_context_request(tmp_path):
    needed()
    https_url, html = PROFILE_PAGES["linkedin"](HANDLE, "Fenna Vogt")
    url = https_url.replace("https://", "http://")  # the proxy cannot speak TLS
    with running_service(tmp_path) as service, site_proxy({url: html}) as proxy_port:
        remember(service, "Fenna Vogt", https_url, ASKED_TWICE)
        assert last_seen(service.db_path, f"li:{HANDLE}") is None
        extension_that_pairs_on_start(tmp_path / "extension", service)
        prefs = {
            "network.proxy.type": 1,
            "network.proxy.http": "127.0.0.1",
            "network.proxy.http_port": proxy_port,
            "network.stricttransportsecurity.preloadlist": "false",
            "dom.security.https_first": "false",
            "dom.security.https_first_schemeless": "false",
            "dom.security.https_only_mode": "false",
            "network.dns.disablePrefetch": "true",
            "network.trr.mode": 5,
        }
        command = [
            str(WEB_EXT),
            "run",
            "--no-config-discovery",
            "--target",
            "firefox-desktop",
            "--firefox",
            FIREFOX,
            "--source-dir",
            str(tmp_path / "extension"),
            "--arg=-headless",
            "--no-input",
            "--no-reload",
            "--start-url",
            url,
            *[f"--pref={name}={value}" for name, value in prefs.items()],
        ]
        log = (tmp_path / "web-ext.log").open("w")
        runner = subprocess.Popen(
            command,
            stdout=log,
            stderr=subprocess.STDOUT,
            start_new_session=True,
            env={**os.environ, "HOME": str(tmp_path), "NO_UPDATE_NOTIFIER": "1"},
        )
        try:
            deadline = time.monotonic() + TIMEOUT_S

            def wait_for(condition):
                while not condition():
                    assert runner.poll() is None, (tmp_path / "web-ext.log").read_text()[-3000:]
                    assert time.monotonic() < deadline, (tmp_path / "web-ext.log").read_text()[
                        -3000:
                    ]
                    time.sleep(0.25)

            wait_for(lambda: APPROVE_LINE.search(service.log_path.read_text()))
            code = APPROVE_LINE.search(service.log_path.read_text()).group(1)
            givefirst("pair", "approve", code, db_path=service.db_path)
            wait_for(lambda: last_seen(service.db_path, f"li:{HANDLE}"))
        finally:
            os.killpg(runner.pid, signal.SIGTERM)
            try:
                runner.wait(timeout=20)
            except subprocess.TimeoutExpired:
                os.killpg(runner.pid, signal.SIGKILL)
                runner.wait()
            log.close()
