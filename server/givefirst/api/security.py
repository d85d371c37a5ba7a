"""Who may talk to the service: Host (DNS rebinding), Origin, body size, CORS and tokens.

The service listens on 127.0.0.1 only. Browsers can still be tricked into sending requests to it
(a page's own fetch, or a rebinding DNS name), so every request must name the service itself in
Host, carry no foreign Origin, and — for the API — present a token, or the dashboard's session
cookie together with its CSRF token from the service's own pages (see login.py).
"""

from flask import Flask, current_app, g, request
from flask_cors import CORS
from werkzeug.exceptions import RequestEntityTooLarge

from givefirst import login
from givefirst.api.errors import error_response
from givefirst.store import tokens
from givefirst.store.connection import get_db

LOOPBACK_NAMES = ("127.0.0.1", "localhost", "[::1]")
EXTENSION_SCHEMES = ("chrome-extension://", "moz-extension://", "safari-web-extension://")
PUBLIC_ENDPOINTS = {"api.health", "api.pair_request", "api.pair_claim"}
PUBLIC_ENDPOINTS.add("api.reminders_feed")  # opened by its own feed token (routes/reminders.py)
# The dashboard's import takes whole export files (MAX_UPLOAD_BYTES); every other request, the
# API's included, keeps MAX_CONTENT_LENGTH (4 MiB).
UPLOAD_ENDPOINTS = {"dashboard.import_upload"}
FORM_ROOM = 64 * 1024  # the multipart form around an uploaded file: boundaries, other fields


def allowed_hosts(port: int) -> set[str]:
    hosts = {f"{name}:{port}" for name in LOOPBACK_NAMES}
    if port == 80:
        hosts |= set(LOOPBACK_NAMES)
    return hosts


def own_origins(port: int) -> set[str]:
    return {f"http://{host}" for host in allowed_hosts(port)}


def origin_allowed(origin: str) -> bool:
    """The service's own pages, the pinned extension, or an extension that paired."""
    if origin in own_origins(current_app.config["PORT"]):
        return True
    if origin in current_app.config["EXTENSION_ORIGINS"]:
        return True
    # Another extension's origin is judged with its token (require_token): a revoked Firefox
    # install must hear 401, "pair again", not 403, or it would take its refusal as final.
    return origin.startswith(EXTENSION_SCHEMES) and request.path.startswith("/api/")


def check_request():
    """Runs before every request, API or not."""
    host = (request.headers.get("Host") or "").lower()
    if host not in allowed_hosts(current_app.config["PORT"]):
        return error_response(
            403, "bad_host", "This service answers only to 127.0.0.1 and localhost."
        )
    limit = body_limit()
    request.max_content_length = limit  # what werkzeug allows when it reads the body
    length = request.content_length
    if length is not None and length > limit:
        # Refused before the app reads a byte of the body. Raised, not returned, so the API
        # answers in its JSON shape (api/errors.py) and the dashboard with a page (guard.py).
        raise RequestEntityTooLarge()
    origin = request.headers.get("Origin")
    if origin is not None and not origin_allowed(origin):
        return error_response(403, "forbidden_origin", "Requests from this origin are not allowed.")
    return None


def body_limit() -> int:
    """The most bytes this request's body may hold."""
    if request.endpoint in UPLOAD_ENDPOINTS:
        return current_app.config["MAX_UPLOAD_BYTES"] + FORM_ROOM
    return current_app.config["MAX_CONTENT_LENGTH"]


def bearer_token() -> str | None:
    header = request.headers.get("Authorization", "")
    scheme, _, token = header.partition(" ")
    return token.strip() if scheme.lower() == "bearer" else None


def require_token():
    """Runs before every API request except the public ones: a token, or a session with CSRF."""
    asked = request._get_current_object()  # once: every card lookup passes here
    if asked.method == "OPTIONS" or asked.endpoint in PUBLIC_ENDPOINTS:
        return None
    if asked.endpoint is None:  # unknown route: let it 404/405 without revealing more
        return None
    headers = asked.headers
    if "Authorization" not in headers and asked.cookies.get(login.cookie_name()):
        return require_session()
    db, now = get_db(), current_app.config["CLOCK"]()
    principal = tokens.verify(db, bearer_token(), now)
    if principal is None:
        return error_response(401)
    if not extension_origin_fits(headers.get("Origin"), principal):
        return error_response(403, "forbidden_origin", "Requests from this origin are not allowed.")
    tokens.touch(db, principal, now)  # only once accepted
    g.principal = principal
    return None


def extension_origin_fits(origin: str | None, principal: tokens.Principal) -> bool:
    """An extension may use only the token it was given when it paired (or the pinned one's)."""
    if origin is None or not origin.startswith(EXTENSION_SCHEMES):
        return True
    return origin in current_app.config["EXTENSION_ORIGINS"] or origin == principal.origin


def require_session():
    """The dashboard's pages call the API with the session cookie and the X-CSRF-Token header."""
    session = login.current_session()
    if session is None:
        return error_response(401, "login_required", "Log in first: run `givefirst open`.")
    refusal = login.csrf_refusal(session, from_form=False)
    if refusal:
        return error_response(403, "csrf_failed", refusal)
    g.principal = tokens.Principal(name="dashboard", origin=None)
    return None


def init_app(app: Flask) -> None:
    app.before_request(check_request)
    # CORS only for the pinned extension origin, never "*". Chromium's service worker sends no
    # Origin at all, and Firefox's background page is exempt from CORS once it has host access.
    CORS(
        app,
        resources={r"/api/*": {"origins": list(app.config["EXTENSION_ORIGINS"])}},
        allow_headers=["Authorization", "Content-Type"],
        methods=["GET", "POST", "PATCH", "DELETE"],
        max_age=600,
    )
