"""Fewer duplicates: a stranger named as someone you know gets "Is this the Lucía you know?" with
one click to link the profile to them; a known person's card offers the other profiles their page
links to, one click each."""

from tests.support.extension import api, part, remember, wait_for_verdict
from tests.support.profile_pages import PROFILE_PAGES


def test_a_stranger_with_the_name_of_someone_you_know_is_linked_in_one_click(
    tab, service, fixture_pages
):
    known_url, _ = PROFILE_PAGES["github"]("lucia-prado-known", "Lucía Prado")
    person = remember(
        service, "Lucía Prado", known_url, [("talked", "Coffee at the maps meetup", None)]
    )
    url, html = PROFILE_PAGES["linkedin"]("lucia-prado-elsewhere", "Lucía Prado")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    offer = part(tab, "gf-namesake")
    assert "Is this the Lucía you know?" in offer.inner_text()
    part(tab, "gf-namesake-link").click()
    wait_for_verdict(tab, "give_first")
    assert part(tab, "gf-note").inner_text() == "Linked to Lucía Prado."
    keys = {p["key"] for p in api(service, "GET", f"/api/v1/people/{person['id']}")["profiles"]}
    assert "li:lucia-prado-elsewhere" in keys


def test_a_stranger_of_another_name_gets_no_such_question(tab, service, fixture_pages):
    remember(service, "Lucía Pradera", PROFILE_PAGES["github"]("lucia-pradera", "Lucía Pradera")[0])
    url, html = PROFILE_PAGES["linkedin"]("lucia-other", "Lucía Prad")
    fixture_pages[url] = html
    tab.goto(url)
    wait_for_verdict(tab, "stranger")
    part(tab, "gf-remember-person").wait_for()
    assert part(tab, "gf-namesake").count() == 0


def test_a_known_persons_other_profiles_are_offered_to_link(tab, service, fixture_pages):
    url, html = PROFILE_PAGES["github"]("oren-vale-links", "Oren Vale")
    fixture_pages[url] = html.replace(
        "</main>", '<a rel="me" href="https://x.com/orenvale_links">X</a></main>'
    )
    person = remember(service, "Oren Vale", url, [("talked", "Met at a sprint", None)])
    tab.goto(url)
    wait_for_verdict(tab, "give_first")
    offers = part(tab, "gf-suggested-profiles")
    assert "x.com/orenvale_links" in offers.inner_text()
    part(tab, "gf-link-profile").click()
    part(tab, "gf-note").get_by_text("Linked to Oren Vale.").wait_for()
    keys = {p["key"] for p in api(service, "GET", f"/api/v1/people/{person['id']}")["profiles"]}
    assert "x:orenvale_links" in keys
    assert part(tab, "gf-suggested-profiles").count() == 0
