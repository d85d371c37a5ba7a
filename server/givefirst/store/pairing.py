"""Pairing an extension: it asks, the person approves the short code, the extension gets a token.

The extension holds a secret request id (kept here only as a hash); the person sees only the
code. Codes expire after ten minutes. A wrong code counts against every request waiting when it
was typed: after five, those requests can no longer be approved (the extension asks for a new
code), so a code cannot be guessed, and nobody's typos lock out requests made afterwards.
A request is never expired to make room for another: each origin may ask a few times in ten
minutes, so a flood of requests cannot push out the one the person is looking at.
"""

import hashlib
import re
import secrets
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.errors import GivefirstError, Invalid, NotFound
from givefirst.store import tokens
from givefirst.store.connection import write

CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"  # no 0/O or 1/I
CODE_SHAPE = re.compile(f"[{CODE_ALPHABET}]{{4}}-[{CODE_ALPHABET}]{{4}}")
CODE_TTL = timedelta(minutes=10)
MAX_PENDING = 20
MAX_PER_ORIGIN = 5  # new requests from one origin (or from programs without one) per CODE_TTL
MAX_FAILURES = 5


def new_code() -> str:
    raw = "".join(secrets.choice(CODE_ALPHABET) for _ in range(8))
    return f"{raw[:4]}-{raw[4:]}"


def normalise_code(code: str) -> str:
    raw = "".join(ch for ch in code.upper() if ch.isalnum())
    return f"{raw[:4]}-{raw[4:]}"


def hashed(request_id: str) -> str:
    return hashlib.sha256(request_id.encode()).hexdigest()


def request(db: Database, client: str, origin: str | None, now: datetime) -> dict:
    """An extension asks to pair: it gets a secret request id, the person will see the code."""
    request_id, code = secrets.token_urlsafe(32), new_code()
    with write(db):
        asked = db.execute(
            "SELECT count(*) FROM pairing_requests WHERE origin IS ? AND created_at >= ?",
            [origin, iso(now - CODE_TTL)],
        ).fetchone()[0]
        waiting = db.execute(
            "SELECT count(*) FROM pairing_requests WHERE status = 'pending' AND expires_at >= ?",
            [iso(now)],
        ).fetchone()[0]
        if asked >= MAX_PER_ORIGIN or waiting >= MAX_PENDING:
            raise GivefirstError(
                "too many pairing requests; approve the code already shown, or wait ten minutes",
                code="too_many_requests",
                status=429,
            )
        db["pairing_requests"].insert(
            {
                "request_hash": hashed(request_id),
                "code": code,
                "client": client,
                "origin": origin,
                "created_at": iso(now),
                "expires_at": iso(now + CODE_TTL),
            }
        )
    return {"request_id": request_id, "code": code, "expires_at": iso(now + CODE_TTL)}


def pending(db: Database, now: datetime) -> list[dict]:
    return list(
        db.query(
            "SELECT code, client, origin, created_at, expires_at FROM pairing_requests "
            "WHERE status = 'pending' AND expires_at >= ? ORDER BY created_at",
            [iso(now)],
        )
    )


def approve_or_deny(db: Database, code: str, approve: bool, now: datetime) -> dict:
    """Approve (or deny) the pending request with this code; wrong codes count against you."""
    code = normalise_code(code)
    if not CODE_SHAPE.fullmatch(code):  # a typo, not a guess: it does not count against you
        raise Invalid(
            f"{code or 'that'} is not a pairing code; it looks like K7PX-Q2MD", code="wrong_code"
        )
    with write(db):
        found = list(
            db.query(
                "SELECT * FROM pairing_requests WHERE code = ? AND status = 'pending' "
                "AND expires_at >= ?",
                [code, iso(now)],
            )
        )
        if not found:  # counted against the requests waiting now, outside the refusal below
            db.execute(
                "UPDATE pairing_requests SET wrong_codes = wrong_codes + 1 "
                "WHERE status = 'pending' AND expires_at >= ?",
                [iso(now)],
            )
    if not found:
        raise Invalid(
            f"no pending pairing has the code {code}; codes expire after 10 minutes",
            code="wrong_code",
        )
    if found[0]["wrong_codes"] >= MAX_FAILURES:
        raise GivefirstError(
            "too many wrong codes were typed while this code waited; ask the extension for a "
            "new code",
            code="too_many_attempts",
            status=429,
        )
    with write(db):
        db.execute(
            "UPDATE pairing_requests SET status = ? WHERE id = ?",
            ["approved" if approve else "denied", found[0]["id"]],
        )
    return found[0]


def claim(db: Database, request_id: object, now: datetime) -> dict:
    """The extension polls: pending, denied, expired, or (once) its new token."""
    if not isinstance(request_id, str) or not request_id:
        raise Invalid("request_id is required")
    with write(db):
        found = list(
            db.query("SELECT * FROM pairing_requests WHERE request_hash = ?", [hashed(request_id)])
        )
        if not found or found[0]["status"] == "claimed":
            raise NotFound("there is no such pairing request; start pairing again")
        pairing = found[0]
        if pairing["status"] == "denied":
            raise GivefirstError("the pairing was denied", code="pairing_denied", status=403)
        if pairing["status"] == "pending":
            if from_db(pairing["expires_at"]) < now:
                raise GivefirstError(
                    "the pairing code expired; start pairing again",
                    code="pairing_expired",
                    status=410,
                )
            return {"status": "pending", "expires_at": pairing["expires_at"]}
        name = tokens.unique_name(db, f"extension-{pairing['client']}")
        token = tokens.create(db, name, now, origin=pairing["origin"])
        db.execute(
            "UPDATE pairing_requests SET status = 'claimed', token_name = ? WHERE id = ?",
            [name, pairing["id"]],
        )
    return {"status": "approved", "token": token, "token_name": name}
