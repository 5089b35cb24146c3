"""A table of contents its page's script fills, saved before it ran: a box named a contents box, holding its title
and its show/hide switch over a list with no entries (`<div class="avsTOC"><button>Contents</button><ol
id="avsTOC"></ol></div>`, a theme's own box over a post that also had Easy Table of Contents'). The mirror runs no
script: the post showed a lone "Contents" in its text. The build makes its own table of contents; the box goes,
counted as a plugin's table of contents. A box of this name holding links is drop_inpage_toc's to judge, and one
saying more than its title and switch is left as it is.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import tags_in

BOXES = frozenset({"div", "nav", "section", "aside", "details"})
# A class or id naming a table of contents: `toc`, `ez-toc-container`, `toc_box`, `avsTOC`, `table-of-contents`;
# not a word that holds the letters (`stock`, `protocol`).
CONTENTS_NAME = re.compile(r"(?:^|[-_])toc(?:$|[-_])|table[-_]?of[-_]?contents", re.IGNORECASE)
CAMEL_TOC = re.compile(r"[a-z]TOC$")
TITLE_WORDS = 5  # "Table of contents", "[hide]": the title and switch a box shows before its script fills it
SHOWN = frozenset({"img", "picture", "svg", "video", "audio", "iframe", "embed", "object", "canvas", "table"})


def drop_empty_contents_boxes(soup: BeautifulSoup, ctx: Context) -> None:
    """A contents box with no entries goes, with its title and switch: see the module's description."""
    for box in tags_in(soup):
        if box.name not in BOXES or box.__dict__.get("_decomposed") or not _named_contents(box):
            continue
        if box.find("a", href=True) or box.find(SHOWN) or any(item.get_text(strip=True)
                                                              for item in box.find_all("li")):
            continue
        if len(box.get_text(" ").split()) > TITLE_WORDS:
            continue
        ctx.losses.note(loss.PLUGIN_TOC, " ".join(box.get("class") or ()) or str(box.get("id") or box.name))
        box.decompose()


def _named_contents(box: Tag) -> bool:
    """Whether the box's own class or id names a table of contents (its own alone: a walk of each box's lists
    would make the pass quadratic in a page of nested boxes)."""
    names = [*(box.get("class") or ()), str(box.get("id") or "")]
    return any(CONTENTS_NAME.search(name) or CAMEL_TOC.search(name) for name in names if name)
