"""X (Twitter): x.com/<handle> and twitter.com/<handle>, with app routes that are not people.

The page is an app: after in-app navigation the profile JSON-LD (`data-testid=
"UserProfileSchema-test"`) can still describe the previous profile, so it is trusted only when
its handle is the URL's. The rendered profile has `data-testid` UserName, UserDescription,
UserLocation, UserUrl, and the tweets (`tweet`, `tweetText`, `User-Name`, `<time>`).
Test URLs: see TEST_URLS at the end.
"""

from givefirst.sites import unavailable
from givefirst.sites.base import ProfileRef, Site, Url, first_segment_profile
from givefirst.sites.html import clean, lines, name_from_title, text
from givefirst.sites.jsonld import ld_list, ld_text, ld_url
from givefirst.sites.page import Page, open_graph

# Exact first path segments that are X's own pages; "homer" and "ivan" are still people.
RESERVED = frozenset(
    [
        "home",
        "explore",
        "notifications",
        "messages",
        "settings",
        "search",
        "compose",
        "i",
        "intent",
        "share",
        "hashtag",
        "login",
        "logout",
        "signup",
        "tos",
        "privacy",
        "about",
        "account",
        "download",
        "jobs",
        "premium",
        "lists",
        "topics",
        "communities",
        "bookmarks",
        "following",
        "followers",
        "verified",
        "help",
    ]
)


def key_for(url: Url) -> str:
    return first_segment_profile(url, "x", r"[A-Za-z0-9_]{1,15}", RESERVED, "X")


def url_for(key: str) -> str:
    return f"https://x.com/{key.removeprefix('x:')}"


SHORTENERS = ("https://t.co/", "http://t.co/")


def schema(page: Page, handle: str) -> dict | None:
    """The profile JSON-LD's Person, only when it is about this handle."""
    for script, data in page.json_ld_scripts:
        if script.get("data-testid") != "UserProfileSchema-test" or not isinstance(data, dict):
            continue
        person = data.get("mainEntity") or data.get("author")
        if not isinstance(person, dict):
            continue
        said = clean(person.get("additionalName")) or (ld_url(person.get("url")) or "")
        if said.rsplit("/", 1)[-1].lstrip("@").lower() == handle:
            return {**person, "relatedLink": data.get("relatedLink")}
    return None


def shown_link(page: Page, element) -> str | None:
    """A link's target; for t.co short links, the address the page displays."""
    if element is None:
        return None
    anchor = element if element.tag == "a" else next(element.iter("a"), None)
    href = page.absolute(anchor.get("href")) if anchor is not None else None
    if href and href.startswith(SHORTENERS):
        shown = (text(anchor) or "").rstrip("…")
        return f"https://{shown}" if shown and " " not in shown else None
    return href


def tweets(page: Page, handle: str) -> list[dict]:
    found = []
    for tweet in page.indexed("data-testid").get("tweet", []):
        author = page.by_testid("User-Name", tweet)
        if author is not None and f"@{handle}" not in (text(author) or "").lower():
            continue  # a repost of someone else
        moment = next(tweet.iter("time"), None)
        link = moment.getparent() if moment is not None else None
        title = text(page.by_testid("tweetText", tweet))
        found.append(
            {
                "title": title,
                "date": moment.get("datetime") if moment is not None else None,
                "url": page.absolute(link.get("href"))
                if link is not None and link.tag == "a"
                else None,
            }
        )
    return found


def avatar(page: Page, handle: str) -> str | None:
    """The header photo: in the main region (the side bar shows the viewer's own), linked to
    /<handle>/photo when it is."""
    images = [i for i in page.main.iter("img") if "/profile_images/" in (i.get("src") or "")]
    linked = [
        i
        for i in images
        if any((a.get("href") or "").lower() == f"/{handle}/photo" for a in i.iterancestors("a"))
    ]
    return page.absolute((linked or images)[0].get("src")) if images else None


def extract(page: Page, ref: ProfileRef) -> dict:
    unavailable.check(page, ref, lines(page.by_testid("emptyState")))
    handle = ref.key.removeprefix("x:")
    person = schema(page, handle) or {}
    user = lines(page.by_testid("UserName"))
    shown_handle = next((line for line in user if line.startswith("@")), None)
    fresh = not shown_handle or shown_handle[1:].lower() == handle  # the DOM can lag too
    title_name = (
        name_from_title(page.title) if f"(@{handle})" in (page.title or "").lower() else None
    )
    found = {
        "name": ld_text(person.get("givenName") or person.get("name")),
        "bio": ld_text(person.get("description")),
        "location": ld_text(person.get("homeLocation")),
        "photo_url": ld_url(person.get("image")),
        "links": [
            u
            for u in map(ld_url, ld_list(person.get("relatedLink")))
            if u and not u.startswith(SHORTENERS)
        ],
    }
    if fresh:
        dom = {
            "name": user[0] if user and not user[0].startswith("@") else None,
            "bio": text(page.by_testid("UserDescription")),
            "location": text(page.by_testid("UserLocation")),
            "photo_url": avatar(page, handle),
        }
        found.update({k: found.get(k) or v for k, v in dom.items()})
        found["links"] = [shown_link(page, page.by_testid("UserUrl")), *found["links"]]
        found["activity"] = tweets(page, handle)
    found["name"] = found["name"] or title_name
    shared = open_graph(page) if title_name else {}  # Open Graph only when the title is this handle
    return {**found, **{k: v for k, v in shared.items() if v and not found.get(k)}}


TEST_URLS = (
    ("https://twitter.com/Jack", "x:jack"),
    ("https://x.com/jack/status/1", "x:jack"),
    ("https://mobile.x.com/jack", "x:jack"),
    ("https://twitter.com/#!/jack", "x:jack"),
    ("https://x.com/ivan", "x:ivan"),
    ("https://x.com/homer", "x:homer"),
    ("https://x.com/home", None),
    ("https://x.com/i/lists/1", None),
    ("https://x.com/explore", None),
    ("https://x.com/settings/profile", None),
)

SITE = Site(
    name="x",
    label="X (Twitter)",
    hosts=("x.com", "twitter.com"),
    key_for=key_for,
    url_for=url_for,
    key_prefixes=("x",),
    extract=extract,
    test_urls=TEST_URLS,
)
