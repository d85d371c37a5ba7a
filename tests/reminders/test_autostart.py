"""`givefirst autostart`: the login entries each system gets, checked without enabling anything
on this computer (a temporary HOME, and the system's commands recorded instead of run)."""

import os
import plistlib
import shutil
import subprocess
import sys
from pathlib import Path
from types import SimpleNamespace

import pytest
from givefirst import autostart
from givefirst.autostart import launchd, systemd, windows
from givefirst.cli import main

DB = Path("/data/My Files/give%first.db")


@pytest.fixture
def home(tmp_path, monkeypatch):
    """A scratch HOME and XDG/APPDATA dirs; systemctl & co. are recorded, never run."""
    home = tmp_path / "home"
    home.mkdir()
    calls = []
    monkeypatch.setenv("HOME", str(home))
    monkeypatch.setenv("XDG_CONFIG_HOME", str(home / ".config"))
    monkeypatch.setattr(autostart, "run_command", calls.append)
    return SimpleNamespace(path=home, calls=calls)


def test_the_systemd_unit_passes_systemd_analyze_verify(tmp_path):
    if shutil.which("systemd-analyze") is None:
        if os.environ.get("CI") == "true":
            pytest.fail("systemd-analyze is missing and CI must run this test (scripts/test)")
        pytest.skip("systemd-analyze is missing (scripts/test installs Debian's systemd)")
    unit = tmp_path / "givefirst.service"
    unit.write_text(systemd.render(autostart.serve_command(DB, 7171), {}, tmp_path))
    runtime = tmp_path / "run"
    runtime.mkdir(mode=0o700)
    env = {**os.environ, "XDG_RUNTIME_DIR": str(runtime)}
    verify = ["systemd-analyze", "--user", "verify", str(unit)]
    checked = subprocess.run(verify, capture_output=True, text=True, env=env, timeout=60)
    assert checked.returncode == 0, checked.stderr
    broken = unit.read_text().replace(sys.executable, "python-that-is-not-there/x")
    unit.write_text(broken)
    refused = subprocess.run(verify, capture_output=True, text=True, env=env, timeout=60)
    assert refused.returncode != 0  # the check would see a bad unit


def test_the_systemd_unit_runs_this_python_with_the_database_and_port_quoted():
    text = systemd.render(autostart.serve_command(DB, 7171), {}, Path("/home/x"))
    (exec_line,) = [line for line in text.splitlines() if line.startswith("ExecStart=")]
    assert exec_line == (
        f'ExecStart={sys.executable} -m givefirst serve --db "/data/My Files/give%%first.db" '
        "--port 7171"
    )
    assert "WantedBy=default.target" in text and "Restart=on-failure" in text


def test_the_launch_agent_runs_at_load_with_the_same_command():
    home = Path("/Users/ines")
    plist = plistlib.loads(launchd.render(autostart.serve_command(DB, 7172), {}, home))
    assert plist["Label"] == "org.givefirst.serve"
    assert plist["ProgramArguments"] == [
        sys.executable,
        "-m",
        "givefirst",
        "serve",
        "--db",
        str(DB),
        "--port",
        "7172",
    ]
    assert plist["RunAtLoad"] is True and plist["KeepAlive"] == {"SuccessfulExit": False}
    assert launchd.location({}, home) == home / "Library/LaunchAgents/org.givefirst.serve.plist"


def test_the_windows_startup_entry_starts_the_same_command_minimised():
    command = [
        r"C:\Python313\python.exe",
        "-m",
        "givefirst",
        "serve",
        "--db",
        r"C:\Users\Ines\100% mine\givefirst.db",
        "--port",
        "7170",
    ]
    text = windows.render(command, {}, Path("C:/Users/Ines"))
    assert text.startswith("@echo off\r\n") and text.endswith("\r\n")
    assert (
        'start "givefirst" /min "C:\\Python313\\python.exe" "-m" "givefirst" "serve" "--db" '
        '"C:\\Users\\Ines\\100%% mine\\givefirst.db" "--port" "7170"\r\n'
    ) in text
    where = windows.location({"APPDATA": "/appdata"}, Path("/h"))
    assert where == Path("/appdata/Microsoft/Windows/Start Menu/Programs/Startup/givefirst.cmd")


def test_enable_status_and_disable_on_linux_write_and_remove_the_unit(home, runner, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")
    result = runner.invoke(main, ["autostart", "enable", "--port", "7199", "--db", str(DB)])
    assert result.exit_code == 0, result.output
    unit = home.path / ".config/systemd/user/givefirst.service"
    assert f"--db {str(DB)!r}".replace("'", '"').replace("%", "%%") in unit.read_text()
    assert home.calls == [
        ["systemctl", "--user", "daemon-reload"],
        ["systemctl", "--user", "enable", "--now", "givefirst.service"],
    ]
    status = runner.invoke(main, ["autostart", "status"])
    assert status.exit_code == 3  # set up, but nothing answers on port 7199 here
    assert str(unit) in status.output and "port 7199 does not answer" in status.output
    result = runner.invoke(main, ["autostart", "disable"])
    assert result.exit_code == 0 and not unit.exists()
    assert home.calls[-1] == ["systemctl", "--user", "disable", "--now", "givefirst.service"]
    assert "Not set to start at login" in runner.invoke(main, ["autostart", "status"]).output


def test_enable_on_macos_writes_the_launch_agent_and_loads_it(home, runner, monkeypatch):
    monkeypatch.setattr(sys, "platform", "darwin")
    result = runner.invoke(main, ["autostart", "enable"])
    assert result.exit_code == 0, result.output
    agent = home.path / "Library/LaunchAgents/org.givefirst.serve.plist"
    assert plistlib.loads(agent.read_bytes())["ProgramArguments"][-1] == "7170"
    assert home.calls == [["launchctl", "load", "-w", str(agent)]]


def test_a_system_that_refuses_is_one_line_and_a_failing_status(home, runner, monkeypatch):
    monkeypatch.setattr(sys, "platform", "linux")

    def refuse(command):
        raise autostart.AutostartError("`systemctl --user daemon-reload` failed: no user bus")

    monkeypatch.setattr(autostart, "run_command", refuse)
    result = runner.invoke(main, ["autostart", "enable"])
    assert result.exit_code == 1 and "no user bus" in result.output
    monkeypatch.setattr(sys, "platform", "sunos5")
    result = runner.invoke(main, ["autostart", "status"])
    assert result.exit_code == 1 and "not supported on sunos5" in result.output


def test_run_command_reports_what_the_system_answered():
    with pytest.raises(autostart.AutostartError, match="no-such-command-here"):
        autostart.run_command(["no-such-command-here"])
    with pytest.raises(autostart.AutostartError, match="failed: boom"):
        autostart.run_command([sys.executable, "-c", "import sys; sys.exit('boom')"])
