"""Body limits: the dashboard's import takes files up to 64 MiB; everything else keeps 4 MiB.

Both are checked against Content-Length before the app reads the body, in Flask and behind
waitress in a real `givefirst serve` (which reads a body whole before the app sees it).
"""

import http.cookiejar
import io
import json
import re
import socket
import urllib.error
import urllib.request
import uuid
from pathlib import Path

import pytest
from givefirst.config import MAX_UPLOAD_BYTES

from tests.io.helpers import fixture
from tests.io.test_bounded_reading import LONG_LINE, RSS_LIMIT_MB, bomb
from tests.support.dashboard import new_login_link
from tests.support.live_service import running_service

MIB = 1024 * 1024
CONNECTIONS = fixture("linkedin/Connections.csv").read_text(encoding="utf-8-sig")


def padded_connections(size: int) -> bytes:
    """A real Connections.csv grown to `size` bytes by its "Notes:" preamble (any length is fine)."""
    notes, rest = CONNECTIONS.split("\n", 1)
    line = "A note that LinkedIn might write before the header row, repeated to fill space.\n"
    padding = line * ((size - len(CONNECTIONS.encode())) // len(line) + 1)
    return (notes + "\n" + padding + rest).encode()


def multipart(fields: dict[str, str], file_name: str, data: bytes) -> tuple[bytes, str]:
    boundary = uuid.uuid4().hex
    parts = [
        f'--{boundary}\r\nContent-Disposition: form-data; name="{name}"\r\n\r\n{value}\r\n'.encode()
        for name, value in fields.items()
    ]
    parts.append(
        f'--{boundary}\r\nContent-Disposition: form-data; name="file"; '
        f'filename="{file_name}"\r\nContent-Type: text/csv\r\n\r\n'.encode()
    )
    body = b"".join(parts) + data + f"\r\n--{boundary}--\r\n".encode()
    return body, f"multipart/form-data; boundary={boundary}"


class Unreadable(io.RawIOBase):
    """A body of `size` bytes (so the test client sends that Content-Length) that fails the test
    if anything reads it."""

    def __init__(self, size: int):
        self.size, self.position = size, 0

    def readable(self):
        return True

    def seekable(self):
        return True

    def seek(self, offset, whence=io.SEEK_SET):
        self.position = self.size if whence == io.SEEK_END else offset
        return self.position

    def tell(self):
        return self.position

    def readinto(self, buffer):
        raise AssertionError("the body was read")


def test_an_upload_over_4_mib_and_under_the_limit_is_imported(browser, db):
    # The body is encoded here: the test client's own encoder leaves a large body's file open.
    body, content_type = multipart(
        {"csrf_token": browser.csrf, "kind": "linkedin", "action": "import"},
        "Connections.csv",
        padded_connections(5 * MIB),
    )
    response = browser.post(
        "/transfer/import", input_stream=io.BytesIO(body), content_type=content_type
    )
    assert response.status_code == 200, response.get_data(as_text=True)[:2000]
    assert db["people"].count == 4


def claims_length(client, path: str, length: int, **headers):
    return client.post(
        path,
        input_stream=Unreadable(length),
        headers=headers,
        content_type="multipart/form-data; boundary=x",
    )


def test_an_upload_over_the_limit_is_refused_before_reading_with_a_page(browser, db):
    response = claims_length(browser, "/transfer/import", MAX_UPLOAD_BYTES + 128 * 1024)
    assert response.status_code == 413
    page = response.get_data(as_text=True)
    assert "The file is larger than 64 MiB, the most the dashboard takes." in page
    assert "givefirst import KIND PATH" in page
    assert "Log out" in page  # the page is the dashboard's, for the logged-in person
    assert db["people"].count == 0


def test_other_dashboard_forms_keep_the_4_mib_limit(browser, db):
    response = claims_length(browser, "/people/1/interactions", 4 * MIB + 1)
    assert response.status_code == 413
    assert "The request is larger than 4 MiB." in response.get_data(as_text=True)


def test_the_api_keeps_the_4_mib_limit_for_bodies_an_upload_may_have(anonymous, token):
    response = claims_length(anonymous, "/api/v1/context", 5 * MIB, Authorization=f"Bearer {token}")
    assert response.status_code == 413
    assert response.json["error"]["code"] == "too_large"


# Through waitress, as `givefirst serve` runs it.


@pytest.fixture(scope="module")
def live(tmp_path_factory):
    """A real service and an opener logged in to its dashboard, with the session's CSRF token."""
    with running_service(tmp_path_factory.mktemp("limits")) as service:
        opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(http.cookiejar.CookieJar())
        )
        opener.open(new_login_link(service), timeout=10).read()
        asking = urllib.request.Request(
            service.url + "/session", headers={"Sec-Fetch-Site": "same-origin"}
        )
        with opener.open(asking, timeout=10) as answer:
            csrf = json.loads(answer.read())["csrf_token"]
        yield service, opener, csrf


def send(opener, url: str, body: bytes, content_type: str, **headers) -> tuple[int, bytes]:
    request = urllib.request.Request(
        url, data=body, method="POST", headers={"Content-Type": content_type, **headers}
    )
    try:
        with opener.open(request, timeout=30) as answer:
            return answer.status, answer.read()
    except urllib.error.HTTPError as refused:
        return refused.code, refused.read()


def test_the_service_takes_an_upload_over_4_mib(live):
    service, opener, csrf = live
    body, content_type = multipart(
        {"csrf_token": csrf, "kind": "linkedin", "action": "import"},
        "Connections.csv",
        padded_connections(5 * MIB),
    )
    status, page = send(opener, service.url + "/transfer/import", body, content_type)
    assert status == 200, page[:2000]
    assert b"Imported: Connections.csv: 4 people created" in page


def test_the_service_still_refuses_an_api_body_over_4_mib(live):
    service, opener, _ = live
    status, answer = send(
        urllib.request.build_opener(),
        service.url + "/api/v1/context",
        b"x" * (5 * MIB),
        "application/json",
        Authorization=f"Bearer {service.token}",
    )
    assert status == 413
    assert json.loads(answer)["error"]["code"] == "too_large"


def raw_exchange(port: int, head: bytes) -> bytes:
    """Send request headers only (no body) and read the whole answer."""
    with socket.create_connection(("127.0.0.1", port), timeout=10) as conn:
        conn.sendall(head)
        answer = b""
        while chunk := conn.recv(65536):
            answer += chunk
    return answer


def test_a_body_over_the_servers_cap_is_refused_by_its_length_in_the_json_shape(live):
    service, _, _ = live
    claimed = 70 * MIB  # over the 65 MiB waitress takes; not a byte of it is sent
    answer = raw_exchange(
        service.port,
        (
            f"POST /api/v1/context HTTP/1.1\r\nHost: 127.0.0.1:{service.port}\r\n"
            f"Authorization: Bearer {service.token}\r\nContent-Type: application/json\r\n"
            f"Content-Length: {claimed}\r\n\r\n"
        ).encode(),
    )
    head, _, body = answer.partition(b"\r\n\r\n")
    assert head.startswith(b"HTTP/1.1 413")
    assert b"Content-Type: application/json" in head
    assert b"Cross-Origin-Resource-Policy: same-origin" in head
    error = json.loads(body)["error"]
    assert error["code"] == "too_large" and "65 MiB" in error["message"]


def test_every_answer_carries_cross_origin_resource_policy(live):
    service, opener, _ = live
    for path in ("/api/v1/health", "/api/v1/people", "/", "/no-such-page", "/api/openapi.json"):
        try:
            with opener.open(service.url + path, timeout=10) as answer:
                headers = answer.headers
        except urllib.error.HTTPError as refused:
            headers = refused.headers
        assert headers["Cross-Origin-Resource-Policy"] == "same-origin", path


def service_pid(service) -> int:
    """The process serving this test's database."""
    for entry in Path("/proc").iterdir():
        if not entry.name.isdigit():
            continue
        try:
            command = (entry / "cmdline").read_bytes().split(b"\0")
        except OSError:
            continue
        if b"serve" in command and str(service.db_path).encode() in command:
            return int(entry.name)
    raise AssertionError("the service's process was not found")


def peak_rss_mb(pid: int) -> float:
    status = Path(f"/proc/{pid}/status").read_text()
    return int(re.search(r"VmHWM:\s+(\d+) kB", status)[1]) / 1024


def test_a_zip_bomb_sent_to_the_dashboard_keeps_the_service_small(live, tmp_path):
    service, opener, csrf = live
    members = {"Connections.csv": (LONG_LINE, 256 * MIB), "messages.csv": (LONG_LINE, 256 * MIB)}
    archive = bomb(tmp_path / "Basic_LinkedInDataExport.zip", members).read_bytes()
    body, content_type = multipart(
        {"csrf_token": csrf, "kind": "linkedin", "action": "import"},
        "Basic_LinkedInDataExport.zip",
        archive,
    )
    status, page = send(opener, service.url + "/transfer/import", body, content_type)
    assert status == 422, page[:2000]
    assert b"is larger than 128 MiB" in page
    peak = peak_rss_mb(service_pid(service))
    assert peak < RSS_LIMIT_MB, f"the service peaked at {peak:.0f} MB"
