"""The grouping of the last build, reused while no post's place in the site changed (output/model_snapshot.py):
it gives the model build_site gives, a rebuild after an edited body, title, summary or author does not group
the posts again, and any other edit, or a damaged snapshot, groups them anew. Each build is compared with a clean build."""

from __future__ import annotations

import dataclasses
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import orjson
import pytest

from generator.convert.document import Image, Mirror, Source
from generator.convert.document import Revision as MirrorRevision
from generator.model import Provenance, Revision, StoredPost, build_site, stored_post
from generator.output import build_cache, model_snapshot, stages
from generator.output.inputs import find_inputs, stats
from generator.output.loading import load_posts, meta_of, provenance_of, stored_post_of
from generator.store.import_cache import CACHE_DIR
from generator.store.terms import read_terms
from tests.site_content import config, many_posts, post, write_content
from tests.site_reading import tree
from tests.test_edits_in_place import TAXONOMIES, SmallSite
from tests.test_incremental import Project

WHEN = datetime(2024, 5, 1, 12, 0, tzinfo=timezone(timedelta(hours=2)))


def _stored(tmp_path: Path) -> tuple[list[StoredPost], object]:
    """Posts of every shape the model groups: terms, pages under pages in menu order, translations, images,
    provenance, and a post of another type."""
    documents, names = many_posts(30, seed=5)
    documents += [
        post("about", WHEN, type="page", source=Source(7, "https://example.com/about/", "g7")),
        post("team", WHEN, type="page", source=Source(8, "https://example.com/about/team/", "g8", parent=7, order=2)),
        post("history", WHEN, type="page", source=Source(9, "https://example.com/about/history/", "g9", parent=7,
                                                          order=1), image=Image("https://example.com/h.jpg", "Old")),
        post("a-propos", WHEN, type="page", language="fr", translations=(("en", 7),),
             source=Source(10, "https://example.com/fr/a-propos/", "g10")),
    ]
    content = write_content(tmp_path / "content", documents, names)
    registry, _ = read_terms(content)
    revisions = (Revision(date(2024, 5, 3), WHEN, ("title",), "title changed"),)
    stored = [stored_post_of(f"{d.type}/{d.slug}.md", f"digest-{n}", meta_of(d),
                             Provenance(date(2024, 5, 2), None, revisions) if n % 3 == 0 else None)
              for n, d in enumerate(documents)]
    return stored, registry


def test_the_saved_grouping_gives_the_model_build_site_gives(tmp_path: Path) -> None:
    stored, registry = _stored(tmp_path)
    site = build_site(stored, registry, None)
    model_snapshot.save(tmp_path / "content", "key", model_snapshot.values(site))
    again = model_snapshot.load(tmp_path / "content", "key", stored, registry)
    assert again == site and again.relations == site.relations
    assert model_snapshot.load(tmp_path / "content", "another key", stored, registry) is None


def test_posts_are_made_with_the_fields_their_classes_declare(tmp_path: Path) -> None:
    """Stored posts and posts are made without their __init__ (frozen.restore): replace() runs it with every field
    read back, and fails on a field left out; each is the post that stored_post makes of its Document."""
    stored, registry = _stored(tmp_path)
    for found in stored:
        assert dataclasses.replace(found) == found
        assert dataclasses.replace(found.post) == found.post
        assert dataclasses.replace(found.post.source) == found.post.source
    documents, _ = many_posts(30, seed=5)
    for document, found in zip(documents, stored):
        made = stored_post(found.post.file, found.post.digest, document, found.post.provenance)
        assert made.post == found.post and made.taxonomies == found.taxonomies
    for made in build_site(stored, registry, None).posts:
        assert dataclasses.replace(made) == made


def _no_grouping(*args: object, **kwargs: object) -> None:
    raise AssertionError("the posts were grouped again")


@pytest.mark.parametrize("edit", [
    {"body": "Edited text."}, {"title": "A new title"}, {"summary": "Another summary.", "author": "Someone Else"},
])
def test_a_rebuild_after_an_edit_of_what_only_shows_does_not_group_the_posts_again(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: dict) -> None:
    project = Project(tmp_path)
    project.build()
    project.change("story-0007", **edit)
    with monkeypatch.context() as patched:
        patched.setattr(stages, "build_site", _no_grouping)
        project.build()
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


@pytest.mark.parametrize("edit", [
    {"date": WHEN}, {"taxonomies": {"regions": ("new-region",)}}, {"slug": "story-renamed"},
    {"title": "A page under another, renamed"},  # its parent lists its children by title
])
def test_any_other_edit_groups_the_posts_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, edit: dict) -> None:
    project = Project(tmp_path)
    parent = project.post("story-0008").source.id
    project.change("story-0007", source=dataclasses.replace(project.post("story-0007").source, parent=parent))
    project.build()
    project.change("story-0007", **edit)
    calls = []
    with monkeypatch.context() as patched:
        patched.setattr(stages, "build_site", lambda *a, **k: calls.append(1) or build_site(*a, **k))
        project.build()
    assert calls == [1]
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


def _damage_by_truncating(path: Path) -> None:
    path.write_bytes(path.read_bytes()[:100])


def _damage_by_dropping_a_post(path: Path) -> None:
    data = orjson.loads(path.read_bytes())
    data["posts"].pop()
    path.write_bytes(orjson.dumps(data))


def _damage_by_swapping_posts(path: Path) -> None:
    data = orjson.loads(path.read_bytes())
    data["posts"][0], data["posts"][1] = data["posts"][1], data["posts"][0]
    data["taxonomies"] = "not a list"
    path.write_bytes(orjson.dumps(data))


def _a_position_past_the_last_post(data: dict) -> None:
    data["types"][0][2][0] = len(data["posts"])


def _a_negative_position(data: dict) -> None:
    data["years"][0][1][0] = -1


def _a_neighbour_that_is_no_post(data: dict) -> None:
    data["relations"][0][0] = [len(data["posts"]) + 5, None]


def _a_time_that_is_text(data: dict) -> None:
    data["relations"][3][0] = "yesterday"


def _a_position_that_is_true(data: dict) -> None:
    data["types"][0][2][0] = True  # JSON's true, which Python counts as the number 1


def _a_position_that_is_a_fraction(data: dict) -> None:
    data["years"][0][1][0] = 0.5


def _a_position_that_is_text(data: dict) -> None:
    data["relations"][2][0] = ["0"]


def _one_post_twice(data: dict) -> None:
    data["posts"][1] = data["posts"][0]


def _a_term_the_site_lacks(data: dict) -> None:
    data["relations"][1][0] = format(1 << len(data["relations"][2]), "x")


@pytest.mark.parametrize("change", [_a_position_past_the_last_post, _a_negative_position, _a_neighbour_that_is_no_post,
                                    _a_position_that_is_true, _a_position_that_is_a_fraction, _a_position_that_is_text,
                                    _a_time_that_is_text, _one_post_twice, _a_term_the_site_lacks])
def test_a_snapshot_naming_what_is_no_post_is_not_used(tmp_path: Path, change) -> None:
    """Read whole, such a snapshot would show another post in a list, or fail a page long after it was read."""
    stored, registry = _stored(tmp_path)
    model_snapshot.save(tmp_path / "content", "key", model_snapshot.values(build_site(stored, registry, None)))
    path = tmp_path / "content" / CACHE_DIR / model_snapshot.FILE_NAME
    data = orjson.loads(path.read_bytes())
    change(data)
    path.write_bytes(orjson.dumps(data))
    assert model_snapshot.load(tmp_path / "content", "key", stored, registry) is None


@pytest.mark.parametrize("damage", [_damage_by_truncating, _damage_by_dropping_a_post, _damage_by_swapping_posts])
def test_a_damaged_snapshot_is_not_used(tmp_path: Path, damage) -> None:
    project = Project(tmp_path)
    project.build()
    damage(project.content / CACHE_DIR / model_snapshot.FILE_NAME)
    project.change("story-0007", body=project.post("story-0007").body.replace("More text", "Edited text", 1))
    project.build()
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")



def test_what_a_rebuild_reads_back_is_made_with_the_fields_its_classes_declare(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The build cache's file entries and the stored posts, their histories and revisions, are made without
    their __init__ too (frozen.restore): each equals what replace() makes of it with every field read back."""
    site = SmallSite(tmp_path / "project")
    site.build(False, monkeypatch)
    cache = build_cache.load(site.content)
    assert cache.files and all(dataclasses.replace(entry) == entry for entry in cache.files.values())
    found = find_inputs(config(site.root, site.content, TAXONOMIES, **site.settings))
    loaded = load_posts(site.content, found.posts, stats(list(found.posts)), cache.files, 1)
    histories = [stored.post.provenance for stored in loaded.posts if stored.post.provenance is not None]
    revisions = [revision for history in histories for revision in history.revisions]
    assert histories and revisions
    for made in [*loaded.posts, *(stored.post for stored in loaded.posts), *histories, *revisions]:
        assert dataclasses.replace(made) == made


def test_posts_mirrored_on_the_same_days_without_revisions_share_one_history(tmp_path: Path) -> None:
    """load_posts makes one Provenance for the posts of one first (and removed) day with no revision, as an import
    writes them by the thousand; each post's equals the one provenance_of makes of its own front matter."""
    revision = MirrorRevision("2024-05-04", WHEN.isoformat(), ("title",), "title changed")
    mirrors = [Mirror("2024-05-02"), Mirror("2024-05-02"), Mirror("2024-05-02", "2024-05-09"),
               Mirror("2024-05-02", "2024-05-09"), Mirror("2024-05-03"), Mirror("2024-05-02", "", (revision,)), None]
    documents = [post(f"story-{n}", WHEN - timedelta(days=n), mirror=mirror) for n, mirror in enumerate(mirrors)]
    content = write_content(tmp_path / "content", documents)
    found = find_inputs(config(tmp_path, content, TAXONOMIES))
    loaded = load_posts(content, found.posts, stats(list(found.posts)), {}, 1)
    by_slug = {stored.post.slug: stored for stored in loaded.posts}
    for path in found.posts:
        stored = by_slug[Path(path).stem]
        assert stored.post.provenance == provenance_of(loaded.entries[path].meta)
    histories = [by_slug[f"story-{n}"].post.provenance for n in range(len(mirrors))]
    assert histories[0] is histories[1] and histories[2] is histories[3]
    assert histories[0] != histories[2] != histories[4] != histories[5] and histories[6] is None
    assert histories[5].revisions and histories[5] is not histories[0]
