"""Videos a feed showed as their picture: the video again, as an embed is shown.

A feed cannot play a video, so WordPress.com and Jetpack wrote each YouTube video into a post's feed as its
picture linked to the post (`<a href="https://blog.example/2011/12/12/vu-videos/"><img
src="http://img.youtube.com/vi/lGnrp-rsL4s/2.jpg"></a>`), and sites that republish feeds (FeedWordPress,
aggregators) import the post so. The post itself played the video; the mirror shows an embedded video as a link
to it (embeds_as_links), and the feed's picture, an "Image — open original" box offline, linked to the
original blog rather than to the video. A picture linked to the video itself is the author's, and stays.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.embeds import embed_paragraph
from generator.convert.parse import elements, may_contain

# YouTube's pictures of a video: img.youtube.com/vi/<id>/2.jpg, i3.ytimg.com/vi/<id>/hqdefault.jpg.
THUMBNAIL = re.compile(r"\s*(?:https?:)?//(?:(?:img|i\d?)\.youtube\.com|i\d?\.ytimg\.com)/vi/([\w-]{11})/",
                       re.IGNORECASE)
YOUTUBE_HOST = re.compile(r"\s*(?:https?:)?//(?:[\w-]+\.)*(?:youtube\.com|youtu\.be|youtube-nocookie\.com)"
                          r"(?:[/?#:]|$)", re.IGNORECASE)
# The feed's wrapper (`<span style="text-align:center; display: block;">`) goes with the link it alone held.
WRAPPERS = frozenset({"span", "p", "div", "center"})
# Where a link among words stays a link, not a paragraph of its own.
INLINE_HOLDERS = frozenset({"p", "span", "em", "strong", "b", "i", "small", "h1", "h2", "h3", "h4", "h5", "h6"})


def feed_videos_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, "/vi/"):
        return
    for img in elements(soup, "img"):
        found = THUMBNAIL.match(str(img.get("src") or ""))
        link = img.parent
        if found is None or link is None or link.name != "a" or not _only_child(link, img):
            continue
        href = link.get("href")
        if not isinstance(href, str) or not href.strip() or YOUTUBE_HOST.match(href):
            continue
        shown = link
        while shown.parent is not None and shown.parent.name in WRAPPERS and _only_child(shown.parent, shown):
            shown = shown.parent
        paragraph = embed_paragraph(soup, f"https://www.youtube.com/watch?v={found.group(1)}", ctx)
        within_sentence = shown.parent is not None and shown.parent.name in INLINE_HOLDERS
        shown.replace_with(paragraph.a.extract() if within_sentence and paragraph.a else paragraph)


def _only_child(parent: Tag, child: Tag) -> bool:
    """Whether `child` is all `parent` holds, but for blank text."""
    return all(node is child or (isinstance(node, NavigableString) and not node.strip()) for node in parent.contents)
