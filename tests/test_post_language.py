"""A post's own language, kept where a multilingual plugin gave one (Polylang, WPML): the page and the cards
of a post in another language than the site's say which, so that a screen reader reads it in the right voice
and the text runs the way its language is written."""

from __future__ import annotations

from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.importer import run_import
from generator.convert.document import Term
from generator.convert.post_language import language_tag, post_language, post_translations
from generator.convert.wp_post import to_document
from generator.problems import ItemError
from generator.render.language_names import native_names
from generator.store.documents import dumps, loads
from tests.conftest import rest_item
from tests.site_content import config, post, write_content
from tests.test_wxr import export, item

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
@example(value="P\x1fCM")  # a control character the import drops before it reads the tag
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
    assert '<html lang="fa-IR" dir="rtl">' in english and '<article class="post" dir="ltr">' in english
    # The post's own text is English; the theme's words around it (its date, "Contents") are the site's.
    assert '<h1 dir="auto" lang="en">Rare earths in China</h1>' in english and '<div class="body" lang="en">' in english
    assert english.count(' lang="en"') == 2
    persian = (site / "news-archive/persian-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post">' in persian and ' lang="fa"' not in persian  # the site's language: nothing to say
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<li dir="ltr">\n<h2 dir="auto" lang="en"><a href="news-archive/english-post/index.html">' in home
    assert '<p lang="en">Summary of english-post.</p>' in home and home.count(' lang="en"') == 2
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert '<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="fa-IR">' in feed
    assert feed.count('<entry xml:lang="en">') == 1 and feed.count("<entry>") == 2


def test_a_post_runs_the_way_its_language_is_written_whatever_its_title(tmp_path: Path) -> None:
    """WordPress set the direction from the post's locale; a Persian post with an English title is Persian."""
    documents = [post("persian-post", WHEN, title="Parch Linux 2.0", summary="Release notes", language="fa")]
    content = write_content(tmp_path / "content", documents)
    assert run_build(config(tmp_path, content, site={"language": "en"})).problems == []
    page = (tmp_path / "site/news-archive/persian-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post" dir="rtl">' in page and '<div class="body" lang="fa">' in page


@pytest.mark.parametrize(("data", "expected"), [
    ({"id": 7, "translations": {"en": 7, "fr": 9, "de": 11}}, (("de", 11), ("fr", 9))),  # Polylang Pro: itself too
    ({"id": 7, "wpml_translations": [{"locale": "fr_FR", "id": 9, "href": "https://example.com/fr/x/"}]},
     (("fr-FR", 9),)),
    ({"id": 7, "wpml_translations": {"fr": {"id": 9, "locale": "fr"}}}, (("fr", 9),)),  # keyed by language
    ({"id": 7, "wpml_translations": []}, ()),
    ({"id": 7, "translations": {"fr": "9", "de": True, "it": 0, "php": 12, "es": 7}}, ()),  # none is a post
])
def test_a_posts_translations_are_the_posts_a_plugin_names_in_other_languages(data: dict, expected: tuple) -> None:
    assert post_translations(data, "en") == expected


def test_an_exports_groups_of_translations_link_each_post_to_the_others(tmp_path: Path) -> None:
    """Polylang files each post under its group (`pll_…`), whose description holds the group as PHP
    serialized it: language -> post id. The third group member is not in the export."""
    header = ('<wp:term><wp:term_id>110</wp:term_id><wp:term_taxonomy>post_translations</wp:term_taxonomy>'
              '<wp:term_slug>pll_68f7a70a13708</wp:term_slug><wp:term_name>pll_68f7a70a13708</wp:term_name>'
              '<wp:term_description><![CDATA[a:3:{s:2:"en";i:5;s:2:"fa";i:6;s:2:"de";i:8;}]]></wp:term_description>'
              '</wp:term>\n')

    def grouped(language: str) -> str:
        return (f'<category domain="language" nicename="{language}"><![CDATA[{language}]]></category>'
                '<category domain="post_translations" nicename="pll_68f7a70a13708"><![CDATA[pll_68f7a70a13708]]>'
                '</category>')

    path = tmp_path / "export.xml"
    path.write_text(export(header + item(5, "This month in Parch", "Text", categories=grouped("en"))
                           + item(6, "این ماه در پارچ", "متن", categories=grouped("fa"))
                           + item(7, "Alone", "Text", categories=grouped("en").split("<category domain=\"post_")[0])),
                    encoding="utf-8")
    assert run_import([path], tmp_path / "content").problems == []
    english = (tmp_path / "content/post/post-5.md").read_text(encoding="utf-8")
    assert "\nlanguage: en\ntranslations:\n  de: 8\n  fa: 6\ndate:" in english
    assert loads((tmp_path / "content/post/post-6.md").read_text(encoding="utf-8")).translations == (("de", 8),
                                                                                                   ("en", 5))
    assert "translations" not in (tmp_path / "content/post/post-7.md").read_text(encoding="utf-8")

    assert run_build(config(tmp_path, tmp_path / "content", site={"language": "fa"})).problems == []
    page = (tmp_path / "site/post/post-6/index.html").read_text(encoding="utf-8")
    # The one translation in the mirror, named in its own language; the German one is not mirrored.
    assert ('<p class="translations">به زبان‌های دیگر: <a href="../post-5/index.html" hreflang="en" lang="en">'
            'English</a></p>') in page
    english_page = (tmp_path / "site/post/post-5/index.html").read_text(encoding="utf-8")
    assert 'hreflang="fa" lang="fa">فارسی</a></p>' in english_page
    assert "translations" not in (tmp_path / "site/post/post-7/index.html").read_text(encoding="utf-8")


def test_translations_written_by_hand_that_are_not_ids_name_the_field() -> None:
    text = dumps(to_document(rest_item(translations={"fr": 9})).document).replace("fr: 9", "fr: nine")
    with pytest.raises(ItemError) as raised:
        loads(text)
    assert raised.value.field == "translations"


def test_translations_are_named_by_their_language_and_by_region_only_where_two_share_one() -> None:
    assert native_names(["en-US", "fr-FR", "pt-BR", "pt-PT", "fa"]) == [
        "English", "Français", "Português (Brasil)", "Português (Portugal)", "فارسی"]
