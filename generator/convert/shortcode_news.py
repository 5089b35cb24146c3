"""Shortcodes of newsrooms' plugins, as links and lines a reader of the mirror can follow: DocumentCloud's
documents and Infogram's charts, Jetpack's Spotify player, Media Credit's credit under a picture, and the footnote
plugins' notes (`[efn_note]`, `[mfn]`…), which footnotes.notes_in_the_text lists under the post."""

from __future__ import annotations

import re
from html import escape, unescape

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.embeds import embed_label
from generator.convert.footnotes import SHORTCODE_NOTE
from generator.convert.page_builders import straight_quotes
from generator.sources.wp_syntax import parse_attributes


def _linked(url: str, ctx: Context, title: str = "") -> str:
    """A paragraph with the link that stands in for an embed, noted as the embed made a link."""
    ctx.losses.note(loss.EMBED_AS_LINK, url)
    return f'<p><a href="{escape(url)}">{escape(embed_label(url, ctx.words, title))}</a></p>'


INFOGRAM_CHART = re.compile(r"(?:_/)?[\w-]+")  # a chart's id: a UUID, a slug or `_/<key>`
SPOTIFY_URI = re.compile(r"spotify:(episode|show|track|album|playlist|artist):(\w+)")


def infogram(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Infogram's plugin: `[infogram id="budget-2024-1h7g6k0" prefix="Xy" format="interactive" title="Budget"]`,
    the chart at e.infogram.com named by its title."""
    chart = unescape(named.get("id", "")).strip()
    if not INFOGRAM_CHART.fullmatch(chart):
        return None
    return _linked(f"https://e.infogram.com/{chart}", ctx, unescape(named.get("title", "")).strip())


def spotify(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Jetpack's `[spotify id="spotify:track:4bz7uB4edifWKJXSDxwHcs"]`: a Spotify URI, or the page's address."""
    ref = unescape(named.get("id") or (positional[0] if positional else "")).strip()
    uri = SPOTIFY_URI.fullmatch(ref)
    if uri:
        return _linked(f"https://open.spotify.com/{uri[1]}/{uri[2]}", ctx)
    return _linked(ref, ctx) if ref.startswith("https://open.spotify.com/") else None


# Footnote plugins' shortcodes around a note's words, where the note is referenced: Easy Footnotes' `[efn_note]`,
# Modern Footnotes' `[mfn]`, `[footnote]` and Simple Footnotes' `[ref]`. Each becomes a mark that
# footnotes.notes_in_the_text numbers and lists at the post's end, as the plugins did; Easy Footnotes' `[efn_footnotes]`
# only placed that list.
NOTE_SHORTCODES = ("efn_note", "mfn", "footnote", "ref")


def footnote(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    return f'<sup class="{SHORTCODE_NOTE}">{inner}</sup>' if inner.strip() else ""  # an empty note showed nothing


# Media Credit's `[media-credit name="Jo Smith" link="…"]<img …>[/media-credit]`, inside a caption or alone: the
# plugin prints the name (a link where one is given) under the picture. One that names a user (`id=3`) by the
# name the export does not hold shows the picture alone.
MEDIA_CREDIT = re.compile(r"\[media-credit\b([^][]*)\]", re.IGNORECASE)  # no [ inside: linear
MEDIA_CREDIT_END = "[/media-credit]"


def media_credit(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    credit = _credit_line(named)
    return f"<figure>{inner}<figcaption>{credit}</figcaption></figure>" if credit else inner


def credited(inner: str) -> tuple[str, str]:
    """A caption's text with its Media Credit shortcode taken off its picture, and the credit it gave."""
    opening = MEDIA_CREDIT.search(inner)
    if opening is None:
        return inner, ""
    named, _ = parse_attributes(straight_quotes(opening.group(1)))
    end = inner.lower().find(MEDIA_CREDIT_END, opening.end())  # none: WordPress reads it as closed at once
    rest = inner[end + len(MEDIA_CREDIT_END):] if end >= 0 else ""
    pictured = inner[opening.end():end] if end >= 0 else inner[opening.end():]
    return inner[:opening.start()] + pictured + rest, _credit_line(named)


def _credit_line(named: dict[str, str]) -> str:
    name, url = escape(unescape(named.get("name", "")).strip()), unescape(named.get("link", "")).strip()
    if name and url.startswith(("http://", "https://")):
        return f'<a href="{escape(url)}">{name}</a>'
    return name
