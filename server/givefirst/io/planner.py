"""Planning what an import or a merge writes: the rules both follow, in one place.

`Known` holds what the database already knows, read once (store/known.py), and keeps it current
as the plan grows, so the tenth entry sees what the first added. It decides who an entry is
(the same profile key, then the same email, then the same entry of an earlier import), which
ids new rows take, how many tags a person may hold and who already holds an email or a source;
what it decides to write goes into `writes` (store/bulk.py writes it). io/matching.py plans a
file's entries with it, io/reconcile.py a JSON document or another database.
"""

import os
from collections import Counter
from collections.abc import Iterable

from sqlite_utils import Database

from givefirst.store import known
from givefirst.store.bulk import Writes
from givefirst.store.people import MAX_ID, MAX_TAGS


class Ids:
    """Ids for new rows of one table: the one asked for when it is free, else one past the
    highest either side uses; once the largest id is in use, the lowest free ones."""

    def __init__(self, taken: Iterable[int]):
        self.taken = set(taken)
        self.next = max(self.taken, default=0) + 1
        self.lowest_free = 1

    def take(self, wanted: int | None = None, highest: int = 0) -> int:
        if wanted is None or wanted in self.taken:
            wanted = max(self.next, highest + 1)
            if wanted > MAX_ID:
                while self.lowest_free in self.taken:
                    self.lowest_free += 1
                wanted = self.lowest_free
        self.taken.add(wanted)
        self.next = max(self.next, wanted + 1)
        return wanted


class RandomUuids:
    """New random (version 4) UUIDs as text, as str(uuid.uuid4()) writes them, drawn from one
    read of the system's random source per BLOCK ids: a large import asks for one per row."""

    BLOCK = 1024
    VERSION_4 = (0x4 << 76) | (0x8 << 60)  # the version nibble and the RFC 4122 variant bits
    CLEARED = ((1 << 128) - 1) ^ ((0xF << 76) | (0xC << 60))

    def __init__(self):
        self.data, self.at = b"", 0

    def __call__(self) -> str:
        if self.at == len(self.data):
            self.data, self.at = os.urandom(16 * self.BLOCK), 0
        number = int.from_bytes(self.data[self.at : self.at + 16]) & self.CLEARED | self.VERSION_4
        self.at += 16
        digits = f"{number:032x}"
        return f"{digits[:8]}-{digits[8:12]}-{digits[12:16]}-{digits[16:20]}-{digits[20:]}"


class Known:
    """What the database holds, in memory, and what the plan adds to it so far."""

    def __init__(self, db: Database, warnings: list[str]):
        self.people = known.people(db)  # id → row
        self.profiles = known.profiles(db)  # key → row
        self.owners = {column: known.owners(db, column) for column in known.OWNED}
        self.tags = known.tags(db)  # (person id, lower(tag))
        self.tag_counts = Counter(person_id for person_id, _ in self.tags)
        self.ids = {
            "people": Ids(self.people),
            "profiles": Ids(p["id"] for p in self.profiles.values()),
        }
        self.writes = Writes()
        self.warnings = warnings
        self.new_uuid = RandomUuids()

    def match(
        self, *, keys: Iterable[str] = (), emails: Iterable[str] = (), source: str | None = None
    ) -> tuple[int | None, str]:
        """The person these profile keys, emails or entry identity are, and why we think so;
        (None, "") for someone new."""
        for key in keys:
            if key in self.profiles:
                return self.profiles[key]["person_id"], f"same profile {key}"
        for email in emails:
            if email.lower() in self.owners["email"]:
                return self.owners["email"][email.lower()], f"same email {email}"
        if source and source.lower() in self.owners["source"]:
            return self.owners["source"][source.lower()], "same entry as an earlier import"
        return None, ""

    def who(self, person_id: int) -> str:
        """A person as warnings name them."""
        return f"{self.people[person_id]['name']} (#{person_id})"

    def add_person(self, row: dict) -> None:
        self.people[row["id"]] = row
        self.writes.insert("people", row)

    def add_tags(self, person_id: int, tags: Iterable[str], where: str) -> list[str]:
        """Give the person the tags they lack, up to MAX_TAGS; what was added (a warning says
        which were left out)."""
        added, left_out = [], []
        for tag in tags:
            if (person_id, tag.lower()) in self.tags:
                continue
            if self.tag_counts[person_id] >= MAX_TAGS:
                left_out.append(tag)
                continue
            self.tags.add((person_id, tag.lower()))
            self.tag_counts[person_id] += 1
            self.writes.insert("person_tags", {"person_id": person_id, "tag": tag})
            added.append(f"tag {tag}")
        if left_out:
            self.warnings.append(
                f"{where}: left out the tags {', '.join(left_out)}: "
                f"{self.who(person_id)} has {MAX_TAGS} tags, the most a person holds"
            )
        return added

    def claim(self, column: str, value: str, person_id: int, where: str | None) -> bool:
        """Give the person an email or a source (`column`) nobody holds; whether it was added.
        One another person holds stays theirs, with a warning unless `where` is None."""
        owners = self.owners[column]
        owner = owners.get(value.lower())  # compared without case
        if owner is None:
            owners[value.lower()] = person_id
            self.writes.insert(known.OWNED[column], {column: value, "person_id": person_id})
            return True
        if owner != person_id and where is not None:
            self.warnings.append(f"{where}: {value} belongs to {self.who(owner)}")
        return False
