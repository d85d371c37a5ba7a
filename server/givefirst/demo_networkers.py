"""Synthetic years that show each kind of networker on the Network health page.

`givefirst demo --networker KIND` loads one into a database of its own: every name is invented,
and the year is built backwards from today so the page always shows it.
"""

from datetime import datetime, timedelta

from sqlite_utils import Database

from givefirst.clock import iso
from givefirst.store import interactions, people
from givefirst.store.connection import write

# kind → [(person, [(interaction kind, days ago, status)])]
YEARS = {
    "not_enough_history": [
        ("Demo Newcomer Ines", [("talked", 12, None), ("gave", 5, None)]),
        ("Demo Newcomer Ravi", [("talked", 3, None)]),
    ],
    "rarely": [
        ("Demo Quiet Anna", [("talked", 320, None), ("gave", 200, None)]),
        ("Demo Quiet Bo", [("talked", 150, None), ("messaged", 90, None), ("messaged", 60, None)]),
        ("Demo Quiet Cy", [("they_asked", 40, "declined"), ("talked", 30, None)]),
    ],
    # Silent for ten months, then a layoff and an ask to everyone within a few weeks.
    "only_when_needed": [
        (
            f"Demo Former Colleague {n}",
            [("talked", 400 + 10 * n, None), ("asked", 8 + 6 * n, "open" if n % 2 else "granted")],
        )
        for n in range(1, 9)
    ],
    # Gives spread over the months, conversations between, and fewer asks than gives.
    "always": [
        ("Demo Friend Dana", [("gave", d, None) for d in range(6, 360, 29)]),
        ("Demo Friend Eli", [("talked", d, None) for d in range(12, 360, 45)]),
        ("Demo Friend Fay", [("gave", 100, None), ("asked", 60, "granted"), ("talked", 20, None)]),
    ],
}


def load(db: Database, kind: str, now: datetime) -> list[str]:
    """Add the invented people of one kind's year (none twice); returns their names."""
    names = []
    with write(db):
        known = people.all_names(db)
        for name, history in YEARS[kind]:
            names.append(name)
            if name in known:
                continue
            person_id = people.create(db, {"name": name}, now - timedelta(days=500))
            for what, days_ago, status in history:
                interactions.create(
                    db,
                    person_id,
                    {
                        "kind": what,
                        "summary": f"Demo {what.replace('_', ' ')}",
                        "status": status,
                        "occurred_at": iso(now - timedelta(days=days_ago)),
                    },
                    now,
                )
    return names
