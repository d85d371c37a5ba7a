"""Concrete ways to give, best first, and what to remember about someone."""

from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from givefirst.core.vocabulary import Change, Fact

if TYPE_CHECKING:
    from givefirst.core.nudge import Subject

DATE_WINDOW_DAYS = 14
RECURRING_LABELS = ("birth", "anniversar")
FIVE_MINUTE_FAVOURS = (
    ("share", "Share an article, tool or event useful to their work, with a line on why you "
     "thought of them."),
    ("endorse", "Endorse a skill you have seen them use, or recommend their work publicly."),
    ("appreciate", "Tell them something specific you appreciated in their recent work."),
)  # fmt: skip


def ways_to_give(subject: "Subject", verdict: str, now: datetime) -> list[dict]:
    """Suggestions from their open asks, news, dates, activity, introductions, then favours."""
    name = subject.name.split()[0] if subject.name and subject.name.split() else "them"
    items: list[dict] = []
    if verdict == "stranger":
        items.append(
            {"kind": "introduce_yourself", "text": "Introduce yourself with something useful "
             "to them, and no ask. Then remember them here with how you found them."}
        )  # fmt: skip
    if verdict == "give_space":
        items.append(
            {"kind": "wait", "text": "Send nothing new for a few weeks; if you write again, "
             "make it a give that needs no reply."}
        )  # fmt: skip
    for item in sorted(subject.history, key=lambda i: i.occurred_at):
        if item.kind == "they_asked" and item.status == "open":
            items.append(
                {"kind": "help_their_ask", "text": f"Help with what {name} asked on "
                 f"{item.occurred_at.date().isoformat()}: “{item.summary}”."}
            )  # fmt: skip
    items += change_suggestions(subject, name)
    for fact, when in upcoming_dates(subject.facts, now):
        days = (when - now.date()).days
        in_days = "today" if days == 0 else f"in {days} day" + ("" if days == 1 else "s")
        items.append(
            {"kind": "date", "text": f"{fact.label.capitalize()} on {when.isoformat()} "
             f"({in_days}): send {name} a personal note."}
        )  # fmt: skip
    for post in list(subject.activity)[:2]:
        if post.get("title"):
            items.append(
                {"kind": "react", "text": f"Respond thoughtfully to {name}'s recent post "
                 f"“{post['title']}”."}
            )  # fmt: skip
    for intro in subject.introductions[:2]:
        why = f"both tagged “{intro.value}”" if intro.shared == "tag" else f"both at {intro.value}"
        items.append(
            {"kind": "introduce", "text": f"Introduce {name} to {intro.name} ({why}): "
             "an introduction is the best gift.", "person_id": intro.person_id}
        )  # fmt: skip
    items += [{"kind": kind, "text": text} for kind, text in FIVE_MINUTE_FAVOURS]
    return items


def change_suggestions(subject: "Subject", name: str) -> list[dict]:
    """One suggestion per profile change seen (role and company changes seen together are one
    piece of news), newest first; none for a change you have already given something since."""
    seen: dict[datetime, dict[str, Change]] = {}
    for change in sorted(subject.changes, key=lambda c: c.seen_at, reverse=True):
        seen.setdefault(change.seen_at, {}).setdefault(change.field, change)
    items: list[dict] = []
    for seen_at, fields in seen.items():
        acted = any(i.kind == "gave" and i.occurred_at >= seen_at for i in subject.history)
        item = None if acted else change_suggestion(fields, name)
        if item and item not in items:
            items.append(item)
    return items


def change_suggestion(fields: dict[str, Change], name: str) -> dict | None:
    """The news in one snapshot of a profile, as a way to give."""
    role, company = fields.get("role"), fields.get("company")
    if role and role.new and company and company.new:
        was = " at ".join(v for v in (role.old, company.old) if v) or "unknown"
        return {"kind": "congratulate", "text": f"Congratulate {name} on the new role: "
                f"{role.new} at {company.new} (was {was})."}  # fmt: skip
    if role and role.new:
        return {"kind": "congratulate", "text": f"Congratulate {name} on the new role: "
                f"{role.new} (was {role.old or 'unknown'})."}  # fmt: skip
    if company and company.new:
        return {"kind": "congratulate", "text": f"Congratulate {name} on the move to "
                f"{company.new} (was {company.old or 'unknown'})."}  # fmt: skip
    headline = fields.get("headline")
    if headline and headline.new:
        return {"kind": "congratulate", "text": f"Congratulate {name} on the news on their "
                f"profile: now “{headline.new}” (was “{headline.old or 'unknown'}”)."}  # fmt: skip
    location = fields.get("location")
    if location and location.new:
        return {"kind": "news", "text": f"Ask {name} how the move to {location.new} is going "
                f"(was {location.old or 'unknown'})."}  # fmt: skip
    return None


def next_occurrence(fact: Fact, today: date) -> date | None:
    """The fact's next date on or after today: yearly for birthdays and yearless dates."""
    text = fact.date
    if not text:
        return None
    try:
        if text.startswith("--"):
            month, dom = int(text[2:4]), int(text[5:7])
            return yearly(month, dom, today)
        fixed = date.fromisoformat(text)
    except ValueError:
        return None
    if any(word in fact.label.lower() for word in RECURRING_LABELS):
        return yearly(fixed.month, fixed.day, today)
    return fixed if fixed >= today else None


def yearly(month: int, dom: int, today: date) -> date:
    for year in (today.year, today.year + 1):
        try:
            candidate = date(year, month, dom)
        except ValueError:  # 29 February in a common year: the 28th
            candidate = date(year, month, dom - 1)
        if candidate >= today:
            return candidate
    raise AssertionError("unreachable: next year always qualifies")


def upcoming_dates(facts, now: datetime) -> list[tuple[Fact, date]]:
    """Facts whose date falls within the next 14 days, soonest first."""
    today = now.date()
    horizon = today + timedelta(days=DATE_WINDOW_DAYS)
    found = [(fact, when) for fact in facts if (when := next_occurrence(fact, today))]
    return sorted(((f, w) for f, w in found if w <= horizon), key=lambda pair: pair[1])


def remember(subject: "Subject") -> list[str]:
    """What to remember and ask about: the facts, then how you met."""
    lines = []
    for fact in subject.facts:
        when = f" ({fact.date})" if fact.date else ""
        lines.append(f"{fact.label}: {fact.value}{when}")
    if subject.how_met:
        lines.append(f"How you met: {subject.how_met}")
    return lines
