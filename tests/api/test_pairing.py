"""Pairing an extension: request, approve the code, claim the token once."""

from datetime import timedelta

import pytest
from givefirst.errors import GivefirstError, Invalid
from givefirst.store import pairing


def start(anonymous, **headers):
    response = anonymous.post("/api/v1/pair", json={"client": "Chrome 156"}, headers=headers)
    assert response.status_code == 201, response.json
    return response.json


def claim(anonymous, request_id):
    return anonymous.post("/api/v1/pair/claim", json={"request_id": request_id})


def test_pairing_end_to_end_gives_a_working_token_once(anonymous, db, clock):
    started = start(anonymous)
    assert started["approve_with"] == f"givefirst pair approve {started['code']}"
    assert claim(anonymous, started["request_id"]).status_code == 202
    pairing.approve_or_deny(db, started["code"].lower().replace("-", ""), approve=True, now=clock())
    done = claim(anonymous, started["request_id"])
    assert done.status_code == 200 and done.json["token_name"] == "extension-chrome-156"
    headers = {"Authorization": f"Bearer {done.json['token']}"}
    assert anonymous.get("/api/v1/whoami", headers=headers).json == {
        "token_name": "extension-chrome-156"
    }
    assert (
        claim(anonymous, started["request_id"]).status_code == 404
    )  # the token is handed out once


def test_the_request_id_is_stored_only_as_a_hash(anonymous, db):
    started = start(anonymous)
    assert started["request_id"] not in str(list(db["pairing_requests"].rows))


def test_a_denied_pairing_says_so(anonymous, db, clock):
    started = start(anonymous)
    pairing.approve_or_deny(db, started["code"], approve=False, now=clock())
    response = claim(anonymous, started["request_id"])
    assert response.status_code == 403 and response.json["error"]["code"] == "pairing_denied"


def test_codes_expire(anonymous, db, clock):
    started = start(anonymous)
    clock.now += timedelta(minutes=11)
    assert claim(anonymous, started["request_id"]).json["error"]["code"] == "pairing_expired"
    with pytest.raises(Invalid):
        pairing.approve_or_deny(db, started["code"], approve=True, now=clock())


def test_repeated_wrong_codes_lock_approval(anonymous, db, clock):
    started = start(anonymous)
    for _ in range(pairing.MAX_FAILURES):
        with pytest.raises(Invalid):
            pairing.approve_or_deny(db, "AAAA-AAAA", approve=True, now=clock())
    with pytest.raises(GivefirstError) as refused:
        pairing.approve_or_deny(db, started["code"], approve=True, now=clock())
    assert refused.value.code == "too_many_attempts"
    # The lockout belongs to the requests that waited while the wrong codes were typed: one
    # asked for afterwards is approved at once.
    clock.now += timedelta(minutes=1)
    later = start(anonymous, Origin="moz-extension://0a0b0c0d-1111-2222-3333-444455556666")
    pairing.approve_or_deny(db, later["code"], approve=True, now=clock())
    assert claim(anonymous, later["request_id"]).status_code == 200


def test_a_flood_from_one_origin_is_refused_and_never_pushes_out_the_waiting_request(
    anonymous, db, clock
):
    first = start(anonymous)
    for _ in range(pairing.MAX_PER_ORIGIN - 1):
        start(anonymous)
    flood = anonymous.post("/api/v1/pair", json={"client": "flood"})
    assert flood.status_code == 429 and flood.json["error"]["code"] == "too_many_requests"
    assert claim(anonymous, first["request_id"]).status_code == 202  # still waiting
    other = start(anonymous, Origin="moz-extension://0a0b0c0d-1111-2222-3333-444455556666")
    assert claim(anonymous, other["request_id"]).status_code == 202  # another origin still asks
    pairing.approve_or_deny(db, first["code"], approve=True, now=clock())
    assert claim(anonymous, first["request_id"]).status_code == 200
    clock.now += pairing.CODE_TTL + timedelta(seconds=1)
    assert start(anonymous)["code"]  # the origin may ask again once its window has passed


def test_a_flood_from_many_origins_is_refused_once_the_waiting_list_is_full(anonymous):
    first = start(anonymous)
    for n in range(pairing.MAX_PENDING - 1):
        start(anonymous, Origin=f"moz-extension://0a0b0c0d-1111-2222-3333-{n:012d}")
    flood = anonymous.post("/api/v1/pair", json={}, headers={"Origin": "moz-extension://x-y"})
    assert flood.status_code == 429
    assert claim(anonymous, first["request_id"]).status_code == 202


def test_a_client_that_is_not_a_string_is_refused(anonymous):
    for client in ({}, [], 5, True):
        response = anonymous.post("/api/v1/pair", json={"client": client})
        assert response.status_code == 422, client


def test_a_mistyped_code_is_refused_without_counting_as_a_guess(anonymous, db, clock):
    start(anonymous)
    for typo in ("", "K7PX", "K7PX-Q2MD-EXTRA", "0OIL-1234"):
        with pytest.raises(Invalid):
            pairing.approve_or_deny(db, typo, approve=True, now=clock())
    assert [r["wrong_codes"] for r in db["pairing_requests"].rows] == [0]


def test_an_extension_origin_may_ask_to_pair_and_is_approved_with_its_token(anonymous, db, clock):
    origin = "moz-extension://0a0b0c0d-1111-2222-3333-444455556666"
    started = start(anonymous, Origin=origin)
    pairing.approve_or_deny(db, started["code"], approve=True, now=clock())
    token = claim(anonymous, started["request_id"]).json["token"]
    headers = {"Authorization": f"Bearer {token}", "Origin": origin}
    assert anonymous.get("/api/v1/people", headers=headers).status_code == 200


def test_a_web_page_cannot_ask_to_pair(anonymous):
    response = anonymous.post("/api/v1/pair", json={}, headers={"Origin": "https://evil.example"})
    assert response.status_code == 403


def test_claim_needs_a_request_id(anonymous):
    assert anonymous.post("/api/v1/pair/claim", json={}).status_code == 422
    assert claim(anonymous, "made-up").status_code == 404
