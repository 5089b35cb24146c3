"""Building on several cores gives the same bytes as building on one, for full and incremental builds."""

from __future__ import annotations

from pathlib import Path

import pytest

from generator.builder import run_build
from generator.output import loading, related, rendering
from tests.site_content import config, many_posts, write_content
from tests.site_reading import tree
from tests.test_incremental import TAXONOMIES, Project, body_edit

BASE = "https://user.github.io/mirror/"


@pytest.fixture
def everything_parallel(monkeypatch: pytest.MonkeyPatch) -> None:
    """Small sites run small stages in this process; here every stage that can use workers does."""
    monkeypatch.setattr(loading, "PARALLEL_FROM", 1)
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
