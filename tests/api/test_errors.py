"""Bad input: a clear 4xx in the one error shape, and nothing written."""

import pytest


def assert_error(response, status, code=None):
    assert response.status_code == status, response.data[:300]
    body = response.json
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    assert body["error"]["message"] and "Traceback" not in body["error"]["message"]
    if code:
        assert body["error"]["code"] == code


def count(db, table):
    return db[table].count


def test_malformed_json_is_400(client, db):
    assert_error(
        client.post("/api/v1/people", data="{nope", content_type="application/json"),
        400,
        "bad_json",
    )
    assert count(db, "people") == 0


def test_deeply_nested_json_is_400_not_a_crash(client):
    body = "[" * 100_000 + "]" * 100_000
    assert_error(
        client.post("/api/v1/people", data=body, content_type="application/json"), 400, "bad_json"
    )


def test_a_body_that_is_not_an_object_is_422(client):
    assert_error(client.post("/api/v1/people", json=["Jane"]), 422, "invalid")


def test_another_content_type_is_415(client, db):
    response = client.post(
        "/api/v1/people", data="name=Jane", content_type="application/x-www-form-urlencoded"
    )
    assert_error(response, 415, "unsupported_media_type")
    assert count(db, "people") == 0


def test_a_wrong_method_is_405_with_allow(client):
    response = client.put("/api/v1/people")
    assert_error(response, 405, "method_not_allowed")
    assert "GET" in response.headers["Allow"]


@pytest.mark.parametrize(
    ("body", "needle"),
    [
        ({}, "name is required"),
        ({"name": ""}, "must not be empty"),
        ({"name": 42}, "must be a string"),
        ({"name": "x" * 1_000_000}, "too long"),
        ({"name": "Ja\x00ne"}, "NUL"),
        ({"name": "Jane", "circle": "besties"}, "circle must be one of"),
        ({"name": "Jane", "tags": "a,b"}, "list of strings"),
        ({"name": "Jane", "profiles": ["javascript:alert(1)"]}, "only http(s)"),
        ({"name": "Jane", "profiles": ["data:text/html,hi"]}, "only http(s)"),
        ({"name": "Jane", "profiles": ["https://www.linkedin.com/feed/"]}, "not a person"),
        ({"name": "Jane", "profiles": "https://x.com/jane"}, "list of profile URLs"),
    ],
)
def test_invalid_people_are_422_and_nothing_is_written(client, db, body, needle):
    response = client.post("/api/v1/people", json=body)
    assert_error(response, 422)
    assert needle in response.json["error"]["message"]
    assert count(db, "people") == 0 and count(db, "profiles") == 0


@pytest.mark.parametrize(
    ("body", "code", "needle"),
    [
        ({"kind": "bribed", "summary": "?"}, "invalid", "kind must be one of"),
        ({"summary": "no kind"}, "invalid", "kind is required"),
        ({"kind": "gave"}, "invalid", "summary is required"),
        ({"kind": "asked", "summary": "x", "status": "done"}, "invalid", "status must be one of"),
        ({"kind": "gave", "summary": "x", "status": "open"}, "invalid", "has no status"),
        ({"kind": "gave", "summary": "x", "weight": 4}, "invalid", "weight"),
        ({"kind": "gave", "summary": "x", "weight": True}, "invalid", "weight"),
        ({"kind": "gave", "summary": "x", "occurred_at": "last tuesday"}, "invalid", "not a date"),
        ({"kind": "gave", "summary": "x", "occurred_at": 1700000000}, "invalid", "ISO 8601"),
        ({"kind": "gave", "summary": "x", "id": "not-a-uuid"}, "invalid", "UUID"),
    ],
)
def test_invalid_interactions_are_422_and_nothing_is_written(
    client, db, person, body, code, needle
):
    pid = person()["id"]
    response = client.post(f"/api/v1/people/{pid}/interactions", json=body)
    assert_error(response, 422, code)
    assert needle in response.json["error"]["message"]
    assert count(db, "interactions") == 0


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/people/999", None),
        ("patch", "/api/v1/people/999", {"name": "x"}),
        ("delete", "/api/v1/people/999", None),
        ("post", "/api/v1/people/999/interactions", {"kind": "gave", "summary": "x"}),
        ("post", "/api/v1/people/999/facts", {"label": "a", "value": "b"}),
        ("patch", "/api/v1/interactions/nope", {"summary": "x"}),
        ("delete", "/api/v1/facts/nope", None),
        ("get", "/api/v1/people/abc", None),
    ],
)
def test_missing_ids_are_404(client, method, path, body):
    assert_error(
        getattr(client, method)(path, json=body) if body else getattr(client, method)(path), 404
    )


@pytest.mark.parametrize(
    ("query", "needle"),
    [
        ("limit=0", "limit"),
        ("limit=abc", "limit"),
        ("circle=besties", "circle"),
        ("limit=", "limit"),
        ("limit=%205", "limit"),
        ("limit=5&limit=6", "more than once"),
        ("q=a&q=b", "more than once"),
    ],
)
def test_bad_query_parameters_are_422(client, query, needle):
    response = client.get(f"/api/v1/people?{query}")
    assert_error(response, 422)
    assert needle in response.json["error"]["message"]


def test_an_unexpected_failure_is_a_500_without_a_traceback(app, client, monkeypatch):
    from givefirst import insights

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(insights, "network_health", explode)
    response = client.get("/api/v1/network")
    assert_error(response, 500, "internal_error")
    assert "secret" not in response.get_data(as_text=True)


def test_a_failure_after_the_write_says_the_change_was_saved(client, db, monkeypatch):
    from givefirst.api.routes import people as route

    def explode(*args, **kwargs):
        raise RuntimeError("secret internals")

    monkeypatch.setattr(route, "url_for", explode)
    response = client.post("/api/v1/people", json={"name": "Ada Quill"})
    assert_error(response, 500, "internal_error")
    assert "was saved" in response.json["error"]["message"]
    assert db["people"].count == 1


SURROGATE = "a\\ud800b"  # valid JSON, but not text that can be stored


@pytest.mark.parametrize(
    ("path", "body"),
    [
        ("/api/v1/people", f'{{"name": "{SURROGATE}"}}'),
        ("/api/v1/people", f'{{"name": "Jane", "tags": ["{SURROGATE}"]}}'),
        ("/api/v1/people", f'{{"name": "Jane", "profiles": ["{SURROGATE}"]}}'),
        ("/api/v1/context", f'{{"url": "{SURROGATE}"}}'),
        ("/api/v1/ask-check", f'{{"text": "{SURROGATE}"}}'),
    ],
)
def test_lone_surrogates_are_422_not_500(client, db, path, body):
    assert_error(client.post(path, data=body, content_type="application/json"), 422)
    assert count(db, "people") == 0


def test_a_lone_surrogate_in_a_pages_links_does_not_break_the_card(client, person):
    person("Jane", ["https://jane.example/"])
    html = '<script type="application/ld+json">{"@type": "Person", "name": "Jane", "sameAs": "\\ud800"}</script>'
    assert (
        client.post(
            "/api/v1/context", json={"url": "https://jane.example/", "html": html}
        ).status_code
        == 200
    )


@pytest.mark.parametrize(
    ("method", "path", "body"),
    [
        ("get", "/api/v1/people/99999999999999999999999", None),
        (
            "post",
            "/api/v1/people/99999999999999999999/interactions",
            {"kind": "gave", "summary": "x"},
        ),
    ],
)
def test_ids_beyond_sqlite_integers_are_404(client, method, path, body):
    call = getattr(client, method)
    assert_error(call(path, json=body) if body else call(path), 404)


def test_merging_with_a_huge_id_is_404(client, person):
    pid = person()["id"]
    assert_error(client.post(f"/api/v1/people/{pid}/merge", json={"other_id": 10**25}), 404)


@pytest.mark.parametrize("when", ["9999-12-31T23:59:59-23:59", "0001-01-01T00:00:00+01:00"])
def test_dates_that_overflow_in_utc_are_422(client, person, when):
    pid = person()["id"]
    body = {"kind": "gave", "summary": "x", "occurred_at": when}
    assert_error(client.post(f"/api/v1/people/{pid}/interactions", json=body), 422)


def test_an_interactions_date_cannot_be_cleared(client, person, log):
    item = log(person()["id"], "gave")
    assert_error(
        client.patch(f"/api/v1/interactions/{item['id']}", json={"occurred_at": None}), 422
    )


@pytest.mark.parametrize("url", ["javascript:1", "javascript:void(0)", "https://localhost/about"])
def test_script_urls_and_local_names_are_not_profiles(client, url):
    response = client.post("/api/v1/people", json={"name": "Jane", "profiles": [url]})
    assert_error(response, 422)
