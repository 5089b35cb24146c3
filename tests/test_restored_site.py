"""A site restored from a CI cache or a backup (every file with a new mtime and inode, the same bytes) is
brought up to date without writing its files again: what GitHub Pages' workflow caches between runs."""

from __future__ import annotations

import shutil
from pathlib import Path

from tests.site_reading import tree
from tests.test_incremental import Project


def test_a_restored_site_is_kept_and_only_what_changed_is_written(tmp_path: Path) -> None:
    project = Project(tmp_path, posts=12)
    project.build()
    site = tmp_path / "site"
    before = tree(site)
    saved = tmp_path / "saved-site"
    shutil.copytree(site, saved)  # new inodes and mtimes, as tar or actions/cache restores them
    shutil.rmtree(site)
    shutil.rmtree(tmp_path / "site.staging", ignore_errors=True)
    shutil.copytree(saved, site)
    result = project.build()
    assert result.written == 0 and result.kept > 0
    assert tree(site) == before
