"""A cold build writes every file into a new folder, twice (the spare, then the spare made again after the
swap): the writer makes each folder with one mkdir and no stat, worker processes that make the same folders at
once all succeed, and the check that a path stays inside the site still refuses every name too long."""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from generator import workers
from generator.output.writer import NAME_MAX, Staging, inside


@pytest.fixture
def staging(tmp_path: Path) -> Staging:
    made = Staging(tmp_path / "site")
    made.claim()
    return made


def test_files_in_new_folders_cost_one_mkdir_per_folder_and_no_stat(staging: Staging,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    made, stats = [], []
    real_mkdir, real_stat = os.mkdir, os.stat

    def mkdir(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        real_mkdir(path, *args, **kwargs)
        made.append(os.path.relpath(path, staging.spare))

    def stat(path, *args, **kwargs):  # type: ignore[no-untyped-def]
        stats.append(path)
        return real_stat(path, *args, **kwargs)

    monkeypatch.setattr(os, "mkdir", mkdir)
    monkeypatch.setattr(os, "stat", stat)
    for path in ("news/a/index.html", "news/b/index.html", "news/b/feed.xml", "tag/x/y/index.html", "top.html"):
        staging.write(path, path.encode())
    monkeypatch.undo()
    assert sorted(made) == ["news", "news/a", "news/b", "tag", "tag/x", "tag/x/y"]
    assert stats == []
    assert (staging.spare / "news/b/feed.xml").read_bytes() == b"news/b/feed.xml"


def test_linking_the_site_into_an_empty_spare_makes_its_folders(staging: Staging) -> None:
    for path in ("news/a/index.html", "news/b/index.html", "index.html"):
        staging.write(path, path.encode())
    staging.swap()
    staging.claim()
    for path in ("news/a/index.html", "news/b/index.html", "index.html"):
        assert staging.keep(path) is None
        assert os.stat(staging.spare / path).st_ino == os.stat(staging.live / path).st_ino
    with pytest.raises(FileNotFoundError):  # in a folder the spare now has, as in one it had to make
        staging.keep("news/a/gone.html")


_shared: Staging | None = None


def _write_block(block: int) -> int:
    assert _shared is not None
    for n in range(40):
        _shared.write(f"deep/{n % 7}/{n}/{block}.html", f"{block} {n}".encode())
    return block


def test_workers_making_the_same_new_folders_at_once_all_write_their_files(staging: Staging) -> None:
    global _shared
    _shared = staging
    try:
        assert list(workers.parallel_map(_write_block, range(8), 2)) == list(range(8))
    finally:
        _shared = None
    for block in range(8):
        for n in range(40):
            assert (staging.spare / f"deep/{n % 7}/{n}/{block}.html").read_text() == f"{block} {n}"


@pytest.mark.parametrize("char", ["x", "é", "€", "😀", "\udcff"])
def test_names_up_to_the_longest_a_file_system_takes_are_inside(char: str) -> None:
    width = len(char.encode("utf-8", "surrogatepass"))
    longest = char * (NAME_MAX // width)
    assert inside(longest) and inside(f"a/{longest}/b.html")
    too_long = longest + "x" * (NAME_MAX - len(longest.encode("utf-8", "surrogatepass")) + 1)
    assert not inside(too_long) and not inside(f"a/{too_long}/b.html") and not inside(f"{too_long}/b")


@pytest.mark.parametrize("path", ["", "/a", "a/", "a//b", ".", "a/./b", "..", "../a", "a/..", "a\x00b"])
def test_paths_that_leave_the_site_or_name_nothing_are_not_inside(path: str) -> None:
    assert not inside(path)
