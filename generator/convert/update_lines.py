"""The line a plugin puts before or after every post's text to say when it was last updated: WP Last Modified
Info's (`<p class="post-modified-info">Last Updated on May 8, 2024 by <a class="last-modified-author" …>Ana</a>
</p>`, its default template). The post's page says when it was updated already, from the post's own date of
update; the plugin's line repeated it inside the story, with a link to the editor's page on the live site."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

UPDATE_LINE_CLASSES = frozenset({"post-modified-info"})
LONGEST = 200  # characters of such a line; a theme's box of that name holding more is kept


def drop_update_lines(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, UPDATE_LINE_CLASSES):
        return
    for tag in elements(soup):
        if has_class(tag, UPDATE_LINE_CLASSES) and len(tag.get_text(" ", strip=True)) <= LONGEST:
            ctx.losses.note(loss.UPDATE_LINE)
            tag.decompose()
