"""Shortcodes left unrendered in REST content become the HTML they stand for, or a visible link.

`[caption]` becomes a figure, `[gallery ids]` the saved media it names, `[embed]`, `[youtube]`,
`[vimeo]`, `[tweet]` and Jetpack's `[googlemaps]`, `[slideshare]`, `[scribd]`… a link to what they embed,
`[audio]` and `[video]` the player WordPress renders (which the converter makes a link),
`[playlist ids]` a list of links to its files, NextGEN Gallery's (`[nggallery id=3]`) a note that its
images are not in the mirror, a form's or a shop page's shortcode nothing, nor does one that lists the site's
own posts (Jetpack's `[archives]`), whose lists the mirror makes itself, or another site's live feed. Page
builders' shortcodes are left to page_builders.py.
An unknown shortcode that names a file (a document viewer's `[pdf-embedder url="…/guide.pdf"]`) becomes a link
to it. Anything else that is clearly a shortcode (it has attributes or a closing tag) stays as text and
is reported, unless WordPress curled its quotes: then it is a theme's element, as page builders' are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from collections.abc import Callable
from html import escape, unescape
from urllib.parse import unquote

from generator.convert import context as loss
from generator.convert import code_shortcodes, page_builders
from generator.convert.context import Context
from generator.convert.embeds import embed_label
from generator.sources.wp_syntax import parse_attributes

# `[audio:a.mp3|titles=A]` is the Audio Player plugin's (1 Pixel Out), in blogs of 2008-2012.
OPENING = re.compile(r"\[(?P<escaped>\[?)(?P<name>[a-z][a-z0-9_-]*)(?P<atts>(?:=|\s)[^\]]*|(?<=audio):[^\]]*)?\]"
                     r"(?P<close>\]?)")
CLOSING = re.compile(r"\[/([a-z][a-z0-9_-]*)\]")
# The tag WordPress cut an excerpt in, at its word limit: `[vc_row type=”in_container”…`.
CUT_TAG = re.compile(r"\[(?P<name>[a-z][a-z0-9_-]*)(?P<atts>[^\]\[]*)$")
# WPBakery's raw HTML and script, whose content is base64 rather than words.
RAW_BLOCK = re.compile(r"\[vc_raw_(html|js)\b[^\]]*\].*?(?:\[/vc_raw_\1\]|$)", re.DOTALL)
CODE_TAG = re.compile(r"<(/?)(?:pre|code)\b", re.IGNORECASE)
IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
# What a shortcode alone on its line is wrapped in, by wpautop or the block editor; any other element shows itself.
# (A comment left open runs to the end: one that never closes must not be sought again from every `<!--`.)
WRAPPING = re.compile(r"<!--.*?(?:-->|\Z)|</?(?:p|div|span|br)\b[^>]*>", re.DOTALL | re.IGNORECASE)
# A handler returns the HTML a shortcode stands for, or None when it cannot tell.
Handler = Callable[[dict[str, str], list[str], str, Context], "str | None"]
LINK_TAG = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.IGNORECASE)
# An address of a file, as a document viewer's or player's shortcode names it: absolute, `//host/…` or `/path`.
FILE_ADDRESS = re.compile(r"(?:https?:)?/[^\s\"'<>\[\]]*?\.(?P<type>[A-Za-z0-9]{2,5})(?:[?#][^\s\"'<>\[\]]*)?")
FILE_TYPES = frozenset({"pdf", "swf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pps", "ppsx", "odt", "ods", "odp",
                        "rtf", "txt", "csv", "epub", "zip", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "mov",
                        "flv", "jpg", "jpeg", "png", "gif", "webp", "svg"})
IMAGE_TYPES = frozenset({"jpg", "jpeg", "png", "gif", "webp", "svg"})
BUTTON_NAMES = re.compile(r"button|btn|download|link")
LINE_START = re.compile(r"[ \t]*(?:<br\s*/?>|\r?\n)", re.IGNORECASE)


def expand(html: str, ctx: Context, depth: int = 0) -> str:
    """One pass over the text, linear in its length: closing tags are found by bisection in a
    list of their positions, and nothing inside <pre> or <code> is touched. `depth` counts the page
    builders' elements this text is inside, whose content is expanded in turn."""
    if "[" not in html:
        return html
    if depth == 0:
        ctx.themed = page_builders.themed(html)
    closings: dict[str, list[int]] = {}
    for match in CLOSING.finditer(html):
        closings.setdefault(match.group(1), []).append(match.start())
    code = _code_spans(html)
    out, position = [], 0
    for match in OPENING.finditer(html):
        if match.start() < position or _inside(code, match.start()):
            continue
        if match["escaped"] and match["close"]:  # [[name]] is how WordPress writes a literal [name]
            out.append(_text(html, position, match.start(), code) + match.group(0)[1:-1])
            position = match.end()
            continue
        inner, end = _enclosed(html, match, closings.get(match["name"], []))
        out.append(_text(html, position, match.start(), code)
                   + _replace(match, inner, html[match.start():end], ctx, depth))
        position = end
    return "".join(out) + _text(html, position, len(html), code)


def drop_plugin_output(html: str, ctx: Context) -> str:
    """A body that is nothing but shortcodes nothing here knows (`[tx_woo_wishlist_table]`,
    `[pmpro_levels]`, `[yith_wcaf_affiliate_dashboard]`) is a page a plugin made to show its own output,
    for each visitor, on the live site; saved unrendered, its shortcodes would be the mirror's whole page.
    They go, as a form does."""
    names = _plugin_output(html)
    for name in names:
        ctx.losses.note(loss.PLUGIN_OUTPUT, name)
    return "" if names else html


def _plugin_output(html: str) -> list[str]:
    """The shortcodes `html` holds, if it holds nothing else and none is known or escaped (`[[sic]]`)."""
    if "[" not in html:
        return []
    text = unescape(WRAPPING.sub("", html))
    found = list(OPENING.finditer(text))
    if "<" in text or CLOSING.sub("", OPENING.sub("", text)).strip():
        return []
    if any(_known(m["name"], themed=True) or m["escaped"] or _named_file(m) or not _plugin_like(m) for m in found):
        return []
    return [m.group(0) for m in found]


def _plugin_like(match: re.Match[str]) -> bool:
    """Whether a bracket reads as a plugin's shortcode rather than words in brackets (`[a 1]`, `[sic]`): it
    has named attributes (`[wpp limit=30]`), or it is bare and namespaced as plugins name theirs (`[page_stats]`)."""
    atts = match["atts"] or ""
    if "<" in atts or ">" in atts:
        return False
    if atts.strip():
        return bool(parse_attributes(atts)[0])
    return "_" in match["name"] or "-" in match["name"]


def strip_known(text: str) -> str:
    """`text` without the tags of the shortcodes this module knows, their content kept: WordPress strips its
    registered ones from the excerpts it makes, so one saved with them unrendered showed `[woocommerce_cart]`
    or `[vc_row]` as its summary. Unknown ones may be text (`[sic]`) and stay, as does an escaped `[[name]]`,
    unless they are all there is: the summary of a plugin's page, whose body goes too (drop_plugin_output)."""
    if "[" not in text:
        return text
    if _plugin_output(text):
        return ""
    text = RAW_BLOCK.sub("", text)
    themed = page_builders.themed(text)
    strippable = {m["name"] for m in OPENING.finditer(text)
                  if page_builders.curled(m["atts"] or "") or _known(m["name"], themed) or _named_file(m)
                  or _button_address(m["name"], parse_attributes(m["atts"] or "")[0], "text")}
    text = OPENING.sub(lambda m: "" if m["name"] in strippable and not m["escaped"] else m.group(0), text)
    text = CLOSING.sub(lambda m: "" if m.group(1) in strippable else m.group(0), text)
    return CUT_TAG.sub(lambda m: "" if _known(m["name"], themed) or page_builders.curled(m["atts"]) else m.group(0),
                       text)


def _known(name: str, themed: bool) -> bool:
    return _handler(name) is not None or page_builders.is_builder(name, themed)


def _builder(match: re.Match[str], ctx: Context) -> bool:
    return page_builders.is_builder(match["name"], ctx.themed) or page_builders.curled(match["atts"] or "")


def _text(html: str, start: int, end: int, code: list[tuple[int, int]]) -> str:
    """html[start:end] without the page builders' closing tags left over: an element nested in one of the same
    name pairs with the first closing tag, as in WordPress, which leaves the outer one's alone."""
    text = html[start:end]
    if "[/" not in text:
        return text
    return page_builders.CLOSING.sub(lambda m: m.group(0) if _inside(code, start + m.start()) else "", text)


def _enclosed(html: str, match: re.Match[str], closings: list[int]) -> tuple[str | None, int]:
    """The content up to the next [/name], if there is one, and where the shortcode ends."""
    at = bisect_left(closings, match.end())
    if at == len(closings):
        return None, match.end()
    close = closings[at]
    return html[match.end():close], close + len(match["name"]) + 3


def _code_spans(html: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for tag in CODE_TAG.finditer(html):
        if not tag.group(1):
            start = tag.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    if depth:
        spans.append((start, len(html)))
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    at = bisect_right(spans, (position, float("inf"))) - 1  # the last span starting at or before it
    return at >= 0 and position < spans[at][1]


def _replace(match: re.Match[str], inner: str | None, original: str, ctx: Context, depth: int) -> str:
    if inner is not None and code_shortcodes.is_code(match["name"]):
        named, _ = parse_attributes(page_builders.straight_quotes(match["atts"] or ""))
        return code_shortcodes.rendered_code(match["name"], named, inner)
    if _builder(match, ctx) and depth < page_builders.MAX_DEPTH:
        named, _ = parse_attributes(page_builders.straight_quotes(match["atts"] or ""))
        return expand(page_builders.element(match["name"], named, inner or "", ctx), ctx, depth + 1)
    named, positional = parse_attributes(match["atts"] or "")
    handler = _handler(match["name"])
    replacement = handler(named, positional, inner or "", ctx) if handler is not None else None
    if replacement is None and handler is None and _note_box(match["name"], named, inner):
        replacement = expand(page_builders.element("note", named, inner or "", ctx), ctx, depth + 1)
    elif replacement is None and handler is None and (button := _button_address(match["name"], named, inner)):
        replacement = f'<a href="{escape(button)}">{expand(inner or "", ctx, depth + 1)}</a>'
    elif replacement is None and handler is None and (file := _named_file(match)):
        replacement = _file(file, ctx) + (expand(inner, ctx, depth + 1) if inner else "")
    elif replacement is None and handler is None and (file := _enclosed_file(inner)):
        replacement = _file(file, ctx)
    if replacement is not None:
        return match["escaped"] + replacement + match["close"]
    # Brackets around markup are words, not a tag; and so is a known name with nothing to show (`[gist]`, the
    # text of a link to a gist), as WordPress shows it.
    given = bool(named) or inner is not None or (handler is not None and bool((match["atts"] or "").strip()))
    if given and "<" not in (match["atts"] or ""):
        ctx.losses.note(loss.UNKNOWN_SHORTCODE, original[:80])
    if inner is None or handler is not None or depth >= page_builders.MAX_DEPTH:
        return original
    return _unknown_around(match, inner, ctx, depth)


def _named_file(match: re.Match[str]) -> str | None:
    """The file an unknown shortcode names, if it names one: a document viewer's `[pdf-embedder url="…/guide.pdf"]`,
    `[gview file=…]` or `[wp-pdf-view swf=…]` showed that file on the live site. Brackets around markup
    (`[a 1</p><img src=x.png>`) are words in brackets, not a shortcode."""
    atts = match["atts"] or ""
    if "<" in atts or ">" in atts:
        return None
    for value in parse_attributes(atts)[0].values():
        address = unescape(value).strip()
        found = FILE_ADDRESS.fullmatch(address)
        if found and found["type"].lower() in FILE_TYPES:
            return address
    return None


def _note_box(name: str, named: dict[str, str], inner: str | None) -> bool:
    """Whether a `[note]` is a theme's box of lines (`[note title="Setup"]<br />…`) rather than Easy Footnotes'
    note inside a sentence, which has no title and starts on the sentence's line."""
    return name == "note" and inner is not None and (bool(named.get("title")) or LINE_START.match(inner) is not None)


def _button_address(name: str, named: dict[str, str], inner: str | None) -> str | None:
    """The address of a theme's button around its text, `[button link="…"]Buy now[/button]` or
    `[download url="…"]Get it[/download]`, which links that text."""
    if inner is None or not inner.strip() or not BUTTON_NAMES.search(name):
        return None
    url = next((unescape(named[key]).strip() for key in ("link", "url", "href") if named.get(key, "").strip()), "")
    return url if url.startswith(("http://", "https://", "/")) else None


def _enclosed_file(inner: str | None) -> str | None:
    """The file an unknown shortcode encloses and nothing else: a player's `[quicktime]/uploads/talk.mov[/quicktime]`
    or `[flv]…[/flv]` (Viper's Video Quicktags and its kind, in posts of the 2000s) played that file."""
    address = unescape(inner or "").strip()
    found = FILE_ADDRESS.fullmatch(address)
    return address if found and found["type"].lower() in FILE_TYPES else None


def _file(address: str, ctx: Context) -> str:
    """A file a plugin's viewer showed: an image as itself, anything else as a link named by its file name."""
    ctx.losses.note(loss.EMBED_AS_LINK, address)
    name = unquote(address.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    if FILE_ADDRESS.fullmatch(address)["type"].lower() in IMAGE_TYPES:  # type: ignore[index]
        return f'<figure><img src="{escape(address)}" alt=""></figure>'
    return _link(address, name or address)


def _unknown_around(match: re.Match[str], inner: str, ctx: Context, depth: int) -> str:
    """An unknown shortcode's tags stay as text, but WordPress's shortcodes inside it are still rendered:
    WordPress matches only the shortcodes registered, so a theme's `[column]` left unregistered does not
    hide the `[gallery]` it holds."""
    return f"{match.group(0)}{expand(inner, ctx, depth + 1)}[/{match['name']}]"


def _link(url: str, text: str) -> str:
    return f'<p><a href="{escape(url)}">{escape(text)}</a></p>'


def _note(ctx: Context, word: str, **values: str) -> str:
    """A paragraph that says, in the site's words, what the mirror lacks ("Gallery: its images are not in this
    mirror.")."""
    return f"<p>{escape(ctx.words.fill(word, **values))}</p>"


def _embed(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    # The post's HTML holds the address escaped (`&amp;`); the link escapes it once more.
    url = unescape(inner or named.get("url") or (positional[0] if positional else "")).strip()
    return _embedded(url, ctx) if url else None


def _embedded(url: str, ctx: Context) -> str:
    ctx.losses.note(loss.EMBED_AS_LINK, url)
    return _link(url, embed_label(url, ctx.words))


def _site_link(base: str) -> Handler:
    def handler(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
        ref = unescape(named.get("id") or named.get("url") or (positional[0] if positional else "") or inner).strip()
        if not ref:
            return None
        return _embedded(ref if ref.startswith(("http://", "https://")) else base + ref, ctx)
    return handler


def _slideshare(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Jetpack's `[slideshare id=123&doc=name&w=425]`: its settings run on from the id, joined by &."""
    number = re.match(r"\d+", unescape(named.get("id", "")))
    return _embedded(f"https://www.slideshare.net/slideshow/embed_code/{number.group(0)}", ctx) if number else None


# The attributes WordPress's [audio] and [video] read a file from, in its order, with their types.
SOURCES = {"audio": (("src", ""), ("mp3", "audio/mpeg"), ("m4a", "audio/mp4"), ("ogg", "audio/ogg"),
                     ("wav", "audio/wav"), ("wma", "audio/x-ms-wma")),
           "video": (("src", ""), ("mp4", "video/mp4"), ("m4v", "video/mp4"), ("webm", "video/webm"),
                     ("ogv", "video/ogg"), ("wmv", "video/x-ms-wmv"), ("flv", "video/x-flv"))}


def _media(kind: str) -> Handler:
    """[audio] and [video] as the <audio> and <video> WordPress renders, which the converter
    makes a link to the file, as it does on REST content."""
    def handler(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
        sources = [(named[k].strip(), t) for k, t in SOURCES[kind] if named.get(k, "").strip()]
        given = " ".join(positional).removeprefix(":")
        if not sources and kind == "audio" and ("|" in given or "," in given):
            return _wpcom_audio(unescape(given), ctx)
        if not sources and positional:
            sources = [(positional[0].removeprefix(":"), "")]
        if not sources:
            return None
        tags = "".join(f'<source{_type(t)} src="{escape(url)}">' for url, t in sources)
        poster = f' poster="{escape(named["poster"])}"' if named.get("poster") else ""
        first = escape(sources[0][0])
        return (f'<div class="wp-{kind}"><{kind} class="wp-{kind}-shortcode" controls{poster}>{tags}'
                f'<a href="{first}">{first}</a></{kind}></div>')
    return handler


def _wpcom_audio(given: str, ctx: Context) -> str:
    """WordPress.com's own form, `[audio a.mp3,b.mp3|titles=A,B|artists=X,Y]`: a player of its files,
    here a link to each, named by its title and artist as the player shows them."""
    files, *options = given.split("|")
    named = dict(option.partition("=")[::2] for option in options)
    titles, artists = named.get("titles", "").split(","), named.get("artists", "").split(",")
    links = []
    for index, url in enumerate(u.strip() for u in files.split(",") if u.strip()):
        ctx.losses.note(loss.MEDIA_AS_LINK, url)
        names = [n[index].strip() for n in (titles, artists) if index < len(n) and n[index].strip()]
        links.append(f'<li><a href="{escape(url)}">{escape(" – ".join(names) or url)}</a></li>')
    return f'<ul class="wp-audio-playlist">{"".join(links)}</ul>'


def _type(mime: str) -> str:
    return f' type="{mime}"' if mime else ""


def _playlist(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """A playlist is a script-driven player: here the list of its files, each a link."""
    idents = re.findall(r"\d+", named.get("ids", "") or named.get("include", ""))
    if not idents:  # the post's own attachments, which neither a REST response nor this export lists
        ctx.losses.note(loss.UNRESOLVED_MEDIA, "the post's attached files")
        return _note(ctx, "playlist_not_mirrored")
    tracks = []
    for ident in idents:
        media = ctx.media.get(int(ident))
        if media is None:
            ctx.losses.note(loss.UNRESOLVED_MEDIA, f"attachment {ident}")
            continue
        ctx.losses.note(loss.MEDIA_AS_LINK, media.url)
        label = media.caption or media.url.rstrip("/").rsplit("/", 1)[-1]
        tracks.append(f'<li><a href="{escape(media.url)}">{escape(label)}</a></li>')
    if not tracks:
        return _note(ctx, "playlist_ids_not_mirrored", ids=", ".join(idents))
    return f'<ol class="wp-playlist">{"".join(tracks)}</ol>'


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
    if not idents:  # the post's own attachments, which neither a REST response nor this export lists
        ctx.losses.note(loss.UNRESOLVED_MEDIA, "the post's attached images")
        return _note(ctx, "gallery_not_mirrored")
    for ident in idents:
        media = ctx.media.get(int(ident))
        if media is None:
            ctx.losses.note(loss.UNRESOLVED_MEDIA, f"attachment {ident}")
            continue
        caption = f"<figcaption>{escape(media.caption)}</figcaption>" if media.caption else ""
        images.append(f'<figure><img src="{escape(media.url)}" alt="{escape(media.alt)}">{caption}</figure>')
    if not images:
        return _note(ctx, "gallery_ids_not_mirrored", ids=", ".join(idents))
    return f'<figure class="wp-block-gallery">{"".join(images)}</figure>'


def _nextgen(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """NextGEN Gallery's `[nggallery id=51]`, `[singlepic id=7]`, `[ngg src="galleries" ids="2"]`…: its
    images live in the plugin's own tables and folders, which neither an export nor the REST API holds."""
    ident = named.get("id") or named.get("ids") or named.get("gallery") or ""
    ctx.losses.note(loss.UNRESOLVED_MEDIA, f"NextGEN gallery {ident}".rstrip())
    name = f"{ctx.words.nextgen_gallery} {ident}" if ident else ctx.words.nextgen_gallery
    return _note(ctx, "gallery_named_not_mirrored", name=name)


def _form(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """A form, or a shop's cart, checkout or account page, left unrendered (its plugin was off when the
    content was saved): it works only on the live site, so it goes, as a rendered <form> does."""
    ctx.losses.note(loss.FORM, "a form or shop shortcode")
    return ""


def _handler(name: str) -> Handler | None:
    if name.startswith(FEED_PREFIXES):
        return _feed
    return HANDLERS.get(name)


def _feed(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """A widget that showed another site's live feed (Elfsight's `[elfsight_instagram_feed id="1"]`, Smash
    Balloon's `[instagram-feed]`): its posts were fetched by a script for each visitor and were never the page's."""
    ctx.losses.note(loss.LIVE_FEED, "a live feed widget")
    return ""


def _listing(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """A list the live site made from its own posts or pages when it was shown (Jetpack's `[archives]` and
    `[sitemap]`, Display Posts' `[display-posts]`…): it has no content of its own to keep, and the mirror makes
    its own archives and indexes, so it goes rather than show as a bracketed word."""
    ctx.losses.note(loss.LIVE_LISTING, "a list of the site's posts or pages")
    return ""


# NextGEN Gallery's shortcodes, the legacy ones (1.x, still read by 3.x) and its own; `[slideshow]`, `[album]`
# and `[random]` are left out, as other plugins register those names too.
NEXTGEN = ("nggallery", "nggalbum", "ngg", "ngg_images", "singlepic", "imagebrowser", "nggtags", "nggslideshow")

# Shortcodes that stand for a form or a shop's page for the visitor, written bare (`[woocommerce_cart]`).
FORMS = ("contact-form-7", "contact-form", "wpforms", "gravityform", "ninja_form", "mc4wp_form", "woocommerce_cart",
         "woocommerce_checkout", "woocommerce_my_account", "woocommerce_order_tracking",
         # Jetpack's and WordPress.com's subscription forms, and other form plugins' by their registered names.
         "jetpack_subscription_form", "blog_subscription_form", "mailpoet_form", "fluentform", "formidable",
         "forminator_form", "caldera_form", "everest_form")

# Shortcodes that list the site's own content as it stood when shown: Jetpack's `[archives]`, `[sitemap]` and
# `[upcomingevents]`, Display Posts', List Category Posts', WordPress Popular Posts' and WP Sitemap Page's.
LISTINGS = ("archives", "sitemap", "upcomingevents", "display-posts", "catlist", "wpp", "wp_sitemap_page")

# Live feeds of other sites: Elfsight's widgets, each named `elfsight_…`, and Smash Balloon's feeds.
FEED_PREFIXES = ("elfsight_",)
FEEDS = ("instagram-feed", "custom-facebook-feed", "custom-twitter-feeds", "youtube-feed", "tiktok-feeds")

HANDLERS: dict[str, Handler] = {
    "embed": _embed,
    "youtube": _site_link("https://www.youtube.com/watch?v="),
    "vimeo": _site_link("https://vimeo.com/"),
    "tweet": _site_link("https://x.com/i/status/"),
    # Jetpack's, in every WordPress.com export: `[googlemaps URL]`, `[gist ID]`, `[dailymotion id=x8oma9]`…
    "googlemaps": _site_link("https://www.google.com/maps/"),
    "gist": _site_link("https://gist.github.com/"),
    "slideshare": _slideshare,
    "dailymotion": _site_link("https://www.dailymotion.com/video/"),
    "archiveorg": _site_link("https://archive.org/details/"),
    "soundcloud": _site_link("https://soundcloud.com/"),
    "instagram": _site_link("https://www.instagram.com/p/"),
    "scribd": _site_link("https://www.scribd.com/doc/"),  # `[scribd id=191207189 key=key-4ofw mode=scroll]`
    "audio": _media("audio"),
    "video": _media("video"),
    "caption": _caption,
    "wp_caption": _caption,
    "gallery": _gallery,
    "playlist": _playlist,
    **dict.fromkeys(NEXTGEN, _nextgen),
    **dict.fromkeys(FORMS, _form),
    **dict.fromkeys(LISTINGS, _listing),
    **dict.fromkeys(FEEDS, _feed),
}
