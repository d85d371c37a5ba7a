"""The OpenAPI document is true: schemathesis fuzzes a real `givefirst serve` from the document
the service itself serves, so every operation — those added later too — is checked.

Bounded in time (few examples per operation, a time budget for the run). It must find no server
error, no undocumented status, no answer that breaks its schema, and no request the document
calls invalid that the service accepts. Requests that fit the schema but break a rule it cannot
say (a URL that is no profile, merging a person with themselves) may still be refused with 422,
so schemathesis's positive_data_acceptance check is left out.
"""

import os
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.live_service import running_service

MAX_EXAMPLES = "6"
TIME_BUDGET_SECONDS = "45"
SEED = os.environ.get("GIVEFIRST_FUZZ_SEED", "1107")


def schemathesis() -> str:
    found = Path(sys.executable).with_name("st")
    return str(found) if found.exists() else shutil.which("st") or "st"


def test_fuzzing_from_the_openapi_document_finds_no_mismatch(tmp_path):
    with running_service(tmp_path) as service:
        result = subprocess.run(
            [
                schemathesis(),
                "run",
                f"{service.url}/api/openapi.json",
                "--checks",
                "all",
                "--exclude-checks",
                "positive_data_acceptance",
                "--max-examples",
                MAX_EXAMPLES,
                "--max-time",
                TIME_BUDGET_SECONDS,
                "--seed",
                SEED,
                "--workers",
                "1",
                "--no-color",
                "--header",
                f"Authorization: Bearer {service.token}",
            ],
            capture_output=True,
            text=True,
            timeout=300,
            cwd=tmp_path,
            env={**os.environ, "SCHEMATHESIS_HOOKS": ""},
        )
        log = service.log_path.read_text()
    report = result.stdout[-12000:] + result.stderr[-2000:]
    assert result.returncode == 0, report
    assert "Traceback" not in log, log[-4000:]
    assert " passed" in result.stdout and "Operations:" in result.stdout, report
