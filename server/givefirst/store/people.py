"""People: create, read, search, update, delete, merge, and their profiles and tags."""

import uuid
from datetime import datetime
from json import loads

from sqlite_utils import Database

from givefirst import validation as check
from givefirst.clock import iso
from givefirst.core.vocabulary import CIRCLES, DEFAULT_CIRCLE
from givefirst.errors import Conflict, Invalid, NotFound
from givefirst.sites import ProfileRef, canonicalise
from givefirst.store import emails as email_store
from givefirst.store import reminders
from givefirst.store.connection import write

MAX_PROFILES = 20
MAX_NOTES = 10_000  # characters of notes a person holds
MAX_TAGS = 50
PROFILE_COLUMNS = "key, site, url, name, headline, company, role, location, photo_url"
# Tables whose rows belong to one person: a merge moves them all to the person kept.
OWNED_TABLES = (
    "profiles",
    "interactions",
    "facts",
    "person_emails",
    "person_sources",
    "ask_reviews",
)


def checked_fields(data: dict, partial: bool) -> dict:
    """The person's own fields from an API body or an import row, checked."""
    fields = {
        "name": check.text(data, "name", required=not partial, max_length=200),
        "circle": check.choice(data, "circle", CIRCLES),
        "how_met": check.text(data, "how_met", max_length=500),
        "notes": check.text(data, "notes", max_length=MAX_NOTES, multiline=True),
    }
    if partial:  # PATCH: only what was sent; an explicit null clears a field
        if "name" in data and fields["name"] is None:
            raise Invalid("name must not be empty")
        return {k: v for k, v in fields.items() if k in data and not (k == "circle" and v is None)}
    fields["circle"] = fields["circle"] or DEFAULT_CIRCLE
    return fields


def profile_refs(urls: object) -> list[ProfileRef]:
    if urls is None:
        return []
    if not isinstance(urls, list) or not all(isinstance(u, str) for u in urls):
        raise Invalid("profiles must be a list of profile URLs")
    if len(urls) > MAX_PROFILES:
        raise Invalid(f"profiles has too many items (at most {MAX_PROFILES})")
    refs = []
    for url in urls:
        refs.append(ref_for(url))
    return list({ref.key: ref for ref in refs}.values())


def ref_for(url: object) -> ProfileRef:
    """The profile a URL names. Raises the site's InvalidUrl or NotAProfile, plain errors about
    the URL that each caller answers in its own way (the API and the dashboard with a 422)."""
    return canonicalise(url)


def create(db: Database, data: dict, now: datetime) -> int:
    """A new person with their profiles and tags; 409 if a profile already belongs to someone."""
    fields = checked_fields(data, partial=False)
    refs = profile_refs(data.get("profiles"))
    tags = check.string_list(data, "tags", max_items=MAX_TAGS) or []
    addresses = check.string_list(data, "emails", max_items=email_store.MAX_EMAILS) or []
    addresses = list(dict.fromkeys(email_store.normalised(a) for a in addresses))
    stamp = iso(now)
    with write(db):
        for ref in refs:
            ensure_unclaimed(db, ref.key)
        for email in addresses:
            if email_store.owner(db, email) is not None:
                raise Conflict(
                    f"{email} already belongs to person {email_store.owner(db, email)}",
                    code="email_taken",
                )
        person_id = (
            db["people"]
            .insert({**fields, "uuid": str(uuid.uuid4()), "created_at": stamp, "updated_at": stamp})
            .last_pk
        )
        for ref in refs:
            insert_profile(db, person_id, ref, stamp)
        set_tags(db, person_id, tags)
        for email in addresses:
            email_store.add(db, person_id, email)
        if "cadence_days" in data:
            reminders.set_cadence(db, person_id, data["cadence_days"], now)
    return person_id


def ensure_unclaimed(db: Database, key: str, allowed_owner: int | None = None) -> None:
    owner = owner_of(db, key)
    if owner is not None and owner != allowed_owner:
        raise Conflict(f"the profile {key} already belongs to person {owner}", code="profile_taken")


def insert_profile(db: Database, person_id: int, ref: ProfileRef, stamp: str) -> None:
    db["profiles"].insert(
        {
            "key": ref.key,
            "person_id": person_id,
            "site": ref.site,
            "url": ref.url,
            "added_at": stamp,
        }
    )


def owner_of(db: Database, key: str) -> int | None:
    row = db.execute("SELECT person_id FROM profiles WHERE key = ?", [key]).fetchone()
    return row[0] if row else None


def appended_notes(current: str | None, added: str | None) -> tuple[str | None, int]:
    """`added` after the notes a person has, within MAX_NOTES: when both do not fit, the oldest
    text goes first, from a line break where one allows. (notes, characters left out)"""
    joined = "\n\n".join(n for n in (current, added) if n) or None
    if joined is None or len(joined) <= MAX_NOTES:
        return joined, 0
    if not current or not added:  # one alone over the limit: never so when checked
        return joined[-MAX_NOTES:], len(joined) - MAX_NOTES
    room = MAX_NOTES - len(added) - 2  # what of the older notes fits before the blank line
    older = current[-room:] if room > 0 else ""
    line_break = older.find("\n")
    if line_break >= 0:
        older = older[line_break:].strip()
    elif older:
        older = "…" + older[1:]  # the oldest line is cut: say so
    kept = f"{older}\n\n{added}" if older else added
    return kept, len(joined) - len(kept)


def set_tags(db: Database, person_id: int, tags: list[str]) -> None:
    db.execute("DELETE FROM person_tags WHERE person_id = ?", [person_id])
    for tag in tags:
        db.execute("INSERT OR IGNORE INTO person_tags VALUES (?, ?)", [person_id, tag])


MAX_ID = 2**63 - 1  # SQLite's largest integer; a bigger id cannot exist


def tags_of(db: Database, person_id: int) -> list[str]:
    return [
        r[0]
        for r in db.execute(
            "SELECT tag FROM person_tags WHERE person_id = ? ORDER BY tag", [person_id]
        )
    ]


def checked_id(person_id: object) -> int:
    if isinstance(person_id, bool) or not isinstance(person_id, int) or not 0 < person_id <= MAX_ID:
        raise NotFound(f"there is no person {person_id!r}")
    return person_id


def row(db: Database, person_id: object) -> dict:
    found = list(db.query("SELECT * FROM people WHERE id = ?", [checked_id(person_id)]))
    if not found:
        raise NotFound(f"there is no person {person_id}")
    return found[0]


def rows_of(db: Database, person_ids: list[int]) -> list[dict]:
    """These people's own rows (no profiles or tags), in no particular order."""
    marks = ",".join("?" * len(person_ids))
    return list(db.query(f"SELECT * FROM people WHERE id IN ({marks})", person_ids))


PROFILE_KEYS = [*(name.strip() for name in PROFILE_COLUMNS.split(",")), "last_seen_at"]
# One person as as_json shows them, in one statement: a card reads one on every lookup. Their
# profiles, tags and emails come as JSON arrays, put in as_json's order here.
ONE_PERSON = f"""
    SELECT p.*, c.person_id AS chosen, c.days, {reminders.LAST_TWO_WAY} AS last_two_way,
        (SELECT json_group_array(json_array(id, {PROFILE_COLUMNS}, last_seen_at))
         FROM profiles WHERE person_id = p.id) AS profile_rows,
        (SELECT json_group_array(tag) FROM person_tags WHERE person_id = p.id) AS tag_list,
        (SELECT json_group_array(email) FROM person_emails WHERE person_id = p.id) AS email_list
    FROM people p LEFT JOIN person_cadences c ON c.person_id = p.id WHERE p.id = ?
"""


def get(db: Database, person_id: int) -> dict:
    found = list(db.query(ONE_PERSON, [checked_id(person_id)]))
    if not found:
        raise NotFound(f"there is no person {person_id}")
    r = found[0]
    profiles = [
        dict(zip(PROFILE_KEYS, p[1:], strict=True)) for p in sorted(loads(r["profile_rows"]))
    ]
    tags = sorted(loads(r["tag_list"]))  # ORDER BY tag: code points, as UTF-8 bytes compare
    # ORDER BY email, which compares without case as SQLite's NOCASE does: ASCII letters only.
    emails = sorted(loads(r["email_list"]), key=lambda email: email.encode().lower())
    return shown(r, tags, profiles, emails, reminders.clock_of(r))


def as_json(db: Database, rows: list[dict]) -> list[dict]:
    """People as the API shows them, with profiles and tags loaded in two queries."""
    ids = [r["id"] for r in rows]
    marks = ",".join("?" * len(ids))
    profiles: dict[int, list] = {i: [] for i in ids}
    tags: dict[int, list] = {i: [] for i in ids}
    if ids:
        for p in db.query(
            f"SELECT person_id, {PROFILE_COLUMNS}, last_seen_at FROM profiles "
            f"WHERE person_id IN ({marks}) ORDER BY id",
            ids,
        ):
            profiles[p.pop("person_id")].append(p)
        for t in db.query(
            f"SELECT person_id, tag FROM person_tags WHERE person_id IN ({marks}) ORDER BY tag", ids
        ):
            tags[t["person_id"]].append(t["tag"])
    touch = reminders.keep_in_touch(db, ids)  # cadence_days, cadence_from_circle, next_due
    addresses = email_store.of_people(db, ids)
    return [
        shown(r, tags[r["id"]], profiles[r["id"]], addresses[r["id"]], touch[r["id"]]) for r in rows
    ]


def shown(r: dict, tags: list, profiles: list, emails: list, touch: dict) -> dict:
    """A person's row with their tags, profiles, emails and keep-in-touch clock, as the API
    shows them."""
    return {
        "id": r["id"],
        "uuid": r["uuid"],
        "name": r["name"],
        "circle": r["circle"],
        "how_met": r["how_met"],
        "notes": r["notes"],
        "tags": tags,
        "profiles": profiles,
        "emails": emails,
        "created_at": r["created_at"],
        "updated_at": r["updated_at"],
        **touch,
    }


def search(
    db: Database,
    q: str | None = None,
    circle: str | None = None,
    tag: str | None = None,
    limit: int = 50,
    offset: int = 0,
    *,
    two_way: bool | None = None,
    interacted: bool | None = None,
) -> tuple[list[dict], int]:
    """People whose name, profiles or tags match `q`, by name; with the total before paging.
    `two_way`: only relationships (True) or only connections (False); `interacted`: only people
    with (True) or without (False) any interaction."""
    where, params = narrowed(q, circle, tag, two_way, interacted)
    total = db.execute(f"SELECT count(*) FROM people p WHERE {where}", params).fetchone()[0]
    rows = list(
        db.query(
            f"SELECT p.* FROM people p WHERE {where} "
            "ORDER BY p.name COLLATE NOCASE, p.id LIMIT :limit OFFSET :offset",
            {**params, "limit": limit, "offset": offset},
        )
    )
    return as_json(db, rows), total


def in_order(db: Database, person_ids: list[int]) -> list[dict]:
    """These people as the API shows them, in the order given."""
    if not person_ids:
        return []
    by_id = {row["id"]: row for row in as_json(db, rows_of(db, person_ids))}
    return [by_id[person_id] for person_id in person_ids]


def narrowed(
    q: str | None,
    circle: str | None,
    tag: str | None,
    two_way: bool | None,
    interacted: bool | None,
) -> tuple[str, dict]:
    where, params = matching(q, circle, tag)
    if two_way is not None:
        where += f" AND {'' if two_way else 'NOT '}{HAS_TWO_WAY}"
    if interacted is not None:
        where += f" AND {'' if interacted else 'NOT '}{HAS_INTERACTION}"
    return where, params


# From the summaries (migrations.py, m1002): a row exists for everyone with an interaction.
HAS_INTERACTION = "EXISTS (SELECT 1 FROM person_summaries s WHERE s.person_id = p.id)"
HAS_TWO_WAY = "EXISTS (SELECT 1 FROM person_summaries s WHERE s.person_id = p.id AND s.two_way > 0)"


def matching(q: str | None, circle: str | None, tag: str | None) -> tuple[str, dict]:
    """The SQL condition on people `p` for a search, and its parameters."""
    like = "%" + (q or "").replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%"
    if q and len(q) >= 3 and like == f"%{q}%":  # the trigram index answers LIKE from 3 letters
        where = "(p.id IN (SELECT rowid FROM people_search WHERE body LIKE :like))"
    elif q:
        where = SCANNED_SEARCH
    else:  # only the conditions that narrow: without them, an index alone may answer
        where = "1"
    if circle is not None:
        where += " AND p.circle = :circle"
    if tag is not None:
        where += """ AND EXISTS (SELECT 1 FROM person_tags t WHERE t.person_id = p.id
                                 AND t.tag = :tag COLLATE NOCASE)"""
    return where, {"q": q or None, "like": like, "circle": circle, "tag": tag}


# Searching for fewer than three letters, or for %, _ or \: each person's fields, one by one.
SCANNED_SEARCH = """
        (:q IS NULL OR p.name LIKE :like ESCAPE '\\'
         OR EXISTS (SELECT 1 FROM profiles pr WHERE pr.person_id = p.id AND
                    (pr.key LIKE :like ESCAPE '\\' OR pr.name LIKE :like ESCAPE '\\'
                     OR pr.company LIKE :like ESCAPE '\\'))
         OR EXISTS (SELECT 1 FROM person_tags t WHERE t.person_id = p.id
                    AND t.tag LIKE :like ESCAPE '\\')
         OR EXISTS (SELECT 1 FROM person_emails e WHERE e.person_id = p.id
                    AND e.email LIKE :like ESCAPE '\\'))"""


def count_ties(
    db: Database, q: str | None = None, circle: str | None = None, tag: str | None = None
) -> tuple[int, int]:
    """(relationships, connections) among everyone the search matches: a relationship has at
    least one two-way interaction (docs/product.md, Vocabulary), everyone else is a connection."""
    if (q or None, circle, tag) == (
        None,
        None,
        None,
    ):  # everyone: as the triggers count them (m1008)
        total = db.execute("SELECT count(*) FROM people").fetchone()[0]
        relationships = db.execute(
            "SELECT coalesce(sum(count), 0) FROM network_counts WHERE name = 'relationships'"
        ).fetchone()[0]
        return relationships, total - relationships
    where, params = matching(q, circle, tag)
    total, relationships = db.execute(
        f"SELECT count(*), coalesce(sum({HAS_TWO_WAY}), 0) FROM people p WHERE {where}", params
    ).fetchone()
    return relationships, total - relationships


def update(db: Database, person_id: int, data: dict, now: datetime) -> None:
    fields = checked_fields(data, partial=True)
    tags = check.string_list(data, "tags", max_items=MAX_TAGS)
    with write(db):
        row(db, person_id)
        if fields:
            db["people"].update(person_id, {**fields, "updated_at": iso(now)})
        if tags is not None:
            set_tags(db, person_id, tags)
        if "cadence_days" in data:
            reminders.set_cadence(db, person_id, data["cadence_days"], now)


def delete(db: Database, person_id: int) -> None:
    """The person and everything about them (profiles, interactions, facts) — gone."""
    with write(db):
        row(db, person_id)
        db.execute("DELETE FROM people WHERE id = ?", [person_id])


def merge(db: Database, keep_id: int, other_id: object, now: datetime) -> None:
    """Fold `other_id` into `keep_id`: profiles, interactions, facts and tags move; other goes."""
    if isinstance(other_id, bool) or not isinstance(other_id, int):
        raise Invalid("other_id must be the id of another person")
    if other_id == keep_id:
        raise Invalid("a person cannot be merged with themselves")
    with write(db):
        keep, other = row(db, keep_id), row(db, other_id)
        notes = "\n\n".join(n for n in (keep["notes"], other["notes"]) if n) or None
        if notes and len(notes) > MAX_NOTES:
            raise Invalid(
                f"their notes together would be {len(notes):,} characters, more than a person "
                f"holds ({MAX_NOTES:,}): shorten the notes of one of them first"
            )
        tags = tags_of(db, keep_id)
        known = {tag.lower() for tag in tags}
        tags += [t for t in tags_of(db, other_id) if t.lower() not in known]
        if len(tags) > MAX_TAGS:
            raise Invalid(
                f"together they would have {len(tags)} tags, more than a person holds "
                f"({MAX_TAGS}): remove some tags from one of them first"
            )
        for table in OWNED_TABLES:
            db.execute(f"UPDATE {table} SET person_id = ? WHERE person_id = ?", [keep_id, other_id])
        set_tags(db, keep_id, tags)
        closer = min(keep["circle"], other["circle"], key=CIRCLES.index)
        db["people"].update(
            keep_id,
            {
                "circle": closer,
                "how_met": keep["how_met"] or other["how_met"],
                "notes": notes,
                "updated_at": iso(now),
            },
        )
        db.execute("DELETE FROM people WHERE id = ?", [other_id])


def add_profile(db: Database, person_id: int, url: object, now: datetime) -> tuple[dict, bool]:
    """Link one more profile; (profile, created). Already theirs → not created; someone else's → 409."""
    ref = ref_for(url)
    with write(db):
        row(db, person_id)
        ensure_unclaimed(db, ref.key, allowed_owner=person_id)
        created = owner_of(db, ref.key) is None
        if created:
            insert_profile(db, person_id, ref, iso(now))
    profile = next(p for p in get(db, person_id)["profiles"] if p["key"] == ref.key)
    return profile, created


def add_profiles(db: Database, person_id: int, urls: object, now: datetime) -> int:
    """Link several profiles at once, all or none (one of someone else's → 409); how many were new."""
    refs = profile_refs(urls)
    with write(db):
        row(db, person_id)
        for ref in refs:
            ensure_unclaimed(db, ref.key, allowed_owner=person_id)
        new = [ref for ref in refs if owner_of(db, ref.key) is None]
        for ref in new:
            insert_profile(db, person_id, ref, iso(now))
    return len(new)


def anyone(db: Database) -> bool:
    """Whether the memory holds anybody at all (an empty one gets the first-run page)."""
    return bool(db.execute("SELECT EXISTS (SELECT 1 FROM people)").fetchone()[0])


def named(db: Database, name: str | None, limit: int = 3) -> list[dict]:
    """People known by exactly this name, in any case: a stranger's page may be one of them."""
    if not name or not name.strip():
        return []
    rows = db.execute(
        "SELECT id, name FROM people WHERE name = ? COLLATE NOCASE ORDER BY id LIMIT ?",
        [name.strip(), limit],
    ).fetchall()
    return [{"id": row[0], "name": row[1]} for row in rows]


def all_names(db: Database) -> set[str]:
    """Everyone's name, once."""
    return {row[0] for row in db.execute("SELECT name FROM people")}


def circles_by_id(db: Database) -> dict[int, str]:
    """Everyone's circle by their id."""
    return dict(db.execute("SELECT id, circle FROM people"))


# From one tag to the next through the tags' index, a search each: a tag shared by thousands
# is passed over at once, not read a row at a time.
ALL_TAGS = """
    WITH RECURSIVE tags (tag) AS (
        SELECT min(tag) FROM person_tags
        UNION ALL
        SELECT (SELECT min(tag) FROM person_tags WHERE tag > tags.tag) FROM tags
        WHERE tags.tag IS NOT NULL
    )
    SELECT tag FROM tags WHERE tag IS NOT NULL"""


def all_tags(db: Database) -> list[str]:
    """Every tag anyone holds, once, in order."""
    return [row[0] for row in db.execute(ALL_TAGS)]
