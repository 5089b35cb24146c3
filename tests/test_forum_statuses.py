"""A bbPress topic closed to new replies is public: bbPress registers its `closed` status so, and every reader saw it."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.importer import run_import
from generator.store.documents import document_files
from tests.test_wxr import export, item


def test_a_closed_forum_topic_is_imported_as_published(tmp_path: Path) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(11, "When to plant tomatoes?", "<p>I live up north.</p>", post_type="topic",
                                status="closed", slug="when-to-plant")
                           + item(12, "Seeds", "<p>Which ones?</p>", post_type="topic", slug="seeds")))
    result = run_import([path], tmp_path / "content")
    assert sorted(p.name for p in document_files(tmp_path / "content")) == ["seeds.md", "when-to-plant.md"]
    assert not result.skipped


@pytest.mark.parametrize(("post_type", "status"), [("post", "closed"), ("topic", "spam"), ("topic", "pending")])
def test_other_closed_posts_and_other_statuses_of_topics_stay_out(tmp_path: Path, post_type: str, status: str) -> None:
    path = tmp_path / "export.xml"
    path.write_text(export(item(11, "Title", "<p>Text.</p>", post_type=post_type, status=status)))
    result = run_import([path], tmp_path / "content")
    assert not list(document_files(tmp_path / "content"))
    assert any(f"status '{status}'" in line for line in result.skipped)


@pytest.mark.parametrize("item", [{"status": []}, {"status": "closed", "type": ["topic"]}, {"status": {}, "type": {}}])
def test_a_status_or_type_that_is_no_text_is_named_and_never_raises(tmp_path: Path, item: dict[str, object]) -> None:
    # The fuzz test's `{"status": []}` raised TypeError (a list is unhashable) when statuses were looked up in a set.
    path = tmp_path / "in.json"
    post = {"id": 7, "date": "2024-03-31T01:30:00", "date_gmt": "2024-03-31T00:30:00", "slug": "t", "type": "post",
            "link": "https://e.com/t/", "title": {"rendered": "T"}, "content": {"rendered": "<p>Text.</p>"}}
    path.write_text(json.dumps([{**post, **item}]))
    run_import([path], tmp_path / "content")
