"""Breadcrumb trails that an SEO plugin's block drew into a post: where the page sat on the live site.

A trail ("Home » News » the post's own title") is the live site's navigation, not the story. Breadcrumb NavXT's block
(`wp-block-bcn-breadcrumb-trail`), Yoast's (`yoast-breadcrumbs`), Rank Math's (`rank-math-breadcrumb`), All in One
SEO's (`aioseo-breadcrumbs`) and WooCommerce's (`woocommerce-breadcrumb`) draw one, as does any element marked up as
schema.org's BreadcrumbList (in RDFa, `typeof`, or in microdata, `itemtype`). Its links lead to the live site's
pages, and the mirror has its own navigation: a pain clinic's pages each opened with a line of one link, "IPMA",
its trail's one crumb (13 of its 28 pages). The trail goes whole, noted once.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

BREADCRUMB_CLASSES = frozenset({"wp-block-bcn-breadcrumb-trail", "breadcrumb_navxt", "yoast-breadcrumbs",
                                "rank-math-breadcrumb", "aioseo-breadcrumbs", "woocommerce-breadcrumb"})
TYPE_ATTRIBUTES = ("typeof", "itemtype")
BREADCRUMB_TYPE = re.compile(r"(?:^|[/\s])BreadcrumbList\s*$")  # `BreadcrumbList`, `https://schema.org/BreadcrumbList`


def drop_breadcrumbs(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, BREADCRUMB_CLASSES, attributes=frozenset(TYPE_ATTRIBUTES)):
        return
    for tag in elements(soup):
        if has_class(tag, BREADCRUMB_CLASSES) or _typed_breadcrumbs(tag):
            ctx.losses.note(loss.BREADCRUMBS, "")
            tag.decompose()


def _typed_breadcrumbs(tag: Tag) -> bool:
    return any(isinstance(value := tag.get(name), str) and BREADCRUMB_TYPE.search(value) for name in TYPE_ATTRIBUTES)
