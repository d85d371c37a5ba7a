"""POST /api/v1/ask-check with messages in five languages and with bad input: a clear answer
or a 4xx in the API's error shape, never a 5xx."""

import pytest

ROUTE = "/api/v1/ask-check"


def error_code(response) -> str:
    body = response.json
    assert set(body) == {"error"} and set(body["error"]) == {"code", "message"}
    return body["error"]["code"]


@pytest.mark.parametrize(
    ("text", "kind"),
    [
        ("Could we jump on a call on Thursday?", "meeting"),
        ("¿Me podrías presentar a tu jefa?", "introduction"),
        ("Würdest du in unsere Seed-Runde investieren?", "funding"),
        ("Tu viens à ma soirée de lancement samedi ? Toute la collection est à -20 % !", "sales"),
        ("Vocês estão contratando?", "job"),
    ],
)
def test_ask_check_names_the_kind_in_each_language(client, text, kind):
    body = client.post(ROUTE, json={"text": text}).json
    assert (body["is_ask"], body["ask_kind"]) == (True, kind)
    assert body["phrase"] and body["nudge"] is None


def test_a_quoted_ask_is_not_the_writers(client):
    body = client.post(ROUTE, json={"text": 'He wrote "could you refer me?" to me, ha.'}).json
    assert body == {"is_ask": False, "ask_kind": None, "phrase": None, "nudge": None}


@pytest.mark.parametrize("text", ["🙏🙏🙏", "...", "Hola! Hope you're well, ¡feliz año!"])
def test_emoji_punctuation_or_mixed_greetings_are_not_asks(client, text):
    response = client.post(ROUTE, json={"text": text})
    assert response.status_code == 200 and response.json["is_ask"] is False


def test_mixed_languages_are_read(client):
    body = client.post(ROUTE, json={"text": "Hi! ¿Tienes 15 minutos para una llamada? Thanks"}).json
    assert (body["is_ask"], body["ask_kind"]) == (True, "meeting")


@pytest.mark.parametrize(
    "body",
    [
        {"text": ""},
        {"text": "   "},
        {"text": None},
        {"text": 42},
        {"text": ["could you refer me?"]},
        {"text": "could you \x07 refer me?"},
        {"text": "could you \x00 refer me?"},
        {"text": "a" * 100_000},
        {"text": "Could you refer me? " * 5000},
    ],
)
def test_bad_text_gets_a_422_in_the_error_shape(client, body):
    response = client.post(ROUTE, json=body)
    assert response.status_code == 422
    assert error_code(response) == "invalid"


def test_a_lone_surrogate_is_refused_not_crashed_on(client):
    response = client.post(
        ROUTE, data=b'{"text": "could you refer me \\ud800?"}', content_type="application/json"
    )
    assert response.status_code == 422 and error_code(response) == "invalid"


def test_the_openapi_document_lists_every_kind(client):
    document = client.get("/api/openapi.json").json
    response = document["paths"][ROUTE]["post"]["responses"]["200"]["content"]["application/json"]
    kinds = response["schema"]["properties"]["ask_kind"]["enum"]
    assert kinds == [
        "referral",
        "introduction",
        "job",
        "funding",
        "advice",
        "meeting",
        "sales",
        "favour",
    ]
