"""Every reader takes time in proportion to its input: four times the input may take about
four times as long, never sixteen (as joining a folded vCard line piece by piece did).

The figures themselves live in scripts/bench-readers; this checks only how time grows, on CPU
time (not the wall clock), the best of three runs.
"""

import time

import pytest
from givefirst.io import givefirst_json, google, linkedin, vcard

from tests.support import synthetic_imports as make

MAX_GROWTH = 8.0  # linear gives about 4 (less with fixed costs); quadratic about 16

READERS = {
    "vcard-folded-lines": (make.folded_vcard, vcard.read, 20_000),
    "google-csv": (make.google_csv, google.read, 2_000),
    "linkedin-messages": (make.linkedin_messages, lambda p: linkedin.read(p, set()), 2_000),
    "json-document": (make.json_document, lambda p: list(givefirst_json.persons(p)), 1_000),
}


def cpu_seconds(read, path) -> float:
    best = float("inf")
    for _ in range(3):
        start = time.process_time()
        read(path)
        best = min(best, time.process_time() - start)
    return best


@pytest.mark.parametrize("name", READERS)
def test_four_times_the_input_takes_about_four_times_as_long(tmp_path, name):
    write, read, n = READERS[name]
    small = write(tmp_path / "small", n)
    large = write(tmp_path / "large", 4 * n)
    read(small)  # warm: imports, caches
    growth = cpu_seconds(read, large) / max(cpu_seconds(read, small), 1e-3)
    assert growth < MAX_GROWTH, f"{name}: 4x the input took {growth:.1f}x the time"


def test_a_long_folded_line_unfolds_whole():
    lines = ["BEGIN:VCARD\r\n", "NOTE:a\r\n"] + [" b\r\n"] * 50_000 + ["END:VCARD\r\n"]
    unfolded = list(vcard.logical_lines(lines))
    assert unfolded[1] == (2, "NOTE:a" + "b" * 50_000)
    assert unfolded[2] == (50_003, "END:VCARD")
