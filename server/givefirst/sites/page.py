"""Reading a profile page once: the HTML helpers every site's extractor shares.

The page is parsed once, with lxml's HTML parser (libxml2), and each site asks only for what it
needs: the head's meta tags, JSON-LD (with `@graph`), microdata `itemprop`, the representative
h-card, `rel=me` links, or the visible text of one region. BeautifulSoup on the lxml parser takes
about 180 ms just to build the tree of a 500 KB page, against about 20 ms for a whole extraction
here (see the README, "Speed"), and this runs on every profile a person opens. Nothing here raises
on bad markup: a question the page cannot answer is None.
"""

import html
import json
import re
from functools import cached_property
from urllib.parse import parse_qs, urljoin, urlsplit

from lxml import etree

from givefirst.sites.base import clean_text

MAX_HTML = 8 * 1024 * 1024  # characters; beyond this the rest of the page is not read
MAX_VALUE = 20_000  # characters of one value looked at before cleaning
MAX_JSON_LD = 2 * 1024 * 1024  # characters of JSON-LD read from one page
MAX_WALK = 5_000  # elements visited when reading the text of one region
MAX_CARDS = 100  # h-cards considered when looking for the page's own
ENTITY = re.compile(r"&(?:#\d{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
SCREEN_READER_ONLY = frozenset(
    ["visually-hidden", "sr-only", "screen-reader-text", "screen-reader-only", "a11y-text",
     "visuallyhidden", "assistive-text", "u-hidden-visually"]
)  # fmt: skip
NOT_SHOWN = frozenset(["script", "style", "template", "noscript", "svg", "head", "title", "iframe"])
BLOCKS = frozenset(
    ["address", "article", "aside", "blockquote", "br", "dd", "details", "div", "dl", "dt",
     "figcaption", "figure", "footer", "form", "h1", "h2", "h3", "h4", "h5", "h6", "header",
     "hr", "li", "main", "nav", "ol", "p", "pre", "section", "summary", "table", "td", "th",
     "tr", "ul", "button"]
)  # fmt: skip
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
ITEMPROP = etree.XPath(".//*[contains(concat(' ', normalize-space(@itemprop), ' '), $p)]")
TESTID = etree.XPath(".//*[@data-testid = $t]")
ARIA_LABEL_STARTS = etree.XPath(".//*[starts-with(normalize-space(@aria-label), $s)]")
SPACE_SEPARATED = frozenset(["class", "itemprop", "itemtype", "role"])
# "descendant::" rather than "//": the latter merges node sets and costs ten times as much.
HAVING = {
    name: etree.XPath(f"descendant::*[@{name}]")
    for name in ("class", "itemprop", "itemtype", "data-testid", "id", "aria-label", "role")
}


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
        root = etree.fromstring(data, PARSER) if data.strip() else None
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


def json_ld_types(node: dict) -> set[str]:
    kinds = node.get("@type")
    kinds = kinds if isinstance(kinds, list) else [kinds]
    return {k.rsplit("/", 1)[-1].lower() for k in kinds if isinstance(k, str)}


def flatten(data: object, depth: int = 0):
    """JSON-LD nodes: top-level objects and lists, and everything in `@graph`."""
    if depth > 4:
        return
    if isinstance(data, list):
        for item in data[:500]:
            yield from flatten(item, depth + 1)
    elif isinstance(data, dict):
        yield data
        if "@graph" in data:
            yield from flatten(data["@graph"], depth + 1)


def ld_text(value: object) -> str | None:
    """A JSON-LD value as text: a string, a node's name, or the first of a list."""
    if isinstance(value, list):
        return next((found for item in value[:20] if (found := ld_text(item))), None)
    if isinstance(value, dict):
        return ld_text(value.get("name") or value.get("@value"))
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        return str(value)
    return clean(value)


def ld_url(value: object) -> str | None:
    """A JSON-LD image or link: a string, or an object's contentUrl / url / @id."""
    if isinstance(value, list):
        return next((found for item in value[:20] if (found := ld_url(item))), None)
    if isinstance(value, dict):
        return ld_url(value.get("contentUrl") or value.get("url") or value.get("@id"))
    return value.strip() if isinstance(value, str) and value.strip() else None


def ld_list(value: object) -> list:
    if value is None:
        return []
    return value[:100] if isinstance(value, list) else [value]


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


class Page:
    """One parsed page and the questions site extractors ask it; every answer is cached."""

    def __init__(self, markup: str, url: str):
        self.url = url
        self.root = parse(markup)
        self.tables: dict[str, dict[str, list]] = {}

    # -- the head ---------------------------------------------------------------------------

    @cached_property
    def metas(self) -> dict[str, str]:
        """Meta tags by `property`, `name` or `itemprop` (Open Graph uses either), first wins."""
        found: dict[str, str] = {}
        for tag in self.root.iter("meta"):
            content = tag.get("content")
            if content is None:
                continue
            for attribute in ("property", "name", "itemprop"):
                key = (tag.get(attribute) or "").strip().lower()
                if key and key not in found:
                    found[key] = content
        return found

    def meta(self, *names: str) -> str | None:
        """The first of these meta tags that has text, cleaned."""
        for name in names:
            value = clean(self.metas.get(name))
            if value:
                return value
        return None

    def meta_url(self, *names: str) -> str | None:
        for name in names:
            url = self.absolute(self.metas.get(name))
            if url:
                return url
        return None

    @cached_property
    def title(self) -> str | None:
        found = self.root.find(".//title")
        return clean(found.text) if found is not None else None

    @cached_property
    def base(self) -> str:
        found = self.root.find(".//base[@href]")
        return urljoin(self.url, found.get("href")) if found is not None else self.url

    def absolute(self, href: object) -> str | None:
        """An http(s) URL for a link on this page, or None."""
        if not isinstance(href, str) or not href.strip() or len(href) > 4096:
            return None
        try:
            url = urljoin(self.base, clean(href) or "")
        except ValueError:
            return None
        return url if url.startswith(("http://", "https://")) else None

    # -- structured data --------------------------------------------------------------------

    @cached_property
    def json_ld_scripts(self) -> list[tuple[object, object]]:
        """(script element, parsed JSON) for every readable JSON-LD block."""
        found, budget = [], MAX_JSON_LD
        for script in self.root.iter("script"):
            if (script.get("type") or "").strip().lower() != "application/ld+json":
                continue
            raw = (script.text or "").strip()
            budget -= len(raw)
            if budget < 0:
                break
            data = read_json(raw)
            if data is not None:
                found.append((script, data))
        return found

    @cached_property
    def json_ld(self) -> list[dict]:
        """Every JSON-LD node on the page, `@graph` members included, in document order."""
        return [node for _, data in self.json_ld_scripts for node in flatten(data)]

    def json_ld_of(self, *kinds: str, nodes: list[dict] | None = None) -> list[dict]:
        """Nodes of these types, also when they are a page's `mainEntity`, `author` or `about`."""
        wanted = {k.lower() for k in kinds}
        found = []
        for node in self.json_ld if nodes is None else nodes:
            for candidate in (node, node.get("mainEntity"), node.get("author"), node.get("about")):
                for item in ld_list(candidate):
                    wanted_here = isinstance(item, dict) and json_ld_types(item) & wanted
                    if wanted_here and not any(item is seen for seen in found):
                        found.append(item)
        return found

    def indexed(self, attribute: str) -> dict[str, list]:
        """Elements by the value (or each space-separated token) of one attribute, in document
        order, built on first use: one quick XPath scan instead of one per question."""
        table = self.tables.get(attribute)
        if table is None:
            table = self.tables[attribute] = {}
            split = attribute in SPACE_SEPARATED
            for element in HAVING[attribute](self.root):
                value = element.get(attribute)
                for token in value.split() if split else (value.strip(),):
                    table.setdefault(token, []).append(element)
        return table

    def itemprop(self, name: str, root=None) -> list:
        """Elements carrying this microdata property."""
        if root is None:
            return self.indexed("itemprop").get(name, [])
        return ITEMPROP(root, p=f" {name} ")

    def itemprop_value(self, element) -> str | None:
        """A microdata value as the spec reads it: content, href, src, datetime, or the text."""
        if element is None:
            return None
        tag = element.tag.lower() if isinstance(element.tag, str) else ""
        if element.get("content") is not None:
            return clean(element.get("content"))
        if tag in ("a", "link", "area"):
            return self.absolute(element.get("href"))
        if tag in ("img", "audio", "video", "source", "iframe", "embed"):
            return self.absolute(element.get("src"))
        if tag == "time" and element.get("datetime"):
            return clean(element.get("datetime"))
        return text(element)

    def by_class(self, name: str, root=None) -> list:
        if root is None:
            return self.indexed("class").get(name, [])
        return CLASSED(root, c=f" {name} ")

    def by_testid(self, name: str, root=None):
        found = self.indexed("data-testid").get(name, []) if root is None else TESTID(root, t=name)
        return found[0] if found else None

    def by_aria_label(self, starts_with: str, root=None) -> list:
        if root is None:
            labels = self.indexed("aria-label")
            return [
                e for label, found in labels.items() if label.startswith(starts_with) for e in found
            ]
        return ARIA_LABEL_STARTS(root, s=starts_with)

    def by_id(self, name: str) -> list:
        return self.indexed("id").get(name, [])

    @cached_property
    def main(self):
        """The main landmark (`<main>` or role=main), else the body."""
        found = next(self.root.iter("main"), None)
        if found is not None:
            return found
        found = next(iter(self.indexed("role").get("main", [])), None)
        if found is not None:
            return found
        body = self.root.find(".//body")
        return body if body is not None else self.root

    @cached_property
    def headed_sections(self) -> dict[str, object]:
        """Sections of the main region by the first word of their h2 ("experience", "about"),
        first wins; read once, as pages can carry thousands of h2s."""
        found: dict[str, object] = {}
        for heading in self.main.iter("h2"):
            words = " ".join(heading.itertext()).split()
            if words and words[0].casefold() not in found:
                section = next(heading.iterancestors("section"), None)
                if section is not None:
                    found[words[0].casefold()] = section
        return found

    # -- links to the same person elsewhere -------------------------------------------------

    @cached_property
    def rel_me(self) -> list[str]:
        """`rel=me` links (`<a>` and `<link>`), absolute, in order."""
        found = []
        for link in self.root.iter("a", "link"):
            if link.get("href") and "me" in (link.get("rel") or "").lower().split():
                url = self.absolute(link.get("href"))
                if url and url not in found:
                    found.append(url)
        return found

    # -- microformats -----------------------------------------------------------------------

    @cached_property
    def h_card(self):
        """The representative h-card (microformats.org/wiki/representative-h-card-parsing)."""
        cards = self.indexed("class").get("h-card", [])[:MAX_CARDS]
        cards += [c for c in self.indexed("class").get("vcard", [])[:MAX_CARDS] if c not in cards]
        if not cards:
            return None
        me = self.rel_me
        for card in cards:
            urls = self.mf_urls(card, "u-url")
            uids = self.mf_urls(card, "u-uid")
            if any(same_url(u, self.url) for u in urls) and any(
                same_url(u, self.url) for u in uids
            ):
                return card
        for card in cards:
            if any(same_url(u, m) for u in self.mf_urls(card, "u-url") for m in me):
                return card
        # Looser than the spec, as personal sites are: one card outside posts stands for the page.
        top = [c for c in cards if not self.inside_post(c)]
        if len(top) == 1:
            return top[0]
        matching = [c for c in top if any(same_url(u, self.url) for u in self.mf_urls(c, "u-url"))]
        return matching[0] if len(matching) == 1 else None

    @staticmethod
    def inside_post(element) -> bool:
        for ancestor in element.iterancestors():
            if classes(ancestor) & {"h-entry", "h-cite", "h-feed", "hentry", "h-event"}:
                return True
        return False

    @staticmethod
    def mf_owned(card, name: str) -> list:
        """Elements with this property class that belong to `card`, not to a microformat inside it."""
        found = []
        for element in CLASSED(card, c=f" {name} "):
            node = element.getparent()
            while node is not None and node is not card:
                if any(c.startswith("h-") for c in classes(node)):
                    break
                node = node.getparent()
            if node is card:
                found.append(element)
        return found

    def mf_text(self, card, *names: str) -> str | None:
        """The first `p-*` value: an image's alt, an `abbr`'s title, a `value`, else the text."""
        for name in names:
            for element in self.mf_owned(card, name):
                tag = element.tag.lower() if isinstance(element.tag, str) else ""
                if tag in ("img", "area"):
                    value = clean(element.get("alt"))
                elif tag in ("abbr", "data", "input"):
                    value = clean(element.get("title") or element.get("value")) or text(element)
                else:
                    value = text(element)
                if value:
                    return value
        return None

    def mf_urls(self, card, name: str) -> list[str]:
        """Every `u-*` value as an absolute URL."""
        found = []
        for element in self.mf_owned(card, name):
            raw = element.get("href") or element.get("src") or element.get("data")
            url = self.absolute(raw) or (self.absolute(text(element)) if raw is None else None)
            if url and url not in found:
                found.append(url)
        if not found and name == "u-url" and card.tag == "a":
            url = self.absolute(card.get("href"))
            found = [url] if url else []
        return found

    def mf_time(self, card, name: str) -> str | None:
        for element in self.mf_owned(card, name):
            value = clean(element.get("datetime") or element.get("title")) or text(element)
            if value:
                return value
        return None


POST_TYPES = {"article", "blogposting", "socialmediaposting", "newsarticle", "posting"}
REDIRECTS = {  # outbound-link wrappers sites put around a person's links: host → parameter
    "l.instagram.com": "u", "l.facebook.com": "u", "lm.facebook.com": "u", "facebook.com": "u",
    "youtube.com": "q", "linkedin.com": "url", "l.threads.net": "u",
}  # fmt: skip


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


def json_ld_posts(page: "Page") -> list[dict]:
    """Articles and posts in the page's JSON-LD, as activity: {title, date, url}."""
    found = []
    for node in page.json_ld:
        if json_ld_types(node) & POST_TYPES:
            found.append(
                {"title": ld_text(node.get("headline") or node.get("name")),
                 "date": ld_text(node.get("datePublished") or node.get("dateCreated")),
                 "url": ld_url(node.get("url") or node.get("@id"))}
            )  # fmt: skip
    return found


def read_json(raw: str) -> object:
    """JSON-LD as pages write it: sometimes wrapped in comments or CDATA; None if unreadable."""
    if not raw:
        return None
    for attempt in (raw, re.sub(r"^\s*(?:<!--|//\s*<!\[CDATA\[)|(?:-->|//\s*\]\]>)\s*$", "", raw)):
        try:
            return json.loads(attempt, strict=False)
        except (ValueError, RecursionError):
            continue
    return None


def open_graph(page: Page) -> dict:
    """What Open Graph and the title say: the name, a description as the bio, the image."""
    return {
        "name": name_from_title(page.meta("og:title", "twitter:title") or page.title),
        "bio": page.meta("og:description", "twitter:description", "description"),
        "photo_url": page.meta_url("og:image", "og:image:url", "twitter:image"),
    }


ROLE_AT = re.compile(r"^(?P<role>[^|·•,;]{2,100}?)\s+(?:at|@)\s+(?P<company>[^|·•,;]{1,100})")


def role_at_company(headline: str | None) -> tuple[str | None, str | None]:
    """'Staff Engineer at Stripe | ex-Acme' → ('Staff Engineer', 'Stripe'); else (None, None)."""
    found = ROLE_AT.match(headline or "")
    if not found:
        return None, None
    return clean(found["role"]), clean(found["company"].removeprefix("@"))
