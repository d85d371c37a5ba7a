"""Windows: a command file in the Startup folder, which Windows runs at every login."""

from collections.abc import Callable, Mapping
from pathlib import Path, PureWindowsPath

NAME = "Startup entry"
FILE = "givefirst.cmd"
STARTUP = ("Microsoft", "Windows", "Start Menu", "Programs", "Startup")


def location(env: Mapping[str, str], home: Path) -> Path:
    roaming = env.get("APPDATA") or str(PureWindowsPath(home, "AppData", "Roaming"))
    return Path(roaming, *STARTUP, FILE)


def quoted(arg: str) -> str:
    """One argument of a batch file's command line: quoted, with % doubled (a batch file reads
    %NAME% as a variable). Windows paths cannot hold a double quote."""
    return '"' + arg.replace("%", "%%").replace('"', "") + '"'


def render(command: list[str], env: Mapping[str, str], home: Path) -> str:
    line = " ".join(quoted(arg) for arg in command)
    return (
        "@echo off\r\n"
        "rem Made by `givefirst autostart enable`; `givefirst autostart disable` removes it.\r\n"
        f'start "givefirst" /min {line}\r\n'
    )


def start(path: Path, run: Callable[[list[str]], None]) -> None:
    run(["cmd", "/c", str(path)])  # start it now too; `start` returns at once


def stop(path: Path, run: Callable[[list[str]], None]) -> None:
    """Nothing to tell Windows: without the file, the next login starts nothing. The service
    running now stops with Ctrl+C in its window, or at logout."""
