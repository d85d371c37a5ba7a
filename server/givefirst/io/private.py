"""Writing files only their owner can read: exports and backups hold other people's details."""

import os
import tempfile
from pathlib import Path
from typing import TextIO

from givefirst.private_files import exclusive_opener as opener
from givefirst.private_files import make_folder

__all__ = ["open_private", "opener", "write_private"]


def open_private(path: Path) -> TextIO:
    """A new text file (replacing any old one) with mode 0600, opened with O_EXCL: a file or a
    symlink someone slips in after the unlink makes the open fail rather than be written."""
    path.unlink(missing_ok=True)
    return open(path, "w", newline="", encoding="utf-8", opener=opener)  # noqa: SIM115


def write_private(path: Path, text: str) -> None:
    """Write the whole file at once: a half-written export never replaces a good one."""
    make_folder(path.parent)
    fd, partial = tempfile.mkstemp(dir=path.parent, prefix=f".{path.name}.", suffix=".partial")
    try:
        os.fchmod(fd, 0o600)
        with open(fd, "w", newline="", encoding="utf-8") as out:
            out.write(text)
        os.replace(partial, path)
    finally:
        Path(partial).unlink(missing_ok=True)
