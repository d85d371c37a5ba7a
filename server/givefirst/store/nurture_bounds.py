"""The people the nurture list may pick, best bound first, read a page at a time.

A bound is the highest score any nurture reason could give a person (core/nurture.py,
reasons_for): days count whole there and fractionally here. Each reason is read on its own,
best first, through an index of its own (migrations.py, m1009); `best_first` merges them. The
reasons with a fixed floor (waiting on you, dates soon, owed returns, news, new ties) all score
above OVERDUE_CAP, so while they fill the list, the overdue and dormant ties, which any person
may have, are never read at all.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.core.nurture import NEW_TIE_DAYS, NEWS_DAYS, NEWS_SCORE, OVERDUE_CAP, STRONG_TIE
from givefirst.core.vocabulary import CADENCE_DAYS

PAGE = 50  # rows read at a time from a reason read in the order of its bound

Rows = Iterator[tuple[float, int]]  # (bound, person id), highest bound first


@dataclass
class Reason:
    """One reason's people, read only once nothing left elsewhere can beat its ceiling."""

    ceiling: float  # no bound it yields is higher
    rows: Callable[[], Rows]


@dataclass(eq=False)  # each is itself: compared by identity
class Head:
    """Where the reading of one reason stands: its next person and bound (its ceiling until it
    is read), and its rows once they are being read."""

    bound: float
    reason: Reason
    person_id: int | None = None
    reading: Rows | None = None


class BestFirst:
    """People from several reasons, each once, best bound first: (person id, bound)."""

    def __init__(self, reasons: list[Reason]):
        self.heads = [Head(reason.ceiling, reason) for reason in reasons]
        self.seen: set[int] = set()

    def ceiling(self) -> float | None:
        """No person still to come has a higher bound (None: nobody is left)."""
        self.drop_seen()
        return max((head.bound for head in self.heads), default=None)

    def __iter__(self) -> Iterator[tuple[int, float]]:
        return self

    def __next__(self) -> tuple[int, float]:
        self.drop_seen()
        if not self.heads:
            raise StopIteration
        head = max(self.heads, key=lambda item: (item.bound, item.reading is not None))
        if head.reading is None:  # its ceiling leads: read it now
            head.reading = head.reason.rows()
            self.advance(head)
            return next(self)
        found = head.person_id, head.bound
        self.seen.add(head.person_id)
        self.advance(head)
        return found

    def advance(self, head: Head) -> None:
        found = next(head.reading, None)
        if found is None:
            self.heads.remove(head)
        else:
            head.bound, head.person_id = found

    def drop_seen(self) -> None:
        """Pass over people already given at a higher bound (a reason of theirs scored more)."""
        for head in list(self.heads):
            while head in self.heads and head.reading is not None and head.person_id in self.seen:
                self.advance(head)


# Who waits on you the longest: 1000 and a point a day.
WAITING = """
    SELECT 1000 + julianday(:now) - julianday(oldest_waiting), person_id, oldest_waiting
    FROM person_summaries
    WHERE oldest_waiting IS NOT NULL AND (oldest_waiting, person_id) > (:after, :after_id)
    ORDER BY oldest_waiting, person_id LIMIT :page"""
# A favour never returned: 450 and a point a month since it, up to 40.
OWED = """
    SELECT 450 + min((julianday(:now) - julianday(last_received)) / 30, 40), person_id,
           last_received
    FROM person_summaries
    WHERE last_received IS NOT NULL AND (last_returned IS NULL OR last_returned <= last_received)
      AND (last_received, person_id) > (:after, :after_id)
    ORDER BY last_received, person_id LIMIT :page"""
DATED = "SELECT DISTINCT person_id FROM facts WHERE date IS NOT NULL AND substr(date, -5) IN ({})"
NEWS = """
    SELECT DISTINCT p.person_id FROM profile_snapshots n JOIN profiles p ON p.id = n.profile_id
    WHERE n.seen_at >= :news_since"""
NEW_TIES = """
    SELECT s.person_id FROM person_summaries s JOIN people p ON p.id = s.person_id
    WHERE s.two_way = 1 AND s.first_two_way >= :new_since AND s.first_two_way <= :now
      AND (p.created_at >= :new_since OR coalesce(p.how_met, '') != '')"""
OVERDUE = " ".join(
    f"WHEN '{circle}' THEN CASE WHEN since > {days} THEN min(100 * since / {days}, "
    f"{OVERDUE_CAP}) ELSE -1 END"
    for circle, days in CADENCE_DAYS.items()
    if days
)
# Overdue or a dormant strong tie: anyone may be, so everyone is read, in the table's order.
QUIET = f"""
    WITH known AS (
        SELECT p.id, p.circle, s.two_way, s.last_two_way,
               julianday(:now) - julianday(coalesce(s.last_contact, p.created_at)) AS since
        FROM people p NOT INDEXED LEFT JOIN person_summaries s ON s.person_id = p.id
    ), bounded AS (
        SELECT id, max(
            CASE WHEN two_way >= {STRONG_TIE} AND last_two_way < :dormant_before
                 THEN 250 + 5 * min(two_way, 10) ELSE -1 END,
            CASE circle {OVERDUE} ELSE -1 END
        ) AS bound FROM known
    )
    SELECT bound, id FROM bounded WHERE bound >= 0 ORDER BY bound DESC, id"""
QUIET_CEILING = max(OVERDUE_CAP, 250 + 5 * 10)


def best_first(db: Database, now: datetime, day_keys: list[str]) -> BestFirst:
    """Everyone who might have a nurture reason, best bound first; `day_keys` are the MM-DD
    of the days a fact date may fall on to be "soon"."""
    params = {
        "now": iso(now),
        "news_since": iso(now - timedelta(days=NEWS_DAYS)),
        "new_since": iso(now - timedelta(days=NEW_TIE_DAYS)),
        "dormant_before": iso(now - timedelta(days=180)),
    }

    def ids(sql: str, bound: float, extra: list | None = None) -> Callable[[], Rows]:
        """A reason whose people all have one bound (a few: those of a week or a month)."""

        def rows() -> Rows:
            found = db.execute(sql, extra if extra is not None else params)
            return iter([(bound, person_id) for person_id in sorted(row[0] for row in found)])

        return rows

    def all_of(sql: str) -> Callable[[], Rows]:
        return lambda: ((row[0], row[1]) for row in db.execute(sql, params))

    marks = ", ".join("?" * len(day_keys)) or "NULL"
    return BestFirst(
        [
            Reason(float("inf"), lambda: paged(db, WAITING, params)),
            Reason(500, ids(DATED.format(marks), 500, list(day_keys))),
            Reason(490, lambda: paged(db, OWED, params)),
            Reason(max(NEWS_SCORE.values()), ids(NEWS, max(NEWS_SCORE.values()))),
            Reason(350, ids(NEW_TIES, 350)),
            Reason(QUIET_CEILING, all_of(QUIET)),
        ]
    )


def paged(db: Database, sql: str, params: dict) -> Rows:
    """A query's (bound, person id, key) rows in the order of (key, person id), a page at a
    time, each page after the last row of the one before."""
    after: tuple[str, int] = ("", -1)
    while True:
        rows = db.execute(sql, {**params, "after": after[0], "after_id": after[1], "page": PAGE})
        page = rows.fetchall()
        for bound, person_id, _ in page:
            yield bound, person_id
        if len(page) < PAGE:
            return
        after = (page[-1][2], page[-1][1])
