"""Markup a site prints after each of its REST responses.

A plugin or theme that prints its tags on a hook every request passes, not only a page's (an ad network's loader,
`<script async src="…adsbygoogle.js?client=…"></script>`, pasted into a "header and footer scripts" box), prints
them after the API's JSON too: an Indonesian door maker's crawl held one after each of its 1,790 responses, and
every one was refused as "not valid JSON: Extra data" (no post imported, exit 1). The JSON before them is whole;
the tags say nothing about the posts.
"""

from __future__ import annotations

import re

# Whole elements only, of the kinds such snippets are made of: a script, its <noscript> stand-in, a style, a
# comment, an ad slot (<ins>), a <link> or <meta>. Anything else after the JSON is still reported.
_ELEMENT = re.compile(
    r"\s*(?:<(script|noscript|style|ins)\b[^>]*>.*?</\1\s*>|<!--.*?-->|<(?:link|meta)\b[^>]*>)",
    re.IGNORECASE | re.DOTALL)
_SPACE = re.compile(r"\s*")


def only_footer_markup(text: str, start: int) -> bool:
    """Whether `text` holds nothing but such elements (_ELEMENT) and spaces from `start` on, at least one."""
    end = start
    while found := _ELEMENT.match(text, end):
        end = found.end()
    return end > start and _SPACE.match(text, end).end() == len(text)
