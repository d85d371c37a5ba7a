"""The schema, only ever changed by appending a named migration to this file.

Applied migrations are recorded in `_sqlite_migrations`; applying the set again is a no-op.
Never edit a migration that has shipped: add a new one.
"""

from sqlite_utils import Database, Migrations

from givefirst.store import checkin_clocks, network_marks, network_months, streaks

migrations = Migrations("givefirst")


@migrations()
def m001_people_profiles_interactions_facts(db: Database) -> None:
    db.executescript(
        """
        CREATE TABLE people (
            id INTEGER PRIMARY KEY,
            uuid TEXT NOT NULL UNIQUE,
            name TEXT NOT NULL,
            circle TEXT NOT NULL DEFAULT 'wider',
            how_met TEXT,
            notes TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX people_name ON people(name COLLATE NOCASE);

        CREATE TABLE person_tags (
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            tag TEXT NOT NULL,
            PRIMARY KEY (person_id, tag)
        ) WITHOUT ROWID;
        CREATE INDEX person_tags_tag ON person_tags(tag);

        -- One identity on one site. Observed fields are what the page showed last time.
        CREATE TABLE profiles (
            id INTEGER PRIMARY KEY,
            key TEXT NOT NULL UNIQUE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            site TEXT NOT NULL,
            url TEXT NOT NULL,
            name TEXT,
            headline TEXT,
            company TEXT,
            role TEXT,
            location TEXT,
            photo_url TEXT,
            added_at TEXT NOT NULL,
            last_seen_at TEXT
        );
        CREATE INDEX profiles_person ON profiles(person_id);
        CREATE INDEX profiles_company ON profiles(company COLLATE NOCASE);

        -- Stable UUIDs so two computers' databases can be reconciled.
        CREATE TABLE interactions (
            id TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            kind TEXT NOT NULL CHECK (kind IN
                ('gave', 'asked', 'received', 'they_asked', 'talked', 'messaged')),
            summary TEXT NOT NULL,
            occurred_at TEXT NOT NULL,
            status TEXT,
            weight INTEGER NOT NULL DEFAULT 1 CHECK (weight BETWEEN 1 AND 3),
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX interactions_person_time ON interactions(person_id, occurred_at);
        CREATE INDEX interactions_time ON interactions(occurred_at);

        CREATE TABLE facts (
            id TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            label TEXT NOT NULL,
            value TEXT NOT NULL,
            date TEXT,
            created_at TEXT NOT NULL,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX facts_person ON facts(person_id);

        -- What a profile page showed when its fields changed, for "what's new since last time".
        CREATE TABLE profile_snapshots (
            id INTEGER PRIMARY KEY,
            profile_id INTEGER NOT NULL REFERENCES profiles(id) ON DELETE CASCADE,
            seen_at TEXT NOT NULL,
            fields TEXT NOT NULL
        );
        CREATE INDEX profile_snapshots_profile ON profile_snapshots(profile_id, seen_at);
        """
    )


@migrations()
def m002_tokens_and_pairing(db: Database) -> None:
    db.executescript(
        """
        -- Only a SHA-256 of each token is kept; the token itself is shown once.
        CREATE TABLE tokens (
            id INTEGER PRIMARY KEY,
            name TEXT NOT NULL UNIQUE,
            token_hash TEXT NOT NULL UNIQUE,
            origin TEXT,
            created_at TEXT NOT NULL,
            last_used_at TEXT,
            revoked_at TEXT
        );

        -- An extension asking to pair: it knows request_id (kept hashed), the person sees code.
        CREATE TABLE pairing_requests (
            id INTEGER PRIMARY KEY,
            request_hash TEXT NOT NULL UNIQUE,
            code TEXT NOT NULL,
            client TEXT NOT NULL,
            origin TEXT,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'approved', 'denied', 'claimed')),
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            token_name TEXT
        );
        CREATE INDEX pairing_requests_code ON pairing_requests(code);

        CREATE TABLE pairing_failures (
            id INTEGER PRIMARY KEY,
            failed_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m501_dashboard_sessions(db: Database) -> None:
    db.executescript(
        """
        -- One-time login links for the dashboard; only a SHA-256 of the secret is kept.
        CREATE TABLE login_links (
            id INTEGER PRIMARY KEY,
            token_hash TEXT NOT NULL UNIQUE,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL,
            used_at TEXT
        );

        -- Dashboard sessions: the cookie's secret is kept hashed; the CSRF token travels in
        -- pages and headers, never in the cookie.
        CREATE TABLE sessions (
            id INTEGER PRIMARY KEY,
            session_hash TEXT NOT NULL UNIQUE,
            csrf_token TEXT NOT NULL,
            created_at TEXT NOT NULL,
            expires_at TEXT NOT NULL
        );
        """
    )


@migrations()
def m601_io_emails_and_sources(db: Database) -> None:
    db.executescript(
        """
        -- Email addresses, so contacts from different exports are recognised as one person.
        CREATE TABLE person_emails (
            email TEXT PRIMARY KEY COLLATE NOCASE,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
        );
        CREATE INDEX person_emails_person ON person_emails(person_id);

        -- Where an imported entry came from when it has no profile or email to recognise it by
        -- (a vCard UID, a LinkedIn row without URL), so importing the same file twice adds nothing.
        CREATE TABLE person_sources (
            source TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE
        );
        CREATE INDEX person_sources_person ON person_sources(person_id);
        """
    )


@migrations()
def m602_io_ask_reviews(db: Database) -> None:
    db.executescript(
        """
        -- Sent messages from an import that read like asks. They wait for the person to decide;
        -- an import never turns them into `asked` entries on its own.
        CREATE TABLE ask_reviews (
            id TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            interaction_id TEXT REFERENCES interactions(id) ON DELETE SET NULL,
            text TEXT NOT NULL,
            ask_kind TEXT,
            phrase TEXT,
            sent_at TEXT NOT NULL,
            status TEXT NOT NULL DEFAULT 'pending'
                CHECK (status IN ('pending', 'accepted', 'dismissed')),
            created_at TEXT NOT NULL,
            decided_at TEXT
        );
        CREATE INDEX ask_reviews_status ON ask_reviews(status, sent_at);
        """
    )


@migrations()
def m1101_pairing_failures_per_request(db: Database) -> None:
    db.executescript(
        """
        -- Wrong codes count against the requests that were waiting when they were typed, so a
        -- burst of wrong codes burns those requests instead of locking everyone out.
        ALTER TABLE pairing_requests ADD COLUMN wrong_codes INTEGER NOT NULL DEFAULT 0;
        CREATE INDEX pairing_requests_origin ON pairing_requests(origin, created_at);
        """
    )


@migrations()
def m1801_reminders(db: Database) -> None:
    db.executescript(
        """
        -- A keep-in-touch cadence the person chose for someone; without a row, their circle's
        -- default applies. days NULL: keep no clock for them at all.
        CREATE TABLE person_cadences (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            days INTEGER CHECK (days IS NULL OR days BETWEEN 1 AND 3650),
            updated_at TEXT NOT NULL
        );

        -- Today's items marked done or snoozed. The key names one occurrence (this check-in,
        -- this year's birthday), so the next one is due again on its own. A check-in marked
        -- done has an `until` too: one cadence later it is due again.
        CREATE TABLE reminder_states (
            key TEXT PRIMARY KEY,
            person_id INTEGER NOT NULL REFERENCES people(id) ON DELETE CASCADE,
            state TEXT NOT NULL CHECK (state IN ('done', 'snoozed')),
            until TEXT,
            updated_at TEXT NOT NULL
        );
        CREATE INDEX reminder_states_person ON reminder_states(person_id);

        -- What a token opens: NULL is the whole API; 'feed' only the reminders calendar.
        ALTER TABLE tokens ADD COLUMN scope TEXT;
        """
    )


@migrations()
def m1601_mail_and_calendar_sources(db: Database) -> None:
    db.executescript(
        """
        -- Your own addresses: mail from them is yours, mail to them is to you.
        CREATE TABLE my_emails (
            email TEXT PRIMARY KEY COLLATE NOCASE,
            added_at TEXT NOT NULL
        );

        -- Mail and calendar sources synced on demand or by `givefirst serve`: an IMAP account
        -- (kind 'imap', address 'user@host:port') or a calendar's iCal address (kind 'ics').
        -- No password is kept here (see io/secrets.py); last_error is the last sync's reason.
        CREATE TABLE sync_sources (
            id INTEGER PRIMARY KEY,
            kind TEXT NOT NULL CHECK (kind IN ('imap', 'ics')),
            address TEXT NOT NULL,
            settings TEXT NOT NULL DEFAULT '{}',
            added_at TEXT NOT NULL,
            last_sync_at TEXT,
            last_error TEXT,
            UNIQUE (kind, address)
        );

        -- How far an IMAP folder has been read: UIDs are only comparable within a UIDVALIDITY.
        CREATE TABLE imap_folders (
            source_id INTEGER NOT NULL REFERENCES sync_sources(id) ON DELETE CASCADE,
            folder TEXT NOT NULL,
            uidvalidity INTEGER NOT NULL,
            last_uid INTEGER NOT NULL,
            PRIMARY KEY (source_id, folder)
        );

        -- The latest exchange of each mail thread with one person, so a reply read by a later
        -- sync extends that interaction instead of starting another.
        CREATE TABLE mail_threads (
            thread TEXT PRIMARY KEY,
            interaction_id TEXT NOT NULL REFERENCES interactions(id) ON DELETE CASCADE,
            last_at TEXT NOT NULL
        );

        -- Meetings in the days ahead, from the calendars read last, for Today's "Coming up".
        -- Replaced whole for a calendar each time it is read again.
        CREATE TABLE upcoming_meetings (
            id TEXT PRIMARY KEY,
            calendar TEXT NOT NULL,
            title TEXT NOT NULL,
            starts_at TEXT NOT NULL,
            emails TEXT NOT NULL DEFAULT '[]'
        );
        CREATE INDEX upcoming_meetings_start ON upcoming_meetings(starts_at);
        """
    )


@migrations()
def m1001_introduction_indexes(db: Database) -> None:
    """Introductions look people up by the person's own tags and employers, through indexes:
    tags compare without case, and employers by `employer_key`, the company's name without its
    legal form (core/news.py, company_key; '' when nothing is left). The key is worked out in
    Python, so a write that sets a company (even from another program) leaves it NULL through
    these triggers, and the next write transaction of givefirst fills it in (connection.write)."""
    db.executescript(
        """
        CREATE INDEX person_tags_tag_nocase ON person_tags(tag COLLATE NOCASE);

        ALTER TABLE profiles ADD COLUMN employer_key TEXT;
        UPDATE profiles SET employer_key = company_key(company) WHERE company IS NOT NULL;
        CREATE INDEX profiles_employer ON profiles(employer_key);
        CREATE INDEX profiles_employer_stale ON profiles(id)
            WHERE employer_key IS NULL AND company IS NOT NULL;

        CREATE TRIGGER profiles_employer_insert AFTER INSERT ON profiles
            WHEN NEW.employer_key IS NOT NULL
        BEGIN
            UPDATE profiles SET employer_key = NULL WHERE id = NEW.id;
        END;
        CREATE TRIGGER profiles_employer_update AFTER UPDATE OF company ON profiles
        BEGIN
            UPDATE profiles SET employer_key = NULL WHERE id = NEW.id;
        END;
        """
    )


# The summary's columns as m1002 made them, then as m1007 added to them (what every summary
# holds now). The table's columns after person_id and interactions, in the table's order.
M1002_PARTS = [
    "two_way",
    "last_contact",
    "last_two_way",
    "first_two_way",
    "gave",
    "asked",
    "received",
    "they_asked",
    "last_received",
    "last_returned",
    "oldest_waiting",
    "oldest_open_ask",
]
M1007_PARTS = ["last_gave", "last_asked", "given_decayed", "taken_decayed"]
SUMMARY_PARTS = M1002_PARTS + M1007_PARTS
REAL_PARTS = ("given_decayed", "taken_decayed")  # sums of floats: equal within rounding only


def summary_columns(parts: list[str]) -> str:
    return ", ".join(["person_id", "interactions", *parts])


SUMMARY_COLUMNS = summary_columns(SUMMARY_PARTS)
# The decayed balance's running sums (core/ledger.py, epoch_weight): weight × 2^(days since
# 2000-01-01 UTC / 365), the day counted by julianday.
EPOCH_JULIAN_DAY = 2451544.5
HALF_LIFE_DAYS = 365.0


def summary_of(row: str) -> dict[str, str]:
    """Each summary column as an SQL expression on one interactions row (NEW, OLD or i)."""
    two_way = (
        f"({row}.kind IN ('talked', 'received', 'they_asked') OR "
        f"({row}.kind = 'asked' AND {row}.status IN ('granted', 'declined')))"
    )
    decayed = (
        f"{row}.weight * pow(2.0, (julianday({row}.occurred_at) - {EPOCH_JULIAN_DAY}) "
        f"/ {HALF_LIFE_DAYS})"
    )
    return {
        "two_way": f"({two_way})",
        "last_contact": f"{row}.occurred_at",
        "last_two_way": f"CASE WHEN {two_way} THEN {row}.occurred_at END",
        "first_two_way": f"CASE WHEN {two_way} THEN {row}.occurred_at END",
        "gave": f"({row}.kind = 'gave')",
        "asked": f"({row}.kind = 'asked')",
        "received": f"({row}.kind = 'received')",
        "they_asked": f"({row}.kind = 'they_asked')",
        "last_received": f"CASE WHEN {row}.kind = 'received' THEN {row}.occurred_at END",
        "last_returned": f"CASE WHEN {row}.kind = 'gave' OR ({row}.kind = 'they_asked' "
        f"AND {row}.status = 'done') THEN {row}.occurred_at END",
        "oldest_waiting": f"CASE WHEN {row}.kind = 'they_asked' AND {row}.status = 'open' "
        f"THEN {row}.occurred_at END",
        "oldest_open_ask": f"CASE WHEN {row}.kind = 'asked' AND {row}.status = 'open' "
        f"THEN {row}.occurred_at END",
        "last_gave": f"CASE WHEN {row}.kind = 'gave' THEN {row}.occurred_at END",
        "last_asked": f"CASE WHEN {row}.kind = 'asked' THEN {row}.occurred_at END",
        "given_decayed": f"CASE WHEN {row}.kind = 'gave' THEN {decayed} ELSE 0.0 END",
        "taken_decayed": f"CASE WHEN {row}.kind IN ('asked', 'received') THEN {decayed} "
        "ELSE 0.0 END",
    }


def summary_select(where: str, names: list[str] = SUMMARY_PARTS) -> str:
    """The summaries of the people `where` selects, worked out from their whole histories."""
    parts = {name: sql for name, sql in summary_of("i").items() if name in names}
    folded = {
        name: (
            "min"
            if name.startswith(("first", "oldest"))
            else "sum"
            if not name.startswith("last")
            else "max"
        )
        for name in parts
    }
    columns = ", ".join(f"{folded[name]}({sql})" for name, sql in parts.items())
    return (
        f"SELECT i.person_id, count(*), {columns} FROM interactions i "
        f"WHERE {where} GROUP BY i.person_id"
    )


def summary_upsert(names: list[str] = SUMMARY_PARTS) -> str:
    """Fold one new interaction (NEW) into its person's summary."""
    parts = {name: sql for name, sql in summary_of("NEW").items() if name in names}
    values = ", ".join(parts.values())
    folded = []
    for name in parts:
        if name.startswith(("last", "first", "oldest")):
            keep_old = ">=" if name.startswith("last") else "<="
            folded.append(
                f"{name} = CASE WHEN excluded.{name} IS NULL OR ({name} IS NOT NULL "
                f"AND {name} {keep_old} excluded.{name}) THEN {name} "
                f"ELSE excluded.{name} END"
            )
        else:
            folded.append(f"{name} = {name} + excluded.{name}")
    return (
        f"INSERT INTO person_summaries ({summary_columns(names)}) "
        f"VALUES (NEW.person_id, 1, {values}) "
        f"ON CONFLICT (person_id) DO UPDATE SET interactions = interactions + 1, "
        f"{', '.join(folded)};"
    )


def summary_redo(person: str, names: list[str] = SUMMARY_PARTS) -> str:
    """Work one person's summary out again from their history (after a change or a delete)."""
    return (
        f"DELETE FROM person_summaries WHERE person_id = {person}; "
        f"INSERT INTO person_summaries ({summary_columns(names)}) "
        f"{summary_select(f'i.person_id = {person}', names)};"
    )


def summary_triggers(names: list[str]) -> str:
    """The triggers that keep the summaries (of these columns) in step with every write."""
    return f"""
        CREATE TRIGGER person_summaries_insert AFTER INSERT ON interactions
        BEGIN {summary_upsert(names)} END;
        CREATE TRIGGER person_summaries_update AFTER UPDATE ON interactions
        BEGIN {summary_redo("OLD.person_id", names)} {summary_redo("NEW.person_id", names)} END;
        CREATE TRIGGER person_summaries_delete AFTER DELETE ON interactions
        BEGIN {summary_redo("OLD.person_id", names)} END;
        """


@migrations()
def m1002_person_summaries(db: Database) -> None:
    """What the whole-network views need of each person's history, kept up to date by triggers
    in the same transaction as every write of an interaction, whatever path it takes (the API,
    imports, merges, restores, deleting or merging people). A person without interactions has
    no row. `givefirst doctor` checks them against the histories (store/summaries.py)."""
    db.executescript(
        f"""
        CREATE TABLE person_summaries (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            interactions INTEGER NOT NULL,
            two_way INTEGER NOT NULL,
            last_contact TEXT,
            last_two_way TEXT,
            first_two_way TEXT,
            gave INTEGER NOT NULL,
            asked INTEGER NOT NULL,
            received INTEGER NOT NULL,
            they_asked INTEGER NOT NULL,
            last_received TEXT,
            last_returned TEXT,
            oldest_waiting TEXT,
            oldest_open_ask TEXT
        );
        CREATE INDEX person_summaries_waiting ON person_summaries(oldest_waiting)
            WHERE oldest_waiting IS NOT NULL;
        CREATE INDEX person_summaries_open_ask ON person_summaries(oldest_open_ask)
            WHERE oldest_open_ask IS NOT NULL;
        CREATE INDEX interactions_open ON interactions(kind, occurred_at) WHERE status = 'open';

        INSERT INTO person_summaries ({summary_columns(M1002_PARTS)})
            {summary_select("1", M1002_PARTS)};
        {summary_triggers(M1002_PARTS)}
        """
    )


@migrations()
def m1003_fact_days(db: Database) -> None:
    """Dates coming up are looked up by their month and day (store/facts.py, dated_on)."""
    db.execute("CREATE INDEX facts_day ON facts(substr(date, -5)) WHERE date IS NOT NULL")


def search_refresh(person: str) -> str:
    """Write one person's searchable text again."""
    return f"DELETE FROM people_search WHERE rowid = {person}; {search_rows(f'p.id = {person}')};"


def search_rows(where: str) -> str:
    """The searchable text of the people `where` selects: name, profiles, tags and emails."""
    return f"""
        INSERT INTO people_search (rowid, body)
        SELECT p.id, p.name
            || char(10) || coalesce((SELECT group_concat(pr.key || ' ' || coalesce(pr.name, '')
                || ' ' || coalesce(pr.company, ''), char(10))
                FROM profiles pr WHERE pr.person_id = p.id), '')
            || char(10) || coalesce((SELECT group_concat(t.tag, char(10))
                FROM person_tags t WHERE t.person_id = p.id), '')
            || char(10) || coalesce((SELECT group_concat(e.email, char(10))
                FROM person_emails e WHERE e.person_id = p.id), '')
        FROM people p WHERE {where}"""


@migrations()
def m1004_people_search(db: Database) -> None:
    """People search through an FTS5 trigram index (LIKE '%q%' on it is an index lookup), kept
    by triggers on every table it reads."""
    triggers = [
        "CREATE TRIGGER people_search_people_insert AFTER INSERT ON people "
        f"BEGIN {search_refresh('NEW.id')} END;",
        "CREATE TRIGGER people_search_people_update AFTER UPDATE OF name ON people "
        f"BEGIN {search_refresh('NEW.id')} END;",
        "CREATE TRIGGER people_search_people_delete AFTER DELETE ON people "
        "BEGIN DELETE FROM people_search WHERE rowid = OLD.id; END;",
    ]
    searched = {
        "profiles": "key, name, company, person_id",
        "person_tags": "tag, person_id",
        "person_emails": "email, person_id",
    }
    for table, columns in searched.items():
        triggers += [
            f"CREATE TRIGGER people_search_{table}_insert AFTER INSERT ON {table} "
            f"BEGIN {search_refresh('NEW.person_id')} END;",
            # Only a change of what is searched (not last_seen_at, not employer_key).
            f"CREATE TRIGGER people_search_{table}_update AFTER UPDATE OF {columns} ON {table} "
            f"BEGIN {search_refresh('NEW.person_id')} END;",
            f"CREATE TRIGGER people_search_{table}_moved AFTER UPDATE OF person_id ON {table} "
            f"WHEN OLD.person_id != NEW.person_id BEGIN {search_refresh('OLD.person_id')} END;",
            f"CREATE TRIGGER people_search_{table}_delete AFTER DELETE ON {table} "
            f"BEGIN {search_refresh('OLD.person_id')} END;",
        ]
    db.executescript(
        "CREATE VIRTUAL TABLE people_search USING fts5(body, tokenize = 'trigram');\n"
        + search_rows("1")
        + ";\n"
        + "\n".join(triggers)
    )


@migrations()
def m1005_summaries_by_interactions(db: Database) -> None:
    """Introductions through a tag or an employer shared by thousands walk its people busiest
    first (store/introductions.py)."""
    db.execute("CREATE INDEX person_summaries_interactions ON person_summaries(interactions)")


@migrations()
def m1006_profile_links(db: Database) -> None:
    """The other profiles a person's own page links to as theirs (`rel=me`), as JSON, so their
    Person page can offer to link them (store/profiles.py, seen_links)."""
    db.execute("ALTER TABLE profiles ADD COLUMN links TEXT")


@migrations()
def m1007_summaries_for_the_nudge(db: Database) -> None:
    """What a person's nudge needs of their whole history, so that a card, the nurture list and
    People by verdict read a summary and a recent slice instead (store/interactions.py,
    recent_core): the latest give and ask, and the decayed balance as two running sums. Their
    open asks are found through an index of each person's."""
    db.executescript(
        f"""
        DROP TRIGGER person_summaries_insert;
        DROP TRIGGER person_summaries_update;
        DROP TRIGGER person_summaries_delete;
        ALTER TABLE person_summaries ADD COLUMN last_gave TEXT;
        ALTER TABLE person_summaries ADD COLUMN last_asked TEXT;
        ALTER TABLE person_summaries ADD COLUMN given_decayed REAL NOT NULL DEFAULT 0.0;
        ALTER TABLE person_summaries ADD COLUMN taken_decayed REAL NOT NULL DEFAULT 0.0;
        DELETE FROM person_summaries;
        INSERT INTO person_summaries ({summary_columns(SUMMARY_PARTS)})
            {summary_select("1", SUMMARY_PARTS)};
        {summary_triggers(SUMMARY_PARTS)}
        CREATE INDEX interactions_open_by_person ON interactions(person_id, kind)
            WHERE status = 'open';
        """
    )


@migrations()
def m1008_network_days(db: Database) -> None:
    """Network health reads the year as counts per day, not the year's interactions: each
    interaction's mark (counted contact, a lead-in to an ask, a first move after a silence) and
    the marks counted per day, and the people in each circle and with a two-way interaction,
    all kept by triggers (store/network_marks.py); `givefirst doctor` checks them against what
    they count (store/network.py)."""
    db.executescript(
        f"""
        CREATE TABLE network_marks (
            interaction_id TEXT NOT NULL,
            person_id INTEGER NOT NULL,
            occurred_at TEXT NOT NULL,
            kind TEXT NOT NULL,
            counted INTEGER NOT NULL,
            led INTEGER NOT NULL,
            opens INTEGER NOT NULL,
            PRIMARY KEY (person_id, occurred_at, interaction_id)
        ) WITHOUT ROWID;
        CREATE INDEX network_marks_time ON network_marks(occurred_at);
        CREATE TABLE network_days (
            day TEXT NOT NULL,
            kind TEXT NOT NULL,
            counted INTEGER NOT NULL,
            led INTEGER NOT NULL,
            opens INTEGER NOT NULL,
            interactions INTEGER NOT NULL,
            PRIMARY KEY ({network_marks.DAY_KEY})
        ) WITHOUT ROWID;
        CREATE TABLE network_counts (
            name TEXT PRIMARY KEY,
            count INTEGER NOT NULL
        ) WITHOUT ROWID;
        INSERT INTO network_counts (name, count) {network_marks.COUNTS_SELECT};
        INSERT INTO network_marks ({network_marks.MARK_COLUMNS})
            {network_marks.histories_marked("1")};
        INSERT INTO network_days ({network_marks.DAY_KEY}, interactions)
            {network_marks.day_select("network_marks")};
        {network_marks.triggers()}
        {network_marks.counts_triggers()}
        """
    )


@migrations()
def m1009_whole_network_reads(db: Database) -> None:
    """The nurture list reads each reason's people best first through an index of its own
    (store/nurture_bounds.py): favours never returned by when they were done, ties met in the
    last weeks by when, and news by when it was seen; Today counts the open asks in their
    index. Each person's keep-in-touch clock is kept
    as the date their next check-in is due, by triggers on all it is worked out from, so Today
    reads the most overdue first through an index (store/checkin_clocks.py). Each summary keeps
    the unanswered streak too, counted again by triggers whenever the summary is written
    (store/streaks.py), so People by verdict need not count it person by person. `givefirst
    doctor` checks both and builds them again."""
    db.executescript(
        f"""
        CREATE INDEX person_summaries_owed ON person_summaries(last_received)
            WHERE last_received IS NOT NULL
              AND (last_returned IS NULL OR last_returned <= last_received);
        CREATE INDEX person_summaries_first_two_way ON person_summaries(first_two_way)
            WHERE two_way = 1;
        CREATE INDEX profile_snapshots_seen ON profile_snapshots(seen_at);
        -- with the status it is partial on, so that counting the open asks reads it alone
        DROP INDEX interactions_open;
        CREATE INDEX interactions_open ON interactions(kind, occurred_at, status)
            WHERE status = 'open';

        ALTER TABLE person_summaries ADD COLUMN unanswered INTEGER NOT NULL DEFAULT 0;
        UPDATE person_summaries SET unanswered = {streaks.unanswered("person_summaries")};
        {streaks.triggers()}

        CREATE TABLE checkin_clocks (
            person_id INTEGER PRIMARY KEY REFERENCES people(id) ON DELETE CASCADE,
            days INTEGER NOT NULL,
            from_circle INTEGER NOT NULL,
            next_due TEXT NOT NULL
        );
        CREATE INDEX checkin_clocks_due ON checkin_clocks(next_due);
        INSERT INTO checkin_clocks ({checkin_clocks.COLUMNS}) {checkin_clocks.clocks_of("1")};
        {checkin_clocks.triggers()}
        """
    )


@migrations()
def m1010_introduction_lookups(db: Database) -> None:
    """Introductions look up, for each person who shares a tag or an employer, their count of
    interactions, their name and whether they work with the person asked about. These narrow
    indexes answer each lookup from a few cached pages instead of the people's wide rows
    (store/introductions.py)."""
    db.executescript(
        """
        CREATE INDEX person_summaries_touches ON person_summaries(person_id, interactions);
        CREATE INDEX people_id_name ON people(id, name);
        CREATE INDEX profiles_person_employer ON profiles(person_id, employer_key);
        CREATE INDEX profiles_employer_person ON profiles(employer_key, person_id);
        """
    )


@migrations()
def m1014_network_months(db: Database) -> None:
    """Network health reads the year's whole months as counts per month, kept by triggers on
    the day counts (store/network_months.py), and the days of only the months the year begins
    and ends in; the year's asks per day through an index of the days' kinds."""
    db.executescript(
        f"""
        {network_months.create()}
        CREATE INDEX network_days_kind ON network_days(kind, day);
        """
    )


@migrations()
def m1015_no_prefix_indexes(db: Database) -> None:
    """profiles(person_id) and profiles(employer_key) begin the two-column indexes of m1010,
    which answer every question either did (a person's profiles, an employer's people, the
    references a deleted person's profiles are found by). Each kept every import writing
    profiles busy twice for nothing."""
    db.executescript(
        """
        DROP INDEX profiles_person;
        DROP INDEX profiles_employer;
        """
    )
