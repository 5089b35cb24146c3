"""`newsmirror sync` against WordPress as it is in the wild: sites in subfolders, without pretty
permalinks, behind caches that strip headers, security plugins and bot checks answering in HTML,
busy or failing servers, posts published or deleted while the sync reads. Whatever the site does,
an error is one line that names where and what to do, the rest is synced, and nothing a failure
hid is taken for removed."""

from __future__ import annotations

import json
import re
from urllib.parse import parse_qs, urlsplit
from dataclasses import replace
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.config import parse_config
from generator.sources.wp_live import QUERY_IGNORED, _still_wanted
from generator.store.documents import loads
from generator.sync import USERS_HIDDEN, SyncOptions, SyncResult, run_sync, source_from_url, sync_summary
from tests.conftest import rest_item
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_http import FakeTime
from tests.test_sync import FAST, posts, stats, sync

LISTING = "_fields=id,slug"


def ids(content: Path) -> set[int]:
    return {loads(data.decode()).source.id for data in posts(content).values()}


def messages(result: SyncResult) -> list[str]:
    return [str(p) for p in result.problems]


@pytest.mark.parametrize("given", ["blog", "blog/"])
def test_a_site_in_a_subfolder_is_found_with_or_without_its_trailing_slash(tmp_path: Path, given: str) -> None:
    with FakeWordPress(generated_site(5), home="/blog/") as wp:
        result = sync(wp.url.removesuffix("blog/") + given, tmp_path / "content")
    assert messages(result) == []
    assert len(posts(tmp_path / "content")) == 5


@pytest.mark.parametrize("discovery", ["link", "rest_route"])
def test_a_subfolder_site_without_pretty_permalinks_is_read_through_rest_route(tmp_path: Path,
                                                                               discovery: str) -> None:
    with FakeWordPress(generated_site(5), discovery="rest_route", home="/blog/") as wp:
        if discovery == "rest_route":  # a page cache that serves the front page without its Link header
            wp.fail(f"{wp.home}", body=b"<!doctype html><title>Cached</title>", headers={"Content-Type": "text/html"})
        result = sync(wp.url, tmp_path / "content")
        assert wp.count("/blog/wp-json/") <= 1
    assert messages(result) == []
    assert f"api: {wp.url}?rest_route=/" in (tmp_path / "content" / "sync.yaml").read_text()


def test_the_api_under_another_prefix_is_found_by_the_front_pages_link_tag(tmp_path: Path) -> None:
    """A page cache serves the front page without the `Link` header; the REST prefix is not wp-json."""
    with FakeWordPress(generated_site(5), discovery="html", prefix="api") as wp:
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == []
    assert f"api: {wp.url}api/" in (tmp_path / "content" / "sync.yaml").read_text()


def test_http_redirected_to_https_on_www_is_followed(tmp_path: Path) -> None:
    """Stands for http://example.org -> https://www.example.org/: every address answers with a redirect."""
    with FakeWordPress(generated_site(5), discovery="wp-json", home="/www/") as wp:
        root = wp.url.removesuffix("www/")
        wp.fail("/bare/wp-json/", status=301, headers={"Location": "/www/wp-json/"}, times=-1)
        wp.fail("/bare", status=301, headers={"Location": "/www/"}, times=-1)
        result = sync(root + "bare", tmp_path / "content")
    assert messages(result) == []
    assert len(posts(tmp_path / "content")) == 5


def test_sites_in_two_subfolders_of_one_host_keep_their_own_stores() -> None:
    """A multisite network of subfolders: one host, several sites."""
    names = {source_from_url(url).name for url in ("https://example.org/", "https://example.org/fr",
                                                   "https://example.org/de/", "https://example.org/de/wp-json/",
                                                   "https://example.org/index.php?rest_route=/")}
    assert names == {"example-org", "example-org-fr", "example-org-de"}
    assert source_from_url("https://www.example.org").name == source_from_url("http://example.org/").name


def test_sites_whose_host_or_folder_is_not_in_latin_letters_keep_their_own_stores() -> None:
    """Letters outside a-z made dashes: 例え.jp and テスト.jp were both "jp", two folders in Japanese of one host both
    the host's name, so one site's sync took the other's posts for removed. A name given in Unicode or in its
    encoded form (punycode, %-escapes) is one site."""
    names = [source_from_url(url).name for url in (
        "https://例え.jp/", "https://テスト.jp/", "https://пример.рф/blog/", "https://example.com/ブログ/",
        "https://example.com/ニュース/", "https://example.com/" + "a" * 70 + "1", "https://example.com/" + "a" * 70 + "2")]
    assert len(set(names)) == len(names) and all(re.fullmatch(r"[a-z0-9_-]{1,64}", n) for n in names)
    assert source_from_url("https://bücher.example/").name == source_from_url("https://xn--bcher-kva.example/").name
    assert (source_from_url("https://example.com/ブログ/").name
            == source_from_url("https://example.com/%E3%83%96%E3%83%AD%E3%82%B0/").name)


def test_a_site_whose_cache_strips_the_paging_headers_syncs_and_then_stays_quiet(tmp_path: Path) -> None:
    site = generated_site(150)
    site.paging_headers = False
    with FakeWordPress(site) as wp:
        first = sync(wp.url, tmp_path / "content")
        before = stats(tmp_path / "content")
        second = sync(wp.url, tmp_path / "content")
    assert messages(first) == messages(second) == []
    assert stats(tmp_path / "content") == before
    assert len(posts(tmp_path / "content")) == 150


def test_a_site_whose_proxy_strips_the_count_is_listed_once_a_sync(tmp_path: Path) -> None:
    """Without `X-WP-Total` nothing tells a removal but the whole listing: the listing of what was modified since
    the last sync, made before it, was as many requests again for nothing (16 where 8 would do, round 62e)."""
    site = generated_site(150)
    site.paging_headers = False
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "content")
        first = wp.count(LISTING)
        gone = site.posts["news-archive"].pop()
        second = sync(wp.url, tmp_path / "content", prune=True)
        listed = wp.count(LISTING) - first
    assert messages(second) == []
    assert listed == first  # the whole listing, once
    assert gone["id"] not in ids(tmp_path / "content") and len(ids(tmp_path / "content")) == 149


def test_a_connection_dropped_mid_body_is_retried(tmp_path: Path) -> None:
    time = FakeTime()
    with FakeWordPress(generated_site(30)) as wp:
        wp.fail("_embed=1", cut=500)
        wp.fail(LISTING, cut=10)
        result = sync(wp.url, tmp_path / "content", clock=time.clock())
    assert messages(result) == []
    assert len(time.sleeps) == 2
    assert len(posts(tmp_path / "content")) == 30


def test_json_after_byte_order_marks_and_php_warnings_is_read(tmp_path: Path) -> None:
    """Every PHP file saved with a BOM prints one, before a plugin's notice or after it."""
    with FakeWordPress(generated_site(30)) as wp:
        wp.wrap_json(before="\ufeff\ufeff\n<b>Notice</b>: Undefined index: x in /a.php on line 3<br />\n\ufeff".encode())
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == []
    assert len(posts(tmp_path / "content")) == 30


# What a site prints after the JSON of every answer, which made every request fail as "not valid JSON: Extra data":
# WordPress's `ob_end_flush(): failed to send buffer of zlib output compression` notice on a site that shows its
# errors, and an ad network's loader pasted into a plugin's box for footer scripts.
SHUTDOWN_NOTICE = (b"<br />\n<b>Notice</b>:  ob_end_flush(): failed to send buffer of zlib output compression (0) in "
                   b"<b>/srv/wp-includes/functions.php</b> on line <b>5427</b><br />\n")
FOOTER_SCRIPT = (b'\n<script async src="https://pagead2.googlesyndication.com/pagead/js/adsbygoogle.js?client=ca-pub-1" '
                 b'crossorigin="anonymous"></script>')


@pytest.mark.parametrize("after", [SHUTDOWN_NOTICE, FOOTER_SCRIPT])
def test_json_before_what_a_site_prints_after_it_is_read(tmp_path: Path, after: bytes) -> None:
    with FakeWordPress(generated_site(12)) as wp:
        wp.wrap_json(after=after)
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == []
    assert len(posts(tmp_path / "content")) == 12


CHALLENGE = b"<!DOCTYPE html><html><head><title>Just a moment...</title></head><body>Checking your browser</body>"


def test_an_html_page_served_as_200_is_named_and_nothing_is_removed(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(150)) as wp:
        sync(wp.url, content)
        before = posts(content)
        wp.fail(LISTING, body=CHALLENGE, headers={"Content-Type": "text/html"}, times=-1)
        result = sync(wp.url, content, full=True, prune=True)
    assert len(result.problems) == 1
    line = messages(result)[0]
    assert line.startswith(f"{wp.url}wp-json/wp/v2/news-archive?")
    assert "an HTML page ('Just a moment...') came where JSON was expected" in line
    assert "sync again later" in line and "\n" not in line
    assert result.sources[0].removals_deferred and posts(content) == before


def test_a_listing_a_failed_page_cut_short_leaves_the_sync_state_as_the_last_whole_one_wrote_it(
        tmp_path: Path) -> None:
    """sync.yaml records what the last whole listing held: a bot check that answered a listing's page wrote
    "posts: 0" (or the part read before it), a change to review that said the site had lost its posts."""
    content = tmp_path / "content"
    with FakeWordPress(generated_site(150)) as wp:
        sync(wp.url, content)
        before = stats(content)["sync.yaml"]
        wp.fail(f"{LISTING},modified,modified_gmt,date_gmt&per_page=100&orderby=id&order=asc&page=1", body=CHALLENGE,
                headers={"Content-Type": "text/html"}, times=-1)
        result = sync(wp.url, content, full=True)
    assert len(result.problems) == 1 and not result.state_written
    assert stats(content)["sync.yaml"] == before


@pytest.mark.parametrize("status, code", [(401, "rest_not_logged_in"), (403, "rest_forbidden")])
def test_a_rest_api_closed_to_visitors_says_so_and_what_to_do(tmp_path: Path, status: int, code: str) -> None:
    body = f'{{"code":"{code}","message":"You are not currently logged in.","data":{{"status":{status}}}}}'
    with FakeWordPress(generated_site(5), discovery="wp-json") as wp:
        wp.fail("/wp-json/", status=status, body=body.encode(), times=-1)
        wp.fail("feed", status=404, body=NOT_FOUND_PAGE, headers={"Content-Type": "text/html"}, times=-1)
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == [
        f"{wp.url}wp-json/: HTTP {status} {code}: You are not currently logged in.: the site's REST API is closed "
        "to visitors (a security plugin or setting): ask its owner to open /wp/v2 to anonymous reads, or import "
        f"an export of the site instead; and no WordPress feed to read instead: {wp.url}feed/ answered HTTP 404 "
        f"('404 Not Found'); {wp.url}?feed=rss2 answered HTTP 404 ('404 Not Found')"]
    assert sync_summary(result, dry_run=False)[0] == (
        f"{result.sources[0].name}: not synced from {wp.url}: its posts are kept as they were")


def test_a_site_that_is_not_wordpress_says_what_each_place_answered(tmp_path: Path) -> None:
    with FakeWordPress(generated_site(5), home="/blog/") as wp:
        root = wp.url.removesuffix("blog/")
        result = sync(root, tmp_path / "content")
    assert messages(result) == [
        f"{root}: no WordPress REST API found: the front page links none, {root}wp-json/ answered HTTP 404 "
        f"and {root}?rest_route=/ answered HTTP 404: check that the URL is the WordPress site's address; and no "
        f"WordPress feed to read instead: {root}feed/ answered HTTP 404; {root}?feed=rss2 answered HTTP 404"]


def test_a_site_still_failing_after_the_retries_is_one_line_and_the_rest_is_synced(tmp_path: Path) -> None:
    with FakeWordPress(generated_site(250)) as wp:
        wp.fail("orderby=id&order=asc&page=2", status=503, times=-1)
        result = sync(wp.url, tmp_path / "content", clock=FakeTime().clock())
    assert messages(result) == [
        f"{wp.url}wp-json/wp/v2/news-archive?_fields=id,slug,modified,modified_gmt,date_gmt&per_page=100&orderby=id"
        "&order=asc&page=2: HTTP 503 fault (after 5 attempts): the site kept failing: sync again later; what was "
        "fetched is kept"]
    assert len(posts(tmp_path / "content")) == 150


def test_a_site_whose_embed_fails_is_synced_without_it(tmp_path: Path) -> None:
    """`_embed` runs every plugin's filters on every linked object: on some sites it ends in a 500. Once it has,
    the site's other post types are not asked with it (each type's first batch cost the round of retries)."""
    time = FakeTime()
    site = generated_site(250)
    site.posts["story"] = [dict(post, id=post["id"] + 100_000, type="story") for post in site.posts["news-archive"][:3]]
    with FakeWordPress(site) as wp:
        wp.fail("_embed=1", status=500, times=-1)
        result = sync(wp.url, tmp_path / "content", clock=time.clock())
        assert wp.count("_embed=1") == 5  # one batch, with its retries; the others go without
    assert messages(result) == []
    assert len(posts(tmp_path / "content")) == 253
    assert "author: Reporter" in next(iter(posts(tmp_path / "content").values())).decode()


def deleting_during(wp: FakeWordPress, text: str, post_ids: list[int]) -> None:
    """Deletes posts upstream when a request containing `text` comes, as an editor might meanwhile."""
    answer = wp.answer

    def delete_then_answer(target: str) -> tuple:
        if text in target:
            for post_id in post_ids:
                wp.site.remove("news-archive", post_id)
        return answer(target)

    wp.answer = delete_then_answer  # type: ignore[method-assign]


def test_a_post_deleted_while_the_listing_is_read_is_not_missed_by_the_next_sync(tmp_path: Path) -> None:
    """Deleting a post on page 1 while page 2 is read moves the first post of page 2 onto page 1, so
    no page shows it. The next sync must not trust that listing: the site's count matches it."""
    site = generated_site(250)
    content = tmp_path / "content"
    news = sorted(site.posts["news-archive"], key=lambda p: p["id"])
    deleted, skipped = news[3], news[100]
    with FakeWordPress(site) as wp:
        deleting_during(wp, "orderby=id&order=asc&page=2", [deleted["id"]])
        first = sync(wp.url, content)
        assert first.sources[0].removals_deferred
        second = sync(wp.url, content, prune=True)
    assert messages(first) == messages(second) == []
    assert ids(content) == {p["id"] for p in site.posts["news-archive"]}
    assert skipped["id"] in ids(content) and deleted["id"] not in ids(content)


def test_a_taxonomy_filter_holds_for_a_post_type_without_that_taxonomy(tmp_path: Path) -> None:
    """WordPress ignores a filter by a taxonomy the post type does not have, so it would select all."""
    site = generated_site(20)
    site.posts["page"] = [rest_item(id=9001, slug="about", type="page"),
                          rest_item(id=9002, slug="contact", type="page")]
    site.type_taxonomies = {"page": []}
    with FakeWordPress(site) as wp:
        config = parse_config({"sources": [{"name": "ree", "url": wp.url, "include": {"regions": ["china"]}}]})
        result = run_sync(config.sources, tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
    china = next(t["id"] for t in site.terms if t["slug"] == "china")
    assert messages(result) == []
    assert ids(tmp_path / "content") == {p["id"] for p in site.posts["news-archive"] if china in p["regions"]}


def test_posts_deleted_while_listing_end_it_a_page_early_without_an_error(tmp_path: Path) -> None:
    """250 posts are 3 pages when the listing starts and 2 when its third page is asked for."""
    site = generated_site(250)
    content = tmp_path / "content"
    gone = [p["id"] for p in site.posts["news-archive"][:60]]
    with FakeWordPress(site) as wp:
        deleting_during(wp, "orderby=id&order=asc&page=3", gone)
        first = sync(wp.url, content)
        second = sync(wp.url, content, prune=True)
    assert messages(first) == messages(second) == []
    assert first.sources[0].removals_deferred
    assert ids(content) == {p["id"] for p in site.posts["news-archive"]}


def test_a_post_published_while_listing_is_synced_and_nothing_is_taken_for_removed(tmp_path: Path) -> None:
    site = generated_site(250)
    content = tmp_path / "content"
    with FakeWordPress(site) as wp:
        answer = wp.answer

        def publish_during_page_2(target: str) -> tuple:
            if LISTING in target and "page=2" in target and wp.count(LISTING) == 1:
                news = site.posts["news-archive"]
                news.append({**news[0], "id": 99999, "slug": "breaking"})
                site.touch("news-archive", 99999, 1)
            return answer(target)

        wp.answer = publish_during_page_2  # type: ignore[method-assign]
        first = sync(wp.url, content, prune=True)
        second = sync(wp.url, content, prune=True)
    assert messages(first) == messages(second) == []
    assert ids(content) == {p["id"] for p in site.posts["news-archive"]} and 99999 in ids(content)


def test_a_parameter_the_site_refuses_is_named_with_what_the_site_said(tmp_path: Path) -> None:
    """A site that refuses the page size it names itself (a plugin's filter gone wrong): asked once at that size,
    then the refusal is reported as the site worded it."""
    refusal = (b'{"code":"rest_invalid_param","message":"Invalid parameter(s): per_page","data":{"status":400,'
               b'"params":{"per_page":"per_page must be between 1 (inclusive) and 50 (inclusive)"}}}')
    with FakeWordPress(generated_site(5)) as wp:
        wp.fail(LISTING, status=400, body=refusal, times=-1)
        result = sync(wp.url, tmp_path / "content")
        asked = wp.count(LISTING)
    assert messages(result) == [
        f"{wp.url}wp-json/wp/v2/news-archive?_fields=id,slug,modified,modified_gmt,date_gmt&per_page=50&orderby=id"
        "&order=asc&page=1: HTTP 400 rest_invalid_param: Invalid parameter(s): per_page; per_page must be between 1 "
        "(inclusive) and 50 (inclusive): the site refused the query: check the source's URL and curation"]
    assert asked == 2


def test_a_taxonomy_not_in_the_rest_api_stops_the_source_and_says_why(tmp_path: Path) -> None:
    with FakeWordPress(generated_site(5)) as wp:
        config = parse_config({"sources": [{"name": "ree", "url": wp.url, "include": {"product_cat": ["magnets"]}}]})
        result = run_sync(config.sources, tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
    assert messages(result) == [
        "source 'ree': include.product_cat: the site has no such taxonomy in its REST API (it has: news-type, "
        "organization, regions); a taxonomy is there only if registered with show_in_rest"]
    assert posts(tmp_path / "content") == {}


def test_a_post_type_in_its_own_rest_namespace_is_read_there(tmp_path: Path) -> None:
    site = generated_site(5)
    site.posts["book"] = [rest_item(id=9001, slug="dune", type="book")]
    site.namespaces = {"book": "library/v1"}
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
        assert wp.count("/library/v1/book?") == 2  # listed, then fetched
    assert messages(result) == []
    assert "book/dune.md" in posts(tmp_path / "content")


@pytest.mark.parametrize("failing", ["/wp/v2/regions?slug=", "/wp/v2/types", LISTING])
def test_a_curated_source_keeps_its_posts_when_the_site_fails(tmp_path: Path, failing: str) -> None:
    """A term lookup, the post types or the listing failing: nothing is taken for removed, nothing
    is let in that the curation keeps out, and the line says what to do."""
    content = tmp_path / "content"
    curation = {"include": {"regions": ["china", "japan"]}, "max_posts": 5}
    with FakeWordPress(generated_site(150)) as wp:
        config = parse_config({"sources": [{"name": "ree", "url": wp.url, **curation}]})
        run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1))
        before = stats(content)
        wp.fail(failing, status=502, times=-1)
        failed = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1, clock=FakeTime().clock(),
                                                                full=True, prune=True))
    assert len(failed.problems) == 1 and "HTTP 502" in messages(failed)[0]
    assert messages(failed)[0].endswith("the site kept failing: sync again later; what was fetched is kept")
    assert {path: stat for path, stat in stats(content).items() if not path.startswith(".")} == {
        path: stat for path, stat in before.items() if not path.startswith(".")}
    assert len(posts(content)) == 5


@pytest.mark.parametrize("paging_headers", [True, False])
def test_a_cache_that_ignores_the_query_string_is_named_and_nothing_is_taken_for_removed(
        tmp_path: Path, paging_headers: bool) -> None:
    """Such a cache answers every page, and every batch of posts, with its first copy; without paging
    headers the listing would never end."""
    site = generated_site(250)
    site.paging_headers = paging_headers
    content = tmp_path / "content"
    with FakeWordPress(site) as wp:
        sync(wp.url, content)
        before = posts(content)
        answer = wp.answer
        first: dict[str, tuple] = {}

        def cached(target: str) -> tuple:
            return first.setdefault(target.split("?")[0], answer(target))

        wp.answer = cached  # type: ignore[method-assign]
        result = sync(wp.url, content, full=True, prune=True)
    assert messages(result) == [
        f"{wp.url}wp-json/wp/v2/news-archive?_fields=id,slug,modified,modified_gmt,date_gmt&per_page=100&orderby=id"
        "&order=asc&page=2: the posts of an earlier page again: a cache in front of the site seems to ignore the "
        "query string: ask the site's owner to keep the REST API out of it"]
    assert posts(content) == before


def test_a_batch_answered_with_posts_not_asked_for_is_named_and_stores_nothing(tmp_path: Path) -> None:
    site = generated_site(5)
    content = tmp_path / "content"
    news = site.posts["news-archive"]
    with FakeWordPress(site) as wp:
        sync(wp.url, content)
        before = posts(content)
        site.touch("news-archive", news[0]["id"], 5, title={"rendered": "Edited"})
        wp.fail("_embed=1", body=json.dumps([news[1]]).encode(), times=-1)
        result = sync(wp.url, content)
    assert len(result.problems) == 1
    assert messages(result)[0].endswith(f"&_embed=1: posts that were not asked for: {QUERY_IGNORED}")
    assert posts(content) == before


def test_a_site_that_hides_its_users_is_synced_with_authors_unnamed_and_a_note(tmp_path: Path) -> None:
    site = generated_site(30)
    site.embed = False
    refusal = (b'{"code":"rest_user_cannot_view","message":"Sorry, you are not allowed to list users.",'
               b'"data":{"status":401}}')
    with FakeWordPress(site) as wp:
        wp.fail("/wp/v2/users", status=401, body=refusal, times=-1)
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == []
    assert result.sources[0].notes == [f"{USERS_HIDDEN}: {wp.url}wp-json/wp/v2/users answered HTTP 401 "
                                       "rest_user_cannot_view"]
    assert f"{result.sources[0].name}: {USERS_HIDDEN}" in "\n".join(sync_summary(result, dry_run=False))
    assert len(posts(tmp_path / "content")) == 30
    assert "author: Reporter" not in next(iter(posts(tmp_path / "content").values())).decode()


def test_a_subfolder_site_synced_under_its_former_name_keeps_its_store(tmp_path: Path) -> None:
    """Sources given by URL were named without their folder; a nightly sync must not fetch and place
    every post again beside the old copies."""
    content = tmp_path / "content"
    with FakeWordPress(generated_site(5), home="/blog/") as wp:
        former = source_from_url(wp.url.removesuffix("blog/")).name
        run_sync([replace(source_from_url(wp.url), name=former)], content, SyncOptions(politeness=FAST, workers=1))
        before = stats(content)
        result = sync(wp.url, content)
        assert wp.count("_embed=1") == 1
    assert messages(result) == [] and result.sources[0].name == former
    assert stats(content) == before


def test_curation_holds_on_a_plain_permalink_site_without_paging_headers_or_embed(tmp_path: Path) -> None:
    site = generated_site(260)
    site.paging_headers = False
    china = next(t["id"] for t in site.terms if t["slug"] == "china")
    with FakeWordPress(site, discovery="rest_route", home="/blog/") as wp:
        wp.fail("_embed=1", status=500, times=-1)
        config = parse_config({"sources": [{"name": "ree", "url": wp.url.removesuffix("/"),
                                            "include": {"regions": ["china"]}, "max_posts": 20}]})
        result = run_sync(config.sources, tmp_path / "content",
                          SyncOptions(politeness=FAST, workers=1, clock=FakeTime().clock()))
    chosen = sorted((p for p in site.posts["news-archive"] if china in p["regions"]), key=lambda p: p["date_gmt"])
    assert messages(result) == []
    assert ids(tmp_path / "content") == {p["id"] for p in chosen[-20:]} and len(chosen) > 20


NO_RETRIES = replace(FAST, retries=0)  # what is asked, without the waits of retrying it


def crashing_on(wp: FakeWordPress, bad: set[int]) -> None:
    """The site answers 500 to any fetch that includes one of `bad`, as a plugin that crashes on one post's
    content does, with or without `_embed`."""
    answer = wp.answer

    def crash(target: str) -> tuple:
        query = parse_qs(urlsplit(target).query)
        asked = {int(i) for i in query.get("include", [""])[0].split(",") if i.isdigit()}
        if "/wp/v2/news-archive" in target and asked & bad:
            wp.requests.append(target)
            return 500, {"Content-Type": "application/json"}, b'{"code":"internal_server_error","data":{"status":500}}'
        return answer(target)

    wp.answer = crash  # type: ignore[method-assign]


def test_a_post_the_site_crashes_on_costs_only_itself(tmp_path: Path) -> None:
    site = generated_site(150)
    every = {p["id"] for p in site.posts["news-archive"]}
    bad = sorted(every)[37]
    with FakeWordPress(site) as wp:
        crashing_on(wp, {bad})
        result = sync(wp.url, tmp_path / "content", politeness=NO_RETRIES)
        asked = wp.count("include=")
    assert ids(tmp_path / "content") == every - {bad}
    assert [(p.item, "the site fails on this post alone" in p.message) for p in result.problems] == [
        (f"post {bad}", True)]
    assert asked <= 2 + 2 + 2 * 7  # two batches, one asked again without _embed, then halves down to the post


def test_a_site_that_fails_every_fetch_is_not_asked_post_by_post(tmp_path: Path) -> None:
    site = generated_site(150)
    with FakeWordPress(site) as wp:
        crashing_on(wp, {p["id"] for p in site.posts["news-archive"]})
        result = sync(wp.url, tmp_path / "content", politeness=NO_RETRIES)
        asked = wp.count("include=")
    assert ids(tmp_path / "content") == set()
    assert len(result.problems) == 2 and all(p.item == "" for p in result.problems)  # a batch each
    assert asked <= 2 * 4  # each batch: with _embed, without, then its two halves


def test_a_site_that_serves_smaller_pages_is_read_in_the_pages_it_serves(tmp_path: Path) -> None:
    """A plugin lowered the largest page to 30 and says so, as WordPress does, in the site's language."""
    site = generated_site(70)
    refusal = ('{"code":"rest_invalid_param","message":"Paramètre(s) non valide(s) : per_page","data":{"status":400,'
               '"params":{"per_page":"per_page doit être compris entre 1 (inclus) et 30 (inclus)"}}}').encode()
    with FakeWordPress(site) as wp:
        answer = wp.answer

        def capped(target: str) -> tuple:
            if int(parse_qs(urlsplit(target).query).get("per_page", ["1"])[0]) > 30:
                wp.requests.append(target)
                return 400, {"Content-Type": "application/json"}, refusal
            return answer(target)

        wp.answer = capped  # type: ignore[method-assign]
        result = sync(wp.url, tmp_path / "content")
        refused = wp.count("per_page=100")
    assert messages(result) == []
    assert ids(tmp_path / "content") == {p["id"] for p in site.posts["news-archive"]}
    assert refused == 1  # asked once, then read 30 at a time


@pytest.mark.parametrize("headers", [True, False])
def test_a_site_that_serves_fewer_posts_than_asked_without_saying_so_loses_none(tmp_path: Path, headers: bool) -> None:
    """A theme's pre_get_posts hook sets posts_per_page to 12 for every query, the REST API's too: asked for
    100, the site serves 12, with no error. Every post is synced, with or without the paging headers."""
    site = generated_site(130)
    site.page_cap, site.paging_headers, site.embed = 12, headers, False
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == [] and result.sources[0].notes == []
    assert ids(tmp_path / "content") == {p["id"] for p in site.posts["news-archive"]}
    pictured = sum(b"/photo-" in data for data in posts(tmp_path / "content").values())  # media named by id
    assert pictured == sum(1 for p in site.posts["news-archive"] if p["featured_media"]) > 12


def test_posts_listed_but_no_longer_served_are_named_in_a_note(tmp_path: Path) -> None:
    site = generated_site(150)
    news = sorted(site.posts["news-archive"], key=lambda p: p["id"])
    gone = [news[5]["id"], news[120]["id"]]
    with FakeWordPress(site) as wp:
        answer = wp.answer

        def deleting(target: str) -> tuple:
            if "include=" in target:  # deleted after the listing, before the posts are fetched
                for post_id in gone:
                    site.remove("news-archive", post_id)
            return answer(target)

        wp.answer = deleting  # type: ignore[method-assign]
        result = sync(wp.url, tmp_path / "content")
    assert messages(result) == []
    assert ids(tmp_path / "content") == {p["id"] for p in news} - set(gone)
    assert result.sources[0].notes == [
        f"2 news-archive listed by the site were not served when asked for by id (deleted or unpublished since "
        f"it listed them?): {gone[0]}, {gone[1]}; the next sync asks for them again"]
    assert f"{result.sources[0].name}: {result.sources[0].notes[0]}" in sync_summary(result, dry_run=False)


@settings(max_examples=200, deadline=None)
@given(ids=st.lists(st.integers(1, 60), min_size=1, max_size=40, unique=True), size=st.integers(1, 12),
       answers=st.lists(st.lists(st.integers(1, 80), max_size=15), min_size=1, max_size=10))
def test_asking_again_for_what_a_site_left_out_always_ends(ids: list[int], size: int,
                                                           answers: list[list[int]]) -> None:
    """Whatever a site answers (some of the batch, none, other objects, the same ones again), the ids left
    to ask for run out: at most one request per id, and each id is asked for in one request at a time."""
    pending, requests = list(ids), 0
    while pending:
        batch, pending = pending[:size], pending[size:]
        served = [{"id": i} for i in answers[requests % len(answers)]]
        pending, size = _still_wanted(batch, served, pending, size)
        requests += 1
        assert requests <= len(ids)


def test_a_page_count_the_site_overstates_ends_the_listing_at_its_first_empty_page(tmp_path: Path) -> None:
    """A cache or plugin that says `X-WP-TotalPages: 1000000` and answers every page past the posts with an
    empty list: the listing ends at the first empty page, not a million requests later, and is whole."""
    site = generated_site(150)
    content = tmp_path / "content"
    with FakeWordPress(site) as wp:
        answer = wp.answer

        def overstated(target: str) -> tuple:
            status, headers, body = answer(target)
            if LISTING not in target:
                return status, headers, body
            return 200, {**headers, "X-WP-TotalPages": "1000000"}, body if status == 200 else b"[]"

        wp.answer = overstated  # type: ignore[method-assign]
        result = sync(wp.url, content)
        assert wp.count(LISTING) == 3
    assert messages(result) == []
    assert not result.sources[0].removals_deferred
    assert ids(content) == {p["id"] for p in site.posts["news-archive"]}


NOT_FOUND_PAGE = b"<!doctype html><title>404 Not Found</title><center>nginx</center>"


@pytest.mark.parametrize("status", [404, 403])
def test_an_api_its_site_links_at_wp_json_but_does_not_route_there_is_read_through_rest_route(
        tmp_path: Path, status: int) -> None:
    """WordPress links its API at /wp-json/ whenever pretty permalinks are on in its settings, even where the web
    server does not send that path to WordPress (nginx without try_files, an .htaccess lost in a move) or a
    firewall rule blocks it; the same API answers at ?rest_route=/ through index.php."""
    with FakeWordPress(generated_site(12), home="/blog/") as wp:
        wp.fail("/blog/wp-json/", status=status, body=NOT_FOUND_PAGE, headers={"Content-Type": "text/html"}, times=-1)
        result = sync(wp.url, tmp_path / "content")
        second = sync(wp.url, tmp_path / "content")
        assert wp.count("rest_route=%2Fwp%2Fv2%2Fnews-archive") + wp.count("rest_route=/wp/v2/news-archive") >= 2
    assert (messages(result), messages(second)) == ([], [])
    assert len(posts(tmp_path / "content")) == 12


def test_an_api_that_fails_at_wp_json_and_at_rest_route_is_reported_by_its_first_answer(tmp_path: Path) -> None:
    with FakeWordPress(generated_site(3)) as wp:
        wp.fail("wp/v2/types", status=404, body=NOT_FOUND_PAGE, headers={"Content-Type": "text/html"}, times=-1)
        wp.fail("feed", status=404, body=NOT_FOUND_PAGE, headers={"Content-Type": "text/html"}, times=-1)
        result = sync(wp.url, tmp_path / "content")
        assert wp.count("wp/v2/types") == 2  # /wp-json/wp/v2/types, then ?rest_route=/wp/v2/types
    assert messages(result) == [f"{wp.url}wp-json/wp/v2/types: HTTP 404 ('404 Not Found'): no such address: "
                                f"check the source's URL; and no WordPress feed to read instead: {wp.url}feed/ "
                                f"answered HTTP 404 ('404 Not Found'); {wp.url}?feed=rss2 answered HTTP 404 "
                                "('404 Not Found')"]


def test_a_site_that_is_down_while_its_api_is_looked_for_is_said_to_be_failing_not_misaddressed(
        tmp_path: Path) -> None:
    """A nightly sync that meets the site down (a 503 from every address) was told to check the site's URL."""
    with FakeWordPress(generated_site(3), discovery="wp-json") as wp:
        wp.fail("/", status=503, body=b"<title>503 Service Unavailable</title>", headers={"Content-Type": "text/html"},
                times=-1)
        result = sync(wp.url, tmp_path / "content", politeness=replace(FAST, retries=0))
    assert messages(result) == [f"{wp.url}?rest_route=/: HTTP 503 ('503 Service Unavailable'): the site kept failing: "
                                "sync again later; what was fetched is kept"]


def test_an_api_linked_on_a_host_this_machine_cannot_reach_is_read_where_the_site_was_given(tmp_path: Path) -> None:
    """Behind a proxy, or on a copy of a site, WordPress links its API on the host of its address setting
    (`http://10.0.0.5:8080/wp-json/`), which the machine that syncs may not reach; the site as given serves it."""
    import socket
    with socket.socket() as closed:  # a port nothing listens on once this socket is closed
        closed.bind(("127.0.0.1", 0))
        unreachable = f"http://127.0.0.1:{closed.getsockname()[1]}/wp-json/"
    with FakeWordPress(generated_site(4), discovery="wp-json") as wp:
        wp.route("/", lambda query: (200, {"Link": f'<{unreachable}>; rel="https://api.w.org/"'}, b"<p>Home"))
        result = sync(wp.url, tmp_path / "content", politeness=replace(FAST, retries=0))
    assert messages(result) == []
    assert len(posts(tmp_path / "content")) == 4


def test_a_collection_address_copied_with_a_filter_is_refused_not_mirrored_whole(tmp_path: Path) -> None:
    """`…/wp/v2/posts?categories=12` or `?search=x` pasted from a browser: the query was dropped without a word,
    and the sync mirrored every post of the collection."""
    with pytest.raises(ValueError, match=r"its query selects posts \(categories, search\)"):
        source_from_url("https://example.org/wp-json/wp/v2/posts?categories=12&search=lithium&per_page=5")
    assert source_from_url("https://example.org/?rest_route=/wp/v2/posts&per_page=5&_embed").name == "example-org-posts"
    with FakeWordPress(generated_site(3)) as wp:
        config = parse_config({"sources": [{"name": "news", "url": f"{wp.url}wp-json/wp/v2/news-archive?author=2"}]})
        result = run_sync(config.sources, tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
        assert wp.count() == 0
    assert [(p.file, p.message.split(":")[0]) for p in result.problems] == [
        ("source 'news'", "its query selects posts (author), which sync does not read from an address")]
