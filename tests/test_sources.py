"""Reading saved REST responses: shapes, folders, and broken files reported by name."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.sources.wp_json import kind_of, read_items


def test_single_object_list_and_folder_tree_in_sorted_order(tmp_path: Path) -> None:
    (tmp_path / "b").mkdir()
    (tmp_path / "b" / "posts__page=2.json").write_text(json.dumps([{"id": 3}, {"id": 4}]))
    (tmp_path / "a.json").write_text(json.dumps({"id": 1}))
    (tmp_path / "notes.txt").write_text("not json")
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(Path(i.file).name, i.index, i.data["id"]) for i in items] == [
        ("a.json", None, 1), ("posts__page=2.json", 0, 3), ("posts__page=2.json", 1, 4)]


def test_broken_files_are_reported_and_the_others_still_read(tmp_path: Path) -> None:
    (tmp_path / "1-bad.json").write_text('{"id": 1,,}')
    (tmp_path / "2-binary.json").write_bytes(b"\x89PNG\r\n\x1a\n\xff\xfe")
    (tmp_path / "3-scalar.json").write_text("42")
    (tmp_path / "4-mixed.json").write_text(json.dumps([{"id": 5}, "oops"]))
    items, problems = read_items([tmp_path])
    assert [i.data["id"] for i in items] == [5]
    messages = [str(p) for p in problems]
    assert "1-bad.json: not valid JSON: line 1 column 10" in messages[0]
    assert "2-binary.json: not UTF-8 text" in messages[1]
    assert "3-scalar.json: expected a JSON object or a list" in messages[2]
    assert "4-mixed.json: item #1: expected a JSON object, got str" in messages[3]


def test_saved_responses_without_an_extension_are_read_when_they_hold_json(tmp_path: Path) -> None:
    (tmp_path / "posts?page=2").write_text(json.dumps([{"id": 1, "title": {}, "content": {}, "type": "post"}]))
    (tmp_path / "README").write_text("not json")
    (tmp_path / ".hidden.json").write_text("{}")
    items, problems = read_items([tmp_path])
    assert problems == [] and [Path(i.file).name for i in items] == ["posts?page=2"]


@pytest.mark.parametrize("data, kind", [
    ({"id": 1, "title": {}, "content": {}, "type": "post"}, "post"),
    ({"id": 1, "slug": "x", "type": "post", "link": "https://e.com/x"}, "post"),
    ({"id": 2, "parent": 1, "title": {}, "content": {}}, "revision"),
    ({"id": 3, "post": 1, "author_name": "A", "content": {}}, "comment"),
    ({"id": 4, "slug": "china", "name": "China", "taxonomy": "regions"}, "term"),
    ({"id": 5, "name": "Ana", "slug": "ana", "avatar_urls": {}}, "user"),
    ({"id": 6, "source_url": "https://e.com/a.jpg", "media_type": "image", "title": {}}, "media"),
    ({"category": {"slug": "category", "rest_base": "categories", "types": ["post"]}}, "taxonomies"),
    ({"title": "Site", "url": "https://e.com", "timezone": "UTC", "date_format": "F j"}, "site"),
    ({"name": "package", "version": "1.0"}, "other"),
])
def test_each_kind_of_wordpress_response_is_recognised(data: dict, kind: str) -> None:
    assert kind_of(data) == kind
