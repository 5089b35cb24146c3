"""A WordPress export made JSON by an XML-to-JSON converter: read as the export it was. The fixtures are written here,
in the shapes common converters write (fast-xml-parser without namespaces, xmltodict, xml2js)."""

from __future__ import annotations

import json
from pathlib import Path

from generator.importer import ImportOptions, run_import
from generator.store.documents import document_files, loads


def _cdata(text: str) -> dict[str, str]:
    return {"__cdata": text}


# fast-xml-parser with `removeNSPrefix` and `cdataPropName: "__cdata"`, attributes ignored (its default): prefixes
# gone, `content:encoded` and `excerpt:encoded` one list, a category only its name.
STRIPPED = {"rss": {"channel": {
    "title": "UM portfolio", "link": "https://um.example", "language": "lt-LT", "wxr_version": 1.2,
    "base_site_url": "https://um.example", "base_blog_url": "https://um.example",
    "author": {"author_id": 1, "author_login": _cdata("ugne"), "author_display_name": _cdata("Ugnė M.")},
    "category": {"term_id": 3, "category_nicename": _cdata("garsai"), "category_parent": _cdata(""),
                 "cat_name": _cdata("Garsai")},
    "tag": [{"term_id": 4, "tag_slug": _cdata("kaunas"), "tag_name": _cdata("Kaunas")}],
    "item": [
        {"title": _cdata("Kauno pasakos"), "link": "https://um.example/kauno-pasakos/",
         "pubDate": "Sat, 21 Oct 2023 02:00:41 +0000", "creator": _cdata("ugne"),
         "guid": "https://um.example/?p=7", "description": "",
         "encoded": [_cdata("<!-- wp:paragraph -->\n<p>Garso įrašai iš <a href=\"/apie/\">Kauno</a>.</p>\n"
                            "<!-- /wp:paragraph -->"), _cdata("Įrašai")],
         "post_id": 7, "post_date": _cdata("2023-10-21 05:00:41"), "post_date_gmt": _cdata("2023-10-21 02:00:41"),
         "post_modified": _cdata("2023-10-22 05:00:41"), "post_modified_gmt": _cdata("2023-10-22 02:00:41"),
         "post_name": _cdata("kauno-pasakos"), "status": _cdata("publish"), "post_parent": 0, "menu_order": 0,
         "post_type": _cdata("post"), "post_password": _cdata(""), "is_sticky": 0,
         "category": [_cdata("Garsai"), _cdata("Kaunas")],
         "postmeta": {"meta_key": _cdata("_thumbnail_id"), "meta_value": _cdata("9")}},
        {"title": _cdata("pic"), "link": "https://um.example/pic/", "post_id": 9, "post_parent": 7,
         "post_date": _cdata("2023-10-21 05:00:41"), "post_name": _cdata("pic"), "status": _cdata("inherit"),
         "post_type": _cdata("attachment"), "attachment_url": _cdata("https://um.example/wp-content/uploads/p.jpg"),
         "encoded": [_cdata(""), _cdata("")]}]}}}

# xmltodict: names with their prefixes, text beside attributes as `#text`, attributes as `@name`.
PREFIXED = {"rss": {"@version": "2.0", "channel": {
    "link": "https://news.example", "wp:wxr_version": "1.2", "wp:base_site_url": "https://news.example",
    "item": {"title": "Lajm", "link": "https://news.example/lajm/", "dc:creator": "admin",
             "content:encoded": "Rreshti i parë.\n\nParagrafi i dytë.", "excerpt:encoded": None,
             "wp:post_id": "12", "wp:post_date": "2024-02-01 10:00:00", "wp:post_date_gmt": "2024-02-01 09:00:00",
             "wp:post_name": "lajm", "wp:status": "publish", "wp:post_type": "post",
             "category": [{"@domain": "category", "@nicename": "lajme", "#text": "Lajme"},
                          {"@domain": "post_tag", "@nicename": "tirana", "#text": "Tirana"}]}}}}


def _import(tmp_path: Path, data: object) -> tuple[object, dict]:
    saved = tmp_path / "in" / "wp-export.json"
    saved.parent.mkdir()
    saved.write_text(json.dumps(data), encoding="utf-8")
    result = run_import([saved.parent], tmp_path / "content", ImportOptions(workers=1))
    return result, {p.relative_to(tmp_path / "content").as_posix(): loads(p.read_text(encoding="utf-8"))
                    for p in document_files(tmp_path / "content")}


def test_an_export_made_json_without_its_prefixes_or_attributes_is_read_as_the_export(tmp_path: Path) -> None:
    """It was "not a WordPress post, term, user or media object: it has rss", and nothing was imported."""
    result, documents = _import(tmp_path, STRIPPED)
    assert result.problems == []
    post = documents["post/kauno-pasakos.md"]
    assert (post.title, post.author, post.date.isoformat(), post.summary) == (
        "Kauno pasakos", "Ugnė M.", "2023-10-21T05:00:41+03:00", "Įrašai")
    assert post.body.strip() == "Garso įrašai iš [Kauno](https://um.example/apie/)."
    # The converter dropped the categories' attributes: the channel's terms tell a tag from a category.
    assert post.taxonomies == {"category": ("garsai",), "post_tag": ("kaunas",)}
    assert post.image is not None and post.image.url.endswith("/p.jpg")


def test_an_export_made_json_with_its_prefixes_and_attributes_is_read_as_the_export(tmp_path: Path) -> None:
    result, documents = _import(tmp_path, PREFIXED)
    assert result.problems == []
    post = documents["post/lajm.md"]
    assert (post.title, post.body, post.source.url) == (
        "Lajm", "Rreshti i parë.\n\nParagrafi i dytë.\n", "https://news.example/lajm/")
    assert post.taxonomies == {"category": ("lajme",), "post_tag": ("tirana",)}


# xml2js: every element a list, text beside attributes as `_`, attributes under `$`.
LISTED = {"rss": {"$": {"version": "2.0"}, "channel": [{
    "link": ["https://lajme.example"], "wp:wxr_version": ["1.2"], "wp:base_site_url": ["https://lajme.example"],
    "wp:author": [{"wp:author_login": ["redaksia"], "wp:author_display_name": ["Redaksia"]}],
    "item": [{"title": ["Lajm"], "link": ["https://lajme.example/lajm/"], "dc:creator": ["redaksia"],
              "content:encoded": ["<p>Teksti.</p>"], "excerpt:encoded": [""], "wp:post_id": ["12"],
              "wp:post_date": ["2024-02-01 10:00:00"], "wp:post_name": ["lajm"], "wp:status": ["publish"],
              "wp:post_type": ["post"],
              "category": [{"_": "Lajme", "$": {"domain": "category", "nicename": "lajme"}}],
              "wp:postmeta": [{"wp:meta_key": ["_wp_old_slug"], "wp:meta_value": ["lajmi"]}]}]}]}}


def test_an_export_made_json_by_xml2js_is_read_as_the_export(tmp_path: Path) -> None:
    result, documents = _import(tmp_path, LISTED)
    assert result.problems == []
    post = documents["post/lajm.md"]
    assert (post.title, post.author, post.body.strip(), post.taxonomies) == (
        "Lajm", "Redaksia", "Teksti.", {"category": ("lajme",)})


# An export's items saved by a script without their channel: the export's names without prefixes, the content and
# excerpt as `content` and `excerpt`, the custom fields as one object.
BARE_ITEMS = [
    {"title": "Uutinen", "link": "https://uutiset.example/artikkelit/uutinen/",
     "pubDate": "Thu, 08 May 2025 18:04:53 +0000", "creator": "toimitus",
     "content": "Ensimmäinen kappale.\n\nToinen kappale.", "excerpt": "", "post_id": "921",
     "post_date": "2025-05-08 21:04:53", "post_date_gmt": "2025-05-08 18:04:53", "post_name": "uutinen",
     "post_type": "artikkelit", "status": "publish", "post_parent": "0", "meta": {"lukuaika": "3"}},
    {"title": "Video", "link": "https://uutiset.example/videot/video/", "post_id": "922",
     "post_date": "2025-06-01 10:00:00", "post_name": "video", "post_type": "videot", "status": "publish",
     "content": "<p>Katso.</p>"}]


def test_an_exports_items_saved_without_their_channel_are_read_as_the_export(tmp_path: Path) -> None:
    """They were read as REST posts: no id, no date ("passed over" where no picture stood in), slugs made from the
    titles, every item a `post`, and the raw content taken as rendered (no paragraphs)."""
    result, documents = _import(tmp_path, BARE_ITEMS)
    assert result.problems == []
    post = documents["artikkelit/uutinen.md"]
    assert (post.title, post.date.isoformat(), post.source.id, post.body) == (
        "Uutinen", "2025-05-08T21:04:53+03:00", 921, "Ensimmäinen kappale.\n\nToinen kappale.\n")
    assert documents["videot/video.md"].body.strip() == "Katso."
