from givefirst import insights, validation
from givefirst.api import api
from givefirst.api.body import int_arg, json_body
from givefirst.request_state import db, dormancy, now


@api.get("/v1/nurture")
def nurture():
    """Who to give to now: people waiting on you, news, dates, overdue and dormant ties."""
    items = insights.nurture_list(db(), now(), int_arg("limit", 10, 1, 100), dormancy())
    return {"items": items, "generated_at": now().isoformat()}


@api.get("/v1/network")
def network():
    return insights.network_health(db(), now())


@api.post("/v1/ask-check")
def ask_check():
    body = json_body()
    text = validation.text(body, "text", required=True, max_length=20_000, multiline=True)
    return insights.ask_check(db(), text, body.get("url"), now(), dormancy())
