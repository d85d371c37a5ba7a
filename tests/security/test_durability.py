"""An acknowledged write survives a power cut: every connection syncs the WAL on commit."""

from givefirst.store.connection import connect, open_db

FULL = 2  # PRAGMA synchronous: 0 OFF, 1 NORMAL, 2 FULL, 3 EXTRA


def test_every_connection_writes_with_synchronous_full(tmp_path):
    path = tmp_path / "g.db"
    migrated = open_db(path)
    per_request = connect(path)
    try:
        for db in (migrated, per_request):
            assert db.execute("PRAGMA journal_mode").fetchone()[0] == "wal"
            assert db.execute("PRAGMA synchronous").fetchone()[0] == FULL
    finally:
        migrated.close()
        per_request.close()
