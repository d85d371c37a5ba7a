"""Adding a person, and correcting the record: edit or delete an interaction or a fact."""

from flask import redirect, render_template, request, url_for

from givefirst.dashboard import dashboard, forms
from givefirst.dashboard.templating import iso_day
from givefirst.request_state import db, now
from givefirst.store import facts, interactions, people

MAX_PROFILES = 20  # profile addresses one form may add


def to_person(person_id: int, anchor: str):
    return redirect(url_for("dashboard.person", person_id=person_id) + anchor, 303)


def typed_profiles(form) -> list[str]:
    """Profile addresses from the form's box (one a line) or carried over as hidden fields."""
    lines = (form.get("profiles") or "")[: forms.MAX_FIELD].splitlines() + form.getlist("profile")
    return [line.strip() for line in lines if line.strip()][:MAX_PROFILES]


@dashboard.post("/people")
def add_person():
    """The People page's form: a name, profile addresses (one a line), circle, how you met, tags.
    Someone of the same name already known gets "Is this the … you know?" first, not a duplicate."""
    data = forms.fields(request.form, ("name", "circle", "how_met"))
    data["profiles"] = typed_profiles(request.form)
    data["tags"] = forms.tag_list(request.form) or []
    namesakes = [] if request.form.get("anyway") else people.named(db(), data.get("name"))
    if namesakes:
        known = people.as_json(db(), people.rows_of(db(), [n["id"] for n in namesakes]))
        return render_template(
            "same_name.html",
            active="people",
            typed=data,
            first=data["name"].split()[0],
            namesakes=sorted(known, key=lambda p: p["id"]),
        )
    person_id = people.create(db(), data, now())
    return to_person(person_id, "")


@dashboard.post("/people/<int:person_id>/same-person")
def add_to_known(person_id: int):
    """ "Yes, this is them": the profiles typed for a new person go to the one already known."""
    people.add_profiles(db(), person_id, typed_profiles(request.form), now())
    return to_person(person_id, "#profiles")


@dashboard.post("/interactions/<interaction_id>/edit")
def edit_interaction(interaction_id: str):
    current = interactions.get(db(), interaction_id)
    changes = forms.interaction(request.form)
    if changes.get("occurred_at", "").strip() == iso_day(current["occurred_at"]):
        del changes["occurred_at"]  # the same day: keep the time of day it was logged with
    interactions.update(db(), interaction_id, changes, now())
    return to_person(current["person_id"], "#timeline")


@dashboard.post("/interactions/<interaction_id>/delete")
def delete_interaction(interaction_id: str):
    current = interactions.get(db(), interaction_id)
    interactions.delete(db(), interaction_id)
    return to_person(current["person_id"], "#timeline")


@dashboard.post("/facts/<fact_id>/edit")
def edit_fact(fact_id: str):
    current = facts.get(db(), fact_id)
    facts.update(db(), fact_id, forms.fact(request.form, keep_empty=True), now())
    return to_person(current["person_id"], "#facts")


@dashboard.post("/facts/<fact_id>/delete")
def delete_fact(fact_id: str):
    current = facts.get(db(), fact_id)
    facts.delete(db(), fact_id)
    return to_person(current["person_id"], "#facts")
