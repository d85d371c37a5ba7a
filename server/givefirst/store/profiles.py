"""Profiles as pages show them: what we saw last, and what changed since."""

import json
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.core import news
from givefirst.core.vocabulary import Change
from givefirst.db import write

OBSERVED = ("name", "headline", "company", "role", "location", "photo_url")
TRACKED = ("role", "company", "headline", "location")  # what a snapshot may hold
# Changes worth a note to the person; an edited headline is a reworded tagline, not news (older
# snapshots may still hold one: it is kept, never shown).
NOTED = ("role", "company", "location")
SEEN_EVERY = timedelta(hours=1)  # last_seen_at granularity, to keep page views read-only
CHANGES_FOR = timedelta(days=180)


def find(db: Database, key: str) -> dict | None:
    rows = list(db.query("SELECT * FROM profiles WHERE key = ?", [key]))
    return rows[0] if rows else None


def observe(db: Database, profile: dict, fields: dict, now: datetime) -> None:
    """Remember what a known person's page shows; record a snapshot when tracked fields change.

    A field the page does not show this time is not a change (pages differ, logged in or not);
    the first value ever seen is not news either; a change is kept once, when first seen.
    """
    seen = {f: fields[f] for f in OBSERVED if fields.get(f)}
    updates = {f: v for f, v in seen.items() if profile.get(f) != v}
    changed = {
        f: [profile[f], updates[f]]
        for f in NOTED
        if f in updates and profile.get(f) and not news.same(f, profile[f], updates[f])
    }
    last_seen = from_db(profile.get("last_seen_at"))
    if not updates and last_seen and now - last_seen < SEEN_EVERY:
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


def introductions(db: Database, person_id: int, limit: int = 3) -> list[dict]:
    """Other people who share a tag or a company with this person: a shared interest (tag) before
    a shared employer, people at other companies before colleagues (who know each other already),
    then relationships first."""
    # Companies compare as their names without legal forms: "Helio Grid GmbH" is Helio Grid.
    db.register_function(news.company_key, name="company_key", deterministic=True, replace=True)
    return list(
        db.query(
            """
            WITH mine AS (
                SELECT 'tag' AS shared, tag AS value FROM person_tags WHERE person_id = :id
                UNION
                SELECT 'company', company FROM profiles WHERE person_id = :id AND company IS NOT NULL
            ), matches AS (
                SELECT t.person_id, 'tag' AS shared, t.tag AS value
                FROM person_tags t JOIN mine m ON m.shared = 'tag' AND t.tag = m.value COLLATE NOCASE
                UNION
                SELECT p.person_id, 'company', p.company
                FROM profiles p JOIN mine m ON m.shared = 'company'
                     AND company_key(p.company) = company_key(m.value) AND company_key(m.value) != ''
            )
            SELECT m.person_id, pe.name, max(m.shared) AS shared, m.value,
                   (SELECT count(*) FROM interactions i WHERE i.person_id = m.person_id) AS touches,
                   EXISTS (SELECT 1 FROM profiles a JOIN profiles b
                           ON company_key(a.company) = company_key(b.company)
                           WHERE a.person_id = :id AND b.person_id = m.person_id) AS same_company
            FROM matches m JOIN people pe ON pe.id = m.person_id
            WHERE m.person_id != :id
            GROUP BY m.person_id
            ORDER BY same_company, shared = 'tag' DESC, touches > 0 DESC, touches DESC, pe.name
            LIMIT :limit
            """,
            {"id": person_id, "limit": limit},
        )
    )
