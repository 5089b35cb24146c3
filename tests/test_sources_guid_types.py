"""Posts saved without their `type` (`?_fields=id,title,content,guid`): the guid names a page's or a custom type's
(sources/guid_types.py); every such page and custom post was imported as a post."""

from __future__ import annotations

import json
from pathlib import Path

from generator.importer import run_import
from generator.sources.guid_types import guid_type
from tests.conftest import rest_item as item


def test_the_guid_names_a_page_or_a_custom_type_and_a_post_or_permalink_names_none() -> None:
    assert guid_type("https://harbour.example/?page_id=12") == "page"
    assert guid_type("https://harbour.example/?post_type=news-archive&#038;p=14822") == "news-archive"
    assert guid_type("https://harbour.example/?post_type=_cty_people&p=3") == "_cty_people"
    assert guid_type("https://harbour.example/?post_type=../etc&p=3") is None
    assert guid_type("https://harbour.example/?p=7") is guid_type("https://harbour.example/ferries/") is None
    assert guid_type("") is None


def test_posts_saved_without_their_type_are_imported_as_the_type_their_guid_names(tmp_path: Path) -> None:
    def saved(ident: int, slug: str, guid: str) -> dict[str, object]:
        post = {**item(id=ident, slug=slug, guid={"rendered": guid}), "link": f"https://harbour.example/{slug}/"}
        return {key: value for key, value in post.items() if key != "type"}
    (tmp_path / "in").mkdir()
    (tmp_path / "in" / "items.json").write_text(json.dumps([
        saved(12, "timetable", "https://harbour.example/?page_id=12"),
        saved(13, "ferry-strike", "https://harbour.example/?p=13"),
        saved(14, "night-crossing", "https://harbour.example/?post_type=news-archive&#038;p=14")]))
    result = run_import([tmp_path / "in"], tmp_path / "content")
    assert sorted(p.path for p in result.posts) == [
        "news-archive/night-crossing.md", "page/timetable.md", "post/ferry-strike.md"]
