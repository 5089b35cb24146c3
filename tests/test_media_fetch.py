"""Mirroring the images of posts from a real HTTP server on 127.0.0.1: what is stored, what is refused and
reported, and that a second run asks the server for nothing."""

from __future__ import annotations

import threading
import time
from collections import Counter
from collections.abc import Iterator
from contextlib import contextmanager
from datetime import datetime, timezone
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

import pytest

from generator.convert.document import Image
from generator.media_mirror import SAVE_AFTER, MediaSettings, mirror_media
from generator.sources.http import Client, Politeness
from generator.sources.media_fetch import Fetcher, FetchResult, client_fetcher, folder_fetcher
from generator.store import media
from tests.site_content import post, write_content
from tests.test_media_images import gif, jpeg, png

WHEN = datetime(2024, 5, 1, 9, 0, tzinfo=timezone.utc)
LIMIT = 50_000  # bytes: the test's per-file limit


class ImageServer:
    """Serves `routes` (path -> (status, content type, body, extra headers)); counts the requests per path."""

    def __init__(self, routes: dict[str, tuple[int, str, bytes, dict[str, str]]]) -> None:
        self.routes = routes
        self.requests: Counter[str] = Counter()
        server = self

        class Handler(BaseHTTPRequestHandler):
            def do_GET(self) -> None:  # noqa: N802 (http.server's name)
                server.requests[self.path] += 1
                status, kind, body, headers = server.routes.get(self.path, (404, "text/html", b"<p>gone</p>", {}))
                if self.path.startswith("/slow"):
                    time.sleep(1.5)
                self.send_response(status)
                self.send_header("Content-Type", kind)
                if "chunked" not in headers.get("Transfer-Encoding", ""):
                    self.send_header("Content-Length", str(len(body)))
                for name, value in headers.items():
                    self.send_header(name, value)
                self.end_headers()
                self.wfile.write(_chunked(body) if "Transfer-Encoding" in headers else body)

            def log_message(self, *args: object) -> None:
                pass

        self.http = ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.http.daemon_threads, self.http.block_on_close = True, False  # the slow answer is not waited for
        self.http.handle_error = lambda request, address: None  # a client that stops reading a large body
        self.base = f"http://127.0.0.1:{self.http.server_address[1]}"
        self.thread = threading.Thread(target=self.http.serve_forever, daemon=True)

    def __enter__(self) -> ImageServer:
        self.thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self.http.shutdown()
        self.http.server_close()
        self.thread.join()


def _chunked(body: bytes) -> bytes:
    return b"".join(b"%x\r\n%s\r\n" % (len(body[i:i + 4096]), body[i:i + 4096])
                    for i in range(0, len(body), 4096)) + b"0\r\n\r\n"


def routes() -> dict[str, tuple[int, str, bytes, dict[str, str]]]:
    big = png(300, 300, (1, 2, 3))[:40] + bytes(range(256)) * 300  # a PNG header, then far over LIMIT
    return {
        "/up/photo.jpg": (200, "image/jpeg", jpeg(64, 40), {}),
        "/up/chart.png": (200, "image/png; charset=binary", png(120, 80), {}),
        "/up/anim.gif": (200, "image/gif", gif(12, 9), {}),
        "/up/feature.png": (200, "image/png", png(160, 90, (30, 90, 200)), {}),
        "/up/gallery-1.png": (200, "image/png", png(50, 50, (10, 160, 10)), {}),
        "/up/gallery-2.png": (200, "image/png", png(50, 50, (10, 160, 10)), {}),  # the same bytes as -1
        "/up/fig-800.png": (200, "image/png", png(80, 40), {}),
        "/up/fig-2400.png": (200, "image/png", png(240, 120), {}),
        "/up/huge.png": (200, "image/png", big, {}),
        "/up/huge-chunked.png": (200, "image/png", big, {"Transfer-Encoding": "chunked"}),
        "/up/page.png": (200, "text/html", b"<!doctype html><p>login</p>", {}),
        "/up/liar.png": (200, "image/png", b"<!doctype html><p>not an image</p>", {}),
        "/up/vector.svg": (200, "image/svg+xml", b"<svg xmlns='http://www.w3.org/2000/svg'/>", {}),
        "/up/moved.png": (301, "text/html", b"", {"Location": "/up/chart.png"}),
        "/up/to-ftp.png": (302, "text/html", b"", {"Location": "ftp://127.0.0.1/x.png"}),
        "/slow.png": (200, "image/png", png(3, 3), {}),
    }


BODY = """Lead ![A chart](BASE/up/chart.png) and a photo:

[![Photo in a link](BASE/up/photo.jpg)](https://e.com/full-size/)

<figure class="wp-block-gallery"><figure><img src="BASE/up/gallery-1.png" alt="One"></figure><figure><img src="BASE/up/gallery-2.png" alt="Two"></figure></figure>

<figure><img src="BASE/up/fig-800.png" srcset="BASE/up/fig-800.png 800w, BASE/up/fig-2400.png 2400w" alt="Plant"><figcaption>Bayan Obo, 2019</figcaption></figure>

![Animated](BASE/up/anim.gif) ![Gone](BASE/up/missing.png) ![Big](BASE/up/huge.png) ![Big too](BASE/up/huge-chunked.png)

![Login page](BASE/up/page.png) ![Liar](BASE/up/liar.png) ![Vector](BASE/up/vector.svg) ![Moved](BASE/up/moved.png)

![Away](BASE/up/to-ftp.png) ![Slow](BASE/slow.png) ![Data](data:image/png;base64,AAAA)
"""


@pytest.fixture()
def server() -> Iterator[ImageServer]:
    with ImageServer(routes()) as running:
        yield running


def write_posts(content: Path, base: str) -> Path:
    documents = [post("with-images", WHEN, body=BODY.replace("BASE", base),
                      image=Image(f"{base}/up/feature.png", "Smelter at dusk")),
                 post("same-chart", WHEN, body=f"Again ![chart]({base}/up/chart.png)\n"),
                 post("no-images", WHEN)]
    return write_content(content, documents)


@contextmanager
def fetcher(own_hosts: frozenset[str] = frozenset({"127.0.0.1"})) -> Iterator[Fetcher]:
    """The fetcher import and sync use, over the shared client, without its pauses, for a mirrored site that
    serves its images from 127.0.0.1 (a loopback address: allowed only as the host of a site the user mirrors)."""
    with Client(Politeness(min_interval=0.0, timeout=0.5, retries=0)) as client:
        yield client_fetcher(client, LIMIT, own_hosts)


def test_mirroring_stores_each_image_once_and_reports_each_failure(tmp_path: Path, server: ImageServer) -> None:
    content = write_posts(tmp_path / "content", server.base)
    with fetcher() as fetch:
        result = mirror_media(content, fetch, MediaSettings(max_width=1600, max_bytes=LIMIT))
    manifest = media.read_manifest(content)
    mirrored = {url.removeprefix(server.base) for url in manifest}
    assert mirrored == {"/up/chart.png", "/up/photo.jpg", "/up/anim.gif", "/up/feature.png", "/up/gallery-1.png",
                        "/up/gallery-2.png", "/up/fig-800.png", "/up/moved.png"}
    # The srcset's 2400w candidate is wider than 1600: the 800w one is mirrored.
    assert server.requests["/up/fig-2400.png"] == 0
    assert manifest[f"{server.base}/up/photo.jpg"] == media.Entry(
        manifest[f"{server.base}/up/photo.jpg"].file, len(jpeg(64, 40)), 64, 40, "image/jpeg")
    assert manifest[f"{server.base}/up/gallery-1.png"].file == manifest[f"{server.base}/up/gallery-2.png"].file
    assert manifest[f"{server.base}/up/moved.png"].file == manifest[f"{server.base}/up/chart.png"].file
    files = sorted(p.name for p in (content / "media").iterdir())
    assert len(files) == len(mirrored) - 2 + 1  # same bytes stored once (gallery, moved = chart); and index.yaml
    assert (content / "media" / manifest[f"{server.base}/up/chart.png"].file).read_bytes() == png(120, 80)

    reasons = {p.item.removeprefix(server.base): p.message for p in result.problems}
    assert all(p.file.endswith("with-images.md") and p.field == "body" for p in result.problems)
    assert reasons == {
        "/up/missing.png": "image not mirrored: HTTP 404: gone; it stays a link to the original",
        "/up/huge.png": "image not mirrored: response of 76840 bytes is over the limit of 50000; it stays a link to "
                        "the original",
        "/up/huge-chunked.png": "image not mirrored: response is over the limit of 50000 bytes; it stays a link to "
                                "the original",
        "/up/page.png": "image not mirrored: content type 'text/html' is not an image; it stays a link to the original",
        "/up/liar.png": "image not mirrored: not a PNG, JPEG, GIF, WebP, AVIF or BMP image; it stays a link to the "
                        "original",
        "/up/to-ftp.png": "image not mirrored: redirect to 'ftp://127.0.0.1/x.png' refused: only http and https "
                          "are followed; it stays a link to the original",
        "/slow.png": "image not mirrored: read timed out: timed out (after 1 attempts); it stays a link to the "
                     "original",
    }
    # SVG is never mirrored (it can carry script): not asked for, nor a failure to report.
    assert server.requests["/up/vector.svg"] == 0 and result.svg == 1
    assert (result.images, result.fetched, result.present) == (len(mirrored) + len(reasons) + 1, len(mirrored), 0)


def test_a_second_run_downloads_nothing_already_mirrored_and_writes_nothing(tmp_path: Path,
                                                                           server: ImageServer) -> None:
    content = write_posts(tmp_path / "content", server.base)
    with fetcher() as fetch:
        mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
        before = {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in (content / "media").iterdir()}
        server.requests.clear()
        again = mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
    assert {p.name: (p.stat().st_mtime_ns, p.read_bytes()) for p in (content / "media").iterdir()} == before
    assert again.fetched == 0 and again.present == 8
    # Only what failed is asked for again: a failure is not recorded, so it is retried on every run.
    assert set(server.requests) == {"/up/missing.png", "/up/huge.png", "/up/huge-chunked.png", "/up/page.png",
                                    "/up/liar.png", "/up/to-ftp.png", "/slow.png"}


def test_two_mirrors_of_the_same_posts_are_byte_identical(tmp_path: Path, server: ImageServer) -> None:
    trees = []
    for name in ("a", "b"):
        content = write_posts(tmp_path / name, server.base)
        with fetcher() as fetch:
            mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
        trees.append({p.name: p.read_bytes() for p in sorted((content / "media").iterdir())})
    assert trees[0] == trees[1]


def test_a_deleted_file_is_mirrored_again(tmp_path: Path, server: ImageServer) -> None:
    content = write_posts(tmp_path / "content", server.base)
    with fetcher() as fetch:
        mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
        chart = media.read_manifest(content)[f"{server.base}/up/chart.png"].file
        (content / "media" / chart).unlink()
        server.requests.clear()
        mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
    assert (content / "media" / chart).read_bytes() == png(120, 80)
    assert server.requests["/up/chart.png"] == 1


def test_a_media_folder_saved_beside_a_crawl_is_used_without_the_network(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "wp-content/uploads/2024").mkdir(parents=True)
    (crawl / "wp-content/uploads/2024/chart.png").write_bytes(png(20, 10))
    site = "https://news.example.org"
    content = write_content(tmp_path / "content", [post(
        "p", WHEN, body=f"![c]({site}/wp-content/uploads/2024/chart.png) ![x]({site}/wp-content/uploads/no.png)\n")])
    asked: list[str] = []

    def network(url: str) -> FetchResult:
        asked.append(url)
        return FetchResult(None, "", "network is off")

    result = mirror_media(content, folder_fetcher([crawl], network))
    assert asked == [f"{site}/wp-content/uploads/no.png"]
    assert [p.message for p in result.problems] == ["image not mirrored: network is off; it stays a link to the "
                                                    "original"]
    entry = media.read_manifest(content)[f"{site}/wp-content/uploads/2024/chart.png"]
    assert (content / "media" / entry.file).read_bytes() == png(20, 10) and (entry.width, entry.height) == (20, 10)


def test_an_unreadable_post_is_reported_and_the_others_mirrored(tmp_path: Path) -> None:
    content = write_content(tmp_path / "content", [post("ok", WHEN, body="![a](https://e.com/a.png)\n")])
    (content / "news-archive/broken.md").write_text("---\ntitle: [unclosed\n---\n")
    result = mirror_media(content, lambda url: FetchResult(png(4, 4), "image/png"))
    assert result.fetched == 1
    assert [(Path(p.file).name, p.field) for p in result.problems] == [("broken.md", "front matter")]


def test_an_image_a_server_has_no_type_for_is_known_by_its_bytes(tmp_path: Path) -> None:
    """nginx before 1.25 and Apache before 2.4.55 serve AVIF as application/octet-stream (their lists of types
    lacked it), older ones WebP too, and a storage bucket an upload sent without a type as binary/octet-stream:
    such a file is mirrored when its bytes are an image, and refused when they are not."""
    from tests.test_media_images import avif_header, webp_header
    untyped = {"/up/photo.avif": (200, "application/octet-stream", avif_header((640, 480)), {}),
               "/up/photo.webp": (200, "application/octet-stream", webp_header(32, 16), {}),
               "/up/bucket.jpg": (200, "binary/octet-stream", jpeg(20, 10), {}),
               "/up/blob.png": (200, "application/octet-stream", b"\0\1\2 no image here", {}),
               "/up/page.jpg": (200, "text/html; charset=UTF-8", b"<!doctype html><title>Login</title>", {})}
    with ImageServer(untyped) as server:
        body = "\n\n".join(f"![{path}]({server.base}{path})" for path in untyped)
        content = write_content(tmp_path / "content", [post("untyped", WHEN, body=body)])
        with fetcher() as fetch:
            result = mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
    manifest = {url.removeprefix(server.base): entry for url, entry in media.read_manifest(content).items()}
    assert {path: (e.type, e.width, e.height) for path, e in manifest.items()} == {
        "/up/photo.avif": ("image/avif", 640, 480), "/up/photo.webp": ("image/webp", 32, 16),
        "/up/bucket.jpg": ("image/jpeg", 20, 10)}
    assert {p.item.removeprefix(server.base): p.message for p in result.problems} == {
        "/up/blob.png": "image not mirrored: not a PNG, JPEG, GIF, WebP, AVIF or BMP image; it stays a link to the "
                        "original",
        "/up/page.jpg": "image not mirrored: content type 'text/html' is not an image; it stays a link to the original"}


def _three_images(tmp_path: Path) -> Path:
    body = "\n\n".join(f"![{n}](https://e.com/up/{n}.png)" for n in ("one", "two", "three"))
    return write_content(tmp_path / "content", [post("three", WHEN, body=body)])


def test_images_mirrored_before_ctrl_c_are_kept_and_not_fetched_again(tmp_path: Path) -> None:
    """The manifest was written every 50 images and at the end: Ctrl-C lost the images since the last write, and
    the next run fetched and wrote them all again."""
    content, asked = _three_images(tmp_path), []

    def fetch(url: str) -> FetchResult:
        asked.append(url)
        if len(asked) == 3:
            raise KeyboardInterrupt
        return FetchResult(png(len(asked), 2), "image/png")

    with pytest.raises(KeyboardInterrupt):
        mirror_media(content, fetch)
    assert sorted(media.read_manifest(content)) == ["https://e.com/up/one.png", "https://e.com/up/two.png"]
    again = mirror_media(content, lambda url: FetchResult(png(9, 9), "image/png"))
    assert (again.present, again.fetched) == (2, 1)


def test_the_manifest_is_written_while_a_slow_host_sends_its_images(tmp_path: Path) -> None:
    """A run killed (kill -9, a CI job's time limit) keeps what was written: after SAVE_AFTER seconds, not only
    after 50 images, which a slow host takes minutes to send."""
    content, now, seen = _three_images(tmp_path), [0.0], []

    def slow(url: str) -> FetchResult:
        seen.append(sorted(media.read_manifest(content)))  # what a kill now would leave
        now[0] += SAVE_AFTER
        return FetchResult(png(len(seen), 2), "image/png")

    mirror_media(content, slow, clock=lambda: now[0])
    assert seen == [[], ["https://e.com/up/one.png"], ["https://e.com/up/one.png", "https://e.com/up/two.png"]]
