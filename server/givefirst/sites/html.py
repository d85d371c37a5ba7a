"""HTML as site readers need it: one forgiving lxml parse, visible text, titles and links.

Pages are parsed with lxml's HTML parser (libxml2) directly. BeautifulSoup on the same parser
takes about 180 ms just to build the tree of a 500 KB page, against about 20 ms for a whole
extraction here, and this runs on every profile a person opens (see the README, "Speed").
Nothing here raises on bad markup: a question the page cannot answer is None.
"""

import html
import re
from urllib.parse import parse_qs, urlsplit

from lxml import etree

from givefirst.sites.base import clean_text

MAX_HTML = 8 * 1024 * 1024  # characters; beyond this the rest of the page is not read
MAX_VALUE = 20_000  # characters of one value looked at before cleaning
MAX_WALK = 5_000  # elements visited when reading the text of one region
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SCREEN_READER_ONLY = frozenset(
    [
        "visually-hidden",
        "sr-only",
        "screen-reader-text",
        "screen-reader-only",
        "a11y-text",
        "visuallyhidden",
        "assistive-text",
        "u-hidden-visually",
    ]
)
NOT_SHOWN = frozenset(["script", "style", "template", "noscript", "svg", "head", "title", "iframe"])
BLOCKS = frozenset(
    [
        "address",
        "article",
        "aside",
        "blockquote",
        "br",
        "dd",
        "details",
        "div",
        "dl",
        "dt",
        "figcaption",
        "figure",
        "footer",
        "form",
        "h1",
        "h2",
        "h3",
        "h4",
        "h5",
        "h6",
        "header",
        "hr",
        "li",
        "main",
        "nav",
        "ol",
        "p",
        "pre",
        "section",
        "summary",
        "table",
        "td",
        "th",
        "tr",
        "ul",
        "button",
    ]
)
PARSER = etree.HTMLParser(
    encoding="utf-8",  # the text arrives decoded; a page's own <meta charset> must not re-decode it
    recover=True,
    no_network=True,
    remove_comments=True,
    remove_pis=True,
    collect_ids=False,
    default_doctype=False,
    huge_tree=False,  # libxml2 keeps its depth and size limits: deep nesting stays bounded
)
CLASSED = etree.XPath(".//*[contains(concat(' ', normalize-space(@class), ' '), $c)]")


def clean(value: object, limit: int = MAX_VALUE) -> str | None:
    """Text as a person reads it: entities decoded (twice at most: `&amp;amp;`), NFC, no
    zero-width or bidi controls, single spaces; None when nothing is left."""
    if not isinstance(value, str):
        return None
    if len(value) > limit:  # runs of whitespace do not count against the limit
        value = " ".join(value[: limit * 100].split())[:limit]
    for _ in range(2):
        if "&" not in value or not ENTITY.search(value):
            break
        value = html.unescape(value)
    return clean_text(value) or None


def parse(markup: str) -> etree._Element:
    """The page's element tree; an empty document for anything unreadable."""
    data = markup[:MAX_HTML].replace("\x00", "").encode("utf-8", "replace")
    try:
        # isspace() stops at the first letter; strip() would copy the whole page to say so.
        root = etree.fromstring(data, PARSER) if data and not data.isspace() else None
    except (etree.LxmlError, ValueError):
        root = None
    return root if root is not None else etree.fromstring(b"<html></html>", PARSER)


TITLE_COUNT = re.compile(r"^\(\d+\+?\)\s*")  # "(3) Jane Doe | LinkedIn": unread notifications


TITLE_SEPARATORS = re.compile(r"\s+(?:[|·•–—/]|-)\s+")


HANDLE_SUFFIX = re.compile(r"\s*\((?:@[^)]*|[^)]*@[^)]*)\)\s*$")


def title_parts(title: str | None) -> list[str]:
    """'(3) Jane Doe - Engineer | LinkedIn' → ['Jane Doe', 'Engineer', 'LinkedIn']."""
    text = TITLE_COUNT.sub("", clean(title) or "")
    return [part for part in (p.strip() for p in TITLE_SEPARATORS.split(text)) if part]


def name_from_title(title: str | None) -> str | None:
    """The person's name: the title's first part, without a trailing '(@handle)'."""
    parts = title_parts(title)
    return clean(HANDLE_SUFFIX.sub("", parts[0])) if parts else None


def classes(element) -> set[str]:
    return set((element.get("class") or "").split())


def is_shown(element) -> bool:
    """False for script-like elements, `hidden`, and screen-reader-only duplicates of the text."""
    tag = element.tag
    if not isinstance(tag, str) or tag.lower() in NOT_SHOWN:
        return False
    if element.get("hidden") is not None:
        return False
    return not (SCREEN_READER_ONLY & classes(element))


def lines(element, limit: int = MAX_WALK) -> list[str]:
    """The visible text of an element, one entry per block, screen-reader duplicates skipped."""
    if element is None:
        return []
    parts: list[str] = []
    walker = etree.iterwalk(element, events=("start", "end"))
    seen = 0
    for event, node in walker:
        block = isinstance(node.tag, str) and node.tag.lower() in BLOCKS
        if event == "start":
            seen += 1
            if seen > limit:
                break
            if block:
                parts.append("\n")
            if not is_shown(node):
                walker.skip_subtree()
            elif node.text:
                parts.append(node.text)
        else:
            if block:
                parts.append("\n")
            if node is not element and node.tail:
                parts.append(node.tail)
    found = (clean(line) for line in "".join(parts).split("\n") if line and not line.isspace())
    return [line for line in found if line]


def text(element) -> str | None:
    """The visible text of an element on one line."""
    return clean(" ".join(lines(element))) if element is not None else None


def same_url(a: str | None, b: str | None) -> bool:
    """Whether two URLs name the same page: scheme, www., trailing slash and fragment aside."""

    def norm(url: str) -> str:
        parts = urlsplit(url.strip())
        host = (parts.hostname or "").removeprefix("www.")
        return f"{host}{parts.path.rstrip('/')}" + (f"?{parts.query}" if parts.query else "")

    try:
        return bool(a and b) and norm(a) == norm(b)
    except ValueError:
        return False


REDIRECTS = {  # outbound-link wrappers sites put around a person's links: host → parameter
    "l.instagram.com": "u",
    "l.facebook.com": "u",
    "lm.facebook.com": "u",
    "facebook.com": "u",
    "youtube.com": "q",
    "linkedin.com": "url",
    "l.threads.net": "u",
}


def unwrap(url: str | None) -> str | None:
    """The real target of a site's redirect link (l.instagram.com/?u=…, youtube.com/redirect?q=…)."""
    if not url:
        return None
    try:
        parts = urlsplit(url)
    except ValueError:
        return None
    host = (parts.hostname or "").removeprefix("www.").removeprefix("m.")
    name = REDIRECTS.get(host)
    if name and ("redirect" in parts.path or parts.path in ("/", "/l.php", "")):
        target = parse_qs(parts.query).get(name, [None])[0]
        if target and target.startswith(("http://", "https://")):
            return target
    return url


ROLE_AT = re.compile(r"^(?P<role>[^|·•,;]{2,100}?)\s+(?:at|@)\s+(?P<company>[^|·•,;]{1,100})")


def role_at_company(headline: str | None) -> tuple[str | None, str | None]:
    """'Staff Engineer at Stripe | ex-Acme' → ('Staff Engineer', 'Stripe'); else (None, None)."""
    found = ROLE_AT.match(headline or "")
    if not found:
        return None, None
    return clean(found["role"]), clean(found["company"].removeprefix("@"))
