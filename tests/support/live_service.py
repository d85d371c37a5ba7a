"""A real `givefirst serve` in a subprocess, on a free port, with a scratch database and a token."""

import socket
import subprocess
import sys
import time
import urllib.request
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Service:
    url: str
    port: int
    token: str
    db_path: Path
    log_path: Path


def free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def givefirst(*args: str, db_path: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "givefirst", *args, "--db", str(db_path)],
        capture_output=True,
        text=True,
        timeout=60,
        check=True,
    )


def wait_until_up(url: str, process: subprocess.Popen, log_path: Path, timeout: float = 20) -> None:
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if process.poll() is not None:
            raise RuntimeError(f"givefirst serve exited: {log_path.read_text()}")
        try:
            with urllib.request.urlopen(f"{url}/api/v1/health", timeout=1):
                return
        except OSError:
            time.sleep(0.05)
    raise RuntimeError(f"givefirst serve did not answer in {timeout}s: {log_path.read_text()}")


@contextmanager
def serving(db_path: Path, port: int, log_path: Path) -> Iterator[str]:
    """`givefirst serve` on this database and port until the block ends; yields its URL.

    Starting it again on the same database and port is how a test brings a stopped service back.
    """
    with log_path.open("a") as log:
        process = subprocess.Popen(
            [sys.executable, "-m", "givefirst", "serve", "--port", str(port), "--db", str(db_path)],
            stdout=log,
            stderr=subprocess.STDOUT,
        )
    url = f"http://127.0.0.1:{port}"
    try:
        wait_until_up(url, process, log_path)
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()
            process.wait()


@contextmanager
def running_service(workdir: Path, port: int | None = None) -> Iterator[Service]:
    """Start the service; stop it afterwards. Its output is kept in workdir/serve.log."""
    db_path, log_path = workdir / "service.db", workdir / "serve.log"
    token = (
        givefirst("token", "new", "--name", "tests", db_path=db_path)
        .stdout.strip()
        .splitlines()[-1]
    )
    port = port or free_port()
    log_path.write_text("")
    with serving(db_path, port, log_path) as url:
        yield Service(url=url, port=port, token=token, db_path=db_path, log_path=log_path)
