"""The relationship card: history, ledger, facts, changes and the nudge for one person.

The context API, person pages, the bookmarklet popup and the nurture list all show this card.
"""

from dataclasses import dataclass
from datetime import datetime

from sqlite_utils import Database

from givefirst import extract
from givefirst.core.ledger import ledger
from givefirst.core.nudge import Introduction, Subject, build_nudge
from givefirst.sites import NotAProfile, ProfileRef
from givefirst.store import emails as email_store
from givefirst.store import facts as fact_store
from givefirst.store import interactions, introductions, people, profiles, summaries

HISTORY_SHOWN = 20


def change_json(change) -> dict:
    return {
        "field": change.field,
        "old": change.old,
        "new": change.new,
        "seen_at": change.seen_at.isoformat(),
    }


def for_person(
    db: Database, person: dict, now: datetime, dormancy_days: int, activity: list | None = None
) -> dict:
    """Everything we know and suggest about one person (their `person` JSON already loaded)."""
    records = interactions.history(db, person["id"], limit=HISTORY_SHOWN)
    totals, recent = summaries.for_advice(db, person["id"], now)
    fact_records = fact_store.for_person(db, person["id"])
    changes = profiles.changes(db, person["id"], now)
    intros = [
        Introduction(r["person_id"], r["name"], r["shared"], r["value"], bool(r["same_company"]))
        for r in introductions.introductions(db, person["id"])
    ]
    subject = Subject(
        name=person["name"],
        known=True,
        history=recent,
        totals=totals,
        facts=[fact_store.as_core(f) for f in fact_records],
        changes=changes,
        how_met=person["how_met"],
        introductions=intros,
        activity=activity or [],
    )
    return {
        "person": person,
        "ledger": ledger(recent, now, totals),
        "history": [
            {k: r[k] for k in ("id", "kind", "summary", "occurred_at", "status", "weight")}
            for r in records
        ],
        "facts": [{k: f[k] for k in ("id", "label", "value", "date")} for f in fact_records],
        "changes": [change_json(c) for c in changes],
        "nudge": build_nudge(subject, now, dormancy_days),
    }


def for_stranger(profile: dict, now: datetime, dormancy_days: int) -> dict:
    """A page of someone not in the memory: nothing is stored, only the nudge to start well
    (from what the page itself shows, such as their recent posts)."""
    subject = Subject(name=profile.get("name"), known=False, activity=profile.get("activity") or [])
    return {
        "person": None,
        "ledger": ledger([], now),
        "history": [],
        "facts": [],
        "changes": [],
        "nudge": build_nudge(subject, now, dormancy_days),
    }


def suggested_profiles(db: Database, person: dict, links: list[dict]) -> list[dict]:
    """Profiles the page links to as the same person's, not yet linked to them. One that belongs
    to someone else is shown with its owner: linking it is the person's call (409), never ours."""
    owners = profiles.owners(db, [link["key"] for link in links])
    return [
        {**link, "belongs_to": owners.get(link["key"])}
        for link in links
        if owners.get(link["key"], {}).get("id") != person["id"]
    ]


@dataclass(frozen=True)
class SentPage:
    """What the caller sent of the page beside its URL, each already checked: its HTML, its title
    and the fields it read itself (hints only: never stored)."""

    html: str | None = None
    title: str | None = None
    fields: dict | None = None


def for_page(
    db: Database,
    ref: ProfileRef,
    now: datetime,
    dormancy_days: int,
    sent: SentPage | None = None,
    seen_later: profiles.SeenLater | None = None,
) -> dict:
    """The answer to "who is this page, and what is our relationship?".

    The page is parsed once; a stranger's page is read but nothing about them is stored.
    `seen_later` (the service's) writes a view that changed nothing else after the answer.
    """
    sent = sent or SentPage()
    reading = extract.read(ref, sent.html)
    profile = extract.profile_of(reading, sent.title, sent.fields)
    stored = profiles.find(db, profile["key"])
    if stored is None and profile["key"] != ref.key:  # linked under the URL's key before
        stored = profiles.find(db, ref.key)
    if stored is None:
        answer = for_stranger(profile, now, dormancy_days)
        namesakes = people.named(db, profile.get("name"))
        return {"profile": profile, **answer, "suggested_profiles": [], "namesakes": namesakes}
    if stored["key"] == ref.key:
        # Only a page whose own address is this profile may update what we remember of it, and
        # only with what its HTML shows: never with hints the caller sent, nor on a page that
        # merely claims to be someone (a fediverse account named in another site's tags).
        profiles.observe(db, stored, reading.fields, now, seen_later, profile["links"])
    person = people.get(db, stored["person_id"])
    answer = for_person(db, person, now, dormancy_days, profile["activity"])
    # A lookup without the page's HTML (the bookmarklet, a URL alone) offers what their pages
    # linked to when last read.
    links = profile["links"] or profiles.seen_links(db, person["id"])
    suggested = suggested_profiles(db, person, links)
    return {"profile": profile, **answer, "suggested_profiles": suggested, "namesakes": []}


def for_address(db: Database, url: str, now: datetime, dormancy_days: int) -> dict:
    """The card for an email address (`mailto:…`, as Gmail shows a sender or a recipient): the
    person it belongs to, else a stranger, of whom nothing is stored. Your own address is nobody's."""
    email = email_store.normalised(url)
    if email in email_store.mine(db):
        raise NotAProfile(f"{email} is one of your own addresses")
    profile = extract.empty_profile(ProfileRef(f"email:{email}", "email", f"mailto:{email}"))
    owner = email_store.owner(db, email)
    if owner is None:
        return {
            "profile": profile,
            **for_stranger(profile, now, dormancy_days),
            "suggested_profiles": [],
            "namesakes": [],
        }
    person = people.get(db, owner)
    profile["name"] = person["name"]
    answer = for_person(db, person, now, dormancy_days)
    return {"profile": profile, **answer, "suggested_profiles": [], "namesakes": []}
