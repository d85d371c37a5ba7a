"""An mbox file (Google Takeout's, Thunderbird's, any): read one message at a time.

The file is never read whole: mailbox.mbox scans it once for where each message starts, then
each message's headers are read up to the blank line. The rest of a message is scanned in
chunks only for a calendar part, and parsed only when you sent it (for the ask check).
"""

import mailbox
import re
from collections.abc import Callable
from pathlib import Path

from givefirst.io.entries import Batch
from givefirst.io.format import Format, Job
from givefirst.io.mail.messages import CALENDAR_PART, Reader
from givefirst.io.reading import ImportProblem
from givefirst.store import emails

MAX_HEADER_BYTES = 256 * 1024
MAX_SENT_BYTES = 10 * 1024 * 1024  # a sent message's text is near its start; attachments follow
CHUNK = 1024 * 1024
HEADER_CHUNK = 16 * 1024
BLANK_LINE = re.compile(rb"\r?\n\r?\n")
PROGRESS_EVERY = 500


def header_bytes(handle) -> tuple[bytes, bytes]:
    """The header block (up to the first blank line, at most MAX_HEADER_BYTES) and the start of
    the body read with it."""
    data = b""
    while True:
        chunk = handle.read(HEADER_CHUNK)
        data += chunk
        if data.startswith((b"\n", b"\r\n")):  # no headers at all
            return b"", data
        blank = BLANK_LINE.search(data)
        if blank:
            return data[: blank.start()], data[blank.end() :]
        if not chunk or len(data) > MAX_HEADER_BYTES:
            return data[:MAX_HEADER_BYTES], b""


def has_calendar_part(handle, start: bytes) -> bool:
    if CALENDAR_PART.search(start):
        return True
    tail = start[-200:]
    while chunk := handle.read(CHUNK):
        if CALENDAR_PART.search(tail + chunk):
            return True
        tail = chunk[-200:]
    return False


def open_mbox(path: Path) -> mailbox.mbox:
    if not path.exists():
        raise ImportProblem(str(path), None, "no such file")
    if path.is_dir():
        raise ImportProblem(str(path), None, "is a folder, not a file")
    with path.open("rb") as handle:
        if not handle.read(5) == b"From ":
            raise ImportProblem(
                path.name,
                None,
                "message 1: is not an mbox file (it must start with a 'From ' line)",
            )
    return mailbox.mbox(path, create=False)


def read(
    path: Path,
    me: set[str],
    known: set[str],
    progress: Callable[[int, int], None] | None = None,
) -> Batch:
    """The file's conversations as a batch; ImportProblem names a broken message's number."""
    batch = Batch(source=path.name)
    reader = Reader(batch, me, path.name)
    box = open_mbox(path)
    try:
        keys = list(box.iterkeys())
        for number, key in enumerate(keys, 1):
            read_message(reader, box, key, number)
            if progress and number % PROGRESS_EVERY == 0:
                progress(number, len(keys))
    finally:
        box.close()
    reader.finish(known)
    return batch


def read_message(reader: Reader, box: mailbox.mbox, key: str, number: int) -> None:
    handle = box.get_file(key)  # without its "From " separator line
    try:
        raw_headers, body = header_bytes(handle)
        if not raw_headers.strip():
            raise ImportProblem(reader.source, None, f"message {number}: has no headers")
        mail = reader.header_block(raw_headers, number)
        if mail is None:
            return
        if not reader.is_mine(mail):
            if has_calendar_part(handle, body):
                reader.header_block(raw_headers, number, calendar=True)
                return
            reader.add(mail)
            return
        body += handle.read(max(0, MAX_SENT_BYTES - len(body)))
        reader.add(mail, raw_headers + b"\n\n" + body)
    finally:
        handle.close()


def read_job(job: Job) -> Batch:
    me = set(emails.mine(job.db))
    return read(job.path, me, emails.everyone(job.db), job.progress)


FORMAT = Format("mbox", "Mail (mbox: Google Takeout, Thunderbird)", (".mbox", ".mbx"), read_job)
