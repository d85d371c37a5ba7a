"""Sent messages from an import that read like asks, waiting for the person to decide.

Accepting one logs it as an `asked` interaction (its id is the review's, so accepting twice, or
on two computers, never duplicates it); dismissing one says it was not an ask.
"""

import re
from datetime import datetime

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.core.vocabulary import STATUSES
from givefirst.errors import Conflict, Invalid, NotFound
from givefirst.store import interactions
from givefirst.store.connection import write

SUMMARY_TEXT = 160


def pending(db: Database) -> list[dict]:
    return list(
        db.query(
            "SELECT r.*, p.name FROM ask_reviews r JOIN people p ON p.id = r.person_id "
            "WHERE r.status = 'pending' ORDER BY r.sent_at, r.id"
        )
    )


def find(db: Database, ref: str) -> dict:
    """A review by its id or the start of it (at least 4 characters, as `review` shows 8)."""
    ref = ref.strip().lower()
    if len(ref) < 4 or not re.fullmatch(r"[0-9a-f-]+", ref):
        raise Invalid("give the id, or at least its first 4 characters, as `review` shows it")
    found = list(db.query("SELECT * FROM ask_reviews WHERE id LIKE ? || '%'", [ref]))
    if not found:
        raise NotFound(f"there is no message to review with the id {ref}")
    if len(found) > 1:
        raise Invalid(f"{ref} matches {len(found)} messages; give more of the id")
    return found[0]


def accept(db: Database, ref: str, status: str, now: datetime) -> dict:
    """It was an ask: log it as `asked` with this status, dated when it was sent."""
    if status not in STATUSES["asked"]:
        raise Invalid(f"status must be one of {', '.join(STATUSES['asked'])}")
    with write(db):
        review = undecided(db, ref)
        text = review["text"]
        shown = text if len(text) <= SUMMARY_TEXT else text[: SUMMARY_TEXT - 1] + "…"
        asked, _ = interactions.create(
            db,
            review["person_id"],
            {
                "id": review["id"],
                "kind": "asked",
                "summary": f"Asked in a message: “{shown}”",
                "occurred_at": review["sent_at"],
                "status": status,
            },
            now,
        )
        mark_decided(db, review["id"], "accepted", now)
    return asked


def dismiss(db: Database, ref: str, now: datetime) -> dict:
    """It was not an ask: it stays out of the ledger."""
    with write(db):
        review = undecided(db, ref)
        mark_decided(db, review["id"], "dismissed", now)
    return review


def undecided(db: Database, ref: str) -> dict:
    review = find(db, ref)
    if review["status"] != "pending":
        raise Conflict(f"that message was already {review['status']}")
    return review


def mark_decided(db: Database, review_id: str, status: str, now: datetime) -> None:
    db.execute(
        "UPDATE ask_reviews SET status = ?, decided_at = ? WHERE id = ?",
        [status, iso(now), review_id],
    )
