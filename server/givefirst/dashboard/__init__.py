"""The local dashboard and the bookmarklet's popup: server-rendered pages, one file per area.

Every page needs the login session (login.py) except the login itself and the popup shell, which
holds no private data: its script asks the API, with the session, once it runs.
"""

from flask import Blueprint, Flask

from givefirst.core.dates import fact_day

dashboard = Blueprint("dashboard", __name__)

# Importing these registers their routes and hooks on the blueprint, once per process.
from givefirst.dashboard import guard, templating  # noqa: E402
from givefirst.dashboard.pages import (  # noqa: E402, F401
    mail,
    network,
    people,
    popup,
    records,
    reminders,
    session,
    settings,
    today,
    transfer,
)

dashboard.before_request(guard.require_login)
dashboard.app_context_processor(templating.globals_for_templates)
dashboard.add_app_template_filter(templating.day, "day")
dashboard.add_app_template_filter(templating.iso_day, "iso_day")
dashboard.add_app_template_filter(fact_day, "fact_day")

# No inline script or style anywhere, nothing from outside this computer, never inside a frame.
CONTENT_SECURITY_POLICY = (
    "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self'; "
    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'"
)
SECURITY_HEADERS = {
    "Content-Security-Policy": CONTENT_SECURITY_POLICY,
    "X-Frame-Options": "DENY",
    "X-Content-Type-Options": "nosniff",
    # Not "no-referrer": with it, browsers send "Origin: null" even on same-origin POSTs.
    "Referrer-Policy": "same-origin",
    "Cross-Origin-Opener-Policy": "same-origin",
    # No other site may load an answer of ours as an image, script or media (Spectre-style reads).
    "Cross-Origin-Resource-Policy": "same-origin",
}


def security_headers(response):
    # Added in one pass over the response's few headers: setdefault would look through them
    # once per header, on every answer, the card's lookups included.
    present = {name.lower() for name, _ in response.headers}
    response.headers.extend(
        [(name, value) for name, value in SECURITY_HEADERS.items() if name.lower() not in present]
    )
    return response


@dashboard.after_request
def not_cached(response):
    # Pages show private data: after logging out, Back must not bring them up again.
    response.headers.setdefault("Cache-Control", "no-store")
    return response


def init_app(app: Flask) -> None:
    app.register_blueprint(dashboard)
    app.after_request(security_headers)
