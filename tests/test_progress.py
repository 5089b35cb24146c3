"""Long work shows how far it has got: an import counts the posts it converts, a sync the pages of its
listing, the posts it fetches and converts and the images it mirrors, each with the total, so that a
terminal's bar can show the time left. The bar itself is drawn only on a terminal (tests/test_cli.py)."""

from __future__ import annotations

import fcntl
import json
import os
import pty
import struct
import subprocess
import sys
import termios
from pathlib import Path

from generator.importer import CONVERTING, run_import
from generator.media_mirror import FETCHING, MediaSettings
from generator.sources.wxr import BAR_FROM, read_export
from generator.sync import SyncOptions, run_sync, source_from_url
from tests.conftest import rest_item
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_sync import FAST
from tests.test_sync_media import POSTS, serve_images
from tests.test_wxr import export, item

Seen = list[tuple[str, int, int]]


def recorder(seen: Seen):  # noqa: ANN201 - a Progress
    return lambda stage, done, total: seen.append((stage, done, total))


def stages(seen: Seen) -> list[str]:
    return list(dict.fromkeys(stage for stage, _, _ in seen))


def counted(seen: Seen, stage: str) -> list[tuple[int, int]]:
    return [(done, total) for name, done, total in seen if name == stage]


def test_an_import_counts_the_posts_it_converts_and_not_those_its_cache_vouches_for(tmp_path: Path) -> None:
    saved, content = tmp_path / "posts.json", tmp_path / "content"
    saved.write_text(json.dumps([rest_item(id=i, slug=f"post-{i}") for i in range(1, 8)]))
    seen: Seen = []
    run_import([saved], content, progress=recorder(seen))
    assert counted(seen, CONVERTING) == [(done, 7) for done in range(1, 8)]
    again: Seen = []
    run_import([saved], content, progress=recorder(again))
    assert again == []  # nothing converted: no bar that would stand still at 0


def test_a_large_export_counts_the_megabytes_each_of_its_two_passes_has_read(tmp_path: Path) -> None:
    """A 1 GB export takes a minute to read before its first post is converted: the bar shows it moving."""
    paragraph = "<p>The harbour authority said the new terminal would handle twice the containers.</p>\n"
    body = paragraph * (BAR_FROM // len(paragraph) // 8 + 1)
    large, small = tmp_path / "large.xml", tmp_path / "small.xml"
    large.write_text(export("".join(item(i, f"Post {i}", body) for i in range(1, 11))), encoding="utf-8")
    small.write_text(export(item(1, "Post", paragraph)), encoding="utf-8")
    megabytes = large.stat().st_size >> 20
    seen: Seen = []
    posts = [i for i in read_export(large, [], progress=recorder(seen)) if i.kind == "post"]
    assert len(posts) == 10
    assert stages(seen) == ["checking large.xml, MB", "reading large.xml, MB"]
    for stage in stages(seen):
        assert counted(seen, stage) == [(done, megabytes) for done in range(1, megabytes + 1)]
    quiet: Seen = []
    assert len(list(read_export(small, [], progress=recorder(quiet)))) > 0 and quiet == []


def test_a_sync_counts_its_listing_pages_fetched_posts_and_converted_posts_in_order(tmp_path: Path) -> None:
    seen: Seen = []
    with FakeWordPress(generated_site(250)) as wp:
        source = source_from_url(wp.url)
        run_sync([source], tmp_path / "content",
                 SyncOptions(politeness=FAST, workers=1, progress=recorder(seen)))
    name = source.name
    assert stages(seen) == [f"{name}: listing news-archive", f"{name}: fetching news-archive",
                            f"{name}: {CONVERTING}"]
    assert counted(seen, f"{name}: listing news-archive") == [(1, 3), (2, 3), (3, 3)]  # 100 posts a page
    assert counted(seen, f"{name}: {CONVERTING}")[-1] == (250, 250)


def test_a_sync_counts_the_images_it_mirrors(tmp_path: Path) -> None:
    seen: Seen = []
    with FakeWordPress(generated_site(POSTS)) as wp:
        serve_images(wp)
        run_sync([source_from_url(wp.url)], tmp_path / "content",
                 SyncOptions(politeness=FAST, workers=1, media=MediaSettings(), progress=recorder(seen)))
    assert stages(seen)[-1] == FETCHING
    assert counted(seen, FETCHING) == [(done, POSTS) for done in range(1, POSTS + 1)]


def test_import_on_a_terminal_draws_a_bar_of_the_posts_converted_and_in_a_pipe_nothing(tmp_path: Path) -> None:
    saved = tmp_path / "posts.json"
    saved.write_text(json.dumps([rest_item(id=i, slug=f"post-{i}") for i in range(1, 31)]))
    env = {k: v for k, v in os.environ.items() if k != "CI"}
    command = [sys.executable, "-m", "generator", "import", str(saved), "--content"]
    leader, follower = pty.openpty()
    fcntl.ioctl(follower, termios.TIOCSWINSZ, struct.pack("HHHH", 24, 100, 0, 0))  # a new pty is 0 columns wide
    with os.fdopen(leader, "rb", buffering=0) as terminal:
        done = subprocess.run([*command, str(tmp_path / "a")], cwd=tmp_path, env=env, stdout=subprocess.DEVNULL,
                              stderr=follower, timeout=120)
        os.close(follower)
        drawn = _read_all(terminal)
    piped = subprocess.run([*command, str(tmp_path / "b")], cwd=tmp_path, env=env, capture_output=True, text=True,
                           timeout=120)
    assert done.returncode == piped.returncode == 0
    assert f"{CONVERTING}:" in drawn and "/30 [" in drawn  # the count of the posts, and the time taken and left
    assert piped.stderr == ""


def _read_all(terminal) -> str:  # noqa: ANN001 - a pty's leader end
    chunks = []
    while True:
        try:
            chunk = terminal.read(65536)
        except OSError:  # Linux answers EIO once the follower end is closed and drained
            break
        if not chunk:
            break
        chunks.append(chunk)
    return b"".join(chunks).decode("utf-8", "replace")
