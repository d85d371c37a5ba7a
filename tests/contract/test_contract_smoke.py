"""The team's contract check (shapes, statuses, error format) against a real scratch service.

The shared copy beside the repository is preferred, so a newer contract is checked as soon as it
lands; `tests/contract/contract-smoke` is the copy this repository carries for fresh clones.
"""

import os
import socket
import subprocess
import sys
import urllib.error
import urllib.request
from pathlib import Path

import pytest

from tests.support.live_service import running_service

ROOT = Path(__file__).resolve().parents[2]


def contract_script() -> Path:
    for candidate in (
        os.environ.get("GIVEFIRST_CONTRACT_SMOKE"),
        ROOT.parent / "shared" / "contract-smoke",
    ):
        if candidate and Path(candidate).is_file():
            return Path(candidate)
    return Path(__file__).with_name("contract-smoke")


def outward_address() -> str | None:
    """This computer's non-loopback address, found without sending a packet."""
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as probe:
        try:
            probe.connect(("10.255.255.255", 9))
        except OSError:
            return None
        address = probe.getsockname()[0]
    return None if address.startswith("127.") else address


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    with running_service(tmp_path_factory.mktemp("contract")) as running:
        yield running


def test_the_running_service_meets_the_api_contract(service):
    result = subprocess.run(
        [sys.executable, str(contract_script()), service.url, service.token],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    assert "0 failed" in result.stdout


def test_the_real_server_refuses_a_rebinding_host(service):
    request = urllib.request.Request(
        f"{service.url}/api/v1/health", headers={"Host": "evil.example:80"}
    )
    with pytest.raises(urllib.error.HTTPError) as refused:
        urllib.request.urlopen(request, timeout=5)
    refused.value.close()
    assert refused.value.code == 403


def test_the_real_server_listens_on_loopback_only(service):
    log = service.log_path.read_text()
    assert f"givefirst is running at http://127.0.0.1:{service.port}" in log
    outward = outward_address()
    if outward is None:
        pytest.skip("this computer has no non-loopback address to try")
    with pytest.raises(OSError), socket.create_connection((outward, service.port), timeout=2):
        pass
