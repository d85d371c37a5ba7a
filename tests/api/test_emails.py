"""Email addresses identify people: on the person, in search, in merges; and your own."""

from tests.api.test_openapi import conforms


def test_a_person_is_created_with_addresses_and_lists_them(client, person):
    jane = person(emails=["Jane@Example.com", "mailto:jane@example.com", "j.doe@example.org"])
    assert jane["emails"] == ["j.doe@example.org", "jane@example.com"]


def test_an_address_is_added_once_and_someone_elses_is_refused(client, person):
    jane = person()
    sam = person("Sam Roe", ["https://www.linkedin.com/in/sam-roe"])
    added = client.post(f"/api/v1/people/{jane['id']}/emails", json={"email": "jane@example.com"})
    assert added.status_code == 201 and added.json["emails"] == ["jane@example.com"]
    again = client.post(f"/api/v1/people/{jane['id']}/emails", json={"email": "JANE@example.com"})
    assert again.status_code == 200
    taken = client.post(f"/api/v1/people/{sam['id']}/emails", json={"email": "jane@example.com"})
    assert taken.status_code == 409 and taken.json["error"]["code"] == "email_taken"


def test_a_bad_address_is_a_422(client, person):
    jane = person()
    answer = client.post(f"/api/v1/people/{jane['id']}/emails", json={"email": "jane at home"})
    assert answer.status_code == 422 and answer.json["error"]["code"] == "invalid_email"


def test_an_address_is_removed(client, person):
    jane = person(emails=["jane@example.com"])
    assert client.delete(f"/api/v1/people/{jane['id']}/emails/jane@example.com").status_code == 204
    assert client.get(f"/api/v1/people/{jane['id']}").json["emails"] == []
    missing = client.delete(f"/api/v1/people/{jane['id']}/emails/jane@example.com")
    assert missing.status_code == 404


def test_people_are_found_by_any_of_their_addresses(client, person):
    jane = person(emails=["jane@example.com", "jd@work.example"])
    found = client.get("/api/v1/people?q=jd@work").json
    assert [p["id"] for p in found["people"]] == [jane["id"]]


def test_merging_keeps_both_peoples_addresses(client, person):
    jane = person(emails=["jane@example.com"])
    other = person("Jane D.", ["https://github.com/jane-d"], emails=["jd@work.example"])
    merged = client.post(f"/api/v1/people/{jane['id']}/merge", json={"other_id": other["id"]})
    assert merged.json["emails"] == ["jane@example.com", "jd@work.example"]


def test_the_context_answer_lists_the_persons_addresses(client, person):
    person(emails=["jane@example.com"])
    answer = client.post("/api/v1/context", json={"url": "https://www.linkedin.com/in/jane-doe"})
    assert answer.json["person"]["emails"] == ["jane@example.com"]
    document = client.get("/api/openapi.json").json
    conforms(
        answer.json, {"$ref": "#/components/schemas/Context"}, document["components"]["schemas"]
    )


def test_your_own_addresses(client):
    assert client.get("/api/v1/me/emails").json == {"emails": []}
    assert client.post("/api/v1/me/emails", json={"email": "Me@Example.org"}).status_code == 201
    assert client.post("/api/v1/me/emails", json={"email": "me@example.org"}).status_code == 200
    assert client.get("/api/v1/me/emails").json == {"emails": ["me@example.org"]}
    assert client.delete("/api/v1/me/emails/me@example.org").status_code == 204
    assert client.delete("/api/v1/me/emails/me@example.org").status_code == 404
