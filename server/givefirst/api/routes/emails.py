"""Email addresses: a person's (which identify them) and your own."""

from givefirst.api import api
from givefirst.api.body import json_body
from givefirst.request_state import db, now
from givefirst.store import emails, people


@api.post("/v1/people/<int:person_id>/emails")
def add_person_email(person_id: int):
    """201 with the person when the address is new; 200 when it was theirs already."""
    created = emails.add(db(), person_id, json_body().get("email"))
    return people.get(db(), person_id), 201 if created else 200


@api.delete("/v1/people/<int:person_id>/emails/<path:email>")
def remove_person_email(person_id: int, email: str):
    emails.remove(db(), person_id, email)
    return "", 204


@api.get("/v1/me/emails")
def my_emails():
    return {"emails": emails.mine(db())}


@api.post("/v1/me/emails")
def add_my_email():
    created = emails.add_mine(db(), json_body().get("email"), now())
    return {"emails": emails.mine(db())}, 201 if created else 200


@api.delete("/v1/me/emails/<path:email>")
def remove_my_email(email: str):
    emails.remove_mine(db(), email)
    return "", 204
