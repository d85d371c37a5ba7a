"""Reminders: what is due today (the extension's badge and notification), marking an item done
or snoozed, and the calendar feed behind its own read-only token."""

from datetime import date

from flask import Response, request

from givefirst import calendar_feed, reminders
from givefirst.api import api
from givefirst.api.body import json_body, one_arg
from givefirst.api.errors import error_response
from givefirst.request_state import db, now
from givefirst.store import feeds
from givefirst.validation import calendar_day


def day_arg() -> date:
    """`?date=YYYY-MM-DD`: the caller's own day (the extension knows the person's time zone)."""
    raw = one_arg("date")
    if raw is None:
        return now().date()
    return calendar_day(raw, "date")


@api.get("/v1/reminders")
def due_today():
    return reminders.answer(db(), day_arg())


@api.post("/v1/reminders/mark")
def mark_reminder():
    body = json_body()
    return reminders.mark(
        db(), body.get("key"), body.get("person_id"), body.get("action"), day_arg(), now()
    )


@api.get("/v1/reminders.ics")
def reminders_feed():
    """Public to the API's token check: the feed's own token, in the URL, opens it instead."""
    if not feeds.verify(db(), request.args.get("token"), now()):
        return error_response(401, "unauthorized", "This calendar link is not valid any more.")
    body = calendar_feed.calendar(db(), now().date(), now())
    return Response(body, mimetype="text/calendar", headers={"Cache-Control": "no-store"})
