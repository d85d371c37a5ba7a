"""macOS: a LaunchAgent, ~/Library/LaunchAgents/org.givefirst.serve.plist."""

import plistlib
from collections.abc import Callable, Mapping
from pathlib import Path

NAME = "LaunchAgent"
LABEL = "org.givefirst.serve"


def location(env: Mapping[str, str], home: Path) -> Path:
    return home / "Library" / "LaunchAgents" / f"{LABEL}.plist"


def render(command: list[str], env: Mapping[str, str], home: Path) -> bytes:
    log = str(home / "Library" / "Logs" / "givefirst.log")
    return plistlib.dumps(
        {
            "Label": LABEL,
            "ProgramArguments": command,
            "RunAtLoad": True,
            "KeepAlive": {"SuccessfulExit": False},  # back after a crash, not after a clean stop
            "StandardOutPath": log,
            "StandardErrorPath": log,
            "ProcessType": "Background",
        }
    )


def start(path: Path, run: Callable[[list[str]], None]) -> None:
    run(["launchctl", "load", "-w", str(path)])


def stop(path: Path, run: Callable[[list[str]], None]) -> None:
    run(["launchctl", "unload", "-w", str(path)])
