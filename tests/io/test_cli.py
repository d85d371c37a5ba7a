"""The import, export, backup, restore, merge and review commands: exit codes and one-line errors."""

import io
import stat

from givefirst.cli import main
from givefirst.cli.transfer import ProgressBar

from tests.io.helpers import contents, fixture, linkedin_archive


def run(runner, *args):
    return runner.invoke(main, [str(a) for a in args], catch_exceptions=False)


def test_import_prints_a_summary_and_a_dry_run_lists_every_entry(runner, db):
    dry = run(runner, "import", "vcard", fixture("vcard/contacts-3.0.vcf"), "--dry-run")
    assert dry.exit_code == 0
    assert "would be created  person       line 1      Priya Kestrel — new person" in dry.stdout
    assert "would be skipped  person       line 28     Acme Plumbing — no name" in dry.stdout
    assert dry.stdout.strip().endswith(
        "Dry run, nothing written: contacts-3.0.vcf: 2 people created, 0 merged, 1 skipped (1 no name)."
    )
    assert db["people"].count == 0
    real = run(runner, "import", "vcard", fixture("vcard/contacts-3.0.vcf"))
    assert real.exit_code == 0 and "would be" not in real.stdout
    assert real.stdout.strip().splitlines()[-1].startswith("Imported: contacts-3.0.vcf: 2 people")
    assert db["people"].count == 2


def test_a_broken_file_exits_non_zero_with_one_line_naming_the_line(runner, db, tmp_path):
    (tmp_path / "cards.vcf").write_text("BEGIN:VCARD\nVERSION:4.0\nFN:Open\n")
    result = run(runner, "import", "vcard", tmp_path / "cards.vcf")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        "Error: cards.vcf line 1: this vCard has no END:VCARD"
    ]


def test_the_summary_points_to_the_review_of_sent_asks(runner, tmp_path, db):
    result = run(runner, "import", "linkedin", linkedin_archive(tmp_path))
    assert "1 sent message read like asks; nothing was logged as an ask" in result.stdout
    listing = run(runner, "review")
    line = next(li for li in listing.stdout.splitlines() if "Orla Venn" in li)
    review_id = line.split()[0]
    assert "1 Sep 2024" in line and "(referral)" in line
    accepted = run(runner, "review", "accept", review_id, "--status", "declined")
    assert (
        accepted.exit_code == 0 and "Logged as an ask (declined) on 1 Sep 2024" in accepted.stdout
    )
    asked = next(db["interactions"].rows_where("kind = 'asked'"))
    assert asked["status"] == "declined" and asked["occurred_at"].startswith("2024-09-01")
    assert run(runner, "review").stdout.strip() == "No messages are waiting for review."
    again = run(runner, "review", "dismiss", review_id)
    assert again.exit_code == 1 and "already accepted" in again.stderr


def test_export_backup_restore_and_merge_from_the_command_line(runner, db, db_path, tmp_path):
    run(runner, "import", "google", fixture("google/contacts.csv"))
    for kind, target in (("json", "all.json"), ("csv", "tables"), ("vcard", "all.vcf")):
        assert run(runner, "export", kind, tmp_path / target).exit_code == 0
    backed = run(runner, "backup", tmp_path / "backup.db")
    assert backed.exit_code == 0 and "integrity checked" in backed.stdout
    assert stat.S_IMODE((tmp_path / "backup.db").stat().st_mode) == 0o600
    before = contents(db)
    run(runner, "import", "linkedin", fixture("linkedin/Connections.csv"))
    restored = run(runner, "restore", tmp_path / "backup.db")
    assert restored.exit_code == 0 and "saved as" in restored.stdout
    assert "tokens revoked and sessions ended since the backup stay so" in restored.stdout
    assert contents(db) == before
    merged = run(runner, "merge", tmp_path / "backup.db", "--db", tmp_path / "fresh.db")
    assert merged.exit_code == 0
    assert "Merged: backup.db: 3 people created" in merged.stdout


def test_restoring_a_broken_file_is_refused_in_one_line(runner, db, tmp_path):
    (tmp_path / "backup.db").write_bytes(b"\x00" * 4096)
    result = run(runner, "restore", tmp_path / "backup.db")
    assert result.exit_code == 1
    assert (
        len(result.stderr.strip().splitlines()) == 1 and "is not a SQLite database" in result.stderr
    )


def test_a_wrong_kind_is_refused_by_the_command_line(runner):
    result = runner.invoke(main, ["import", "outlook", "contacts.pst"])
    assert result.exit_code == 2 and "'outlook' is not one of" in result.stderr


class Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_the_progress_bar_draws_on_a_terminal_and_stays_quiet_otherwise():
    terminal, log = Terminal(), io.StringIO()
    for stream in (terminal, log):
        with ProgressBar("Importing", stream=stream, width=10) as bar:
            bar(15_000, 30_000)
            bar(30_000, 30_000)
    assert terminal.getvalue() == (
        "\rImporting [#####-----] 15,000/30,000\rImporting [##########] 30,000/30,000\n"
    )
    assert log.getvalue() == ""


def test_an_export_that_cannot_be_written_is_one_line(runner, tmp_path):
    (tmp_path / "taken").mkdir()
    result = run(runner, "export", "json", tmp_path / "taken")
    assert result.exit_code == 1
    assert result.stderr.strip().splitlines() == [
        f"Error: cannot write {tmp_path / 'taken'}: Is a directory"
    ]
