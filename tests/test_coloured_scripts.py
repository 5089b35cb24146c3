"""A shell script a highlighter coloured word by word (GeSHi's styled spans), pasted into a quote with no <pre> and
laid out by wpautop (`<p>` per blank line, `<br />` and the source's own line end per line): its code block holds the
script's lines as written, each once, in order, whichever words were coloured."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.autop import autop
from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

WORD = st.text(alphabet="abcdefghijklmnopqrstuvwxyz_=$-.|", min_size=1, max_size=8)
LINE = st.lists(WORD, min_size=1, max_size=6).map(" ".join)
COLOURS = ("color: rgb(0, 120, 0);", "color: rgb(194, 12, 185); font-weight: bold;", "color: rgb(255, 0, 0);")


def _coloured(line: str, draw: st.DrawFn) -> str:
    words = line.split(" ")
    return " ".join(f'<span style="{draw(st.sampled_from(COLOURS))}">{word}</span>' if draw(st.booleans()) else word
                    for word in words)


@st.composite
def scripts(draw: st.DrawFn) -> tuple[list[str], str]:
    """A script's lines (one blank line between some of them) and the HTML the visual editor saved of it."""
    lines = ["#!/bin/bash"]
    for line in draw(st.lists(LINE, min_size=3, max_size=12)):
        if draw(st.booleans()) and lines[-1]:
            lines.append("")
        lines.append(line)
    body = "\n".join(_coloured(line, draw) if line and i else line for i, line in enumerate(lines))
    last = " ".join(f'<span style="{COLOURS[0]}">{word}</span>' for word in ("echo", "done", "now"))  # three at least
    return [*lines, "echo done now"], f"<blockquote>{body}\n{last}</blockquote>"


@settings(max_examples=60, deadline=None)
@given(script=scripts())
def test_a_coloured_script_in_a_quote_is_a_code_block_of_its_lines(script: tuple[list[str], str]) -> None:
    lines, html = script
    markdown = html_to_markdown(autop(html), Context())
    shown = markdown.strip().split("\n")
    assert shown[0].startswith("```") and shown[-1] == shown[0].rstrip("abcdefghijklmnopqrstuvwxyz")
    assert shown[1:-1] == lines
