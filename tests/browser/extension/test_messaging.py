"""Sending logs it: LinkedIn messaging (the full page and the chat bubble) and X Chat, on
synthetic pages shaped like theirs whose scripts send as the sites do."""

import uuid

from tests.support.composer_pages import x_conversation
from tests.support.extension import EXTENSION, api, remember
from tests.support.messaging_pages import (
    linkedin_bubble,
    linkedin_messaging,
    linkedin_profile_with_member_id,
    member_id,
    x_chat,
)

SENT_CHIP = "#givefirst-sent-chip"
ASK = "Hi! Could you refer me to the hiring manager for the design role on your team?"
HELLO = "Thanks for the talk yesterday, it was great to see you."
NAMESPACE = uuid.UUID("6f1c1b52-5c1e-4e7a-9d36-0a7c7c3b1f17")


def history(service, person) -> list[dict]:
    return api(service, "GET", f"/api/v1/people/{person['id']}")["history"]


def wait_for_history(tab, service, person, wanted):
    """Until `wanted(history)` holds (or 10 s); returns the history."""
    for _ in range(200):
        found = history(service, person)
        if wanted(found):
            return found
        tab.wait_for_timeout(50)
    return found


def chip(tab, testid):
    return tab.frame_locator(f"{SENT_CHIP} iframe").locator(f"[data-testid={testid}]")


def known_on_linkedin(service, name, seed) -> tuple[dict, str]:
    """Someone known by the member-id URL their conversations use."""
    their_id = member_id(seed)
    person = remember(service, name, f"https://www.linkedin.com/in/{their_id}/")
    return person, their_id


def send_on_linkedin(tab, text, key="Enter"):
    box = tab.locator(".msg-form__contenteditable")
    box.click()
    box.press_sequentially(text)
    if key == "click":
        tab.locator(".msg-form__send-button").click()
    else:
        box.press(key)


def test_a_message_to_a_known_person_is_logged_once_with_undo(tab, service, fixture_pages):
    person, their_id = known_on_linkedin(service, "Ines Moreau", "ines")
    url, html = linkedin_messaging(their_id, "Ines Moreau", thread="2-SW5lcw")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)
    found = wait_for_history(tab, service, person, lambda h: h)
    assert [(h["kind"], h["summary"]) for h in found] == [("messaged", "Message on LinkedIn")]
    urn = tab.locator("[data-event-urn^='urn:li:msg_message:(2-SW5lcw,me-']").get_attribute(
        "data-event-urn"
    )
    assert found[0]["id"] == str(uuid.uuid5(NAMESPACE, f"linkedin|li:{their_id.lower()}|{urn}"))
    assert HELLO not in str(found)  # the text itself is not stored
    said = chip(tab, "gf-sent-said")
    said.wait_for()
    assert said.inner_text() == "Logged a message to Ines Moreau."

    tab.reload()  # the conversation shows the message again: nothing new is logged
    tab.locator(".msg-form__contenteditable").wait_for()
    tab.wait_for_timeout(2500)
    assert len(history(service, person)) == 1

    send_on_linkedin(tab, "And one more thing about the slides.", key="click")
    chip(tab, "gf-sent-undo").wait_for()
    assert len(wait_for_history(tab, service, person, lambda h: len(h) == 2)) == 2
    chip(tab, "gf-sent-undo").click()
    chip(tab, "gf-sent-log").wait_for()
    assert chip(tab, "gf-sent-said").inner_text() == "Not logged."
    assert len(wait_for_history(tab, service, person, lambda h: len(h) == 1)) == 1


def test_an_ask_is_logged_as_an_open_ask_by_its_phrase(tab, service, fixture_pages):
    person, their_id = known_on_linkedin(service, "Pavel Dvorak", "pavel")
    url, html = linkedin_messaging(their_id, "Pavel Dvorak", thread="2-UGF2ZWw")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, ASK, key="click")
    found = wait_for_history(tab, service, person, lambda h: h)
    assert [(h["kind"], h["status"]) for h in found] == [("asked", "open")]
    assert found[0]["summary"] != ASK and found[0]["summary"].lower() in ASK.lower()
    chip(tab, "gf-sent-said").wait_for()
    assert chip(tab, "gf-sent-said").inner_text().startswith("Logged an ask to Pavel Dvorak")

    tab.evaluate("theyReply('Happy to, send me your CV')")  # an open ask stays open
    tab.wait_for_timeout(2500)
    assert [(h["kind"], h["status"]) for h in history(service, person)] == [("asked", "open")]


def test_a_stranger_is_never_logged_unless_remembered_first(tab, service, fixture_pages):
    their_id = member_id("nobody")
    url, html = linkedin_messaging(their_id, "Odile Brandt", thread="2-T2RpbGU")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)
    said = chip(tab, "gf-sent-said")
    said.wait_for()
    assert said.inner_text() == "Not logged: Odile Brandt is not in givefirst."
    tab.wait_for_timeout(1000)
    assert api(service, "GET", "/api/v1/people?q=Odile")["people"] == []

    chip(tab, "gf-sent-remember").click()
    chip(tab, "gf-sent-undo").wait_for()
    (odile,) = api(service, "GET", "/api/v1/people?q=Odile")["people"]
    assert [p["key"] for p in odile["profiles"]] == [f"li:{their_id.lower()}"]
    assert [h["kind"] for h in wait_for_history(tab, service, odile, lambda h: h)] == ["messaged"]


def test_a_member_id_is_linked_once_the_person_confirms_who_it_is(tab, service, fixture_pages):
    person = remember(service, "Beatriz Sousa", "https://www.linkedin.com/in/beatriz-sousa-demo/")
    their_id = member_id("beatriz")
    url, html = linkedin_messaging(their_id, "Beatriz Sousa", thread="2-QmVh")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)
    said = chip(tab, "gf-sent-said")
    said.wait_for()
    assert said.inner_text() == "Not logged yet. Is this Beatriz Sousa, whom givefirst knows?"
    assert history(service, person) == []
    chip(tab, "gf-sent-confirm").click()
    chip(tab, "gf-sent-undo").wait_for()
    keys = [p["key"] for p in api(service, "GET", f"/api/v1/people/{person['id']}")["profiles"]]
    assert sorted(keys) == sorted(["li:beatriz-sousa-demo", f"li:{their_id.lower()}"])
    assert [h["kind"] for h in wait_for_history(tab, service, person, lambda h: h)] == ["messaged"]


def test_a_reply_turns_messaged_into_talked(tab, service, fixture_pages):
    person, their_id = known_on_linkedin(service, "Rosa Lind", "rosa")
    url, html = linkedin_bubble(their_id, "Rosa Lind", thread="2-Um9zYQ")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)  # in the chat bubble
    assert wait_for_history(tab, service, person, lambda h: h)[0]["kind"] == "messaged"
    tab.evaluate("theyReply('So good to see you too!')")
    found = wait_for_history(tab, service, person, lambda h: h[0]["kind"] == "talked")
    assert [(h["kind"], h["summary"]) for h in found] == [("talked", "Message on LinkedIn")]


def test_a_conversation_finds_the_person_known_by_vanity_name(tab, service, fixture_pages):
    """The profile page carries the member id; the conversation names the person by it."""
    person = remember(service, "Kofi Mensah", "https://www.linkedin.com/in/kofi-mensah-demo/")
    their_id = member_id("kofi")
    url, html = linkedin_profile_with_member_id("kofi-mensah-demo", "Kofi Mensah", their_id)
    fixture_pages[url] = html
    tab.goto(url)
    for _ in range(200):
        keys = [p["key"] for p in api(service, "GET", f"/api/v1/people/{person['id']}")["profiles"]]
        if f"li:{their_id.lower()}" in keys:
            break
        tab.wait_for_timeout(50)
    assert f"li:{their_id.lower()}" in keys

    url, html = linkedin_messaging(their_id, "Kofi Mensah", thread="2-S29maQ")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)
    assert [h["kind"] for h in wait_for_history(tab, service, person, lambda h: h)] == ["messaged"]


def test_with_automatic_logging_off_the_chip_offers_to_log_it(paired, tab, service, fixture_pages):
    options = paired.new_page()
    options.goto(f"{EXTENSION}/options/options.html")
    switch = options.locator("[data-testid=gf-autolog-linkedin]")
    assert switch.is_checked()
    switch.uncheck()
    options.wait_for_timeout(300)
    options.close()

    person, their_id = known_on_linkedin(service, "Mila Horvat", "mila")
    url, html = linkedin_messaging(their_id, "Mila Horvat", thread="2-TWlsYQ")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)
    chip(tab, "gf-sent-log").wait_for()
    assert history(service, person) == []
    chip(tab, "gf-sent-log").click()
    chip(tab, "gf-sent-undo").wait_for()
    assert [h["kind"] for h in wait_for_history(tab, service, person, lambda h: h)] == ["messaged"]


def test_x_chat_logs_a_message_and_its_reply(tab, service, fixture_pages):
    person = remember(service, "Juno Park", "https://x.com/juno_chat")
    url, html = x_chat("juno_chat", "Juno Park", conversation="3000-4000")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator("[data-testid=dm-composer-textarea]")  # inside the open shadow root
    box.click()
    box.press_sequentially(HELLO)
    box.press("Enter")
    found = wait_for_history(tab, service, person, lambda h: h)
    assert [(h["kind"], h["summary"]) for h in found] == [("messaged", "Message on X")]

    box.press_sequentially(ASK)
    tab.locator("[data-testid=dm-composer-send-button]").click()
    found = wait_for_history(tab, service, person, lambda h: len(h) == 2)
    assert sorted(h["kind"] for h in found) == ["asked", "messaged"]

    tab.evaluate("theyReply('Sure, happy to help')")
    found = wait_for_history(tab, service, person, lambda h: "talked" in [x["kind"] for x in h])
    assert sorted((h["kind"], h["status"]) for h in found) == [("asked", "open"), ("talked", None)]


def test_the_page_never_sees_the_sent_chips_words(tab, service, fixture_pages):
    _, their_id = known_on_linkedin(service, "Tarek Aziz", "tarek")
    url, html = linkedin_messaging(their_id, "Tarek Aziz", thread="2-VGFyZWs")
    fixture_pages[url] = html
    tab.goto(url)
    send_on_linkedin(tab, HELLO)
    chip(tab, "gf-sent-said").wait_for()
    page_text = tab.evaluate("document.documentElement.outerHTML")
    assert "Logged" not in page_text and "Message on LinkedIn" not in page_text
    assert tab.locator(f"{SENT_CHIP} iframe").count() == 1


def test_the_older_x_messages_page_logs_a_message_too(tab, service, fixture_pages):
    person = remember(service, "Ada Quell", "https://x.com/older_ada")
    url, html = x_conversation("older_ada", "Ada Quell")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator("[data-testid=dmComposerTextInput]")
    box.click()
    box.press_sequentially(HELLO)
    tab.locator("[data-testid=dmComposerSendButton]").click()
    tab.evaluate("document.querySelector('[data-testid=dmComposerTextInput]').replaceChildren()")
    found = wait_for_history(tab, service, person, lambda h: h)
    assert [(h["kind"], h["summary"]) for h in found] == [("messaged", "Message on X")]


def test_x_chat_never_logs_a_stranger(tab, service, fixture_pages):
    url, html = x_chat("unknown_quill", "Quill Amsel", conversation="5000-6000")
    fixture_pages[url] = html
    tab.goto(url)
    box = tab.locator("[data-testid=dm-composer-textarea]")
    box.click()
    box.press_sequentially(HELLO)
    box.press("Enter")
    chip(tab, "gf-sent-remember").wait_for()
    assert api(service, "GET", "/api/v1/people?q=Quill")["people"] == []
