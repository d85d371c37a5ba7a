"""Generate synthetic mail and calendars and print how long importing them takes.

Each figure is wall-clock time, with the CPU time beside it: on a busy machine the two differ.

Every address and name is made up; no real person's data is involved. The mbox import runs as
`givefirst import mbox` in a child process, so its peak memory is the command's own.
"""

import argparse
import random
import resource
import shutil
import subprocess
import sys
import tempfile
import time
from datetime import UTC, datetime, timedelta
from email.utils import format_datetime
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))  # the tests' Dovecot harness

from givefirst.io import import_file  # noqa: E402
from givefirst.io.mail import imap  # noqa: E402
from givefirst.store import emails, sources  # noqa: E402
from givefirst.store.connection import open_db  # noqa: E402

from tests.mail.dovecot import DOVECOT, PASSWORD, USER, Dovecot, message  # noqa: E402

ME = "me@example.org"
START = datetime(2024, 1, 1, tzinfo=UTC)
BODY = (
    "Thanks for the notes from Tuesday. I put the draft in the shared folder; "
    "comments welcome whenever you have a moment.\n"
) * 3
ASK = "Could you introduce me to your head of platform? I would value the chance.\n"
ATTACHMENT = "QUJD" * 25_000  # 100 KB of base64, as a PDF would be


def write_mbox(path: Path, count: int, seed: int = 16) -> None:
    rng = random.Random(seed)
    people = [f"person{n}@example.com" for n in range(3000)]
    with path.open("w", encoding="utf-8") as out:
        for n in range(count):
            when = START + timedelta(minutes=11 * n)
            other = rng.choice(people)
            thread = rng.randint(0, count // 4)
            mine = rng.random() < 0.4
            headers = {
                "From": ME if mine else f"Person {other[6:-12]} <{other}>",
                "To": other if mine else ME,
                "Subject": f"Re: project {thread}",
                "Date": format_datetime(when),
                "Message-ID": f"<m{n}@example.org>",
                "References": f"<t{thread}@example.org>",
            }
            if rng.random() < 0.25:
                headers["List-Id"] = "<news.lists.example.com>"
            out.write("From MAILER-DAEMON Mon Jan  1 00:00:00 2024\n")
            out.write("".join(f"{k}: {v}\n" for k, v in headers.items()))
            body = (ASK if mine and n % 50 == 0 else "") + BODY
            if n % 100 == 0:
                out.write(
                    'MIME-Version: 1.0\nContent-Type: multipart/mixed; boundary="b"\n\n'
                    f"--b\nContent-Type: text/plain\n\n{body}\n--b\nContent-Type: "
                    f"application/pdf\nContent-Transfer-Encoding: base64\n\n{ATTACHMENT}\n"
                    "--b--\n\n"
                )
            else:
                out.write(f"\n{body}\n")


def bench_mbox(folder: Path, count: int) -> None:
    mbox, db_file = folder / "mail.mbox", folder / "mbox.db"
    write_mbox(mbox, count)
    emails.add_mine(open_db(db_file), ME, START)
    command = [
        str(Path(sys.executable).parent / "givefirst"),
        "import",
        "mbox",
        str(mbox),
        "--db",
        str(db_file),
    ]
    began = time.perf_counter()
    result = subprocess.run(command, capture_output=True, text=True, check=True)
    seconds = time.perf_counter() - began
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    peak, cpu = usage.ru_maxrss / 1024, usage.ru_utime + usage.ru_stime
    size = mbox.stat().st_size / 1024 / 1024
    print(
        f"mbox import, {count:,} messages ({size:,.0f} MB): {seconds:.1f} s "
        f"(target 30 s; {cpu:.1f} s of CPU), peak memory {peak:.0f} MB (target 250 MB)"
    )
    print(f"  {result.stdout.strip().splitlines()[-1]}")


def deliver_many(server: Dovecot, count: int, offset: int) -> None:
    for n in range(offset, offset + count):
        when = format_datetime(START + timedelta(minutes=7 * n))
        if n % 3 == 0:
            raw = message(
                USER, f"person{n % 400}@example.com", f"Note {n}", when, f"<i{n}@example.org>", BODY
            )
            server.deliver("Sent", raw)
        else:
            raw = message(
                f"person{n % 400}@example.com",
                USER,
                f"Re: Note {n}",
                when,
                f"<i{n}@example.com>",
                BODY,
            )
            server.deliver("INBOX", raw)


def bench_imap(folder: Path, count: int) -> None:
    if DOVECOT is None:
        print("IMAP sync: skipped (dovecot-imapd is not installed)")
        return
    root = Path(tempfile.mkdtemp(prefix="givefirst-bench-dovecot-"))
    server = Dovecot(root).start()
    try:
        db = open_db(folder / "imap.db")
        emails.add_mine(db, USER, START)
        account = imap.Account("127.0.0.1", server.port, USER, "plain")
        source_id = sources.save(db, "imap", account.address, account.settings(), START)
        deliver_many(server, count, 0)
        imap.sync(db, source_id, account, PASSWORD, dry_run=False, now=START)
        deliver_many(server, count, count)
        began, cpu = time.perf_counter(), time.process_time()
        summary = imap.sync(db, source_id, account, PASSWORD, dry_run=False, now=START)
        seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
        print(
            f"IMAP incremental sync, {count:,} new messages (after {count:,} read before): "
            f"{seconds:.2f} s (target 5 s; {cpu:.2f} s of CPU here)"
        )
        print(
            f"  {summary.count('conversation', 'created')} conversations created, "
            f"{summary.count('conversation', 'merged')} extended"
        )
    finally:
        server.stop()
        shutil.rmtree(root, ignore_errors=True)


def write_calendar(path: Path, events: int) -> None:
    lines = ["BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:-//givefirst bench//EN"]
    for n in range(events):
        start = START + timedelta(hours=5 * n)
        lines += [
            "BEGIN:VEVENT",
            f"UID:bench-{n}",
            f"SUMMARY:Meeting {n}",
            f"DTSTART:{start:%Y%m%dT%H%M%SZ}",
            f"DTEND:{start + timedelta(minutes=30):%Y%m%dT%H%M%SZ}",
            f"ORGANIZER:mailto:{ME}",
            f"ATTENDEE;PARTSTAT=ACCEPTED:mailto:{ME}",
            f"ATTENDEE;CN=Person {n % 700};PARTSTAT=ACCEPTED:mailto:person{n % 700}@example.com",
            # what a Google export carries besides, which nothing here reads
            "DESCRIPTION:Agenda: review the plan\\, then next steps. Join: https://meet.ex",
            " ample.com/abc-defg-hij\\nOr dial +1 555 0100 PIN 1234#\\n-::~:~::~:~::-",
            f"CREATED:{START:%Y%m%dT%H%M%SZ}",
            f"LAST-MODIFIED:{START:%Y%m%dT%H%M%SZ}",
            "LOCATION:Room 4",
            "SEQUENCE:0",
            "STATUS:CONFIRMED",
            "TRANSP:OPAQUE",
            "BEGIN:VALARM",
            "ACTION:DISPLAY",
            "TRIGGER:-P0DT0H10M0S",
            "END:VALARM",
        ]
        if n % 100 == 0:
            lines.append("RRULE:FREQ=WEEKLY;COUNT=10")
        lines.append("END:VEVENT")
    lines.append("END:VCALENDAR")
    path.write_text("\r\n".join(lines) + "\r\n")


def bench_calendar(folder: Path, events: int) -> None:
    path = folder / "calendar.ics"
    write_calendar(path, events)
    db = open_db(folder / "calendar.db")
    emails.add_mine(db, ME, START)
    now = START + timedelta(hours=5 * events + 24)
    began, cpu = time.perf_counter(), time.process_time()
    summary = import_file(db, "ics", path, now=now)
    seconds, cpu = time.perf_counter() - began, time.process_time() - cpu
    print(
        f"Calendar import, {events:,} events: {seconds:.2f} s (target 3 s; {cpu:.2f} s of CPU); "
        f"{summary.count('conversation', 'created'):,} meetings logged"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--messages", type=int, default=50_000)
    parser.add_argument("--imap-messages", type=int, default=1_000)
    parser.add_argument("--events", type=int, default=5_000)
    parser.add_argument("--only", choices=("mbox", "imap", "calendar"))
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        if args.only in (None, "mbox"):
            bench_mbox(Path(folder), args.messages)
        if args.only in (None, "imap"):
            bench_imap(Path(folder), args.imap_messages)
        if args.only in (None, "calendar"):
            bench_calendar(Path(folder), args.events)


if __name__ == "__main__":
    main()
