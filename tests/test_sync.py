"""`newsmirror sync` against a fake WordPress served on 127.0.0.1: what a curator running it
nightly would notice. Files change only when posts change upstream, a dry run touches nothing,
and the Markdown is the one `newsmirror import` writes for the same JSON."""

from __future__ import annotations

import json
from pathlib import Path

import httpx
import pytest

from generator.builder import run_build
from generator.config import parse_config
from generator.importer import ImportOptions, run_import
from generator.sources.http import Politeness
from generator.sources.wp_live import CUT_SHORT
from generator.store.documents import loads
from generator.sync import SyncOptions, SyncResult, run_sync, source_from_url, sync_summary
from generator.store.terms import read_terms
from tests.conftest import SHARED, config_for, content_tree, need_shared, rest_item
from tests.fake_wordpress import FakeWordPress, add_samples, generated_site, sample_site
from tests.test_http import FakeTime

FAST = Politeness(min_interval=0.0)


def sync(url: str, content: Path, **options: object) -> SyncResult:
    return run_sync([source_from_url(url)], content, SyncOptions(**{"politeness": FAST, "workers": 1, **options}))


def stats(folder: Path) -> dict[str, tuple[int, int]]:
    """Every file, the caches too, with its mtime and size: what a run that writes nothing leaves alone."""
    return {p.relative_to(folder).as_posix(): (p.stat().st_mtime_ns, p.stat().st_size)
            for p in sorted(folder.rglob("*")) if p.is_file()}


def posts(content: Path) -> dict[str, bytes]:
    return {path: data for path, data in content_tree(content).items() if path.endswith(".md")}


def test_a_second_sync_with_nothing_changed_writes_no_file(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(120)) as wp:
        first = sync(wp.url, content)
        before, requests = stats(content), wp.count()
        second = sync(wp.url, content)
        assert (first.problems, second.problems) == ([], [])
        assert len(posts(content)) == 120
        assert stats(content) == before
        # The front page, types, taxonomies, what changed since the last sync, the count of posts, and the terms the
        # posts use, one request per taxonomy (a term renamed upstream changes no post's modified time).
        assert wp.count() - requests == second.requests == 8
    assert (second.written, second.removed, second.state_written) == (0, 0, False)


def test_three_posts_changed_upstream_change_exactly_their_files(tmp_path: Path) -> None:
    content = tmp_path / "content"
    site = generated_site(120)
    with FakeWordPress(site) as wp:
        sync(wp.url, content)
        before = content_tree(content)
        changed = [p for p in site.posts["news-archive"][10:13]]
        for i, post in enumerate(changed):
            site.touch("news-archive", post["id"], i + 1, title={"rendered": f"Edited {i}"})
        result = sync(wp.url, content)
    after = content_tree(content)
    differing = sorted(p for p in set(before) | set(after) if before.get(p) != after.get(p))
    assert differing == sorted([f"news-archive/{p['slug']}.md" for p in changed] + ["sync.yaml"])
    assert [c.action for c in result.sources[0].changes] == ["updated"] * 3
    assert result.written == 3


def test_sync_writes_the_markdown_that_import_writes_for_the_same_json(tmp_path: Path) -> None:
    site = generated_site(40)
    add_samples(site, SHARED)  # the real sample item too, when ../shared is there
    saved = tmp_path / "saved"
    with FakeWordPress(site) as wp:
        sync(wp.url, tmp_path / "synced")
        for page in (1, 2):  # as a crawl would save them
            response = httpx.get(f"{wp.url}wp-json/wp/v2/news-archive?per_page=25&page={page}&_embed=1")
            (saved / f"news-archive__page={page}.json").parent.mkdir(exist_ok=True)
            (saved / f"news-archive__page={page}.json").write_bytes(response.content)
        (saved / "taxonomies.json").write_bytes(httpx.get(f"{wp.url}wp-json/wp/v2/taxonomies").content)
        (saved / "index.json").write_bytes(httpx.get(f"{wp.url}wp-json/").content)  # the site's title
    imported = run_import([saved], tmp_path / "imported", ImportOptions(workers=1))
    assert imported.problems == []
    synced = content_tree(tmp_path / "synced")
    assert synced.pop("sync.yaml")
    assert synced == content_tree(tmp_path / "imported")
    posts = [path for path in synced if path.endswith(".md")]
    assert posts and all(path.startswith("news-archive/") for path in posts)  # today's paths: <type>/<slug>.md


def test_the_shared_samples_sync_as_they_import(tmp_path: Path) -> None:
    """Posts of four sites (core's fixture, frontity, ghost-migrate, the news-archive item), some saved
    with `_embedded` and some without, served as one site; a crawl saves every list the site has."""
    site = sample_site(need_shared(SHARED / "samples" / "wp-rest").parents[1])
    site.embed = False  # posts keep the `_embedded` they were saved with, or have none
    saved = tmp_path / "saved"
    saved.mkdir()
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "synced")
        for route in [*site.posts, "users", "media", *site.taxonomies.values()]:
            embed = "&_embed=1" if route in site.posts else ""
            (saved / f"{route}.json").write_bytes(httpx.get(f"{wp.url}wp-json/wp/v2/{route}?per_page=100{embed}").content)
        (saved / "taxonomies.json").write_bytes(httpx.get(f"{wp.url}wp-json/wp/v2/taxonomies").content)
        (saved / "index.json").write_bytes(httpx.get(f"{wp.url}wp-json/").content)  # the site's title
    imported = run_import([saved], tmp_path / "imported", ImportOptions(workers=1))
    assert result.problems == imported.problems == []
    # Served as one site, the four sites' ids collide: category 1 is example.org's "uncategorized" and frontity's
    # "cat-1". Asked for by id, the fake gives one of them; the crawl's import names each post from its own site's.
    synced, crawled = posts(tmp_path / "synced"), posts(tmp_path / "imported")
    fixture = "post/restapi-client-fixture-post.md"
    assert synced.pop(fixture).replace(b"  - cat-1\n", b"") == crawled.pop(fixture)
    assert synced == crawled
    assert len(posts(tmp_path / "synced")) == sum(map(len, site.posts.values())) > 20
    # The crawl's term lists name terms no post uses, and parents; sync knows what its posts say.
    synced, imported_terms = read_terms(tmp_path / "synced")[0], read_terms(tmp_path / "imported")[0]
    for taxonomy, by_slug in synced.terms.items():
        for slug, term in by_slug.items():
            assert term.merged_into(imported_terms.get(taxonomy, slug)) == imported_terms.get(taxonomy, slug)


def test_a_site_without_embed_is_named_through_lookups_by_id(tmp_path: Path) -> None:
    plain = generated_site(30)
    plain.embed = False
    with FakeWordPress(generated_site(30)) as embedded, FakeWordPress(plain) as bare:
        sync(embedded.url, tmp_path / "embedded")
        result = sync(bare.url, tmp_path / "bare")
        assert bare.count("/wp/v2/users?include=") == 1
        assert bare.count("/wp/v2/regions?include=") == 1
    assert result.problems == []
    assert posts(tmp_path / "bare") == posts(tmp_path / "embedded")
    assert content_tree(tmp_path / "bare")["terms.yaml"] == content_tree(tmp_path / "embedded")["terms.yaml"]
    assert "author: Reporter" in next(iter(posts(tmp_path / "bare").values())).decode()


def test_dry_run_lists_added_updated_removed_and_writes_nothing(tmp_path: Path) -> None:
    content = tmp_path / "content"
    site = generated_site(60)
    with FakeWordPress(site) as wp:
        sync(wp.url, content)
        news = site.posts["news-archive"]
        gone, edited = news[:2], news[5]
        for post in gone:
            site.remove("news-archive", post["id"])
        site.touch("news-archive", edited["id"], 5, title={"rendered": "Edited"})
        news = site.posts["news-archive"]
        news.append({**news[6], "id": 99999, "slug": "brand-new"})
        site.touch("news-archive", 99999, 6)
        before = stats(content)
        dry = sync(wp.url, content, dry_run=True)
        assert stats(content) == before
        changes = {(c.action, c.id) for c in dry.sources[0].changes}
        assert changes == {("added", 99999), ("updated", edited["id"]), *(("removed", p["id"]) for p in gone)}
        real = sync(wp.url, content, now="2026-12-10T09:00:00Z")
        assert {(c.action, c.id) for c in real.sources[0].changes} == changes
        files = posts(content)
        assert "news-archive/brand-new.md" in files
        # Removed upstream: kept, marked, and logged; `--prune` deletes them.
        assert all("  removed: '2026-12-10'" in files[f"news-archive/{p['slug']}.md"].decode() for p in gone)
        log = (content / "changes.yaml").read_text()
        assert "run: '2026-12-10T09:00:00Z'" in log and log.count("action: removed") == 2
        assert len(files) == 61
        sync(wp.url, content, prune=True)
    files = posts(content)
    assert not any(f"news-archive/{p['slug']}.md" in files for p in gone)
    assert len(files) == 59


def test_dry_run_with_prune_lists_the_posts_kept_as_removed_that_prune_deletes(tmp_path: Path) -> None:
    """Seen on a real site's crawl (yankees, 268 posts) whose curation was narrowed without --prune, then
    changed again with --prune: `--dry-run --prune` listed 187 changes, the real run made 200; the 13 posts
    kept as removed, which --prune deletes, were neither listed nor counted in the summary."""
    content = tmp_path / "content"
    site = generated_site(30)
    china = next(t["id"] for t in site.terms if t["slug"] == "china")
    kept = {p["id"] for p in site.posts["news-archive"] if china in p["regions"]}
    with FakeWordPress(site) as wp:
        curated({}, content, wp.url)
        config = parse_config({"sources": [{"name": "ree", "url": wp.url, "include": {"regions": ["china"]}}]})
        run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1, now="2026-12-01T10:00:00Z"))
        marked = {loads(d.decode()).source.id for d in posts(content).values()} - kept
        gone = min(kept)
        site.remove("news-archive", gone)  # and one more removed upstream since
        before = stats(content)
        dry = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1, prune=True, dry_run=True))
        assert stats(content) == before
        real = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1, prune=True))
    assert marked and {(c.action, c.id) for c in dry.sources[0].changes} == {("removed", i) for i in marked | {gone}}
    assert {(c.action, c.id) for c in real.sources[0].changes} == {(c.action, c.id) for c in dry.sources[0].changes}
    assert {loads(d.decode()).source.id for d in posts(content).values()} == kept - {gone}
    assert f"would remove {len(marked) + 1}" in sync_summary(dry, dry_run=True)[0]


def test_the_summary_names_removed_posts_by_their_files_in_content(tmp_path: Path) -> None:
    """Not by the copy in the sync's cache, which the user never made and must not edit."""
    content = tmp_path / "content"
    site = generated_site(8)
    gone = site.posts["news-archive"][3]
    with FakeWordPress(site) as wp:
        sync(wp.url, content)
        site.remove("news-archive", gone["id"])
        kept = sync_summary(sync(wp.url, content), dry_run=False)
        site.remove("news-archive", site.posts["news-archive"][0]["id"])
        pruned = sync_summary(sync(wp.url, content, prune=True), dry_run=False)
    assert any(line.endswith(f"(--prune deletes them): {content / 'news-archive' / gone['slug']}.md") for line in kept)
    assert any(f"pruned 2 posts no longer in the input: {content / 'news-archive'}/" in line for line in pruned)
    assert not any(".newsmirror-cache" in line for line in kept + pruned)


def test_a_broken_page_is_reported_with_its_url_and_the_rest_is_synced(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(250)) as wp:
        wp.fail("orderby=id&order=asc&page=2", body=b'[{"id": 1005, "slug": ')
        result = sync(wp.url, content)
        assert [str(p) for p in result.problems] == [
            f"{wp.url}wp-json/wp/v2/news-archive?_fields=id,slug,modified,modified_gmt,date_gmt&per_page=100"
            f"&orderby=id&order=asc&page=2: not valid JSON: line 1 column 23: Expecting value: {CUT_SHORT}"]
        assert len(posts(content)) == 150
        assert result.sources[0].removals_deferred
        again = sync(wp.url, content)
    assert again.problems == []
    assert len(posts(content)) == 250


def test_a_site_that_prints_php_warnings_before_its_json_is_synced_whole(tmp_path: Path) -> None:
    """display_errors on: every API answer starts with PHP's warning, as on much cheap hosting."""
    warning = (b'<br />\n<b>Deprecated</b>:  Creation of dynamic property in <b>/var/www/html/wp-content/'
               b'plugins/old/old.php</b> on line <b>7</b><br />\n')
    with FakeWordPress(generated_site(30)) as wp:
        wp.wrap_json(before=warning)
        result = sync(wp.url, tmp_path / "content")
    assert result.problems == []
    assert len(posts(tmp_path / "content")) == 30


def test_a_type_named_with_a_leading_underscore_is_synced_once_and_kept(tmp_path: Path) -> None:
    """Its folder goes without the _ (see wp_post.type_folder); the sync must know it as that type's."""
    site = generated_site(6)
    site.posts["_cty_people"] = [{**post, "type": "_cty_people"} for post in site.posts.pop("news-archive")]
    content = tmp_path / "content"
    with FakeWordPress(site) as wp:
        first = sync(wp.url, content)
        before = stats(content)
        second = sync(wp.url, content)
    assert (first.problems, second.problems) == ([], [])
    assert len(list((content / "cty_people").glob("*.md"))) == 6
    assert (second.written, second.removed) == (0, 0) and stats(content) == before


def test_a_busy_site_is_retried_as_it_asks(tmp_path: Path) -> None:
    time = FakeTime()
    with FakeWordPress(generated_site(30)) as wp:
        wp.fail("/wp/v2/types", status=429, headers={"Retry-After": "3"})
        wp.fail("_embed=1", status=503)
        result = sync(wp.url, tmp_path / "content", clock=time.clock())
    assert result.problems == []
    assert time.sleeps == [3.0, 1.0]
    assert len(posts(tmp_path / "content")) == 30


@pytest.mark.parametrize("discovery", ["link", "wp-json", "rest_route"])
def test_the_api_is_found_however_the_site_publishes_it(tmp_path: Path, discovery: str) -> None:
    with FakeWordPress(generated_site(5), discovery=discovery) as wp:
        result = sync(wp.url, tmp_path / "content")
        api = {"rest_route": f"{wp.url}?rest_route=/"}.get(discovery, f"{wp.url}wp-json/")
    assert result.problems == []
    assert len(posts(tmp_path / "content")) == 5
    assert f"api: {api}" in (tmp_path / "content" / "sync.yaml").read_text()


def test_a_site_that_moved_is_followed_by_its_redirect(tmp_path: Path) -> None:
    with FakeWordPress(generated_site(5), discovery="wp-json") as wp:
        wp.fail("/old-home/wp-json/", status=308, headers={"Location": "/wp-json/"}, times=-1)
        wp.fail("/old-home/", status=301, headers={"Location": "/"}, times=-1)
        result = sync(wp.url + "old-home/", tmp_path / "content")
    assert result.problems == []
    assert len(posts(tmp_path / "content")) == 5


def test_a_collection_url_reads_its_post_type_and_a_site_url_every_type(tmp_path: Path) -> None:
    site = generated_site(5)
    site.posts["post"] = [rest_item(id=3, slug="plain-post"), rest_item(id=4, slug="another")]
    with FakeWordPress(site) as wp:
        sync(wp.url + "wp-json/wp/v2/news-archive", tmp_path / "one")
        sync(wp.url, tmp_path / "all")
    assert {p.split("/")[0] for p in posts(tmp_path / "one")} == {"news-archive"}
    assert {p.split("/")[0] for p in posts(tmp_path / "all")} == {"news-archive", "post"}
    assert len(posts(tmp_path / "all")) == 7


def curated(source: dict[str, object], content: Path, url: str) -> set[int]:
    from generator.config import parse_config
    config = parse_config({"sources": [{"name": "ree", "url": url, **source}]})
    result = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1, prune=True))
    assert result.problems == []
    return {loads(data.decode()).source.id for data in posts(content).values()}


def test_curation_filters_by_terms_dates_search_ids_and_count(tmp_path: Path) -> None:
    site = generated_site(150)
    news = site.posts["news-archive"]
    ids = {t["slug"]: t["id"] for t in site.terms}
    with FakeWordPress(site) as wp:
        by_terms = curated({"include": {"regions": ["china", "japan"]}, "exclude": {"news-type": ["ree-news"]},
                                  "after": "2019-01-01"}, tmp_path / "terms", wp.url)
        newest = curated({"max_posts": 7}, tmp_path / "newest", wp.url)
        chosen = curated({"ids": [news[3]["id"], news[9]["id"]], "search": "a"}, tmp_path / "ids", wp.url)
    assert by_terms == {p["id"] for p in news if {ids["china"], ids["japan"]} & set(p["regions"])
                        and ids["ree-news"] not in p["news-type"] and p["date"] > "2019-01-01"}
    assert 0 < len(by_terms) < 150
    assert newest == {p["id"] for p in sorted(news, key=lambda p: p["date_gmt"])[-7:]}
    assert chosen == {news[3]["id"], news[9]["id"]}


def test_a_term_the_site_does_not_have_stops_that_source_and_says_why(tmp_path: Path) -> None:
    from generator.config import parse_config
    with FakeWordPress(generated_site(5)) as wp:
        config = parse_config({"sources": [{"name": "ree", "url": wp.url, "include": {"regions": ["atlantis"]}}]})
        result = run_sync(config.sources, tmp_path / "content", SyncOptions(politeness=FAST, workers=1))
    assert [str(p) for p in result.problems] == ["source 'ree': include.regions: the site has no term 'atlantis'"]
    assert posts(tmp_path / "content") == {}


def test_two_sources_with_the_same_ids_and_slugs_never_collide(tmp_path: Path) -> None:
    from generator.config import parse_config
    content = tmp_path / "content"
    with FakeWordPress(generated_site(6)) as a, FakeWordPress(generated_site(6)) as b:
        config = parse_config({"sources": [{"name": "alpha", "url": a.url}, {"name": "beta", "url": b.url}]})
        result = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1))
        before = stats(content)
        again = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1))
    assert result.problems == again.problems == []
    assert stats(content) == before
    files = posts(content)
    assert len(files) == 12
    slugs = [p["slug"] for p in generated_site(6).posts["news-archive"]]
    assert {f"news-archive/{s}.md" for s in slugs} | {f"news-archive/{s}-beta.md" for s in slugs} == set(files)
    assert loads(files[f"news-archive/{slugs[0]}-beta.md"].decode()).slug == f"{slugs[0]}-beta"
    built = run_build(config_for(tmp_path, content))
    assert built.problems == []
    assert built.posts == 12


def test_two_sources_of_one_site_with_overlapping_curation_place_each_post_once(tmp_path: Path) -> None:
    """Seen on a real blog's crawl (103 posts, two categories sharing 29): each shared post was placed
    twice, the second copy as `<slug>-b`, and content/changes.yaml logged it as added twice."""
    from generator.config import parse_config
    from generator.store import history
    site = generated_site(40)
    content = tmp_path / "content"
    term = {t["slug"]: t["id"] for t in site.terms}
    news = site.posts["news-archive"]
    china = {p["id"] for p in news if term["china"] in p["regions"]}
    opinion = {p["id"] for p in news if term["opinion"] in p["news-type"]}
    assert china & opinion and china - opinion and opinion - china

    def run(a: dict[str, object], b: dict[str, object], now: str) -> None:
        config = parse_config({"sources": [{"name": "a", "url": wp.url, **a}, {"name": "b", "url": wp.url, **b}]})
        assert run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1, now=now)).problems == []

    def placed() -> dict[int, list[bool]]:
        found: dict[int, list[bool]] = {}
        for data in posts(content).values():
            document = loads(data.decode())
            found.setdefault(document.source.id, []).append(bool(document.mirror and document.mirror.removed))
        return found

    with FakeWordPress(site) as wp:
        run({"include": {"regions": ["china"]}}, {"include": {"news-type": ["opinion"]}}, "2026-12-01T10:00:00Z")
        assert placed() == {i: [False] for i in china | opinion}
        assert sorted(c.id for c in history.read(content)[0].posts) == sorted(china | opinion)
        # a narrowed without --prune: the posts b still selects stay as they are, not marked removed
        run({"include": {"regions": ["china"]}, "exclude": {"news-type": ["opinion"]}},
            {"include": {"news-type": ["opinion"]}}, "2026-12-02T10:00:00Z")
    assert placed() == {i: [False] for i in china | opinion}
    assert len(history.read(content)) == 1  # nothing changed in content/, so no run was logged


def test_a_post_handed_from_one_source_to_another_of_its_site_is_no_addition(tmp_path: Path) -> None:
    """One source narrowed and another widened in one run: the posts the second takes over were in content/
    all along. They were logged as added (and a post renamed upstream meanwhile as added, not renamed)."""
    from generator.store import history
    site = generated_site(30)
    content = tmp_path / "content"
    term = {t["slug"]: t["id"] for t in site.terms}
    news = site.posts["news-archive"]
    moved = next(p for p in news if term["opinion"] not in p["news-type"] and term["china"] not in p["regions"])

    def run(a: dict[str, object], b: dict[str, object], now: str) -> list[tuple[str, int, str]]:
        config = parse_config({"sources": [{"name": "a", "url": wp.url, **a}, {"name": "b", "url": wp.url, **b}]})
        options = SyncOptions(politeness=FAST, workers=1, now=now, prune=True)
        assert run_sync(config.sources, content, options).problems == []
        return [(c.action, c.id, c.path) for c in history.read(content)[0].posts]

    with FakeWordPress(site) as wp:
        run({}, {"include": {"regions": ["china"]}}, "2026-12-01T10:00:00Z")
        site.touch("news-archive", moved["id"], 60, slug="moved-on")
        logged = run({"include": {"news-type": ["opinion"]}}, {}, "2026-12-02T10:00:00Z")
    assert logged == [("renamed", moved["id"], "news-archive/moved-on.md")]
    assert len(posts(content)) == 30 and "news-archive/moved-on.md" in posts(content)


def test_posts_imported_before_are_taken_over_not_duplicated(tmp_path: Path) -> None:
    site = generated_site(10)
    saved = tmp_path / "saved.json"
    with FakeWordPress(site) as wp:
        saved.write_bytes(httpx.get(f"{wp.url}wp-json/wp/v2/news-archive?per_page=100&_embed=1").content)
        run_import([saved], tmp_path / "content", ImportOptions(workers=1))
        before = posts(tmp_path / "content")
        result = sync(wp.url, tmp_path / "content")
    assert result.written == 0
    assert posts(tmp_path / "content") == before
    assert json.loads(saved.read_text())[0]["id"] in {c.id for c in result.sources[0].changes}


def test_narrowing_the_curation_removes_the_posts_it_no_longer_selects(tmp_path: Path) -> None:
    from generator.config import parse_config
    site = generated_site(40)
    content = tmp_path / "content"
    china = next(t["id"] for t in site.terms if t["slug"] == "china")
    with FakeWordPress(site) as wp:
        everything = curated({}, content, wp.url)
        narrowed = curated({"include": {"regions": ["china"]}}, content, wp.url)
        config = parse_config({"sources": [{"name": "ree", "url": wp.url, "types": ["news-archive", "podcast"]}]})
        wrong = run_sync(config.sources, content, SyncOptions(politeness=FAST, workers=1))
    assert len(everything) == 40
    assert narrowed == {p["id"] for p in site.posts["news-archive"] if china in p["regions"]}
    assert 0 < len(narrowed) < 40
    assert [str(p) for p in wrong.problems] == [
        "source 'ree': types: the site has no post type 'podcast' in its REST API (it has: attachment, news-archive, "
        "wp_block); a type is there only if registered with show_in_rest"]
    assert {loads(d.decode()).source.id for d in posts(content).values()} == narrowed


def test_deleting_the_cache_costs_a_full_fetch_but_changes_no_file(tmp_path: Path) -> None:
    import shutil
    content = tmp_path / "content"
    with FakeWordPress(generated_site(30)) as wp:
        sync(wp.url, content)
        before = {path: mtime for path, mtime in stats(content).items() if not path.startswith(".")}
        shutil.rmtree(content / ".newsmirror-cache")
        result = sync(wp.url, content)
        assert wp.count("_embed=1") == 2
    assert result.problems == []
    assert {path: mtime for path, mtime in stats(content).items() if not path.startswith(".")} == before


def test_full_lists_every_post_and_catches_a_deletion_hidden_by_an_old_dated_addition(tmp_path: Path) -> None:
    content = tmp_path / "content"
    site = generated_site(40)
    with FakeWordPress(site) as wp:
        sync(wp.url, content)
        news = site.posts["news-archive"]
        gone, oldest = news[3], min(news, key=lambda p: p["modified_gmt"])
        site.remove("news-archive", gone["id"])
        site.posts["news-archive"].append({**oldest, "id": 99999, "slug": "back-dated"})  # as an import would
        quick = sync(wp.url, content)
        full = sync(wp.url, content, full=True)
    assert quick.sources[0].changes == []  # the count matched: the listing since the last sync was trusted
    assert {(c.action, c.id) for c in full.sources[0].changes} == {("removed", gone["id"]), ("added", 99999)}
    assert "news-archive/back-dated.md" in posts(content)


@pytest.mark.parametrize("posts_on_site", [200, 230])
def test_a_site_whose_proxy_strips_the_paging_headers_is_read_to_its_last_page(tmp_path: Path,
                                                                                posts_on_site: int) -> None:
    site = generated_site(posts_on_site)
    site.paging_headers = False
    with FakeWordPress(site) as wp:
        first = sync(wp.url, tmp_path / "content")
        site.remove("news-archive", site.posts["news-archive"][0]["id"])
        second = sync(wp.url, tmp_path / "content", prune=True)
    assert first.problems == second.problems == []
    assert [c.action for c in second.sources[0].changes] == ["removed"]
    assert len(posts(tmp_path / "content")) == posts_on_site - 1


def test_types_that_hold_plugins_records_or_the_design_are_not_read(tmp_path: Path) -> None:
    """A site lists Jetpack's form responses, Envira's galleries and Elementor's templates among its post types
    (a real site's /wp/v2/types): the import skips their posts, so a sync neither fetches nor counts them, and a
    source that names one is told why."""
    from generator.config import parse_config
    site = generated_site(5)
    site.posts["feedback"] = [rest_item(id=90, slug="response", type="feedback")]
    site.posts["envira"] = [rest_item(id=91, slug="gallery", type="envira")]
    site.posts["elementor_library"] = [rest_item(id=92, slug="header", type="elementor_library")]
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "all")
        assert wp.count("/wp/v2/feedback") == wp.count("/wp/v2/envira") == wp.count("/wp/v2/elementor_library") == 0
        config = parse_config({"sources": [{"name": "forms", "url": wp.url, "types": ["news-archive", "feedback"]}]})
        named = run_sync(config.sources, tmp_path / "named", SyncOptions(politeness=FAST, workers=1))
        collection = sync(wp.url + "wp-json/wp/v2/envira", tmp_path / "collection")
    assert result.problems == []
    assert (result.sources[0].selected, result.sources[0].upstream) == (5, 5)
    assert result.sources[0].imported is not None and result.sources[0].imported.skipped == []
    assert {p.split("/")[0] for p in posts(tmp_path / "all")} == {"news-archive"}
    assert [str(p) for p in named.problems] == [
        "source 'forms': types: the posts of 'feedback' are each a plugin's own record (a form, a form entry, an "
        "order, a log), not a post of the site: newsmirror does not mirror them; leave the type out"]
    assert [p.message for p in collection.problems] == [named.problems[0].message.replace("feedback", "envira")]
    assert posts(tmp_path / "named") == posts(tmp_path / "collection") == {}


def test_what_the_import_says_of_a_post_names_it_on_the_site_not_in_the_cache(tmp_path: Path) -> None:
    """The import of the sync's raw store named its cache file (`content/.newsmirror-cache/sync/<source>/raw/
    posts/page/1850.json: item 1850: field 'date_gmt': …`, on a real site's pages saved with a wrong date_gmt);
    a sync's lines name the post where the site serves it."""
    site = generated_site(3)
    site.posts["page"] = [rest_item(id=1850, slug="about", type="page", date_gmt="2024-01-02T00:30:00"),
                          rest_item(id=1851, slug="empty", type="page", content={"rendered": ""})]
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
    assert [str(p) for p in result.problems] == [
        f"{wp.url}wp-json/wp/v2/page/1850: item 1850: field 'date_gmt': differs from date by more than a day; "
        "used the UTC offset of modified"]
    summary = "\n".join(sync_summary(result, dry_run=False))
    assert f"(first: {wp.url}wp-json/wp/v2/page/1851, item 1851)" in summary
    assert ".newsmirror-cache" not in summary


def test_a_problem_of_a_post_is_reported_by_one_sync_and_then_counted_until_it_changes(tmp_path: Path) -> None:
    """A post the site serves malformed stays so; a nightly sync that reported it, and exited 1, every night
    hid the new problems among the old. A new problem is reported beside the old ones counted; --full reports all."""
    content, site = tmp_path / "content", generated_site(4)
    site.posts["news-archive"][1].update(date="garbage", date_gmt="garbage")
    broken = site.posts["news-archive"][1]["id"]
    old = f"news-archive/{broken}: item {broken}: field 'date'"
    with FakeWordPress(site) as wp:
        first, second = sync(wp.url, content), sync(wp.url, content)
        assert [old in str(p) for p in first.problems] == [True]
        assert second.problems == []
        assert "1 of the problems of posts an earlier sync reported is still there, not reported again (sync --full " \
               f"reports them): {wp.url}wp-json/wp/v2/{old}" in "\n".join(sync_summary(second, dry_run=False))
        site.touch("news-archive", site.posts["news-archive"][2]["id"], 60, title={"rendered": 5})
        third = sync(wp.url, content)
        assert [str(p).split("/v2/")[1] for p in third.problems] == [
            f"news-archive/{site.posts['news-archive'][2]['id']}: item {site.posts['news-archive'][2]['id']}: "
            "field 'title.rendered': expected a string, got int"]
        assert len(sync(wp.url, content, full=True).problems) == 2
        assert len(sync(wp.url, content).problems) == 0


def test_terms_keep_their_parent_though_embed_leaves_it_out(tmp_path: Path) -> None:
    """`_embed` serves terms in the `embed` context, without `parent`: an import of a crawl that saved
    /wp/v2/categories knew the parent of 'Clear Lake SP', a sync did not. The terms of hierarchical taxonomies
    are looked up by id, one request per batch of posts."""
    site = generated_site(2)
    site.taxonomies["category"] = "categories"
    site.type_taxonomies["post"] = ["category"]
    site.terms += [{"id": 348054, "slug": "state-parks", "name": "State Parks", "taxonomy": "category", "parent": 0,
                    "link": "https://example.com/category/state-parks/"},
                   {"id": 579153392, "slug": "clear-lake-sp", "name": "Clear Lake SP", "taxonomy": "category",
                    "parent": 348054, "link": "https://example.com/category/state-parks/clear-lake-sp/"}]
    site.posts["post"] = [rest_item(id=40, slug="camping", categories=[579153392])]
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
        assert wp.count("/wp/v2/categories?include=579153392") == 1
        assert wp.count("/wp/v2/regions?include=") == 0  # not hierarchical: `_embed` names them whole
    assert result.problems == []
    term = read_terms(tmp_path / "content")[0].terms["category"]["clear-lake-sp"]
    assert (term.name, term.id, term.parent) == ("Clear Lake SP", 579153392, 348054)
