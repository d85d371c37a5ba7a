"""Mail and calendars on the dashboard: your own addresses and the synced sources (Settings),
and the meetings coming up (Today)."""

import urllib.parse
from datetime import datetime, timedelta

from flask import redirect, request, url_for
from sqlite_utils import Database

from givefirst import card
from givefirst.dashboard import dashboard
from givefirst.request_state import db, now
from givefirst.store import emails, people, sources

COMING_UP_DAYS = 7


def settings_figures(database: Database) -> dict:
    """What Settings shows: your addresses, and each source with its last sync and error.
    A calendar's secret address is shown by its host only."""
    listed = []
    for source in sources.all_sources(database):
        name = source["address"]
        if source["kind"] == "ics":
            name = f"calendar at {urllib.parse.urlsplit(name).hostname or '?'}"
        listed.append({**source, "name": name, "every": source["settings"].get("every")})
    return {"my_emails": emails.mine(database), "sync_sources": listed}


def coming_up(database: Database, moment: datetime, dormancy_days: int) -> list[dict]:
    """Meetings in the next days, each with the people you will meet and their nudge."""
    meetings = sources.meetings_between(database, moment, moment + timedelta(days=COMING_UP_DAYS))
    for meeting in meetings:
        for person in meeting["people"]:
            details = card.for_person(
                database, people.get(database, person["id"]), moment, dormancy_days
            )
            person["nudge"] = details["nudge"]
    return meetings


@dashboard.post("/settings/me")
def add_my_email():
    emails.add_mine(db(), request.form.get("email") or "", now())
    back = request.form.get("next") == "transfer"
    return redirect(url_for("dashboard.transfer" if back else "dashboard.settings") + "#mail", 303)


@dashboard.post("/settings/me/remove")
def remove_my_email():
    emails.remove_mine(db(), request.form.get("email") or "")
    return redirect(url_for("dashboard.settings") + "#mail", 303)
