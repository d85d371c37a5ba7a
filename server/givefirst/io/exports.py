"""`givefirst export json|csv|vcard PATH`: everything, for you to keep or take elsewhere."""

import json
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import utcnow
from givefirst.errors import GivefirstError
from givefirst.io import givefirst_json, tables, vcard
from givefirst.io.private import write_private
from givefirst.io.summary import plural


def export_file(db: Database, kind: str, path: str | Path, now: datetime | None = None) -> str:
    """Write the export of `kind` to `path` (a folder for csv); returns what was written."""
    path = Path(path)
    try:
        return write_export(db, kind, path, now or utcnow())
    except OSError as error:
        raise GivefirstError(f"cannot write {path}: {error.strerror}") from None


def write_export(db: Database, kind: str, path: Path, now: datetime) -> str:
    if kind == "csv":
        counts = tables.write_tables(db, path)
        return (
            f"Wrote {len(counts)} CSV files to {path} ({plural(counts['people'], 'person')}, "
            f"{plural(counts['interactions'], 'interaction')})."
        )
    built = givefirst_json.build(db, now)
    if kind == "json":
        write_private(path, json.dumps(built, ensure_ascii=False, indent=1) + "\n")
    else:
        write_private(path, vcard.write_cards(built["people"]))
    return f"Wrote {plural(len(built['people']), 'person')} to {path}."
