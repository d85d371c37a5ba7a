"""The card for an email address (`mailto:`), as Gmail's reading view and compose window ask."""

from tests.api.test_openapi import conforms


def test_an_address_finds_its_person_and_their_card(client, person):
    jane = person(emails=["jane@example.com"])
    client.post(
        f"/api/v1/people/{jane['id']}/interactions", json={"kind": "asked", "summary": "An intro"}
    )
    answer = client.post("/api/v1/context", json={"url": "mailto:Jane@Example.com"})
    assert answer.status_code == 200
    assert answer.json["person"]["id"] == jane["id"]
    assert answer.json["profile"]["key"] == "email:jane@example.com"
    assert answer.json["profile"]["site"] == "email"
    assert answer.json["nudge"]["verdict"] == "ask_pending"
    document = client.get("/api/openapi.json").json
    conforms(
        answer.json, {"$ref": "#/components/schemas/Context"}, document["components"]["schemas"]
    )


def test_an_unknown_address_is_a_stranger_and_nothing_is_stored(client):
    answer = client.post("/api/v1/context", json={"url": "mailto:nobody@example.net"})
    assert answer.status_code == 200
    assert answer.json["person"] is None and answer.json["nudge"]["verdict"] == "stranger"
    assert client.get("/api/v1/people?q=nobody").json["people"] == []


def test_your_own_address_and_a_bad_one_are_refused(client):
    client.post("/api/v1/me/emails", json={"email": "me@example.com"})
    mine = client.post("/api/v1/context", json={"url": "mailto:me@example.com"})
    assert mine.status_code == 422 and mine.json["error"]["code"] == "not_a_profile"
    bad = client.post("/api/v1/context", json={"url": "mailto:not an address"})
    assert bad.status_code == 422 and bad.json["error"]["code"] == "invalid_email"


def test_the_ask_check_judges_an_ask_to_an_address(client, person):
    jane = person(emails=["jane@example.com"])
    answer = client.post(
        "/api/v1/ask-check",
        json={
            "text": "Could you refer me to your hiring manager?",
            "url": "mailto:jane@example.com",
        },
    )
    assert answer.status_code == 200 and answer.json["is_ask"]
    assert answer.json["nudge"]["verdict"] == "connection_only"
    assert answer.json["nudge"]["title"]
    assert client.get(f"/api/v1/people/{jane['id']}").json["history"] == []  # nothing logged
    mine = client.post("/api/v1/me/emails", json={"email": "me@example.com"})
    assert mine.status_code in (200, 201)
    to_me = client.post(
        "/api/v1/ask-check", json={"text": "Could you refer me?", "url": "mailto:me@example.com"}
    )
    assert to_me.status_code == 200 and to_me.json["nudge"] is None
