"""The scan made in a forked child while the build cache is read: the scan this process would make, made
in another; made here when the child fails; and a build that stops at it when nothing changed."""

from __future__ import annotations

import os
from pathlib import Path

from generator.builder import run_build
from generator.output import build_cache, forked, forked_scan, inputs
from generator.output.writer import sentinel
from tests.test_incremental import Project


def _built(tmp_path: Path, monkeypatch) -> Project:
    # Other tests leave servers' daemon threads in this process; the child touches no lock of theirs.
    monkeypatch.setattr(forked.threading, "active_count", lambda: 1)
    project = Project(tmp_path / "project", posts=12)
    project.settings["build"]["jobs"] = 2
    project.build()
    return project


def _arguments(project: Project) -> tuple:
    config = project.config()
    content, output = config.path("content"), config.path("output")
    return config, build_cache.load_stamp(content), output, sentinel(output)


def _edited(project: Project) -> None:
    slug = sorted(p.stem for p in (project.content / "news-archive").glob("*.md"))[0]
    project.change(slug, title="Edited after the build")


def test_the_forked_scan_is_the_scan_this_process_makes(tmp_path: Path, monkeypatch) -> None:
    project = _built(tmp_path, monkeypatch)
    _edited(project)
    config, last, output, live = _arguments(project)
    here = inputs.scan(config, inputs.find_inputs(config), last, output, live)
    stat_here: list[str] = []
    original = inputs.output_stats
    monkeypatch.setattr(inputs, "output_stats", lambda *args: stat_here.append("here") or original(*args))
    forked, beside = forked_scan.scan(config, last, output, live, os.getpid)
    assert beside == os.getpid()  # what runs beside the scan runs in this process
    assert stat_here == []  # and the site's files were stat'ed in another
    assert forked == here
    assert forked.stamp != last.stamp and len(forked.found) == len(last.pages) > 0


def test_a_child_that_fails_leaves_the_scan_to_this_process(tmp_path: Path, monkeypatch) -> None:
    project = _built(tmp_path, monkeypatch)
    _edited(project)
    config, last, output, live = _arguments(project)
    here = inputs.scan(config, inputs.find_inputs(config), last, output, live)
    parent, original = os.getpid(), inputs.make_stamp

    def failing_in_the_child(*args):
        if os.getpid() != parent:
            raise OSError("the child fails")
        return original(*args)

    monkeypatch.setattr(inputs, "make_stamp", failing_in_the_child)
    assert forked_scan.scan(config, last, output, live, lambda: "read") == (here, "read")


def test_with_nothing_changed_the_build_stops_at_the_forked_scan(tmp_path: Path, monkeypatch) -> None:
    project = _built(tmp_path, monkeypatch)
    result = run_build(project.config())
    assert result.unchanged and [stage for stage, _ in result.stages] == ["scan"]
    _edited(project)
    assert not run_build(project.config()).unchanged
