"""A card's detail printed twice, once for each of its layouts, shown once.

A listing's card (`<article>`) may print one detail in two places, of which its theme's style sheet shows one per
view: HivePress's category cards print their count in the header, over the picture, and again under the name
(`<div class="hp-listing-category__item-count hp-listing-category__count">6 Listings</div>`, twice), and its
listings their date and price alike. Without the style sheet each card read "6 Listings" twice. A later element
of a card with the same classes and the same short words as an earlier one in another place of the card goes.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements

LONGEST = 60  # characters of a detail (a count, a date, a price); longer words are the card's own text
CARD_WORDS = 400  # characters of a card's words, at most: an article holding more is a story, its repeats its own
WITHHELD = ("a", "img", "picture", "video", "audio", "iframe", "table", "ul", "ol")  # more than a detail holds


def card_details_once(soup: BeautifulSoup, ctx: Context) -> None:
    for card in elements(soup, "article"):
        # The innermost: a card, not a list of them, nor a story written in an article.
        if card.find("article") is None and len(" ".join(card.get_text().split())) <= CARD_WORDS:
            _details_once(card)


def _details_once(card: Tag) -> None:
    seen: dict[tuple[tuple[str, ...], str], Tag] = {}
    for tag in elements(card):
        classes = tuple(tag.get("class") or ())
        if not classes or tag is card or tag.find(WITHHELD) is not None:
            continue
        text = " ".join(tag.get_text().split())
        if not text or len(text) > LONGEST:
            continue
        first = seen.setdefault((classes, text), tag)
        if first is not tag and first.parent is not tag.parent and all(up is not first for up in tag.parents):
            tag.decompose()  # (one the first holds is part of the detail the card shows)
