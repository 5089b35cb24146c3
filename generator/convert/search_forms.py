"""Search forms, which go whole: WordPress's Search block (`<form role="search" class="wp-block-search">` with its
label and button, both "Search"), a theme's search box on a help desk page (`<input type="search" name="s">`, its
loading spinner and its "Popular: WordPress Woocommerce" words linking to `#`), WooCommerce's product search, and
WP Store Locator's finder (`<div class="wpsl-search">`: "Your location", "Search radius 10 km / 50 km", "Results
25 / 50", with or without a `<form>` around them).

drop_forms keeps a form's words, which may be a questionnaire's; a search form's are only its controls' labels and
choices, which asked the live site for a list the mirror has not got, and stood in the page as lines over nothing.
A form searches when it says so (`role="search"`), asks a search field, or asks WordPress's own query (`s`); one
that asks a message (a `<textarea>`) is a contact form, whatever its names, and stays for drop_forms.

A heading right above such a form, whose section the form ends (the next heading, a rule or the end of the box
follows it), only asked the reader to search ("What can we help you find?"): it goes with the form, where it stood
over nothing. A heading with more under it than the form stays.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

# WP Store Locator's search box, which newer templates print without a `<form>`.
STORE_FINDER_CLASSES = frozenset({"wpsl-search"})
STORE_FINDER_IDS = frozenset({"wpsl-search-wrap"})
HEADINGS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6"})
# How far the heading is looked for: out of at most MOST_BOXES boxes that hold the form alone, past at most
# MOST_PASSED spaces and empty elements (a theme's clearing `<div>`), so that the walk is short whatever the page.
MOST_BOXES, MOST_PASSED = 4, 6
SECTION_ENDS = HEADINGS | {"hr"}
# What shows or asks something without words: beside such an element, a heading is no lone search form's. (Another
# form beside one ends the walk there, so that a run of forms is walked once.)
SHOWN = ("img", "picture", "svg", "video", "audio", "iframe", "embed", "object", "canvas", "table", "form", "input",
         "select", "button", "textarea")


def drop_search_forms(soup: BeautifulSoup, ctx: Context) -> None:
    finders = may_hold(soup, STORE_FINDER_CLASSES, STORE_FINDER_IDS)
    for tag in elements(soup, "form", "div") if finders else elements(soup, "form"):
        if _store_finder(tag) if tag.name == "div" else _searches(tag):
            ctx.losses.note(loss.FORM, str(tag.get("action") or "a search form"))
            heading = _heading_over(tag)
            if heading is not None:
                heading.decompose()
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


def _heading_over(form: Tag) -> Tag | None:
    """The heading right above the form, where the form ends its section (see above); else None. A form alone in
    its boxes (`<div class="d-flex"><form role="search">`) is read as its outer box."""
    box = form
    for _ in range(MOST_BOXES):
        if not isinstance(box.parent, Tag) or box.parent.name in ("[document]", "body") or not (
                _beside(box, "previous") is None and _beside(box, "next") is None):
            break
        box = box.parent
    heading, after = _beside(box, "previous"), _beside(box, "next")
    if not isinstance(heading, Tag) or heading.name not in HEADINGS:
        return None
    return heading if after is None or isinstance(after, Tag) and after.name in SECTION_ENDS else None


def _beside(node: Tag, way: str) -> Tag | NavigableString | None:
    """What stands beside `node`, going `previous` or `next`: the first element that shows something (words, a
    picture) or ends a section, or words; None at the end of its box. Spaces and empty elements between are
    passed over (see MOST_PASSED)."""
    sibling = getattr(node, f"{way}_sibling")
    for _ in range(MOST_PASSED):
        if sibling is None:
            return None
        if isinstance(sibling, Tag):
            if (sibling.name in SECTION_ENDS or sibling.name in SHOWN or sibling.get_text().strip()
                    or sibling.find(SHOWN) is not None):
                return sibling
        elif sibling.strip():
            return sibling
        sibling = getattr(sibling, f"{way}_sibling")
    return sibling  # past MOST_PASSED empty elements and spaces: taken for something shown
