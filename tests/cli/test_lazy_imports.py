"""A command imports what it runs: `givefirst import linkedin` reads a CSV into the database, and
loads neither the other formats' readers, the exporters, the ask check, the web service nor
numpy (which sqlite-utils would import for nothing when it is installed)."""

import json
import subprocess
import sys
from pathlib import Path

import pytest
from givefirst.io import formats

CONNECTIONS = Path(__file__).parents[1] / "io" / "fixtures" / "linkedin" / "Connections.csv"
NOT_NEEDED = (
    "numpy",
    "pandas",
    "flask",
    "icalendar",
    "givefirst.core.askcheck",
    "givefirst.io.exports",
    "givefirst.io.givefirst_json",
    "givefirst.io.reconcile",
    "givefirst.io.calendar",
    "givefirst.io.vcard",
    "givefirst.io.google",
    "givefirst.io.mail",
    "givefirst.dashboard",
    "givefirst.api",
)
# Runs the console entry point as `givefirst` does, then says which modules it loaded.
PROBE = """
import json, sys
from givefirst.cli import run
sys.argv = ["givefirst", *sys.argv[1:]]
try:
    run()
except SystemExit as stop:
    status = stop.code
print(json.dumps({"status": status, "modules": sorted(sys.modules)}))
"""


def modules_of(*args: str) -> tuple[int, list[str], str]:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=120
    )
    *output, last = done.stdout.strip().splitlines()
    found = json.loads(last)
    return found["status"], found["modules"], "\n".join(output)


def loaded(modules: list[str], name: str) -> bool:
    return any(m == name or m.startswith(f"{name}.") for m in modules)


def test_a_linkedin_import_loads_only_what_it_runs(tmp_path):
    status, modules, output = modules_of(
        "import", "linkedin", str(CONNECTIONS), "--db", str(tmp_path / "new.db")
    )
    assert status == 0 and "people created" in output
    assert "givefirst.io.linkedin" in modules and "sqlite_utils" in modules
    assert [name for name in NOT_NEEDED if loaded(modules, name)] == []


def test_numpy_stays_importable_after_the_command_hid_it_from_sqlite_utils():
    """numpy comes with the test extra (scikit-learn needs it)."""
    probe = (
        "import sys; from givefirst.cli import import_sqlite_utils_alone as imp; imp(); "
        "import sqlite_utils.db, numpy; print(sqlite_utils.db.np is None, numpy.__name__)"
    )
    done = subprocess.run([sys.executable, "-c", probe], capture_output=True, text=True)
    assert done.stdout.split() == ["True", "numpy"], done.stderr


def test_each_registered_format_is_the_one_its_module_declares():
    for name in formats.NAMES:
        assert formats.load(name).name == name
    assert [f.name for f in formats.FORMATS] == list(formats.NAMES)
    with pytest.raises(AttributeError):
        formats.NOT_A_NAME  # noqa: B018
