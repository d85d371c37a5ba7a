"""Who may see and change the dashboard: a logged-in session, and its CSRF token for changes."""

import logging

from flask import current_app, g, render_template, request
from werkzeug.exceptions import HTTPException

from givefirst import login
from givefirst.api import security
from givefirst.dashboard import dashboard
from givefirst.errors import NOT_A_PROFILE_URL, GivefirstError, invalid_profile_url

log = logging.getLogger("givefirst")
# The login page, the popup shell and the session check hold nothing private.
OPEN_ENDPOINTS = {"dashboard.login_page", "dashboard.popup", "dashboard.session_info"}


class Refused(GivefirstError):
    status = 403
    code = "csrf_failed"


def require_login():
    """Runs before every dashboard request."""
    g.session = login.current_session()
    if request.endpoint in OPEN_ENDPOINTS or request.endpoint is None:
        return None
    if g.session is None:
        if request.method in login.SAFE_METHODS:
            return render_template("login_needed.html"), 401
        raise Refused("You are not logged in: run `givefirst open`, then try again.")
    if request.method not in login.SAFE_METHODS:
        refusal = login.csrf_refusal(g.session, from_form=True)
        if refusal:
            raise Refused(refusal)
    return None


@dashboard.errorhandler(GivefirstError)
def refused_or_invalid(error: GivefirstError):
    """Bad input or a refused request: a page that says why; nothing was written."""
    return render_template("error.html", error=error), error.status


def not_a_profile_url(error: Exception):
    """A URL typed into a form that names no one's profile."""
    return refused_or_invalid(invalid_profile_url(error))


for refused_url in NOT_A_PROFILE_URL:
    dashboard.register_error_handler(refused_url, not_a_profile_url)


@dashboard.errorhandler(Exception)
def failed(error: Exception):
    """Something unexpected: a page that tells the truth about whether the change was saved."""
    if isinstance(error, HTTPException):
        return error
    log.exception("unexpected error on %s %s", request.method, request.path)
    return render_template("failed.html", saved=g.get("committed", False)), 500


class TooLarge(GivefirstError):
    status = 413
    code = "too_large"


@dashboard.errorhandler(413)
def too_large(_error):
    """A body over its limit, refused before it was read (api/security.py): a page that says so."""
    g.session = login.current_session()  # the refusal came before require_login ran
    if request.endpoint in security.UPLOAD_ENDPOINTS:
        mib = current_app.config["MAX_UPLOAD_BYTES"] // (1024 * 1024)
        message = (
            f"The file is larger than {mib} MiB, the most the dashboard takes. Import it "
            "from the command line instead: givefirst import KIND PATH"
        )
    else:
        message = f"The request is larger than {request.max_content_length // (1024 * 1024)} MiB."
    return render_template("error.html", error=TooLarge(message)), 413
