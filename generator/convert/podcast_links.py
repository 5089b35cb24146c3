"""The lines a podcast plugin prints under its player, which act on the live site.

PowerPress follows its player with `<p class="powerpress_links">Podcast: Play in new window | Download | Embed</p>`
and `<p class="powerpress_links powerpress_subscribe_links">Subscribe: Apple Podcasts | RSS</p>`. "Play in new
window" opens the live site's pop-up player, "Embed" shows a box of the player's code by script, "Download" is
the file the player plays, which the mirror links already; and the subscribe links follow the live podcast, as a
share bar's buttons do. Under each episode of a podcast blog they stood as two lines of links to no new page.
A download link is kept where no player of the post plays its file (PowerPress set to show links alone).
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.embeds import played_file
from generator.convert.parse import elements, has_class, may_hold

LINE_CLASSES = frozenset({"powerpress_links"})
SUBSCRIBE_CLASSES = frozenset({"powerpress_subscribe_links"})
LIVE_ONLY_CLASSES = frozenset({"powerpress_link_pinw", "powerpress_link_e"})  # the pop-up player, the embed box
DOWNLOAD_CLASSES = frozenset({"powerpress_link_d"})
SEPARATOR = "|"  # PowerPress's POWERPRESS_LINK_SEPARATOR between its links


def podcast_player_links(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, LINE_CLASSES):
        return
    played = {played_file(str(tag.get("src", "")).strip()) for tag in elements(soup, "audio", "video", "source")}
    for line in [tag for tag in elements(soup, "p", "div") if has_class(tag, LINE_CLASSES)]:
        if has_class(line, SUBSCRIBE_CLASSES):
            ctx.losses.note(loss.SHARE_WIDGET, "podcast subscribe links")
            line.decompose()
            continue
        for link in line.find_all("a"):
            href = played_file(str(link.get("href", "")).strip())
            if has_class(link, LIVE_ONLY_CLASSES) or (has_class(link, DOWNLOAD_CLASSES) and href in played):
                link.decompose()
        if line.find("a") is None:  # its label, separators and the episode's length were left
            line.decompose()
        else:
            _drop_loose_separators(line)


def _drop_loose_separators(line: Tag) -> None:
    """A separator goes where a link beside it went: `Podcast: | <a>Download</a>` reads `Podcast: <a>Download</a>`."""
    for text in [child for child in line.contents if isinstance(child, NavigableString)]:
        if text.strip() != SEPARATOR:
            continue
        before, after = text.previous_sibling, text.next_sibling
        if not (isinstance(before, Tag) and before.name == "a" and isinstance(after, Tag) and after.name == "a"):
            text.replace_with(" ")
