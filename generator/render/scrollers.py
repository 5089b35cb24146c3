"""Blocks that scroll sideways take keyboard focus, so a reader without a mouse can scroll them.

site.css lets code (`pre`) and tables scroll within the column rather than widen the page; a scroll container
is reached from the keyboard only when it can take focus (WCAG 2.1.1; axe's `scrollable-region-focusable`).
Chromium since version 130 gives such containers focus by itself; Safari does not. A body's sanitized HTML
writes these tags in one shape (`<pre>`, `<pre class="highlight">`, `<table>`) and never a raw `<` in text or
in an attribute value, so each opening tag is found by its name alone.
"""

from __future__ import annotations

import re

SCROLLER = re.compile(r"<(pre|table)(?=[ >])")


def focusable_scrollers(html: str) -> str:
    """Sanitized body HTML with every `pre` and `table` in the tab order."""
    if "<pre" not in html and "<table" not in html:
        return html
    return SCROLLER.sub(r'<\1 tabindex="0"', html)
