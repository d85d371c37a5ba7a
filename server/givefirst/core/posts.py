"""Posts a profile page shows, as ways to give: only recent ones, each with its date.

A reply to what someone just wrote is an acknowledgement, and acknowledging people is a give;
a post months old is not "recent", and an undated one cannot be called recent at all.
"""

import re
from datetime import UTC, date, datetime, timedelta
from typing import TYPE_CHECKING

from givefirst.core import drafts
from givefirst.core.dates import short_day

if TYPE_CHECKING:
    from givefirst.core.nudge import Subject

RECENT_DAYS = 30
SHOWN = 2
HIRING = re.compile(
    r"\b(?:we(?:'|’)?re hiring|we are hiring|is hiring|now hiring|hiring (?:a|an|for|our)\b"
    r"|join (?:our|my) team|open (?:role|position)s?|job opening)",
    re.IGNORECASE,
)
TALK = re.compile(
    r"\b(?:talk|keynote|conference|speaking|spoke|slides|panel|webinar|meetup|podcast)\b",
    re.IGNORECASE,
)


def posted_on(value: object) -> date | None:
    """The day a post's date names: ISO dates and times, with or without a zone."""
    if not isinstance(value, str) or len(value) < 10:
        return None
    text = value.strip().replace("Z", "+00:00")
    try:
        moment = datetime.fromisoformat(text)
    except ValueError:
        try:
            return date.fromisoformat(text[:10])
        except ValueError:
            return None
    if moment.tzinfo is not None:
        moment = moment.astimezone(UTC)
    return moment.date()


def recent_posts(activity, now: datetime) -> list[tuple[dict, date]]:
    """Posts dated within the last month (none from the future), newest first."""
    today = now.astimezone(UTC).date()
    found = []
    for post in activity:
        when = posted_on(post.get("date")) if isinstance(post, dict) else None
        if post.get("title") and when and today - timedelta(RECENT_DAYS) <= when <= today:
            found.append((post, when))
    return sorted(found, key=lambda pair: pair[1], reverse=True)


def post_suggestions(subject: "Subject", name: str, now: datetime) -> list[dict]:
    """A hiring post is a chance to refer someone; any other recent post, a thoughtful reply."""
    found = []
    for post, when in recent_posts(subject.activity, now)[:SHOWN]:
        title = post["title"]
        if HIRING.search(title):
            found.append(
                {
                    "kind": "hiring",
                    "text": f"{name} is hiring (“{title}”, posted "
                    f"{short_day(when)}): pass it to someone who fits, and tell {name} who.",
                    "draft": drafts.hiring_referral(name, title, when),
                }
            )
        else:
            what = (
                "watch or read it, and tell them one thing you took from it"
                if TALK.search(title)
                else "say one specific thing it made you think"
            )
            found.append(
                {
                    "kind": "react",
                    "text": f"Respond thoughtfully to {name}'s post “{title}” "
                    f"({short_day(when)}): {what}.",
                    "draft": drafts.reply_to_post(name, title, when, subject.known),
                }
            )
    return found
