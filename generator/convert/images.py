"""Images as a reader of the mirror sees them: the real source a lazy loader or a `<picture>` hides, a
background lifted into an image, and no tracking pixels."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.addresses import TAB_OR_NEWLINE, absolute
from generator.convert.context import Context
from generator.convert.links import RESIZED
from generator.convert.media_queries import holds_on_desktop
from generator.convert.parse import elements, may_hold, styled_tags

# Where lazy loaders keep an image's real address, most common first. Whatever their name, such an attribute
# wins over `src`, which holds their placeholder: data-orig-src is Avada's, data-lazyload Revolution Slider's,
# data-lazy Slick's, data-echo Echo.js's; data-orig-file is the full-size file Jetpack's carousel names.
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "data-orig-file", "data-url", "data-orig-src",
                "data-lazyload", "data-lazy", "data-echo")
LAZY_SRCSETS = ("data-srcset", "data-lazy-srcset", "srcset")
LAZY_NAMES = frozenset(LAZY_SOURCES)
# Other plugins name theirs their own way, with "src" or "original" in the name: Envira's data-envira-src,
# FooGallery's data-src-fg, Optimole's data-opt-src, WP Fastest Cache's data-wpfc-original-src, NitroPack's
# nitro-lazy-src, Cloudflare's data-cfsrc. Read only where `src` is a placeholder, as a plugin may name a
# thumbnail so too.
OWN_LAZY_NAME = re.compile(r"[\w-]+(?:src|original)(?!set)[\w-]*|(?:src|original)[\w-]+(?<!set)")
OWN_LAZY_SRCSET_NAME = re.compile(r"[\w-]+srcset[\w-]*|[\w-]*srcset[\w-]+")
# The images lazy loaders and themes show until their script runs: a blank, transparent or spacer GIF, a
# "placeholder", a spinner (a3 Lazy Load's lazy_placeholder.gif, BJ Lazy Load's 1x1.trans.gif, Revolution
# Slider's dummy.png, WP Fastest Cache's blank.gif, Soliloquy's holder.gif for every slide but the first).
PLACEHOLDER_FILE = re.compile(r"(?:^|/)(?:lazy[-_]?)?(?:blank|spacer|transparent|trans|pixel|1x1|placeholder|dummy|"
                              r"holder|grey|gray|loading|loader|spinner|empty|clear)(?:[-_.][\w.-]*)?\.(?:gif|png|svg)$",
                              re.IGNORECASE)
# Jetpack's lazy images mark the address they load with `is-pending-load=1`, no part of the image's own address
# (added after wptexturize's `&#038;`, it splits the query as a fragment: `?w=736&is-pending-load=1#038;ssl=1`).
JETPACK_PENDING = re.compile(r"([?&])is-pending-load=1(#038;|&|$)")
# An address in an attribute: a path, or a file name with an image's extension.
ADDRESS = re.compile(r"\s*(?:(?:https?:)?/|[^\s:]+\.(?:jpe?g|png|gif|webp|avif|svg)\b)", re.IGNORECASE)
BACKGROUND_URL = re.compile(r"background(?:-image)?\s*:[^;]*url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
# An icon a style sheet draws beside words: one unrepeated background in the room a small left padding leaves
# (Yomereba's and Kaereba's shop links, `background: url(yl.gif) 0 -25px no-repeat; padding: 2px 0 2px 18px`).
NO_REPEAT = re.compile(r"\bno-repeat\b", re.IGNORECASE)
SIDE_PADDING = re.compile(r"padding(?:-(left|right))?\s*:([^;]*)", re.IGNORECASE)
ICON_ROOM = 48  # pixels of left padding, at most, that an icon beside the words takes
# A background a script sets from an attribute once the element shows: Elementor's gallery items
# (`<a href="full.jpg"><div data-thumbnail="thumb.jpg">`), lazy loaders' backgrounds (`data-bg="url(…)"`),
# parallax rows (WPBakery's data-vc-parallax-image, parallax.js's data-image-src, Ultimate Addons'
# data-ultimate-bg), tagDiv's post thumbnails (data-img-url), lazysizes' bgset, a srcset of backgrounds, and
# Dynamic Content for Elementor's dynamic background (a section's picture taken from a field or the featured
# image: a listing's cover, a university's photo behind its name), which no style sheet of the post holds.
LAZY_BACKGROUNDS = ("data-thumbnail", "data-bg", "data-background-image", "data-vc-parallax-image",
                    "data-image-src", "data-ultimate-bg", "data-img-url", "data-bgset",
                    "data-dce-background-image-url")
LAZY_BACKGROUND_NAMES = frozenset(LAZY_BACKGROUNDS)
LAZY_BACKGROUND_URL = re.compile(r"\s*(?:url\(\s*['\"]?)?"
                                 r"((?:https?:)?/[^'\")\s]*|[^'\")\s/]+\.(?:jpe?g|png|gif|webp|avif))", re.IGNORECASE)
SRCSET_SPLIT = re.compile(r",\s+")
# An alt text that is a web address and nothing else (surrounding spaces aside).
ADDRESS_ALT = re.compile(r"\s*(?:https?:)?//\S+\s*\Z", re.IGNORECASE)
# The classes WordPress gives an image it placed from the media library: the block editor's and the classic
# editor's `wp-image-12`, and `attachment-large` from wp_get_attachment_image (themes, page builders).
LIBRARY_IMAGE = re.compile(r"wp-image-\d+|attachment-[\w-]+")
# Visual Studio's code outlining marks (a blank None.gif, the +/- of ExpandedBlockStart.gif…), one before each
# line of code pasted from cnblogs or copied as HTML from the editor: they marked lines for a script that
# folded them, and show nothing of the code.
CODE_OUTLINE_IMAGE = re.compile(r"/Images/OutliningIndicators/[\w.-]+\.gif$", re.IGNORECASE)
# The transparent GIFs of table layouts (HTML 3/4 era pages pasted or migrated into posts, Dreamweaver's spacer.gif,
# a news archive's 385×1 trans.gif under every story) held space and show nothing; a name that goes on with other
# words (`transparent-logo.png`, `blank-map.png`) is a picture.
SPACER_FILE = re.compile(r"(?:^|/)(?:spacer|shim|trans|transparent|blank|clear|clearpixel|pixel|1x1)"
                         r"(?:[-_.](?:\d+(?:x\d+)?|trans|transparent|clear|blank|pixel|spacer))*\.(?:gif|png)$",
                         re.IGNORECASE)
# A favicon service's picture of a site's icon, which link cards show at 16 pixels beside the linked site's name
# (Cocoon's and other Japanese themes' blog cards, Pz-LinkCard: `google.com/s2/favicons?domain=…`).
FAVICON_SERVICE = re.compile(r"(?:https?:)?//(?:www\.)?(?:google\.[a-z.]+/s2/favicons|t\d\.gstatic\.com/faviconV2"
                             r"|icons\.duckduckgo\.com/ip[23]/|favicon\.yandex\.net/favicon/)", re.IGNORECASE)
# The loading picture a plugin ships in its own folder and shows until its script has built a carousel or a
# widget (WP Carousel's `wp-carousel-free/public/css/spinner.svg`, Logo Carousel's `loading.gif`): it never showed
# once the page had loaded, and stood, full size, over the pictures it waited for.
PLUGIN_FOLDER = "/wp-content/plugins/"
# A page builder's stand-in for a picture its editor has not chosen, a grey box with a mark, which the live page
# showed as it is: Elementor's, in an image box or behind a video's play button (its "image overlay").
BUILDER_PLACEHOLDER = re.compile(r"/wp-content/plugins/elementor/assets/images/placeholder\.png", re.IGNORECASE)
SPINNER_FILE = re.compile(r"(?:ajax[-_]?)?(?:spinner|loader|loading|preloader)(?:[-_.@][\w.@-]*)?"
                          r"\.(?:gif|svg|png|webp)", re.IGNORECASE)
# Zemanta's "Enhanced by Zemanta" badge (2009–2014), linked to its site, was loaded with the post's id (`?x-id=…`)
# from its server, which counted the views.
TRACKER_HOSTS = ("pixel.wp.com", "stats.wp.com", "google-analytics.com", "googletagmanager.com",
                 "facebook.com/tr", "doubleclick.net", "pixel.quantserve.com", "b.scorecardresearch.com",
                 "img.zemanta.com")


def resolve_lazy_images(soup: BeautifulSoup, ctx: Context) -> None:
    """Lazy loaders keep the real address in data-* attributes and put a placeholder in src. A theme whose script
    fills in `src=""` from attributes of its own (`default=`, `landscape-small=`), which a static copy saved as the
    page's own address (`src="index.html"`), showed a picture of the page: that is no picture, and its `default`
    address, the size its script falls back to, is shown where it gives one."""
    for img in elements(soup, "img"):
        if ctx.base_url and _the_page(str(img.get("src") or ""), ctx.base_url):
            del img["src"]
        src = real_source(img)
        if not src or src.startswith("data:image/gif") or src.startswith("data:image/svg"):
            alt = img.get("alt", "")
            ctx.losses.note(loss.IMAGE_WITHOUT_SOURCE, alt)
            # With no picture at all (no placeholder either), a browser shows the alt text in its place.
            if isinstance(alt, str) and alt.strip() and not str(img.get("src", "")).strip():
                img.replace_with(alt.strip())
            else:
                img.decompose()
            continue
        img["src"] = src


def _the_page(src: str, page: str) -> bool:
    """Whether an image's address is that of the page it stands on (`index.html` of its folder, or `""` read so)."""
    found = absolute(src, page).split("#")[0].removesuffix("index.html")
    return bool(src.strip()) and found.rstrip("/") == page.rstrip("/")


def real_source(img: Tag) -> str:
    """The address the image shows once the page's scripts ran: a lazy loader's (its src is a placeholder),
    else src, else the widest srcset candidate; a placeholder, or nothing, when that is all there is."""
    lazy = next((img[a] for a in LAZY_SOURCES if _address(img.get(a))), "")
    lazy_set = best_from_srcset(next((img[a] for a in LAZY_SRCSETS if img.get(a) and a != "srcset"), ""))
    if lazy or lazy_set:
        return JETPACK_PENDING.sub(_pending_dropped, lazy or lazy_set)
    src = img.get("src", "")
    if src and not src.startswith("data:") and not is_placeholder(img, src):
        return src
    own = next((value for name, value in img.attrs.items()
                if OWN_LAZY_NAME.fullmatch(name) and _address(value) and len(value.split()) == 1), "")
    own_set = next((value for name, value in img.attrs.items() if OWN_LAZY_SRCSET_NAME.fullmatch(name)), "")
    theirs = img.get("default") if _address(img.get("default")) else ""  # a theme's script's (resolve_lazy_images)
    return own or best_from_srcset(own_set) or best_from_srcset(img.get("srcset", "")) or theirs or src


def _pending_dropped(match: re.Match[str]) -> str:
    return match.group(1) if match.group(2) else ""


def _address(value: object) -> bool:
    return isinstance(value, str) and ADDRESS.match(value) is not None


def is_placeholder(img: Tag, src: str) -> bool:
    """Whether src is a lazy loader's stand-in: a placeholder's file name, on an image a script loads."""
    return PLACEHOLDER_FILE.search(src.split("?")[0]) is not None and any(
        name != "srcset" and ("lazy" in name or "src" in name or "original" in name) for name in img.attrs)


def images_from_noscript(soup: BeautifulSoup, ctx: Context) -> None:
    """A lazy loader's `<noscript>` copy holds the image that browsers without scripts show, right after the
    image its script would fill in. Where that script's own attribute is one we do not know, the copy is the
    one place left that names the real image: the image takes its address before the copy goes."""
    for noscript in elements(soup, "noscript"):
        copies = noscript.find_all("img")
        lazy = _previous_element(noscript)
        if len(copies) == 1 and lazy is not None and lazy.name == "img" and copies[0].get("src"):
            source = real_source(lazy)
            if not source or source.startswith("data:") or is_placeholder(lazy, source):
                lazy["src"] = copies[0]["src"]
                if copies[0].get("srcset"):
                    lazy["srcset"] = copies[0]["srcset"]


def drop_lazy_fallback_copies(soup: BeautifulSoup, ctx: Context) -> None:
    """A lazy loader's image is followed by its `<noscript>` copy for browsers without scripts. Where the
    `<noscript>` tags themselves went and what they held stayed (WordPress's kses strips them from the HTML an
    author without the unfiltered_html right saves, as from a rendered page pasted into the editor), the copy is
    a second image right after the one the loader fills, with the address the loader would load: the picture
    showed twice. The copy goes, as the `<noscript>` would have."""
    if not may_hold(soup, attributes=LAZY_NAMES):
        return  # (most posts: no lazy loader's attribute was ever parsed)
    for img in elements(soup, "img"):
        lazy = next((str(img[a]).strip() for a in LAZY_SOURCES if _address(img.get(a))), "")
        copy = _next_element(img) if lazy and str(img.get("src", "")).strip() != lazy else None
        if (copy is not None and copy.name == "img" and str(copy.get("src", "")).strip() == lazy
                and not any(copy.get(a) for a in LAZY_SOURCES)):
            copy.decompose()


def _next_element(tag: Tag) -> Tag | None:
    """The element right after tag, with nothing but white space between them."""
    sibling = tag.next_sibling
    while sibling is not None and not isinstance(sibling, Tag) and not sibling.strip():
        sibling = sibling.next_sibling
    return sibling if isinstance(sibling, Tag) else None


def _previous_element(tag: Tag) -> Tag | None:
    """The element right before tag, with nothing but white space between them."""
    sibling = tag.previous_sibling
    while sibling is not None and not isinstance(sibling, Tag) and not sibling.strip():
        sibling = sibling.previous_sibling
    return sibling if isinstance(sibling, Tag) else None


def best_from_srcset(srcset: str) -> str:
    """The widest (or densest) candidate of a srcset; ties keep the first listed. Candidates are
    split at a comma followed by space, as URLs (Cloudinary's w_900,h_600) may hold commas."""
    best, best_size = "", -1.0
    for candidate in SRCSET_SPLIT.split(srcset.strip()):
        parts = candidate.split()
        if not parts or parts[0].startswith("data:"):  # a lazy loader's placeholder
            continue
        size = 1.0
        if len(parts) > 1 and parts[1][:-1].replace(".", "", 1).isdigit():
            size = float(parts[1][:-1])
        if size > best_size:
            best, best_size = parts[0], size
    return best


def unwrap_pictures(soup: BeautifulSoup, ctx: Context) -> None:
    """A `<picture>` shows its img, from the first `<source>` where the img names no real picture itself: none,
    or a lazy loader's placeholder with the address in the source's data-srcset alone (WebP plugins with
    lazy loading: `<source data-srcset="a.webp"><img src="data:…">`), which was dropped as an image without
    a source. Where sources are chosen by the screen's width (`media`, art direction: a news site's tall crop
    for phones in its img, the wide photo for larger screens in its sources), it shows the one a desktop
    browser chose, as the mirror shows pages: the img alone was a 374-pixel crop of another shape."""
    for picture in elements(soup, "picture"):
        img = picture.find("img")
        if img is not None:
            sources = [s for s in picture.find_all("source") if _source_set(s)]
            chosen = next((s for s in sources if holds_on_desktop(str(s.get("media") or "all"))), None)
            if _needs_source(img) and (chosen or sources):
                img["src"] = best_from_srcset(_source_set(chosen or sources[0]))
            elif chosen is not None and chosen.get("media") and not _same_file(real_source(img), _source_set(chosen)):
                img["src"] = best_from_srcset(_source_set(chosen))
                for name in (*LAZY_SOURCES, *LAZY_SRCSETS, "sizes"):  # the img's own, of the crop not shown
                    if name in img.attrs:
                        del img[name]
        for source in picture.find_all("source"):
            source.decompose()
        picture.unwrap()


def _same_file(src: str, srcset: str) -> bool:
    """Whether an image and a srcset show one file, in sizes that differ at most (`?w=1260`, `-300x200`)."""
    try:
        return _file(src) == _file(best_from_srcset(srcset))
    except ValueError:  # an address urlsplit refuses
        return False


def _file(url: str) -> str:
    return RESIZED.sub("", urlsplit(url.strip()).path)


def _needs_source(img: Tag) -> bool:
    source = real_source(img)
    return not source or source.startswith("data:") or is_placeholder(img, source)


def _source_set(source: Tag) -> str:
    """A source's srcset, or a lazy loader's copy of it; a placeholder (`data:`) is none."""
    return next((str(source[a]) for a in LAZY_SRCSETS if source.get(a) and best_from_srcset(str(source[a]))), "")


def drop_tracking_pixels(soup: BeautifulSoup, ctx: Context) -> None:
    """1×1 images and images from analytics hosts count visits; a mirror must not load them. An image of the
    site's media library (`wp-image-12`) is sized 1×1 too when its file's sizes are not on record (an SVG, an
    upload whose metadata was lost, as Elementor's image widget shows them): it is shown. A link that only the
    image filled goes with it: it was the counter's badge (Zemanta's), or nothing a reader could see, and left
    standing it would show its title or its bare address."""
    for img in elements(soup, "img"):
        src = img.get("src", "")
        tiny = img.get("width") in ("0", "1") and img.get("height") in ("0", "1") and not _from_library(img)
        if tiny or any(host in src for host in TRACKER_HOSTS):
            ctx.losses.note(loss.TRACKER, src)
            link = img.parent
            img.decompose()
            if link is not None and link.name == "a" and not link.get_text().strip() and link.find(True) is None:
                link.decompose()


def drop_spacer_images(soup: BeautifulSoup, ctx: Context) -> None:
    """A spacer (SPACER_FILE), or an image sized zero, shows nothing where it stands; mirrored it is an empty
    picture, and where it is not, an "Image — open original" box under every post that held one. It goes, and
    is no loss. An image of the site's media library, or one its author described (alt text), is a picture,
    whatever its name; but a plugin's loading picture (SPINNER_FILE in PLUGIN_FOLDER) goes whatever its alt text
    ("Preloader Image"), which the page showed only until it had loaded. So does a favicon service's icon of a
    linked site (FAVICON_SERVICE), a link card's dot beside the site's name that stood as a picture of its own,
    and a page builder's stand-in for a picture not chosen (BUILDER_PLACEHOLDER), whatever its alt text."""
    for img in elements(soup, "img"):
        src = str(img.get("src") or "").split("?")[0].split("#")[0].strip()
        hidden = img.get("width") == "0" or img.get("height") == "0"
        spacer = (SPACER_FILE.search(src) is not None and not str(img.get("alt") or "").strip()
                  or PLUGIN_FOLDER in src and SPINNER_FILE.fullmatch(src.rpartition("/")[2]) is not None
                  or FAVICON_SERVICE.match(src) is not None or BUILDER_PLACEHOLDER.search(src) is not None)
        if (hidden or spacer) and not _from_library(img):
            link = img.parent
            if not hidden and _between_words(img):  # it held the words apart: "Indented by", not "Indentedby"
                img.insert_before(" ")
            img.decompose()
            # A link the spacer alone filled was an invisible area of the page: shown, it would be a bare address.
            if link is not None and link.name == "a" and not link.get_text().strip() and link.find(True) is None:
                link.decompose()


def _between_words(tag: Tag) -> bool:
    before, after = tag.previous_sibling, tag.next_sibling
    return (isinstance(before, NavigableString) and isinstance(after, NavigableString)
            and before[-1:].strip() != "" and after[:1].strip() != "")


def drop_code_outline_marks(soup: BeautifulSoup, ctx: Context) -> None:
    """Code outlining marks before lines of pasted code go (see CODE_OUTLINE_IMAGE): mirrored, or as a
    placeholder for each, they stood between every line number and its code. An address an export wrapped
    (`Outlining\nIndicators`) is read as a browser reads it, without the line break."""
    for img in elements(soup, "img"):
        if CODE_OUTLINE_IMAGE.search(TAB_OR_NEWLINE.sub("", img.get("src", ""))):
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
    fill" keeps both) is not shown twice, nor one the element just before it shows: a theme's second layer of the
    same picture, blurred or shaded for its hover effect (`<div class="thumbnail" style="background-image: url(a)">
    <div class="bg-blr-image" style="background-image: url(a)">`), showed every card's picture twice. A video's
    background is the still a theme drew behind its player (Inwave's `<video style="background: url(…)">`): it
    comes before the video, whose contents nothing shows. A page builder's stand-in for a picture not chosen (see
    BUILDER_PLACEHOLDER) is no picture."""
    # Without a lazy loader's attribute, only a style can hold a background.
    for tag in elements(soup) if may_hold(soup, attributes=LAZY_BACKGROUND_NAMES) else styled_tags(soup):
        url = _background(tag)
        before = tag.find_previous_sibling(True)
        if url and not url.startswith("data:") and not BUILDER_PLACEHOLDER.search(url) and not _shows_image(tag, url) \
                and not (before is not None and _shows_image(before, url)) and not _icon_beside_words(tag):
            ctx.losses.note(loss.BACKGROUND_IMAGE, url)
            image = soup.new_tag("img", attrs={"src": url, "alt": ""})
            if tag.name == "video":
                tag.insert_before(image)
            else:
                tag.insert(0, image)


def _background(tag: Tag) -> str:
    """The address of the element's background picture; '' where none, or where a theme printed the style with
    the address left out (`url( )`, a post with no featured image), which is no picture but was shown as one with
    no address (`![]()`, a news theme's tabs of cards)."""
    match = BACKGROUND_URL.search(tag.get("style") or "")
    if match:
        return match.group(1).strip()
    name = next((name for name in LAZY_BACKGROUNDS if tag.get(name)), "") if tag.name != "img" else ""
    lazy = tag.get(name, "")
    if name == "data-bgset" and isinstance(lazy, str):
        lazy = best_from_srcset(lazy)
    match = LAZY_BACKGROUND_URL.match(lazy) if isinstance(lazy, str) else None
    return match.group(1).strip() if match else ""


def _icon_beside_words(tag: Tag) -> bool:
    """Whether the element's background is an icon its style sets beside its words: unrepeated, in a left padding
    of a few pixels wider than its right one (a section's picture under its words is padded alike on both sides)."""
    style = tag.get("style") or ""
    if not NO_REPEAT.search(style) or not tag.get_text().strip():
        return False
    left, right = _side_paddings(style)
    return right < left <= ICON_ROOM


def _side_paddings(style: str) -> tuple[float, float]:
    """The left and right padding a style gives in pixels (the last declaration of each wins), 0 where none."""
    left = right = 0.0
    for match in SIDE_PADDING.finditer(style):
        side, value = match.group(1), match.group(2).split()
        if side and value:
            left, right = (_pixels(value[0]), right) if side.lower() == "left" else (left, _pixels(value[0]))
        elif not side and value:  # top [right [bottom [left]]]: the left is the 4th, else the 2nd, else the 1st
            right = _pixels(value[1] if len(value) > 1 else value[0])
            left = _pixels(value[3] if len(value) == 4 else value[1] if len(value) > 1 else value[0])
    return left, right


def _pixels(length: str) -> float:
    number = length[:-2] if length.lower().endswith("px") else length if length == "0" else ""
    return float(number) if number.replace(".", "", 1).isdigit() else 0.0


def _shows_image(tag: Tag, url: str) -> bool:
    return any(img.get("src", "").strip() == url.strip() for img in elements(tag, "img"))
