"""CPU time of cold imports by two versions of newsmirror, alternated, and whether they write the same Markdown.

    .venv/bin/python bench/import_ab.py --base /tmp/base --posts 2000 10000 [--runs 5]
    .venv/bin/python bench/import_ab.py --base /tmp/base --set news=/data/copy --set feed=/data/export.xml

`--base` is a folder holding another version's generator/ (`git archive main | tar -x -C /tmp/base`); the other
version is this checkout. Each is copied and compiled first, as cpu_ab.py does. A workload is a corpus of
`bench/corpus.py` (`--posts`) or saved sources of a real site (`--set NAME=PATH[,PATH...]`). Each version imports it
into a content folder of its own, emptied before every run, in alternating order, `--runs` times each. An import's
CPU time is its user and system time, its worker processes' included (wait4). Both versions must end with the same
exit code (an import with problems ends with 1) and write the same files, byte for byte, but for the importer's
cache, which keeps the files' times; SOURCE_DATE_EPOCH makes the run's time the same in both.
"""

from __future__ import annotations

import argparse
import os
import shutil
import statistics
import subprocess
import sys
import time
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

BENCH = Path(__file__).resolve().parent
sys.path.insert(0, str(BENCH))

from cpu_ab import Cpu, differences, snapshot  # noqa: E402
from run import NEWSMIRROR, REPO, BenchError, prepare, say  # noqa: E402

EPOCH = "1796601600"  # 2026-12-08: the run's time, the same for both versions
CACHE = ".newsmirror-cache"  # the importer's own records (files' times): not compared


@dataclass(frozen=True)
class Run:
    cpu: Cpu
    status: int


def imported(code: Path, sources: Sequence[Path], content: Path, work: Path) -> Run:
    """One cold import into `content`, emptied first, run in `work` (where no newsmirror.toml is)."""
    shutil.rmtree(content, ignore_errors=True)
    command = ["env", f"PYTHONPATH={code}", f"SOURCE_DATE_EPOCH={EPOCH}", str(NEWSMIRROR), "--quiet", "import",
               "--content", str(content), *map(str, sources)]
    start = time.perf_counter()
    child = subprocess.Popen(command, cwd=work, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE)
    _, status, usage = os.wait4(child.pid, 0)
    wall = time.perf_counter() - start
    child.returncode = os.waitstatus_to_exitcode(status)
    errors = child.stderr.read().decode(errors="replace")
    child.stderr.close()
    if child.returncode not in (0, 1) or "Traceback" in errors:
        raise BenchError(f"{' '.join(command)} exited with {child.returncode}: {errors[-2000:]}")
    return Run(Cpu(usage.ru_utime, usage.ru_stime, wall, peak=usage.ru_maxrss), child.returncode)


def compare(name: str, sources: Sequence[Path], args: argparse.Namespace, codes: dict[str, Path]) -> str:
    folder = args.work / "sets" / name
    folder.mkdir(parents=True, exist_ok=True)
    runs: dict[str, list[Run]] = {label: [] for label in codes}
    for run in range(args.runs):
        for label in list(codes) if run % 2 == 0 else list(codes)[::-1]:
            runs[label].append(imported(codes[label], sources, folder / f"content-{label}", folder))
            say(f"  {name}: {label} cold import {run + 1}/{args.runs}: {_line(runs[label][-1])}")
    contents = [folder / f"content-{label}" for label in codes]
    for content in contents:  # the cache keeps each file's time: not the same in two imports
        shutil.rmtree(content / CACHE, ignore_errors=True)
    return _table(name, args.runs, runs, differences(*contents))


def _line(run: Run) -> str:
    return f"user {run.cpu.user:.2f} s, system {run.cpu.system:.2f} s, wall {run.cpu.wall:.2f} s, exit {run.status}"


def _table(name: str, count: int, runs: dict[str, list[Run]], differ: list[str]) -> str:
    labels = list(runs)
    rows = [f"### {name}: {count} cold imports each, alternated; load average {os.getloadavg()[0]:.1f}\n",
            "| version | user+system (median) | spread | user | system | each run | wall (median) | peak memory |",
            "|---|---|---|---|---|---|---|---|"]
    for label in labels:
        found = [r.cpu for r in runs[label]]
        totals = [c.total for c in found]
        rows.append(f"| {label} | {statistics.median(totals):.2f} s | {min(totals):.2f}-{max(totals):.2f} s | "
                    f"{statistics.median(c.user for c in found):.2f} s | "
                    f"{statistics.median(c.system for c in found):.2f} s | {', '.join(f'{t:.2f}' for t in totals)} | "
                    f"{statistics.median(c.wall for c in found):.2f} s | {max(c.peak for c in found) / 1024:.0f} MB |")
    base, new = (statistics.median(r.cpu.total for r in runs[label]) for label in labels)
    rows.append(f"\n{labels[1]} / {labels[0]}: {new / base:.3f} of the CPU time.")
    statuses = {label: sorted({r.status for r in runs[label]}) for label in labels}
    rows.append("Exit codes: " + "; ".join(f"{label} {statuses[label]}" for label in labels)
                + ("" if len({tuple(s) for s in statuses.values()}) == 1 else " (they differ)"))
    rows.append("Content: byte for byte the same." if not differ else
                f"Content differs in {len(differ)} files: {', '.join(differ[:20])}")
    return "\n".join(rows) + "\n"


def workloads(args: argparse.Namespace) -> list[tuple[str, list[Path]]]:
    found = []
    for posts in args.posts:
        _, corpus = prepare(posts, args)
        found.append((f"corpus of {posts:,} posts", [corpus]))
    for named in args.set:
        name, _, paths = named.partition("=")
        if not name or not paths:
            raise BenchError(f"--set {named!r}: give NAME=PATH[,PATH...]")
        found.append((name, [Path(p).resolve() for p in paths.split(",")]))
    return found


def parse_args(argv: Sequence[str] | None = None) -> argparse.Namespace:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--base", type=Path, required=True, help="folder with the other version's generator/")
    parser.add_argument("--posts", type=int, nargs="*", default=[], metavar="N", help="corpora of N posts")
    parser.add_argument("--set", action="append", default=[], metavar="NAME=PATH[,PATH...]",
                        help="a real site's saved sources (repeatable)")
    parser.add_argument("--runs", type=int, default=5, help="cold imports of each version (default 5)")
    parser.add_argument("--seed", type=int, default=0)
    parser.add_argument("--work", type=Path, default=BENCH / "out" / "import_ab")
    args = parser.parse_args(argv)
    args.work = args.work.resolve()
    if args.runs < 1 or any(n < 1 for n in args.posts) or not (args.posts or args.set):
        parser.error("--runs and --posts must be at least 1, and --posts or --set given")
    return args


def main(argv: Sequence[str] | None = None) -> int:
    args = parse_args(argv)
    codes = {"base": snapshot(args.base.resolve(), args.work / "code-base"),
             "this": snapshot(REPO, args.work / "code-this")}
    try:
        for name, sources in workloads(args):
            print(compare(name, sources, args, codes), flush=True)
    except BenchError as e:
        print(f"bench/import_ab.py: {e}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
