"""Linux: a systemd user unit, ~/.config/systemd/user/givefirst.service."""

from collections.abc import Callable, Mapping
from pathlib import Path

NAME = "systemd user unit"
UNIT = "givefirst.service"


def location(env: Mapping[str, str], home: Path) -> Path:
    config = env.get("XDG_CONFIG_HOME") or str(home / ".config")
    return Path(config) / "systemd" / "user" / UNIT


def quoted(arg: str) -> str:
    """One word of ExecStart= (systemd.service(5), "Command lines"): specifiers and variables
    escaped, quoted when it holds a space, a quote or a backslash."""
    arg = arg.replace("%", "%%").replace("$", "$$")
    if any(c.isspace() or c in "\"'\\;" for c in arg):
        return '"' + arg.replace("\\", "\\\\").replace('"', '\\"') + '"'
    return arg


def render(command: list[str], env: Mapping[str, str], home: Path) -> str:
    return f"""# Made by `givefirst autostart enable`; `givefirst autostart disable` removes it.
[Unit]
Description=givefirst, a local relationship memory (127.0.0.1 only)

[Service]
Type=simple
ExecStart={" ".join(quoted(arg) for arg in command)}
Restart=on-failure
RestartSec=5
Environment=PYTHONUNBUFFERED=1

[Install]
WantedBy=default.target
"""


def start(path: Path, run: Callable[[list[str]], None]) -> None:
    run(["systemctl", "--user", "daemon-reload"])
    run(["systemctl", "--user", "enable", "--now", UNIT])


def stop(path: Path, run: Callable[[list[str]], None]) -> None:
    run(["systemctl", "--user", "disable", "--now", UNIT])
