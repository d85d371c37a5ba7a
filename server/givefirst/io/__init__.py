"""Bringing a network in and taking it out: imports, exports, backups and merges.

`import_file` and `export_file` are the entry points the CLI and the dashboard call. One module
per format, listed in formats.py (linkedin, vcard, google, json, mbox, ics); matching.py decides
who is who in an import; reconcile.py folds a JSON document or another database in; both plan
with planner.py, and store/bulk.py writes what they planned. A format's module is imported
when a file of it is read (formats.py), the exporters when an export runs.
"""

from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import utcnow
from givefirst.io import formats, matching
from givefirst.io.entries import Batch
from givefirst.io.format import Job
from givefirst.io.summary import Summary
from givefirst.store import bulk
from givefirst.store.connection import write

IMPORT_KINDS = formats.NAMES
EXPORT_KINDS = ("json", "csv", "vcard")
__all__ = ["EXPORT_KINDS", "IMPORT_KINDS", "export_file", "import_batch", "import_file"]


def import_file(
    db: Database,
    kind: str,
    path: str | Path,
    *,
    dry_run: bool = False,
    now: datetime | None = None,
    progress: matching.Progress | None = None,
) -> Summary:
    """Import a file of `kind` in one transaction (or, with dry_run, only say what would happen).

    A broken file raises ImportProblem (file, line, reason) and nothing is written.
    """
    now = now or utcnow()
    kind_format = formats.load(kind)
    if kind_format.read is None:
        return kind_format.run(db, Path(path), dry_run=dry_run, progress=progress)
    batch = kind_format.read(Job(db, Path(path), now, progress))
    return import_batch(db, batch, dry_run=dry_run, now=now, progress=progress)


def import_batch(
    db: Database,
    batch: Batch,
    *,
    dry_run: bool,
    now: datetime,
    progress: matching.Progress | None = None,
) -> Summary:
    """Match a batch read from a file or an account and write it in one transaction."""
    if dry_run:
        return matching.plan(db, batch, now, progress).summary(batch.source, dry_run=True)
    with write(db):
        result = matching.plan(db, batch, now, progress)
        with bulk.derived_at_the_end(db, len(result.writes.inserts["interactions"])):
            bulk.write(db, result.writes)
            for step in batch.after:
                step(db)
    return result.summary(batch.source, dry_run=False)


def __getattr__(name: str):
    """export_file, from io/exports.py when it is first asked for: an import does not need
    the exporters (nor the JSON document's and the vCard's writers they bring)."""
    if name == "export_file":
        from givefirst.io.exports import export_file

        return export_file
    raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
