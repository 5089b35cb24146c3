"""A summary without the words of the site menus the body dropped.

WordPress makes a post's automatic excerpt by stripping its content's tags, so a page builder's menu drawn into a page
(Elementor Pro's Menu widget: "Biography Awards Speeches", a page's own sub-navigation) runs into its summary, though
the body leaves it out (widgets.drop_site_menus). Where the summary holds a dropped menu's words in a row, they go;
with them gone, the summary's opening is compared with the body's as before (summary_lead), so the title heading the
body dropped goes too.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

FEWEST = 2  # a menu of one word may be a word of the text
WHITESPACE = re.compile(r"\s+")


def without_menu_words(summary: str, menus: Sequence[tuple[str, ...]]) -> str:
    """`summary` without the first run of each menu's words (`menus`, as the cleanup dropped them) that it holds, as
    words of their own: WordPress's excerpt may have run the menu's words together where no space parted their tags,
    and those may have parted them from the text's words."""
    for words in menus:
        if len(words) < FEWEST or words[0] not in summary:
            continue
        run = re.compile(r"(?<!\w)" + r"\s*".join(map(re.escape, words)) + r"(?!\w)")
        summary = WHITESPACE.sub(" ", run.sub(" ", summary, count=1)).strip()
    return summary
