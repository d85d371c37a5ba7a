"""Files through the dashboard: an upload kept privately while it is read, an export to send.

Both are library calls (io.import_file, io.export_file) that want a path; these give them one in
a private temporary folder (mode 0700, files 0600) that is removed as soon as they return.
"""

import io
import shutil
import tempfile
import zipfile
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime
from pathlib import Path

from sqlite_utils import Database
from werkzeug.datastructures import FileStorage

from givefirst.errors import Invalid
from givefirst.io import export_file
from givefirst.io.private import opener

# What each export is sent as: media type and file extension.
DOWNLOADS = {
    "json": ("application/json", "json"),
    "vcard": ("text/vcard; charset=utf-8", "vcf"),
    "csv": ("application/zip", "zip"),  # the CSV export is a folder: one file per table
}
MAX_NAME_BYTES = 200


def file_name(sent: str) -> str:
    """The name the browser sent, without any folder or control character: what messages show."""
    name = sent.replace("\\", "/").rsplit("/", 1)[-1]
    name = "".join(ch for ch in name if ch.isprintable()).strip()
    name = name.encode()[:MAX_NAME_BYTES].decode(errors="ignore")
    return name if name not in ("", ".", "..") else "upload"


@contextmanager
def kept(upload: FileStorage | None) -> Iterator[Path]:
    """The uploaded file, saved under its own name (so messages name it) while the block runs."""
    if upload is None or not upload.filename:
        raise Invalid("Choose a file to import.")
    with tempfile.TemporaryDirectory(prefix="givefirst-upload-") as folder:
        path = Path(folder) / file_name(upload.filename)
        with open(path, "wb", opener=opener) as out:
            shutil.copyfileobj(upload.stream, out)
        yield path


def exported(db: Database, kind: str, now: datetime) -> tuple[str, bytes]:
    """(file name, contents) of the export of `kind`; the CSV folder comes packed as a ZIP."""
    stem = f"givefirst-{now.date().isoformat()}"
    name = f"{stem}.{DOWNLOADS[kind][1]}"
    with tempfile.TemporaryDirectory(prefix="givefirst-export-") as folder:
        path = Path(folder) / (stem if kind == "csv" else name)
        export_file(db, kind, path, now)
        if kind != "csv":
            return name, path.read_bytes()
        packed = io.BytesIO()
        with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive:
            for table in sorted(path.iterdir()):
                archive.write(table, f"{stem}/{table.name}")
        return name, packed.getvalue()
