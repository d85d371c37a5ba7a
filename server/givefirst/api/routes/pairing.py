"""Pairing an extension with the service; see store/pairing.py for the rules."""

import logging
import re

from flask import current_app, g, request

from givefirst.api import api
from givefirst.api.body import json_body
from givefirst.api.security import EXTENSION_SCHEMES
from givefirst.errors import Invalid
from givefirst.request_state import db, now
from givefirst.store import pairing

log = logging.getLogger("givefirst")


@api.post("/v1/pair")
def pair_request():
    """An extension asks to pair: it shows the code, the person approves it. Needs no token."""
    client = json_body().get("client")
    if client is not None and not isinstance(client, str):
        raise Invalid("client must be a string")
    client = re.sub(r"[^a-z0-9]+", "-", (client or "").lower()).strip("-")[:40]
    origin = request.headers.get("Origin")
    origin = origin if origin and origin.startswith(EXTENSION_SCHEMES) else None
    started = pairing.request(db(), client or "browser", origin, now())
    approve = current_app.config["CLI_COMMAND"].format(f"pair approve {started['code']}")
    log.info("Pairing requested by %s. Approve with: %s", client or "a browser", approve)
    return {**started, "approve_with": approve}, 201


@api.post("/v1/pair/claim")
def pair_claim():
    """The extension polls with its secret request id until the person approves."""
    result = pairing.claim(db(), json_body().get("request_id"), now())
    return result, 202 if result["status"] == "pending" else 200


@api.get("/v1/whoami")
def whoami():
    """Which token is calling: lets a client check it is still paired."""
    return {"token_name": g.principal.name}
