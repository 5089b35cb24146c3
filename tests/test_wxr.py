"""WordPress exports (WXR): the importer's own test exports, re-imports, dates, and hostile files."""

from __future__ import annotations

import json
import re
from collections import Counter
from pathlib import Path

import pytest

from generator.convert.wp_render import rendered
from generator.import_report import import_summary
from generator.importer import ImportOptions, run_import
from generator.problems import Problem
from generator.sources.wxr import read_export
from generator.sources.wxr_items import RENDER
from generator.store.documents import document_files, loads
from tests.conftest import SHARED, content_tree, need_shared

SAMPLES = SHARED / "samples" / "wxr" / "wordpress-importer"
NO_DATE = "no <pubDate> to stand in"
UNDATED = {"the post has no date": 1}  # skipped, as the problem NO_DATE says
# file: (<item>s in the file, posts imported, skipped as {why: count}, problems (a phrase each), losses)
EXPECTED: dict[str, tuple[int, int, dict[str, int], list[str], dict[str, int]]] = {
    "authors-multiline.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "backslashes.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "blank-lines.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "cdata-edge.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "chunked-meta.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "crazy-cdata-escaped.xml": (1, 1, {}, [], {}),
    # A `]]>` inside a value, unsplit as older WordPress wrote it: read as the escaped file is.
    "crazy-cdata.xml": (1, 1, {}, [], {}),
    "e2e-wxr-simple.xml": (1, 1, {}, [], {}),
    "invalid-version-tag.xml": (0, 0, {}, ["<wp:wxr_version> is 'abc'"], {}),
    "large-authors.xml": (0, 0, {}, [], {}),
    # Its item is never closed, nor its channel: a file cut short, as the message says.
    "malformed-simple.xml": (1, 0, {}, ["the file ends early, in its line 14"], {}),
    "malformed.xml": (0, 0, {}, ["malformed XML at line 90"], {}),
    "missing-tags.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "missing-version-tag.xml": (0, 0, {}, ["no <wp:wxr_version>"], {}),
    "multiple-cdata.xml": (1, 0, UNDATED, [NO_DATE], {}),
    "namespace-edge-cases.xml": (6, 0, {"the post has no date": 6}, [NO_DATE, "wp:post_id"], {}),
    "post-content-blank-lines.xml": (1, 1, {}, [], {}),
    "slashes.xml": (1, 1, {}, [], {}),
    "small-export.xml": (11, 9, {"status 'draft'": 1, "status 'private'": 1}, [], {}),
    "term-formats.xml": (0, 0, {}, [], {}),
    "term-meta.xml": (0, 0, {}, [], {}),
    "test-serialized-comment-meta.xml": (1, 0, {"status 'draft'": 1}, [], {}),
    "test-serialized-postmeta-no-cdata.xml": (1, 0, {"status 'draft'": 1}, [], {}),
    "test-serialized-postmeta-with-cdata.xml": (1, 0, {"status 'draft'": 1}, [], {}),
    "test-serialized-term-meta.xml": (1, 0, {"status 'draft'": 1}, [], {}),
    "test-utw-post-meta-import.xml": (1, 0, {"status 'draft'": 1}, [], {}),
    "valid-wxr-1.0.xml": (6, 6, {}, [], {}),
    "valid-wxr-1.1.xml": (2, 2, {}, [], {}),
    "wxr-base-url-rewriting.xml": (1, 1, {}, [], {}),
    "wxr-comprehensive.xml": (2, 2, {}, [], {}),
    "wxr-css-urls.xml": (1, 1, {}, [], {"background image made an image": 11}),
    # The second item is the attachment: a media reference, not a post.
    "wxr-flat-attachment-different-site.xml": (2, 1, {}, [], {}),
    "wxr-flat-attachment-same-site.xml": (2, 1, {}, [], {}),
    "wxr-simple.xml": (1, 1, {}, [], {}),
    "wxr-utf-8-challenges.xml": (1, 1, {}, [], {}),
    "wxr-with-sub-data.xml": (1, 0, UNDATED, [NO_DATE], {}),
}


def test_the_table_names_every_sample_export() -> None:
    assert sorted(p.name for p in need_shared(SAMPLES).glob("*.xml")) == sorted(EXPECTED)


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_each_sample_export_imports_with_the_counts_of_its_items(tmp_path: Path, name: str) -> None:
    path = need_shared(SAMPLES / name)
    found, imported, skipped, problems, losses = EXPECTED[name]
    assert path.read_bytes().count(b"<item>") + path.read_bytes().count(b"<item ") == found
    result = run_import([path], tmp_path / "content", ImportOptions(workers=1))
    assert len(result.posts) == imported
    assert Counter(line.rsplit(": ", 1)[-1] for line in result.skipped) == Counter(skipped)
    assert len(result.problems) == len(problems)
    for problem, phrase in zip(result.problems, problems):
        assert phrase in str(problem) and str(problem).startswith(str(path)) and "\n" not in str(problem)
    assert dict(result.losses()) == losses
    if imported:  # and a second import of the same file rewrites nothing
        before = content_tree(tmp_path / "content")
        again = run_import([path], tmp_path / "content", ImportOptions(workers=1))
        assert {p.action for p in again.posts} == {"unchanged"} and not again.terms_written
        assert content_tree(tmp_path / "content") == before


def test_an_export_gives_names_parents_authors_and_custom_taxonomies(tmp_path: Path) -> None:
    result = run_import([need_shared(SAMPLES / "valid-wxr-1.1.xml")], tmp_path / "content")
    assert result.problems == []
    hello = loads((tmp_path / "content" / "post" / "hello-world.md").read_text(encoding="utf-8"))
    assert hello.taxonomies == {"category": ("alpha",), "post_tag": ("clippable",), "post_tax": ("bieup",)}
    assert hello.author == "John Doe" and hello.source.id == 1 and hello.source.url == "http://localhost/?p=1"
    assert str(hello.date) == "2010-10-16 20:53:18+00:00"
    terms = (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "Clippable" in terms and "post_tax" in terms


def test_plugins_bookkeeping_taxonomies_are_not_shown_as_terms(tmp_path: Path) -> None:
    """Polylang files each post under a group of its translations (`pll_68f7a70a13708`), WooCommerce each
    product under its visibility: taxonomies registered as not public, which no reader browses; AVH Extended
    Categories files every post under its widget's group "All"."""
    header = ('<wp:term><wp:term_id>110</wp:term_id><wp:term_taxonomy>post_translations</wp:term_taxonomy>'
              '<wp:term_slug>pll_68f7a70a13708</wp:term_slug><wp:term_name>pll_68f7a70a13708</wp:term_name></wp:term>'
              '<wp:term><wp:term_id>7</wp:term_id><wp:term_taxonomy>term_language</wp:term_taxonomy>'
              '<wp:term_slug>pll_fa</wp:term_slug><wp:term_name>فارسی</wp:term_name></wp:term>\n')
    categories = ('<category domain="language" nicename="fa"><![CDATA[فارسی]]></category>'
                  '<category domain="post_translations" nicename="pll_68f7a70a13708"><![CDATA[pll_68f7a70a13708]]>'
                  '</category><category domain="product_visibility" nicename="featured"><![CDATA[featured]]></category>'
                  '<category domain="avhec_catgroup" nicename="all"><![CDATA[All]]></category>'
                  '<category domain="category" nicename="weekly"><![CDATA[هفتگی]]></category>')
    path = tmp_path / "export.xml"
    path.write_text(export(header + item(5, "این ماه در پارچ", "متن", categories=categories)))
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.taxonomies == {"category": ("weekly",), "language": ("fa",)}
    assert "pll_" not in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "avhec" not in (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")


def test_a_page_keeps_the_page_it_is_under(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    child = item(6, "France", "Text", post_type="page").replace("<wp:post_parent>0<", "<wp:post_parent>5<").replace(
        "<wp:menu_order>0<", "<wp:menu_order>2<")
    path.write_text(export(item(5, "Travel", "", post_type="page") + child))
    run_import([path], tmp_path / "content")
    text = (tmp_path / "content" / "page" / "post-6.md").read_text(encoding="utf-8")
    assert loads(text).source.parent == 5 and "  parent: 5\n" in text
    assert loads(text).source.order == 2 and "  order: 2\n" in text
    assert "parent" not in (tmp_path / "content" / "page" / "post-5.md").read_text(encoding="utf-8")


def test_wxr_1_0_reads_tags_written_as_domain_tag_and_category_parents_by_name(tmp_path: Path) -> None:
    result = run_import([need_shared(SAMPLES / "valid-wxr-1.0.xml")], tmp_path / "content")
    assert result.problems == []
    documents = [loads(p.read_text(encoding="utf-8")) for p in document_files(tmp_path / "content")]
    tagged = next(d for d in documents if "post_tag" in d.taxonomies)
    assert set(tagged.taxonomies["post_tag"]) >= {"news", "roar"}


def test_wxr_1_0_terms_named_twice_are_one_term_even_when_their_name_makes_another_slug(tmp_path: Path) -> None:
    """WordPress 2.x wrote `<category>Name</category>` beside `<category nicename="slug">Name</category>`."""
    twice = "".join(f'<category{d}><![CDATA[{name}]]></category><category{d} nicename="{slug}"><![CDATA[{name}]]>'
                    f"</category>" for d, name, slug in (("", "Café &amp; Tom's", "cafe-toms"),
                                                         (' domain="tag"', "Ünïcode", "unicode")))
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text", categories=twice), version="1.0"))
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.taxonomies == {"category": ("cafe-toms",), "post_tag": ("unicode",)}


def test_an_attachment_is_a_media_reference_and_the_featured_image_of_its_post(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "With image", "Text", meta={"_thumbnail_id": "9"})
                           + attachment(9, 5, "https://example.com/wp-content/uploads/a.jpg", alt="A hill")))
    result = run_import([path], tmp_path / "content")
    assert result.problems == [] and len(result.posts) == 1
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.image is not None and document.image.url == "https://example.com/wp-content/uploads/a.jpg"
    assert document.image.alt == "A hill"


def test_an_export_of_media_alone_says_it_holds_no_posts(tmp_path: Path) -> None:
    """Tools → Export → Media writes the attachments only: "imported 0 posts" alone reads as a failed read."""
    path = tmp_path / "export.xml"
    path.write_text(export(attachment(9, 0, "https://example.com/wp-content/uploads/a.jpg")
                           + attachment(10, 0, "https://example.com/wp-content/uploads/b.jpg")))
    result = run_import([path], tmp_path / "content")
    assert result.posts == [] and result.problems == []
    assert any("no posts or pages, only 2 media items" in line for line in import_summary(result))
    with_posts = tmp_path / "all.xml"
    with_posts.write_text(export(item(5, "Post", "Text") + attachment(9, 5, "https://example.com/a.jpg")))
    assert not any("media items" in line for line in import_summary(run_import([with_posts], tmp_path / "c2")))


def test_password_protected_posts_are_skipped_unless_asked_for(tmp_path: Path) -> None:
    """Their text is behind a password on the site: a public mirror would publish it."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Secret", "Hidden text", password="hunter2") + item(6, "Open", "Text")))
    result = run_import([path], tmp_path / "content")
    assert [p.id for p in result.posts] == [6]
    assert [line.rsplit(": ", 1)[-1] for line in result.skipped] == ["status 'password-protected'"]
    asked = run_import([path], tmp_path / "other", ImportOptions(statuses=frozenset({"publish", "password-protected"})))
    assert sorted(p.id for p in asked.posts) == [5, 6]


def test_revisions_and_menu_items_are_skipped_with_a_reason(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text") + item(6, "Rev", "Old", post_type="revision")
                           + item(7, "Menu", "", post_type="nav_menu_item")))
    result = run_import([path], tmp_path / "content")
    assert [p.id for p in result.posts] == [5]
    assert sorted(line.rsplit(": ", 1)[-1] for line in result.skipped) == [
        "a menu or menu item, not a post", "a revision or autosave, not a post"]


def test_plugins_records_are_skipped_so_that_form_entries_and_orders_are_never_published(tmp_path: Path) -> None:
    """A full export holds Jetpack's form entries (what visitors sent), WooCommerce's orders, Contact Form
    7's forms: none is a page of the site."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text") + item(6, "Ana <ana@example.com>", "Message: call me on 555",
                                                          post_type="feedback")
                           + item(7, "Order", "", post_type="shop_order")
                           + item(8, "Contact", "[text* your-name]", post_type="wpcf7_contact_form")
                           + item(9, "Free delivery over 89,99€", "", post_type="wafs")
                           + item(10, "Job fields", "", post_type="acf")  # ACF 4's field groups
                           + item(11, "Register", "[ultimatemember form_id=11]", post_type="um_form")))
    result = run_import([path], tmp_path / "content")
    assert [p.id for p in result.posts] == [5] and result.problems == []
    assert len(result.skipped) == 6 and all("a plugin's own record" in line for line in result.skipped)
    assert "555" not in "".join(p.read_text(encoding="utf-8") for p in (tmp_path / "content").rglob("*.md"))


@pytest.mark.parametrize("post_type", ["vc_grid_item", "et_pb_layout", "fl-builder-template", "fusion_template",
                                       "tf_header_footer", "elementor-hf", "astra-advanced-hook", "kadence_element",
                                       "luxus_content_block", "rt_megamenu", "popup_theme", "tdb_templates",
                                       "pixheader", "pixfooter", "pixpopup", "znpb_template_mngr"])
def test_page_builders_saved_layouts_are_skipped_as_design(tmp_path: Path, post_type: str) -> None:
    """A theme's demo export carries the builder's saved layouts and grid templates: published, but only the
    pieces pages are built from, never pages of their own."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text") + item(6, "Custom template", "[vc_gitem][/vc_gitem]",
                                                          post_type=post_type)))
    result = run_import([path], tmp_path / "content")
    assert [p.id for p in result.posts] == [5] and result.problems == []
    assert [line.rsplit(": ", 1)[-1] for line in result.skipped] == [
        "a reusable block, template, navigation, pattern, widget or style, not a post"]


def test_betheme_s_headers_footers_and_sections_are_skipped_as_design_and_another_template_type_is_kept(
        tmp_path: Path) -> None:
    """BeTheme keeps its headers, footers, mega menus and saved sections in a type named `template`, each with a
    field naming the part (`mfn_template_type`): a Swiss company's dump imported 24 of them as pages ("Footer
    Miraex", "Section news cards"). A `template` type of another site's (documents to download) stays."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text") + item(6, "Footer", "", post_type="template",
                                                          meta={"mfn_template_type": "footer"})
                           + item(7, "Letter of complaint", "<p>Dear sir,</p>", post_type="template")))
    result = run_import([path], tmp_path / "content")
    assert sorted(p.id for p in result.posts) == [5, 7] and result.problems == []
    assert [line.rsplit(": ", 1)[-1] for line in result.skipped] == [
        "a reusable block, template, navigation, pattern, widget or style, not a post"]


def test_a_draft_never_published_gets_its_utc_date_from_the_sites_offset(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Published", "Text", date="2024-03-01 12:00:00", gmt="2024-03-01 10:00:00")
                           + item(6, "Draft", "Text", date="2024-03-02 12:00:00", gmt="0000-00-00 00:00:00",
                                  status="draft")))
    result = run_import([path], tmp_path / "content", ImportOptions(statuses=frozenset({"publish", "draft"})))
    assert result.problems == []
    draft = loads((tmp_path / "content" / "post" / "post-6.md").read_text(encoding="utf-8"))
    assert draft.date.isoformat() == "2024-03-02T12:00:00+02:00"


def test_a_draft_with_wordpress_zero_dates_and_no_slug_imports_quietly(tmp_path: Path) -> None:
    """WordPress writes a never-dated draft's dates as zeros and its <pubDate> as year -0001 (which Python's
    date parser reads as the year 2000)."""
    zero = "0000-00-00 00:00:00"
    draft = item(35, "Draft", "Text", date=zero, gmt=zero, status="draft").replace(
        "<dc:creator>", "<pubDate>Wed, 30 Nov -0001 00:00:00 +0000</pubDate><dc:creator>").replace(
        "<![CDATA[post-35]]>", "")  # nor a slug: WordPress names a post when it is published
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Published", "Text") + draft).replace(
        "<wp:wxr_version>", "<pubDate>Mon, 23 May 2011 09:00:00 +0000</pubDate><wp:wxr_version>"))
    result = run_import([path], tmp_path / "content")
    assert result.problems == [] and len(result.posts) == 1
    drafts = run_import([path], tmp_path / "drafts", ImportOptions(statuses=frozenset({"publish", "draft"})))
    assert drafts.problems == []
    dated = loads((tmp_path / "drafts" / "post" / "35.md").read_text(encoding="utf-8")).date
    assert dated.isoformat() == "2011-05-23T11:00:00+02:00"  # the export's date, in the site's offset


def test_a_post_without_a_title_is_named_by_its_first_words(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "", "<p>A status update about the harbour and its new cranes today</p>")
                           + item(6, "", "")))
    result = run_import([path], tmp_path / "content")
    titles = sorted(loads(p.read_text(encoding="utf-8")).title for p in document_files(tmp_path / "content"))
    assert titles == ["A status update about the harbour and its …", "Post of 2024-03-01"]
    assert len(result.posts) == 2
    assert result.losses()["empty title made from the first words or the date"] == 2


def test_a_hand_made_export_without_ids_or_domains_is_imported_and_said(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    body = item(0, "No id", "Text", categories='<category nicename="local">Local</category>'
                                               '<category>Harbour News</category>')
    path.write_text(export(body.replace("<wp:post_id>0</wp:post_id>", "")))
    result = run_import([path], tmp_path / "content")
    assert len(result.posts) == 1
    assert [p.field for p in result.problems] == ["wp:post_id"]
    document = loads(document_files(tmp_path / "content")[0].read_text(encoding="utf-8"))
    assert document.taxonomies == {"category": ("harbour-news", "local")}
    again = run_import([path], tmp_path / "content")
    assert [p.action for p in again.posts] == ["unchanged"]


BILLION_LAUGHS = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">
<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&lol3;</title></item></channel></rss>"""
EXTERNAL = """<?xml version="1.0"?>
<!DOCTYPE rss [<!ENTITY secret SYSTEM "file:///etc/passwd">]>
<rss xmlns:wp="http://wordpress.org/export/1.2/"><channel><wp:wxr_version>1.2</wp:wxr_version>
<item><title>&secret;</title></item></channel></rss>"""


@pytest.mark.parametrize(("text", "message"), [
    (BILLION_LAUGHS.encode(), "refused: "),
    (EXTERNAL.encode(), "refused: "),
    (None, "not UTF-8 text at line "),
    (None, "malformed XML at line "),
])
def test_a_hostile_or_broken_export_is_refused_in_one_line_and_content_stays_as_it_was(
        tmp_path: Path, text: bytes | None, message: str) -> None:
    content = tmp_path / "content"
    good = tmp_path / "good.xml"
    good.write_text(export(item(5, "Kept", "Text")))
    run_import([good], content)
    before = content_tree(content)
    if text is None:  # a good export, broken near its end (bad UTF-8) or in its header (malformed XML)
        text = export(item(6, "First", "Text") + item(7, "Second", "Text")).encode()
        if "UTF-8" in message:
            text = text.replace(b"<title><![CDATA[Second]]></title>", b"<title>Second caf\xe9</title>")
        else:
            text = text.replace(b"<title>Harbour News</title>", b"<title>Harbour <b>News</title>")
    bad = tmp_path / "bad.xml"
    bad.write_bytes(text)
    problems: list[Problem] = []
    assert list(read_export(bad, problems)) == []
    assert len(problems) == 1 and message in problems[0].message and "\n" not in str(problems[0])
    result = run_import([bad], content)
    assert result.posts == [] and [p.message for p in result.problems] == [problems[0].message]
    assert content_tree(content) == before


@pytest.mark.parametrize("namespace", ["http://wordpress.org/export/1.0/", "https://wordpress.org/export/1.2/"])
def test_both_namespace_schemes_and_versions_read_alike(tmp_path: Path, namespace: str) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text")).replace("http://wordpress.org/export/1.2/", namespace))
    assert [p.id for p in run_import([path], tmp_path / "content").posts] == [5]


def imported_body(tmp_path: Path, items: str) -> str:
    """The body of post 5 of an export of `items`, as imported."""
    path = tmp_path / "export.xml"
    path.write_text(export(items))
    run_import([path], tmp_path / "content")
    return loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8")).body


def assert_reads_and_names_a_later_error_by_its_line(path: Path, text: str, tmp_path: Path) -> None:
    path.write_text(text)
    assert [p.id for p in run_import([path], tmp_path / "content").posts] == [5]
    path.write_text(text.replace("</channel>", "<broken></channel>"))
    result = run_import([path], tmp_path / "other")
    line = text.splitlines().index("</channel>") + 1
    said = [p.message.split(", column")[0] for p in result.problems if p.message.startswith("malformed")]
    assert said == [f"malformed XML at line {line}"] * 2  # what stands between items, and how the file was read
    assert [p.id for p in result.posts] == [5]


def test_a_wordpress_com_export_with_undeclared_prefixes_reads(tmp_path: Path) -> None:
    """WordPress.com writes `<atom:link>` without declaring `atom`: malformed XML that WordPress's
    importer reads anyway. So do we; a real error after it is still named by its own line."""
    path = tmp_path / "export.xml"
    text = export('<atom:link rel="search" href="https://example.com/osd.xml"/><media:thumbnail url="x"/>\n'
                  + item(5, "Post", "Text"))
    assert_reads_and_names_a_later_error_by_its_line(path, text, tmp_path)


def test_an_export_saved_again_from_a_browser_reads_as_wordpress_wrote_it(tmp_path: Path) -> None:
    """A browser's XML view saves the export pretty-printed: each value on a line of its own, padded
    inside its CDATA. An empty password is then a space, and the status ' publish '."""
    text = export(item(5, "Post", "<p>Text</p>", categories='<category domain="category" nicename="port">'
                       '<![CDATA[Port]]></category>', meta={"_thumbnail_id": "9"})
                  + attachment(9, 5, "https://example.com/wp-content/uploads/a.jpg", alt="A hill"))
    padded = re.sub(r"<!\[CDATA\[(.*?)\]\]>", r"\n<![CDATA[ \1 ]]>\n", text, flags=re.DOTALL)
    path = tmp_path / "export.xml"
    path.write_text(re.sub(r">([^<>\s]+)</", r">\n\1\n</", padded))
    result = run_import([path], tmp_path / "content")
    assert result.problems == [] and result.skipped == [] and [p.id for p in result.posts] == [5]
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.title == "Post" and document.taxonomies == {"category": ("port",)}
    assert document.image is not None and document.image.url == "https://example.com/wp-content/uploads/a.jpg"


@pytest.mark.parametrize(("declared", "written", "title", "text"), [
    # Windows typed curly quotes into ISO-8859-1 sites as Windows-1252 bytes; browsers showed them so.
    ("ISO-8859-1", "cp1252", "Café", "He said “hi” – once"),
    ("GB2312", "gbk", "你好", "朱镕基"),  # a GB2312 site holds GBK characters too, as browsers read it
    ("Shift_JIS", "shift_jis", "こんにちは", "日本語"),
    ("EUC-KR", "euc-kr", "안녕", "한국어"),
    ("utf8", "utf-8", "Café", "Text"),
])
def test_an_export_in_the_sites_own_charset_reads_as_its_browsers_read_it(
        tmp_path: Path, declared: str, written: str, title: str, text: str) -> None:
    path = tmp_path / "export.xml"
    path.write_bytes(export(item(5, title, text)).replace('encoding="UTF-8"', f'encoding="{declared}"').encode(written))
    result = run_import([path], tmp_path / "content")
    assert result.problems == [] and [p.id for p in result.posts] == [5]
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.title == title and document.body.strip() == text


@pytest.mark.parametrize("printed", ["\n\n", "<br />\n<b>Notice</b>:  Undefined index: x in <b>/w/p.php</b><br />\n"])
def test_what_the_site_printed_before_the_xml_declaration_does_not_refuse_the_export(tmp_path: Path,
                                                                                     printed: str) -> None:
    """A theme file that ends in a blank line, or a PHP notice, prints it before the export; lines keep
    their numbers."""
    path = tmp_path / "export.xml"
    text = printed + export(item(5, "Post", "Text"))
    assert_reads_and_names_a_later_error_by_its_line(path, text, tmp_path)


def test_control_characters_pasted_into_a_post_do_not_refuse_the_export(tmp_path: Path) -> None:
    """WordPress exports them as typed, which makes the XML malformed; its importer reads it anyway."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Pasted\x1f", "From Word\x0bwith a feed\x0cand a back\x08space.")
                           + item(6, "Other", "Fine.")))
    result = run_import([path], tmp_path / "content")
    assert result.problems == [] and sorted(p.id for p in result.posts) == [5, 6]
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.title == "Pasted" and document.body.strip() == "From Word with a feed and a backspace."


def test_a_script_the_editor_wrapped_in_cdata_does_not_refuse_an_older_export(tmp_path: Path) -> None:
    """WordPress before it split `]]>` in values wrote the editor's `// <![CDATA[ … // ]]>` as it was,
    which ends the value's CDATA early; its importer reads such an export anyway, and so do we."""
    path = tmp_path / "export.xml"
    script = '<script type="text/javascript">// <![CDATA[\nad = 1;\n// ]]></script>'
    text = export(item(5, "Opinião", f"<p>Antes]]> do anúncio.</p>\n{script}\n<p>Depois.</p>"))
    assert_reads_and_names_a_later_error_by_its_line(path, text, tmp_path)
    body = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8")).body
    assert "Antes]]> do anúncio." in body and "Depois." in body and "ad = 1" not in body


def test_malformed_xml_in_another_charset_is_named_as_malformed_not_as_not_utf8(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    text = export(item(5, "你好", "x")).replace('encoding="UTF-8"', 'encoding="GB2312"')
    path.write_bytes(text.replace("</channel>", "<broken>中文</channel>").encode("gbk"))
    result = run_import([path], tmp_path / "content")
    assert [p.message.split(", column")[0] for p in result.problems] == [
        f"malformed XML at line {text.splitlines().index('</channel>') + 1}"] * 2
    assert "'<broken>中文</channel>" in result.problems[0].message


def test_an_export_with_a_comment_url_cut_inside_an_entity_by_wordpress_is_read(tmp_path: Path) -> None:
    """WordPress 3.x wrote a comment's author URL unescaped, cut by the database at 200 characters (`&am`): the
    export was malformed XML, which WordPress's importer reads all the same."""
    comment = ("<wp:comment><wp:comment_id>9</wp:comment_id><wp:comment_author_url>http://e.com/bp?C=m&amp;lbp=1&am"
               "</wp:comment_author_url><wp:comment_approved>1</wp:comment_approved></wp:comment></item>")
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text.").replace("</item>", comment)))
    result = run_import([path], tmp_path / "content")
    assert result.problems == []
    assert (tmp_path / "content" / "post" / "post-5.md").exists()


def test_an_export_committed_with_a_merge_conflict_is_refused_naming_the_conflict(tmp_path: Path) -> None:
    """Two versions of an export merged in git, the conflict left in: 'not well-formed (invalid token)' at a line
    of `=======` did not say what to do."""
    ours, theirs = item(5, "Post", "Text."), item(5, "Post", "Text, edited.")
    text = export(f"<<<<<<< HEAD\n{ours}\n=======\n{theirs}\n>>>>>>> 89ff72a (Edit the post)\n")
    path = tmp_path / "export.xml"
    path.write_text(text)
    line = text.splitlines().index("<<<<<<< HEAD") + 1
    assert [p.message for p in run_import([path], tmp_path / "content").problems] == [
        f"a merge conflict's marker at line {line} ('<<<<<<< HEAD'): the file holds two versions of the export, "
        "from a merge in git; keep one"]
    path.write_text(f"{export(ours)}=======\n{export(theirs)}")  # whole files: text after the end of <rss>
    line = path.read_text().splitlines().index("=======") + 1
    assert [p.message.split(" (")[0] for p in run_import([path], tmp_path / "content").problems] == [
        f"a merge conflict's marker at line {line}"]
    # The marker before the declaration, which the reader skips, and a typo that fails the XML first.
    broken = export(item(5, "Post", "Text.")).replace("<wp:post_id>", "<![CDATA><wp:post_id>", 1)
    path.write_text(f"<<<<<<< HEAD\n{broken}=======\n{export(theirs)}>>>>>>> 89ff72a\n")
    assert [p.message.split(" (")[0] for p in run_import([path], tmp_path / "content").problems] == [
        "a merge conflict's marker at line 1"]
    # A Markdown heading's underline in a post is no conflict: the XML's own fault is named.
    heading = item(6, "Notes", "Summary\n=======\n\nText.").replace("</title>", "</titel>", 1)
    path.write_text(export(heading))
    assert [p.message.split(" at line")[0] for p in run_import([path], tmp_path / "content").problems] == [
        "malformed XML"] * 2  # the item, skipped, and how the file was read


def test_an_export_in_an_encoding_not_known_is_refused_in_one_line(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "Text")).replace('encoding="UTF-8"', 'encoding="x-mac-klingon"'))
    result = run_import([path], tmp_path / "content")
    assert [p.message for p in result.problems] == [
        "it declares the encoding 'x-mac-klingon', which is not one known here: save the export as UTF-8"]


def export(items: str, version: str = "1.2") -> str:
    """A WordPress export around the given items, as WordPress writes its header."""
    ns = f"http://wordpress.org/export/{version}/"
    return f"""<?xml version="1.0" encoding="UTF-8" ?>
<rss version="2.0" xmlns:excerpt="{ns}excerpt/" xmlns:content="http://purl.org/rss/1.0/modules/content/"
 xmlns:wfw="http://wellformedweb.org/CommentAPI/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:wp="{ns}">
<channel>
<title>Harbour News</title><link>https://example.com</link>
<wp:wxr_version>{version}</wp:wxr_version>
<wp:base_site_url>https://example.com</wp:base_site_url>
<wp:author><wp:author_id>3</wp:author_id><wp:author_login><![CDATA[ana]]></wp:author_login>
<wp:author_display_name><![CDATA[Ana Sousa]]></wp:author_display_name></wp:author>
{items}
</channel>
</rss>
"""


def item(ident: int, title: str, content: str, *, post_type: str = "post", status: str = "publish",
         date: str = "2024-03-01 12:00:00", gmt: str = "2024-03-01 10:00:00", password: str = "",
         categories: str = "", meta: dict[str, str] | None = None, slug: str = "") -> str:
    metas = "".join(f"<wp:postmeta><wp:meta_key>{k}</wp:meta_key><wp:meta_value><![CDATA[{v}]]></wp:meta_value>"
                    f"</wp:postmeta>" for k, v in (meta or {}).items())
    return f"""<item><title><![CDATA[{title}]]></title><link>https://example.com/?p={ident}</link>
<dc:creator><![CDATA[ana]]></dc:creator><guid isPermaLink="false">https://example.com/?p={ident}</guid>
<content:encoded><![CDATA[{content}]]></content:encoded><excerpt:encoded><![CDATA[]]></excerpt:encoded>
<wp:post_id>{ident}</wp:post_id><wp:post_date><![CDATA[{date}]]></wp:post_date>
<wp:post_date_gmt><![CDATA[{gmt}]]></wp:post_date_gmt><wp:post_name><![CDATA[{slug or f"post-{ident}"}]]></wp:post_name>
<wp:status><![CDATA[{status}]]></wp:status><wp:post_parent>0</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type><![CDATA[{post_type}]]></wp:post_type><wp:post_password><![CDATA[{password}]]></wp:post_password>
{categories}{metas}</item>
"""


def attachment(ident: int, parent: int, url: str, alt: str = "", caption: str = "", mime: str = "image/jpeg") -> str:
    meta = (f"<wp:postmeta><wp:meta_key>_wp_attachment_image_alt</wp:meta_key><wp:meta_value><![CDATA[{alt}]]>"
            f"</wp:meta_value></wp:postmeta>" if alt else "")
    return f"""<item><title>{ident}</title><link>https://example.com/?attachment_id={ident}</link>
<content:encoded><![CDATA[]]></content:encoded><excerpt:encoded><![CDATA[{caption}]]></excerpt:encoded>
<wp:post_id>{ident}</wp:post_id><wp:post_date>2024-03-01 12:00:00</wp:post_date>
<wp:post_date_gmt>2024-03-01 10:00:00</wp:post_date_gmt><wp:post_name>a-{ident}</wp:post_name>
<wp:status>inherit</wp:status><wp:post_parent>{parent}</wp:post_parent><wp:menu_order>0</wp:menu_order>
<wp:post_type>attachment</wp:post_type><wp:post_mime_type>{mime}</wp:post_mime_type>
<wp:attachment_url>{url}</wp:attachment_url>{meta}</item>
"""


def test_media_shortcodes_become_images_and_links_to_their_files(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    content = ('Intro.\n\n[gallery columns="2"]\n\n[video mp4="https://example.com/u/clip.mp4"][/video]\n\n'
               '[playlist]\n\n[unknown_plugin id="4"]')
    path.write_text(export(item(5, "Media", content)
                           + attachment(11, 5, "https://example.com/u/b.jpg", alt="Second", caption="Boats")
                           + attachment(12, 5, "https://example.com/u/song.mp3", mime="audio/mpeg")
                           + attachment(10, 5, "https://example.com/u/a.jpg", alt="First")))
    result = run_import([path], tmp_path / "content")
    text = (tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8")
    body = text.split("---\n", 2)[2]
    assert body.index("![First](https://example.com/u/a.jpg)") < body.index("![Second](https://example.com/u/b.jpg)")
    assert "Boats" in body
    assert "[Video: clip.mp4](https://example.com/u/clip.mp4)" in body
    assert "1. [song.mp3](https://example.com/u/song.mp3)" in body
    assert '[unknown_plugin id="4"]' in body
    assert result.losses() == {"audio or video made a link": 2, "unknown shortcode kept as text": 1}


def test_syntaxhighlighter_code_shortcodes_become_code_blocks_with_their_language(tmp_path: Path) -> None:
    """WordPress.com's `[code language=…]`: the lines stay lines (no paragraphs or <br> inside), and
    text the editor saved escaped reads as the code it is."""
    code = '[code language="bash" gutter="false"]\nif [ -f x ]; then\n\n  echo "a &lt; b"\nfi\n[/code]'
    body = imported_body(tmp_path, item(5, "Shell", f"Before.\n\n{code}\n\nAfter."))
    assert '```bash\nif [ -f x ]; then\n\n  echo "a < b"\nfi\n```' in body
    assert body.startswith("Before.") and body.rstrip().endswith("After.")


def test_syntaxhighlighter_language_shortcodes_become_code_blocks(tmp_path: Path) -> None:
    """[csharp]...[/csharp], [php]...[/php]: the plugin's other spelling, common in older exports."""
    content = ('[csharp]\n\tpublic class A\n\t{\n\t    int x = 1;\n\t}\n[/csharp]\n\n[php]echo "<b>hi</b>";[/php]'
               "\n\n[plain]x < y[/plain]\n\nA [c] in prose stays.")
    body = imported_body(tmp_path, item(5, "Code", content))
    assert "```csharp\n\tpublic class A\n\t{\n\t    int x = 1;\n\t}\n```" in body
    assert '```php\necho "<b>hi</b>";\n```' in body
    assert "```\nx < y\n```" in body
    assert body.rstrip().endswith("A [c] in prose stays.")


def test_math_and_short_names_the_plugin_leaves_alone_stay_in_their_paragraph(tmp_path: Path) -> None:
    """SyntaxHighlighter registers no [latex] (Jetpack's math, shown as its TeX in the sentence) and no [r]; it does
    register [source]."""
    content = "Euler: [latex]e^{i\\pi}+1=0[/latex] in a line. Grade [r]A[/r].\n\n[source lang=\"python\"]x = 1[/source]"
    body = imported_body(tmp_path, item(5, "Math", content))
    assert body.startswith("Euler: `e^{i\\pi}+1=0` in a line. Grade [r]A[/r].\n")
    # WordPress's automatic excerpt strips the registered [latex] with its TeX, as it strips [embed] with its URL.
    summary = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8")).summary
    assert summary.startswith("Euler: in a line.")
    assert "```python\nx = 1\n```" in body


def test_wp_syntax_and_codecolorer_code_stays_code_with_its_tags(tmp_path: Path) -> None:
    """`<pre lang>` (WP-Syntax), `<code lang>` and `[cc…]` (CodeColorer) hold code as typed: read as
    HTML, `<?php` and `echo "<div>"` would vanish."""
    content = ('<pre lang="PHP" line="1">\n<?php\necho "<div>\\n";\n</pre>\n\n'
               '<code lang="php">\n<form action="x"><input name="q" /></form>\n</code>\n\n'
               'Call <code lang="php">f("<b>")</code> first.\n\n'
               '[ccnLe_java]\nint a = 1;\n\nint b = 2;\n[/ccnLe_java]\n\n[cce lang="diff"]\n-  x &lt; y\n[/cce]\n\n'
               'Then [cci]$x[/cci] is set.\n\n<pre class="code"><code lang="sql">select 1</code></pre>')
    body = imported_body(tmp_path, item(5, "Code", content))
    assert '```php\n<?php\necho "<div>\\n";\n```' in body
    assert '```php\n<form action="x"><input name="q" /></form>\n```' in body
    assert 'Call `f("<b>")` first.' in body
    assert "```java\nint a = 1;\n\nint b = 2;\n```" in body and "```diff\n-  x < y\n```" in body
    assert "Then `$x` is set." in body and "```sql\nselect 1\n```" in body and "````" not in body


def test_a_markdown_editors_fence_in_pre_lang_shows_its_code_without_its_code_tags(tmp_path: Path) -> None:
    """A Markdown editor writes a fence as `<pre lang="c++"><code>…</code></pre>`, its code escaped, or with
    `lang='undefined'` where the fence named no language: the listing is the code, not `<code>` around it."""
    content = ('Solution:\n\n<pre lang="c++"><code>for (int i = 0; i &lt; n; i++) {\n    s[i] = 0;\n}\n</code></pre>'
               "\n\nInput:\n\n<pre lang='undefined'><code>[1, 2]\n</code></pre>\n\n"
               '<pre lang="html">\n<code>kept</code>\n<b>as typed</b>\n</pre>')
    body = imported_body(tmp_path, item(5, "Code", content))
    assert "```c++\nfor (int i = 0; i < n; i++) {\n    s[i] = 0;\n}\n```" in body
    assert "```\n[1, 2]\n```" in body
    assert "```html\n<code>kept</code>\n<b>as typed</b>\n```" in body
    assert "undefined" not in body


def test_a_post_a_blog_mover_wrapped_in_cdata_once_more_shows_its_first_line(tmp_path: Path) -> None:
    """`<![CDATA[<![CDATA[…]]>]]>`: the post's text holds CDATA marks, which a browser reads as a comment hiding the
    first line (to the first `>`) and then shows `]]>`; the marks are not the author's words."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Moved", "<![CDATA[A year has gone by.\n<br />The ducks, the boats. ]]>")))
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.body.startswith("A year has gone by.") and "]]>" not in document.body
    assert document.summary.startswith("A year has gone by.")


def test_a_synced_pattern_shows_its_content_where_a_post_names_it(tmp_path: Path) -> None:
    """`<!-- wp:block {"ref":77} /-->` holds no text: the pattern's own `wp_block` item does, published;
    one that names itself shows once, and a draft or missing one shows nothing, as in WordPress."""
    pattern = ('<!-- wp:paragraph -->\n<p>Subscribe to our newsletter.</p>\n<!-- /wp:paragraph -->\n'
               '<!-- wp:block {"ref":77} /-->')
    post = ('<!-- wp:paragraph -->\n<p>Story.</p>\n<!-- /wp:paragraph -->\n\n<!-- wp:block {"ref":77} /-->\n\n'
            '<!-- wp:block {"ref":78} /--><!-- wp:block {"ref":99} /-->')
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", post) + item(77, "Newsletter", pattern, post_type="wp_block")
                           + item(78, "Old", "<p>Draft pattern.</p>", post_type="wp_block", status="draft")))
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.body.strip() == "Story.\n\nSubscribe to our newsletter." and document.summary == "Story."


def test_a_synced_pattern_shows_the_posts_overrides_of_its_named_blocks(tmp_path: Path) -> None:
    """A pattern's blocks bound to `core/pattern-overrides` show what the post's `content` attribute gives
    for their name (WordPress 6.6+); a block without a name, or without a value, keeps the pattern's own."""
    bound = '"bindings":{"__default":{"source":"core/pattern-overrides"}}'
    pattern = (f'<!-- wp:heading {{"metadata":{{"name":"Title",{bound}}}}} -->\n<h2 class="wp-block-heading">'
               f'Title here</h2>\n<!-- /wp:heading -->\n<!-- wp:paragraph {{"metadata":{{"name":"Body",{bound}}}}} -->'
               f'\n<p>Body here</p>\n<!-- /wp:paragraph -->\n<!-- wp:paragraph -->\n<p>Always.</p>\n'
               f'<!-- /wp:paragraph -->\n<!-- wp:buttons --><div class="wp-block-buttons"><!-- wp:button '
               f'{{"metadata":{{"name":"Go",{bound}}}}} --><div class="wp-block-button"><a class="wp-block-button__link"'
               f' href="https://e.com/x">Go</a></div><!-- /wp:button --></div><!-- /wp:buttons -->\n'
               f'<!-- wp:image {{"metadata":{{"name":"Photo",{bound}}}}} --><figure class="wp-block-image"><img '
               f'src="https://e.com/a.jpg" alt="A"/></figure><!-- /wp:image -->')
    overrides = ('{"ref":77,"content":{"Title":{"content":"Bridge reopens"},"Body":{"content":"Traffic is '
                 '<strong>back</strong>."},"Go":{"text":"Read more","url":"https://e.com/bridge?a=1&b=2"},'
                 '"Photo":{"url":"https://e.com/bridge.jpg","alt":"The bridge"}}}')
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", f"<!-- wp:block {overrides} /-->\n\n<!-- wp:block {{\"ref\":77}} /-->")
                           + item(77, "Story card", pattern, post_type="wp_block")))
    run_import([path], tmp_path / "content")
    body = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8")).body
    assert body.split("## Title here")[0] == (
        "## Bridge reopens\n\nTraffic is **back**.\n\nAlways.\n\n[Read more](https://e.com/bridge?a=1&b=2)\n\n"
        "![The bridge](https://e.com/bridge.jpg)\n\n")
    assert "Body here\n\nAlways.\n\n[Go](https://e.com/x)\n\n![A](https://e.com/a.jpg)" in body


def test_an_automatic_excerpt_keeps_a_page_builders_words_but_not_its_shortcodes(tmp_path: Path) -> None:
    content = ('[vc_row][vc_column][vc_column_text css=".vc_custom_1{margin: 0 !important;}"]The <b>harbour</b> '
               'reopened.[/vc_column_text][/vc_column][/vc_row][et_pb_section][et_pb_text admin_label="Text"]Ships are '
               'back.[/et_pb_text][/et_pb_section]')
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Builder", content)))
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.summary == "The harbour reopened. Ships are back."


@pytest.mark.parametrize("language", ["zh-CN", "ja"])
def test_an_automatic_excerpt_in_chinese_or_japanese_counts_characters_as_wordpress_does(
        tmp_path: Path, language: str) -> None:
    """Text of these languages has no spaces between words: counted in words, a whole post was its summary."""
    sentence = "重阳节那天晚上等红灯时被一辆车追尾了，后保险杠坏了。"  # 26 characters
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "车险", f"<p>{sentence * 6}</p>\n\n{sentence}")).replace(
        "<wp:wxr_version>", f"<language>{language}</language>\n<wp:wxr_version>"), encoding="utf-8")
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.summary == (sentence * 6)[:110] + " […]"
    code = "x -&gt; y " * 30  # an entity counts as the one character it shows, and is never cut in half
    path.write_text(export(item(5, "车险", f"<p>{code}</p>")).replace(
        "<wp:wxr_version>", f"<language>{language}</language>\n<wp:wxr_version>"), encoding="utf-8")
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.summary == ("x -> y " * 30)[:110].rstrip() + " […]"


def test_an_automatic_excerpt_of_chinese_counts_characters_on_a_site_set_to_english(tmp_path: Path) -> None:
    """A Chinese blog whose WordPress was left in English: its post was one long "word", its summary the post."""
    sentence = "重阳节那天晚上等红灯时被一辆车追尾了，后保险杠坏了。"
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "车险", f"<p>{sentence * 6} Honda {sentence}</p>")).replace(
        "<wp:wxr_version>", "<language>en-US</language>\n<wp:wxr_version>"), encoding="utf-8")
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.summary == (sentence * 6)[:110] + " […]"


def test_an_automatic_excerpt_of_a_site_in_english_still_counts_words(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", "word " * 60)).replace(
        "<wp:wxr_version>", "<language>en-US</language>\n<wp:wxr_version>"))
    run_import([path], tmp_path / "content")
    document = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    assert document.summary == "word " * 55 + "[…]"


def test_a_post_jetpack_marks_as_markdown_is_rendered_from_markdown_without_a_link(tmp_path: Path) -> None:
    """`_wpcom_is_markdown` says the post is Markdown: its fenced code read as HTML showed its backticks and
    lost `<int>` as a tag. A post Jetpack saved rendered (`<p>`) stays HTML."""
    markdown = "```ocaml\nlove : 'Ego -> seq<int>\n```\n\nIn *memory*."
    body = imported_body(tmp_path, item(5, "Post", markdown, meta={"_wpcom_is_markdown": "1"}))
    assert body == "```ocaml\nlove : 'Ego -> seq<int>\n```\n\nIn *memory*.\n"
    # Jetpack saves its HTML without `<p>` for wpautop to make them: a single new line is a line break there
    # (round 53d: "Roses are red, violets blue." ran on as one line).
    poem = "Roses are *red*,\nviolets blue.\n\n[Our garden](https://e.com/garden/)\nin May."
    assert imported_body(tmp_path, item(5, "Poem", poem, meta={"_wpcom_is_markdown": "1"})) == \
        "Roses are *red*,\\\nviolets blue.\n\n[Our garden](https://e.com/garden/)\\\nin May.\n"
    assert imported_body(tmp_path, item(5, "Post", "[Our garden](https://e.com/garden/)\nin May.")) == \
        "[Our garden](https://e.com/garden/)\nin May.\n"  # one paragraph: PHP Markdown's plugin turns wpautop off
    rendered_html = "<p>In `memory` <em>now</em>.</p>"
    assert imported_body(tmp_path, item(5, "Post", rendered_html, meta={"_wpcom_is_markdown": "1"})) == \
        "In \\`memory\\` *now*.\n"


def test_a_page_elementor_builds_has_no_line_breaks_where_its_html_was_indented(tmp_path: Path) -> None:
    """Elementor turns wpautop off for its pages, and saves their content as its widgets' HTML indented over
    several lines: read as a classic post's text, every such line was a hard break in mid-sentence. A new line
    beside a tag still keeps a button apart from the picture after it; a classic post keeps its line breaks."""
    html = ('<h2>Economic</h2>\n\t\t<p>The that all once our the relieved its accompany will, the desk in\n'
            '\t\tthe me boss it note has could.</p>\n\t\t<a href="https://e.com/donate/">Donate Us</a>\n'
            '\t\t<img src="https://e.com/hero.jpg" alt="Hero">\n<pre>two\nlines</pre>')
    body = imported_body(tmp_path, item(5, "Home", html, post_type="post", meta={"_elementor_edit_mode": "builder"}))
    assert body == ("## Economic\n\nThe that all once our the relieved its accompany will, the desk in the me boss it "
                    "note has could.\n\n[Donate Us](https://e.com/donate/)\\\n![Hero](https://e.com/hero.jpg)\n\n"
                    "```\ntwo\nlines\n```\n")
    assert imported_body(tmp_path, item(5, "Poem", "Roses are red,\nviolets blue.")) == "Roses are red,\\\nviolets blue.\n"


def test_an_elementor_pages_buttons_indented_inside_their_links_make_no_empty_lines(tmp_path: Path) -> None:
    """Elementor indents a button's label inside its link (`<a href>\n\t\tBecome An Agent\n\t</a>`): those new
    lines were read as line breaks inside each link, and two buttons side by side left empty lines between
    them, backslashes alone on their lines. Each button is a line of its own, and nothing more."""
    html = ('<p>We are Luxus.</p>\t\t\n\t\t\t<a href="https://e.com/signup/">\n\t\t\t\t\t\tBecome An Agent\n'
            '\t\t\t\t\t</a>\n\t\t\t<a href="https://e.com/contact/">\n\t\t\t\t\t\tContact Us Now\n\t\t\t\t\t</a>\n'
            '\t\t<img src="https://e.com/team.jpg" alt="Team">')
    body = imported_body(tmp_path, item(5, "About", html, post_type="post", meta={"_elementor_edit_mode": "builder"}))
    assert body == ("We are Luxus.\n\n[Become An Agent](https://e.com/signup/)\\\n"
                    "[Contact Us Now](https://e.com/contact/)\\\n![Team](https://e.com/team.jpg)\n")


def test_an_elementor_pages_video_widget_between_other_widgets_is_its_video(tmp_path: Path) -> None:
    """Elementor's video widget saves its address alone in the page's content, between the other widgets' markup
    (`…</h6>https://www.youtube.com/watch?v=…<p>Economia</p>`): a Brazilian news page's four videos stood as three
    addresses in running text and one video. An address closing a paragraph's words or a link's text stays so, and a
    classic post's address beside a tag is WordPress's text, as its autoembed leaves it."""
    html = ('<p>Polícia</p><h2>Esquenta o clima</h2><h6>Assessores</h6>https://www.youtube.com/watch?v=zT772c0etG8'
            '<p>Economia</p><h5>Picanha</h5>https://www.youtube.com/watch?v=B_-Higc_SJ0\t\t\n'
            '<img src="https://e.com/pizza.jpg" alt="">\n<p>Esportes</p>https://vimeo.com/235215203'
            '<p>Veja <a href="https://www.youtube.com/watch?v=abc">https://www.youtube.com/watch?v=abc</a></p>')
    body = imported_body(tmp_path, item(5, "Home", html, meta={"_elementor_edit_mode": "builder"}))
    videos = [line for line in body.splitlines() if line.startswith(("[YouTube video:", "[Vimeo video:"))]
    assert videos == ["[YouTube video: https://www.youtube.com/watch?v=zT772c0etG8]"
                      "(https://www.youtube.com/watch?v=zT772c0etG8)",
                      "[YouTube video: https://www.youtube.com/watch?v=B\\_-Higc_SJ0]"
                      "(https://www.youtube.com/watch?v=B_-Higc_SJ0)",
                      "[Vimeo video: https://vimeo.com/235215203](https://vimeo.com/235215203)"]
    assert "Veja <https://www.youtube.com/watch?v=abc>" in body
    classic = imported_body(tmp_path, item(5, "Post", "<h6>Assessores</h6>https://www.youtube.com/watch?v=zT772c0etG8"))
    assert "YouTube video" not in classic


def test_a_block_bound_to_a_custom_field_shows_the_posts_field(tmp_path: Path) -> None:
    """Block bindings (WordPress 6.5+) save a placeholder; WordPress shows the post's field there, but not a
    hidden `_` field nor one the post lacks."""
    def bound(block: str, key: str, html: str) -> str:
        binding = f'{{"metadata":{{"bindings":{{"content":{{"source":"core/post-meta","args":{{"key":"{key}"}}}}}}}}}}'
        return f"<!-- wp:{block} {binding} -->\n{html}\n<!-- /wp:{block} -->\n\n"
    content = (bound("heading", "subtitle", '<h2 class="wp-block-heading">Subtitle</h2>')
               + bound("paragraph", "_secret", "<p>Placeholder one</p>")
               + bound("paragraph", "missing", "<p>Placeholder two</p>")
               + "<!-- wp:paragraph -->\n<p>Story.</p>\n<!-- /wp:paragraph -->")
    body = imported_body(tmp_path, item(5, "Post", content, meta={"subtitle": "Bridge <em>reopens</em>", "_secret": "x"}))
    assert body == "## Bridge *reopens*\n\nPlaceholder one\n\nPlaceholder two\n\nStory.\n"


def test_footnotes_come_from_the_posts_meta_as_the_footnotes_block_shows_them(tmp_path: Path) -> None:
    """The block editor keeps a post's footnotes in its `footnotes` meta; the block renders them."""
    content = ('<!-- wp:paragraph --><p>A claim<sup data-fn="aa48" class="fn"><a href="#aa48" id="aa48-link">1</a>'
               '</sup> and another<sup data-fn="b1" class="fn"><a href="#b1" id="b1-link">2</a></sup>.</p>'
               '<!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->')
    notes = '[{"id":"aa48","content":"A <em>source</em>"},{"id":"b1","content":"Another"}]'
    body = imported_body(tmp_path, item(5, "Notes", content, meta={"footnotes": notes}))
    assert body == "A claim[^1] and another[^2].\n\n[^1]: A *source*\n\n[^2]: Another\n"


@pytest.mark.parametrize("notes", ["null", "5", '{"id": "aa48"}', '[{"id": "aa48", "content": null}]', "[1, 2"])
def test_footnotes_meta_of_another_shape_leaves_the_post_without_notes(tmp_path: Path, notes: str) -> None:
    content = ('<!-- wp:paragraph --><p>A claim<sup data-fn="aa48" class="fn"><a href="#aa48" id="aa48-link">1</a>'
               '</sup>.</p><!-- /wp:paragraph -->\n\n<!-- wp:footnotes /-->')
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Notes", content, meta={"footnotes": notes})))
    result = run_import([path], tmp_path / "content")
    body = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8")).body
    assert result.problems == [] and body.startswith("A claim") and "None" not in body


def test_the_reader_hands_over_raw_content_and_only_what_rendering_it_needs_as_plain_data(tmp_path: Path) -> None:
    """Sources read, convert renders: a post leaves the reader as `post_content` saved it, with the patterns,
    attachments, bound fields and footnotes its rendering needs beside it, as data a spool can hold."""
    content = '<!-- wp:block {"ref":77} /-->\n\n[gallery]'
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Post", content, meta={"footnotes": "[]", "subtitle": "Not bound"})
                           + item(6, "Other", "[gallery]") + item(77, "Pattern", "<p>Shared.</p>", post_type="wp_block")
                           + item(78, "Unused", "<p>Unused.</p>", post_type="wp_block")
                           + attachment(11, 5, "https://example.com/u/b.jpg")
                           + attachment(10, 5, "https://example.com/u/a.jpg")
                           + attachment(12, 6, "https://example.com/u/c.jpg")))
    post = next(i.data for i in read_export(path, []) if i.data.get("id") == 5 and i.kind == "post")
    assert json.loads(json.dumps(post)) == post
    assert post["content"] == {"raw": content} and post["excerpt"] == {"raw": ""}
    assert post[RENDER] == {"synced": {"77": "<p>Shared.</p>"}, "meta": {}, "footnotes": "[]",
                            "attachments": [[11, 5, 0, "image/jpeg"], [10, 5, 0, "image/jpeg"]]}
    assert rendered(post)["content"] == {"rendered": '<p>Shared.</p>\n[gallery ids="10,11"]\n'}
    assert RENDER not in rendered(post)


HEADER_COMMENTS = ("<!-- This is a WordPress eXtended RSS file generated by WordPress as an export of your site. -->\n"
                   "\n")


@pytest.mark.parametrize("stray, line, shown", [
    ("adgeagaegww", 4, "'adgeagaegww'"),
    ("\n<br />\n<b>Notice</b>: x in <b>/w/p.php</b>\n", 5, "'<br />\\n<b>Notice</b>: x in <b>/w/p.php</b>'"),
    ("é" * 70, 4, repr("é" * 60 + "…")),
    # A theme's or plugin's tags for every page's head, printed into the export too: nothing of it is lost, so
    # nothing is said (it was named, and the import exited 1).
    ('<meta name="generator" content="Powered by a theme 2.1" />\n', 0, ""),
    ('<meta name="robots" content="noindex"><link rel="profile" href="//gmpg.org/xfn/11">', 0, ""),
])
def test_text_typed_into_the_header_is_skipped_and_said_in_one_line(tmp_path: Path, stray: str, line: int,
                                                                    shown: str) -> None:
    """WordPress's importer falls back to a regex parser that reads such an export; so do we, naming the line
    and what was skipped (`line` 0: nothing said), and a real error after it is still named by its own line."""
    path = tmp_path / "export.xml"
    declaration, rest = export(item(5, "Post", "Text")).split("\n", 1)
    text = f"{declaration}\n{HEADER_COMMENTS}{stray}<!-- generator=\"WordPress/4.5.1\" -->\n{rest}"
    assert_reads_and_names_a_later_error_by_its_line(path, text, tmp_path)
    path.write_text(text)
    problems: list[Problem] = []
    assert [i.data["id"] for i in read_export(path, problems) if i.kind == "post"] == [5]
    said = [f"{path}: line {line}: skipped text before <rss> that is not XML: {shown}"] if line else []
    assert [str(p) for p in problems] == said


def test_a_header_with_a_doctype_is_left_to_the_parser(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    declaration, rest = export(item(5, "Post", "Text")).split("\n", 1)
    path.write_text(f'{declaration}\n<!DOCTYPE rss [<!ENTITY x "y">]>\nstray\n{rest}')
    problems: list[Problem] = []
    assert list(read_export(path, problems)) == []
    assert [p.message for p in problems] == [
        "refused: it declares the entity 'x'; WordPress exports never declare entities"]

