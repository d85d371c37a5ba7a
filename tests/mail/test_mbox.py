"""givefirst import mbox: conversations become interactions; noise and strangers stay out."""

import pytest
from givefirst.io.mail import headers
from givefirst.io.mail.messages import OwnAddressNeeded, sent_text
from givefirst.io.reading import ImportProblem
from givefirst.store import emails

from tests.conftest import NOW
from tests.io.helpers import contents, load, person_named


@pytest.fixture
def mine(db):
    emails.add_mine(db, "ada@example.org", NOW)


@pytest.fixture
def imported(db, mine):
    gus = (
        db["people"]
        .insert(
            {
                "uuid": "u-gus",
                "name": "Gus Known",
                "created_at": "2025-01-01",
                "updated_at": "2025-01-01",
            }
        )
        .last_pk
    )
    emails.add(db, gus, "gus@example.com")
    return load(db, "mbox", "mail/mailbox.mbox")


def history(db, name):
    person_id = person_named(db, name)["id"]
    return [
        (r["kind"], r["occurred_at"][:10])
        for r in db.query(
            "SELECT * FROM interactions WHERE person_id = ? ORDER BY occurred_at", [person_id]
        )
    ]


def test_a_thread_where_they_wrote_is_one_talked_dated_by_its_last_message(db, imported):
    assert history(db, "Bea Quinn") == [("talked", "2025-01-12"), ("messaged", "2025-03-10")]


def test_messages_a_month_apart_are_separate_exchanges(db, imported):
    assert history(db, "Cal Ortiz") == [("messaged", "2025-02-03"), ("talked", "2025-04-10")]


def test_a_person_cc_d_who_replied_has_talked_and_is_found_by_address(db, imported):
    fay = person_named(db, "Fay Lind")
    assert history(db, "Fay Lind") == [("talked", "2025-03-10")]
    assert emails.owner(db, "FAY@example.com") == fay["id"]
    assert fay["how_met"] == "Email since 10 Mar 2025" and fay["circle"] == "acquaintance"


def test_someone_already_known_by_address_gets_the_mail_they_sent(db, imported):
    assert history(db, "Gus Known") == [("talked", "2025-03-11")]
    summary = db.execute("SELECT summary FROM interactions WHERE occurred_at LIKE '2025-03-11%'")
    assert "Café news" in summary.fetchone()[0]


def test_no_dossiers_a_stranger_who_wrote_is_not_stored(db, imported):
    assert not list(db.query("SELECT * FROM people WHERE name LIKE 'Dan%'"))
    assert emails.owner(db, "dan@example.com") is None
    assert imported.reasons("conversation")["you never wrote to them"] == 1


def test_noise_is_left_out_and_counted_by_reason(db, imported):
    assert imported.reasons("message") == {
        "mailing list": 1,
        "bulk mail": 1,
        "no-reply sender": 1,
        "sent automatically": 1,
        "more than 20 recipients": 1,
        "calendar notification": 1,
        "spam": 1,
        "trash": 1,
    }
    assert emails.owner(db, "person1@example.com") is None
    assert emails.owner(db, "old@example.com") is None


def test_a_sent_ask_waits_for_review_with_only_its_sentence_and_quotes_are_not_asks(db, imported):
    # Two sent asks: the introduction, and "Lunch next week?" (asking for time is a meeting ask).
    assert imported.reviews == 2
    reviews = {r["ask_kind"]: r for r in db["ask_reviews"].rows}
    assert set(reviews) == {"introduction", "meeting"}
    review = reviews["introduction"]
    assert review["status"] == "pending" and reviews["meeting"]["status"] == "pending"
    assert "introduce me to your CTO" in review["text"] and "Loved your talk" not in review["text"]
    assert "refer me" not in " ".join(r["text"] for r in reviews.values())  # quoted, not mine
    assert db.execute("SELECT count(*) FROM interactions WHERE kind = 'asked'").fetchone()[0] == 0


def test_bodies_are_never_stored(db, imported):
    everything = str(contents(db))
    for body_text in ("Sorry for the silence", "Baked it twice", "second café", "Yes please"):
        assert body_text not in everything


def test_importing_the_same_file_again_adds_nothing(db, imported):
    before = contents(db)
    again = load(db, "mbox", "mail/mailbox.mbox")
    assert contents(db) == before
    assert again.count("conversation", "created") == 0 and again.count("person", "created") == 0


def test_a_dry_run_writes_nothing(db, mine):
    before = contents(db)
    summary = load(db, "mbox", "mail/mailbox.mbox", dry_run=True)
    assert summary.count("person", "created") == 3 and contents(db) == before


def test_a_broken_message_is_named_by_its_number_and_nothing_is_written(db, mine):
    before = contents(db)
    with pytest.raises(ImportProblem, match=r"broken.mbox: message 3: Date 'last Tuesday'"):
        load(db, "mbox", "mail/broken.mbox")
    assert contents(db) == before


def test_a_file_that_is_not_an_mbox_is_refused(db, mine):
    with pytest.raises(ImportProblem, match="is not an mbox file"):
        load(db, "mbox", "vcard/contacts-4.0.vcf")


def test_without_your_address_the_most_frequent_sender_is_proposed(db):
    with pytest.raises(OwnAddressNeeded) as raised:
        load(db, "mbox", "mail/mailbox.mbox")
    assert raised.value.proposal == "ada@example.org"
    assert "givefirst me add ada@example.org" in raised.value.message
    assert db.execute("SELECT count(*) FROM people").fetchone()[0] == 0


def test_quoted_text_is_cut_from_a_sent_message():
    raw = b"From: a@example.org\nSubject: x\n\nThanks!\n\nOn Mon, Bea wrote:\n> refer me please\n"
    assert sent_text(raw).strip() == "Thanks!"


@pytest.mark.parametrize(
    "extra, reason",
    [
        ("List-Unsubscribe: <mailto:u@example.com>", "mailing list"),
        ("Precedence: list", "bulk mail"),
        ("Auto-Submitted: auto-generated", "sent automatically"),
        ("Subject: Updated invitation: Standup", "calendar notification"),
        ("X-Gmail-Labels: Drafts", "draft"),
    ],
)
def test_noise_rules_read_headers_only(extra, reason):
    from email.parser import BytesHeaderParser

    raw = (
        f"From: x@example.com\nTo: y@example.com\nDate: Mon, 10 Mar 2025 09:00:00 +0000\n{extra}\n"
    )
    parsed = BytesHeaderParser().parsebytes(raw.encode())
    assert headers.read(parsed, 1, "test") == reason


@pytest.mark.parametrize(
    "headers_and_body",
    [
        b"Content-Type: text/plain; charset=utf-8\nContent-Transfer-Encoding: base64\n\n"
        b"Q291bGQgeW91IGludHJvZHVjZSBtZSB0byBKbz8gVGhhbmtzIQ==\n",
        b'Content-Type: text/plain; charset="iso-8859-1"\nContent-Transfer-Encoding: quoted-printable\n\n'
        b"Could you introduce me to Jo? Thanks!\n",
        b'Content-Type: multipart/alternative; boundary="b"\n\n--b\nContent-Type: text/html\n\n'
        b"<p>html</p>\n--b\nContent-Type: text/plain\n\nCould you introduce me to Jo? Thanks!\n--b--\n",
    ],
)
def test_the_text_of_a_sent_message_is_read_in_every_usual_shape(headers_and_body):
    raw = b"From: a@example.org\nSubject: x\n" + headers_and_body
    assert sent_text(raw).strip() == "Could you introduce me to Jo? Thanks!"
