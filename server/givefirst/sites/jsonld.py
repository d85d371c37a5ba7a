"""JSON-LD as pages write it: `@graph`, main entities, values that are nodes or lists."""

import json
import re
from typing import TYPE_CHECKING

from givefirst.sites.html import clean

if TYPE_CHECKING:
    from givefirst.sites.page import Page

MAX_JSON_LD = 2 * 1024 * 1024  # characters of JSON-LD read from one page
POST_TYPES = {"article", "blogposting", "socialmediaposting", "newsarticle", "posting"}


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


def json_ld_posts(page: "Page") -> list[dict]:
    """Articles and posts in the page's JSON-LD, as activity: {title, date, url}."""
    found = []
    for node in page.json_ld:
        if json_ld_types(node) & POST_TYPES:
            found.append(
                {
                    "title": ld_text(node.get("headline") or node.get("name")),
                    "date": ld_text(node.get("datePublished") or node.get("dateCreated")),
                    "url": ld_url(node.get("url") or node.get("@id")),
                }
            )
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
