"""Incremental builds: after any edit, a rebuild gives the site a clean build gives, byte for byte, and
rewrites only the files whose bytes change; a rebuild with nothing changed writes nothing at all."""

from __future__ import annotations

import dataclasses
import os
import shutil
from collections.abc import Callable
from datetime import timedelta
from pathlib import Path

from generator.builder import BuildResult, run_build
from generator.convert.document import Document
from generator.store.documents import document_path, loads, write_document
from generator.store.import_cache import CACHE_DIR
from tests.site_content import SOURCE_SITE, config, many_posts, write_content
from tests.site_reading import tree

TAXONOMIES = {"news-type": "News type", "organization": "Organizations", "regions": "Regions"}
BASE = "https://user.github.io/mirror/"
MARKER = ".nojekyll"  # written anew by every build that changes the site: it marks the spare folder's state


class Project:
    """A content folder, a theme folder and a configuration, built the way a user would build them."""

    def __init__(self, root: Path, posts: int = 40) -> None:
        self.root = root
        documents, self.names = many_posts(posts, seed=3)
        self.content = write_content(root / "content", documents, self.names)
        self.settings: dict = {"site": {"base_url": BASE}, "build": {"posts_per_page": 5, "jobs": 1}}
        _age(self.content)

    def config(self, root: Path | None = None, content: Path | None = None):
        return config(root or self.root, content or self.content, TAXONOMIES, **self.settings)

    def build(self) -> BuildResult:
        result = run_build(self.config())
        assert result.problems == [], result.problems
        return result

    def clean_build(self, where: Path) -> dict[str, bytes]:
        """The same content, templates, static files and settings built with no cache and no earlier site."""
        shutil.copytree(self.content, where / "content", ignore=shutil.ignore_patterns(CACHE_DIR))
        for folder in ("no-templates", "no-static"):
            if (self.root / folder).exists():
                shutil.copytree(self.root / folder, where / folder)
        run_build(config(where, where / "content", TAXONOMIES, **self.settings))
        return tree(where / "site")

    def post(self, slug: str) -> Document:
        return loads((self.content / "news-archive" / f"{slug}.md").read_text(encoding="utf-8"))

    def change(self, name: str, **fields: object) -> None:
        old = self.post(name)
        new = dataclasses.replace(old, **fields)
        write_document(self.content, new)
        if document_path(self.content, new) != document_path(self.content, old):
            document_path(self.content, old).unlink()

    def user_file(self, folder: str, path: str, text: str) -> None:
        target = self.root / folder / path
        target.parent.mkdir(parents=True, exist_ok=True)
        target.write_text(text, encoding="utf-8")


def _age(folder: Path) -> None:
    """Files written just now have a stat the build does not trust yet (a second change could hide in the
    same clock tick), so a fresh test folder is aged, as files a user edited a while ago would be."""
    old = os.stat(folder).st_mtime - 60
    for path in folder.rglob("*"):
        os.utime(path, (old, old))


def files_on_disk(site: Path) -> dict[str, tuple[int, int]]:
    """path -> (inode, mtime_ns): a file rewritten gets a new inode."""
    return {p.relative_to(site).as_posix(): (p.stat().st_ino, p.stat().st_mtime_ns)
            for p in sorted(site.rglob("*")) if p.is_file()}


def body_edit(project: Project) -> None:
    post = project.post("story-0007")
    project.change("story-0007", body=post.body.replace("More text.", "More text, edited."))


EDITS: list[tuple[str, Callable[[Project], None]]] = [
    ("one sentence of a body", body_edit),
    ("a title", lambda p: p.change("story-0011", title="A new title")),
    ("a summary and an author", lambda p: p.change("story-0012", summary="Changed.", author="Someone Else")),
    ("a date that moves the post to another month and list page",
     lambda p: p.change("story-0013", date=p.post("story-0013").date - timedelta(days=200))),
    ("the terms of a post", lambda p: p.change("story-0014", taxonomies={"news-type": ("policy",),
                                                                         "regions": ("japan", "brazil")})),
    ("a slug, which renames the file", lambda p: p.change("story-0015", slug="story-renamed")),
    ("a post removed, which other posts link to", lambda p: (p.content / "news-archive/story-0016.md").unlink()),
    ("a post added that an existing link points at",
     lambda p: write_document(p.content, dataclasses.replace(
         p.post("story-0017"), slug="story-0016", title="Back again",
         source=dataclasses.replace(p.post("story-0017").source, id=5016, url=f"{SOURCE_SITE}story-0016/",
                                    guid="https://example.com/?p=5016")))),
    ("a term's name in terms.yaml",
     lambda p: (p.content / "terms.yaml").write_text(
         (p.content / "terms.yaml").read_text().replace("name: Policy", "name: Public policy"))),
    ("a user template for term and home lists",
     lambda p: p.user_file("no-templates", "list.html",
                           '{% extends "base.html" %}{% block main %}<h1>{{ heading }}</h1>'
                           '{% for p in posts %}<a href="{{ p.href }}">{{ p.title }}</a>{% endfor %}'
                           '{% endblock %}\n')),
    ("a user stylesheet", lambda p: p.user_file("no-static", "css/site.css", "body { color: teal; }\n")),
    ("posts per page", lambda p: p.settings["build"].update(posts_per_page=7)),
    ("the site title", lambda p: p.settings.setdefault("site", {}).update(title="Another title")),
    ("no base URL, so no feeds or sitemap", lambda p: p.settings["site"].update(base_url="")),
    ("fewer related posts", lambda p: p.settings["build"].update(related_posts=2)),
]


def test_every_edit_rebuilds_to_what_a_clean_build_gives(tmp_path: Path) -> None:
    project = Project(tmp_path / "project")
    project.build()
    for number, (name, edit) in enumerate(EDITS):
        before = tree(project.root / "site")
        on_disk = files_on_disk(project.root / "site")
        edit(project)
        project.build()
        after = tree(project.root / "site")
        assert after == project.clean_build(tmp_path / f"clean-{number}"), f"after an edit of {name}"
        assert after != before, f"the edit of {name} changed nothing: the test would prove nothing"
        now = files_on_disk(project.root / "site")
        rewritten = {p for p in now if p in on_disk and now[p] != on_disk[p]} - {MARKER}
        changed = {p for p in after if p in before and after[p] != before[p]}
        assert rewritten == changed, f"after an edit of {name}, files rewritten with the same bytes"


def test_a_rebuild_with_nothing_changed_reads_and_writes_nothing(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    everything = [tmp_path / "site", tmp_path / "site.staging", project.content]
    before = {folder: files_on_disk(folder) for folder in everything}
    result = project.build()
    assert result.unchanged and result.written == 0 and result.rendered == 0
    assert {folder: files_on_disk(folder) for folder in everything} == before
    assert [stage for stage, _ in result.stages] == ["scan"]


def test_editing_one_body_renders_only_that_post_page(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    before = files_on_disk(tmp_path / "site")
    body_edit(project)
    result = project.build()
    assert (result.rendered, result.written) == (1, 1)
    now = files_on_disk(tmp_path / "site")
    assert {p for p in now if now[p] != before.get(p)} == {"news-archive/story-0007/index.html", MARKER}


def test_a_changed_template_renders_the_pages_that_use_it_and_no_others(tmp_path: Path) -> None:
    project = Project(tmp_path)
    first = project.build()
    project.user_file("no-templates", "taxonomy.html",
                      '{% extends "base.html" %}{% block main %}<p>mine</p>{% endblock %}\n')
    result = project.build()
    assert result.rendered == len(TAXONOMIES) and result.written == len(TAXONOMIES)
    project.user_file("no-templates", "base.html", _theme("base.html").replace("</footer>", "<p>extra</p></footer>"))
    assert project.build().rendered == first.pages  # every page extends base.html; feeds and the rest do not


def _theme(name: str) -> str:
    return (Path(__file__).resolve().parents[1] / "templates" / name).read_text(encoding="utf-8")


def test_the_cache_can_be_deleted_at_any_time(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    before = tree(tmp_path / "site")
    shutil.rmtree(project.content / CACHE_DIR)
    result = project.build()
    assert not result.unchanged and tree(tmp_path / "site") == before
    body_edit(project)
    shutil.rmtree(project.content / CACHE_DIR)
    project.build()
    assert tree(tmp_path / "site") == project.clean_build(tmp_path / "clean")


def test_pages_edited_or_deleted_by_hand_in_the_site_are_restored(tmp_path: Path) -> None:
    project = Project(tmp_path)
    project.build()
    before = tree(tmp_path / "site")
    (tmp_path / "site/index.html").write_text("vandalised")
    (tmp_path / "site/news-archive/story-0003/index.html").unlink()
    assert not project.build().unchanged
    assert tree(tmp_path / "site") == before


def test_a_bad_post_is_reported_again_by_a_rebuild_that_changes_nothing(tmp_path: Path) -> None:
    project = Project(tmp_path)
    (project.content / "news-archive/broken.md").write_text("---\ntitle: [unclosed\n---\nBody\n")
    _age(project.content)
    first = run_build(project.config())
    again = run_build(project.config())
    assert again.unchanged
    assert [str(p) for p in again.problems] == [str(p) for p in first.problems] != []
    assert "broken.md" in str(first.problems[0])


def test_the_build_lists_and_reads_posts_as_the_content_store_does(tmp_path: Path) -> None:
    """The build reads bodies without the store's slower code; both must agree, and skip the same files."""
    from generator.output.inputs import find_inputs
    from generator.output.loading import read_body
    from generator.store.documents import document_files

    project = Project(tmp_path, posts=5)
    news = project.content / "news-archive"
    (news / "windows.md").write_bytes(
        (news / "story-0001.md").read_bytes().replace(b"\n", b"\r\n") + b"\r\n---\r\nafter a rule\r\n")
    (news / "no-body.md").write_text((news / "story-0002.md").read_text().split("\n---\n")[0] + "\n---\n")
    for hidden in (news / ".draft.md", news / "_skip.md", project.content / "_private/x.md",
                   project.content / ".hidden/y.md"):
        hidden.parent.mkdir(exist_ok=True)
        hidden.write_text("---\ntitle: x\n---\n")
    listed = [str(p) for p in document_files(project.content)]
    assert list(find_inputs(project.config()).posts) == listed
    assert [Path(p).name for p in listed] == sorted([*(f"story-{n:04d}.md" for n in range(5)),
                                                     "no-body.md", "windows.md"])
    for path in document_files(project.content):
        assert read_body(path) == loads(path.read_text(encoding="utf-8")).body, path.name


def test_progress_is_reported_for_every_file_rendered(tmp_path: Path) -> None:
    project = Project(tmp_path, posts=8)
    seen: list[tuple[str, int, int]] = []
    result = run_build(project.config(), progress=lambda stage, done, total: seen.append((stage, done, total)))
    assert seen == [("render", n, result.rendered) for n in range(1, result.rendered + 1)]
    assert [stage for stage, _ in result.stages] == ["scan", "load", "group", "relate", "plan", "render", "swap"]
