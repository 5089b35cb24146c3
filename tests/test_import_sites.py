"""Posts of several sites in one import: each post takes its author, terms and featured image from its own site, as
the ids are each site's own; an import of one site takes every name given, as before."""

from __future__ import annotations

import json
from pathlib import Path

from generator.importer import ImportOptions, run_import
from generator.store.documents import loads
from tests.conftest import rest_item

ONE = ImportOptions(workers=1)


def _crawl(folder: Path, host: str, category: str, author: str, picture: str, **post: object) -> Path:
    saved = folder / host / "wp-json" / "wp" / "v2"
    saved.mkdir(parents=True)
    site = f"https://www.{host}" if host.startswith("a") else f"https://{host}"  # `www.` is the same site
    item = rest_item(id=len(list(folder.iterdir())) * 10, slug=f"story-{host.split('.')[0]}", link=f"{site}/story/",
                     guid={"rendered": f"{site}/?p=1"}, categories=[5], author=2, featured_media=9, **post)
    (saved / "posts.json").write_text(json.dumps([item]), encoding="utf-8")
    (saved / "categories.json").write_text(json.dumps([{"id": 5, "slug": category.lower(), "name": category,
                                                        "taxonomy": "category", "link": f"{site}/c/{category}/"}]))
    (saved / "users.json").write_text(json.dumps([{"id": 2, "name": author, "slug": "x", "link": f"{site}/a/x/"}]))
    (saved / "media.json").write_text(json.dumps([{"id": 9, "source_url": f"{site}/up/{picture}", "link": f"{site}/p/",
                                                   "alt_text": picture, "media_type": "image"}]))
    return folder / host


def _post(content: Path, slug: str) -> object:
    return loads((content / "post" / f"{slug}.md").read_text(encoding="utf-8"))


def test_each_sites_posts_take_their_own_sites_names(tmp_path: Path) -> None:
    a = _crawl(tmp_path / "in", "a.example", "Mining", "Ana", "mine.jpg")
    b = _crawl(tmp_path / "in", "b.example", "Politics", "Bo", "vote.jpg")
    run_import([a, b], tmp_path / "content", ONE)
    first, second = _post(tmp_path / "content", "story-a"), _post(tmp_path / "content", "story-b")
    assert (first.author, first.taxonomies, first.image.url) == (
        "Ana", {"category": ("mining",)}, "https://www.a.example/up/mine.jpg")
    assert (second.author, second.taxonomies, second.image.url) == (
        "Bo", {"category": ("politics",)}, "https://b.example/up/vote.jpg")
    again = run_import([b, a], tmp_path / "content", ONE)  # read in the other order: the same files, untouched
    assert [post.action for post in again.posts] == ["unchanged", "unchanged"]


def test_a_site_that_gave_no_names_never_takes_another_sites(tmp_path: Path) -> None:
    a = _crawl(tmp_path / "in", "a.example", "Mining", "Ana", "mine.jpg")
    lone = tmp_path / "in" / "c.example"
    lone.mkdir()
    (lone / "posts.json").write_text(json.dumps([rest_item(id=70, slug="story-c", link="https://c.example/story/",
                                                           categories=[5], author=2, featured_media=9)]))
    run_import([a, lone], tmp_path / "content", ONE)
    other = _post(tmp_path / "content", "story-c")
    assert (other.author, other.taxonomies, other.image) == ("", {}, None)


def test_one_sites_names_on_another_host_still_name_its_posts(tmp_path: Path) -> None:
    """A site that moved: its terms and authors still link to the old host. One site's import takes them all."""
    a = _crawl(tmp_path / "in", "a.example", "Mining", "Ana", "mine.jpg")
    posts = a / "wp-json" / "wp" / "v2" / "posts.json"
    posts.write_text(posts.read_text().replace("www.a.example", "news.example"))
    run_import([a], tmp_path / "content", ONE)
    post = _post(tmp_path / "content", "story-a")
    assert (post.author, post.taxonomies) == ("Ana", {"category": ("mining",)})
