"""The shared page helpers every site reader uses."""

from givefirst.sites.html import clean, lines, name_from_title, role_at_company, text, unwrap
from givefirst.sites.microformats import mf_text
from givefirst.sites.page import Page


def test_json_ld_graph_members_and_main_entities_are_found_in_document_order():
    page = Page(
        '<script type="application/ld+json">{"@graph": [{"@type": "Article", "name": "A"},'
        ' {"@type": ["Thing", "https://schema.org/Person"], "name": "P"}]}</script>'
        '<script type="Application/LD+JSON">{"@type": "ProfilePage", "mainEntity":'
        ' {"@type": "Person", "name": "M"}}</script>',
        "https://example.com/",
    )
    assert [n.get("name") for n in page.json_ld] == [None, "A", "P", None]  # the @graph holder too
    assert [n["name"] for n in page.json_ld_of("Person")] == ["P", "M"]


def test_open_graph_is_read_whether_written_with_property_or_name():
    page = Page(
        '<meta name="og:title" content="N"><meta property="og:image" content="/i.png">',
        "https://example.com/a/",
    )
    assert page.meta("og:title") == "N"
    assert page.meta_url("og:image") == "https://example.com/i.png"


def test_double_encoded_entities_are_decoded_and_invisible_characters_removed():
    assert clean("Procter &amp;amp; Gamble") == "Procter & Gamble"
    assert clean("Ja\u200bne\u202e  \n Doe\ufeff") == "Jane Doe"
    assert clean("   ") is None and clean(None) is None


def test_screen_reader_duplicates_are_skipped_and_blocks_make_lines():
    page = Page(
        '<div id="x"><span aria-hidden="true">Staff Engineer</span><span class="visually-hidden">'
        "Staff Engineer</span><p>Stripe<script>no()</script></p><div hidden>secret</div></div>",
        "https://example.com/",
    )
    element = page.by_id("x")[0]
    assert lines(element) == ["Staff Engineer", "Stripe"]
    assert text(element) == "Staff Engineer Stripe"


def test_microdata_values_follow_the_spec():
    page = Page(
        '<div itemscope><a itemprop="url" href="/me">x</a><meta itemprop="name" content="N">'
        '<time itemprop="date" datetime="2026-01-02">2 Jan</time></div>',
        "https://example.com/",
    )
    values = [page.itemprop_value(page.itemprop(n)[0]) for n in ("url", "name", "date")]
    assert values == ["https://example.com/me", "N", "2026-01-02"]


def test_the_representative_h_card_is_the_one_linked_by_rel_me():
    page = Page(
        '<a rel="me" href="https://x.com/b">x</a><div class="h-card"><span class="p-name">A</span>'
        '<a class="u-url" href="https://x.com/a">a</a></div><div class="h-card"><span class="p-name">'
        'B</span><a class="u-url" href="https://x.com/b">b</a></div>',
        "https://team.example/",
    )
    assert mf_text(page, page.h_card, "p-name") == "B"
    assert page.rel_me == ["https://x.com/b"]


def test_titles_redirects_and_headlines():
    assert name_from_title("(3) Jane Doe - Engineer | LinkedIn") == "Jane Doe"
    assert name_from_title("Ada Quill (@ada@example.social)") == "Ada Quill"
    assert (
        unwrap("https://l.instagram.com/?u=https%3A%2F%2Fa.example%2F&e=1") == "https://a.example/"
    )
    assert (
        unwrap("https://www.youtube.com/redirect?q=https%3A%2F%2Fb.example") == "https://b.example"
    )
    assert role_at_company("Staff Engineer at Stripe | ex-Acme") == ("Staff Engineer", "Stripe")
    assert role_at_company("Founder @ Tiny Robots") == ("Founder", "Tiny Robots")
    assert role_at_company("Building things") == (None, None)
