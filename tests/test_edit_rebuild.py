"""A rebuild after one edit is quick: it starts no worker process for the few pages it makes, and it leaves
Python's collector as it found it; the bytes are those of a clean build all the same."""

from __future__ import annotations

import gc
from pathlib import Path

import pytest

from generator import workers
from generator.output import rendering, stages
from tests.site_reading import tree
from tests.test_incremental import Project, body_edit


def _record_forks(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    asked: list[str] = []
    monkeypatch.setattr(workers, "can_fork", lambda: asked.append("fork") or True)
    return asked


def test_one_edited_body_renders_without_worker_processes(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(tmp_path / "project")
    project.settings["build"]["jobs"] = 2
    monkeypatch.setattr(rendering, "CHUNK", 1)  # every output its own task: workers would be started for two
    project.build()
    asked = _record_forks(monkeypatch)
    body_edit(project)
    result = project.build()
    assert result.rendered >= 2 and asked == []
    assert tree(tmp_path / "project/site") == project.clean_build(tmp_path / "clean")


def test_a_build_with_many_pages_to_make_still_uses_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(tmp_path / "project")
    project.settings["build"]["jobs"] = 2
    monkeypatch.setattr(stages, "PARALLEL_FROM", 10)
    asked = _record_forks(monkeypatch)
    assert project.build().rendered > 10
    assert asked


@pytest.mark.parametrize("parallel_from", [1, 10_000])  # the collector on while rendering in this process, or not
def test_a_build_leaves_the_collector_as_it_found_it(tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
                                                     parallel_from: int) -> None:
    monkeypatch.setattr(stages, "PARALLEL_FROM", parallel_from)
    project = Project(tmp_path / "project")  # jobs = 1: every output renders in this process
    assert gc.isenabled() and gc.get_freeze_count() == 0
    project.build()
    body_edit(project)
    project.build()
    assert gc.isenabled() and gc.get_freeze_count() == 0
    assert tree(tmp_path / "project/site") == project.clean_build(tmp_path / "clean")
