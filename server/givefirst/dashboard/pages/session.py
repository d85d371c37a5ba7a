"""Logging in with a one-time link, logging out, and the session check the popup's script makes."""

from flask import g, redirect, render_template, request, url_for

from givefirst import login
from givefirst.api.errors import error_response
from givefirst.api.routes.common import db, now
from givefirst.dashboard import dashboard
from givefirst.store import sessions


@dashboard.get("/login")
def login_page():
    """Spend a one-time link on a session cookie, then go to Today (dropping the link from view)."""
    secret = request.args.get("token")
    if not secret:
        if g.session:
            return redirect(url_for("dashboard.today"), 303)
        return render_template("login_needed.html"), 401
    try:
        session = sessions.redeem(db(), secret, now())
    except sessions.LinkRefused as error:
        return render_template("login_needed.html", problem=error.message), error.status
    response = redirect(url_for("dashboard.today"), 303)
    login.set_cookie(response, session)
    return response


@dashboard.post("/logout")
def logout():
    sessions.end(db(), g.session.secret)
    response = redirect(url_for("dashboard.login_page"), 303)
    login.clear_cookie(response)
    return response


@dashboard.get("/session")
def session_info():
    """The CSRF token for the popup's script; only its own pages can read it (no CORS)."""
    refusal = login.cross_site_refusal()
    if refusal:
        return error_response(403, "csrf_failed", refusal)
    if g.session is None:
        return error_response(401, "login_required", "Log in first: run `givefirst open`.")
    response = {"logged_in": True, "csrf_token": g.session.csrf_token}
    return response, 200, {"Cache-Control": "no-store"}
