import math
import sqlite3

from givefirst.store import connection


class WithoutMath(sqlite3.Connection):
    """A connection to an SQLite built without its math functions."""

    def execute(self, sql, *args):
        if "pow(" in sql and not getattr(self, "python_pow", False):
            raise sqlite3.OperationalError("no such function: pow")
        return super().execute(sql, *args)

    def create_function(self, name, *args, **kwargs):
        self.python_pow = name == "pow"
        return super().create_function(name, *args, **kwargs)


def test_an_sqlite_without_math_functions_gets_pythons_pow():
    conn = sqlite3.connect(":memory:", factory=WithoutMath)
    connection.with_pow(conn)
    assert conn.python_pow
    assert conn.execute("SELECT pow(2.0, 0.5)").fetchone()[0] == math.sqrt(2.0)


def test_the_balance_decays_in_sql_on_every_connection(tmp_path):
    db = connection.connect(tmp_path / "g.db")
    assert db.execute("SELECT pow(2.0, -1.0)").fetchone()[0] == 0.5
