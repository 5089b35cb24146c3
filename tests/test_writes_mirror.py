"""A first build (no site yet) leaves the spare folder ready for the next build, made by the workers as they
write (the mirror, `<out>.spare`), and no trace of it: killed at any moment, the site is absent or whole, and the
next build gives the site a clean build gives; a folder of that name that newsmirror did not make is left alone."""

from __future__ import annotations

import os
import random
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.config import Config
from generator.output import stages
from tests.site_content import config, many_posts, write_content
from tests.site_reading import tree
from tests.test_incremental import TAXONOMIES

BASE = "https://user.github.io/mirror/"
REPO = Path(__file__).resolve().parents[1]


def project(root: Path, posts: int = 40, jobs: int = 2) -> Config:
    documents, names = many_posts(posts, seed=3)
    content = write_content(root / "content", documents, names)
    return config(root, content, TAXONOMIES, site={"base_url": BASE}, build={"posts_per_page": 4, "jobs": jobs})


def edit_one_body(settings: Config) -> None:
    post = sorted(settings.path("content").rglob("story-0007.md"))[0]
    post.write_text(post.read_text(encoding="utf-8").replace("More text.", "More text, edited."), encoding="utf-8")


def clean_build(root: Path, edited: bool) -> dict[str, bytes]:
    settings = project(root)
    if edited:
        edit_one_body(settings)
    run_build(settings)
    return tree(root / "site")


def assert_spare_is_the_site(root: Path) -> None:
    site, spare = root / "site", root / "site.staging"
    files = sorted(p.relative_to(site) for p in site.rglob("*") if p.is_file() and p.name != ".nojekyll")
    assert files and files == sorted(p.relative_to(spare) for p in spare.rglob("*")
                                     if p.is_file() and p.name != ".nojekyll")
    assert all(os.stat(site / f).st_ino == os.stat(spare / f).st_ino for f in files)


@pytest.fixture
def workers_even_for_a_small_site(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(stages, "PARALLEL_FROM", 1)


@pytest.mark.usefixtures("workers_even_for_a_small_site")
@pytest.mark.parametrize("jobs", [1, 2])
def test_a_first_build_leaves_the_spare_ready_and_the_next_build_writes_only_the_edit(tmp_path: Path,
                                                                                      jobs: int) -> None:
    settings = project(tmp_path / "p", jobs=jobs)
    run_build(settings)
    assert not (tmp_path / "p/site.spare").exists()
    assert_spare_is_the_site(tmp_path / "p")
    edit_one_body(settings)
    result = run_build(settings)
    assert 0 < result.written < 20  # the edited page and its search index shards, not the whole site
    assert tree(tmp_path / "p/site") == clean_build(tmp_path / "clean", edited=True)


@pytest.mark.usefixtures("workers_even_for_a_small_site")
def test_a_mirror_left_half_adopted_is_removed_and_the_spare_made_again(tmp_path: Path) -> None:
    root = tmp_path / "p"
    settings = project(root)
    run_build(settings)
    # As a build killed inside the adoption leaves it: the spare's marker moved into the mirror, the spare empty.
    spare, mirror = root / "site.staging", root / "site.spare"
    os.rename(spare, mirror)
    spare.mkdir()
    edit_one_body(settings)
    run_build(settings)
    assert sorted(p.name for p in root.iterdir()) == ["content", "site", "site.staging"]
    assert tree(root / "site") == clean_build(tmp_path / "clean", edited=True)
    assert_spare_is_the_site(root)


@pytest.mark.parametrize("left", ["made, no marker yet", "removal killed half way"])
def test_a_mirror_a_killed_build_left_anywhere_in_its_making_or_removal_is_removed(tmp_path: Path, left: str) -> None:
    root = tmp_path / "p"
    settings = project(root)
    run_build(settings)
    mirror = root / "site.spare"
    if left == "made, no marker yet":
        mirror.mkdir()
    else:  # the marker outlives whatever was removed before the kill
        shutil.copytree(root / "site", mirror, copy_function=os.link)
        shutil.rmtree(mirror / "news-archive")
    edit_one_body(settings)
    run_build(settings)
    assert sorted(p.name for p in root.iterdir()) == ["content", "site", "site.staging"]
    assert tree(root / "site") == clean_build(tmp_path / "clean", edited=True)


@pytest.mark.usefixtures("workers_even_for_a_small_site")
def test_a_folder_named_like_the_mirror_that_newsmirror_did_not_make_is_left_alone(tmp_path: Path) -> None:
    root = tmp_path / "p"
    (root / "site.spare").mkdir(parents=True)
    (root / "site.spare/notes.txt").write_text("mine")
    run_build(project(root))
    assert (root / "site.spare/notes.txt").read_text() == "mine"
    assert sorted(p.name for p in (root / "site.spare").iterdir()) == ["notes.txt"]
    assert tree(root / "site") == clean_build(tmp_path / "clean", edited=False)
    assert_spare_is_the_site(root)


@pytest.mark.usefixtures("workers_even_for_a_small_site")
def test_without_hard_links_a_first_build_still_makes_the_site_and_leaves_no_mirror(
        tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    def no_links(*_: object, **__: object) -> None:
        raise PermissionError(1, "Operation not permitted")

    expected = clean_build(tmp_path / "clean", edited=False)
    monkeypatch.setattr(os, "link", no_links)
    root = tmp_path / "p"
    run_build(project(root, jobs=1))
    assert tree(root / "site") == expected
    assert not (root / "site.spare").exists()


def test_a_first_build_killed_at_random_moments_then_run_again_gives_the_clean_site(tmp_path: Path) -> None:
    expected = clean_build(tmp_path / "clean", edited=False)
    root = tmp_path / "p"
    settings = project(root, posts=40)
    toml = root / "newsmirror.toml"
    toml.write_text(f'[site]\nbase_url = "{BASE}"\n[paths]\ncontent = "{settings.path("content")}"\n'
                    f'templates = "{root / "no-templates"}"\nstatic = "{root / "no-static"}"\n'
                    f'output = "{root / "site"}"\n[build]\nposts_per_page = 4\njobs = 2\n'
                    f'[taxonomies]\n' + "".join(f'"{k}" = "{v}"\n' for k, v in TAXONOMIES.items()), encoding="utf-8")
    command = [sys.executable, "-m", "generator", "--quiet", "--config", str(toml), "build"]
    started = time.perf_counter()
    subprocess.run(command, check=True, timeout=300, cwd=REPO)
    duration = time.perf_counter() - started
    assert tree(root / "site") == expected
    rng = random.Random(16)
    for attempt in range(8):
        for folder in ("site", "site.staging"):  # every attempt is a first build
            shutil.rmtree(root / folder, ignore_errors=True)
        process = subprocess.Popen(command, cwd=REPO)
        time.sleep(rng.uniform(duration * 0.3, duration * 1.1))
        process.send_signal(signal.SIGKILL)
        process.wait(timeout=60)
        assert not (root / "site").exists() or tree(root / "site") == expected, f"attempt {attempt}"
    subprocess.run(command, check=True, timeout=300, cwd=REPO)
    assert tree(root / "site") == expected
    # A build that changes nothing stops before the output folders; one that changes something tidies them.
    edit_one_body(settings)
    subprocess.run(command, check=True, timeout=300, cwd=REPO)
    assert tree(root / "site") == clean_build(tmp_path / "clean-edited", edited=True)
    assert sorted(p.name for p in root.iterdir()) == ["content", "newsmirror.toml", "site", "site.staging"]
    assert_spare_is_the_site(root)
