"""LinkedIn messages.csv: exchanges become interactions; sent asks wait for review."""

import pytest
from givefirst.io import linkedin_messages
from givefirst.io.reading import ImportProblem

from tests.io.helpers import linkedin_archive, load, person_named

ME = "https://www.linkedin.com/in/sam-owner-synthetic"
ORLA = "https://www.linkedin.com/in/orla-venn-synthetic"
HEADER = "CONVERSATION ID,FROM,SENDER PROFILE URL,TO,RECIPIENT PROFILE URLS,DATE,CONTENT\n"


@pytest.fixture
def imported(db, tmp_path):
    return load(db, "linkedin", linkedin_archive(tmp_path))


def history(db, name):
    person_id = person_named(db, name)["id"]
    return [
        (r["kind"], r["occurred_at"][:10])
        for r in db.query(
            "SELECT * FROM interactions WHERE person_id = ? ORDER BY occurred_at", [person_id]
        )
    ]


def test_a_two_way_exchange_is_talked_and_a_later_unanswered_one_is_messaged(db, imported):
    assert history(db, "Orla Venn") == [("talked", "2024-03-17"), ("messaged", "2024-09-01")]


def test_a_message_only_they_wrote_is_talked_and_system_rows_are_skipped(db, imported):
    assert history(db, "Tomasz Brell") == [("talked", "2024-05-02")]
    assert imported.reasons("message") == {"system or empty message": 1, "draft": 1}


def test_strangers_and_group_chats_are_left_out(imported):
    assert imported.reasons("conversation") == {
        "not one of your people or connections": 1,
        "group conversation": 1,
    }


def test_a_sent_ask_waits_for_review_and_never_becomes_an_ask_by_itself(db, imported):
    assert imported.reviews == 1
    review = next(db["ask_reviews"].rows)
    assert review["status"] == "pending" and review["ask_kind"] == "referral"
    assert review["text"].startswith("Hi Orla, could you refer me")
    assert db.execute("SELECT count(*) FROM interactions WHERE kind = 'asked'").fetchone()[0] == 0


def test_the_summary_quotes_the_first_message_of_the_exchange(db, imported):
    summary = db.execute("SELECT summary FROM interactions ORDER BY occurred_at").fetchone()[0]
    assert summary.startswith("LinkedIn messages (1 from me, 1 from them): “Great to meet you")


def test_html_and_entities_are_removed_from_message_text():
    assert linkedin_messages.clean("Send <b>that</b> &amp; the slides") == "Send that & the slides"


def test_a_reply_in_a_later_export_turns_messaged_into_talked(db, tmp_path):
    load(db, "linkedin", "linkedin/Connections.csv")
    first = tmp_path / "messages.csv"
    mine = f"c1,Sam Owner,{ME},Orla Venn,{ORLA},2025-01-10 09:00:00 UTC,Congratulations on the launch!\n"
    first.write_text(HEADER + mine)
    load(db, "linkedin", first)
    assert history(db, "Orla Venn") == [("messaged", "2025-01-10")]
    first.write_text(
        HEADER + mine + f"c1,Orla Venn,{ORLA},Sam Owner,{ME},2025-01-12 09:00:00 UTC,Thank you!\n"
    )
    again = load(db, "linkedin", first)
    assert again.reasons("conversation", "merged") == {"they replied": 1}
    assert history(db, "Orla Venn") == [("talked", "2025-01-12")]


def test_messages_alone_need_to_know_which_side_is_you(db, tmp_path):
    path = tmp_path / "messages.csv"
    path.write_text(HEADER + f"c1,Sam Owner,{ME},Orla Venn,{ORLA},2025-01-10 09:00:00 UTC,Hello\n")
    with pytest.raises(ImportProblem, match="cannot tell which side of the conversations is you"):
        load(db, "linkedin", path)
    load(db, "linkedin", "linkedin/Connections.csv")  # now Orla is known, so Sam is me
    assert load(db, "linkedin", path).count("conversation", "created") == 1
