"""Jetpack's Story block as the pictures it holds.

The block (`div.wp-block-jetpack-story`) renders a card for its script: the site's icon (alt "Site icon"), the
post's title, the first slide and a play button, all in one link to the post's own page with
`?wp-story-load-in-fullscreen=true` ("Play story in new tab"); every slide is JSON in its `data-settings`, for the
player. The mirror showed the icon, the title as a link back to the same page, and one picture of the story. It
shows the story's slides as a grid now, the pictures and the posters of its videos, each video linked under it.
"""

from __future__ import annotations

import json
from html import unescape
from typing import NamedTuple

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.galleries import GALLERY, GALLERY_CAPTION, GALLERY_ITEM
from generator.convert.parse import has_class, may_hold, tags_in

STORY_CLASSES = frozenset({"wp-block-jetpack-story"})
# The card's own parts, which only the player needed: where the slides cannot be read, they go and its picture
# stays, out of the link to the player.
CARD_PARTS = frozenset({"wp-story-meta", "wp-story-overlay", "wp-story-pagination"})


class Slide(NamedTuple):
    url: str
    alt: str
    caption: str
    video: bool
    poster: str  # a video's still picture, if it has one


def jetpack_stories_as_galleries(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, STORY_CLASSES):
        return
    for story in [tag for tag in tags_in(soup) if has_class(tag, STORY_CLASSES)]:
        slides = _slides(story.get("data-settings"))
        if slides:
            story.replace_with(*_shown(soup, slides))
        else:
            _card_as_picture(story)


def _shown(soup: BeautifulSoup, slides: list[Slide]) -> list[Tag]:
    """The grid of the slides' pictures, then a player for each video, which links its file."""
    grid = soup.new_tag(GALLERY)
    videos = []
    for slide in slides:
        picture = slide.poster if slide.video else slide.url
        if picture:
            cell = soup.new_tag(GALLERY_ITEM)
            cell.append(soup.new_tag("img", attrs={"src": picture, "alt": slide.alt}))
            if slide.caption:
                line = soup.new_tag(GALLERY_CAPTION)
                line.append(slide.caption)
                cell.append(line)
            grid.append(cell)
        if slide.video:
            videos.append(soup.new_tag("video", attrs={"src": slide.url}))
    return [grid, *videos] if grid.contents else videos


def _slides(data: object) -> list[Slide]:
    """The slides `data-settings` names: address, alt text, caption, and whether each is a video (with its poster).
    Jetpack wrote the JSON through FILTER_SANITIZE_SPECIAL_CHARS and its alt texts through esc_attr."""
    try:
        settings = json.loads(str(data)) if data else {}
    except (ValueError, RecursionError):
        return []
    items = settings.get("slides") if isinstance(settings, dict) else None
    slides = []
    for item in items if isinstance(items, list) else []:
        if isinstance(item, dict) and isinstance(item.get("url"), str) and item["url"].strip():
            slides.append(Slide(url=item["url"].strip(), alt=unescape(str(item.get("alt") or "")).strip(),
                                caption=unescape(str(item.get("caption") or "")).strip(),
                                video=item.get("type") == "video" or str(item.get("mime") or "").startswith("video"),
                                poster=str(item.get("poster") or "").strip()))
    return slides


def _card_as_picture(story: Tag) -> None:
    for tag in [tag for tag in tags_in(story) if has_class(tag, CARD_PARTS)]:
        tag.decompose()
    for link in story.find_all("a", class_="wp-story-container"):
        link.unwrap()
