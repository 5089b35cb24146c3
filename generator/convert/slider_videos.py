"""A slider's video slide: the picture a slider shows for a video, which its script swaps for the player on a click.

Soliloquy prints a video slide as the video's picture in a link to `#`, with a play icon that names the video only
in data attributes (`<span class="soliloquy-video-icon" data-soliloquy-video-type="youtube"
data-soliloquy-video-id="2aN6r9nAfAI">`). The mirror runs no script: the slide showed its picture and caption, and
the video was lost without a word (a charity's "Stories" page, three videos, was three pictures).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.embeds import embed_paragraph
from generator.convert.parse import elements, may_hold

VIDEO_TYPE = "data-soliloquy-video-type"
VIDEO_ID = "data-soliloquy-video-id"
# The page of a video of each provider Soliloquy plays by id; its self-hosted videos name a file, not an id, and
# are left as they are.
VIDEO_PAGES = {
    "youtube": "https://www.youtube.com/watch?v={}",
    "vimeo": "https://vimeo.com/{}",
    "wistia": "https://fast.wistia.net/embed/iframe/{}",
}
ID_FORM = re.compile(r"[\w-]{1,64}")


def slider_videos_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A link to the video, named as an embed's link is, by the slide's title, follows the slide's picture (and
    the link around it, which goes nowhere but to the script, or to a page of its own)."""
    if not may_hold(soup, attributes=frozenset({VIDEO_ID})):
        return
    for icon in elements(soup):
        page = _video_page(icon)
        if page is None:
            continue
        link = icon.find_parent("a")
        (link if link is not None else icon).insert_after(embed_paragraph(soup, page, ctx, _title(link, icon)))


def _video_page(icon: Tag) -> str | None:
    """The address of the video a play icon names, if it names one of a provider the mirror knows."""
    kind, video = icon.get(VIDEO_TYPE), icon.get(VIDEO_ID)
    if not isinstance(kind, str) or not isinstance(video, str):
        return None
    page = VIDEO_PAGES.get(kind.strip().lower())
    video = video.strip()
    return page.format(video) if page is not None and ID_FORM.fullmatch(video) else None


def _title(link: Tag | None, icon: Tag) -> str:
    """The slide's title, as Soliloquy prints it on the link around the picture, or the picture's alt text."""
    title = link.get("title") if link is not None else None
    holder = link if link is not None else icon.parent
    if not (isinstance(title, str) and title.strip()) and holder is not None:
        picture = holder.find("img")
        title = picture.get("alt") if picture is not None else ""
    return title.strip() if isinstance(title, str) else ""
