"""Floated and centred pictures set apart from their paragraph, every word kept, in time linear in their number:
each picture reads only the words left after it once the pictures behind it are out, and a paragraph's lines move
once however many pictures part it."""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.floated_images import floated_images_apart
from generator.convert.markdown import html_to_markdown
from tests.pass_timing import best_seconds

PICTURE = '<img class="alignright" src="https://news.example/a.jpg" alt="">'
SMALL, LARGE = 1_000, 16_000
RATIO = 96  # sixteen times the markup, at most 96 times the time (a large tree misses the caches): a square takes 256


@pytest.mark.parametrize("shape", [
    "<p>Our volunteers at work. " + "{}" + "</p>",  # all after the words
    "<p>{}Our volunteers at work.</p>",  # all before them
    "<div>{}Our volunteers at work.</div>",  # in a div of a line's words, asked once whether it holds a block
])
def test_many_floated_pictures_go_apart_in_linear_time(shape: str) -> None:
    small = best_seconds(shape.format((PICTURE + " ") * SMALL), floated_images_apart, tries=3)
    large = best_seconds(shape.format((PICTURE + " ") * LARGE), floated_images_apart, tries=2)
    assert large < RATIO * max(small, 0.001)


@pytest.mark.parametrize("one", [
    "<strong>" + PICTURE + "</strong> and ",  # between words, each in its own emphasis
    "A line.<br>" + PICTURE + "<br>",  # each on a line of its own
])
def test_many_pictures_between_words_go_apart_in_linear_time(one: str) -> None:
    small = best_seconds(f"<p>{one * SMALL}The end.</p>", floated_images_apart, tries=3)
    large = best_seconds(f"<p>{one * LARGE}The end.</p>", floated_images_apart, tries=2)
    assert large < RATIO * max(small, 0.001)


@pytest.mark.parametrize("one", [
    '<img class="aligncenter" src="https://news.example/c.jpg" alt=""> and ',  # each parts the words
    '<img style="display:block;margin:auto" src="https://news.example/c.jpg" alt="">',  # together after the words
])
def test_many_centred_pictures_go_apart_in_linear_time(one: str) -> None:
    small = best_seconds(f"<p>The start. {one * SMALL}The end.</p>", floated_images_apart, tries=3)
    large = best_seconds(f"<p>The start. {one * LARGE}The end.</p>", floated_images_apart, tries=2)
    assert large < RATIO * max(small, 0.001)


WORDS = st.lists(st.text(alphabet="abcdefghijklmnopqrstuvwxyzàéøß", min_size=1, max_size=8), min_size=1, max_size=12)
ALIGNMENTS = st.sampled_from(['class="alignleft"', 'class="size-full alignright wp-image-7"', 'class="aligncenter"',
                              'align="left"', 'align="RIGHT"', 'style="float:right;margin:4px"',
                              'style="display:block;float:none;margin-left:auto;margin-right:auto"',
                              'class="alignnone size-full" width="696" height="392"', 'width="1024"'])


@settings(max_examples=60, deadline=None)
@given(words=WORDS, alignment=ALIGNMENTS, linked=st.booleans(), gap=st.sampled_from(["", " ", "\n", "<br>\n"]))
def test_a_picture_opening_a_paragraph_stands_above_it_and_every_word_follows(
        words: list[str], alignment: str, linked: bool, gap: str) -> None:
    image = f'<img {alignment} src="https://e.example/p.jpg" alt="Pic" />'
    if linked:
        image = f'<a href="https://e.example/p.jpg">{image}</a>'
    markdown = html_to_markdown(f"<p>{image}{gap}{' '.join(words)}</p>", Context())
    picture, _, rest = markdown.partition("\n\n")
    assert picture.endswith("(https://e.example/p.jpg)") and "Pic" in picture
    assert rest.split() == words


@pytest.mark.parametrize("width", [500, 696, 1024])
def test_a_wide_picture_with_no_alignment_stands_above_its_words(width: int) -> None:
    """A cover 500 pixels wide or wider (by its attributes, or its file's name as WordPress names its copies) takes its
    line on the live page; a narrower one, and one drawn no higher than a line of text, stays in the line."""
    by_name = f'<img src="https://films.example/cover-{width}x392.jpg" alt="Cover" />'
    by_size = f'<img class="alignnone" src="https://films.example/c.jpg" alt="Cover" width="{width}" height="392" />'
    for image in (by_name, by_size):
        markdown = html_to_markdown(f"<p>{image}The film opens at dawn.</p>", Context())
        assert markdown.split("\n\n")[1].strip() == "The film opens at dawn."
    for narrow in (f'<img src="https://films.example/c-300x200.jpg" alt="C" />',
                   f'<img src="https://films.example/f.png" alt="C" width="{width}" height="20" />'):
        assert "\n\n" not in html_to_markdown(f"<p>{narrow}The film opens at dawn.</p>", Context()).strip()
