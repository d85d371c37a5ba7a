"""Synthetic demo people, one for each verdict, so a newcomer sees the product work at once.

Every name and profile here is invented. Loading twice adds nothing new.
"""

from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.store import facts, interactions, people, profiles
from givefirst.store.connection import write

STRANGER_URL = "https://www.linkedin.com/in/demo-stranger-rosalind"

# (verdict shown, person, [(kind, summary, days ago, status, weight)], [(label, value, date)])
DEMO = [
    (
        "ready",
        {
            "name": "Ada Quill",
            "circle": "close",
            "how_met": "Climate meetup, Berlin 2023",
            "tags": ["climate", "python"],
            "profiles": [
                "https://www.linkedin.com/in/demo-ada-quill",
                "https://github.com/demo-ada-quill",
            ],
        },
        [
            ("gave", "Introduced her to a climate-tech investor", 300, None, 3),
            ("talked", "Coffee about her solar start-up", 200, None, 1),
            ("gave", "Reviewed her pitch deck", 120, None, 2),
            ("asked", "Asked for feedback on my talk", 90, "granted", 1),
            ("gave", "Shared a grant call that fits her project", 40, None, 1),
            ("talked", "Call about hiring her first engineer", 20, None, 1),
        ],
        [
            ("son", "Sam — not a daughter", None),
            ("runs", "marathons; Berlin in September", None),
            ("birthday", "send a note", "--{soon}"),
        ],
    ),
    (
        "give_first",
        {
            "name": "Grace Ferrow",
            "circle": "active",
            "how_met": "Worked together at Orbit",
            "tags": ["product"],
            "profiles": ["https://www.linkedin.com/in/demo-grace-ferrow"],
        },
        [
            ("talked", "Caught up at a conference", 100, None, 1),
            ("asked", "Asked her to review my CV", 60, "granted", 1),
            ("asked", "Asked for an intro to her manager", 30, "declined", 1),
        ],
        [("team", "leads the payments team", None)],
    ),
    (
        "give_space",
        {
            "name": "Alan Brightwater",
            "circle": "wider",
            "how_met": "Spoke at the same panel",
            "profiles": ["https://x.com/demo_alan_bw"],
        },
        [
            ("talked", "Panel dinner conversation", 150, None, 1),
            ("messaged", "Sent the panel recording", 70, None, 1),
            ("messaged", "Asked how his book is going", 45, None, 1),
            ("asked", "Asked if he'd blurb my article", 20, "open", 1),
        ],
        [],
    ),
    (
        "they_are_waiting",
        {
            "name": "Katherine Moss",
            "circle": "close",
            "how_met": "PyCon mentoring programme",
            "tags": ["climate", "mentoring"],
            "profiles": ["https://github.com/demo-katherine-moss"],
        },
        [
            ("gave", "Mentored her first conference talk", 200, None, 2),
            ("talked", "Call about her career move", 30, None, 1),
            ("they_asked", "Review my conference talk draft", 5, "open", 1),
        ],
        [("talk", "speaking at PyCon in May", None)],
    ),
    (
        "ask_pending",
        {
            "name": "Margaret Okafor",
            "circle": "active",
            "how_met": "Former colleague",
            "profiles": ["https://www.linkedin.com/in/demo-margaret-okafor"],
        },
        [
            ("gave", "Recommended her for a keynote", 150, None, 2),
            ("talked", "Lunch catch-up", 90, None, 1),
            ("asked", "Asked for an introduction to her CTO", 10, "open", 1),
        ],
        [],
    ),
    (
        "reconnect_first",
        {
            "name": "Linus Carver",
            "circle": "close",
            "how_met": "University flatmate",
            "tags": ["python"],
            "profiles": ["https://mastodon.social/@demo_linus"],
        },
        [
            ("talked", "Weekly calls while he moved to Oslo", 900, None, 1),
            ("gave", "Helped him prepare for interviews", 800, None, 3),
            ("received", "He introduced me to my first client", 700, None, 3),
            ("talked", "Dinner when he visited", 400, None, 1),
        ],
        [("partner", "Mira, a cellist", None)],
    ),
    (
        "connection_only",
        {
            "name": "Hedy Lindqvist",
            "circle": "acquaintance",
            "how_met": "LinkedIn connection since 2024-03-15",
            "profiles": ["https://www.linkedin.com/in/demo-hedy-lindqvist"],
        },
        [],
        [],
    ),
]
# The kinds of advice beyond the verdicts: a favour to return, a personal reconnect, a colleague
# whom an introduction by interest outranks, and a tie met last week.
ADVICE = [
    (
        "give_first",
        {
            "name": "Tomas Reyes",
            "circle": "active",
            "how_met": "Design sprint at Orbit",
            "tags": ["design"],
            "profiles": ["https://www.linkedin.com/in/demo-tomas-reyes"],
        },
        [
            ("gave", "Sent him a design systems talk", 600, None, 1),
            ("received", "Introduced me to my first design client", 420, None, 3),
            ("talked", "Caught up at a design meetup", 90, None, 1),
        ],
        [],
    ),
    (
        "reconnect_first",
        {
            "name": "Noor Haddad",
            "circle": "close",
            "how_met": "Ran the Lisbon Python meetup together",
            "profiles": ["https://bsky.app/profile/demo-noor.bsky.social"],
        },
        [
            ("talked", "Organised the meetup's first hack night", 800, None, 1),
            ("gave", "Found her a venue sponsor", 700, None, 2),
            ("talked", "Long lunch before her move to Porto", 650, None, 1),
            ("talked", "Call about her new team", 500, None, 1),
        ],
        [
            ("daughter", "Lena, started school last autumn", None),
            ("hobby", "restores old bicycles", None),
        ],
    ),
    (
        "ready",
        {
            "name": "Bruno Keller",
            "circle": "wider",
            "how_met": "Ada's colleague at Helio Grid",
            "tags": ["python"],
            "profiles": ["https://github.com/demo-bruno-keller"],
        },
        [
            ("talked", "Lunch with Ada's team", 40, None, 1),
            ("gave", "Sent him a grid-data library", 30, None, 1),
        ],
        [],
    ),
    (
        "give_first",
        {
            "name": "Wen Zhao",
            "circle": "wider",
            "how_met": "Met at the climate-tech meetup last week",
            "tags": ["climate"],
            "profiles": ["https://x.com/demo_wen_zhao"],
            "new": True,
        },
        [("talked", "Talked about grid batteries at the meetup", 6, None, 1)],
        [],
    ),
]
# Where people work, as their profile pages showed it: Ada and Bruno are colleagues.
COMPANIES = {
    "li:demo-ada-quill": "Helio Grid",
    "gh:demo-bruno-keller": "Helio Grid GmbH",
    "gh:demo-katherine-moss": "PyLadies Berlin",
}
NEW_PERSON_DAYS = 7  # Wen was added last week; everyone else long ago

# A change seen on Margaret's profile: the nudge turns it into "congratulate".
ROLE_CHANGE = ("li:demo-margaret-okafor", {"role": ["Staff Engineer", "VP Engineering"]}, 3)


def load(db: Database, now: datetime, advice: bool = False) -> list[dict]:
    """Add the demo people who are not there yet (with `advice`, also those who show each kind
    of advice); returns (name, url, expected verdict) rows."""
    shown = []
    soon = (now + timedelta(days=6)).strftime("%m-%d")
    for verdict, person, history, person_facts in DEMO + (ADVICE if advice else []):
        url = person["profiles"][0]
        shown.append({"name": person["name"], "url": url, "verdict": verdict})
        if profiles.find(db, people.ref_for(url).key):
            continue
        with write(db):
            added = NEW_PERSON_DAYS if person.get("new") else 1000
            fields = {k: v for k, v in person.items() if k != "new"}
            person_id = people.create(db, fields, now - timedelta(days=added))
            for kind, summary, days_ago, status, weight in history:
                interactions.create(
                    db,
                    person_id,
                    {
                        "kind": kind,
                        "summary": summary,
                        "status": status,
                        "weight": weight,
                        "occurred_at": iso(now - timedelta(days=days_ago)),
                    },
                    now,
                )
            for label, value, date in person_facts:
                fact = {"label": label, "value": value, "date": date and date.format(soon=soon)}
                facts.create(db, person_id, fact, now)
    with write(db):
        for key, company in COMPANIES.items():
            profiles.fill_company(db, key, company)
    key, change, days_ago = ROLE_CHANGE
    profiles.record_change(db, key, change, now - timedelta(days=days_ago))
    shown.append({"name": "(not in your memory)", "url": STRANGER_URL, "verdict": "stranger"})
    return shown
