"""The versioned JSON document of everything givefirst knows about people, and checking one.

One object per person holding their tags, emails, profiles (with the fields pages showed and
the snapshots of changes), interactions, facts and asks waiting for review. Tokens and pairing
requests are not in it: they belong to one computer. Import checks a document with the same
rules as the API (validation.py and the store modules) before anything is written.

Keeping in touch: `cadence_days` is there only when the person chose a cadence for someone —
a number of days, or null for "keep no clock" — with `cadence_updated_at` beside it (the
person's `updated_at` when it is missing); without it the person's circle sets the cadence.
`reminder_states` lists Today's items marked done or snoozed ({key, state, until, updated_at}). A check-in's or a nurture pick's key carries the
person's `id` (checkin:12:2026-06-01), so it must name the id of the person it sits under; an
import that gives the person another id rewrites it. These fields are optional: a version-1
document written before them reads as people on their circle's default with nothing marked.
"""

import json
import uuid
from collections.abc import Iterable, Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from givefirst import __version__
from givefirst import validation as check
from givefirst.clock import iso, utcnow
from givefirst.core.reminders import key_owner
from givefirst.errors import Invalid
from givefirst.io import json_stream
from givefirst.io import quick_checks as quick
from givefirst.io.entries import EMAIL
from givefirst.io.format import Progress
from givefirst.io.reading import ImportProblem, at
from givefirst.reminders import read_key
from givefirst.sites import KEY_PREFIXES, site_of_key
from givefirst.store import everything, facts, interactions, people
from givefirst.store.profiles import OBSERVED, TRACKED
from givefirst.store.reminders import (
    FROM_CIRCLE,
    STATES,
    all_states,
    checked_cadence_days,
    chosen_cadences,
)

FORMAT = "givefirst"
VERSION = 1
PERSON = ("id", "uuid", "name", "circle", "how_met", "notes", "created_at", "updated_at")
PROFILE = ("id", "key", "site", "url", *OBSERVED, "added_at", "last_seen_at")
INTERACTION = (
    "id",
    "kind",
    "summary",
    "occurred_at",
    "status",
    "weight",
    "created_at",
    "updated_at",
)
FACT = ("id", "label", "value", "date", "created_at", "updated_at")
REVIEW = (
    "id",
    "interaction_id",
    "text",
    "ask_kind",
    "phrase",
    "sent_at",
    "status",
    "created_at",
    "decided_at",
)
REVIEW_STATUSES = ("pending", "accepted", "dismissed")
PROGRESS_EVERY = 250  # people read between two reports of progress


def build(db: Database, now: datetime) -> dict:
    """Everything, as one document."""
    persons = {}
    for row in everything.records(db, "people", PERSON, ("id",)):
        persons[row["id"]] = {
            **row,
            "tags": [],
            "emails": [],
            "sources": [],
            "profiles": [],
            "interactions": [],
            "facts": [],
            "ask_reviews": [],
            "reminder_states": [],
        }
    grouped = (
        ("tags", "person_tags", "tag"),
        ("emails", "person_emails", "email"),
        ("sources", "person_sources", "source"),
    )
    for field, table, column in grouped:
        pair = ("person_id", column)
        for person_id, value in everything.values(db, table, pair, order=pair):
            persons[person_id][field].append(value)
    snapshots: dict[int, list] = {}
    for row in everything.records(
        db, "profile_snapshots", ("id", "profile_id", "seen_at", "fields")
    ):
        snapshots.setdefault(row["profile_id"], []).append(
            {"id": row["id"], "seen_at": row["seen_at"], "fields": json.loads(row["fields"])}
        )
    owned = {"profiles": PROFILE, "interactions": INTERACTION, "facts": FACT, "ask_reviews": REVIEW}
    for table, columns in owned.items():
        for row in everything.records(db, table, ("person_id", *columns), ("person_id", "id")):
            item = {c: row[c] for c in columns}
            if table == "profiles":
                item["snapshots"] = snapshots.get(row["id"], [])
            persons[row["person_id"]][table].append(item)
    for person_id, cadence in chosen_cadences(db).items():
        persons[person_id]["cadence_days"] = cadence["days"]
        persons[person_id]["cadence_updated_at"] = cadence["updated_at"]
    for state in all_states(db):
        persons[state.pop("person_id")]["reminder_states"].append(state)
    return {
        "format": FORMAT,
        "version": VERSION,
        "givefirst": __version__,
        "exported_at": iso(now),
        "people": list(persons.values()),
    }


def persons(path: Path, progress: Progress | None = None) -> Iterator[dict]:
    """The document's people, each checked, one at a time, without the whole document in
    memory; ImportProblem at the first thing that is off (io/json_stream.py reads the file).
    `progress` hears (people so far, about how many the file holds, by the bytes read)."""
    source, header, n = path.name, {}, 0
    stream, size = json_stream.TextStream(path), path.stat().st_size
    for key, value in json_stream.members(path, "people", stream):
        if key is json_stream.ITEM:
            if n == 0:
                checked_header(header if header.keys() >= WANTED else header_of(path), source)
            yield checked_item(value, n, source)
            n += 1
            if progress and n % PROGRESS_EVERY == 0:
                progress(n, max(n, n * size // max(stream.bytes_read, 1)))
        elif key is json_stream.NOT_AN_OBJECT:
            checked_header(None, source)
        elif key == "people" and "people" in header:
            raise ImportProblem(source, None, '"people" must be one list, not two')
        else:
            header[key] = value
    checked_header(header, source)
    if progress:
        progress(n, n)


WANTED = {"format", "version"}  # what says a document can be read, wanted before its people


def header_of(path: Path) -> dict:
    """The document's members other than its people, when they come after them."""
    header = {}
    for key, value in json_stream.members(path, "people"):
        if isinstance(key, str):
            header[key] = value
    return header


def checked_header(document: object, source: str) -> None:
    if not isinstance(document, dict) or document.get("format") != FORMAT:
        raise ImportProblem(source, None, 'is not a givefirst export (no "format": "givefirst")')
    version = document.get("version")
    if version != VERSION:
        raise ImportProblem(
            source,
            None,
            f"has format version {version!r}; this givefirst "
            f"reads version {VERSION} (a newer givefirst may read it)",
        )
    if not isinstance(document.get("people"), list):
        raise ImportProblem(source, None, '"people" must be a list')


def checked(document: object, source: str) -> list[dict]:
    """Every person of a document already in memory (another database's, in a merge)."""
    checked_header(document, source)
    found = document["people"]
    result = []
    for n, person in enumerate(found):
        result.append(checked_item(person, n, source))
        found[n] = None  # the checked copy replaces it: a large document is not held twice
    return result


def checked_item(person: object, n: int, source: str) -> dict:
    name = person.get("name") if isinstance(person, dict) else None
    with at(source, None), located(f"people[{n}]" + (f" ({name})" if name else "")):
        return checked_person(person)


def highest_ids(persons: Iterable[object]) -> dict[str, int]:
    """The largest id of a person, a profile and a profile's change among `persons` (checked
    or not: an id that is not a whole number is no id here, and the check refuses it)."""
    highest = dict.fromkeys(("people", "profiles", "profile_snapshots"), 0)
    for person in persons:
        highest["people"] = max(highest["people"], an_id(person))
        for profile in listed(person, "profiles"):
            highest["profiles"] = max(highest["profiles"], an_id(profile))
            for snapshot in listed(profile, "snapshots"):
                highest["profile_snapshots"] = max(highest["profile_snapshots"], an_id(snapshot))
    return highest


def highest_ids_in(path: Path) -> dict[str, int]:
    """highest_ids of a document file, read as a stream once more."""
    return highest_ids(v for k, v in json_stream.members(path, "people") if k is json_stream.ITEM)


def an_id(record: object) -> int:
    value = record.get("id") if isinstance(record, dict) else None
    return value if type(value) is int and 1 <= value <= people.MAX_ID else 0


def listed(record: object, name: str) -> list:
    value = record.get(name) if isinstance(record, dict) else None
    return value if isinstance(value, list) else []


@contextmanager
def located(where: str) -> Iterator[None]:
    """Prefix a validation message with where in the document it happened."""
    try:
        yield
    except Invalid as error:
        if not isinstance(error, ImportProblem):
            error.message = f"{where}: {error.message}"
        raise


def checked_person(person: object) -> dict:
    data = mapping(person)
    result = {
        "id": row_id(data),
        "uuid": a_uuid(data, "uuid"),
        **people.checked_fields(data, partial=False),
        "created_at": moment(data, "created_at"),
        "updated_at": moment(data, "updated_at"),
        "tags": check.string_list(data, "tags") or [],
        "emails": [email(e) for e in items(data, "emails")],
        "sources": [plain({"source": s}, "source", 200) for s in items(data, "sources")],
    }
    result["cadence"] = checked_cadence(data, result["updated_at"])
    result["profiles"] = []
    for n, profile in enumerate(items(data, "profiles")):
        with located(f"profiles[{n}]"):
            result["profiles"].append(checked_profile(mapping(profile)))
    for field, check_quickly, check_one in (
        ("interactions", quick.interaction, checked_interaction),
        ("facts", quick.fact, checked_fact),
        ("ask_reviews", declined, checked_review),
        ("reminder_states", declined, lambda item: checked_state(item, result["id"])),
    ):
        result[field] = found = []
        for n, item in enumerate(items(data, field)):
            row = check_quickly(item)
            if row is None:  # not in the form an export writes: the full check says why
                with located(f"{field}[{n}]"):
                    row = check_one(mapping(item))
            found.append(row)
    return result


def declined(_item: object) -> None:
    """No quick check for the rarer records: each is checked fully."""
    return None


def checked_profile(data: dict) -> dict:
    key = plain(data, "key", 400, required=True)
    if key.split(":", 1)[0] not in KEY_PREFIXES or site_of_key(key).name != data.get("site"):
        raise Invalid(f"{key!r} is not a profile key of the site {data.get('site')!r}")
    snapshots = []
    for n, item in enumerate(items(data, "snapshots")):
        with located(f"snapshots[{n}]"):
            snapshot = mapping(item)
            snapshots.append(
                {
                    "id": row_id(snapshot),
                    "seen_at": moment(snapshot, "seen_at"),
                    "fields": snapshot_fields(snapshot.get("fields")),
                }
            )
    return {
        "id": row_id(data),
        "key": key,
        "site": data["site"],
        "url": plain(data, "url", 4096, required=True),
        **{f: plain(data, f, 10_000) for f in OBSERVED},
        "added_at": moment(data, "added_at"),
        "last_seen_at": moment(data, "last_seen_at", required=False),
        "snapshots": snapshots,
    }


def snapshot_fields(fields: object) -> dict:
    """A change seen on a page: {field: [old, new]} for tracked fields, each a string or null."""
    if not isinstance(fields, dict):
        raise Invalid("a snapshot's fields must be an object")
    for name, change in fields.items():
        if name not in TRACKED:
            raise Invalid(
                f"a snapshot's fields must be among {', '.join(TRACKED)}; got {str(name)[:40]!r}"
            )
        if not isinstance(change, list) or len(change) != 2:
            raise Invalid(f"a snapshot's {name} must be a pair [old, new]")
        for value in change:
            if value is not None and not (isinstance(value, str) and 0 < len(value) <= 10_000):
                raise Invalid(f"a snapshot's {name} must be a pair of strings or nulls")
    return fields


def checked_interaction(data: dict) -> dict:
    for required in ("id", "occurred_at"):
        if data.get(required) is None:
            raise Invalid(f"{required} is required")
    row = interactions.checked_row(data, 0, utcnow())
    del row["person_id"]
    return {
        **row,
        "created_at": moment(data, "created_at"),
        "updated_at": moment(data, "updated_at"),
    }


def checked_fact(data: dict) -> dict:
    return {
        "id": a_uuid(data, "id"),
        **facts.checked_fields(data),
        "created_at": moment(data, "created_at"),
        "updated_at": moment(data, "updated_at"),
    }


def checked_review(data: dict) -> dict:
    linked = data.get("interaction_id")
    return {
        "id": a_uuid(data, "id"),
        "interaction_id": None if linked is None else a_uuid(data, "interaction_id"),
        "text": check.text(data, "text", required=True, max_length=2000),
        "ask_kind": plain(data, "ask_kind", 40),
        "phrase": plain(data, "phrase", 2000),
        "sent_at": moment(data, "sent_at"),
        "status": check.choice(data, "status", REVIEW_STATUSES, default="pending"),
        "created_at": moment(data, "created_at"),
        "decided_at": moment(data, "decided_at", required=False),
    }


def checked_cadence(data: dict, person_updated_at: str) -> dict | None:
    """The cadence chosen for someone, checked as the API checks it; None for the circle's."""
    if "cadence_days" not in data:
        return None
    days = checked_cadence_days(data["cadence_days"])
    if days == FROM_CIRCLE:
        return None
    chosen_at = moment(data, "cadence_updated_at", required=False)
    return {"days": days, "updated_at": chosen_at or person_updated_at}


def checked_state(data: dict, person_id: int | None) -> dict:
    """An item marked done or snoozed; a check-in's key must name the person it sits under."""
    key = read_key(data.get("key"))
    owner = key_owner(key)
    if owner is not None and person_id is None:
        raise Invalid(f"key {key} names a person by id, and this person has no id")
    if owner is not None and owner != str(person_id):
        raise Invalid(f"key {key} names person {owner[:20]}, not this person ({person_id})")
    if data.get("state") not in STATES:
        raise Invalid(f"state must be one of {', '.join(STATES)}")
    until = day(data, "until")
    if data["state"] == "snoozed" and until is None:
        raise Invalid("until is required: a snoozed item is snoozed until a day")
    return {
        "key": key,
        "state": data["state"],
        "until": until,
        "updated_at": moment(data, "updated_at"),
    }


def day(data: dict, name: str) -> str | None:
    value = data.get(name)
    return None if value is None else check.calendar_day(value, name).isoformat()


def mapping(value: object) -> dict:
    if not isinstance(value, dict):
        raise Invalid("must be an object")
    return value


def items(data: dict, name: str) -> list:
    value = data.get(name) or []
    if not isinstance(value, list):
        raise Invalid(f"{name} must be a list")
    return value


def row_id(data: dict) -> int | None:
    value = data.get("id")
    if value is not None and (
        isinstance(value, bool) or not isinstance(value, int) or not 1 <= value <= people.MAX_ID
    ):
        raise Invalid(f"id must be a whole number from 1 to {people.MAX_ID}")
    return value


def a_uuid(data: dict, name: str) -> str:
    if found := quick.uuid(data.get(name)):
        return found
    try:
        return str(uuid.UUID(str(data.get(name))))
    except ValueError:
        raise Invalid(f"{name} must be a UUID") from None


def moment(data: dict, name: str, required: bool = True) -> str | None:
    if found := quick.moment(data.get(name)):
        return found
    if data.get(name) is None:
        if required:
            raise Invalid(f"{name} is required")
        return None
    return iso(check.moment(data, name, default=None))  # not None: checked just above


def plain(data: dict, name: str, max_length: int, required: bool = False) -> str | None:
    """A string kept exactly as it is (what pages showed), only checked for type and size."""
    value = data.get(name)
    if value is None and not required:
        return None
    if not isinstance(value, str) or not value or "\x00" in value or len(value) > max_length:
        raise Invalid(f"{name} must be a string of 1 to {max_length} characters")
    return value


def email(value: object) -> str:
    if not isinstance(value, str) or not EMAIL.fullmatch(value) or len(value) > 254:
        raise Invalid(f"{str(value)[:60]!r} is not an email address")
    return value
