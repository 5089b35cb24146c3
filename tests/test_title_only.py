"""REST responses of a type that shows only a title: a theme's settings records, skipped rather than refused."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from generator.importer import run_import
from generator.sources.title_only import title_only
from generator.store.documents import document_files

LINKS = {"self": [{"href": "https://media.example/wp-json/wp/v2/management/346"}]}


def record(**fields: object) -> dict[str, object]:
    """A media theme's settings record as REST serves it: no content, excerpt or featured image, an empty `acf`."""
    return {"id": 346, "date": "2023-11-10T04:06:42", "date_gmt": "2023-11-09T19:06:42", "slug": "recommended_top",
            "status": "publish", "type": "management", "link": "https://media.example/management/recommended_top/",
            "title": {"rendered": "Recommended (top page)"}, "template": "", "acf": [], "aioseo_notices": [],
            "_links": LINKS, **fields}


def test_a_settings_record_beside_a_post_is_skipped_and_the_import_succeeds(tmp_path: Path) -> None:
    # A media theme demo's 4 `management` records each stopped its import with "field 'content': missing … nothing
    # to import" (exit 1).
    post = {**record(), "id": 7, "type": "post", "slug": "news", "link": "https://media.example/news/",
            "title": {"rendered": "News"}, "content": {"rendered": "<p>Text.</p>"}}
    (tmp_path / "posts.json").write_text(json.dumps([record(), post]))
    result = run_import([tmp_path / "posts.json"], tmp_path / "content")
    assert not result.problems
    assert [p.stem for p in document_files(tmp_path / "content")] == ["news"]
    assert any("item 346: a record of a type that shows only a title" in line for line in result.skipped)


@pytest.mark.parametrize("fields", [
    {"content": {"rendered": ""}},  # a type with an editor, left empty: a post of an empty body
    {"featured_media": 12},  # a picture under its title
    {"excerpt": {"rendered": "<p>Summary.</p>"}},
    {"acf": {"lede": "What a reader sees."}},  # a field with a value, which the import shows
    {"_links": None},  # saved trimmed (`?_fields=`): the import names what it lacks
])
def test_a_response_that_may_show_something_is_no_title_only_record(fields: dict[str, object]) -> None:
    assert not title_only({k: v for k, v in record(**fields).items() if v is not None})


def test_empty_values_hold_nothing_however_deep() -> None:
    deep: object = ""
    for _ in range(100_000):
        deep = [deep]
    assert title_only(record(meta={"footnotes": ""}, acf=deep, sticky=False))
