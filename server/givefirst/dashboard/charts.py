"""Small charts as geometry: numbers the templates turn into inline SVG (no chart library).

Plain functions of plain data, so the shapes can be checked without a browser.
"""

import calendar
from collections.abc import Sequence
from dataclasses import dataclass
from datetime import datetime, timedelta

from givefirst.core.dates import short_day
from givefirst.core.ledger import TAKES, balance
from givefirst.core.vocabulary import KIND_LABELS, Interaction

WIDTH, HEIGHT, PAD = 640, 200, 28
LEDGER_WIDTH = 420  # it sits in a side column: fewer units, so its text stays legible
LEDGER_MONTHS = 24


@dataclass(frozen=True)
class Bar:
    x: float
    y: float
    width: float
    height: float
    series: str
    title: str


@dataclass(frozen=True)
class Tick:
    position: float
    label: str


@dataclass(frozen=True)
class Marker:
    x: float
    y: float
    kind: str  # "give" or "take"
    title: str


def scale_step(largest: float) -> int:
    """A round gridline step (1, 2, 5, 10, 20, 50…) giving at most four lines up to `largest`."""
    steps = (mantissa * 10**exponent for exponent in range(12) for mantissa in (1, 2, 5))
    return next(step for step in steps if largest / step <= 4)


def month_label(month: str) -> str:
    """'2026-01' → 'Jan 2026' for January (where the year turns), else 'Feb'."""
    year, number = month.split("-")
    name = calendar.month_abbr[int(number)]
    return f"{name} {year}" if number == "01" else name


def monthly_bars(months: Sequence[dict], series: Sequence[str] = ("gave", "asked")) -> dict:
    """Grouped bars, one group per month, one bar per series (counts per month)."""
    plot_width, plot_height = WIDTH - 2 * PAD, HEIGHT - 2 * PAD
    largest = max([month[name] for month in months for name in series] + [1])
    step = scale_step(largest)
    top = -(-largest // step) * step  # the gridline at or above the largest count
    group = plot_width / max(len(months), 1)
    bar_width = group * 0.8 / len(series)
    bars, labels = [], []
    for index, month in enumerate(months):
        left = PAD + index * group + group * 0.1
        for offset, name in enumerate(series):
            height = plot_height * month[name] / top
            bars.append(
                Bar(
                    x=round(left + offset * bar_width, 1),
                    y=round(HEIGHT - PAD - height, 1),
                    width=round(bar_width - 1, 1),
                    height=round(height, 1),
                    series=name,
                    title=f"{month_label(month['month'])}: {name} {month[name]}",
                )
            )
        labels.append(Tick(round(PAD + (index + 0.5) * group, 1), month_label(month["month"])))
    gridlines = [
        Tick(round(HEIGHT - PAD - plot_height * value / top, 1), str(value))
        for value in range(0, top + 1, step)
    ]
    return {
        "width": WIDTH,
        "height": HEIGHT,
        "pad": PAD,
        "bars": bars,
        "labels": labels,
        "gridlines": gridlines,
        "series": list(series),
    }


def month_starts(first: datetime, now: datetime) -> list[datetime]:
    moment = first.replace(day=1, hour=0, minute=0, second=0, microsecond=0)
    starts = []
    while moment <= now:
        starts.append(moment)
        moment = (moment + timedelta(days=32)).replace(day=1)
    return starts


def ledger_over_time(
    history: Sequence[Interaction],
    now: datetime,
    months: int = LEDGER_MONTHS,
    width: int = LEDGER_WIDTH,
) -> dict | None:
    """The decayed give/ask balance as a history: the line steps up at each give and down at each
    ask or favour received, the moment it happens, and fades between them as older ones count
    less; each exchange is a dot on the line.

    None when nothing has been given or taken yet: there is no line to draw. An interaction
    dated after `now` has not happened yet, so it is left out of the chart.
    """
    history = [i for i in history if i.occurred_at <= now]
    exchanges = [i for i in history if i.kind == "gave" or i.kind in TAKES]
    if not exchanges:
        return None
    earliest = now - timedelta(days=months * 31)
    start = max(min(i.occurred_at for i in exchanges), earliest)
    shown = sorted((i for i in exchanges if i.occurred_at >= start), key=lambda i: i.occurred_at)
    steps = sorted({i.occurred_at for i in shown})
    fading = [m for m in month_starts(start, now) if m >= start and m not in steps]
    samples = []  # (moment, balance): two at each step, just before it and just after
    for moment in sorted({start, now, *fading, *steps}):
        if moment in steps:
            samples.append(
                (moment, balance([i for i in history if i.occurred_at < moment], moment))
            )
        samples.append((moment, balance([i for i in history if i.occurred_at <= moment], moment)))
    after = {moment: value for moment, value in samples}  # the later sample wins: just after
    span = max((now - start).total_seconds(), 1.0)
    largest = max([abs(value) for _, value in samples] + [1.0])
    middle, reach = HEIGHT / 2, HEIGHT / 2 - PAD

    def x_of(moment: datetime) -> float:
        return round(PAD + (width - 2 * PAD) * (moment - start).total_seconds() / span, 1)

    def y_of(value: float) -> float:
        return round(middle - reach * value / largest, 1)

    path = "M" + " L".join(f"{x_of(moment)} {y_of(value)}" for moment, value in samples)
    markers = [
        Marker(
            x=x_of(i.occurred_at),
            y=y_of(after[i.occurred_at]),
            kind="give" if i.kind == "gave" else "take",
            title=f"{short_day(i.occurred_at.date())} · {KIND_LABELS[i.kind]}: {i.summary}",
        )
        for i in shown
    ]
    return {
        "width": width,
        "height": HEIGHT,
        "pad": PAD,
        "path": path,
        "zero": middle,
        "markers": markers,
        "now_balance": round(samples[-1][1], 2),
        "top_label": f"+{largest:.1f}",
        "bottom_label": f"−{largest:.1f}",
        "start": start.date().isoformat(),
        "end": now.date().isoformat(),
        "start_label": short_day(start.date()),
        "end_label": short_day(now.date()),
    }
