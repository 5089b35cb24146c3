"""Saved WordPress REST API v2 responses: files or folder trees of JSON, one object or a list each.

A crawl saves responses under names taken from their URLs (`posts__page=2.json`, `posts?page=2`,
`wp-json/wp/v2/posts/index.html`), so inside folders any file named `*.json`, or with no extension
at all, or saved as a page under a `wp-json` folder, is read when its first byte says JSON. Every
object is tagged with the kind of WordPress resource it looks like.
"""

from __future__ import annotations

import codecs
import gzip
import html
import json
import re
import zlib
from collections.abc import Iterator, Mapping
from dataclasses import dataclass, replace
from pathlib import Path, PurePath
from typing import Any

from generator.problems import Problem
from generator.sources.footer_markup import only_footer_markup
from generator.sources.json_list import CHUNK, Changed, ObjectList, object_list
from generator.sources.language_folders import with_folder_language
from generator.sources.php_messages import blank_php_messages, only_php_messages
from generator.sources.saved_names import SAVED_AS
from generator.sources.title_only import title_only
from generator.sources import script_posts
from generator.sources.tribe_events import as_post, events_as_posts, is_event
from generator.sources.collected import collected
from generator.sources.woocommerce import item_as_v2, products_as_posts
from generator.sources.wpcom_v1 import as_v2, is_v1_post, v1_as_v2
from generator.sources.guid_types import guid_type
from generator.sources.wpgraphql import graphql_as_v2, is_graphql_post
from generator.sources.wpgraphql import as_v2 as graphql_node_as_v2
from generator.sources.wrapped import (GZIP_MAGIC, MODULE_SUFFIXES, CutShort, is_response_module, starts_jsonp,
                                      starts_viewer_page, unzipped, without_jsonp, without_module, without_viewer_page)
from generator.sources.wxr_items import SYNTHETIC_BASE, synthetic_id

# Kinds of REST resources; only posts become content, the others resolve names or are skipped.
POST, TERM, USER, MEDIA, TAXONOMIES, TYPES, COMMENT, REVISION, SITE, OTHER = (
    "post", "term", "user", "media", "taxonomies", "types", "comment", "revision", "site", "other")
LANGUAGE = "language"  # what an export's channel says of its site: its <language>, <title> or <description>
NOTE = "note"  # what a reader tells of how it read a source, worth knowing, not wrong: its data's `note`
SEARCH, MENU, DESIGN, EXTENSION, ERROR, EMPTY, PLUGIN, RECORD = (
    "search result", "menu item", "design", "extension", "error", "empty", "plugin", "record")
TITLE_ONLY = "title only"
# What a crawl saves beside the posts and the mirror has no use for: skipped, and listed with --verbose.
SKIPPED = {
    COMMENT: "a comment",
    REVISION: "a revision or autosave",
    SITE: "a description of the site (settings, the API index, types, statuses or oEmbed)",
    SEARCH: "a /wp/v2/search result",
    MENU: "a menu or menu item",
    DESIGN: "a reusable block, template, navigation, pattern, widget or style",
    EXTENSION: "a theme, plugin or block type",
    ERROR: "an error response saved by the crawl",
    EMPTY: "an empty response",
    PLUGIN: "a plugin's own response",
    RECORD: "a plugin's own record (a form, a form entry, an order, a log)",
    TITLE_ONLY: "a record of a type that shows only a title (no editor, excerpt, featured image or field)",
}
# Post types in which plugins keep their own records: never pages of the site, and some hold what visitors
# sent (form entries, orders), which a public mirror must not publish. A full export holds them all.
RECORD_TYPES = frozenset({
    "wpcf7_contact_form", "flamingo_contact", "flamingo_inbound", "flamingo_outbound",  # Contact Form 7
    "feedback", "jp_pay_order", "jp_pay_product", "jetpack_migration",  # Jetpack
    "wpforms", "wpforms_log", "nf_sub", "mc4wp-form", "acf", "acf-field-group", "acf-field", "acf-post-type",
    "acf-taxonomy", "acf-ui-options-page",
    "acfe-dbt", "acfe-dop", "acfe-dpt", "acfe-dt", "acfe-form", "acfe-template",  # ACF Extended's definitions
    "elementor_library", "elementor_snippet", "elementor_font",
    "elementor_icons", "shop_order", "shop_order_refund", "shop_order_placehold", "shop_coupon", "shop_webhook",
    "shop_subscription", "product_variation", "scheduled-action", "edd_payment", "edd_discount", "edd_log",
    "shop_customer",  # WooCommerce's customers as its REST API lists them: names, e-mail and postal addresses
    "amp_validated_url", "aipkit_chatbot", "aipkit_ai_form",  # AIPKit's chatbots and AI forms: settings, prompts
    "envira", "envira_album", "soliloquy", "ml-slider",  # Envira, Soliloquy, MetaSlider: galleries and sliders
    # Photo Gallery by 10Web's pages of a gallery, an album, a tag and a picture shared: each holds the plugin's
    # shortcode alone, the pictures being in its tables (sources/bwg_galleries.py)
    "bwg_gallery", "bwg_album", "bwg_tag", "bwg_share",
    # Modula's, FooGallery's, WP Carousel's and Visual Portfolio's galleries, carousels and layouts: their pictures
    # and settings are in fields, the posts that show them name them by id, and their own bodies are empty.
    "modula-gallery", "foogallery", "sp_wp_carousel", "vp_lists",
    "tablepress_table",  # TablePress's tables, shown where a post names them (sources/tablepress.py)
    # ActivityPub's: the activities it sent and received (the posts again, as JSON), the fediverse accounts
    # that follow the site, and the fields of its profile there.
    "ap_outbox", "ap_inbox", "ap_actor", "ap_follower", "ap_extrafield", "ap_extrafield_blog",
    "wafs",  # WooCommerce Advanced Free Shipping's rules
    "guest-author",  # Co-Authors Plus's writers without an account: their e-mail address; they name bylines
    "metform-form", "metform-entry",  # MetForm (Elementor's forms): its forms, and what visitors sent, names and emails
    "um_form", "um_directory", "um_role", "sureforms_form",  # Ultimate Member's forms and member lists, SureForms
    "cmplz-processing", "cmplz-dataleak", "jet-smart-filters", "jet_options_preset", "jet-engine-booking",
    # Event Tickets' tickets, the attendees who took them (their names and e-mail addresses) and their orders, for
    # RSVPs, Tribe Commerce and Tickets Commerce; The Events Calendar's imports: the event shows its tickets.
    "tribe_rsvp_tickets", "tribe_rsvp_attendees", "tribe_tpp_tickets", "tribe_tpp_attendees", "tribe_tpp_orders",
    "tec_tc_ticket", "tec_tc_attendee", "tec_tc_order", "tribe-ea-record",
    # BuddyPress's e-mails to members (`[{{{site.name}}}] Activate your account`, their links `{{{…url}}}` filled in
    # when sent), Revisr's log of the site's git commits and database backups, WP-AppKit's app settings, and a Slack
    # notifier's connections to a channel: a school's dump held 18 of them as pages, a blog's 4 commits.
    "bp-email", "revisr_commits", "wpak_apps", "ppwpslack",
    # WPShop's (a French shop plugin): its e-mails to customers ("Bonjour [customer_first_name]…", 16 in a shop's
    # dump), the help bubbles of its admin screens (15), the definitions of its entities, and its customers, their
    # addresses and orders. Its products are the shop's pages, and stay.
    "wpshop_shop_message", "wps_bubble", "wpshop_entities", "wpshop_customers", "wpshop_address",
    "wpshop_shop_order",
    # Rainmaker's forms and the leads visitors sent through them (a theatre's dump: 5 leads, each a page showing a
    # visitor's name and e-mail address); Email Subscribers' e-mail templates ("Hello {{NAME}}, … {{POSTLINK}}");
    # two social feed plugins' feeds (a page of settings, titled by the account); Custom Post Type Maker's
    # definitions of the site's types and taxonomies ("Label: Committee_Mbrs", 8 pages of a conference's dump).
    "rainmaker_form", "rainmaker_lead", "es_template", "fbfba_facebook_feed", "wssf_social_feed", "cptm",
    "cptm_tax",
    # BuddyPress Groups Extras' definitions of the fields a group fills in, their sets, and the values a group gave
    # them (a militia site's dump: "WebTV", a set of fields, was a page of its own); its group pages (`gpages`) stay.
    "bpge_fields", "bpge_fields_set", "bpge_gfields"})
# Patterns, widgets, sidebars, widget types and global styles, by the fields that only they have.
DESIGN_KEYS = ({"block_types", "viewport_width"}, {"id_base", "sidebar"}, {"before_widget", "widgets"},
               {"is_multi", "name"}, {"styles", "settings", "id"})
# Post types that hold the site's design (reusable blocks, templates, menus), not articles; page builders keep
# their saved layouts and theme-builder parts in their own, which a theme's demo export carries.
DESIGN_TYPES = frozenset({"wp_block", "wp_template", "wp_template_part", "wp_navigation", "wp_global_styles",
                          "wp_font_family", "wp_font_face", "nav_menu_item", "wp_pattern",
                          "vc_grid_item", "templatera",  # WPBakery
                          "et_pb_layout", "et_template", "et_theme_builder", "et_header_layout", "et_body_layout",
                          "et_footer_layout",  # Divi
                          "fl-builder-template", "fl-theme-layout",  # Beaver Builder
                          "fusion_template", "fusion_element", "fusion_tb_layout", "fusion_tb_section",  # Avada
                          "ct_template",  # Oxygen
                          # Headers, footers, hooks and saved sections of themes and builder add-ons: ThemesFlat's,
                          # Elementor Header & Footer Builder's, ElementsKit's, JetThemeCore's, AnyWhere Elementor's,
                          # OceanWP's, Astra's, Kadence's, GeneratePress's, Blocksy's, Thrive's, Brizy's.
                          "tf_header_footer", "elementor-hf", "e-floating-buttons", "elementskit_template",
                          "elementskit_content", "elementskit_widget", "jet-theme-core", "jet-popup", "jet-menu",
                          "jet-woo-builder", "ae_global_templates", "oceanwp_library", "astra-advanced-hook",
                          "astra_adv_header", "kadence_element", "gp_elements", "ct_content_block", "tcb_lightbox",
                          "tcb_symbol", "brizy_template", "ha_library", "woolentor-template", "shopengine-template",
                          "popup_theme",  # Popup Maker's themes: a popup's colours and fonts, in fields
                          # tagDiv Composer's (the Newspaper theme's) headers, footers and page templates, their
                          # blocks' settings in base64; pixfort Essentials' headers, footers and popups.
                          "tdb_templates", "pixheader", "pixfooter", "pixpopup",
                          "znpb_template_mngr"})  # Kallyas's Zion Builder: its saved headers, footers and sections
# The parts a theme of its own kind builds its pages from, by their type's last word (`luxus_content_block`,
# `rt_megamenu`, `site_footer`): a theme's demo export holds them beside the posts, and a site's every page
# showed them around its article, never as one.
THEME_PART = re.compile(r"(?:^|[_-])(?:header|footer|mega[_-]?menu|content[_-]block|popup)s?$", re.IGNORECASE)


# BeTheme's headers, footers, mega menus and saved sections, of a type named only `template`: told by the field
# naming which part each is (a Swiss company's dump held 24, each a page of the site).
BUILDER_TEMPLATE = ("template", "mfn_template_type")


def is_design_type(post_type: str) -> bool:
    """Whether a post type holds the site's design, not its articles (see DESIGN_TYPES and THEME_PART)."""
    return post_type in DESIGN_TYPES or THEME_PART.search(post_type) is not None


def is_builder_template(post_type: str, meta: object) -> bool:
    """Whether a post is a part of BeTheme's design, by its type and fields (see BUILDER_TEMPLATE)."""
    return post_type == BUILDER_TEMPLATE[0] and isinstance(meta, Mapping) and BUILDER_TEMPLATE[1] in meta


# Keys that mark responses describing the site itself: settings, the API index, oEmbed.
# json.loads joins escaped surrogate pairs into one character, so any surrogate left is alone.
SURROGATE = re.compile("[\ud800-\udfff]")
SURROGATE_ESCAPE = re.compile(r"\\u[dD]")  # how JSON writes a surrogate, whole pair or lone half
LONE_SURROGATES = "text holds broken UTF-16 escapes (a lone \\ud800-\\udfff); each was replaced by U+FFFD"
# A saved file this large that is one list of posts is read a post at a time (large_list): below it, the
# second pass costs more than holding the posts saves.
LARGE_FILE = 16_000_000
# What gzip makes of a crawl's JSON: some 1/8 of its size (1/7 to 1/12 on saved crawls), so that a gzipped file that
# unpacks to LARGE_FILE or more is read as a large one.
PACKED_RATIO = 8
# A JSON escape, or a backslash that starts none: a search-and-replace over the saved JSON that did not know its
# escaping (`https:\/\/www.example.org` → `https:\/\example.org`) leaves a `\e` where JSON wants `\\`.
ESCAPE = re.compile(r'\\(?:["\\/bfnrt]|u[0-9A-Fa-f]{4})?')
END_TAGS = re.compile(r"(?:\s*</[A-Za-z][\w:.-]*\s*>)+\s*")
# An attribute of a link inside a JSON string that a static exporter rewrote as it rewrites a page's own links
# (`<a href=\\"http:\\/\\/x\\">` saved as `<a href="\\"http:\\/\\/x\\"" target='\\"_blank\\"'>`, in the API
# index's settings of Jetpack's carousel): the file was not JSON, and the site's name and tagline were lost with it.
REWRITTEN_ATTRIBUTE = re.compile(r"""(?<=[\w-])=(["'])\\"((?:[^"'\\]|\\.)*?)\\"\1""")
_DECODER = json.JSONDecoder(strict=False)
_SPACE = re.compile(r"[ \t\r\n]*")  # what JSON allows between values
SITE_KEYS = ({"timezone", "date_format"}, {"namespace", "routes"}, {"routes"}, {"provider_name", "version"})


@dataclass(frozen=True)
class RawItem:
    """One JSON object from a saved response, with where it came from and what it looks like."""

    file: str
    index: int | None  # position in a list response; None for a single object
    data: dict[str, Any]
    kind: str = OTHER
    spooled: tuple[int, int] | None = None  # where the import spooled the item; `data` then holds only its id
    # A field's name in the saved file, where another API's object was read as a REST post (`date_created`).
    renamed: tuple[tuple[str, str], ...] = ()

    @property
    def label(self) -> str:
        """How messages name the item in its file: its id, else its position in the file's list, else nothing (the
        file holds it alone). An id the import made up (for a post saved without one) names nothing a user can
        find, so the item is named by its position then too."""
        ident = self.data.get("id")
        if isinstance(ident, (int, str)) and not isinstance(ident, bool) and str(ident).strip() and not made_up(ident):
            return str(ident)
        return f"#{self.index}" if self.index is not None else ""

    @property
    def place(self) -> str:
        """The file and, where it holds more than one, the item: `posts.json, item 12`."""
        return f"{self.file}, item {self.label}" if self.label else self.file

    def problem(self, field: str, message: str) -> Problem:
        return Problem(self.file, self.label, dict(self.renamed).get(field, field), message)


def made_up(ident: object) -> bool:
    """Whether a post's id is one the import made for it (sources/wxr_items.synthetic_id): ids WordPress gives are far
    below them."""
    return isinstance(ident, int) and ident >= SYNTHETIC_BASE


def kind_of(data: dict[str, Any]) -> str:
    kind = _not_content(data)
    if kind:
        return kind
    if "source_url" in data and "media_type" in data:
        return MEDIA
    if "ID" in data and "id" not in data:
        return OTHER  # a custom endpoint's post (WordPress.com's v1.1 posts are v2 posts by now): see not_wordpress
    if "content" in data and "title" in data:
        return POST if "type" in data or "parent" not in data else REVISION
    if {"id", "slug", "type", "link"} <= data.keys():
        return POST  # saved with ?_fields= or trimmed: importing it names the missing field
    if "taxonomy" in data and "slug" in data:
        return TERM
    if "content" in data and ("author_name" in data or "post" in data):
        return COMMENT
    if "name" in data and "slug" in data and ({"avatar_urls", "url", "link"} & data.keys()):
        return USER
    if {"slug", "rest_base", "types"} <= data.keys() or (data and all(
            isinstance(v, dict) and {"slug", "rest_base", "types"} <= v.keys() for v in data.values())):
        return TAXONOMIES
    if _is_type(data) or (data and all(isinstance(v, dict) and _is_type(v) for v in data.values())):
        return TYPES  # /wp/v2/types, read for the types' names
    if any(keys <= data.keys() for keys in SITE_KEYS) or _is_description(data) or (data and all(
            isinstance(v, dict) and _is_description(v) for v in data.values())):
        return SITE
    return OTHER


def not_wordpress(data: dict[str, Any]) -> str:
    """Why an item of kind OTHER is not read."""
    if {"ID", "post_content"} <= data.keys():
        return ("a post as WordPress stores it (ID, post_content…), from a plugin's or theme's own endpoint: "
                "save the site's /wp-json/wp/v2/ responses or a WordPress export instead")
    lists = [key for key, value in data.items() if isinstance(value, list) and value and isinstance(value[0], dict)]
    if lists:
        return (f"an object holding lists ({', '.join(lists[:4])}), not a WordPress REST response, which is a list of "
                "posts or one post: save the site's /wp-json/wp/v2/ responses as they come, or a WordPress export")
    missing = " or ".join(key for key in ("id", "title", "content") if key not in data) or "type"
    keys = ", ".join(list(data)[:6]) + (", …" if len(data) > 6 else "")
    return f"not a WordPress post, term, user or media object: it has {keys} but no {missing}"


def _readable(data: dict[str, Any]) -> bool:
    """Whether an object inside a script's own wrapping is one the import reads (sources/collected.py): a post as
    REST serves it (its title `{"rendered": …}`, not the string a home-made dump writes), a term, user or media."""
    kind = kind_of(data)
    if kind == POST:
        return isinstance(data.get("title"), dict)
    return kind in (TERM, USER, MEDIA)


def _not_content(data: dict[str, Any]) -> str:
    """The kinds of response a crawl of /wp-json/ also saves, which look enough like posts or
    terms to be mistaken for them; '' for anything else."""
    keys = data.keys()
    if not data:
        return EMPTY
    if {"code", "message"} <= keys and isinstance(data.get("code"), str) and "content" not in keys:
        return ERROR
    if {"id", "title", "url", "type", "subtype"} <= keys and "content" not in keys:
        return SEARCH
    if isinstance(data.get("type"), str) and data["type"] in RECORD_TYPES:
        return RECORD
    if title_only(data):
        return TITLE_ONLY
    if (isinstance(data.get("type"), str) and is_design_type(data["type"])) or any(k <= keys for k in DESIGN_KEYS):
        return DESIGN
    if is_builder_template(data.get("type"), data.get("meta")):
        return DESIGN
    if is_menu_item(data) or ({"locations", "auto_add"} <= keys):
        return MENU
    if ({"api_version", "name", "attributes"} <= keys or {"stylesheet", "template", "theme_supports"} <= keys
            or {"plugin", "network_only"} <= keys or {"plugin", "requires_wp"} <= keys):
        return EXTENSION
    if {"namespaces", "routes"} <= keys or {"name", "url", "home", "namespaces"} <= keys:
        return SITE
    return ""


def is_menu_item(data: dict[str, Any]) -> bool:
    """A menu item: /wp/v2/menu-items' (what it leads to, `object` and `object_id`), or a post as
    `wp_get_nav_menu_items()` returns it, which themes' and plugins' own endpoints serve (a headless theme's
    `/gusto/nav/main_menu`: `ID`, `post_title`… and the item's `menu_item_parent` and `xfn`, without `object`)."""
    return {"object", "object_id", "menu_order"} <= data.keys() or {"menu_item_parent", "xfn"} <= data.keys()


def _is_type(data: dict[str, Any]) -> bool:
    """A post type from /wp/v2/types: its taxonomies, as a taxonomy names its types."""
    return {"slug", "rest_base", "taxonomies"} <= data.keys() and isinstance(data["taxonomies"], list)


def _is_description(data: dict[str, Any]) -> bool:
    """A post type or status from /wp/v2/types or /wp/v2/statuses."""
    return "slug" in data and ("rest_base" in data or "public" in data)


JSON_SUFFIXES = (".json", ".jsonl", ".ndjson")
SAVED_QUERY = re.compile(r"(?:\?|@(?=[^@/]*=)).*")


def is_saved_json(path: Path) -> bool:
    """Whether a file found in a source folder is a saved response: `*.json`, or JSON Lines (`*.jsonl`,
    `*.ndjson`), gzipped too, or a file with no extension, or saved as a page under a `wp-json` folder, whose
    first bytes say JSON. A name is read without the query a crawler kept in it (wget saves
    `…/posts/?page=2` as `posts/index.html?page=2`, and as `index.html@page=2` for Windows). HTTrack names a response
    whose type it had not settled `2741.b09.delayed` until the crawl renames it: a crawl stopped before that left
    whole posts so (11 of an Indonesian site's 2,384), passed over without a word. A script module
    (`*.js`, `*.ts`…) is read where it declares a REST response as its value (see wrapped.MODULE_START); a
    front end's other modules are not."""
    name = SAVED_QUERY.sub("", path.name).removesuffix(".gz")
    suffix = PurePath(name).suffix
    # Static exporters (Simply Static) save each response as `wp-json/…/index.html`.
    saved_api = "wp-json" in path.parts[:-1] and suffix in ("", ".html", ".htm", ".txt", ".delayed")
    if suffix in MODULE_SUFFIXES:
        return is_response_module(_head(path) or "") and _is_module_of_data(path)
    return name.endswith(JSON_SUFFIXES) or ((not suffix or saved_api) and _looks_like_json(path))


def _is_module_of_data(path: Path) -> bool:
    """Whether a module that opens with a saved response holds nothing else (no code after it), read whole."""
    try:
        raw = unzipped(path.read_bytes())
        text = raw.decode(_encoding(raw[:4]))
    except (OSError, CutShort, UnicodeDecodeError):
        return True  # read it, so that the error is reported with the file's name
    return without_module(text) is not text


def _looks_like_json(path: Path) -> bool:
    head = _head(path)
    if head is None:
        return True  # read it, so that the error is reported with the file's name
    return head[:1] in ("{", "[") or starts_jsonp(head) or starts_viewer_page(head)


def _head(path: Path) -> str | None:
    """A file's first characters as text, PHP's messages and a byte order mark aside; None where it cannot be read."""
    try:
        with path.open("rb") as f:
            head = f.read(4096)
    except OSError:
        return None
    head = head.decode(_encoding(head), "replace")
    return blank_php_messages(head).lstrip("\ufeff \t\r\n")


# Windows PowerShell 5 saves what `Invoke-RestMethod … > posts.json` or `Out-File` writes as UTF-16 with
# a byte order mark; the UTF-32 marks are tested first, as UTF-32LE's begins with UTF-16LE's.
BYTE_ORDER_MARKS = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"),
                    (codecs.BOM_UTF16_LE, "utf-16"), (codecs.BOM_UTF16_BE, "utf-16"))


def _encoding(head: bytes) -> str:
    """By the byte order mark; without one, UTF-16 or UTF-32 by where the zero bytes fall (as RFC 4627 and
    json.loads read them): an editor's "Unicode" saved without a mark read as broken JSON at column 2."""
    marked = next((name for mark, name in BYTE_ORDER_MARKS if head.startswith(mark)), None)
    found = marked or json.detect_encoding(head)
    return "utf-8-sig" if found == "utf-8" else found


UNREAD = object()  # what `load` gives for a file that holds no JSON it could read
# A saved file that opens as HTML does (after a byte order mark and spaces), and where its title is looked for.
HTML_START = re.compile(r"\ufeff?\s*<(?:!doctype\s+html|html|head|body|!--|title)\b", re.IGNORECASE)
HTML_TITLE = re.compile(r"<title[^<>]*+>([^<]{0,500})</title>", re.IGNORECASE)
HTML_LOOK = 65536  # characters read for the title


def load(path: Path) -> tuple[Any, list[Problem]]:
    """The JSON a saved file holds (UNREAD when it holds none), and what was wrong with it: why nothing was read,
    or what was mended."""
    name = str(path)
    try:
        raw = unzipped(path.read_bytes())
        if not raw.strip():
            # A plugin's own route that a crawler followed (a form's `wp-json/metform/v1/entries/insert/12`, which
            # only takes a POST) answers its GET with nothing: no download failed, and no post is missing.
            if _plugin_route(path):
                return [], []
            return UNREAD, [Problem(name, message="an empty file: nothing was saved in it (a download that failed?)")]
        encoding = _encoding(raw[:4])
        text = raw.decode(encoding)
        data, repaired = _loads(without_module(without_jsonp(blank_php_messages(without_viewer_page(text)))))
        data = collected(products_as_posts(events_as_posts(script_posts.as_v2(graphql_as_v2(v1_as_v2(_unwrapped(data)))))),
                         _readable)
    except OSError as e:
        return UNREAD, [Problem(name, message=f"cannot read: {e.strerror}")]
    except CutShort:
        return UNREAD, [Problem(name, message="gzip data cut short: the download stopped before its end")]
    except UnicodeDecodeError as e:
        label = "UTF-8" if encoding == "utf-8-sig" else encoding.upper()
        return UNREAD, [Problem(name, message=f"not {label} text (byte {e.start}): is this a JSON file?")]
    except json.JSONDecodeError as e:
        return UNREAD, [Problem(name, message=_html_page(text) or f"not valid JSON: line {e.lineno} column {e.colno}: "
                                                                   f"{e.msg}")]
    except RecursionError:
        return UNREAD, [Problem(name, message="JSON nested too deeply to read")]
    problems = []
    if repaired:
        problems.append(Problem(name, message=f"text holds {repaired} backslash(es) that start no JSON escape "
                                              "(an edit of the saved file?); each was read as a backslash"))
    if "\\ud" in text.lower() and _has_lone_surrogate(data):
        data = _without_lone_surrogates(data)
        problems.append(Problem(name, message=LONE_SURROGATES))
    return data, problems


def large_list(path: Path, from_bytes: int = LARGE_FILE, chunk: int = CHUNK) -> ObjectList | None:
    """The objects of a UTF-8 saved file of `from_bytes` or more that is a list of objects, or lists and objects one
    after another (JSON Lines, pages saved into one file), as large crawls are, read one at a time (json_list);
    None for any other file, which `load` reads whole, mending and naming what it must. Each object is as `load`
    would give it within the list it makes (see `listed_items`)."""
    try:
        size = path.stat().st_size
        with path.open("rb") as file:
            head = file.read(4)
        packed = head.startswith(GZIP_MAGIC)
        if size < (from_bytes // PACKED_RATIO if packed else from_bytes):
            return None
        if packed:
            with gzip.open(path, "rb") as file:
                head = file.read(4)
    except (OSError, EOFError, zlib.error):  # (a gzip file cut short: `load` names it)
        return None
    if _encoding(head) != "utf-8-sig":
        return None
    return object_list(path, lambda item: _has_lone_surrogate(_as_post(item)), SURROGATE_ESCAPE, chunk)


def listed_items(path: Path, objects: ObjectList, problems: list[Problem]) -> Iterator[RawItem]:
    """items_in(path, data) for the objects read by `large_list`, an item at a time; what `load` says of them is
    appended to `problems` first."""
    name, plugin = str(path), _plugin_route(path)
    if objects.flagged:
        problems.append(Problem(name, message=LONE_SURROGATES))
    try:
        for index, item in enumerate(objects):
            post = _as_post(item)
            if objects.flagged:
                post = _without_lone_surrogates(post)
            yield _identified(_raw_item(name, index, post, plugin), problems)
    except Changed as e:
        problems.append(Problem(name, message=f"changed while it was read ({e}): the posts after that place were "
                                              "not read; import it again"))


def _as_post(item: dict[str, Any]) -> dict[str, Any]:
    """An object of a list as `load` gives it: a WordPress.com v1 post, an event or a WooCommerce product made a REST
    post (and a shop's term or record what it is)."""
    item = (as_v2(item) if is_v1_post(item) else graphql_node_as_v2(item) if is_graphql_post(item)
            else script_posts.item_as_v2(item))
    return item_as_v2(as_post(item) if is_event(item) else item)


def _html_page(text: str) -> str:
    """What to say of a saved file that is an HTML page, not JSON ('' for any other text): a crawler that saved the
    site's page, or its server's error page (`404 Not Found`, a login wall), in the API response's place."""
    if not HTML_START.match(text):
        return ""
    return (f"an HTML page{page_title(text)}, not JSON: the server answered with a web page (an error page, a login "
            "or a block), which was saved in place of the REST API's response; save that response again")


def page_title(page: str) -> str:
    """` ('its title')` of an HTML page, as a message names it; '' for a page without one."""
    found = HTML_TITLE.search(page, 0, HTML_LOOK)
    title = " ".join(html.unescape(found.group(1)).split())[:80] if found else ""
    return f" ({title!r})" if title else ""


def items_in(path: Path, data: Any) -> tuple[list[RawItem], list[Problem]]:
    """The objects of a response's JSON, each tagged with its kind; and those that are no objects."""
    name, problems = str(path), []
    plugin = _plugin_route(path)
    if isinstance(data, dict):
        return [_identified(_raw_item(name, None, data, plugin), problems)], problems
    if not isinstance(data, list):
        return [], [Problem(name, message="expected a JSON object or a list of objects")]
    if not data:  # a collection page past the last, or an endpoint with nothing in it
        return [RawItem(name, None, {}, EMPTY)], problems
    items = [_identified(_raw_item(name, i, d, plugin), problems)
             for i, d in enumerate(data) if isinstance(d, dict)]
    problems += [Problem(name, f"#{i}", message=f"expected a JSON object, got {type(d).__name__}")
                 for i, d in enumerate(data) if not isinstance(d, dict)]
    return items, problems


def _raw_item(file: str, index: int | None, data: dict[str, Any], plugin_route: bool) -> RawItem:
    """The item, with the names its fields have in the saved file where they are not a REST post's."""
    renamed = data.pop(SAVED_AS) if isinstance(data.get(SAVED_AS), dict) else {}
    data = with_folder_language(file, data)
    return RawItem(file, index, data, _kind_in(data, plugin_route), renamed=tuple(renamed.items()))


def _loads(text: str) -> tuple[Any, int]:
    """The JSON `text` holds, and how many of its backslashes started no escape and were read as themselves."""
    try:
        return _json_before_end_tags(text), 0
    except json.JSONDecodeError as e:
        if (mended := _attributes_mended(text)) is not None:
            return mended, 0
        if not e.msg.startswith("Invalid \\"):  # "Invalid \\escape", "Invalid \\uXXXX escape"
            raise
    lone = 0

    def kept(match: re.Match[str]) -> str:
        nonlocal lone
        if len(match.group(0)) > 1:
            return match.group(0)
        lone += 1
        return "\\\\"
    return _json_before_end_tags(ESCAPE.sub(kept, text)), lone


def _attributes_mended(text: str) -> Any:
    """The JSON of `text` with each attribute a static exporter rewrote as HTML inside a JSON string mended (see
    REWRITTEN_ATTRIBUTE), if it has any and is then read whole; else None."""
    if REWRITTEN_ATTRIBUTE.search(text) is None:
        return None
    try:
        return _json_before_end_tags(REWRITTEN_ATTRIBUTE.sub(lambda m: f'=\\"{m[2]}\\"', text))
    except json.JSONDecodeError:
        return None


def _json_before_end_tags(text: str) -> Any:
    """The JSON of `text`, also when end tags follow it. Static exports of WordPress sites that saved the
    `/wp-json/` index as an HTML page (`wp-json/index.html`) hold after its JSON an end tag for every tag an HTML
    parser took the routes' patterns to open (`(?P<id>[\\d]+)`): `…}}</id></parent></id>`. The JSON is whole.

    Line breaks and tabs inside strings, which JSON forbids unescaped, are read as they are: a static export
    that tidies the HTML it saved wraps the long lines of those same `index.html` files (`"WPML's\\nlanguage\\ncode"`),
    and WordPress never wrote them there, so they stand for the spaces they replaced."""
    try:
        return json.loads(text, strict=False)
    except json.JSONDecodeError as e:
        if e.msg != "Extra data":
            raise
        if END_TAGS.fullmatch(text, e.pos) or only_php_messages(text, e.pos) or only_footer_markup(text, e.pos):
            return json.loads(text[:e.pos], strict=False)
        return _json_values(text, e)


def _json_values(text: str, extra: json.JSONDecodeError) -> list[Any]:
    """Values saved one after another: JSON Lines (`jq -c '.[]'`, Scrapy's and other crawlers' feeds, an object
    a line) or pages written into one file (`curl '…/posts?page=[1-3]' > posts.json`, a list after a list); each
    list's items and each object, in order. Text after a value that starts no other is `extra` data."""
    values, at = [], _SPACE.match(text).end()
    while at < len(text):
        try:
            value, end = _DECODER.raw_decode(text, at)
        except json.JSONDecodeError as e:
            raise (extra if e.pos == at and values else e) from None
        values.extend(value if isinstance(value, list) else [value])
        at = _SPACE.match(text, end).end()
    return values


def _unwrapped(data: Any) -> Any:
    """The list inside the object PowerShell's ConvertTo-Json makes of an array it was handed whole
    (`ConvertTo-Json -InputObject $posts`, or a Windows PowerShell 5 pipeline): `{"value": [...], "Count": n}`;
    and the items of the pages a script collected before saving them together (`[[page 1], [page 2]]`)."""
    if isinstance(data, dict) and data.keys() == {"value", "Count"} and isinstance(data["value"], list):
        return data["value"]
    if isinstance(data, list) and data and all(isinstance(page, list) for page in data):
        return [item for page in data for item in page]
    return data


def _identified(item: RawItem, problems: list[Problem]) -> RawItem:
    """A post saved with `?_fields=` that left its id out (`_fields=slug,title,content`, as headless
    front ends ask): one is made from what names the post, and said, as for an export without ids. One that left
    its type out takes the one its guid names (sources/guid_types.py)."""
    item = _typed(item)
    if item.kind != POST or item.data.get("id") is not None:
        return item
    data = item.data
    guid = data.get("guid")
    address = next((str(v) for v in (data.get("link"), guid.get("rendered") if isinstance(guid, dict) else guid)
                    if v), "")
    basis = address or f"{data.get('type', 'post')}\x00{data.get('slug', '')}\x00{data.get('date', '')}"
    if not address and not data.get("slug"):
        # Its title names it too: posts saved without address and slug were one post where they shared a day (or
        # had none), and all but one were lost.
        basis += f"\x00{data.get('title')}"
    problems.append(Problem(item.file, item.label, "id", "missing (saved with ?_fields= without it); imported "
                                                         "with an id made from its link, or its slug and date"))
    return replace(item, data={**data, "id": synthetic_id("post", basis)})


def _plugin_route(path: Path) -> bool:
    """Whether a crawl saved the file from a plugin's own namespace (`wp-json/yoast/v1/…`), not
    WordPress's (`wp-json/wp/v2/…`, `wp-json/oembed/1.0/…`)."""
    parts = [p.lower() for p in path.parts]
    if "wp-json" not in parts[:-1]:
        return False
    namespace = parts[parts.index("wp-json") + 1].split(".json")[0]
    return namespace not in ("wp", "oembed", "index", "wp-site-health", "wp-block-editor")


def _kind_in(data: dict[str, Any], plugin_route: bool) -> str:
    kind = kind_of(data)
    return PLUGIN if kind == OTHER and plugin_route else kind


def _has_lone_surrogate(value: Any) -> bool:
    """Whether any text in the value holds half of an emoji. A walk by hand, not by recursion: JSON that the
    parser reads may nest deeper than Python's own calls go (a damaged `meta` 600 lists deep)."""
    waiting = [value]
    while waiting:
        value = waiting.pop()
        if isinstance(value, str):
            if SURROGATE.search(value) is not None:
                return True
        elif isinstance(value, dict):
            waiting += value.keys()
            waiting += value.values()
        elif isinstance(value, list):
            waiting += value
    return False


def _without_lone_surrogates(value: Any) -> Any:
    """JSON may escape half of an emoji; such text cannot be written as UTF-8. Through json's own writer and
    reader, which nest as deep as the text was read, where a recursive copy stopped at Python's limit."""
    return json.loads(SURROGATE.sub("\ufffd", json.dumps(value, ensure_ascii=False)))


def _typed(item: RawItem) -> RawItem:
    if item.kind != POST or "type" in item.data:
        return item
    guid = item.data.get("guid")
    found = guid_type(str((guid.get("rendered") if isinstance(guid, dict) else guid) or ""))
    return replace(item, data={**item.data, "type": found}) if found else item
