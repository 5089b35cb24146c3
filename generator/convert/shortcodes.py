"""Shortcodes left unrendered in REST content become the HTML they stand for, or a visible link.

`[caption]` becomes a figure, `[gallery ids]` the saved media it names, `[embed]`, `[youtube]`,
`[vimeo]`, `[tweet]`, `[audio]` and `[video]` a link to what they embed. Anything else that is
clearly a shortcode (it has attributes or a closing tag) stays as text and is reported.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.embeds import site_name

SHORTCODE = re.compile(r"\[(?P<name>[a-z][a-z0-9_-]*)(?P<atts>(?:=|\s)[^\]]*)?\]"
                       r"(?:(?P<inner>.*?)\[/(?P=name)\])?", re.DOTALL)
ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
                       r"""|"([^"]*)"|'([^']*)'|(\S+)""")
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK_TAG = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.IGNORECASE)


def expand(html: str, ctx: Context) -> str:
    if "[" not in html:
        return html
    return SHORTCODE.sub(lambda m: _replace(m, ctx), html)


def parse_attributes(text: str) -> tuple[dict[str, str], list[str]]:
    """Named and positional attributes, as WordPress's shortcode_parse_atts reads them."""
    named: dict[str, str] = {}
    positional: list[str] = []
    text = text.strip()
    if text.startswith("="):  # Jetpack's [youtube=URL]
        return {}, [text[1:].strip()]
    for match in ATTRIBUTE.finditer(text):
        key = match.group(1) or match.group(3) or match.group(5)
        if key:
            named[key.lower()] = match.group(2) if match.group(1) else match.group(4) or match.group(6) or ""
        else:
            positional.append(next(g for g in match.groups()[6:] if g is not None))
    return named, positional


def _replace(match: re.Match[str], ctx: Context) -> str:
    name, inner = match["name"], match["inner"]
    named, positional = parse_attributes(match["atts"] or "")
    handler = HANDLERS.get(name)
    if handler is not None:
        return handler(named, positional, inner or "", ctx)
    if named or inner is not None:
        ctx.losses.note(loss.UNKNOWN_SHORTCODE, match.group(0)[:80])
    return match.group(0)


def _link(url: str, text: str) -> str:
    return f'<p><a href="{escape(url)}">{escape(text)}</a></p>'


def _embed(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    url = (inner or named.get("url") or (positional[0] if positional else "")).strip()
    ctx.losses.note(loss.EMBED_AS_LINK, url)
    return _link(url, f"{site_name(url)}: {url}")


def _site_link(base: str) -> Callable[[dict[str, str], list[str], str, Context], str]:
    def handler(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
        ref = (named.get("id") or named.get("url") or (positional[0] if positional else "") or inner).strip()
        url = ref if ref.startswith(("http://", "https://")) else base + ref
        ctx.losses.note(loss.EMBED_AS_LINK, url)
        return _link(url, f"{site_name(url)}: {url}")
    return handler


def _media(kind: str) -> Callable[[dict[str, str], list[str], str, Context], str]:
    def handler(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
        url = next((named[k] for k in ("src", "mp3", "m4a", "ogg", "wav", "mp4", "webm", "ogv", "m4v")
                    if named.get(k)), positional[0] if positional else "")
        ctx.losses.note(loss.MEDIA_AS_LINK, url)
        return _link(url, f"{kind}: {url}") if url else ""
    return handler


def _caption(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    image = LINK_TAG.search(inner) or IMG_TAG.search(inner)
    text = named.get("caption", "")
    if image is not None:
        text = (inner[: image.start()] + inner[image.end():]).strip() or text
    figure = image.group(0) if image else ""
    return f"<figure>{figure}<figcaption>{text}</figcaption></figure>"


def _gallery(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    images = []
    idents = re.findall(r"\d+", named.get("ids", "") or named.get("include", ""))
    for ident in idents:
        media = ctx.media.get(int(ident))
        if media is None:
            ctx.losses.note(loss.UNRESOLVED_MEDIA, f"attachment {ident}")
            continue
        caption = f"<figcaption>{escape(media.caption)}</figcaption>" if media.caption else ""
        images.append(f'<figure><img src="{escape(media.url)}" alt="{escape(media.alt)}">{caption}</figure>')
    if not images:
        return f"<p>Gallery (ids {', '.join(idents)}): its images are not in this mirror.</p>"
    return f'<figure class="wp-block-gallery">{"".join(images)}</figure>'


HANDLERS: dict[str, Callable[[dict[str, str], list[str], str, Context], str]] = {
    "embed": _embed,
    "youtube": _site_link("https://www.youtube.com/watch?v="),
    "vimeo": _site_link("https://vimeo.com/"),
    "tweet": _site_link("https://x.com/i/status/"),
    "audio": _media("Audio"),
    "video": _media("Video"),
    "caption": _caption,
    "wp_caption": _caption,
    "gallery": _gallery,
}
