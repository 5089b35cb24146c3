"""An import killed with SIGKILL at any moment leaves no half-written file, and the next import
completes with exactly the posts an uninterrupted import writes. The change log (content/changes.yaml)
is always whole too, but tells what each run, killed or not, changed, so it is not compared."""

from __future__ import annotations

import json
import random
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.store import history
from tests.conftest import rest_item, without_log

POSTS = 200
KILLS = 12


def import_command(saved: Path, content: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--quiet", "import", str(saved), "--content", str(content)]


def corpus(folder: Path, version: int) -> Path:
    """Posts whose bodies and, for some, slugs change with `version`, so a re-import rewrites and renames."""
    body = "".join(f"<h2>Part {i}</h2><p>{'Rare earth supply news. ' * 40}{version}</p>" for i in range(6))
    items = [rest_item(id=i, slug=f"post-{i}-v{version}" if i % 7 == 0 else f"post-{i}",
                       content={"rendered": body}, categories=[i % 5], class_list=[f"category-c{i % 5}"])
             for i in range(1, POSTS + 1)]
    path = folder / f"v{version}.json"
    path.write_text(json.dumps(items), encoding="utf-8")
    return path


def test_import_killed_at_random_moments_loses_nothing(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1796000000")  # the imports' `mirror:` dates, alike in every run
    saved = [corpus(tmp_path, v) for v in (1, 2)]
    first, reference = tmp_path / "first", tmp_path / "reference"
    subprocess.run(import_command(saved[0], first), check=True, timeout=300)
    subprocess.run(import_command(saved[0], reference), check=True, timeout=300)
    started = time.perf_counter()
    subprocess.run(import_command(saved[1], reference), check=True, timeout=300)
    duration = time.perf_counter() - started
    whole_files = {(path, data) for t in (without_log(first), without_log(reference)) for path, data in t.items()}

    content = tmp_path / "content"
    subprocess.run(import_command(saved[0], content), check=True, timeout=300)
    rng = random.Random(14822)
    for attempt in range(KILLS):
        process = subprocess.Popen(import_command(saved[1 - attempt % 2], content))
        time.sleep(rng.uniform(0.05, duration))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        # Every file there is exactly as one of the two complete imports wrote it, never a part;
        # only hidden temporary files may be cut short, and the next import removes them.
        files = {(path, data) for path, data in without_log(content).items() if not Path(path).name.startswith(".")}
        assert files <= whole_files
        history.read(content)  # raises if the log is not whole
    subprocess.run(import_command(saved[1], content), check=True, timeout=300)
    assert without_log(content) == without_log(reference)
    assert not list(content.rglob(".*.tmp"))
    assert _left_running(content) == [], "worker processes outlived their killed import"


def _left_running(content: Path) -> list[str]:
    """Processes still working on `content`, after giving orphaned workers time to notice."""
    deadline = time.monotonic() + 5
    while True:
        found = []
        for proc in Path("/proc").iterdir():
            try:
                cmdline = (proc / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except OSError:
                continue
            if str(content) in cmdline:
                found.append(cmdline)
        if not found or time.monotonic() > deadline:
            return found
        time.sleep(0.2)
