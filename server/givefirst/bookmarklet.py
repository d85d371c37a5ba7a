"""The bookmarklet: static/bookmarklet.js made into one `javascript:` URL for a given port."""

import json
from pathlib import Path
from urllib.parse import quote

SOURCE = Path(__file__).parent / "static" / "bookmarklet.js"
# Kept as they are for a readable link; everything else (spaces, quotes, %, #, braces) is escaped.
READABLE = "()[]=>;,.:/'!*+-_?&$@~"


def code(service_url: str) -> str:
    """The script on one line: comment lines dropped, SERVICE_URL filled in."""
    lines = (line.strip() for line in SOURCE.read_text(encoding="utf-8").splitlines())
    body = " ".join(line for line in lines if line and not line.startswith("//"))
    return body.replace("SERVICE_URL", json.dumps(service_url))


def javascript_url(port: int) -> str:
    """What to save as a bookmark: opens the popup of the service on 127.0.0.1:`port`."""
    return "javascript:" + quote(code(f"http://127.0.0.1:{port}"), safe=READABLE)
