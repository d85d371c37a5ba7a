"""givefirst sync imap against a real Dovecot: incremental by UIDVALIDITY and UID."""

import os
import stat

import pytest
from givefirst.cli import main
from givefirst.io import secrets
from givefirst.io.mail import imap
from givefirst.io.reading import ImportProblem
from givefirst.store import emails, sources
from givefirst.store.connection import open_db

from tests.conftest import NOW
from tests.io.helpers import contents, person_named
from tests.mail.dovecot import PASSWORD, USER, message

BEA = "Bea Quinn <bea@example.com>"


def account(server) -> imap.Account:
    return imap.Account("127.0.0.1", server.port, USER, "plain")


def run(db, server, password=PASSWORD, dry_run=False):
    found = account(server)
    source_id = sources.save(db, "imap", found.address, found.settings(), NOW)
    return imap.sync(db, source_id, found, password, dry_run=dry_run, now=NOW)


def history(db, name):
    person_id = person_named(db, name)["id"]
    return [
        (r["kind"], r["occurred_at"][:16])
        for r in db.query(
            "SELECT * FROM interactions WHERE person_id = ? ORDER BY occurred_at", [person_id]
        )
    ]


@pytest.fixture
def mailbox(db, dovecot):
    emails.add_mine(db, USER, NOW)
    dovecot.deliver(
        "Sent",
        message(
            USER,
            BEA,
            "Coffee?",
            "Mon, 10 Mar 2025 09:00:00 +0000",
            "<m1@example.org>",
            "Could you introduce me to Cal?",
        ),
    )
    dovecot.deliver(
        "INBOX",
        message(
            BEA,
            USER,
            "Re: Coffee?",
            "Mon, 10 Mar 2025 12:00:00 +0000",
            "<m2@example.com>",
            References="<m1@example.org>",
        ),
    )
    dovecot.deliver(
        "INBOX",
        message(
            "Dan <dan@example.com>",
            USER,
            "Hello",
            "Tue, 11 Mar 2025 09:00:00 +0000",
            "<s1@example.com>",
        ),
    )
    dovecot.deliver(
        "INBOX",
        message(
            "News <news@example.com>",
            USER,
            "Digest",
            "Tue, 11 Mar 2025 10:00:00 +0000",
            "<l1@example.com>",
            List_Id="<news.example.com>",
        ),
    )
    return dovecot


def test_the_sent_folder_and_inbox_become_conversations_with_the_same_rules(db, mailbox):
    summary = run(db, mailbox)
    assert history(db, "Bea Quinn") == [("talked", "2025-03-10T12:00")]
    assert emails.owner(db, "dan@example.com") is None
    assert summary.reasons("message") == {"mailing list": 1}
    assert summary.reviews == 1


def test_a_second_sync_reads_only_new_mail_and_a_reply_extends_the_exchange(db, mailbox):
    run(db, mailbox)
    before = contents(db)
    assert run(db, mailbox).outcomes == [] and contents(db) == before
    mailbox.deliver(
        "INBOX",
        message(
            BEA,
            USER,
            "Re: Coffee?",
            "Wed, 12 Mar 2025 08:00:00 +0000",
            "<m3@example.com>",
            References="<m1@example.org>",
        ),
    )
    summary = run(db, mailbox)
    assert history(db, "Bea Quinn") == [("talked", "2025-03-12T08:00")]
    assert summary.count("conversation", "merged") == 1


def test_a_new_uidvalidity_reads_the_folder_again_and_adds_nothing(db, mailbox):
    run(db, mailbox)
    db.execute("UPDATE imap_folders SET uidvalidity = uidvalidity + 1")
    before = contents(db)
    summary = run(db, mailbox)
    assert contents(db) == before and summary.count("conversation", "created") == 0
    assert summary.count("conversation", "skipped") >= 1


def test_a_dry_run_writes_nothing_and_does_not_move_the_folders_on(db, mailbox):
    run(db, mailbox, dry_run=True)
    assert db.execute("SELECT count(*) FROM imap_folders").fetchone()[0] == 0
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_a_wrong_password_is_refused_and_nothing_is_written(db, mailbox):
    with pytest.raises(ImportProblem, match="refused the user name or password"):
        run(db, mailbox, password="wrong")
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_a_connection_without_tls_is_refused_to_another_computer(db):
    remote = imap.Account("imap.example.com", 143, USER, "plain")
    with pytest.raises(ImportProblem, match="only allowed to a server on this computer"):
        imap.sync(db, 1, remote, "x", dry_run=True, now=NOW)


def test_the_cli_asks_for_the_password_once_and_keeps_it_private(runner, db_path, mailbox):
    open_db(db_path)
    args = [
        "sync",
        "imap",
        "--host",
        "127.0.0.1",
        "--port",
        str(mailbox.port),
        "--user",
        USER,
        "--security",
        "plain",
        "--every",
        "15",
        "--db",
        str(db_path),
    ]
    emails.add_mine(open_db(db_path), USER, NOW)
    first = runner.invoke(main, args, input=PASSWORD + "\n")
    assert first.exit_code == 0, first.output
    assert PASSWORD not in first.output
    stored = secrets.path_for(db_path)
    assert stat.S_IMODE(os.stat(stored).st_mode) == 0o600
    assert secrets.password(db_path, f"{USER}@127.0.0.1:{mailbox.port}") == PASSWORD
    assert PASSWORD.encode() not in db_path.read_bytes()
    second = runner.invoke(main, ["sync", "imap", "--db", str(db_path)])
    assert second.exit_code == 0, second.output
    assert "Password" not in second.output
    saved = sources.all_sources(open_db(db_path), "imap")[0]
    assert saved["settings"]["every"] == 15 and saved["last_error"] is None


def test_the_cli_refuses_a_wrong_password_keeps_none_and_settings_shows_why(
    runner, db_path, mailbox
):
    emails.add_mine(open_db(db_path), USER, NOW)
    args = [
        "sync",
        "imap",
        "--host",
        "127.0.0.1",
        "--port",
        str(mailbox.port),
        "--user",
        USER,
        "--security",
        "plain",
        "--db",
        str(db_path),
    ]
    result = runner.invoke(main, args, input="wrong\n")
    assert result.exit_code == 1 and "refused the user name or password" in result.output
    assert "wrong" not in result.output  # a hidden prompt echoes nothing
    assert secrets.password(db_path, f"{USER}@127.0.0.1:{mailbox.port}") is None
    saved = sources.all_sources(open_db(db_path), "imap")[0]
    assert "refused the user name or password" in saved["last_error"]


def test_a_cli_dry_run_saves_no_source_and_no_password(runner, db_path, mailbox):
    emails.add_mine(open_db(db_path), USER, NOW)
    args = [
        "sync",
        "imap",
        "--host",
        "127.0.0.1",
        "--port",
        str(mailbox.port),
        "--user",
        USER,
        "--security",
        "plain",
        "--dry-run",
        "--db",
        str(db_path),
    ]
    result = runner.invoke(main, args, input=PASSWORD + "\n")
    assert result.exit_code == 0, result.output
    assert "Dry run, nothing written" in result.output
    db = open_db(db_path)
    assert sources.all_sources(db) == [] and db["people"].count == 0
    assert not secrets.path_for(db_path).exists()
