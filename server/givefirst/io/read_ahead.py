"""A large JSON document read and checked in a second process while this one plans and writes
what was read before: reading is pure Python and writing mostly SQLite, so on two cores the
one goes on while the other runs, where in one process they would take turns.

The reader (`read_into`) runs givefirst_json.persons in a fresh interpreter and sends its
checked people in chunks, in the file's order, with its reports of progress in between, then
"done" or the problem it stopped at. Here they come out as they went in: the same people, the
same progress, and the same ImportProblem after the same people, so a problem anywhere still
rolls the whole import back. The queue holds at most AHEAD chunks of at most CHUNK_RECORDS
records (and one person) each, so the reader is never more than that ahead of the writer.
A small document is read here: starting a process would cost more than it saves.
"""

import multiprocessing
import pickle
import queue
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from givefirst.io import givefirst_json
from givefirst.io.format import Progress
from givefirst.io.reading import ImportProblem
from givefirst.store.known import RECORDS

PARALLEL_FROM = 8 * 1024 * 1024  # bytes of a document, at least, before a reader process pays
CHUNK_RECORDS = 2_000  # interactions, facts and reviews sent at a time
AHEAD = 16  # chunks the reader may have sent that were not taken yet
LIVENESS_CHECK = 1.0  # seconds of waiting for a chunk between two looks at the reader


@contextmanager
def persons(path: Path, progress: Progress | None = None) -> Iterator[Iterator[dict]]:
    """givefirst_json.persons(path, progress): for a large document, read in a second process.
    The reader ends when the block does, however it ends."""
    if path.stat().st_size < PARALLEL_FROM:
        yield givefirst_json.persons(path, progress)
        return
    context = multiprocessing.get_context(start_method())
    chunks = context.Queue(AHEAD)
    reader = context.Process(target=read_into, args=(str(path), chunks), daemon=True)
    reading = Reading(chunks, reader, progress)
    reader.start()
    try:
        yield reading.people()
    finally:
        if not reading.finished:  # the writer stopped early: the rest is not wanted
            reader.kill()
        reader.join()
        reading.chunks.close()


def start_method() -> str:
    """Fork on Linux when this process runs one thread: the reader starts at once and shares
    the modules loaded here instead of loading its own (about 50 MB and a second). It touches
    nothing but the document and its queue, and ends without closing what it inherited (the
    database connection stays this process's). Elsewhere, or beside other threads (a lock
    one of them holds would stay held in the copy), a fresh interpreter."""
    if sys.platform.startswith("linux") and threading.active_count() == 1:
        return "fork"
    return "spawn"


class Reading:
    """The reader's side here: its chunks, taken in turn until its last word."""

    def __init__(self, chunks, reader, progress: Progress | None):
        self.chunks, self.reader, self.progress, self.finished = chunks, reader, progress, False

    def people(self) -> Iterator[dict]:
        """The people the reader sends, reporting its progress in between, until it is done."""
        while True:
            kind, content = self.next_chunk()
            if kind == "people":
                for item in content:
                    if type(item) is dict:
                        yield item
                    elif self.progress:
                        self.progress(*item)
                continue
            self.finished = True
            if kind == "problem":
                raise ImportProblem(*content)
            if kind == "error":
                raise content
            return

    def next_chunk(self) -> tuple[str, object]:
        while True:
            try:
                return self.chunks.get(timeout=LIVENESS_CHECK)
            except queue.Empty:
                if not self.reader.is_alive() and self.chunks.empty():
                    self.finished = True
                    raise RuntimeError(
                        f"the process reading the document ended (exit code "
                        f"{self.reader.exitcode}) before it was read"
                    ) from None


def read_into(path: str, chunks) -> None:
    """The reader process: the checked people of the document at `path`, into `chunks`."""
    sending = Sending(chunks)
    try:
        for person in givefirst_json.persons(Path(path), sending.heard):
            sending.add(person)
        sending.last_word("done", None)
    except ImportProblem as problem:
        sending.last_word("problem", (problem.source, problem.line, problem.reason))
    except Exception as error:  # anything else: the writer raises it, as reading here would
        sending.last_word("error", error if picklable(error) else RuntimeError(repr(error)))
    chunks.close()
    chunks.join_thread()  # everything sent before the process ends


class Sending:
    """The reader's side there: people and reports of progress, a chunk at a time."""

    def __init__(self, chunks):
        self.chunks, self.chunk, self.records = chunks, [], 0

    def heard(self, done: int, total: int) -> None:
        self.chunk.append((done, total))

    def add(self, person: dict) -> None:
        self.chunk.append(person)
        self.records += 1 + sum(len(person[table]) for table in RECORDS)
        if self.records >= CHUNK_RECORDS:
            self.chunks.put(("people", self.chunk))
            self.chunk, self.records = [], 0

    def last_word(self, kind: str, content: object) -> None:
        self.chunks.put(("people", self.chunk))
        self.chunks.put((kind, content))


def picklable(error: Exception) -> bool:
    try:
        pickle.loads(pickle.dumps(error))
    except Exception:
        return False
    return True
