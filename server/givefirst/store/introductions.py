"""Introductions: other people who share a tag or an employer with someone, found with work
bounded by the person's own few tags and employers, never by how many people share them.

The order: people at other companies who share a tag, then colleagues who share a tag, then
colleagues; within each, relationships first and the busiest first (their summary's count of
interactions), then by name (without case). A tag or employer shared by few people is read
whole; one shared by thousands is walked from the busiest person down (an index on the
summaries' counts) until enough are found, and the people with no interactions by name.
"""

import json
from dataclasses import dataclass

from sqlite_utils import Database

SMALL = 300  # a tag or an employer shared by at most this many people is read whole

MEMBERS = {  # who shares :value, as a set of person ids
    "tag": "SELECT person_id FROM person_tags WHERE tag = :value COLLATE NOCASE",
    "company": "SELECT DISTINCT person_id FROM profiles WHERE employer_key = :value",
}
IS_MEMBER = {  # whether the person {pid} shares :value
    "tag": "EXISTS (SELECT 1 FROM person_tags x WHERE x.person_id = {pid} "
    "AND x.tag = :value COLLATE NOCASE)",
    "company": "EXISTS (SELECT 1 FROM profiles x INDEXED BY profiles_person_employer "
    "WHERE x.person_id = {pid} AND x.employer_key = :value)",
}
# Each person is looked up through narrow indexes (migrations.py, m1010), not their wide rows.
COLLEAGUE = (
    "EXISTS (SELECT 1 FROM profiles c INDEXED BY profiles_person_employer WHERE c.person_id = {pid} "
    "AND c.employer_key IN (SELECT value FROM json_each(:employers)))"
)
SHARES_TAG = (
    "EXISTS (SELECT 1 FROM person_tags t WHERE t.person_id = {pid} "
    "AND t.tag COLLATE NOCASE IN (SELECT value FROM json_each(:tags)))"
)


def read_whole(kind: str) -> str:
    """Everyone who shares :value, busiest first: only their counts, from narrow indexes."""
    return f"""
        SELECT m.person_id, coalesce(s.interactions, 0) AS touches
        FROM ({MEMBERS[kind]}) m
        LEFT JOIN person_summaries s INDEXED BY person_summaries_touches
            ON s.person_id = m.person_id
        WHERE m.person_id != :me ORDER BY touches DESC
    """


def accepted(accept: str) -> str:
    """(id, name) of those of :ids who meet `accept`."""
    return f"""
        SELECT pe.id, pe.name FROM people pe INDEXED BY people_id_name
        WHERE pe.id IN (SELECT value FROM json_each(:ids)) AND {accept.format(pid="pe.id")}
    """


def busiest_first(kind: str, accept: str) -> str:
    return f"""
        SELECT s.person_id, s.interactions, pe.name
        FROM person_summaries s INDEXED BY person_summaries_interactions
        JOIN people pe INDEXED BY people_id_name ON pe.id = s.person_id
        WHERE s.interactions > 0 AND s.person_id != :me
          AND {IS_MEMBER[kind].format(pid="s.person_id")} AND {accept.format(pid="s.person_id")}
        ORDER BY s.interactions DESC
    """


def untouched_by_name(kind: str, accept: str) -> str:
    return f"""
        SELECT pe.id, 0, pe.name FROM people pe INDEXED BY people_name
        WHERE pe.id != :me AND NOT EXISTS (SELECT 1 FROM person_summaries s
                                           INDEXED BY person_summaries_touches
                                           WHERE s.person_id = pe.id)
          AND {IS_MEMBER[kind].format(pid="pe.id")} AND {accept.format(pid="pe.id")}
        ORDER BY pe.name COLLATE NOCASE LIMIT :need
    """


@dataclass(frozen=True)
class Group:
    kind: str  # "tag" or "company": which members are walked
    accept: str  # an SQL condition on {pid}
    same_company: bool


GROUPS = (  # best first
    Group("tag", f"NOT {COLLEAGUE}", same_company=False),
    Group("tag", COLLEAGUE, same_company=True),
    Group("company", f"NOT {SHARES_TAG}", same_company=True),
)


def rank(touches: int, name: str, person_id: int) -> tuple:
    """The order within a group; bytes.lower() folds ASCII only, as SQLite's NOCASE does."""
    return (touches == 0, -touches, name.encode().lower(), person_id)


def shared_by_few(db: Database, kind: str, params: dict, sizes: dict) -> bool:
    """Whether at most SMALL people share params["value"]: `introductions` learns it of the
    person's own values with them (OWN_VALUES); another value is counted once per call."""
    found = sizes.get((kind, params["value"]))
    if found is None:
        size = db.execute(f"SELECT count(*) FROM ({MEMBERS[kind]} LIMIT {SMALL + 1})", params)
        found = sizes[(kind, params["value"])] = size.fetchone()[0] <= SMALL
    return found


def best_sharing(
    db: Database,
    kind: str,
    accept: str,
    params: dict,
    need: int,
    sizes: dict | None = None,
    floor: int = 0,
) -> list[tuple]:
    """The `need` best people who share params["value"] and meet `accept`, as (id, touches,
    name): read whole when few share it, else walked busiest first. No one with fewer than
    `floor` interactions is looked for (when above 0: others already rank above them)."""
    params = {**params, "need": need}
    if shared_by_few(db, kind, params, {} if sizes is None else sizes):
        found = walked_few(db, kind, accept, params, need, floor)
    else:
        found = []
        for row in db.execute(busiest_first(kind, accept), params):
            if row[1] < floor or (len(found) >= need and row[1] < found[-1][1]):
                break  # enough, and no one left with as many interactions as the last one taken
            found.append(row)
        if len(found) < need and not floor:
            found += db.execute(untouched_by_name(kind, accept), params).fetchall()
    return sorted(found, key=lambda r: rank(*r[1:], r[0]))[:need]


def walked_few(
    db: Database, kind: str, accept: str, params: dict, need: int, floor: int = 0
) -> list[tuple]:
    """Those of the few people who share params["value"] that `best_sharing` may take, as (id,
    touches, name): their counts read whole, then `accept` asked of the busiest first, a few
    at a time, until no one left can rank among the `need` best (or reach `floor`)."""
    ranked = db.execute(read_whole(kind), params).fetchall()
    found: list[tuple] = []
    start, batch = 0, 4 * need
    while start < len(ranked) and ranked[start][1] >= floor:
        part = ranked[start : start + batch]
        ids = json.dumps([pid for pid, _ in part])
        names = dict(db.execute(accepted(accept), {**params, "ids": ids}).fetchall())
        for pid, touches in part:
            if touches < floor or (len(found) >= need and touches < found[-1][1]):
                return found  # enough, and no one left with as many interactions
            if pid in names:
                found.append((pid, touches, names[pid]))
        start, batch = start + batch, 2 * batch
    return found


def floor_of(ranked: list[tuple], chosen: dict, slots: int) -> int:
    """The fewest interactions someone needs to rank among the `slots` best not yet chosen of
    `ranked` (rank, id, touches, …): 0 while fewer are found, or when the last has none."""
    touches = sorted({pid: n for _, pid, n, *_ in ranked if pid not in chosen}.values())
    return touches[-slots] if slots > 0 and len(touches) >= slots else 0


# The person's own tags and employers in one statement, each with whether at most SMALL people
# share it (shared_by_few's question, asked here so that a card spends no statement per value):
# whether the tag or the employer has no member past the first :small (SMALL), in its own index.
OWN_VALUES = """
    SELECT 'tag', t.tag, NOT EXISTS (SELECT 1 FROM person_tags m
                                     WHERE m.tag = t.tag COLLATE NOCASE LIMIT 1 OFFSET :small)
    FROM person_tags t WHERE t.person_id = :me
    UNION ALL
    SELECT DISTINCT 'company', p.employer_key,
           NOT EXISTS (SELECT DISTINCT m.person_id FROM profiles m
                       WHERE m.employer_key = p.employer_key LIMIT 1 OFFSET :small)
    FROM profiles p WHERE p.person_id = :me AND p.employer_key != ''
"""


def introductions(db: Database, person_id: int, limit: int = 3) -> list[dict]:
    """Up to `limit` people to introduce this person to: person_id, name, shared ("tag" or
    "company"), value (the tag, or their company's name), touches, same_company."""
    own = db.execute(OWN_VALUES, {"me": person_id, "small": SMALL}).fetchall()
    tags = [value for kind, value, _ in own if kind == "tag"]
    employers = [value for kind, value, _ in own if kind == "company"]
    sizes = {(kind, value): bool(few) for kind, value, few in own}
    shared = {"me": person_id, "tags": json.dumps(tags), "employers": json.dumps(employers)}
    chosen: dict[int, dict] = {}
    for group in GROUPS:
        values = tags if group.kind == "tag" else employers
        ranked = []
        # Each value's best are looked for only as far as they can still rank among the best
        # of the values before it: those shared by many first (their busiest come soonest),
        # so that a value shared by hundreds stops early. The order changes nothing found.
        for value in sorted(values, key=lambda v: sizes[(group.kind, v)]):
            floor = floor_of(ranked, chosen, limit - len(chosen))
            for pid, touches, name in best_sharing(
                db, group.kind, group.accept, {**shared, "value": value}, limit, sizes, floor
            ):
                ranked.append((rank(touches, name, pid), pid, touches, name, value))
        for _, pid, touches, name, value in sorted(ranked):
            if len(chosen) < limit and pid not in chosen:
                chosen[pid] = {
                    "person_id": pid,
                    "name": name,
                    "shared": group.kind,
                    "value": value,
                    "touches": touches,
                    "same_company": int(group.same_company),
                }
        if len(chosen) >= limit:
            break
    return [with_company_name(db, found) for found in chosen.values()]


def with_company_name(db: Database, found: dict) -> dict:
    """A colleague's value is their company as they write it, not its key."""
    if found["shared"] == "company":
        row = db.execute(
            "SELECT company FROM profiles WHERE person_id = ? AND employer_key = ? LIMIT 1",
            [found["person_id"], found["value"]],
        ).fetchone()
        found["value"] = row[0] if row else found["value"]
    return found
