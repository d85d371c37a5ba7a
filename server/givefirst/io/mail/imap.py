"""An IMAP account, read incrementally: your sent folder and your inbox (Gmail's All Mail).

Each folder is read from the UID after the last one read, as long as its UIDVALIDITY is the
one recorded (a new UIDVALIDITY means the server renumbered it: read it again; ids are stable,
so nothing is added twice). Headers come in batches; the text of a message is fetched only when
you sent it, for the ask check. Where each folder stopped is saved in the same transaction as
what was read, so a failed sync leaves no gap.
"""

from collections.abc import Callable, Iterator
from dataclasses import dataclass
from datetime import datetime

from imap_tools import MailBox, MailBoxStartTls, MailBoxUnencrypted
from imap_tools.errors import MailboxLoginError
from sqlite_utils import Database

from givefirst.io import import_batch
from givefirst.io.entries import Batch, Skipped
from givefirst.io.mail.messages import OwnAddressNeeded, Reader
from givefirst.io.reading import ImportProblem
from givefirst.io.summary import Summary
from givefirst.store import emails, sources

BATCH = 500
MAX_SENT_BYTES = 10 * 1024 * 1024
LOCAL_HOSTS = ("127.0.0.1", "localhost", "::1")
SENT_NAMES = ("sent", "sent items", "sent messages", "sent mail", "[gmail]/sent mail")


class SyncFailed(ImportProblem):
    code = "sync_failed"


@dataclass(frozen=True)
class Account:
    host: str
    port: int
    user: str
    security: str = "ssl"  # ssl | starttls | plain (only to this computer)

    @property
    def address(self) -> str:
        return f"{self.user}@{self.host}:{self.port}"

    def settings(self) -> dict:
        return {"host": self.host, "port": self.port, "user": self.user, "security": self.security}

    @classmethod
    def from_settings(cls, settings: dict) -> "Account":
        return cls(
            settings["host"],
            int(settings["port"]),
            settings["user"],
            settings.get("security", "ssl"),
        )


def connect(account: Account, password: str) -> MailBox:
    if account.security == "plain" and account.host not in LOCAL_HOSTS:
        raise SyncFailed(
            account.address,
            None,
            "a connection without TLS is only allowed to a server on this computer",
        )
    kind = {"ssl": MailBox, "starttls": MailBoxStartTls, "plain": MailBoxUnencrypted}
    try:
        box = kind[account.security](account.host, account.port, timeout=30)
    except OSError as error:
        raise SyncFailed(account.address, None, f"cannot reach the server ({error})") from None
    try:
        return box.login(account.user, password, initial_folder=None)
    except MailboxLoginError:
        box.client.shutdown()
        raise SyncFailed(
            account.address, None, "the server refused the user name or password"
        ) from None
    except OSError as error:
        box.client.shutdown()
        raise SyncFailed(account.address, None, f"cannot reach the server ({error})") from None


def folders(box: MailBox) -> list[str]:
    """The folders to read: All Mail where there is one (it holds the sent mail), else the
    inbox and the sent folder."""
    found = box.folder.list()
    every = [f.name for f in found if "\\All" in f.flags]
    if every:
        return every[:1]
    sent = [f.name for f in found if "\\Sent" in f.flags]
    sent = sent or [f.name for f in found if f.name.lower() in SENT_NAMES]
    return ["INBOX", *sent[:1]]


def sync(
    db: Database,
    source_id: int,
    account: Account,
    password: str,
    *,
    dry_run: bool,
    now: datetime,
    progress: Callable[[int, int], None] | None = None,
) -> Summary:
    """Read what is new in the account and import it (or, with dry_run, say what would be)."""
    me = set(emails.mine(db))
    batch = Batch(source=f"IMAP {account.address}")
    reader = Reader(batch, me, batch.source)
    with connect(account, password) as box:
        for folder in folders(box):
            read_folder(db, box, reader, source_id, folder, progress)
    if not me:
        proposal = account.user.lower() if "@" in account.user else None
        raise OwnAddressNeeded(
            batch.source, proposal or reader.conversations.most_frequent_sender()
        )
    reader.finish(emails.everyone(db))
    return import_batch(db, batch, dry_run=dry_run, now=now, progress=progress)


def read_folder(
    db: Database,
    box: MailBox,
    reader: Reader,
    source_id: int,
    folder: str,
    progress: Callable[[int, int], None] | None,
) -> None:
    box.folder.set(folder, readonly=True)
    validity = int(box.folder.status(folder, ["UIDVALIDITY"])["UIDVALIDITY"])
    state = sources.folder_state(db, source_id, folder)
    start = state[1] + 1 if state and state[0] == validity else 1
    uids = [u for u in box.uids(f"UID {start}:*") if int(u) >= start]  # "N:*" names the last one
    for done, chunk in enumerate(chunks(uids, BATCH), 1):
        read_chunk(box, reader, folder, chunk)
        if progress:
            progress(min(done * BATCH, len(uids)), len(uids))
    last = max((int(u) for u in uids), default=start - 1)
    reader.batch.after.append(
        lambda db: sources.save_folder_state(db, source_id, folder, validity, last)
    )


def read_chunk(box: MailBox, reader: Reader, folder: str, uids: list[str]) -> None:
    found = []
    for message in box.fetch(uid_list=uids, headers_only=True, mark_seen=False, bulk=True):
        uid = int(message.uid or 0)
        try:
            mail = reader.message(message.obj, uid)
        except ImportProblem as problem:  # one broken message must not stop every later sync
            reason = problem.reason.split(": ", 1)[-1]
            reader.batch.skipped.append(Skipped(uid, f"{folder} UID {uid}", reason, "message"))
            continue
        if mail is not None:
            found.append((mail, message.size_rfc822))
    sent = [str(m.number) for m, size in found if reader.is_mine(m) and size <= MAX_SENT_BYTES]
    texts = (
        {
            int(m.uid or 0): m.obj.as_bytes()
            for m in box.fetch(uid_list=sent, mark_seen=False, bulk=True)
        }
        if sent
        else {}
    )
    for mail, _ in found:
        reader.add(mail, texts.get(mail.number))


def chunks(items: list[str], size: int) -> Iterator[list[str]]:
    for start in range(0, len(items), size):
        yield items[start : start + size]
