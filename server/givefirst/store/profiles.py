"""Profiles as pages show them: what we saw last, and what changed since."""

import atexit
import json
import threading
from datetime import datetime, timedelta
from pathlib import Path

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.core import news
from givefirst.core.vocabulary import Change
from givefirst.store.connection import Kept, connect, write

OBSERVED = ("name", "headline", "company", "role", "location", "photo_url")
TRACKED = ("role", "company", "headline", "location")  # what a snapshot may hold
# Changes worth a note to the person; an edited headline is a reworded tagline, not news (older
# snapshots may still hold one: it is kept, never shown).
NOTED = ("role", "company", "location")
LINK_FIELDS = ("key", "site", "url")
SEEN_EVERY = timedelta(hours=1)  # last_seen_at granularity, to keep page views read-only
CHANGES_FOR = timedelta(days=180)


def find(db: Database, key: str) -> dict | None:
    rows = list(db.query("SELECT * FROM profiles WHERE key = ?", [key]))
    return rows[0] if rows else None


class SeenLater:
    """Page views' `last_seen_at`, written a moment after the answer rather than before it.

    A view that shows nothing new only moves this time stamp, and a transaction with
    synchronous=FULL costs fsyncs the card would wait for. `givefirst serve` gathers them here
    and writes them together on another thread; a crash loses at most the last second's views.
    They are written on a connection from the service's pool (`kept`) when it has one: opening
    a connection each second took milliseconds from the lookups of someone browsing.
    """

    def __init__(self, path: str | Path, delay: float = 1.0, kept: Kept | None = None):
        self.path, self.delay, self.kept = path, delay, kept
        self.pending: dict[int, str] = {}
        self.lock = threading.Lock()
        self.timer: threading.Timer | None = None
        atexit.register(self.flush)

    def note(self, profile_id: int, moment: datetime) -> None:
        with self.lock:
            self.pending[profile_id] = iso(moment)
            if self.timer is None:
                self.timer = threading.Timer(self.delay, self.flush)
                self.timer.daemon = True
                self.timer.start()

    def flush(self) -> None:
        with self.lock:
            pending, self.pending, self.timer = self.pending, {}, None
        if not pending:
            return
        db = self.kept.take() if self.kept else connect(self.path)
        try:
            with write(db):
                db.conn.executemany(
                    "UPDATE profiles SET last_seen_at = :at WHERE id = :id "
                    "AND (last_seen_at IS NULL OR last_seen_at < :at)",
                    [{"id": key, "at": at} for key, at in pending.items()],
                )
        finally:
            if self.kept:
                self.kept.give(db)  # `write` ended its transaction, committed or rolled back
            else:
                db.close()


def observe(
    db: Database,
    profile: dict,
    fields: dict,
    now: datetime,
    later: SeenLater | None = None,
    links: list[dict] | None = None,
) -> None:
    """Remember what a known person's page shows; record a snapshot when tracked fields change.

    A field the page does not show this time is not a change (pages differ, logged in or not);
    the first value ever seen is not news either; a change is kept once, when first seen.
    `links` are the page's links to the same person elsewhere (canonical profiles), kept whole.
    """
    seen = {f: fields[f] for f in OBSERVED if fields.get(f)}
    if links:
        seen["links"] = json.dumps([{k: link[k] for k in LINK_FIELDS} for link in links])
    updates = {f: v for f, v in seen.items() if profile.get(f) != v}
    changed = {
        f: [profile[f], updates[f]]
        for f in NOTED
        if f in updates and profile.get(f) and not news.same(f, profile[f], updates[f])
    }
    last_seen = from_db(profile.get("last_seen_at"))
    if not updates and last_seen and now - last_seen < SEEN_EVERY:
        return
    if not updates and later is not None:  # only the time stamp moves: off the critical path
        later.note(profile["id"], now)
        return
    with write(db):
        db["profiles"].update(profile["id"], {**updates, "last_seen_at": iso(now)})
        if changed:
            db["profile_snapshots"].insert(
                {"profile_id": profile["id"], "seen_at": iso(now), "fields": json.dumps(changed)}
            )


def changes(db: Database, person_id: int, now: datetime) -> list[Change]:
    """Tracked fields that changed on any of the person's profiles lately, newest first."""
    found = []
    for snapshot in db.query(
        "SELECT s.seen_at, s.fields FROM profile_snapshots s JOIN profiles p ON p.id = s.profile_id "
        "WHERE p.person_id = ? AND s.seen_at >= ? ORDER BY s.seen_at DESC, s.id DESC",
        [person_id, iso(now - CHANGES_FOR)],
    ):
        for field, (old, new) in tracked(snapshot["fields"]):
            found.append(Change(field, old, new, from_db(snapshot["seen_at"])))
    return found


def tracked(fields: str) -> list[tuple[str, list]]:
    """A snapshot's changes still worth showing: older versions also kept headline edits."""
    return [(f, pair) for f, pair in json.loads(fields).items() if f in NOTED]


def all_changes(db: Database, since: datetime) -> dict[int, list[Change]]:
    grouped: dict[int, list[Change]] = {}
    for snapshot in db.query(
        "SELECT p.person_id, s.seen_at, s.fields FROM profile_snapshots s "
        "JOIN profiles p ON p.id = s.profile_id WHERE s.seen_at >= ? ORDER BY s.seen_at DESC",
        [iso(since)],
    ):
        for field, (old, new) in tracked(snapshot["fields"]):
            change = Change(field, old, new, from_db(snapshot["seen_at"]))
            grouped.setdefault(snapshot["person_id"], []).append(change)
    return grouped


def owners(db: Database, keys: list[str]) -> dict[str, dict]:
    """Who each of these profile keys belongs to: {key: {"id", "name"}}, in one query."""
    if not keys:
        return {}
    marks = ",".join("?" * len(keys))
    return {
        row["key"]: {"id": row["person_id"], "name": row["name"]}
        for row in db.query(
            f"SELECT p.key, p.person_id, pe.name FROM profiles p JOIN people pe "
            f"ON pe.id = p.person_id WHERE p.key IN ({marks})",
            keys,
        )
    }


def seen_links(db: Database, person_id: int) -> list[dict]:
    """Profiles the person's own pages linked to when last seen, each once, in the order seen."""
    found: dict[str, dict] = {}
    for (stored,) in db.execute(
        "SELECT links FROM profiles WHERE person_id = ? AND links IS NOT NULL ORDER BY id",
        [person_id],
    ):
        for link in json.loads(stored):
            found.setdefault(link["key"], {k: link[k] for k in LINK_FIELDS})
    return list(found.values())


def fill_employer_keys(db: Database) -> None:
    """Work out the employer key of every profile whose company was set since (the triggers of
    migrations.py m1001 clear it): usually none, found through a partial index."""
    db.execute(
        "UPDATE profiles INDEXED BY profiles_employer_stale SET employer_key = company_key(company) "
        "WHERE employer_key IS NULL AND company IS NOT NULL"
    )


def keys_on_site(db: Database, site: str) -> set[str]:
    """Every profile key of one site, e.g. to tell a file's connections already known."""
    return {row[0] for row in db.execute("SELECT key FROM profiles WHERE site = ?", [site])}


def fill_company(db: Database, key: str, company: str) -> None:
    """The company of a profile that shows none yet (the demo's invented employers)."""
    with write(db):
        db.execute(
            "UPDATE profiles SET company = ? WHERE key = ? AND (company IS NULL OR company = '')",
            [company, key],
        )


def record_change(db: Database, key: str, change: dict, seen_at: datetime) -> None:
    """A change seen on a profile that has none recorded yet: the snapshot of what changed
    ({field: [before, after]}) and the profile showing the new values (the demo's news)."""
    profile = find(db, key)
    if (
        profile is None
        or db.execute(
            "SELECT 1 FROM profile_snapshots WHERE profile_id = ?", [profile["id"]]
        ).fetchone()
    ):
        return
    with write(db):
        db["profile_snapshots"].insert(
            {"profile_id": profile["id"], "seen_at": iso(seen_at), "fields": json.dumps(change)}
        )
        db["profiles"].update(profile["id"], {field: after for field, (_, after) in change.items()})
