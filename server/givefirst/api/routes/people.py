from flask import url_for

from givefirst import card
from givefirst.api import api
from givefirst.api.body import int_arg, json_body, str_arg
from givefirst.core.vocabulary import CIRCLES
from givefirst.errors import Invalid
from givefirst.request_state import db, dormancy, now
from givefirst.store import people


@api.post("/v1/people")
def create_person():
    person_id = people.create(db(), json_body(), now())
    location = url_for("api.get_person", person_id=person_id)
    return people.get(db(), person_id), 201, {"Location": location}


@api.get("/v1/people")
def list_people():
    circle = str_arg("circle")
    if circle is not None and circle not in CIRCLES:
        raise Invalid(f"circle must be one of {', '.join(CIRCLES)}")
    found, total = people.search(
        db(),
        q=str_arg("q"),
        circle=circle,
        tag=str_arg("tag"),
        limit=int_arg("limit", 50, 1, 500),
        offset=int_arg("offset", 0, 0, 10**9),
    )
    return {"people": found, "total": total}


@api.get("/v1/people/<int:person_id>")
def get_person(person_id: int):
    """The person with their card: ledger, history, facts, changes and nudge."""
    person = people.get(db(), person_id)
    details = card.for_person(db(), person, now(), dormancy())
    return {**details.pop("person"), **details}


@api.patch("/v1/people/<int:person_id>")
def update_person(person_id: int):
    people.update(db(), person_id, json_body(), now())
    return people.get(db(), person_id)


@api.delete("/v1/people/<int:person_id>")
def delete_person(person_id: int):
    people.delete(db(), person_id)
    return "", 204


@api.post("/v1/people/<int:person_id>/merge")
def merge_people(person_id: int):
    people.merge(db(), person_id, json_body().get("other_id"), now())
    return people.get(db(), person_id)


@api.post("/v1/people/<int:person_id>/profiles")
def add_profile(person_id: int):
    body = json_body()
    if body.get("url") is None:
        raise Invalid("url is required")
    profile, created = people.add_profile(db(), person_id, body["url"], now())
    return profile, 201 if created else 200
