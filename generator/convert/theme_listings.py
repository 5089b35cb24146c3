"""Elementor widgets of themes and add-ons that list the site's latest posts, known by their name.

Elementor marks every widget with its type (`<div class="elementor-widget elementor-widget-trydo-blog"
data-widget_type="trydo-blog.default">`). The builders' and known add-ons' lists of posts go by their classes
(widgets.BUILDER_LISTING_CLASSES); a theme's own list (Trydo's `trydo-blog`, aThemes' `athemes-blog`, the Consulting
theme's `stm_news`) was unknown and stood in the page as the cards of the posts it listed the day the page was saved
("Latest News", then each card's picture, category and title), which the mirror lists itself. A widget whose type
names posts, a blog or news, and which links two pages or more, is such a list, and goes.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

WIDGET_PREFIX = "elementor-widget-"
# A widget type's words that name a list of posts; a single post's parts (`theme-post-content`, `post-info`) do not.
LISTING_WORDS = frozenset({"posts", "blog", "blogs", "news", "articles"})
# Words of a widget that shows one post's own parts, which links as many pages as its writer wished: a news theme's
# `news-content` or `blog-single` is the article, not a list.
ONE_POST_WORDS = frozenset({"content", "single", "text", "body", "detail", "details", "article", "excerpt", "meta"})
TYPE_WORDS = re.compile(r"[-_.]")
MOST_LINKED = 2  # pages a list links, at least: one link is a button or a card, not a list


def drop_theme_post_listings(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, WIDGET_PREFIX):
        return
    for tag in elements(soup, "div", "section"):
        if _lists_posts(tag):
            ctx.losses.note(loss.LIVE_LISTING, _widget_type(tag))
            tag.decompose()


def _widget_type(tag: Tag) -> str:
    return next((name[len(WIDGET_PREFIX):] for name in tag.get("class") or () if name.startswith(WIDGET_PREFIX)), "")


def _lists_posts(tag: Tag) -> bool:
    kind = _widget_type(tag)
    words = set(TYPE_WORDS.split(kind.lower()))
    if LISTING_WORDS.isdisjoint(words) or not ONE_POST_WORDS.isdisjoint(words):
        return False
    linked = {str(link.get("href") or "").split("#")[0] for link in tag.find_all("a")}
    return len(linked - {""}) >= MOST_LINKED
