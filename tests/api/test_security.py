"""Host (DNS rebinding), Origin, tokens, CORS and body limits."""

import pytest
from givefirst.config import CHROME_EXTENSION_ORIGIN
from givefirst.store import tokens


def error_code(response):
    return response.json["error"]["code"]


def test_health_needs_no_token(anonymous):
    response = anonymous.get("/api/v1/health")
    assert response.status_code == 200
    assert response.json["name"] == "givefirst" and response.json["api"] == 1


@pytest.mark.parametrize("header", [None, "Bearer", "Bearer gf_wrong", "Basic abc", "gf_x"])
def test_no_or_bad_token_is_401_in_the_error_shape(anonymous, header):
    headers = {"Authorization": header} if header else {}
    response = anonymous.get("/api/v1/people", headers=headers)
    assert response.status_code == 401
    assert error_code(response) == "unauthorized"
    assert response.headers["WWW-Authenticate"].startswith("Bearer")


def test_a_revoked_token_is_refused(client, db, clock):
    assert client.get("/api/v1/people").status_code == 200
    tokens.revoke(db, "tests", clock())
    assert client.get("/api/v1/people").status_code == 401


def test_tokens_are_stored_hashed(db, token):
    stored = [row["token_hash"] for row in db["tokens"].rows]
    assert token not in str(list(db["tokens"].rows))
    assert stored == [tokens.digest(token)]


@pytest.mark.parametrize(
    "host",
    [
        "evil.example",
        "evil.example:7170",
        "127.0.0.1:7171",
        "127.0.0.1",
        "localhost.evil.com:7170",
        "0.0.0.0:7170",
        "",
    ],
)
def test_a_host_that_is_not_the_service_is_refused_even_with_a_token(client, host):
    response = client.get("/api/v1/people", headers={"Host": host})
    assert response.status_code == 403
    assert error_code(response) == "bad_host"


@pytest.mark.parametrize(
    "host", ["127.0.0.1:7170", "localhost:7170", "[::1]:7170", "LOCALHOST:7170"]
)
def test_loopback_hosts_with_the_port_are_accepted(client, host):
    assert client.get("/api/v1/health", headers={"Host": host}).status_code == 200


@pytest.mark.parametrize(
    "origin",
    ["https://www.linkedin.com", "http://127.0.0.1:9999", "null", "chrome-extension://other"],
)
def test_a_foreign_origin_is_refused_and_not_echoed(client, origin):
    response = client.get("/api/v1/people", headers={"Origin": origin})
    assert response.status_code == 403
    assert error_code(response) == "forbidden_origin"
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_services_own_origin_is_accepted_without_cors_headers(client):
    response = client.get("/api/v1/people", headers={"Origin": "http://127.0.0.1:7170"})
    assert response.status_code == 200
    assert "Access-Control-Allow-Origin" not in response.headers


def test_the_pinned_extension_origin_gets_cors_for_exactly_itself(client):
    response = client.get("/api/v1/people", headers={"Origin": CHROME_EXTENSION_ORIGIN})
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CHROME_EXTENSION_ORIGIN


def test_a_preflight_from_the_extension_is_answered_without_a_token(anonymous):
    response = anonymous.options(
        "/api/v1/context",
        headers={
            "Origin": CHROME_EXTENSION_ORIGIN,
            "Access-Control-Request-Method": "POST",
            "Access-Control-Request-Headers": "authorization, content-type",
        },
    )
    assert response.status_code == 200
    assert response.headers["Access-Control-Allow-Origin"] == CHROME_EXTENSION_ORIGIN
    assert "authorization" in response.headers["Access-Control-Allow-Headers"].lower()


def test_an_extension_origin_may_use_only_the_token_it_paired_with(anonymous, db, clock, token):
    firefox = "moz-extension://4b1c7e0a-1111-2222-3333-444455556666"
    other = "moz-extension://99999999-1111-2222-3333-444455556666"
    paired = tokens.create(db, "firefox", clock(), origin=firefox)

    def status(origin, bearer):
        headers = {"Origin": origin, "Authorization": f"Bearer {bearer}"}
        return anonymous.get("/api/v1/people", headers=headers).status_code

    assert status(firefox, paired) == 200
    assert status(other, paired) == 403  # another extension holding this token
    assert status(firefox, token) == 403  # this extension with someone else's token
    tokens.revoke(db, "firefox", clock())
    assert status(firefox, paired) == 401  # revoked: "pair again", not a final refusal


def test_a_body_over_4_mib_is_refused_with_413_before_parsing(client):
    response = client.post(
        "/api/v1/context", data=b"x" * (4 * 1024 * 1024 + 1), content_type="application/json"
    )
    assert response.status_code == 413
    assert error_code(response) == "too_large"


def test_an_unknown_api_route_is_a_json_404_even_without_a_token(anonymous):
    response = anonymous.get("/api/v1/nothing-here")
    assert response.status_code == 404
    assert error_code(response) == "not_found"


def last_used(db, name: str):
    return db.execute("SELECT last_used_at FROM tokens WHERE name = ?", [name]).fetchone()[0]


def test_a_refused_request_leaves_no_trace_of_the_token_being_used(anonymous, db, clock):
    firefox = "moz-extension://4b1c7e0a-1111-2222-3333-444455556666"
    paired = tokens.create(db, "firefox", clock(), origin=firefox)
    refused = [
        {"Origin": "moz-extension://99999999-1111-2222-3333-444455556666"},  # another extension
        {"Origin": "https://evil.example"},  # a web page
        {"Host": "evil.example"},  # DNS rebinding
    ]
    for headers in refused:
        response = anonymous.get(
            "/api/v1/people", headers={"Authorization": f"Bearer {paired}", **headers}
        )
        assert response.status_code == 403, headers
    assert last_used(db, "firefox") is None
    accepted = anonymous.get(
        "/api/v1/people", headers={"Authorization": f"Bearer {paired}", "Origin": firefox}
    )
    assert accepted.status_code == 200
    assert last_used(db, "firefox") is not None  # recorded once the request was accepted


def test_every_api_answer_says_only_this_origin_may_embed_it(client, anonymous):
    for response in (
        client.get("/api/v1/people"),
        anonymous.get("/api/v1/people"),
        anonymous.get("/api/v1/health"),
        client.get("/api/v1/nowhere"),
        client.post("/api/v1/people", json={}),
    ):
        assert response.headers["Cross-Origin-Resource-Policy"] == "same-origin"
