"""Images that failed for good are not asked for again by the next sync. Seen in round 45c's replay of saved
crawls as live sites: with the images a site no longer has (404), each sync with nothing changed asked for all
110 of them again, a request each (a minute at the default pace, for a few hundred), reported them all again
and exited 1: a nightly sync of a site with broken images in old posts failed every night over nothing new.
What may pass (a 503, a time-out) is asked again; `sync --full` asks for everything again."""

from __future__ import annotations

from pathlib import Path

from generator.media_mirror import MediaSettings, media_summary
from generator.sources.http import Politeness
from generator.sync import SyncOptions, SyncResult, run_sync, source_from_url
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_media_images import png
from tests.test_sync_media import show_only

UP = "/wp-content/uploads/2019/03"
IMAGES = {"chart": (200, "image/png"), "gone": (404, "text/html"), "page": (200, "text/html"),
          "busy": (503, "text/html"), "huge": (200, "image/png")}
LIMIT = 5_000  # bytes: the huge one is over it


def sync(url: str, content: Path, full: bool = False) -> SyncResult:
    options = SyncOptions(politeness=Politeness(min_interval=0.0, retries=0), workers=1,
                          media=MediaSettings(max_bytes=LIMIT), full=full)
    return run_sync([source_from_url(url)], content, options)


def test_images_that_failed_for_good_are_not_asked_again_until_full(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(1)) as wp:
        base = wp.url.rstrip("/")
        show_only(wp, "".join(f'<p><img src="{base}{UP}/{name}.png" alt="{name}"></p>' for name in IMAGES))
        for name, (status, kind) in IMAGES.items():
            body = png(20, 10) if status == 200 and kind == "image/png" else b"<title>Page not found</title>"
            body += bytes(2 * LIMIT) if name == "huge" else b""
            wp.route(f"{UP}/{name}.png", lambda _query, s=status, k=kind, b=body: (s, {"Content-Type": k}, b))

        first = sync(wp.url, content)
        assert sorted(p.item.rsplit("/", 1)[-1] for p in first.problems) == ["busy.png", "gone.png", "huge.png",
                                                                              "page.png"]

        second = sync(wp.url, content)  # nothing changed upstream
        assert [wp.count(f"/{name}.png") for name in IMAGES] == [1, 1, 1, 2, 1]  # only the busy one asked again
        assert [p.item.rsplit("/", 1)[-1] for p in second.problems] == ["busy.png"]
        assert second.media is not None and second.media.not_asked == 3
        assert ", 3 not asked again: they failed for good in an earlier sync" in media_summary(second.media)

        wp.route(f"{UP}/gone.png", lambda _query: (200, {"Content-Type": "image/png"}, png(30, 10)))  # restored
        third = sync(wp.url, content, full=True)
        assert [wp.count(f"/{name}.png") for name in IMAGES] == [1, 2, 2, 3, 2]
    assert third.media is not None and (third.media.fetched, third.media.not_asked) == (1, 0)
    assert sorted(p.item.rsplit("/", 1)[-1] for p in third.problems) == ["busy.png", "huge.png", "page.png"]
