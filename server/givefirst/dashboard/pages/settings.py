"""Settings: extension pairings to approve or deny, tokens to revoke, the bookmarklet to drag."""

from flask import current_app, redirect, render_template, request, url_for

from givefirst import bookmarklet
from givefirst.dashboard import dashboard
from givefirst.dashboard.pages.mail import settings_figures
from givefirst.request_state import db, now
from givefirst.store import feeds, pairing, tokens


@dashboard.get("/settings")
def settings(feed_link: str | None = None):
    """`feed_link`: a calendar link just made, shown this once (pages/reminders.py)."""
    return render_template(
        "settings.html",
        active="settings",
        pending=pairing.pending(db(), now()),
        tokens=tokens.listing(db()),
        bookmarklet=bookmarklet.javascript_url(current_app.config["PORT"]),
        feed=feeds.active(db()),
        feed_link=feed_link,
        **settings_figures(db()),
    )


@dashboard.post("/settings/pairings")
def decide_pairing():
    approve = request.form.get("decision") == "approve"
    pairing.approve_or_deny(db(), request.form.get("code") or "", approve=approve, now=now())
    return redirect(url_for("dashboard.settings") + "#pairings", 303)


@dashboard.post("/settings/tokens/revoke")
def revoke_token():
    tokens.revoke(db(), request.form.get("name") or "", now())
    return redirect(url_for("dashboard.settings") + "#tokens", 303)
