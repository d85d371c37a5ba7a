"""Synthetic import files of any size, for the readers' linearity tests and their benchmark.

Made-up people only. Each writer takes a size `n` (folded lines, rows, messages or people) so
a test or benchmark can compare the time of n against the time of 4n.
"""

import json
from pathlib import Path

FOLD = "x" * 74


def folded_vcard(path: Path, n: int) -> Path:
    """One card whose NOTE is folded over `n` continuation lines (RFC 6350 3.2)."""
    note = "\r\n ".join([FOLD] * n)
    path.write_text(f"BEGIN:VCARD\r\nVERSION:3.0\r\nFN:Ada Quill\r\nX-LONG:{note}\r\nEND:VCARD\r\n")
    return path


def google_csv(path: Path, n: int) -> Path:
    rows = ["First Name,Last Name,Labels,E-mail 1 - Value,Notes"]
    rows += [f"Ada{i},Quill,Work ::: * myContacts,ada{i}@example.com,note {i}" for i in range(n)]
    path.write_text("\r\n".join(rows) + "\r\n")
    return path


def linkedin_messages(path: Path, n: int) -> Path:
    """`n` messages over n / 4 one-to-one conversations, all with the same owner."""
    me = "https://www.linkedin.com/in/sam-owner-synthetic"
    rows = ["CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT"]
    for i in range(n):
        other = f"https://www.linkedin.com/in/person-{i // 4}-synthetic"
        sender, recipient = (me, other) if i % 2 else (other, me)
        day = 1 + i % 28
        rows.append(
            f"conv-{i // 4},Someone,{sender},Someone,{recipient},"
            f"2024-03-{day:02d} 10:00:00 UTC,Hello number {i}"
        )
    path.write_text("\n".join(rows) + "\n")
    return path


def json_document(path: Path, n: int) -> Path:
    people = [
        {
            "id": i + 1,
            "uuid": f"00000000-0000-4000-8000-{i + 1:012d}",
            "name": f"Ada Quill {i}",
            "circle": "wider",
            "how_met": None,
            "notes": None,
            "created_at": "2026-01-01T00:00:00+00:00",
            "updated_at": "2026-01-01T00:00:00+00:00",
            "tags": ["climate"],
            "emails": [f"ada{i}@example.com"],
            "sources": [],
            "profiles": [],
            "interactions": [],
            "facts": [],
            "ask_reviews": [],
        }
        for i in range(n)
    ]
    document = {"format": "givefirst", "version": 1, "people": people}
    path.write_text(json.dumps(document))
    return path
