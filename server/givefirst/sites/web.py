"""Personal sites: any other host. The key is the host and path, without query or fragment.

Test URLs: see TEST_URLS at the end.
"""

from urllib.parse import quote

from givefirst.sites.base import Site, Url, slug

INDEX_PAGES = ("index.html", "index.htm", "index.php")


def key_for(url: Url) -> str:
    segments = url.segments
    if segments and segments[-1].lower() in INDEX_PAGES:
        segments = segments[:-1]
    path = "/".join(slug(part) for part in segments)
    return f"web:{url.host}" + (f"/{path}" if path else "")


def url_for(key: str) -> str:
    return "https://" + quote(key.removeprefix("web:"), safe="/:@")


TEST_URLS = (
    ("HTTPS://WWW.Example.com:443/about/#me?utm_source=x", "web:example.com/about"),
    ("https://jane.example/", "web:jane.example"),
    ("jane.example/about/index.html", "web:jane.example/about"),
)

SITE = Site(
    name="web",
    label="Personal sites",
    hosts=(),
    key_for=key_for,
    url_for=url_for,
    test_urls=TEST_URLS,
)
