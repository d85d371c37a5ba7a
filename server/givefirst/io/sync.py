"""Syncing mail and calendar sources: on demand (`givefirst sync`) or every N minutes while
`givefirst serve` runs. Each sync is one import; how it went is kept on the source."""

import logging
import threading
import urllib.error
import urllib.parse
import urllib.request
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import from_db, utcnow
from givefirst.errors import GivefirstError
from givefirst.io import calendar, import_batch, secrets
from givefirst.io.mail import imap
from givefirst.io.reading import ImportProblem
from givefirst.io.summary import Summary
from givefirst.store import sources
from givefirst.store.connection import open_db

log = logging.getLogger(__name__)
MAX_CALENDAR_BYTES = 64 * 1024 * 1024
TIMEOUT = 30


def calendar_label(url: str) -> str:
    """A calendar's secret address never goes into a summary or a log: its host only."""
    return f"calendar at {urllib.parse.urlsplit(url).hostname or '?'}"


def checked_url(url: str) -> str:
    url = url.strip()
    if url.lower().startswith("webcal://"):
        url = "https://" + url[len("webcal://") :]
    parts = urllib.parse.urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        raise ImportProblem(
            "calendar", None, "the address must start with https:// (or webcal://, http://)"
        )
    return url


def fetch_calendar(url: str) -> bytes:
    label = calendar_label(url)
    request = urllib.request.Request(url, headers={"User-Agent": "givefirst"})
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:  # noqa: S310
            data = response.read(MAX_CALENDAR_BYTES + 1)
    except urllib.error.HTTPError as error:
        raise ImportProblem(label, None, f"the server answered {error.code}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise ImportProblem(label, None, f"cannot be fetched ({reason})") from None
    if len(data) > MAX_CALENDAR_BYTES:
        raise ImportProblem(label, None, "is larger than 64 MiB")
    return data


def sync_calendar(db: Database, url: str, *, dry_run: bool, now: datetime) -> Summary:
    data = fetch_calendar(url)
    batch = calendar.read_calendar(db, data, calendar_label(url), f"url:{url}", now)
    return import_batch(db, batch, dry_run=dry_run, now=now)


def sync_source(db: Database, db_file: Path, source: dict, now: datetime) -> Summary | None:
    """Sync one saved source and record how it went; the error's reason, never raised."""
    try:
        if source["kind"] == "ics":
            summary = sync_calendar(db, source["address"], dry_run=False, now=now)
        else:
            account = imap.Account.from_settings(source["settings"])
            password = secrets.password(db_file, account.address)
            if password is None:
                raise ImportProblem(
                    account.address,
                    None,
                    "no saved password: run givefirst sync imap once in a terminal",
                )
            summary = imap.sync(db, source["id"], account, password, dry_run=False, now=now)
    except GivefirstError as error:
        sources.record_sync(db, source["id"], now, error.message)
        return None
    sources.record_sync(db, source["id"], now, None)
    return summary


def due(source: dict, now: datetime) -> bool:
    every = source["settings"].get("every")
    if not every:
        return False
    last = from_db(source["last_sync_at"])
    return last is None or now - last >= timedelta(minutes=int(every))


def sync_due(db: Database, db_file: Path, now: datetime) -> int:
    """Sync every source whose interval has passed; how many were synced."""
    synced = 0
    for source in sources.all_sources(db):
        if due(source, now):
            sync_source(db, db_file, source, now)
            synced += 1
    return synced


def keep_synced(db_file: Path, every: float = 60) -> threading.Event:
    """While the service runs, sync the sources that are due, checking every minute, on a
    daemon thread with its own connection; set the returned event to stop."""
    stop = threading.Event()

    def run() -> None:
        db = open_db(db_file)
        while not stop.wait(every):
            try:
                sync_due(db, db_file, utcnow())
            except Exception as error:  # a sync's own errors are kept on its source
                log.warning("mail and calendar sync failed: %s", error)

    threading.Thread(target=run, name="givefirst-sync", daemon=True).start()
    return stop
