"""People: create, read, search, update, delete, merge and link profiles."""

import pytest


def test_creating_a_person_canonicalises_their_profiles(client, person):
    created = person(
        "Jane Doe",
        ["https://uk.linkedin.com/in/Jane-Doe/?x=1", "https://github.com/JaneD"],
        circle="close",
        how_met="PyCon 2024",
        tags=["python", "Python", "climate"],
    )
    assert created["name"] == "Jane Doe" and created["circle"] == "close"
    assert [p["key"] for p in created["profiles"]] == ["li:jane-doe", "gh:janed"]
    assert created["profiles"][0]["url"] == "https://www.linkedin.com/in/jane-doe/"
    assert created["tags"] == ["climate", "python"]
    assert client.get(f"/api/v1/people/{created['id']}").json["name"] == "Jane Doe"


def test_the_default_circle_is_wider(person):
    assert person()["circle"] == "wider"


def test_a_profile_can_belong_to_only_one_person(client, person):
    person("Jane", ["https://x.com/jane"])
    response = client.post(
        "/api/v1/people", json={"name": "Other", "profiles": ["https://twitter.com/Jane"]}
    )
    assert response.status_code == 409
    assert response.json["error"]["code"] == "profile_taken"
    assert client.get("/api/v1/people").json["total"] == 1


def test_search_by_name_tag_profile_and_circle(client, person):
    person("Ada Lovelace", ["https://github.com/ada"], tags=["math"], circle="inner")
    person("Grace Hopper", ["https://x.com/grace"], tags=["navy"])
    person("Alan 100%_Turing", ["https://x.com/alan"])

    def names(query):
        return [p["name"] for p in client.get(f"/api/v1/people?{query}").json["people"]]

    assert names("q=ada") == ["Ada Lovelace"]
    assert names("q=navy") == ["Grace Hopper"]
    assert names("q=gh:ada") == ["Ada Lovelace"]
    assert names("circle=inner") == ["Ada Lovelace"]
    assert names("tag=MATH") == ["Ada Lovelace"]
    assert names("q=%25_") == ["Alan 100%_Turing"]  # LIKE wildcards are literal
    assert names("limit=1&offset=1") == ["Alan 100%_Turing"]
    assert client.get("/api/v1/people?limit=1").json["total"] == 3


def test_patch_changes_only_what_is_sent_and_null_clears(client, person):
    pid = person("Jane", how_met="At a meetup", tags=["a"])["id"]
    response = client.patch(
        f"/api/v1/people/{pid}", json={"circle": "inner", "how_met": None, "tags": ["b"]}
    )
    assert response.status_code == 200
    assert (response.json["circle"], response.json["how_met"], response.json["tags"]) == (
        "inner",
        None,
        ["b"],
    )
    assert response.json["name"] == "Jane"
    assert client.patch(f"/api/v1/people/{pid}", json={"name": None}).status_code == 422


def test_delete_forgets_the_person_and_everything_about_them(client, person, log, db):
    pid = person()["id"]
    log(pid, "gave")
    client.post(f"/api/v1/people/{pid}/facts", json={"label": "son", "value": "Sam"})
    assert client.delete(f"/api/v1/people/{pid}").status_code == 204
    assert client.get(f"/api/v1/people/{pid}").status_code == 404
    assert (db["profiles"].count, db["interactions"].count, db["facts"].count) == (0, 0, 0)


def test_merge_moves_profiles_history_facts_and_tags(client, person, log, db):
    keep = person("Jane Doe", ["https://www.linkedin.com/in/jane"], tags=["a"], circle="active")
    other = person(
        "J. Doe", ["https://x.com/janedoe"], tags=["b"], circle="close", how_met="Twitter"
    )
    log(other["id"], "gave")
    client.post(f"/api/v1/people/{other['id']}/facts", json={"label": "son", "value": "Sam"})
    response = client.post(f"/api/v1/people/{keep['id']}/merge", json={"other_id": other["id"]})
    assert response.status_code == 200
    merged = response.json
    assert [p["key"] for p in merged["profiles"]] == ["li:jane", "x:janedoe"]
    assert (
        merged["tags"] == ["a", "b"]
        and merged["circle"] == "close"
        and merged["how_met"] == "Twitter"
    )
    assert client.get(f"/api/v1/people/{other['id']}").status_code == 404
    detail = client.get(f"/api/v1/people/{keep['id']}").json
    assert detail["ledger"]["gave"] == 1 and detail["facts"][0]["value"] == "Sam"


def test_merge_refuses_self_and_missing_people(client, person):
    pid = person()["id"]
    assert client.post(f"/api/v1/people/{pid}/merge", json={"other_id": pid}).status_code == 422
    assert client.post(f"/api/v1/people/{pid}/merge", json={"other_id": 999}).status_code == 404
    assert client.post(f"/api/v1/people/{pid}/merge", json={"other_id": "2"}).status_code == 422


def test_linking_another_profile(client, person):
    jane, other = person("Jane", ["https://x.com/jane"]), person("Bob", ["https://x.com/bob"])
    first = client.post(
        f"/api/v1/people/{jane['id']}/profiles", json={"url": "https://github.com/jane"}
    )
    assert first.status_code == 201 and first.json["key"] == "gh:jane"
    again = client.post(f"/api/v1/people/{jane['id']}/profiles", json={"url": "github.com/Jane"})
    assert again.status_code == 200
    taken = client.post(f"/api/v1/people/{jane['id']}/profiles", json={"url": "https://x.com/bob"})
    assert taken.status_code == 409
    bad = client.post(f"/api/v1/people/{other['id']}/profiles", json={"url": "javascript:alert(1)"})
    assert bad.status_code == 422 and bad.json["error"]["code"] == "invalid_url"
    assert client.post(f"/api/v1/people/{jane['id']}/profiles", json={}).status_code == 422


def test_person_detail_carries_the_card(client, person, log):
    pid = person()["id"]
    log(pid, "talked", "coffee", occurred_at="2026-06-01T10:00:00+00:00")
    log(pid, "gave", "intro to a designer")
    detail = client.get(f"/api/v1/people/{pid}").json
    assert {"ledger", "history", "facts", "changes", "nudge", "profiles"} <= set(detail)
    assert detail["nudge"]["verdict"] == "ready"
    assert detail["history"][0]["summary"] == "intro to a designer"


def test_merge_keeps_tags_once_whatever_their_case(client, person):
    keep = person("Jane Doe", ["https://www.linkedin.com/in/jane"], tags=["Python", "chess"])
    other = person("J. Doe", ["https://x.com/janedoe"], tags=["python", "rowing"])
    response = client.post(f"/api/v1/people/{keep['id']}/merge", json={"other_id": other["id"]})
    assert response.status_code == 200
    assert response.json["tags"] == ["Python", "chess", "rowing"]


@pytest.mark.parametrize(
    ("mine", "theirs", "message"),
    [
        ({"notes": "a" * 6000}, {"notes": "b" * 5000}, "notes together would be 11,002 characters"),
        (
            {"tags": [f"a{n}" for n in range(30)]},
            {"tags": [f"b{n}" for n in range(21)]},
            "together they would have 51 tags",
        ),
    ],
)
def test_merge_refuses_what_no_person_may_hold_and_changes_nothing(
    client, person, mine, theirs, message
):
    keep = person("Jane Doe", ["https://www.linkedin.com/in/jane"], **mine)
    other = person("J. Doe", ["https://x.com/janedoe"], **theirs)
    response = client.post(f"/api/v1/people/{keep['id']}/merge", json={"other_id": other["id"]})
    assert response.status_code == 422
    assert message in response.json["error"]["message"]
    assert client.get(f"/api/v1/people/{other['id']}").status_code == 200
    assert client.get(f"/api/v1/people/{keep['id']}").json["tags"] == keep["tags"]
