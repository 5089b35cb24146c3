"""Footnotes, from WordPress's footnotes block or the usual sup-link markup, as Markdown footnotes.

A reference is a <sup> whose only link points at a list item in the same post; the item becomes
the footnote's text, without its back-links. Numbers follow the order of the references.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import tags_in

FOOTNOTE_REF = "nm-fnref"
FOOTNOTE_DEF = "nm-fndef"


def mark_footnotes(soup: BeautifulSoup, ctx: Context) -> None:
    tags = tags_in(soup)
    items = {t["id"]: t for t in tags if t.name == "li" and t.get("id") and t.find_parent(["ol", "ul"])}
    numbers: dict[str, int] = {}
    for sup in (t for t in tags if t.name == "sup"):
        links = sup.find_all("a", href=True)
        if len(links) != 1 or links[0]["href"][1:] not in items or not links[0]["href"].startswith("#"):
            continue
        number = numbers.setdefault(links[0]["href"][1:], len(numbers) + 1)
        sup.replace_with(soup.new_tag(FOOTNOTE_REF, attrs={"n": str(number)}))
    definitions = [_definition(soup, items[ident], number) for ident, number in numbers.items()]
    soup.extend(definitions)


def _definition(soup: BeautifulSoup, item: Tag, number: int) -> Tag:
    for back in item.find_all("a", href=True):
        if back["href"].startswith("#") and not back.get_text(strip=True).isalnum():
            back.decompose()  # ↩ back-links point at the reference, which the renderer links anew
    definition = soup.new_tag(FOOTNOTE_DEF, attrs={"n": str(number)})
    definition.extend(list(item.contents))
    parent = item.parent
    item.decompose()
    if isinstance(parent, Tag) and parent.name in ("ol", "ul") and not parent.find("li"):
        parent.decompose()
    return definition
