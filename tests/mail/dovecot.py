"""A real IMAP server for the tests: Debian's Dovecot with a throwaway configuration.

It listens on 127.0.0.1 on a free port, knows one user from a passwd-file, keeps mail in a
maildir under the test's folder and runs in the foreground until the fixture stops it. Written
so it works as root (as on the test machine) and as an ordinary user.
"""

import getpass
import os
import pwd
import shutil
import socket
import subprocess
import time
from email.message import EmailMessage
from pathlib import Path

USER, PASSWORD = "ada@example.org", "synthetic-password-1"
DOVECOT = shutil.which("dovecot") or (
    "/usr/sbin/dovecot" if Path("/usr/sbin/dovecot").exists() else None
)

CONFIG = """
protocols = imap
listen = 127.0.0.1
base_dir = {root}/run
state_dir = {root}/state
log_path = {root}/dovecot.log
ssl = no
disable_plaintext_auth = no
auth_mechanisms = plain login
default_internal_user = {internal}
default_login_user = {login}
first_valid_uid = 1
mail_location = maildir:{root}/home/%n/Maildir
passdb {{
  driver = passwd-file
  args = scheme=PLAIN username_format=%u {root}/passwd
}}
userdb {{
  driver = static
  args = uid={uid} gid={gid} home={root}/home/%n
}}
namespace inbox {{
  inbox = yes
  separator = /
  mailbox Sent {{
    special_use = \\Sent
  }}
}}
service imap-login {{
  inet_listener imap {{
    address = 127.0.0.1
    port = {port}
  }}
  inet_listener imaps {{
    port = 0
  }}
}}
service anvil {{
  chroot =
}}
service imap-login {{
  chroot =
}}
service pop3-login {{
  chroot =
}}
"""


def free_port() -> int:
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        return sock.getsockname()[1]


def mail_owner() -> tuple[int, int]:
    """Dovecot will not keep mail as root: as root, the mail belongs to its own user."""
    if os.geteuid() != 0:
        return os.getuid(), os.getgid()
    for wanted in ("dovecot", "nobody"):
        try:
            found = pwd.getpwnam(wanted)
            return found.pw_uid, found.pw_gid
        except KeyError:
            continue
    raise RuntimeError("no unprivileged user to keep the test mail")


def system_users() -> tuple[str, str]:
    """Dovecot's own unprivileged users when running as root, else whoever runs the tests."""
    if os.geteuid() != 0:
        return getpass.getuser(), getpass.getuser()
    names = []
    for wanted in ("dovecot", "dovenull"):
        try:
            names.append(pwd.getpwnam(wanted).pw_name)
        except KeyError:
            names.append("nobody")
    return names[0], names[1]


class Dovecot:
    def __init__(self, root: Path):
        self.root, self.port = root, free_port()
        self.maildir = root / "home" / "ada" / "Maildir"
        self.process: subprocess.Popen | None = None
        self.count = 0
        self.uid, self.gid = os.getuid(), os.getgid()

    def start(self) -> "Dovecot":
        for folder in ("run", "state"):
            (self.root / folder).mkdir(parents=True, exist_ok=True)
        for box in ("", ".Sent"):
            for part in ("cur", "new", "tmp"):
                (self.maildir / box / part).mkdir(parents=True, exist_ok=True)
        (self.root / "passwd").write_text(f"{USER}:{{PLAIN}}{PASSWORD}::::::\n")
        internal, login = system_users()
        self.uid, self.gid = mail_owner()
        for folder, _, _ in os.walk(self.root / "home"):
            os.chown(folder, self.uid, self.gid)
        config = self.root / "dovecot.conf"
        config.write_text(
            CONFIG.format(
                root=self.root,
                port=self.port,
                uid=self.uid,
                gid=self.gid,
                internal=internal,
                login=login,
            )
        )
        os.chmod(self.root, 0o755)  # Dovecot's own users read the config and the passwd-file
        with (self.root / "stdout.log").open("wb") as output:
            self.process = subprocess.Popen(
                [DOVECOT, "-F", "-c", str(config)], stdout=output, stderr=subprocess.STDOUT
            )
        deadline = time.monotonic() + 15
        while time.monotonic() < deadline:
            if self.process.poll() is not None:
                raise RuntimeError(f"dovecot stopped: {self.log()}")
            try:
                socket.create_connection(("127.0.0.1", self.port), timeout=0.5).close()
                return self
            except OSError:
                time.sleep(0.1)
        self.stop()
        raise RuntimeError(f"dovecot did not start: {self.log()}")

    def log(self) -> str:
        logs = [self.root / "stdout.log", self.root / "dovecot.log"]
        return "".join(p.read_text(errors="replace") for p in logs if p.exists())

    def stop(self) -> None:
        if self.process and self.process.poll() is None:
            self.process.terminate()
            try:
                self.process.wait(timeout=10)
            except subprocess.TimeoutExpired:
                self.process.kill()
                self.process.wait()

    def deliver(self, folder: str, raw: bytes) -> None:
        """Put a message in a folder ("INBOX" or "Sent") as a mail server would."""
        self.count += 1
        box = self.maildir / ("" if folder == "INBOX" else f".{folder}")
        name = f"{int(time.time())}.M{self.count}P{os.getpid()}.givefirst-tests"
        (box / "tmp" / name).write_bytes(raw)
        os.chown(box / "tmp" / name, self.uid, self.gid)
        os.rename(box / "tmp" / name, box / "new" / name)


def message(
    sender: str,
    to: str,
    subject: str,
    date: str,
    message_id: str,
    body: str = "Hi.",
    **headers: str,
) -> bytes:
    mail = EmailMessage()
    mail["From"], mail["To"], mail["Subject"], mail["Date"] = sender, to, subject, date
    mail["Message-ID"] = message_id
    for name, value in headers.items():
        mail[name.replace("_", "-")] = value
    mail.set_content(body)
    return bytes(mail)
