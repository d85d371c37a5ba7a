"""Waitress's own refusals in the API's JSON error shape.

Waitress answers a few requests before the app sees them — a body over its
max_request_body_size (refused by its Content-Length, before a byte of it is read), a malformed
request line or headers — with a plain-text page of its own. These channels answer the same
statuses as {"error": {"code", "message"}}, with the headers every answer of ours carries.
"""

import json

from waitress.channel import HTTPChannel
from waitress.task import ErrorTask

CODES = {400: "bad_request", 413: "too_large", 431: "headers_too_large", 500: "internal_error"}


class JsonErrorTask(ErrorTask):
    def execute(self) -> None:
        error = self.request.error
        message = f"{error.reason}: {error.body}" if error.body else error.reason
        if error.code == 413:
            limit = self.channel.server.adj.max_request_body_size // (1024 * 1024)
            message = f"The request body is larger than {limit} MiB, the most givefirst takes."
        body = json.dumps({"error": {"code": CODES.get(error.code, "error"), "message": message}})
        self.status = f"{error.code} {error.reason}"
        self.response_headers.extend(
            [
                ("Content-Type", "application/json"),
                ("X-Content-Type-Options", "nosniff"),
                ("Cross-Origin-Resource-Policy", "same-origin"),
                ("Cache-Control", "no-store"),
            ]
        )
        self.set_close_on_finish()
        encoded = body.encode()
        self.content_length = len(encoded)
        self.write(encoded)


class JsonErrorChannel(HTTPChannel):
    error_task_class = JsonErrorTask
