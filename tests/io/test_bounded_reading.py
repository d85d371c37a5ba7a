"""Archives are read as streams within byte budgets counted on the bytes actually inflated;
decoding streams too; a bomb cannot take the memory an import runs in."""

import io
import json
import struct
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest
from givefirst.io import capped, linkedin
from givefirst.io.reading import ImportProblem

from tests.io.helpers import fixture

MiB = 1024 * 1024
RSS_LIMIT_MB = 300


def repeated(member: zipfile.ZipFile, name: str, chunk: bytes, size: int) -> None:
    """A member of `size` bytes of `chunk` repeated, written as a stream (never held whole)."""
    with member.open(name, "w", force_zip64=True) as out:
        block = chunk * (MiB // len(chunk))
        for _ in range(size // len(block)):
            out.write(block)


def bomb(path: Path, members: dict[str, tuple[bytes, int]]) -> Path:
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        for name, (chunk, size) in members.items():
            repeated(archive, name, chunk, size)
    return path


@pytest.fixture
def small_budgets(monkeypatch):
    monkeypatch.setattr(capped, "MAX_MEMBER_BYTES", 2 * MiB)
    monkeypatch.setattr(capped, "MAX_ARCHIVE_BYTES", 3 * MiB)


LINE = b"x" * 99 + b"\n"  # text with line ends: only the byte budget stops it
LONG_LINE = b"x" * 4095 + b"\n"  # the same, packing tighter


def test_a_member_inflating_past_its_budget_is_refused(tmp_path, small_budgets):
    path = bomb(tmp_path / "export.zip", {"Connections.csv": (LINE, 8 * MiB)})
    assert path.stat().st_size < MiB // 4
    with pytest.raises(ImportProblem, match=r"export.zip:Connections.csv: is larger than 2 MiB"):
        linkedin.read(path, set())


def test_the_members_together_have_one_budget(tmp_path, small_budgets):
    connections = fixture("linkedin/Connections.csv").read_bytes()
    filler = b"Notes:\n" + LINE * (MiB * 3 // 2 // len(LINE))  # each member under 2 MiB
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", filler + connections)
        archive.writestr("messages.csv", filler + fixture("linkedin/messages.csv").read_bytes())
    with pytest.raises(ImportProblem, match=r"the archive's files add up to more than 3 MiB"):
        linkedin.read(path, set())


def test_the_budget_counts_inflated_bytes_not_the_sizes_the_archive_declares(tmp_path):
    """A member that says it holds 1,000 bytes but inflates to 4 MiB is never read past that."""
    packed = io.BytesIO()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", LINE * (4 * MiB // len(LINE)))
    data = bytearray(packed.getvalue())
    central = data.rfind(b"PK\x01\x02")
    struct.pack_into("<I", data, 22, 1000)  # the local header's uncompressed size
    struct.pack_into("<I", data, central + 24, 1000)  # and the central directory's
    path = tmp_path / "lying.zip"
    path.write_bytes(bytes(data))
    with pytest.raises(ImportProblem, match=r"lying.zip:Connections.csv: cannot be read"):
        linkedin.read(path, set())


def test_a_line_without_end_is_refused_once_it_passes_the_line_limit(tmp_path):
    path = bomb(tmp_path / "zeros.zip", {"Connections.csv": (b"\0", 64 * MiB)})
    with pytest.raises(ImportProblem, match=r"zeros.zip:Connections.csv line 1: a line is longer"):
        linkedin.read(path, set())


def test_an_archive_listing_too_many_files_is_refused_before_they_are_read(tmp_path):
    path = tmp_path / "many.zip"
    with zipfile.ZipFile(path, "w") as archive:
        for n in range(capped.MAX_MEMBERS + 1):
            archive.writestr(f"f{n}", b"")
    with pytest.raises(ImportProblem, match=r"holds more than 10000 files"):
        linkedin.read(path, set())


def test_a_bad_byte_far_into_a_member_is_reported_on_its_line(tmp_path):
    lines = [b"Notes:\n"] + [b"filler line %d\n" % n for n in range(5000)] + [b"bad \xff byte\n"]
    path = tmp_path / "export.zip"
    with zipfile.ZipFile(path, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("Connections.csv", b"".join(lines))
    with pytest.raises(ImportProblem, match=r"Connections.csv line 5002: is not valid UTF-8 text"):
        linkedin.read(path, set())


def peak_rss_mb_of_import(path: Path, db: Path) -> tuple[float, subprocess.CompletedProcess]:
    """Run `givefirst import linkedin` in a child of a fresh Python, whose only child it is, and
    return the child's peak resident memory (ru_maxrss, in KiB on Linux)."""
    measure = (
        "import resource, subprocess, sys, json\n"
        "done = subprocess.run(sys.argv[1:], capture_output=True, text=True)\n"
        "peak = resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024\n"
        "print(json.dumps([peak, done.returncode, done.stderr]))\n"
    )
    result = subprocess.run(
        [
            sys.executable,
            "-c",
            measure,
            sys.executable,
            "-m",
            "givefirst",
            "import",
            "linkedin",
            str(path),
            "--db",
            str(db),
        ],
        capture_output=True,
        text=True,
        timeout=300,
        check=True,
    )
    peak, status, stderr = json.loads(result.stdout)
    return peak, subprocess.CompletedProcess([], status, "", stderr)


@pytest.mark.parametrize(
    "members",
    [
        {"Connections.csv": (LONG_LINE, 256 * MiB), "messages.csv": (LONG_LINE, 256 * MiB)},
        {"Connections.csv": (b"\0", 512 * MiB)},
    ],
    ids=["two-members-of-lines", "one-member-of-zeros"],
)
def test_importing_a_bomb_stays_under_300_mb(tmp_path, members):
    path = bomb(tmp_path / "Basic_LinkedInDataExport.zip", members)
    assert path.stat().st_size < 2 * MiB  # a few hundred KiB that claim half a gigabyte
    peak, result = peak_rss_mb_of_import(path, tmp_path / "g.db")
    assert result.returncode == 1
    assert result.stderr.startswith("Error: Basic_LinkedInDataExport.zip:Connections.csv")
    assert peak < RSS_LIMIT_MB, f"peak RSS {peak:.0f} MB importing a bomb"
