"""Print how long each import reader takes on synthetic files of n and 4n entries, and the peak
memory of `givefirst import linkedin` on two ZIP bombs (a few hundred KiB each, claiming half
a gigabyte). Made-up data only."""

import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from givefirst.io import givefirst_json, google, linkedin, vcard  # noqa: E402

from tests.io.test_bounded_reading import LONG_LINE, MiB, bomb, peak_rss_mb_of_import  # noqa: E402
from tests.support import synthetic_imports as make  # noqa: E402

READERS = (
    ("vCard, one line folded n times", make.folded_vcard, vcard.read, 100_000),
    ("Google Contacts CSV, n rows", make.google_csv, google.read, 20_000),
    (
        "LinkedIn messages.csv, n messages",
        make.linkedin_messages,
        lambda path: linkedin.read(path, set()),
        20_000,
    ),
    ("givefirst JSON, n people", make.json_document, givefirst_json.load, 5_000),
)
BOMBS = (
    (
        "two members of 256 MiB of text lines",
        {"Connections.csv": (LONG_LINE, 256 * MiB), "messages.csv": (LONG_LINE, 256 * MiB)},
    ),
    ("one member of 512 MiB of zeros", {"Connections.csv": (b"\0", 512 * MiB)}),
)


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        work = Path(folder)
        for label, write, read, n in READERS:
            times = []
            for size in (n, 4 * n):
                path = write(work / f"input-{size}", size)
                start = time.process_time()
                read(path)
                times.append(time.process_time() - start)
            print(
                f"{label}: n={n} {times[0]:.2f} s, 4n {times[1]:.2f} s "
                f"(x{times[1] / max(times[0], 1e-3):.1f})"
            )
        for label, members in BOMBS:
            path = bomb(work / "Basic_LinkedInDataExport.zip", members)
            peak, result = peak_rss_mb_of_import(path, work / "bench.db")
            print(
                f"ZIP bomb, {label} ({path.stat().st_size // 1024} KiB): peak RSS {peak:.0f} MB "
                f"(target < 300 MB); {result.stderr.strip()}"
            )


if __name__ == "__main__":
    main()
