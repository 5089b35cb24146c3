"""What a widget shows readers without scripts (its `<noscript>`), which the mirror's readers are. Storify's embed,
on news sites from 2011 to its end in 2018, printed its story in a frame and, for browsers without scripts, a link
set in square brackets (`[<a href="//storify.com/user/story">View the story "…" on Storify</a>]`): the mirror showed
the frame as a link to its `/embed` page and the fallback as `[[View the story … on Storify](…)]`, two links to one
story. The fallback link is what stays, without the brackets its theme printed round it, and a frame beside it of the
same page goes."""

from __future__ import annotations

from urllib.parse import urlsplit

from bs4 import NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context


def fallback_link_alone(noscript: Tag, ctx: Context) -> None:
    """The fallback's one link without the brackets round it, and the frames its box shows of the same page
    dropped, counted as an embed made a link."""
    links = noscript.find_all("a")
    if len(links) != 1:
        return
    link = links[0]
    before, after = link.previous_sibling, link.next_sibling
    # (Text only: a comment, a CDATA section, is a NavigableString too, and its words were never shown.)
    if (type(before) is NavigableString and type(after) is NavigableString
            and before.strip().endswith("[") and after.strip().startswith("]")):
        before.replace_with(before.rstrip().removesuffix("["))
        after.replace_with(after.lstrip().removeprefix("]"))
    page = _page(str(link.get("href") or ""))
    box = noscript.parent
    if not page or box is None:
        return
    for frame in [frame for frame in box.find_all("iframe", recursive=False) if _page(str(frame.get("src") or ""))
                  .startswith(page + "/")]:
        frame.decompose()
        ctx.losses.note(loss.IFRAME_AS_LINK, "the frame of the page its fallback links")


def _page(address: str) -> str:
    """An address's host and path, the way a page and its embed page share them (`storify.com/user/story`)."""
    try:
        parts = urlsplit(address.strip())
    except ValueError:
        return ""
    return (parts.hostname or "").removeprefix("www.") + parts.path.rstrip("/") if parts.hostname else ""
