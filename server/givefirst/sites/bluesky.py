"""Bluesky: bsky.app/profile/<handle or DID>.

The server renders Open Graph ("Display (@handle)", the bio); the app renders `data-testid`
profileHeaderDisplayName, profileHeaderDescription and the feed (`feedItem-by-<handle>`,
`postText`, a post link whose `data-tooltip` is the full date).
Test URLs: see TEST_URLS at the end.
"""

import re
from datetime import datetime

from givefirst.sites import unavailable
from givefirst.sites.base import NotAProfile, ProfileRef, Site, Url, slug
from givefirst.sites.html import name_from_title, text
from givefirst.sites.page import Page, open_graph


def key_for(url: Url) -> str:
    segments = url.segments
    if len(segments) >= 2 and segments[0] == "profile":
        actor = slug(segments[1])
        if re.fullmatch(r"did:[a-z0-9]+:[a-z0-9._:%-]+|[a-z0-9.-]+\.[a-z0-9-]+", actor):
            return f"bsky:{actor}"
    raise NotAProfile("this Bluesky page is not a person's profile")


def url_for(key: str) -> str:
    return f"https://bsky.app/profile/{key.removeprefix('bsky:')}"


def post_date(shown: str | None) -> str | None:
    """'May 3, 2026 at 10:00 AM' → '2026-05-03'."""
    try:
        return datetime.strptime((shown or "").split(" at ")[0], "%B %d, %Y").date().isoformat()
    except ValueError:
        return None


def posts(page: Page, handle: str) -> list[dict]:
    found = []
    wanted = f"feeditem-by-{handle}"
    items = [e for k, v in page.indexed("data-testid").items() if k.lower() == wanted for e in v]
    for item in items:
        link = next((a for a in item.iter("a") if "/post/" in (a.get("href") or "")), None)
        title = text(page.by_testid("postText", item))
        found.append(
            {
                "title": title,
                "date": post_date(link.get("data-tooltip")) if link is not None else None,
                "url": page.absolute(link.get("href")) if link is not None else None,
            }
        )
    return found


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref, [text(page.by_testid("errorScreen")) or ""])
    handle = ref.key.removeprefix("bsky:")
    found = open_graph(page)
    found["name"] = text(page.by_testid("profileHeaderDisplayName")) or name_from_title(
        page.meta("og:title") or page.title
    )
    found["bio"] = text(page.by_testid("profileHeaderDescription")) or found["bio"]
    found["links"] = page.rel_me
    found["activity"] = posts(page, handle)
    return found


TEST_URLS = (
    ("https://bsky.app/profile/Alice.Bsky.Social", "bsky:alice.bsky.social"),
    ("https://bsky.app/profile/alice.bsky.social/post/3k2", "bsky:alice.bsky.social"),
    ("https://bsky.app/profile/did:plc:abc123", "bsky:did:plc:abc123"),
    ("https://bsky.app/search?q=x", None),
    ("https://bsky.app/", None),
)

SITE = Site(
    name="bluesky",
    label="Bluesky",
    hosts=("bsky.app",),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("bsky",),
    extract=extract,
    test_urls=TEST_URLS,
)
