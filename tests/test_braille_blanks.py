"""Blank Braille patterns typed as space (convert/braille_blanks.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.braille_blanks import as_spaces
from generator.convert.markdown import html_to_markdown

WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzäøç", min_size=1, max_size=8), min_size=1, max_size=8)
GAPS = st.lists(st.sampled_from(["\u2800", "&#10240;", "&#x2800;", " "]), min_size=1, max_size=30).map("".join)


@given(WORDS, st.lists(GAPS, min_size=8, max_size=8))
def test_a_gap_of_blank_patterns_is_a_space_and_every_word_stays(words: list[str], gaps: list[str]) -> None:
    text = "".join(word + gap for word, gap in zip(words, gaps))
    markdown = html_to_markdown(f"<p>{text}</p><p>{gaps[0]}</p>")
    assert "\u2800" not in markdown
    assert markdown.split() == words


@given(st.text(alphabet="\u2800\u2801\u28ff\u28c0 ab", max_size=40))
def test_text_that_draws_with_braille_is_left_as_it_is(text: str) -> None:
    drawn = f"{text}\u28ff"
    assert as_spaces(drawn) == drawn


def test_block_art_drawn_with_blank_patterns_is_left_as_it_is() -> None:
    art = "<p>█⠀⠀█<br>████<br>█⠀⠀█</p>"
    assert as_spaces(art) == art
