"""Bold, italics and strike-through survive the trip HTML -> Markdown -> HTML beside any neighbour: Chinese
text, punctuation, symbols, code. A mark Markdown does not read shows as literal asterisks or tildes."""

from __future__ import annotations

import re
from html import unescape

import pytest
from hypothesis import example, given, settings
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown
from generator.render.markdown import MarkdownRenderer

# Letters of three scripts, digits, ASCII and CJK punctuation, symbols, quotes, a space.
CHARS = "aZ9中文字～。，、（）「」“”\"'()[]/.:;!?-+=©€$%@#^|' "
pieces = st.text(alphabet=CHARS, min_size=1, max_size=6).map(str.strip).filter(bool)
TAGS = {"strong": ("strong",), "b": ("strong",), "em": ("em",), "i": ("em",), "del": ("del", "s"), "s": ("del", "s")}
RENDERERS = {"reference": MarkdownRenderer(compiled=False), "compiled": MarkdownRenderer()}


def shown_text(html: str) -> str:
    return " ".join(unescape(re.sub(r"<[^>]+>", "", html)).split())


@settings(max_examples=300, deadline=None)
@given(before=st.text(alphabet=CHARS, max_size=4), inner=pieces, after=st.text(alphabet=CHARS, max_size=4),
       tag=st.sampled_from(sorted(TAGS)), nested=st.booleans())
@example(before="", inner="^[", after="]", tag="b", nested=False)  # `^[`…`]` read as an inline footnote
@pytest.mark.parametrize("engine", sorted(RENDERERS))
def test_a_marked_run_renders_as_its_element_whatever_its_neighbours(engine: str, before: str, inner: str,
                                                                       after: str, tag: str, nested: bool) -> None:
    inside = f"<code>{inner}</code>" if nested else inner
    source = f"<p>x{before}<{tag}>{inside}</{tag}>{after}x</p>"
    html = RENDERERS[engine].render(html_to_markdown(source)).html
    assert shown_text(html) == shown_text(source), html  # no mark left over as text, nothing lost
    assert any(f"<{name}>" in html for name in TAGS[tag]), html


def test_plain_neighbours_keep_the_plain_marks() -> None:
    """HTML only where it is needed: the Markdown stays readable for the common case."""
    markdown = html_to_markdown("<p>A <strong>bold</strong> word, <em>its</em> and "
                                "中文<strong>粗体</strong>中文.</p>")
    assert markdown == "A **bold** word, *its* and 中文**粗体**中文.\n"
