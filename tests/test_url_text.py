"""Addresses shown to readers: a post's source address in its footer reads in its own script."""

from __future__ import annotations

import unicodedata
from datetime import datetime, timezone
from pathlib import Path
from urllib.parse import quote, unquote

from hypothesis import given
from hypothesis import strategies as st

from generator.builder import run_build
from generator.convert.document import Source
from generator.render.url_text import HIDDEN_CATEGORIES, readable, readable_html
from tests.site_content import config, post, write_content

ARABIC = "https://madaratalkon.com/trip/%d8%a7%d9%84%d8%b3%d9%81%d8%b1-14/"


def test_escaped_letters_are_shown_as_letters() -> None:
    assert readable(ARABIC) == "https://madaratalkon.com/trip/السفر-14/"
    assert readable("https://ru.example/%D0%BD%D0%BE%D0%B2%D0%BE%D1%81%D1%82%D0%B8/") == "https://ru.example/новости/"


def test_escapes_that_would_change_or_hide_something_stay() -> None:
    assert readable("https://a.example/a%20b/c%2Fd?q=%25") == "https://a.example/a%20b/c%2Fd?q=%25"
    assert readable("https://a.example/%E2%80%AEgpj.exe") == "https://a.example/%E2%80%AEgpj.exe"  # bidi override
    assert readable("https://a.example/%C2%A0x") == "https://a.example/%C2%A0x"  # a no-break space
    assert readable("https://a.example/%d8%a7%d9") == "https://a.example/%d8%a7%d9"  # cut in a character
    # A look-alike of a slash would make one address read as another; a Hangul filler shows nothing.
    assert readable("https://bank.example%E2%88%95login.evil.example/") == "https://bank.example%E2%88%95login.evil.example/"
    assert readable("https://a.example/%E3%85%A4x") == "https://a.example/%E3%85%A4x"


def test_right_to_left_parts_of_an_address_keep_their_order() -> None:
    shown = readable_html("https://a.example/%D8%B3%D9%81%D8%B1/2024/%D9%85%D8%B5%D8%B1/?q=<b>")
    assert shown == "https://a.example/<bdi>سفر</bdi>/2024/<bdi>مصر</bdi>/?q=&lt;b&gt;"


@given(st.text(max_size=30))
def test_shown_text_means_the_same_address_and_shows_nothing_hidden(text: str) -> None:
    url = "https://a.example/" + quote(text, safe="/")
    shown = readable(url)
    assert unquote(shown) == unquote(url)
    assert not any(unicodedata.category(c) in HIDDEN_CATEGORIES for c in shown)


def test_a_posts_footer_shows_its_address_readable_and_links_to_it_as_it_is(tmp_path: Path) -> None:
    when = datetime(2025, 5, 4, 18, 10, tzinfo=timezone.utc)
    document = post("safar", when, source=Source(7, ARABIC, "https://madaratalkon.com/?p=7"))
    content = write_content(tmp_path / "content", [document])
    assert run_build(config(tmp_path, content)).problems == []
    page = (tmp_path / "site/news-archive/safar/index.html").read_text(encoding="utf-8")
    assert f'<a href="{ARABIC}" dir="ltr">https://madaratalkon.com/trip/<bdi>السفر-14</bdi>/</a>' in page
