"""Plugins' counts of a post's views, which the live page showed as they stood the day it was saved, or filled in
by script: a3 Page Views Count leaves a loading picture where its number comes (`<p class="pvc_stats">…<img
alt="Loading" src="…/page-views-count/ajax-loader-2x.gif">`, under every post of a site), Post Views Counter a
line (`<div class="post-views">Post Views: 1,204</div>`). The mirror counts no views: a number frozen that day,
or a spinner that never stops, says nothing true."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

COUNTER_CLASSES = frozenset({"pvc_stats", "post-views"})
CLEARING_CLASSES = frozenset({"pvc_clear"})  # the empty boxes Page Views Count sets around its line
MARKED = COUNTER_CLASSES | CLEARING_CLASSES
LONGEST = 60  # characters of a counter's words ("Post Views: 1,204"); a theme's box of that name holding more is kept


def drop_view_counts(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, MARKED):
        return
    for tag in elements(soup):
        if has_class(tag, COUNTER_CLASSES) and len(tag.get_text(" ", strip=True)) <= LONGEST:
            ctx.losses.note(loss.VIEW_COUNT)
            tag.decompose()
        elif has_class(tag, CLEARING_CLASSES) and not tag.get_text(strip=True):
            tag.decompose()
