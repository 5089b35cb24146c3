"""Shared paths and fixtures. Material from ../shared is optional: tests that need it skip."""

from __future__ import annotations

import os
import shutil
from pathlib import Path
from typing import Any

import pytest
from hypothesis import settings

from generator.builder import run_build
from generator.config import Config, parse_config
from generator.store.history import LOG
from generator.store.import_cache import CACHE_DIR

# No property test has a deadline: a deadline is a timing, which fails a correct converter on a loaded machine
# (200 ms exceeded at a load of 17 on 2 cores); speed is measured by bench/, never by a test.
settings.register_profile("newsmirror", deadline=None)
settings.load_profile("newsmirror")

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"
SAMPLE_JSON = SHARED / "samples" / "wp-rest" / "news-archive-14822.json"
SITECHECK = SHARED / "tools" / "sitecheck.py"


def need_shared(path: Path) -> Path:
    if not path.exists():
        pytest.skip(f"{path} is absent: it comes with the developers' ../shared folder, not with the project")
    return path


def rest_item(**fields: object) -> dict[str, object]:
    """A minimal published WordPress REST post; keyword arguments replace or add fields."""
    base: dict[str, object] = {
        "id": 7, "date": "2024-03-31T01:30:00", "date_gmt": "2024-03-31T00:30:00",
        "modified": "2024-07-01T12:00:00", "modified_gmt": "2024-07-01T10:00:00",
        "slug": "hello", "status": "publish", "type": "post", "link": "https://example.com/hello/",
        "guid": {"rendered": "https://example.com/?p=7"}, "title": {"rendered": "Hello"},
        "content": {"rendered": "<p>Body</p>"}, "excerpt": {"rendered": "<p>Sum</p>"},
    }
    base.update(fields)
    return base


def refuse_listing(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Make a folder named `name` one that cannot be listed (Permission denied), as chmod 000 would for a user
    other than root, which this machine may run as."""
    scandir = os.scandir

    def refusing(path: Any = ".") -> Any:
        if Path(path).name == name:
            raise PermissionError(13, "Permission denied", str(path))
        return scandir(path)

    monkeypatch.setattr(os, "scandir", refusing)


def content_tree(content: Path) -> dict[str, bytes]:
    """The files of a content folder a user commits (the import cache keeps itself out of git)."""
    return {p.relative_to(content).as_posix(): p.read_bytes() for p in sorted(content.rglob("*"))
            if p.is_file() and CACHE_DIR not in p.relative_to(content).parts}


def without_log(content: Path) -> dict[str, bytes]:
    """content_tree without content/changes.yaml, which tells what each run, killed or not, changed."""
    return {path: data for path, data in content_tree(content).items() if path != LOG}


def config_for(tmp_path: Path, content: Path | None = None, base_url: str = "", **site: str) -> Config:
    """A configuration that builds `content` (default: the shipped sample) into tmp_path/site."""
    paths = {"content": str(content or REPO / "content"), "templates": str(REPO / "templates"),
             "static": str(REPO / "static"), "output": str(tmp_path / "site")}
    return parse_config({"site": {"base_url": base_url, **site}, "paths": paths}, "test", tmp_path)


@pytest.fixture(scope="session")
def sample_site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The shipped sample content, built once for all tests that only read the result."""
    tmp = tmp_path_factory.mktemp("sample")
    result = run_build(config_for(tmp))
    assert result.problems == []
    return tmp / "site"


@pytest.fixture
def sample_content(tmp_path: Path) -> Path:
    """A writable copy of the shipped content folder."""
    return Path(shutil.copytree(REPO / "content", tmp_path / "content"))
