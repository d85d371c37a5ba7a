"""The database, its -wal and -shm, backups and exports are readable by their owner only, in a
folder only the owner can enter, whatever the umask and however the database came to exist."""

import os
import stat
import subprocess
import sys
from contextlib import contextmanager
from pathlib import Path

import pytest
from givefirst.io import backup, export_file
from givefirst.io.reconcile import merge_database
from givefirst.private_files import exclusive_opener
from givefirst.store.connection import open_db, write

from tests.conftest import NOW


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


@contextmanager
def umask(value: int):
    old = os.umask(value)
    try:
        yield
    finally:
        os.umask(old)


def written(path: Path) -> None:
    """A database with something in it, its WAL still beside it (the connection stays open)."""
    db = open_db(path)
    with write(db):
        db["people"].insert(
            {
                "name": "Ada Quill",
                "created_at": "2026-01-01T00:00:00Z",
                "updated_at": "2026-01-01T00:00:00Z",
                "uuid": "0b6f3c1e-2f4d-4f7a-9a57-3f0e8d8c1a21",
            }
        )
    return db


def assert_private_database(path: Path) -> None:
    assert mode(path) == 0o600
    for suffix in ("-wal", "-shm"):
        companion = path.with_name(path.name + suffix)
        assert companion.exists(), f"{companion.name} was expected beside the database"
        assert mode(companion) == 0o600, f"{companion.name} is {oct(mode(companion))}"


@pytest.mark.parametrize("mask", [0o022, 0o000])
def test_a_new_database_and_its_folder_are_private_whatever_the_umask(tmp_path, mask):
    path = tmp_path / "new" / "deeper" / "givefirst.db"
    with umask(mask):
        db = written(path)
    try:
        assert_private_database(path)
        assert mode(path.parent) == 0o700
        assert mode(path.parent.parent) == 0o700
    finally:
        db.close()


def cli(*args: str, env: dict, cwd: Path) -> subprocess.CompletedProcess:
    return subprocess.run(
        [
            sys.executable,
            "-c",
            "import os, sys; os.umask(0o000); "
            "from givefirst.cli import run; sys.argv = ['givefirst', *sys.argv[1:]]; run()",
            *args,
        ],
        capture_output=True,
        text=True,
        timeout=60,
        env=env,
        cwd=cwd,
    )


def test_the_default_path_the_db_option_and_givefirst_db_all_make_private_databases(tmp_path):
    home = tmp_path / "home"
    env = {**os.environ, "HOME": str(home), "XDG_DATA_HOME": str(home / "data")}
    env.pop("GIVEFIRST_DB", None)
    assert cli("demo", env=env, cwd=tmp_path).returncode == 0
    default = home / "data" / "givefirst" / "givefirst.db"
    assert mode(default) == 0o600 and mode(default.parent) == 0o700
    assert (
        cli("demo", "--db", str(tmp_path / "opt" / "a.db"), env=env, cwd=tmp_path).returncode == 0
    )
    assert mode(tmp_path / "opt" / "a.db") == 0o600 and mode(tmp_path / "opt") == 0o700
    env["GIVEFIRST_DB"] = str(tmp_path / "env" / "b.db")
    assert cli("demo", env=env, cwd=tmp_path).returncode == 0
    assert mode(tmp_path / "env" / "b.db") == 0o600 and mode(tmp_path / "env") == 0o700


def test_an_existing_loose_database_is_tightened_at_start_with_one_line(tmp_path):
    path = tmp_path / "old.db"
    written(path).close()
    db = open_db(path)  # keeps -wal and -shm in place
    for file in (path, path.with_name("old.db-wal"), path.with_name("old.db-shm")):
        os.chmod(file, 0o644)
    env = {**os.environ, "GIVEFIRST_DB": str(path)}
    result = cli("token", "list", env=env, cwd=tmp_path)
    db.close()
    assert result.returncode == 0, result.stderr
    lines = result.stderr.strip().splitlines()
    assert len(lines) == 1 and "readable by you only" in lines[0] and str(path) in lines[0]
    assert mode(path) == 0o600
    again = cli("token", "list", env=env, cwd=tmp_path)
    assert again.stderr.strip() == ""  # said once: the files stay private


def test_restore_into_a_new_place_and_merge_copies_are_private(tmp_path, monkeypatch):
    source = tmp_path / "live.db"
    written(source).close()
    saved = tmp_path / "saved.db"
    backup.backup(source, saved)
    with umask(0o000):
        target = tmp_path / "elsewhere" / "restored.db"
        backup.restore(target, saved, now=NOW)
        db = open_db(target)
        try:
            assert_private_database(target)
            assert mode(target.parent) == 0o700
            copies = []
            real_copy = backup.copy

            def watched(source_path, target_path):
                real_copy(source_path, target_path)
                copies.append(mode(target_path))

            monkeypatch.setattr(backup, "copy", watched)
            merge_database(db, saved)
            assert copies and all(m == 0o600 for m in copies)
        finally:
            db.close()


@pytest.mark.parametrize("kind", ["json", "vcard", "csv"])
def test_exports_are_private_whatever_the_umask(tmp_path, kind):
    db = written(tmp_path / "g.db")
    try:
        with umask(0o000):
            target = tmp_path / f"out-{kind}"
            export_file(db, kind, target, NOW)
    finally:
        db.close()
    files = sorted(target.iterdir()) if kind == "csv" else [target]
    assert files and all(mode(f) == 0o600 for f in files)
    if kind == "csv":
        assert mode(target) == 0o700
    assert not list(tmp_path.glob(".*partial"))


def test_an_export_never_writes_through_a_symlink_planted_in_its_place(tmp_path):
    db = written(tmp_path / "g.db")
    elsewhere = tmp_path / "victim.txt"
    elsewhere.write_text("untouched")
    folder = tmp_path / "csv"
    folder.mkdir()
    (folder / "people.csv").symlink_to(elsewhere)
    try:
        export_file(db, "csv", folder, NOW)
    finally:
        db.close()
    assert elsewhere.read_text() == "untouched"
    assert not (folder / "people.csv").is_symlink()
    # One slipped in between the unlink and the open is refused, not followed.
    (folder / "late.csv").symlink_to(elsewhere)
    with pytest.raises(FileExistsError):
        open(folder / "late.csv", "w", opener=exclusive_opener)  # noqa: SIM115
    assert elsewhere.read_text() == "untouched"


def test_daily_backups_are_private_in_a_private_folder(tmp_path):
    db = written(tmp_path / "g.db")
    db.close()
    folder = tmp_path / "backups"
    folder.mkdir(mode=0o755)
    os.chmod(folder, 0o755)  # as an older version may have left it
    with umask(0o000):
        made = backup.daily(tmp_path / "g.db", folder, NOW.date())
    assert made is not None and mode(made) == 0o600
    assert mode(folder) == 0o700
