"""Definition lists (`<dl>`: a glossary, a script's options each explained) as HTML around their Markdown.

CommonMark has no definition lists. markdownify writes PHP Markdown Extra's (`term` then `:   definition`), which
the renderer reads as one paragraph, term and definition run together behind a stray colon. The list stays HTML,
as `<ol reversed>` does, with each term and definition a block of Markdown between blank lines (which CommonMark
reads inside the HTML), so that their links, code and emphasis still show. These are NewsConverter's methods.
"""

from __future__ import annotations

from bs4 import Tag


def convert_dl(self: object, el: Tag, text: str, parent_tags: set[str]) -> str:
    if "_inline" in parent_tags or not text.strip():
        return f" {text.strip()} " if "_inline" in parent_tags else ""
    return f"\n\n<dl>\n{text.strip(chr(10))}\n</dl>\n\n"


def convert_dt(self: object, el: Tag, text: str, parent_tags: set[str]) -> str:
    return _part("dt", text, parent_tags)


def convert_dd(self: object, el: Tag, text: str, parent_tags: set[str]) -> str:
    return _part("dd", text, parent_tags)


def _part(name: str, text: str, parent_tags: set[str]) -> str:
    text = text.strip()
    if "_inline" in parent_tags:  # (in a heading or a table cell: its words, apart from the next part's)
        return f" {text} " if text else ""
    if not text:
        return ""
    if "dl" not in parent_tags:  # a term or definition pasted without its list: a block of its own
        return f"\n\n{text}\n\n"
    return f"<{name}>\n\n{text}\n\n</{name}>\n"
