"""Keep in touch through the people API, the reminders API, and done or snoozed staying so."""

from datetime import timedelta

from tests.api.test_openapi import conforms


def test_a_person_carries_their_circles_cadence_and_when_they_are_next_due(client, person):
    created = person("Ines Duarte", circle="inner")
    assert created["cadence_days"] == 14 and created["cadence_from_circle"] is True
    assert created["next_due"] == "2026-06-29"  # 14 days after they were added
    quiet = person("Ola Quiet", ["https://github.com/ola-quiet"], circle="acquaintance")
    assert quiet["cadence_days"] is None and quiet["next_due"] is None


def test_any_two_way_interaction_resets_the_clock_and_one_way_ones_do_not(client, person, log):
    pid = person("Ines Duarte", circle="close")["id"]
    log(pid, "messaged", occurred_at="2026-06-10T09:00:00+00:00")
    log(pid, "gave", occurred_at="2026-06-11T09:00:00+00:00")
    assert client.get(f"/api/v1/people/{pid}").json["next_due"] == "2026-07-15"  # from added
    log(pid, "talked", occurred_at="2026-06-12T09:00:00+00:00")
    assert client.get(f"/api/v1/people/{pid}").json["next_due"] == "2026-07-12"
    log(pid, "they_asked", occurred_at="2026-06-14T09:00:00+00:00")
    assert client.get(f"/api/v1/people/{pid}").json["next_due"] == "2026-07-14"


def test_a_cadence_set_for_someone_overrides_the_circle_and_can_be_none_or_undone(client, person):
    pid = person("Jonas Berg", circle="inner")["id"]
    changed = client.patch(f"/api/v1/people/{pid}", json={"cadence_days": 90}).json
    assert (changed["cadence_days"], changed["cadence_from_circle"]) == (90, False)
    assert changed["next_due"] == "2026-09-13"
    never = client.patch(f"/api/v1/people/{pid}", json={"cadence_days": None}).json
    assert never["cadence_days"] is None and never["next_due"] is None
    assert never["cadence_from_circle"] is False
    back = client.patch(f"/api/v1/people/{pid}", json={"cadence_days": "circle"}).json
    assert back["cadence_days"] == 14 and back["cadence_from_circle"] is True
    listed = client.get("/api/v1/people?q=Jonas").json["people"][0]
    assert listed["next_due"] == back["next_due"]


def test_a_bad_cadence_is_refused_with_the_error_shape(client, person):
    pid = person("Jonas Berg")["id"]
    for bad in (0, 4000, "often", True, 1.5):
        response = client.patch(f"/api/v1/people/{pid}", json={"cadence_days": bad})
        assert response.status_code == 422, bad
        assert response.json["error"]["code"] == "invalid"
    assert client.get(f"/api/v1/people/{pid}").json["cadence_from_circle"] is True


def due_reminders(client, day="2026-06-15"):
    return client.get(f"/api/v1/reminders?date={day}").json


def test_reminders_say_who_waits_what_dates_come_and_which_check_ins_are_due(
    client, person, log, clock
):
    ines = person("Ines Duarte", circle="close")["id"]
    log(ines, "talked", occurred_at="2026-06-01T10:00:00+00:00")
    log(ines, "they_asked", "Review my talk", occurred_at="2026-06-12T10:00:00+00:00")
    jonas = person("Jonas Berg", ["https://x.com/jonas"], circle="acquaintance")["id"]
    client.post(
        f"/api/v1/people/{jonas}/facts",
        json={"label": "birthday", "value": "1990", "date": "--06-18"},
    )
    clock.now -= timedelta(days=200)  # added long ago, never talked to: overdue
    for n, name in enumerate(("Ana", "Bo", "Cy")):
        person(name, [f"https://github.com/p{n}"], circle="active")
    clock.now += timedelta(days=200)
    answer = due_reminders(client)
    assert [w["name"] for w in answer["waiting"]] == ["Ines Duarte"]
    assert [(d["name"], d["date"]) for d in answer["dates"]] == [("Jonas Berg", "2026-06-18")]
    assert sorted(c["name"] for c in answer["checkins"]) == ["Ana", "Bo", "Cy"]
    assert answer["summary"] == (
        "Ines is waiting on you; Jonas's birthday is Thursday; 3 check-ins due"
    )
    assert answer["count"] == 4  # Ines and three check-ins; Jonas's day is not today
    document = client.get("/api/openapi.json").json
    schema = document["paths"]["/api/v1/reminders"]["get"]["responses"]["200"]["content"]
    conforms(answer, schema["application/json"]["schema"], document["components"]["schemas"])
    people = client.get("/api/v1/people").json
    conforms(
        people["people"][0],
        {"$ref": "#/components/schemas/Person"},
        document["components"]["schemas"],
    )


def test_nothing_due_means_an_empty_summary_and_no_count(client, person):
    person("Ines Duarte", circle="inner")  # added today: not due for 14 days
    answer = due_reminders(client)
    assert answer["summary"] == "" and answer["count"] == 0


def test_done_and_snoozed_reminders_stay_so_and_a_snooze_ends(client, person, log):
    ines = person("Ines Duarte")["id"]
    log(ines, "they_asked", "Review my talk")
    jonas = person("Jonas Berg", ["https://x.com/jonas"])["id"]
    client.post(
        f"/api/v1/people/{jonas}/facts", json={"label": "birthday", "value": "-", "date": "--06-16"}
    )
    answer = due_reminders(client)
    waiting, birthday = answer["waiting"][0], answer["dates"][0]
    snoozed = client.post(
        "/api/v1/reminders/mark?date=2026-06-15",
        json={"key": waiting["key"], "person_id": ines, "action": "week"},
    ).json
    assert snoozed == {"key": waiting["key"], "state": "snoozed", "until": "2026-06-22"}
    client.post(
        "/api/v1/reminders/mark",
        json={"key": birthday["key"], "person_id": jonas, "action": "done"},
    )
    later = due_reminders(client, "2026-06-16")
    assert later["waiting"] == [] and later["dates"] == [] and later["summary"] == ""
    assert due_reminders(client, "2026-06-22")["waiting"][0]["key"] == waiting["key"]
    # Next year's birthday is another occurrence: due again on its own.
    next_year = due_reminders(client, "2027-06-14")["dates"]
    assert [d["date"] for d in next_year] == ["2027-06-16"]


def test_marking_refuses_unknown_keys_actions_and_people(client, person):
    pid = person("Ines Duarte")["id"]
    cases = [
        ({"key": "<script>", "person_id": pid, "action": "done"}, 422),
        ({"key": "checkin:1:2026-06-01", "person_id": pid, "action": "forever"}, 422),
        ({"key": "checkin:1:2026-06-01", "person_id": "1", "action": "done"}, 422),
        ({"key": "checkin:1:2026-06-01", "person_id": 999, "action": "done"}, 404),
    ]
    for body, status in cases:
        response = client.post("/api/v1/reminders/mark", json=body)
        assert response.status_code == status, body
    assert client.get("/api/v1/reminders?date=June").status_code == 422


def test_forgetting_a_person_forgets_their_reminder_marks(client, person, db):
    pid = person("Ines Duarte")["id"]
    client.post(
        "/api/v1/reminders/mark",
        json={"key": f"checkin:{pid}:2026-06-29", "person_id": pid, "action": "done"},
    )
    client.patch(f"/api/v1/people/{pid}", json={"cadence_days": 30})
    client.delete(f"/api/v1/people/{pid}")
    assert db["reminder_states"].count == 0 and db["person_cadences"].count == 0


def test_a_check_in_marked_done_comes_back_one_cadence_later(client, person, clock):
    clock.now -= timedelta(days=40)
    pid = person("Old Friend", circle="close")["id"]
    clock.now += timedelta(days=40)
    (checkin,) = due_reminders(client)["checkins"]
    assert checkin["date"] == "2026-06-05" and checkin["text"].endswith(": due 5 Jun 2026")
    done = client.post(
        "/api/v1/reminders/mark?date=2026-06-15",
        json={"key": checkin["key"], "person_id": pid, "action": "done"},
    ).json
    assert done == {"key": checkin["key"], "state": "done", "until": "2026-07-15"}
    assert due_reminders(client, "2026-07-14")["checkins"] == []
    assert [c["key"] for c in due_reminders(client, "2026-07-15")["checkins"]] == [checkin["key"]]
