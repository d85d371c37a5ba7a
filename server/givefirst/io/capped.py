"""Reading files from outside as bounded streams: the helper every import reader uses.

A file or an archive member is never read whole. Its bytes pass through `Capped`, which counts
the bytes actually read — for a ZIP member, the bytes actually inflated, whatever sizes the
archive declares — and refuses the file once they pass its limit (and, for an archive, once all
its members together pass the archive's budget). The bytes are decoded as they are read, and
`text_lines` hands out one line at a time, each at most MAX_LINE_CHARS long, so the memory an
import takes is bounded by what its reader keeps, not by what the file says about itself.

A new reader takes its lines from `file_lines(path)`, or from `Archive(path).lines(member)`,
and gives them to `reading.csv_rows` (CSV) or reads them itself (vCard). Every problem is an
ImportProblem naming the file, the line and the reason.
"""

import codecs
import io
import zipfile
import zlib
from collections.abc import Iterator
from pathlib import Path
from typing import BinaryIO

from givefirst.io.reading import MAX_FILE_BYTES, ImportProblem

MiB = 1024 * 1024
MAX_MEMBER_BYTES = 128 * MiB  # one file inside an archive, once inflated
MAX_ARCHIVE_BYTES = 192 * MiB  # the members read from one archive together, once inflated
MAX_MEMBERS = 10_000  # a LinkedIn export holds a few dozen files
MAX_LINE_CHARS = MiB  # CSV cells and vCard lines are far shorter; a bomb of zeros is one line
CHUNK = 64 * 1024
ZIP_ERRORS = (zipfile.BadZipFile, zlib.error, EOFError, OSError, RuntimeError, ValueError)


class Capped(io.RawIOBase):
    """A binary stream that refuses to hand out more than `limit` bytes (and draws on a shared
    `budget`, a one-item list of bytes left, when it reads a member of an archive)."""

    def __init__(self, raw: BinaryIO, source: str, limit: int, budget: list[int] | None = None):
        self.raw, self.source, self.limit, self.budget = raw, source, limit, budget
        self.count = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer) -> int:
        try:
            data = self.raw.read(min(len(buffer), CHUNK))
        except ImportProblem:
            raise
        except ZIP_ERRORS as error:
            raise ImportProblem(self.source, None, f"cannot be read ({error})") from None
        self.count += len(data)
        if self.count > self.limit:
            raise ImportProblem(self.source, None, f"is larger than {self.limit // MiB} MiB")
        if self.budget is not None:
            self.budget[0] -= len(data)
            if self.budget[0] < 0:
                raise ImportProblem(
                    self.source,
                    None,
                    f"the archive's files add up to more than {MAX_ARCHIVE_BYTES // MiB} MiB",
                )
        buffer[: len(data)] = data
        return len(data)


def encoding_of(head: bytes) -> str:
    """UTF-8 with or without a BOM, or UTF-16 (Google's legacy export), from the first bytes."""
    if head.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        return "utf-16"
    if len(head) >= 2 and head[0] != 0 and head[1] == 0:  # UTF-16 without its BOM
        return "utf-16-le"
    return "utf-8-sig"


def text_lines(stream: io.RawIOBase, source: str) -> Iterator[str]:
    """The stream's lines, decoded as they are read, line ends kept (CR, LF or CRLF, as csv
    wants them). A line over MAX_LINE_CHARS or bytes that are not text stop the import."""
    buffered = io.BufferedReader(stream, CHUNK)
    encoding = encoding_of(buffered.peek(4)[:4])
    text = io.TextIOWrapper(buffered, encoding=encoding, errors="strict", newline="")
    number = 0
    try:
        while line := text.readline(MAX_LINE_CHARS + 1):
            number += 1
            if len(line) > MAX_LINE_CHARS:
                raise ImportProblem(
                    source, number, f"a line is longer than {MAX_LINE_CHARS // MiB} MiB"
                )
            yield line
    except UnicodeDecodeError as error:
        # The wrapper decodes a chunk when its lines run out: the bad byte is on the line after
        # the last one handed out, plus the line ends before it in the chunk being decoded.
        before = bytes(error.object[: error.start]).decode(encoding, errors="replace")
        raise ImportProblem(
            source,
            number + 1 + before.count("\n"),
            f"is not valid {encoding.upper().removesuffix('-SIG').removesuffix('-LE')} text",
        ) from None


def file_lines(path: Path, limit: int = MAX_FILE_BYTES) -> Iterator[str]:
    """The lines of a file given by path, read as a stream."""
    with open_file(path) as raw:
        yield from text_lines(Capped(raw, path.name, limit), path.name)


def read_bytes(path: Path) -> bytes:
    """A whole file, for the formats whose parser needs all of it at once (JSON, iCalendar)."""
    with open_file(path) as handle:
        return handle.read()


def open_file(path: Path) -> BinaryIO:
    try:
        if path.stat().st_size > MAX_FILE_BYTES:
            raise ImportProblem(
                path.name, None, f"the file is larger than {MAX_FILE_BYTES // MiB} MiB"
            )
        return path.open("rb")
    except FileNotFoundError:
        raise ImportProblem(str(path), None, "no such file") from None
    except IsADirectoryError:
        raise ImportProblem(str(path), None, "is a folder, not a file") from None
    except OSError as error:
        raise ImportProblem(str(path), None, f"cannot be read ({error.strerror})") from None


def is_zip(path: Path) -> bool:
    with open_file(path) as raw:
        return raw.read(4) == b"PK\x03\x04"


class Archive:
    """A ZIP archive whose members are read as capped streams, one budget for all of them."""

    def __init__(self, path: Path):
        self.source, self.member_limit = path.name, MAX_MEMBER_BYTES
        self.budget = [MAX_ARCHIVE_BYTES]
        self.file = open_file(path)
        try:
            self.zip = self.open_zip()
        except BaseException:
            self.file.close()
            raise

    def open_zip(self) -> zipfile.ZipFile:
        """The archive, once its end record says how many members it lists: zipfile reads
        the whole list into memory, so an archive listing millions is refused before that."""
        try:
            end = zipfile._EndRecData(self.file)  # the same reading zipfile itself starts with
            if end is None:
                raise zipfile.BadZipFile
            if end[zipfile._ECD_ENTRIES_TOTAL] > MAX_MEMBERS:
                raise ImportProblem(self.source, None, f"holds more than {MAX_MEMBERS} files")
            return zipfile.ZipFile(self.file)
        except ZIP_ERRORS:
            raise ImportProblem(self.source, None, "is not a readable ZIP archive") from None

    def __enter__(self) -> "Archive":
        return self

    def __exit__(self, *_exc) -> None:
        self.zip.close()
        self.file.close()

    def find(self, wanted: tuple[str, ...]) -> dict[str, zipfile.ZipInfo]:
        """The members whose file names (in any folder, any case) are in `wanted`; the first
        of each name."""
        found: dict[str, zipfile.ZipInfo] = {}
        for info in self.zip.infolist():
            name = info.filename.rsplit("/", 1)[-1].lower()
            if name in wanted and name not in found:
                found[name] = info
        return found

    def name(self, info: zipfile.ZipInfo) -> str:
        return f"{self.source}:{info.filename}"

    def lines(self, info: zipfile.ZipInfo) -> Iterator[str]:
        """A member's lines, inflated and decoded as they are read, within both limits."""
        source = self.name(info)
        try:
            member = self.zip.open(info)
        except ZIP_ERRORS as error:
            raise ImportProblem(source, None, f"cannot be read ({error})") from None
        with member:
            yield from text_lines(Capped(member, source, self.member_limit, self.budget), source)
