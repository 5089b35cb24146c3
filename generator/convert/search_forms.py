"""Search forms, which go whole: WordPress's Search block (`<form role="search" class="wp-block-search">` with its
label and button, both "Search"), a theme's search box on a help desk page (`<input type="search" name="s">`, its
loading spinner and its "Popular: WordPress Woocommerce" words linking to `#`), WooCommerce's product search, and
WP Store Locator's finder (`<div class="wpsl-search">`: "Your location", "Search radius 10 km / 50 km", "Results
25 / 50", with or without a `<form>` around them).

drop_forms keeps a form's words, which may be a questionnaire's; a search form's are only its controls' labels and
choices, which asked the live site for a list the mirror has not got, and stood in the page as lines over nothing.
A form searches when it says so (`role="search"`), asks a search field, or asks WordPress's own query (`s`); one
that asks a message (a `<textarea>`) is a contact form, whatever its names, and stays for drop_forms.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

# WP Store Locator's search box, which newer templates print without a `<form>`.
STORE_FINDER_CLASSES = frozenset({"wpsl-search"})
STORE_FINDER_IDS = frozenset({"wpsl-search-wrap"})


def drop_search_forms(soup: BeautifulSoup, ctx: Context) -> None:
    finders = may_hold(soup, STORE_FINDER_CLASSES, STORE_FINDER_IDS)
    for tag in elements(soup, "form", "div") if finders else elements(soup, "form"):
        if _store_finder(tag) if tag.name == "div" else _searches(tag):
            ctx.losses.note(loss.FORM, str(tag.get("action") or "a search form"))
            tag.decompose()


def _store_finder(tag: Tag) -> bool:
    return has_class(tag, STORE_FINDER_CLASSES) or tag.get("id") in STORE_FINDER_IDS


def _searches(form: Tag) -> bool:
    if form.find("textarea") is not None:
        return False
    if str(form.get("role") or "").lower() == "search":
        return True
    return any(str(field.get("type") or "").lower() == "search" or field.get("name") == "s"
               for field in form.find_all("input"))
