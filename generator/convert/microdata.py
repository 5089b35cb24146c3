"""Values of schema.org microdata that a theme writes side by side, set apart.

Themes and plugins mark a page's facts up as microdata (`itemprop`, `itemscope`): a conference session's speaker,
room and track, a speaker's name and company, each in an element of its own, written one after the other with
nothing between (`<span itemprop="performer">…</span><span itemprop="location">…</span>`), which their style
sheet laid out apart, as blocks or with margins. The mirror has not that style, and the values ran together
("Mike MonteiroQuébec Numérique", "Jules Marcoux[O2 Web](…)"). Two values never make one word: an element that
holds one is set apart by a space from an element beside it that it touches.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

MICRODATA = frozenset({"itemprop", "itemscope"})


def microdata_set_apart(soup: BeautifulSoup, ctx: Context) -> None:
    if may_hold(soup, attributes=MICRODATA):
        set_apart(soup)


def set_apart(soup: BeautifulSoup | Tag) -> None:
    """Each microdata value in `soup` set apart by a space from an element showing words that it touches."""
    # The space goes inside the value, at its end or start: put between two of a row of thousands of values, each
    # moved all those after it, in time growing with the square of their number.
    for tag in elements(soup):
        if MICRODATA.isdisjoint(tag.attrs) or not _shows_words(tag):
            continue
        after = tag.next_sibling
        if isinstance(after, Tag) and _shows_words(after):
            tag.append(NavigableString(" "))
        before = tag.previous_sibling
        # A value before it that is one too has already set itself apart.
        if isinstance(before, Tag) and MICRODATA.isdisjoint(before.attrs) and _shows_words(before):
            tag.insert(0, NavigableString(" "))


def _shows_words(tag: Tag) -> bool:
    """Whether the element holds any text, looked for only as far as its first words."""
    return any(text.strip() for text in tag.strings)
