"""A post's description, as a copy's page printed it, read as the HTML of its excerpt where it is that HTML. Themes
add their "read more" to the excerpt as markup (`excerpt_more`: `<p class="read-more"><a href="…">Selengkapnya
»</a></p>`), and SEO plugins print the excerpt, escaped, as the page's description: a copy's 489 pages had that
markup, tags and all, for their summaries. A description holding a whole link element (`<a href=…>…</a>`) is such
an excerpt; any other is text, whatever it says of tags (a tutorial's "include the <fstream> header")."""

from __future__ import annotations

import html
import re

LINK_OPENED = re.compile(r"<a\s[^<>]*?\bhref\s*=[^<>]*>", re.IGNORECASE)


def excerpt_html(description: str) -> str:
    """The description as the HTML of the post's excerpt: itself where it holds a link element, else escaped."""
    opened = LINK_OPENED.search(description)
    if opened is not None and "</a" in description[opened.end():].lower():
        return description
    return html.escape(description, quote=False)
