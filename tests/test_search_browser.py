"""Search in Chromium, from file://: the client (static/js/search.js) over a built index. Its folding must be
the index's, character for character; a reader finds posts by words typed in any case and accent, filters
by term, reads highlighted snippets, and does it all from the keyboard. With JavaScript off, the form still
shows and says why it finds nothing.

Needs Debian's Chromium and playwright, as test_browser.py does.
"""

from __future__ import annotations

import re
import sys
import unicodedata
from collections import Counter
from datetime import datetime, timedelta, timezone
from pathlib import Path
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from generator.builder import run_build
from generator.output import search_index
from generator.render.search_text import fold, words
from generator.render.text_direction import heading_direction
from tests.conftest import REPO
from tests.site_content import config, post, write_content
from tests.test_browser import chromium
from tests.test_search_index import SCRIPT_WORDS
from tests.test_search_reference import SCRIPTS, abugida

try:
    from playwright.sync_api import expect
except ImportError:  # the browser fixture skips (or fails, where a browser is required) before any use
    expect = None

CLIENT = REPO / "static/js/search.js"
START = datetime(2024, 3, 1, 9, 0, tzinfo=timezone.utc)
BUCKET_WORDS = ["ra", "rare", "z", "稀", "稀土", "人口", "𠀀𠀁", "ภา", "iphone"]
FOLD_IN_BROWSER = ("texts => texts.map(t => { const f = newsmirrorSearch.fold(t); "
                   "return [f, newsmirrorSearch.words(f)]; })")


@pytest.fixture(scope="module")
def browser() -> Any:
    with chromium() as launched:
        yield launched


@pytest.fixture(scope="module")
def client_page(browser: Any) -> Any:
    """A blank page with the search client loaded, for calling its functions."""
    page = browser.new_page()
    page.add_script_tag(path=str(CLIENT))
    yield page
    page.close()


@pytest.fixture(scope="module")
def site(tmp_path_factory: pytest.TempPathFactory) -> Path:
    tmp = tmp_path_factory.mktemp("search")
    posts = [
        post("zurich-office", START, title="A new office in Zürich",
             body="The company opened its Swiss office. " + "Filler words here. " * 60 + "\n\n"
                  "Analysts expect **Zurich** to lead the region's magnet trade.\n",
             taxonomies={"regions": ["europe"], "news-type": ["business"]}),
        post("magnet-plant", START + timedelta(days=1), title="Magnet plant opens",
             body="A magnetic separation line and a magnet factory, both near the port.\n",
             taxonomies={"regions": ["asia"], "news-type": ["business"]}),
        post("policy-note", START + timedelta(days=2), title="Policy note", summary="On export rules.",
             body="Magnets are not mentioned here; only quotas.\n",
             taxonomies={"regions": ["asia"], "news-type": ["policy"]}),
    ]
    posts += [post("rare-earths", START - timedelta(days=40), title="稀土出口",
                   body="中国稀土价格上涨，市场关注新款iPhone手机的供给\n"),
              post("tokyo", START - timedelta(days=41), title="人口の統計", body="東京都の人口は増えている。\n")]
    posts += [post(f"filler-{i:02d}", START - timedelta(days=i + 1), title=f"Quota update {i}",
                   body=f"Quota news number {i}.\n", taxonomies={"regions": ["asia"]}) for i in range(25)]
    content = write_content(tmp / "content", posts, {("regions", "europe"): "Europe", ("regions", "asia"): "Asia"})
    assert run_build(config(tmp, content)).problems == []
    return tmp / "site"


@pytest.fixture
def page(browser: Any) -> Any:
    page = browser.new_page(viewport={"width": 1000, "height": 800})
    errors: list[str] = []
    page.on("console", lambda m: m.type == "error" and errors.append(m.text))
    page.on("pageerror", lambda e: errors.append(str(e)))
    yield page
    page.close()
    assert errors == []


def assigned_characters() -> list[str]:
    """Every character this Python's Unicode tables assign (Chromium's are newer, so they know them too)."""
    return [chr(c) for c in range(sys.maxunicode + 1) if unicodedata.category(chr(c)) not in ("Cn", "Cs")]


def test_the_browser_folds_every_character_as_the_index_does(client_page: Any) -> None:
    """Every character, between spaces, in texts of a few thousand; a text that differs is then compared
    character by character, to name the first that differs."""
    characters = assigned_characters()
    texts = [" ".join(characters[i:i + 4000]) for i in range(0, len(characters), 4000)]
    for text, folded in zip(texts, client_page.evaluate(FOLD_IN_BROWSER, texts)):
        if folded != [fold(text), words(fold(text))]:
            part = text.split(" ")
            for char, (one, found) in zip(part, client_page.evaluate(FOLD_IN_BROWSER, part)):
                assert (one, found) == (fold(char), words(fold(char))), f"U+{ord(char):04X}"
        assert folded == [fold(text), words(fold(text))]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.characters(blacklist_categories=("Cs", "Cn")), max_size=40), min_size=1, max_size=50))
def test_the_browser_folds_any_text_as_the_index_does(client_page: Any, texts: list[str]) -> None:
    """Whole strings too: marks and letters that combine, contexts such as a final sigma."""
    assert client_page.evaluate(FOLD_IN_BROWSER, texts) == [[fold(t), words(fold(t))] for t in texts]


def test_the_browser_cuts_every_script_into_the_indexs_words(client_page: Any) -> None:
    """Abugidas keep their vowel signs, viramas and tone marks; Arabic, Hebrew, Latin lose their marks."""
    found = client_page.evaluate(FOLD_IN_BROWSER, [text for text, _ in SCRIPT_WORDS])
    assert [cut for _, cut in found] == [cut for _, cut in SCRIPT_WORDS]


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text(st.sampled_from(SCRIPTS), max_size=40), min_size=1, max_size=50))
def test_the_browser_folds_text_in_every_script_as_the_index_does(client_page: Any, texts: list[str]) -> None:
    """The two agree, and neither loses a mark of an abugida nor keeps any other."""
    found = client_page.evaluate(FOLD_IN_BROWSER, texts)
    assert found == [[fold(t), words(fold(t))] for t in texts]
    for text, (folded, _) in zip(texts, found):
        marks = Counter(c for c in folded if unicodedata.category(c)[0] == "M")
        assert marks == Counter(c for c in unicodedata.normalize("NFKD", text)
                                if unicodedata.category(c)[0] == "M" and abugida(c))


def test_the_browser_cuts_unspaced_scripts_into_pairs_as_the_index_does(client_page: Any) -> None:
    texts = ["稀土价格上涨", "iPhone手机 and 東京都の人口", "金，银", "ﾀｲ語 ภาษาไทย", "𠀀𠀁𠀂 astral ideographs",
             "ကမ္ဘာ့ ខ្មែរ ພາສາລາວ", "mixed日本語text123漢字"]
    assert client_page.evaluate(FOLD_IN_BROWSER, texts) == [[fold(t), words(fold(t))] for t in texts]


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(st.lists(st.text("稀土价格上涨東京都のタイภาษาaZ1 ，。", max_size=30), min_size=1, max_size=30))
def test_the_browser_cuts_any_mixed_text_as_the_index_does(client_page: Any, texts: list[str]) -> None:
    assert client_page.evaluate(FOLD_IN_BROWSER, texts) == [[fold(t), words(fold(t))] for t in texts]


def test_the_bucket_of_a_word_is_the_indexs(client_page: Any) -> None:
    found = client_page.evaluate("ws => ws.map(w => newsmirrorSearch.bucket(w, 64))", BUCKET_WORDS)
    assert found == [search_index.bucket(w, 64) for w in BUCKET_WORDS]


def results(page: Any) -> list[str]:
    """The titles found, once the status says the search is done. (Waiting goes through a locator: the
    search page's policy forbids the string evaluation that wait_for_function would use.)"""
    expect(page.locator("#search-status")).to_have_text(re.compile(r"\.$"))
    return page.locator("#search-results li h2 a").all_inner_texts()


def test_the_search_box_of_any_page_finds_posts_whatever_case_and_accents(page: Any, site: Path) -> None:
    page.goto((site / "news-archive/policy-note/index.html").as_uri())
    page.get_by_role("searchbox", name="Search the mirror").fill("ZÜRICH")
    page.keyboard.press("Enter")
    assert results(page) == ["A new office in Zürich"]
    assert page.url.startswith((site / "search.html").as_uri() + "?q=")
    assert page.get_by_role("status").inner_text() == "1 post found for “ZÜRICH”."
    snippet = page.locator("#search-results .snippet")
    assert snippet.locator("mark").all_inner_texts() == ["Zurich"]  # the text around the match, not its start
    assert "Filler" not in snippet.inner_text().split("Zurich")[1]
    page.get_by_role("link", name="A new office in Zürich").click()
    assert page.url == (site / "news-archive/zurich-office/index.html").as_uri()


def test_words_rank_titles_first_and_the_last_word_finds_what_it_begins(page: Any, site: Path) -> None:
    page.goto((site / "search.html").as_uri() + "?q=magnet")
    # "magnet" in the title first; "magnetic", "magnets" (prefixes) weigh half.
    assert results(page) == ["Magnet plant opens", "A new office in Zürich", "Policy note"]
    page.goto((site / "search.html").as_uri() + "?q=separation+magn")
    assert results(page) == ["Magnet plant opens"]
    assert page.locator("mark").all_inner_texts() == ["magnetic", "separation", "magnet"]


def test_chinese_and_japanese_words_are_found_inside_sentences_and_marked(page: Any, site: Path) -> None:
    page.goto((site / "search.html").as_uri() + "?q=价格")
    assert results(page) == ["稀土出口"]
    assert page.locator("#search-results mark").all_inner_texts() == ["价格"]
    page.goto((site / "search.html").as_uri() + "?q=稀土价格")
    assert results(page) == ["稀土出口"]
    assert page.locator("#search-results mark").all_inner_texts() == ["稀土价格"]  # the phrase, whole
    page.goto((site / "search.html").as_uri() + "?q=土价格")  # pairs that overlap: all three characters
    assert results(page) == ["稀土出口"]
    assert page.locator("#search-results mark").all_inner_texts() == ["土价格"]
    page.goto((site / "search.html").as_uri() + "?q=人口")
    assert results(page) == ["人口の統計"]
    page.goto((site / "search.html").as_uri() + "?q=稀")  # one character: the pairs it begins
    assert results(page) == ["稀土出口"]
    page.goto((site / "search.html").as_uri() + "?q=给")  # one character at the end of a sentence
    assert results(page) == ["稀土出口"]
    page.goto((site / "search.html").as_uri() + "?q=iphone")  # a Latin word inside Chinese text
    assert results(page) == ["稀土出口"]
    assert page.locator("#search-results mark").all_inner_texts() == ["iPhone"]


def test_a_hindi_word_is_found_with_its_virama_and_vowel_signs(browser: Any, tmp_path: Path) -> None:
    """पत्र (a letter) and पात्र (a vessel, a character in a play) are a vowel sign apart, and a query for one
    finds it alone; the mark covers the word the query begins with its signs, and a Thai word typed with its
    marks in another order than NFKD's is found and marked (a letter alone, with the marks it was typed with)."""
    posts = [post("letter", START, title="सरकार का पत्र", body="मंत्री को सरकार का पत्र कल मिला।\n"),
             post("character", START + timedelta(days=1), title="नाटक का पात्र",
                  body="इस नाटक का मुख्य पात्र क्षत्रियों का राजा है।\n"),
             post("soup", START + timedelta(days=2), title="ต้มยำ", body="ต้มยำก\u0e49\u0e38งน้ำข้น\n")]
    assert run_build(config(tmp_path, write_content(tmp_path / "content", posts))).problems == []
    page = browser.new_page()
    search = (tmp_path / "site/search.html").as_uri() + "?q="
    for query, found, marked in (("पत्र", ["सरकार का पत्र"], ["पत्र"]), ("पात्र", ["नाटक का पात्र"], ["पात्र"]),
                                 ("क्षत्रिय", ["नाटक का पात्र"], ["क्षत्रियों"]),
                                 ("กุ้ง", ["ต้มยำ"], ["ก\u0e49\u0e38ง"]), ("ก", ["ต้มยำ"], ["ก\u0e49\u0e38"])):
        page.goto(search + query)
        assert results(page) == found, query
        assert page.locator("#search-results mark").all_inner_texts() == marked, query
    page.close()


def test_filters_narrow_results_and_alone_list_a_terms_posts(page: Any, site: Path) -> None:
    page.goto((site / "search.html").as_uri() + "?q=magnet&regions=asia")
    assert results(page) == ["Magnet plant opens", "Policy note"]
    assert page.get_by_label("Regions").input_value() == "asia"
    page.get_by_label("News type").select_option("policy")
    page.get_by_role("button", name="Search").click()
    assert results(page) == ["Policy note"]
    page.goto((site / "search.html").as_uri() + "?regions=europe")
    assert results(page) == ["A new office in Zürich"]
    # Newest first, though the index numbers posts by id, and these ids (their slugs' lengths) run otherwise.
    page.goto((site / "search.html").as_uri() + "?regions=asia")
    assert results(page) == ["Policy note", "Magnet plant opens", *[f"Quota update {i}" for i in range(8)]]


def test_many_results_come_a_page_at_a_time_from_the_keyboard(page: Any, site: Path) -> None:
    page.goto((site / "search.html").as_uri())
    for _ in range(10):  # the skip link, the site's title and menu, then the search field
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.id") == "search-words":
            break
    assert page.evaluate("document.activeElement.id") == "search-words"
    page.keyboard.type("quota")
    page.keyboard.press("Enter")
    assert len(results(page)) == 10
    assert page.get_by_role("status").inner_text() == "26 posts found for “quota”."
    more = page.get_by_role("button", name="More results")
    for before, after in ((10, 20), (20, 26)):
        more.focus()
        page.keyboard.press("Enter")
        expect(page.locator("#search-results li")).to_have_count(after)
        first_new = page.locator("#search-results li h2 a").nth(before)  # where the reader goes on
        assert page.evaluate("document.activeElement.textContent") == first_new.inner_text()
    assert more.is_hidden()


def test_nothing_found_is_said_and_an_empty_query_searches_nothing(page: Any, site: Path) -> None:
    page.goto((site / "search.html").as_uri() + "?q=xylophone")
    assert results(page) == [] and page.get_by_role("status").inner_text() == "No posts found for “xylophone”."
    page.goto((site / "search.html").as_uri())
    assert page.get_by_role("status").inner_text() == ""


def test_without_javascript_the_form_shows_and_says_search_needs_it(browser: Any, site: Path) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto((site / "search.html").as_uri() + "?q=magnet")
    assert page.get_by_label("Words to find").is_visible()
    assert "Search needs JavaScript" in page.locator("main").inner_text()
    page.goto((site / "index.html").as_uri())
    assert page.get_by_role("searchbox", name="Search the mirror").is_visible()
    context.close()


def test_a_missing_index_is_reported_on_the_page(browser: Any, site: Path, tmp_path: Path) -> None:
    broken = tmp_path / "site"
    broken.mkdir()
    for name in ("search.html", "js/search.js", "search/index.js", "css/site.css"):
        (broken / name).parent.mkdir(parents=True, exist_ok=True)
        (broken / name).write_bytes((site / name).read_bytes())
    page = browser.new_page()
    page.goto(broken.as_uri() + "/search.html?q=magnet")
    expect(page.get_by_role("status")).to_contain_text("could not load")
    assert "search/words/0-0.js" in page.get_by_role("status").inner_text()
    page.close()


def test_search_speaks_the_sites_language_with_its_plural_forms(browser: Any, tmp_path: Path) -> None:
    """Russian counts take three forms (1 запись, 3 записи, 5 записей), which the browser picks by its own
    plural rules for the page's language."""
    posts = [post(f"note-{i}", START + timedelta(days=i), title=f"Note {i}",
                  body=" ".join(word for word, count in (("alpha", 5), ("beta", 3), ("gamma", 1)) if i < count) + "\n")
             for i in range(5)]
    forms = {"one": "{count} запись", "few": "{count} записи", "many": "{count} записей", "other": "{count} записи"}
    built = run_build(config(tmp_path, write_content(tmp_path / "content", posts), site={"language": "ru"},
                             words={"found_for": forms, "found_none_for": "Ничего нет"}))
    assert built.problems == []
    page = browser.new_page()
    for query, said in (("gamma", "1 запись"), ("beta", "3 записи"), ("alpha", "5 записей"), ("delta", "Ничего нет")):
        page.goto((tmp_path / "site/search.html").as_uri() + "?q=" + query)
        expect(page.get_by_role("status")).to_have_text(said)
    page.close()


def test_arabic_and_persian_words_are_found_however_their_letters_and_digits_are_written(
        browser: Any, tmp_path: Path) -> None:
    """An Arabic news site's title stretched with tatweels ("جحــيم") was found by no query typed without them, one
    printed in Arabic-Indic digits by no "2017", and a Persian word typed with Persian letters (ی, ک) missed the
    same word typed on an Arabic keyboard (ي, ك). Each is found and marked."""
    posts = [post("hell", START, title="يترك جحــيم الهلال", body="ترك اللاعب جحــيم الهلال في عام ٢٠١٧.\n"),
             post("book", START + timedelta(days=1), title="كتاب پايتون", body="فصل يك از كتاب پايتون.\n"),
             post("other", START + timedelta(days=2), title="خبر آخر", body="لا شيء هنا.\n")]
    assert run_build(config(tmp_path, write_content(tmp_path / "content", posts))).problems == []
    page = browser.new_page()
    search = (tmp_path / "site/search.html").as_uri() + "?q="
    for query, found, marked in (("جحيم", ["يترك جحــيم الهلال"], ["جحــيم"]), ("2017", ["يترك جحــيم الهلال"], ["٢٠١٧"]),
                                 ("کتاب", ["كتاب پايتون"], ["كتاب"]), ("پایتون", ["كتاب پايتون"], ["پايتون"])):
        page.goto(search + query)
        assert results(page) == found, query
        assert page.locator("#search-results mark").all_inner_texts() == marked, query
    page.close()


@settings(max_examples=40, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(titles=st.lists(st.lists(st.sampled_from(["a", "Zé", "٣١", "Red", "One", "يفاجئ", "الجميع", "שלום", "://x", "²",
                                                 " ", "\t", "\u200f", "ﻻ", "𐤀", "Ⅻ", "۲۰۱۷", "-", "\x1c", "\x85",
                                                 "\ufeff", "\u3000"]), max_size=12)
                       .map("".join), min_size=1, max_size=30))
def test_a_results_title_runs_the_way_its_card_does(client_page: Any, titles: list[str]) -> None:
    """A search result's title takes the direction the title's card takes (`heading_direction`): an Arabic title
    that begins with a Latin name runs right to left in the results too."""
    found = client_page.evaluate("titles => titles.map(t => newsmirrorSearch.direction(t))", titles)
    assert found == [heading_direction(title) for title in titles]
    assert client_page.evaluate("newsmirrorSearch.direction('Red One يفاجئ الجميع من المغرب')") == "rtl"
