"""Author boxes that a plugin appends to the text of every post, by the_content's filter: PublishPress Authors'
(`<div class="pp-multiple-authors-boxes-wrapper …">`, a heading "Authors" over each writer's picture, name, note,
"View all posts" and e-mail links), Simple Author Box's, Molongui Authorship's, Starbox's and Fancier Author Box's.
REST content holds them as the live page showed them; in the mirror each stood as the story's last section, a
heading and a list of the writers whom the page's byline names already, with links to their pages on the live
site and their e-mail addresses. The box goes, noted with its words."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

AUTHOR_BOX_CLASSES = frozenset({"pp-multiple-authors-boxes-wrapper", "saboxplugin-wrap", "m-a-box", "abh_box",
                                "ts-fab-wrapper"})
# Molongui's short class is another site's too (a Chinese news page's `m-a-box` of its own, pasted into a post): its
# box is the one that holds its parts (`m-a-box-container`, `m-a-box-bio`, `m-a-box-name`…).
MOLONGUI = frozenset({"m-a-box"})


def drop_author_boxes(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, AUTHOR_BOX_CLASSES):
        return
    for tag in elements(soup):
        if has_class(tag, AUTHOR_BOX_CLASSES) and (not has_class(tag, MOLONGUI) or _holds_molongui_parts(tag)):
            ctx.losses.note(loss.AUTHOR_BOX, tag.get_text(" ", strip=True))
            tag.decompose()


def _holds_molongui_parts(box: Tag) -> bool:
    return box.find(class_=lambda name: bool(name) and name.startswith("m-a-box-")) is not None
