"""Writing files only their owner can read: exports and backups hold other people's details."""

import os
from pathlib import Path
from typing import TextIO


def opener(path: str, flags: int) -> int:
    return os.open(path, flags, 0o600)


def open_private(path: Path) -> TextIO:
    """A new text file (replacing any old one) with mode 0600."""
    path.unlink(missing_ok=True)
    return open(path, "w", newline="", encoding="utf-8", opener=opener)  # noqa: SIM115


def write_private(path: Path, text: str) -> None:
    """Write the whole file at once: a half-written export never replaces a good one."""
    path.parent.mkdir(parents=True, exist_ok=True)
    partial = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open_private(partial) as out:
            out.write(text)
        os.replace(partial, path)
    finally:
        partial.unlink(missing_ok=True)
