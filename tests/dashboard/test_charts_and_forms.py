"""The plain parts of the dashboard: chart geometry and reading forms."""

import re
from datetime import timedelta

import pytest
from givefirst.core.network import months_back
from givefirst.dashboard import charts, forms
from givefirst.errors import Invalid

from tests.conftest import NOW
from tests.core.helpers import i


@pytest.mark.parametrize(
    ("largest", "step"), [(1, 1), (4, 1), (5, 2), (9, 5), (20, 5), (21, 10), (180, 50)]
)
def test_gridlines_step_in_round_numbers(largest, step):
    assert charts.scale_step(largest) == step


def test_monthly_bars_scale_to_the_busiest_month_and_keep_every_month():
    months = [{"month": m, "gave": 0, "asked": 0} for m in months_back(NOW)]
    months[-1]["gave"], months[-2]["asked"] = 4, 2
    chart = charts.monthly_bars(months)
    gave = [bar for bar in chart["bars"] if bar.series == "gave"]
    asked = [bar for bar in chart["bars"] if bar.series == "asked"]
    assert len(gave) == len(asked) == 12
    assert gave[-1].height == pytest.approx(chart["height"] - 2 * chart["pad"])
    assert asked[-2].height == pytest.approx(gave[-1].height / 2)
    assert gave[-1].y + gave[-1].height == pytest.approx(chart["height"] - chart["pad"])
    assert [tick.label for tick in chart["labels"]][-1] == "Jun"
    assert "Jan 2026" in [tick.label for tick in chart["labels"]]


def test_the_ledger_line_rises_with_gives_and_falls_with_asks():
    history = [
        i("gave", 200),
        i("gave", 150),
        i("asked", 20, weight=3),
    ]
    chart = charts.ledger_over_time(history, NOW)
    ys = [float(point.split()[1]) for point in chart["path"][1:].split(" L")]
    lowest_y = min(ys)  # SVG y grows downwards: the highest balance has the lowest y
    assert ys.index(lowest_y) < len(ys) - 1 and ys[-1] > chart["zero"]  # up, then below zero
    assert chart["now_balance"] < 0
    assert [m.kind for m in chart["markers"]] == ["give", "give", "take"]
    assert all(m.y < chart["zero"] for m in chart["markers"] if m.kind == "give")


def test_the_ledger_line_steps_at_each_exchange_and_its_dots_sit_on_it():
    history = [i("gave", 300), i("asked", 100, weight=3)]
    chart = charts.ledger_over_time(history, NOW)
    points = [tuple(map(float, point.split())) for point in chart["path"][1:].split(" L")]
    for marker in chart["markers"]:
        at_step = [y for x, y in points if x == marker.x]
        assert len(at_step) == 2 and at_step[0] != at_step[1]  # straight up or down, at once
        assert marker.y == at_step[1]  # the dot sits where the line lands
    give, ask = chart["markers"]
    assert give.y < chart["zero"] < ask.y
    assert re.fullmatch(r"\d{1,2} [A-Z][a-z]{2} 20\d\d · I asked: .+", ask.title)
    assert chart["end_label"] == "15 Jun 2026" and "-" not in chart["start_label"]


def test_no_ledger_chart_without_gives_or_asks():
    assert charts.ledger_over_time([i("talked", 3)], NOW) is None


def test_the_ledger_chart_covers_at_most_two_years():
    history = [i("gave", 2000), i("asked", 10)]
    chart = charts.ledger_over_time(history, NOW)
    assert chart["start"] >= (NOW - timedelta(days=24 * 31)).date().isoformat()
    assert [m.kind for m in chart["markers"]] == ["take"]


def test_interactions_dated_in_the_future_stay_out_of_the_ledger_chart():
    assert charts.ledger_over_time([i("gave", -30)], NOW) is None
    chart = charts.ledger_over_time([i("asked", 60), i("gave", -400), i("gave", -2)], NOW)
    assert [m.kind for m in chart["markers"]] == ["take"]
    assert chart["end"] == NOW.date().isoformat() and chart["now_balance"] < 0
    xs = [float(point.split()[0]) for point in chart["path"][1:].split(" L")]
    assert all(chart["pad"] <= x <= chart["width"] - chart["pad"] for x in xs)
    assert all(chart["pad"] <= m.x <= chart["width"] - chart["pad"] for m in chart["markers"])


def test_form_fields_drop_empty_values_or_clear_them_on_request():
    form = {"summary": "  ", "kind": "gave", "how_met": ""}
    assert forms.fields(form, ("summary", "kind", "missing")) == {"kind": "gave"}
    assert forms.fields(form, ("how_met",), keep_empty=True) == {"how_met": None}


def test_an_interaction_form_ignores_status_for_kinds_without_one():
    assert forms.interaction({"kind": "gave", "summary": "x", "status": "open"}) == {
        "kind": "gave",
        "summary": "x",
    }
    assert forms.interaction(
        {"kind": "asked", "summary": "x", "status": "granted", "weight": "2"}
    ) == {"kind": "asked", "summary": "x", "status": "granted", "weight": 2}


@pytest.mark.parametrize("value", ["two", "-1", "1.5", "9" * 20])
def test_a_number_field_that_is_not_a_whole_number_is_invalid(value):
    with pytest.raises(Invalid):
        forms.whole_number({"weight": value}, "weight")


def test_tags_are_split_on_commas():
    assert forms.tag_list({"tags": "climate,  python ,,"}) == ["climate", "python"]
    assert forms.tag_list({}) is None


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        ("/people/3#timeline", "/people/3#timeline"),
        ("//evil.example", "/"),
        ("/\\evil.example", "/"),
        ("https://evil.example/", "/"),
        (None, "/"),
        ("", "/"),
        # browsers drop tabs and line breaks from a Location and read a backslash as a slash
        ("/\t/evil.example", "/"),
        ("/\n/evil.example", "/"),
        ("/\r\n/evil.example", "/"),
        ("/people\r\nSet-Cookie: x=1", "/"),
        ("/people/3\x00", "/"),
        ("/a\\b", "/"),
        ("/people/3 x", "/"),
        ("/\u2028/evil.example", "/"),
        ("javascript:alert(1)", "/"),
        ("/people?q=%20x#t", "/people?q=%20x#t"),
    ],
)
def test_going_back_after_a_form_stays_on_this_service(value, expected):
    assert forms.local_path(value, "/") == expected


def test_a_fact_date_ticked_every_year_keeps_only_its_day_and_month():
    form = {"label": "birthday", "value": "cake", "date": "1990-12-08", "yearly": "1"}
    assert forms.fact(form)["date"] == "--12-08"
    assert forms.fact({**form, "yearly": ""})["date"] == "1990-12-08"
    assert forms.fact({**form, "date": "soon"})["date"] == "soon"  # the store refuses it
