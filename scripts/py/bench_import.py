"""Generate a synthetic LinkedIn Connections.csv and print how long importing it takes.

Every name is made up from syllables; no real person's data is involved. Prints the time of a
dry run, the import itself, and a second import of the same file (which must change nothing).
"""

import argparse
import csv
import random
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path

from givefirst.io import import_file
from givefirst.store.connection import open_db

TARGET_SECONDS = 5.0
SYLLABLES = ("ka", "lo", "mi", "ren", "sa", "tor", "vi", "zen", "ar", "bel", "cor", "dra")
COMPANIES = ("Northwind Labs", "Quillfield, Inc.", "Orbit & Co", "Tidewater Systems", "Lumen")
POSITIONS = ("Engineer", "Product Manager", "Designer", "Founder", "Data Scientist", "CTO")
PREAMBLE = (
    'Notes:\n"When exporting your connection data, you may notice that some of the email '
    'addresses are missing."\n\n'
)


def made_up_name(rng: random.Random) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(rng.randint(2, 3))).capitalize()


def write_connections(path: Path, rows: int, seed: int = 7) -> None:
    rng = random.Random(seed)
    with path.open("w", newline="", encoding="utf-8-sig") as out:
        out.write(PREAMBLE)
        writer = csv.writer(out, lineterminator="\r\n")
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for n in range(rows):
            first, last = made_up_name(rng), made_up_name(rng)
            if n % 500 == 0:  # members who hide their names
                first = last = ""
            email = f"{first.lower()}.{last.lower()}.{n}@example.com" if n % 7 == 0 else ""
            since = date(2010, 1, 1) + timedelta(days=rng.randint(0, 5000))
            writer.writerow(
                [
                    first,
                    last,
                    f"https://www.linkedin.com/in/{first}-{last}-{n:05d}",
                    email,
                    rng.choice(COMPANIES),
                    rng.choice(POSITIONS),
                    since.strftime("%d %b %Y"),
                ]
            )


def timed(action) -> tuple[float, object]:
    start = time.perf_counter()
    result = action()
    return time.perf_counter() - start, result


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=30_000)
    rows = parser.parse_args().rows
    with tempfile.TemporaryDirectory() as folder:
        csv_path, db_path = Path(folder) / "Connections.csv", Path(folder) / "bench.db"
        write_connections(csv_path, rows)
        db = open_db(db_path)
        dry, _ = timed(lambda: import_file(db, "linkedin", csv_path, dry_run=True))
        first, summary = timed(lambda: import_file(db, "linkedin", csv_path))
        again, repeat = timed(lambda: import_file(db, "linkedin", csv_path))
        people = db["people"].count
        db.close()
    created, unchanged = summary.count("person", "created"), repeat.count("person", "created")
    print(f"rows:              {rows:,}")
    print(f"dry run:           {dry:.2f} s")
    print(
        f"import:            {first:.2f} s  ({created:,} people created; target ≤ {TARGET_SECONDS:.0f} s)"
    )
    print(f"same file again:   {again:.2f} s  ({unchanged} created)")
    print(f"people in the db:  {people:,}")
    print("result:            " + ("within target" if first <= TARGET_SECONDS else "TOO SLOW"))


if __name__ == "__main__":
    main()
