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


BLOCK_SHAPES = ("<p>{}</p>", "<div>{}</div>", "<ul><li>{}</li></ul>", "<h3>{}</h3>", "<blockquote><p>{}</p></blockquote>",
                "{}")
words = st.text(alphabet="aZ9中文 ", min_size=1, max_size=8).map(lambda s: " ".join(s.split())).filter(bool)


@settings(max_examples=200, deadline=None)
@given(lines=st.lists(st.tuples(st.sampled_from(BLOCK_SHAPES), words), min_size=1, max_size=4),
       tag=st.sampled_from(sorted(TAGS)), wrapper=st.sampled_from(("<p>{}</p>", "<div>{}</div>", "{}")))
@example(lines=[("<h3>{}</h3>", "9"), ("<h3>{}</h3>", "9")], tag="b", wrapper="<p>{}</p>")  # an author's two headings
@pytest.mark.parametrize("engine", sorted(RENDERERS))
def test_emphasis_around_blocks_marks_every_line_and_leaves_no_mark_as_text(engine: str, lines, tag: str,
                                                                              wrapper: str) -> None:
    """Emphasis around whole blocks (a shortcode's output inside `<p><strong>`): a browser shows every
    line emphasised, so each line's text is, and no mark spans blocks to show as text."""
    inner = "".join(shape.format(text) for shape, text in lines)
    source = wrapper.format(f"<{tag}><div>{inner}</div></{tag}>")
    html = RENDERERS[engine].render(html_to_markdown(source)).html
    assert shown_text(html).replace(" ", "") == shown_text(source).replace(" ", ""), html
    for _, text in lines:
        assert re.search(rf"<({'|'.join(TAGS[tag])})>[^<]*{re.escape(text)}", html), (text, html)


def _linked(html: str, linked: bool, n: int) -> str:
    return f'<a href="https://example.org/{n}">{html}</a>' if linked else f"<span>{html}</span>"


@settings(max_examples=200, deadline=None)
@given(first=pieces, second=pieces, tag=st.sampled_from(sorted(TAGS)), links=st.tuples(st.booleans(), st.booleans()),
       between=st.sampled_from(("", "!", "x", " ")))
@example(first="epifest", second="!", tag="strong", links=(True, False), between="")
@pytest.mark.parametrize("engine", sorted(RENDERERS))
def test_marks_beside_and_inside_links_render_as_their_elements(engine: str, first: str, second: str, tag: str,
                                                               links: tuple[bool, bool], between: str) -> None:
    """A link's brackets part the marks inside it from those beside it, so both stay Markdown marks or HTML
    that renders; none shows as text. Touching across two spans, with no link, the two are one run."""
    source = (f"<p>x{_linked(f'<{tag}>{first}</{tag}>', links[0], 1)}{between}"
              f"{_linked(f'<{tag}>{second}</{tag}>', links[1], 2)}x</p>")
    html = RENDERERS[engine].render(html_to_markdown(source)).html
    assert shown_text(html) == shown_text(source), html
    runs = 1 if links == (False, False) and not between else 2
    assert sum(html.count(f"<{name}>") for name in TAGS[tag]) == runs, html
    assert html.count("<a ") == sum(links), html
