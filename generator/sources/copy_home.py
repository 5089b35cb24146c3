"""Where a static copy's pages that name no address of their own are taken to be: the site's address as the user
gives it (`import --site`), else as the copy names it elsewhere, each clue asked only if the ones before gave none
(the third reads the copy's pages): its GitHub Pages `CNAME` (where it is served), its feeds' `<link>` (a feed of no
posts names it too), the host its pages link their own pages and pictures at, the one its feeds' guids name
(`https://site.example/?p=12`). The import says which it took and why, as a clue may name a host the site no longer
has (a copy's links may name its staging host), so that the user can give the right one."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

from generator.sources import static_copy, wp_feed


def copy_home(root: Path, feeds: list[Path], pages: list[Path], given: str = "") -> tuple[str, str]:
    """The address (`https://news.example`, or '' for none) and where it was found, as a note words it."""
    clues: tuple[tuple[Callable[[], str], str], ...] = (
        (lambda: static_copy.origin(given), "given with --site"),
        (lambda: static_copy.published_at(root), "from its CNAME file"),
        (lambda: static_copy.origin(wp_feed.copy_home(feeds)), "from its feeds' <link>"),
        (lambda: static_copy.linked_site(pages, root), "the host its pages link their own pages and pictures at"),
        (lambda: static_copy.origin(wp_feed.guid_home(feeds)), "the host its feeds' guids name"),
    )
    for clue, why in clues:
        if found := clue():
            return found, why
    return "", ""


def taken_note(root: Path, address: str, why: str) -> str:
    """What the import tells of the address it took, where the user did not give it."""
    return (f"{root}: the pages of this static copy that name no address of their own are read as {address}'s, "
            f"{why}; if that is not the site's address, import again with `--site URL`")
