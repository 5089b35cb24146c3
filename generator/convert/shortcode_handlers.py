"""The shortcodes WordPress, Jetpack and common plugins register, each a handler that returns the HTML it
stands for.

`[caption]` becomes a figure, `[gallery ids]` the saved media it names, `[embed]`, `[youtube]`,
`[vimeo]`, `[tweet]` and Jetpack's `[googlemaps]`, `[slideshare]`, `[scribd]`… a link to what they embed,
Leaflet Map's `[leaflet-map]` a link to its place on OpenStreetMap and its markers their pop-ups' words,
`[audio]` and `[video]` the player WordPress renders (which the converter makes a link),
`[playlist ids]` a list of links to its files, NextGEN Gallery's (`[nggallery id=3]`) a note that its
images are not in the mirror, a form's or a shop page's shortcode nothing, nor does one that lists the site's
own posts (Jetpack's `[archives]`), whose lists the mirror makes itself, or another site's live feed.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from html import escape, unescape
from urllib.parse import quote

from generator.convert import context as loss
from generator.convert.addresses import with_plain_ampersands
from generator.convert.context import Context, attachment_id
from generator.convert.embeds import embed_label, embedded_file
from generator.convert.formulas import latex_shortcode
from generator.convert.shortcode_news import NOTE_SHORTCODES, credited, footnote, infogram, media_credit, spotify
from generator.convert.speech_balloons import chat_balloon, sango_say

IMG_TAG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
LINK_TAG = re.compile(r"<a\b[^>]*>\s*<img\b[^>]*>\s*</a>", re.IGNORECASE)
# A handler returns the HTML a shortcode stands for, or None when it cannot tell.
Handler = Callable[[dict[str, str], list[str], str, Context], "str | None"]


def handler(name: str) -> Handler | None:
    """The handler of a shortcode WordPress or a plugin registers under `name`, if it is one of those."""
    if name.startswith(FEED_PREFIXES):
        return _feed
    return HANDLERS.get(name) or (_form if _named_a_form(name) else None)


def _named_a_form(name: str) -> bool:
    """A theme's or plugin's own form, named so under its prefix (`[luxus_signup_form]`, `[rtb-booking-form]`,
    `[form_maker id="3"]`, FluentBooking's `[fluent_booking id="1"]`): written bare, as most are, it would stay as text, `[luxus_signup_form]` under "Sign
    up" and in the summary, though the live page showed a form there, which only worked on the live site."""
    parts = FORM_NAME_PARTS.split(name)
    return len(parts) > 1 and not FORM_WORDS.isdisjoint(parts)


def link(url: str, text: str) -> str:
    return f'<p><a href="{escape(url)}">{escape(text)}</a></p>'


def _note(ctx: Context, word: str, **values: str) -> str:
    """A paragraph that says, in the site's words, what the mirror lacks ("Gallery: its images are not in this
    mirror.")."""
    return f"<p>{escape(ctx.words.fill(word, **values))}</p>"


def _embed(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    # The post's HTML holds the address escaped (`&amp;`); the link escapes it once more.
    url = unescape(inner or named.get("url") or (positional[0] if positional else "")).strip()
    kind = embedded_file(url) if url else ""  # a file's address: WordPress's own player, or a link to the file
    if kind:
        return link(url, url) if kind == "link" else f'<p><{kind} src="{escape(url)}"></{kind}></p>'
    return _embedded(url, ctx) if url else None


def _embedded(url: str, ctx: Context, title: str = "") -> str:
    # An address whose ampersands were escaped twice or more (`?type=3&amp;amp;theater`): its label shows it as the
    # link leads, once its ampersands are plain.
    url = with_plain_ampersands(url)
    ctx.losses.note(loss.EMBED_AS_LINK, url)
    return link(url, embed_label(url, ctx.words, title))


def _sitelink(base: str) -> Handler:
    def handler(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
        # An address the editor or an importer made a link inside the brackets (`[youtube <a href="URL">URL</a>]`):
        # read as attributes, the link's `<a` comes first and its address is `href`.
        linked = named.get("href", "") if positional[:1] == ["<a"] else ""
        ref = unescape(named.get("id") or named.get("url") or linked or (positional[0] if positional else "")
                       or inner).strip()
        if not ref:
            return None
        return _embedded(ref if ref.startswith(("http://", "https://")) else base + ref, ctx)
    return handler


def _slideshare(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Jetpack's `[slideshare id=123&doc=name&w=425]`: its settings run on from the id, joined by &."""
    number = re.match(r"\d+", unescape(named.get("id", "")))
    return _embedded(f"https://www.slideshare.net/slideshow/embed_code/{number.group(0)}", ctx) if number else None


PEN_PART = re.compile(r"[\w-]+")  # a CodePen user's name or a pen's hash
LINK_WORDS = re.compile(r"<a\b([^<>]*)>([^<>]+)</a>", re.IGNORECASE)  # a link's attributes and words


def _codepen(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """The CodePen Embedded Pens plugin's `[codepen_embed slug_hash=… user=…]See the Pen …[/codepen_embed]`,
    whose words CodePen's script replaced with the pen: the pen's own page, named by the pen's title its words
    link ("See the Pen <a href=…/pen/…>Year Pickers</a> by …", escaped as text where the editor escaped it)."""
    slug, user = (unescape(named.get(key, "")).strip() for key in ("slug_hash", "user"))
    if not (PEN_PART.fullmatch(slug) and PEN_PART.fullmatch(user)):
        return None
    title = next((" ".join(found[2].split()) for found in LINK_WORDS.finditer(unescape(inner)) if "/pen/" in found[1]),
                 "")
    return _embedded(f"https://codepen.io/{user}/pen/{slug}", ctx, title)


def _leaflet_map(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Leaflet Map's `[leaflet-map address="florida"]` (or `lat=… lng=…`), a map of OpenStreetMap's tiles drawn by
    the plugin's script: a link to that place on OpenStreetMap. A map that names no place is the plugin's default
    view, of nothing the author chose."""
    address = " ".join(unescape(named.get("address", "")).split())
    lat, lng = unescape(named.get("lat", "")).strip(), unescape(named.get("lng", named.get("lon", ""))).strip()
    if address:
        url, place = f"https://www.openstreetmap.org/search?query={quote(address)}", address
    elif COORDINATE.fullmatch(lat) and COORDINATE.fullmatch(lng):
        url, place = f"https://www.openstreetmap.org/?mlat={lat}&mlon={lng}", f"{lat}, {lng}"
    else:
        return ""
    ctx.losses.note(loss.EMBED_AS_LINK, url)
    kind = ctx.words.fill("site_map", site="OpenStreetMap")
    return link(url, ctx.words.fill("media_described", kind=kind, description=place))


def _leaflet_shape(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """A marker, line or shape Leaflet Map draws on the map above: what its pop-up says (`[leaflet-marker]Our
    office[/leaflet-marker]`), which the map showed on a click."""
    return f"<p>{inner}</p>" if inner.strip() else ""


# The Google hosts Jetpack's `[googleapps]` embeds from (its googleapps_validate_domain_and_dir).
GOOGLE_APPS = ("docs", "drive", "www", "spreadsheets", "calendar")


def _googleapps(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Jetpack's `[googleapps domain="docs" dir="document/d/1x/pub" query="embedded=true" /]`, which WordPress.com
    makes of a Google document, sheet, form or calendar pasted as a frame: the frame of
    https://{domain}.google.com/{dir}?{query}, here a link to it. A `src` given whole is taken as it is."""
    src = unescape(named.get("src") or (positional[0] if positional else "")).strip()
    if src.startswith(("https://", "http://")):
        return _embedded(src, ctx)
    domain, folder = named.get("domain", "docs"), unescape(named.get("dir", "")).strip().lstrip("/")
    if domain not in GOOGLE_APPS or not folder:
        return None
    query = unescape(named.get("query", "")).strip()
    return _embedded(f"https://{domain}.google.com/{folder}" + (f"?{query}" if query else ""), ctx)


# The attributes WordPress's [audio] and [video] read a file from, in its order, with their types.
SOURCES = {"audio": (("src", ""), ("mp3", "audio/mpeg"), ("m4a", "audio/mp4"), ("ogg", "audio/ogg"),
                     ("wav", "audio/wav"), ("wma", "audio/x-ms-wma")),
           "video": (("src", ""), ("mp4", "video/mp4"), ("m4v", "video/mp4"), ("webm", "video/webm"),
                     ("ogv", "video/ogg"), ("wmv", "video/x-ms-wmv"), ("flv", "video/x-flv"))}


# A file given bare (`[audio http://e.com/a.mp3]`, `[audio:a.mp3]`) has an address's slash or a file's extension.
# Words in brackets that begin with the name (`[video of the talk][2]`, a Markdown link's text) give none: they
# stay as text, where WordPress, which found no file there, would have shown nothing.
FILE_GIVEN = re.compile(r"/|\.[A-Za-z0-9]{2,5}(?:[?#]|$)")
# Older plugins' form, `[video]https://www.youtube.com/watch?v=…[/video]`: the address alone between the tags, a
# video site's page or a file. WordPress's own [video] reads none there; the plugins that wrote it showed its player.
WEB_ADDRESS = re.compile(r"https?://\S+")
MEDIA_FILE = re.compile(r"\.(?:mp4|m4v|webm|ogv|ogg|wmv|flv|mov|mp3|m4a|wav|wma)(?:[?#]|$)", re.IGNORECASE)
VIDEO_FILE = re.compile(r"\.(?:mp4|m4v|webm|ogv|wmv|flv|mov)(?:[?#]|$)", re.IGNORECASE)


def _media(kind: str) -> Handler:
    """[audio] and [video] as the <audio> and <video> WordPress renders, which the converter
    makes a link to the file, as it does on REST content."""
    def handler(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
        sources = [(named[k].strip(), t) for k, t in SOURCES[kind] if named.get(k, "").strip()]
        given = " ".join(positional).removeprefix(":")
        if not sources and kind == "audio" and ("|" in given or "," in given):
            return _wpcom_audio(unescape(given), ctx)
        if not sources and positional and FILE_GIVEN.search(first := positional[0].removeprefix(":")):
            sources = [(first, "")]
        if not sources and WEB_ADDRESS.fullmatch(inner_url := unescape(inner).strip()):
            if not MEDIA_FILE.search(inner_url):  # a video site's page: its player, as the plugin embedded it
                return _embedded(inner_url, ctx)
            sources = [(inner_url, "")]
        if not sources:
            return None
        tags = "".join(f'<source{_type(t)} src="{escape(url)}">' for url, t in sources)
        poster = f' poster="{escape(named["poster"])}"' if named.get("poster") else ""
        first = escape(sources[0][0])
        return (f'<div class="wp-{kind}"><{kind} class="wp-{kind}-shortcode" controls{poster}>{tags}'
                f'<a href="{first}">{first}</a></{kind}></div>')
    return handler


def _powerpress(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """PowerPress's player: of the file its `url` names, else of the post's episode, which the import puts in the
    shortcode's place where the input names one (sources/podcast_enclosures.py). One left is of a post with no
    episode, where PowerPress showed nothing."""
    url = named.get("url", "").strip()
    kind = "video" if VIDEO_FILE.search(url) else "audio"
    return _media(kind)({"src": url}, [], "", ctx) if url else ""


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
    inner, credit = credited(inner)
    image = LINK_TAG.search(inner) or IMG_TAG.search(inner)
    text = named.get("caption", "")
    if image is not None:
        text = (inner[: image.start()] + inner[image.end():]).strip() or text
    figure = image.group(0) if image else ""
    return f"<figure>{figure}<figcaption>{credit}{'<br>' if credit and text else ''}{text}</figcaption></figure>"


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


HEADINGS = frozenset(f"h{level}" for level in range(1, 7))
FAQ_QUESTION = re.compile(r"question-([0-9]{1,9})")


def _faq(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Structured Content's `[sc_fs_faq headline="h3" question="…" img="12"]answer[/sc_fs_faq]`: a question
    as a heading of the level `headline` names, its picture and its answer, which the plugin takes as HTML."""
    question = named.get("question", "")
    if not question.strip() and not inner.strip():
        return None
    return _question(question, named.get("headline", ""), named.get("img", ""), inner, ctx)


def _faqs(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """Structured Content's `[sc_fs_multi_faq headline-0="h4" question-0="…" answer-0="…" image-0="" count="1"]`:
    the questions and answers of one FAQ, all in numbered attributes."""
    # Each question's own suffix, as written (`0`, or `01`), ordered by its number.
    suffixes = sorted((found.group(1) for found in map(FAQ_QUESTION.fullmatch, named) if found), key=int)
    as_html = named.get("html", "true").strip().lower() == "true"  # else the answers are plain text
    return "".join(_question(named[f"question-{n}"], named.get(f"headline-{n}", ""), named.get(f"image-{n}", ""),
                             _answer(named.get(f"answer-{n}", ""), as_html), ctx) for n in suffixes) or None


def _answer(value: str, as_html: bool) -> str:
    """An answer held in an attribute, where WordPress's editor leaves its tags escaped (`&lt;strong&gt;`)."""
    return unescape(value) if as_html else escape(unescape(value))


def _question(question: str, headline: str, image: str, answer: str, ctx: Context) -> str:
    tag = headline.strip().lower() if headline.strip().lower() in HEADINGS else "h2"  # the plugin's default
    ident = attachment_id(image)
    picture = attachment_image(ident, ctx) if ident is not None else ""
    return f"<{tag}>{escape(unescape(question.strip()))}</{tag}>{picture}<div>{answer}</div>"


def attachment_image(ident: int, ctx: Context) -> str:
    """The picture of the attachment a field or an attribute names by id, from the saved media; "" (counted)
    when they lack it."""
    media = ctx.media.get(ident)
    if media is None:
        ctx.losses.note(loss.UNRESOLVED_IMAGE, f"attachment {ident}")
        return ""
    return f'<p><img src="{escape(media.url)}" alt="{escape(media.alt)}"></p>'


def _nextgen(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """NextGEN Gallery's `[nggallery id=51]`, `[singlepic id=7]`, `[ngg src="galleries" ids="2"]`…: its
    images live in the plugin's own tables and folders, which neither an export nor the REST API holds."""
    ident = named.get("id") or named.get("ids") or named.get("gallery") or ""
    ctx.losses.note(loss.UNRESOLVED_MEDIA, f"NextGEN gallery {ident}".rstrip())
    name = f"{ctx.words.nextgen_gallery} {ident}" if ident else ctx.words.nextgen_gallery
    return _note(ctx, "gallery_named_not_mirrored", name=name)


def _builder_template(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """Elementor Pro's `[elementor-template id="459"]` shows a template of the site's Elementor library (a banner, a
    call to action) where it stands, which only Elementor renders, from its own data: an export or a dump holds the
    template as a design item, if at all. The mirror has nothing to show in its place, and its tag told a reader
    nothing; it goes, noted."""
    ctx.losses.note(loss.BUILDER_ELEMENT, f"Elementor template {named.get('id', '')}".rstrip())
    return ""


def _form(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """A form, or a shop's cart, checkout or account page, left unrendered (its plugin was off when the
    content was saved): it works only on the live site, so it goes, as a rendered <form> does."""
    ctx.losses.note(loss.FORM, "a form or shop shortcode")
    return ""



def _rating(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """A rating widget goes as a form does; words in brackets that begin with its name (`[ratings of critics]`)
    stay as text, as the plugin's name is an everyday word."""
    return None if positional else _form(named, positional, inner, ctx)


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


def _countdown(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """A countdown timer goes, counted: its script counted down to a day long past when the mirror is read. What
    it encloses stays, as it is what T(-) Countdown and themes' timers showed once the time was up; words in
    brackets that begin with its name (`[countdown to the vote]`) stay as text."""
    if positional:
        return None
    ctx.losses.note(loss.COUNTDOWN, "a countdown timer shortcode")
    return inner


# NextGEN Gallery's shortcodes, the legacy ones (1.x, still read by 3.x) and its own; `[slideshow]`, `[album]`
# and `[random]` are left out, as other plugins register those names too.
NEXTGEN = ("nggallery", "nggalbum", "ngg", "ngg_images", "singlepic", "imagebrowser", "nggtags", "nggslideshow")

# Shortcodes that stand for a form or a shop's page for the visitor, written bare (`[woocommerce_cart]`).
FORMS = ("contact-form-7", "contact-form", "wpforms", "gravityform", "ninja_form", "mc4wp_form", "woocommerce_cart",
         "woocommerce_checkout", "woocommerce_my_account", "woocommerce_order_tracking", "add_to_cart", "shop_messages",
         # Jetpack's and WordPress.com's subscription forms, and other form plugins' by their registered names.
         "jetpack_subscription_form", "blog_subscription_form", "mailpoet_form", "fluentform", "formidable",
         "forminator_form", "caldera_form", "everest_form",
         # The Newsletter plugin's page, its subscription form and the messages of a subscriber's steps.
         "newsletter", "newsletter_profile",
         # Quizzes, whose questions are in their plugin's tables and which only the live page scores: Quiz Maker's
         # `[ays_quiz id='3']`, Quiz And Survey Master's `[qsm quiz=1]` (`[mlw_quizmaster]` before), WP Quiz's,
         # WatuPRO's `[watupro 1]`.
         "ays_quiz", "qsm", "mlw_quizmaster", "wp_quiz", "watupro")

# Visitors' star ratings: a form to vote with, whose tallies are in the plugin's own tables, not in the post
# (WP-PostRatings' `[ratings]`, GD Star Rating's `[starratingmulti id="1"]`, kk Star Ratings', Rate My Post's).
RATINGS = ("ratings", "starrating", "starratingmulti", "starreview", "starreviewmulti", "kkratings", "kkstarratings",
           "ratemypost", "ratemypost-result")

FORM_NAME_PARTS = re.compile(r"[_-]+")
FORM_WORDS = frozenset({"form", "forms", "booking"})  # a booking form's too (`[fluent_booking id="1"]`)

# Shortcodes that list the site's own content as it stood when shown: Jetpack's `[archives]`, `[sitemap]` and
# `[upcomingevents]`, Display Posts', List Category Posts', WordPress Popular Posts' and WP Sitemap Page's, and
# WooCommerce's lists of its products and categories, with prices and stock as they were when shown; and the Blocksy
# theme's cards of its latest posts (`[blocksy_posts limit="3" post_type="post"]`).
LISTINGS = ("archives", "sitemap", "upcomingevents", "display-posts", "catlist", "wpp", "wp_sitemap_page",
            "blocksy_posts", "products", "product", "product_page", "product_category", "product_categories",
            "product_attribute", "recent_products", "featured_products", "sale_products", "best_selling_products",
            "top_rated_products", "related_products")

# What Leaflet Map draws on its map (its `[leaflet-…]` shortcodes), and the degrees of a place.
LEAFLET_SHAPES = ("leaflet-marker", "leaflet-line", "leaflet-circle", "leaflet-polygon", "leaflet-geojson",
                  "leaflet-kml", "leaflet-gpx", "leaflet-scale")
COORDINATE = re.compile(r"-?\d{1,3}(?:\.\d{1,12})?")

# Countdown timers: Countdown Timer Ultimate's `[wpcdt-countdown id="9"]`, T(-) Countdown's `[tminus t="…"]`, Uji
# Countdown's, and themes' own `[countdown year="2019" month="5"]`.
COUNTDOWNS = ("countdown", "wpcdt-countdown", "tminus", "ujicountdown")

# Live feeds of other sites: Elfsight's widgets, each named `elfsight_…`, Smash Balloon's feeds and Feedzy's lists of
# a site's feed items (`[feedzy-rss feeds="https://…/feed" max="20"]`).
FEED_PREFIXES = ("elfsight_",)
FEEDS = ("instagram-feed", "custom-facebook-feed", "custom-twitter-feeds", "youtube-feed", "tiktok-feeds",
         "feedzy-rss")

HANDLERS: dict[str, Handler] = {
    "embed": _embed,
    "youtube": _sitelink("https://www.youtube.com/watch?v="),
    "vimeo": _sitelink("https://vimeo.com/"),
    "tweet": _sitelink("https://x.com/i/status/"),
    # Jetpack's, in every WordPress.com export: `[googlemaps URL]`, `[gist ID]`, `[dailymotion id=x8oma9]`…
    "googlemaps": _sitelink("https://www.google.com/maps/"),
    "leaflet-map": _leaflet_map,
    **dict.fromkeys(LEAFLET_SHAPES, _leaflet_shape),
    "gist": _sitelink("https://gist.github.com/"),
    "slideshare": _slideshare,
    "codepen_embed": _codepen,
    "googleapps": _googleapps,
    "dailymotion": _sitelink("https://www.dailymotion.com/video/"),
    "archiveorg": _sitelink("https://archive.org/details/"),
    "soundcloud": _sitelink("https://soundcloud.com/"),
    "instagram": _sitelink("https://www.instagram.com/p/"),
    "scribd": _sitelink("https://www.scribd.com/doc/"),  # `[scribd id=191207189 key=key-4ofw mode=scroll]`
    # DocumentCloud's plugin: `[documentcloud url="https://www.documentcloud.org/documents/282753-x.html"]`, or `id=`
    "documentcloud": _sitelink("https://www.documentcloud.org/documents/"),
    "infogram": infogram,
    "spotify": spotify,
    "wpvideo": _sitelink("https://videopress.com/v/"),  # VideoPress's `[wpvideo tFnqC9XQ w=680]`, by its guid
    "audio": _media("audio"),
    "video": _media("video"),
    "powerpress": _powerpress,
    "caption": _caption,
    "media-credit": media_credit,
    **dict.fromkeys(NOTE_SHORTCODES, footnote),
    "efn_footnotes": lambda named, positional, inner, ctx: "",
    "wp_caption": _caption,
    "gallery": _gallery,
    "imagelist": _gallery,  # a portfolio theme's pictures attached to its item, where the input lacks them
    "sc_fs_faq": _faq,
    "sc_fs_multi_faq": _faqs,
    "say": sango_say,  # SANGO's speech balloon
    "chat": chat_balloon,  # JIN's, WP Bubble Chat's
    "playlist": _playlist,
    "latex": latex_shortcode,  # Jetpack's and WP LaTeX's math, drawn as a picture: here its TeX
    **dict.fromkeys(NEXTGEN, _nextgen),
    "elementor-template": _builder_template,
    **dict.fromkeys(FORMS, _form),
    **dict.fromkeys(RATINGS, _rating),
    **dict.fromkeys(LISTINGS, _listing),
    **dict.fromkeys(FEEDS, _feed),
    **dict.fromkeys(COUNTDOWNS, _countdown),
}
