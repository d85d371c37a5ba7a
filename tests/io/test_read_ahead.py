"""A large document read in a second process gives the same people, the same progress and the
same problem at the same place as reading it here, and an import that fails there writes
nothing; the reader never outlives the import."""

import json
import multiprocessing
import queue
import threading

import pytest
from givefirst.io import givefirst_json, import_file, read_ahead
from givefirst.io.reading import ImportProblem

MOMENT = "2026-01-01T00:00:00+00:00"


def person(n: int) -> dict:
    """A person with ten interactions: 300 of them are more than one chunk of records."""
    return {
        "id": n,
        "uuid": f"00000000-0000-4000-8000-{n:012d}",
        "name": f"Ada Quill {n}",
        "created_at": MOMENT,
        "updated_at": MOMENT,
        "interactions": [
            {
                "id": f"00000000-0000-4000-9000-{n * 100 + k:012d}",
                "kind": "talked",
                "summary": f"Coffee number {k}",
                "occurred_at": MOMENT,
                "created_at": MOMENT,
                "updated_at": MOMENT,
            }
            for k in range(10)
        ],
    }


def document(tmp_path, people: list[dict]):
    path = tmp_path / "export.json"
    path.write_text(json.dumps({"format": "givefirst", "version": 1, "people": people}))
    return path


@pytest.fixture(params=["fork", "spawn", None], ids=["forked", "a fresh interpreter", "chosen"])
def in_a_second_process(request, monkeypatch):
    monkeypatch.setattr(read_ahead, "PARALLEL_FROM", 0)
    if request.param:  # else as start_method chooses (fork here: one thread, on Linux)
        monkeypatch.setattr(read_ahead, "start_method", lambda: request.param)
    yield
    assert multiprocessing.active_children() == [], "a reader outlived its import"


def read(path, how) -> tuple[list, list]:
    heard = []
    if how == "here":
        return list(givefirst_json.persons(path, lambda *seen: heard.append(seen))), heard
    with read_ahead.persons(path, lambda *seen: heard.append(seen)) as persons:
        return list(persons), heard


def test_the_reader_gives_what_reading_here_gives(tmp_path, in_a_second_process):
    path = document(tmp_path, [person(n) for n in range(1, 301)])
    people, heard = read(path, "there")
    assert len(people) == 300 and len(people) * 10 > read_ahead.CHUNK_RECORDS
    assert (people, heard) == read(path, "here")
    assert heard[-1] == (300, 300)


def test_a_problem_there_is_raised_here_after_the_people_before_it(tmp_path, in_a_second_process):
    people = [person(n) for n in range(1, 301)]
    people[280]["interactions"][3]["kind"] = "bribed"
    path = document(tmp_path, people)
    with pytest.raises(ImportProblem) as here:
        read(path, "here")
    seen = []
    with pytest.raises(ImportProblem) as there, read_ahead.persons(path) as persons:
        seen.extend(persons)
    assert str(there.value) == str(here.value)
    assert "people[280]" in str(there.value) and "interactions[3]" in str(there.value)
    assert [p["id"] for p in seen] == list(range(1, 281))


def test_an_import_that_fails_there_writes_nothing(db, tmp_path, in_a_second_process):
    people = [person(n) for n in range(1, 301)]
    people[-1]["created_at"] = "yesterday"
    with pytest.raises(ImportProblem, match="created_at"):
        import_file(db, "json", document(tmp_path, people))
    assert db.execute("SELECT count(*) FROM people").fetchone() == (0,)
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (0,)


def test_an_import_through_the_reader_writes_everyone(db, tmp_path, in_a_second_process):
    summary = import_file(db, "json", document(tmp_path, [person(n) for n in range(1, 301)]))
    assert summary.count("person", "created") == 300
    assert db.execute("SELECT count(*) FROM interactions").fetchone() == (3000,)


def test_a_reader_no_longer_wanted_is_ended(tmp_path, in_a_second_process):
    path = document(tmp_path, [person(n) for n in range(1, 301)])
    with read_ahead.persons(path) as persons:
        assert next(persons)["id"] == 1  # and nothing more is taken: the reader waits


class Ended:
    """A reader process that has ended without a last word."""

    exitcode = -9

    def is_alive(self) -> bool:
        return False


def test_a_reader_that_ends_without_a_word_is_an_error_not_a_wait(monkeypatch):
    monkeypatch.setattr(read_ahead, "LIVENESS_CHECK", 0.01)
    chunks = queue.Queue()
    chunks.put(("people", [{"id": 1}, (1, 2)]))
    heard = []
    reading = read_ahead.Reading(chunks, Ended(), lambda *seen: heard.append(seen))
    people = reading.people()
    assert next(people) == {"id": 1}
    with pytest.raises(RuntimeError, match=r"ended \(exit code -9\) before it was read"):
        next(people)
    assert heard == [(1, 2)] and reading.finished


def test_beside_another_thread_the_reader_is_a_fresh_interpreter():
    stop = threading.Event()
    other = threading.Thread(target=stop.wait)
    other.start()
    try:
        assert read_ahead.start_method() == "spawn"
    finally:
        stop.set()
        other.join()
