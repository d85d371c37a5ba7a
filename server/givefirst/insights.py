"""Whole-network views: the nurture list, network health and the ask check."""

from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst import card
from givefirst.clock import from_db
from givefirst.core import askcheck, network, nurture
from givefirst.errors import Invalid
from givefirst.sites import InvalidUrl, NotAProfile, canonicalise
from givefirst.store import facts, interactions, people, profiles


def nurture_list(db: Database, now: datetime, limit: int, dormancy_days: int) -> list[dict]:
    """Ranked people to give to now, each with why, one suggestion and the full nudge."""
    histories = interactions.all_by_person(db)
    dated_facts = {
        pid: [f for f in found if f.date] for pid, found in facts.all_by_person(db).items()
    }  # only dates give a reason to reach out; the card below shows every fact
    changes = profiles.all_changes(db, now - timedelta(days=nurture.NEWS_DAYS))
    candidates = (
        nurture.Candidate(
            id=row["id"],
            name=row["name"],
            circle=row["circle"],
            created_at=from_db(row["created_at"]),
            how_met=row["how_met"],
            history=histories.get(row["id"], ()),
            facts=dated_facts.get(row["id"], ()),
            changes=changes.get(row["id"], ()),
        )  # fmt: skip
        for row in db.query("SELECT id, name, circle, created_at, how_met FROM people")
        if row["circle"] != "acquaintance"
        or row["id"] in histories
        or row["id"] in dated_facts
        or row["id"] in changes
    )
    picks = nurture.rank(candidates, now, limit, dormancy_days)
    found = []
    for pick in picks:
        # The same card the profile page shows, so the nurture list never disagrees with it.
        details = card.for_person(db, people.get(db, pick.candidate.id), now, dormancy_days)
        found.append(
            {"person": details["person"], "reason": pick.reason, "why": pick.why,
             "score": pick.score, "suggestion": details["nudge"]["suggestions"][0],
             "nudge": details["nudge"]}
        )  # fmt: skip
    return found


def network_health(db: Database, now: datetime) -> dict:
    circles = {row["id"]: row["circle"] for row in db.query("SELECT id, circle FROM people")}
    return network.health(interactions.all_by_person(db), circles, now)


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
            nudge = card.context(db, ref, {}, now, dormancy_days)["nudge"]
    return {"is_ask": found.is_ask, "ask_kind": found.ask_kind, "phrase": found.phrase,
            "nudge": nudge}  # fmt: skip
