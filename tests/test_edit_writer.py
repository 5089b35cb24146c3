"""The spare folder's files are made with as few system calls as the usual case allows, and still: a file
written or linked into the spare replaces whatever stood at its path there, makes the folders it needs, and
never changes the site being read."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator.output.writer import Staging


@pytest.fixture
def staging(tmp_path: Path) -> Staging:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / ".nojekyll").write_bytes(b"")
    (site / "a/page.html").write_bytes(b"live")
    made = Staging(site)
    made.claim()
    return made


def test_writing_over_a_file_shared_with_the_site_leaves_the_site_alone(staging: Staging) -> None:
    assert staging.keep("a/page.html") is None
    staging.write("a/page.html", b"new")
    assert (staging.spare / "a/page.html").read_bytes() == b"new"
    assert (staging.live / "a/page.html").read_bytes() == b"live"


def test_a_file_is_written_into_folders_made_for_it(staging: Staging) -> None:
    size, _, ino = staging.write("x/y/z/index.html", b"deep")
    found = os.stat(staging.spare / "x/y/z/index.html")
    assert (size, ino) == (4, found.st_ino)


def test_a_file_replaces_a_folder_at_its_path(staging: Staging) -> None:
    (staging.spare / "b/c").mkdir(parents=True)
    (staging.spare / "b/c/old.html").write_bytes(b"old")
    staging.write("b/c", b"file now")
    assert (staging.spare / "b/c").read_bytes() == b"file now"


def test_keeping_a_page_replaces_the_spare_file_by_the_sites(staging: Staging) -> None:
    (staging.spare / "a").mkdir()
    (staging.spare / "a/page.html").write_bytes(b"stale")
    assert staging.keep("a/page.html") is None
    assert os.stat(staging.spare / "a/page.html").st_ino == os.stat(staging.live / "a/page.html").st_ino


def test_keeping_a_page_the_site_lacks_is_an_error(staging: Staging) -> None:
    with pytest.raises(FileNotFoundError):
        staging.keep("a/gone.html")
    with pytest.raises(FileNotFoundError):
        staging.keep("nowhere/gone.html")
    assert sorted(p.name for p in staging.live.rglob("*")) == [".nojekyll", "a", "page.html"]
