"""A loopback proxy in front of a real `givefirst serve` that can answer some requests with a
failure instead: a status (401, 403, 422, 500…) or no answer at all, as a slow service would.

Point the extension at `proxy.url`; set `proxy.fault` to a function (method, path, body) → None
(pass the request on), an HTTP status, or HANG.
"""

import json
import threading
import urllib.error
import urllib.request
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from tests.support.live_service import Service, free_port

HANG = "hang"
PASSED_HEADERS = ("Authorization", "Content-Type", "Accept", "Origin")
Fault = Callable[[str, str, dict | None], int | str | None]


@dataclass
class Proxy:
    url: str
    service: Service
    fault: Fault | None = None
    seen: list[tuple[str, str, dict | None]] = field(default_factory=list)
    released: threading.Event = field(default_factory=threading.Event)

    def fail(self, method: str, path_part: str, answer: int | str, when: str = "") -> None:
        """Fail `method` requests whose path contains `path_part` (and whose body contains `when`)."""
        self.fault = lambda m, p, body: (
            answer if m == method and path_part in p and when in json.dumps(body) else None
        )

    def heal(self) -> None:
        self.fault = None
        self.released.set()


@contextmanager
def faulty_proxy(service: Service) -> Iterator[Proxy]:
    port = free_port()
    proxy = Proxy(url=f"http://127.0.0.1:{port}", service=service)

    class Handler(BaseHTTPRequestHandler):
        def answer(self, status: int, body: bytes, content_type: str = "application/json"):
            self.send_response(status)
            self.send_header("Content-Type", content_type)
            self.send_header("Content-Length", str(len(body)))
            self.end_headers()
            self.wfile.write(body)

        def relay(self):
            length = int(self.headers.get("Content-Length") or 0)
            raw = self.rfile.read(length) if length else None
            body = json.loads(raw) if raw else None
            proxy.seen.append((self.command, self.path, body))
            fault = proxy.fault(self.command, self.path, body) if proxy.fault else None
            if fault == HANG:
                proxy.released.wait(30)  # longer than the extension waits
                return self.answer(504, b'{"error": {"code": "slow", "message": "Too slow."}}')
            if fault:
                error = {"error": {"code": f"http_{fault}", "message": f"Refused with {fault}."}}
                return self.answer(fault, json.dumps(error).encode())
            headers = {name: self.headers[name] for name in PASSED_HEADERS if self.headers[name]}
            request = urllib.request.Request(
                service.url + self.path, data=raw, method=self.command, headers=headers
            )
            try:
                with urllib.request.urlopen(request, timeout=20) as response:
                    status, text = response.status, response.read()
            except urllib.error.HTTPError as error:
                status, text = error.code, error.read()
            self.answer(status, text)

        do_GET = do_POST = do_PATCH = do_DELETE = relay

        def log_message(self, *args):
            pass

    server = ThreadingHTTPServer(("127.0.0.1", port), Handler)
    server.daemon_threads = True
    threading.Thread(target=server.serve_forever, daemon=True).start()
    try:
        yield proxy
    finally:
        proxy.released.set()
        server.shutdown()
        server.server_close()
