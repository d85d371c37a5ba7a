"""Bringing a network in and taking it out: imports, exports, backups and merges.

`import_file` and `export_file` are the entry points the CLI and the dashboard call. One module
per format (linkedin, messages, vcard, google, document, tables); matching.py decides who is
who and writes an import; reconcile.py folds a JSON document or another database in.
"""

from collections.abc import Callable
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import utcnow
from givefirst.db import write
from givefirst.io import google, linkedin, matching, reconcile, vcard
from givefirst.io.entries import Batch
from givefirst.io.exports import export_file
from givefirst.io.summary import Summary

IMPORT_KINDS = ("linkedin", "vcard", "google", "json")
EXPORT_KINDS = ("json", "csv", "vcard")
__all__ = ["EXPORT_KINDS", "IMPORT_KINDS", "export_file", "import_file"]
CONTACT_READERS: dict[str, Callable[[Path], Batch]] = {"vcard": vcard.read, "google": google.read}


def read(db: Database, kind: str, path: Path) -> Batch:
    """A contacts file read into a batch by the module for its kind; nothing is written."""
    if kind == "linkedin":
        keys = {r[0] for r in db.execute("SELECT key FROM profiles WHERE site = 'linkedin'")}
        return linkedin.read(path, keys)
    return CONTACT_READERS[kind](path)


def import_file(
    db: Database, kind: str, path: str | Path, *, dry_run: bool = False,
    now: datetime | None = None, progress: matching.Progress | None = None,
) -> Summary:  # fmt: skip
    """Import a file of `kind` in one transaction (or, with dry_run, only say what would happen).

    A broken file raises ImportProblem (file, line, reason) and nothing is written.
    """
    now = now or utcnow()
    if kind == "json":
        return reconcile.import_document(db, Path(path), dry_run=dry_run, progress=progress)
    batch = read(db, kind, Path(path))
    if dry_run:
        return matching.plan(db, batch, now, progress).summary(batch.source, dry_run=True)
    with write(db):
        result = matching.plan(db, batch, now, progress)
        matching.apply(db, result)
    return result.summary(batch.source, dry_run=False)
