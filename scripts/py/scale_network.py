"""A synthetic network shaped like a heavy networker's, for scripts/bench-scale.

Skewed the way real networks are: a few employers and tags are shared by thousands of people,
most people are acquaintances with no history, a few hundred carry most of the interactions.
Names are made up from syllables; no real person's data is involved. Built once per size and
kept in the user's cache folder (the figures are measured on a copy, so the cache stays clean).
"""

import os
import random
import shutil
import sqlite3
import uuid
from datetime import UTC, datetime, timedelta
from pathlib import Path

from givefirst.clock import iso
from givefirst.sites import canonicalise
from givefirst.store.connection import open_db, write

SHAPE = 1  # bump when the generator changes, so an old cache is not reused
SYLLABLES = ("ka", "lo", "mi", "ren", "sa", "tor", "vi", "zen", "ar", "bel", "cor", "dra", "ny")
CIRCLE_SHARE = (
    ("inner", 0.005),
    ("close", 0.02),
    ("active", 0.08),
    ("wider", 0.2),
    ("acquaintance", 0.695),
)
KIND_SHARE = (
    ("messaged", 0.4),
    ("talked", 0.2),
    ("gave", 0.15),
    ("received", 0.1),
    ("asked", 0.08),
    ("they_asked", 0.07),
)
FACT_LABELS = ("birthday", "kids", "likes", "moved to", "training for", "anniversary")
YEARS = 5


def cache_folder() -> Path:
    base = os.environ.get("XDG_CACHE_HOME") or Path.home() / ".cache"
    return Path(base) / "givefirst-bench"


def made_up(rng: random.Random, parts: int) -> str:
    return "".join(rng.choice(SYLLABLES) for _ in range(parts)).capitalize()


def zipf_pick(rng: random.Random, pool: list[str], skew: float = 1.1) -> str:
    """Rank r is picked with weight 1/r^skew: the first few are shared by thousands."""
    weights = getattr(zipf_pick, "cache", {}).get((len(pool), skew))
    if weights is None:
        weights = [1 / (r**skew) for r in range(1, len(pool) + 1)]
        zipf_pick.cache = {**getattr(zipf_pick, "cache", {}), (len(pool), skew): weights}
    return rng.choices(pool, weights)[0]


def weighted(rng: random.Random, shares) -> str:
    return rng.choices([k for k, _ in shares], [w for _, w in shares])[0]


def people_rows(rng: random.Random, count: int, now: datetime):
    for n in range(1, count + 1):
        created = now - timedelta(days=rng.randint(0, 365 * YEARS))
        yield (
            n,
            str(uuid.UUID(int=rng.getrandbits(128))),
            f"{made_up(rng, 2)} {made_up(rng, 3)} {n}",
            weighted(rng, CIRCLE_SHARE),
            iso(created),
            iso(created),
        )


def profile_rows(rng: random.Random, people: int, extra: int, companies: list[str], now):
    """One LinkedIn profile each, and `extra` GitHub profiles for some of them."""
    for n in range(1, people + 1):
        url = f"https://www.linkedin.com/in/synthetic-{n:06d}"
        yield (canonicalise(url).key, n, "linkedin", url, zipf_pick(rng, companies), iso(now))
    for n in rng.sample(range(1, people + 1), extra):
        url = f"https://github.com/synthetic-{n:06d}"
        yield (canonicalise(url).key, n, "github", url, None, iso(now))


def interaction_rows(rng: random.Random, people: int, total: int, now: datetime):
    """`total` interactions over five years; who gets them follows a heavy-tailed curve."""
    weights = [1 / (r**0.9) for r in range(1, people + 1)]
    owners = rng.choices(range(1, people + 1), weights, k=total)
    for person_id in owners:
        kind = weighted(rng, KIND_SHARE)
        status = None
        if kind == "asked":
            status = rng.choices(("open", "granted", "declined"), (0.1, 0.8, 0.1))[0]
        elif kind == "they_asked":
            status = rng.choices(("open", "done"), (0.1, 0.9))[0]
        at = iso(now - timedelta(minutes=rng.randint(0, 60 * 24 * 365 * YEARS)))
        yield (
            str(uuid.UUID(int=rng.getrandbits(128))),
            person_id,
            kind,
            f"synthetic {kind} note",
            at,
            status,
            rng.randint(1, 3),
            at,
            at,
        )


def fact_rows(rng: random.Random, people: int, total: int, now: datetime):
    for _ in range(total):
        label = rng.choice(FACT_LABELS)
        dated = label in ("birthday", "anniversary")
        day = (now - timedelta(days=rng.randint(365 * 20, 365 * 50))).date().isoformat()
        yield (
            str(uuid.UUID(int=rng.getrandbits(128))),
            rng.randint(1, people),
            label,
            f"synthetic {label}",
            day if dated else None,
            iso(now),
            iso(now),
        )


def build(path: Path, people: int, now: datetime, seed: int = 30) -> None:
    """Write the network into a new database at `path` (10 interactions, 2 facts per person)."""
    rng = random.Random(seed)
    open_db(path).close()
    companies = [f"{made_up(rng, 2)} {made_up(rng, 2)} Labs" for _ in range(max(50, people // 15))]
    tags = [made_up(rng, 2).lower() for _ in range(max(30, people // 150))]
    conn = sqlite3.connect(path)
    with conn:
        conn.executemany(
            "INSERT INTO people (id, uuid, name, circle, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            people_rows(rng, people, now),
        )
        conn.executemany(
            "INSERT OR IGNORE INTO person_tags (person_id, tag) VALUES (?, ?)",
            (
                (n, zipf_pick(rng, tags))
                for n in range(1, people + 1)
                for _ in range(rng.choice((0, 1, 1, 2, 3)))
            ),
        )
        conn.executemany(
            "INSERT INTO profiles (key, person_id, site, url, company, added_at) "
            "VALUES (?, ?, ?, ?, ?, ?)",
            profile_rows(rng, people, people * 8 // 15, companies, now),
        )
        conn.executemany(
            "INSERT INTO interactions (id, person_id, kind, summary, occurred_at, status, weight, "
            "created_at, updated_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
            interaction_rows(rng, people, people * 10, now),
        )
        conn.executemany(
            "INSERT INTO facts (id, person_id, label, value, date, created_at, updated_at) "
            "VALUES (?, ?, ?, ?, ?, ?, ?)",
            fact_rows(rng, people, people * 2, now),
        )
    conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    db = open_db(path)
    with write(db):  # givefirst's own write: fills in what it derives (store/profiles.py)
        pass
    db.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    db.close()


def cached(people: int) -> Path:
    """The network of this size from the cache, built first if it is not there."""
    folder = cache_folder()
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"scale-{people}-v{SHAPE}.db"
    if not path.exists():
        partial = path.with_suffix(".partial")
        for leftover in folder.glob(partial.name + "*"):
            leftover.unlink()
        build(partial, people, datetime.now(UTC).replace(microsecond=0))
        for suffix in ("-wal", "-shm"):
            Path(f"{partial}{suffix}").unlink(missing_ok=True)
        partial.rename(path)
    return path


def working_copy(people: int, folder: Path) -> Path:
    target = folder / "givefirst.db"
    shutil.copyfile(cached(people), target)
    target.chmod(0o600)  # as private as the service makes its own database
    return target
