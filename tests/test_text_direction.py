"""Right-to-left text: a site in Arabic or Hebrew, and a post whose text runs otherwise than its site's."""

from __future__ import annotations

import sys
import unicodedata
from datetime import datetime, timezone
from pathlib import Path

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.convert.document import Source
from generator.render.text_direction import by_words, heading_direction, of_language, of_text
from tests.site_content import config, post, write_content
from tests.test_browser import chromium

WHEN = datetime(2025, 3, 1, 9, 0, tzinfo=timezone.utc)
ARABIC_TITLE = "المعادن النادرة في الصين"
ARABIC_BODY = "تنتج الصين معظم المعادن النادرة في العالم.\n\n> اقتباس من التقرير السنوي.\n"


@pytest.mark.parametrize(("tag", "direction"), [
    ("ar", "rtl"), ("he_IL", "rtl"), ("fa-IR", "rtl"), ("ckb", "rtl"), ("ur", "rtl"), ("az-Arab", "rtl"),
    ("pa-Arab-PK", "rtl"), ("en", "ltr"), ("en-US", "ltr"), ("de_DE", "ltr"), ("ar-Latn", "ltr"), ("zh-Hans", "ltr"),
    ("arn", "ltr"),  # Mapudungun: its subtag only starts like Arabic's
    ("ary", "rtl"), ("arz", "rtl"), ("aeb", "rtl"), ("apc", "rtl"),  # Arabic of Morocco, Egypt, Tunisia, the Levant
])
def test_language_tags_give_their_scripts_direction(tag: str, direction: str) -> None:
    assert of_language(tag) == direction


def test_text_takes_the_direction_of_its_words() -> None:
    assert of_text(ARABIC_TITLE) == "rtl"
    assert of_text("שלום עולם") == "rtl"
    assert of_text("Interview: «الصين» and the rare-earth market") == "ltr"
    assert of_text("٢٠٢٤ — 2024") is None  # digits only: no letters to go by
    assert of_text("Ärger über Éco") == "ltr"
    # Arabic with the Latin names and code such text holds: fewer words than those letters, but more than 40%
    assert of_text("يشرح الدرس كيف نضبط المنفذ عبر HAL_GPIO_Init في الملف "
                   "Drivers/STM32F4xx_HAL_Driver/Src/stm32f4xx_hal_gpio.c") == "rtl"
    assert of_text("כתבה על https://e.com/a/b/c/d ועל GitHub") == "rtl"  # an address is no word of either way
    assert of_text("Notes from the Cairo meeting, with «القاهرة» once") == "ltr"


@settings(max_examples=1000, deadline=None)
@given(st.text(st.sampled_from("aZé’٢2 :/\n\u00a0שלمح«»"), max_size=30))
@example("://Z")  # an address alone, in ASCII: no word, as in any other text (it was "ltr")
def test_text_without_right_to_left_letters_runs_as_its_words_say(text: str) -> None:
    """of_text answers text without a right-to-left letter without weighing its words: as weighing them does."""
    assert of_text(text) == by_words(text)


def test_every_letter_runs_the_way_unicode_says_it_does() -> None:
    """Unicode's bidirectional class is the definition: a letter of class R or AL runs right to left."""
    letters = [c for c in map(chr, range(sys.maxunicode + 1)) if unicodedata.category(c).startswith("L")]
    wrong = [c for c in letters if (of_text(c) == "rtl") != (unicodedata.bidirectional(c) in ("R", "AL"))]
    assert [f"U+{ord(c):04X}" for c in wrong] == []


def build(tmp_path: Path, language: str) -> Path:
    documents = [post("arabic-post", WHEN, title=ARABIC_TITLE, summary="ملخص الخبر.", body=ARABIC_BODY),
                 post("english-post", WHEN.replace(day=2), title="Rare earths in China",
                      body="China mines most rare earths.\n\n> A quote from the annual report.\n")]
    content = write_content(tmp_path / "content", documents)
    assert run_build(config(tmp_path, content, site={"language": language})).problems == []
    return tmp_path / "site"


def test_an_arabic_site_runs_right_to_left_and_an_english_post_in_it_left_to_right(tmp_path: Path) -> None:
    site = build(tmp_path, "ar")
    home = (site / "index.html").read_text(encoding="utf-8")
    assert '<html lang="ar" dir="rtl">' in home
    assert '<li dir="ltr">' in home and home.count("<li dir=") == 1  # the English post's card only
    english = (site / "news-archive/english-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post" dir="ltr">' in english
    arabic = (site / "news-archive/arabic-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post">' in arabic


def test_an_arabic_post_on_an_english_site_runs_right_to_left(tmp_path: Path) -> None:
    site = build(tmp_path, "en")
    assert '<html lang="en" dir="ltr">' in (site / "index.html").read_text(encoding="utf-8")
    arabic = (site / "news-archive/arabic-post/index.html").read_text(encoding="utf-8")
    assert '<article class="post" dir="rtl">' in arabic


def test_a_page_without_a_summary_runs_the_way_its_body_does_not_its_english_title(tmp_path: Path) -> None:
    """A Persian site's front page titled "Home Page" in English, with no excerpt (WordPress gives pages none): its
    body is Persian, so its article, table of contents and lists run right to left as the site does."""
    body = "## کسب‌وکار اجتماعی\n\nیک مجموعهٔ دوستدار طبیعت است.\n\n## کاشت درخت\n\nمتن دیگری برای خواندن.\n"
    home = post("home-page", WHEN, title="Home Page", summary="", body=body)
    content = write_content(tmp_path / "content", [home])
    assert run_build(config(tmp_path, content, site={"language": "fa"})).problems == []
    html = (tmp_path / "site/news-archive/home-page/index.html").read_text(encoding="utf-8")
    assert '<article class="post">' in html


def test_a_browser_sets_right_to_left_text_from_the_right_edge(tmp_path: Path) -> None:
    """What dir changes for a reader: lines start at the right, and a quote's rule is on its right side."""
    site = build(tmp_path, "en")
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 390, "height": 800})
        arabic_site = build(tmp_path / "ar", "ar")
        page.goto((arabic_site / "index.html").as_uri())
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing off the left
        # The date line, in the theme's English, reads left to right but stands at the right, under the title.
        page.goto((arabic_site / "news-archive/arabic-post/index.html").as_uri())
        meta, title = page.evaluate("""() => [".meta", "h1"].map(selector => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector(selector));
            return range.getBoundingClientRect().right;
        })""")
        assert abs(meta - title) < 2
        page = browser.new_page(viewport={"width": 800, "height": 800})
        page.goto((site / "news-archive/arabic-post/index.html").as_uri())
        assert page.evaluate("getComputedStyle(document.querySelector('.body p')).direction") == "rtl"
        assert page.evaluate("document.documentElement.scrollWidth <= window.innerWidth")  # nothing off the left
        text_box, body_box = page.evaluate("""() => {
            const range = document.createRange();
            range.selectNodeContents(document.querySelector('.body p'));
            return [range.getBoundingClientRect().toJSON(),
                    document.querySelector('.body').getBoundingClientRect().toJSON()];
        }""")
        assert abs(text_box["right"] - body_box["right"]) < 2 and text_box["left"] - body_box["left"] > 50
        quote = page.evaluate("(() => { const s = getComputedStyle(document.querySelector('.body blockquote'));"
                              " return [s.borderRightWidth, s.borderLeftWidth]; })()")
        assert quote == ["3px", "0px"]
        page.goto((site / "news-archive/english-post/index.html").as_uri())
        assert page.evaluate("getComputedStyle(document.querySelector('.body p')).direction") == "ltr"


DAY_BEFORE_MONTH = """() => {
    const text = document.querySelector('.meta time').firstChild;
    const box = (start, end) => { const r = document.createRange(); r.setStart(text, start); r.setEnd(text, end);
                                  return r.getBoundingClientRect(); };
    const month = text.data.indexOf(' ') + 1;
    return [box(0, 2).left, box(month, month + 3).left];
}"""


def test_a_date_reads_the_way_its_sites_language_runs_inside_a_post_that_runs_the_other_way(tmp_path: Path) -> None:
    """Dates are written in the site's language ("1 مارس 2025" on an Arabic site): in an English post there, the
    day still stands right of the month, as Arabic is read; in an Arabic post on an English site, left of it."""
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 800, "height": 800})
        page.goto((build(tmp_path / "ar", "ar") / "news-archive/english-post/index.html").as_uri())
        day, month = page.evaluate(DAY_BEFORE_MONTH)
        assert day > month
        page.goto((build(tmp_path / "en", "en") / "news-archive/arabic-post/index.html").as_uri())
        day, month = page.evaluate(DAY_BEFORE_MONTH)
        assert day < month


def test_code_and_the_theme_footer_run_left_to_right_in_a_right_to_left_post(tmp_path: Path) -> None:
    """A Persian tutorial on an English site (parchlinux.com): its code still reads left to right, a block and
    a path inside a sentence, and its footer, the theme's English, reads "Source:" before the address."""
    body = ("برای تغییر مالکیت دستور زیر را بزنید:\n\n```\nsudo chown -R ali:ali /opt/android-sdk/*\n```\n\n"
            "چون SDK توی مسیر `/opt/android-sdk/` نصب میشه، دسترسی لازم است.\n")
    persian = post("persian", WHEN, title="آماده‌سازی پارچ", summary="نصب اندروید استودیو.", body=body)
    content = write_content(tmp_path / "content", [persian])
    assert run_build(config(tmp_path, content)).problems == []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 800, "height": 800})
        page.goto((tmp_path / "site/news-archive/persian/index.html").as_uri())
        assert page.locator("article").get_attribute("dir") == "rtl"
        # Left edges of the first and the last character of each code, and of the footer's words and its link.
        edges = page.evaluate("""() => ['.body pre code', '.body p code'].map(selector => {
            const text = document.querySelector(selector).firstChild;
            const left = i => { const r = document.createRange(); r.setStart(text, i); r.setEnd(text, i + 1);
                                return r.getBoundingClientRect().left; };
            return [left(0), left(text.data.trimEnd().length - 1)];
        }).concat([[document.querySelector('.source p').firstChild, document.querySelector('.source a')].map(node => {
            const r = document.createRange(); r.selectNodeContents(node); return r.getBoundingClientRect().left;
        })])""")
        assert [first < last for first, last in edges] == [True, True, True], edges


def test_the_themes_term_list_and_parent_line_run_the_sites_way_in_a_post_that_runs_the_other_way(
        tmp_path: Path) -> None:
    """A Persian page under an English page, on an English site: its term list ("Categories" and the names) and its
    "Part of" line are the theme's words, so they read left to right from the left edge as the rest of the site's
    frame does; in the post's direction, "Categories" stood at the right, after its terms."""
    parent = post("guides", WHEN, title="Guides", type="page", source=Source(7, "https://example.com/guides/", ""))
    persian = post("persian", WHEN, title="آماده‌سازی پارچ", summary="نصب اندروید استودیو.", type="page",
                   body="برای تغییر مالکیت دستور زیر را بزنید.\n", taxonomies={"category": ["tools"]},
                   source=Source(8, "https://example.com/guides/persian/", "", 7))
    content = write_content(tmp_path / "content", [parent, persian], {("category", "tools"): "Tools"})
    assert run_build(config(tmp_path, content)).problems == []
    with chromium() as browser:
        page = browser.new_page(viewport={"width": 800, "height": 800})
        page.goto((tmp_path / "site/page/persian/index.html").as_uri())
        assert page.locator("article").get_attribute("dir") == "rtl"
        label, name, part_of, article = page.evaluate("""() => ['.terms dt', '.terms dd', '.parent', 'article']
            .map(selector => { const r = document.createRange();
                               r.selectNodeContents(document.querySelector(selector));
                               return r.getBoundingClientRect().left; })""")
        assert label - article < 2 and label < name and part_of - article < 2


@pytest.mark.parametrize(("title", "expected"), [
    ("Red One يفاجئ الجميع من المغرب, يعود للغناء", "rtl"), ("Auto Hall: انخفاض بـ 13٪ في صافي الدخل", "rtl"),
    ("Racidy | شيخوخة المجتمع المغربي", "rtl"), ("score", "auto"), ("237 براءة اختراع مغربي", "auto"),
    ("Python در یک نگاه", "rtl"), ("Interview with Ahmad: «سلام» means hello", "ltr"), ("2024", "auto"),
    ("שלום עולם", "auto"), ("Zürich", "auto"), ("Eid al-Fitr: عيد مبارك", "auto"), ("سلامabc", "auto")])
def test_a_title_mixing_both_ways_runs_the_way_most_of_its_words_do(title: str, expected: str) -> None:
    assert heading_direction(title) == expected


def test_an_arabic_title_that_begins_with_a_latin_name_runs_right_to_left_on_its_page_and_card(tmp_path: Path) -> None:
    """An Arabic news site's "Red One يفاجئ الجميع…" ran left to right (`dir="auto"` follows the first letter),
    which put the parts of the sentence in the wrong order on its page and in every list."""
    story = post("red-one", datetime(2017, 4, 18, tzinfo=timezone.utc), title="Red One يفاجئ الجميع من المغرب")
    assert run_build(config(tmp_path, write_content(tmp_path / "content", [story]), site={"language": "ar"})).problems == []
    page = (tmp_path / "site" / "news-archive" / "red-one" / "index.html").read_text(encoding="utf-8")
    assert '<h1 dir="rtl">Red One يفاجئ الجميع من المغرب</h1>' in page
    assert '<h2 dir="rtl"><a href="news-archive/red-one/index.html">Red One' in (
        tmp_path / "site" / "index.html").read_text(encoding="utf-8")
