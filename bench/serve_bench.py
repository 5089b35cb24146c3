"""Edit-to-reload time of `newsmirror serve` in Chromium (issue 15), on generated sites.

For each number of posts: a corpus from corpus.py, imported with `newsmirror import`, served with base_url
https://user.github.io/mirror/ from a frozen copy of the code (as run.py does). Chromium opens the middle post;
then, `--edits` times, one sentence of that post's Markdown is rewritten and the time until Chromium shows
the new sentence is measured, with the server's own build time and the CPU seconds it and its build workers
spent.

    .venv/bin/python bench/serve_bench.py --posts 2000 10000 [--edits 5] [--work bench/out/serve]

The first serve of a folder makes a full build (about 30 s at 10,000 posts); the content, site and build cache
are kept in the work folder, so later runs start in seconds. Needs Debian's Chromium and playwright.
"""

from __future__ import annotations

import argparse
import os
import queue
import shutil
import signal
import statistics
import subprocess
import sys
import threading
import time
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path
from typing import Any

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))
sys.path.insert(0, str(REPO))

from corpus import write_corpus  # noqa: E402
from run import Newsmirror, edit_one_post, middle_post, run_timed, say, snapshot_code  # noqa: E402
from tests.test_browser import CHROMIUM, FLAGS  # noqa: E402

BASE_URL = "https://user.github.io/mirror/"
SERVE = ("import sys; from pathlib import Path; from generator.config import load_config; "
         "from generator.serve.app import Terminal, serve; path = Path(sys.argv[1]); "
         "sys.exit(serve(load_config(path), 0, False, say=Terminal(verbose=True), "
         "reload_config=lambda: load_config(path), config_file=path))")
TICKS = os.sysconf("SC_CLK_TCK")


@dataclass(frozen=True)
class Edit:
    shown: float  # seconds from the write of the Markdown file until Chromium shows the edit
    build: float  # seconds the server said the rebuild took
    cpu: float  # CPU seconds of the server and its build workers meanwhile


class Served(Newsmirror):
    def settings(self) -> dict:
        return {**super().settings(), "site": {"base_url": BASE_URL}}


class Server:
    """`serve` in a process of its own; its output lines are read in a thread."""

    def __init__(self, tool: Served) -> None:
        command = ["env", f"PYTHONPATH={tool.code}", sys.executable, "-c", SERVE, str(tool.config)]
        # Run in the work folder: `-c` puts the working folder first on the path, before PYTHONPATH's copy.
        self.process = subprocess.Popen(command, cwd=tool.folder, text=True, stdout=subprocess.PIPE,
                                        stderr=subprocess.STDOUT)
        self.lines: queue.Queue[str] = queue.Queue()
        threading.Thread(target=self._read, daemon=True).start()

    def _read(self) -> None:
        for line in self.process.stdout:
            self.lines.put(line.rstrip("\n"))

    def wait_for(self, start: str, timeout: float = 600) -> str:
        end = time.monotonic() + timeout
        while time.monotonic() < end:
            try:
                line = self.lines.get(timeout=1)
            except queue.Empty:
                continue
            if start and line.startswith(start):
                return line
            say(f"  serve: {line}")
        raise RuntimeError(f"serve said no line starting {start!r} within {timeout} s")

    def drain(self) -> None:
        while not self.lines.empty():
            say(f"  serve: {self.lines.get()}")

    def cpu(self) -> float:
        fields = Path(f"/proc/{self.process.pid}/stat").read_text().rsplit(")", 1)[1].split()
        return sum(int(f) for f in fields[11:15]) / TICKS  # utime, stime, and of reaped children

    def stop(self) -> None:
        self.process.send_signal(signal.SIGINT)
        self.process.wait(timeout=60)


@contextmanager
def chromium() -> Iterator[Any]:
    from playwright.sync_api import sync_playwright
    with sync_playwright() as p:
        browser = p.chromium.launch(executable_path=str(CHROMIUM), args=FLAGS)
        try:
            yield browser.new_page()
        finally:
            browser.close()


def shown(page: Any, text: str, timeout: float = 60) -> None:
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        try:
            if page.evaluate("text => document.body.textContent.includes(text)", text):
                return
        except Exception:  # reloading
            pass
        time.sleep(0.005)
    raise RuntimeError(f"Chromium did not show {text!r} within {timeout} s")


def connected(page: Any) -> None:
    page.wait_for_selector('script[src$="__newsmirror/reload.js"][data-state="connected"]', state="attached")


def prepare(posts: int, args: argparse.Namespace, code: Path) -> Served:
    folder = args.work / str(posts)
    folder.mkdir(parents=True, exist_ok=True)
    tool = Served(folder, code)
    tool.write_config()
    if not (tool.content / "news-archive").is_dir():
        corpus = folder / "json"
        say(f"{posts:,} posts: writing the corpus and importing it into {tool.content}")
        write_corpus(corpus, posts, args.seed)
        run_timed(tool.import_command(corpus))
        shutil.rmtree(corpus)
    return tool


def measure(posts: int, args: argparse.Namespace, code: Path) -> list[Edit]:
    tool = prepare(posts, args, code)
    name = middle_post(tool.content)
    url_path = f"news-archive/{name.removesuffix('.md')}/"
    say(f"{posts:,} posts: serving (the first serve of a folder makes a full build)")
    server = Server(tool)
    edits = []
    try:
        address = server.wait_for("serving ").split(" at ")[1].split()[0]
        with chromium() as page:
            page.goto(address + url_path)
            for run in range(1, args.edits + 1):
                connected(page)
                time.sleep(0.5)  # the page settled, as when someone edits
                server.drain()
                cpu, start = server.cpu(), time.perf_counter()
                edit_one_post(tool.post_file(name), run)
                shown(page, f"Benchmark edit {run} rewrote this sentence.")
                seconds = time.perf_counter() - start
                built = float(server.wait_for("built in ").split()[2])
                stages = server.wait_for("stages: ")
                edits.append(Edit(seconds, built, server.cpu() - cpu))
                say(f"  edit {run}: shown after {seconds:.2f} s (rebuild {built:.2f} s, {edits[-1].cpu:.2f} s CPU; "
                    f"{stages})")
    finally:
        server.stop()
    return edits


def row(posts: int, edits: Sequence[Edit]) -> str:
    def cell(values: list[float]) -> str:
        return f"{statistics.median(values):.2f} s ({min(values):.2f}–{max(values):.2f})"
    return (f"| {posts:,} | {len(edits)} | {cell([e.shown for e in edits])} | {cell([e.build for e in edits])} "
            f"| {cell([e.cpu for e in edits])} |")


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[2000, 10000])
    parser.add_argument("--edits", type=int, default=5)
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "serve")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()
    code = snapshot_code(args.work / "code")
    load_before = os.getloadavg()[0]
    rows = [row(posts, measure(posts, args, code)) for posts in args.posts]
    print("\n| posts | edits | edit to Chromium showing it, median (min–max) | server's rebuild | CPU, server and "
          "workers |\n|---|---|---|---|---|")
    print("\n".join(rows))
    print(f"\nLoad average (1 min) before and after: {load_before:.1f}, {os.getloadavg()[0]:.1f} "
          f"on {os.cpu_count()} cores.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
