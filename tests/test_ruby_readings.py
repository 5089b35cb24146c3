"""Ruby readings set in the brackets a browser without ruby shows (convert/ruby_readings.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown

KANJI = st.text(alphabet="漢字論文始東京都", min_size=1, max_size=4)
KANA = st.text(alphabet="かんじろぶはとうきょ", min_size=1, max_size=6)
LATIN = st.text(alphabet="abcdefghij", min_size=1, max_size=6)


@given(st.lists(st.tuples(KANJI, KANA), min_size=1, max_size=4), LATIN, LATIN)
def test_every_word_is_followed_by_its_reading_in_brackets_and_no_letter_goes(
        pairs: list[tuple[str, str]], name: str, said: str) -> None:
    ruby = "".join(f"{word}<rt>{reading}</rt>" for word, reading in pairs)
    markdown = html_to_markdown(f"<p>「<ruby>{ruby}</ruby>」と<ruby>{name}<rt>{said}</rt></ruby>。</p>")
    assert markdown == "「" + "".join(f"{word}（{reading}）" for word, reading in pairs) + f"」と{name}({said})。\n"


@given(KANJI, KANA)
def test_a_reading_its_author_bracketed_is_bracketed_once(word: str, reading: str) -> None:
    markdown = html_to_markdown(f"<p><ruby>{word}<rp>(</rp><rt>{reading}</rt><rp>)</rp></ruby></p>")
    assert markdown == f"{word}({reading})\n"
