"""Importing saved REST responses: shapes, names, re-imports, bad input, and the loss report."""

from __future__ import annotations

import json
import re
import time
from pathlib import Path

import pytest

from generator import placing
from generator.convert.wp_post import NO_DATE
from generator.import_report import loss_report_json
from generator.importer import ImportOptions, run_import
from generator.store.documents import document_files, loads
from tests.conftest import REPO, SAMPLE_JSON, SHARED, content_tree, need_shared, rest_item
from tests.site_reading import tree

WP_REST = SHARED / "samples" / "wp-rest"


def save(folder: Path, name: str, data: object) -> Path:
    path = folder / name
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


def posts(content: Path) -> dict[str, object]:
    return {p.relative_to(content).as_posix(): loads(p.read_text(encoding="utf-8")) for p in document_files(content)}


def test_importing_the_sample_reproduces_the_shipped_content_and_a_second_import_rewrites_nothing(
        tmp_path: Path) -> None:
    content = tmp_path / "content"
    first = run_import([need_shared(SAMPLE_JSON)], content)
    assert first.problems == [] and [p.action for p in first.posts] == ["new"]
    assert content_tree(content) == content_tree(REPO / "content")
    times = {p: p.stat().st_mtime_ns for p in content.rglob("*")}
    second = run_import([SAMPLE_JSON], content)
    assert ([p.action for p in second.posts], second.terms_written) == (["unchanged"], False)
    assert {p: p.stat().st_mtime_ns for p in content.rglob("*")} == times


def test_a_crawl_folder_with_every_shape_resolves_names(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    save(crawl, "wp/v2/posts__page=1.json", [
        rest_item(id=1, slug="one", categories=[5], tags=[9], author=3, featured_media=40,
                  class_list=["category-markets", "tag-lithium"]),
        rest_item(id=2, slug="two", type="news", _embedded={
            "author": [{"id": 4, "name": "Li Wei", "slug": "li", "link": "https://e.com/a/li"}],
            "wp:term": [[{"id": 77, "slug": "ree", "name": "REE &amp; Co", "taxonomy": "news-type"}]],
            "wp:featuredmedia": [{"id": 41, "source_url": "https://e.com/f.jpg", "alt_text": "Mine",
                                  "media_type": "image"}]})])
    (crawl / "wp" / "v2" / "posts?page=2").write_text(json.dumps([rest_item(id=3, slug="three")]))
    save(crawl, "wp/v2/categories.json", [{"id": 5, "slug": "markets", "name": "Markets", "taxonomy": "category",
                                           "parent": 2}])
    save(crawl, "wp/v2/tags.json", [{"id": 9, "slug": "lithium", "name": "Lithium", "taxonomy": "post_tag"}])
    save(crawl, "wp/v2/users.json", [{"id": 3, "name": "Ana Ruiz", "slug": "ana", "link": "https://e.com/a/ana"}])
    save(crawl, "wp/v2/media/40.json", {"id": 40, "source_url": "https://e.com/40.jpg", "alt_text": "Port",
                                        "media_type": "image", "title": {"rendered": "Port"}})
    result = run_import([crawl], tmp_path / "content")
    assert result.problems == []
    found = posts(tmp_path / "content")
    assert sorted(found) == ["news/two.md", "post/one.md", "post/three.md"]
    one, two = found["post/one.md"], found["news/two.md"]
    assert one.taxonomies == {"category": ("markets",), "post_tag": ("lithium",)}
    assert (one.author, one.image.url) == ("Ana Ruiz", "https://e.com/40.jpg")
    assert (two.author, two.image.alt, two.taxonomies) == ("Li Wei", "Mine", {"news-type": ("ree",)})
    terms = (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "  markets:\n    name: Markets\n    id: 5\n    parent: 2\n" in terms
    assert "  ree:\n    name: REE & Co\n    id: 77\n" in terms


def test_one_post_in_several_files_is_imported_once_from_the_latest_copy(tmp_path: Path) -> None:
    save(tmp_path / "in", "a.json", [rest_item(title={"rendered": "Old"}, modified="2024-07-01T12:00:00")])
    save(tmp_path / "in", "b.json", [rest_item(title={"rendered": "New"}, modified="2024-08-01T12:00:00",
                                                   modified_gmt="2024-08-01T10:00:00")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert len(result.posts) == 1
    assert posts(tmp_path / "content")["post/hello.md"].title == "New"


def test_posts_of_two_sites_with_one_type_and_id_are_not_replaced_silently(tmp_path: Path) -> None:
    """Ids are a site's own: of two sites' post 7 one is imported, and the note names the sites and the
    copy left out, so that the sites can be imported into a content folder each. Copies from one site at
    two addresses (http and https, with and without www.) are one post, and not told."""
    save(tmp_path / "in", "a.json", [rest_item(), rest_item(id=8, slug="other", link="https://www.example.com/o/")])
    save(tmp_path / "in", "b.json", [rest_item(slug="elsewhere", link="https://news.example.org/elsewhere/",
                                               guid={"rendered": "https://news.example.org/?p=7"},
                                               modified="2024-08-01T12:00:00"),
                                     rest_item(id=8, slug="other", link="http://example.com/o/")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert sorted(posts(tmp_path / "content")) == ["post/elsewhere.md", "post/other.md"]
    assert result.notes == [
        f"posts of two sites with the same type and id: 1 (example.com and news.example.org; first: "
        f"{tmp_path / 'in' / 'a.json'}, item 7); of each, the copy modified last was imported. A site that moved "
        "address gives such pairs, but two sites' posts need a content folder each"]


def test_the_note_on_two_sites_names_the_two_sites_compared(tmp_path: Path) -> None:
    """A third copy, newest and without an address, is kept after the two sites' copies were compared."""
    save(tmp_path / "in", "a.json", [rest_item()])
    save(tmp_path / "in", "b.json", [rest_item(link="https://news.example.org/hello/", guid={"rendered": ""},
                                               modified="2024-08-01T12:00:00")])
    save(tmp_path / "in", "c.json", [rest_item(link="/hello/", guid={"rendered": "/?p=7"},
                                               modified="2024-09-01T12:00:00")])
    result = run_import([tmp_path / "in"], tmp_path / "content", ImportOptions(site="https://example.com"))
    assert [note.split(";")[0] for note in result.notes] == [
        "posts of two sites with the same type and id: 1 (example.com and news.example.org"]


def test_of_two_copies_modified_at_once_the_one_with_more_data_is_imported(tmp_path: Path) -> None:
    embedded = {"wp:term": [[{"id": 3, "slug": "harbour", "name": "Harbour", "taxonomy": "category"}]]}
    save(tmp_path / "in", "a.json", [rest_item(categories=[3])])  # read first, as a single post's endpoint saves it
    save(tmp_path / "in", "b.json", [rest_item(categories=[3], _embedded=embedded)])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert [p.file for p in result.posts] == [str(tmp_path / "in" / "b.json")]
    assert posts(tmp_path / "content")["post/hello.md"].taxonomies == {"category": ("harbour",)}


def test_only_published_posts_unless_asked(tmp_path: Path) -> None:
    save(tmp_path / "in", "a.json", [rest_item(), rest_item(id=8, slug="draft", status="draft")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert [p.id for p in result.posts] == [7] and len(result.skipped) == 1
    result = run_import([tmp_path / "in"], tmp_path / "content", ImportOptions(statuses=frozenset({"publish", "draft"})))
    assert sorted(p.id for p in result.posts) == [7, 8]


def test_password_protected_posts_are_skipped_as_in_an_export_unless_asked(tmp_path: Path) -> None:
    """WordPress lists them as published; only `content.protected` tells them, with no text unless the
    crawl gave the password."""
    protected = rest_item(id=9, slug="members", title={"rendered": "Protected: Members"},
                          content={"rendered": "", "protected": True}, excerpt={"rendered": "", "protected": True})
    save(tmp_path / "in", "a.json", [rest_item(), protected])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert [p.id for p in result.posts] == [7]
    assert result.skipped == [f"{tmp_path / 'in' / 'a.json'}: item 9: status 'password-protected'"]
    asked = ImportOptions(statuses=frozenset({"publish", "password-protected"}))
    assert sorted(p.id for p in run_import([tmp_path / "in"], tmp_path / "content", asked).posts) == [7, 9]


def test_reimport_changes_only_what_changed_upstream_and_renames_on_a_new_slug(tmp_path: Path) -> None:
    content = tmp_path / "content"
    save(tmp_path / "in", "a.json", [rest_item(id=i, slug=f"p{i}") for i in range(1, 4)])
    run_import([tmp_path / "in"], content)
    before = {p: p.stat().st_mtime_ns for p in content.rglob("*.md")}
    time.sleep(0.01)
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="p1", content={"rendered": "<p>Changed</p>"}),
                                     rest_item(id=2, slug="renamed"), rest_item(id=3, slug="p3")])
    result = run_import([tmp_path / "in"], content)
    assert {p.id: p.action for p in result.posts} == {1: "updated", 2: "renamed", 3: "unchanged"}
    assert sorted(p.name for p in (content / "post").iterdir()) == ["p1.md", "p3.md", "renamed.md"]
    assert (content / "post" / "p3.md").stat().st_mtime_ns == before[content / "post" / "p3.md"]


def test_posts_missing_upstream_are_kept_and_reported_until_pruned(tmp_path: Path) -> None:
    content = tmp_path / "content"
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a"), rest_item(id=2, slug="b")])
    run_import([tmp_path / "in"], content)
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a")])
    result = run_import([tmp_path / "in"], content)
    assert result.missing == [content / "post" / "b.md"] and (content / "post" / "b.md").exists()
    result = run_import([tmp_path / "in"], content, ImportOptions(prune=True))
    assert result.pruned == [content / "post" / "b.md"] and not (content / "post" / "b.md").exists()


def test_a_suffix_never_lands_on_another_posts_file_and_history_does_not_matter(tmp_path: Path) -> None:
    # posts without an address upstream, which cannot be told to be one post (see the test after the next)
    save(tmp_path / "in", "a.json", [rest_item(id=9, slug="same", link="")])
    run_import([tmp_path / "in"], tmp_path / "content")
    save(tmp_path / "in", "a.json", [rest_item(id=9, slug="same", link=""), rest_item(id=4, slug="same", link=""),
                                     rest_item(id=5, slug="same-9")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    found = {path: post.source.id for path, post in posts(tmp_path / "content").items()}
    assert found == {"post/same.md": 4, "post/same-9.md": 5, "post/same-9-2.md": 9}
    assert len(result.problems) == 1
    save(tmp_path / "fresh", "a.json", [rest_item(id=9, slug="same", link=""), rest_item(id=4, slug="same", link=""),
                                        rest_item(id=5, slug="same-9")])
    run_import([tmp_path / "fresh"], tmp_path / "again")
    assert content_tree(tmp_path / "again") == content_tree(tmp_path / "content")
    assert len(run_import([tmp_path / "in"], tmp_path / "content").problems) == 1  # told again, from the cache


def test_swapped_slugs_end_where_a_fresh_import_puts_them(tmp_path: Path) -> None:
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a"), rest_item(id=2, slug="b")])
    run_import([tmp_path / "in"], tmp_path / "content")
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="b"), rest_item(id=2, slug="a")])
    run_import([tmp_path / "in"], tmp_path / "content")
    run_import([tmp_path / "in"], tmp_path / "fresh")
    assert content_tree(tmp_path / "content") == content_tree(tmp_path / "fresh")
    assert not list((tmp_path / "content").rglob(".*.tmp"))


def test_prune_keeps_posts_that_failed_or_whose_file_could_not_be_read(tmp_path: Path) -> None:
    content = tmp_path / "content"
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a"), rest_item(id=2, slug="b")])
    save(tmp_path / "in", "b.json", [rest_item(id=3, slug="c")])
    run_import([tmp_path / "in"], content)
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a"), rest_item(id=2, slug="b", date="soon")])
    (tmp_path / "in" / "b.json").write_text("[{", encoding="utf-8")
    result = run_import([tmp_path / "in"], content, ImportOptions(prune=True))
    assert result.pruned == [] and sorted(posts(content)) == ["post/a.md", "post/b.md", "post/c.md"]
    assert any(p.file == "--prune" for p in result.problems)


@pytest.mark.parametrize("spoil, field", [
    (lambda text: text.replace("\n  id: 1\n", "\n\tid: 1\n") + "A hand edit\n", "front matter"),
    (lambda text: text.replace("title: Hello", "title: Caf\xe9").encode("latin-1"), "file"),
    (lambda text: text.replace("---", "", 1), "front matter"),
])
@pytest.mark.parametrize("workers", [1, 2])
def test_a_post_file_the_import_cannot_read_is_left_as_it_is_and_named(tmp_path: Path, spoil, field: str,
                                                                       workers: int) -> None:
    """A post file broken by hand (a tab in its front matter, Latin-1 bytes, its first --- gone) or unreadable
    (chmod 000) was replaced by the import without a word, its hand edit and `mirror:` history lost, and its
    post logged as added."""
    content = tmp_path / "content"
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a"), rest_item(id=2, slug="b")])
    run_import([tmp_path / "in"], content)
    spoilt = spoil((content / "post" / "a.md").read_text(encoding="utf-8"))
    (content / "post" / "a.md").write_bytes(spoilt if isinstance(spoilt, bytes) else spoilt.encode("utf-8"))
    result = run_import([tmp_path / "in"], content, ImportOptions(workers=workers, now="2026-12-05T00:00:00Z"))
    written = (content / "post" / "a.md").read_bytes()
    assert written == (spoilt if isinstance(spoilt, bytes) else spoilt.encode("utf-8"))
    assert [(p.field, p.message.split(":")[0]) for p in result.problems] == [(field, str(content / "post" / "a.md"))]
    assert "the file was left as it is" in result.problems[0].message
    assert sorted(path.name for path in (content / "post").iterdir()) == ["a.md", "b.md"]
    assert result.changes == []


def test_two_posts_with_one_slug_are_both_kept(tmp_path: Path) -> None:
    save(tmp_path / "in", "a.json", [rest_item(id=9, slug="same", link=""), rest_item(id=4, slug="same", link="")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert sorted(posts(tmp_path / "content")) == ["post/same-9.md", "post/same.md"]
    assert [str(p) for p in result.problems] == [
        f"{tmp_path / 'in' / 'a.json'}: item 9: field 'slug': 'same' is taken by another post; saved as 'same-9'"]
    assert posts(tmp_path / "content")["post/same.md"].source.id == 4  # the lower id keeps the slug
    # post 9's file, staged where its slug asked to be while it was converted, was taken back
    assert not list((tmp_path / "content").rglob(".*.tmp"))


def test_one_post_saved_twice_upstream_under_two_ids_is_kept_once_the_one_updated_last(tmp_path: Path) -> None:
    """A site whose posts were imported twice into WordPress serves each at one address under two ids (round
    61a's DeFi news site: 80 posts): one file, the post updated last (then the higher id), a note, no problem."""
    save(tmp_path / "in", "a.json", [rest_item(id=9, slug="same", link="https://example.com/same/"),
                                     rest_item(id=4, slug="same", link="https://example.com/same/",
                                               modified="2025-01-01T00:00:00", modified_gmt="2025-01-01T00:00:00"),
                                     rest_item(id=12, slug="twice", link="https://example.com/twice/"),
                                     rest_item(id=11, slug="twice", link="https://example.com/twice/")])
    for run in ("first", "again, from the cache"):
        result = run_import([tmp_path / "in"], tmp_path / "content")
        assert result.problems == [], run
        assert {path: post.source.id for path, post in posts(tmp_path / "content").items()} == {
            "post/same.md": 4, "post/twice.md": 12}, run
        assert result.notes == [f"2 posts are another post again, at its address upstream under another id (first: "
                                f"{tmp_path / 'in' / 'a.json'}, item 9, the same as {tmp_path / 'in' / 'a.json'}, "
                                f"item 4); the one updated last of each is kept"], run
        assert not list((tmp_path / "content").rglob(".*.tmp"))


def _page(ident: int, link: str) -> dict:
    return rest_item(id=ident, slug="design", type="page", link=link, guid={"rendered": f"https://example.com/?p={ident}"})


def test_pages_at_two_addresses_with_one_slug_are_both_kept_with_a_note_not_a_problem(tmp_path: Path) -> None:
    """WordPress lets pages under different parents (or translations) share a slug; their files cannot."""
    save(tmp_path / "in", "pages.json", [_page(20, "https://example.com/en/services/design/"),
                                         _page(8, "https://example.com/services/design/")])
    for run in ("first", "again, from the cache"):
        result = run_import([tmp_path / "in"], tmp_path / "content")
        assert result.problems == [], run
        assert result.notes == [f"1 posts share a slug with a post at another address or in another language "
                                f"upstream (first: "
                                f"{tmp_path / 'in' / 'pages.json'}, item 20); each is saved as <slug>-<id>"], run
        found = posts(tmp_path / "content")
        assert {path: post.source.id for path, post in found.items()} == {"page/design.md": 8, "page/design-20.md": 20}


def test_a_slug_held_by_a_post_from_an_earlier_import_at_another_address_is_a_note(tmp_path: Path) -> None:
    save(tmp_path / "old", "pages.json", [_page(8, "https://example.com/services/design/")])
    run_import([tmp_path / "old"], tmp_path / "content")
    save(tmp_path / "new", "pages.json", [_page(20, "https://example.com/en/services/design/")])
    result = run_import([tmp_path / "new"], tmp_path / "content")
    assert result.problems == [] and len(result.notes) == 1
    assert sorted(posts(tmp_path / "content")) == ["page/design-20.md", "page/design.md"]


def test_translations_sharing_a_slug_at_one_address_are_a_note_not_a_problem(tmp_path: Path) -> None:
    """A WPML site's dump: its English and French pages keep the Spanish one's slug (WPML allows it, each language
    under its own folder), but the permalinks a dump gives are one address for all. They were a problem each and
    the import exited 1; two pages of one language at one address stay a problem."""
    translated = [{**_page(ident, "https://example.com/habitaciones/"), "lang": lang}
                  for ident, lang in ((8, "es"), (20, "en"), (24, "fr"))]
    save(tmp_path / "in", "pages.json", translated)
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == []
    assert len(result.notes) == 1 and result.notes[0].startswith("2 posts share a slug")
    assert sorted(posts(tmp_path / "content")) == ["page/design-20.md", "page/design-24.md", "page/design.md"]
    save(tmp_path / "again", "pages.json", [{**_page(30, "https://example.com/habitaciones/"), "lang": "es"}])
    result = run_import([tmp_path / "again"], tmp_path / "content")
    assert [(p.item, p.field) for p in result.problems] == [("30", "slug")]


def test_posts_of_one_slug_under_two_parents_without_addresses_are_a_note_not_a_problem(tmp_path: Path) -> None:
    """A brain tumour charity's dump: its hierarchical `events` type held an "event-details" page under each of 18
    events, addresses its plugin makes and the dump does not give. Each clash was a problem (42 lines, exit 1),
    though WordPress keeps a slug unique among a parent's children only; two pages of one parent stay a problem."""
    details = [rest_item(id=ident, slug="event-details", type="events", link="", parent=parent)
               for ident, parent in ((82, 46), (87, 52), (90, 45))]
    save(tmp_path / "in", "events.json", details)
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == [] and len(result.notes) == 1 and result.notes[0].startswith("2 posts share a slug")
    assert sorted(posts(tmp_path / "content")) == ["events/event-details-87.md", "events/event-details-90.md",
                                                   "events/event-details.md"]
    save(tmp_path / "again", "events.json", [rest_item(id=93, slug="event-details", type="events", link="",
                                                       parent=46)])
    result = run_import([tmp_path / "again"], tmp_path / "content")
    assert [(p.item, p.field) for p in result.problems] == [("93", "slug")]


def test_a_slug_clash_where_a_post_has_no_address_stays_a_problem(tmp_path: Path) -> None:
    save(tmp_path / "in", "pages.json", [_page(20, ""), _page(8, "https://example.com/services/design/")])
    result = run_import([tmp_path / "in"], tmp_path / "content", ImportOptions(site="https://example.com/"))
    assert [(p.item, p.field) for p in result.problems] == [("20", "slug")]


@pytest.mark.parametrize("failing", ["read_index", "_stage"])
def test_an_import_that_fails_after_converting_leaves_the_content_folder_as_it_was(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, failing: str) -> None:
    """Failing before the files are placed (listing the folder), or at the second file placed: either way
    the files the conversion staged are gone, and no post file changed."""
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a"), rest_item(id=2, slug="b")])
    run_import([tmp_path / "in"], tmp_path / "content")
    before = content_tree(tmp_path / "content")
    save(tmp_path / "in", "a.json", [rest_item(id=1, slug="a", title={"rendered": "New"}), rest_item(id=2, slug="c")])
    calls, real = [], getattr(placing, failing)

    def full_disk(*args: object) -> object:
        if failing == "read_index" or calls:
            raise OSError(28, "No space left on device")
        calls.append(args)
        return real(*args)

    monkeypatch.setattr(placing, failing, full_disk)
    with pytest.raises(OSError):
        run_import([tmp_path / "in"], tmp_path / "content")
    assert content_tree(tmp_path / "content") == before


@pytest.mark.parametrize("fields, field", [
    ({"type": "../escaped"}, "type"), ({"type": "/tmp"}, "type"), ({"type": "a/b"}, "type"), ({"type": ""}, "type"),
    ({"type": "Post"}, "type"),
])
def test_hostile_post_types_are_refused_and_nothing_is_written_outside(tmp_path: Path, fields: dict,
                                                                        field: str) -> None:
    save(tmp_path / "in", "a.json", [rest_item(**fields), rest_item(id=8, slug="fine", _embedded={"wp:term": [[
        {"id": 1, "slug": "x", "name": "X", "taxonomy": "../../evil"}]]})])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert [(p.item, p.field) for p in result.problems] == [("7", field)]
    outside = [p for p in tmp_path.rglob("*") if p.is_file() and p.parts[len(tmp_path.parts)] not in ("in", "content")]
    assert outside == []
    assert posts(tmp_path / "content")["post/fine.md"].taxonomies == {}


def test_json_of_another_shape_says_what_it_has_and_lacks(tmp_path: Path) -> None:
    """A theme's or a script's own dump: posts without their body, and lists under names of its own."""
    save(tmp_path / "in", "fields.json", [{"id": "1", "slug": "a", "title": "A", "date": "2026-01-01T00:00:00"}])
    save(tmp_path / "in", "dump.json", {"entries": [{"slug": "a", "title": "A", "content": "<p>x</p>"}], "tags": [],
                                        "categories": [{"name": "News", "slug": "news"}]})
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert sorted(str(p).removeprefix(str(tmp_path / "in") + "/") for p in result.problems) == [
        "dump.json: an object holding lists (entries, categories), not a WordPress REST response, which is a list of "
        "posts or one post: save the site's /wp-json/wp/v2/ responses as they come, or a WordPress export",
        "fields.json: item 1: not a WordPress post, term, user or media object: it has id, slug, title, date but "
        "no content"]


def test_bad_items_are_named_and_the_rest_imported(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    save(folder, "1.json", [rest_item(id=1, slug="fine"), rest_item(id=2, title=3), rest_item(id=3, date=20240101),
                            rest_item(id=4, content={"rendered": ""}, slug="empty"), {"foo": "bar"},
                            rest_item(id=5, slug="../../etc/passwd"), rest_item(id=6, slug="aux")])
    (folder / "2.json").write_bytes(b"\xff\xfe\x00binary")
    (folder / "3.json").write_text("[1, 2")
    result = run_import([folder], tmp_path / "content")
    lines = [str(p).removeprefix(str(folder) + "/") for p in result.problems]
    assert lines == [
        "2.json: not UTF-16 text (byte 8): is this a JSON file?",  # its first bytes are a UTF-16 mark
        "3.json: not valid JSON: line 1 column 6: Expecting ',' delimiter",
        "1.json: item #4: not a WordPress post, term, user or media object: it has foo but no id or title or content",
        "1.json: item 2: field 'title': expected a string, got int",
        "1.json: item 3: field 'date': expected a string, got int",
        "1.json: item 5: field 'slug': '../../etc/passwd' is not a safe file name; saved as 'etc-passwd'",
        "1.json: item 6: field 'slug': 'aux' is not a safe file name; saved as 'aux_'",
    ]
    assert result.notes == [f"1 posts have an empty body (first: {folder / '1.json'}, item 4); "
                            "they are imported with their title and fields only"]
    assert sorted(posts(tmp_path / "content")) == ["post/aux_.md", "post/empty.md", "post/etc-passwd.md",
                                                   "post/fine.md"]
    assert sorted(p.relative_to(tmp_path).as_posix() for p in tmp_path.rglob("*") if p.is_file()) == [
        "content/.newsmirror-cache/.gitignore", "content/.newsmirror-cache/import.json", "content/post/aux_.md", "content/post/empty.md", "content/post/etc-passwd.md", "content/post/fine.md",
        "content/terms.yaml", "in/1.json", "in/2.json", "in/3.json"]


def test_a_ten_megabyte_post_imports_in_bounded_time(tmp_path: Path) -> None:
    # Long paragraphs keep this test quick; dense markup costs about 4 s per MB (linear).
    paragraph = f"<p>{'Rare earth prices rose again as supply tightened. ' * 150}<em>More</em> " \
                "<a href='https://e.com/x'>data</a>.</p>\n"
    body = paragraph * (10_000_000 // len(paragraph))
    save(tmp_path / "in", "big.json", rest_item(content={"rendered": body}))
    started = time.perf_counter()
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == [] and time.perf_counter() - started < 120
    assert (tmp_path / "content" / "post" / "hello.md").stat().st_size > 5_000_000


def test_loss_report_names_each_post_and_what_it_lost(tmp_path: Path) -> None:
    save(tmp_path / "in", "a.json", [rest_item(content={"rendered": '<iframe src="https://www.youtube.com/embed/x">'
                                                                   '</iframe><p>[unknown x="1"]</p>'}),
                                     rest_item(id=8, slug="clean")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    report = json.loads(loss_report_json(result))
    assert report["totals"] == {"iframe made a link": 1, "unknown shortcode kept as text": 1}
    assert [(p["id"], p["losses"]) for p in report["posts"]] == [
        (7, {"iframe made a link": 1, "unknown shortcode kept as text": 1})]


def test_unresolved_term_ids_are_reported_not_dropped_silently(tmp_path: Path) -> None:
    save(tmp_path / "in", "a.json", [rest_item(categories=[5, 6], class_list=["category-markets"])])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.losses() == {"term id not resolved": 1}
    assert posts(tmp_path / "content")["post/hello.md"].taxonomies == {"category": ("markets",)}


def test_existing_terms_are_never_lost(tmp_path: Path) -> None:
    content = tmp_path / "content"
    save(tmp_path / "a", "terms.json", [{"id": 5, "slug": "markets", "name": "Markets", "taxonomy": "category"}])
    run_import([tmp_path / "a"], content)
    save(tmp_path / "b", "post.json", [rest_item(categories=[7], class_list=["category-mining"])])
    run_import([tmp_path / "b"], content)
    terms = (content / "terms.yaml").read_text(encoding="utf-8")
    assert "markets:\n    name: Markets" in terms and "mining:" in terms


def test_every_saved_rest_sample_imports_without_a_crash_and_twice_changes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    first = run_import([need_shared(WP_REST)], content, ImportOptions(statuses=frozenset({"publish", "draft"})))
    assert len(first.posts) >= 20
    assert not [p for p in first.problems if "bug in newsmirror" in str(p)]
    snapshot = tree(content)
    times = {p: p.stat().st_mtime_ns for p in content.rglob("*")}
    second = run_import([WP_REST], content, ImportOptions(statuses=frozenset({"publish", "draft"})))
    assert {p.action for p in second.posts} == {"unchanged"} and tree(content) == snapshot
    assert {p: p.stat().st_mtime_ns for p in content.rglob("*")} == times


def many(folder: Path, count: int = 80) -> Path:
    return save(folder, "posts.json", [rest_item(id=i, slug=f"p{i}", class_list=[f"category-c{i % 3}"],
                                                 categories=[i % 3]) for i in range(1, count + 1)])


def test_any_number_of_workers_writes_the_same_bytes(tmp_path: Path) -> None:
    saved = many(tmp_path / "in")
    run_import([saved], tmp_path / "one", ImportOptions(workers=1))
    run_import([saved], tmp_path / "two", ImportOptions(workers=2))
    assert content_tree(tmp_path / "one") == content_tree(tmp_path / "two")


def test_the_import_cache_can_be_deleted_and_never_hides_a_hand_edit(tmp_path: Path) -> None:
    saved, content = many(tmp_path / "in"), tmp_path / "content"
    run_import([saved], content)
    again = run_import([saved], content)
    assert {p.action for p in again.posts} == {"unchanged"}
    # A name that only another post's _embed carries reaches this post too, cache or not.
    save(tmp_path / "in", "names.json", [rest_item(id=999, slug="carrier", categories=[1], _embedded={
        "wp:term": [[{"id": 1, "slug": "markets", "name": "Markets", "taxonomy": "category"}]]})])
    named = run_import([tmp_path / "in"], content)
    assert posts(content)["post/p1.md"].taxonomies["category"] == ("c1", "markets")
    assert {p.id for p in named.posts if p.action == "updated"} >= {1, 4}
    (tmp_path / "in" / "names.json").unlink()
    run_import([tmp_path / "in"], content, ImportOptions(prune=True))
    edited = content / "post" / "p5.md"
    edited.write_text(edited.read_text(encoding="utf-8").replace("Body", "Edited by hand"), encoding="utf-8")
    restored = run_import([saved], content)
    assert [p.id for p in restored.posts if p.action == "updated"] == [5]
    expected = content_tree(content)
    for cache in (content / ".newsmirror-cache").iterdir():
        cache.unlink()
    run_import([saved], content)
    assert content_tree(content) == expected


def test_one_fault_of_many_items_in_one_file_is_told_once(tmp_path: Path) -> None:
    """A crawl saved with `?_fields=` has no content (nor excerpt) in any post: one line says so, not one per post."""
    trimmed = [{k: v for k, v in rest_item(id=n, slug=f"p{n}").items() if k not in ("content", "excerpt")}
               for n in range(1, 151)]
    save(tmp_path / "in", "posts.json", trimmed + [rest_item(id=200, slug="fine", title=3)])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert [(p.item, p.field, p.message) for p in result.problems] == [
        ("1 and 149 more", "content", "missing: its type has no editor, or the response was saved trimmed "
                                      "(?_fields=); nothing to import"),
        ("200", "title", "expected a string, got int")]


def test_posts_saved_without_their_content_but_with_their_excerpt_show_the_excerpt(tmp_path: Path) -> None:
    """A listing saved with `?_fields=id,date,slug,link,title,excerpt` (or a theme that strips bodies from the API):
    every post was left out ("nothing to import"); each is imported with its excerpt as its body, noted, and
    without the excerpt's link to continue reading on the live site."""
    excerpt = ('<p>How to furnish a calm room &hellip; <a href="https://example.com/hello/" class="more-link">'
               'Continue reading<span class="screen-reader-text"> Hello</span></a></p>\n')
    save(tmp_path / "in", "posts.json", [{k: v for k, v in rest_item(excerpt={"rendered": excerpt}).items()
                                          if k != "content"}])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == [] and [p.path for p in result.posts] == ["post/hello.md"]
    assert result.posts[0].losses.counts["body not in the saved response: its excerpt shown instead"] == 1
    assert posts(tmp_path / "content")["post/hello.md"].body == "How to furnish a calm room …\n"


def test_posts_saved_with_fields_that_leave_out_the_id_are_imported_under_ids_made_from_them(tmp_path: Path) -> None:
    """Headless front ends save `?_fields=date,slug,title,content`: no id, type or link. Each post gets
    an id made from its slug and date, the same in the next import, and each is told."""
    trimmed = [{"date": f"2020-08-2{n}T12:14:32", "slug": f"p{n}", "title": {"rendered": f"Post {n}"},
                "content": {"rendered": f"<p>Body {n}</p>"}} for n in range(1, 4)]
    save(tmp_path / "in", "wp-posts.json", trimmed)
    first = run_import([tmp_path / "in"], tmp_path / "content")
    assert [(p.item, p.field) for p in first.problems] == [("#0", "id"), ("#1", "id"), ("#2", "id")]
    assert "made from its link, or its slug and date" in first.problems[0].message
    assert list(posts(tmp_path / "content")) == ["post/p1.md", "post/p2.md", "post/p3.md"]
    again = run_import([tmp_path / "in"], tmp_path / "content")
    assert {p.action for p in again.posts} == {"unchanged"}


def test_posts_saved_without_id_address_and_slug_on_one_day_stay_apart(tmp_path: Path) -> None:
    """A script's dump of pages with titles and bodies and nothing else that names them: all were given one id, so
    all but one were lost without a word."""
    pages = [{"date": "2020-08-21T12:14:32", "title": title, "content": f"<p>{title}.</p>"}
             for title in ("Contact", "Imprint", "About us")]
    save(tmp_path / "in", "pages.json", pages)
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert sorted(posts(tmp_path / "content")) == ["post/about-us.md", "post/contact.md", "post/imprint.md"]
    assert {(p.item, p.field) for p in result.problems} >= {("#0", "id"), ("#1", "id"), ("#2", "id")}


def test_posts_whose_links_a_crawl_saved_with_a_backslash_are_not_told_to_want_a_site_address(tmp_path: Path) -> None:
    """A search-and-replace over a Simply Static crawl left every address of a Turkish clinic's site as
    `https:\\/\\medmoveandsports.com\\/…`: its posts came out with their web addresses, as a browser reads them, but
    the import told the user that 24 of its 30 posts named no site and to import them again with `--site URL`."""
    save(tmp_path / "in", "posts.json", [rest_item(id=n, slug=f"p{n}", link=f"https:/\\clinic.example/p{n}/",
                                                   guid={"rendered": f"https:/\\clinic.example/?p={n}"})
                                         for n in (1, 2)])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert not [note for note in result.notes if "no site address" in note], result.notes
    assert "url: https://clinic.example/p1/" in (tmp_path / "content" / "post" / "p1.md").read_text(encoding="utf-8")


def test_posts_saved_without_ids_are_named_by_their_file_and_place_in_it_not_by_the_ids_made_for_them(
        tmp_path: Path) -> None:
    """The id made for a post saved without one (`1000480001160`) is in no file the user has: messages named
    items by it ("item 1000480001160 and 635 more: field 'date'", "(first: …, item 1010722303002)")."""
    trimmed = [{"slug": f"p{n}", "title": {"rendered": f"Hymn {n}"}, "content": {"rendered": f"<p>Verse {n}</p>"}}
               for n in range(8)]
    save(tmp_path / "in", "hymns.json", trimmed)
    undated = run_import([tmp_path / "in"], tmp_path / "content")
    assert [(p.file, p.item[:1], p.item[2:], p.message) for p in undated.problems if p.field == "date"] == [
        (str(tmp_path / "in" / "hymns.json"), "#", " and 7 more", NO_DATE)]
    dated = [{**post, "date": "2020-08-21T12:14:32", "status": "draft" if n == 2 else "publish",
              "content": {"rendered": "" if n == 1 else post["content"]["rendered"]}} for n, post in enumerate(trimmed)]
    save(tmp_path / "in", "hymns.json", dated)
    save(tmp_path / "in", "one.json", {**dated[0], "slug": "alone"})
    result = run_import([tmp_path / "in"], tmp_path / "content")
    told = " ".join([*result.notes, *result.skipped, *map(str, result.problems)])
    assert re.search(r"\d{13}", told) is None, told
    hymns = re.escape(str(tmp_path / "in" / "hymns.json"))
    assert re.search(rf"no site address in their link or guid \(first: ({hymns}, item #\d|.*one\.json)\)", told)
    assert f"1 posts have an empty body (first: {tmp_path / 'in' / 'hymns.json'}, item #1)" in told
    assert f"{tmp_path / 'in' / 'hymns.json'}: item #2: status 'draft'" in result.skipped


def test_a_post_type_named_with_a_leading_underscore_is_imported_without_it(tmp_path: Path) -> None:
    save(tmp_path / "in", "people.json", [rest_item(type="_cty_people", slug="ada")])
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert result.problems == []
    assert list(posts(tmp_path / "content")) == ["cty_people/ada.md"]
