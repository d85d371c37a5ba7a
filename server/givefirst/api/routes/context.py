from flask import current_app

from givefirst import card
from givefirst.api import api
from givefirst.api.body import json_body
from givefirst.errors import Invalid
from givefirst.request_state import db, dormancy, now
from givefirst.store.people import ref_for


def sent_page(body: dict) -> card.SentPage:
    """The page's HTML, title and fields from the request body, each checked for its type."""
    for name in ("title", "html"):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise Invalid(f"{name} must be a string")
    if body.get("fields") is not None and not isinstance(body["fields"], dict):
        raise Invalid("fields must be an object")
    return card.SentPage(html=body.get("html"), title=body.get("title"), fields=body.get("fields"))


@api.post("/v1/context")
def context():
    """Whose profile is this page, and what is our relationship? Stores nothing for strangers."""
    body = json_body()
    sent = sent_page(body)
    url = body.get("url")
    if url is None:
        raise Invalid("url is required")
    # Your own address, a URL that names no profile, a page that shows an organisation: each
    # raises InvalidUrl or NotAProfile, which api/errors.py answers with a 422.
    if isinstance(url, str) and url.strip().lower().startswith("mailto:"):
        return card.for_address(db(), url, now(), dormancy())
    seen_later = current_app.extensions.get("givefirst.seen_later")
    return card.for_page(db(), ref_for(url), now(), dormancy(), sent, seen_later)
