"""A theme's subtitle set inside a heading, on a line of its own under (or over) the title.

Themes and page builders print a title's subtitle inside the heading's own element, right against the title's
words, and their CSS shows it as a block on its own line: the Consulting theme's heading widget,
`<h2>Maria Lopez<span class="subtitle">Partner and consultant</span></h2>`, shows the name over the role. Left in,
the heading reads "Maria LopezPartner and consultant", in the table of contents too. The subtitle goes out of
the heading as a paragraph of its own, after the title's words, or before them where it stood first (a kicker:
`<h2><span class="sub-title">About us</span>Our story</h2>`). So does a span the page's own style took out of the
line and set elsewhere (`<h1>Modelo<span style="position:absolute;right:1vw;bottom:-3vw">Arquitetura</span></h1>`, an
Elementor heading's second word drawn under the first), which read "ModeloArquitetura" as one word.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import FragmentSoup, elements, tags_in
from generator.convert.structure import HEADINGS

# A class naming a subtitle: `subtitle`, `sub-title`, `section-subtitle`, `heading_sub_heading`.
SUBTITLE = re.compile(r"(?:^|[-_])sub[-_]?(?:title|heading)(?:$|[-_])", re.IGNORECASE)
SET_APART = re.compile(r"(?:^|;)\s*position\s*:\s*(?:absolute|fixed)", re.IGNORECASE)  # drawn out of the line


def subtitles_out_of_headings(soup: BeautifulSoup, ctx: Context) -> None:
    if isinstance(soup, FragmentSoup) and not any(SUBTITLE.search(name) for name in soup.seen_classes) \
            and "style" not in soup.seen_attributes:
        return
    for heading in elements(soup, *HEADINGS):
        subtitles = _outermost([tag for tag in tags_in(heading) if _is_subtitle(tag)])
        if not subtitles or sum(len(t.get_text(strip=True)) for t in subtitles) >= len(heading.get_text(strip=True)):
            continue  # none, or they are the heading's only words
        first = _without_words_before(heading, subtitles)
        after = heading
        for subtitle in subtitles:
            paragraph = soup.new_tag("p")
            paragraph.extend(subtitle.extract().contents)
            if id(subtitle) in first:
                heading.insert_before(paragraph)
            else:
                after.insert_after(paragraph)
                after = paragraph


def _is_subtitle(tag: Tag) -> bool:
    named = any(SUBTITLE.search(name) for name in tag.get("class") or ())
    set_apart = tag.name == "span" and SET_APART.search(str(tag.get("style") or "")) is not None
    return (named or set_apart) and bool(tag.get_text(strip=True))


def _outermost(tags: list[Tag]) -> list[Tag]:
    """The tags not inside another of them."""
    held = {id(tag) for tag in tags}
    return [tag for tag in tags if not any(id(parent) in held for parent in tag.parents)]


def _without_words_before(heading: Tag, subtitles: list[Tag]) -> set[int]:
    """The subtitles that no word of the heading comes before (a kicker over the title), in one walk."""
    wanted = {id(tag) for tag in subtitles}
    first: set[int] = set()
    for node in heading.descendants:
        if isinstance(node, Tag):
            if id(node) in wanted:
                first.add(id(node))
        elif node.strip():
            return first
    return first
