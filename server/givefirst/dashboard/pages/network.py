"""Network health: which kind of networker you are this year, and the figures behind it."""

from flask import render_template

from givefirst.dashboard import dashboard, overview
from givefirst.request_state import db, now


@dashboard.get("/network")
def network():
    return render_template("network.html", active="network", **overview.network(db(), now()))
