"""Building on several cores gives the same bytes as building on one, for full and incremental builds."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.output import loading, related, rendering, stages
from tests.site_content import config, many_posts, write_content
from tests.site_reading import tree
from tests.test_incremental import TAXONOMIES, Project, body_edit

BASE = "https://user.github.io/mirror/"


@pytest.fixture
def everything_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small sites run small stages in this process; here every stage that can use workers does."""
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
    monkeypatch.setattr(stages, "PARALLEL_FROM", 1)
    monkeypatch.setattr(related, "PARALLEL_FROM", 1)
    monkeypatch.setattr(related, "CHUNK", 7)
    monkeypatch.setattr(rendering, "CHUNK", 5)


def build(root: Path, jobs: int) -> dict[str, bytes]:
    documents, names = many_posts(90, seed=5)
    content = write_content(root / "content", documents, names)
    run_build(config(root, content, TAXONOMIES, site={"base_url": BASE}, build={"posts_per_page": 4, "jobs": jobs}))
    return tree(root / "site")


@pytest.mark.usefixtures("everything_parallel")
def test_any_number_of_workers_builds_the_same_bytes(tmp_path: Path) -> None:
    one = build(tmp_path / "one", 1)
    assert build(tmp_path / "two", 2) == one
    assert build(tmp_path / "three", 3) == one


@pytest.mark.usefixtures("everything_parallel")
def test_an_incremental_build_on_several_cores_equals_a_clean_one(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.settings["build"]["jobs"] = 3
    project.build()
    body_edit(project)
    project.change("story-0011", title="A new title", date=project.post("story-0011").date.replace(year=2022))
    project.build()
    assert tree(tmp_path / "project/site") == project.clean_build(tmp_path / "clean")


def test_a_template_error_in_a_worker_is_reported_with_its_template_and_line(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.settings["build"]["jobs"] = 2
    project.user_file("no-templates", "post.html",
                      '{% extends "base.html" %}\n{% block main %}\n{{ post.nope }}\n{% endblock %}\n')
    from generator.render.templates import TemplateError
    with pytest.raises(TemplateError, match=r"post\.html:3: UndefinedError: .*nope"):
        project.build()
    assert not (tmp_path / "site").exists()


def test_a_worker_whose_parent_died_before_it_started_leaves_at_once() -> None:
    """The moment a kill -9 can hit: after the fork, before the worker asked to die with its parent.
    The worker then sees another parent than the one that forked it (-1 here: no process has it)."""
    worker = subprocess.run([sys.executable, "-c", "from generator import workers; workers._start_worker(-1, None, ());"
                             "import time; time.sleep(60)"], timeout=30)
    assert worker.returncode == 1


def test_workers_die_with_a_killed_parent(tmp_path: Path) -> None:
    pids = tmp_path / "pids"
    parent = subprocess.Popen([sys.executable, "-c", f"""
import os, time
from generator import workers
def work(n):
    with open({str(pids)!r}, "a") as f:
        f.write(f"{{os.getpid()}}\\n")
    time.sleep(60)
list(workers.parallel_map(work, range(2), 2))
"""])
    deadline = time.monotonic() + 30
    while len(pids.read_text().split() if pids.exists() else []) < 2:
        assert time.monotonic() < deadline, "the workers never started"
        time.sleep(0.05)
    parent.send_signal(signal.SIGKILL)
    parent.wait(timeout=30)
    deadline = time.monotonic() + 5
    while alive := [pid for pid in map(int, pids.read_text().split()) if _running(pid)]:
        assert time.monotonic() < deadline, f"workers {alive} outlived their killed parent"
        time.sleep(0.05)


def _running(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/stat").read_text().split(") ")[-1][0] != "Z"  # a zombie is already dead
