"""Concrete ways to give, best first, and what to remember about someone."""

from dataclasses import replace
from datetime import date, datetime, timedelta
from typing import TYPE_CHECKING

from givefirst.core import drafts, news
from givefirst.core.dates import fact_day, short_day
from givefirst.core.ledger import totals_of, unreturned_favour
from givefirst.core.posts import post_suggestions
from givefirst.core.vocabulary import Change, Fact

if TYPE_CHECKING:
    from givefirst.core.nudge import Subject

DATE_WINDOW_DAYS = 14
RECURRING_LABELS = ("birth", "anniversar")
QUIET_DAYS = 90  # a tie this quiet deserves a personal reconnect, not a ping
FAVOUR = (
    "share",
    "Share an article, tool or event useful to their work, with a line on why you thought of them.",
)
# Best first: what they are waiting for and what you owe, then what is timely, then the rest.
ORDER = (
    "help_their_ask",
    "return_favour",
    "date",
    "congratulate",
    "follow_up",
    "reconnect",
    "hiring",
    "react",
    "introduce",
    "news",
)
NEW_TIE_DAYS = 28  # a tie's first weeks decide whether it lasts


def first_of(name: str | None) -> str:
    return name.split()[0] if name and name.split() else "them"


def ways_to_give(subject: "Subject", verdict: str, now: datetime) -> list[dict]:
    """Concrete ways to give, best first: the specifics the memory and the page hold, ranked;
    one five-minute favour only when there is nothing specific. The first carries a draft."""
    name = first_of(subject.name)
    subject = replace(subject, totals=totals_of(subject, now))  # worked out once for all below
    if verdict == "give_space":
        return space_suggestions(name)
    found = [
        *their_asks(subject, name),
        *returning_favour(subject, name, now),
        *date_suggestions(subject, name, now),
        *change_suggestions(subject, name),
        *follow_up(subject, name, now),
        *reconnect_suggestions(subject, name, verdict, now),
        *post_suggestions(subject, name, now),
        *intro_suggestions(subject, name),
    ]
    found.sort(key=lambda item: ORDER.index(item["kind"]))
    if verdict == "stranger":
        posts = [s for s in found if s["kind"] in ("hiring", "react")]
        found = [*posts, introduce_yourself(), *[s for s in found if s not in posts]]
    elif not found:
        found = [{"kind": FAVOUR[0], "text": FAVOUR[1]}]
    for later in found[1:]:
        later.pop("draft", None)  # a draft for the first only: one thing to do now
    return found


def introduce_yourself() -> dict:
    return {
        "kind": "introduce_yourself",
        "text": "Introduce yourself with something useful to "
        "them, and no ask. Then remember them here with how you found them.",
    }


def space_suggestions(name: str) -> list[dict]:
    """Under give_space: wait, or give in a way that asks for nothing back. Never a message."""
    return [
        {
            "kind": "wait",
            "text": f"Send {name} nothing new for a few weeks: your last messages "
            "are still unanswered.",
        },
        {
            "kind": "give_without_reply",
            "text": f"If you want to give meanwhile, make it public "
            f"and needing no reply: endorse a skill of {name}'s or recommend their work, and send "
            "no message.",
        },
    ]


def their_asks(subject: "Subject", name: str) -> list[dict]:
    return [
        {
            "kind": "help_their_ask",
            "text": f"Help with what {name} asked on "
            f"{short_day(item.occurred_at.date())}: “{item.summary}”.",
        }
        for item in sorted(subject.history, key=lambda i: i.occurred_at)
        if item.kind == "they_asked" and item.status == "open"
    ]


def returning_favour(subject: "Subject", name: str, now: datetime) -> list[dict]:
    favour = unreturned_favour(subject.history)
    if favour is None:
        return []
    return [
        {
            "kind": "return_favour",
            "text": f"Return the favour: {name} helped you on "
            f"{short_day(favour.occurred_at.date())} ({ago(favour.occurred_at, now)}): "
            f"“{favour.summary}”, and you have given nothing back since. Tell {name} how it turned "
            "out, and look for a way to help them.",
            "draft": drafts.thanks_with_update(name, favour),
        }
    ]


def date_suggestions(subject: "Subject", name: str, now: datetime) -> list[dict]:
    found = []
    for fact, when in upcoming_dates(subject.facts, now):
        days = (when - now.date()).days
        in_days = "today" if days == 0 else f"in {days} day" + ("" if days == 1 else "s")
        found.append(
            {
                "kind": "date",
                "text": f"{fact.label.capitalize()} on {short_day(when)} "
                f"({in_days}): send {name} a personal note.",
                "draft": drafts.date_note(name, fact, when),
            }
        )
    return found


def reconnect_suggestions(subject: "Subject", name: str, verdict: str, now: datetime) -> list:
    """After a long quiet, a personal reconnect from what you remember about them."""
    if verdict in ("stranger", "connection_only"):
        return []
    last = subject.totals.last_two_way
    if verdict != "reconnect_first" and (last is None or now - last <= timedelta(QUIET_DAYS)):
        return []
    personal = [f for f in subject.facts if f.value]
    since = f"since {short_day(last.date())} ({ago(last, now)})" if last else "in a long time"
    if personal:
        about = "; ".join(f"{f.label}: {f.value}" for f in personal[:2])
        how = f"ask about what you know of them ({about})"
    elif subject.how_met:
        how = f"recall how you met ({subject.how_met}) and ask how they are"
    else:
        how = "ask how they are and what they are working on"
    return [
        {
            "kind": "reconnect",
            "text": f"Reconnect with {name}, with no ask: you have not talked "
            f"{since}. Write something personal: {how}.",
            "draft": drafts.reconnect(name, last, personal, subject.how_met),
        }
    ]


def follow_up(subject: "Subject", name: str, now: datetime) -> list[dict]:
    """Someone you noted meeting, with one recent conversation so far: follow up while new."""
    talks = [i for i in subject.history if i.is_two_way]  # the one there is, when there is one
    if (
        not subject.how_met
        or subject.totals.two_way != 1
        or now - talks[0].occurred_at > timedelta(NEW_TIE_DAYS)
    ):
        return []
    first = talks[0]
    return [
        {
            "kind": "follow_up",
            "text": f"Follow up with {name} while the tie is new: you met on "
            f"{short_day(first.occurred_at.date())} ({subject.how_met}; “{first.summary}”). Send "
            "what you talked about, or something useful to them.",
            "draft": drafts.follow_up(name, first),
        }
    ]


def intro_suggestions(subject: "Subject", name: str) -> list[dict]:
    """Introductions across companies by a shared interest first: colleagues at the same
    company usually know each other already."""
    ranked = sorted(subject.introductions, key=lambda i: (i.same_company, i.shared != "tag"))
    found = []
    for intro in ranked[:2]:
        if intro.shared == "tag":
            why, reason = f"both tagged “{intro.value}”", f"you both care about {intro.value}"
        else:
            why, reason = f"both at {intro.value}", f"you both work at {intro.value}"
        found.append(
            {
                "kind": "introduce",
                "text": f"Introduce {name} to {intro.name} ({why}): "
                "an introduction is the best gift.",
                "person_id": intro.person_id,
                "draft": drafts.introduction(name, subject.name or name, intro.name, reason),
            }
        )
    return found


def change_suggestions(subject: "Subject", name: str) -> list[dict]:
    """One congratulation for the newest change of role or company, and one note for the newest
    move; none for news you have already given something for since."""
    found: list[dict] = []
    newest = sorted(subject.changes, key=lambda c: c.seen_at, reverse=True)
    for fields in (news.NEWS_FIELDS, ("location",)):
        latest = next((c for c in newest if c.field in fields and c.new), None)
        if latest is None or given_since(subject, latest.seen_at):
            continue
        together = {c.field: c for c in newest if c.seen_at == latest.seen_at and c.new}
        item = change_suggestion(together, name)
        if item:
            found.append(item)
    return found


def given_since(subject: "Subject", moment: datetime) -> bool:
    last_gave = subject.totals.last_gave
    return last_gave is not None and last_gave >= moment


def change_suggestion(fields: dict[str, Change], name: str) -> dict | None:
    """The news in one snapshot of a profile, as a way to give."""
    role, company = fields.get("role"), fields.get("company")
    if role and company:
        was = " at ".join(v for v in (role.old, company.old) if v) or "unknown"
        now_is = f"{role.new} at {company.new}"
        text = f"Congratulate {name} on the new role: {now_is} (was {was})."
        news_text = f"your new role as {now_is}"
    elif role:
        text = f"Congratulate {name} on the new role: {role.new} (was {role.old or 'unknown'})."
        news_text = f"your new role as {role.new}"
    elif company:
        text = f"Congratulate {name} on the move to {company.new} (was {company.old or 'unknown'})."
        news_text = f"your move to {company.new}"
    else:
        moved = fields.get("location")
        return moved and {
            "kind": "news",
            "text": f"Ask {name} how the move to {moved.new} is "
            f"going (was {moved.old or 'unknown'}).",
        }
    return {"kind": "congratulate", "text": text, "draft": drafts.congratulation(name, news_text)}


def ago(moment: datetime, now: datetime) -> str:
    """'3 days ago', '5 weeks ago', '14 months ago', '2 years ago'."""
    days = max((now - moment).days, 0)
    if days < 14:
        return "today" if days == 0 else f"{days} day{'s' if days > 1 else ''} ago"
    if days < 60:
        return f"{days // 7} weeks ago"
    if days < 730:
        return f"{days // 30} months ago"
    return f"{days // 365} years ago"


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


def soon_day_keys(now: datetime) -> list[str]:
    """The MM-DD endings a fact's date may have to fall within upcoming_dates' window."""
    return day_keys(now.date(), DATE_WINDOW_DAYS + 1)


def day_keys(first: date, days: int) -> list[str]:
    """The MM-DD endings of the dates that may next occur within `days` days from `first`: a
    superset for narrowing in SQL (29 February counts as the 28th in a common year)."""
    keys = [(first + timedelta(days=n)).strftime("%m-%d") for n in range(days)]
    return keys + (["02-29"] if "02-28" in keys and "02-29" not in keys else [])


def remember(subject: "Subject") -> list[str]:
    """What to remember and ask about: the facts, then how you met."""
    lines = []
    for fact in subject.facts:
        when = f" ({fact_day(fact.date)})" if fact.date else ""
        lines.append(f"{fact.label}: {fact.value}{when}")
    if subject.how_met:
        lines.append(f"How you met: {subject.how_met}")
    return lines
