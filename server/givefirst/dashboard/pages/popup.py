"""The bookmarklet's popup: a shell with no private data; its script asks the API."""

from flask import render_template

from givefirst.dashboard import dashboard


@dashboard.get("/popup")
def popup():
    # Opened from another site, so the SameSite=Strict cookie is not sent with this request: the
    # page must not depend on it. Its own same-origin calls to the API do carry it.
    return render_template("popup.html")
