"""Who may see and change the dashboard: a logged-in session, and its CSRF token for changes."""

from flask import g, render_template, request

from givefirst import login
from givefirst.dashboard import dashboard
from givefirst.errors import GivefirstError

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
