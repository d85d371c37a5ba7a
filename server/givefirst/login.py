"""The dashboard's login session as requests carry it: the cookie, the CSRF token, the checks.

A browser logs in once through a one-time link (store/sessions.py) and then holds an HttpOnly,
SameSite=Strict cookie. The cookie alone never authorises a change: every state-changing request
must also echo the session's CSRF token (a form field, or the X-CSRF-Token header for scripts),
come from the service's own origin, and not be marked cross-site by the browser. Session calls to
the API need the header even to read, since only the service's own pages can send it.
"""

import hmac
from urllib.parse import urlsplit

from flask import current_app, request
from werkzeug.wrappers import Response

from givefirst.store import sessions
from givefirst.store.connection import get_db
from givefirst.store.sessions import SESSION_TTL, Session

CSRF_HEADER = "X-CSRF-Token"
CSRF_FIELD = "csrf_token"
SAFE_METHODS = ("GET", "HEAD", "OPTIONS")


def link_url(port: int, link_secret: str) -> str:
    """The one-time login link that `givefirst serve` prints and `givefirst open` opens."""
    return f"http://127.0.0.1:{port}/login?token={link_secret}"


def cookie_name() -> str:
    # Cookies ignore ports: naming the cookie after the port keeps two services apart.
    return f"givefirst_session_{current_app.config['PORT']}"


def current_session() -> Session | None:
    """The live session the request's cookie names, or None."""
    secret = request.cookies.get(cookie_name())
    return sessions.find(get_db(), secret, current_app.config["CLOCK"]()) if secret else None


def set_cookie(response: Response, session: Session) -> None:
    response.set_cookie(
        cookie_name(),
        session.secret,
        max_age=int(SESSION_TTL.total_seconds()),
        path="/",
        httponly=True,
        samesite="Strict",
    )


def clear_cookie(response: Response) -> None:
    response.delete_cookie(cookie_name(), path="/", httponly=True, samesite="Strict")


def own_origin() -> str:
    """The origin of the page that may act: this very service, as the (checked) Host names it."""
    return f"http://{request.host.lower()}"


def cross_site_refusal() -> str | None:
    """Why the browser says this request came from another site (or another local port), or None.

    Another port on 127.0.0.1 counts as the same *site* to the browser, so SameSite=Strict alone
    would let a page served there send the cookie; the Origin check is what stops it.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None and fetch_site not in ("same-origin", "none"):
        return f"The browser marked this request as {fetch_site}."
    origin = request.headers.get("Origin")
    if origin is not None and origin != own_origin():
        return "The request came from another origin."
    return None


def same_origin_refusal() -> str | None:
    """Why this request may not read a secret of the session (its CSRF token), or None.

    Stricter than `cross_site_refusal`: the browser must mark the request same-origin, and a
    client that sends no Sec-Fetch-Site must name one of the service's own pages as its Origin
    or Referer. The cookie alone reaches other ports on this computer too; it must not be
    enough to learn the token.
    """
    fetch_site = request.headers.get("Sec-Fetch-Site")
    if fetch_site is not None:
        return (
            None
            if fetch_site == "same-origin"
            else f"The browser marked this request as {fetch_site}."
        )
    origin = request.headers.get("Origin")
    if origin is not None:
        return None if origin == own_origin() else "The request came from another origin."
    referer = urlsplit(request.headers.get("Referer") or "")
    if f"{referer.scheme}://{referer.netloc}".lower() == own_origin():
        return None
    return "Only the service's own pages may ask for the session."


def csrf_refusal(session: Session, from_form: bool) -> str | None:
    """Why this request may not act with the session, or None when it may."""
    cross_site = cross_site_refusal()
    if cross_site:
        return cross_site
    sent = request.headers.get(CSRF_HEADER)
    if sent is None and from_form:
        sent = request.form.get(CSRF_FIELD)
    if not sent or not hmac.compare_digest(sent.encode(), session.csrf_token.encode()):
        return "The CSRF token is missing or wrong: reload the page and try again."
    return None
