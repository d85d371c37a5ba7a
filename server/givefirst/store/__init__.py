"""Everything that reads or writes the database, and nothing else does (tests/test_layers.py).
Writes go through `connection.write` (BEGIN IMMEDIATE)."""
