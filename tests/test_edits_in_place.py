"""Edits made in place (output/edits.py): after an edit of posts' titles, summaries or authors, a build plans only
the pages that show those posts, and must still give the bytes of a clean build. The site here has what the
benchmark's news posts lack: two post types (each with its list pages), pages under pages, translations, posts
with a history (a paginated Updates page and its feed), featured images and text that runs right to left."""

from __future__ import annotations

import dataclasses
import json
import os
import shutil
from collections.abc import Callable
from datetime import datetime, timedelta
from pathlib import Path

import pytest

from generator.builder import BuildSession, run_build
from generator.convert.document import Document, Image, Mirror, Revision, Source
from generator.output import outputs
from generator.output.outputs import site_outputs
from generator.store.documents import document_path, loads, write_document
from generator.store.import_cache import CACHE_DIR
from tests.site_content import PACIFIC, SOURCE_SITE, config, post, write_content
from tests.site_reading import tree
from tests.test_incremental import _age

BASE = "https://user.github.io/mirror/"
TAXONOMIES = {"regions": "Regions"}
REGIONS = ["china", "japan", "brazil"]


def _news(n: int) -> Document:
    when = datetime(2025, 1, 1, 9, tzinfo=PACIFIC) + timedelta(days=9 * n)
    mirror = None
    if n % 3 != 2:  # most have a history: the Updates page then runs over several pages
        day = f"2026-0{1 + n % 5}-1{n % 10}"
        revisions = (Revision(day, f"{day}T08:00:00-07:00", ("body",), ""),) if n % 2 else ()
        mirror = Mirror(f"2025-1{n % 3}-0{1 + n % 9}", revisions=revisions)
    return post(f"story-{n:02d}", when, author="Ada Lovelace" if n % 2 else "",
                taxonomies={"regions": sorted({REGIONS[n % 3], REGIONS[n * 7 % 3 - 1]})},
                image=Image(f"https://example.com/up/{n}.jpg", "" if n % 4 else f"Photo {n}") if n % 2 else None,
                language="fr" if n == 5 else "",  # story-04 and story-05 are translations of each other
                translations={4: (("fr", 105),), 5: (("en", 104),)}.get(n, ()),
                source=Source(100 + n, f"{SOURCE_SITE}story-{n:02d}/", f"https://example.com/?p={100 + n}"),
                mirror=mirror)


def _page(slug: str, n: int, parent: int = 0) -> Document:
    """A page of id 900 + n, under the page of id `parent`: its children are ordered by title."""
    when = datetime(2024, 6, 1, 9, tzinfo=PACIFIC) + timedelta(days=n)
    source = Source(900 + n, f"{SOURCE_SITE}{slug}/", f"https://example.com/?p={900 + n}", parent=parent)
    return post(slug, when, type="page", source=source)


class SmallSite:
    """A small site of both post types, built the way a user would build it."""

    def __init__(self, root: Path, session: BuildSession | None = None) -> None:
        self.root, self.session = root, session
        documents = [_news(n) for n in range(14)] + [
            _page("about", 0), _page("team", 1, parent=900), _page("history", 2, parent=900),
            _page("founders", 3, parent=901), _page("contact", 4)]
        self.content = write_content(root / "content", documents)
        self.settings: dict = {"site": {"base_url": BASE}, "changes": {"updates": 12},
                               "build": {"posts_per_page": 3, "feed_entries": 4, "related_posts": 2, "jobs": 1}}
        _age(self.content)

    def build(self, in_place: bool, monkeypatch: pytest.MonkeyPatch) -> None:
        """A build, which with `in_place` must not plan every page of the site (outputs.site_outputs)."""
        with monkeypatch.context() as patched:
            if in_place:
                patched.setattr(outputs, "site_outputs", _no_whole_plan)
            result = run_build(config(self.root, self.content, TAXONOMIES, **self.settings), session=self.session)
        assert result.problems == [], result.problems

    def clean_build(self, where: Path) -> dict[str, bytes]:
        shutil.copytree(self.content, where / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
        result = run_build(config(where, where / "content", TAXONOMIES, **self.settings))
        assert result.problems == [], result.problems
        return tree(where / "site")

    def path(self, slug: str) -> Path:
        return next(self.content.glob(f"*/{slug}.md"))

    def post(self, slug: str) -> Document:
        return loads(self.path(slug).read_text(encoding="utf-8"))

    def change(self, slug: str, **fields: object) -> None:
        old = self.post(slug)
        new = dataclasses.replace(old, **fields)
        write_document(self.content, new)
        assert document_path(self.content, new) == document_path(self.content, old)

    def touch(self, slug: str) -> None:
        """The file's stat changes, not its bytes."""
        path = self.path(slug)
        path.write_bytes(path.read_bytes())
        os.utime(path, ns=(path.stat().st_mtime_ns + 10**9,) * 2)


def _no_whole_plan(*args: object, **kwargs: object) -> None:
    raise AssertionError("every page of the site was planned: the edit was not made in place")


Edit = Callable[[SmallSite], None]


def _on_updates_pages(site: SmallSite) -> None:
    """The title and summary (which its "added" event shows) of a post on the first and last Updates pages."""
    site.change("story-03", title="Story Three, Renamed", summary="A summary the Updates page shows.")


def _several_at_once(site: SmallSite) -> None:
    site.change("story-06", title="Six")
    site.change("story-07", body="Another body.\n")
    site.change("contact", summary="Write to us.", author="The Desk")
    site.touch("story-08")


def _synced(site: SmallSite) -> None:
    """A post edited upstream, as a sync brings it back: a new body, a later time of update, and a revision
    at the top of its history, which moves every later event on the Updates pages down by one."""
    old = site.post("story-07")
    assert old.mirror is not None
    revision = Revision("2026-07-01", "2026-06-30T08:00:00-07:00", ("body",), "body: 1 paragraph changed")
    site.change("story-07", body="The body as it reads upstream now.\n",
                updated=datetime(2026, 6, 30, 8, tzinfo=PACIFIC),
                mirror=dataclasses.replace(old.mirror, revisions=(revision, *old.mirror.revisions)))


def _history(slug: str, **fields: object) -> Edit:
    def edit(site: SmallSite) -> None:
        old = site.post(slug)
        assert old.mirror is not None
        site.change(slug, mirror=dataclasses.replace(old.mirror, **fields))
    return edit


# (name, edit, made in place)
EDITS: list[tuple[str, Edit, bool]] = [
    ("a post edited upstream, as a sync brings it", _synced, True),
    ("the time of update of the newest post, on every list it starts",
     lambda s: s.change("story-13", updated=datetime(2026, 2, 1, 9, tzinfo=PACIFIC)), True),
    ("a revision dropped from a history", _history("story-09", revisions=()), True),
    ("a post found removed upstream", _history("story-12", removed="2026-08-01"), True),
    ("a post's first history, which it had none of", lambda s: s.change("story-05", mirror=Mirror("2026-08-02")),
     False),
    ("the title of a page that others are under", lambda s: s.change("about", title="About Us"), True),
    ("the title of a page under another, whose parent lists it", lambda s: s.change("team", title="Our Team"), False),
    ("the title of a page (another type) that its list shows", lambda s: s.change("contact", title="Reach Us"), True),
    ("a title and summary on the first and last Updates pages", _on_updates_pages, True),
    ("the summary of the newest post, on every list it starts", lambda s: s.change("story-13", summary="New."),
     True),
    ("a title in Arabic, whose cards then run right to left", lambda s: s.change("story-10", title="خبر عاجل"),
     True),
    # (A post needs a title: an empty one is a problem, and the post is left out.)
    ("an empty summary and author, and a title of digits alone",
     lambda s: s.change("story-11", title="2024", summary="", author=""), True),
    ("a translated post's title and author", lambda s: s.change("story-04", title="In English", author="Grace"),
     True),
    ("several posts of both types at once, and a file touched", _several_at_once, True),
    ("a title back as it was", lambda s: s.change("story-10", title="Story 10"), True),
    ("a page under another, given its sibling's title", lambda s: s.change("history", title="our team"), False),
    ("a post with a featured image and no alt text", lambda s: s.change("story-01", title="With an Image"), True),
    # Moves: a post's place changes, not its page's path (output/moves.py).
    ("a date moved a day", lambda s: _moved(s, "story-07", days=1), True),
    ("a date moved past two posts of its month, across two list pages", lambda s: _moved(s, "story-07", days=19), True),
    ("a date moved to the time of another post's", lambda s: _moved(s, "story-12", days=9), True),
    ("a date moved to the month before, whose lists keep their number of pages",
     lambda s: _moved(s, "story-04", days=-7), True),
    ("a date moved before every other news post", lambda s: _moved(s, "story-03", days=-27, hours=-1), True),
    ("a term taken off, which the term's list, feed and the search filters show",
     lambda s: s.change("story-09", taxonomies={"regions": ("china",)}), True),
    ("a term added", lambda s: s.change("story-10", taxonomies={"regions": ("brazil", "china", "japan")}), True),
    ("a featured image changed", lambda s: s.change("story-03", image=Image("https://example.com/up/new.jpg", "New")),
     True),
    ("a page moved from under one page to under another", lambda s: _reparented(s, "history", 903), True),
    ("the date of a translated post", lambda s: _moved(s, "story-05", days=2), True),
    ("a date moved into a year with no news yet, which has no list", lambda s: _moved(s, "story-00", days=-400),
     False),
]


def _moved(site: SmallSite, slug: str, days: int, hours: int = 0) -> None:
    old = site.post(slug)
    site.change(slug, date=old.date + timedelta(days=days, hours=hours))


def _reparented(site: SmallSite, slug: str, parent: int) -> None:
    old = site.post(slug)
    site.change(slug, source=dataclasses.replace(old.source, parent=parent))


@pytest.mark.parametrize("with_session", [False, True], ids=["separate-builds", "one-session"])
def test_edits_of_what_other_pages_show_rebuild_in_place_to_a_clean_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_session: bool) -> None:
    site = SmallSite(tmp_path / "project", BuildSession() if with_session else None)
    site.build(False, monkeypatch)
    assert (site.root / "site/updates/page/3/index.html").is_file()  # the Updates page runs over pages
    differing = []
    for number, (name, edit, in_place) in enumerate(EDITS):
        before = tree(site.root / "site")
        edit(site)
        try:
            site.build(in_place, monkeypatch)
        except AssertionError as e:
            raise AssertionError(f"after an edit of {name}: {e}") from e
        after, clean = tree(site.root / "site"), site.clean_build(tmp_path / f"clean-{number}")
        assert after != before, f"the edit of {name} changed nothing: the test would prove nothing"
        differing += [f"after an edit of {name}: {path}" for path in sorted(after.keys() | clean.keys())
                      if after.get(path) != clean.get(path)]
    assert differing == [], "\n".join(differing)


def _problems(result: object, root: Path) -> list[tuple[str, str, str]]:
    return [(p.file.replace(str(root), ""), p.field, p.message.replace(str(root), "")) for p in result.problems]


@pytest.mark.parametrize("with_session", [False, True], ids=["separate-builds", "one-session"])
@pytest.mark.parametrize("slug, edit", [
    ("notes", {"title": "Notes, Renamed"}),  # its neighbour's page, which lost its path, shows that title
    ("story-0", {"body": "Another body.\n"}),  # on no page of the post type
])
def test_an_edit_in_place_leaves_a_page_that_lost_its_path_out_and_says_so(tmp_path: Path, slug: str, edit: dict,
                                                                          with_session: bool) -> None:
    """A post of a type named "archive" whose slug is a year would publish over that year's archive, which
    keeps the path: the post is left out, and a problem says so. A later edit made in place must neither put
    that post's page there nor drop the problem: it gives the site and the problems of a clean build."""
    documents = [post(f"story-{n}", datetime(2025, 3, 1 + n, 9, tzinfo=PACIFIC),
                      source=Source(100 + n, f"{SOURCE_SITE}story-{n}/", f"https://example.com/?p={100 + n}"))
                 for n in range(3)]
    documents += [post(name, datetime(2025, 5, 1 + n, 9, tzinfo=PACIFIC), type="archive",
                       source=Source(200 + n, f"{SOURCE_SITE}{name}/", f"https://example.com/?p={200 + n}"))
                  for n, name in enumerate(["2025", "notes"])]
    project, clean = tmp_path / "project", tmp_path / "clean"
    content = write_content(project / "content", documents)
    _age(content)
    settings = {"site": {"base_url": BASE}, "build": {"jobs": 1}}
    session = BuildSession() if with_session else None
    first = run_build(config(project, content, **settings), session=session)
    assert any(p.file.endswith("archive/2025.md") and p.field == "slug" for p in first.problems), first.problems
    path = next(content.glob(f"*/{slug}.md"))
    write_document(content, dataclasses.replace(loads(path.read_text(encoding="utf-8")), **edit))
    result = run_build(config(project, content, **settings), session=session)
    shutil.copytree(content, clean / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
    expected = run_build(config(clean, clean / "content", **settings))
    assert tree(project / "site") == tree(clean / "site")
    assert _problems(result, project) == _problems(expected, clean) == _problems(first, project)


@pytest.mark.parametrize("with_session", [False, True], ids=["separate-builds", "one-session"])
def test_a_warning_about_reading_a_post_still_lets_edits_be_made_in_place(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_session: bool) -> None:
    """A problem of reading the inputs (here a post's history with a date that is not one) is read again by
    every build, so no page can have lost its path to it: a later edit is made in place, and the problem is
    still reported, as a clean build reports it."""
    site = SmallSite(tmp_path / "project", BuildSession() if with_session else None)
    path = site.path("story-02")
    path.write_text(path.read_text(encoding="utf-8").replace("\n---\n", "\nmirror:\n  first: someday\n---\n", 1),
                    encoding="utf-8")
    settings = config(site.root, site.content, TAXONOMIES, **site.settings)
    first = run_build(settings, session=site.session)
    assert [(p.field, "someday" in p.message) for p in first.problems] == [("mirror.first", True)]
    site.change("story-05", title="Edited in Place")
    with monkeypatch.context() as patched:
        patched.setattr(outputs, "site_outputs", _no_whole_plan)
        again = run_build(settings, session=site.session)
    assert again.problems == first.problems
    clean = tmp_path / "clean"
    shutil.copytree(site.content, clean / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
    run_build(config(clean, clean / "content", TAXONOMIES, **site.settings))
    assert tree(site.root / "site") == tree(clean / "site")


def test_a_post_given_another_wordpress_id_renumbers_the_search_index_as_a_clean_build(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """Search numbers posts by WordPress id, five to a doc file: the newest post given an id below every other
    renumbers all of them, in doc files its own two are not in. Links in bodies are matched by id too, so the
    whole site is planned."""
    site = SmallSite(tmp_path / "project")
    site.settings["build"]["posts_per_page"] = 100
    site.build(False, monkeypatch)
    old = site.post("story-13")
    site.change("story-13", source=dataclasses.replace(old.source, id=1), date=old.date - timedelta(days=117))
    site.build(False, monkeypatch)
    assert tree(site.root / "site") == site.clean_build(tmp_path / "clean")


@pytest.mark.parametrize("damage", ["a position past the last post", "a list that is no list", "posts missing"])
def test_a_damaged_grouping_of_the_last_build_plans_a_move_whole(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                                damage: str) -> None:
    """build-model.json damaged under its own key (by hand, or a disk): the move is planned whole, as the
    snapshot cannot say where posts were, and the site is still a clean build's."""
    site = SmallSite(tmp_path / "project")
    site.build(False, monkeypatch)
    snapshot = site.content / CACHE_DIR / "build-model.json"
    data = json.loads(snapshot.read_text(encoding="utf-8"))
    if damage == "a position past the last post":
        data["types"][0][2][0] = 10_000
    elif damage == "a list that is no list":
        data["relations"][0] = 7
    else:
        data["posts"] = data["posts"][1:]
    snapshot.write_text(json.dumps(data), encoding="utf-8")
    _moved(site, "story-07", days=1)
    site.build(False, monkeypatch)
    assert tree(site.root / "site") == site.clean_build(tmp_path / "clean")


def _one_revision_more(site: SmallSite) -> None:
    old = site.post("story-00")
    assert old.mirror is not None and not old.mirror.revisions
    site.change("story-00", mirror=dataclasses.replace(
        old.mirror, revisions=(Revision("2026-09-01", "2026-08-31T08:00:00-07:00", ("title",), ""),)))


@pytest.mark.parametrize("with_session", [False, True], ids=["separate-builds", "one-session"])
def test_a_history_that_adds_or_drops_an_updates_page_plans_the_whole_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, with_session: bool) -> None:
    """With every event shown, three to a page, the site's 15 events fill 5 Updates pages: one revision more
    needs a sixth, and dropping it again leaves the sixth page's file to remove. Neither can be made in place."""
    site = SmallSite(tmp_path / "project", BuildSession() if with_session else None)
    site.settings["changes"]["updates"] = 100
    site.build(False, monkeypatch)
    assert (site.root / "site/updates/page/5/index.html").is_file()
    assert not (site.root / "site/updates/page/6/index.html").exists()
    for number, (edit, sixth) in enumerate([(_one_revision_more, True), (_history("story-00", revisions=()), False)]):
        edit(site)
        site.build(False, monkeypatch)
        assert (site.root / "site/updates/page/6/index.html").exists() == sixth
        assert tree(site.root / "site") == site.clean_build(tmp_path / f"clean-{number}")


def test_an_edited_time_of_update_without_the_last_sitemaps_entries_plans_the_whole_site(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The sitemap is made from the last build's entries (output/sitemap_record.py): without them, or with
    entries that are not the ones of the sitemap in the site, the whole site is planned, and the sitemap is right."""
    site = SmallSite(tmp_path / "project")
    site.build(False, monkeypatch)
    record = site.content / CACHE_DIR / "build-sitemap.json"
    spoils = [record.unlink, lambda: record.write_bytes(record.read_bytes().replace(b"story-03", b"story-33"))]
    for number, spoil in enumerate(spoils):
        spoil()
        site.change("story-03", updated=datetime(2026, 3, 1 + number, 9, tzinfo=PACIFIC))
        with monkeypatch.context() as patched:
            planned = []
            patched.setattr(outputs, "site_outputs", lambda *a, **k: planned.append(1) or site_outputs(*a, **k))
            site.build(False, monkeypatch)
        assert planned == [1]
        assert tree(site.root / "site") == site.clean_build(tmp_path / f"clean-{number}")
    site.change("story-03", updated=datetime(2026, 3, 9, 9, tzinfo=PACIFIC))  # the entries are whole again
    site.build(True, monkeypatch)
    assert tree(site.root / "site") == site.clean_build(tmp_path / "clean-last")


@pytest.mark.parametrize("name, edit, shows_on_updates", [
    ("a date moved a day", lambda s: _moved(s, "story-07", days=1), False),
    ("a term taken off", lambda s: s.change("story-09", taxonomies={"regions": ("china",)}), False),
    ("a title", lambda s: s.change("story-07", title="Retitled"), True),
])
def test_the_updates_pages_and_feed_are_planned_only_for_what_they_show(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str, edit: Callable, shows_on_updates: bool) -> None:
    """They show the day and kind of each event and the post's title, address and summary: a move, which
    changes a post's cards (its date, its terms), leaves them as they were, and its rebuild does not rank
    the events of the whole site to find that out."""
    from generator.render import updates
    site = SmallSite(tmp_path / "project")
    site.build(False, monkeypatch)
    ranked: list[int] = []
    events = updates.events
    monkeypatch.setattr(updates, "events", lambda *args: ranked.append(1) or events(*args))
    edit(site)
    site.build(True, monkeypatch)
    assert bool(ranked) == shows_on_updates, name
    assert tree(site.root / "site") == site.clean_build(tmp_path / "clean")
