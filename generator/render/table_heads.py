"""Tables without a header row show none.

A Markdown pipe table must open with a header row, so a WordPress table that had none (most tables of the
classic editor: rows of `<td>` alone) is converted with an empty one, which the page would show as a blank bar
above the table. Once rendered, a head whose every cell is empty is taken out, and the table is as it was.
The renderers write a head in one shape (a line per tag), which the sanitizer keeps.
"""

from __future__ import annotations

import re

EMPTY_HEAD = re.compile(r"<thead>\n<tr>\n(?:<th(?: align=\"\w+\")?></th>\n)+</tr>\n</thead>\n")


def without_empty_heads(html: str) -> str:
    return EMPTY_HEAD.sub("", html) if "></th>" in html else html
