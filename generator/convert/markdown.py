"""HTML to Markdown: markdownify, pinned to the output the content format promises."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup
from markdownify import ATX, BACKSLASH, MarkdownConverter

from generator.convert.cleanup import clean

BLANK_RUNS = re.compile(r"\n{3,}")
TRAILING_SPACE = re.compile(r"[ \t]+$", re.MULTILINE)
SAFE_ID = re.compile(r"^[A-Za-z0-9][\w.:-]*$")


class NewsConverter(MarkdownConverter):
    """One paragraph per line, ATX headings that keep their source ids, `-` bullets."""

    class Options:
        heading_style = ATX
        bullets = "-"
        newline_style = BACKSLASH
        strong_em_symbol = "*"
        wrap = False
        escape_misc = False

    def convert_hN(self, n: int, el, text: str, parent_tags: set[str]) -> str:
        markdown = super().convert_hN(n, el, text, parent_tags)
        ident = el.get("id")
        if "_inline" in parent_tags or not ident or not SAFE_ID.match(ident) or not markdown.strip():
            return markdown
        # Fragment links inside the article point at these ids; keep them as a {#id} attribute.
        return markdown.rstrip("\n") + f" {{#{ident}}}\n\n"


def html_to_markdown(html: str) -> str:
    soup = clean(BeautifulSoup(html, "html.parser"))
    markdown = NewsConverter().convert_soup(soup)
    return normalize(markdown)


def normalize(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, exactly one final newline."""
    markdown = TRAILING_SPACE.sub("", markdown)
    markdown = BLANK_RUNS.sub("\n\n", markdown).strip("\n")
    return markdown + "\n" if markdown else ""
