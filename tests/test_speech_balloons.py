"""Cocoon's speech balloons as quotes of their words (convert/speech_balloons.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown

WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzあいう", min_size=1, max_size=8), min_size=1, max_size=6)
NAMES = st.one_of(st.just(""), st.text(alphabet="ABCDEFGHIJabcdefghij", min_size=1, max_size=8))


@given(st.lists(WORDS, min_size=1, max_size=3), NAMES, NAMES)
def test_a_balloon_is_a_quote_of_every_word_it_says_opened_by_the_speakers_name(
        lines: list[list[str]], name: str, alt: str) -> None:
    said = "".join(f"<p>{' '.join(words)}</p>" for words in lines)
    html = (f'<div class="speech-wrap sb-id-1 sbp-l cf"><div class="speech-person"><figure class="speech-icon">'
            f'<img src="https://example.jp/face.png" alt="{alt}" class="speech-icon-image"></figure>'
            f'<div class="speech-name">{name}</div></div><div class="speech-balloon">{said}</div></div>')
    markdown = html_to_markdown(html)
    speaker = name or alt
    opening = f"**{speaker}:** " if speaker else ""
    assert markdown == "\n>\n".join(f"> {opening if i == 0 else ''}{' '.join(words)}"
                                    for i, words in enumerate(lines)) + "\n"
    assert "face.png" not in markdown
