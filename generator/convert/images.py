"""Images as a reader of the mirror sees them: the real source a lazy loader or a `<picture>` hides, a
background lifted into an image, and no tracking pixels."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements

LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-orig-file", "data-url")
LAZY_SRCSETS = ("data-srcset", "data-lazy-srcset", "srcset")
BACKGROUND_URL = re.compile(r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# A background a script sets from an attribute once the element shows: Elementor's gallery items
# (`<a href="full.jpg"><div data-thumbnail="thumb.jpg">`), lazy loaders' backgrounds (`data-bg="url(…)"`).
LAZY_BACKGROUNDS = ("data-thumbnail", "data-bg", "data-background-image")
LAZY_BACKGROUND_URL = re.compile(r"\s*(?:url\(\s*['\"]?)?"
                                 r"((?:https?:)?/[^'\")\s]*|[^'\")\s/]+\.(?:jpe?g|png|gif|webp|avif))", re.IGNORECASE)
SRCSET_SPLIT = re.compile(r",\s+")
# An alt text that is a web address and nothing else (surrounding spaces aside).
ADDRESS_ALT = re.compile(r"\s*(?:https?:)?//\S+\s*\Z", re.IGNORECASE)
# The classes WordPress gives an image it placed from the media library: the block editor's and the classic
# editor's `wp-image-12`, and `attachment-large` from wp_get_attachment_image (themes, page builders).
LIBRARY_IMAGE = re.compile(r"wp-image-\d+|attachment-[\w-]+")
TRACKER_HOSTS = ("pixel.wp.com", "stats.wp.com", "google-analytics.com", "googletagmanager.com",
                 "facebook.com/tr", "doubleclick.net", "pixel.quantserve.com", "b.scorecardresearch.com")


def resolve_lazy_images(soup: BeautifulSoup, ctx: Context) -> None:
    """Lazy loaders keep the real address in data-* attributes and put a placeholder in src."""
    for img in elements(soup, "img"):
        src = img.get("src", "")
        lazy = next((img[a] for a in LAZY_SOURCES if img.get(a)), "")
        lazy_set = best_from_srcset(next((img[a] for a in LAZY_SRCSETS if img.get(a) and a != "srcset"), ""))
        best = best_from_srcset(img.get("srcset", ""))
        if lazy or lazy_set:  # a lazy loader's src is its placeholder
            src = lazy or lazy_set
        elif best and (not src or src.startswith("data:")):
            src = best
        if not src or src.startswith("data:image/gif") or src.startswith("data:image/svg"):
            ctx.losses.note(loss.IMAGE_WITHOUT_SOURCE, img.get("alt", ""))
            img.decompose()
            continue
        img["src"] = src


def best_from_srcset(srcset: str) -> str:
    """The widest (or densest) candidate of a srcset; ties keep the first listed. Candidates are
    split at a comma followed by space, as URLs (Cloudinary's w_900,h_600) may hold commas."""
    best, best_size = "", -1.0
    for candidate in SRCSET_SPLIT.split(srcset.strip()):
        parts = candidate.split()
        if not parts:
            continue
        size = 1.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1])
        if size > best_size:
            best, best_size = parts[0], size
    return best


def unwrap_pictures(soup: BeautifulSoup, ctx: Context) -> None:
    for picture in elements(soup, "picture"):
        img = picture.find("img")
        if img is not None and not img.get("src"):
            source = picture.find("source", srcset=True)
            if source is not None:
                img["src"] = best_from_srcset(source["srcset"])
        for source in picture.find_all("source"):
            source.decompose()
        picture.unwrap()


def drop_tracking_pixels(soup: BeautifulSoup, ctx: Context) -> None:
    """1×1 images and images from analytics hosts count visits; a mirror must not load them. An image of the
    site's media library (`wp-image-12`) is sized 1×1 too when its file's sizes are not on record (an SVG, an
    upload whose metadata was lost, as Elementor's image widget shows them): it is shown."""
    for img in elements(soup, "img"):
        src = img.get("src", "")
        tiny = img.get("width") in ("0", "1") and img.get("height") in ("0", "1") and not _from_library(img)
        if tiny or any(host in src for host in TRACKER_HOSTS):
            ctx.losses.note(loss.TRACKER, src)
            img.decompose()


def _from_library(img: Tag) -> bool:
    return any(LIBRARY_IMAGE.fullmatch(name) for name in img.get_attribute_list("class") if name)


def drop_address_alt_text(soup: BeautifulSoup, ctx: Context) -> None:
    """An image whose alt text is a web address (Blogger and Picasa gave images their own address) says
    nothing of what it shows: read aloud it is noise, and shown in its place it ran wider than a phone's
    screen. It gets no alt text, as a picture without a description has."""
    for img in elements(soup, "img"):
        if ADDRESS_ALT.match(img.get("alt") or ""):
            img["alt"] = ""


def cover_background_as_image(soup: BeautifulSoup, ctx: Context) -> None:
    """A cover block's picture lives in its CSS, or in an attribute a script reads (LAZY_BACKGROUNDS); lift it
    into an image so it is not lost. One the element shows as an image too (media & text's "crop image to
    fill" keeps both) is not shown twice."""
    for tag in elements(soup):
        url = _background(tag)
        if url and not url.startswith("data:") and not _shows_image(tag, url):
            ctx.losses.note(loss.BACKGROUND_IMAGE, url)
            tag.insert(0, soup.new_tag("img", attrs={"src": url, "alt": ""}))


def _background(tag: Tag) -> str:
    match = BACKGROUND_URL.search(tag.get("style") or "")
    if match:
        return match.group(1)
    lazy = next((tag[name] for name in LAZY_BACKGROUNDS if tag.get(name)), "") if tag.name != "img" else ""
    match = LAZY_BACKGROUND_URL.match(lazy) if isinstance(lazy, str) else None
    return match.group(1) if match else ""


def _shows_image(tag: Tag, url: str) -> bool:
    return any(img.get("src", "").strip() == url.strip() for img in elements(tag, "img"))
