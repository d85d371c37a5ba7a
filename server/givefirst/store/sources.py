"""Mail and calendar sources: what is synced, how far it has been read, and how it went."""

import json
from datetime import datetime

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.errors import NotFound
from givefirst.store.connection import write

KINDS = ("imap", "ics")


def save(db: Database, kind: str, address: str, settings: dict, now: datetime) -> int:
    """Add a source, or update the settings given; its id."""
    with write(db):
        old = db.execute(
            "SELECT settings FROM sync_sources WHERE kind = ? AND address = ?", [kind, address]
        ).fetchone()
        settings = {**(json.loads(old[0]) if old else {}), **settings}
        db.execute(
            "INSERT INTO sync_sources (kind, address, settings, added_at) VALUES (?, ?, ?, ?) "
            "ON CONFLICT (kind, address) DO UPDATE SET settings = excluded.settings",
            [kind, address, json.dumps(settings), iso(now)],
        )
        return find(db, kind, address)["id"]


def find(db: Database, kind: str, address: str) -> dict:
    rows = list(
        db.query("SELECT * FROM sync_sources WHERE kind = ? AND address = ?", [kind, address])
    )
    if not rows:
        raise NotFound(f"no {kind} source {address}")
    return as_json(rows[0])


def all_sources(db: Database, kind: str | None = None) -> list[dict]:
    rows = db.query(
        "SELECT * FROM sync_sources WHERE :kind IS NULL OR kind = :kind ORDER BY kind, address",
        {"kind": kind},
    )
    return [as_json(r) for r in rows]


def as_json(row: dict) -> dict:
    return {**row, "settings": json.loads(row["settings"])}


def remove(db: Database, source_id: int) -> None:
    with write(db):
        db.execute("DELETE FROM sync_sources WHERE id = ?", [source_id])


def record_sync(db: Database, source_id: int, now: datetime, error: str | None) -> None:
    """When the source was last synced, and why it failed (None when it worked). A failed sync
    counts as one too, so a wrong password is not tried again before the next interval."""
    with write(db):
        db.execute(
            "UPDATE sync_sources SET last_sync_at = ?, last_error = ? WHERE id = ?",
            [iso(now), error[:500] if error else None, source_id],
        )


def folder_state(db: Database, source_id: int, folder: str) -> tuple[int, int] | None:
    """(UIDVALIDITY, last UID read) for a folder, or None before its first sync."""
    found = db.execute(
        "SELECT uidvalidity, last_uid FROM imap_folders WHERE source_id = ? AND folder = ?",
        [source_id, folder],
    ).fetchone()
    return (found[0], found[1]) if found else None


def save_folder_state(db: Database, source_id: int, folder: str, validity: int, uid: int) -> None:
    """Kept in the caller's write transaction, with what was read."""
    db.execute(
        "INSERT INTO imap_folders (source_id, folder, uidvalidity, last_uid) VALUES (?, ?, ?, ?) "
        "ON CONFLICT (source_id, folder) DO UPDATE SET uidvalidity = excluded.uidvalidity, "
        "last_uid = excluded.last_uid",
        [source_id, folder, validity, uid],
    )


def latest_exchanges(db: Database, threads: list[str]) -> dict[str, tuple[str, str, str]]:
    """thread → (interaction id, its kind, when its last message was) for known mail threads."""
    found = {}
    for chunk in range(0, len(threads), 500):
        part = threads[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        sql = (
            f"SELECT t.thread, t.interaction_id, i.kind, t.last_at FROM mail_threads t "
            f"JOIN interactions i ON i.id = t.interaction_id WHERE t.thread IN ({marks})"
        )
        found.update((r[0], tuple(r[1:])) for r in db.execute(sql, part))
    return found


def save_threads(db: Database, rows: list[tuple[str, str, str]]) -> None:
    """(thread, interaction id, last message time); in the caller's write transaction."""
    db.conn.executemany(
        "INSERT INTO mail_threads (thread, interaction_id, last_at) VALUES (?, ?, ?) "
        "ON CONFLICT (thread) DO UPDATE SET interaction_id = excluded.interaction_id, "
        "last_at = max(last_at, excluded.last_at)",
        rows,
    )


def replace_meetings(db: Database, calendar: str, meetings: list[dict]) -> None:
    """The calendar's meetings ahead ({id, title, starts_at, emails}); in the caller's write."""
    db.execute("DELETE FROM upcoming_meetings WHERE calendar = ?", [calendar])
    db.conn.executemany(
        "INSERT OR REPLACE INTO upcoming_meetings (id, calendar, title, starts_at, emails) "
        "VALUES (:id, :calendar, :title, :starts_at, :emails)",
        [{**m, "calendar": calendar, "emails": json.dumps(m["emails"])} for m in meetings],
    )


def meetings_between(db: Database, start: datetime, end: datetime) -> list[dict]:
    """Meetings from `start` to `end`, soonest first, each with the people known by address."""
    rows = list(
        db.query(
            "SELECT id, title, starts_at, emails FROM upcoming_meetings "
            "WHERE starts_at >= ? AND starts_at < ? ORDER BY starts_at, title",
            [iso(start), iso(end)],
        )
    )
    for row in rows:
        addresses = json.loads(row.pop("emails"))
        marks = ",".join("?" * len(addresses))
        known = (
            list(
                db.query(
                    f"SELECT p.id, p.name, lower(e.email) AS email FROM person_emails e "
                    f"JOIN people p ON p.id = e.person_id WHERE e.email IN ({marks}) ORDER BY p.name",
                    addresses,
                )
            )
            if addresses
            else []
        )
        row["people"] = list({p["id"]: {"id": p["id"], "name": p["name"]} for p in known}.values())
        row["strangers"] = len(set(addresses) - {p["email"] for p in known})
    return rows
