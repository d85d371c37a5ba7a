"""API tokens: random, shown once, stored as SHA-256, compared in constant time, revocable."""

import hashlib
import hmac
import re
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.errors import Conflict, Invalid, NotFound
from givefirst.store.connection import write

PREFIX = "gf_"
NAME = re.compile(r"[A-Za-z0-9][A-Za-z0-9 ._@-]{0,79}")
TOUCH_EVERY = timedelta(minutes=5)  # how stale last_used_at may get, to spare a write per call


@dataclass(frozen=True)
class Principal:
    """Who is calling: the token's name and, for a paired extension, its origin."""

    name: str
    origin: str | None
    last_used_at: str | None = None


def digest(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


def create(db: Database, name: str, now: datetime, origin: str | None = None) -> str:
    """A new token under a unique name; the token itself is returned and never stored."""
    if not NAME.fullmatch(name or ""):
        raise Invalid("a token name is 1–80 letters, digits, spaces, dots, dashes or @")
    token = PREFIX + secrets.token_urlsafe(32)
    with write(db):
        if db.execute("SELECT 1 FROM tokens WHERE name = ?", [name]).fetchone():
            raise Conflict(f"a token named {name!r} already exists", code="token_exists")
        db["tokens"].insert(
            {"name": name, "token_hash": digest(token), "origin": origin, "created_at": iso(now)}
        )
    return token


def unique_name(db: Database, base: str) -> str:
    """`base`, or `base-2`, `base-3`… whichever is free."""
    taken = {r[0] for r in db.execute("SELECT name FROM tokens")}
    name, n = base, 1
    while name in taken:
        n += 1
        name = f"{base}-{n}"
    return name


def verify(db: Database, token: str | None, now: datetime) -> Principal | None:
    """The principal for a live token, or None. Reads only: the caller records the use with
    `touch` once the request is accepted (a refused request leaves no trace)."""
    if not token or not token.startswith(PREFIX) or len(token) > 200:
        return None
    wanted = digest(token)
    found = db.execute(
        "SELECT name, token_hash, origin, last_used_at FROM tokens "
        "WHERE token_hash = ? AND revoked_at IS NULL AND scope IS NULL",  # feeds: store/feeds.py
        [wanted],
    ).fetchone()
    if not found or not hmac.compare_digest(found[1], wanted):
        return None
    return Principal(name=found[0], origin=found[2], last_used_at=found[3])


def touch(db: Database, principal: Principal, now: datetime) -> None:
    """Record when a token was last used, at most every TOUCH_EVERY."""
    last_used = from_db(principal.last_used_at)
    if last_used is None or now - last_used > TOUCH_EVERY:
        with write(db):
            db.execute(
                "UPDATE tokens SET last_used_at = ? WHERE name = ?", [iso(now), principal.name]
            )


def listing(db: Database) -> list[dict]:
    return list(
        db.query(
            "SELECT name, origin, created_at, last_used_at, revoked_at FROM tokens ORDER BY id"
        )
    )


def revoke(db: Database, name: str, now: datetime) -> None:
    with write(db):
        found = db.execute("SELECT revoked_at FROM tokens WHERE name = ?", [name]).fetchone()
        if not found:
            raise NotFound(f"there is no token named {name!r}")
        if found[0] is None:
            db.execute("UPDATE tokens SET revoked_at = ? WHERE name = ?", [iso(now), name])
