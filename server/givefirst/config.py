"""Defaults the service and the CLI share."""

import os
from pathlib import Path

import platformdirs

DEFAULT_PORT = 7170
MAX_BODY_BYTES = 4 * 1024 * 1024
# The largest file the dashboard's import takes: a LinkedIn export archive can be tens of MB.
MAX_UPLOAD_BYTES = 64 * 1024 * 1024
DORMANCY_DAYS = 180

# The Chromium extension's ID, pinned by the public "key" in extension/manifest.json, so the
# service can recognise its origin. Firefox extension origins are random per install; they are
# approved when that install pairs.
CHROME_EXTENSION_ID = "odcijhajcmedbhaedloogfjkdkplnoke"
CHROME_EXTENSION_ORIGIN = f"chrome-extension://{CHROME_EXTENSION_ID}"


def default_data_folder() -> Path:
    """givefirst's own folder in the user's data directory."""
    return Path(platformdirs.user_data_dir("givefirst", appauthor=False))


def default_db_path() -> Path:
    """The database in the user's data directory, unless GIVEFIRST_DB says otherwise."""
    if os.environ.get("GIVEFIRST_DB"):
        return Path(os.environ["GIVEFIRST_DB"]).expanduser()
    return default_data_folder() / "givefirst.db"
