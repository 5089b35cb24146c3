"""One element of a WordPress export as the object a REST response would hold for it.

Posts become /wp/v2/<type> objects with `_embedded` authors and terms (so each post names its own,
as with `?_embed`), their content and excerpt as saved (`raw`, as REST's edit context names it), with what
rendering them needs beside them; the convert stage renders them (convert/wp_render.py). Attachments become /wp/v2/media objects, which featured images name by id; `<wp:author>`,
`<wp:category>`, `<wp:tag>` and `<wp:term>` become user and term objects. Old exports give terms and
authors no ids: a stable id is made from the name, far above any WordPress id.
"""

from __future__ import annotations

import hashlib
import re
import unicodedata
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone
from email.utils import parsedate_to_datetime
from typing import Any
from urllib.parse import urljoin, urlsplit

from generator.language.words import Words, site_words
from generator.problems import ItemError
from generator.sources import (bwg_galleries, coauthors, plugin_galleries, podcast_enclosures, post_fields,
                               post_formats, product_prices, shop_currency, tablepress, tribe_events)
from generator.sources.date_clues import ADDRESS_DATE, UPLOAD_MONTH
from generator.sources.shop_currency import PriceFormat
from generator.sources.wp_syntax import Attachment, gallery_owners, patterns_used, without_cdata_marks

ZERO_DATE = "0000-00-00 00:00:00"
SYNTHETIC_BASE = 10**12  # WordPress ids are far below this
TAXONOMY_OF = {"tag": "post_tag"}  # WXR 1.0 wrote tags as domain="tag"
# Terms that are not taxonomies a reader browses: REST shows none of them in `wp:term`. Besides WordPress's own,
# the ones plugins keep their bookkeeping in, registered as not public: Polylang's groups of translations
# (`pll_68f7a70a13708`, one per post) and its languages of terms, WPML's translation priorities, WooCommerce's
# product visibility and type (`exclude-from-catalog`, `simple`); and AVH Extended Categories' groups of
# categories for its sidebar widget (`avhec_catgroup`, every post in its group "All"), public but no topic: the
# mirror's menu showed "Avhec catgroup" over one term listing every post. Polylang's `language` is kept: it sorts
# the posts a reader reads by language.
HIDDEN_TAXONOMIES = frozenset({"post_format", "nav_menu", "link_category", "wp_theme", "wp_template_part_area",
                               "wp_pattern_category", "post_translations", "term_translations", "term_language",
                               "translation_priority", "product_visibility", "product_type", "avhec_catgroup"})
TRANSLATIONS = "post_translations"
PHP_PAIR = re.compile(r's:\d+:"([^"]{1,35})";(?:i:(\d{1,19})|s:\d+:"(\d{1,19})");')
TITLE_WORDS = 8
# The languages whose WordPress translation counts an automatic excerpt's length in characters, not words
# (`wp_trim_words`: their text has no spaces between words), and that length, Japanese WordPress's
# `excerpt_length`; counted in words, a post of Chinese is one long word and its whole text the excerpt.
CHARACTER_COUNTED = re.compile(r"(?:zh|ja)(?:[-_].*)?", re.IGNORECASE)
EXCERPT_CHARACTERS = 110
MARKDOWN_META = "_wpcom_is_markdown"  # Jetpack's Markdown module, on WordPress.com and elsewhere
ELEMENTOR_META = "_elementor_edit_mode"  # `builder` on a page Elementor builds, which it renders without wpautop
NON_WORD = re.compile(r"[^\w]+")
# REST serves a post's content rendered, an export saves it raw: a post's `content` and `excerpt` hold `raw`,
# and this key what rendering them needs beside (convert/wp_render.py renders them as `the_content` would).
RENDER = "_render"


@dataclass(frozen=True)
class Element:
    """A closed element of the export: its text fields by prefixed name (`wp:post_id`), and its
    repeated children (categories, postmeta) in document order."""

    fields: Mapping[str, str]
    categories: Sequence[tuple[str, str, str]] = ()  # (domain, nicename, name)
    meta: Mapping[str, str] = field(default_factory=dict)


@dataclass
class Names:
    """What the export's header declared: authors by login, term ids by (taxonomy, slug); and the site's words,
    for the title made for a post with neither title nor text."""

    authors: dict[str, dict[str, Any]] = field(default_factory=dict)
    terms: dict[tuple[str, str], int] = field(default_factory=dict)
    attached: dict[int, list[Attachment]] = field(default_factory=dict)  # by parent post, for galleries
    galleries: set[int] = field(default_factory=set)  # posts whose attachments a gallery without ids shows
    synced: dict[int, str] = field(default_factory=dict)  # published synced patterns' content, which posts show
    venues: dict[int, dict[str, str]] = field(default_factory=dict)  # The Events Calendar's venues, by id
    variation_prices: dict[int, list[str]] = field(default_factory=dict)  # WooCommerce's, by product id
    guests: dict[str, str] = field(default_factory=dict)  # Co-Authors Plus's guest authors' names, by term slug
    described: dict[str, str] = field(default_factory=dict)  # and its users' names its terms' descriptions give
    # TablePress's tables: the post of each table id (a database's option names them), and each such post's table
    table_posts: dict[str, int] = field(default_factory=dict)
    tables: dict[int, str] = field(default_factory=dict)
    # Modula's galleries and WP Carousel's carousels: their pictures' ids ("186,187") by (type, post id)
    plugin_galleries: dict[tuple[str, int], str] = field(default_factory=dict)
    # Photo Gallery by 10Web's galleries: what each of its shortcode ids shows, from a dump's tables of the plugin
    bwg_galleries: dict[int, str] = field(default_factory=dict)
    offset: timedelta | None = None  # local time minus UTC, from the first post with both dates
    # Polylang's groups of translations (`pll_…` terms of post_translations): language -> post id, from the
    # PHP array the term's description holds; given to each post of the group as Polylang Pro's REST does.
    translations: dict[str, dict[str, int]] = field(default_factory=dict)
    export_date: str = ""  # the channel's <pubDate>: when the export was made
    # The channel's <link> (else <wp:base_blog_url>), the site's home: Squarespace's export links each item by
    # its path alone (`<link>/about/</link>`), which is on that site, as WordPress's importer reads it there.
    site: str = ""
    language: str = ""  # the channel's <language>: the site's, as WordPress was set to write (`zh-CN`)
    smilies: bool = True  # whether WordPress shows typed smilies as emoji: a dump's `use_smilies` (an export has none)
    shop: PriceFormat | None = None  # how a WooCommerce shop writes its prices: a dump's settings (an export has none)
    words: Words = field(default_factory=lambda: site_words("en"))


def synthetic_id(*parts: str) -> int:
    digest = hashlib.sha256("\x00".join(parts).encode()).digest()
    return SYNTHETIC_BASE + int.from_bytes(digest[:5], "big")


def slug_of(name: str) -> str:
    """What WordPress's sanitize_title makes of a name, near enough for a post or a term that lacks a slug:
    Latin letters without their accents, as remove_accents writes them (`Império` is `imperio` in its address),
    other scripts' letters as they are."""
    return NON_WORD.sub("-", LATIN_ACCENTED.sub(_unaccented, name).lower()).strip("-")


# Latin letters with marks (Latin-1, Extended-A and -B, Vietnamese's Extended Additional), and the letters
# remove_accents writes as others, which no decomposition gives.
LATIN_ACCENTED = re.compile(r"[\u00c0-\u024f\u1e00-\u1eff]")
LATIN_LETTERS = {"ß": "ss", "æ": "ae", "Æ": "AE", "ø": "o", "Ø": "O", "œ": "oe", "Œ": "OE", "đ": "d", "Đ": "D",
                 "ł": "l", "Ł": "L", "þ": "th", "Þ": "TH", "ð": "d", "Ð": "D", "ħ": "h", "ŧ": "t", "ı": "i"}


def _unaccented(letter: re.Match[str]) -> str:
    found = letter.group()
    if found in LATIN_LETTERS:
        return LATIN_LETTERS[found]
    return "".join(c for c in unicodedata.normalize("NFD", found) if not unicodedata.combining(c))


def user(element: Element, names: Names) -> dict[str, Any] | None:
    login = element.fields.get("wp:author_login", "")
    if not login:
        return None
    ident = _int(element.fields.get("wp:author_id")) or synthetic_id("author", login)
    display = element.fields.get("wp:author_display_name") or login
    found = {"id": ident, "name": display, "slug": slug_of(login) or str(ident), "link": ""}
    names.authors[login] = found
    return found


def term(element: Element, tag: str, names: Names) -> dict[str, Any] | None:
    fields = element.fields
    if tag == "wp:category":
        taxonomy, slug, name, parent = ("category", fields.get("wp:category_nicename", ""),
                                        fields.get("wp:cat_name", ""), fields.get("wp:category_parent", ""))
    elif tag == "wp:tag":
        taxonomy, slug, name, parent = "post_tag", fields.get("wp:tag_slug", ""), fields.get("wp:tag_name", ""), ""
    else:
        taxonomy, slug, name, parent = (fields.get("wp:term_taxonomy", ""), fields.get("wp:term_slug", ""),
                                        fields.get("wp:term_name", ""), fields.get("wp:term_parent", ""))
    slug = slug or slug_of(name)
    if coauthors.is_credit(taxonomy, slug):
        if described := coauthors.described_name(fields.get("wp:term_description", ""), name):
            names.described[slug] = described
        name = coauthors.credited_name(slug, name, names.guests, names.authors, names.described)
    if taxonomy == TRANSLATIONS:
        names.translations[slug] = dict(php_translations(fields.get("wp:term_description", "")))
    if not taxonomy or not slug or taxonomy in HIDDEN_TAXONOMIES:
        return None
    ident = _int(fields.get("wp:term_id")) or names.terms.get((taxonomy, slug)) or synthetic_id(taxonomy, slug)
    names.terms[(taxonomy, slug)] = ident
    parent_id = _term_id(taxonomy, parent, names) if parent else 0
    return {"id": ident, "name": name or slug, "slug": slug, "taxonomy": taxonomy, "parent": parent_id,
            "description": fields.get("wp:category_description") or fields.get("wp:term_description") or ""}


def php_translations(description: str) -> list[tuple[str, int]]:
    """`a:2:{s:2:"en";i:325;s:2:"fa";i:349;}`, as PHP serialized Polylang's array, read as pairs."""
    return [(language, int(number or text)) for language, number, text in PHP_PAIR.findall(description)]


def _term_id(taxonomy: str, slug: str, names: Names) -> int:
    return names.terms.setdefault((taxonomy, slug), synthetic_id(taxonomy, slug))


def media(element: Element, names: Names) -> dict[str, Any]:
    """An attachment as /wp/v2/media shows it, but that its caption is raw: what rendering it needs (the site's
    language and smilies, see _render_needs) stands beside it, as a post's does."""
    fields = element.fields
    mime = fields.get("wp:post_mime_type", "")
    url = fields.get("wp:attachment_url", "")
    caption = fields.get("excerpt:encoded", "")
    found = {"id": _required_int(fields, "wp:post_id"), "type": "attachment", "slug": fields.get("wp:post_name", ""),
             "link": fields.get("link", ""), "source_url": url, "mime_type": mime,
             "media_type": "image" if mime.startswith("image/") or not mime else "file",
             "alt_text": element.meta.get("_wp_attachment_image_alt", ""),
             "caption": {"rendered": f"<p>{caption}</p>\n" if caption else ""},
             "title": {"rendered": fields.get("title", "")}, "post": _int(fields.get("wp:post_parent")) or None}
    if caption.strip():
        found[RENDER] = {**({"language": names.language} if names.language else {}),
                         **({} if names.smilies else {"smilies": False})}
    return found


def attachment(element: Element) -> Attachment | None:
    ident = _int(element.fields.get("wp:post_id"))
    if not ident:
        return None
    fields = element.fields
    mime = fields.get("wp:post_mime_type", "") or _mime_of(fields.get("wp:attachment_url", ""))
    return Attachment(ident, _int(fields.get("wp:post_parent")), _int(fields.get("wp:menu_order")), mime)


def _mime_of(url: str) -> str:
    extension = url.rsplit(".", 1)[-1].lower() if "." in url.rsplit("/", 1)[-1] else ""
    kinds = {"jpg": "image/jpeg", "jpeg": "image/jpeg", "png": "image/png", "gif": "image/gif", "webp": "image/webp",
             "avif": "image/avif", "mp3": "audio/mpeg", "m4a": "audio/mp4", "ogg": "audio/ogg", "wav": "audio/wav",
             "mp4": "video/mp4", "webm": "video/webm", "mov": "video/quicktime"}
    return kinds.get(extension, "")


UNDATED_STATUSES = frozenset({"draft", "auto-draft", "pending"})
# A host written without its scheme (`example.org`, `news.example.org:8080`), its last label letters and no file's
# ending (`index.php`): WP Migrate DB writes the new address of a site as its user typed it, into `home` and every
# guid and link of the dump.
TYPED_HOST = re.compile(r"[a-z0-9-]+(?:\.[a-z0-9-]+)*\.(?!(?:html?|php|aspx?|jpe?g|png|gif|pdf)(?::|$))[a-z]{2,63}"
                        r"(?::[0-9]{1,5})?", re.IGNORECASE)
ZERO_RSS_YEAR = re.compile(r"\s-0*1\s")


def post(element: Element, names: Names) -> tuple[dict[str, Any], list[tuple[str, str]]]:
    """A post of any type as /wp/v2/<type>?_embed shows it, and what was wrong with it but made good
    (field, message); raises ItemError for what it cannot do without."""
    fields = element.fields
    ident = _required_int(fields, "wp:post_id")
    raw = without_cdata_marks(fields.get("content:encoded", ""))
    if fields.get("wp:post_type") == tribe_events.TYPE:  # what the event's page shows above its text
        raw = tribe_events.details(tribe_events.event_from_fields(element.meta, names.venues)) + raw
    raw = post_formats.with_format_medium(raw, element.categories, element.meta)  # a theme's video field
    raw = podcast_enclosures.with_enclosure(raw, element.meta)  # a podcast episode's sound
    raw = tablepress.with_tables(raw, {table: names.tables[post] for table, post in names.table_posts.items()
                                       if post in names.tables})
    raw = plugin_galleries.with_galleries(raw, names.plugin_galleries)
    raw = bwg_galleries.with_galleries(raw, names.bwg_galleries)
    warnings: list[tuple[str, str]] = []
    if not _has_date(fields, "wp:post_date") and not _has_date(fields, "wp:post_date_gmt"):
        # A draft that was never saved with a date is as WordPress makes it, not worth a line.
        undated = [] if fields.get("wp:status", "") in UNDATED_STATUSES else warnings
        fields = _dated_by_rss(fields, names, undated)
    # A row with no date at all (`wp_posts` saved as JSON with only its id, title and content) is dated as a REST
    # post saved without one is (convert/stand_in_dates.py): by its time of update, its address or its pictures'
    # folder, where it names one; else it is refused here, as having no date.
    dated = _has_date(fields, "wp:post_date") or _has_date(fields, "wp:post_date_gmt") or not _stands_in(fields, raw)
    date, date_gmt = _dates(fields, "wp:post_date", names) if dated else (None, None)
    modified, modified_gmt = _dates(fields, "wp:post_modified", names) if _has_date(fields, "wp:post_modified") \
        else (date, date_gmt)
    data: dict[str, Any] = {
        "id": ident, "type": fields.get("wp:post_type") or "post",
        "status": "password-protected" if fields.get("wp:post_password") else fields.get("wp:status", "publish"),
        "slug": _slug(fields, warnings), "link": on_site(fields.get("link", ""), names.site),
        "guid": {"rendered": on_site(fields.get("guid", ""), names.site, paths_only=True)},
        "date": date, "date_gmt": date_gmt, "modified": modified, "modified_gmt": modified_gmt,
        "title": _title(fields.get("title", ""), raw, date or modified or "", names.words),
        "content": {"raw": raw}, "excerpt": {"raw": fields.get("excerpt:encoded", "")},
        "parent": _int_or_text(fields.get("wp:post_parent")), "menu_order": _int_or_text(fields.get("wp:menu_order")),
        "sticky": fields.get("wp:is_sticky") == "1",
    }
    embedded = _embedded(element, names)
    data["author"] = embedded["author"][0]["id"] if embedded.get("author") else 0
    data["featured_media"] = _int_or_text(element.meta.get("_thumbnail_id"))  # the attachment is a media item
    data["_embedded"] = embedded
    meta = product_prices.with_price_range(data["type"], element.meta, names.variation_prices.get(ident, ()))
    meta = shop_currency.priced(data["type"], meta, names.shop)
    fields_shown = post_fields.reader_fields(data["type"], meta)
    if fields_shown:  # as REST's `meta` gives a post's registered fields
        data["meta"] = fields_shown
    group = next((names.translations.get(slug.strip()) for domain, slug, _ in element.categories
                  if domain == TRANSLATIONS), None)
    if group:
        data["translations"] = group
    data[RENDER] = _render_needs(raw, ident, element.meta, names)
    return data, warnings


def _stands_in(fields: Mapping[str, str], raw: str) -> bool:
    """Whether an undated item names what stands in for its date: its time of update, the day its address names,
    or the month a picture it shows was uploaded in."""
    return _has_date(fields, "wp:post_modified") or ADDRESS_DATE.search(fields.get("link", "")) is not None \
        or UPLOAD_MONTH.search(raw) is not None


def _slug(fields: Mapping[str, str], warnings: list[tuple[str, str]]) -> str:
    """The post's slug; a hand-made export may leave it out, and WordPress's importer then names a post
    that is not a draft from its title, as the editor does when it is published."""
    slug = _last_segment(fields.get("wp:post_name", "").strip())
    if slug or fields.get("wp:status", "") in UNDATED_STATUSES:
        return slug
    slug = slug_of(fields.get("title", ""))
    if slug:
        warnings.append(("wp:post_name", f"missing; made from the title: {slug!r}"))
    return slug


def _last_segment(slug: str) -> str:
    """WordPress's slugs hold no `/`; Squarespace's export writes a post's path as its slug (`2014/2/25/erlang`),
    whose last segment names the post as a WordPress slug would (its address keeps the whole path). A path
    with an empty, `.` or `..` segment is no such path: it stays, for the store to make safe and name."""
    if "/" not in slug:
        return slug
    segments = slug.strip("/").split("/")
    return slug if any(s in ("", ".", "..") for s in segments) else segments[-1]


def _render_needs(raw: str, ident: int, meta: Mapping[str, str], names: Names) -> dict[str, Any]:
    """What rendering the post needs beside its raw content, as plain data: the synced patterns it shows,
    the attachments its galleries without ids show, the custom fields its blocks are bound to, its
    footnotes, the length of its automatic excerpt in characters where the site's language counts so,
    whether Jetpack's Markdown says the post is written in Markdown, whether Elementor builds it, the site's
    language, whose marks WordPress curls its quotes with, and whether the site turned its smilies off;
    each only where the post uses it, so that the post's item stays small."""
    synced = patterns_used(raw, names.synced)
    shown = "".join((raw, *synced.values()))
    bound = {k: v for k, v in meta.items() if not k.startswith("_")} if "core/post-meta" in shown else {}
    footnotes = meta.get("footnotes", "")
    text = "".join((shown, footnotes, *bound.values()))
    owners = ({ident} | gallery_owners(text, ident)) if "[" in text else set()
    by_characters = CHARACTER_COUNTED.fullmatch(names.language)
    counted = {"excerpt_characters": EXCERPT_CHARACTERS} if by_characters else {}
    markdown = {"markdown": True} if meta.get(MARKDOWN_META, "").strip() == "1" else {}
    elementor = {"elementor": True} if meta.get(ELEMENTOR_META, "").strip() == "builder" else {}
    language = {"language": names.language} if names.language else {}  # whose marks curl its quotes
    smilies = {} if names.smilies else {"smilies": False}
    attachments = [[a.id, a.parent, a.order, a.mime] for owner in sorted(owners) for a in names.attached.get(owner, ())]
    return {**counted, **markdown, **elementor, **language, **smilies,
            "synced": {str(ref): content for ref, content in synced.items()},
            "meta": bound, "footnotes": footnotes, "attachments": attachments}


def _dated_by_rss(fields: Mapping[str, str], names: Names, warnings: list[tuple[str, str]]) -> Mapping[str, str]:
    """A hand-made export may have no WordPress dates: the item's RSS <pubDate>, which exporters write from
    the post's own date (Squarespace's gives no other), stands in quietly; else the export's own date (the
    post existed by then), a guess, which is said."""
    for value, said in ((fields.get("pubDate", ""), False), (names.export_date, True)):
        try:
            # WordPress writes its zero date as "Wed, 30 Nov -0001 ...", which Python reads as the year 2000.
            when = parsedate_to_datetime(value) if value and not ZERO_RSS_YEAR.search(value) else None
        except (TypeError, ValueError):
            when = None
        if when is not None and when.year > 1970:
            gmt = when.astimezone(timezone.utc).replace(tzinfo=None)
            if said:
                warnings.append(("wp:post_date", f"missing; dated by the export's date, {value}"))
            return {**fields, "wp:post_date_gmt": gmt.isoformat(sep=" "), "wp:post_date": ""}
    return fields


def site_address(text: str) -> str:
    """The channel's address of the site, if it is a web address with a host (a hand-made export's may be
    `{site_url}`, a template's placeholder), or a host and path saved without their scheme, as on the web
    (`example.org/blog`), else ''."""
    text = text.strip()
    if TYPED_HOST.fullmatch(text.partition("/")[0]) and not any(c.isspace() for c in text):
        text = f"http://{text}"
    try:
        parts = urlsplit(text)
        return text if parts.scheme in ("http", "https") and parts.hostname else ""
    except ValueError:
        return ""


def on_site(address: str, site: str, paths_only: bool = False) -> str:
    """An item's address that names no host (`/about/`, `about/`) as the address on the export's site; one
    that names its scheme, or has no site to be on, as it is. `paths_only`: only an address that starts with
    `/` is one (a hand-made guid may be any text, `post-12`). One that opens with the site's own host, saved
    without its scheme as the site's address was (see TYPED_HOST), is on the site too."""
    stripped = address.strip()
    if not stripped or not site:
        return address
    try:
        parts = urlsplit(site.strip())
        if stripped.partition("/")[0].casefold() == parts.netloc.casefold() and not urlsplit(stripped).scheme:
            return f"{parts.scheme}://{stripped}"
        if paths_only and not stripped.startswith("/"):
            return address
        return address if urlsplit(stripped).scheme else urljoin(site.strip().rstrip("/") + "/", stripped)
    except ValueError:  # `http://[` is no address a browser opens: the convert stage names it
        return address


def _embedded(element: Element, names: Names) -> dict[str, Any]:
    embedded: dict[str, Any] = {}
    creator = element.fields.get("dc:creator", "")
    if creator:
        author = names.authors.get(creator) or {"id": synthetic_id("author", creator), "name": creator,
                                                "slug": slug_of(creator), "link": ""}
        embedded["author"] = [author]
    terms = _terms(element, names)
    if terms:
        by_taxonomy: dict[str, list[dict[str, Any]]] = {}
        for (taxonomy, _), found in sorted(terms.items()):
            by_taxonomy.setdefault(taxonomy, []).append(found)
        embedded["wp:term"] = [by_taxonomy[t] for t in sorted(by_taxonomy)]
    return embedded


def _terms(element: Element, names: Names) -> dict[tuple[str, str], dict[str, Any]]:
    """The item's terms by (taxonomy, slug). WXR 1.0 names each term twice, once with its slug and once
    without (`<category>News &amp; Views</category>`): the one without takes its twin's slug, as a slug
    made from the name ("news-amp-views", "café") would make a second term."""
    slugs = {(_taxonomy(domain), name): nicename.strip() for domain, nicename, name in element.categories
             if nicename.strip()}
    terms: dict[tuple[str, str], dict[str, Any]] = {}
    for domain, nicename, name in element.categories:
        taxonomy = _taxonomy(domain)
        slug = nicename.strip() or slugs.get((taxonomy, name)) or slug_of(name)
        if taxonomy in HIDDEN_TAXONOMIES or not slug:
            continue
        if coauthors.is_credit(taxonomy, slug):
            name = coauthors.credited_name(slug, name, names.guests, names.authors, names.described)
        terms[(taxonomy, slug)] = {"id": _term_id(taxonomy, slug, names), "name": name or slug,
                                   "slug": slug, "taxonomy": taxonomy}
    return terms


def _taxonomy(domain: str) -> str:
    return TAXONOMY_OF.get(domain, domain or "category")


def _title(title: str, raw: str, date: str, vocabulary: Words) -> dict[str, str]:
    """A post without a title is named as a reader would name it: by its first words, or its date.
    `raw` stays empty, as REST's edit context shows the title saved, so that the made one can be told."""
    if title:
        return {"rendered": title}
    words = re.sub(r"<[^>]*>|\[[^\]]*\]", " ", raw).split()
    if words:
        return {"rendered": " ".join(words[:TITLE_WORDS]) + (" …" if len(words) > TITLE_WORDS else ""), "raw": ""}
    if not date:  # a row dated only by what stands in for its date: named from its slug, as a REST post is
        return {"rendered": "", "raw": ""}
    return {"rendered": vocabulary.fill("post_of", date=date[:10]), "raw": ""}


def _has_date(fields: Mapping[str, str], name: str) -> bool:
    return bool(fields.get(name)) and fields[name] != ZERO_DATE


def _dates(fields: Mapping[str, str], name: str, names: Names) -> tuple[str, str | None]:
    """Local time and UTC in REST's format. A zero UTC date (a draft never published) is derived
    from the site's offset, as REST derives it from the site's time zone; a zero local date from UTC."""
    local, gmt = fields.get(name, ""), fields.get(f"{name}_gmt", "")
    local = "" if local == ZERO_DATE else local
    gmt = "" if gmt == ZERO_DATE else gmt
    if not local and not gmt:
        raise ItemError(name, "missing or 0000-00-00, and no <pubDate> to stand in: the post has no date")
    try:
        local_time = _parse(local) if local else _parse(gmt) + (names.offset or timedelta())
        gmt_time = _parse(gmt) if gmt else (local_time - names.offset if names.offset is not None else None)
    except ValueError:
        raise ItemError(name, f"not a date: {local or gmt!r}") from None
    return local_time.isoformat(), gmt_time.isoformat() if gmt_time else None


def _parse(value: str) -> datetime:
    return datetime.fromisoformat(value.replace(" ", "T")).replace(tzinfo=None)


def site_offset(fields: Mapping[str, str]) -> timedelta | None:
    if not (_has_date(fields, "wp:post_date") and _has_date(fields, "wp:post_date_gmt")):
        return None
    try:
        offset = _parse(fields["wp:post_date"]) - _parse(fields["wp:post_date_gmt"])
    except ValueError:
        return None
    return offset if abs(offset) < timedelta(days=1) else None


def _required_int(fields: Mapping[str, str], name: str) -> int:
    value = _int(fields.get(name))
    if not value:
        raise ItemError(name, f"missing or not a positive integer: {fields.get(name, '')[:40]!r}")
    return value


def _int(value: str | None) -> int:
    value = (value or "").strip()
    return int(value) if value.isascii() and value.isdigit() else 0


def _int_or_text(value: str | None) -> int | str:
    """A number as REST gives it, else the text as it is (`-1`, `abc`), for the convert stage to name the
    field (convert/unlikely.py); 0 when the export gives nothing."""
    value = (value or "").strip()
    return _int(value) if not value or value.isascii() and value.isdigit() else value


def post_id(fields: Mapping[str, str]) -> int:
    return _int(fields.get("wp:post_id"))
