"""What every import format module declares: its name, label, file extensions and reader."""

from collections.abc import Callable
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database

from givefirst.io.entries import Batch

Progress = Callable[[int, int], None]  # (done, total)


@dataclass(frozen=True)
class Job:
    """One import: the database (read, never written, by a reader), the file, and the clock."""

    db: Database
    path: Path
    now: datetime
    progress: Progress | None = None


@dataclass(frozen=True)
class Format:
    name: str  # `givefirst import NAME PATH`
    label: str  # what the dashboard's Import page and the docs call it
    extensions: tuple[str, ...]  # the file names it takes, for the upload field
    read: Callable[[Job], Batch] | None  # a file into a batch; None when `run` does it all
    run: Callable[..., object] | None = None  # an import of its own (a givefirst JSON document)
