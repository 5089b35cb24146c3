"""`newsmirror sync` against a fake WordPress of N generated posts on 127.0.0.1.

    .venv/bin/python bench/sync_bench.py --posts 500 [--work /tmp/sync-bench]
    .venv/bin/python bench/sync_bench.py --terms --posts 10000 [--runs 3]

Measures, each as the command a user runs (a new process): the first sync, with the images its posts
show (served by the fake site as generated PNGs) mirrored into content/media/; a second with nothing
changed (files rewritten, counted by mtime); a sync after 3 posts changed upstream (files changed);
and a sync killed half-way through fetching, then run again, compared with an uninterrupted one.
The requests are counted by the server, which takes `--latency` seconds to answer each. `[sync] request_interval` is 0 here; the default of 0.5 s adds half a
second per request on a real site.

With `--terms`, in this process and with no images and no latency: after a first sync, syncs where nothing changed,
where one term was renamed upstream and where one was deleted (`--runs` of each, alternated), each timing the part
that brings stored posts' terms up to date (sync_terms.refresh_terms: CPU and wall) and counting the stored posts
it reads and rewrites. To compare, run a copy of this file inside another version's checkout.
"""

from __future__ import annotations

import argparse
import functools
import json
import re
import shutil
import signal
import statistics
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

REPO = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(REPO))

from tests.conftest import content_tree  # noqa: E402
from tests.fake_wordpress import FakeWordPress, generated_site  # noqa: E402
from tests.test_media_images import png  # noqa: E402


def command(config: Path, url: str, content: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--quiet", "--config", str(config), "sync", url, "--content", str(content)]


def serve_images(wp: FakeWordPress) -> int:
    """Move the generated posts' images onto the fake site and serve each as a PNG of its own; returns how many."""
    old, new = "https://example.com/wp-content/", f"{wp.url}wp-content/"

    def moved(value: Any) -> Any:
        if isinstance(value, str):
            return value.replace(old, new)
        if isinstance(value, list):
            return [moved(v) for v in value]
        if isinstance(value, dict):
            return {k: moved(v) for k, v in value.items()}
        return value

    site = wp.site
    site.posts = moved(site.posts)
    site.media = moved(site.media)
    paths = sorted(set(re.findall(re.escape(new) + r"[^\s\\\"'<>,]+", json.dumps([site.posts, site.media]))))
    for number, url in enumerate(paths):
        data = png(16 + number % 64, 12, (number * 37 % 256, number * 91 % 256, 160))
        wp.route(url[len(wp.url) - 1:], lambda _query, data=data: (200, {"Content-Type": "image/png"}, data))
    return len(paths)


def timed(wp: FakeWordPress, config: Path, content: Path) -> tuple[float, int]:
    before, started = wp.count(), time.perf_counter()
    subprocess.run(command(config, wp.url, content), check=True, cwd=REPO)
    return time.perf_counter() - started, wp.count() - before


def mtimes(folder: Path) -> dict[str, int]:
    return {p.relative_to(folder).as_posix(): p.stat().st_mtime_ns for p in folder.rglob("*") if p.is_file()}


def terms_bench(posts: int, work: Path, runs: int) -> None:
    """The term refresh's cost at `posts` stored posts, per kind of sync (see the module's docstring)."""
    from generator import sync_terms
    from generator.sources.http import Politeness
    from generator.store import sync_state
    from generator.sync import SyncOptions, run_sync, source_from_url

    counted = {"read": 0}
    original_posts = sync_state.RawStore.posts

    def posts_read(store: Any, post_type: str) -> Any:
        for post in original_posts(store, post_type):
            counted["read"] += 1
            yield post

    sync_state.RawStore.posts = posts_read
    if hasattr(sync_state.RawStore, "post"):  # this version's: the posts the second pass reads again
        original_post = sync_state.RawStore.post

        def post_read(store: Any, post_type: str, post_id: int) -> Any:
            counted["read"] += 1
            return original_post(store, post_type, post_id)

        sync_state.RawStore.post = post_read
    refresh, timings = sync_terms.refresh_terms, []

    @functools.wraps(refresh)
    def timed_refresh(*args: Any) -> Any:
        counted["read"] = 0
        cpu, wall = time.process_time(), time.perf_counter()
        rewritten, failed = refresh(*args)
        timings.append((time.process_time() - cpu, time.perf_counter() - wall, counted["read"], rewritten))
        return rewritten, failed

    sync_terms.refresh_terms = timed_refresh
    site = generated_site(posts)
    options = SyncOptions(politeness=Politeness(min_interval=0.0), workers=1)
    with FakeWordPress(site) as wp:
        started = time.perf_counter()
        run_sync([source_from_url(wp.url)], work / "content", options)
        print(f"first sync of {posts} posts: {time.perf_counter() - started:.1f} s")
        terms = [t for t in site.terms if t["taxonomy"] == "organization"]
        kinds = {"nothing changed": lambda _: None,
                 "one term renamed": lambda n: terms[n].update(name=f"Renamed {n}", slug=f"renamed-{n}"),
                 "one term deleted": lambda n: site.terms.remove(terms[-1 - n])}
        measured: dict[str, list[tuple[float, float, int, int]]] = {kind: [] for kind in kinds}
        for run in range(runs):
            for kind, edit in kinds.items():
                edit(run)
                timings.clear()
                run_sync([source_from_url(wp.url)], work / "content", options)
                measured[kind] += timings
    print("| sync | refresh CPU, median (runs) | wall, median | stored posts read | rewritten |\n|---|---|---|---|---|")
    for kind, rows in measured.items():
        cpus, walls = [r[0] for r in rows], [r[1] for r in rows]
        print(f"| {kind} | {statistics.median(cpus):.3f} s ({', '.join(f'{c:.3f}' for c in cpus)}) | "
              f"{statistics.median(walls):.3f} s | {', '.join(str(r[2]) for r in rows)} | "
              f"{', '.join(str(r[3]) for r in rows)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, default=500)
    parser.add_argument("--work", type=Path, default=Path("/tmp/sync-bench"))
    parser.add_argument("--latency", type=float, default=0.1, help="seconds the server takes per answer")
    parser.add_argument("--terms", action="store_true", help="time the refresh of stored posts' terms instead")
    parser.add_argument("--runs", type=int, default=3, help="with --terms: syncs of each kind")
    args = parser.parse_args()
    shutil.rmtree(args.work, ignore_errors=True)
    args.work.mkdir(parents=True)
    if args.terms:
        terms_bench(args.posts, args.work, args.runs)
        return
    config = args.work / "newsmirror.toml"
    config.write_text("[sync]\nrequest_interval = 0\n")
    site = generated_site(args.posts)
    with FakeWordPress(site) as wp:
        wp.fail("/wp-json/", delay=args.latency, times=-1)
        images = serve_images(wp)
        content = args.work / "content"
        seconds, requests = timed(wp, config, content)
        files = sum(1 for p in content_tree(content) if p.endswith(".md"))
        media = sum(1 for p in content_tree(content) if p.startswith("media/") and not p.endswith(".yaml"))
        print(f"first sync: {seconds:.2f} s, {requests} requests ({wp.count('/wp-content/')} of them images), "
              f"{files} post files, {media} media files for {images} image URLs")
        started = time.perf_counter()
        raw = next((content / ".newsmirror-cache" / "sync").glob("*/raw"))
        subprocess.run([sys.executable, "-m", "generator", "--quiet", "import", str(raw), "--content",
                        str(args.work / "imported")], check=True, cwd=REPO)
        print(f"  for comparison, `newsmirror import` of the same JSON: {time.perf_counter() - started:.2f} s")

        before = mtimes(content)
        seconds, requests = timed(wp, config, content)
        rewritten = sum(1 for path, mtime in mtimes(content).items() if before.get(path) != mtime)
        print(f"second sync, nothing changed: {seconds:.2f} s, {requests} requests, {rewritten} files rewritten"
              + "".join(f" {p}" for p, m in mtimes(content).items() if before.get(p) != m))

        tree = content_tree(content)
        for i, post in enumerate(site.posts["news-archive"][100:103]):
            site.touch("news-archive", post["id"], i + 1, title={"rendered": f"Edited headline {i}"})
        seconds, requests = timed(wp, config, content)
        after = content_tree(content)
        changed = sorted(p for p in set(tree) | set(after) if tree.get(p) != after.get(p))
        print(f"3 posts changed upstream: {seconds:.2f} s, {requests} requests, files changed: {changed}")

        killed = args.work / "killed"
        timed(wp, config, args.work / "uninterrupted")
        store = killed / ".newsmirror-cache" / "sync"
        process = subprocess.Popen(command(config, wp.url, killed), cwd=REPO)
        while (stored := len(list(store.rglob("raw/posts/*/*.json")))) < len(site.posts["news-archive"]) // 2:
            time.sleep(0.02)
        process.send_signal(signal.SIGKILL)
        process.wait()
        batches = wp.count("_embed=1")
        seconds, requests = timed(wp, config, killed)
        equal = content_tree(killed) == content_tree(args.work / "uninterrupted")
        print(f"killed while fetching, with {stored} posts stored; resumed: {seconds:.2f} s, {requests} requests "
              f"({wp.count('_embed=1') - batches} batches of posts); equal to an uninterrupted sync: {equal}")

if __name__ == "__main__":
    main()
