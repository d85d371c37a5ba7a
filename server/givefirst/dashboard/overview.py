"""What the dashboard's pages show, assembled from the store and the core (no Flask here)."""

from collections.abc import Sequence
from dataclasses import dataclass
from datetime import date, datetime

from sqlite_utils import Database

from givefirst import card, insights, reminders
from givefirst.core.nudge import TITLES, VERDICTS
from givefirst.core.reminders import date_key, give_key, hidden_dates
from givefirst.core.vocabulary import CIRCLES, Interaction
from givefirst.dashboard import charts
from givefirst.store import coming_dates, facts, interactions, people, profiles, summaries
from givefirst.store import reminders as reminder_states

NURTURE_SHOWN = 10
ASKS_SHOWN = 20  # per list of open asks on Today; "show all" lists every one
CHECKINS_SHOWN = 10
DATES_SHOWN = 20  # dates this week on Today; "show all" lists every one
THIS_WEEK_DAYS = 7
PAGE_SIZE = 100
MAX_LISTED = 5000  # people with interactions filtered by verdict in one go; more narrow by search
KINDS_OF_TIE = ("relationship", "connection")
MERGE_SHOWN = 20  # people offered at once for a merge; more narrow the search


@dataclass(frozen=True)
class Filters:
    """The People page's search: text, circle, tag, verdict and relationship or connection."""

    q: str | None = None
    circle: str | None = None
    tag: str | None = None
    verdict: str | None = None
    tie: str | None = None
    page: int = 1


def is_relationship(history: Sequence[Interaction]) -> bool:
    """At least one two-way interaction; otherwise a connection (docs/product.md, Vocabulary)."""
    return any(i.is_two_way for i in history)


def today(
    db: Database, now: datetime, dormancy: int, every_ask: bool = False, every_date: bool = False
) -> dict:
    """Who to give to this week, who waits on you, your open asks, dates this week and
    check-ins due; without what was marked done or is snoozed (each item carries its key)."""
    day = now.date()
    hidden = reminder_states.hidden_keys(db, day)
    nurture = []
    done_this_week = sum(1 for key in hidden if key.startswith("give:"))
    for item in insights.nurture_list(db, now, NURTURE_SHOWN + done_this_week, dormancy):
        key = give_key(item["person"]["id"], day)
        if key not in hidden and len(nurture) < NURTURE_SHOWN:
            nurture.append({**item, "key": key})
    waiting, waiting_all = open_asks_shown(db, "they_asked", every_ask, waiting_hidden(hidden))
    asks, asks_all = open_asks_shown(db, "asked", every_ask, [])
    checkin_keys = {key for key in hidden if key.startswith("checkin:")}
    checkins, checkins_all = reminders.first_checkins(db, day, CHECKINS_SHOWN, checkin_keys)
    dates, dates_all = dates_shown(db, now.date(), every_date, hidden_dates(hidden))
    return {
        "nurture": nurture,
        "waiting": [{**item, "key": f"waiting:{item['id']}"} for item in waiting],
        "waiting_more": waiting_all - len(waiting),
        "asks": asks,
        "asks_more": asks_all - len(asks),
        "dates": dates,
        "dates_more": dates_all - len(dates),
        "checkins": checkins,
        "checkins_more": checkins_all - len(checkins),
    }


def waiting_hidden(hidden: set[str]) -> list[str]:
    """The ids of the asks waiting on you that were marked done or are snoozed."""
    return sorted(key.removeprefix("waiting:") for key in hidden if key.startswith("waiting:"))


def open_asks_shown(
    db: Database, kind: str, every_ask: bool, hidden_ids: list[str]
) -> tuple[list[dict], int]:
    """The open asks of a kind Today lists (the oldest ASKS_SHOWN, or every one), and how
    many there are in all, without the hidden ones."""
    if every_ask:
        found = [row for row in interactions.open_asks(db, kind) if row["id"] not in hidden_ids]
        return found, len(found)
    return interactions.first_open_asks(db, kind, ASKS_SHOWN, hidden_ids)


def dates_shown(
    db: Database, today: date, every_date: bool, hidden: set[tuple[str, str]]
) -> tuple[list[dict], int]:
    """The dates this week Today lists (the first DATES_SHOWN, or every one), soonest first,
    and how many there are in all, without the hidden ones: only the days they fall on are
    read whole."""
    per_day = coming_dates.per_day(db, today, THIS_WEEK_DAYS, hidden)
    through = None if every_date else day_of(per_day, DATES_SHOWN)
    found = [
        {
            "person_id": row["person_id"],
            "name": row["name"],
            "label": row["label"],
            "value": row["value"],
            "date": (when := date.fromisoformat(row["day"])),
            "key": date_key(row["id"], when),
        }
        for row in coming_dates.listed(db, today, THIS_WEEK_DAYS, hidden, through)
    ]
    return (found if every_date else found[:DATES_SHOWN]), sum(per_day.values())


def day_of(per_day: dict[date, int], nth: int) -> date | None:
    """The day the nth date falls on, counting day by day; None when there are fewer."""
    counted = 0
    for day in sorted(per_day):
        counted += per_day[day]
        if counted >= nth:
            return day
    return None


def people_listing(db: Database, filters: Filters, now: datetime, dormancy: int) -> dict:
    """One page of people matching the filters, each with verdict and tie, and the counts.

    Searching, the tie and the counts are SQL over everyone. A verdict is worked out per person
    from their summary (store/summaries.py, judged); only people with interactions can have
    any verdict other than connection_only, so the candidates are read in the names' order
    with their summaries in one statement, and only the page shown is loaded whole.
    """
    search = {"q": filters.q, "circle": filters.circle, "tag": filters.tag}
    relationships, connections = people.count_ties(db, **search)
    if filters.tie is not None:
        search["two_way"] = filters.tie == "relationship"
    truncated = False
    if filters.verdict in (None, "connection_only"):
        if filters.verdict == "connection_only":
            search["interacted"] = False
        _, matching = people.search(db, **search, limit=0)
        pages = max(1, -(-matching // PAGE_SIZE))
        page = min(filters.page, pages)
        found, _ = people.search(db, **search, limit=PAGE_SIZE, offset=(page - 1) * PAGE_SIZE)
        shown = described(db, found, now, dormancy)
    else:
        rows, total = summaries.searched(db, MAX_LISTED, **search)
        truncated = total > MAX_LISTED
        judged = summaries.judged(db, rows, now, dormancy)
        chosen = [row[0] for row in rows if judged[row[0]]["verdict"] == filters.verdict]
        matching = len(chosen)
        pages = max(1, -(-matching // PAGE_SIZE))
        page = min(filters.page, pages)
        shown_ids = chosen[(page - 1) * PAGE_SIZE : page * PAGE_SIZE]
        shown = [{**row, **judged[row["id"]]} for row in people.in_order(db, shown_ids)]
    return {
        "people": shown,
        "matching": matching,
        "page": page,
        "pages": pages,
        "counts": {"relationship": relationships, "connection": connections},
        "truncated": truncated,
        "max_listed": MAX_LISTED,
    }


def described(db: Database, found: list[dict], now: datetime, dormancy: int) -> list[dict]:
    """People with their verdict, tie and last contact, from their summaries."""
    judged = summaries.verdicts(db, [person["id"] for person in found], now, dormancy)
    return [{**person, **judged[person["id"]]} for person in found]


def filter_options(db: Database) -> dict[str, list[tuple[str, str]]]:
    """(value, label) choices for each of the People page's filters, in the product's order."""
    tags = people.all_tags(db)
    return {
        "circle": [(circle, circle) for circle in CIRCLES],
        "verdict": [(verdict, TITLES[verdict]) for verdict in VERDICTS if verdict != "stranger"],
        "tag": [(tag, tag) for tag in tags],
        "tie": [("relationship", "relationships"), ("connection", "connections")],
    }


def person_page(
    db: Database, person_id: int, now: datetime, dormancy: int, merge_q: str | None = None
) -> dict:
    """The card, the whole timeline, the ledger chart, and who matches a search for someone
    to merge with (a search, never a list of everyone: a network may hold tens of thousands)."""
    person = people.get(db, person_id)
    records = interactions.history(db, person_id)
    history = [interactions.as_core(record) for record in records]
    merge = {"q": merge_q, "people": [], "more": False}
    if merge_q:
        found, _ = people.search(db, q=merge_q, limit=MERGE_SHOWN + 2)  # perhaps themselves
        others = [other for other in found if other["id"] != person_id]
        merge.update(people=others[:MERGE_SHOWN], more=len(others) > MERGE_SHOWN)
    return {
        "person": person,
        "card": card.for_person(db, person, now, dormancy),
        "timeline": records,
        "facts": facts.for_person(db, person_id),
        "tie": "relationship" if is_relationship(history) else "connection",
        "chart": charts.ledger_over_time(history, now),
        "merge": merge,
        "suggested": card.suggested_profiles(db, person, profiles.seen_links(db, person_id)),
    }


def network(db: Database, now: datetime) -> dict:
    health = insights.network_health(db, now)
    return {"health": health, "chart": charts.monthly_bars(health["months"])}
