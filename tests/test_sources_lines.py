"""Saved JSON that holds several values one after another: JSON Lines from a crawler or `jq -c '.[]'`, and pages
that `curl '…/posts?page=[1-3]' > posts.json` wrote into one file. Both were refused whole ("Extra data"), or
not read at all (`*.jsonl`), and every post in them was lost."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer import run_import
from generator.sources.saved import read_items
from generator.sources.wp_json import load
from tests.conftest import rest_item

POSTS = [rest_item(id=n, slug=f"post-{n}", link=f"https://example.com/post-{n}/") for n in range(1, 6)]


def ids(folder: Path) -> list[int]:
    items, problems = read_items([folder])
    assert problems == []
    return sorted(item.data["id"] for item in items)


def test_json_lines_are_read_an_object_a_line(tmp_path: Path) -> None:
    lines = "".join(json.dumps(post) + "\n" for post in POSTS)
    (tmp_path / "posts.jsonl").write_text(lines, encoding="utf-8")
    (tmp_path / "more.ndjson.gz").write_bytes(gzip.compress(lines.replace('"id": ', '"id": 1').encode()))
    assert ids(tmp_path) == [1, 2, 3, 4, 5, 11, 12, 13, 14, 15]


def test_pages_saved_one_after_another_in_one_file_are_read(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_text(json.dumps(POSTS[:2]) + json.dumps(POSTS[2:4]) + "\n" + json.dumps(POSTS[4:]),
                                         encoding="utf-8")
    content = tmp_path / "content"
    result = run_import([tmp_path / "posts.json"], content)
    assert result.problems == [] and len(result.posts) == 5
    assert sorted(p.name for p in (content / "post").iterdir()) == [f"post-{n}.md" for n in range(1, 6)]


def test_a_broken_line_is_named_where_it_breaks_and_text_after_json_is_extra_data(tmp_path: Path) -> None:
    (tmp_path / "posts.jsonl").write_text(json.dumps(POSTS[0]) + '\n{"id": 2, oops}\n', encoding="utf-8")
    _, problems = read_items([tmp_path])
    assert [p.message for p in problems] == [
        "not valid JSON: line 2 column 11: Expecting property name enclosed in double quotes"]
    (tmp_path / "posts.jsonl").write_text(json.dumps(POSTS) + "\nSaved by my crawler\n", encoding="utf-8")
    _, problems = read_items([tmp_path])
    assert [p.message for p in problems] == ["not valid JSON: line 2 column 1: Extra data"]


def test_pages_a_crawler_saved_with_their_query_in_the_name_are_read(tmp_path: Path) -> None:
    """wget saves `…/wp-json/wp/v2/posts/?page=2` as `posts/index.html?page=2` (`index.html@page=2` with
    Windows names); their suffix is `.html?page=2`, and they were passed over."""
    folder = tmp_path / "site.com" / "wp-json" / "wp" / "v2" / "posts"
    folder.mkdir(parents=True)
    (folder / "index.html").write_text(json.dumps(POSTS[:2]), encoding="utf-8")
    (folder / "index.html?page=2").write_text(json.dumps(POSTS[2:4]), encoding="utf-8")
    (folder / "index.html@page=3").write_text(json.dumps(POSTS[4:]), encoding="utf-8")
    (tmp_path / "posts.json?page=9").write_text(json.dumps([rest_item(id=9, slug="nine")]), encoding="utf-8")
    (tmp_path / "logo@2x.png").write_bytes(b"\x89PNG\r\n")
    assert ids(tmp_path) == [1, 2, 3, 4, 5, 9]


OBJECTS = st.dictionaries(st.sampled_from(["id", "title", "slug"]), st.integers() | st.text(max_size=5), max_size=3)


@settings(max_examples=60, deadline=None)
@given(st.lists(OBJECTS | st.lists(OBJECTS, max_size=3), min_size=1, max_size=6),
       st.lists(st.sampled_from(["", " ", "\n", "\r\n", "\t\n "]), min_size=6, max_size=6))
def test_values_one_after_another_read_as_their_objects_in_order(values: list, gaps: list[str]) -> None:
    import tempfile
    text = "".join(gap + json.dumps(value) for gap, value in zip(gaps, values))
    expected = [item for value in values for item in (value if isinstance(value, list) else [value])]
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "posts.jsonl"
        path.write_text(text, encoding="utf-8")
        data, problems = load(path)
    assert problems == []
    assert data == (values[0] if len(values) == 1 else expected)
