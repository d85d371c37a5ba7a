"""Reading files from outside: bytes to text, CSV records with their line numbers, ZIP members.

Every problem becomes an ImportProblem naming the file, the line and the reason, so a broken
file is refused with one line the person can act on.
"""

import codecs
import csv
from collections.abc import Iterable, Iterator

from givefirst.errors import NOT_A_PROFILE_URL, Invalid, invalid_profile_url

MAX_FILE_BYTES = 512 * 1024 * 1024  # a LinkedIn archive with years of messages stays far below


class ImportProblem(Invalid):
    """A file that cannot be imported as it is."""

    code = "bad_import_file"

    def __init__(self, source: str, line: int | None, reason: str):
        super().__init__(f"{source} line {line}: {reason}" if line else f"{source}: {reason}")
        self.source, self.line, self.reason = source, line, reason


class at:  # lower case: it reads `with at(source, line):`, as the function it was
    """Turn a validation error raised while reading one entry into a problem at that line.

    A class rather than a generator: it wraps every entry of an import, and a generator's
    context manager costs several times more to enter and leave."""

    __slots__ = ("source", "line")

    def __init__(self, source: str, line: int | None):
        self.source, self.line = source, line

    def __enter__(self) -> None:
        return None

    def __exit__(self, kind, error, trace) -> bool:
        if error is None or isinstance(error, ImportProblem):
            return False
        if isinstance(error, Invalid):
            raise ImportProblem(self.source, self.line, error.message) from None
        if isinstance(error, NOT_A_PROFILE_URL):
            message = invalid_profile_url(error).message
            raise ImportProblem(self.source, self.line, message) from None
        return False


def decode(data: bytes, source: str) -> str:
    """UTF-8 with or without a BOM, or UTF-16 (Google's legacy export), as text."""
    if data.startswith((codecs.BOM_UTF16_LE, codecs.BOM_UTF16_BE)):
        encoding = "utf-16"
    elif len(data) >= 2 and data[0] != 0 and data[1] == 0:  # UTF-16 without its BOM
        encoding = "utf-16-le"
    else:
        encoding = "utf-8-sig"
    try:
        return data.decode(encoding)
    except UnicodeDecodeError as error:
        line = data[: error.start].decode(encoding, errors="replace").count("\n") + 1
        raise ImportProblem(
            source, line, f"is not valid {encoding.upper().removesuffix('-SIG')} text"
        ) from None


def csv_rows(lines: Iterable[str], source: str) -> Iterator[tuple[int, list[str]]]:
    """(line where the record starts, cells) for each CSV record; quoted newlines allowed.
    `lines` keep their line ends: capped.file_lines or Archive.lines, read as a stream."""
    reader = csv.reader(lines, strict=True)
    start = 1
    try:
        for cells in reader:
            yield start, cells
            start = reader.line_num + 1
    except csv.Error as error:
        if str(error) == "unexpected end of data":  # a quote opened in this record never closes
            raise ImportProblem(
                source,
                start,
                "the CSV cannot be read (a quoted field that starts on this line is never closed)",
            ) from None
        raise ImportProblem(source, reader.line_num, f"the CSV cannot be read ({error})") from None


def header_key(name: str) -> str:
    """Column names compared loosely: case, surrounding spaces and BOMs do not matter."""
    return " ".join(name.replace("\ufeff", "").split()).lower()


def find_header(
    rows: Iterator[tuple[int, list[str]]], wanted: tuple[str, ...], source: str
) -> list[str]:
    """Skip to the header row that has the wanted columns, past any preamble."""
    for _, cells in rows:
        if set(wanted) <= {header_key(cell) for cell in cells}:
            return cells
    raise ImportProblem(source, None, f"no header row with the columns {', '.join(wanted)}")


def records(
    rows: Iterator[tuple[int, list[str]]], header: list[str], source: str
) -> Iterator[tuple[int, dict[str, str]]]:
    """The rows after a header as {column: cell}; a row with the wrong number of cells is refused."""
    names = [header_key(name) for name in header]
    for line, cells in rows:
        if not "".join(cells).strip():
            continue  # blank lines, and rows of empty cells some spreadsheets append
        if len(cells) != len(names):
            raise ImportProblem(
                source, line, f"{len(cells)} fields where the header has {len(names)}"
            )
        yield line, dict(zip(names, cells, strict=True))
