"""A WordPress REST item to a Document: fields, dates, taxonomies, and errors that name the field."""

from __future__ import annotations

import json
import time
from datetime import datetime, timedelta, timezone

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Losses, Media
from generator.convert.slugs import safe_slug
from generator.convert.wp_post import RAW_PARAGRAPHS, Lookups, html_to_text, post_terms, to_document, to_term
from generator.problems import ItemError
from tests.conftest import SAMPLE_JSON, need_shared
from tests.conftest import rest_item as item


def test_sample_post_becomes_a_document_with_its_five_terms() -> None:
    data = json.loads(need_shared(SAMPLE_JSON).read_text(encoding="utf-8"))
    converted = to_document(data)
    document, terms = converted.document, converted.terms
    assert converted.warnings == []
    assert document.title.startswith("China Minmetals Turns Momentum Into Signal: Quality Wins")
    assert document.type == "news-archive"
    assert document.date.isoformat() == "2025-11-18T14:20:17-07:00"
    assert document.taxonomies == {
        "news-type": ("industrial-applications", "industrial-metals", "ree-news"),
        "organization": ("baogang-group",), "regions": ("china",)}
    assert document.source.id == 14822
    assert document.source.guid.startswith("https://vpzajoti4c.onrocket.site/news/")
    # One id and one slug in a taxonomy can only belong together; three and three cannot be paired.
    assert {(t.taxonomy, t.slug): t.id for t in terms}[("organization", "baogang-group")] == 341
    assert {(t.taxonomy, t.slug): t.id for t in terms}[("news-type", "ree-news")] is None


def test_utc_offset_comes_from_local_versus_gmt_and_may_differ_between_date_and_modified() -> None:
    document = to_document(item()).document
    assert document.date.utcoffset() == timedelta(hours=1)
    assert document.updated.utcoffset() == timedelta(hours=2)  # summer time by then


def test_wordpress_zero_date_is_no_date() -> None:
    """A post inserted without a modified date: WordPress's REST API writes MySQL's zero date as PHP reads it."""
    zero = "-0001-11-30T00:00:00"
    document = to_document(item(date="2012-05-01T10:00:00", date_gmt="2012-05-01T08:00:00",
                                modified=zero, modified_gmt=zero)).document
    assert document.updated == document.date == datetime(2012, 5, 1, 10, tzinfo=timezone(timedelta(hours=2)))
    draft = to_document(item(date="2012-05-01T10:00:00", date_gmt="0000-00-00T00:00:00", modified=zero)).document
    assert draft.date == datetime(2012, 5, 1, 10, tzinfo=timezone.utc)


def test_a_post_saved_without_its_date_is_dated_by_what_else_it_says_and_named() -> None:
    """`?_fields=id,title,content` saves no date: every post was refused. Its time of update, else the day its
    address names, else the month of its first picture's upload folder stands in, and the post names the field."""
    undated = {"date": None, "date_gmt": None}
    updated = to_document(item(**undated))
    assert updated.document.date.isoformat() == "2024-07-01T12:00:00+02:00"
    assert updated.warnings == [("date", "missing; its time of update, modified, stands in")]
    by_address = to_document(item(**undated, modified=None, modified_gmt=None,
                                  link="https://news.example/2019/11/04/storm-hits-coast/"))
    assert by_address.document.date.isoformat() == "2019-11-04T00:00:00+00:00"
    assert by_address.warnings == [("date", "missing; the day its address names stands in")]
    only_content = {"id": 9, "title": {"rendered": "Storm"}, "content": {"rendered": (
        '<p><img src="https://news.example/wp-content/uploads/2021/08/storm.jpg"> Rain.</p>')}}
    by_picture = to_document(only_content)
    assert by_picture.document.date.isoformat() == "2021-08-01T00:00:00+00:00"
    assert by_picture.warnings[-1] == ("date", "missing; the month its first picture was uploaded in stands in")
    with pytest.raises(ItemError, match="date"):
        to_document({"id": 9, "title": {"rendered": "Storm"}, "content": {"rendered": "<p>Rain.</p>"}})


def test_a_date_a_feed_wrote_is_read_as_its_wall_clock_time_and_other_text_stays_refused() -> None:
    """Scripts that save a site's posts from its RSS feed keep each item's `pubDate` as `date` (RFC 2822): every
    such post was refused as "not an ISO 8601 date" (76 of 94 posts of a Japanese car-cleaning blog)."""
    document = to_document(item(date="Fri, 08 May 2026 14:49:09 +0000", date_gmt=None, modified=None)).document
    assert document.date.isoformat() == "2026-05-08T14:49:09+00:00" and document.updated == document.date
    assert to_document(item(date="8 May 2026 14:49 GMT", date_gmt=None, modified=None)).document.date.isoformat() \
        == "2026-05-08T14:49:00+00:00"
    for wrong in ("Fri, 08 Mai 2026 14:49:09 +0000", "Fri, 31 Feb 2026 14:49:09 +0000", "May 8, 2026", "1 " * 100_000):
        with pytest.raises(ItemError, match="not an ISO 8601 date"):
            to_document(item(date=wrong, date_gmt=None, modified=None))


def test_an_author_a_script_saved_whole_in_the_post_bylines_it() -> None:
    """Scripts that flatten `_embed` save the user in `author` (`{"id": "1", "name": …}`): such posts were bylined to
    no one, without a word (434 posts of an Indonesian village's news)."""
    assert to_document(item(author={"id": "1", "name": "Sel&#231;uk Ayd&#305;n", "login": "admin"})).document.author \
        == "Selçuk Aydın"
    assert to_document(item(author={"ID": 3, "display_name": "Ana Sousa"})).document.author == "Ana Sousa"
    yoast = {"yoast_head_json": {"author": "Desk"}}
    assert to_document(item(author={"id": 2, "avatar": None}, **yoast)).document.author == "Desk"


def test_terms_given_by_their_names_are_read_with_the_slugs_wordpress_makes() -> None:
    """Scripts that save posts from a feed or a database's joins keep their terms' names (`"tags": ["renkler"]`):
    each was passed over ("expected term ids, got '車内清掃'"), so the posts had no terms. A string of digits beside
    names is a name too (a year's tag, "2024"); alone, it is an id written as text, and stays named."""
    converted = to_document(item(categories=["車内清掃", "Ferry &amp; Times"], tags=["Rock 'n' Roll 2.0", "2024", "", "!"]))
    assert converted.document.taxonomies == {"category": ("ferry-times", "車内清掃"),
                                             "post_tag": ("2024", "rock-n-roll-2-0")}
    assert {(t.slug, t.name) for t in converted.terms} >= {("車内清掃", "車内清掃"), ("ferry-times", "Ferry & Times"),
                                                          ("2024", "2024")}
    assert converted.warnings == [("tags", "expected term ids, got '', '!'; passed over")]
    assert to_document(item(tags=["12", "15"])).warnings == [("tags", "expected term ids, got '12', '15'; passed over")]
    assert to_document(item(tags=["a" * 100_000])).document.taxonomies["post_tag"] != ()


def test_a_featured_image_a_script_saved_by_its_address_is_the_posts_picture() -> None:
    """Scripts that save posts without REST's `featured_media` keep the picture's address under a name of their own
    (`featuredImage`): those posts had no picture. REST's own `featured_media: 0` still means none."""
    saved = {key: value for key, value in item().items() if key not in ("featured_media", "_embedded")}
    picture = "https://village.example/wp-content/uploads/2025/09/award.jpg"
    assert to_document({**saved, "featuredImage": picture}).document.image.url == picture
    assert to_document({**saved, "featured_image_url": "/wp-content/uploads/a.png"}).document.image.url \
        == "https://example.com/wp-content/uploads/a.png"
    assert to_document({**saved, "featuredImage": "None"}).document.image is None
    assert to_document({**saved, "featuredImage": picture, "featured_media": 0}).document.image is None


def test_a_post_saved_without_id_or_slug_is_named_from_its_title() -> None:
    """`?_fields=title,content,date` saves neither: the id made for the post named it (`1181689591686.md`), where
    WordPress names a published post from its title. A post with its own id keeps it as its name, as before."""
    from generator.sources.wxr_items import SYNTHETIC_BASE
    made = SYNTHETIC_BASE + 4242
    converted = to_document(item(id=made, slug="", title={"rendered": "800 arter &#8211; Øvre Eiker!"}))
    assert converted.document.slug == "800-arter-ovre-eiker"
    assert converted.warnings == [("slug", "missing; made from the title: '800-arter-ovre-eiker'")]
    assert to_document(item(id=made, slug="", title={"rendered": "!!!"})).document.slug == str(made)
    assert to_document(item(id=made, slug="", status="draft")).document.slug == str(made)
    assert to_document(item(slug="")).document.slug == "7"


def test_raw_post_content_a_script_saved_is_rendered_as_wordpress_renders_it() -> None:
    """A script that saves `post_content` as it is (`"content": "…\\n\\n…"`, from the database or WP-CLI) in place of
    REST's rendered HTML: its paragraphs ran together into one, which wpautop makes <p> and <br> of on the live
    page. Rendered HTML, a string or `{"rendered": …}`, is read as it is."""
    raw = "Ferries run daily.\n\nThe first leaves at six.\nThe last at ten.\n\n[caption width=\"300\"]<img " \
          "src=\"https://harbour.example/pier.jpg\" alt=\"Pier\"> The pier[/caption]"
    assert to_document(item(content=raw)).document.body == (
        "Ferries run daily.\n\nThe first leaves at six.\\\nThe last at ten.\n\n"
        "![Pier](https://harbour.example/pier.jpg)\n\nThe pier\n")
    assert to_document(item(content="<p>One.</p>\n\n<p>Two.</p>")).document.body == "One.\n\nTwo.\n"
    code = "<p>Run it:</p>\n<pre>make\n\nmake install</pre>"  # rendered, a code block's blank line inside
    assert to_document(item(content=code)).document.body == "Run it:\n\n```\nmake\n\nmake install\n```\n"
    started = time.process_time()
    for hostile in ("a" + " " * 100_000 + "\n" + " " * 100_000 + "\n" + "\t" * 100_000 + "<", "a \n" * 100_000,
                    "a\n \n<" * 100_000):
        assert RAW_PARAGRAPHS.search(hostile) is None
    assert time.process_time() - started < 2


def test_missing_gmt_date_means_utc() -> None:
    document = to_document(item(date_gmt=None, modified=None)).document
    assert document.date.isoformat() == "2024-03-31T01:30:00+00:00"
    assert document.updated == document.date


def test_entities_and_markup_in_title_and_summary_become_plain_text() -> None:
    document = to_document(item(title={"rendered": "Rare&nbsp;Earths &#8211; <em>China&#8217;s</em> &amp; more"},
                                excerpt={"rendered": "<p>It&#8217;s  <b>big</b>\n</p>"})).document
    assert document.title == "Rare Earths – China’s & more"
    assert document.summary == "It’s big"
    assert html_to_text("plain   text ") == "plain text"


def test_invisible_characters_at_the_ends_of_a_title_or_summary_are_dropped() -> None:
    assert html_to_text("Family Law&#8203;") == html_to_text("Family Law\u200b\ufeff ") == "Family Law"
    assert html_to_text("<p>\u200b</p>") == ""
    assert html_to_text("\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645") == "\u0645\u06cc\u200c\u062e\u0648\u0627\u0647\u0645"


def test_summary_drops_the_tags_of_known_shortcodes_saved_unrendered_but_keeps_their_text() -> None:
    excerpt = ("<p>[woocommerce_cart]</p>\n"
               "<p>[vc_row][vc_column_text]Our shop[/vc_column_text][/vc_row] [sic] [[gallery]]</p>")
    assert to_document(item(excerpt={"rendered": excerpt})).document.summary == "Our shop [sic] [[gallery]]"


def test_a_page_of_nothing_but_plugin_shortcodes_saved_unrendered_has_no_body_or_summary() -> None:
    """Wishlist, compare and membership pages hold only their plugin's shortcode, which the REST API may
    leave unrendered: a mirror cannot show that plugin's output, and the bare shortcode is not words."""
    page = "<p>[shop_wishlist_table]</p>\n<p>[member_levels columns=\"3\"]</p>\n"
    converted = to_document(item(content={"rendered": page}, excerpt={"rendered": page}))
    assert (converted.document.body, converted.document.summary) == ("", "")
    assert dict(converted.losses.counts) == {"page of plugin shortcodes dropped": 2}
    beside_words = to_document(item(content={"rendered": "<p>Compare: [shop_compare_table]</p>"})).document
    assert beside_words.body == "Compare: [shop_compare_table]\n"


def test_longest_known_taxonomy_prefix_wins_in_class_list() -> None:
    data = item(news=[1], **{"news-type": [2]}, class_list=["news-type-ree-news", "news-daily", "tag-x"],
                _links={"wp:term": [
                    {"taxonomy": "news", "href": "https://example.com/wp-json/wp/v2/news?post=7"},
                    {"taxonomy": "news-type", "href": "https://example.com/wp-json/wp/v2/news-type?post=7"}]})
    assert {(t.taxonomy, t.slug) for t in post_terms(data, Lookups(), Losses())} == {("news-type", "ree-news"), ("news", "daily")}


def test_builtin_taxonomies_use_their_rest_fields_and_class_prefixes() -> None:
    data = item(categories=[3], tags=[4, 5], class_list=["category-markets", "tag-lithium", "tag-ev"])
    terms = {(t.taxonomy, t.slug) for t in post_terms(data, Lookups(), Losses())}
    assert terms == {("category", "markets"), ("post_tag", "lithium"), ("post_tag", "ev")}


def test_class_list_names_a_term_by_its_id_where_its_slug_makes_no_class() -> None:
    """In the shape of an Arabic removal firm's posts: WordPress writes a term's id in class_list where its slug,
    in Arabic, makes no class (`category-26`), and what a class kept of one ending in a digit (`tag-----6-`); each
    was taken for a slug, a second category "26" beside the one its saved term named (78 of 90 posts)."""
    named = {("category", 26): to_term({"id": 26, "slug": "شركات-نقل-الاثاث", "taxonomy": "category",
                                        "name": "شركات نقل الاثاث"})}
    data = item(categories=[26], tags=[145, 6], class_list=["post-1042", "category-26", "tag-145", "tag-----6-"])
    losses = Losses()
    terms = {(t.taxonomy, t.slug) for t in post_terms(data, Lookups(terms=named), losses)}
    assert terms == {("category", "شركات-نقل-الاثاث")}
    assert losses.counts["term id not resolved"] == 2


SLUG_WORDS = st.text("abcdefghijklmnopqrstuvwxyz0123456789", min_size=1, max_size=8)


@given(st.lists(SLUG_WORDS, min_size=1, max_size=4).map("-".join).filter(lambda slug: not slug.isdigit()),
       st.integers(min_value=1, max_value=10**9))
def test_class_list_reads_every_slug_wordpress_makes_and_no_term_id(slug: str, ident: int) -> None:
    """Any slug sanitize_title makes of ASCII words (lowercase letters and digits, one dash between words; `2024-25`
    too) is read from its class; a class ending in the digits of an id never is."""
    data = item(categories=[ident], class_list=[f"category-{slug}", f"category-{ident}"])
    assert {t.slug for t in post_terms(data, Lookups(), Losses())} == {slug}


def test_class_list_saved_as_an_object_with_gaps_in_its_keys_still_names_terms() -> None:
    # WooCommerce filters classes out of a product's list; PHP then encodes the array as an object.
    data = item(type="product", product_cat=[16], product_tag=[23],
                class_list={"0": "post-752", "1": "product", "4": "has-post-thumbnail", "6": "product_cat-huawei",
                            "7": "product_tag-huawei", "9": "entry"},
                _links={"wp:term": [
                    {"taxonomy": "product_cat", "href": "https://example.com/wp-json/wp/v2/product_cat?post=752"},
                    {"taxonomy": "product_tag", "href": "https://example.com/wp-json/wp/v2/product_tag?post=752"}]})
    losses = Losses()
    terms = {(t.taxonomy, t.slug, t.id) for t in post_terms(data, Lookups(), losses)}
    assert terms == {("product_cat", "huawei", 16), ("product_tag", "huawei", 23)}
    assert not losses.counts


def test_an_author_whose_display_name_is_an_email_address_is_bylined_by_its_local_part() -> None:
    """A user who logs in with an e-mail address and set no display name is bylined by it (15 of 434 posts of a
    village's news): the mirror would show every reader a working address, so it shows the handle before `@`."""
    named = {"id": 7, "name": "devsleman@desa.example.go.id", "avatar": None}
    assert to_document(item(author=named)).document.author == "devsleman"
    yoast = {"yoast_head_json": {"author": "news.desk@example.org"}}
    assert to_document(item(author=0, **yoast)).document.author == "news.desk"
    for name in ("Ana Sousa", "Sales @ Harbour Co", "@handle", "J. Smith (smith@example.org)"):
        assert to_document(item(author={"id": 1, "name": name})).document.author == name


def test_a_summary_of_no_word_is_none() -> None:
    """A script saved "..." as the excerpt of each post with no text (40 of a village's 434 news posts)."""
    for said in ("...", "<p>[&hellip;]</p>", " … "):
        assert to_document(item(excerpt={"rendered": said}, content={"rendered": ""})).document.summary == ""
    assert to_document(item(excerpt={"rendered": "<p>5 …</p>"})).document.summary == "5 …"


def test_author_id_named_by_nothing_saved_is_reported_and_author_zero_is_not() -> None:
    unnamed = to_document(item(author=14))
    assert unnamed.document.author == ""
    assert dict(unnamed.losses.counts) == {"author id not resolved": 1}
    named = to_document(item(author=14), Lookups(users={14: "Ana"}))
    assert (named.document.author, dict(named.losses.counts)) == ("Ana", {})
    # A saved user that answered with an error is no name either; a post with author 0 has none to find.
    failed = item(author=3, _embedded={"author": [{"code": "rest_user_invalid_id", "data": {"status": 404}}]})
    assert dict(to_document(failed).losses.counts) == {"author id not resolved": 1}
    assert not to_document(item(author=0)).losses


def test_featured_image_falls_back_on_jetpack_then_yoast_and_an_unnamed_id_is_reported() -> None:
    yoast = {"og_image": [{"width": 1120, "url": "https://example.com/wp-content/uploads/2022/06/a.jpg"}]}
    jetpack = "/wp-content/uploads/2022/06/b.jpg"
    image = to_document(item(featured_media=9, yoast_head_json=yoast)).document.image
    assert image is not None and image.url == "https://example.com/wp-content/uploads/2022/06/a.jpg"
    both = to_document(item(featured_media=9, yoast_head_json=yoast, jetpack_featured_media_url=jetpack))
    assert both.document.image is not None and both.document.image.url.endswith("/b.jpg")
    # Yoast's og:image of a post without a featured image is only the first picture of its text.
    assert to_document(item(featured_media=0, yoast_head_json=yoast)).document.image is None
    unnamed = to_document(item(featured_media=9))
    assert unnamed.document.image is None
    assert dict(unnamed.losses.counts) == {"featured image not among the media read (saved, or served by the site)": 1}


def test_featured_image_named_as_the_rest_api_plugins_betas_named_it() -> None:
    """Crawls of 2015-2016 sites that ran the REST API plugin's betas name the id `featured_image`: a WAQ crawl's 34
    posts showed no picture, though the saved media named every one."""
    media = Lookups(media={3591: Media(url="https://example.com/up/d.jpg", alt="Stage")})
    image = to_document(item(featured_image=3591), media).document.image
    assert image is not None and (image.url, image.alt) == ("https://example.com/up/d.jpg", "Stage")
    assert to_document(item(featured_media=0, featured_image=3591), media).document.image is None


@pytest.mark.parametrize("fields", [
    {"better_featured_image": {"id": 9, "alt_text": "", "source_url": "https://example.com/up/c.jpg"}},
    {"featured_image_src": "https://example.com/up/c.jpg"},
    {"fimg_url": "https://example.com/up/c.jpg", "better_featured_image": None},
])
def test_featured_image_from_the_fields_plugins_add_to_a_post(fields: dict) -> None:
    found = to_document(item(featured_media=9, **fields))
    assert found.document.image is not None and found.document.image.url == "https://example.com/up/c.jpg"
    assert not found.losses


def test_featured_image_from_the_sizes_block_plugins_add_to_a_post() -> None:
    """A film site's crawl without `_embed` or media had its pictures only in Spectra's and PublishPress Blocks'
    fields: none of its 243 posts had one. The largest size is taken; a size the plugin could not make is false."""
    spectra = {"uagb_featured_image_src": {"thumbnail": ["https://example.com/up/w-150x150.jpg", 150, 150, True],
                                           "full": False, "large": ["https://example.com/up/w.jpg", 1920, 1080, False]},
               "featured_img": "https://example.com/up/w-300x169.jpg"}
    found = to_document(item(featured_media=9, **spectra))
    assert found.document.image is not None and found.document.image.url == "https://example.com/up/w.jpg"
    assert not found.losses
    stackable = {"featured_image_urls": {"thumbnail": ["https://example.com/up/s-150x150.jpg", 150, 150, True]}}
    assert to_document(item(featured_media=9, **stackable)).document.image.url \
        == "https://example.com/up/s-150x150.jpg"
    blocks = {"featured_img": "https://example.com/up/w-300x169.jpg", "uagb_featured_image_src": [None, {"full": 1}]}
    assert to_document(item(featured_media=9, **blocks)).document.image.url == "https://example.com/up/w-300x169.jpg"
    assert to_document(item(featured_media=9, featured_img=False, featured_image_urls={"": [7]})).document.image \
        is None


def test_a_themes_read_more_link_to_the_post_itself_is_left_out_of_the_summary() -> None:
    excerpt = ('<p>Gas fees are high &hellip;</p>\n<p class="read-more"> <a class="" href="https://example.com/hello/">'
               '<span class="screen-reader-text">Hello</span> Read More &raquo;</a></p>')
    assert to_document(item(excerpt={"rendered": excerpt})).document.summary == "Gas fees are high …"
    relative = '<p>Text. <a href="/hello#more-7">Weiterlesen</a> See <a href="https://example.com/other/">other</a></p>'
    assert to_document(item(excerpt={"rendered": relative})).document.summary == "Text. See other"
    # A linked "[…]" says the text goes on, where no word does (374 summaries of a blog ended mid-sentence).
    marker = "<p>Less for dinner <a href='https://example.com/hello/' class='excerpt-more'>[&#8230;]</a></p>"
    assert to_document(item(excerpt={"rendered": marker})).document.summary == "Less for dinner […]"
    dots = '<p>Tide <a class="more-link" href="https://example.com/hello/">(...)</a> <a href="/x/">[…]</a></p>'
    assert to_document(item(excerpt={"rendered": dots})).document.summary == "Tide (...) […]"
    # A theme's filter that links the loop's latest post instead, as the permalink it marks.
    other = '<p>Laoreet.&hellip;&nbsp;<a href="https://example.com/terrace/" rel="bookmark">Read More &raquo;</a></p>'
    assert to_document(item(excerpt={"rendered": other})).document.summary == "Laoreet.…"


def test_a_read_more_link_to_the_posts_page_on_the_machine_the_site_was_made_on_is_left_out_of_the_summary() -> None:
    """A site made on a local install kept its theme's "read more" at the local address (`http://localhost/harbour/
    hello/`): 489 summaries of an Indonesian firm's copy ended "Selengkapnya »". A link to another local page stays,
    and so does one to the post's path on a public host."""
    def summary(href: str) -> str:
        excerpt = f'<p>Gas fees are high &hellip;</p><p class="read-more"><a href="{href}">Selengkapnya &raquo;</a></p>'
        return to_document(item(excerpt={"rendered": excerpt})).document.summary

    assert summary("http://localhost/harbour/hello/") == "Gas fees are high …"
    assert summary("http://harbour.local/hello") == "Gas fees are high …"
    assert summary("http://localhost/harbour/other-hello/") == "Gas fees are high … Selengkapnya »"
    assert summary("https://elsewhere.example/hello/") == "Gas fees are high … Selengkapnya »"
    assert summary("http://[::1/hello/") == "Gas fees are high … Selengkapnya »"


def test_a_plugins_reading_time_estimate_is_left_out_of_the_summary() -> None:
    """Reading Time WP puts its estimate before every excerpt: it opened every card's summary of a news site."""
    excerpt = ('<span class="span-reading-time rt-reading-time" style="display: block;"><span class="rt-label '
               'rt-prefix">Reading Time: </span> <span class="rt-time"> &lt; 1</span> <span class="rt-label '
               'rt-postfix">minute</span></span> She was a natural on American Idol&#8230;')
    assert to_document(item(excerpt={"rendered": excerpt})).document.summary == "She was a natural on American Idol…"


def test_embedded_terms_give_names_ids_and_parents() -> None:
    data = item(_embedded={"wp:term": [[{"id": 9, "slug": "ree-news", "name": "REE &amp; News",
                                         "taxonomy": "news-type", "parent": 2}], []]})
    (term,) = post_terms(data, Lookups(), Losses())
    assert (term.taxonomy, term.slug, term.name, term.id, term.parent) == ("news-type", "ree-news", "REE & News", 9, 2)


def test_percent_encoded_slug_is_decoded() -> None:
    document = to_document(item(slug="%e4%b8%ad%e5%9b%bd")).document
    assert document.slug == "中国"


@pytest.mark.parametrize("fields, field", [
    ({"title": {"rendered": 3}}, "title.rendered"),
    ({"content": None}, "content"),
    ({"date": "yesterday"}, "date"),
    ({"id": "7"}, "id"),
    ({"type": None}, "type"),
])
def test_bad_fields_are_named(fields, field) -> None:
    with pytest.raises(ItemError) as error:
        to_document(item(**fields))
    assert error.value.field == field


def test_term_endpoint_objects_become_terms() -> None:
    term = to_term({"id": 5, "slug": "china", "name": "China &amp; HK", "taxonomy": "regions", "parent": 0})
    assert (term.slug, term.name, term.id, term.parent) == ("china", "China & HK", 5, None)


@pytest.mark.parametrize("slug, saved, warned", [
    ("../etc", "etc", True), ("..", "untitled", True), ("a/b\\c", "a-b-c", True), ("CON", "con_", True),
    ("%e4%b8%ad%e5%9b%bd", "中国", False), ("x" * 300, "x" * 200, True), ("", "7", True), (5, "7", True),
    ("._-notes_", "notes_", True), ("_trashed", "trashed", True), ("__trashed-x", "trashed-x", True),
    # WordPress's own name for a post restored from the trash: saved without the underscores the store would
    # pass over, and no problem of the input (a crawl of a site that has one would exit 1 for it).
    ("__trashed", "trashed", False), ("__trashed-4", "trashed-4", False),
    # A title's percent sign before a number, which WordPress keeps as if it were an escaped byte (`%18`, Turkish's
    # "18 percent"; a control character): its digits stay, and it is no problem (three Turkish news posts).
    ("buyume-%18lik-artis", "buyume-18lik-artis", False), ("hedef-%20", "hedef", True),
    # A byte order mark or a zero-width space pasted with the title, kept by WordPress, which no reader can type in
    # an address; a Persian word's zero-width non-joiner shapes it, and stays.
    ("what-is-jackass-theology%ef%bb%bf", "what-is-jackass-theology", False), ("a%e2%80%8bb", "ab", False),
    ("%d9%85%db%8c%e2%80%8c%d8%b4%d9%88%d8%af", "می\u200cشود", False),
])
def test_unsafe_slugs_are_normalized_and_reported(slug, saved: str, warned: bool) -> None:
    converted = to_document(item(slug=slug))
    assert converted.document.slug == saved
    assert bool(converted.warnings) == warned
    assert all(f == "slug" for f, _ in converted.warnings)


@given(st.text(alphabet=st.sampled_from("_.-/ a%e4\\\x00中\ufeff"), max_size=12))
def test_a_safe_slug_is_always_a_name_the_store_reads_as_a_post(raw: str) -> None:
    slug, _ = safe_slug(raw)
    assert slug and not slug.startswith((".", "_", "-")) and "/" not in slug and "\\" not in slug


@pytest.mark.parametrize(("parent", "kept"), [(7, 7), ("7", 7), (0, 0), (-3, 0), (None, 0), ("x", 0), (True, 0)])
def test_a_pages_parent_is_kept_as_its_wordpress_id(parent: object, kept: int) -> None:
    """REST gives a page's `parent` as a number; an export's `wp:post_parent` comes as text."""
    assert to_document(item(type="page", parent=parent)).document.source.parent == kept


@pytest.mark.parametrize(("order", "kept"), [(3, 3), ("3", 3), (-2, -2), ("-2", -2), (0, 0), (None, 0), ("x", 0),
                                             (True, 0)])
def test_a_pages_menu_order_is_kept(order: object, kept: int) -> None:
    """REST gives `menu_order` as a number; an export's `wp:menu_order` comes as text."""
    assert to_document(item(type="page", menu_order=order)).document.source.order == kept


def test_a_post_without_a_title_takes_one_from_its_slug_and_says_so() -> None:
    converted = to_document(item(title={"rendered": " <span></span> "}, slug="home-page"))
    assert converted.document.title == "Home page"
    assert dict(converted.losses.counts) == {"empty title made from the slug": 1}


def test_a_gmt_date_days_away_takes_the_offset_of_the_other_date_and_is_named() -> None:
    """WordPress keeps a draft's date_gmt after publication at times: the post is not refused for it."""
    converted = to_document(item(date_gmt="2010-12-22T00:30:33"))
    assert converted.document.date.utcoffset() == timedelta(hours=2)  # modified's offset
    assert converted.warnings == [("date_gmt", "differs from date by more than a day; used the UTC offset of modified")]


def test_a_modified_gmt_never_updated_from_the_publication_takes_its_offset_without_a_problem() -> None:
    """A plugin that writes `post_modified` alone leaves `modified_gmt` at the publication's UTC time: a
    site's every such post made each import exit 1 for a time the mirror gets right."""
    converted = to_document(item(date="2012-05-01T10:00:00", date_gmt="2012-05-01T08:00:00",
                                 modified="2019-11-05T16:45:00", modified_gmt="2012-05-01T08:00:00"))
    assert converted.warnings == []
    assert converted.document.updated.isoformat() == "2019-11-05T16:45:00+02:00"
    # Days apart from the publication's too, it is still named.
    converted = to_document(item(modified="2019-11-05T16:45:00", modified_gmt="2012-05-01T08:00:00"))
    assert converted.warnings == [("modified_gmt", "differs from modified by more than a day; "
                                                   "used the UTC offset of date")]
    # A publication's UTC time days away from its date is still named, though it equals the modification's.
    converted = to_document(item(date="2019-11-05T16:45:00", date_gmt="2012-05-01T08:00:00",
                                 modified="2012-05-01T10:00:00", modified_gmt="2012-05-01T08:00:00"))
    assert [field for field, _ in converted.warnings] == ["date_gmt"]


def test_a_link_and_guid_with_backslashes_are_read_as_a_browser_follows_them() -> None:
    """A search-and-replace over a saved crawl that did not know JSON's escaping leaves `https:/\\host/`: the
    post's address is still its host's, so other posts' links to it are local, and its relative links resolve."""
    converted = to_document(item(link="https:/\\example.org/about/team/", guid={"rendered": "https:/\\example.org/?p=9"},
                                 content={"rendered": '<p><a href="../history/">History</a></p>'}))
    source = converted.document.source
    assert (source.url, source.guid) == ("https://example.org/about/team/", "https://example.org/?p=9")
    assert "[History](https://example.org/about/history/)" in converted.document.body


@pytest.mark.parametrize("ident", [-3, 10**30])
def test_an_id_no_wordpress_has_is_refused_by_name(ident: int) -> None:
    """A negative id, or one past 64 bits, was written into the post's file, and every build then named it."""
    with pytest.raises(ItemError) as error:
        to_document(item(id=ident))
    assert (error.value.field, error.value.message) == (
        "id", f"{ident} is no WordPress id (1 to 9223372036854775807, or 0 for a post written here)")


@pytest.mark.parametrize("year", ["0001", "9999"])
def test_a_placeholder_year_is_imported_and_named(year: str) -> None:
    converted = to_document(item(date=f"{year}-01-01T00:00:00", date_gmt=f"{year}-01-01T00:00:00", modified=None,
                                 modified_gmt=None))
    assert converted.document.date.year == int(year)
    assert converted.warnings == [("date", f"year {int(year)} is no publication date (a placeholder?); "
                                           "imported as it is")]


def test_a_link_that_is_no_web_address_is_named_and_not_kept() -> None:
    """`javascript:` was saved as the post's source.url, and shown as its original address."""
    converted = to_document(item(link="javascript:alert(1)", guid={"rendered": ""}))
    assert converted.document.source.url == ""
    assert converted.warnings == [("link", "not a web address (http or https): 'javascript:alert(1)'; the post is "
                                           "saved without its address")]
    hidden = to_document(item(link="java\tscript:alert(1)", guid={"rendered": ""}))  # as a browser reads it
    assert hidden.document.source.url == "" and [field for field, _ in hidden.warnings] == ["link"]


def test_terms_given_as_strings_are_named_rather_than_dropped_silently() -> None:
    """A name in the list (`"x"`) is a term now (see test_terms_given_by_their_names_are_read_…); what is neither an
    id nor a name is named."""
    converted = to_document(item(categories="3,4", tags=[5, "x", None]))
    assert converted.warnings == [
        ("categories", "expected a list of term ids, got str '3,4'; no terms read from it"),
        ("tags", "expected term ids, got None; passed over")]


def test_terms_a_themes_endpoint_gives_whole_are_read_and_false_is_no_tags() -> None:
    """A theme's own endpoint (a Japanese corporate site's) gives `get_the_category()`'s WP_Term objects in
    `categories`, and `get_the_tags()`'s False for a post with none: both were reported as malformed."""
    category = {"term_id": 3, "name": "Career &amp; Jobs", "slug": "career", "term_group": 0, "taxonomy": "category",
                "parent": 0, "count": 14, "cat_ID": 3, "category_nicename": "career"}
    converted = to_document(item(categories=[category], tags=False))
    assert converted.warnings == []
    assert [(t.taxonomy, t.slug, t.name, t.id) for t in converted.terms] == [("category", "career", "Career & Jobs", 3)]
    assert converted.document.taxonomies == {"category": ("career",)}


def test_the_note_of_posts_without_a_site_address_counts_only_those_imported(tmp_path) -> None:
    """The note counted the posts a crawl saved without a host before converting them, those then refused too."""
    from generator.importer import ImportOptions, run_import
    posts = [item(id=1, link="/a/", guid={"rendered": "/?p=1"}),
             item(id=2, link="/b/", guid={"rendered": "/?p=2"}, slug="b", date=None, date_gmt=None, modified=None,
                  modified_gmt=None)]
    (tmp_path / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    result = run_import([tmp_path / "posts.json"], tmp_path / "content", ImportOptions(workers=1))
    assert [p.field for p in result.problems] == ["date"] and len(result.posts) == 1
    assert [n for n in result.notes if "no site address" in n][0].startswith("1 posts have no site address")


def test_a_long_list_of_term_names_is_read_in_time_that_grows_with_it() -> None:
    started = time.perf_counter()
    converted = to_document(item(tags=[str(n) for n in range(30_000)] + ["news", {"x": 1}]))
    assert time.perf_counter() - started < 4  # a search of the list for each of its items took minutes
    assert len(converted.document.taxonomies["post_tag"]) == 30_001


@pytest.mark.parametrize(("raw", "kept"), [
    ("ক" + "কি" * 70, "ক" + "কি" * 32),  # not "…কিক", a consonant parted from its vowel sign
    ("a" * 5 + "क्ष" * 40, "a" * 5 + "क्ष" * 21),  # not "…क्", a virama with nothing to join
    ("ب" + "بِ" * 60, "ب" + "بِ" * 49), ("я" * 150, "я" * 100)])
def test_a_long_slug_is_cut_between_two_letters_as_they_are_written(raw: str, kept: str) -> None:
    """A slug cut at 200 bytes (a copy's address names it whole: a Russian news site's 144 letters) was cut by
    bytes, between a Bengali consonant and its vowel sign or after a virama, and named "not a safe file name". It
    is cut before the letter whose marks would be parted from it, and named as too long."""
    slug, why = safe_slug(raw)
    assert (slug, why) == (kept, f"is longer than a file name may be ({len(raw.encode()):,} bytes)")
    assert len(slug.encode()) <= 200 and raw.startswith(slug)


def test_a_whole_response_of_a_type_with_no_editor_that_shows_a_picture_is_its_title_and_picture() -> None:
    """A foundation's monthly newsletter (a type with no editor: no `content`, no `excerpt`) is a picture under its
    title; it was left out as nothing to import. A response saved trimmed (`?_fields=`, no `_links`) or one with no
    picture the import can show still has nothing to import."""
    yoast = {"og_image": [{"url": "https://e.org/wp-content/uploads/2024/06/newsletter.png"}]}
    whole = {key: value for key, value in item(type="boletin", featured_media=19837, yoast_head_json=yoast,
                                               _links={"self": []}).items() if key not in ("content", "excerpt")}
    converted = to_document(whole)
    assert converted.document.body == ""
    assert converted.document.image is not None
    assert converted.document.image.url == "https://e.org/wp-content/uploads/2024/06/newsletter.png"
    saved = to_document({**whole, "yoast_head_json": {}}, Lookups(media={19837: Media(url="/up/n.png")}))
    assert saved.document.image is not None and saved.document.image.url == "https://example.com/up/n.png"
    for nothing in ({k: v for k, v in whole.items() if k != "_links"}, {**whole, "featured_media": 0},
                    {**whole, "yoast_head_json": {}}, {**whole, "featured_media": True}):
        with pytest.raises(ItemError, match="nothing to import"):
            to_document(nothing)
