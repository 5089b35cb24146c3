"""Values no WordPress post has, though a post can be made of them: a slip of the hand or of a script, or a
placeholder (9999 for "never"). The import and the build tell them, each naming its field, rather than show
them silently."""

from __future__ import annotations

import re
from datetime import datetime
from typing import Any
from urllib.parse import urlsplit

from generator.convert.addresses import TAB_OR_NEWLINE

# WordPress's ids are PHP integers; its dates MySQL's DATETIME, which begins in year 1000. Dates past 2200 are
# placeholders, 9999 most often.
MAX_ID = 2**63 - 1
LIKELY_YEARS = range(1000, 2201)
WEB_SCHEMES = ("http", "https")
# A scheme as browsers find one, past the spaces and control characters they skip (urlsplit refuses
# `https://[host/` outright; such an address is broken, but no script).
SCHEME = re.compile(r"[\x00-\x20]*([A-Za-z][A-Za-z0-9+.-]*):")
# What a post's id fields stand for, and what it is imported without when one of them is no id.
REFERENCES = {"author": "without an author", "parent": "as a top-level page",
              "featured_media": "without a featured image"}
NEGATIVE = re.compile(r"-[0-9]{1,19}")
WHOLE = re.compile(r"-?[0-9]{1,19}")


def id_problem(value: int) -> str | None:
    """What is wrong with a WordPress id, or None; 0 is a post written by hand, with no id."""
    return None if 0 <= value <= MAX_ID else f"{value} is no WordPress id (1 to {MAX_ID}, or 0 for a post written here)"


def date_problem(value: datetime) -> str | None:
    return None if value.year in LIKELY_YEARS else f"year {value.year} is no publication date (a placeholder?)"


def address_problem(url: str) -> str | None:
    """A link (`javascript:`, `data:`) that would be shown as the post's original address; read as browsers read
    one, without its tabs and line breaks (`java\tscript:`)."""
    scheme = SCHEME.match(TAB_OR_NEWLINE.sub("", url))
    if scheme is None or scheme[1].lower() in WEB_SCHEMES:  # none: no address, or a path on the post's own site
        return None
    return f"not a web address (http or https): {url[:80]!r}"


def unreadable_address(url: str) -> str | None:
    """What urlsplit says of an address it refuses (`http://[x/`, a host in brackets that is no IPv6 address), which
    no browser follows and `newsmirror check` names as a page's fault; None for any other."""
    try:
        urlsplit(url)
    except ValueError as e:
        return f"{url[:80]!r} is no address a browser can follow ({e})"
    return None


def is_term_object(item: Any) -> bool:
    """A term given whole (WP_Term, as a theme's endpoint returns `get_the_category()`), which is read."""
    return isinstance(item, dict) and isinstance(item.get("slug"), str) and bool(item["slug"].strip())


def is_term_name(item: Any) -> bool:
    """A term given by its name alone (`"tags": ["renkler", "Ferry times"]`), as scripts that save posts from a
    feed's `<category>` elements or a database's joins keep them; a string of digits is an id written as text."""
    return isinstance(item, str) and any(c.isalpha() for c in item)


def term_names(values: list[Any]) -> list[str]:
    """The terms a field gives by name (see is_term_name), and with them any of digits alone (`"2024"`, a year's tag
    beside `"Elections"`): a list that names its terms names them all, where digits alone would be an id as text."""
    named = any(is_term_name(item) for item in values)
    return [item for item in values
            if is_term_name(item) or (named and isinstance(item, str) and item.strip().isdigit())]


def term_list_problems(data: dict[str, Any], keys: list[str]) -> list[tuple[str, str]]:
    """(field, message) for each REST term field that is not a list of ids: its terms were passed over."""
    found = []
    for key in keys:
        value = data.get(key)
        if value is None or value is False:  # False: WordPress's get_the_tags() of a post with none
            continue
        if not isinstance(value, list):
            found.append((key, f"expected a list of term ids, got {type(value).__name__} {str(value)[:40]!r}; "
                               "no terms read from it"))
            continue
        names = set(term_names(value))
        others = [item for item in value if (not isinstance(item, int) or isinstance(item, bool))
                  and not is_term_object(item) and not (isinstance(item, str) and item in names)]
        if others:
            found.append((key, f"expected term ids, got {', '.join(repr(o)[:40] for o in others[:3])}; passed over"))
    return found


def reference_problems(data: dict[str, Any]) -> list[tuple[str, str]]:
    """(field, message) for each field naming another item or ordering the post that no WordPress writes so: a
    negative id, a `menu_order` that is no number, an `_embedded` that is no object. A script that filled them
    in wrong leaves the post whole, so it is imported, without what the field would have given."""
    found = []
    for key, without in REFERENCES.items():
        value = data.get(key)
        number = int(value) if isinstance(value, str) and NEGATIVE.fullmatch(value.strip()) else value
        if isinstance(number, int) and not isinstance(number, bool) and number < 0:
            found.append((key, f"{number} is no WordPress id (1 or more, 0 for none); imported {without}"))
    order = data.get("menu_order")
    if order is not None and not _whole_number(order):
        found.append(("menu_order", f"expected a whole number, got {_shown(order)}; imported with order 0"))
    embedded = data.get("_embedded")
    if embedded is not None and not isinstance(embedded, dict):
        found.append(("_embedded", f"expected an object of authors, terms and media, got {_shown(embedded)}; "
                                   "nothing read from it"))
    return found


def _whole_number(value: Any) -> bool:
    """An int, or text of one as an export writes it (`wp:menu_order`)."""
    if isinstance(value, str):
        return WHOLE.fullmatch(value.strip()) is not None
    return isinstance(value, int) and not isinstance(value, bool)


def _shown(value: Any) -> str:
    return f"{type(value).__name__} {str(value)[:40]!r}"
