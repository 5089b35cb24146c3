"""`newsmirror sync` mirrors the images its posts show, through the same polite client as the posts:
a curator's nightly sync gives a site whose images read offline, and a second sync fetches none again."""

from __future__ import annotations

from pathlib import Path

from generator.builder import run_build
from generator.check import check_site
from generator.media_mirror import MediaSettings, mirror_media
from generator.sources.http import Client, Politeness
from generator.sources.media_fetch import FetchResult, client_fetcher
from generator.sync import SyncOptions, SyncResult, run_sync, source_from_url
from tests.conftest import config_for
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_http import FakeTime
from tests.test_media_images import png
from tests.test_sync import FAST

POSTS = 6
MISSING = 5  # the post whose image the site no longer has


def sync(url: str, content: Path, media: MediaSettings | None = MediaSettings()) -> SyncResult:
    return run_sync([source_from_url(url)], content, SyncOptions(politeness=FAST, workers=1, media=media))


def show_only(wp: FakeWordPress, html: str) -> None:
    """The fake site's first post shows `html` as its body, and no featured image."""
    post = wp.site.posts["news-archive"][0]
    wp.site.media, post["featured_media"] = [], 0
    post["content"]["rendered"] = html


def serve_images(wp: FakeWordPress) -> None:
    """Give every post one image, a chart in a figure served by the fake site, but for one that answers
    404; the generated posts' own images are on hosts this machine cannot reach, so they go."""
    wp.site.media = []
    for number, post in enumerate(wp.site.posts["news-archive"][:POSTS]):
        path = f"/wp-content/uploads/2024/01/chart-{number}.png"
        post["featured_media"] = 0
        post["content"]["rendered"] = (f'<p>Output rose.</p><figure class="wp-block-image"><img src="{wp.url.rstrip("/")}{path}" '
                                        f'alt="Chart {number}"><figcaption>Output in 2024</figcaption></figure>')
        if number != MISSING:
            data = png(40 + number, 30)
            wp.route(path, lambda _query, data=data: (200, {"Content-Type": "image/png"}, data))


def test_sync_mirrors_images_once_and_the_site_shows_them_offline(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(POSTS)) as wp:
        serve_images(wp)
        first = sync(wp.url, content)
        image_requests = wp.count("/wp-content/uploads/")
        second = sync(wp.url, content)
        # None is asked again: the missing one answered 404, for good (test_sync_media_gone.py).
        assert wp.count("/wp-content/uploads/") == image_requests
    assert first.media is not None and first.media.fetched == POSTS - 1
    assert second.media is not None and (second.media.fetched, second.media.present) == (0, POSTS - 1)
    assert second.media.not_asked == 1 and second.problems == []
    assert [p.item for p in first.problems] == [f"{wp.url}wp-content/uploads/2024/01/chart-{MISSING}.png"]
    stored = sorted(p.name for p in (content / "media").iterdir())
    assert "index.yaml" in stored and "chart-0-" in stored[0]
    out = tmp_path / "site"
    run_build(config_for(tmp_path, content))
    pages = [p.read_text(encoding="utf-8") for p in (out / "news-archive").rglob("*.html")]
    assert sum(page.count('src="../../media/chart-') + page.count('src="../media/chart-') for page in pages) \
        == POSTS - 1
    assert check_site(out) == []


def test_sync_deletes_the_files_of_images_no_post_shows_any_more(tmp_path: Path) -> None:
    """Post 0's chart is replaced upstream by another; post 1's by the same bytes at a new address, whose
    file stays. The replaced chart's file goes, and the site no longer publishes it."""
    content = tmp_path / "content"
    with FakeWordPress(generated_site(POSTS)) as wp:
        serve_images(wp)
        sync(wp.url, content)
        before = {p.name for p in (content / "media").glob("chart-*")}
        posts = wp.site.posts["news-archive"]
        for number, (path, data) in enumerate([("/up/new-chart.png", png(90, 30)), ("/up/moved.png", png(41, 30))]):
            wp.route(path, lambda _query, data=data: (200, {"Content-Type": "image/png"}, data))
            body = posts[number]["content"]["rendered"].replace(f"/wp-content/uploads/2024/01/chart-{number}.png", path)
            wp.site.touch("news-archive", posts[number]["id"], 60, content={"rendered": body, "protected": False})
        second = sync(wp.url, content)
    after = {p.name for p in (content / "media").glob("*.png")}
    assert second.media is not None and (second.media.fetched, second.media.files_removed) == (2, 1)
    assert before - after == {n for n in before if n.startswith("chart-0-")}
    assert any(n.startswith("chart-1-") for n in after)  # the same bytes at the new address keep their file
    assert "new-chart" in " ".join(after) and "chart-0" not in (content / "media" / "index.yaml").read_text()
    run_build(config_for(tmp_path, content))
    assert not list((tmp_path / "site" / "media").glob("chart-0-*"))
    assert check_site(tmp_path / "site") == []


def test_a_post_that_cannot_be_read_keeps_every_mirrored_file(tmp_path: Path) -> None:
    """Its images would look shown by no post: nothing is deleted while a post cannot be read."""
    content = tmp_path / "content"
    with FakeWordPress(generated_site(POSTS)) as wp:
        serve_images(wp)
        sync(wp.url, content)
    before = sorted(p.name for p in (content / "media").iterdir())
    broken = next(p for p in (content / "news-archive").glob("*.md") if "chart-0.png" in p.read_text())
    broken.write_text("---\ntitle: [unclosed\n---\nBody\n", encoding="utf-8")
    result = mirror_media(content, lambda url: FetchResult(None, "", "offline"))
    assert result.files_removed == 0 and [p.file for p in result.problems][0] == str(broken)
    assert sorted(p.name for p in (content / "media").iterdir()) == before


def test_sync_without_media_leaves_images_remote(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(POSTS)) as wp:
        serve_images(wp)
        result = sync(wp.url, content, media=None)
        assert wp.count("/wp-content/uploads/") == 0
    assert result.media is None and result.problems == []
    assert not (content / "media").exists()


def test_an_unreachable_image_host_is_tried_once_per_run() -> None:
    """Retries are for a server that answers badly; a host that does not answer at all would cost every one
    of its images the whole round of retries and back-off."""
    time = FakeTime()
    with Client(Politeness(min_interval=0.0, retries=3), time.clock()) as http:
        fetch = client_fetcher(http, own_hosts={"127.0.0.1"})
        first = fetch("http://127.0.0.1:9/wp-content/uploads/a.png")  # the discard port: nothing listens
        second = fetch("http://127.0.0.1:9/wp-content/uploads/b.png")
        assert http.requests == 4  # the first image's attempt and 3 retries; none for the second
    assert first.data is None and "after 4 attempts" in first.error
    assert second.data is None and "could not be reached earlier in this run" in second.error


def test_an_image_url_that_cannot_be_asked_for_is_a_problem_not_a_crash(tmp_path: Path) -> None:
    site = generated_site(2)
    site.media = []
    for post in site.posts["news-archive"]:  # no image on a host this machine cannot reach
        post.update(featured_media=0,
                    content={"rendered": '<p>Typo.</p><img src="http://www..example.com/a.png" alt="A">'})
    with FakeWordPress(site) as wp:
        result = sync(wp.url, tmp_path / "content")
    assert any("not a usable URL" in str(p) for p in result.problems)
    assert len(list((tmp_path / "content" / "news-archive").glob("*.md"))) == 2
