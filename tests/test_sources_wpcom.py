"""Posts saved from WordPress.com's REST API v1.1 (sources/wpcom_v1.py): `{"found": n, "posts": [...]}` pages of
WordPress.com and Jetpack sites were refused ("does not read"), and their posts lost. Their shape here is the
one public-api.wordpress.com serves: HTML strings, dates with their offset, author and terms whole."""

from __future__ import annotations

import json
from pathlib import Path

from generator.builder import run_build
from generator.importer import run_import
from generator.store.documents import loads
from generator.store.labels import read_labels
from tests.site_content import config

SITE = "https://harbour.wordpress.com"


def v1_post(ident: int, slug: str, **fields: object) -> dict[str, object]:
    post: dict[str, object] = {
        "ID": ident, "site_ID": 1234, "date": "2020-10-05T12:25:31+02:00", "modified": "2020-10-06T09:00:00+02:00",
        "title": f"Post &#8217;{ident}", "URL": f"{SITE}/2020/10/05/{slug}/", "short_URL": "https://wp.me/p1-i",
        "content": f"<p>Text of {slug}.</p>\n", "excerpt": f"<p>About {slug}.</p>\n", "slug": slug,
        "guid": f"{SITE}/?p={ident}", "status": "publish", "sticky": False, "password": "", "parent": False,
        "type": "post", "format": "standard", "menu_order": 0, "like_count": 0, "global_ID": "bcb6f58",
        "author": {"ID": 7, "login": "jane", "email": False, "name": "Jane Doe", "nice_name": "jane",
                   "URL": "", "profile_URL": "https://gravatar.com/jane", "site_ID": 1234},
        "featured_image": "", "post_thumbnail": None, "tags": {}, "categories": {}, "attachments": {},
        "terms": {"category": {}, "post_tag": {}, "post_format": {}, "mentions": {}}, "metadata": False,
        "meta": {"links": {"self": "https://public-api.wordpress.com/rest/v1.1/sites/1234/posts/1"}},
    }
    post.update(fields)
    return post


def term(ident: int, name: str, slug: str) -> dict[str, object]:
    return {"ID": ident, "name": name, "slug": slug, "description": "", "post_count": 3, "parent": 0,
            "meta": {"links": {}}}


def test_a_page_of_v1_posts_is_imported_with_its_dates_author_terms_and_picture(tmp_path: Path) -> None:
    terms = {"category": {"Harbour news": term(3, "Harbour news", "harbour-news")},
             "post_tag": {"Boats": term(9, "Boats", "boats")}, "post_format": {}, "mentions": {},
             "genre": {"Drama": term(44, "Drama", "drama")}}
    picture = {"ID": 19, "URL": f"{SITE}/files/2020/10/quay.jpg", "mime_type": "image/jpeg", "width": 900,
               "height": 600}
    posts = [v1_post(18, "quay", terms=terms, post_thumbnail=picture, featured_image=picture["URL"],
                     content=f'<p>See <a href="{SITE}/2020/10/01/older/">the older post</a>.</p>\n'),
             v1_post(17, "older", date="2020-10-01T08:00:00-07:00", modified="2020-10-01T08:00:00-07:00")]
    (tmp_path / "crawl").mkdir()
    (tmp_path / "crawl" / "posts.json").write_text(json.dumps({"found": 2, "posts": posts, "meta": {}}))
    content = tmp_path / "content"
    result = run_import([tmp_path / "crawl"], content)
    assert result.problems == [] and len(result.posts) == 2
    quay = loads((content / "post" / "quay.md").read_text(encoding="utf-8"))
    assert (quay.title, quay.author, quay.date.isoformat(), quay.updated.isoformat()) == (
        "Post ’18", "Jane Doe", "2020-10-05T12:25:31+02:00", "2020-10-06T09:00:00+02:00")
    assert quay.taxonomies == {"category": ("harbour-news",), "genre": ("drama",), "post_tag": ("boats",)}
    assert quay.image is not None and quay.image.url == picture["URL"]
    older = loads((content / "post" / "older.md").read_text(encoding="utf-8"))
    assert older.date.isoformat() == "2020-10-01T08:00:00-07:00"
    assert run_build(config(tmp_path, content)).problems == []
    page = (tmp_path / "site" / "post" / "quay" / "index.html").read_text(encoding="utf-8")
    assert 'href="../older/index.html">the older post</a>' in page  # a link to a mirrored post is local
    assert ">Harbour news</a>" in page and ">Drama</a>" in page


def test_a_v1_post_saved_alone_pages_and_the_sites_language(tmp_path: Path) -> None:
    (tmp_path / "post.json").write_text(json.dumps(v1_post(18, "quay")))
    (tmp_path / "page.json").write_text(json.dumps(v1_post(30, "team", type="page", parent={"ID": 29, "type": "page"})))
    (tmp_path / "about.json").write_text(json.dumps(v1_post(29, "about", type="page")))
    (tmp_path / "site.json").write_text(json.dumps({"ID": 1234, "name": "Harbour", "description": "News",
                                                    "URL": SITE, "lang": "pt-br", "options": {"timezone": ""}}))
    content = tmp_path / "content"
    result = run_import([tmp_path], content)
    assert result.problems == [] and len(result.posts) == 3
    assert read_labels(content)[0].language == "pt-BR"
    assert run_build(config(tmp_path, content)).problems == []
    assert loads((content / "page" / "team.md").read_text(encoding="utf-8")).source.parent == 29
    assert (tmp_path / "site" / "page" / "team" / "index.html").is_file()


def test_a_site_that_does_not_tell_its_language_still_names_itself(tmp_path: Path) -> None:
    """`/sites/<id>` says `"lang": false` to a visitor of some sites: it was refused as no WordPress object."""
    (tmp_path / "post.json").write_text(json.dumps(v1_post(18, "quay")))
    (tmp_path / "site.json").write_text(json.dumps({"ID": 1234, "name": "Harbour", "description": "News",
                                                    "URL": SITE, "lang": False}))
    content = tmp_path / "content"
    result = run_import([tmp_path], content)
    assert result.problems == [] and len(result.posts) == 1
    labels = read_labels(content)[0]
    assert (labels.title, labels.description, labels.language) == ("Harbour", "News", "")


def test_v1_comments_are_not_posts(tmp_path: Path) -> None:
    comment = {"ID": 5, "post": {"ID": 18, "type": "post", "title": "Quay", "link": f"{SITE}/quay/"},
               "author": {"ID": 0, "name": "Reader"}, "date": "2020-10-05T12:25:31+02:00", "URL": f"{SITE}/quay/#c5",
               "content": "<p>Nice.</p>", "status": "approved", "parent": False, "type": "comment"}
    (tmp_path / "replies.json").write_text(json.dumps([comment]))
    (tmp_path / "posts.json").write_text(json.dumps({"found": 1, "posts": [v1_post(18, "quay")]}))
    result = run_import([tmp_path], tmp_path / "content")
    assert [Path(post.path).name for post in result.posts] == ["quay.md"]


def test_a_fault_in_a_v1_post_names_the_field_as_the_saved_file_does(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_text(json.dumps({"found": 1, "posts": [v1_post(7, "a", URL=["x"])]}))
    fields = {problem.field for problem in run_import([tmp_path], tmp_path / "content").problems}
    assert fields == {"URL"}
