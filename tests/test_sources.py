"""Reading saved REST responses: shapes, folders, and broken files reported by name."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from generator.cli import main
from generator.sources.collected import collected
from generator.sources.saved import read_items
from generator.sources.wp_json import kind_of
from tests.conftest import refuse_listing, rest_item


def test_single_object_list_and_folder_tree_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "posts__page=2.json").write_text(json.dumps([{"id": 3}, {"id": 4}]))
    (tmp_path / "a.json").write_text(json.dumps({"id": 1}))
    (tmp_path / "notes.txt").write_text("not json")
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(Path(i.file).name, i.index, i.data["id"]) for i in items] == [
        ("a.json", None, 1), ("posts__page=2.json", 0, 3), ("posts__page=2.json", 1, 4)]


def test_broken_files_are_reported_and_the_others_still_read(tmp_path: Path) -> None:
    (tmp_path / "1-bad.json").write_text('{"id": 1,,}')
    (tmp_path / "2-binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    (tmp_path / "3-scalar.json").write_text("42")
    (tmp_path / "4-mixed.json").write_text(json.dumps([{"id": 5}, "oops"]))
    items, problems = read_items([tmp_path])
    assert [i.data["id"] for i in items] == [5]
    messages = [str(p) for p in problems]
    assert "1-bad.json: not valid JSON: line 1 column 10" in messages[0]
    assert "2-binary.json: not UTF-8 text" in messages[1]
    assert "3-scalar.json: expected a JSON object or a list" in messages[2]
    assert "4-mixed.json: item #1: expected a JSON object, got str" in messages[3]


def test_saved_responses_without_an_extension_are_read_when_they_hold_json(tmp_path: Path) -> None:
    (tmp_path / "posts?page=2").write_text(json.dumps([{"id": 1, "title": {}, "content": {}, "type": "post"}]))
    (tmp_path / "README").write_text("not json")
    (tmp_path / ".hidden.json").write_text("{}")
    items, problems = read_items([tmp_path])
    assert problems == [] and [Path(i.file).name for i in items] == ["posts?page=2"]


# What Windows PowerShell 5 writes for `Invoke-RestMethod … | ConvertTo-Json -Depth 9 > posts.json`.
@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le", "utf-32-be"])
def test_responses_saved_by_powershell_as_utf16_in_its_value_and_count_envelope_are_read(
        tmp_path: Path, encoding: str) -> None:
    posts = [{"id": 1, "title": {"rendered": "Año"}, "content": {}, "type": "post"}, {"id": 2}]
    text = "\ufeff" + json.dumps({"value": posts, "Count": 2}, ensure_ascii=False, indent=4)
    (tmp_path / "posts.json").write_bytes(text.encode(encoding))
    (tmp_path / "posts?page=2").write_bytes(("\ufeff" + json.dumps([{"id": 3}])).encode(encoding))
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.index) for i in items] == [(1, 0), (2, 1), (3, 0)]
    assert items[0].data["title"]["rendered"] == "Año" and items[0].kind == "post"


# What scripts that crawl a REST API save: `json.dump({p["id"]: p for p in posts})`, and lists beside counts.
@pytest.mark.parametrize("wrap", [
    lambda posts: {str(p["id"]): p for p in posts},
    lambda posts: {p["slug"]: p for p in posts},
    lambda posts: {"posts": posts, "total": 2, "pages": 1},
    lambda posts: {"post": posts[:1], "page": posts[1:], "fetched": "2026-01-01"}])
def test_rest_objects_a_script_wrapped_in_an_object_of_its_own_are_read(tmp_path: Path, wrap) -> None:
    posts = [rest_item(id=7, slug="seven"), rest_item(id=9, slug="nine")]
    (tmp_path / "crawl.json").write_text(json.dumps(wrap(posts)))
    items, problems = read_items([tmp_path])
    assert problems == [] and [(i.data["id"], i.kind) for i in items] == [(7, "post"), (9, "post")]


@pytest.mark.parametrize("data", [
    {"7": rest_item(id=8, slug="eight")},  # keyed by something else than the object's id or slug
    {"posts": [rest_item(id=7, slug="seven")], "site": {"name": "A"}},  # an object of its own beside them
    {"entries": [{"id": 1, "slug": "a", "title": "A", "content": "<p>x</p>"}]},  # under a name no WordPress list has
    {"category": {"slug": "category", "rest_base": "categories", "types": ["post"]}}])  # /wp/v2/taxonomies
def test_objects_that_are_no_script_wrapping_of_rest_objects_stay_as_they_are(tmp_path: Path, data) -> None:
    (tmp_path / "crawl.json").write_text(json.dumps(data))
    items, _ = read_items([tmp_path])
    assert len(items) == 1 and items[0].data == data


def test_a_truncated_utf16_file_is_reported_by_its_encoding(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_bytes(("\ufeff" + json.dumps([{"id": 1}])).encode("utf-16-le")[:-1])
    items, problems = read_items([tmp_path])
    assert items == [] and "posts.json: not UTF-16 text (byte" in str(problems[0])


@pytest.mark.parametrize("data, kind", [
    ({"id": 1, "title": {}, "content": {}, "type": "post"}, "post"),
    ({"id": 1, "slug": "x", "type": "post", "link": "https://e.com/x"}, "post"),
    ({"id": 2, "parent": 1, "title": {}, "content": {}}, "revision"),
    ({"id": 3, "post": 1, "author_name": "A", "content": {}}, "comment"),
    ({"id": 4, "slug": "china", "name": "China", "taxonomy": "regions"}, "term"),
    ({"id": 5, "name": "Ana", "slug": "ana", "avatar_urls": {}}, "user"),
    ({"id": 6, "source_url": "https://e.com/a.jpg", "media_type": "image", "title": {}}, "media"),
    ({"category": {"slug": "category", "rest_base": "categories", "types": ["post"]}}, "taxonomies"),
    ({"title": "Site", "url": "https://e.com", "timezone": "UTC", "date_format": "F j"}, "site"),
    ({"name": "package", "version": "1.0"}, "other"),
    # What a crawl of /wp-json/ saves beside the posts, from the shapes WordPress 6 answers with.
    ({"id": 9, "title": "Hello", "url": "https://e.com/hello/", "type": "post", "subtype": "post",
      "_links": {}}, "search result"),
    ({"name": "Site", "description": "", "url": "https://e.com", "home": "https://e.com",
      "namespaces": ["wp/v2"], "authentication": {}}, "site"),
    ({"name": "Site", "url": "https://e.com", "home": "https://e.com", "namespaces": ["wp/v2"],
      "routes": {"/": {}}}, "site"),
    ({"post": {"description": "", "hierarchical": False, "name": "Posts", "slug": "post", "rest_base": "posts"}},
     "site"),
    ({"publish": {"name": "Published", "public": True, "queryable": True, "slug": "publish"}}, "site"),
    ({"version": "1.0", "provider_name": "Site", "provider_url": "https://e.com", "title": "Hello",
      "type": "rich", "html": "<blockquote></blockquote>"}, "site"),
    ({"id": 11, "title": {"rendered": "Home"}, "status": "publish", "url": "https://e.com/", "type": "custom",
      "object": "custom", "object_id": 11, "parent": 0, "menu_order": 1, "menus": 2}, "menu item"),
    ({"id": 2, "name": "Main", "slug": "main", "description": "", "locations": [], "auto_add": False}, "menu item"),
    # A menu item as wp_get_nav_menu_items() gives it, served by a headless theme's own endpoint without `object`.
    ({"ID": 156, "post_title": "", "post_name": "156", "post_parent": 0, "menu_order": 1, "menu_item_parent": "0",
      "title": "Community", "url": "/community/", "target": "", "attr_title": "", "classes": [""], "xfn": ""},
     "menu item"),
    ({"id": 12, "slug": "cta", "type": "wp_block", "link": "https://e.com/?p=12", "title": {"raw": "CTA"},
      "content": {"raw": "<!-- wp:paragraph -->", "protected": False}}, "design"),
    ({"id": "twentytwentyfour//home", "slug": "home", "type": "wp_template", "title": {"rendered": "Home"},
      "content": {"raw": ""}, "theme": "twentytwentyfour"}, "design"),
    ({"id": 5, "title": "Hero", "content": "<!-- wp:cover -->", "categories": [], "keywords": [],
      "viewport_width": 1200, "block_types": []}, "design"),
    ({"id": "block-2", "id_base": "block", "sidebar": "sidebar-1", "rendered": "<p>x</p>"}, "design"),
    ({"id": "sidebar-1", "name": "Sidebar", "before_widget": "", "widgets": [], "status": "active"}, "design"),
    ({"id": 9, "title": {"rendered": "Custom Styles"}, "settings": {}, "styles": {}}, "design"),
    # A theme's own parts, known by their type's last word: its header and footer, mega menu, saved sections.
    *(({"id": 30, "type": kind, "title": {"rendered": "Footer"}, "content": {"rendered": "<p>© 2024</p>"},
        "date": "2024-01-01T00:00:00", "slug": "footer"}, "design")
      for kind in ("luxus_content_block", "rt_megamenu", "site-footer", "theme_headers", "ux_popup")),
    # A type whose name merely holds such a word is the site's own.
    *(({"id": 31, "type": kind, "title": {"rendered": "Match"}, "content": {"rendered": "<p>2:1</p>"},
        "date": "2024-01-01T00:00:00", "slug": "match"}, "post")
      for kind in ("football_headers_news", "footer-stories", "popups_and_more", "news-archive")),
    ({"api_version": 3, "name": "core/paragraph", "title": "Paragraph", "category": "text", "attributes": {},
      "is_dynamic": False}, "extension"),
    ({"stylesheet": "twentytwentyfour", "template": "twentytwentyfour", "name": {"raw": "TT4"},
      "theme_supports": {}}, "extension"),
    ({"plugin": "akismet/akismet", "status": "active", "name": "Akismet", "network_only": False,
      "requires_wp": "5.8"}, "extension"),
    ({"code": "rest_no_route", "message": "No route was found.", "data": {"status": 404}}, "error"),
    ({}, "empty"),
    ({"id": 4, "type": "feedback", "title": {"rendered": "Ana"}, "content": {"rendered": "<p>Call me</p>"},
      "date": "2024-01-01T00:00:00", "slug": "ana"}, "record"),
    # A slider's definition: no content (its type has no editor), its slides in a field of its own.
    ({"id": 5, "type": "soliloquy", "title": {"rendered": "Home"}, "slug": "home", "link": "https://e.com/home/",
      "slider_data": {}}, "record"),
    # A gallery's or carousel's definition, which a database dump or an export holds: 13 empty posts in one site.
    *(({"id": 6, "type": kind, "title": {"rendered": "Office"}, "content": {"rendered": ""}, "slug": "office",
        "date": "2024-01-01T00:00:00"}, "record")
      for kind in ("modula-gallery", "sp_wp_carousel", "vp_lists", "acfe-dbt")),
])
def test_each_kind_of_wordpress_response_is_recognised(data: dict, kind: str) -> None:
    assert kind_of(data) == kind


def test_crawl_files_that_are_not_posts_are_skipped_with_a_reason_not_reported(tmp_path: Path) -> None:
    """A saved crawl of /wp-json/ imports with no problem for the index, search results, menus, errors
    or empty pages: each is listed with why it was skipped (shown with --verbose)."""
    from generator.importer import run_import
    from tests.conftest import refuse_listing, rest_item

    crawl = tmp_path / "crawl" / "wp-json"
    (crawl / "wp" / "v2").mkdir(parents=True)
    (crawl / "index.json").write_text(json.dumps({"name": "Site", "url": "https://e.com", "home": "https://e.com",
                                                  "namespaces": ["wp/v2"], "routes": {}}))
    (crawl / "wp" / "v2" / "search").write_text(json.dumps(
        [{"id": 7, "title": "Hello", "url": "https://example.com/hello/", "type": "post", "subtype": "post"}]))
    (crawl / "wp" / "v2" / "posts").write_text(json.dumps([rest_item()]))
    (crawl / "wp" / "v2" / "posts?page=2").write_text("[]")
    (crawl / "wp" / "v2" / "pages").write_text(json.dumps({"code": "rest_no_route", "message": "No route",
                                                          "data": {"status": 404}}))
    (crawl / "gusto" / "nav").mkdir(parents=True)
    (crawl / "gusto" / "nav" / "main_menu.json").write_text(json.dumps([{"id": 3, "name": "Career"}]))
    (crawl / "gusto" / "nav" / "header_menu.json").write_text(json.dumps([{
        "ID": 727, "post_title": "", "post_excerpt": "", "post_name": "727", "post_parent": 0, "menu_order": 1,
        "menu_item_parent": "0", "title": "Team", "url": "/team/", "target": "", "attr_title": "", "description": "",
        "classes": [""], "xfn": ""}]))
    (crawl / "wp" / "v2" / "odd.json").write_text(json.dumps([{"id": 3, "name": "Career"}]))
    result = run_import([tmp_path / "crawl"], tmp_path / "content")
    assert [p.id for p in result.posts] == [7]
    # The same object is a plugin's own business under its namespace, and unknown under WordPress's.
    assert [(Path(p.file).name, p.message[:22]) for p in result.problems] == [("odd.json", "not a WordPress post, ")]
    reasons = sorted(line.split(": ")[-1] for line in result.skipped)
    assert reasons == ["a /wp/v2/search result, not a post", "a description of the site (settings, the API index, "
                       "types, statuses or oEmbed), not a post", "a menu or menu item, not a post",
                       "a plugin's own response, not a post",
                       "an empty response, not a post", "an error response saved by the crawl, not a post"]


def test_a_static_export_saves_responses_as_index_html_under_wp_json_and_they_are_read(tmp_path: Path) -> None:
    """Simply Static writes `wp-json/wp/v2/posts/index.html`; a page of the site beside it is no JSON."""
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "12").mkdir(parents=True)
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "index.html").write_text(json.dumps([{"id": 1}]))
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "12" / "index.html").write_text(json.dumps({"id": 12}))
    (tmp_path / "about").mkdir()
    (tmp_path / "about" / "index.html").write_text("<!doctype html><p>About</p>")
    items, problems = read_items([tmp_path])
    assert problems == [] and sorted(i.data["id"] for i in items) == [1, 12]


def test_a_response_httrack_left_under_its_unsettled_name_is_read(tmp_path: Path) -> None:
    """HTTrack writes `2741.b09.delayed` until it renames the file; a crawl stopped before that kept whole posts so."""
    (tmp_path / "wp-json" / "wp" / "v2" / "posts").mkdir(parents=True)
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "2740.json").write_text(json.dumps({"id": 2740}))
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "2741.b09.delayed").write_text(json.dumps({"id": 2741}))
    (tmp_path / "about.b10.delayed").write_text("<!doctype html><p>About</p>")
    items, problems = read_items([tmp_path])
    assert problems == [] and sorted(i.data["id"] for i in items) == [2740, 2741]


def test_end_tags_a_static_export_wrote_after_the_api_index_leave_its_json_read(tmp_path: Path) -> None:
    """An exporter that read the `/wp-json/` index as HTML closed after it the tags its routes seemed to open."""
    index = {"name": "Site", "url": "https://example.org", "namespaces": ["wp/v2"],
             "routes": {"/wp/v2/posts/(?P<id>[\\d]+)": {"namespace": "wp/v2"}}}
    (tmp_path / "wp-json").mkdir()
    (tmp_path / "wp-json" / "index.html").write_text(json.dumps(index) + "</id></parent>\n</id>\n")
    (tmp_path / "posts.json").write_text(json.dumps([{"id": 1}]) + "</p> more text")
    items, problems = read_items([tmp_path])
    assert [i.data.get("name") for i in items] == ["Site"]
    assert [p.message for p in problems] == ["not valid JSON: line 1 column 12: Extra data"]


def test_links_a_static_export_rewrote_inside_the_api_index_leave_its_json_read(tmp_path: Path) -> None:
    """The exporter rewrote a link inside a JSON string as it rewrites a page's (`href="\\"…\\""`): the index was not
    JSON, the site lost its name and tagline, and the import ended in a problem. Text that is no JSON stays so."""
    setting = 'Show photo data (<a href=\\"https:\\/\\/en.wikipedia.org\\/wiki\\/Exif\\" target=\\"_blank\\">Exif<\\/a>)'
    index = json.dumps({"name": "Dr Ana Sousa", "description": "zoologist", "url": "", "home": "",
                        "namespaces": ["wp/v2"], "routes": {"/": {"description": "@@"}}}).replace('"@@"', f'"{setting}"')
    rewritten = index.replace('href=\\"https', 'href="\\"https').replace('Exif\\" target', 'Exif\\"" target')
    rewritten = rewritten.replace('target=\\"_blank\\"', "target='\\\"_blank\\\"'")
    (tmp_path / "wp-json").mkdir()
    (tmp_path / "wp-json" / "index.html").write_text(rewritten + "</id></parent>")
    (tmp_path / "posts.json").write_text('[{"id": 1, "note": "a="\\"b"}]')
    items, problems = read_items([tmp_path])
    assert [i.data.get("name") for i in items] == ["Dr Ana Sousa"] and json.loads(index)["routes"]["/"][
        "description"] == items[0].data["routes"]["/"]["description"]
    assert [p.message.split(":")[0] for p in problems] == ["not valid JSON"]


def test_mending_rewritten_links_takes_time_that_grows_with_the_text(tmp_path: Path) -> None:
    (tmp_path / "a.json").write_text('{"x": "' + 'a="\\"' + '\\"' * 100_000 + '", "y": "' + 'b="\\"c' * 50_000 + '"}')
    started = time.perf_counter()
    read_items([tmp_path])
    assert time.perf_counter() - started < 3


@pytest.mark.parametrize("page", [
    "<!DOCTYPE html>\n<html><head><title>IIS 8.5 Detailed Error - 404.0 - Not Found</title></head><body>x</body></html>",
    "\ufeff  <html>\n<head>\n<title>\n  IIS 8.5 Detailed Error -\n 404.0 - Not Found\n</title>",
])
def test_an_error_page_saved_in_place_of_a_response_is_named_as_a_web_page(tmp_path: Path, page: str) -> None:
    """A crawl that saved the server's error page as `wp_posts.json` was told only "not valid JSON: line 1 column 1"."""
    (tmp_path / "wp_posts.json").write_text(page, encoding="utf-8")
    (tmp_path / "posts.json").write_text("<b>not a page</b>")  # markup that is no page stays plain invalid JSON
    _, problems = read_items([tmp_path])
    assert [p.message.split(":")[0] for p in problems] == [
        "not valid JSON", "an HTML page ('IIS 8.5 Detailed Error - 404.0 - Not Found'), not JSON"]


def test_line_breaks_a_static_export_wrapped_into_its_saved_json_strings_are_read(tmp_path: Path) -> None:
    """An exporter that tidied the `index.html` files it saved wrapped their long lines inside JSON strings
    (impextur.com's `"İmpextur … Ticaret\nLimited Şirketi"`), where JSON allows no raw line break."""
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "7").mkdir(parents=True)
    (tmp_path / "wp-json" / "index.html").write_text('{"name": "Ticaret\nLimited", "namespaces": ["wp/v2"],\n'
                                                    '"routes": {}, "description": "WPML\'s\nlanguage\tcode"}')
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "7" / "index.html").write_text(
        '{"id": 7, "type": "post", "content": {"rendered": "<p>Logistics is\nthe art.</p>"}}')
    items, problems = read_items([tmp_path])
    assert problems == []
    assert sorted((i.data.get("id") or 0, i.data.get("name")) for i in items) == [(0, "Ticaret\nLimited"), (7, None)]
    assert [i.data["content"]["rendered"] for i in items if "content" in i.data] == ["<p>Logistics is\nthe art.</p>"]


def test_a_folder_with_no_saved_json_says_so(tmp_path: Path) -> None:
    (tmp_path / "site" / "about").mkdir(parents=True)
    (tmp_path / "site" / "about" / "index.html").write_text("<p>About</p>")
    items, problems = read_items([tmp_path / "site"])
    assert items == [] and [p.message[:30] for p in problems] == ["no saved REST JSON, WordPress "]


def test_a_mirror_that_saved_the_servers_folder_listings_as_wp_json_is_told_so(tmp_path: Path) -> None:
    """A site mirrored with its /wp-json/ saved as Apache's "Index of" pages: the folder does hold files there."""
    for folder in ("wp-json", "wp-json/wp/v2", "wp-json/wp/v2/posts"):
        (tmp_path / "mirror" / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / "mirror" / folder / "index.html").write_text(f"<html><title>Index of /{folder}</title></html>")
    items, problems = read_items([tmp_path / "mirror"])
    assert items == [] and [p.message.split(";")[0] for p in problems] == [
        "no saved REST JSON in this folder: the 3 files under wp-json/ hold web pages (a server's folder listing, "
        "'Index of …', or the site's own pages), not the API's JSON"]


def test_folder_listings_saved_beside_the_api_index_alone_are_told_as_no_post(tmp_path: Path) -> None:
    """The same mirror with the API's index saved as JSON: that file was skipped as a description of the site and
    the import ended with 0 posts and no word of why, exit 0. A folder whose posts were saved says nothing more."""
    for folder in ("wp-json/wp/v2", "wp-json/wp/v2/posts"):
        (tmp_path / "mirror" / folder).mkdir(parents=True, exist_ok=True)
        (tmp_path / "mirror" / folder / "index.html").write_text(f"<html><title>Index of /{folder}</title></html>")
    (tmp_path / "mirror" / "wp-json" / "index.html").write_text(json.dumps(
        {"name": "A", "description": "", "url": "https://a.example", "namespaces": ["wp/v2"], "routes": {}}))
    items, problems = read_items([tmp_path / "mirror"])
    assert [i.kind for i in items] == ["site"] and [p.message.split(";")[0] for p in problems] == [
        "no post in this folder: the 2 files under wp-json/ hold web pages (a server's folder listing, "
        "'Index of …', or the site's own pages), not the API's JSON"]
    (tmp_path / "mirror" / "wp-json" / "wp" / "v2" / "posts.json").write_text(json.dumps([rest_item()]))
    items, problems = read_items([tmp_path / "mirror"])
    assert [i.kind for i in items] == ["site", "post"] and problems == []


def test_an_empty_export_in_a_folder_is_named_and_other_xml_passed_over(tmp_path: Path) -> None:
    """An empty .xml file is most likely an export whose download failed; a sitemap beside the posts is no
    export and rightly not read."""
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "posts.json").write_text(json.dumps([{"id": 1, "type": "post"}]))
    (tmp_path / "crawl" / "sitemap.xml").write_text('<?xml version="1.0"?><urlset></urlset>\n')
    (tmp_path / "crawl" / "wordpress.xml").write_bytes(b"")
    (tmp_path / "crawl" / "gone.xml").symlink_to(tmp_path / "nowhere.xml")  # a link to nothing is no export
    items, problems = read_items([tmp_path / "crawl"])
    assert [i.data["id"] for i in items] == [1]
    assert [(p.file, p.message) for p in problems] == [
        (str(tmp_path / "crawl" / "wordpress.xml"), "an empty file, not read: no WordPress export in it")]


# What PHP prints before the JSON on a site that shows its errors, with html_errors on and off.
HTML_WARNING = ('<br />\n<b>Warning</b>:  Undefined array key "lang" in <b>/var/www/html/wp-content/plugins/'
                'seo/seo.php</b> on line <b>88</b><br />\n')
PLAIN_NOTICES = ("\nDeprecated: Function create_function() is deprecated in /home/site/functions.php on line 3\n"
                 "PHP Notice:  Trying to get property 'ID' of non-object in /home/site/x.php on line 41\n")


# A file saved with a byte order mark prints it where it is included: after another file's warning too.
BOM_AFTER = "\ufeff" + HTML_WARNING + "\ufeff" + PLAIN_NOTICES + "\ufeff\ufeff\n"


@pytest.mark.parametrize("messages", [HTML_WARNING, PLAIN_NOTICES, HTML_WARNING * 3, BOM_AFTER])
def test_php_messages_printed_before_the_json_are_passed_over(tmp_path: Path, messages: str) -> None:
    (tmp_path / "posts.json").write_text(messages + json.dumps([{"id": 1}, {"id": 2}]))
    (tmp_path / "wp-json" / "wp" / "v2" / "posts").mkdir(parents=True)
    (tmp_path / "wp-json" / "wp" / "v2" / "posts" / "index.html").write_text(messages + json.dumps({"id": 3}))
    items, problems = read_items([tmp_path])
    assert problems == [] and sorted(i.data["id"] for i in items) == [1, 2, 3]


# Printed at shutdown, after the JSON, by every response of a site that shows its errors and compresses its output.
SHUTDOWN_NOTICE = ("<br />\n<b>Notice</b>:  ob_end_flush(): failed to send buffer of zlib output compression (0) in "
                   "<b>/home/site/public_html/wp-includes/functions.php</b> on line <b>5427</b><br />\n")


@pytest.mark.parametrize("after", [SHUTDOWN_NOTICE, SHUTDOWN_NOTICE + PLAIN_NOTICES])
def test_php_messages_printed_after_the_json_are_passed_over(tmp_path: Path, after: str) -> None:
    (tmp_path / "posts.json").write_text(HTML_WARNING + json.dumps([{"id": 1}, {"id": 2}]) + after)
    (tmp_path / "post.json").write_text(json.dumps({"id": 3}) + after)
    items, problems = read_items([tmp_path])
    assert problems == [] and sorted(i.data["id"] for i in items) == [1, 2, 3]


# In the shape of an Indonesian door maker's crawl: an ad network's loader, pasted into a plugin's box for footer
# scripts, printed after each of its 1,790 responses; every one was refused as "not valid JSON: Extra data".
AD_LOADER = ('\n<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1"'
             ' crossorigin="anonymous"></script>')


@pytest.mark.parametrize("after", [
    AD_LOADER,
    AD_LOADER + "\n<!-- Global site tag -->\n<script>window.dataLayer = [];</script>\n<noscript><img src=x></noscript>\n",
    '<link rel="stylesheet" href="/a.css"><style>.ad { margin: 0 }</style><ins class="adsbygoogle"></ins>',
])
def test_markup_a_site_prints_after_the_json_is_passed_over(tmp_path: Path, after: str) -> None:
    (tmp_path / "posts.json").write_text(json.dumps([{"id": 1}, {"id": 2}]) + after)
    (tmp_path / "wp-json" / "wp" / "v2" / "pages" / "3").mkdir(parents=True)
    (tmp_path / "wp-json" / "wp" / "v2" / "pages" / "3" / "index.html").write_text(json.dumps({"id": 3}) + after)
    items, problems = read_items([tmp_path])
    assert problems == [] and sorted(i.data["id"] for i in items) == [1, 2, 3]


@pytest.mark.parametrize("after", ["<p>Hello</p>", AD_LOADER + "<div>Sidebar</div>", "<script>unclosed"])
def test_other_text_after_the_json_is_still_reported(tmp_path: Path, after: str) -> None:
    (tmp_path / "posts.json").write_text(json.dumps([{"id": 1}]) + after)
    items, problems = read_items([tmp_path])
    assert items == [] and [p.message.split(":")[0] for p in problems] == ["not valid JSON"]


def test_backslashes_that_start_no_json_escape_are_read_as_backslashes_and_reported(tmp_path: Path) -> None:
    """A search-and-replace over saved JSON (`https:\\/\\/www.example.org` → `https:\\/\\example.org`)."""
    (tmp_path / "1.json").write_text('{"id": 1, "guid": {"rendered": "https:\\/\\example.org\\/?p=1"}, '
                                     '"title": {"rendered": "C:\\\\dir \\u00e9t\\u00E9 \\q \\u12"}}')
    items, problems = read_items([tmp_path])
    assert items[0].data["guid"]["rendered"] == "https:/\\example.org/?p=1"
    assert items[0].data["title"]["rendered"] == "C:\\dir \u00e9t\u00e9 \\q \\u12"
    assert [p.message for p in problems] == ["text holds 3 backslash(es) that start no JSON escape (an edit of "
                                             "the saved file?); each was read as a backslash"]


def test_after_php_messages_a_json_error_is_still_placed_at_its_line_and_column(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_text(HTML_WARNING + '[{"id": 1,,}]')
    (tmp_path / "page.json").write_text("<p>Hello</p>\n" + HTML_WARNING + "[]")  # not only PHP's messages
    items, problems = read_items([tmp_path])
    assert items == []
    assert [p.message for p in problems] == ["not valid JSON: line 1 column 1: Expecting value",
                                             "not valid JSON: line 3 column 11: Expecting property name "
                                             "enclosed in double quotes"]


def test_posts_of_other_apis_are_named_with_what_to_save_instead(tmp_path: Path) -> None:
    from generator.importer import run_import

    (tmp_path / "in").mkdir()
    # A post as WordPress stores it (WP_Post, a row of wp_posts) is read as an export's item (test_sources_rows.py),
    # and WordPress.com's v1.1 posts as the v2 posts they stand for (test_sources_wpcom.py).
    (tmp_path / "in" / "wp-post.json").write_text(json.dumps(
        [{"ID": 5, "post_title": "Hello", "post_content": "Hi", "post_type": "post", "post_status": "publish",
          "post_date": "2020-01-01 10:00:00", "post_name": "hello"}]))
    (tmp_path / "in" / "ghost.json").write_text(json.dumps({"posts": [{"id": "5f1", "html": "<p>Hi</p>"}]}))
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert [Path(post.path).name for post in result.posts] == ["hello.md"]
    assert [(Path(p.file).name, p.message[:44]) for p in result.problems] == [
        ("ghost.json", "an object holding lists (posts), not a WordP")]


def test_a_subfolder_that_cannot_be_listed_is_named_and_the_rest_read(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]) -> None:
    """A folder the user may not open (chmod 000, another owner's) was passed over by rglob without a word, and its
    posts were missing from the import. The OSError is injected: root may open any folder."""
    (tmp_path / "crawl" / "locked").mkdir(parents=True)
    (tmp_path / "crawl" / "posts.json").write_text(json.dumps([rest_item(id=1, slug="one")]))
    (tmp_path / "crawl" / "locked" / "more.json").write_text(json.dumps([rest_item(id=2, slug="two")]))
    refuse_listing(monkeypatch, "locked")
    assert main(["import", str(tmp_path / "crawl"), "--content", str(tmp_path / "content")]) == 1
    err = capsys.readouterr().err
    assert (f"newsmirror: {tmp_path / 'crawl' / 'locked'}: cannot list this folder: Permission denied; the files "
            "in it were not read\n") in err
    assert [p.name for p in (tmp_path / "content" / "post").iterdir()] == ["one.md"]


@pytest.mark.parametrize(("text", "message"), [
    ('<?xml version="1.0"?><urlset></urlset>\n', "not a WordPress export: its first lines hold no <rss> with the "
                                                  "wordpress.org/export/ namespace (make one with Tools → Export)"),
    ("", "an empty file, not read: no WordPress export in it")])
def test_an_xml_file_given_that_is_no_export_is_named_so_not_as_bad_json(tmp_path: Path, text: str,
                                                                          message: str) -> None:
    (tmp_path / "sitemap.xml").write_text(text)
    items, problems = read_items([tmp_path / "sitemap.xml"])
    assert items == [] and [(p.file, p.message) for p in problems] == [(str(tmp_path / "sitemap.xml"), message)]


def test_an_empty_file_says_so_rather_than_not_valid_json(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_bytes(b"")
    items, problems = read_items([tmp_path / "posts.json"])
    assert items == [] and [p.message for p in problems] == [
        "an empty file: nothing was saved in it (a download that failed?)"]


def test_an_empty_file_a_crawl_saved_from_a_plugins_route_is_skipped_not_a_problem(tmp_path: Path) -> None:
    """HTTrack followed a form's action (`wp-json/metform/v1/entries/insert/2643`), which answers a GET with
    nothing: the import of a whole crawl failed with exit 1 for it."""
    route = tmp_path / "crawl" / "wp-json" / "metform" / "v1" / "entries" / "insert"
    route.mkdir(parents=True)
    (route / "2643.json").write_bytes(b"")
    (tmp_path / "crawl" / "posts.json").write_bytes(b"")
    items, problems = read_items([tmp_path / "crawl"])
    assert [i.data for i in items] == [{}]
    assert [(Path(p.file).name, p.message) for p in problems] == [
        ("posts.json", "an empty file: nothing was saved in it (a download that failed?)")]


@pytest.mark.parametrize("encoding", ["utf-16-le", "utf-16-be", "utf-32-le"])
def test_utf16_saved_without_a_byte_order_mark_is_read(tmp_path: Path, encoding: str) -> None:
    """An editor's "Unicode" without a mark was "not valid JSON: line 1 column 2"."""
    (tmp_path / "posts.json").write_bytes(json.dumps([rest_item(id=3)]).encode(encoding))
    items, problems = read_items([tmp_path / "posts.json"])
    assert problems == [] and [i.data["id"] for i in items] == [3]


@given(st.lists(st.tuples(st.integers(1, 10**9), st.text("abcdefghij-", min_size=1, max_size=12)),
                min_size=1, max_size=8, unique_by=lambda pair: pair[0]),
       st.sampled_from(["id", "slug", "posts", "pages"]),
       st.dictionaries(st.sampled_from(["total", "page", "site", "fetched"]), st.integers() | st.text(max_size=5)))
def test_a_scripts_wrapping_of_rest_posts_gives_back_exactly_its_posts(pairs, shape, counts) -> None:
    """Whatever the ids, slugs and counts beside them, the posts come back in order and unchanged, and an object
    whose values are no REST posts (the counts alone) is left as it was."""
    posts = [rest_item(id=ident, slug=f"{slug}-{ident}") for ident, slug in pairs]
    wrapped = ({str(p["id"]): p for p in posts} if shape == "id" else {p["slug"]: p for p in posts}
               if shape == "slug" else {shape: posts, **counts})
    assert collected(wrapped, lambda item: kind_of(item) == "post") == posts
    assert collected(dict(counts), lambda item: True) == counts
