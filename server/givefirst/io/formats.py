"""The import formats, one module each: the CLI, the dashboard's Import page and the docs all
read this list.

The registry names each format's module rather than importing it: an import of one format
loads that module alone (`load`), not the calendar's, the mail's and the JSON document's
readers with it. `FORMATS` imports them all, for the pages that list every format.
"""

import importlib

from givefirst.io.format import Format

# name (`givefirst import NAME PATH`) → the module that declares its FORMAT, in listing order
MODULES = {
    "linkedin": "givefirst.io.linkedin",
    "vcard": "givefirst.io.vcard",
    "google": "givefirst.io.google",
    "json": "givefirst.io.reconcile",
    "mbox": "givefirst.io.mail.mbox",
    "ics": "givefirst.io.calendar",
}
NAMES = tuple(MODULES)


def load(name: str) -> Format:
    """The format called `name`, its module imported now."""
    found = importlib.import_module(MODULES[name]).FORMAT
    if found.name != name:
        raise ValueError(f"{MODULES[name]} declares the format {found.name!r}, not {name!r}")
    return found


def __getattr__(attribute: str):
    """FORMATS and BY_NAME, every format imported, when a caller asks for all of them."""
    if attribute == "FORMATS":
        return tuple(load(name) for name in NAMES)
    if attribute == "BY_NAME":
        return {name: load(name) for name in NAMES}
    raise AttributeError(f"module {__name__!r} has no attribute {attribute!r}")
