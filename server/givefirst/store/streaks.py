"""The unanswered streak kept in each person's summary: how many outreaches (core/vocabulary.py,
Interaction.is_outreach) came after their last two-way interaction, which the nudge's first rule
reads (core/nudge.py, verdict_of). Triggers on the summaries (migrations.py, m1009) count it
again whenever a write changes the summary, so People by verdict reads it instead of counting
each person's interactions. The schema's SQL: store/summaries.py checks it.
"""

# Read through interactions_person_time from the last two-way moment on. At that very moment,
# those that come first in core_history's order (interactions.NEWEST_FIRST) count too.
TWO_WAY = (
    "(t.kind IN ('talked', 'received', 'they_asked') "
    "OR (t.kind = 'asked' AND t.status IN ('granted', 'declined')))"
)
OUTREACH = "(i.kind = 'messaged' OR (i.kind = 'asked' AND i.status IN ('open', 'withdrawn')))"


def unanswered(row: str) -> str:
    """The streak of the summary `row` (an alias, or NEW in a trigger), worked out from the
    person's interactions."""
    return f"""((SELECT count(*) FROM interactions i WHERE i.person_id = {row}.person_id
        AND i.occurred_at > coalesce({row}.last_two_way, '') AND {OUTREACH})
    + (SELECT count(*) FROM interactions i WHERE i.person_id = {row}.person_id
        AND i.occurred_at = {row}.last_two_way AND {OUTREACH} AND (i.created_at, i.rowid) > (
            SELECT t.created_at, t.rowid FROM interactions t
            WHERE t.person_id = {row}.person_id AND t.occurred_at = {row}.last_two_way
            AND {TWO_WAY} ORDER BY t.created_at DESC, t.rowid DESC LIMIT 1)))"""


def triggers() -> str:
    """Count the streak again after a summary is written (every write of an interaction writes
    its person's summary: folded in, or worked out again). Named like the summaries' own
    triggers, so that bulk writes set them aside with those (store/bulk.py)."""
    again = (
        f"UPDATE person_summaries SET unanswered = {unanswered('NEW')} "
        "WHERE person_id = NEW.person_id;"
    )
    return f"""
        CREATE TRIGGER person_summaries_streak_insert AFTER INSERT ON person_summaries
        BEGIN {again} END;
        CREATE TRIGGER person_summaries_streak_update
            AFTER UPDATE OF interactions, last_two_way ON person_summaries
        BEGIN {again} END;
        """
