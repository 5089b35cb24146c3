"""The lines a podcast plugin prints under its player, which act on the live site.

PowerPress follows its player with `<p class="powerpress_links">Podcast: Play in new window | Download | Embed</p>`
and `<p class="powerpress_links powerpress_subscribe_links">Subscribe: Apple Podcasts | RSS</p>`. "Play in new
window" opens the live site's pop-up player, "Embed" shows a box of the player's code by script, "Download" is
the file the player plays, which the mirror links already; and the subscribe links follow the live podcast, as a
share bar's buttons do. Under each episode of a podcast blog they stood as two lines of links to no new page.
A download link is kept where no player of the post plays its file (PowerPress set to show links alone).
Seriously Simple Podcasting's and Simple Podcasting's line (`Download file | Play in new window | Duration: 37:50`)
keeps its download link and length: its "Play in new window" is that file again, opened in a window of its own.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.embeds import played_file
from generator.convert.parse import elements, has_class, may_hold

LINE_CLASSES = frozenset({"powerpress_links"})
NEW_WINDOW_CLASSES = frozenset({"podcast-meta-new-window"})  # Seriously Simple Podcasting's, Simple Podcasting's
SUBSCRIBE_CLASSES = frozenset({"powerpress_subscribe_links"})
LIVE_ONLY_CLASSES = frozenset({"powerpress_link_pinw", "powerpress_link_e"})  # the pop-up player, the embed box
DOWNLOAD_CLASSES = frozenset({"powerpress_link_d"})
SEPARATOR = "|"  # PowerPress's POWERPRESS_LINK_SEPARATOR between its links


def podcast_player_links(soup: BeautifulSoup, ctx: Context) -> None:
    if may_hold(soup, NEW_WINDOW_CLASSES):
        for link in [tag for tag in elements(soup, "a") if has_class(tag, NEW_WINDOW_CLASSES)]:
            _gone_with_its_separator(link)
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
                _gone_with_its_separator(link)
        if line.find("a") is None:  # its label, separators and the episode's length were left
            line.decompose()


def _gone_with_its_separator(link: Tag) -> None:
    """The link goes, and one separator beside it, the one after it else the one before: `Podcast: <a>Play in new
    window</a> | <a>Download</a>` reads `Podcast: <a>Download</a>`, `<a>Download file</a> | <a>Play in new
    window</a> | <span>Duration: 37:50</span>` reads `<a>Download file</a> | <span>Duration: 37:50</span>`."""
    before, after = link.previous_sibling, link.next_sibling
    if isinstance(after, NavigableString) and after.lstrip().startswith(SEPARATOR):
        rest = after.lstrip()[len(SEPARATOR):]
        after.replace_with(rest.lstrip() if _ends_in_space(before) else rest)
    elif isinstance(before, NavigableString) and before.rstrip().endswith(SEPARATOR):
        before.replace_with(before.rstrip()[:-len(SEPARATOR)])
    link.decompose()


def _ends_in_space(node: object) -> bool:
    return isinstance(node, NavigableString) and node[-1:] in (" ", "\xa0", "\n", "\t")
