import os
import shutil
import tempfile
from pathlib import Path

import pytest

from tests.mail.dovecot import DOVECOT, Dovecot


@pytest.fixture
def dovecot():
    """A real Dovecot on a free port, with an empty maildir; stopped after the test. Its folder
    is made outside pytest's private one, which Dovecot's own users could not enter."""
    if DOVECOT is None:
        if os.environ.get("CI") == "true":
            pytest.fail("dovecot is missing and CI=true: install dovecot-imapd")
        pytest.skip("dovecot-imapd is not installed (scripts/test installs it)")
    root = Path(tempfile.mkdtemp(prefix="givefirst-dovecot-"))
    try:
        server = Dovecot(root).start()
        yield server
        server.stop()
    finally:
        shutil.rmtree(root, ignore_errors=True)
