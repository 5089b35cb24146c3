"""Responses saved inside a wrapper: JSONP (`?_jsonp=`), gzip (a script that saved the bytes as they came)."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest

from generator.sources.saved import read_items

POSTS = [{"id": 7, "type": "post", "title": {"rendered": "Harbour"}, "content": {"rendered": "<p>Cranes.</p>"}}]


@pytest.mark.parametrize("name, text", [
    ("posts.json", "/**/showPosts(" + json.dumps(POSTS) + ")"),  # as WordPress writes it for ?_jsonp=showPosts
    ("posts?_jsonp=cb", "/**/cb(" + json.dumps(POSTS) + ");\n"),  # saved under the address asked, no extension
    ("posts.json", "jQuery3510_1.cb (\n" + json.dumps(POSTS, indent=2) + "\n);"),
])
def test_a_jsonp_response_is_read_as_the_json_it_wraps(tmp_path: Path, name: str, text: str) -> None:
    (tmp_path / name).write_text(text)
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(7, "post")]


@pytest.mark.parametrize("name", ["posts.json", "posts.json.gz"])
def test_a_gzipped_response_is_read_as_the_json_it_holds(tmp_path: Path, name: str) -> None:
    (tmp_path / name).write_bytes(gzip.compress(json.dumps(POSTS).encode()))
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(7, "post")]


def test_a_gzipped_response_cut_short_is_reported_by_name(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_bytes(gzip.compress(json.dumps(POSTS).encode())[:-12])
    items, problems = read_items([tmp_path])
    assert items == []
    assert "posts.json: gzip data cut short" in str(problems[0])
