"""Elements a browser shows as blocks, which the Markdown writer would run into the text around them."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup

from generator.convert.context import Context
from generator.convert.parse import FragmentSoup, elements

# Blocks markdownify has no rule for, whose words it writes straight after the words before them: two
# centred lines of an old post (`<center>`, still common in pasted and migrated HTML) or two asides read as
# one word, `onetwo`. A div is the block it writes apart. `<menu>` and `<dir>` are lists, as browsers show them.
# Slider Revolution 6 (bundled with thousands of themes) writes its slides and their text layers as elements of
# its own (`<rs-slide><rs-layer>Hello</rs-layer><rs-layer>We build…</rs-layer>`), blocks by its CSS: a slide's
# heading, lines and button ran into one paragraph.
SLIDER_REVOLUTION = frozenset({"rs-module-wrap", "rs-fullwidth-wrap", "rs-module", "rs-slides", "rs-slide",
                               "rs-static-layers", "rs-layer", "rs-layer-wrap", "rs-loop-wrap", "rs-mask-wrap",
                               "rs-row", "rs-column", "rs-column-wrap", "rs-group", "rs-group-wrap"})
AS_DIV = frozenset({"center", "aside", "header", "footer", "nav", "main", "address", "hgroup", "search",
                    "fieldset", "legend", *SLIDER_REVOLUTION})
AS_LIST = frozenset({"menu", "dir"})
# One look at the post's HTML for any of them: cheaper than a walk of its tags (no pass makes one). Grouped
# by first letter (`c(?:enter)|a(?:side|ddress)…`), which the regex engine tries at a `<` in a third of the time.
_BY_INITIAL: dict[str, list[str]] = {}
for _name in sorted(AS_DIV | AS_LIST):
    _BY_INITIAL.setdefault(_name[0], []).append(_name[1:])
OPENS_ONE = re.compile("<(?:%s)[\\s/>]" % "|".join(f"{initial}(?:{'|'.join(rests)})"
                                                     for initial, rests in sorted(_BY_INITIAL.items())),
                       re.IGNORECASE)


def blocks_as_divs(soup: BeautifulSoup, ctx: Context) -> None:
    """Blocks the Markdown writer does not know become the divs and lists it does, last of the passes, which
    may still look for them by name (a share bar's `<nav>`, an ad's `<aside>`)."""
    source = soup.__dict__.get("source") if isinstance(soup, FragmentSoup) else None
    if source is not None and OPENS_ONE.search(source) is None:
        return  # (most posts)
    for tag in elements(soup, *AS_DIV, *AS_LIST):
        tag.name = "ul" if tag.name in AS_LIST else "div"
