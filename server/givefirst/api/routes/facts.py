from givefirst.api import api
from givefirst.api.body import json_body
from givefirst.request_state import db, now
from givefirst.store import facts


@api.post("/v1/people/<int:person_id>/facts")
def create_fact(person_id: int):
    """Remember a fact. Resending the same `id` (a UUID the client chose) is harmless."""
    fact, created = facts.create_once(db(), person_id, json_body(), now())
    return fact, 201 if created else 200


@api.patch("/v1/facts/<fact_id>")
def update_fact(fact_id: str):
    return facts.update(db(), fact_id, json_body(), now())


@api.delete("/v1/facts/<fact_id>")
def delete_fact(fact_id: str):
    facts.delete(db(), fact_id)
    return "", 204
