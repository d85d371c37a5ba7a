"""How givefirst holds up at 30,000 people, measured over HTTP against `givefirst serve`.

Prints each figure with its goal (as a ratio to GET /api/v1/health, measured in the same run,
where the goal is one), then the same at 3,000 people and how much each figure grew. The
networks are built once and cached (scale_network.py); every run measures a fresh copy.
"""

import argparse
import http.client
import json
import os
import socket
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime
from pathlib import Path

sys.path.insert(0, str(Path(__file__).parent))
ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))

import scale_network  # noqa: E402
from bench_import import write_connections  # noqa: E402
from givefirst.store import sessions, tokens  # noqa: E402
from givefirst.store.connection import open_db  # noqa: E402

from tests.sites.synthetic import padded  # noqa: E402

GIVEFIRST = Path(sys.executable).parent / "givefirst"
PAGE_BYTES = 450 * 1024


@dataclass
class Figure:
    name: str
    value: float
    unit: str  # "x health", "ms", "s", "MB"
    goal: float | None
    growth_goal: float | None = None  # for the whole-network views, 3,000 → 30,000 people

    def shown(self) -> str:
        precise = self.unit in ("x health", "s") or self.value < 10
        number = f"{self.value:.2f}" if precise else f"{self.value:.0f}"
        unit = "×" if self.unit == "x health" else f" {self.unit}"
        goal = "" if self.goal is None else f"≤ {self.goal:g}{unit if unit != '×' else '×'}"
        met = "" if self.goal is None else ("meets" if self.value <= self.goal else "MISSES")
        return f"  {self.name:<46} {number + unit:>13}   goal {goal:<11} {met}"


class Service:
    """`givefirst serve` on a free port, talked to over one keep-alive connection."""

    def __init__(self, db_path: Path):
        with socket.socket() as probe:
            probe.bind(("127.0.0.1", 0))
            self.port = probe.getsockname()[1]
        self.process = subprocess.Popen(
            [str(GIVEFIRST), "serve", "--port", str(self.port), "--db", str(db_path)],
            stdout=subprocess.DEVNULL,
            stderr=subprocess.DEVNULL,
        )
        self.headers: dict[str, str] = {}
        self.wait_until_up(db_path)

    def wait_until_up(self, db_path: Path) -> None:
        backup = db_path.parent / "backups" / f"givefirst-{datetime.now(UTC).date()}.db"
        for _ in range(600):
            try:
                if self.request("GET", "/api/v1/health")[0] == 200 and backup.exists():
                    return
            except OSError:
                pass
            time.sleep(0.1)
        raise SystemExit("givefirst serve did not answer within a minute")

    def request(self, method: str, path: str, body=None, headers=None) -> tuple[int, bytes]:
        if not hasattr(self, "conn"):
            self.conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=120)
        data = body if body is None or isinstance(body, bytes) else json.dumps(body).encode()
        sent = {**self.headers, **(headers or {})}
        if data is not None:
            sent["Content-Type"] = "application/json"
        try:
            self.conn.request(method, path, body=data, headers=sent)
            response = self.conn.getresponse()
        except (http.client.HTTPException, OSError):
            del self.conn
            raise
        self.last_headers = response.headers
        return response.status, response.read()

    def timed(self, method: str, path: str, body=None, expected=200) -> tuple[float, bytes]:
        start = time.perf_counter()
        status, answer = self.request(method, path, body)
        took = (time.perf_counter() - start) * 1000
        if status != expected:
            raise SystemExit(f"{method} {path} answered {status}: {answer[:300]!r}")
        return took, answer

    def memory(self) -> tuple[float, float]:
        """(RSS now, peak RSS) of the service in MB."""
        status = Path(f"/proc/{self.process.pid}/status").read_text()
        fields = dict(line.split(":", 1) for line in status.splitlines() if ":" in line)
        return (int(fields["VmRSS"].split()[0]) / 1024, int(fields["VmHWM"].split()[0]) / 1024)

    def stop(self) -> None:
        self.process.terminate()
        self.process.wait(10)


def sign_in(service: Service, db_path: Path) -> None:
    """An API token and a dashboard session cookie, as the extension and a browser hold them."""
    db = open_db(db_path)
    now = datetime.now(UTC)
    token = tokens.create(db, f"bench-{time.time_ns()}", now)
    link = sessions.new_login_link(db, now)
    db.close()
    service.request("GET", f"/login?token={link}")
    cookie = service.last_headers["Set-Cookie"].split(";", 1)[0]
    service.headers = {"Authorization": f"Bearer {token}", "Cookie": cookie}


def adopt_page_owner(db_path: Path, url: str) -> None:
    """The big page's profile belongs to a busy person, so its card is a heavy one."""
    from givefirst.sites import canonicalise

    db = open_db(db_path)
    busiest = db.execute(
        "SELECT person_id FROM interactions GROUP BY person_id ORDER BY count(*) DESC LIMIT 1"
    ).fetchone()[0]
    with db.conn:
        db.conn.execute(
            "INSERT OR IGNORE INTO profiles (key, person_id, site, url, added_at) "
            "VALUES (?, ?, 'linkedin', ?, '2024-01-01T00:00:00+00:00')",
            [canonicalise(url).key, busiest, url],
        )
    db.close()


def p(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(len(ordered) * share))]


def lookups(service: Service, people: int, rounds: int) -> list[Figure]:
    """The card's lookups, each against health measured in the same run."""
    import random

    rng = random.Random(11)
    health, known, stranger, no_one = [], [], [], []
    for n in range(rounds):  # in turn, so that each kind meets the computer's load alike
        health.append(service.timed("GET", "/api/v1/health")[0])
        profile = f"https://www.linkedin.com/in/synthetic-{rng.randint(1, people):06d}"
        known.append(service.timed("POST", "/api/v1/context", {"url": profile})[0])
        unknown = f"https://www.linkedin.com/in/stranger-{n:06d}"
        stranger.append(service.timed("POST", "/api/v1/context", {"url": unknown})[0])
        # The same request but for the card: a token checked, a body read, a URL canonicalised.
        company = {"url": f"https://www.linkedin.com/company/employer-{n:06d}"}
        no_one.append(service.timed("POST", "/api/v1/context", company, expected=422)[0])
    url, html = padded("linkedin/member-full", PAGE_BYTES)
    body = json.dumps({"url": url, "html": html}).encode()  # the extension's work, not timed
    page = [service.timed("POST", "/api/v1/context", body)[0] for _ in range(max(5, rounds // 10))]
    base = statistics.median(health)
    return [
        Figure("health, p50 (the yardstick)", base, "ms", None),
        Figure(
            "context, known person, URL only, p50", statistics.median(known) / base, "x health", 2
        ),
        Figure("context, known person, URL only, p99", p(known, 0.99), "ms", 15),
        Figure("context, stranger, p50", statistics.median(stranger) / base, "x health", 1.5),
        Figure(
            "context, no one's page (422: the floor), p50",
            statistics.median(no_one) / base,
            "x health",
            None,
        ),
        Figure("context with a 450 KB LinkedIn page, p50", statistics.median(page), "ms", 40),
    ]


VIEWS = (
    ("GET /api/v1/nurture?limit=20", "/api/v1/nurture?limit=20", 250),
    ("GET /api/v1/network", "/api/v1/network", 250),
    ("dashboard Today", "/", 300),
    ("People filtered by verdict", "/people?verdict=give_first", 300),
    ("people search (q=), no match", "/api/v1/people?q=qqxqzz", 50),
)


def views(services: list[Service], rounds: int) -> list[list[Figure]]:
    """The whole-network views of each service: median of `rounds` requests each. The services'
    requests go in turn, so that the computer's speed changing meanwhile (it does, by half and
    more) is not taken for the views growing with the network."""
    found: list[list[Figure]] = [[] for _ in services]
    for name, path, goal in VIEWS:
        growth_goal = None if "search" in name else 2
        times: list[list[float]] = [[] for _ in services]
        sizes = [0] * len(services)
        for _ in range(rounds):
            for n, service in enumerate(services):
                took, answer = service.timed("GET", path)
                times[n].append(took)
                sizes[n] = len(answer)
        for n in range(len(services)):
            found[n].append(Figure(name, statistics.median(times[n]), "ms", goal, growth_goal))
            if path == "/":
                found[n].append(
                    Figure("dashboard Today, size of the page", sizes[n] / 1024, "KB", None)
                )
    return found


def run_child(args: list[str]) -> tuple[float, float]:
    """(seconds, peak memory in MB) of a givefirst command run to its end: the larger of its
    own peak RSS and the peak of it and the processes it starts together (a large JSON
    document is read in a second process), sampled as it runs."""
    start = time.perf_counter()
    child = subprocess.Popen(
        [str(GIVEFIRST), *args], stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    together = 0.0
    while True:
        ended, status, usage = os.wait4(child.pid, os.WNOHANG)
        if ended:
            break
        together = max(together, tree_memory(child.pid))
        time.sleep(0.05)
    took = time.perf_counter() - start
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"givefirst {' '.join(args)} failed: {child.stderr.read()[:500]!r}")
    return took, max(together, usage.ru_maxrss / 1024)


def tree_memory(pid: int) -> float:
    """The memory, in MB, of a process and its children now: their proportional set sizes, so
    that pages a forked child shares with its parent count once (0 once they are gone)."""
    total = 0.0
    for each in [pid, *children_of(pid)]:
        try:
            rollup = Path(f"/proc/{each}/smaps_rollup").read_text()
        except OSError:
            continue
        for line in rollup.splitlines():
            if line.startswith("Pss:"):
                total += int(line.split()[1]) / 1024
    return total


def children_of(pid: int) -> list[int]:
    try:
        listed = Path(f"/proc/{pid}/task/{pid}/children").read_text().split()
    except OSError:
        return []
    return [int(child) for child in listed]


def imports(people: int, source: Path, folder: Path) -> list[Figure]:
    """A givefirst JSON export of the whole network, and a LinkedIn Connections.csv, each into
    an empty database through the CLI."""
    exported = scale_network.cache_folder() / f"scale-{people}-v{scale_network.SHAPE}.json"
    if not exported.exists():
        run_child(["export", "json", str(exported), "--db", str(source)])
    took, peak = run_child(["import", "json", str(exported), "--db", str(folder / "json.db")])
    connections = folder / "Connections.csv"
    write_connections(connections, people)
    csv_took, _ = run_child(
        ["import", "linkedin", str(connections), "--db", str(folder / "csv.db")]
    )
    return [
        Figure("givefirst import json, whole network", took, "s", 15),
        Figure("givefirst import json, peak memory (all processes)", peak, "MB", 300),
        Figure(f"Connections.csv, {people:,} rows", csv_took, "s", 2.5),
    ]


def measure(networks: list[int], rounds: int, view_rounds: int) -> list[list[Figure]]:
    """Every figure for each network: its lookups, then the views of all of them in turn, then
    each one's memory and imports."""
    with tempfile.TemporaryDirectory() as scratch:
        copies, services = [], []
        try:
            for people in networks:
                folder = Path(scratch) / str(people)
                folder.mkdir()
                db_path = scale_network.working_copy(people, folder)
                adopt_page_owner(db_path, padded("linkedin/member-full", 1024)[0])
                services.append(Service(db_path))
                copies.append(db_path)
                sign_in(services[-1], db_path)
                services[-1].timed("GET", "/api/v1/health")  # warm: imports done, page rendered
            found = [
                lookups(service, people, rounds)
                for service, people in zip(services, networks, strict=True)
            ]
            for figures, seen, service in zip(
                found, views(services, view_rounds), services, strict=True
            ):
                rss, peak = service.memory()
                figures += seen + [
                    Figure("service memory after all of the above, RSS", rss, "MB", 120),
                    Figure("service memory, peak RSS", peak, "MB", None),
                ]
        finally:
            for service in services:
                service.stop()
        for figures, people, db_path in zip(found, networks, copies, strict=True):
            figures += imports(people, db_path, db_path.parent)  # the copy: the cache stays
        return found


def report(large: int, small: int, rounds: int, view_rounds: int) -> None:
    at_small, at_large = measure([small, large], rounds, view_rounds)
    print(
        f"{large:,} people ({large * 8 // 15 + large:,} profiles, {large * 10:,} interactions, "
        f"{large * 2:,} facts); {rounds} lookups, median of {view_rounds} views:"
    )
    for figure in at_large:
        print(figure.shown())
    print(f"\n{small:,} people, and how much each figure grew from {small:,} to {large:,}:")
    for before, after in zip(at_small, at_large, strict=True):
        growth = after.value / before.value if before.value else float("nan")
        verdict = ""
        if after.growth_goal is not None:
            verdict = f"goal ≤ {after.growth_goal:g}×  " + (
                "meets" if growth <= after.growth_goal else "MISSES"
            )
        print(f"{before.shown()}   grew {growth:5.1f}×  {verdict}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--people", type=int, default=30_000)
    parser.add_argument("--small", type=int, default=3_000)
    parser.add_argument("--rounds", type=int, default=200, help="lookups of each kind")
    parser.add_argument("--view-rounds", type=int, default=9, help="requests of each view")
    args = parser.parse_args()
    report(args.people, args.small, args.rounds, args.view_rounds)


if __name__ == "__main__":
    main()
