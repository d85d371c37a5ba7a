from flask import current_app

from givefirst import card
from givefirst.api import api
from givefirst.api.body import json_body
from givefirst.api.routes.common import db, dormancy, now
from givefirst.errors import Invalid
from givefirst.sites import NotAProfile
from givefirst.store.people import ref_for


@api.post("/v1/context")
def context():
    """Whose profile is this page, and what is our relationship? Stores nothing for strangers."""
    body = json_body()
    for name in ("title", "html"):
        if body.get(name) is not None and not isinstance(body[name], str):
            raise Invalid(f"{name} must be a string")
    if body.get("fields") is not None and not isinstance(body["fields"], dict):
        raise Invalid("fields must be an object")
    if body.get("url") is None:
        raise Invalid("url is required")
    if isinstance(body["url"], str) and body["url"].strip().lower().startswith("mailto:"):
        try:
            return card.for_address(db(), body["url"], now(), dormancy())
        except NotAProfile as error:  # your own address
            raise Invalid(str(error), code="not_a_profile") from None
    ref = ref_for(body.get("url"))
    try:
        seen_later = current_app.extensions.get("givefirst.seen_later")
        return card.context(db(), ref, body, now(), dormancy(), seen_later)
    except NotAProfile as error:  # the page shows an organisation, a Facebook Page…
        raise Invalid(str(error), code="not_a_profile") from None
