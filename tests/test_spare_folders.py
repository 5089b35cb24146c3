"""What the spare's record spares a rebuild after one edit (stages.swap, spare_record, rendering._make).

The site's folders' mtimes after a swap come from the record, stat'ed only where the build touched them: edit
after edit, each rebuild stays an edit made in place, a folder changed by hand is still noticed, and where the
record is missing or damaged, every folder is stat'ed. An output made again with the bytes it had (the search
shards of the edited post's block) is left in the spare, which shares the site's file, rather than linked anew."""

from __future__ import annotations

import json
import os
import time
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.output import build_cache, inputs, spare_record
from tests.site_reading import tree
from tests.test_incremental import Project, _no_whole_plan

EDITS = 5


def _recorded_as_on_disk(project: Project) -> None:
    site = project.root / "site"
    recorded = build_cache.load(project.content).folders
    assert recorded == {folder: os.stat(site / folder).st_mtime_ns for folder in recorded}


def _edit(project: Project, number: int) -> None:
    slug = f"story-{number % 7 + 1:04d}"
    project.change(slug, body=project.post(slug).body + f"\n\nEdit {number}.\n")


def _every_folder(*args: object) -> None:
    raise AssertionError("every folder of the new site was stat'ed")


def test_edit_after_edit_each_is_made_in_place_with_few_folders_stated(tmp_path: Path,
                                                                       monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(tmp_path)
    project.build()
    _edit(project, 0)
    project.build()  # a spare with its folders recorded, from here on
    stated: list[str] = []
    monkeypatch.setattr("generator.output.stages.known_mtimes", _counting(stated, inputs.known_mtimes))
    monkeypatch.setattr("generator.output.stages.folder_mtimes", _every_folder)
    monkeypatch.setattr("generator.output.outputs.site_outputs", _no_whole_plan)
    folders = len(build_cache.load(project.content).folders)
    for number in range(1, EDITS):
        stated.clear()
        _edit(project, number)
        result = project.build()
        assert result.rendered <= 3
        assert 0 < len(stated) < folders // 4, stated  # some 14,500 at 10,000 posts, a few dozen here
        _recorded_as_on_disk(project)
    project.build()  # the edited file's stat was too recent to trust: it is read again, and nothing changes
    _recorded_as_on_disk(project)


def _counting(stated: list[str], known_mtimes):
    """known_mtimes, adding to `stated` the folders it stats, those not known."""
    def counted(output: str, folders: list[str], known: dict[str, int]) -> list[int | None]:
        stated.extend(folder for folder in folders if folder not in known)
        return known_mtimes(output, folders, known)
    return counted


def test_a_file_added_by_hand_to_a_folder_of_the_site_is_still_noticed(tmp_path: Path) -> None:
    """Noticed, it is left out of the spare once the site becomes the spare; an edit made in place would
    have carried it there, and back into the site at the next swap."""
    project = Project(tmp_path)
    project.build()
    for number in range(3):
        _edit(project, number)
        project.build()
    added = Path("news-archive", "notes.txt")
    time.sleep(0.05)  # past the clock tick of the folder's last change, which a coarse clock would not tell apart
    (tmp_path / "site" / added).write_text("mine", encoding="utf-8")
    for number in range(3, 5):
        _edit(project, number)
        project.build()
        _recorded_as_on_disk(project)
    assert not (tmp_path / "site" / added).exists() and not (tmp_path / "site.staging" / added).exists()


def test_without_the_spare_record_every_folder_is_stated(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    _edit(project, 0)
    project.build()
    (build_cache.cache_dir(project.content) / spare_record.SPARE_FILE).unlink()
    _edit(project, 1)
    project.build()
    _recorded_as_on_disk(project)
    _edit(project, 2)
    assert project.build().rendered <= 3
    _recorded_as_on_disk(project)


def test_a_record_whose_folders_are_damaged_is_not_used(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    _edit(project, 0)
    project.build()
    record = build_cache.cache_dir(project.content) / spare_record.SPARE_FILE
    data = json.loads(record.read_text(encoding="utf-8"))
    assert isinstance(data["folders"]["archive"], int)  # a folder an edit of a body leaves alone
    data["folders"]["archive"] = "soon"
    record.write_text(json.dumps(data), encoding="utf-8")
    _edit(project, 1)
    run_build(project.config())
    _recorded_as_on_disk(project)


def test_outputs_made_again_with_the_same_bytes_are_not_linked_again(tmp_path: Path) -> None:
    """Linking a file anew unlinks and links the one inode the site and the spare share: its ctime tells.
    (200 posts: 8 shards in a block; edits of a body change the words of a few.)"""
    project = Project(tmp_path, posts=200)
    project.build()
    _edit(project, 0)
    project.build()
    shards = sorted((tmp_path / "site" / "search" / "words").iterdir())
    before = {shard.name: os.stat(shard).st_ctime_ns for shard in shards}
    time.sleep(0.05)  # past the clock tick of the last change, which a coarse clock would not tell apart
    _edit(project, 1)
    result = project.build()
    after = {shard.name: os.stat(shard).st_ctime_ns for shard in shards}
    same = [name for name in before if after[name] == before[name]]
    assert len(shards) == 8 and result.rendered > len(shards) and len(same) >= len(shards) - 2, (before, after)
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")
