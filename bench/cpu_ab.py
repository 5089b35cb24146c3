"""CPU time of cold full builds of two versions of newsmirror, alternated, and whether they build the same site.

    .venv/bin/python bench/cpu_ab.py --base /tmp/base --posts 2000 10000 [--runs 5] [--edits 3]

`--base` is a folder holding another version's generator/, templates/ and static/ (`git archive main | tar -x -C
/tmp/base`); the other version is this checkout. Each is copied and compiled first, as run.py does, so that no
run compiles modules (this machine sets PYTHONDONTWRITEBYTECODE, which would have every run compile all of them).
For each number of posts, the corpus is imported once (by this checkout), then the two versions build it cold in
turn, in alternating order, `--runs` times each. A build's CPU time is its user and system time, its worker
processes' included (wait4). Wall time on a shared machine says little; CPU time less wrong, but still varies by
a tenth from run to run as other processes compete for caches, and system time with what the machine deleted
shortly before (see bench/README.md, --settle). After the last builds the two sites are compared file by file.

With `--stages`, the builds print their stages (`build --verbose`), and the table gives each stage's median wall
time per version: where a change moves work between the stages, or off the one core the parent runs on.

With `--edits N`, each version then builds cold once more and rebuilds after one edited body N times, one
version after the other (they share the content folder, and so the build cache): wall time, which must not grow.
"""

from __future__ import annotations

import argparse
import filecmp
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Sequence
from typing import IO
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from run import CODE, REPO, BenchError, Newsmirror, edit_one_post, middle_post, prepare, say  # noqa: E402


@dataclass(frozen=True)
class Cpu:
    user: float
    system: float
    wall: float
    stages: tuple[tuple[str, float], ...] = ()  # with --stages: seconds per stage, as the build printed them
    peak: int = 0  # KB: the largest resident set of the command or one of its children (wait4), as run.py's

    @property
    def total(self) -> float:
        return self.user + self.system


def snapshot(source: Path, folder: Path) -> Path:
    """A compiled copy of the version in `source` (see run.snapshot_code)."""
    import compileall
    shutil.rmtree(folder, ignore_errors=True)
    for name in CODE:
        shutil.copytree(source / name, folder / name, ignore=shutil.ignore_patterns("__pycache__"))
    compileall.compile_dir(folder / "generator", quiet=1)
    return folder


def timed(command: Sequence[str], stages: bool = False) -> Cpu:
    """With `stages`, the command's output is read for the line `build --verbose` ends with."""
    start = time.perf_counter()
    out = tempfile.TemporaryFile() if stages else subprocess.DEVNULL
    child = subprocess.Popen(command, stdout=out, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    if child.returncode != 0:
        raise BenchError(f"{' '.join(command)} exited with {child.returncode}: {child.stderr.read().decode()[-2000:]}")
    child.stderr.close()
    return Cpu(usage.ru_utime, usage.ru_stime, wall, _stages(out) if stages else (), usage.ru_maxrss)


def _stages(out: IO[bytes]) -> tuple[tuple[str, float], ...]:
    """The stages of `stages: scan 0.18 s, load 4.66 s, ...`, the last line of that kind the build printed."""
    out.seek(0)
    lines = [line for line in out.read().decode().splitlines() if line.startswith("stages: ")]
    out.close()
    parts = [part.split() for part in lines[-1][len("stages: "):].split(", ")] if lines else []
    return tuple((name, float(seconds)) for name, seconds, _ in parts)


def differences(a: Path, b: Path) -> list[str]:
    """Paths whose bytes or presence differ between two sites."""
    found = []
    compared = filecmp.dircmp(a, b)
    stack = [("", compared)]
    while stack:
        prefix, node = stack.pop()
        found += [prefix + n for n in node.left_only + node.right_only + node.funny_files]
        _, mismatch, errors = filecmp.cmpfiles(node.left, node.right, node.common_files, shallow=False)
        found += [prefix + n for n in mismatch + errors]
        stack += [(f"{prefix}{name}/", sub) for name, sub in node.subdirs.items()]
    return sorted(found)


class Version(Newsmirror):
    """One version's builds, into a site of its own, from the shared content folder."""

    def __init__(self, folder: Path, code: Path, label: str) -> None:
        super().__init__(folder, code)
        self.label = label
        self.output = folder / f"site-{label}"
        self.config = folder / f"newsmirror-{label}.toml"
        self.write_config()

    def staged_command(self) -> list[str]:
        """A cold build that prints its stages (and every file it writes)."""
        return self._command("--config", str(self.config), "build", "--verbose")


def compare(posts: int, args: argparse.Namespace, codes: dict[str, Path]) -> str:
    folder, corpus = prepare(posts, args)
    versions = [Version(folder, code, label) for label, code in codes.items()]
    say(f"{posts:,} posts: importing")
    shutil.rmtree(versions[0].content, ignore_errors=True)
    timed(versions[0].import_command(corpus))
    cold: dict[str, list[Cpu]] = {v.label: [] for v in versions}
    for run in range(args.runs):
        for version in versions if run % 2 == 0 else versions[::-1]:
            version.clean()
            command = version.staged_command() if args.stages else version.build_command(cached=False)
            cold[version.label].append(timed(command, args.stages))
            say(f"  {version.label} cold build {run + 1}/{args.runs}: {_line(cold[version.label][-1])}")
    differ = differences(versions[0].output, versions[1].output)
    edits: dict[str, list[Cpu]] = {v.label: [] for v in versions}
    if args.edits:
        edited = versions[0].post_file(middle_post(versions[0].content))
        original = edited.read_bytes()
        try:
            # One version after the other: the two share the content folder, and so the build cache.
            for version in versions:
                edited.write_bytes(original)
                version.clean()
                timed(version.build_command(cached=False))
                for run in range(args.edits):
                    edit_one_post(edited, run)
                    edits[version.label].append(timed(version.build_command(cached=True)))
        finally:
            edited.write_bytes(original)
    return _table(posts, args.runs, cold, edits, differ)


def _line(cpu: Cpu) -> str:
    stages = "".join(f", {name} {seconds:.2f}" for name, seconds in cpu.stages)
    return f"user {cpu.user:.2f} s, system {cpu.system:.2f} s, wall {cpu.wall:.2f} s{stages}"


def _table(posts: int, runs: int, cold: dict[str, list[Cpu]], edits: dict[str, list[Cpu]], differ: list[str]) -> str:
    labels = list(cold)
    rows = [f"### {posts:,} posts, {runs} cold full builds each, alternated; load average {os.getloadavg()[0]:.1f}\n",
            "| version | user+system (median) | user | system | user+system, each run | wall (median) | peak memory |",
            "|---|---|---|---|---|---|---|"]
    for label in labels:
        found = cold[label]
        rows.append(f"| {label} | {statistics.median(c.total for c in found):.2f} s | "
                    f"{statistics.median(c.user for c in found):.2f} s | "
                    f"{statistics.median(c.system for c in found):.2f} s | "
                    f"{', '.join(f'{c.total:.2f}' for c in found)} | "
                    f"{statistics.median(c.wall for c in found):.2f} s | {max(c.peak for c in found) / 1024:.0f} MB |")
    base, new = (statistics.median(c.total for c in cold[label]) for label in labels)
    rows.append(f"\n{labels[1]} / {labels[0]}: {new / base:.3f} of the CPU time.")
    if all(c.stages for found in cold.values() for c in found):
        names = [name for name, _ in cold[labels[0]][0].stages]
        rows += ["\n| stage, wall (median) | " + " | ".join(labels) + " |", "|---|" + "---|" * len(labels)]
        for name in names:
            medians = [statistics.median(dict(c.stages).get(name, 0.0) for c in cold[label]) for label in labels]
            rows.append(f"| {name} | " + " | ".join(f"{m:.2f} s" for m in medians) + " |")
    if any(edits.values()):
        rows.append("One edited body, wall (user+system) per run: " + "; ".join(
            f"{label} " + ", ".join(f"{c.wall:.2f} ({c.total:.2f})" for c in edits[label]) for label in labels))
    rows.append("Sites: byte for byte the same." if not differ else
                f"Sites differ in {len(differ)} files: {', '.join(differ[:20])}")
    return "\n".join(rows) + "\n"


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="folder with the other version's generator/")
    parser.add_argument("--posts", type=int, nargs="+", default=[2000], metavar="N")
    parser.add_argument("--runs", type=int, default=5, help="cold builds of each version (default 5)")
    parser.add_argument("--edits", type=int, default=0, help="rebuilds after one edited body (default 0)")
    parser.add_argument("--stages", action="store_true", help="also each stage's wall time (build --verbose)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "ab")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()
    if args.runs < 1 or args.edits < 0 or any(n < 1 for n in args.posts):
        parser.error("--runs and --posts must be at least 1, --edits at least 0")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    codes = {"base": snapshot(args.base.resolve(), args.work / "code-base"),
             "this": snapshot(REPO, args.work / "code-this")}
    try:
        for posts in args.posts:
            print(compare(posts, args, codes), flush=True)
    except BenchError as e:
        print(f"bench/cpu_ab.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
