"""Import & export: bring a file in (or preview it first), take everything out, review asks."""

from flask import Response, current_app, redirect, render_template, request, url_for

from givefirst import login
from givefirst.core.vocabulary import STATUSES
from givefirst.dashboard import dashboard, files, forms
from givefirst.dashboard.guard import Refused
from givefirst.errors import Invalid
from givefirst.io import IMPORT_KINDS, import_file
from givefirst.io.formats import FORMATS
from givefirst.io.summary import headline
from givefirst.request_state import db, now
from givefirst.store import reviews

ENTRIES_SHOWN = 200  # a preview of 30,000 rows lists the first ones; the counts cover them all
FORMAT_LABELS = {f.name: f.label for f in FORMATS}
EXTENSIONS = ",".join(sorted({ext for f in FORMATS for ext in f.extensions}))


def page(status: int = 200, **shown):
    return render_template(
        "transfer.html",
        active="transfer",
        kinds=FORMAT_LABELS,
        extensions=EXTENSIONS,
        reviews=reviews.pending(db()),
        max_upload=current_app.config["MAX_UPLOAD_BYTES"],
        **shown,
    ), status


@dashboard.get("/transfer")
def transfer():
    return page()


@dashboard.post("/transfer/import")
def import_upload():
    """Preview (a dry run, the default) or import the file sent. A broken file writes nothing
    and the page names its line and why."""
    kind = request.form.get("kind")
    dry_run = request.form.get("action") != "import"
    try:
        kind = forms.choice(request.form, "kind", IMPORT_KINDS)
        with files.kept(request.files.get("file")) as path:
            summary = import_file(db(), kind, path, dry_run=dry_run, now=now())
    except Invalid as problem:  # ImportProblem included: file, line, reason
        return page(problem.status, kind=kind, problem=problem)
    return page(
        kind=kind,
        summary=summary,
        figures=summary.as_json(),
        headline=headline(summary),
        entries=summary.outcomes[:ENTRIES_SHOWN],
    )


@dashboard.get("/transfer/export/<any(json, vcard, csv):kind>")
def export_download(kind: str):
    """Everything, as a download. It changes nothing, but it is the whole database: only the
    service's own pages (or the address typed in) may ask for it."""
    refusal = login.cross_site_refusal()
    if refusal:
        raise Refused(refusal)
    name, data = files.exported(db(), kind, now())
    headers = {"Content-Disposition": f'attachment; filename="{name}"', "Cache-Control": "no-store"}
    return Response(data, content_type=files.DOWNLOADS[kind][0], headers=headers)


@dashboard.post("/transfer/reviews/<review_id>")
def decide_review(review_id: str):
    """Accept an imported message as an ask (with what became of it), or dismiss it."""
    if forms.choice(request.form, "decision", ("accept", "dismiss")) == "accept":
        status = forms.choice(request.form, "status", STATUSES["asked"])
        reviews.accept(db(), review_id, status, now())
    else:
        reviews.dismiss(db(), review_id, now())
    return redirect(url_for("dashboard.transfer") + "#reviews", 303)
