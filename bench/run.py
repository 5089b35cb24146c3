"""The benchmark of issue 6: newsmirror's import and build times, and Hugo and Pelican on the same posts.

    .venv/bin/python bench/run.py --posts 1000 10000 [--huge] [--runs R]
    .venv/bin/python bench/run.py --posts 10000 --profile

For each number of posts it writes a synthetic corpus (bench/corpus.py), then times the real
`newsmirror` command as a subprocess: import (cold, then unchanged), full build, no-op rebuild and
rebuilds after one edit (of a body, then of a title; for newsmirror alone, then a post synced from upstream
and a date moved a day). When Hugo and Pelican are installed, it builds the
same Markdown with each (bench/rivals.py). It prints one Markdown table per number of posts, with medians of R runs.
"""

from __future__ import annotations

import argparse
import compileall
import cProfile
import os
import pstats
import re
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta
from pathlib import Path

BENCH = Path(__file__).resolve().parent
REPO = BENCH.parent
sys.path.insert(0, str(BENCH))

from rivals import PER_PAGE, TAXONOMIES, Hugo, Pelican, tool_version  # noqa: E402

NEWSMIRROR = REPO / ".venv" / "bin" / "newsmirror"
PELICAN = BENCH / "out" / "pelican-venv" / "bin" / "pelican"
HUGE = 50_000
CODE = ("generator", "templates", "static")  # what the benchmark copies and times


class BenchError(Exception):
    pass


@dataclass(frozen=True)
class Sample:
    seconds: float
    peak_kb: int  # the child's maximum resident set size


@dataclass
class Measures:
    """One tool's samples for one number of posts, by row of the table."""

    samples: dict[str, list[Sample]] = field(default_factory=dict)
    pages: int | None = None

    def add(self, row: str, samples: list[Sample]) -> None:
        self.samples[row] = samples

    def seconds(self, row: str) -> float | None:
        found = self.samples.get(row)
        return statistics.median(s.seconds for s in found) if found else None

    def peak_mb(self, rows: Sequence[str]) -> float | None:
        found = [s.peak_kb for row in rows for s in self.samples.get(row, ())]
        return max(found) / 1024 if found else None


def run_timed(command: Sequence[str]) -> Sample:
    """Run a command to the end; its wall time and, from wait4, the peak memory of that child alone."""
    with tempfile.TemporaryFile() as log:
        start = time.perf_counter()
        child = subprocess.Popen(command, stdout=log, stderr=subprocess.STDOUT)
        _, status, usage = os.wait4(child.pid, 0)
        seconds = time.perf_counter() - start
        child.returncode = os.waitstatus_to_exitcode(status)  # reaped here, so Popen must not wait again
        if child.returncode != 0:
            log.seek(0)
            tail = log.read().decode("utf-8", "replace").strip().splitlines()[-15:]
            raise BenchError(f"{' '.join(command)} exited with {child.returncode}:\n" + "\n".join(tail))
    return Sample(seconds, usage.ru_maxrss)


def repeat(runs: int, command: Sequence[str], label: str,
           before: Callable[[int], None] = lambda run: None) -> list[Sample]:
    """Time `command` `runs` times, calling `before(run)` untimed ahead of each run."""
    samples = []
    for run in range(runs):
        before(run)
        samples.append(run_timed(command))
        say(f"  {label} run {run + 1}/{runs}: {samples[-1].seconds:.2f} s")
    return samples


def say(text: str) -> None:
    print(text, file=sys.stderr, flush=True)


def count_pages(folder: Path) -> int:
    return sum(1 for _ in folder.rglob("*.html"))


def edit_one_post(path: Path, run: int) -> None:
    """Change the first sentence of the first plain paragraph, differently on every run."""
    text = path.read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)  # front matter (YAML or Pelican's) ends at the first blank line
    paragraph = re.search(r"^[A-Z][^\n]*?\. ", body, re.MULTILINE)
    if paragraph is None:
        raise BenchError(f"{path}: no paragraph to edit")
    edited = body[:paragraph.start()] + f"Benchmark edit {run} rewrote this sentence. " + body[paragraph.end():]
    path.write_text(header + "\n\n" + edited, encoding="utf-8")


def retitle_one_post(path: Path, run: int) -> None:
    """Change the post's title, differently on every run: front matter that lists show too, unlike a body."""
    text = path.read_text(encoding="utf-8")
    header, body = text.split("\n\n", 1)
    retitled, found = re.subn(r"(?mi)^(title:\s*).*$", rf"\g<1>Benchmark title {run}", header, count=1)
    if not found:
        raise BenchError(f"{path}: no title to edit")
    path.write_text(retitled + "\n\n" + body, encoding="utf-8")


def sync_one_post(path: Path, run: int) -> None:
    """Write the post back as a sync does after an edit upstream: a sentence of its body, a later time of
    update, and a revision first in its mirror block's history (newsmirror's front matter only)."""
    edit_one_post(path, run)
    text = path.read_text(encoding="utf-8")
    moment = f"2030-01-01T00:{run // 60 % 60:02d}:{run % 60:02d}+00:00"
    revision = (f"  revisions:\n  - date: '2030-01-01'\n    modified: '{moment}'\n    changed: [body]\n"
                f"    summary: 'benchmark edit {run}'\n")
    text, dated = re.subn(r"(?m)^updated: .*$", f"updated: '{moment}'", text, count=1)
    text, revised = re.subn(r"(?m)^(mirror:\n  first: .*\n)(  revisions:\n(?:  [ -].*\n)*)?",
                            lambda m: m.group(1) + revision, text, count=1)
    if not (dated and revised):
        raise BenchError(f"{path}: no time of update or mirror block to edit")
    path.write_text(text, encoding="utf-8")


def move_one_post(path: Path, run: int) -> None:
    """Move the post's date a day later: its place in every list it is on (newsmirror's front matter only)."""
    text = path.read_text(encoding="utf-8")
    found = re.search(r"(?m)^date: '([^']+)'", text)
    if found is None:
        raise BenchError(f"{path}: no date to move")
    moved = datetime.fromisoformat(found.group(1)) + timedelta(days=1)
    path.write_text(text[:found.start()] + f"date: '{moved.isoformat()}'" + text[found.end():], encoding="utf-8")


def snapshot_code(folder: Path) -> Path:
    """A copy of the generator and its default theme as they are now.

    Others edit generator/ while a benchmark runs, and the build cache keys on the generator's own
    code: timing a frozen copy keeps every run on the same code, and the rebuilds incremental.
    """
    shutil.rmtree(folder, ignore_errors=True)
    for name in CODE:
        shutil.copytree(REPO / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    # Compiled now, as pip compiles an installed package, so that no run pays for compiling at start-up
    # (PYTHONDONTWRITEBYTECODE, set on some machines, would make every run compile everything).
    compileall.compile_dir(folder / "generator", quiet=1)
    return folder


class Newsmirror:
    name = "newsmirror"
    keeps_cache = False  # nothing to fill before the rebuilds: the full build writes its cache

    def __init__(self, folder: Path, code: Path) -> None:
        self.folder = folder
        self.code = code
        self.config = folder / "newsmirror.toml"
        self.content = folder / "content"
        self.output = folder / "site"
        self.version = tool_version(self._command("--version"))

    def _command(self, *arguments: str) -> list[str]:
        # The copy comes first on the path, before the working tree that .venv installs in editable mode.
        return ["env", f"PYTHONPATH={self.code}", str(NEWSMIRROR), *arguments]

    def settings(self) -> dict:
        # Term pages are paginated at 20 posts, as in the Hugo and Pelican sites.
        return {"paths": {"content": str(self.content), "output": str(self.output),
                          "templates": str(self.code / "templates"), "static": str(self.code / "static")},
                "build": {"posts_per_page": PER_PAGE}, "taxonomies": dict(TAXONOMIES)}

    def write_config(self) -> None:
        sections = [f"[{name}]\n" + "".join(f'"{k}" = {_toml(v)}\n' for k, v in values.items())
                    for name, values in self.settings().items()]
        self.config.write_text("\n".join(sections), encoding="utf-8")

    def import_command(self, corpus: Path) -> list[str]:
        return self._command("--quiet", "--config", str(self.config), "import", str(corpus))

    def post_file(self, name: str) -> Path:
        return self.content / "news-archive" / name

    def clean(self) -> None:
        # A cold build has no site, no staging folder and no build cache. The build cache sits beside
        # the importer's in the content folder; the importer's is kept, as builds do not read it.
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.output.with_name(self.output.name + ".staging"), ignore_errors=True)
        # Every build* file, so that a cache file added later is removed too.
        for path in (self.content / ".newsmirror-cache").glob("build*"):
            path.unlink()

    def build_command(self, cached: bool) -> list[str]:
        return self._command("--quiet", "--config", str(self.config), "build")


def _toml(value: object) -> str:
    return str(value) if isinstance(value, int) else '"' + str(value).replace("\\", "\\\\").replace('"', '\\"') + '"'


Tool = Newsmirror | Hugo | Pelican


def settled(clean: Callable[[], None], seconds: float) -> Callable[[int], None]:
    """`clean`, then with --settle a pause after the deleted files reach the disk: ext4 without a journal (as
    on this machine) skips inodes freed in the last 35 seconds when it makes files, one lookup for each, so
    a build that follows a mass delete of its own output pays for it in proportion to the files it makes."""
    def before(run: int) -> None:
        clean()
        if seconds > 0:
            os.sync()
            time.sleep(seconds)
    return before


def measure_imports(measures: Measures, tool: Newsmirror, corpus: Path, runs: int, settle: float) -> None:
    command = tool.import_command(corpus)
    measures.add("import, cold", repeat(runs, command, "import, cold",
                                        settled(lambda: shutil.rmtree(tool.content, ignore_errors=True), settle)))
    measures.add("import, unchanged", repeat(runs, command, "import, unchanged"))


def measure_builds(measures: Measures, tool: Tool, runs: int, edited_name: str, settle: float) -> None:
    """Full builds from an empty output folder and no cache; rebuilds with the cache if the tool keeps one."""
    edited = tool.post_file(edited_name)
    full, cached = tool.build_command(cached=False), tool.build_command(cached=True)
    measures.add("full build", repeat(runs, full, f"{tool.name} full build", settled(tool.clean, settle)))
    measures.pages = count_pages(tool.output)
    if tool.keeps_cache:
        run_timed(cached)  # the full builds wrote no cache: fill it for the rebuilds
    measures.add("no-op rebuild", repeat(runs, cached, f"{tool.name} no-op rebuild"))
    measures.add("one edit", repeat(runs, cached, f"{tool.name} one edit", lambda run: edit_one_post(edited, run)))
    measures.add("one title", repeat(runs, cached, f"{tool.name} one title", lambda run: retitle_one_post(edited, run)))
    if isinstance(tool, Newsmirror):  # edits of what only newsmirror's front matter holds
        measures.add("one sync", repeat(runs, cached, f"{tool.name} one sync", lambda run: sync_one_post(edited, run)))
        measures.add("one move", repeat(runs, cached, f"{tool.name} one move", lambda run: move_one_post(edited, run)))


def middle_post(content: Path) -> str:
    """The post edited for the one-edit rebuild: the middle one by file name, an ordinary post."""
    names = sorted(p.name for p in content.glob("*/*.md"))
    if not names:
        raise BenchError(f"{content}: the import wrote no posts")
    return names[len(names) // 2]


ROWS = (  # row, label, target
    ("import, cold", "import, cold", "< 30 s"),
    ("import, unchanged", "import, nothing changed", "< 5 s"),
    ("full build", "full build, cold", "≤ Hugo, ≤ Pelican / 5"),
    ("no-op rebuild", "rebuild, nothing changed", "< 0.5 s"),
    ("one edit", "rebuild after one edit", "< 1 s"),
    ("one title", "rebuild after one edited title", "< 1 s"),
    ("one sync", "rebuild after one post synced (body, time of update, history)", "< 1 s"),
    ("one move", "rebuild after one date moved a day", "< 1 s"),
)
BUILD_ROWS = ("full build", "no-op rebuild", "one edit", "one title", "one sync", "one move")


def table(posts: int, runs: int, ours: Measures, rivals: dict[str, Measures]) -> str:
    names = list(rivals)
    head = ["measure", "newsmirror", *names, *(f"newsmirror / {n}" for n in names), "target"]
    lines = [f"### {posts:,} posts (median of {runs} run{'s' if runs > 1 else ''})", "",
             "| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for row, label, target in ROWS:
        mine = ours.seconds(row)
        theirs = [rivals[n].seconds(row) for n in names]
        lines.append(_line(label, _secs(mine), [_secs(t) for t in theirs], [_ratio(mine, t) for t in theirs], target))
    memory = [("peak memory, import", ("import, cold", "import, unchanged"), "< 1 GB"),
              ("peak memory, build", BUILD_ROWS, "< 1 GB")]
    for label, rows, target in memory:
        mine = ours.peak_mb(rows)
        theirs = [rivals[n].peak_mb(rows) for n in names]
        lines.append(_line(label, _mb(mine), [_mb(t) for t in theirs], [_ratio(mine, t) for t in theirs], target))
    pages = [rivals[n].pages for n in names]
    lines.append(_line("pages written (.html)", _count(ours.pages), [_count(p) for p in pages],
                       ["" for _ in names], ""))
    return "\n".join(lines)


def _line(label: str, mine: str, theirs: list[str], ratios: list[str], target: str) -> str:
    return "| " + " | ".join([label, mine, *theirs, *ratios, target]) + " |"


def _secs(value: float | None) -> str:
    return "—" if value is None else f"{value:.2f} s"


def _mb(value: float | None) -> str:
    return "—" if value is None else f"{value:,.0f} MB"


def _count(value: int | None) -> str:
    return "—" if value is None else f"{value:,}"


def _ratio(mine: float | None, theirs: float | None) -> str:
    return "—" if mine is None or theirs is None or theirs == 0 else f"{mine / theirs:.2f}"


def find_rivals(folder: Path, args: argparse.Namespace) -> list[Hugo | Pelican]:
    found: list[Hugo | Pelican] = []
    hugo = shutil.which("hugo")
    if not args.skip_hugo:
        if hugo:
            found.append(Hugo(folder / "hugo", hugo))
        else:
            say("Hugo not found (apt-get install -y hugo): skipped")
    if not args.skip_pelican:
        if args.pelican.is_file():
            found.append(Pelican(folder / "pelican", args.pelican))
        else:
            say(f"Pelican not found at {args.pelican}: skipped (see bench/README.md to install it)")
    return found


def prepare(posts: int, args: argparse.Namespace) -> tuple[Path, Path]:
    """The corpus for this number of posts, and the folder to work in."""
    folder = args.work / str(posts)
    corpus = folder / "json"
    say(f"{posts:,} posts: writing the corpus to {corpus}")
    # In a process of its own: Linux counts the memory of the process that starts a command in that
    # command's peak (at exec), and a corpus held here would be 1 GB of every later measure's peak.
    subprocess.run([sys.executable, str(BENCH / "corpus.py"), str(corpus), "--posts", str(posts),
                    "--seed", str(args.seed)], check=True)
    return folder, corpus


def bench(posts: int, args: argparse.Namespace, code: Path) -> str:
    runs = args.runs or (1 if posts >= HUGE else 3)
    folder, corpus = prepare(posts, args)
    ours = Newsmirror(folder, code)
    ours.write_config()
    load_before = os.getloadavg()[0]
    measures = Measures()
    measure_imports(measures, ours, corpus, runs, args.settle)
    edited = middle_post(ours.content)
    rivals = find_rivals(folder, args)
    for rival in rivals:  # from the content as imported, before newsmirror's edits
        say(f"{rival.name}: writing its site to {rival.folder}")
        rival.setup(ours.content)
    measure_builds(measures, ours, runs, edited, args.settle)
    rival_measures = {}
    for rival in rivals:
        rival_measures[rival.name] = Measures()
        measure_builds(rival_measures[rival.name], rival, runs, edited, args.settle)
    versions = "; ".join([ours.version, *(r.version for r in rivals)])
    # Other work on the machine slows every tool; a load above the core count says the times are inflated.
    load = f"Load average (1 min) before and after: {load_before:.1f}, {os.getloadavg()[0]:.1f} on {os.cpu_count()} cores."
    return f"{table(posts, runs, measures, rival_measures)}\n\n{versions}\n{load}\n"


def profile(posts: int, args: argparse.Namespace, code: Path) -> str:
    """One full build in this process under cProfile: the top functions by cumulative and own time."""
    sys.path.insert(0, str(code))
    from generator.builder import run_build
    from generator.config import parse_config

    folder, corpus = prepare(posts, args)
    tool = Newsmirror(folder, code)
    tool.write_config()
    say(f"{posts:,} posts: importing")
    run_timed(tool.import_command(corpus))
    tool.clean()
    settings = tool.settings()
    # cProfile sees only this process: one job keeps the rendering here instead of in worker processes.
    settings["build"]["jobs"] = 1
    config = parse_config(settings, "bench/run.py", folder)
    say(f"{posts:,} posts: profiling one full build")
    profiler = cProfile.Profile()
    result = profiler.runcall(run_build, config)
    profiler.dump_stats(folder / "build.prof")  # for pstats or snakeviz
    stages = ", ".join(f"{name} {seconds:.1f} s" for name, seconds in result.stages)
    out = [f"### Profile of one full build, {posts:,} posts, one job\n", f"Stages, under the profiler: {stages}\n",
           f"Saved in full to {folder / 'build.prof'}.\n"]
    for order in ("cumulative", "tottime"):
        stream = _Capture()
        pstats.Stats(profiler, stream=stream).strip_dirs().sort_stats(order).print_stats(25)
        out.append(f"Top 25 by {order} time:\n\n```\n{stream.text().strip()}\n```\n")
    return "\n".join(out)


class _Capture:
    """A file-like sink for pstats, which writes to a stream."""

    def __init__(self) -> None:
        self.parts: list[str] = []

    def write(self, text: str) -> None:
        self.parts.append(text)

    def text(self) -> str:
        return "".join(self.parts)


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--posts", type=int, nargs="+", default=[1000], metavar="N",
                        help="numbers of posts to benchmark (default 1000)")
    parser.add_argument("--huge", action="store_true", help=f"also {HUGE:,} posts (one run unless --runs)")
    parser.add_argument("--runs", type=int, help="runs per measure; the median is shown (default 3, 1 for --huge)")
    parser.add_argument("--seed", type=int, default=0, help="corpus seed (default 0)")
    parser.add_argument("--skip-hugo", action="store_true", help="do not build with Hugo")
    parser.add_argument("--skip-pelican", action="store_true", help="do not build with Pelican")
    parser.add_argument("--pelican", type=Path, default=PELICAN, help=f"pelican command (default {PELICAN})")
    parser.add_argument("--settle", type=float, default=0, metavar="SECONDS",
                        help="pause after each clean before a full build or cold import (see settled; default 0)")
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "run",
                        help="folder for corpora, content and sites (default bench/out/run)")
    parser.add_argument("--profile", action="store_true",
                        help="instead of timing, profile one full newsmirror build per N in this process")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()  # the config written into it names its paths, read from its own folder
    if args.huge:
        args.posts.append(HUGE)
    if any(n < 1 for n in args.posts) or (args.runs is not None and args.runs < 1) or args.settle < 0:
        parser.error("--posts and --runs must be at least 1, --settle at least 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    code = snapshot_code(args.work / "code")
    say(f"timing a copy of {', '.join(CODE)} in {code}")
    try:
        for posts in args.posts:
            print(profile(posts, args, code) if args.profile else bench(posts, args, code), flush=True)
    except BenchError as e:
        print(f"bench/run.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
