from givefirst.api import api
from givefirst.api.body import json_body
from givefirst.request_state import db, now
from givefirst.store import interactions


@api.post("/v1/people/<int:person_id>/interactions")
def create_interaction(person_id: int):
    """Log what was given, asked, received or said. Resending the same `id` is harmless."""
    record, created = interactions.create(db(), person_id, json_body(), now())
    return record, 201 if created else 200


@api.patch("/v1/interactions/<interaction_id>")
def update_interaction(interaction_id: str):
    return interactions.update(db(), interaction_id, json_body(), now())


@api.delete("/v1/interactions/<interaction_id>")
def delete_interaction(interaction_id: str):
    interactions.delete(db(), interaction_id)
    return "", 204
