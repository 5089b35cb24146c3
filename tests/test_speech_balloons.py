"""Speech balloons of Cocoon, SWELL, SANGO, JIN, AFFINGER and WP Bubble Chat as quotes of their words (convert/speech_balloons.py)."""

from __future__ import annotations

import warnings

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown
from generator.convert.wp_post import to_document
from tests.conftest import rest_item
from tests.test_fuzz_import import markup

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


# Each theme's balloon as it prints it (SWELL's block, SANGO's `[say]`, JIN's `[chat]`, AFFINGER's conversation,
# WP Bubble Chat's `[chat]`).
THEME_BALLOONS = {
    "swell": ('<div class="c-balloon -bln-left"><div class="c-balloon__icon -circle"><img src="https://example.jp/'
              'face.png" alt="{alt}" class="c-balloon__iconImg"><span class="c-balloon__iconName">{name}</span></div>'
              '<div class="c-balloon__body -speaking"><div class="c-balloon__text">{said}<span class="c-balloon__'
              'shapes"><span class="c-balloon__before"></span></span></div></div></div>'),
    "sango": ('<div class="say left"><p class="faceicon"><img src="https://example.jp/face.png" alt="{alt}" '
              'width="110"><span>{name}</span></p><div class="chatting"><div class="sc">{said}</div></div></div>'),
    "jin": ('<div class="balloon-box balloon-left clearfix"><div class="balloon-icon maru"><img src="https://'
            'example.jp/face.png" alt="{alt}"></div><div class="icon-name">{name}</div><div class="balloon-serif">'
            '<div class="balloon-content">{said}</div></div></div>'),
    "affinger": ('<div class="st-kaiwa-box kaiwaicon1 clearfix"><div class="st-kaiwa-face"><img src="https://'
                 'example.jp/face.png" alt="{alt}"><div class="st-kaiwa-face-name">{name}</div></div><div '
                 'class="st-kaiwa-area"><div class="st-kaiwa-hukidashi">{said}</div></div></div>'),
    "wp bubble chat": ('<div class="wpbc-outer wpbc-pos-l"><div class="wpbc-avatar"><div class="wpbc-avatar-image"><img '
                       'src="https://example.jp/face.png" alt="{alt}"></div><div class="wpbc-avatar-name">{name}</div>'
                       '</div><div class="wpbc-avatar-text"><div class="wpbc-avatar-text-inner">{said}</div></div></div>'),
}


@given(st.sampled_from(sorted(THEME_BALLOONS)), st.lists(WORDS, min_size=1, max_size=3), NAMES, NAMES)
def test_every_themes_balloon_is_a_quote_of_every_word_it_says_opened_by_the_speakers_name(
        theme: str, lines: list[list[str]], name: str, alt: str) -> None:
    said = "".join(f"<p>{' '.join(words)}</p>" for words in lines)
    markdown = html_to_markdown(THEME_BALLOONS[theme].format(alt=alt, name=name, said=said))
    speaker = name or alt
    opening = f"**{speaker}:** " if speaker else ""
    assert markdown == "\n>\n".join(f"> {opening if i == 0 else ''}{' '.join(words)}"
                                    for i, words in enumerate(lines)) + "\n"
    assert "face.png" not in markdown


@settings(max_examples=150, deadline=None)
@given(markup(), st.sampled_from(['name="Aoi"', 'face="man1"', 'icon="12" name="Clerk" pos="r"', 'id="3"', ""]))
def test_any_markup_said_in_a_chat_shortcode_converts_without_a_warning(said: str, attributes: str) -> None:
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        try:
            to_document(rest_item(content={"rendered": f"<p>[chat {attributes}]{said}[/chat]</p>"}))
        except Exception as error:  # an item error names the field; anything else is a fault
            assert type(error).__name__ == "ItemError", error
