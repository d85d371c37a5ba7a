"""How the person can run givefirst again from their shell, for the hints the service prints.

After `scripts/run`, `givefirst` is usually not on PATH (it lives in .venv/bin), and a service
started with `--db` needs the same `--db` in every other command, or they act on another file.
"""

import os
import shlex
import shutil
import sys
from pathlib import Path


def program() -> str:
    """`givefirst` when that name runs this very program, else the path that does."""
    started_as = sys.argv[0]
    if started_as.endswith("__main__.py"):  # python -m givefirst
        return f"{shlex.quote(sys.executable)} -m givefirst"
    on_path = shutil.which("givefirst")
    try:
        if on_path and os.path.samefile(on_path, started_as):
            return "givefirst"
    except OSError:
        pass
    relative = os.path.relpath(started_as)
    return shlex.quote(relative if not relative.startswith("..") else os.path.abspath(started_as))


def command_template(db_path: Path | None) -> str:
    """A format string for a full command: `.format("pair approve K7PX-Q2MD")`."""
    db = f" --db {shlex.quote(str(db_path))}" if db_path else ""
    return (
        program().replace("{", "{{").replace("}", "}}")
        + " {}"
        + db.replace("{", "{{").replace("}", "}}")
    )
