"""Links a reader followed on the site that are no `<a href>`: a button or card a script sends somewhere, a
lightbox's link whose picture only its script reads, and the areas of an image map.

Custom HTML and themes make buttons and whole cards clickable with a script (`<button
onclick="location.href='/shop/'">`, `<div class="card" onclick="window.open('…')">`, `<div data-href="…">`); the
mirror runs no script, so they showed as words that led nowhere. An image map's `<area href>` links show
nothing themselves, the picture does, and Markdown has no image maps: their links were lost.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.embeds import embed_label, shown_page
from generator.convert.parse import elements, enclosing, may_hold

# `location.href = '…'`, `window.location='…'`, `location.assign('…')`, `window.open('…', '_blank')`.
SCRIPT_TARGET = re.compile(r"""(?:location(?:\.href)?\s*=\s*|location\.(?:assign|replace)\(\s*|\bopen\(\s*)
                               (['"])\s*([^'"\s]+)\s*\1""", re.VERBOSE)
SCRIPT_TARGET_NAMES = frozenset({"onclick", "data-href"})  # where _script_target looks
NO_PLACE = re.compile(r"^(?:#|javascript:)", re.IGNORECASE)
SHOWN = ("img", "picture", "svg")
MAP_SEPARATOR = " · "
MAP_PICTURE_BLOCKS = ("p", "figure", "div")  # the block a map's picture stands in, under which its links go
# Where lightboxes and themes keep the place a link with no address of its own opens: fancyBox's, lightGallery's
# and Magnific Popup's data-src, the full-size picture's data-full, a theme's data-href.
LINK_TARGETS = ("data-href", "data-full", "data-src")
LIGHTBOX_VIDEO = "data-elementor-lightbox-video"  # the player a lightbox shows instead of the link's picture
ADDRESS = re.compile(r"^\s*(?:https?:)?/", re.IGNORECASE)


def script_links_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """An element a script sends the reader on from holds a link to that place around what it shows, which
    later passes treat as any link around a card (its title keeps it). A button outside a form is its link."""
    if not may_hold(soup, attributes=SCRIPT_TARGET_NAMES):
        return
    for tag in elements(soup):
        target = _script_target(tag)
        if not target or tag.name in ("a", "area") or tag.find_parent("a") or tag.find("a", href=True):
            continue
        if not (tag.get_text(strip=True) or tag.find(SHOWN)):
            continue  # shows nothing (a Like button's empty frame): a link there would show its bare address
        link = soup.new_tag("a", attrs={"href": target})
        link.extend(list(tag.contents))
        tag.append(link)
        if tag.name == "button" and not tag.find_parent("form"):
            tag.unwrap()


def _script_target(tag: Tag) -> str:
    match = SCRIPT_TARGET.search(tag.get("onclick") or "")
    target = match.group(2) if match else tag.get("data-href") or ""
    return target if isinstance(target, str) and target.strip() and not NO_PLACE.match(target.strip()) else ""


def lightbox_links_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A link whose address goes nowhere (`href="javascript:;"`, `#`, none) but names its place in an attribute
    its script reads (`<a data-fancybox data-src="full.jpg" href="javascript:;"><img src="thumb.jpg"></a>`)
    leads there: the full-size picture, which the mirror otherwise lost, as it lost the link. One whose lightbox
    plays a video leads to the video's page, named as an embed's link is: Elementor's media carousel links each
    slide to its own picture, and names the video it plays in `data-elementor-lightbox-video`."""
    for link in elements(soup, "a"):
        video = str(link.get(LIGHTBOX_VIDEO) or "").strip()
        if ADDRESS.match(video):
            _link_to_video(link, shown_page(video), ctx)
            continue
        href = str(link.get("href") or "").strip()
        if href and not NO_PLACE.match(href):
            continue
        target = next((str(link[name]).strip() for name in LINK_TARGETS
                       if ADDRESS.match(str(link.get(name) or ""))), "")
        if target:
            link["href"] = target


def _link_to_video(link: Tag, page: str, ctx: Context) -> None:
    """The link leads to the video; one that shows only its picture is named as an embed's link is."""
    link["href"] = page
    if not link.get_text(strip=True):
        title = " ".join(str(link.get("data-elementor-lightbox-title") or "").split())
        link.append(" " + embed_label(page, ctx.words, title))
    ctx.losses.note(loss.EMBED_AS_LINK, page)


def image_map_links(soup: BeautifulSoup, ctx: Context) -> None:
    """An image map becomes a line of links to its areas' places, each named by its alt text or title (else
    its address), under the picture that uses it (`usemap="#name"`), else where the map was: the picture stays as
    it is. Editors often put the map before its picture, whose links then came first."""
    pictures = {str(img.get("usemap")).strip().lstrip("#"): img for img in elements(soup, "img") if img.get("usemap")}
    for image_map in elements(soup, "map"):
        line = soup.new_tag("p")
        for area in image_map.find_all("area", href=True):
            href = area["href"].strip()
            if not href or NO_PLACE.match(href):
                continue
            if line.contents:
                line.append(MAP_SEPARATOR)
            link = soup.new_tag("a", attrs={"href": href})
            link.string = (area.get("alt") or area.get("title") or href).strip() or href
            line.append(link)
        picture = pictures.get(str(image_map.get("name") or image_map.get("id") or "").strip())
        if line.contents and picture is not None and not any(up is image_map for up in picture.parents):
            image_map.decompose()
            (enclosing(picture, MAP_PICTURE_BLOCKS, soup) or picture).insert_after(line)
        elif line.contents:
            image_map.replace_with(line)
        else:
            image_map.decompose()
