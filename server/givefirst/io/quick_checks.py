"""The common case of an import's values, checked in a few compiled tests.

A document givefirst wrote holds its values in the very form the full checks
(givefirst_json.py, validation.py, the store modules) would turn them into: times in UTC as
2026-03-01T09:30:00+00:00, UUIDs in lower case, text trimmed to single spaces. For such a value
the full check gives back the value itself; here that is recognised without building a
datetime or a UUID. Each function answers the full check's result, or None when the value is
in any other form: then the full check runs, with its own result and its own error. So a quick
answer is never different from the full one (tests/io/test_quick_checks.py compares them).
LinkedIn's export writes its profile URLs in one form too, which `profile_ref` recognises.
"""

import re
from datetime import date, datetime

from givefirst.core.vocabulary import KINDS, STATUSES
from givefirst.sites import linkedin
from givefirst.sites.base import MAX_URL_LENGTH, ProfileRef

# What clock.iso writes for a moment in the years validation.moment accepts (1900 to 2200).
UTC_MOMENT = re.compile(
    r"(?:19\d\d|2[01]\d\d|2200)-\d\d-\d\dT(?:[01]\d|2[0-3]):[0-5]\d:[0-5]\d\+00:00", re.ASCII
)
UUID = re.compile(r"[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}", re.ASCII)
DAY = re.compile(r"\d{4}-\d\d-\d\d", re.ASCII)
LINKEDIN_PROFILE = re.compile(r"https://www\.linkedin\.com/in/([A-Za-z0-9-]+)/?", re.ASCII)
INTERACTION_TIMES = ("occurred_at", "created_at", "updated_at")
FACT_TIMES = ("created_at", "updated_at")


def moment(value: object) -> str | None:
    """A time already as clock.iso writes it (and a real day of the calendar)."""
    if type(value) is not str or not UTC_MOMENT.fullmatch(value):
        return None
    try:
        datetime.fromisoformat(value)  # 30 February matches the pattern
    except ValueError:
        return None
    return value


def uuid(value: object) -> str | None:
    """A UUID already as str(uuid.UUID(...)) writes it."""
    return value if type(value) is str and UUID.fullmatch(value) else None


def text(value: object, max_length: int) -> str | None:
    """One line of text validation.text would give back unchanged: printable (no control,
    invisible or other white space characters, no lone surrogates), only single spaces
    between words, not empty and not too long."""
    if (
        type(value) is not str
        or not 0 < len(value) <= max_length
        or not value.isprintable()
        or value[0] == " "
        or value[-1] == " "
        or "  " in value
    ):
        return None
    return value


def interaction(data: object) -> dict | None:
    """What givefirst_json.checked_interaction makes of `data`, or None: check it fully."""
    if type(data) is not dict:
        return None
    get = data.get
    kind, status = get("kind"), get("status")
    if type(kind) is not str or kind not in KINDS:
        return None
    allowed = STATUSES.get(kind)
    if allowed is None:
        if status is not None:
            return None
    elif status is None:
        status = allowed[0]
    elif type(status) is not str or status not in allowed:
        return None
    weight = get("weight", 1)
    if weight is None:
        weight = 1
    elif type(weight) is not int or not 1 <= weight <= 3:
        return None
    occurred = moment(get("occurred_at"))
    if occurred is None:
        return None
    created = same_moment(get("created_at"), occurred)
    updated = same_moment(get("updated_at"), created or occurred)
    row_id, summary = uuid(get("id")), text(get("summary"), 2000)
    if created is None or updated is None or row_id is None or summary is None:
        return None
    return {
        "id": row_id,
        "kind": kind,
        "summary": summary,
        "occurred_at": occurred,
        "status": status,
        "weight": weight,
        "created_at": created,
        "updated_at": updated,
    }


def same_moment(value: object, checked: str) -> str | None:
    """moment(value), given a time already checked: a record's times are often one time, and a
    string equal to a checked one is checked too."""
    if type(value) is str and value == checked:
        return checked
    return moment(value)


def fact(data: object) -> dict | None:
    """What givefirst_json.checked_fact makes of `data`, or None: check it fully."""
    if type(data) is not dict:
        return None
    day = data.get("date")
    if day is not None and (type(day) is not str or not DAY.fullmatch(day) or not real_day(day)):
        return None
    row = {
        "id": uuid(data.get("id")),
        "label": text(data.get("label"), 100),
        "value": text(data.get("value"), 1000),
        "date": day,
        **{name: moment(data.get(name)) for name in FACT_TIMES},
    }
    if None in (row["id"], row["label"], row["value"], row["created_at"], row["updated_at"]):
        return None
    return row


def real_day(day: str) -> bool:
    try:
        date.fromisoformat(day)
    except ValueError:
        return False
    return True


def profile_ref(url: object) -> ProfileRef | None:
    """What sites.canonicalise gives for a LinkedIn profile URL as LinkedIn's own export
    writes it (https://www.linkedin.com/in/jane-doe-12ab), or None: canonicalise it."""
    if type(url) is not str or len(url) > MAX_URL_LENGTH:
        return None
    match = LINKEDIN_PROFILE.fullmatch(url)
    if match is None:
        return None
    key = f"li:{match.group(1).lower()}"
    return ProfileRef(key=key, site=linkedin.SITE.name, url=linkedin.url_for(key))
