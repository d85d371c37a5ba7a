"""What a person meets when the service is down: the overlay says so and how to start it, tries
again by itself, and a note logged meanwhile reaches the service exactly once when it is back."""

from contextlib import ExitStack

import pytest

from tests.support.extension import (
    ASKED_TWICE,
    api,
    get_storage,
    part,
    remember,
    wait_for_verdict,
)
from tests.support.live_service import Service, free_port, givefirst, serving
from tests.support.profile_pages import PROFILE_PAGES


class SwitchableService(Service):
    """A real service on a fixed database and port that a test can stop and start again."""

    def start(self) -> None:
        self.stack = ExitStack()
        self.stack.enter_context(serving(self.db_path, self.port, self.log_path))

    def stop(self) -> None:
        self.stack.close()


@pytest.fixture(scope="module")
def service(tmp_path_factory):
    workdir = tmp_path_factory.mktemp("service")
    db_path, port = workdir / "service.db", free_port()
    created = givefirst("token", "new", "--name", "tests", db_path=db_path)
    switchable = SwitchableService(
        url=f"http://127.0.0.1:{port}",
        port=port,
        token=created.stdout.strip().splitlines()[-1],
        db_path=db_path,
        log_path=workdir / "serve.log",
    )
    switchable.start()
    yield switchable
    switchable.stop()


def test_a_stopped_service_is_reported_and_the_card_appears_once_it_is_back(
    tab, service, fixture_pages
):
    url, html = PROFILE_PAGES["linkedin"]("downatload", "Emil Sandor")
    fixture_pages[url] = html
    remember(service, "Emil Sandor", url, ASKED_TWICE)
    service.stop()
    try:
        tab.goto(url)
        part(tab, "gf-status").get_by_text("givefirst is not running").wait_for()
        assert "givefirst serve" in part(tab, "gf-status").inner_text()
    finally:
        service.start()
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-status").inner_text() == ""


def test_a_note_logged_while_the_service_is_down_reaches_it_once_when_it_is_back(
    paired, tab, service, fixture_pages
):
    url, html = PROFILE_PAGES["x"]("queuedlog", "Marta Quell")
    fixture_pages[url] = html
    person = remember(service, "Marta Quell", url, ASKED_TWICE)
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    service.stop()
    try:
        part(tab, "gf-log-gave").click()
        part(tab, "gf-log-summary").fill("Recommended her talk to the meetup organisers")
        part(tab, "gf-log-save").click()
        part(tab, "gf-status").get_by_text("will be sent when it is back").wait_for()
        assert "givefirst is not running" in part(tab, "gf-status").inner_text()
        assert len(get_storage(paired, "queue")["queue"]) == 1
    finally:
        service.start()
    part(tab, "gf-history").get_by_text("Recommended her talk").wait_for(timeout=20_000)
    assert "Gave 1" in part(tab, "gf-ledger").inner_text()
    history = api(service, "GET", f"/api/v1/people/{person['id']}")["history"]
    gave = [h["summary"] for h in history if h["kind"] == "gave"]
    assert gave == ["Recommended her talk to the meetup organisers"]
    assert get_storage(paired, "queue")["queue"] == []
