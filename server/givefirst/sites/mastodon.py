"""Mastodon and the fediverse: the key is the account (user@domain), whichever server shows it.

Any server can host an account, so "/@user" paths are claimed on hosts no other site owns;
"/users/<name>" only on servers known to run Mastodon, because many sites use that path.
Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites.base import NotAProfile, Site, Url, slug

KNOWN_SERVERS = (
    "mastodon.social", "mastodon.online", "mstdn.social", "fosstodon.org", "hachyderm.io",
    "infosec.exchange", "mas.to", "mastodon.world", "techhub.social", "sigmoid.social",
    "mastodon.art", "universeodon.com", "social.coop", "toot.community", "mathstodon.xyz",
)  # fmt: skip
# Hosts that also use "/@name" paths but are not the fediverse.
NOT_FEDIVERSE = ("medium.com", "tiktok.com", "threads.net", "threads.com", "substack.com")
USER = r"[A-Za-z0-9_][A-Za-z0-9_.-]*"
DOMAIN = r"[A-Za-z0-9.-]+\.[A-Za-z]{2,}"
HANDLE = re.compile(rf"@?({USER})@({DOMAIN})")


def account_key(user: str, domain: str) -> str:
    return f"acct:{slug(user)}@{slug(domain)}"


def key_for(url: Url) -> str:
    segments = url.segments
    if segments and segments[0].startswith("@"):
        handle = HANDLE.fullmatch(segments[0])
        if handle:
            return account_key(*handle.groups())
        if re.fullmatch(USER, segments[0][1:]):
            return account_key(segments[0][1:], url.host)
    on_known_server = len(segments) >= 2 and segments[0] == "users" and is_known_server(url.host)
    if on_known_server and re.fullmatch(USER, segments[1]):
        return account_key(segments[1], url.host)
    raise NotAProfile("this page is not a fediverse account")


def is_known_server(host: str) -> bool:
    return host in KNOWN_SERVERS


def claims(url: Url) -> bool:
    """Whether a URL on a host no other site owns looks like an account page."""
    if any(url.host == h or url.host.endswith("." + h) for h in NOT_FEDIVERSE):
        return False
    segments = url.segments
    if segments and segments[0].startswith("@") and len(segments[0]) > 1:
        return True
    return is_known_server(url.host)


def key_for_handle(text: str) -> str | None:
    """`@user@domain` typed or pasted on its own."""
    handle = HANDLE.fullmatch(text.strip())
    return account_key(*handle.groups()) if handle and text.strip().startswith("@") else None


def url_for(key: str) -> str:
    user, _, domain = key.removeprefix("acct:").partition("@")
    return f"https://{domain}/@{user}"


TEST_URLS = (
    ("https://mastodon.social/@Gargron", "acct:gargron@mastodon.social"),
    ("https://mastodon.social/users/gargron", "acct:gargron@mastodon.social"),
    ("@gargron@mastodon.social", "acct:gargron@mastodon.social"),
    ("https://hachyderm.io/@ada@example.social", "acct:ada@example.social"),
    ("https://mastodon.social/@Gargron/113456", "acct:gargron@mastodon.social"),
    ("https://mastodon.social/explore", None),
)

SITE = Site(
    name="mastodon",
    label="Mastodon",
    hosts=KNOWN_SERVERS,
    key_for=key_for,
    url_for=url_for,
    test_urls=TEST_URLS,
)
