"""Pages of a collection saved together in one file, as a script collects them before writing."""

from __future__ import annotations

import json
from pathlib import Path

from generator.sources.saved import read_items


def _post(ident: int) -> dict:
    return {"id": ident, "title": {"rendered": f"Post {ident}"}, "content": {"rendered": "<p>x</p>"}, "type": "post"}


def test_a_list_of_pages_is_read_as_the_posts_of_every_page(tmp_path: Path) -> None:
    """`JSON.stringify(await Promise.all(pages))` writes `[[page 1], [page 2], []]`."""
    (tmp_path / "posts.json").write_text(json.dumps([[_post(1), _post(2)], [_post(3)], []]))
    items, problems = read_items([tmp_path])
    assert problems == []
    assert [(i.data["id"], i.kind) for i in items] == [(1, "post"), (2, "post"), (3, "post")]


def test_a_list_mixing_pages_and_posts_is_still_reported(tmp_path: Path) -> None:
    (tmp_path / "posts.json").write_text(json.dumps([_post(1), [_post(2)]]))
    items, problems = read_items([tmp_path])
    assert [i.data["id"] for i in items] == [1]
    assert "posts.json: item #1: expected a JSON object, got list" in str(problems[0])
