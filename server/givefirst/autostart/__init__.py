"""Start the service at login: one module per system, each writing its own kind of entry.

`givefirst autostart enable|disable|status` picks the module for this computer from SYSTEMS.
Each module says where its entry goes (`location`), what it holds (`render`), and how the
system is told (`start`, `stop`); this module writes and removes the files.
"""

import re
import subprocess
import sys
import urllib.request
from collections.abc import Callable, Mapping
from pathlib import Path

from givefirst.autostart import launchd, systemd, windows
from givefirst.errors import GivefirstError

SYSTEMS = {"linux": systemd, "darwin": launchd, "win32": windows}
PORT_IN_ENTRY = re.compile(r"--port\W+(\d{1,5})")


class AutostartError(GivefirstError):
    code = "autostart_failed"


def run_command(command: list[str]) -> None:
    """Tell the system (systemctl, launchctl, cmd); a failure says what it answered."""
    try:
        done = subprocess.run(command, capture_output=True, text=True, timeout=30, check=False)
    except (OSError, subprocess.TimeoutExpired) as error:
        raise AutostartError(f"{command[0]} could not run: {error}") from None
    if done.returncode != 0:
        said = (done.stderr or done.stdout).strip().splitlines()
        raise AutostartError(
            f"`{' '.join(command)}` failed: {said[-1] if said else done.returncode}"
        )


def system_for(platform: str = sys.platform):
    for prefix, module in SYSTEMS.items():
        if platform.startswith(prefix):
            return module
    raise AutostartError(f"starting at login is not supported on {platform}")


def serve_command(db_path: Path, port: int) -> list[str]:
    """The service with the database and port it was given, by this very Python."""
    return [
        sys.executable,
        "-m",
        "givefirst",
        "serve",
        "--db",
        str(db_path.resolve()),
        "--port",
        str(port),
    ]


def enable(
    system, command: list[str], env: Mapping[str, str], home: Path, run: Callable[[list[str]], None]
) -> Path:
    """Write the entry, then have the system start it now and at every login."""
    path = system.location(env, home)
    path.parent.mkdir(parents=True, exist_ok=True)
    content = system.render(command, env, home)
    if isinstance(content, str):
        content = content.encode("utf-8")
    path.write_bytes(content)
    system.start(path, run)
    return path


def disable(system, env: Mapping[str, str], home: Path, run: Callable[[list[str]], None]) -> Path:
    """Stop the service the entry started and remove the entry; fine if there is none."""
    path = system.location(env, home)
    if path.exists():
        system.stop(path, run)
        path.unlink()
    return path


def answers(port: int) -> bool:
    try:
        url = f"http://127.0.0.1:{port}/api/v1/health"
        with urllib.request.urlopen(url, timeout=2) as response:
            return b"givefirst" in response.read(1000)
    except (OSError, ValueError):
        return False


def status(system, env: Mapping[str, str], home: Path) -> dict:
    """Whether the entry is there, the port it serves on, and whether that port answers."""
    path = system.location(env, home)
    installed = path.exists()
    found = PORT_IN_ENTRY.search(path.read_text(errors="replace")) if installed else None
    port = int(found.group(1)) if found else None
    return {
        "installed": installed,
        "path": path,
        "port": port,
        "running": bool(port) and answers(port),
    }
