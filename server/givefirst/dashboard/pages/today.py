"""Today: who to give to this week, who is waiting on you, your open asks, dates this week."""

from flask import redirect, render_template, request, url_for

from givefirst import demo
from givefirst.dashboard import dashboard, forms, overview
from givefirst.dashboard.pages.mail import coming_up
from givefirst.request_state import db, dormancy, now
from givefirst.store import interactions, people


@dashboard.get("/")
def today():
    if not people.anyone(db()):
        return render_template("first_run.html", active="today", open_add=True)
    page = overview.today(
        db(),
        now(),
        dormancy(),
        every_ask=request.args.get("asks") == "all",
        every_date=request.args.get("dates") == "all",
    )
    return render_template(
        "today.html", active="today", **page, coming_up=coming_up(db(), now(), dormancy())
    )


@dashboard.post("/interactions/<interaction_id>/status")
def set_status(interaction_id: str):
    """Close an ask (granted, declined, done…) from Today or a Person page."""
    change = forms.fields(request.form, ("status",))
    found = interactions.update(db(), interaction_id, change, now())
    back = url_for("dashboard.person", person_id=found["person_id"])
    return redirect(forms.local_path(request.form.get("next"), back), 303)


@dashboard.post("/demo")
def load_demo():
    """The first-run page's third way: the synthetic demo people, one for each verdict."""
    demo.load(db(), now())
    return redirect(url_for("dashboard.today"), 303)
