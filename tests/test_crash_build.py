"""A build killed with SIGKILL at any moment leaves the previous site whole, never a mix of two builds,
and the next build completes with exactly the site an uninterrupted build makes."""

from __future__ import annotations

import dataclasses
import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

from generator.convert.document import Document
from generator.store.documents import document_path
from generator.store.import_cache import CACHE_DIR
from tests.site_content import many_posts, write_content
from tests.site_reading import tree

POSTS = 120
KILLS = 14
REPO = Path(__file__).resolve().parents[1]


def versions() -> tuple[list[Document], list[Document], dict]:
    """Two versions of the content: the second edits bodies and titles, renames, removes and adds posts."""
    first, names = many_posts(POSTS, seed=9)
    second = [dataclasses.replace(d, body=d.body + "\nEdited.\n") if i % 3 == 0 else d for i, d in enumerate(first)]
    second[5] = dataclasses.replace(second[5], title="Retitled")
    second[6] = dataclasses.replace(second[6], slug="renamed")
    del second[7]
    second.append(dataclasses.replace(first[8], slug="added", title="Added", date=first[8].date.replace(year=2030)))
    return first, second, names


def use(content: Path, documents: list[Document], names: dict) -> None:
    """Make `content` hold exactly these posts, as an import would; the build cache stays."""
    wanted = {document_path(content, d) for d in documents}
    for old in content.glob("*/*.md"):
        if old not in wanted:
            old.unlink()
    write_content(content, documents, names)


def settings(root: Path, content: Path) -> Path:
    toml = root / "newsmirror.toml"
    toml.write_text(f'[site]\nbase_url = "https://user.github.io/mirror/"\n[paths]\ncontent = "{content}"\n'
                    f'templates = "{REPO / "templates"}"\nstatic = "{REPO / "static"}"\noutput = "{root / "site"}"\n'
                    f'[build]\nposts_per_page = 5\njobs = 2\n', encoding="utf-8")
    return toml


def build_command(toml: Path) -> list[str]:
    return [sys.executable, "-m", "generator", "--quiet", "--config", str(toml), "build"]


def clean_site(root: Path, documents: list[Document], names: dict) -> dict[str, bytes]:
    content = write_content(root / "content", documents, names)
    subprocess.run(build_command(settings(root, content)), check=True, timeout=300)
    return tree(root / "site")


def processes_running(marker: str) -> list[int]:
    """Processes whose command line names `marker`: the build and its worker processes."""
    found = []
    for pid in filter(str.isdigit, os.listdir("/proc")):
        try:
            if marker in Path(f"/proc/{pid}/cmdline").read_bytes().decode(errors="replace"):
                found.append(int(pid))
        except OSError:
            continue
    return found


def test_a_build_killed_at_random_moments_leaves_a_whole_site(tmp_path: Path) -> None:
    first, second, names = versions()
    sites = [clean_site(tmp_path / "clean-1", first, names), clean_site(tmp_path / "clean-2", second, names)]
    assert sites[0] != sites[1]
    root = tmp_path / "project"
    content = root / "content"
    content.mkdir(parents=True)
    toml = settings(root, content)
    use(content, first, names)
    started = time.perf_counter()
    subprocess.run(build_command(toml), check=True, timeout=300)
    duration = time.perf_counter() - started
    rng = random.Random(14822)
    for attempt in range(KILLS):
        use(content, (second, first)[attempt % 2], names)
        if attempt % 5 == 4:  # now and then a build that starts without its cache, or its spare folder
            shutil.rmtree(content / CACHE_DIR if attempt % 2 else root / "site.staging", ignore_errors=True)
        process = subprocess.Popen(build_command(toml))
        time.sleep(rng.uniform(0.0, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        time.sleep(0.05)
        assert processes_running(str(toml)) == [], "worker processes outlived the build"
        assert tree(root / "site") in sites, f"attempt {attempt}: the site is neither the old one nor the new one"
    use(content, second, names)
    subprocess.run(build_command(toml), check=True, timeout=300)
    assert tree(root / "site") == sites[1]
    assert sorted(p.name for p in root.iterdir()) == ["content", "newsmirror.toml", "site", "site.staging"]
