"""What a rebuild after one edit reads and writes of the build cache: only the cache's changes are saved,
they are read back to the cache the build had, they never apply to another build.json, and the templates are
not parsed again, nor terms.yaml, while none changed. The site's bytes are those of a clean build all the same."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import orjson
import pytest

from generator.builder import BuildSession, run_build
from generator.output import build_cache, stages
from generator.output.loading import META_LENGTH
from generator.render.templates import Templates
from generator.store.import_cache import CACHE_DIR
from generator.store.terms import read_terms
from tests.site_reading import tree
from tests.test_incremental import Project, body_edit


def _saved(project: Project, rendered: int | None = None) -> BuildSession:
    """A build that keeps the cache it saved, as `newsmirror serve` does."""
    session = BuildSession()
    result = run_build(project.config(), session=session)
    assert result.problems == [] and session.cache is not None
    assert rendered is None or result.rendered == rendered
    return session


def _read_back(project: Project, session: BuildSession) -> None:
    """The cache as loaded is the one saved, its pages in the same order (the stamp lists them in it)."""
    assert session.cache is not None
    loaded = build_cache.load(project.content)
    assert loaded == session.cache and list(loaded.pages) == list(session.cache.pages)


def _identity(path: Path) -> tuple[int, int, int]:
    found = os.stat(path)
    return found.st_ino, found.st_mtime_ns, found.st_size


def test_an_edited_body_saves_only_the_changes_of_the_cache(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    cache = project.content / CACHE_DIR
    whole = {name: _identity(cache / name) for name in (build_cache.FILE_NAME, build_cache.POSTS_FILE)}
    for sentence in ("More text, edited.", "More text, edited twice."):
        project.change("story-0007", body=project.post("story-0007").body.replace("More text", sentence, 1))
        session = _saved(project, rendered=3)  # its page and its search block's two files: nothing else changed
        assert {name: _identity(cache / name) for name in whole} == whole
        assert (cache / build_cache.CHANGES_FILE).stat().st_size < (cache / build_cache.FILE_NAME).stat().st_size / 5
        _read_back(project, session)
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


def test_many_changes_save_the_whole_cache_again(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(tmp_path)
    project.build()
    cache = project.content / CACHE_DIR
    before = _identity(cache / build_cache.FILE_NAME)
    monkeypatch.setattr(build_cache, "CHANGES_LIMIT", 2)
    body_edit(project)
    session = _saved(project)
    assert _identity(cache / build_cache.FILE_NAME) != before
    assert not (cache / build_cache.CHANGES_FILE).exists()
    _read_back(project, session)


def test_changes_saved_for_another_build_json_are_ignored(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """As when a build is killed after writing build.json whole, before it removed the changes of the old one."""
    project = Project(tmp_path)
    project.build()
    cache = project.content / CACHE_DIR
    body_edit(project)
    project.build()
    shutil.copy(cache / build_cache.CHANGES_FILE, tmp_path / "old-changes")
    monkeypatch.setattr(build_cache, "CHANGES_LIMIT", 0)
    project.change("story-0008", body=project.post("story-0008").body + "\nAnother sentence.\n")
    session = _saved(project)
    shutil.copy(tmp_path / "old-changes", cache / build_cache.CHANGES_FILE)
    _read_back(project, session)
    monkeypatch.undo()
    project.change("story-0009", body=project.post("story-0009").body + "\nA third sentence.\n")
    project.build()
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


def test_templates_are_parsed_again_only_when_one_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(tmp_path)
    project.build()
    parsed: list[str] = []
    find = Templates._find_uses
    monkeypatch.setattr(Templates, "_find_uses", lambda self, name: parsed.append(name) or find(self, name))
    body_edit(project)
    project.build()
    assert parsed == []
    project.user_file("no-templates", "taxonomy.html",
                      '{% extends "base.html" %}{% block main %}<p>mine</p>{% endblock %}\n')
    project.build()
    assert "taxonomy.html" in parsed
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


def test_terms_yaml_is_parsed_again_only_when_it_changed(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    project = Project(tmp_path)
    project.build()
    read: list[Path] = []
    monkeypatch.setattr(stages, "read_terms", lambda content: read.append(content) or read_terms(content))
    body_edit(project)
    project.build()
    assert read == []
    terms = project.content / "terms.yaml"
    terms.write_text(terms.read_text(encoding="utf-8").replace("name: Policy", "name: Public policy"), "utf-8")
    project.build()
    assert read == [project.content]
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


def test_the_content_folder_holds_no_compiled_code(tmp_path: Path) -> None:
    """Content folders are shared through git: a cache there that is loaded as code (Jinja's compiled templates
    are read with marshal and pickle) would let whoever wrote the folder run code in every build."""
    project = Project(tmp_path)
    project.build()
    project.change("story-0007", body=project.post("story-0007").body.replace("More text", "Edited.", 1))
    project.build()
    cache = project.content / CACHE_DIR
    kept = sorted(p.relative_to(cache).as_posix() for p in cache.rglob("*"))
    assert kept and all(name.endswith((".json", ".lock", ".gitignore")) for name in kept), kept


def _older(project: Project) -> None:
    """The cache as the version before this one wrote it (its layout aside)."""
    cache = project.content / CACHE_DIR
    for name in (build_cache.FILE_NAME, build_cache.POSTS_FILE):
        data = orjson.loads((cache / name).read_bytes())
        data["version"] = build_cache.VERSION - 1
        (cache / name).write_bytes(orjson.dumps(data))


def test_a_cache_of_the_version_before_is_made_anew_once_without_a_warning(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    _older(project)
    body_edit(project)
    result = project.build()
    assert result.warnings == () and result.rendered > 3  # every page checked: the edited body's alone is 3
    metas = orjson.loads((project.content / CACHE_DIR / build_cache.POSTS_FILE).read_bytes())
    assert metas["version"] == build_cache.VERSION and {len(meta) for _, meta in metas["metas"].values()} == {META_LENGTH}
    project.change("story-0008", body=project.post("story-0008").body + "\nAnother sentence.\n")
    assert project.build().rendered == 3
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


@pytest.mark.parametrize("name", [build_cache.FILE_NAME, build_cache.POSTS_FILE])
@pytest.mark.parametrize("damage", [
    lambda data: data[:len(data) // 2],  # cut short
    lambda data: b"[]",  # JSON, not the cache's
    lambda data: data.replace(b'"metas":{', b'"metas":[{', 1).replace(b'"files":{', b'"files":[{', 1) + b"]",
    lambda data: b"\xff" + data[1:],  # not UTF-8
], ids=["cut short", "a list", "sections of another shape", "not UTF-8"])
def test_a_damaged_cache_is_made_anew_with_a_warning(tmp_path: Path, name: str, damage) -> None:
    project = Project(tmp_path)
    project.build()
    where = project.content / CACHE_DIR / name
    where.write_bytes(damage(where.read_bytes()))
    body_edit(project)
    result = project.build()
    assert result.problems == []
    assert len(result.warnings) == 1 and str(where) in result.warnings[0] and "could not be read" in result.warnings[0]
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")
    project.change("story-0008", body=project.post("story-0008").body + "\nAnother sentence.\n")
    result = project.build()
    assert result.warnings == () and result.rendered == 3
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean2")
