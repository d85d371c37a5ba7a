"""The reminders calendar's feed token: kept in the tokens table with scope 'feed', it opens the
calendar feed and nothing else (store/tokens.py takes only tokens without a scope), and is
revoked like any token."""

import hmac
import secrets
from datetime import datetime

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.store.connection import write
from givefirst.store.tokens import TOUCH_EVERY, digest, unique_name

PREFIX = "gfcal_"  # never "gf_": an API token's check refuses it before looking it up
SCOPE = "feed"
NAME = "calendar-feed"


def create(db: Database, now: datetime) -> str:
    """A new feed token; the one before it stops working. Returned once, never stored."""
    token = PREFIX + secrets.token_urlsafe(32)
    with write(db):
        revoke(db, now)
        db["tokens"].insert(
            {
                "name": unique_name(db, NAME),
                "token_hash": digest(token),
                "origin": None,
                "created_at": iso(now),
                "scope": SCOPE,
            }
        )
    return token


def verify(db: Database, token: str | None, now: datetime) -> bool:
    """Whether this is the live feed token."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return False
    wanted = digest(token)
    found = db.execute(
        "SELECT id, token_hash, last_used_at FROM tokens "
        "WHERE token_hash = ? AND scope = ? AND revoked_at IS NULL",
        [wanted, SCOPE],
    ).fetchone()
    if not found or not hmac.compare_digest(found[1], wanted):
        return False
    last_used = from_db(found[2])
    if last_used is None or now - last_used > TOUCH_EVERY:
        with write(db):
            db.execute("UPDATE tokens SET last_used_at = ? WHERE id = ?", [iso(now), found[0]])
    return True


def active(db: Database) -> dict | None:
    """The live feed token's name and dates, if there is one."""
    rows = list(
        db.query(
            "SELECT name, created_at, last_used_at FROM tokens "
            "WHERE scope = ? AND revoked_at IS NULL ORDER BY id DESC LIMIT 1",
            [SCOPE],
        )
    )
    return rows[0] if rows else None


def revoke(db: Database, now: datetime) -> int:
    """Stop every feed token; how many were live."""
    with write(db):
        cursor = db.execute(
            "UPDATE tokens SET revoked_at = ? WHERE scope = ? AND revoked_at IS NULL",
            [iso(now), SCOPE],
        )
    return cursor.rowcount
