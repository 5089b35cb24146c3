"""A post's own language, kept where a multilingual plugin gave one (Polylang, WPML): the page and the cards
of a post in another language than the site's say which, so that a screen reader reads it in the right voice
and the text runs the way its language is written."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.convert.document import Term
from generator.convert.post_language import language_tag, post_language
from generator.convert.wp_post import to_document
from generator.problems import ItemError
from generator.store.documents import dumps, loads
from tests.conftest import rest_item
from tests.site_content import config, post, write_content

WHEN = datetime(2025, 11, 18, 14, 20, tzinfo=timezone.utc)


@pytest.mark.parametrize(("data", "terms", "expected"), [
    ({"lang": "fr"}, [], "fr"),  # Polylang Pro's REST field
    ({"wpml_current_locale": "pt_BR"}, [], "pt-BR"),  # WPML's, a WordPress locale
    ({}, [Term("language", "fa", "فارسی")], "fa"),  # Polylang's taxonomy, in an export or in _embedded
    ({}, [Term("language", "zh-hant-tw")], "zh-Hant-TW"),
    ({}, [Term("language", "php")], ""),  # a taxonomy of programming languages, not Polylang's
    ({}, [Term("language", "en"), Term("language", "de")], ""),  # Polylang gives a post one language
    ({"lang": "english"}, [], ""),
    ({"lang": 7, "wpml_current_locale": "de_DE"}, [], "de-DE"),
    ({}, [Term("category", "en")], ""),
])
def test_the_language_a_plugin_gave_a_post_is_kept_when_it_is_a_language(data: dict, terms: list[Term],
                                                                           expected: str) -> None:
    assert post_language(data, terms) == expected


def test_language_tags_are_written_as_bcp_47_has_them() -> None:
    assert [language_tag(t) for t in ("EN", "sr_latn_rs", "es-419", "fa_IR", "x", "en-")] == [
        "en", "sr-Latn-RS", "es-419", "fa-IR", "", ""]


subtag = st.text(st.sampled_from("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789"), min_size=1, max_size=9)
said = st.one_of(st.sampled_from(["en", "pt_BR", "zh-Hant-TW", "fa-IR", "sr_Latn", "es-419", "ckb", "php"]),
                 st.lists(subtag, min_size=1, max_size=4).map(lambda parts: "-".join(parts)), st.text(max_size=12))


@settings(max_examples=300, deadline=None)
@given(value=said)
def test_a_kept_tag_is_written_once_for_all_and_reads_back_from_the_front_matter(value: str) -> None:
    tag = language_tag(value)
    assert language_tag(tag) == tag  # "" stays "", and a tag is already as BCP 47 writes it
    document = to_document(rest_item(lang=value)).document
    assert document.language == tag
    assert loads(dumps(document)) == document


def test_an_imported_post_keeps_its_language_in_its_front_matter() -> None:
    embedded = {"wp:term": [[{"id": 3, "taxonomy": "language", "slug": "en", "name": "English"}]]}
    document = to_document(rest_item(_embedded=embedded)).document
    assert document.language == "en"
    text = dumps(document)
    assert "\ntype: post\nlanguage: en\ndate:" in text
    assert loads(text).language == "en"
    assert "language:" not in dumps(to_document(rest_item()).document)  # most posts: no key at all


def test_a_language_written_by_hand_that_is_no_tag_names_the_field() -> None:
    text = dumps(to_document(rest_item(lang="en")).document).replace("language: en", "language: English (UK)")
    with pytest.raises(ItemError) as raised:
        loads(text)
    assert raised.value.field == "language"


def build(tmp_path: Path, language: str) -> Path:
    documents = [post("english-post", WHEN, title="Rare earths in China", language="en"),
                 post("persian-post", WHEN.replace(day=2), title="خاک‌های کمیاب", summary="خلاصه.", language="fa"),
                 post("untagged-post", WHEN.replace(day=3), title="No plugin said")]
    content = write_content(tmp_path / "content", documents)
    settings = {"language": language, "base_url": "https://mirror.example.org/"}
    assert run_build(config(tmp_path, content, site=settings)).problems == []
    return tmp_path / "site"


def test_a_post_in_another_language_than_the_sites_says_which_on_its_page_and_its_card(tmp_path: Path) -> None:
    site = build(tmp_path, "fa-IR")
    english = (site / "news-archive/english-post/index.html").read_text(encoding="utf-8")
    assert '<html lang="fa-IR" dir="rtl">' in english and '<article class="post" lang="en" dir="ltr">' in english
    persian = (site / "news-archive/persian-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post">' in persian  # "fa" is the site's language: nothing to say
    home = (site / "index.html").read_text(encoding="utf-8")
    assert home.count('<li lang="en" dir="ltr">') == 1 and home.count("<li lang=") == 1
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa-IR">' in feed
    assert feed.count('<entry xml:lang="en">') == 1 and feed.count("<entry>") == 2


def test_a_post_runs_the_way_its_language_is_written_whatever_its_title(tmp_path: Path) -> None:
    """WordPress set the direction from the post's locale; a Persian post with an English title is Persian."""
    documents = [post("persian-post", WHEN, title="Parch Linux 2.0", summary="Release notes", language="fa")]
    content = write_content(tmp_path / "content", documents)
    assert run_build(config(tmp_path, content, site={"language": "en"})).problems == []
    page = (tmp_path / "site/news-archive/persian-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post" lang="fa" dir="rtl">' in page
