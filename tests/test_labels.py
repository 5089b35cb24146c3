"""The site's own names of its taxonomies and post types: a menu reads "Event Categories" or "Catégories",
as the site's did, not a name made from the slug ("Tribe events cat")."""

from __future__ import annotations

import json
from pathlib import Path

from generator.builder import run_build
from generator.importer import run_import
from generator.store.labels import read_labels
from tests.conftest import rest_item
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.site_content import config
from tests.test_sync import sync

TAXONOMIES = {
    "category": {"name": "Catégories", "slug": "category", "types": ["post"], "rest_base": "categories"},
    "tribe_events_cat": {"name": "Catégories d&#039;évènement", "slug": "tribe_events_cat",
                         "types": ["tribe_events"], "rest_base": "tribe_events_cat"},
    "nav_menu": {"name": "Menus", "slug": "nav_menu", "types": ["nav_menu_item"], "rest_base": "menus"},
}
TYPES = {
    "post": {"name": "Articles", "slug": "post", "taxonomies": ["category"], "rest_base": "posts"},
    "tribe_events": {"name": "Évènements", "slug": "tribe_events", "taxonomies": ["tribe_events_cat"],
                     "rest_base": "tribe_events"},
    "attachment": {"name": "Médias", "slug": "attachment", "taxonomies": [], "rest_base": "media"},
}


def crawl(folder: Path) -> Path:
    folder.mkdir(parents=True)
    (folder / "taxonomies.json").write_text(json.dumps(TAXONOMIES), encoding="utf-8")
    (folder / "types.json").write_text(json.dumps(TYPES), encoding="utf-8")
    category = {"id": 5, "taxonomy": "category", "slug": "news", "name": "Nouvelles"}
    event_cat = {"id": 9, "taxonomy": "tribe_events_cat", "slug": "concerts", "name": "Concerts"}
    posts = [rest_item(id=1, slug="one", categories=[5], _embedded={"wp:term": [[category]]}),
             rest_item(id=2, slug="gig", type="tribe_events", tribe_events_cat=[9],
                       _embedded={"wp:term": [[event_cat]]})]
    (folder / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    return folder


def test_a_crawls_taxonomies_and_types_name_the_sites_menus(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import([crawl(tmp_path / "crawl")], content)
    assert result.problems == [] and result.skipped == []
    # Only what the posts use: no menus, no media.
    assert (content / "labels.yaml").read_text(encoding="utf-8").split("\n", 1)[1] == (
        "taxonomies:\n  category: Catégories\n  tribe_events_cat: Catégories d'évènement\n"
        "types:\n  post: Articles\n  tribe_events: Évènements\n")
    assert run_build(config(tmp_path, content, site={"language": "fr"})).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    for label in ("Catégories", "Catégories d&#39;évènement", "Articles", "Évènements"):
        assert f">{label}</a>" in home
    assert "Tribe events cat" not in home and "Tribe events" not in home


def test_a_later_import_of_part_of_the_site_keeps_the_names_it_does_not_use(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run_import([crawl(tmp_path / "crawl")], content)
    (tmp_path / "crawl/types.json").unlink()
    (tmp_path / "crawl/taxonomies.json").unlink()
    (tmp_path / "crawl/posts.json").write_text(json.dumps([rest_item(id=3, slug="three")]), encoding="utf-8")
    run_import([tmp_path / "crawl"], content)
    labels, problems = read_labels(content)
    assert problems == [] and labels.types == {"post": "Articles", "tribe_events": "Évènements"}


def test_a_label_the_configuration_gives_wins_and_a_malformed_file_is_named(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run_import([crawl(tmp_path / "crawl")], content)
    settings = config(tmp_path, content, {"category": "Rubriques", "tribe_events_cat": "Genres"})
    assert run_build(settings).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert ">Rubriques</a>" in home and ">Genres</a>" in home
    (content / "labels.yaml").write_text("taxonomies:\n  category: [not, a, name]\n", encoding="utf-8")
    problems = run_build(config(tmp_path, content)).problems
    assert [(p.file, p.item) for p in problems] == [(str(content / "labels.yaml"), "taxonomies.category")]
    assert ">Categories</a>" in (tmp_path / "site/index.html").read_text(encoding="utf-8")  # WordPress's word


def test_a_sync_keeps_the_names_the_site_gives_its_taxonomies_and_types(tmp_path: Path) -> None:
    site = generated_site(30)
    site.names = {"news-type": "News Types", "regions": "Regions of the world", "news-archive": "News archive"}
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
    assert result.problems == []
    labels, _ = read_labels(tmp_path / "content")
    assert labels.taxonomies == {"news-type": "News Types", "regions": "Regions of the world"}
    assert labels.types == {"news-archive": "News archive"}


def test_a_sync_names_the_site_by_its_api_index_read_once(tmp_path: Path) -> None:
    """A synced mirror was headed "News mirror": the index of the site's API names it ("Fake news"). It is
    read on the first sync and on a full one; the next syncs ask for it no more."""
    with FakeWordPress(generated_site(8)) as wp:
        first = sync(wp.url, tmp_path / "content")
        assert read_labels(tmp_path / "content")[0].title == "Fake news"
        assert first.problems == [] and all(source.imported.skipped == [] for source in first.sources)
        assert wp.requests.count("/wp-json/") == 1
        sync(wp.url, tmp_path / "content")
        assert wp.requests.count("/wp-json/") == 1  # not asked again
        sync(wp.url, tmp_path / "content", full=True)
        assert wp.requests.count("/wp-json/") == 2
    assert run_build(config(tmp_path, tmp_path / "content")).problems == []
    assert "<title>Fake news</title>" in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_a_synced_sites_language_its_posts_suggest_reaches_the_build(tmp_path: Path) -> None:
    """The language a sync's import guessed stayed in its own store: the mirror of a Japanese site was English."""
    from tests.test_site_clues import TEXTS
    site = generated_site(8)
    for post in site.posts["news-archive"]:
        post["content"] = {"rendered": f"<p>{TEXTS['ja']}</p>"}
    with FakeWordPress(site) as wp:
        assert sync(wp.url, tmp_path / "content").problems == []
    assert read_labels(tmp_path / "content")[0].language == "ja"
    assert run_build(config(tmp_path, tmp_path / "content")).problems == []
    assert '<html lang="ja"' in (tmp_path / "site/index.html").read_text(encoding="utf-8")


def test_woocommerces_taxonomies_get_labels_a_shopper_reads_where_the_site_named_none(tmp_path: Path) -> None:
    """An export holds no taxonomy names: WooCommerce's `product_cat` and its attributes' `pa_color` read
    "Product categories" and "Color" in the menu, not "Product cat" and "Pa color"."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    terms = [[{"id": 5, "taxonomy": "product_cat", "slug": "shirts", "name": "Shirts"},
              {"id": 6, "taxonomy": "pa_color", "slug": "blue", "name": "Blue"}]]
    shirt = rest_item(id=1, slug="shirt", type="product", product_cat=[5], pa_color=[6], _embedded={"wp:term": terms})
    (folder / "products.json").write_text(json.dumps([shirt]), encoding="utf-8")
    content = tmp_path / "content"
    assert run_import([folder], content).problems == []
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert ">Product categories</a>" in home and ">Color</a>" in home
    assert "Product cat<" not in home and "Pa color" not in home


def test_the_language_an_export_names_is_the_sites_where_the_configuration_names_none(tmp_path: Path) -> None:
    """A Chinese blog's export says `<language>zh-CN</language>`: its pages said `lang="en"`, with English words
    ("Related", "Browse"), unless `[site] language` was set; a language the configuration names still wins."""
    from tests.test_wxr import export, item
    saved = export(item(1, "你好", "<p>第一篇文章。</p>"))
    (tmp_path / "export.xml").write_text(
        saved.replace("<wp:wxr_version>", "<language>zh-CN</language><wp:wxr_version>")
        .replace("<title>Harbour News</title>", ""), encoding="utf-8")  # no title of its own: the words' one
    content = tmp_path / "content"
    assert run_import([tmp_path / "export.xml"], content).problems == []
    assert read_labels(content)[0].language == "zh-CN"
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="zh-CN"' in home and 'aria-label="浏览"' in home and ">新闻镜像<" in home
    assert run_build(config(tmp_path, content, site={"language": "en", "title": "Harbour"})).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert '<html lang="en"' in home and 'aria-label="Browse"' in home and ">Harbour<" in home


def test_a_crawls_saved_settings_name_the_sites_language_as_a_language_tag(tmp_path: Path) -> None:
    folder = crawl(tmp_path / "crawl")
    (folder / "settings.json").write_text(json.dumps({"title": "Notícias", "timezone": "America/Sao_Paulo",
                                                      "date_format": "j \\de F \\de Y", "language": "pt_BR"}))
    run_import([folder], tmp_path / "content")
    assert read_labels(tmp_path / "content")[0].language == "pt-BR"


def test_a_language_in_labels_yaml_that_is_no_language_tag_is_named_and_left_out(tmp_path: Path) -> None:
    (tmp_path / "labels.yaml").write_text("language: 'français!'\ntypes:\n  post: Articles\n", encoding="utf-8")
    labels, problems = read_labels(tmp_path)
    assert labels.language == "" and labels.types == {"post": "Articles"}
    assert [(p.item, p.message) for p in problems] == [("language", "expected a language tag such as 'en' or 'pt-BR'")]


def test_the_events_calendars_types_get_the_plugins_labels_where_the_crawl_saved_no_names(tmp_path: Path) -> None:
    """A crawl without /wp/v2/types and /wp/v2/taxonomies (a nonprofit's site mirrored by a static exporter): its
    menu read "Tribe events" and "Tribe events cat", made from the slugs, where the site said "Events" and
    "Event Categories"."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    event_cat = {"id": 9, "taxonomy": "tribe_events_cat", "slug": "concerts", "name": "Concerts"}
    gig = rest_item(id=2, slug="gig", type="tribe_events", tribe_events_cat=[9], _embedded={"wp:term": [[event_cat]]})
    (folder / "events.json").write_text(json.dumps([gig, rest_item(id=3, slug="news")]), encoding="utf-8")
    content = tmp_path / "content"
    assert run_import([folder], content).problems == []
    assert run_build(config(tmp_path, content)).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert ">Events</a>" in home and ">Event categories</a>" in home
    assert "Tribe events" not in home


def test_wordpress_own_names_served_in_english_take_the_sites_language(tmp_path: Path) -> None:
    """An Indonesian party's news site whose WordPress spoke English (its REST API named "Posts", "Pages",
    "Categories"): its menu read "Pages Posts Categories Tags Arsip Pembaruan", two languages in one line. WordPress's
    own names in English give way to the theme's words in the site's language; a name the site chose stays."""
    folder = tmp_path / "crawl"
    folder.mkdir()
    taxonomies = {"category": {**TAXONOMIES["category"], "name": "Categories"},
                  "genre": {"name": "Genres", "slug": "genre", "types": ["post"], "rest_base": "genre"}}
    (folder / "taxonomies.json").write_text(json.dumps(taxonomies), encoding="utf-8")
    (folder / "types.json").write_text(json.dumps({"post": {**TYPES["post"], "name": "Posts"}}), encoding="utf-8")
    category = {"id": 5, "taxonomy": "category", "slug": "berita", "name": "Berita"}
    genre = {"id": 7, "taxonomy": "genre", "slug": "opini", "name": "Opini"}
    posts = [rest_item(id=1, slug="satu", categories=[5], genre=[7], _embedded={"wp:term": [[category], [genre]]})]
    (folder / "posts.json").write_text(json.dumps(posts), encoding="utf-8")
    content = tmp_path / "content"
    assert run_import([folder], content).problems == []
    assert run_build(config(tmp_path, content, site={"language": "id"})).problems == []
    home = (tmp_path / "site/index.html").read_text(encoding="utf-8")
    assert ">Kategori</a>" in home and ">Genres</a>" in home and ">Arsip</a>" in home
    assert ">Categories</a>" not in home
