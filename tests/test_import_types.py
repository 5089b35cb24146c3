"""`import --types`: only the post types asked for are imported. A database dump holds every type, among them
those in which a theme keeps its visitors' form submissions as posts (`contact`, `enquiry`), which would otherwise
become public pages."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from generator.import_result import ImportOptions
from generator.importer import run_import
from tests.conftest import rest_item

ITEMS = [rest_item(id=1, slug="news", type="post"), rest_item(id=2, slug="about", type="page"),
         rest_item(id=3, slug="jane-asks", type="enquiry", title={"rendered": "Jane Doe, jane@example.com"}),
         rest_item(id=4, slug="ada", type="_cty_people", link="https://example.com/people/ada/")]


def saved(tmp_path: Path) -> Path:
    path = tmp_path / "posts.json"
    path.write_text(json.dumps(ITEMS), encoding="utf-8")
    return path


def test_only_the_types_asked_for_are_imported(tmp_path: Path) -> None:
    content = tmp_path / "content"
    result = run_import([saved(tmp_path)], content, ImportOptions(types=frozenset({"post", "page", "cty_people"})))
    assert result.problems == []
    assert sorted(p.relative_to(content).as_posix() for p in content.rglob("*.md")) == [
        "cty_people/ada.md", "page/about.md", "post/news.md"]
    assert [line for line in result.skipped if "enquiry" in line] == [
        f"{tmp_path / 'posts.json'}: item 3: type 'enquiry', not among --types"]


def test_posts_of_types_left_out_are_not_taken_for_removed_upstream(tmp_path: Path) -> None:
    content = tmp_path / "content"
    run_import([saved(tmp_path)], content)
    enquiry = (content / "enquiry" / "jane-asks.md").read_bytes()
    run_import([saved(tmp_path)], content, ImportOptions(types=frozenset({"post"}), prune=True))
    assert (content / "enquiry" / "jane-asks.md").read_bytes() == enquiry
    assert (content / "page" / "about.md").exists()


def test_a_type_the_input_does_not_hold_is_named_and_the_import_exits_1(tmp_path: Path) -> None:
    ran = subprocess.run([sys.executable, "-m", "generator", "import", str(saved(tmp_path)), "--content",
                          str(tmp_path / "content"), "--types", "post,posts"],
                         capture_output=True, text=True, timeout=120, cwd=tmp_path)
    assert ran.returncode == 1
    assert ("--types: no post of type 'posts' in the input (its types: _cty_people, enquiry, page, post)"
            in ran.stderr)
    assert sorted(p.name for p in (tmp_path / "content").rglob("*.md")) == ["news.md"]
