"""Dashboard logins: one-time links that open a session, and the sessions themselves.

`givefirst serve` and `givefirst open` make a link; opening it once turns it into a session (a
secret for the cookie and a CSRF token for pages and scripts). Only hashes of the link and the
session secret are stored, so the database alone cannot log anyone in.
"""

import hashlib
import hmac
import secrets
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.errors import GivefirstError
from givefirst.store.connection import write

LINK_TTL = timedelta(minutes=15)
SESSION_TTL = timedelta(days=30)
MAX_SECRET_LENGTH = 200


@dataclass(frozen=True)
class Session:
    """A logged-in browser: the secret its cookie holds and the CSRF token it must echo."""

    secret: str
    csrf_token: str
    expires_at: datetime


class LinkRefused(GivefirstError):
    status = 403
    code = "login_link_refused"


def digest(secret: str) -> str:
    return hashlib.sha256(secret.encode()).hexdigest()


def new_login_link(db: Database, now: datetime) -> str:
    """A fresh one-time login secret, valid for 15 minutes; expired links are swept away."""
    secret = secrets.token_urlsafe(32)
    with write(db):
        db.execute("DELETE FROM login_links WHERE expires_at < ?", [iso(now)])
        db["login_links"].insert(
            {
                "token_hash": digest(secret),
                "created_at": iso(now),
                "expires_at": iso(now + LINK_TTL),
            }
        )
    return secret


def redeem(
    db: Database, link_secret: object, now: datetime, replacing: Session | None = None
) -> Session:
    """Spend a login link (once) on a new session; a used, expired or unknown link is refused.
    The session the same browser held before (`replacing`) ends: one browser, one session."""
    if not isinstance(link_secret, str) or not 0 < len(link_secret) <= MAX_SECRET_LENGTH:
        raise LinkRefused("This login link is not valid.")
    with write(db):
        found = db.execute(
            "SELECT id, token_hash FROM login_links "
            "WHERE token_hash = ? AND used_at IS NULL AND expires_at >= ?",
            [digest(link_secret), iso(now)],
        ).fetchone()
        if not found or not hmac.compare_digest(found[1], digest(link_secret)):
            raise LinkRefused("This login link has expired or was already used.")
        db.execute("UPDATE login_links SET used_at = ? WHERE id = ?", [iso(now), found[0]])
        db.execute("DELETE FROM sessions WHERE expires_at < ?", [iso(now)])
        if replacing is not None:
            db.execute("DELETE FROM sessions WHERE session_hash = ?", [digest(replacing.secret)])
        session = Session(
            secret=secrets.token_urlsafe(32),
            csrf_token=secrets.token_urlsafe(32),
            expires_at=now + SESSION_TTL,
        )
        db["sessions"].insert(
            {
                "session_hash": digest(session.secret),
                "csrf_token": session.csrf_token,
                "created_at": iso(now),
                "expires_at": iso(session.expires_at),
            }
        )
    return session


def find(db: Database, secret: str | None, now: datetime) -> Session | None:
    """The live session whose cookie holds this secret, or None."""
    if not secret or len(secret) > MAX_SECRET_LENGTH:
        return None
    wanted = digest(secret)
    found = db.execute(
        "SELECT session_hash, csrf_token, expires_at FROM sessions "
        "WHERE session_hash = ? AND expires_at >= ?",
        [wanted, iso(now)],
    ).fetchone()
    if not found or not hmac.compare_digest(found[0], wanted):
        return None
    return Session(secret=secret, csrf_token=found[1], expires_at=datetime.fromisoformat(found[2]))


def end(db: Database, secret: str) -> None:
    """Log out: the session's cookie is worthless from now on."""
    with write(db):
        db.execute("DELETE FROM sessions WHERE session_hash = ?", [digest(secret)])
