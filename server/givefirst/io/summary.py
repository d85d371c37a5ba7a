"""What an import or a merge did (or, in a dry run, would do), for the CLI and the dashboard."""

from collections import Counter
from dataclasses import dataclass, field

ACTIONS = ("created", "merged", "skipped")
SUBJECTS = ("person", "conversation", "message", "meeting", "interaction", "fact", "review")
WARNINGS_SHOWN = 5


@dataclass(slots=True)  # an import of 300,000 interactions holds as many
class Outcome:
    """What happened to one entry: created, merged into someone, or skipped, and why."""

    action: str  # created | merged | skipped
    subject: str  # person | conversation | interaction | fact
    line: int | None
    name: str
    reason: str  # short and shared by many entries, so the summary can count them
    detail: str = ""  # this entry's particulars: which profile or email matched, what was added


@dataclass
class Summary:
    source: str
    dry_run: bool
    outcomes: list[Outcome] = field(default_factory=list)
    reviews: int = 0  # sent messages that read like asks, waiting for the person to review
    warnings: list[str] = field(default_factory=list)
    action: str = "Imported"

    def subjects(self) -> list[str]:
        found = {o.subject for o in self.outcomes}
        return [s for s in SUBJECTS if s in found]

    def count(self, subject: str, action: str) -> int:
        return sum(1 for o in self.outcomes if o.subject == subject and o.action == action)

    def reasons(self, subject: str, action: str = "skipped") -> Counter:
        return Counter(
            o.reason for o in self.outcomes if o.subject == subject and o.action == action
        )

    def as_json(self) -> dict:
        """The figures a dashboard page shows."""
        subjects = self.subjects()
        return {
            "source": self.source,
            "dry_run": self.dry_run,
            "counts": {s: {a: self.count(s, a) for a in ACTIONS} for s in subjects},
            "skipped": {s: dict(self.reasons(s)) for s in subjects},
            "reviews": self.reviews,
            "warnings": self.warnings,
        }


def plural(count: int, word: str) -> str:
    if count == 1:
        return f"1 {word}"
    return f"{count} " + ("people" if word == "person" else word + "s")


def headline(summary: Summary) -> str:
    """One line: what was (or would be) created, merged and skipped, and why."""
    parts = []
    for subject in summary.subjects():
        created, merged = summary.count(subject, "created"), summary.count(subject, "merged")
        skipped = summary.reasons(subject)
        why = ", ".join(f"{n} {reason}" for reason, n in skipped.most_common())
        parts.append(
            f"{plural(created, subject)} created, {merged} merged, {sum(skipped.values())} skipped"
            + (f" ({why})" if why else "")
        )
    text = "; ".join(parts) or "nothing to import"
    prefix = "Dry run, nothing written" if summary.dry_run else summary.action
    return f"{prefix}: {summary.source}: {text}."


def report(summary: Summary, every_entry: bool) -> list[str]:
    """The lines the CLI prints: each entry in a dry run, then warnings and the headline."""
    lines = []
    if every_entry:
        verb = "would be " if summary.dry_run else ""
        for o in summary.outcomes:
            where = f"line {o.line}" if o.line else "-"
            because = o.reason + (f": {o.detail}" if o.detail else "")
            lines.append(f"{verb}{o.action:<8} {o.subject:<12} {where:<11} {o.name} — {because}")
    for warning in summary.warnings[:WARNINGS_SHOWN]:
        lines.append(f"note: {warning}")
    if len(summary.warnings) > WARNINGS_SHOWN:
        lines.append(f"note: … and {len(summary.warnings) - WARNINGS_SHOWN} more notes")
    if summary.reviews:
        lines.append(
            f"{plural(summary.reviews, 'sent message')} read like asks; nothing was logged as an "
            "ask. Review them with: givefirst review"
        )
    lines.append(headline(summary))
    return lines
