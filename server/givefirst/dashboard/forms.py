"""HTML forms into the dicts that store/* already checks, so pages and the API share one set of rules."""

import re
from collections.abc import Iterable, Mapping

from givefirst.core.vocabulary import STATUSES
from givefirst.errors import Invalid

MAX_FIELD = 20_000
MAX_CHOICES = 50  # checkboxes one form may tick


def fields(form: Mapping[str, str], names: Iterable[str], keep_empty: bool = False) -> dict:
    """The named fields as strings; an empty field is left out (or sent as None, to clear it)."""
    found: dict = {}
    for name in names:
        if name not in form:
            continue
        value = form[name]
        if len(value) > MAX_FIELD:
            raise Invalid(f"{name} is too long")
        if value.strip():
            found[name] = value
        elif keep_empty:
            found[name] = None
    return found


def whole_number(form: Mapping[str, str], name: str) -> int | None:
    """A number field; None when empty. The store checks the range."""
    value = (form.get(name) or "").strip()
    if not value:
        return None
    if not value.isdigit() or len(value) > 12:
        raise Invalid(f"{name} must be a whole number")
    return int(value)


def choice(form: Mapping[str, str], name: str, options: Iterable[str]) -> str:
    """A required field that must be one of `options`."""
    value = form.get(name) or ""
    if value not in options:
        raise Invalid(f"{name} must be one of {', '.join(options)}")
    return value


def tag_list(form: Mapping[str, str], name: str = "tags") -> list[str] | None:
    """'climate, python' → ['climate', 'python']; None when the field was not sent."""
    if name not in form:
        return None
    return [tag.strip() for tag in form[name].split(",") if tag.strip()]


def fact(form: Mapping[str, str], keep_empty: bool = False) -> dict:
    """A fact's fields; a date with "every year" ticked is kept as its day and month (--MM-DD)."""
    data = fields(form, ("label", "value", "date"), keep_empty)
    when = data.get("date")
    if when and form.get("yearly") and re.fullmatch(r"\d{4}-\d{2}-\d{2}", when.strip()):
        data["date"] = "--" + when.strip()[5:]
    return data


def interaction(form: Mapping[str, str]) -> dict:
    data = fields(form, ("kind", "summary", "occurred_at", "status"))
    if data.get("kind") not in STATUSES:
        data.pop("status", None)  # one form serves every kind; only asks take a status
    weight = whole_number(form, "weight")
    if weight is not None:
        data["weight"] = weight
    return data


def person_changes(form: Mapping[str, str]) -> dict:
    """An edit: every field sent, an emptied one cleared; the name is checked by the store."""
    data = fields(form, ("name", "circle", "how_met", "notes"), keep_empty=True)
    if data.get("circle") is None:
        data.pop("circle", None)
    tags = tag_list(form)
    if tags is not None:
        data["tags"] = tags
    return data


# A path on this service: one slash, then printable ASCII without backslashes. Browsers drop
# tabs and line breaks from a Location and read a backslash as a slash, so "/\t/host" or
# "/\\host" would leave the site, and a line break cannot be sent in a header at all.
LOCAL_PATH = re.compile(r"/(?!/)[\x21-\x5b\x5d-\x7e]*")


def local_path(value: str | None, default: str) -> str:
    """Where to go back to after a form: only a path on this service, never another site."""
    if value and len(value) < 500 and LOCAL_PATH.fullmatch(value):
        return value
    return default
