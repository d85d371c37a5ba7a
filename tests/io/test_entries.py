"""An entry's name and how-met take a quick path when they are already in their checked form;
its answer is the full check's (store/people.py), and anything else takes the full check.
A CSV row of blank cells is passed over; a row with one cell that is not blank is read. New
people's UUIDs are version 4 as uuid writes them, however many an import draws."""

import uuid

import pytest
from givefirst.errors import Invalid
from givefirst.io.entries import HOW_MET_LENGTH, NAME_LENGTH, Batch, contact, plain_fields
from givefirst.io.planner import RandomUuids
from givefirst.io.reading import ImportProblem, csv_rows, find_header, records
from givefirst.store import people

TEXTS = [
    "Ada Lovelace",
    "Jürgen Müller",
    "李小龍",
    " Ada",
    "Ada ",
    "Ada  Lovelace",
    "Ada\tLovelace",
    "Ada\u200bLovelace",
    "Ada\u00a0Lovelace",
    "Ada\nLovelace",
    "Ada\x07",
    "",
    " ",
    "a" * (NAME_LENGTH - 1),
    "a" * NAME_LENGTH,
    "a" * (NAME_LENGTH + 1),
    "a" * HOW_MET_LENGTH,
    "a" * (HOW_MET_LENGTH + 1),
]


def full_check(name, how_met, notes):
    try:
        fields = people.checked_fields({"name": name, "how_met": how_met, "notes": notes}, False)
    except Invalid as error:
        return error.message
    return {key: fields[key] for key in ("name", "how_met", "notes")}


@pytest.mark.parametrize("name", TEXTS)
@pytest.mark.parametrize("how_met", [None, "LinkedIn connection since 2 Jan 2023", *TEXTS])
def test_the_quick_path_answers_as_the_full_check_or_not_at_all(name, how_met):
    quick = plain_fields(name, how_met, None)
    if quick is not None:
        assert quick == full_check(name, how_met, None)


def test_plain_names_up_to_the_limits_take_the_quick_path():
    longest = plain_fields("a" * NAME_LENGTH, "b" * HOW_MET_LENGTH, None)
    assert longest == {"name": "a" * NAME_LENGTH, "how_met": "b" * HOW_MET_LENGTH, "notes": None}
    assert plain_fields("Ada", None, "notes take the full check") is None


def test_an_entry_the_quick_path_leaves_is_still_checked_in_full():
    batch = Batch("people.csv")
    found = contact(batch, "people.csv", 4, "  Ada \t Lovelace ", how_met=" met at a talk ")
    assert (found.name, found.how_met) == ("Ada Lovelace", "met at a talk")
    with pytest.raises(ImportProblem, match="people.csv line 5: name is too long"):
        contact(batch, "people.csv", 5, "a" * (NAME_LENGTH + 1))
    with pytest.raises(ImportProblem, match="line 6: .*control characters"):
        contact(batch, "people.csv", 6, "Ada\x07")


def test_rows_of_blank_cells_are_passed_over_and_a_row_with_one_cell_is_not():
    lines = ["A,B,C\r\n", ",,\r\n", " ,\t, \r\n", "\r\n", ", x ,\r\n", "1,2,3\r\n"]
    rows = csv_rows(lines, "t.csv")
    header = find_header(rows, ("a", "b"), "t.csv")
    found = list(records(rows, header, "t.csv"))
    assert found == [(5, {"a": "", "b": " x ", "c": ""}), (6, {"a": "1", "b": "2", "c": "3"})]


def test_new_uuids_are_random_version_4_written_as_uuid_writes_them():
    new_uuid = RandomUuids()
    made = [new_uuid() for _ in range(3 * RandomUuids.BLOCK + 5)]  # past a block's end
    assert len(set(made)) == len(made)
    for text in made:
        parsed = uuid.UUID(text)
        assert (parsed.version, parsed.variant, str(parsed)) == (4, uuid.RFC_4122, text)
    numbers = [uuid.UUID(text).int for text in made]
    fixed = (62, 63, 76, 77, 78, 79)  # the variant's and the version's bits
    stuck = [b for b in range(128) if b not in fixed and len({n >> b & 1 for n in numbers}) < 2]
    assert stuck == []  # every other bit is random: none always 0 or always 1
