"""Passwords for mail accounts, in a file beside the database that only you can read (0600).

Never in the database (backups and exports copy it), on a command line, in a URL or a log.
"""

import json
import os
import stat
from pathlib import Path

from givefirst.io.private import write_private

FILE_NAME = "mail-passwords.json"


def path_for(db_file: Path) -> Path:
    return Path(db_file).parent / FILE_NAME


def load(db_file: Path) -> dict[str, str]:
    path = path_for(db_file)
    try:
        mode = stat.S_IMODE(path.stat().st_mode)
    except FileNotFoundError:
        return {}
    if mode & 0o077:  # someone loosened it: make it private again before reading
        os.chmod(path, 0o600)
    try:
        found = json.loads(path.read_text(encoding="utf-8"))
    except (ValueError, OSError):
        return {}
    return {k: v for k, v in found.items() if isinstance(k, str) and isinstance(v, str)}


def password(db_file: Path, account: str) -> str | None:
    return load(db_file).get(account)


def save(db_file: Path, account: str, secret: str) -> None:
    found = load(db_file)
    found[account] = secret
    write_private(path_for(db_file), json.dumps(found))


def forget(db_file: Path, account: str) -> None:
    found = load(db_file)
    if found.pop(account, None) is not None:
        write_private(path_for(db_file), json.dumps(found))
