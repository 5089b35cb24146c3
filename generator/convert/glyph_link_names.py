"""A link to a social profile named by its icon's glyph ("Facebook-f", "Linkedin-in", "Pinterest-p"), named by its
site instead ("Facebook", "LinkedIn", "Pinterest").

Elementor's social icons print the icon font's glyph name for screen readers (`<span class="elementor-screen-only">
Facebook-f</span><i class="fab fa-facebook-f"></i>`). The plain content Elementor saves as the post's text, which
is what an export and a database hold, strips every `<span>` and empty `<i>` and keeps the words: each icon of a
"follow us" row became a link reading "Facebook-f", "Linkedin-in", "Pinterest-p". A REST crawl's rendered page keeps
the span, which goes as screen-reader text, and the icon alone is named by its site (links.name_icon_links).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString

from generator.convert.context import Context
from generator.convert.parse import elements
from generator.convert.social_sites import social_profile

# A glyph's name: words joined by hyphens, as Font Awesome names its brands' icons (Elementor capitalises the first).
GLYPH = re.compile(r"[A-Za-z]{1,20}(?:-[A-Za-z]{1,20}){0,3}")
# What Font Awesome adds to a brand's name for a variant of its logo (`facebook-f`, `square-facebook`,
# `youtube-play`, `telegram-plane`, `reddit-alien`); and the other name of a site that changed it.
VARIANTS = frozenset({"f", "in", "p", "v", "m", "square", "official", "play", "alt", "alien", "ghost", "plane",
                      "circle", "brands", "round"})
OTHER_NAMES = {"x": frozenset({"twitter"}), "twitter": frozenset({"x"})}


def glyph_names_as_site_names(soup: BeautifulSoup, ctx: Context) -> None:
    for link in elements(soup, "a"):
        if len(link.contents) != 1 or not isinstance(link.contents[0], NavigableString):
            continue
        words = str(link.contents[0])
        text = words.strip()
        site = social_profile(str(link.get("href") or "")) if GLYPH.fullmatch(text) else ""
        if site and text != site and _glyph_of(text, site):
            # (the spaces around it kept: they part it from the link beside it)
            link.contents[0].replace_with(words.replace(text, site, 1))


def _glyph_of(text: str, site: str) -> bool:
    """Whether `text` is the name of an icon of `site`'s logo: the site's name with a variant's words. A site's name
    alone is the author's word, in a sentence as much as under an icon ("on github"), and stays as they spelled it."""
    name = site.lower().replace(" ", "")
    parts = text.lower().split("-")
    allowed = VARIANTS | {name} | OTHER_NAMES.get(name, frozenset())
    return len(parts) > 1 and name in parts and all(part in allowed for part in parts)
