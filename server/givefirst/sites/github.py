"""GitHub: github.com/<user>; a second path segment is a repository, not a person.

Test URLs: see TEST_URLS at the end.
"""

from givefirst.sites.base import NotAProfile, Site, Url, first_segment_profile

RESERVED = frozenset(
    [
        "settings",
        "orgs",
        "marketplace",
        "explore",
        "topics",
        "trending",
        "collections",
        "events",
        "sponsors",
        "notifications",
        "pulls",
        "issues",
        "login",
        "logout",
        "join",
        "signup",
        "new",
        "organizations",
        "about",
        "pricing",
        "features",
        "enterprise",
        "security",
        "site",
        "apps",
        "search",
        "codespaces",
        "copilot",
        "dashboard",
        "team",
        "teams",
        "watching",
        "stars",
        "account",
        "customer-stories",
        "readme",
        "resources",
        "solutions",
        "contact",
        "mobile",
        "nonprofit",
        "education",
        "discussions",
        "pulse",
        "users",
        "repositories",
        "codesearch",
    ]
)


def key_for(url: Url) -> str:
    if len(url.segments) > 1:
        raise NotAProfile("a GitHub repository or sub-page is not a person's profile")
    return first_segment_profile(
        url, "gh", r"[A-Za-z0-9](?:[A-Za-z0-9-]{0,38})", RESERVED, "GitHub"
    )


def url_for(key: str) -> str:
    return f"https://github.com/{key.removeprefix('gh:')}"


TEST_URLS = (
    ("https://github.com/Torvalds?tab=repositories", "gh:torvalds"),
    ("https://github.com/teamcity", "gh:teamcity"),
    ("https://github.com/settings", None),
    ("https://github.com/orgs/x", None),
    ("https://github.com/marketplace", None),
    ("https://github.com/torvalds/linux", None),
)

SITE = Site(
    name="github",
    label="GitHub",
    hosts=("github.com",),
    key_for=key_for,
    url_for=url_for,
    test_urls=TEST_URLS,
)
