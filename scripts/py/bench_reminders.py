"""The Python half of scripts/bench-reminders: a synthetic network, then the median of a few
requests for each reminders view, through the app in-process."""

import random
import sys
import tempfile
import time
from datetime import timedelta
from pathlib import Path

from givefirst.app import create_app
from givefirst.clock import iso, utcnow
from givefirst.core.vocabulary import CIRCLES, KINDS, STATUSES
from givefirst.store import feeds, sessions, tokens
from givefirst.store.connection import open_db, write

PER_PERSON, ROUNDS, BASE = 10, 5, "http://127.0.0.1:7170"


def fill(db, people: int, now, rng) -> None:
    """People in every circle, 10 interactions each over 900 days, a dated fact for a tenth."""
    with write(db):
        for n in range(people):
            person_id = (
                db["people"]
                .insert(
                    {
                        "uuid": f"bench-{n}",
                        "name": f"Synthetic Person {n:05d}",
                        "circle": rng.choice(CIRCLES),
                        "created_at": iso(now - timedelta(days=900)),
                        "updated_at": iso(now),
                    }
                )
                .last_pk
            )
            for k in range(PER_PERSON):
                kind = rng.choice(KINDS)
                db["interactions"].insert(
                    {
                        "id": f"{n}-{k}",
                        "person_id": person_id,
                        "kind": kind,
                        "summary": "synthetic",
                        "occurred_at": iso(now - timedelta(days=rng.randint(0, 900))),
                        "status": rng.choice(STATUSES[kind]) if kind in STATUSES else None,
                        "weight": 1,
                        "created_at": iso(now),
                        "updated_at": iso(now),
                    }
                )
            if n % 10 == 0:
                db["facts"].insert(
                    {
                        "id": f"fact-{n}",
                        "person_id": person_id,
                        "label": "birthday",
                        "value": "-",
                        "date": f"--{rng.randint(1, 12):02d}-{rng.randint(1, 28):02d}",
                        "created_at": iso(now),
                        "updated_at": iso(now),
                    }
                )


def median_ms(client, path: str, **options) -> float:
    times = []
    for _ in range(ROUNDS):
        start = time.perf_counter()
        response = client.get(path, base_url=BASE, **options)
        times.append(time.perf_counter() - start)
        assert response.status_code == 200, (path, response.status_code)
    return sorted(times)[ROUNDS // 2] * 1000


def main(people: int) -> None:
    now, rng = utcnow(), random.Random(7)
    with tempfile.TemporaryDirectory() as scratch:
        path = Path(scratch) / "bench.db"
        db = open_db(path)
        fill(db, people, now, rng)
        token, feed = tokens.create(db, "bench", now), feeds.create(db, now)
        app = create_app({"DATABASE": str(path), "PORT": 7170})
        client = app.test_client()
        answer = client.get(
            "/api/v1/reminders", base_url=BASE, headers={"Authorization": f"Bearer {token}"}
        ).json
        print(
            f"{people} people, {people * PER_PERSON} interactions; "
            f"{len(answer['checkins'])} check-ins due; median of {ROUNDS} requests:"
        )
        auth = {"headers": {"Authorization": f"Bearer {token}"}}
        print(
            f"  GET /api/v1/reminders          {median_ms(client, '/api/v1/reminders', **auth):7.0f} ms"
        )
        print(
            f"  GET /api/v1/reminders.ics      {median_ms(client, f'/api/v1/reminders.ics?token={feed}'):7.0f} ms"
        )
        client.get(f"/login?token={sessions.new_login_link(db, now)}", base_url=BASE)
        print(f"  GET / (Today)                  {median_ms(client, '/'):7.0f} ms")


if __name__ == "__main__":
    main(int(sys.argv[1]))
