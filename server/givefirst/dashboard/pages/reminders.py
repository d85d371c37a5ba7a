"""Reminders on the dashboard: marking Today's items done or snoozed, a person's keep-in-touch
cadence, and the reminders calendar's link in Settings."""

from flask import redirect, request, url_for

from givefirst import reminders
from givefirst.core.reminders import CADENCE_CHOICES, cadence_words
from givefirst.dashboard import dashboard, forms
from givefirst.dashboard.pages.settings import settings
from givefirst.errors import Invalid
from givefirst.request_state import db, now
from givefirst.store import feeds, people
from givefirst.store import reminders as store


@dashboard.post("/reminders/mark")
def mark_reminder():
    reminders.mark(
        db(),
        request.form.get("key"),
        forms.whole_number(request.form, "person_id"),
        request.form.get("action"),
        now().date(),
        now(),
    )
    return redirect(forms.local_path(request.form.get("next"), url_for("dashboard.today")), 303)


def cadence_from_form(value: str) -> int | str | None:
    """ "circle", "none" or a number of days, as the person page's form sends it."""
    if value == store.FROM_CIRCLE:
        return value
    if value == "none":
        return None
    if not value.strip().isdigit() or len(value) > 6:
        raise Invalid("cadence must be a number of days, none, or circle")
    return int(value)


@dashboard.post("/people/<int:person_id>/cadence")
def set_cadence(person_id: int):
    cadence = cadence_from_form(request.form.get("cadence") or "")
    people.update(db(), person_id, {"cadence_days": cadence}, now())
    return redirect(url_for("dashboard.person", person_id=person_id), 303)


@dashboard.app_template_global()
def keep_in_touch(person: dict) -> dict:
    """What the person page says and offers about keeping in touch with someone."""
    choices = [(str(days), cadence_words(days)) for days in CADENCE_CHOICES]
    if person["cadence_days"] and person["cadence_days"] not in CADENCE_CHOICES:
        choices.append((str(person["cadence_days"]), cadence_words(person["cadence_days"])))
    return {
        "words": cadence_words(person["cadence_days"]),
        "from_circle": person["cadence_from_circle"],
        "next_due": person["next_due"],
        "chosen": store.FROM_CIRCLE
        if person["cadence_from_circle"]
        else str(person["cadence_days"] or "none"),
        "choices": choices,
    }


@dashboard.post("/settings/feed")
def new_feed_link():
    """A new calendar link, shown once (the old one stops working)."""
    token = feeds.create(db(), now())
    link = url_for("api.reminders_feed", token=token, _external=True)
    return settings(feed_link=link)


@dashboard.post("/settings/feed/revoke")
def revoke_feed():
    feeds.revoke(db(), now())
    return redirect(url_for("dashboard.settings") + "#calendar", 303)
