"""Per-person summaries of the interactions: derived data the whole-network views read.

Triggers keep `person_summaries` in step with every write of an interaction (migrations.py,
m1002); this module checks them against the whole histories and builds them again.
"""

import json
from datetime import datetime

from sqlite_utils import Database

from givefirst.clock import from_db, iso
from givefirst.core.ledger import Totals, balance_from_sums
from givefirst.core.nudge import verdict_of
from givefirst.core.vocabulary import Interaction
from givefirst.store import interactions, people, streaks
from givefirst.store.connection import write
from givefirst.store.migrations import (
    REAL_PARTS,
    SUMMARY_COLUMNS,
    SUMMARY_PARTS,
    summary_columns,
    summary_select,
)

COMPUTED = summary_select("1")
STREAK = streaks.unanswered("s")


def differences(db: Database) -> list[int]:
    """People whose stored summary is not what their history says (missing, extra or stale,
    the unanswered streak too). The running sums of the balance are floats added up in another
    order: equal within rounding (a part in 10^9) is equal."""
    exact = summary_columns([name for name in SUMMARY_PARTS if name not in REAL_PARTS])
    near = " OR ".join(
        f"abs(c.{name} - s.{name}) > 1e-9 * max(1.0, abs(c.{name}))" for name in REAL_PARTS
    )
    return [
        row[0]
        for row in db.execute(
            f"""
            WITH computed ({SUMMARY_COLUMNS}) AS ({COMPUTED}),
            stored AS (SELECT {SUMMARY_COLUMNS} FROM person_summaries)
            SELECT person_id FROM (SELECT {exact} FROM computed
                                   EXCEPT SELECT {exact} FROM stored)
            UNION
            SELECT person_id FROM (SELECT {exact} FROM stored
                                   EXCEPT SELECT {exact} FROM computed)
            UNION
            SELECT c.person_id FROM computed c JOIN stored s USING (person_id) WHERE {near}
            UNION
            SELECT s.person_id FROM person_summaries s WHERE s.unanswered != {STREAK}
            ORDER BY 1
            """
        )
    ]


def rebuild(db: Database) -> int:
    """Work every summary out again from the histories; returns how many people have one."""
    with write(db):
        db.execute("DELETE FROM person_summaries")
        db.execute(f"INSERT INTO person_summaries ({SUMMARY_COLUMNS}) {COMPUTED}")
        return db.execute("SELECT count(*) FROM person_summaries").fetchone()[0]


def ever(db: Database, now: datetime) -> tuple[int, datetime | None]:
    """(people with a two-way interaction, the first interaction logged up to now)."""
    relationships = db.execute(
        "SELECT count(*) FROM person_summaries WHERE two_way > 0"
    ).fetchone()[0]
    first = db.execute(
        "SELECT min(occurred_at) FROM interactions WHERE occurred_at <= ?", [iso(now)]
    ).fetchone()[0]
    return relationships, from_db(first)


def for_advice(db: Database, person_id: int, now: datetime) -> tuple[Totals, list[Interaction]]:
    """What a person's nudge, ledger and nurture reasons read: their totals from the summary and
    the recent part of their history (interactions.recent_core). When the balance cannot be
    trusted from the running sums (core/ledger.py, balance_from_sums), the whole history."""
    summary = of(db, person_id)
    if summary is None:
        return Totals(), []
    recent, since = interactions.recent_core(db, person_id, summary)
    complete = not since or from_db(since) <= now  # holds everything dated after now
    future = [item for item in recent if item.occurred_at > now]
    score = None
    if complete:
        score = balance_from_sums(summary["given_decayed"], summary["taken_decayed"], future, now)
    if score is None:
        history = interactions.core_history(db, person_id)
        return Totals.of(history, now), history
    return totals_from(summary, score), recent


# What a verdict reads of a summary `s`, after the person's id (judged, below).
VERDICT_COLUMNS = (
    "s.interactions, s.gave, s.two_way, s.last_contact, s.last_two_way, "
    "s.oldest_waiting IS NOT NULL, s.oldest_open_ask IS NOT NULL, s.given_decayed, "
    "s.taken_decayed, s.unanswered"
)
VERDICT_READ = (
    f"SELECT s.person_id, {VERDICT_COLUMNS} FROM person_summaries s "
    "WHERE s.person_id IN (SELECT value FROM json_each(?))"
)


def searched(
    db: Database,
    limit: int,
    q: str | None = None,
    circle: str | None = None,
    tag: str | None = None,
    two_way: bool | None = None,
) -> tuple[list[tuple], int]:
    """Everyone with an interaction whom people.search would list, in its order (the first
    `limit`), each with what `judged` reads of their summary, in one statement; and how many
    there are in all."""
    if (q or None, circle, tag, two_way) == (None, None, None, None):
        # everyone with an interaction: their summaries, counted in the table's own b-tree
        total = db.execute("SELECT count(*) FROM person_summaries").fetchone()[0]
    else:
        where, params = people.narrowed(q, circle, tag, two_way, True)
        total = db.execute(f"SELECT count(*) FROM people p WHERE {where}", params).fetchone()[0]
    where, params = people.matching(q, circle, tag)  # the join itself asks for an interaction
    if two_way is not None:
        where += f" AND {'' if two_way else 'NOT '}s.two_way > 0"
    rows = db.execute(
        f"SELECT p.id, {VERDICT_COLUMNS} FROM people p "
        f"JOIN person_summaries s ON s.person_id = p.id WHERE {where} "
        "ORDER BY p.name COLLATE NOCASE, p.id LIMIT :limit",
        {**params, "limit": limit},
    )
    return rows.fetchall(), total


def verdicts(db: Database, person_ids: list[int], now: datetime, dormancy: int) -> dict[int, dict]:
    """Each of these people's verdict (core/nudge.py, verdict_of), whether the tie is a
    relationship, and their last contact, from their summaries: no history is read whole."""
    found = {
        pid: {"verdict": "connection_only", "tie": "connection", "last_contact": None}
        for pid in person_ids
    }
    found.update(judged(db, db.execute(VERDICT_READ, [json.dumps(person_ids)]), now, dormancy))
    return found


def judged(db: Database, rows, now: datetime, dormancy: int) -> dict[int, dict]:
    """{person id: verdict, tie, last contact} for rows of (id, *VERDICT_COLUMNS)."""
    found, moment = {}, iso(now)
    for pid, count, gave, two_way, last, last_two_way, waiting, pending, *sums, streak in rows:
        # What verdict_of reads of the totals. The balance is read only when an even one gives
        # "ready": its last rule is the only one that looks at it, and a negative one makes it
        # "give_first".
        totals = Totals(
            interactions=count,
            gave=gave,
            two_way=two_way,
            last_contact=from_db(last),
            last_two_way=from_db(last_two_way),
        )
        verdict = verdict_of(totals, streak, waiting, pending, now, dormancy)
        if verdict == "ready":
            future = interactions.dated_after(db, pid, now) if last > moment else []
            score = balance_from_sums(*sums, future, now)
            if score is None:
                score = Totals.of(interactions.core_history(db, pid), now).balance
            if score < 0:
                verdict = verdict_of(
                    totals._replace(balance=score), streak, waiting, pending, now, dormancy
                )
        found[pid] = {
            "verdict": verdict,
            "tie": "relationship" if two_way else "connection",
            "last_contact": totals.last_contact,
        }
    return found


def totals_from(summary: dict, balance: float) -> Totals:
    return Totals(
        interactions=summary["interactions"],
        gave=summary["gave"],
        asked=summary["asked"],
        received=summary["received"],
        they_asked=summary["they_asked"],
        two_way=summary["two_way"],
        balance=balance,
        last_contact=from_db(summary["last_contact"]),
        last_two_way=from_db(summary["last_two_way"]),
        first_two_way=from_db(summary["first_two_way"]),
        last_gave=from_db(summary["last_gave"]),
        last_asked=from_db(summary["last_asked"]),
    )


def of(db: Database, person_id: int) -> dict | None:
    rows = list(db.query("SELECT * FROM person_summaries WHERE person_id = ?", [person_id]))
    return rows[0] if rows else None
