"""Text encoded twice in an old WordPress database (UTF-8 read as Windows-1252, then saved as UTF-8 again) is
decoded at import, in every field and in term and author names; real text that only looks alike is left as the
author wrote it."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.mojibake import repaired
from generator.convert.wp_post import to_document
from generator.importer import ImportOptions, run_import
from tests.conftest import rest_item


def encoded_twice(text: str) -> str:
    """What a latin1 table's UTF-8 bytes become once read as Windows-1252 (its five undefined bytes as Latin-1's
    C1 controls, as MySQL's latin1, which is Windows-1252, reads them)."""
    return "".join(chr(b) if b in (0x81, 0x8D, 0x8F, 0x90, 0x9D) else bytes([b]).decode("cp1252")
                   for b in text.encode("utf-8"))


@pytest.mark.parametrize("text", [
    "Gama “Jitters” — produse",  # a right double quote ends in 0x9D, which Windows-1252 leaves undefined
    "Here’s the plan: été, à la plage",
    "Привет, мир",
    "Creative Commons.\xa0Here",
    "20°C in São Paulo",
    "ﬁnal ‘quoted’ – dash … ellipsis ™",
])
def test_text_encoded_twice_is_decoded(text: str) -> None:
    assert repaired(encoded_twice(text)) == text


@pytest.mark.parametrize("text", [
    "NÃO é possível, disse o ministro",  # Portuguese: Ã before a capital
    "Ñandú y señor, en «é» y «à»",
    "Ég heiti Ðóra, Þórður",
    "Tiếng Việt có dấu: Đà Nẵng",
    "Zürich, Łódź, İstanbul, Øresund",
    "中文 “引号” 日本語",
    "prix: 5 €, «\xa0guillemets\xa0»",
])
def test_real_text_that_looks_alike_is_left_as_written(text: str) -> None:
    assert repaired(text) == text


@settings(max_examples=300, deadline=None)
@given(st.text(st.characters(codec="utf-8", exclude_categories=("Cs", "Cc")), max_size=40))
def test_text_never_changes_unless_it_holds_a_lead_and_a_continuation_character(text: str) -> None:
    from generator.convert.mojibake import SUSPECT
    if SUSPECT.search(text) is None:
        assert repaired(text) is text


def test_a_long_hostile_text_is_repaired_in_linear_time() -> None:
    for unit in ("Ã©", "â€œ", "Ã" * 3 + "x"):
        start = time.process_time()
        repaired(unit * 100_000)
        assert time.process_time() - start < 5


def test_the_import_decodes_every_field_and_names_it_in_the_report(tmp_path: Path) -> None:
    saved = tmp_path / "wp-json"
    saved.mkdir()
    post = rest_item(title={"rendered": encoded_twice("“Jitters” arrive")},
                     content={"rendered": f"<p>{encoded_twice('Here’s what’s new — été')}</p>"},
                     excerpt={"rendered": f"<p>{encoded_twice('Über “all”')}</p>"}, categories=[4], author=1)
    (saved / "posts.json").write_text(json.dumps([post]), encoding="utf-8")
    (saved / "categories.json").write_text(json.dumps([{"id": 4, "slug": "stiri", "taxonomy": "category",
                                                        "name": encoded_twice("Știri și opinii")}]), encoding="utf-8")
    (saved / "users.json").write_text(json.dumps([{"id": 1, "name": encoded_twice("Ioana Bălan"), "slug": "ioana",
                                                   "link": "https://example.com/author/ioana/"}]), encoding="utf-8")
    result = run_import([saved], tmp_path / "content", ImportOptions(workers=1))
    text = (tmp_path / "content" / "post" / "hello.md").read_text(encoding="utf-8")
    assert "title: “Jitters” arrive" in text and "summary: Über “all”" in text
    assert "Here’s what’s new — été" in text and "â€" not in text and "Ã" not in text
    terms = (tmp_path / "content" / "terms.yaml").read_text(encoding="utf-8")
    assert "Știri și opinii" in terms
    assert "author: Ioana Bălan" in text
    assert any("text encoded twice" in loss for post in result.posts for loss in post.losses.details)


def test_a_post_without_mojibake_reports_no_decoding() -> None:
    converted = to_document(rest_item(content={"rendered": "<p>NÃO é possível</p>"}))
    assert converted.document.body == "NÃO é possível\n"
    assert not any("encoded twice" in detail for detail in converted.losses.details)
