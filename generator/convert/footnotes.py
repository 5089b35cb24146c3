"""Footnotes, from WordPress's footnotes block or the usual sup-link markup, as Markdown footnotes.

A reference is a <sup> whose only link points at a list item in the same post; the item becomes
the footnote's text, without its back-links. Numbers follow the order of the references.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context

FOOTNOTE_REF = "nm-fnref"
FOOTNOTE_DEF = "nm-fndef"


def mark_footnotes(soup: BeautifulSoup, ctx: Context) -> None:
    numbers: dict[str, int] = {}
    for sup in [t for t in soup.descendants if isinstance(t, Tag) and t.name == "sup"]:
        target = _target(soup, sup)
        if target is None:
            continue
        number = numbers.setdefault(target["id"], len(numbers) + 1)
        sup.replace_with(soup.new_tag(FOOTNOTE_REF, attrs={"n": str(number)}))
    definitions = []
    for ident, number in numbers.items():
        item = soup.find("li", id=ident)
        for back in item.find_all("a", href=True):
            if back["href"].startswith("#") and not back.get_text(strip=True).isalnum():
                back.decompose()  # ↩ back-links point at the reference, which the renderer links anew
        definition = soup.new_tag(FOOTNOTE_DEF, attrs={"n": str(number)})
        definition.extend(list(item.contents))
        definitions.append(definition)
        parent = item.parent
        item.decompose()
        if isinstance(parent, Tag) and parent.name in ("ol", "ul") and not parent.find("li"):
            parent.decompose()
    soup.extend(definitions)


def _target(soup: BeautifulSoup, sup: Tag) -> Tag | None:
    links = sup.find_all("a", href=True)
    if len(links) != 1 or not links[0]["href"].startswith("#") or len(links[0]["href"]) < 2:
        return None
    target = soup.find("li", id=links[0]["href"][1:])
    return target if target is not None and target.find_parent(["ol", "ul"]) is not None else None
