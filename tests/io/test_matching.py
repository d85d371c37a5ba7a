"""Who is who: the same profile key or email is the same person; dry runs write nothing."""

import csv

from givefirst.store import people

from tests.conftest import NOW
from tests.io.helpers import contents, emails_of, facts_of, keys_of, load, person_named, tags_of


def test_the_same_email_in_another_source_merges_into_the_same_person(db):
    load(db, "linkedin", "linkedin/Connections.csv")
    summary = load(db, "vcard", "vcard/contacts-3.0.vcf")
    tomasz = person_named(db, "Tomasz Brell")  # exactly one
    assert facts_of(db, tomasz["id"])["birthday"][1] == "1988-11-02"
    assert tags_of(db, tomasz["id"]) == ["Work"]
    assert tomasz["how_met"] == "LinkedIn connection since 2 Jan 2023"
    merged = {o.name: o for o in summary.outcomes if o.action == "merged"}
    assert merged["Tomasz Brell"].detail.startswith("same email tomasz.brell@example.com; adds")


def test_the_same_profile_key_merges_and_brings_the_new_profiles_and_emails(db):
    load(db, "linkedin", "linkedin/Connections.csv")
    load(db, "vcard", "vcard/contacts-3.0.vcf")
    priya = person_named(db, "Priya Kestrel")
    assert keys_of(db, priya["id"]) == ["li:priya-kestrel-synthetic", "x:pkestrel_syn"]
    assert emails_of(db, priya["id"]) == ["priya.kestrel@example.com"]


def test_a_merge_never_changes_the_name_circle_or_how_you_met(db):
    load(db, "linkedin", "linkedin/Connections.csv")
    tomasz = person_named(db, "Tomasz Brell")
    people.update(
        db, tomasz["id"], {"name": "Tom Brell", "circle": "close", "how_met": "Rowing club"}, NOW
    )
    load(db, "vcard", "vcard/contacts-3.0.vcf")
    after = person_named(db, "Tom Brell")
    assert (after["circle"], after["how_met"]) == ("close", "Rowing club")


def test_a_dry_run_writes_nothing_and_says_what_would_happen_and_why(db):
    load(db, "linkedin", "linkedin/Connections.csv")
    before = contents(db)
    summary = load(db, "vcard", "vcard/contacts-3.0.vcf", dry_run=True)
    assert contents(db) == before
    assert summary.dry_run
    actions = {o.name: (o.action, o.reason) for o in summary.outcomes}
    assert actions["Priya Kestrel"] == (
        "merged",
        f"into Priya Kestrel (#{person_named(db, 'Priya Kestrel')['id']})",
    )
    assert actions["Acme Plumbing"] == ("skipped", "no name")


def test_a_profile_that_belongs_to_someone_else_stays_with_them(db, tmp_path):
    load(db, "linkedin", "linkedin/Connections.csv")
    load(db, "google", "google/contacts.csv")  # Mira, with her LinkedIn profile
    mira, orla = person_named(db, "Mira Solberg"), person_named(db, "Orla Venn")
    path = tmp_path / "claims.vcf"  # Mira's card also names Orla's profile, by mistake
    path.write_text(
        "BEGIN:VCARD\nVERSION:4.0\nFN:Mira Solberg\n"
        "URL:https://www.linkedin.com/in/mira-solberg-synthetic\n"
        "URL:https://www.linkedin.com/in/orla-venn-synthetic\nEND:VCARD\n"
    )
    summary = load(db, "vcard", path)
    assert keys_of(db, orla["id"]) == ["li:orla-venn-synthetic"]
    assert keys_of(db, mira["id"]) == ["li:mira-solberg-synthetic"]
    assert summary.warnings == [
        f"line 1: li:orla-venn-synthetic belongs to Orla Venn (#{orla['id']})"
    ]


def test_a_few_hundred_rows_report_progress_and_all_arrive(db, tmp_path):
    path = tmp_path / "Connections.csv"
    with path.open("w", newline="") as out:
        writer = csv.writer(out)
        writer.writerow(
            [
                "First Name",
                "Last Name",
                "URL",
                "Email Address",
                "Company",
                "Position",
                "Connected On",
            ]
        )
        for n in range(600):
            writer.writerow(
                [
                    f"Made{n}",
                    "Up",
                    f"https://www.linkedin.com/in/made-up-{n}",
                    "",
                    "Lumen",
                    "Engineer",
                    "01 Jan 2020",
                ]
            )
    seen = []
    summary = load(db, "linkedin", path, progress=lambda done, total: seen.append((done, total)))
    assert summary.count("person", "created") == 600 and db["people"].count == 600
    assert seen[0] == (250, 600) and seen[-1] == (600, 600)


def test_merging_two_people_keeps_the_emails_and_sources_imports_gave_them(db):
    load(db, "google", "google/contacts.csv")
    mira, dale = person_named(db, "Mira Solberg"), person_named(db, "Dale Pipewright")
    keep = people.create(db, {"name": "Mira S."}, NOW)
    people.merge(db, keep, mira["id"], NOW)
    people.merge(db, keep, dale["id"], NOW)
    assert emails_of(db, keep) == ["mira.solberg@example.net", "mira@example.org"]
    assert db["person_sources"].count == 1
    assert {r["person_id"] for r in db["person_sources"].rows} == {keep}


def card_for(path, name: str, email: str, notes: str = "", tags: tuple[str, ...] = ()) -> None:
    """A vCard file with one card: matched by its email, adding notes and tags."""
    lines = ["BEGIN:VCARD", "VERSION:4.0", f"FN:{name}", f"EMAIL:{email}"]
    if notes:
        lines.append("NOTE:" + notes.replace("\n", "\\n"))
    if tags:
        lines.append("CATEGORIES:" + ",".join(tags))
    path.write_text("\r\n".join([*lines, "END:VCARD", ""]))


def test_imported_tags_stop_at_the_most_a_person_holds_and_the_summary_says_so(db, tmp_path):
    cleo = people.create(db, {"name": "Cleo Marsh", "tags": [f"t{n:02}" for n in range(48)]}, NOW)
    db["person_emails"].insert({"email": "cleo@example.com", "person_id": cleo})
    card_for(
        tmp_path / "cleo.vcf",
        "Cleo Marsh",
        "cleo@example.com",
        tags=("t01", "chess", "rowing", "opera", "poetry"),
    )
    summary = load(db, "vcard", tmp_path / "cleo.vcf")
    assert len(tags_of(db, cleo)) == people.MAX_TAGS
    assert {"chess", "rowing"} <= set(tags_of(db, cleo))
    assert any("left out the tags opera, poetry" in w for w in summary.warnings)
    # The person stays one the edit form and a JSON round trip accept.
    people.update(db, cleo, {"tags": tags_of(db, cleo)}, NOW)
    export_and_reimport(db, tmp_path)


def test_imported_notes_keep_the_newest_within_the_limit_and_the_summary_says_so(db, tmp_path):
    old = "\n".join(f"Old line {n}: " + "x" * 80 for n in range(100))  # 9,5xx characters
    cleo = people.create(db, {"name": "Cleo Marsh", "notes": old}, NOW)
    db["person_emails"].insert({"email": "cleo@example.com", "person_id": cleo})
    new = "Newest: " + "y" * 1500 + "\nmoved to Lisbon"
    card_for(tmp_path / "cleo.vcf", "Cleo Marsh", "cleo@example.com", notes=new)
    summary = load(db, "vcard", tmp_path / "cleo.vcf")
    notes = db["people"].get(cleo)["notes"]
    assert len(notes) <= people.MAX_NOTES and notes.endswith(new)
    assert notes.startswith("Old line ") and "Old line 0:" not in notes  # whole lines kept
    assert any("notes would pass 10,000 characters" in w for w in summary.warnings)
    again = load(db, "vcard", tmp_path / "cleo.vcf")
    assert db["people"].get(cleo)["notes"] == notes and again.warnings == []
    people.update(db, cleo, {"notes": notes}, NOW)
    export_and_reimport(db, tmp_path)


def test_notes_that_alone_fill_the_limit_are_kept_whole():
    newest = "z" * people.MAX_NOTES
    assert people.appended_notes("older", newest) == (newest, len("older\n\n"))
    notes, dropped = people.appended_notes("a" * 9000, "b" * 2000)
    assert notes == "…" + "a" * 7997 + "\n\n" + "b" * 2000 and dropped == 1002
    assert people.appended_notes("one", "two") == ("one\n\ntwo", 0)


def export_and_reimport(db, tmp_path) -> None:
    from givefirst.io import export_file
    from givefirst.store.connection import open_db

    export_file(db, "json", tmp_path / "export.json")
    copy = open_db(tmp_path / "copy.db")
    load(copy, "json", tmp_path / "export.json")
    assert contents(copy) == contents(db)
    copy.close()
