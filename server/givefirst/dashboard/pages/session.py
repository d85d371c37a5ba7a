"""Logging in with a one-time link, logging out, and the session check the popup's script makes."""

from flask import g, make_response, redirect, render_template, request, url_for

from givefirst import login
from givefirst.api.errors import error_response
from givefirst.dashboard import dashboard
from givefirst.request_state import db, now
from givefirst.store import sessions


@dashboard.get("/login")
def login_page():
    """Spend a one-time link on a session cookie, then continue to Today from a page of our own.

    A link clicked on another site (a mail page) arrives without the SameSite=Strict cookie, and
    so would a redirect that followed it: the browser counts the whole chain as cross-site. A
    page of ours that moves on by itself (a meta refresh, and a link) makes the next request
    same-site. Such a link first takes that step before it is spent, so that the cookie this
    browser already holds comes along and its session can be ended: one browser, one session.
    """
    secret = request.args.get("token")
    if not secret:
        if g.session:
            return redirect(url_for("dashboard.today"), 303)
        return render_template("login_needed.html"), 401
    from_elsewhere = request.headers.get("Sec-Fetch-Site") in ("cross-site", "same-site")
    if from_elsewhere and not request.args.get("continued"):
        onward = url_for("dashboard.login_page", token=secret, continued=1)
        return render_template("login_continue.html", onward=onward, spent=False)
    try:
        session = sessions.redeem(db(), secret, now(), replacing=g.session)
    except sessions.LinkRefused as error:
        return render_template("login_needed.html", problem=error.message), error.status
    g.session = session
    response = make_response(
        render_template("login_continue.html", onward=url_for("dashboard.today"), spent=True)
    )
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
    """The CSRF token for the popup's script; only its own pages can read it (no CORS, and the
    request must come from this very origin)."""
    refusal = login.same_origin_refusal()
    if refusal:
        return error_response(403, "csrf_failed", refusal)
    if g.session is None:
        return error_response(401, "login_required", "Log in first: run `givefirst open`.")
    response = {"logged_in": True, "csrf_token": g.session.csrf_token}
    return response, 200, {"Cache-Control": "no-store"}
