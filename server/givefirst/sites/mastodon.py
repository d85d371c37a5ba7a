"""Mastodon and the fediverse: the key is the account (user@domain), whichever server shows it.

Any server can host an account, so "/@user" paths are claimed on hosts no other site owns;
"/users/<name>" only on servers known to run Mastodon, because many sites use that path.
The page names the account in `og:title` ("Display (@user@domain)") and `profile:username`
("user@domain"); that domain can differ from the web host (a server may serve example.com's
accounts from social.example.com), and the key follows the account. A page on a host we did not
know as Mastodon (keyed `web:`) that names its account both ways is read here too.
Test URLs: see TEST_URLS at the end.
"""

import re

from givefirst.sites import unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, slug
from givefirst.sites.html import name_from_title, text
from givefirst.sites.page import Page, open_graph

KNOWN_SERVERS = (
    "mastodon.social",
    "mastodon.online",
    "mstdn.social",
    "fosstodon.org",
    "hachyderm.io",
    "infosec.exchange",
    "mas.to",
    "mastodon.world",
    "techhub.social",
    "sigmoid.social",
    "mastodon.art",
    "universeodon.com",
    "social.coop",
    "toot.community",
    "mathstodon.xyz",
)
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


TITLE_HANDLE = re.compile(rf"\(@({USER})@({DOMAIN})\)\s*$")
STATS = re.compile(
    r"^[\d.,]+[KMkm]? Posts?, [\d.,]+[KMkm]? Following, [\d.,]+[KMkm]? Followers?\s*·?\s*"
)


def account_on_page(page: Page, strict: bool) -> tuple[str, str] | None:
    """(user, domain) the page names; `strict`: og:title and profile:username must agree."""
    titled = TITLE_HANDLE.search(page.meta("og:title") or "")
    named = HANDLE.fullmatch(page.meta("profile:username") or "")
    said = [m.groups() for m in (named, titled) if m]
    if not said or (
        strict and (len(said) < 2 or slug("@".join(said[0])) != slug("@".join(said[1])))
    ):
        return None
    return said[0]


def statuses(page: Page) -> list[dict]:
    found = []
    for status in page.by_class("status"):
        content = next(iter(page.by_class("status__content", status)), None)
        moment = next(status.iter("time"), None)
        link = next(moment.iterancestors("a"), None) if moment is not None else None
        title = text(content)
        found.append(
            {
                "title": title,
                "date": moment.get("datetime") if moment is not None else None,
                "url": page.absolute(link.get("href")) if link is not None else None,
            }
        )
    return found


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref)
    found = open_graph(page)
    found["bio"] = STATS.sub("", found["bio"] or "") or None
    header = next(iter(page.by_class("account__header__tabs__name")), None)
    heading = next(header.iter("h1"), None) if header is not None else None
    display = next(heading.iter("span"), None) if heading is not None else None  # then <small>
    found["name"] = text(display) or name_from_title(page.meta("og:title") or page.title)
    content = next(iter(page.by_class("account__header__content")), None)
    found["bio"] = text(content) or found["bio"]
    fields = page.by_class("account__header__fields")
    found["links"] = [
        page.absolute(a.get("href")) for f in fields for a in f.iter("a")
    ] + page.rel_me
    found["activity"] = statuses(page)
    account = account_on_page(page, strict=ref.site != SITE.name)
    own_user = ref.key.removeprefix("acct:").partition("@")[0]
    if account and (ref.site != SITE.name or slug(account[0]) == own_user):
        found["key"] = account_key(*account)
    return found


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
    key_prefixes=("acct",),
    extract=extract,
    test_urls=TEST_URLS,
)
