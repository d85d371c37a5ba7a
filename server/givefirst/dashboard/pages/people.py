"""People: search and filter; a Person page with its card, timeline and ledger chart; changes."""

from flask import redirect, render_template, request, url_for

from givefirst.core.nudge import VERDICTS
from givefirst.core.vocabulary import CIRCLES
from givefirst.dashboard import dashboard, forms, overview
from givefirst.errors import Invalid
from givefirst.request_state import db, dormancy, now
from givefirst.store import facts, interactions, people


def choice_arg(name: str, options) -> str | None:
    value = request.args.get(name) or None
    if value is not None and value not in options:
        raise Invalid(f"{name} must be one of {', '.join(options)}")
    return value


@dashboard.get("/people")
def people_list():
    page = forms.whole_number(request.args, "page") or 1
    filters = overview.Filters(
        q=(request.args.get("q") or "").strip()[:200] or None,
        circle=choice_arg("circle", CIRCLES),
        tag=(request.args.get("tag") or "").strip()[:60] or None,
        verdict=choice_arg("verdict", VERDICTS),
        tie=choice_arg("tie", overview.KINDS_OF_TIE),
        page=max(page, 1),
    )
    listing = overview.people_listing(db(), filters, now(), dormancy())
    return render_template(
        "people.html",
        active="people",
        filters=filters,
        options=overview.filter_options(db()),
        **listing,
    )


@dashboard.get("/people/<int:person_id>")
def person(person_id: int):
    merge_q = (request.args.get("merge_q") or "").strip()[:200] or None
    page = overview.person_page(db(), person_id, now(), dormancy(), merge_q)
    return render_template("person.html", active="people", **page)


def back_to(person_id: int, anchor: str = ""):
    return redirect(url_for("dashboard.person", person_id=person_id) + anchor, 303)


@dashboard.post("/people/<int:person_id>")
def edit_person(person_id: int):
    people.update(db(), person_id, forms.person_changes(request.form), now())
    return back_to(person_id)


@dashboard.post("/people/<int:person_id>/interactions")
def log_interaction(person_id: int):
    done = request.form.getlist("done")[: forms.MAX_CHOICES]  # their asks this answered
    interactions.log_and_close(db(), person_id, forms.interaction(request.form), done, now())
    return back_to(person_id, "#timeline")


@dashboard.post("/people/<int:person_id>/facts")
def add_fact(person_id: int):
    facts.create(db(), person_id, forms.fact(request.form), now())
    return back_to(person_id, "#facts")


@dashboard.post("/people/<int:person_id>/profiles")
def add_profile(person_id: int):
    people.add_profile(db(), person_id, request.form.get("url"), now())
    return back_to(person_id, "#profiles")


@dashboard.post("/people/<int:person_id>/merge")
def merge(person_id: int):
    other = forms.whole_number(request.form, "other_id")
    people.merge(db(), person_id, other, now())
    return back_to(person_id)
