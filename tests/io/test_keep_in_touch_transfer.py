"""Keep-in-touch cadences and Today's marked items leave with an export and come back with an
import or a merge: faithfully, under the ids people get there, newer over older."""

import json
from datetime import timedelta

import pytest
from givefirst import reminders
from givefirst.cli import main
from givefirst.io import export_file
from givefirst.io.reading import ImportProblem
from givefirst.io.reconcile import merge_database
from givefirst.store import facts, people
from givefirst.store.connection import open_db
from givefirst.store.reminders import keep_in_touch, set_cadence

from tests.conftest import NOW
from tests.io.helpers import contents, load, person_named

TODAY = NOW.date()
EARLIER, LATER = NOW - timedelta(days=1), NOW + timedelta(hours=6)
ADDED = NOW - timedelta(days=100)  # long enough ago for an inner-circle check-in to be due


def add(db, name: str, circle: str = "inner", when=ADDED) -> int:
    slug = name.lower().replace(" ", "-")
    return people.create(
        db,
        {"name": name, "circle": circle, "profiles": [f"https://www.linkedin.com/in/{slug}-syn"]},
        when,
    )


def mark(db, kind: str, name: str, action: str, when=NOW) -> str:
    """Mark the person's item of `kind` due today; returns its key."""
    person_id = person_named(db, name)["id"]
    item = next(i for i in reminders.due_on(db, TODAY)[kind] if i.person_id == person_id)
    reminders.mark(db, item.key, person_id, action, TODAY, when)
    return item.key


def shown(db) -> dict[str, list[str]]:
    """Today's items by kind, as names: what the person sees."""
    return {
        kind: sorted(i.name for i in items) for kind, items in reminders.due_on(db, TODAY).items()
    }


def clock(db, name: str) -> tuple:
    found = keep_in_touch(db, [person_named(db, name)["id"]])[person_named(db, name)["id"]]
    return found["cadence_days"], found["cadence_from_circle"]


@pytest.fixture
def home(db):
    """Lin: every month; Mo: no clock; Ny: the circle's. Lin's check-in done, Ny's snoozed,
    Mo's birthday snoozed; Pia's check-in still due."""
    for name in ("Lin Arden", "Mo Brandt", "Ny Castell", "Pia Dorn"):
        add(db, name)
    set_cadence(db, person_named(db, "Lin Arden")["id"], 30, EARLIER)
    set_cadence(db, person_named(db, "Mo Brandt")["id"], None, EARLIER)
    birthday = {"label": "birthday", "value": "18 June", "date": "--06-18"}
    facts.create(db, person_named(db, "Mo Brandt")["id"], birthday, NOW)
    mark(db, "checkins", "Lin Arden", "done")
    mark(db, "checkins", "Ny Castell", "week")
    mark(db, "dates", "Mo Brandt", "month")
    assert shown(db) == {"waiting": [], "dates": [], "checkins": ["Pia Dorn"]}
    return db


def exported(db, tmp_path) -> dict:
    export_file(db, "json", tmp_path / "export.json")
    return json.loads((tmp_path / "export.json").read_text())


def write_document(tmp_path, document: dict):
    path = tmp_path / "export.json"
    path.write_text(json.dumps(document))
    return path


def test_the_document_carries_a_chosen_cadence_no_clock_and_the_circle_default_apart(
    home, tmp_path
):
    document = {p["name"]: p for p in exported(home, tmp_path)["people"]}
    lin, mo, ny = document["Lin Arden"], document["Mo Brandt"], document["Ny Castell"]
    assert (lin["cadence_days"], lin["cadence_updated_at"]) == (30, EARLIER.isoformat())
    assert "cadence_days" in mo and mo["cadence_days"] is None
    assert "cadence_days" not in ny and "cadence_updated_at" not in ny
    assert [s["state"] for s in lin["reminder_states"]] == ["done"]
    assert lin["reminder_states"][0]["key"].startswith(f"checkin:{lin['id']}:")
    assert lin["reminder_states"][0]["until"] == (TODAY + timedelta(days=30)).isoformat()
    snoozed = mo["reminder_states"][0]
    assert snoozed["state"] == "snoozed" and snoozed["key"].startswith("date:")
    assert set(snoozed) == {"key", "state", "until", "updated_at"}


def test_an_import_where_the_ids_are_taken_keeps_cadences_and_marks_under_the_new_ids(
    home, tmp_path
):
    path = write_document(tmp_path, exported(home, tmp_path))
    target = open_db(tmp_path / "target.db")
    for name in ("Ola Eder", "Quin Falk", "Rui Gant", "Sol Hart", "Tam Ives"):
        add(target, name, circle="acquaintance", when=NOW)  # ids 1-5 are taken here
    load(target, "json", path)
    assert clock(target, "Lin Arden") == (30, False)
    assert clock(target, "Mo Brandt") == (None, False)
    assert clock(target, "Ny Castell") == (14, True)
    lin = person_named(target, "Lin Arden")["id"]
    assert lin != person_named(home, "Lin Arden")["id"]
    keys = [
        r[0] for r in target.execute("SELECT key FROM reminder_states WHERE person_id = ?", [lin])
    ]
    assert len(keys) == 1 and keys[0].startswith(f"checkin:{lin}:")
    assert shown(target) == shown(home) == {"waiting": [], "dates": [], "checkins": ["Pia Dorn"]}


def test_a_version_1_document_from_before_cadences_reads_as_everyone_on_their_circle(
    home, tmp_path
):
    document = exported(home, tmp_path)
    for person in document["people"]:
        for field in ("cadence_days", "cadence_updated_at", "reminder_states"):
            person.pop(field, None)
        person["a_field_from_a_later_givefirst"] = {"ignored": True}
    target = open_db(tmp_path / "target.db")
    load(target, "json", write_document(tmp_path, document))
    assert target["people"].count == 4
    assert target["person_cadences"].count == target["reminder_states"].count == 0
    assert clock(target, "Lin Arden") == (14, True)


def test_circle_as_the_cadence_means_the_circles_default(home, tmp_path):
    document = exported(home, tmp_path)
    next(p for p in document["people"] if p["name"] == "Lin Arden")["cadence_days"] = "circle"
    target = open_db(tmp_path / "target.db")
    load(target, "json", write_document(tmp_path, document))
    assert clock(target, "Lin Arden") == (14, True)
    assert clock(target, "Mo Brandt") == (None, False)


def states_of(db, name: str) -> list[tuple]:
    return db.execute(
        "SELECT key, state, until, updated_at FROM reminder_states WHERE person_id = ?",
        [person_named(db, name)["id"]],
    ).fetchall()


@pytest.fixture
def laptop(tmp_path):
    """The other computer, with the same people under other ids and choices made at other times."""
    other = open_db(tmp_path / "laptop.db")
    add(other, "Uma Jessen", circle="acquaintance")  # so everyone has another id there
    for name in ("Lin Arden", "Mo Brandt", "Ny Castell", "Pia Dorn"):
        add(other, name)
    mark(other, "checkins", "Pia Dorn", "month", LATER)  # only marked there
    mark(other, "checkins", "Ny Castell", "done", EARLIER)  # before home's snooze
    set_cadence(other, person_named(other, "Lin Arden")["id"], 180, LATER)  # after home's 30
    set_cadence(other, person_named(other, "Mo Brandt")["id"], 60, EARLIER - timedelta(days=1))
    set_cadence(other, person_named(other, "Ny Castell")["id"], 365, LATER)  # none chosen at home
    other.close()
    return tmp_path / "laptop.db"


def test_a_merge_keeps_whichever_choice_was_made_later(home, laptop):
    ny_before = states_of(home, "Ny Castell")
    summary = merge_database(home, laptop)
    assert clock(home, "Lin Arden") == (180, False)  # chosen later on the laptop
    assert clock(home, "Mo Brandt") == (None, False)  # chosen later at home
    assert clock(home, "Ny Castell") == (365, False)  # none chosen at home
    assert states_of(home, "Ny Castell") == ny_before  # snoozed at home after done there
    pia = person_named(home, "Pia Dorn")["id"]
    [(key, state, *_)] = states_of(home, "Pia Dorn")
    assert key.startswith(f"checkin:{pia}:") and state == "snoozed"
    assert shown(home)["checkins"] == []
    lin = next(o for o in summary.outcomes if o.name == "Lin Arden" and o.subject == "person")
    assert "keep in touch every 6 months" in lin.detail
    before = contents(home)
    again = merge_database(home, laptop)
    assert contents(home) == before
    assert again.count("person", "merged") == 0


def test_a_dry_run_merge_of_cadences_writes_nothing(home, laptop):
    before = contents(home)
    merge_database(home, laptop, dry_run=True)
    assert contents(home) == before


def lin_of(document: dict) -> dict:
    return next(p for p in document["people"] if p["name"] == "Lin Arden")


def state_of(document: dict) -> dict:
    return lin_of(document)["reminder_states"][0]


BROKEN = [
    (lambda d: lin_of(d).update(cadence_days=0), "cadence_days must be from 1 to 3650"),
    (lambda d: lin_of(d).update(cadence_days=3651), "cadence_days must be from 1 to 3650"),
    (
        lambda d: lin_of(d).update(cadence_days="weekly"),
        'cadence_days must be a number of days, null for none, or "circle"',
    ),
    (
        lambda d: lin_of(d).update(cadence_days=True),
        'cadence_days must be a number of days, null for none, or "circle"',
    ),
    (lambda d: lin_of(d).update(cadence_updated_at="soon"), "cadence_updated_at is not a date"),
    (lambda d: lin_of(d).update(reminder_states={"key": "x"}), "reminder_states must be a list"),
    (
        lambda d: state_of(d).update(key="DROP TABLE people"),
        "reminder_states[0]: key must be the key of a reminder",
    ),
    (
        lambda d: state_of(d).update(key="checkin:99:2026-06-01"),
        "reminder_states[0]: key checkin:99:2026-06-01 names person 99, not this person (1)",
    ),
    (
        lambda d: state_of(d).update(state="forgotten"),
        "reminder_states[0]: state must be one of done, snoozed",
    ),
    (
        lambda d: state_of(d).update(state="snoozed", until=None),
        "reminder_states[0]: until is required: a snoozed item is snoozed until a day",
    ),
    (
        lambda d: state_of(d).update(until="2026-13-01"),
        "reminder_states[0]: until must be a day as YYYY-MM-DD",
    ),
    (
        lambda d: state_of(d).update(until="20260701"),
        "reminder_states[0]: until must be a day as YYYY-MM-DD",
    ),
    (lambda d: state_of(d).pop("updated_at"), "reminder_states[0]: updated_at is required"),
]


@pytest.mark.parametrize(("breaks", "message"), BROKEN)
def test_a_malformed_cadence_or_mark_is_refused_by_name_and_nothing_is_written(
    home, tmp_path, breaks, message
):
    document = exported(home, tmp_path)
    assert lin_of(document)["id"] == 1
    document["people"].reverse()  # the others come first: none of them may be written
    breaks(document)
    path = write_document(tmp_path, document)
    target = open_db(tmp_path / "target.db")
    add(target, "Ola Eder", when=NOW)
    before = contents(target)
    with pytest.raises(ImportProblem) as refused:
        load(target, "json", path)
    assert str(refused.value).startswith(f"export.json: people[3] (Lin Arden): {message}")
    assert contents(target) == before


def test_a_person_without_an_id_cannot_carry_a_check_in_key(home, tmp_path):
    document = exported(home, tmp_path)
    lin_of(document)["id"] = None
    target = open_db(tmp_path / "target.db")
    with pytest.raises(ImportProblem, match="names a person by id, and this person has no id"):
        load(target, "json", write_document(tmp_path, document))
    assert target["people"].count == 0


def test_the_command_line_refuses_a_malformed_cadence_in_one_line(home, runner, tmp_path):
    document = exported(home, tmp_path)
    lin_of(document)["cadence_days"] = -1
    path = write_document(tmp_path, document)
    target = tmp_path / "target.db"
    result = runner.invoke(main, ["import", "json", str(path), "--db", str(target)])
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: export.json: people[0] (Lin Arden): cadence_days must be from 1 to 3650"
    ]
    assert open_db(target)["people"].count == 0
