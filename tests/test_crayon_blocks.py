"""Crayon Syntax Highlighter's rendered listings (convert/crayon_blocks.py): whatever code a listing holds, in any
script, comes out as one code block holding it line for line, from its plain copy or from its highlighted lines."""

from __future__ import annotations

from html import escape

from hypothesis import example, given, settings
from hypothesis import strategies as st
from markdown_it import MarkdownIt

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

LINE = st.text(st.characters(blacklist_categories=("Cs", "Cc", "Zl", "Zp"), blacklist_characters="\r\x85"),
               max_size=30).map(str.rstrip)


def _code_of(markdown: str) -> list[str]:
    return [token.content for token in MarkdownIt("commonmark").parse(markdown) if token.type == "fence"]


@settings(max_examples=150, deadline=None)
@example(lines=["\U000f0000"], language="Python", plain=False)  # a private font's character: no icon in code
@given(lines=st.lists(LINE, min_size=1, max_size=6).filter(lambda ls: any(line.strip() for line in ls)),
       language=st.sampled_from(["Python", "PHP", "Plain Text", "C++", ""]), plain=st.booleans())
def test_any_crayon_listing_is_one_code_block_holding_its_lines(lines: list[str], language: str, plain: bool) -> None:
    code = "\n".join(lines).strip("\n")
    shown = "".join(f'<div class="crayon-line"><span class="crayon-v">{escape(line)}</span></div>' for line in lines)
    copy = f'<div class="crayon-plain-wrap"><textarea class="crayon-plain">{escape(code)}</textarea></div>' if plain else ""
    html = (f'<p>پیش از کد</p><div class="crayon-syntax"><div class="crayon-toolbar"><span class="crayon-language">'
            f'{language}</span></div>{copy}<table class="crayon-table"><tr><td class="crayon-nums">1</td>'
            f'<td class="crayon-code"><div class="crayon-pre">{shown}</div></td></tr></table></div>')
    assert _code_of(html_to_markdown(html, Context())) == [code + "\n"]
