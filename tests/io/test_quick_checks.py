"""A quick check answers what the full check would, or declines; it never differs."""

import pytest
from givefirst.errors import Invalid
from givefirst.io import givefirst_json
from givefirst.io import quick_checks as quick
from givefirst.sites import InvalidUrl, NotAProfile, canonicalise
from hypothesis import given, settings
from hypothesis import strategies as st

INTERACTION = {
    "id": "000a55bf-85bc-4335-ef9e-1b1323c12504",
    "kind": "they_asked",
    "summary": "Asked for an intro to Lumen",
    "occurred_at": "2022-08-01T09:06:17+00:00",
    "status": "done",
    "weight": 2,
    "created_at": "2022-08-01T09:06:17+00:00",
    "updated_at": "2022-08-01T09:06:17+00:00",
}
FACT = {
    "id": "3b1f0c9e-7d7e-4a36-9d55-0c3e1e0f5a10",
    "label": "Birthday",
    "value": "Loves sourdough",
    "date": "1990-02-28",
    "created_at": "2024-01-01T00:00:00+00:00",
    "updated_at": "2024-01-02T10:00:00+00:00",
}
ODD_TEXT = [
    "",
    " ",
    "a",
    " lead",
    "trail ",
    "two  spaces",
    "tab\there",
    "line\nbreak",
    "nul\x00",
    "soft\u00adhyphen",
    "zero\u200bwidth",
    "no\u00a0break",
    "lone \ud800 surrogate",
    "Zoë Ångström",
    "x" * 2000,
    "x" * 2001,
]
ODD_MOMENTS = [
    "2026-03-01T09:30:00+00:00",
    "2026-02-30T09:30:00+00:00",
    "2026-03-01T24:00:00+00:00",
    "2026-03-01T09:30:60+00:00",
    "2026-03-01T09:30:00+01:00",
    "2026-03-01T09:30:00Z",
    "2026-03-01T09:30:00.000000+00:00",
    "2026-03-01T09:30:00.5+00:00",
    "2026-03-01",
    "1899-12-31T23:59:59+00:00",
    "1900-01-01T00:00:00+00:00",
    "2200-12-31T23:59:59+00:00",
    "2201-01-01T00:00:00+00:00",
    " 2026-03-01T09:30:00+00:00",
    "2026-03-01T09:30:00-00:00",
    "٢٠٢٦-03-01T09:30:00+00:00",
    20260301,
    None,
]
ODD_IDS = [
    "000a55bf-85bc-4335-ef9e-1b1323c12504",
    "000A55BF-85BC-4335-EF9E-1B1323C12504",
    "{000a55bf-85bc-4335-ef9e-1b1323c12504}",
    "000a55bf85bc4335ef9e1b1323c12504",
    "not a uuid",
    5,
    None,
]


def full(check, data):
    """The full check's answer, or the error it raises."""
    try:
        return check(data)
    except Invalid as error:
        return ("refused", error.message)


def agrees(quick_check, full_check, data) -> None:
    answer = quick_check(data)
    if answer is not None:
        assert answer == full(full_check, data)


def variants(record: dict, field: str, values: list) -> list[dict]:
    return [{**record, field: value} for value in values] + [
        {k: v for k, v in record.items() if k != field}
    ]


CASES = (
    [("interaction", r) for f in ("summary",) for r in variants(INTERACTION, f, ODD_TEXT)]
    + [
        ("interaction", r)
        for f in quick.INTERACTION_TIMES
        for r in variants(INTERACTION, f, ODD_MOMENTS)
    ]
    + [("interaction", r) for r in variants(INTERACTION, "id", ODD_IDS)]
    + [("interaction", r) for r in variants(INTERACTION, "weight", [0, 1, 3, 4, True, "2", None])]
    + [
        ("interaction", r)
        for kind in ("gave", "asked", "they_asked", "talked", "bribed", None, ["gave"])
        for r in variants({**INTERACTION, "kind": kind}, "status", ["open", "done", "x", None])
    ]
    + [("fact", r) for f in ("label", "value") for r in variants(FACT, f, ODD_TEXT)]
    + [("fact", r) for f in quick.FACT_TIMES for r in variants(FACT, f, ODD_MOMENTS)]
    + [("fact", r) for r in variants(FACT, "id", ODD_IDS)]
    + [
        ("fact", r)
        for r in variants(FACT, "date", ["2024-02-29", "2023-02-29", "--02-29", "20240101", 5])
    ]
)
CHECKS = {
    "interaction": (quick.interaction, givefirst_json.checked_interaction),
    "fact": (quick.fact, givefirst_json.checked_fact),
}


@pytest.mark.parametrize(("kind", "data"), CASES)
def test_a_quick_answer_is_the_full_checks_answer(kind, data):
    agrees(*CHECKS[kind], data)


def test_records_as_an_export_writes_them_take_the_quick_way():
    assert quick.interaction(INTERACTION) == givefirst_json.checked_interaction(INTERACTION)
    assert quick.fact(FACT) == givefirst_json.checked_fact(FACT)


@settings(max_examples=300, deadline=None)
@given(st.text(max_size=40))
def test_any_text_is_kept_as_the_full_check_keeps_it_or_left_to_it(value):
    agrees(quick.interaction, givefirst_json.checked_interaction, {**INTERACTION, "summary": value})


@settings(max_examples=300, deadline=None)
@given(st.datetimes().map(lambda t: t.isoformat()) | st.text(max_size=30))
def test_any_time_is_kept_as_the_full_check_keeps_it_or_left_to_it(value):
    agrees(quick.fact, givefirst_json.checked_fact, {**FACT, "updated_at": value})


LINKEDIN_URLS = [
    "https://www.linkedin.com/in/jane-doe-12ab",
    "https://www.linkedin.com/in/Jane-Doe-12ab/",
    "https://www.linkedin.com/in/--00042",
    "https://www.linkedin.com/in/",
    "https://www.linkedin.com/in/jane-doe-12ab//",
    "https://www.linkedin.com/in/jane-doe-12ab?trk=x",
    "https://www.linkedin.com/in/j%C3%BCrgen",
    "https://www.linkedin.com/in/jürgen",
    "https://uk.linkedin.com/in/jane",
    "https://www.linkedin.com/company/acme",
    "http://www.linkedin.com/in/jane",
    "https://www.linkedin.com/in/jane\n",
    "https://www.linkedin.com/in/" + "a" * 5000,
    None,
]


def canonical(url):
    try:
        return canonicalise(url)
    except (InvalidUrl, NotAProfile) as error:
        return ("refused", str(error))


@pytest.mark.parametrize("url", LINKEDIN_URLS)
def test_a_quick_profile_is_the_one_canonicalise_gives(url):
    answer = quick.profile_ref(url)
    if answer is not None:
        assert answer == canonical(url)


def test_linkedin_profiles_as_the_export_writes_them_take_the_quick_way():
    url = "https://www.linkedin.com/in/Jane-Doe-12ab"
    assert quick.profile_ref(url) == canonicalise(url)


@settings(max_examples=300, deadline=None)
@given(st.text(alphabet="abcXYZ09-_.%/?#é ", max_size=20))
def test_any_linkedin_path_is_read_as_canonicalise_reads_it_or_left_to_it(vanity):
    url = "https://www.linkedin.com/in/" + vanity
    answer = quick.profile_ref(url)
    if answer is not None:
        assert answer == canonical(url)
