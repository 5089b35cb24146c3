"""A post's terms are listed with the separator of the site's language (language/lists.py): an Arabic, Persian or
Urdu site's with the Arabic comma, a Chinese or Japanese site's with the ideographic one."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest

from generator.builder import run_build
from generator.language.lists import separator
from tests.site_content import config, post, write_content


@pytest.mark.parametrize(("language", "expected"), [
    ("fa-IR", "، "), ("ar", "، "), ("ur_PK", "، "), ("pa-Arab", "، "), ("pa", ", "), ("zh-Hant-TW", "、"), ("ja", "、"),
    ("am", "፣ "), ("my", "၊ "), ("en-GB", ", "), ("he", ", "), ("hi-IN", ", "), ("", ", ")])
def test_the_separator_is_the_languages(language: str, expected: str) -> None:
    assert separator(language) == expected


def test_a_persian_sites_terms_are_parted_by_the_arabic_comma(tmp_path: Path) -> None:
    """A Persian book site's tags read "except, try", with a Latin comma in a right-to-left line."""
    tagged = post("try", datetime(2017, 7, 22, tzinfo=timezone.utc), title="استفاده از try",
                  taxonomies={"post_tag": ["try", "except"]})
    content = write_content(tmp_path / "content", [tagged], {("post_tag", "try"): "try", ("post_tag", "except"): "except"})
    assert run_build(config(tmp_path, content, site={"language": "fa-IR"})).problems == []
    page = (tmp_path / "site" / "news-archive" / "try" / "index.html").read_text(encoding="utf-8")
    assert '<a href="../../post_tag/try/index.html">try</a>، <a href="../../post_tag/except/index.html">except</a>' in page
