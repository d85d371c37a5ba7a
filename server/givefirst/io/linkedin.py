"""LinkedIn's data export: Connections.csv, messages.csv, or the whole ZIP archive.

Each connection becomes a person with their LinkedIn profile — a connection, not a relationship:
circle `acquaintance`, how-met "LinkedIn connection since 2 Jan 2023", the company and position as the
profile showed them. Messages become interactions with people you already have (or connections
in the same archive); conversations with anyone else are left out, so an import never builds a
dossier on a stranger who wrote to you. What becomes which interaction: see io/linkedin_messages.py.
"""

import functools
import re
from collections.abc import Iterable
from datetime import date, datetime
from pathlib import Path

from givefirst.core.dates import short_day
from givefirst.io import capped, linkedin_messages
from givefirst.io.entries import Batch, Skipped, identity
from givefirst.io.format import Format, Job
from givefirst.io.reading import (
    ImportProblem,
    csv_rows,
    find_header,
    header_key,
    records,
)
from givefirst.store import profiles

CONNECTIONS = ("first name", "last name", "connected on")
# "15 Mar 2024" today; "7-Feb-22" and others in older exports and after a spreadsheet saved them.
DATE_FORMATS = ("%d %b %Y", "%d-%b-%y", "%d-%b-%Y", "%d %B %Y", "%Y-%m-%d", "%b %d, %Y")
# Today's form, "%d %b %Y", read directly: strptime takes 12 µs a date, on thousands of dates.
TODAYS_FORM = re.compile(r"(\d{1,2}) ([A-Za-z]{3}) (\d{4})", re.ASCII)
MONTHS = {
    name: n
    for n, name in enumerate(
        ["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"], 1
    )
}


def read(path: Path, known_keys: set[str]) -> Batch:
    """Read Connections.csv, messages.csv or the archive; `known_keys` are the LinkedIn profile
    keys already in the database (they tell your side of a conversation from theirs)."""
    batch = Batch(source=path.name)
    if capped.is_zip(path):
        with capped.Archive(path) as archive:
            read_archive(batch, archive, known_keys)
        return batch
    rows = csv_rows(capped.file_lines(path), path.name)
    for _, cells in rows:
        names = {header_key(cell) for cell in cells}
        if set(CONNECTIONS) <= names:
            read_connections(batch, capped.file_lines(path), path.name)
            return batch
        if set(linkedin_messages.COLUMNS) <= names:
            linkedin_messages.add_to(batch, capped.file_lines(path), path.name, known_keys, set())
            return batch
    raise ImportProblem(
        path.name,
        None,
        "no header row of a LinkedIn export was found (Connections.csv needs "
        "First Name, Last Name and Connected On; messages.csv needs CONVERSATION ID, FROM, DATE…)",
    )


def read_archive(batch: Batch, archive: capped.Archive, known_keys: set[str]) -> None:
    """Connections first: the messages need to know who the connections are."""
    found = archive.find(("connections.csv", "messages.csv"))
    if not found:
        raise ImportProblem(
            archive.source, None, "the archive holds no Connections.csv or messages.csv"
        )
    if "connections.csv" in found:
        member = found["connections.csv"]
        read_connections(batch, archive.lines(member), archive.name(member))
    if "messages.csv" in found:
        member = found["messages.csv"]
        connections = {u for e in batch.entries for u in e.fields["profiles"]}
        linkedin_messages.add_to(
            batch, archive.lines(member), archive.name(member), known_keys, connections
        )


def read_connections(batch: Batch, lines: Iterable[str], source: str) -> None:
    """Rows after the header (which follows a "Notes:" preamble of any length)."""
    rows = csv_rows(lines, source)
    for line, row in records(rows, find_header(rows, CONNECTIONS, source), source):
        first, last = row["first name"].strip(), row["last name"].strip()
        name = f"{first} {last}" if first and last else first or last
        url = row.get("url", "").strip()
        if not name:  # LinkedIn leaves out the names of members who hide them
            batch.skipped.append(Skipped(line, url or "(no name)", "no name"))
            continue
        since = connected_on(row["connected on"], source, line)
        batch.add(
            source,
            line,
            name,
            profiles=[url] if url else [],
            emails=[row.get("email address", "")],
            how_met=how_met(since),
            observed={"name": name, "company": row.get("company"), "role": row.get("position")},
            source_identity=identity("linkedin", name.lower(), since or ""),
        )


def connected_on(value: str, source: str, line: int) -> str | None:
    """The date a connection was made, as YYYY-MM-DD."""
    value = value.strip()
    if not value:
        return None
    try:
        return iso_date(value)
    except ValueError:
        raise ImportProblem(
            source, line, f"Connected On {value[:40]!r} is not a date like 15 Mar 2024 or 7-Feb-22"
        ) from None


@functools.lru_cache(maxsize=16_384)  # connections share dates: 45 years of days at most
def iso_date(value: str) -> str:
    found = TODAYS_FORM.fullmatch(value)
    if found and found[2].lower() in MONTHS:  # as strptime reads it, without its slow general way
        try:
            return date(int(found[3]), MONTHS[found[2].lower()], int(found[1])).isoformat()
        except ValueError:  # 31 Feb: the formats below refuse it too, and say so
            pass
    for pattern in DATE_FORMATS:
        try:
            return datetime.strptime(value, pattern).date().isoformat()
        except ValueError:
            continue
    raise ValueError(value)


@functools.lru_cache(maxsize=16_384)  # one text for all the connections made on one day
def how_met(since: str | None) -> str:
    if since is None:
        return "LinkedIn connection"
    return f"LinkedIn connection since {short_day(date.fromisoformat(since))}"


def read_job(job: Job) -> Batch:
    return read(job.path, profiles.keys_on_site(job.db, "linkedin"))


FORMAT = Format(
    "linkedin",
    "LinkedIn export (the ZIP, Connections.csv or messages.csv)",
    (".zip", ".csv"),
    read_job,
)
