"""The credit line an embedded widget's code prints under it, which its service asks sites to keep.

Eventbrite's code to embed an event's tickets is a frame and, under it, a line of its own in small grey letters,
"Powered by Eventbrite" (`<a class="powered-by-eb">`). The frame is a link in the mirror; its credit stood under
it as a paragraph of the post, and opened its summary ("Powered by Eventbrite", a start-up's seminar post). It
goes, with the box it leaves empty.
"""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.convert.context import Context
from generator.convert.parse import decompose_with_emptied, elements, has_class, may_hold

CREDIT_CLASSES = frozenset({"powered-by-eb"})  # Eventbrite's
HOLDERS = frozenset({"div", "p", "span"})


def drop_embed_credits(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, CREDIT_CLASSES):
        return
    for credit in elements(soup, "a"):
        if has_class(credit, CREDIT_CLASSES):
            decompose_with_emptied(credit, HOLDERS)
