"""Short messages to edit and send yourself, written from what the memory really holds.

Each draft says only what is known (the role, the date, the fact, the post); where only the
person knows the rest ("how it turned out"), a bracketed gap asks them to fill it in.
givefirst never sends anything.
"""

from datetime import date, datetime

from givefirst.core.dates import short_day
from givefirst.core.vocabulary import Fact, Interaction

SIGN_OFF = "Best,\n[your name]"


def month_year(moment: datetime | date) -> str:
    return moment.strftime("%B %Y")


def congratulation(first: str, news: str) -> str:
    return (
        f"Hi {first},\n\nI just saw the news: {news}. Congratulations! What are you most "
        f"looking forward to?\n\nIf there is anything I can do to help as you settle in, "
        f"tell me.\n\n{SIGN_OFF}"
    )


def reconnect(first: str, last_contact: datetime | None, facts: list[Fact], how_met: str | None):
    """A reconnect with no ask: substantive and personal after a long gap."""
    since = f" since {month_year(last_contact)}" if last_contact else ""
    lines = [f"Hi {first},", "", f"It has been far too long{since}, and I was thinking of you."]
    if facts:
        remembered = "; ".join(f"{f.label}: {f.value}" for f in facts[:2])
        lines.append(f"Last I knew — {remembered} — how is all that going?")
    elif how_met:
        lines.append(f"I still remember how we met ({how_met}). How are you doing these days?")
    else:
        lines.append("How are you doing these days?")
    lines += ["", "No agenda at all: I'd just love to hear your news.", "", SIGN_OFF]
    return "\n".join(lines)


def thanks_with_update(first: str, favour: Interaction) -> str:
    """A thank-you that tells them how the thing they helped with turned out."""
    return (
        f"Hi {first},\n\nI was thinking again about {favour.summary.rstrip('.')} "
        f"({month_year(favour.occurred_at)}) — thank you. Here is how it turned out: "
        f"[what came of it].\n\nIs there anything you are working on where I could help "
        f"in return?\n\n{SIGN_OFF}"
    )


def introduction(first: str, full_name: str, other: str, why: str) -> str:
    """An email to both people: who each is and why they should talk."""
    other_first = other.split()[0] if other.split() else other
    return (
        f"Subject: Introduction: {full_name} ↔ {other}\n\n"
        f"Hi {first} and {other_first},\n\n"
        f"I'd like to introduce you two: {why}, and I think you would enjoy comparing notes.\n"
        f"{first}: [a line about {other_first}].\n{other_first}: [a line about {first}].\n\n"
        f"I'll leave it to you from here.\n\n{SIGN_OFF}"
    )


def reply_to_post(first: str, title: str, when: date, known: bool) -> str:
    hello = f"Hi {first},\n\n"
    intro = "" if known else "We haven't met yet — "
    return (
        f"{hello}{intro}I read your post “{title}” ({short_day(when)}). "
        f"[One specific thing it made you think of.]\n\n{SIGN_OFF}"
    )


def hiring_referral(first: str, title: str, when: date) -> str:
    return (
        f"Hi {first},\n\nI saw your post “{title}” ({short_day(when)}). I know someone who "
        f"might fit: [name, and why]. Would an introduction help?\n\n{SIGN_OFF}"
    )


def date_note(first: str, fact: Fact, when: date) -> str:
    if "birth" in fact.label.lower():
        return f"Happy birthday, {first}! I hope it is a wonderful day.\n\n{SIGN_OFF}"
    return (
        f"Hi {first},\n\nI remembered your {fact.label} on {short_day(when)} "
        f"({fact.value}) — thinking of you, and wishing you the best with it.\n\n{SIGN_OFF}"
    )


def follow_up(first: str, conversation: Interaction) -> str:
    """A first follow-up: what you talked about, and something useful."""
    return (
        f"Hi {first},\n\nGood to meet you on {short_day(conversation.occurred_at.date())} — I "
        f"enjoyed our conversation ({conversation.summary.rstrip('.')}). As promised, here is "
        f"[the link, the name or the thought you mentioned].\n\n{SIGN_OFF}"
    )
