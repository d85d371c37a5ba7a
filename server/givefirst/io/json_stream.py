"""A JSON document read as a stream: its top-level members one by one, and the items of one
array member (a givefirst document's "people") one at a time, never the whole document.

The file is decoded a chunk at a time (UTF-8 with or without a BOM, or UTF-16, as
reading.decode tells them apart) and each value is parsed by the standard library's own
decoder (`raw_decode`), so what is valid JSON, what a value becomes and what an error says are
exactly what `json.loads` of the whole file would give; only where the text ends is decided
here. A value that does not parse may simply be cut off at the end of the text read so far:
more is read and the value parsed again from its start, the text read growing with it, up to
MAX_VALUE_CHARS for one value. Errors name the file's line.
"""

import codecs
import json
import re
from collections.abc import Iterator
from pathlib import Path

from givefirst.io.capped import Capped, encoding_of, open_file
from givefirst.io.reading import MAX_FILE_BYTES, ImportProblem

MiB = 1024 * 1024
CHUNK = MiB  # bytes read at a time
MAX_VALUE_CHARS = 64 * MiB  # one person of a document: about 200,000 interactions
SLACK = 16  # an error this close to the end of the text read may be a value cut off there
WHITESPACE = re.compile(r"[ \t\n\r]*")  # what json.loads skips between tokens
DECODER = json.JSONDecoder()
NOT_AN_OBJECT = object()  # the key given for a document whose top level is not an object
ITEM = object()  # the key given for each item of the array that `items_of` names


class TextStream:
    """The file's text, read and decoded as parsing needs it, with the line it has reached."""

    def __init__(self, path: Path):
        self.source = path.name
        self.file = open_file(path)
        self.raw = Capped(self.file, self.source, MAX_FILE_BYTES)
        head = self.file.peek(4)[:4] if hasattr(self.file, "peek") else b""
        self.encoding = encoding_of(head)
        self.decoder = codecs.getincrementaldecoder(self.encoding)("strict")
        self.text, self.pos, self.eof = "", 0, False
        self.lines_before = 0  # line ends in the text already let go of
        self.bytes_read = 0

    def close(self) -> None:
        self.file.close()

    def fill(self, wanted: int = 0) -> bool:
        """Read at least `wanted` more bytes (less at the end); False once at the end. The text
        before `pos` is let go of."""
        if self.eof:
            return False
        parts, count, wanted = [], 0, max(wanted, CHUNK)
        while count < wanted and (part := self.raw.read(wanted - count)):
            parts.append(part)
            count += len(part)
        data = b"".join(parts)
        self.bytes_read += len(data)
        try:
            more = self.decoder.decode(data, final=not data)
        except UnicodeDecodeError as error:
            raise self.not_text(error) from None
        self.lines_before += self.text.count("\n", 0, self.pos)
        self.text = self.text[self.pos :] + more
        self.pos, self.eof = 0, not data
        return True

    def not_text(self, error: UnicodeDecodeError) -> ImportProblem:
        before = bytes(error.object[: error.start]).decode(self.encoding, errors="replace")
        line = self.lines_before + self.text.count("\n") + before.count("\n") + 1
        name = self.encoding.upper().removesuffix("-SIG")
        return ImportProblem(self.source, line, f"is not valid {name} text")

    def problem(self, pos: int, message: str) -> ImportProblem:
        line = self.lines_before + self.text.count("\n", 0, pos) + 1
        return ImportProblem(self.source, line, f"is not valid JSON ({message})")

    def peek(self) -> str:
        """The next character that is not white space ("" at the end), `pos` on it."""
        while True:
            self.pos = WHITESPACE.match(self.text, self.pos).end()
            if self.pos < len(self.text) or not self.fill():
                return self.text[self.pos : self.pos + 1]

    def value(self) -> object:
        """The JSON value at `pos`, read on until it is whole."""
        self.peek()
        while True:
            try:
                found, end = DECODER.raw_decode(self.text, self.pos)
                if end < len(self.text) - SLACK or self.eof:  # "1.5" may be 1.5e-3 cut off
                    self.pos = end
                    return found
            except json.JSONDecodeError as error:
                cut_off = error.msg.startswith("Unterminated string") or (
                    error.pos >= len(self.text) - SLACK
                )
                if self.eof or not cut_off:
                    raise self.problem(error.pos, error.msg) from None
            held = len(self.text) - self.pos
            if held > MAX_VALUE_CHARS:
                raise ImportProblem(
                    self.source,
                    self.lines_before + self.text.count("\n", 0, self.pos) + 1,
                    f"holds a value longer than {MAX_VALUE_CHARS // MiB} MiB",
                )
            self.fill(held)  # doubling: a long value is parsed a few times only

    def expect(self, char: str, message: str) -> None:
        if self.peek() != char:
            raise self.problem(self.pos, message)
        self.pos += 1

    def end(self) -> None:
        if self.peek():
            raise self.problem(self.pos, "Extra data")


def members(path: Path, items_of: str, stream: TextStream | None = None) -> Iterator[tuple]:
    """(key, value) of each member of the document's top-level object, in the file's order;
    the array named `items_of` comes as (ITEM, value) for each of its items instead. A document
    that is not an object comes as one (NOT_AN_OBJECT, None), once it is known to be JSON.
    `stream`: the caller's TextStream of `path`, to see how far it has read."""
    stream = stream or TextStream(path)
    try:
        if stream.peek() != "{":
            stream.value()
            stream.end()
            yield NOT_AN_OBJECT, None
            return
        stream.pos += 1
        if stream.peek() == "}":
            stream.pos += 1
        else:
            yield from object_members(stream, items_of)
        stream.end()
    finally:
        stream.close()


def object_members(stream: TextStream, items_of: str) -> Iterator[tuple[object, object]]:
    while True:
        if stream.peek() != '"':
            raise stream.problem(stream.pos, "Expecting property name enclosed in double quotes")
        key = stream.value()
        stream.expect(":", "Expecting ':' delimiter")
        if key == items_of and stream.peek() == "[":
            yield key, []
            yield from array_items(stream)
        else:
            yield key, stream.value()
        if stream.peek() == "}":
            stream.pos += 1
            return
        stream.expect(",", "Expecting ',' delimiter")


def array_items(stream: TextStream) -> Iterator[tuple[object, object]]:
    stream.pos += 1  # the [
    if stream.peek() == "]":
        stream.pos += 1
        return
    while True:
        yield ITEM, stream.value()
        if stream.peek() == "]":
            stream.pos += 1
            return
        stream.expect(",", "Expecting ',' delimiter")
