"""The thumbnail strip a slider shows under its slides, saved with each slide.

Slider plugins that print their slides on the server print each slide's thumbnail beside its picture, for their
script to gather into a strip of small pictures to click (Master Slider's `img.ms-thumb`, RoyalSlider's
`img.rsTmb`, LayerSlider's `img.ls-tn`), or print the strip whole after the slides (Soliloquy's thumbnails
add-on). The mirror runs no script: every slide shows, one under the other, and each thumbnail showed again
under its slide, a second, smaller copy of the same photo (a conference's gallery of 40 photos was 80).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

THUMBNAIL_CLASSES = frozenset({"ms-thumb", "rsTmb", "ls-tn"})
STRIP_CLASSES = frozenset({"soliloquy-thumbnails-container"})
PICTURES = ("img", "picture")


def drop_slider_thumbnails(soup: BeautifulSoup, ctx: Context) -> None:
    """A slide's thumbnail goes where its slide shows a picture of its own; a slide whose picture did not come
    through (no address the mirror can read) keeps its thumbnail, the only copy of the photo left. A strip of
    thumbnails goes where the slider before it shows pictures."""
    if not may_hold(soup, THUMBNAIL_CLASSES | STRIP_CLASSES):
        return
    for tag in elements(soup):
        if has_class(tag, STRIP_CLASSES) and _shows_pictures(tag.find_previous_sibling()):
            tag.decompose()
        elif has_class(tag, THUMBNAIL_CLASSES) and (tag.name in PICTURES or not tag.get_text(strip=True)):
            slide = tag.parent
            if tag.name not in PICTURES or _shows_pictures(slide, besides=tag):
                tag.decompose()


def _shows_pictures(tag: Tag | None, besides: Tag | None = None) -> bool:
    """Whether `tag` holds a picture other than the thumbnail `besides` and other thumbnails."""
    if tag is None:
        return False
    return any(picture is not besides and not has_class(picture, THUMBNAIL_CLASSES)
               for picture in tag.find_all(PICTURES))
