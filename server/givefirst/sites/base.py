"""What every site module declares, and the URL helpers they share."""

import re
import unicodedata
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any
from urllib.parse import unquote, urlsplit

# Characters that render as nothing or flip text direction; pasted URLs and page text carry them.
INVISIBLE = re.compile("[\u00ad\u200b-\u200f\u202a-\u202e\u2060-\u2069\ufeff]")
SCHEME = re.compile(r"^([a-zA-Z][a-zA-Z0-9+.-]*):")
MAX_URL_LENGTH = 4096
# Schemes that are never a host name, even when a number follows the colon ("javascript:1").
NOT_WEB_SCHEMES = frozenset(
    [
        "javascript",
        "vbscript",
        "data",
        "file",
        "blob",
        "about",
        "chrome",
        "mailto",
        "tel",
        "sms",
        "ftp",
        "ws",
        "wss",
        "view-source",
    ]
)


class NotAProfile(ValueError):
    """The URL is fine, but it is not a person's profile (a feed, a repository, settings…)."""


class Unavailable(ValueError):
    """The page at a profile's address does not show it: not found, a login wall, an error."""


class InvalidUrl(ValueError):
    """Not something we will treat as a web address (javascript:, data:, garbage)."""


class UnknownKey(ValueError):
    """A key whose prefix no registered site declares ("th:zuck"): never guessed to be `web`."""


@dataclass(frozen=True)
class Url:
    """A URL split into the parts the site modules care about, already tidied."""

    host: str  # lower-case, no port, no "www."
    path: str  # percent-decoded, never empty ("/" at least)
    query: dict[str, str]
    fragment: str
    raw: str

    @property
    def segments(self) -> list[str]:
        return [part for part in self.path.split("/") if part]


@dataclass(frozen=True)
class ProfileRef:
    """One identity on one site: the canonical key and the URL that shows it."""

    key: str
    site: str
    url: str


@dataclass(frozen=True)
class Site:
    """A supported site, in the manner of a Zotero translator."""

    name: str  # "linkedin"
    label: str  # "LinkedIn"
    hosts: tuple[str, ...]  # domains it owns, subdomains included
    key_for: Callable[[Url], str]  # canonical key, or raises NotAProfile
    url_for: Callable[[str], str]  # canonical key → the profile's URL
    key_prefixes: tuple[str, ...]  # what its keys start with, before the colon: ("x",)
    # (page.Page, ref) → what the page shows: name, headline, company, role, location, photo_url,
    # bio, links, activity, and "key" when the page proves another key; raises NotAProfile.
    extract: Callable[[Any, "ProfileRef"], dict] | None = None
    test_urls: tuple[tuple[str, str | None], ...] = field(default=())  # (url, key or None)

    def owns(self, host: str) -> bool:
        return any(host == h or host.endswith("." + h) for h in self.hosts)


def clean_text(value: str) -> str:
    """NFC, no invisible or control characters, single spaces."""
    value = INVISIBLE.sub("", unicodedata.normalize("NFC", value))
    if not value.isprintable():  # the rare text with one: look at each character
        value = "".join(ch if ch.isprintable() else " " for ch in value)
    return " ".join(value.split())


def parse_url(raw: object) -> Url:
    """Split and tidy a URL, refusing anything that is not http(s)."""
    if not isinstance(raw, str):
        raise InvalidUrl("the URL must be a string")
    if not raw.strip():
        raise InvalidUrl("the URL is empty")
    if len(raw) > MAX_URL_LENGTH:
        raise InvalidUrl(f"the URL is longer than {MAX_URL_LENGTH} characters")
    text = INVISIBLE.sub("", raw).strip()
    # The only printable whitespace is the space; lone surrogates are not printable either.
    if " " in text or not text.isprintable():
        raise InvalidUrl("the URL contains spaces or control characters")
    match = SCHEME.match(text)
    scheme = match.group(1).lower() if match else ""
    is_port = bool(match) and text[match.end() :].split("/")[0].isdigit()  # "host:8080/x"
    if match and (scheme in NOT_WEB_SCHEMES or not is_port):
        if scheme not in ("http", "https"):
            raise InvalidUrl(f"only http(s) URLs are supported, not {scheme}:")
    elif not text.startswith("//"):
        text = "https://" + text
    else:
        text = "https:" + text
    try:
        parts = urlsplit(text)
        host = (parts.hostname or "").rstrip(".")
        parts.port  # noqa: B018 - raises ValueError on a malformed port
    except ValueError as error:
        raise InvalidUrl(f"the URL cannot be read: {error}") from None
    if not host or not re.fullmatch(r"[a-z0-9.\-\[\]:\u00a0-\uffff]+", host):
        raise InvalidUrl("the URL has no valid host")
    if host.startswith("www."):
        host = host[4:]
    fragment = parts.fragment
    path = parts.path or "/"
    if fragment.startswith("!/"):  # old hash-bang routes: twitter.com/#!/jack
        path, fragment = fragment[1:], ""
    query: dict[str, str] = {}
    for pair in parts.query.split("&"):
        name, _, value = pair.partition("=")
        if name and name not in query:
            query[unquote(name)] = unquote(value.replace("+", " "))
    return Url(host=host, path=unquote(path), query=query, fragment=fragment, raw=raw)


def slug(value: str) -> str:
    """A case-insensitive identifier: NFC and lower case."""
    return clean_text(value).lower()


def first_segment_profile(
    url: Url, prefix: str, pattern: str, reserved: frozenset[str], site_label: str
) -> str:
    """The common "site.com/<handle>/…" shape: the first segment is a handle unless reserved."""
    segments = url.segments
    if not segments:
        raise NotAProfile(f"the {site_label} home page is not a profile")
    handle = segments[0]
    if handle.lower() in reserved:
        raise NotAProfile(f"{site_label} /{handle} is not a person's profile")
    if not re.fullmatch(pattern, handle):
        raise NotAProfile(f"{handle!r} is not a {site_label} handle")
    return f"{prefix}:{slug(handle)}"
