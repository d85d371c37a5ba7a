"""store/ is everything that touches SQLite: no module outside it holds SQL, imports sqlite3
or calls the database's own methods (execute, query, a table by `db[...]`, the raw
connection). Everything else passes the database handle to store functions."""

import ast
import re
from pathlib import Path

import pytest

PACKAGE = Path(__file__).resolve().parents[1] / "server" / "givefirst"
STORE = PACKAGE / "store"

SQL = re.compile(
    r"\bSELECT\b.+\bFROM\b|\bINSERT\s+(OR\s+\w+\s+)?INTO\b|\bUPDATE\s+\w+\s+SET\b"
    r"|\bDELETE\s+FROM\b|\b(CREATE|DROP)\s+(TEMP\s+)?(TABLE|INDEX|TRIGGER|VIEW)\b"
    r"|\bPRAGMA\s+\w+|\bATTACH\s+DATABASE\b|\bBEGIN\s+(IMMEDIATE|EXCLUSIVE|DEFERRED)\b"
    r"|\b(ROLLBACK|COMMIT|SAVEPOINT)\b\s*$",
    re.DOTALL,
)
DATABASE_METHODS = {
    "execute",
    "executemany",
    "executescript",
    "query",
    "table",
    "atomic",
    "enable_wal",
    "register_function",
    "rows_where",
    "insert_all",
    "upsert",
    "upsert_all",
    "attach",
    "vacuum",
}
SQLITE_MODULES = {"sqlite3", "sqlite_utils.db", "apsw"}


def docstrings(tree: ast.AST) -> set[int]:
    """ids of the string nodes that are docstrings (prose may name a PRAGMA)."""
    found = set()
    for node in ast.walk(tree):
        if isinstance(node, ast.Module | ast.ClassDef | ast.FunctionDef | ast.AsyncFunctionDef):
            body = node.body
            if body and isinstance(body[0], ast.Expr) and isinstance(body[0].value, ast.Constant):
                found.add(id(body[0].value))
    return found


def names_the_database(node: ast.AST) -> bool:
    """`db`, `job.db`, `self.db` and the like: the handle store functions take."""
    return (isinstance(node, ast.Name) and node.id == "db") or (
        isinstance(node, ast.Attribute) and node.attr == "db"
    )


def text_of(node: ast.JoinedStr) -> str:
    """An f-string's text with each placeholder as a word: f"UPDATE {t} SET" → "UPDATE x SET"."""
    return "".join(v.value if isinstance(v, ast.Constant) else "x" for v in node.values)


def touches_sqlite(source: str) -> list[str]:
    """What in this module's source would make it touch SQLite: one line each."""
    tree, found = ast.parse(source), []
    prose = docstrings(tree)
    for node in ast.walk(tree):
        line = getattr(node, "lineno", 0)
        if isinstance(node, ast.JoinedStr):
            prose.update(id(part) for part in node.values)  # read whole, here
            if SQL.search(text_of(node)):
                found.append(f"line {line}: SQL {text_of(node)[:40]!r}")
        elif isinstance(node, ast.Constant) and isinstance(node.value, str):
            if id(node) not in prose and SQL.search(node.value):
                found.append(f"line {line}: SQL {node.value[:40]!r}")
        elif isinstance(node, ast.Import | ast.ImportFrom):
            modules = (
                [a.name for a in node.names] if isinstance(node, ast.Import) else [node.module]
            )
            found += [f"line {line}: imports {m}" for m in modules if m in SQLITE_MODULES]
        elif isinstance(node, ast.Attribute):
            if node.attr in DATABASE_METHODS and isinstance(node.ctx, ast.Load):
                if names_the_database(node.value) or node.attr != "query":
                    found.append(f"line {line}: .{node.attr}")
            elif node.attr == "conn":
                found.append(f"line {line}: .conn")
        elif isinstance(node, ast.Subscript) and names_the_database(node.value):
            found.append(f"line {line}: a table by db[...]")
    return found


def outside_store() -> list[Path]:
    return sorted(p for p in PACKAGE.rglob("*.py") if STORE not in p.parents)


@pytest.mark.parametrize("path", outside_store(), ids=lambda p: str(p.relative_to(PACKAGE)))
def test_no_module_outside_store_touches_sqlite(path: Path) -> None:
    assert touches_sqlite(path.read_text(encoding="utf-8")) == []


def test_store_holds_the_connection_and_the_schema() -> None:
    assert (STORE / "connection.py").is_file() and (STORE / "migrations.py").is_file()
    assert any(touches_sqlite(p.read_text(encoding="utf-8")) for p in STORE.glob("*.py"))


@pytest.mark.parametrize(
    "source",
    [
        'rows = db.execute("SELECT 1")',
        'sql = "SELECT id FROM people"',
        "sql = f'UPDATE {table} SET a = 1'",
        'x = "INSERT OR IGNORE INTO person_tags VALUES (?, ?)"',
        "conn.executemany(sql, rows)",
        'db["profiles"].update(1, {})',
        "job.db.query(sql)",
        "import sqlite3",
        "from sqlite3 import connect",
        "db.conn.commit()",
        "with db.atomic(): pass",
        'mode = "PRAGMA journal_mode = DELETE"',
    ],
)
def test_the_check_sees_sqlite(source: str) -> None:
    assert touches_sqlite(source)


@pytest.mark.parametrize(
    "source",
    [
        '"""Checked with `PRAGMA integrity_check` first."""',
        "people.update(db, person_id, data, now)",
        "found.update(rows)",
        "parts = urlparse(url).query",
        'label = "Select the people you met"',
        "def run(db: Database) -> None:\n    store.write(db)",
    ],
)
def test_the_check_leaves_the_rest_alone(source: str) -> None:
    assert touches_sqlite(source) == []
