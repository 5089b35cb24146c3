"""What converting one post knows (its title, media, settings) and what it records (its losses)."""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Mapping
from dataclasses import dataclass, field

from generator.language.words import Overrides, Words, site_words

# Kinds of loss: something dropped, or replaced by an approximation a reader can still follow.
PLUGIN_TOC = "plugin table of contents dropped"
PLUGIN_ERROR = "plugin's error message to the site's editors dropped"
SCREEN_READER = "screen-reader text dropped"
HIDDEN_ON_DESKTOP = "element the page hid on desktop screens dropped"
HIDDEN_WORDS = "word an inline style hid from every reader dropped"
OFF_SCREEN = "element an inline style placed off the screen dropped"
HIDDEN_BLOCK = "block hidden from every reader, with nothing to show it, dropped"
SCRIPT = "script or style dropped"
SHARE_WIDGET = "share widget dropped"
READING_TIME = "reading-time estimate dropped"
VIEW_COUNT = "count of the post's views dropped"
AUTHOR_BOX = "author box a plugin added to the text dropped"
UPDATE_LINE = "plugin's line of the post's last update dropped"
FORM = "form dropped"
VISIT_COUNTER = "visit counter a remote service filled dropped"
SHOP_ACTION = "shop button acting on the live site dropped"
CONSENT_CONTROL = "cookie consent control acting on the live site dropped"
EMBED_AS_LINK = "embed made a link"
IFRAME_AS_LINK = "iframe made a link"
MEDIA_AS_LINK = "audio or video made a link"
BACKGROUND_IMAGE = "background image made an image"
IMAGE_WITHOUT_SOURCE = "image with no source dropped"
MEDIA_WITHOUT_ADDRESS = "audio, video or frame with no web address dropped"
UNKNOWN_SHORTCODE = "unknown shortcode kept as text"
OTHER_LANGUAGES = "other languages of a multilingual post left out"
SHORTER_LANGUAGE = "multilingual post kept in a language far shorter than one left out"
PLUGIN_OUTPUT = "page of plugin shortcodes dropped"
PLUGIN_LINE = "plugin shortcode alone on its line dropped"
EMPTY_SHORTCODE = "unknown shortcode enclosing nothing dropped"
LIVE_LISTING = "list the live site made of its own posts dropped"
UNSHOWN_BLOCK = "block its plugin printed on the live page, which an export saves as settings alone, dropped"
SITE_MENU = "site menu a page builder drew dropped"
BREADCRUMBS = "breadcrumb trail of the live site dropped"
SCRIPT_WIDGET = "heading over a box only the live site's script filled dropped"
LIVE_FEED = "live feed of another site dropped"
COUNTDOWN = "countdown timer its script ran dropped"
LISTING_PAGER = "pager of a list of the live site's posts dropped"
BUILDER_ELEMENT = "page builder element dropped"
UNRESOLVED_MEDIA = "gallery image not among the media read (saved, or served by the site)"
UNRESOLVED_IMAGE = "image id not among the media read (saved, or served by the site)"
UNRESOLVED_TERM = "term id not resolved"
UNRESOLVED_AUTHOR = "author id not resolved"
UNRESOLVED_FEATURED = "featured image not among the media read (saved, or served by the site)"
COMPLEX_TABLE = "complex table kept as HTML"
DEEP_NESTING = "markup nested too deeply kept as text"
DEEP_BLOCKS = "block quotes or lists nested too deeply for Markdown flattened"
TRACKER = "tracking pixel dropped"
AD_UNIT = "advertisement dropped"
SUMMARY_AS_BODY = "body not in the saved response: its excerpt shown instead"
UNTITLED = "empty title made from the slug"
MADE_TITLE = "empty title made from the first words or the date"
DEAD_FRAGMENT = "link to an anchor the post does not have made text"
PLACEHOLDER_PROFILE = "link to a social profile's placeholder address made text"
STRUCTURED_FIELD = "custom field holding structured data not shown"
CONTROL_CHARACTERS = "control characters dropped or read as Windows-1252"
ENCODED_TWICE = "text encoded twice (UTF-8 read as Windows-1252) decoded"


@dataclass(frozen=True)
class Media:
    """An attachment from the saved /wp/v2/media responses."""

    url: str
    alt: str = ""
    caption: str = ""


ATTACHMENT_ID = re.compile(r"[0-9]{1,19}")  # ASCII digits int() takes, within a database id's 64 bits


def attachment_id(text: str) -> int | None:
    """The attachment id an attribute or field names (`img="12"`), or None: not 0 (WordPress's "none"), nor `²`,
    which isdigit() takes and int() refuses, nor 5,000 digits."""
    text = text.strip()
    return int(text) or None if ATTACHMENT_ID.fullmatch(text) else None


@dataclass
class Losses:
    """Counts of what was dropped or approximated, with one short example per occurrence."""

    counts: Counter[str] = field(default_factory=Counter)
    details: list[str] = field(default_factory=list)

    def note(self, kind: str, detail: str = "") -> None:
        self.counts[kind] += 1
        self.details.append(f"{kind}: {detail[:200]}" if detail else kind)

    def __bool__(self) -> bool:
        return bool(self.counts)


@dataclass(frozen=True)
class Settings:
    """What the run tells every post's conversion: the user's choices, from the configuration."""

    keep_keyword_links: bool = False
    site: str = ""  # the site's address, for a crawl whose links lack their host
    language: str = ""  # the language kept of a post that holds several (convert/multilingual.py), and of its labels
    words: Overrides = ()  # the site's [words], over the language's own (language/words.py)

    def site_words(self) -> Words:
        """The words the labels the import writes are made of ("YouTube video: …"), in the site's language."""
        return site_words(self.language, self.words)


@dataclass
class Context:
    """Per post: read by the cleanup passes and the Markdown converter; `losses` is written."""

    title: str = ""
    base_url: str = ""  # the post's own address, which its relative URLs are read against
    keep_keyword_links: bool = False
    media: Mapping[int, Media] = field(default_factory=dict)
    themed: bool = False  # whether the body uses a theme's plain-named layout shortcodes (page_builders.themed)
    wpbakery: bool = False  # whether the body is laid out by WPBakery (shortcodes.WPBAKERY)
    theme_prefixes: tuple[str, ...] = ()  # the prefixes of the themes whose layout the body uses (shortcodes.THEME_LAYOUT)
    words: Words = field(default_factory=lambda: site_words("en"))  # Settings.site_words()
    losses: Losses = field(default_factory=Losses)
    # The home of the maker's machine the site was built on, and the public site's (built_locally.py); () for none.
    built_at: tuple[str, str] | tuple[()] = ()
    # The words of each site menu the cleanup dropped, which WordPress's automatic excerpt still holds (summary_menus).
    menu_words: list[tuple[str, ...]] = field(default_factory=list)
