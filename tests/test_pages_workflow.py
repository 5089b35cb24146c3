"""The GitHub Pages workflow as a user relies on it: it builds with the address Pages gives, keeps the build
cache between runs, publishes site/, and deploys only after the build, with the permissions Pages needs."""

from __future__ import annotations

import re
from typing import Any

import pytest
import yaml

from generator.config import load_config
from tests.conftest import REPO

WORKFLOW = REPO / ".github" / "workflows" / "pages.yml"


@pytest.fixture(scope="module")
def workflow() -> dict[Any, Any]:
    return yaml.safe_load(WORKFLOW.read_text(encoding="utf-8"))


def step(job: dict[str, Any], action: str) -> dict[str, Any]:
    found = [s for s in job["steps"] if s.get("uses", "").split("@")[0] == action]
    assert len(found) == 1, f"expected one {action} step"
    return found[0]


def run_step(job: dict[str, Any], command: str) -> dict[str, Any]:
    found = [s for s in job["steps"] if command in s.get("run", "")]
    assert len(found) == 1, f"expected one step that runs {command!r}"
    return found[0]


def test_runs_on_push_to_main_and_by_hand(workflow: dict[Any, Any]) -> None:
    triggers = workflow[True]  # YAML 1.1 reads the key `on` as True
    assert triggers["push"]["branches"] == ["main"]
    assert "workflow_dispatch" in triggers
    assert workflow["concurrency"]["group"] == "pages"


def test_has_the_permissions_pages_needs_and_no_more(workflow: dict[Any, Any]) -> None:
    assert workflow["permissions"] == {"contents": "read", "pages": "write", "id-token": "write"}


def test_builds_with_the_address_configure_pages_gives(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]
    names = [s.get("uses", s.get("run", "")).split("@")[0] for s in build["steps"]]
    pages = step(build, "actions/configure-pages")
    building = run_step(build, "newsmirror build")
    assert names.index("actions/configure-pages") < build["steps"].index(building)
    # The address comes without a trailing slash, and the build is given it with one.
    variable = next(name for name, value in building["env"].items()
                    if value == f"${{{{ steps.{pages['id']}.outputs.base_url }}}}")
    assert f'--base-url "${variable}/"' in building["run"]


def test_the_installed_project_is_what_builds(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]
    install = run_step(build, "pip install")
    assert re.search(r"pip install (-e )?\.(\s|$)", install["run"])
    version = step(build, "actions/setup-python")["with"]["python-version"]
    assert tuple(map(int, str(version).split("."))) >= (3, 11)


def test_keeps_the_build_cache_and_the_last_site_between_runs(workflow: dict[Any, Any]) -> None:
    build = workflow["jobs"]["build"]
    cache = step(build, "actions/cache")
    building = run_step(build, "newsmirror build")
    assert build["steps"].index(cache) < build["steps"].index(building)
    paths = cache["with"]["path"].split()
    assert "content/.newsmirror-cache" in paths and "site" in paths
    key, restore = cache["with"]["key"], cache["with"]["restore-keys"].splitlines()
    for folder in ("content/**", "templates/**", "static/**"):
        assert f"'{folder}'" in key
    assert len(restore) == 1 and key.startswith(restore[0]) and "hashFiles" not in restore[0]


def test_the_cached_folders_are_where_the_build_puts_them(monkeypatch: pytest.MonkeyPatch) -> None:
    """The workflow builds from the repository's root with its configuration (newsmirror.toml, or the
    defaults), so the folders it caches and publishes must be the configured ones."""
    monkeypatch.chdir(REPO)
    config = load_config(None)
    assert config.path("output").resolve() == REPO / "site"
    assert config.path("content").resolve() == REPO / "content"


def test_publishes_site_and_deploys_after_the_build(workflow: dict[Any, Any]) -> None:
    build, deploy = workflow["jobs"]["build"], workflow["jobs"]["deploy"]
    assert step(build, "actions/upload-pages-artifact")["with"]["path"].rstrip("/") == "site"
    assert deploy["needs"] == "build" or deploy["needs"] == ["build"]
    assert deploy["environment"]["name"] == "github-pages"
    deploying = step(deploy, "actions/deploy-pages")
    assert deploy["environment"]["url"] == f"${{{{ steps.{deploying['id']}.outputs.page_url }}}}"


def test_uses_current_major_versions_of_the_actions(workflow: dict[Any, Any]) -> None:
    current = {"actions/checkout": 7, "actions/setup-python": 7, "actions/configure-pages": 6, "actions/cache": 6,
               "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}
    used = {s["uses"].split("@")[0]: s["uses"].split("@")[1] for job in workflow["jobs"].values()
            for s in job["steps"] if "uses" in s}
    assert used == {action: f"v{major}" for action, major in current.items()}
