"""The import formats, one module each: the CLI, the dashboard's Import page and the docs all
read this list."""

from givefirst.io import calendar, google, linkedin, reconcile, vcard
from givefirst.io.format import Format
from givefirst.io.mail import mbox

FORMATS: tuple[Format, ...] = (
    linkedin.FORMAT,
    vcard.FORMAT,
    google.FORMAT,
    reconcile.FORMAT,
    mbox.FORMAT,
    calendar.FORMAT,
)
BY_NAME = {f.name: f for f in FORMATS}
