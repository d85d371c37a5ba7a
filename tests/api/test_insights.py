"""Nurture list, network health and the ask check through the API."""

from datetime import timedelta


def test_nurture_ranks_people_waiting_on_you_with_a_suggestion(client, person, log):
    waiting = person("Wen Li", ["https://x.com/wen"], circle="active")["id"]
    log(waiting, "they_asked", "review my CV", status="open")
    person("Quiet Acquaintance", ["https://x.com/quiet"], circle="acquaintance")
    body = client.get("/api/v1/nurture?limit=5").json
    assert [item["person"]["name"] for item in body["items"]] == ["Wen Li"]
    item = body["items"][0]
    assert item["reason"] == "waiting_on_you" and item["nudge"]["verdict"] == "they_are_waiting"
    assert item["suggestion"]["kind"] == "help_their_ask"


def test_nurture_finds_overdue_inner_circle(client, person, log, clock):
    pid = person("Ines Inner", ["https://x.com/ines"], circle="inner")["id"]
    log(pid, "talked", "call", occurred_at=(clock() - timedelta(days=30)).isoformat())
    assert client.get("/api/v1/nurture").json["items"][0]["reason"] == "overdue"


def test_network_counts_connections_and_relationships(client, person, log):
    a = person("A", ["https://x.com/a"])["id"]
    person("B", ["https://x.com/b"])
    log(a, "talked", "coffee")
    body = client.get("/api/v1/network").json
    assert (body["people"], body["relationships"], body["connections"]) == (2, 1, 1)
    assert body["kind"] == "not_enough_history"  # one conversation, logged today
    assert len(body["months"]) == 12


def test_ask_check_judges_against_the_person_the_message_is_for(client, person, log):
    pid = person("Jane", ["https://www.linkedin.com/in/jane"])["id"]
    log(pid, "talked", "coffee")
    body = client.post(
        "/api/v1/ask-check",
        json={
            "text": "Could you refer me for the open role?",
            "url": "https://www.linkedin.com/in/jane",
        },
    ).json
    assert (body["is_ask"], body["ask_kind"]) == (True, "referral")
    assert body["nudge"]["verdict"] == "give_first"


def test_ask_check_without_a_profile_has_no_nudge(client):
    body = client.post(
        "/api/v1/ask-check",
        json={
            "text": "Congrats on the launch!",
            "url": "https://www.linkedin.com/messaging/thread/1/",
        },
    ).json
    assert body == {"is_ask": False, "ask_kind": None, "phrase": None, "nudge": None}


def test_ask_check_for_a_stranger(client):
    body = client.post(
        "/api/v1/ask-check", json={"text": "Any openings?", "url": "https://x.com/nobody"}
    ).json
    assert body["nudge"]["verdict"] == "stranger"


def test_ask_check_refuses_bad_input(client):
    assert client.post("/api/v1/ask-check", json={}).status_code == 422
    assert (
        client.post("/api/v1/ask-check", json={"text": "hi", "url": "javascript:x"}).status_code
        == 422
    )


def test_the_nurture_nudge_is_the_same_as_the_profile_cards(client, person, log):
    pid = person("Wen Li", ["https://x.com/wen"], circle="active", tags=["climate"])["id"]
    person("Ada Quill", ["https://x.com/ada"], tags=["climate"])
    log(pid, "they_asked", "review my CV", status="open")
    client.post(f"/api/v1/people/{pid}/facts", json={"label": "son", "value": "Sam"})
    listed = client.get("/api/v1/nurture").json["items"][0]["nudge"]
    shown = client.post("/api/v1/context", json={"url": "https://x.com/wen"}).json["nudge"]
    assert listed == shown
    assert "son: Sam" in listed["remember"]
    assert any(s["kind"] == "introduce" for s in listed["suggestions"])
