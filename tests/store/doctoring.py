"""`givefirst doctor` against derived data a test has made drift: it must say so and fail, then
`--rebuild` must mend it, for the doctor tests of each kind of derived data."""

from collections.abc import Callable

from givefirst.cli import main


def doctor_finds_and_mends(runner, differences: Callable[[], list], complaint: str, mended: str):
    """`doctor` fails naming `complaint`; `doctor --rebuild` says `mended` and leaves no
    `differences()`."""
    failed = runner.invoke(main, ["doctor"])
    assert failed.exit_code == 1 and complaint in failed.output
    rebuilt = runner.invoke(main, ["doctor", "--rebuild"])
    assert rebuilt.exit_code == 0, rebuilt.output
    assert mended in rebuilt.output
    assert differences() == []
