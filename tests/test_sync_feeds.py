"""`newsmirror sync` of a site whose REST API is closed to visitors or gone, read from its feeds and pages instead
(generator/sync_feeds.py), against the fake WordPress of tests/fake_wordpress.py."""

from __future__ import annotations

from dataclasses import replace
from datetime import datetime, timedelta
from pathlib import Path
from typing import Any

import httpx
import pytest

from generator.config import SourceConfig
from generator.importer import ImportOptions, run_import
from generator.sources.http import Politeness
from generator.store.documents import loads
from generator.store.sync_state import RawStore
from generator.sync import SyncOptions, SyncResult, run_sync, sync_summary
from tests.conftest import content_tree
from tests.fake_wordpress import FakeWordPress, SiteData, generated_site
from tests.test_sync import stats

FAST = Politeness(min_interval=0.0, retries=0)
POSTS = 13  # three pages of 5 (WordPress's posts_per_rss is 10)
DAY = timedelta(days=1)


def source(wp: FakeWordPress, **how: Any) -> SourceConfig:
    return SourceConfig(**{"name": "fake", "url": wp.url, "types": ("news-archive",), **how})


def sync(wp: FakeWordPress, content: Path, **options: Any) -> SyncResult:
    return run_sync([source(wp)], content, SyncOptions(**{"politeness": FAST, "workers": 1, **options}))


def posts(content: Path) -> dict[str, bytes]:
    return {path: data for path, data in content_tree(content).items() if path.endswith(".md")}


def page_requests(wp: FakeWordPress, requests: list[str]) -> list[str]:
    """The requests for posts' pages."""
    slugs = {f"/{p['slug']}/" for ps in wp.site.posts.values() for p in ps}
    return [r for r in requests if r in slugs]


def site(summary: bool = False) -> SiteData:
    data = generated_site(POSTS)
    data.feed_summary, data.feed_size = summary, 5
    return data


@pytest.mark.parametrize("api", ["closed", "gone"])
def test_a_closed_api_is_read_from_the_feed_once_and_then_writes_no_file(tmp_path: Path, api: str) -> None:
    content = tmp_path / "content"
    with FakeWordPress(site(), api=api) as wp:
        first = sync(wp, content)
        before, requests = stats(content), wp.count()
        second = sync(wp, content)
        asked = wp.requests[requests:]
    assert first.problems == second.problems == []
    assert len(posts(content)) == POSTS
    assert stats(content) == before
    assert (second.written, second.state_written) == (0, False)
    # The front page and the API's places, the feed found and its first page, which holds nothing new.
    assert [a for a in asked if "feed" in a] == ["/feed/", "/feed/?post_type=news-archive",
                                                 "/feed/?post_type=news-archive&orderby=modified"]
    lines = sync_summary(first, dry_run=False)
    assert sum("its REST API cannot be read" in line for line in lines) == 1
    assert any("nothing is taken for removed: a feed lists the latest posts only" in line for line in lines)


def test_an_edit_upstream_changes_its_file_only(tmp_path: Path) -> None:
    content = tmp_path / "content"
    data = site()
    with FakeWordPress(data, api="closed") as wp:
        sync(wp, content)
        before = content_tree(content)
        edited = sorted(data.posts["news-archive"], key=lambda p: p["date_gmt"])[-3]  # on the feed's first page
        data.touch("news-archive", edited["id"], 5, title={"rendered": "Edited upstream"})
        result = sync(wp, content)
    after = content_tree(content)
    assert sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p)) == [
        f"news-archive/{edited['slug']}.md"]
    assert [(c.action, c.id) for c in result.sources[0].changes] == [("updated", edited["id"])]
    assert b"title: Edited upstream" in after[f"news-archive/{edited['slug']}.md"]


@pytest.mark.parametrize("summary", [False, True])
def test_an_edit_to_a_post_older_than_the_feeds_first_page_is_seen_without_full(tmp_path: Path, summary: bool) -> None:
    """WordPress orders a feed by the posts' last edits when asked (`orderby=modified`): before, such an edit was seen
    by `sync --full` only."""
    content = tmp_path / "content"
    data = site(summary)
    with FakeWordPress(data, api="closed") as wp:
        sync(wp, content)
        before = content_tree(content)
        oldest = min(data.posts["news-archive"], key=lambda p: p["date_gmt"])  # on the feed's last page
        data.touch("news-archive", oldest["id"], 5, title={"rendered": "Edited long after"},
                   content={"rendered": "<p>Rewritten.</p>"})
        result = sync(wp, content)
    after = content_tree(content)
    assert result.problems == []
    assert [(c.action, c.id) for c in result.sources[0].changes] == [("updated", oldest["id"])]
    assert sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p)) == [
        f"news-archive/{oldest['slug']}.md"]
    assert b"Rewritten." in after[f"news-archive/{oldest['slug']}.md"]


def test_a_site_that_ignores_orderby_costs_one_request_and_changes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    data = site()
    data.feed_orderby = False
    with FakeWordPress(data, api="closed") as wp:
        sync(wp, content)
        before, requests = stats(content), wp.count()
        result = sync(wp, content)
        asked = wp.requests[requests:]
    assert result.problems == [] and stats(content) == before
    assert [a for a in asked if "orderby" in a] == ["/feed/?post_type=news-archive&orderby=modified"]


@pytest.mark.parametrize("api", ["closed", "gone"])
def test_the_front_page_is_asked_for_once(tmp_path: Path, api: str) -> None:
    """It names where the REST API is and where the feeds are: both readers take it from one request."""
    with FakeWordPress(site(), api=api) as wp:
        sync(wp, tmp_path / "content")
    assert wp.requests.count("/") == 1


def test_posts_the_feed_does_not_reach_are_read_from_their_pages_as_the_sitemap_lists_them(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(site(), api="closed") as wp:
        wp.fail("paged=3", status=200, times=-1, body=b"<?xml version='1.0'?><rss><channel><item><title>cut")
        first = sync(wp, content)
        pages = page_requests(wp, wp.requests)
        wp.faults.clear()
        second = sync(wp, content)
    assert [p.file.endswith("/feed/?post_type=news-archive&paged=3") for p in first.problems] == [True]
    assert first.sources[0].count("added") == POSTS and len(pages) == POSTS - 10
    assert len(posts(content)) == POSTS
    assert second.problems == [] and second.sources[0].count("added") == 0


@pytest.mark.parametrize("stamped", [True, False])
def test_an_edit_past_a_summarys_words_is_seen_by_the_sitemaps_time_of_change(tmp_path: Path, stamped: bool) -> None:
    """A summary feed's item does not change when a post's text changes past its summary: Yoast SEO's and Rank Math's
    sitemaps say when each post last changed (WordPress's own does not, and then `sync --full` sees it)."""
    content = tmp_path / "content"
    data = site(summary=True)
    data.sitemaps = "yoast" if stamped else "wp"
    with FakeWordPress(data, api="closed") as wp:
        sync(wp, content)
        requests = wp.count()
        quiet = sync(wp, content)
        quiet_requests = wp.count() - requests
        edited = sorted(data.posts["news-archive"], key=lambda p: p["date_gmt"])[-2]  # on the feed's first page
        data.touch("news-archive", edited["id"], 5, content={"rendered": edited["content"]["rendered"] + "<p>Later.</p>"})
        result = sync(wp, content)
    assert (quiet.written, quiet.state_written) == (0, False)
    assert not page_requests(wp, wp.requests[requests:requests + quiet_requests])  # nothing changed: no page asked
    text = posts(content)[f"news-archive/{edited['slug']}.md"]
    assert (b"Later." in text) is stamped
    assert [(c.action, c.id) for c in result.sources[0].changes] == ([("updated", edited["id"])] if stamped else [])


def test_a_site_whose_feeds_are_turned_off_is_read_from_the_pages_its_sitemap_lists(tmp_path: Path) -> None:
    """A plugin (Disable Feeds) answers every feed with 404 while the sitemaps stay: before, the sync stopped."""
    content = tmp_path / "content"
    data = site()
    data.sitemaps = "yoast"
    with FakeWordPress(data, api="closed") as wp:
        wp.fail("feed", status=404, body=b"<!doctype html><title>Page not found</title>", times=-1,
                headers={"Content-Type": "text/html"})
        first = sync(wp, content)
        second = sync(wp, content)
        edited = data.posts["news-archive"][5]
        data.touch("news-archive", edited["id"], 5, content={"rendered": "<p>Rewritten.</p>"})
        third = sync(wp, content)
    assert first.problems == second.problems == third.problems == []
    assert len(posts(content)) == POSTS
    assert all(b"\nauthor: Reporter " in text for text in posts(content).values())
    assert any(n.startswith("it serves no feed (") for n in first.sources[0].notes)
    assert (second.written, second.state_written) == (0, False)
    assert [(c.action, c.id) for c in third.sources[0].changes] == [("updated", edited["id"])]
    assert b"Rewritten." in posts(content)[f"news-archive/{edited['slug']}.md"]


def test_a_site_that_refuses_the_feed_in_order_of_edits_is_said_once_and_synced(tmp_path: Path) -> None:
    """A firewall's rule against queries may answer `orderby=modified` with 403: the ordinary feed was read, and the
    sync goes on with a note, not a problem every night."""
    content = tmp_path / "content"
    with FakeWordPress(site(), api="closed") as wp:
        wp.fail("orderby=modified", status=403, body=b"<!doctype html><title>Forbidden</title>", times=-1,
                headers={"Content-Type": "text/html"})
        sync(wp, content)
        result = sync(wp, content)
    assert result.problems == [] and (result.written, result.state_written) == (0, False)
    assert [n.split(": ", 1)[1] for n in result.sources[0].notes if "orderby" in n] == [
        "HTTP 403 ('Forbidden'): the feed in the order of the posts' last edits cannot be read; an edit to an older "
        "post is seen by sync --full"]


def test_a_dry_run_lists_what_it_would_add_and_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(site(summary=True), api="closed") as wp:
        result = sync(wp, content, dry_run=True)
        pages = page_requests(wp, wp.requests)
    assert not content.exists()
    assert result.sources[0].count("added") == POSTS and pages == []  # no post's page is asked for


@pytest.mark.parametrize("bare", [False, True])
def test_summary_feeds_take_each_post_from_its_page_as_import_of_the_copy_does(tmp_path: Path, bare: bool) -> None:
    """The page's text; and its date, author and terms, else the feed's: a theme may print none of them."""
    copy, data = tmp_path / "copy", site(summary=True)
    data.bare_pages = bare
    with FakeWordPress(data, api="closed") as wp:
        result = sync(wp, tmp_path / "synced")
        for page in range(1, 4):  # the copy a static exporter makes of the same site
            saved = copy / "feed" / f"page-{page}.xml"
            saved.parent.mkdir(parents=True, exist_ok=True)
            saved.write_bytes(httpx.get(f"{wp.url}feed/?post_type=news-archive&paged={page}").content)
        for post in wp.site.posts["news-archive"]:
            saved = copy / post["slug"] / "index.html"
            saved.parent.mkdir(parents=True)
            saved.write_bytes(httpx.get(wp.link(post)).content)
    imported = run_import([copy], tmp_path / "imported", ImportOptions(workers=1))
    assert result.problems == imported.problems == []
    synced = posts(tmp_path / "synced")
    assert len(synced) == POSTS and synced == posts(tmp_path / "imported")
    assert all(len(text.split(b"\n---\n", 1)[1]) > 1000 for text in synced.values())  # the page's text, not the summary
    assert all(b"\nauthor: Reporter " in text and b"\n  category:\n" in text and b"+00:00'\nupdated:" in text
               for text in synced.values())
    assert not any(b"Fake news" in text.split(b"\n")[1] for text in synced.values())  # the post's title, not the page's


@pytest.mark.parametrize("stop_after", [2, 9])
def test_a_sync_killed_midway_resumes_to_the_content_of_an_uninterrupted_one(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch, stop_after: int) -> None:
    with FakeWordPress(site(summary=True), api="closed") as wp:
        sync(wp, tmp_path / "reference")
        saving, saved = RawStore.save_post, []

        def killed(store: RawStore, post_type: str, post: dict[str, Any]) -> bool:
            if len(saved) == stop_after:
                raise KeyboardInterrupt  # as SIGINT or a kill would stop it, between two writes
            saved.append(post["id"])
            return saving(store, post_type, post)

        monkeypatch.setattr(RawStore, "save_post", killed)
        with pytest.raises(KeyboardInterrupt):
            sync(wp, tmp_path / "content")
        monkeypatch.setattr(RawStore, "save_post", saving)
        pages = wp.count()
        sync(wp, tmp_path / "content")
        asked = page_requests(wp, wp.requests[pages:])
    assert content_tree(tmp_path / "content") == content_tree(tmp_path / "reference")
    assert len(asked) == POSTS - stop_after  # the pages of the posts stored before the kill are not asked again


def test_a_broken_feed_page_is_named_by_its_url_and_read_whole_next_time(tmp_path: Path) -> None:
    content = tmp_path / "content"
    data = site()
    data.sitemaps = ""  # (a sitemap would give the posts of the broken page from their pages: see below)
    with FakeWordPress(data, api="closed") as wp:
        wp.fail("paged=3", status=200, body=b"<?xml version='1.0'?><rss><channel><item><title>cut")
        first = sync(wp, content)
        second = sync(wp, content)
    assert [p.file.endswith("/feed/?post_type=news-archive&paged=3") for p in first.problems] == [True]
    assert "not a readable feed" in first.problems[0].message
    assert first.sources[0].count("added") == 10 and second.sources[0].count("added") == POSTS - 10
    assert second.problems == [] and len(posts(content)) == POSTS


def test_a_site_that_is_not_wordpress_is_one_line(tmp_path: Path) -> None:
    hugo = (b'<?xml version="1.0"?><rss version="2.0"><channel><title>Blog</title><generator>Hugo</generator>'
            b"<item><title>A</title><link>https://x.example/a/</link></item></channel></rss>")
    with FakeWordPress(SiteData(), api="gone") as wp:
        wp.route("/", lambda query: (200, {"Content-Type": "text/html"}, b"<!doctype html><title>Home</title><p>Hi"))
        wp.route("/feed/", lambda query: (200, {"Content-Type": "application/rss+xml"}, hugo))
        result = sync(wp, tmp_path / "content")
    assert len(result.problems) == 1 and result.sources[0].stopped
    message = result.problems[0].message
    assert message.startswith("no WordPress REST API found") and "no WordPress feed to read instead" in message
    assert "a feed made by 'Hugo', not by WordPress" in message
    assert "?feed=rss2 gave not a feed but an HTML page" in message


@pytest.mark.parametrize("key", ["exclude", "ids"])
def test_a_curation_a_feed_cannot_apply_stops_the_source(tmp_path: Path, key: str) -> None:
    with FakeWordPress(site(), api="closed") as wp:
        term = wp.site.terms[0]
        how = {"exclude": ((term["taxonomy"], (term["slug"],)),)} if key == "exclude" else {"ids": (1,)}
        result = run_sync([source(wp, **how)], tmp_path / "content", SyncOptions(politeness=FAST))
    assert [p.message.split(":")[0] for p in result.problems] == ["HTTP 401 rest_login_required"]
    assert f"{key} cannot be applied to its feeds" in result.problems[0].message
    assert result.sources[0].stopped and not posts(tmp_path / "content")


@pytest.mark.parametrize("curation", ["include", "search", "dates", "all"])
def test_a_curated_source_is_read_from_the_feeds_that_select_its_posts(tmp_path: Path, curation: str) -> None:
    """A term's feed (`taxonomy=`/`term=`, `category_name=`, `tag=`), a search's (`s=`) and the items' dates select
    what the REST API's filters select; before, such a source was stopped."""
    data = site()
    dates = sorted(datetime.fromisoformat(p["date_gmt"]) for p in data.posts["news-archive"])
    # Bounds a day from any post: the feed dates posts in UTC, the REST API compares its site's local time.
    bounds = [(a + (b - a) / 2).isoformat(timespec="seconds") for a, b in zip(dates, dates[1:]) if b - a > DAY * 2]
    used = [t for t in data.terms if any(t["id"] in p.get(data.taxonomies[t["taxonomy"]], [])
                                         for p in data.posts["news-archive"])]
    word = data.posts["news-archive"][0]["title"]["rendered"].split()[0]
    how: dict[str, Any] = {
        "include": {"include": ((used[0]["taxonomy"], (used[0]["slug"], used[1]["slug"])),)},
        "search": {"search": word},
        "dates": {"after": bounds[0], "before": bounds[-1]},
        "all": {"include": ((used[0]["taxonomy"], (used[0]["slug"],)),), "after": bounds[0]}}[curation]
    with FakeWordPress(data) as wp:
        by_api = run_sync([source(wp, **how)], tmp_path / "api", SyncOptions(politeness=FAST, workers=1))
    with FakeWordPress(data, api="closed") as wp:
        by_feeds = run_sync([source(wp, **how)], tmp_path / "feeds", SyncOptions(politeness=FAST, workers=1))
        again = run_sync([source(wp, **how)], tmp_path / "feeds", SyncOptions(politeness=FAST, workers=1))
    assert by_api.problems == by_feeds.problems == again.problems == []
    assert 0 < len(posts(tmp_path / "feeds")) < POSTS
    assert sorted(posts(tmp_path / "feeds")) == sorted(posts(tmp_path / "api"))
    assert (again.written, again.state_written) == (0, False)


def test_the_site_feed_gives_its_posts_and_a_type_it_ignores_none(tmp_path: Path) -> None:
    """Without types, the site's own feed (of `post`); a type whose `post_type=` WordPress ignores (one not
    publicly queryable) gets the feed of posts, whose posts are not that type's: left out, and said."""
    data = site()
    data.posts = {"post": [{**p, "type": "post", "guid": {"rendered": f"https://example.com/?p={p['id']}"}}
                           for p in data.posts["news-archive"]]}
    data.feed_ignored = {"event"}
    with FakeWordPress(data, api="closed") as wp:
        own = run_sync([source(wp, types=())], tmp_path / "own", SyncOptions(politeness=FAST, workers=1))
        pages = run_sync([source(wp, types=("event",))], tmp_path / "pages", SyncOptions(politeness=FAST, workers=1))
    assert own.problems == pages.problems == []
    assert len(posts(tmp_path / "own")) == POSTS and not posts(tmp_path / "pages")
    assert any(note.startswith("the feed of event gives posts of post, which are left out") for note in
               pages.sources[0].notes)


def test_a_feed_of_relative_addresses_is_read_against_its_own(tmp_path: Path) -> None:
    """A plugin that makes a site's links relative makes its feed's too (`<link>/2021/07/x/</link>`): each post's
    page is asked for at the site, and the post keeps its whole address."""
    data = site(summary=True)
    data.relative_links = True
    with FakeWordPress(data, api="closed") as wp:
        result = sync(wp, tmp_path / "content")
        asked = page_requests(wp, wp.requests)
    assert result.problems == [] and len(asked) == POSTS
    assert all(f"  url: {wp.url}".encode() in text for text in posts(tmp_path / "content").values())


def test_a_type_whose_feed_is_empty_is_said_once(tmp_path: Path) -> None:
    with FakeWordPress(site(), api="closed") as wp:
        result = run_sync([source(wp, types=("news-archive", "event"))], tmp_path / "content",
                          SyncOptions(politeness=FAST, workers=1))
        asked = [r for r in wp.requests if "post_type=event" in r]
    assert result.problems == [] and asked == ["/feed/?post_type=event"]
    assert [n for n in result.sources[0].notes if "event" in n] == [
        "the feed of event holds no post: is event a post type of the site?"]
    assert len(posts(tmp_path / "content")) == POSTS


def test_progress_is_told_post_by_post(tmp_path: Path) -> None:
    heard: list[tuple[str, int, int]] = []
    with FakeWordPress(site(), api="closed") as wp:
        sync(wp, tmp_path / "content", progress=lambda stage, done, total: heard.append((stage, done, total)))
    read = [(done, total) for stage, done, total in heard if stage == "fake: reading the feed of news-archive"]
    assert read[:6] == [(1, 5), (2, 5), (3, 5), (4, 5), (5, 5), (6, 10)] and read[-1] == (POSTS, POSTS)


def test_a_post_whose_page_names_another_id_than_its_feed_is_asked_for_once(tmp_path: Path) -> None:
    """A post imported from elsewhere keeps its old guid (an address, no `?p=`): the feed gives it no id, its page
    gives WordPress's; the post is kept under the page's, and a second sync does not ask for its page again."""
    data = site(summary=True)
    for post in data.posts["news-archive"]:
        post["guid"] = {"rendered": f"https://old.example/{post['slug']}/"}
    with FakeWordPress(data, api="closed") as wp:
        first = sync(wp, tmp_path / "content")
        requests = wp.count()
        second = sync(wp, tmp_path / "content")
        asked = page_requests(wp, wp.requests[requests:])
    assert first.problems == second.problems == [] and asked == []
    assert second.sources[0].changes == [] and len(posts(tmp_path / "content")) == POSTS
    assert {loads(text.decode()).source.id for text in posts(tmp_path / "content").values()} == {
        p["id"] for p in data.posts["news-archive"]}


def test_a_feed_page_with_a_byte_that_is_not_utf8_is_read_with_its_posts(tmp_path: Path) -> None:
    """One post with a character pasted in Windows-1252 (`Editor\x92s Choice`) made the XML parser refuse the whole
    page, and the posts of the page with it."""
    data = site()
    newest = max(data.posts["news-archive"], key=lambda p: p["date_gmt"])
    newest["content"] = {"rendered": "<p>Editor\x92s Choice</p>"}  # written as Latin-1 below: one byte
    with FakeWordPress(data, api="closed") as wp:
        serve = wp.answer

        def latin(target: str) -> tuple[int, dict[str, str], bytes]:
            status, headers, body = serve(target)
            return status, headers, body.replace("\x92".encode(), b"\x92")

        wp.answer = latin  # type: ignore[method-assign]
        result = sync(wp, tmp_path / "content")
    assert result.problems == [] and len(posts(tmp_path / "content")) == POSTS
    assert "Editor\ufffds Choice" in posts(tmp_path / "content")[f"news-archive/{newest['slug']}.md"].decode()
    assert any("holds bytes that are not UTF-8" in note for note in result.sources[0].notes)


def test_a_summary_whose_address_is_another_sites_is_kept_without_asking_that_site(tmp_path: Path) -> None:
    data = site(summary=True)
    elsewhere = max(data.posts["news-archive"], key=lambda p: p["date_gmt"])
    with FakeWordPress(data, api="closed") as wp:
        serve = wp.answer

        def linked_out(target: str) -> tuple[int, dict[str, str], bytes]:
            status, headers, body = serve(target)
            return status, headers, body.replace(wp.link(elsewhere).encode(), b"https://other.example/story/")

        wp.answer = linked_out  # type: ignore[method-assign]
        result = sync(wp, tmp_path / "content")
        asked = page_requests(wp, wp.requests)
    assert result.problems == [] and len(asked) == POSTS - 1 and len(posts(tmp_path / "content")) == POSTS
    assert any(note.endswith("keep the summary their feed gives: https://other.example/story/")
               for note in result.sources[0].notes)


def test_the_sites_pages_come_from_its_sitemap_once(tmp_path: Path) -> None:
    """No feed holds WordPress's pages; its sitemap lists them. WordPress's own says not when a page changed: a page
    is asked for when new, and again by `sync --full`."""
    data = site()
    retyped = [{**p, "type": t, "guid": {"rendered": f"https://example.com/?p={p['id']}"}}
               for t, p in zip(["post", "page"] * POSTS, data.posts["news-archive"])]
    data.posts = {t: [p for p in retyped if p["type"] == t] for t in ("post", "page")}
    content = tmp_path / "content"
    with FakeWordPress(data, api="closed") as wp:
        options = SyncOptions(politeness=FAST, workers=1)
        first = run_sync([source(wp, types=())], content, options)
        requests = wp.count()
        second = run_sync([source(wp, types=())], content, options)
        again = page_requests(wp, wp.requests[requests:])
        full = run_sync([source(wp, types=())], content, replace(options, full=True))
    assert first.problems == second.problems == full.problems == []
    written = posts(content)
    assert sorted({path.split("/")[0] for path in written}) == ["page", "post"] and len(written) == POSTS
    assert b"title: " in written[f"page/{data.posts['page'][0]['slug']}.md"]
    assert again == [] and second.written == full.written == 0


def test_tags_are_told_from_categories_by_the_sitemap_of_tags(tmp_path: Path) -> None:
    """A feed writes a post's tags as it writes its categories; the site's sitemap of tags tells them apart."""
    data = site()
    data.tag_taxonomy = "regions"
    with FakeWordPress(data, api="closed") as wp:
        result = sync(wp, tmp_path / "content")
    regions = {t["id"]: t["slug"] for t in data.terms if t["taxonomy"] == "regions"}
    assert result.problems == []
    for post in data.posts["news-archive"]:
        document = loads(posts(tmp_path / "content")[f"news-archive/{post['slug']}.md"].decode())
        tags = sorted(regions[i] for i in post["regions"])
        assert sorted(document.taxonomies.get("post_tag", [])) == tags
        assert not set(tags) & set(document.taxonomies.get("category", []))


def test_a_site_that_answers_every_address_with_its_front_page_has_no_sitemap(tmp_path: Path) -> None:
    """A plugin that sends every missing address to the front page answers the sitemaps' too: no sitemap, no error."""
    with FakeWordPress(site(), api="closed") as wp:
        front = (200, {"Content-Type": "text/html"}, b"<!doctype html><title>Fake news</title><p>Latest")
        for path in ("/wp-sitemap-posts-page-1.xml", "/page-sitemap.xml", "/wp-sitemap-taxonomies-post_tag-1.xml"):
            wp.route(path, lambda query: front)
        result = run_sync([source(wp, types=())], tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
    assert result.problems == []
    assert any(note.startswith("no sitemap lists the site's pages") for note in result.sources[0].notes)


def test_a_site_in_a_folder_is_named_by_its_own_feed(tmp_path: Path) -> None:
    """The reader of saved feeds takes the site's title from a feed saved at its root; a live site's own feed is its
    own wherever the site is (`/blog/feed/`)."""
    with FakeWordPress(site(), api="closed", home="/blog/") as wp:
        result = sync(wp, tmp_path / "content")
    assert result.problems == [] and len(posts(tmp_path / "content")) == POSTS
    labels = (tmp_path / "content" / "labels.yaml").read_text()
    assert "title: Fake news\n" in labels and "description: News that is not\n" in labels


def test_a_post_of_pictures_only_in_a_summary_feed_is_read_from_its_page(tmp_path: Path) -> None:
    """Its summary is empty, and the reader of feeds gives it an empty text; its page shows the picture."""
    data = site(summary=True)
    pictures = max(data.posts["news-archive"], key=lambda p: p["date_gmt"])
    pictures["content"] = {"rendered": '<figure class="wp-block-image"><img src="https://example.com/a.jpg" '
                                       'alt="A view"></figure>'}
    pictures["excerpt"] = {"rendered": ""}
    with FakeWordPress(data, api="closed") as wp:
        result = sync(wp, tmp_path / "content")
    assert result.problems == []
    written = posts(tmp_path / "content")[f"news-archive/{pictures['slug']}.md"].decode()
    assert "![A view](https://example.com/a.jpg)" in written


@pytest.mark.parametrize(("classes", "problems"), [("blog wp-theme-astra", 0), ("archive post-type-archive", 0),
                                                   ("search search-results", 0), ("", 1), ("wp-custom-logo", 1)])
def test_a_listed_page_that_lists_posts_is_no_post_and_no_problem(classes: str, problems: int) -> None:
    """Yoast SEO lists the page for posts first in its sitemap of posts, and a shop's page among the pages: each shows
    a list of posts, not one (body_class() says `blog`, `archive`), which is not a problem to report every first sync."""
    from generator.sources.http import Client
    from generator.sources.wp_live_feeds import post_from_page
    page = f'<!doctype html><html><head><title>Blog</title></head><body class="{classes}"><h2>A</h2></body></html>'
    with FakeWordPress(SiteData()) as wp:
        wp.route("/listing/", lambda query: (200, {"Content-Type": "text/html; charset=UTF-8"}, page.encode()))
        with Client(FAST) as client:
            post, found = post_from_page(client, f"{wp.url}listing/")
    assert post is None and len(found) == problems


def test_a_page_the_sitemap_lists_that_is_not_there_is_said_once(tmp_path: Path) -> None:
    content = tmp_path / "content"
    data = site()
    data.sitemaps = "yoast"
    gone = data.posts["news-archive"][3]
    with FakeWordPress(data, api="closed") as wp:
        wp.fail("feed", status=404, body=b"<!doctype html><title>Page not found</title>", times=-1,
                headers={"Content-Type": "text/html"})
        wp.fail(f"/{gone['slug']}/", status=404, body=b"<!doctype html><title>Page not found</title>", times=-1,
                headers={"Content-Type": "text/html"})
        first = sync(wp, content)
        asked = wp.count(f"/{gone['slug']}/")
        second = sync(wp, content)
        full = sync(wp, content, full=True)
        asked_again = wp.count(f"/{gone['slug']}/") - asked
    assert [p.file for p in first.problems] == [f"{wp.url}{gone['slug']}/"]
    assert second.problems == [] and len(posts(content)) == POSTS - 1
    assert [p.file for p in full.problems] == [f"{wp.url}{gone['slug']}/"] and asked_again == 1


def test_a_feeds_address_and_its_sitemaps_are_one_post_however_each_writes_it() -> None:
    """Else a post the feed gave would be asked for again from its page, and stored twice over."""
    from generator.sync_feeds import _same
    assert _same("https://www.example.org/%D8%A7/") == _same("http://example.org/%d8%a7") == _same("http://example.org/ا/")
    assert _same("https://example.org/a/") != _same("https://example.org/b/")
    assert _same("https://example.org/?p=3") != _same("https://example.org/?p=4")


def test_a_source_that_keeps_its_newest_posts_takes_none_more_from_the_sitemap(tmp_path: Path) -> None:
    data = site()
    data.sitemaps = "yoast"
    with FakeWordPress(data, api="closed") as wp:
        result = run_sync([source(wp, max_posts=4)], tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
    newest = sorted(data.posts["news-archive"], key=lambda p: p["date_gmt"])[-4:]
    assert result.problems == []
    assert sorted(posts(tmp_path / "content")) == sorted(f"news-archive/{p['slug']}.md" for p in newest)
