"""Everything that reads or writes the database. Writes go through `db.write` (BEGIN IMMEDIATE)."""
