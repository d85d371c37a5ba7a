"""Logging interactions and facts, changing and deleting them."""

import uuid

from tests.conftest import NOW


def test_logging_an_interaction_defaults_the_date_status_and_weight(client, person):
    pid = person()["id"]
    response = client.post(
        f"/api/v1/people/{pid}/interactions", json={"kind": "asked", "summary": "an intro"}
    )
    assert response.status_code == 201
    body = response.json
    assert body["occurred_at"] == NOW.isoformat()
    assert (body["status"], body["weight"], body["kind"]) == ("open", 1, "asked")
    assert uuid.UUID(body["id"])


def test_dates_with_offsets_are_stored_in_utc(client, person):
    pid = person()["id"]
    body = client.post(
        f"/api/v1/people/{pid}/interactions",
        json={"kind": "talked", "summary": "call", "occurred_at": "2026-03-01T09:30:00+01:00"},
    ).json
    assert body["occurred_at"] == "2026-03-01T08:30:00+00:00"
    dated = client.post(
        f"/api/v1/people/{pid}/interactions",
        json={"kind": "talked", "summary": "x", "occurred_at": "2026-03-02"},
    ).json
    assert dated["occurred_at"] == "2026-03-02T00:00:00+00:00"


def test_resending_the_same_client_id_does_not_duplicate(client, person, db):
    pid = person()["id"]
    body = {"id": str(uuid.uuid4()), "kind": "gave", "summary": "shared a job post"}
    assert client.post(f"/api/v1/people/{pid}/interactions", json=body).status_code == 201
    again = client.post(f"/api/v1/people/{pid}/interactions", json=body)
    assert again.status_code == 200 and again.json["id"] == body["id"]
    assert db["interactions"].count == 1
    other = person("Bob", ["https://x.com/bob"])["id"]
    assert client.post(f"/api/v1/people/{other}/interactions", json=body).status_code == 409


def test_an_ask_can_be_granted_and_a_message_become_a_conversation(client, person, log):
    pid = person()["id"]
    ask = log(pid, "asked", "intro", status="open")
    granted = client.patch(f"/api/v1/interactions/{ask['id']}", json={"status": "granted"})
    assert granted.status_code == 200 and granted.json["status"] == "granted"
    message = log(pid, "messaged", "hello")
    replied = client.patch(f"/api/v1/interactions/{message['id']}", json={"kind": "talked"})
    assert replied.json["kind"] == "talked" and replied.json["status"] is None
    assert (
        client.patch(f"/api/v1/interactions/{ask['id']}", json={"status": "done"}).status_code
        == 422
    )


def test_deleting_an_interaction(client, person, log):
    pid = person()["id"]
    item = log(pid, "gave")
    assert client.delete(f"/api/v1/interactions/{item['id']}").status_code == 204
    assert client.delete(f"/api/v1/interactions/{item['id']}").status_code == 404


def test_facts_with_and_without_dates(client, person):
    pid = person()["id"]
    son = client.post(
        f"/api/v1/people/{pid}/facts", json={"label": "son", "value": "Sam — not a daughter"}
    )
    assert son.status_code == 201 and son.json["date"] is None
    bday = client.post(
        f"/api/v1/people/{pid}/facts", json={"label": "birthday", "value": "x", "date": "--04-15"}
    )
    assert bday.json["date"] == "--04-15"
    for bad in ("04-15", "2026-02-30", "--13-01", "tomorrow"):
        response = client.post(
            f"/api/v1/people/{pid}/facts", json={"label": "d", "value": "x", "date": bad}
        )
        assert response.status_code == 422, bad
    changed = client.patch(f"/api/v1/facts/{son.json['id']}", json={"value": "Sam, 7"})
    assert changed.json["value"] == "Sam, 7" and changed.json["label"] == "son"
    assert client.delete(f"/api/v1/facts/{bday.json['id']}").status_code == 204
    assert [f["label"] for f in client.get(f"/api/v1/people/{pid}").json["facts"]] == ["son"]


def test_resending_a_fact_with_the_same_client_id_does_not_duplicate(client, person, db):
    pid = person()["id"]
    body = {"id": str(uuid.uuid4()), "label": "son", "value": "Sam"}
    assert client.post(f"/api/v1/people/{pid}/facts", json=body).status_code == 201
    again = client.post(f"/api/v1/people/{pid}/facts", json=body)
    assert again.status_code == 200 and again.json["id"] == body["id"]
    assert db["facts"].count == 1
    other = person("Bob", ["https://x.com/bob"])["id"]
    assert client.post(f"/api/v1/people/{other}/facts", json=body).status_code == 409
    bad = client.post(f"/api/v1/people/{pid}/facts", json={**body, "id": "nope"})
    assert bad.status_code == 422
