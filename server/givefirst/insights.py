"""Whole-network views: the nurture list, network health and the ask check."""

import itertools
from dataclasses import replace
from datetime import datetime, timedelta
from functools import partial

from sqlite_utils import Database

from givefirst import card
from givefirst.clock import from_db
from givefirst.core import askcheck, network, nurture
from givefirst.core.suggestions import soon_day_keys
from givefirst.errors import Invalid
from givefirst.sites import InvalidUrl, NotAProfile, canonicalise
from givefirst.store import facts, nurture_bounds, people, profiles, summaries
from givefirst.store import network as network_store

MIN_BATCH = 10  # people whose whole histories are read at a time (at least), best bound first


def nurture_list(db: Database, now: datetime, limit: int, dormancy_days: int) -> list[dict]:
    """Ranked people to give to now, each with why, one suggestion and the full nudge."""
    picks = ranked_picks(db, now, limit, dormancy_days)
    found = []
    for pick in picks:
        # The same card the profile page shows, so the nurture list never disagrees with it.
        details = card.for_person(db, people.get(db, pick.candidate.id), now, dormancy_days)
        found.append(
            {
                "person": details["person"],
                "reason": pick.reason,
                "why": pick.why,
                "score": pick.score,
                "suggestion": details["nudge"]["suggestions"][0],
                "nudge": details["nudge"],
            }
        )
    return found


def ranked_picks(db: Database, now: datetime, limit: int, dormancy_days: int) -> list:
    """The best `limit` picks, reading histories only for the people whose summaries say
    they could still be among them: people are taken best bound first, and the search stops
    once the picks found so far beat every bound left (store/nurture_bounds.py)."""
    bounds = nurture_bounds.best_first(db, now, soon_day_keys(now))
    changes = profiles.all_changes(db, now - timedelta(days=nurture.NEWS_DAYS))
    picks: list = []
    size = max(limit, MIN_BATCH)  # often the first `limit` people are the picks
    while True:
        batch = [person_id for person_id, _ in itertools.islice(bounds, size)]
        if not batch:
            break
        candidates = candidates_of(db, batch, changes, now)
        picks = sorted(
            picks + nurture.rank(candidates, now, len(batch), dormancy_days),
            key=lambda pick: (-pick.score, pick.candidate.name.lower()),
        )
        following = bounds.ceiling()
        if following is None or (len(picks) >= limit and picks[limit - 1].score > following):
            break
    return picks[:limit]


def candidates_of(db: Database, person_ids: list[int], changes: dict, now: datetime) -> list:
    """These people as the ranking reads them: each one's summary and recent history."""
    advice = {pid: summaries.for_advice(db, pid, now) for pid in person_ids}
    dated = {
        pid: [f for f in found if f.date] for pid, found in facts.of_people(db, person_ids).items()
    }
    return [
        nurture.Candidate(
            id=row["id"],
            name=row["name"],
            circle=row["circle"],
            created_at=from_db(row["created_at"]),
            how_met=row["how_met"],
            history=advice[row["id"]][1],
            totals=advice[row["id"]][0],
            facts=dated.get(row["id"], ()),
            changes=changes.get(row["id"], ()),
        )
        for row in people.rows_of(db, person_ids)
    ]


def network_health(db: Database, now: datetime) -> dict:
    """The year's figures from the day counts the store keeps (store/network.py); the exact ask
    times only when the counts leave room for a burst of asks; the people in each circle and
    with a two-way interaction as counted by triggers too."""
    first_logged = network_store.first_logged(db, now)
    circles, relationships = network_store.people_counts(db)
    year = network.year_of_counts(network_store.year_counts(db, now), now, first_logged)
    if network.might_burst(network_store.asks_by_day(db, now), year.asks):
        asks = network_store.ask_times(db, now)
        burst = network.burst_of_asks(asks, partial(network_store.reached_out, db), now)
        year = replace(year, burst=burst)
    return network.report(year, circles, relationships, now)


def ask_check(db: Database, text: str, url: str | None, now: datetime, dormancy_days: int) -> dict:
    """Is this message an ask, and — if we know who it is for — have you given first?"""
    found = askcheck.check(text)
    nudge = None
    if isinstance(url, str) and url.strip().lower().startswith("mailto:"):
        try:
            nudge = card.for_address(db, url, now, dormancy_days)["nudge"]
        except NotAProfile:
            nudge = None  # writing to yourself: nobody to judge against
        url = None
    if url is not None:
        try:
            ref = canonicalise(url)
        except InvalidUrl as error:
            raise Invalid(str(error), code="invalid_url") from None
        except NotAProfile:
            ref = None  # a messaging page, say: no person to judge against
        if ref is not None:
            nudge = card.for_page(db, ref, now, dormancy_days)["nudge"]
    return {
        "is_ask": found.is_ask,
        "ask_kind": found.ask_kind,
        "phrase": found.phrase,
        "nudge": nudge,
    }
