"""The theme speaks the site's language: its words from generator/language/catalogues/, dates and month names from
Babel's CLDR data, and any word replaced in the site's [words]; English sites keep their bytes."""

from __future__ import annotations

import re
from html import unescape
import tomllib
from datetime import date, datetime, timedelta, timezone
from pathlib import Path

import pytest
from babel import Locale
from babel.dates import format_date, format_skeleton

from generator.builder import run_build
from generator.config import ConfigError, SiteConfig, parse_config
from generator.convert.document import Mirror, Revision, Source
from generator.language import words as language_words
from generator.render.local_dates import Dates
from generator.language.words import Words, catalogue_name, placeholders
from tests.site_content import config, post, write_content

WORDS = Path(language_words.__file__).with_name("catalogues")
ENGLISH = tomllib.loads((WORDS / "en.toml").read_text(encoding="utf-8"))
LANGUAGES = sorted(p.stem for p in WORDS.glob("*.toml") if p.stem != "en")
WHEN = datetime(2025, 3, 14, 9, 30, tzinfo=timezone(timedelta(hours=-7)))


def text_of(html: str) -> str:
    """What a reader sees of a page, and its attributes' words (labels), without its styles."""
    html = re.sub(r"<style>.*?</style>", " ", html, flags=re.S)
    return re.sub(r"\s+", " ", unescape(re.sub(r"<[^>]*?((?:aria-label|alt|title)=\"[^\"]*\")?[^>]*>", r" \1 ", html)))


@pytest.mark.parametrize("language", LANGUAGES)
def test_each_language_gives_every_word_with_the_same_placeholders(language: str) -> None:
    words = tomllib.loads((WORDS / f"{language}.toml").read_text(encoding="utf-8"))
    assert list(words) == list(ENGLISH)
    forms = set(Locale.parse(language, sep="-").plural_form.tags) | {"other"}
    for key, english in ENGLISH.items():
        if isinstance(english, dict):
            assert set(words[key]) == forms, key  # exactly the language's plural categories
            assert all(placeholders(text) == placeholders(english["other"]) for text in words[key].values()), key
        else:
            assert placeholders(words[key]) == placeholders(english), key


# What the search page says for 1, 3, 5, 21 and 22 posts found: the form the browser's plural rules (CLDR's, as
# Babel has them) choose for each count, which must be the one a reader of the language expects.
FOUND = {
    "cs": ("Nalezen 1 příspěvek.", "Nalezeny 3 příspěvky.", "Nalezeno 5 příspěvků.", "Nalezeno 21 příspěvků.",
           "Nalezeno 22 příspěvků."),
    "sk": ("Našiel sa 1 článok.", "Našli sa 3 články.", "Našlo sa 5 článkov.", "Našlo sa 21 článkov.",
           "Našlo sa 22 článkov."),
    "sr": ("Пронађен је 1 чланак.", "Пронађена су 3 чланка.", "Пронађено је 5 чланака.", "Пронађен је 21 чланак.",
           "Пронађена су 22 чланка."),
    "hr": ("Pronađena je 1 objava.", "Pronađene su 3 objave.", "Pronađeno je 5 objava.", "Pronađena je 21 objava.",
           "Pronađene su 22 objave."),
    "ro": ("A fost găsit 1 articol.", "Au fost găsite 3 articole.", "Au fost găsite 5 articole.",
           "Au fost găsite 21 de articole.", "Au fost găsite 22 de articole."),
    "fi": ("1 artikkeli löytyi.", "3 artikkelia löytyi.", "5 artikkelia löytyi.", "21 artikkelia löytyi.",
           "22 artikkelia löytyi."),
    "el": ("Βρέθηκε 1 άρθρο.", "Βρέθηκαν 3 άρθρα.", "Βρέθηκαν 5 άρθρα.", "Βρέθηκαν 21 άρθρα.", "Βρέθηκαν 22 άρθρα."),
    "bg": ("Намерена е 1 публикация.", "Намерени са 3 публикации.", "Намерени са 5 публикации.",
           "Намерени са 21 публикации.", "Намерени са 22 публикации."),
    "ca": ("S’ha trobat 1 entrada.", "S’han trobat 3 entrades.", "S’han trobat 5 entrades.",
           "S’han trobat 21 entrades.", "S’han trobat 22 entrades."),
    "sw": ("Chapisho 1 limepatikana.", "Machapisho 3 yamepatikana.", "Machapisho 5 yamepatikana.",
           "Machapisho 21 yamepatikana.", "Machapisho 22 yamepatikana."),
    "sv": ("1 inlägg hittades.", "3 inlägg hittades.", "5 inlägg hittades.", "21 inlägg hittades.",
           "22 inlägg hittades."),
}


@pytest.mark.parametrize("language", sorted(FOUND))
def test_a_count_of_results_takes_the_form_its_language_writes(language: str) -> None:
    found = tomllib.loads((WORDS / f"{language}.toml").read_text(encoding="utf-8"))["found"]
    rule = Locale.parse(language).plural_form
    assert tuple(found[rule(n)].format(count=n) for n in (1, 3, 5, 21, 22)) == FOUND[language]


def test_no_word_hides_a_method_of_words() -> None:
    assert not set(ENGLISH) & {name for name in dir(Words) if not name.startswith("__")}


def test_a_language_tag_finds_its_words_by_its_primary_language() -> None:
    assert catalogue_name("pt-BR") == "pt" and catalogue_name("FR") == "fr" and catalogue_name("de_AT") == "de"
    assert catalogue_name("tlh") == "en" and catalogue_name("../en") == "en" and catalogue_name("") == "en"


def test_serbian_takes_the_words_of_the_alphabet_its_tag_names() -> None:
    """WordPress's Serbian (sr_RS) writes Cyrillic; a site that says it writes Latin letters reads them."""
    assert [catalogue_name(tag) for tag in ("sr", "sr_RS", "sr-Cyrl-RS")] == ["sr"] * 3
    assert [catalogue_name(tag) for tag in ("sr-Latn", "sr-Latn-RS", "sr_Latn_ME")] == ["sr-latn"] * 3
    assert (Words("sr").search, Words("sr-Latn-RS").search) == ("Претрага", "Pretraga")


def test_norwegian_takes_bokmal_words_and_nynorsk_none() -> None:
    """WordPress sites write Norwegian as nb_NO, and some say plain `no`; Nynorsk is written otherwise."""
    assert [catalogue_name(tag) for tag in ("nb", "nb_NO", "no", "no-NO")] == ["nb"] * 4
    assert catalogue_name("nn-NO") == "en" and Words("no").search == "Søk"


def test_chinese_finds_the_words_of_the_script_it_is_written_in() -> None:
    """Taiwan's and Hong Kong's sites read Traditional characters (瀏覽, not 浏览), as their own tag or region says."""
    traditional = ["zh-Hant", "zh-TW", "zh_TW", "zh-HK", "zh-MO", "zh-Hant-HK"]
    assert [catalogue_name(tag) for tag in traditional] == ["zh-hant"] * len(traditional)
    assert [catalogue_name(tag) for tag in ("zh", "zh-CN", "zh-Hans", "zh-SG", "zh-Hans-HK")] == ["zh"] * 5
    assert Words("zh-TW").browse == "瀏覽" and Words("zh-CN").browse == "浏览"


def test_english_dates_are_written_as_before() -> None:
    assert Dates("en").moment(WHEN) == "14 March 2025, 09:30 UTC-07:00"
    assert Dates("en-US").day(WHEN.date()) == "14 March 2025" and Dates("en").month(2025, 3) == "March 2025"


@pytest.mark.parametrize("language", ["fr", "ja", "ru", "ar", "pt-BR", "zh-Hant-TW", "sr-Latn"])
def test_other_languages_write_dates_as_cldr_does(language: str) -> None:
    locale = Locale.parse(language, sep="-")
    day = format_date(WHEN.date(), "long", locale=locale)
    assert Dates(language).moment(WHEN) == f"{day} 09:30 UTC-07:00"
    assert Dates(language).day(WHEN.date()) == day
    assert Dates(language).month(2025, 3) == format_skeleton("yMMMM", date(2025, 3, 1), locale=locale)


@pytest.mark.parametrize(("language", "digits"), [("fa", "۰۱۲۳۴۵۶۷۸۹"), ("ar-EG", "٠١٢٣٤٥٦٧٨٩"), ("bn", "০১২৩৪৫৬৭৮৯"),
                                                ("ne", "०१२३४५६७८९"), ("my", "၀၁၂၃၄၅၆၇၈၉")])
def test_dates_are_written_in_the_digits_of_their_language(language: str, digits: str) -> None:
    # CLDR's default numbering system for these languages is not 0-9; Babel writes dates in 0-9 all the same
    written = Dates(language).moment(WHEN) + Dates(language).day(WHEN.date()) + Dates(language).month(2025, 3)
    assert not re.search("[0-9]", written) and set("2513") <= {str(digits.index(c)) for c in written if c in digits}
    assert Dates("ar").day(WHEN.date()) == format_date(WHEN.date(), "long", locale="ar")  # Arabic's own default: 0-9


def test_a_language_babel_does_not_know_gets_english_dates() -> None:
    assert Dates("tlh").day(WHEN.date()) == Dates("en").day(WHEN.date())
    assert Dates("de-XX-bogus").day(WHEN.date()) == "14. März 2025"  # its primary language


def test_a_site_that_gives_no_title_or_description_has_them_in_its_language() -> None:
    persian = tomllib.loads((WORDS / "fa.toml").read_text(encoding="utf-8"))
    site = parse_config({"site": {"language": "fa-IR"}}).site
    assert (site.title, site.description) == (persian["site_title"], persian["site_description"])
    given = parse_config({"site": {"language": "fa", "title": "خبرنامه", "description": ""}}).site
    assert (given.title, given.description) == ("خبرنامه", "")  # what the site gives, even empty, stays
    worded = parse_config({"site": {"language": "fa"}, "words": {"site_description": "آرشیو"}}).site
    assert worded.description == "آرشیو"
    assert parse_config({}).site.description == ENGLISH["site_description"] == SiteConfig().description


def test_words_fill_placeholders_and_escape_what_they_fill_in() -> None:
    words = Words("en")
    assert words.fill("page_of", number=2, total=5) == "Page 2 of 5"
    assert str(words.html("by_author", author="<Ann & Bo>")) == "By &lt;Ann &amp; Bo&gt;"


def build_site(tmp_path: Path, language: str, **sections: dict) -> Path:
    revisions = tuple(Revision(day, f"{day}T10:00:00+00:00", ("body",), "") for day in ("2025-04-01", "2025-03-20"))
    posts = [post("magnet-plant", WHEN, author="Ann", updated=WHEN + timedelta(days=3),
                  body="## First\n\nText.\n\n## Second\n\nMore text.\n", taxonomies={"regions": ["asia"]},
                  mirror=Mirror("2025-03-15", "", revisions)),
             post("earlier-post", WHEN - timedelta(days=40), taxonomies={"regions": ["asia"], "category": ["mining"]},
                  mirror=Mirror("2025-03-15", "2025-05-02")),
             post("guide", WHEN, type="page", source=Source(7, "https://e.com/guide/", "https://e.com/?page_id=7")),
             post("chapter", WHEN, type="page",
                  source=Source(8, "https://e.com/guide/chapter/", "https://e.com/?page_id=8", parent=7))]
    content = write_content(tmp_path / "content", posts, {("regions", "asia"): "Asia"})
    built = run_build(config(tmp_path, content, site={"language": language, "base_url": "https://m.example/"},
                             **sections))
    assert built.problems == []
    return tmp_path / "site"


@pytest.mark.parametrize("language", [lang for lang in ("fr", "ja", "ru", "sv", "da", "nb", "fi", "cs", "sk", "el", "ro", "hu", "bg", "sr", "sr-latn", "hr", "ca", "ms", "bn", "sw", "ta") if (WORDS / f"{lang}.toml").exists()])
def test_a_site_in_another_language_shows_no_english_theme_word(tmp_path: Path, language: str) -> None:
    site = build_site(tmp_path, language)
    own = tomllib.loads((WORDS / f"{language}.toml").read_text(encoding="utf-8"))
    pages = {p: text_of(p.read_text(encoding="utf-8")) for p in site.rglob("*.html")}
    post_page = pages[site / "news-archive/magnet-plant/index.html"]
    assert own["contents"] in post_page and own["related"] in post_page and own["about_this_copy"] in post_page
    assert own["removed"] in pages[site / "news-archive/earlier-post/index.html"]
    assert own["revised_kind"] in pages[site / "updates/index.html"]
    assert own["category_label"] in pages[site / "index.html"]  # WordPress's own taxonomy, in the menu
    assert own["pages_under"] in pages[site / "page/guide/index.html"]
    part_of = own["part_of"].format(page="Guide")  # the title is a link, which text_of spaces apart
    assert "".join(part_of.split()) in "".join(pages[site / "page/chapter/index.html"].split())
    assert text_of(Dates(language).moment(WHEN)) in post_page
    archive = pages[site / "archive/index.html"]
    assert text_of(Dates(language).month(2025, 3)) in archive and text_of(Dates(language).month(2025, 2)) in archive
    english = [value for key, value in ENGLISH.items()
               if isinstance(value, str) and "{" not in value and value != own[key] and len(value) > 4]
    for path, text in pages.items():
        assert [word for word in english if re.search(rf"(?<!\w){re.escape(word)}(?!\w)", text)] == [], path
    feed = (site / "feed.xml").read_text(encoding="utf-8")
    assert f'xml:lang="{language}"' in feed


def test_the_sites_own_words_replace_the_themes(tmp_path: Path) -> None:
    site = build_site(tmp_path, "en", words={"contents": "On this page", "by_author": "Written by {author}",
                                             "page_of": "{number}/{total}"})
    page = text_of((site / "news-archive/magnet-plant/index.html").read_text(encoding="utf-8"))
    assert "On this page" in page and "Written by Ann" in page and "Contents" not in page


@pytest.mark.parametrize(("words", "problem"), [
    ({"contnets": "x"}, "words.contnets: not one of the site's words"),
    ({"by_author": "By {name}"}, "words.by_author: {name} is not one of its placeholders ({author})"),
    ({"contents": "{"}, "words.contents: braces must hold a placeholder"),
    ({"contents": 3}, "words.contents: expected a string, got int"),
    ({"found": "many"}, "words.found: expected a table of plural forms"),
    ({"found": {"other": "{count}", "several": "x"}}, "words.found.several: not a plural form"),
    ({"found_for": {"other": "{count} for {q}"}}, "words.found_for.other: {q} is not one of its placeholders"),
])
def test_a_wrong_word_is_a_configuration_error_naming_its_key(tmp_path: Path, words: dict, problem: str) -> None:
    with pytest.raises(ConfigError) as raised:
        config(tmp_path, tmp_path / "content", words=words)
    assert problem in str(raised.value)


def test_changing_a_word_rebuilds_the_pages_that_show_it(tmp_path: Path) -> None:
    site = build_site(tmp_path, "en")
    before = (site / "news-archive/magnet-plant/index.html").read_text(encoding="utf-8")
    build_site(tmp_path, "en", words={"contents": "In this article"})
    after = (site / "news-archive/magnet-plant/index.html").read_text(encoding="utf-8")
    assert "Contents" in before and "In this article" in after and "Contents" not in after


def test_media_a_mirror_cannot_show_is_named_in_the_sites_language(tmp_path: Path) -> None:
    """Both renderers: the compiled one (a Markdown image) and the reference (raw HTML)."""
    fr = tomllib.loads((WORDS / "fr.toml").read_text(encoding="utf-8"))
    posts = [post("map", WHEN, body="![Carte de la mine](https://cdn.example/map.png)\n"),
             post("video", WHEN + timedelta(days=1),
                  body='<video src="https://cdn.example/v.mp4"></video>\n\n<iframe src="https://maps.example/x"'
                       ' title="Plan"></iframe>\n')]
    content = write_content(tmp_path / "content", posts)
    assert run_build(config(tmp_path, content, site={"language": "fr"})).problems == []
    shown = {name: text_of((tmp_path / f"site/news-archive/{name}/index.html").read_text(encoding="utf-8"))
             for name in ("map", "video")}
    described, original = fr["media_described"], fr["open_original"]
    image = described.format(kind=fr["image"], description="Carte de la mine")
    assert text_of(f"{image} — {original}") in shown["map"]
    assert text_of(f'{fr["video"]} — {original}') in shown["video"]
    assert text_of(described.format(kind=fr["embedded_page"], description="Plan")) in shown["video"]
    assert "open original" not in shown["map"] + shown["video"]
