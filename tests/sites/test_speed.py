"""The benchmark behind the 30 ms target works, and a big page is read as well as a small one.

Speed itself is measured by scripts/bench-extract (README, "Benchmarks"), never asserted here:
a timed test would only flake on a busy computer.
"""

import subprocess
import sys
from pathlib import Path

from givefirst.extract import extract
from givefirst.sites import canonicalise

from tests.sites.synthetic import padded

ROOT = Path(__file__).parents[2]


def test_a_500_kb_signed_in_linkedin_page_reads_the_same_as_the_small_one():
    url, html = padded("linkedin/member-full", 500 * 1024)
    assert len(html) >= 500 * 1024
    profile = extract(canonicalise(url), html, None, None)
    assert (profile["name"], profile["role"]) == ("Priya Raman", "Staff Engineer")


def test_the_benchmark_script_runs_and_reports_the_500_kb_page():
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "bench-extract"), "--runs", "1"],
        capture_output=True,
        text=True,
        timeout=120,
        check=True,
    )
    assert "linkedin/member-full" in result.stdout
    assert "500 KB signed-in LinkedIn page" in result.stdout
