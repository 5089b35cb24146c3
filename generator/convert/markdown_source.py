"""Posts written in Markdown. PHP Markdown, and the plugins built on it, turn a post's Markdown into HTML
as the page is shown, so the export holds the Markdown itself; read as HTML, its links showed as
`[text](http://…)`. Such a post is rendered from Markdown, as the site showed it. A post that Jetpack's
Markdown marks as written in Markdown (`_wpcom_is_markdown`) and holds no HTML structure is Markdown even with
no link: its fenced code read as HTML showed its backticks, and lost `<int>` as a tag.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from markdown_it import MarkdownIt
from markdown_it.token import Token

from generator.convert import paired

# A Markdown link, inline or by reference: the mark of a post written in Markdown.
# (Its text holds no bracket, so that the search from each "[" ends at the next: a run of "[" never closed made
# it search to the line's end from each one.)
LINK = re.compile(r"\[[^\[\]\n]+\]\((?:https?://|/)[^)\s]*\)|^ {0,3}\[[^\[\]\n]+\]:[ \t]*(?:https?://|/)\S*",
                  re.MULTILINE)
# The markup an HTML post is made of and a Markdown one has no need of: links, paragraphs, line breaks.
HTML_STRUCTURE = re.compile(r"<(?:a|p|br|div|li)\b", re.IGNORECASE)
CODE = (re.compile(r"<(pre|code)\b", re.IGNORECASE), lambda found: f"</{found[1].lower()}>")  # see convert/paired
# PHP Markdown lets HTML through, as CommonMark does with html on.
RENDERER = MarkdownIt("commonmark", {"html": True})


def _text(_renderer: object, tokens: Sequence[Token], idx: int, *_: object) -> str:
    """Text with its quotes as typed, where markdown-it writes `&quot;`, as PHP Markdown does: WordPress curls
    them then (convert/texturize.py), as it does not curl an entity."""
    return tokens[idx].content.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


RENDERER.add_render_rule("text", _text)
# Jetpack's Markdown saves its HTML without `<p>` (its parser's strip_paras), for WordPress's wpautop to make the
# paragraphs as the page is shown: a single new line inside a paragraph is a line break there, as in a classic post.
BREAKING = MarkdownIt("commonmark", {"html": True, "breaks": True})
BREAKING.add_render_rule("text", _text)
# PHP Markdown reads `###Heading` as a heading; CommonMark wants a space after the hashes.
TIGHT_HEADING = re.compile(r"^(#{1,6})(?=[^\s#])", re.MULTILINE)


def written_in_markdown(raw: str, declared: bool = False) -> bool:
    """Whether the post links the Markdown way (or is `declared` Markdown by its meta) and has none of HTML's
    structure, so that an HTML post which merely shows Markdown (in its code, or as an example) stays HTML, and
    so does one Jetpack saved already rendered."""
    prose = paired.replace(raw, paired.spans(raw, *CODE), lambda _: "")
    return (declared or LINK.search(prose) is not None) and HTML_STRUCTURE.search(prose) is None


# A tag alone on its line opens a block of raw HTML in CommonMark, which runs to the next blank line and leaves
# the Markdown in it unread; PHP Markdown does so only for block tags, and reads `<img …>` and the text under it
# as one paragraph. Joined to the line under it, such a tag is inline, as there.
SPAN_TAG_LINE = re.compile(r"^(<(?!(?:p|div|h[1-6]|blockquote|pre|table|dl|ol|ul|script|noscript|form|fieldset"
                           r"|iframe|math|ins|del|style|hr|figure|section)\b)[a-z][^>]*>)[ \t]*\n(?=[ \t]*\S)",
                           re.MULTILINE | re.IGNORECASE)


# Code, which those two rewrites must leave as it is (`#include <stdio.h>` is no heading): fenced blocks and the
# <pre> that code shortcodes became.
CODE_REGION = re.compile(r"^(`{3,}|~{3,})[^\n]*\n.*?^\1[^\n]*$|<pre\b.*?</pre>",
                         re.MULTILINE | re.DOTALL | re.IGNORECASE)


def render(raw: str, jetpack: bool = False) -> str:
    """The post's HTML; `jetpack`: written with Jetpack's Markdown, whose single new lines are line breaks."""
    pieces, done = [], 0
    for code in CODE_REGION.finditer(raw):
        pieces += [_as_commonmark(raw[done:code.start()]), code.group()]
        done = code.end()
    return (BREAKING if jetpack else RENDERER).render("".join(pieces) + _as_commonmark(raw[done:]))


def _as_commonmark(prose: str) -> str:
    return SPAN_TAG_LINE.sub(r"\1 ", TIGHT_HEADING.sub(r"\1 ", prose))
