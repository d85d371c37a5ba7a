"""Backups and restores: consistent copies taken while the service writes, checked, private.

SQLite's online backup API copies the database inside one read transaction; with WAL, writers
carry on meanwhile and the copy is the database as it was at one moment. Every copy is checked
with `PRAGMA integrity_check` before it replaces anything, and is readable by its owner only.
"""

import logging
import os
import tempfile
import threading
from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime
from pathlib import Path

from givefirst import private_files
from givefirst.clock import utcnow
from givefirst.errors import GivefirstError
from givefirst.store import copies
from givefirst.store.connection import open_db

KEEP_DAILY = 7
DAILY_PATTERN = "givefirst-????-??-??.db"
SQLITE_HEADER = b"SQLite format 3\x00"
log = logging.getLogger(__name__)


class BackupProblem(GivefirstError):
    code = "bad_backup"


def copy(source: Path, target: Path) -> None:
    """A checked copy of the database at `source`, written to `target` (mode 0600) atomically."""
    try:
        copy_checked(source, target)
    except OSError as error:
        raise BackupProblem(f"cannot write {target}: {error.strerror}") from None


def copy_checked(source: Path, target: Path) -> None:
    # The source is usually the live database, which this very process (the service) has open:
    # never open it with a plain file descriptor. Closing one drops every POSIX lock the process
    # holds on the file, SQLite's included, and another process may then checkpoint and truncate
    # the WAL under a running request (SQLITE_IOERR_SHORT_READ). SQLite itself reads the header.
    if not source.is_file():
        raise BackupProblem(f"{source}: no such file")
    if target.exists() and target.resolve() == source.resolve():
        raise BackupProblem(f"{target} is the database itself; choose another file")
    private_files.make_folder(target.parent)
    partial = target.with_name(f".{target.name}.{os.getpid()}.{threading.get_ident()}.partial")
    partial.unlink(missing_ok=True)
    os.close(os.open(partial, os.O_CREAT | os.O_EXCL | os.O_WRONLY, 0o600))  # SQLite keeps it
    try:
        try:
            problems = copies.copy_database(source, partial)
        except copies.DatabaseError as error:
            raise BackupProblem(f"{source} cannot be copied: {error}") from None
        refuse_damaged(problems, source.name)
        os.chmod(partial, 0o600)
        os.replace(partial, target)
    finally:
        partial.unlink(missing_ok=True)


def check_is_sqlite(path: Path) -> None:
    try:
        with path.open("rb") as file:
            header = file.read(len(SQLITE_HEADER))
    except FileNotFoundError:
        raise BackupProblem(f"{path}: no such file") from None
    except OSError as error:
        raise BackupProblem(f"{path} cannot be read ({error.strerror})") from None
    if header != SQLITE_HEADER:
        raise BackupProblem(f"{path} is not a SQLite database")


def refuse_damaged(problems: list[str], name: str) -> None:
    if problems:
        raise BackupProblem(f"{name} failed the integrity check: {'; '.join(problems[:3])}")


def verify(path: Path) -> None:
    """A file restore may use: SQLite, intact, a givefirst database this version understands."""
    check_is_sqlite(path)
    try:
        problems, names = copies.migrations_applied(path)
    except copies.DatabaseError as error:
        raise BackupProblem(f"{path.name} cannot be read ({error})") from None
    refuse_damaged(problems, path.name)
    unknown = names - copies.migrations_known()
    if not names:
        raise BackupProblem(f"{path.name} is not a givefirst database")
    if unknown:
        raise BackupProblem(f"{path.name} was made by a newer givefirst ({sorted(unknown)[0]})")


def backup(db_path: Path, target: Path) -> None:
    """`givefirst backup PATH`."""
    copy(db_path, target)


@dataclass(frozen=True)
class Restored:
    """What a restore did: where the previous database went, and what became of access."""

    saved: Path | None  # the database as it was before, or None when there was none
    tokens: int  # API tokens that work after the restore
    sessions: int  # dashboard sessions still logged in after the restore
    revoked: int  # the backup's own tokens revoked, when there was no database to keep from
    ended: int  # the backup's own sessions ended, likewise


def restore(db_path: Path, source: Path, now: datetime | None = None) -> Restored:
    """Replace the database's contents with a verified backup.

    Who may get in is not part of what a backup restores: tokens, pairing requests, login links
    and dashboard sessions stay as they are in the current database, so a token revoked or a
    session ended since the backup stays so. Restoring where there is no database yet revokes
    the backup's tokens and ends its sessions instead.
    """
    if db_path.exists() and source.exists() and db_path.resolve() == source.resolve():
        raise BackupProblem(f"{source} is the database itself; choose a backup file")
    verify(source)  # reads the file's header: never the live database (see copy_checked)
    when = now or utcnow()
    saved = None
    if db_path.exists():
        saved = db_path.with_name(f"{db_path.stem}-before-restore-{when:%Y%m%dT%H%M%SZ}.db")
        copy(db_path, saved)
    private_files.create_file(db_path)  # a new database is private from its first byte
    with tempfile.TemporaryDirectory(dir=db_path.parent, prefix=".restore-") as folder:
        staged = Path(folder) / "restored.db"
        copy(source, staged)
        prepared = open_db(staged)  # a backup from an older version gains the newer migrations
        try:
            revoked, ended = copies.shut_out(prepared, when) if saved is None else (0, 0)
            if saved is not None:
                copies.carry_access(prepared, saved)
            tokens, sessions = copies.live_access(prepared, when)
            copies.make_self_contained(prepared)
        finally:
            prepared.close()
        copies.copy_over(staged, db_path)
    open_db(db_path).close()
    return Restored(saved, tokens, sessions, revoked, ended)


def default_folder(db_path: Path) -> Path:
    return db_path.parent / "backups"


def daily(db_path: Path, folder: Path, today: date, keep: int = KEEP_DAILY) -> Path | None:
    """Today's backup unless it exists (returned when made); only the newest `keep` stay."""
    private_files.make_folder(folder)
    private_files.tighten_folder(folder)  # one made by an older version may be 0755
    target = folder / f"givefirst-{today.isoformat()}.db"
    made = None
    if not target.exists() and db_path.exists():
        copy(db_path, target)
        made = target
    for old in sorted(folder.glob(DAILY_PATTERN))[:-keep]:
        old.unlink()
    return made


def keep_daily(
    db_path: Path, folder: Path, clock: Callable[[], datetime] = utcnow, every: float = 3600
) -> threading.Event:
    """Back up now and then once a day (checking hourly) on a daemon thread; set the returned
    event to stop. A failed backup is logged and tried again an hour later."""
    stop = threading.Event()

    def run() -> None:
        while True:
            try:
                daily(db_path, folder, clock().date())
            except Exception as error:
                log.warning("daily backup failed: %s", error)
            if stop.wait(every):
                return

    threading.Thread(target=run, name="givefirst-daily-backup", daemon=True).start()
    return stop
