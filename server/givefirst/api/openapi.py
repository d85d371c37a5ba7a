"""The OpenAPI document of the API, served at /api/openapi.json and checked against the routes."""

from givefirst import API_VERSION, __version__
from givefirst.api import api
from givefirst.core.askcheck import ASK_KINDS
from givefirst.core.nudge import VERDICTS
from givefirst.core.vocabulary import CIRCLES, KINDS
from givefirst.store.profiles import NOTED

S, N, INT, B = {"type": "string"}, {"type": "number"}, {"type": "integer"}, {"type": "boolean"}
# A string the service requires to hold something: empty or blank ones are refused (422).
TEXT = {"type": "string", "pattern": r"\S"}
UUID = {
    "type": "string",
    "pattern": "^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$",
}


def nullable(schema: dict) -> dict:
    return {**schema, "nullable": True}


def obj(properties: dict, required: tuple = ()) -> dict:
    return {"type": "object", "properties": properties, "required": list(required)}


def given(properties: dict, required: tuple = ()) -> dict:
    """A request body: a field it may leave out may also be null (taken as left out)."""
    return obj({k: v if k in required else nullable(v) for k, v in properties.items()}, required)


def arr(items: dict) -> dict:
    return {"type": "array", "items": items}


def ref(name: str) -> dict:
    return {"$ref": f"#/components/schemas/{name}"}


# Keep in touch: days between check-ins (null: none), whether that is the circle's default, and
# the day the next check-in is due (null without a cadence). Any two-way interaction resets it.
KEEP_IN_TOUCH = {
    "cadence_days": nullable({"type": "integer", "minimum": 1, "maximum": 3650}),
    "cadence_from_circle": B,
    "next_due": nullable({"type": "string", "format": "date"}),
}
CADENCE_INPUT = {
    "description": 'Days between check-ins (1–3650), null for none, or "circle" for the '
    "circle's default (inner 14, close 30, active 90, wider 180, acquaintance none)",
    "nullable": True,
    "oneOf": [{"type": "integer", "minimum": 1, "maximum": 3650}, {"enum": ["circle"]}],
}
DUE = {
    "type": "object",
    "properties": {
        "key": S,
        "kind": {"enum": ["waiting", "date", "checkin"]},
        "person_id": INT,
        "name": S,
        "date": {"type": "string", "format": "date"},
        "text": S,
    },
    "required": ["key", "kind", "person_id", "name", "date", "text"],
}
SCHEMAS = {
    "Error": obj({"error": obj({"code": S, "message": S}, ("code", "message"))}, ("error",)),
    "ProfileRef": obj({"key": S, "site": S, "url": S}, ("key", "site", "url")),
    "LinkedProfile": obj(
        {
            "key": S,
            "site": S,
            "url": S,
            "name": nullable(S),
            "headline": nullable(S),
            "company": nullable(S),
            "role": nullable(S),
            "location": nullable(S),
            "photo_url": nullable(S),
            "last_seen_at": nullable(S),
        },
        ("key", "site", "url"),
    ),
    "Person": obj(
        {
            "id": INT,
            "uuid": S,
            "name": S,
            "circle": {"enum": list(CIRCLES)},
            "how_met": nullable(S),
            "notes": nullable(S),
            "tags": arr(S),
            "profiles": arr(ref("LinkedProfile")),
            "emails": arr(S),
            "created_at": S,
            "updated_at": S,
            **KEEP_IN_TOUCH,
        },
        ("id", "name", "circle", "how_met", "tags", "profiles"),
    ),
    "PersonInput": given(
        {
            "name": TEXT,
            "profiles": arr(S),
            "circle": {"enum": list(CIRCLES)},
            "how_met": S,
            "notes": S,
            "tags": arr(S),
            "emails": arr(S),
            "cadence_days": CADENCE_INPUT,
        },
        ("name",),
    ),
    "Interaction": obj(
        {
            "id": S,
            "person_id": INT,
            "kind": {"enum": list(KINDS)},
            "summary": S,
            "occurred_at": S,
            "status": nullable(S),
            "weight": INT,
        },
        ("id", "kind", "summary", "occurred_at", "status"),
    ),
    "InteractionInput": given(
        {
            "id": UUID,
            "kind": {"enum": list(KINDS)},
            "summary": TEXT,
            "occurred_at": S,
            "status": S,
            "weight": {"type": "integer", "minimum": 1, "maximum": 3},
        },
        ("kind", "summary"),
    ),
    "Fact": obj({"id": S, "label": S, "value": S, "date": nullable(S)}, ("id", "label", "value")),
    "FactInput": given({"id": UUID, "label": TEXT, "value": TEXT, "date": S}, ("label", "value")),
    "Ledger": obj(
        {
            "gave": INT,
            "asked": INT,
            "received": INT,
            "they_asked": INT,
            "balance": N,
            "last_contact": nullable(S),
            "open_asks": arr(obj({"id": S, "summary": S, "occurred_at": S})),
            "their_open_asks": arr(obj({"id": S, "summary": S})),
        },
        ("gave", "asked", "received", "they_asked", "balance", "last_contact", "open_asks"),
    ),
    "Nudge": obj(
        {
            "verdict": {"enum": list(VERDICTS)},
            "title": S,
            "message": S,
            "reasons": arr(S),
            "suggestions": arr(
                obj(
                    {
                        "kind": S,
                        "text": S,
                        "person_id": INT,
                        "draft": {
                            "type": "string",
                            "description": "A short message to edit and send "
                            "yourself, written from what the memory holds; only on the first "
                            "suggestion, when it is one a message serves. givefirst sends nothing.",
                        },
                    },
                    ("kind", "text"),
                )
            ),
            "remember": arr(S),
        },
        ("verdict", "title", "message", "reasons", "suggestions", "remember"),
    ),
    "Change": obj(
        {"field": {"enum": list(NOTED)}, "old": nullable(S), "new": nullable(S), "seen_at": S},
        ("field", "old", "new", "seen_at"),
    ),
    "Profile": obj(
        {
            "key": S,
            "site": S,
            "url": S,
            "name": nullable(S),
            "headline": nullable(S),
            "company": nullable(S),
            "role": nullable(S),
            "location": nullable(S),
            "photo_url": nullable(S),
            "bio": nullable(S),
            "links": arr(ref("ProfileRef")),
            "activity": arr(
                obj({"title": S, "date": nullable(S), "url": nullable(S)}, ("title", "date", "url"))
            ),
        },
        (
            "key",
            "site",
            "url",
            "name",
            "headline",
            "company",
            "role",
            "location",
            "photo_url",
            "bio",
            "links",
            "activity",
        ),
    ),
    "SuggestedProfile": obj(
        {
            "key": S,
            "site": S,
            "url": S,
            "belongs_to": nullable(obj({"id": INT, "name": S}, ("id", "name"))),
        },
        ("key", "site", "url", "belongs_to"),
    ),
    # For a stranger: people you know by the same name (any case), at most 3, to link the profile
    # to instead of remembering someone new. Empty for a known person.
    "Namesake": obj({"id": INT, "name": S}, ("id", "name")),
    "Context": obj(
        {
            "profile": ref("Profile"),
            "person": nullable(ref("Person")),
            "ledger": ref("Ledger"),
            "history": arr(ref("Interaction")),
            "facts": arr(ref("Fact")),
            "changes": arr(ref("Change")),
            "nudge": ref("Nudge"),
            "suggested_profiles": arr(ref("SuggestedProfile")),
            "namesakes": arr(ref("Namesake")),
        },
        (
            "profile",
            "person",
            "ledger",
            "history",
            "facts",
            "changes",
            "nudge",
            "suggested_profiles",
            "namesakes",
        ),
    ),
}

ERRORS = {
    str(code): {"description": text, "content": {"application/json": {"schema": ref("Error")}}}
    for code, text in (
        (400, "Malformed JSON"),
        (401, "No or bad token"),
        (403, "Bad Host or Origin"),
        (404, "Not found"),
        (413, "Body over 4 MiB"),
        (415, "Not JSON"),
        (422, "Invalid"),
        (409, "Conflicts with what is stored"),
        (410, "Expired"),
        (429, "Too many requests"),
    )
}
COMMON_ERRORS = ("400", "401", "403", "404", "413", "415", "422")


def op(
    summary: str,
    response: dict | None = None,
    body: str | dict | None = None,
    status: int = 200,
    public: bool = False,
    params: tuple = (),
    also: tuple[int, ...] = (),
) -> dict:
    """An operation answering `status` (and the statuses in `also`: more successes with the
    same schema, or more errors in the error shape) or one of the common errors."""
    operation: dict = {
        "summary": summary,
        "responses": {code: ERRORS[code] for code in COMMON_ERRORS},
    }
    content = {"application/json": {"schema": response or {"type": "object"}}}
    for code in (status, *also):
        if code >= 400:
            operation["responses"][str(code)] = ERRORS[str(code)]
        elif code != 204:
            operation["responses"][str(code)] = {"description": "OK", "content": content}
    if status == 204:
        operation["responses"]["204"] = {"description": "Deleted"}
    if body is not None:
        schema = ref(body) if isinstance(body, str) else body
        operation["requestBody"] = {
            "required": True,
            "content": {"application/json": {"schema": schema}},
        }
    if public:
        operation["security"] = []
    if params:
        operation["parameters"] = [
            {"name": name, "in": "query", "schema": schema} for name, schema in params
        ]
    return operation


# The dashboard's own pages may call with their login session instead of a token (login.py).
DASHBOARD_SESSION = {
    "session": {"type": "apiKey", "in": "cookie", "name": "givefirst_session_7170"},
    "csrf": {"type": "apiKey", "in": "header", "name": "X-CSRF-Token"},
}
PERSON_ID = {"name": "person_id", "in": "path", "required": True, "schema": INT}
EMAIL = {"name": "email", "in": "path", "required": True, "schema": S}
MY_EMAILS = obj({"emails": arr(S)}, ("emails",))
PATHS = {
    "/api/v1/health": {
        "get": op(
            "Is the service running?", obj({"name": S, "version": S, "api": INT}), public=True
        )
    },
    "/api/v1/context": {
        "post": op(
            "Who is this profile page, and what is our relationship? 422 not_a_profile for pages "
            "that show no person (a feed, a repository, a GitHub organisation, a Facebook Page). "
            "A `mailto:` URL asks about an email address (the profile's site is `email`, its key "
            "`email:<address>`); 422 invalid_email when it is not one, not_a_profile when it is "
            "one of your own",
            ref("Context"),
            given({"url": S, "title": S, "html": S, "fields": {"type": "object"}}, ("url",)),
        )
    },
    "/api/v1/people": {
        "get": op(
            "Search people",
            obj({"people": arr(ref("Person")), "total": INT}),
            params=(
                ("q", S),
                ("circle", S),
                ("tag", S),
                ("limit", {**INT, "minimum": 1, "maximum": 500}),
                ("offset", {**INT, "minimum": 0, "maximum": 10**9}),
            ),
        ),
        "post": op("Remember a person", ref("Person"), "PersonInput", status=201, also=(409,)),
    },
    "/api/v1/people/{person_id}": {
        "parameters": [PERSON_ID],
        "get": op(
            "A person with their card (ledger, history, facts, changes, nudge)", ref("Person")
        ),
        "patch": op(
            "Change a person (any PersonInput field; `cadence_days` sets how often to "
            "keep in touch)",
            ref("Person"),
            {"type": "object"},
            also=(409,),
        ),
        "delete": op("Forget a person and everything about them", status=204),
    },
    "/api/v1/people/{person_id}/merge": {
        "parameters": [PERSON_ID],
        "post": op(
            "Fold another person into this one",
            ref("Person"),
            obj({"other_id": INT}, ("other_id",)),
            also=(409,),
        ),
    },
    "/api/v1/people/{person_id}/profiles": {
        "parameters": [PERSON_ID],
        "post": op(
            "Link another profile (one of `suggested_profiles`, say): 201, or 200 when "
            "it was already theirs; 409 if it is someone else's",
            ref("LinkedProfile"),
            obj({"url": TEXT}, ("url",)),
            status=201,
            also=(200, 409),
        ),
    },
    "/api/v1/people/{person_id}/emails": {
        "parameters": [PERSON_ID],
        "post": op(
            "Give a person one more email address (it identifies them, like a profile): "
            "201 when new, 200 when it was theirs; 409 email_taken if it is someone else's",
            ref("Person"),
            obj({"email": S}, ("email",)),
            status=201,
        ),
    },
    "/api/v1/people/{person_id}/emails/{email}": {
        "parameters": [PERSON_ID, EMAIL],
        "delete": op("Take an address away from a person", status=204),
    },
    "/api/v1/me/emails": {
        "get": op("Your own addresses: mail from them is yours", MY_EMAILS),
        "post": op(
            "Add one of your own addresses (201 when new, 200 when known)",
            MY_EMAILS,
            obj({"email": S}, ("email",)),
            status=201,
        ),
    },
    "/api/v1/me/emails/{email}": {
        "parameters": [EMAIL],
        "delete": op("Forget one of your own addresses", status=204),
    },
    "/api/v1/people/{person_id}/interactions": {
        "parameters": [PERSON_ID],
        "post": op(
            "Log an interaction: 201, or 200 when this `id` was logged already; 409 if "
            "the `id` is someone else's",
            ref("Interaction"),
            "InteractionInput",
            status=201,
            also=(200, 409),
        ),
    },
    "/api/v1/interactions/{interaction_id}": {
        "parameters": [{"name": "interaction_id", "in": "path", "required": True, "schema": S}],
        "patch": op("Change an interaction", ref("Interaction"), {"type": "object"}),
        "delete": op("Delete an interaction", status=204),
    },
    "/api/v1/people/{person_id}/facts": {
        "parameters": [PERSON_ID],
        "post": op(
            "Remember a fact: 201, or 200 when this `id` was remembered already; 409 if "
            "the `id` is someone else's",
            ref("Fact"),
            "FactInput",
            status=201,
            also=(200, 409),
        ),
    },
    "/api/v1/facts/{fact_id}": {
        "parameters": [{"name": "fact_id", "in": "path", "required": True, "schema": S}],
        "patch": op("Change a fact", ref("Fact"), {"type": "object"}),
        "delete": op("Delete a fact", status=204),
    },
    "/api/v1/nurture": {
        "get": op(
            "Who to give to now, ranked",
            obj(
                {
                    "items": arr(
                        obj(
                            {
                                "person": ref("Person"),
                                "reason": S,
                                "why": S,
                                "score": N,
                                "suggestion": obj({"kind": S, "text": S}),
                                "nudge": ref("Nudge"),
                            }
                        )
                    ),
                    "generated_at": S,
                }
            ),
            params=(("limit", {**INT, "minimum": 1, "maximum": 100}),),
        )
    },
    "/api/v1/reminders": {
        "get": op(
            "What is due on a day: who is waiting on you, dates this week, check-ins due (without "
            "what was done or is snoozed), the badge's count of people waiting or due today, and "
            "one line that sums it up (empty when nothing is due)",
            obj(
                {
                    "date": S,
                    "waiting": arr(DUE),
                    "dates": arr(DUE),
                    "checkins": arr(DUE),
                    "count": INT,
                    "summary": S,
                },
                ("date", "waiting", "dates", "checkins", "count", "summary"),
            ),
            params=(("date", {"type": "string", "format": "date"}),),
        )
    },
    "/api/v1/reminders/mark": {
        "post": op(
            "Mark a reminder done, or snooze it for a week or a month (from `date`, default today)",
            obj({"key": S, "state": {"enum": ["done", "snoozed"]}, "until": nullable(S)}),
            obj(
                {"key": S, "person_id": INT, "action": {"enum": ["done", "week", "month"]}},
                ("key", "person_id", "action"),
            ),
            params=(("date", {"type": "string", "format": "date"}),),
        )
    },
    "/api/v1/reminders.ics": {
        "get": {
            "summary": "The reminders calendar (iCalendar): dates and check-ins over the next year. "
            "Opened only by the feed's own token in `token`; it opens nothing else",
            "security": [],
            "parameters": [{"name": "token", "in": "query", "required": True, "schema": S}],
            "responses": {
                "200": {"description": "The calendar", "content": {"text/calendar": {"schema": S}}},
                "401": ERRORS["401"],
                "403": ERRORS["403"],
            },
        }
    },
    "/api/v1/network": {
        "get": op(
            "Network health over the last year",
            obj(
                {
                    "kind": {
                        "enum": ["not_enough_history", "rarely", "only_when_needed", "always"]
                    },
                    "why": arr(S),
                    "people": INT,
                    "connections": INT,
                    "relationships": INT,
                    "totals": {"type": "object"},
                    "give_ask_ratio": nullable(N),
                    "months": arr({"type": "object"}),
                    "circles": arr({"type": "object"}),
                    "warnings": arr(S),
                }
            ),
        )
    },
    "/api/v1/ask-check": {
        "post": op(
            "Is this message an ask (English, Spanish, German, French or Portuguese), and of "
            "which kind? Have you given first? `url` is the recipient's profile, or `mailto:` "
            "and their email address",
            obj(
                {
                    "is_ask": B,
                    "ask_kind": nullable({"enum": list(ASK_KINDS)}),
                    "phrase": nullable(S),
                    "nudge": nullable(ref("Nudge")),
                }
            ),
            given({"text": {**TEXT, "maxLength": 20_000}, "url": S}, ("text",)),
        )
    },
    "/api/v1/pair": {
        "post": op(
            "An extension asks to pair; approve the code with `givefirst pair approve CODE`. 429 "
            "when this origin asked too often, or too many requests are waiting",
            obj({"request_id": S, "code": S, "expires_at": S, "approve_with": S}),
            given({"client": S}),
            status=201,
            public=True,
            also=(429,),
        )
    },
    "/api/v1/pair/claim": {
        "post": op(
            "Poll a pairing: 202 while pending, 200 with the token once approved, 403 when denied, "
            "410 when the code expired",
            obj(
                {
                    "status": {"enum": ["pending", "approved"]},
                    "expires_at": S,
                    "token": S,
                    "token_name": S,
                },
                ("status",),
            ),
            obj({"request_id": TEXT}, ("request_id",)),
            public=True,
            also=(202, 410),
        )
    },
    "/api/v1/whoami": {"get": op("Which token is calling", obj({"token_name": S}))},
    "/api/openapi.json": {"get": op("This document")},
}


def document() -> dict:
    return {
        "openapi": "3.0.3",
        "info": {
            "title": "givefirst local API",
            "version": f"{API_VERSION}.{__version__}",
            "description": "A local relationship memory. Every call but health and pairing "
            "needs `Authorization: Bearer <token>`.",
        },
        "servers": [{"url": "http://127.0.0.1:7170"}],
        "components": {
            "schemas": SCHEMAS,
            "securitySchemes": {"token": {"type": "http", "scheme": "bearer"}, **DASHBOARD_SESSION},
        },
        "security": [{"token": []}, {"session": [], "csrf": []}],
        "paths": PATHS,
    }


@api.get("/openapi.json")
def openapi_json():
    return document()
