"""Files only their owner can read: the data folder, the database, its -wal and -shm.

The database holds other people's details, so it is mode 0600 in a 0700 folder whatever the
umask says. SQLite gives the -wal and -shm files the mode of the database file itself, so a
database file made private before SQLite first opens it keeps its companions private too.
"""

import os
import stat
from pathlib import Path

PRIVATE_FILE = 0o600
PRIVATE_FOLDER = 0o700
COMPANIONS = ("", "-wal", "-shm", "-journal")


def make_folder(folder: Path) -> None:
    """Create `folder` and any missing parents as 0700 (an existing folder is left as it is)."""
    missing = []
    while not folder.exists():
        missing.append(folder)
        folder = folder.parent
    for part in reversed(missing):
        try:
            part.mkdir(mode=PRIVATE_FOLDER)
        except FileExistsError:  # made meanwhile by another process
            continue
        os.chmod(part, PRIVATE_FOLDER)  # mkdir's mode passes through the umask


def create_file(path: Path) -> None:
    """An empty file of mode 0600 where none is (SQLite takes an empty file as a new database)."""
    make_folder(path.parent)
    try:
        fd = os.open(path, os.O_CREAT | os.O_EXCL | os.O_WRONLY, PRIVATE_FILE)
    except FileExistsError:
        return
    try:
        os.fchmod(fd, PRIVATE_FILE)
    finally:
        os.close(fd)


def exclusive_opener(path: str, flags: int) -> int:
    """An `opener` for open(): a new file (never an existing one or a symlink), mode 0600."""
    fd = os.open(path, flags | os.O_CREAT | os.O_EXCL, PRIVATE_FILE)
    os.fchmod(fd, PRIVATE_FILE)
    return fd


def loose(path: Path) -> bool:
    """Whether anyone but the owner may read or write this file or folder."""
    return bool(stat.S_IMODE(path.stat().st_mode) & 0o077)


def tighten_database(path: Path) -> list[Path]:
    """Make the database and its companions 0600; returns the files whose modes were looser."""
    tightened = []
    for suffix in COMPANIONS:
        file = path.with_name(path.name + suffix)
        try:
            if loose(file):
                os.chmod(file, PRIVATE_FILE)
                tightened.append(file)
        except FileNotFoundError:
            continue
    return tightened


def tighten_folder(folder: Path) -> bool:
    """Make a folder of givefirst's own 0700; True when it was looser."""
    if folder.is_dir() and loose(folder):
        os.chmod(folder, PRIVATE_FOLDER)
        return True
    return False
