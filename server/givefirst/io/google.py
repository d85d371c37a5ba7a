"""Google Contacts CSV: the current export and the legacy "Google CSV" (UTF-16).

Columns are found by name, so their order and the many columns we do not use do not matter.
Cells holding several values separate them with " ::: "; labels such as "* myContacts" (Google's
own groups, starting with "* ") are not tags, the person's own labels ("Work") are.
"""

import re
from pathlib import Path

from givefirst.io import capped
from givefirst.io.entries import Batch, Skipped, contact_identity, work_fact
from givefirst.io.format import Format
from givefirst.io.reading import ImportProblem, csv_rows, header_key, records
from givefirst.io.vcard import birthday

SEPARATOR = " ::: "
NAME_PARTS = (
    ("first name", "given name"),
    ("middle name", "additional name"),
    ("last name", "family name"),
)
EMAIL_COLUMN = re.compile(r"e-mail \d+ - value")
PHONE_COLUMN = re.compile(r"phone \d+ - value")
WEBSITE_COLUMN = re.compile(r"website \d+ - value")


def read(path: Path) -> Batch:
    batch = Batch(source=path.name)
    rows = csv_rows(capped.file_lines(path), path.name)
    first = next(rows, None)
    header = [header_key(cell) for cell in first[1]] if first else []
    if not ({"name", "first name", "given name"} & set(header)) or not (
        {"labels", "group membership"} & set(header) or any(map(EMAIL_COLUMN.fullmatch, header))
    ):
        raise ImportProblem(
            path.name, 1, "is not a Google Contacts CSV (no First Name and Labels columns)"
        )
    for line, row in records(rows, header, path.name):
        add_row(batch, line, row)
    return batch


def values(cell: str | None) -> list[str]:
    return [v.strip() for v in (cell or "").split(SEPARATOR) if v.strip()]


def pick(row: dict[str, str], *names: str) -> str:
    return next((row[n].strip() for n in names if row.get(n, "").strip()), "")


def add_row(batch: Batch, line: int, row: dict[str, str]) -> None:
    parts = [pick(row, *names) for names in NAME_PARTS]
    name = pick(row, "name") or " ".join(p for p in parts if p) or pick(row, "nickname", "file as")
    emails = [
        v for column, cell in row.items() if EMAIL_COLUMN.fullmatch(column) for v in values(cell)
    ]
    if not name:
        batch.skipped.append(Skipped(line, emails[0] if emails else "(no name)", "no name"))
        return
    links = [
        v for column, cell in row.items() if WEBSITE_COLUMN.fullmatch(column) for v in values(cell)
    ]
    labels = values(row.get("labels") or row.get("group membership"))
    facts = work_fact(
        pick(row, "organization title", "organization 1 - title"),
        pick(row, "organization name", "organization 1 - name"),
    )
    born = pick(row, "birthday")
    if born:
        day = birthday(born)
        if day:
            facts.append(day)
        else:
            batch.warn(line, f"left out the birthday {born[:30]!r}: not a date")
    batch.add(
        batch.source,
        line,
        name,
        links=links,
        emails=emails,
        tags=[label for label in labels if not label.startswith("* ")],
        notes=pick(row, "notes") or None,
        facts=facts,
        source_identity=contact_identity(
            "google",
            name,
            [
                v
                for column, cell in row.items()
                if PHONE_COLUMN.fullmatch(column)
                for v in values(cell)
            ],
            pick(row, "organization name", "organization 1 - name"),
        ),
    )


FORMAT = Format("google", "Google Contacts CSV", (".csv",), lambda job: read(job.path))
