"""The thumbnail strip a slider shows under its slides, saved with each slide.

Slider plugins that print their slides on the server print each slide's thumbnail beside its picture, for their
script to gather into a strip of small pictures to click (Master Slider's `img.ms-thumb`, RoyalSlider's
`img.rsTmb`, LayerSlider's `img.ls-tn`), or print the strip whole after the slides (Soliloquy's thumbnails
add-on, FlexSlider's as its script wrote it). The mirror runs no script: every slide shows, one under the other, and each thumbnail showed again
under its slide, a second, smaller copy of the same photo (a conference's gallery of 40 photos was 80).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.images import is_placeholder
from generator.convert.parse import elements, has_class, may_hold

THUMBNAIL_CLASSES = frozenset({"ms-thumb", "rsTmb", "ls-tn"})
# Soliloquy's strip, and FlexSlider's (`ol.flex-control-thumbs`, which WooCommerce's product gallery and many themes'
# sliders show), in a page saved after its script ran.
STRIP_CLASSES = frozenset({"soliloquy-thumbnails-container", "flex-control-thumbs"})
PICTURES = ("img", "picture")


def drop_slider_thumbnails(soup: BeautifulSoup, ctx: Context) -> None:
    """A slide's thumbnail goes where its slide shows a picture of its own; a slide whose picture did not come
    through (no address, or still its lazy loader's stand-in) keeps its thumbnail, the only copy of the photo
    left. A strip of thumbnails goes where the slider before it shows as many pictures."""
    if not may_hold(soup, THUMBNAIL_CLASSES | STRIP_CLASSES):
        return
    for tag in elements(soup):
        if has_class(tag, STRIP_CLASSES):
            slider = tag.find_previous_sibling()
            if slider is not None and len(_pictures(slider)) >= len(tag.find_all(PICTURES)):
                tag.decompose()
        elif has_class(tag, THUMBNAIL_CLASSES) and (tag.name in PICTURES or not tag.get_text(strip=True)):
            if tag.name not in PICTURES or (tag.parent is not None and _pictures(tag.parent)):
                tag.decompose()


def _pictures(tag: Tag) -> list[Tag]:
    """The pictures `tag` shows, not counting thumbnails or a lazy loader's stand-ins."""
    return [picture for picture in tag.find_all(PICTURES) if not has_class(picture, THUMBNAIL_CLASSES)
            and (picture.name != "img" or not is_placeholder(picture, str(picture.get("src", ""))))]
