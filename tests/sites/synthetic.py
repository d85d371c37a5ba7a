"""Big pages for the robustness tests and scripts/bench-extract: a real fixture grown with the
markup real profile pages are made of (hashed-class div soup with screen-reader duplicates, SVG
icons, JSON blobs in <code>, scripts), most of it inside the main region the readers walk."""

from pathlib import Path

FIXTURES = Path(__file__).parent / "fixtures"

CARD = (
    '<section class="artdeco-card Xq{i}Lp"><div id="anchor-{i}" class="pv-profile-card__anchor">'
    '</div><h2 class="Hk{i}"><span aria-hidden="true">Section {i}</span>'
    '<span class="visually-hidden">Section {i}</span></h2><ul class="pvs-list">'
    '<li class="Qm{i}"><div class="Zk Tq Wp"><svg viewBox="0 0 24 24" aria-hidden="true">'
    '<path d="M12 2C6.5 2 2 6.5 2 12s4.5 10 10 10 10-4.5 10-10S17.5 2 12 2z"></path></svg>'
    '<a href="/in/someone-{i}/"><span aria-hidden="true">Someone {i} endorsed a skill</span>'
    '<span class="visually-hidden">Someone {i} endorsed a skill</span></a>'
    '<span class="t-14 t-normal"><span aria-hidden="true">Distributed systems · {i} endorsements'
    '</span></span><img alt="" src="https://media.licdn.com/dms/image/{i}.jpg" loading="lazy">'
    "</div></li></ul></section>\n"
)
BLOB = (
    '<code style="display: none" id="bpr-guid-{i}">{{"data":{{"urn":"urn:li:fs_profile:{i}",'
    '"entityUrn":"urn:li:fsd_profile:ACoAA{i}","headline":"cached {i}"}}}}</code>\n'
)


def filler(size: int) -> str:
    parts, total, i = [], 0, 0
    while total < size:
        piece = (BLOB if i % 10 == 0 else CARD).format(i=i)
        parts.append(piece)
        total += len(piece)
        i += 1
    return "".join(parts)


def padded(case: str = "linkedin/member-full", size: int = 500 * 1024) -> tuple[str, str]:
    """(url, html) of a fixture grown to `size` characters."""
    import json

    html = (FIXTURES / f"{case}.html").read_text(encoding="utf-8")
    url = json.loads((FIXTURES / f"{case}.json").read_text())["url"]
    missing = max(0, size - len(html))
    head, marker, tail = html.rpartition("</main>")
    if not marker:
        head, marker, tail = html.rpartition("</body>")
    grown = head + filler(missing * 3 // 4) + marker + filler(missing - missing * 3 // 4) + tail
    return url, grown[: max(size, len(html))] if len(grown) > size + 4096 else grown
