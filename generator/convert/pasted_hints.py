"""A screen reader's hint pasted into the text as words. A site that hides "Opens in a new window" after each link
for screen readers (`<span class="sr-only">`, which drop_screen_reader_text takes out of markup) gives it as text
to whoever copies the page: a firmware maker's news pasted from a chip maker's blog read "the Redfish standard from
DMTFOpens in a new window", "https://ami.com/intel-rsd-pr/Opens in a new window", 15 times in one post. Only the hint
set against the word before it, with no space, goes: no writer types it so, while one typed after a space (or in
brackets after a link: "the report (opens in a new window)") is the post's own words, which its page showed.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import may_contain

PASTED = re.compile(r"(?<=[^\s(])(?:\([Oo]pens in a new (?:window|tab)\)|[Oo]pens in a new (?:window|tab))")
CODE = frozenset({"code", "pre", "kbd", "samp", "script", "style", "textarea"})


def drop_pasted_window_hints(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, "pens in a new "):
        return
    for text in soup.find_all(string=PASTED):
        if not isinstance(text, NavigableString) or text.find_parent(CODE) is not None:
            continue
        for found in PASTED.finditer(text):
            ctx.losses.note(loss.SCREEN_READER, found.group())
        text.replace_with(PASTED.sub("", text))
