"""One parsed page and the questions site readers ask it, each answer computed once.

Each site asks only for what it needs: the head's meta tags, JSON-LD, microdata `itemprop`,
the representative h-card, `rel=me` links, or the visible text of one region.
"""

from functools import cached_property
from urllib.parse import urljoin

from lxml import etree

from givefirst.sites import microformats
from givefirst.sites.html import CLASSED, clean, name_from_title, parse, text
from givefirst.sites.jsonld import MAX_JSON_LD, flatten, json_ld_types, ld_list, read_json

ITEMPROP = etree.XPath(".//*[contains(concat(' ', normalize-space(@itemprop), ' '), $p)]")
TESTID = etree.XPath(".//*[@data-testid = $t]")
ARIA_LABEL_STARTS = etree.XPath(".//*[starts-with(normalize-space(@aria-label), $s)]")
SPACE_SEPARATED = frozenset(["class", "itemprop", "itemtype", "role"])
# "descendant::" rather than "//": the latter merges node sets and costs ten times as much. The
# attributes themselves, not the elements that have them: libxml2 walks the attribute axis in
# about half the time it takes to test each element, and each value knows its element.
HAVING = {
    name: etree.XPath(f"descendant::*/@{name}")
    for name in ("class", "itemprop", "itemtype", "data-testid", "id", "aria-label", "role")
}


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
            for value in HAVING[attribute](self.root):
                element = value.getparent()
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

    @cached_property
    def h_card(self):
        """The representative h-card, or None."""
        return microformats.representative_card(self)


def open_graph(page: Page) -> dict:
    """What Open Graph and the title say: the name, a description as the bio, the image."""
    return {
        "name": name_from_title(page.meta("og:title", "twitter:title") or page.title),
        "bio": page.meta("og:description", "twitter:description", "description"),
        "photo_url": page.meta_url("og:image", "og:image:url", "twitter:image"),
    }
