"""AMP's elements, as the HTML they stand for.

A post holds AMP's markup where its HTML was taken from an AMP page (a story copied from a news site's AMP
edition, an AMP-first editor's, a plugin that saved its AMP copy): `<amp-img src="…" layout="responsive">`,
`<amp-iframe>`, `<amp-video>`, `<amp-twitter data-tweetid="…">`. No browser draws them without AMP's script,
which the mirror does not run: each picture, frame, video and quoted post vanished without a trace. A picture,
frame, video or sound becomes the element it stands for (its fallback for browsers without AMP, a copy of it,
goes); a post of X, Instagram or Facebook, or a Vimeo video, a link to its page; AMP's ads and trackers go, noted
as such. (`<amp-youtube data-videoid>` is a link already, as every player that names its video so.)
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.embeds import embed_paragraph
from generator.convert.parse import tags_in

MEDIA = {"amp-img": "img", "amp-anim": "img", "amp-iframe": "iframe", "amp-video": "video", "amp-audio": "audio"}
# What the elements they become read; AMP's own (`layout`, `on`, `sandbox`…) mean nothing without its script.
MEDIA_ATTRIBUTES = frozenset({"src", "srcset", "sizes", "alt", "title", "width", "height", "poster", "controls",
                              "loop", "muted"})
# What AMP shows in a media element's place until its script loads it, or where the browser cannot play it: a
# child marked `placeholder` or `fallback`, and a `<noscript>` copy of the picture.
STAND_INS = frozenset({"placeholder", "fallback"})
PLAYERS = frozenset({"video", "audio"})
# Each embedded post's element, the attribute that names it and the page it is at.
POSTS = {"amp-twitter": ("data-tweetid", re.compile(r"\d{1,20}"), "https://twitter.com/i/status/{}"),
         "amp-instagram": ("data-shortcode", re.compile(r"[\w-]{4,64}"), "https://www.instagram.com/p/{}/"),
         "amp-vimeo": ("data-videoid", re.compile(r"\d{1,15}"), "https://vimeo.com/{}"),
         "amp-facebook": ("data-href", re.compile(r"https?://(?:[\w-]+\.)?facebook\.com/\S+", re.IGNORECASE),
                          "{}")}
ADS = frozenset({"amp-ad", "amp-embed", "amp-sticky-ad", "amp-auto-ads"})
TRACKERS = frozenset({"amp-analytics", "amp-pixel"})


def amp_elements_as_html(soup: BeautifulSoup, ctx: Context) -> None:
    for tag in [t for t in tags_in(soup) if t.name.startswith("amp-")]:
        if tag.__dict__.get("_decomposed"):  # inside an ad or a post made a link already
            continue
        if tag.name in MEDIA:
            _as_media(tag)
        elif tag.name in POSTS:
            _as_post_link(soup, tag, ctx)
        elif tag.name in ADS:
            ctx.losses.note(loss.AD_UNIT, str(tag.get("type") or tag.name))
            tag.decompose()
        elif tag.name in TRACKERS:
            ctx.losses.note(loss.TRACKER, tag.name)
            tag.decompose()


def _as_media(tag: Tag) -> None:
    """The element the AMP element stands for, with the attributes it reads. What it holds goes (a picture or a
    frame shows none of it), but a player's sources and tracks; AMP's stand-ins go from a player too."""
    name = MEDIA[tag.name]
    for child in tag.find_all(True, recursive=False):
        if name not in PLAYERS or child.name == "noscript" or not STAND_INS.isdisjoint(child.attrs):
            child.decompose()
    tag.name = name
    tag.attrs = {name: value for name, value in tag.attrs.items() if name in MEDIA_ATTRIBUTES}


def _as_post_link(soup: BeautifulSoup, tag: Tag, ctx: Context) -> None:
    """A link to the post the element shows, where it names one; else the element stays, showing nothing."""
    attribute, valid, page = POSTS[tag.name]
    found = valid.fullmatch(str(tag.get(attribute) or "").strip())
    if found:
        tag.replace_with(embed_paragraph(soup, page.format(found.group(0)), ctx))
