"""Email addresses: a person's (they identify the person, as a profile key does) and your own."""

import re
from datetime import datetime

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.errors import Conflict, Invalid, NotFound
from givefirst.store.connection import write

ADDRESS = re.compile(r"[^@\s<>,;\"]+@[^@\s<>,;\"]+\.[^@\s<>,;\"]+")
MAX_EMAILS = 20  # addresses one person holds


def normalised(value: object) -> str:
    """An address as stored: trimmed, lower case, without `mailto:`; 422 if it is not one."""
    if not isinstance(value, str):
        raise Invalid("email must be a string")
    email = value.strip().lower().removeprefix("mailto:")
    if len(email) > 254 or not ADDRESS.fullmatch(email):
        raise Invalid(f"{value[:80]!r} is not an email address", code="invalid_email")
    return email


def of_people(db: Database, person_ids: list[int]) -> dict[int, list[str]]:
    found: dict[int, list[str]] = {i: [] for i in person_ids}
    for chunk in range(0, len(person_ids), 500):
        part = person_ids[chunk : chunk + 500]
        marks = ",".join("?" * len(part))
        sql = (
            f"SELECT person_id, email FROM person_emails WHERE person_id IN ({marks}) "
            "ORDER BY email"
        )
        for person_id, email in db.execute(sql, part):
            found[person_id].append(email)
    return found


def owner(db: Database, email: str) -> int | None:
    """The person this address belongs to (any case), or None."""
    found = db.execute(
        "SELECT person_id FROM person_emails WHERE email = ? COLLATE NOCASE", [email.strip()]
    ).fetchone()
    return found[0] if found else None


def add(db: Database, person_id: int, value: object) -> bool:
    """Give a person one more address; True when it is new, 409 when it is someone else's."""
    email = normalised(value)
    with write(db):
        if not db.execute("SELECT 1 FROM people WHERE id = ?", [person_id]).fetchone():
            raise NotFound(f"there is no person {person_id}")
        current = owner(db, email)
        if current == person_id:
            return False
        if current is not None:
            raise Conflict(f"{email} already belongs to person {current}", code="email_taken")
        if len(of_people(db, [person_id])[person_id]) >= MAX_EMAILS:
            raise Invalid(f"a person holds at most {MAX_EMAILS} email addresses")
        db.execute("INSERT INTO person_emails (email, person_id) VALUES (?, ?)", [email, person_id])
    return True


def remove(db: Database, person_id: int, value: object) -> None:
    email = normalised(value)
    with write(db):
        gone = db.execute(
            "DELETE FROM person_emails WHERE email = ? AND person_id = ?", [email, person_id]
        ).rowcount
    if not gone:
        raise NotFound(f"person {person_id} has no address {email}")


def mine(db: Database) -> list[str]:
    """Your own addresses."""
    return [r[0] for r in db.execute("SELECT email FROM my_emails ORDER BY email")]


def add_mine(db: Database, value: object, now: datetime) -> bool:
    email = normalised(value)
    with write(db):
        added = db.execute(
            "INSERT OR IGNORE INTO my_emails (email, added_at) VALUES (?, ?)", [email, iso(now)]
        ).rowcount
    return bool(added)


def remove_mine(db: Database, value: object) -> None:
    email = normalised(value)
    with write(db):
        if not db.execute("DELETE FROM my_emails WHERE email = ?", [email]).rowcount:
            raise NotFound(f"{email} is not one of your addresses")


def everyone(db: Database) -> set[str]:
    """Every address a person here has."""
    return {r[0].lower() for r in db.execute("SELECT email FROM person_emails")}
