"""The last step of rendering a post body: an allowlist HTML sanitizer (nh3, which binds Rust's ammonia).

A body is Markdown that may carry raw HTML from anyone who can write a content file, so whatever
markdown-it produced is parsed once more as a browser would parse it and only what is listed here is
kept; everything else is dropped, keeping its text. Nothing in this list can run script, load from
the network, submit anything or restyle the page around the body. The site's Content-Security-Policy
(templates/base.html) is a second, independent fence.

Markup nested deeper than `MAX_DEPTH` is first flattened to its text (render/nesting.py), because
parsing very deep markup costs time that grows with the square of the depth.

Nearly every body comes from the compiled engine (render/engine.py) in a few fixed tag shapes. `known_clean`
checks each distinct tag of such HTML against this same allowlist and, when all of them would be kept as
written, gives the sanitizer's output without parsing; anything else, it leaves to the sanitizer.
tests/test_pages_sanitize.py holds the two equal on hostile and generated bodies.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from html import unescape
from itertools import accumulate

import nh3
from pygments.token import STANDARD_TYPES

from generator.render.nesting import MAX_DEPTH, limit_nesting

# The allowlist. A tag not listed is dropped and its text kept, except CLEARED tags, whose text goes too.
TAGS = frozenset({
    # Text blocks and headings; headings keep their ids, which the table of contents links to.
    "p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "div",
    # Inline meaning: emphasis, edits, code, quotations, scripts in other languages.
    "a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "sup", "sub", "abbr", "cite",
    "q", "dfn", "kbd", "samp", "var", "code", "span", "time", "bdi", "bdo", "wbr", "ruby", "rt", "rp",
    # Lists.
    "ul", "ol", "li", "dl", "dt", "dd",
    # Tables, including the compact HTML tables the importer keeps for spans.
    "table", "caption", "colgroup", "col", "thead", "tbody", "tfoot", "tr", "th", "td",
    # Images and their captions; remote ones were already made placeholders (remote_media).
    "img", "figure", "figcaption",
    # Disclosure widgets, and the section that holds footnotes.
    "details", "summary", "section",
})
# Tags dropped with everything inside them: code, styles, and fallbacks that would show as raw text.
CLEARED = frozenset({"script", "style", "template", "noscript", "iframe", "noembed", "noframes", "xmp"})
# Attributes per tag ("*": on every tag). Their values are checked further by VALUES, URL_ATTRIBUTES
# and CLASSES below; `style` and every `on*` handler are never allowed.
ATTRIBUTES = {
    # Language and direction of a passage, and a tooltip.
    "*": {"lang", "dir", "title"},
    # Fragment targets: headings from the TOC, footnote references and their back-links.
    **{f"h{level}": {"id"} for level in range(1, 7)},
    "a": {"href", "id", "class"},
    "li": {"id", "class", "value"},
    # Lists and tables: numbering, spans and alignment (pipe tables' alignment comes as `align`).
    "ol": {"start", "reversed", "class"},
    "th": {"colspan", "rowspan", "scope", "headers", "align"},
    "td": {"colspan", "rowspan", "headers", "align"},
    "col": {"span"}, "colgroup": {"span"},
    # Images: a local file or an inline data: image, with its size and text.
    "img": {"src", "alt", "width", "height", "loading", "decoding"},
    "details": {"open"},
    "time": {"datetime"},
    # Classes that the site's own styles know: code highlighting, placeholders, footnotes, galleries.
    "div": {"class"}, "pre": {"class"}, "code": {"class"}, "span": {"class"}, "sup": {"class"}, "hr": {"class"},
    "section": {"class"},
}
NUMBER = re.compile(r"\d{1,4}")
VALUES = {
    "dir": re.compile(r"ltr|rtl|auto", re.IGNORECASE),
    "lang": re.compile(r"[A-Za-z]{1,8}(-[A-Za-z0-9]{1,8})*"),
    "align": re.compile(r"left|center|right|justify", re.IGNORECASE),
    "loading": re.compile(r"lazy|eager", re.IGNORECASE),
    "decoding": re.compile(r"async|sync|auto", re.IGNORECASE),
    "scope": re.compile(r"row|col|rowgroup|colgroup", re.IGNORECASE),
    **dict.fromkeys(("colspan", "rowspan", "span", "start", "value", "width", "height"), NUMBER),
}
# Pygments' token classes, as its HTML formatter writes them for highlighted code.
CODE_CLASSES = frozenset(STANDARD_TYPES.values()) - {""}
CLASSES = {
    "span": CODE_CLASSES | {"remote-media"},
    "pre": frozenset({"highlight"}),
    "code": re.compile(r"language-[\w+#.-]{1,40}"),
    # Footnotes as mdit-py-plugins writes them.
    "sup": frozenset({"footnote-ref"}), "a": frozenset({"footnote-backref"}), "hr": frozenset({"footnotes-sep"}),
    "section": frozenset({"footnotes"}), "ol": frozenset({"footnotes-list"}), "li": frozenset({"footnote-item"}),
    # A gallery's grid, as the importer writes it (convert/galleries.py).
    "div": frozenset({"gallery"}),
}
# Links may lead to web pages, mail, or within the site, or to what an application opens (a file server, a
# torrent, a call, a chat, a calendar; a messenger a shop's "Book on Viber" button opens): none of those runs in
# the page. Images only come from the site or inline data.
LINK_SCHEMES = frozenset({"http", "https", "mailto", "tel", "sms", "ftp", "ftps", "sftp", "magnet", "ed2k", "sip",
                          "sips", "xmpp", "irc", "ircs", "news", "nntp", "webcal", "geo", "callto", "skype", "ssh",
                          "git", "svn", "gopher", "bitcoin", "viber", "whatsapp", "tg"})
DATA_IMAGE = re.compile(r"data:image/(png|gif|jpeg|webp|avif);base64,[A-Za-z0-9+/=\s]*\Z", re.IGNORECASE)
URL_ATTRIBUTES = {"href", "src"}
# What browsers ignore around and inside a URL's scheme (WHATWG URL: C0 controls and space; tab and newlines).
URL_IGNORED = re.compile(r"[\x00-\x20]")
SCHEME = re.compile(r"([A-Za-z][A-Za-z0-9+.-]*):")
# How nearly every link starts: links allowed whatever follows, as the checks below would find.
COMMON_LINKS = ("https://", "http://", "../")

LONE_SURROGATE = re.compile("[\ud800-\udfff]")
QUOTED_IN_TAG = re.compile(r'<[^<>"]*(?:"[^"]*"[^<>"]*)+>')
QUOTED = re.compile(r'"[^"]*"')
# Found in front of every attribute value that holds '<' or '>' (values never hold '"'), so where it is
# not found there is nothing to escape; text may match it too, which only costs the full pass.
BRACKET_IN_ATTRIBUTE = re.compile(r'="[^"<>]*+[<>]')


# The compiled engine's HTML (render/engine.py) for a body without raw HTML: only these elements, every tag
# in one shape (lower case, double-quoted values, " />" on void elements), nested as CommonMark nests them,
# so that the sanitizer's parser builds the tree as written and its serializer writes it back unchanged but
# for the rewrites in known_clean. The exceptions are rare, and go through the sanitizer.
ENGINE_ELEMENTS = frozenset({"p", "br", "hr", "h1", "h2", "h3", "h4", "h5", "h6", "blockquote", "pre", "a", "strong",
                             "em", "s", "code", "span", "ul", "ol", "li", "table", "thead", "tbody", "tr", "th",
                             "td", "img"})
VOID = frozenset({"br", "hr", "img"})
ANY_TAG = re.compile(r"<[^>]*>")
ENGINE_TAG = re.compile(r'<(/?)([a-z][a-z0-9]*)((?: [a-z]+="[^"]*")*)( /)?>')
ENGINE_ATTRIBUTE = re.compile(r' ([a-z]+)="([^"]*)"')
# Values the serializer writes back as they are: the only references in them are these three ('"' never
# occurs, so every '&quot;' is text, which known_clean rewrites).
SAME_VALUE = re.compile(r"[^&]*+(?:&(?:amp|lt|gt);[^&]*+)*+")
# References other than the ones markdown-it and Pygments write in text, which known_clean rewrites.
OTHER_REFERENCE = re.compile(r"&(?!(?:amp|lt|gt|quot|#39);)")
# URLs whose acceptance by the sanitizer's URL parser is plain: a web address with an ASCII host whose last
# label starts with a letter (not an IP address), no user and a short port; mail and phone addresses, which
# have no host to parse; and relative ones with no ':' (which could start a scheme).
PLAIN_URL = re.compile(r"https?://(?:[A-Za-z0-9-]+\.)*[A-Za-z][A-Za-z0-9-]*(?::[0-9]{1,4})?(?:[/?#].*)?"
                       r"|(?:mailto|tel):(?!/)[^\x00-\x20]*|[^:\x00-\x20\\]*", re.DOTALL)


@dataclass(frozen=True)
class Sanitized:
    html: str
    flattened: bool  # markup nested deeper than MAX_DEPTH was reduced to its text


def keep_attribute(tag: str, name: str, value: str) -> str | None:
    """The value to keep for an allowed attribute, or None to drop it."""
    if name == "class":
        return _classes(tag, value)
    if name in URL_ATTRIBUTES:
        return value if _url_allowed(tag, name, value) else None
    pattern = VALUES.get(name)
    if pattern is not None and not pattern.fullmatch(value.strip()):
        return None
    return value


def _classes(tag: str, value: str) -> str | None:
    allowed = CLASSES.get(tag)
    if allowed is None:
        return None
    kept = [c for c in value.split() if (allowed.fullmatch(c) if isinstance(allowed, re.Pattern) else c in allowed)]
    return " ".join(kept) or None


def _url_allowed(tag: str, name: str, value: str) -> bool:
    if name == "href" and value.startswith(COMMON_LINKS):
        return True
    bare = URL_IGNORED.sub("", value)
    scheme = SCHEME.match(bare)
    if name == "src":
        # A remote image would load from the network; remote_media has already shown it as a link.
        return bool(DATA_IMAGE.match(bare)) if scheme else not bare.startswith(("//", "\\\\", "/\\", "\\/"))
    return scheme is None or scheme.group(1).lower() in LINK_SCHEMES


CLEANER = nh3.Cleaner(
    tags=set(TAGS), clean_content_tags=set(CLEARED), attributes={k: set(v) for k, v in ATTRIBUTES.items()},
    attribute_filter=keep_attribute, strip_comments=True, link_rel=None,
    # nh3 checks schemes before keep_attribute sees a value; data: reaches it only to be limited to images.
    url_schemes=set(LINK_SCHEMES | {"data"}))


def sanitize(html: str, surrogates: bool = True) -> Sanitized:
    """`html` with only the allowlisted tags and attributes; deep nesting flattened first. With `surrogates`
    False the caller knows `html` holds no lone surrogate (it is valid UTF-8), and it is not searched."""
    html, flattened = limit_nesting(replace_lone_surrogates(html) if surrogates else html, MAX_DEPTH)
    return Sanitized(escape_brackets_in_attributes(CLEANER.clean(html)), flattened)


def known_clean(html: str) -> str | None:
    """What `sanitize` gives for `html`, made without parsing it, when every tag is one the compiled engine
    writes (ENGINE_ELEMENTS) in a shape the allowlist keeps as it is, and no deeper than MAX_DEPTH; else
    None. Valid UTF-8 is assumed. The sanitizer's serializer then differs from markdown-it's only in writing
    void elements without " /", '"' and "'" in text as they are, and U+00A0 as '&nbsp;'."""
    if OTHER_REFERENCE.search(html):
        return None
    steps = list(map(_depth_step, ANY_TAG.findall(html)))
    # The engine closes every element it opens, in order, so the running sum is the depth; a void element
    # one level below the deepest one counts too.
    if None in steps or max(accumulate(steps), default=0) >= MAX_DEPTH:
        return None
    html = html.replace(" />", ">")
    if "&" in html:  # a search for one character is far cheaper than for several, in text beyond Latin-1
        html = html.replace("&quot;", '"').replace("&#39;", "'")
    return html.replace("\xa0", "&nbsp;") if "\xa0" in html else html


@functools.lru_cache(maxsize=4096)
def _depth_step(tag: str) -> int | None:
    """How this tag of the engine's changes the depth (1, 0 for a void element, -1 for an end tag), or None
    when the sanitizer would not keep it, attributes and all, as it is written. (Remembered: most tags recur
    in every body, and a few hundred in many.)"""
    shape = ENGINE_TAG.fullmatch(tag)
    if shape is None or shape.group(2) not in ENGINE_ELEMENTS:
        return None
    closing, name, attributes, void = shape.groups()
    if closing:
        return None if attributes or void else -1
    if void and name not in VOID:
        return None
    allowed = ATTRIBUTES.get(name, frozenset()) | ATTRIBUTES["*"]
    names = set()
    for attribute, written in ENGINE_ATTRIBUTE.findall(attributes):
        if attribute not in allowed or attribute in names or not SAME_VALUE.fullmatch(written):
            return None
        names.add(attribute)
        value = unescape(written)
        if keep_attribute(name, attribute, value) != value:
            return None
        if attribute in URL_ATTRIBUTES and (not PLAIN_URL.fullmatch(value) or "xn--" in value.lower()):
            return None  # punycode must decode for the URL parser to accept its host
    return 0 if name in VOID else 1


def replace_lone_surrogates(text: str) -> str:
    """`text` with U+FFFD for each surrogate code point, which nh3 cannot take. Strict UTF-8 encoding fails
    on exactly those, and is several times faster than searching for them in text that has none."""
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:
        return LONE_SURROGATE.sub("\ufffd", text)
    return text


def escape_brackets_in_attributes(html: str) -> str:
    """`<` and `>` inside attribute values as character references, as HTML's serializer now writes them,
    so no text that looks like a tag survives in an attribute for a later parse to misread.

    This relies on the sanitizer's output: every attribute value is in double quotes that it never holds,
    and a '<' in text is always written as '&lt;', so each '<' outside quotes opens a tag.
    """
    return QUOTED_IN_TAG.sub(_escape_quoted, html) if BRACKET_IN_ATTRIBUTE.search(html) else html


def _escape_quoted(tag: re.Match[str]) -> str:
    return QUOTED.sub(lambda value: value.group(0).replace("<", "&lt;").replace(">", "&gt;"), tag.group(0))
