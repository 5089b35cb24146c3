"""Markdown to HTML with markdown-it-py: CommonMark plus tables, heading ids, Pygments, links to
mirrored posts made local, and remote media kept off the page.

One body goes through these steps, in this order:

1. A body longer than MAX_BODY_CHARACTERS (not counting pictures inlined as base64 `data:` addresses) is not
   parsed: it is shown as plain text, with a note.
2. markdown-it parses it; core rules give headings their ids, resolve every link and image against the
   post's own URL and point links to mirrored posts at their pages (offline_links), and find which
   images sit inside links (remote_media).
3. Rendering turns remote images and raw HTML that would load from the network into placeholders
   (remote_media), so a reader sees what is missing and can open it.
4. The sanitizer (sanitize) keeps only its allowlist of the result. Nothing the steps before it produce
   or miss can reach the page unchecked. The compiled engine's HTML, when its every tag is one the
   allowlist keeps as written, is checked tag by tag against the same allowlist instead of being parsed
   (sanitize.known_clean), which gives the sanitizer's bytes at a fraction of its cost.
5. Links within the page to ids that the sanitized body does not have are shown as text
   (offline_links.settle_fragments); this only ever takes an href away.
6. Code blocks and tables, which scroll sideways when wider than the column, take keyboard focus
   (scrollers).
"""

from __future__ import annotations

import re
from collections.abc import Mapping, Sequence
from dataclasses import dataclass
from functools import cached_property
from html import escape
from types import SimpleNamespace
from typing import TYPE_CHECKING

from generator.convert.control_chars import readable as without_controls
from generator.language.words import Words
from generator.render.body_code import highlight_code
from generator.render.body_headings import HEADING_ID, Heading, HeadingIds, written_id
from generator.render.engine import Engine
from generator.render.footnote_numbers import footnote_caption, footnote_open
from generator.render.offline_links import resolve_links, settle_fragments
from generator.render.opening_image import opening_image
from generator.render.nesting import MAX_DEPTH
from generator.render.remote_media import mark_images_in_links, render_html_block, render_html_inline, render_image
from generator.render.sanitize import LONE_SURROGATE, Sanitized, known_clean, sanitize
from generator.render.scrollers import focusable_scrollers
from generator.render.url_text import readable

if TYPE_CHECKING:
    # markdown-it-py is imported where it is used: most builds never need it (the compiled engine renders
    # nearly every body), and importing it costs a one-edit rebuild tens of milliseconds.
    from markdown_it import MarkdownIt
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

# Pygments styles for the light and the dark colour scheme; both keep every token at WCAG AA contrast.
CODE_STYLES = ("default", "monokai")
# Parsing costs up to ~20-40 µs per character of hostile Markdown (rows of `[`, `[^` or `![`), so a body is
# parsed only up to this length, which keeps any one page within seconds. News articles are far shorter. It
# counts characters, as the parser reads them, not their bytes: a law of 300,000 Georgian characters is 0.7 MB
# in UTF-8, and a text in a script of two or three bytes a letter was shown as plain text at a third of the length.
MAX_BODY_CHARACTERS = 500_000
# The payload of a picture pasted into the editor, inlined as a `data:` address: a run of base64 that no
# parser rule stops in, parsed in linear time, so it does not count towards MAX_BODY_CHARACTERS. One screenshot
# alone can be larger than the limit.
BASE64_PAYLOAD = re.compile(r"data:[\w.+/-]*(?:;[\w.+=-]*)*;base64,([A-Za-z0-9+/=]+)", re.IGNORECASE)
# markdown-it's own limit (its CommonMark preset's): blocks nested deeper are left out, and each level
# allowed multiplies what a row of brackets costs, so it stays low.
MAX_NESTING = 20
# Pipe-table alignment as the `align` attribute: style attributes are refused by the sanitizer and the CSP.
ALIGNMENT = re.compile(r"text-align:(left|center|right)")
# A web address that markdown-it's normalizeLink returns unchanged: an ASCII host of valid labels (no
# punycode, no port, no user) and a path of characters it never percent-encodes. Longer hosts are emptied.
PLAIN_WEB_URL = re.compile(r"https?://[A-Za-z0-9-]{1,63}(?:\.[A-Za-z0-9-]{1,63})*(?:/[A-Za-z0-9._~/-]*)?")
MAX_PLAIN_URL = 255
# A link destination up to a space, a `)` or the end, with none of what markdown-it's parser treats
# specially: `<` opening a bracketed destination, backslash escapes and nested parentheses.
PLAIN_DESTINATION = re.compile(r"[^\x00-\x20\x7f\\()<]+")


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple[Heading, ...]
    notes: tuple[str, ...] = ()  # what was refused or simplified, one line each, for the build's report
    opening_image: str = ""  # the address of the image the body opens with (render/opening_image.py)


def heading_ids(state: StateCore) -> None:
    """Give every heading a unique id (its source id, else a slug) and list the headings in env."""
    ids = HeadingIds()
    headings = []
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        wanted = _take_id_attribute(inline)
        text = "".join(c.content for c in inline.children or () if c.type in ("text", "code_inline"))
        heading = ids.name(int(token.tag[1]), wanted, text)
        token.attrSet("id", heading.id)
        headings.append(heading)
    state.env["headings"] = tuple(headings)


def _take_id_attribute(inline) -> str | None:
    children = inline.children or []
    if not children or children[-1].type != "text":
        return None
    match = HEADING_ID.search(children[-1].content)
    if not match:
        return None
    children[-1].content = children[-1].content[: match.start()]
    return written_id(match.group(1))


def table_alignment(state: StateCore) -> None:
    """Core rule: pipe-table cells say their alignment with `align`, not with a style attribute."""
    for token in state.tokens:
        if token.type in ("th_open", "td_open"):
            match = ALIGNMENT.fullmatch(str(token.attrGet("style") or ""))
            token.attrs.pop("style", None)
            if match:
                token.attrSet("align", match.group(1))


def too_deep(tokens: Sequence[Token], max_nesting: int) -> bool:
    """Whether markdown-it reached its nesting limit, past which it leaves the rest of a block out."""
    return any(token.nesting == 1 and token.level >= max_nesting - 1 for token in tokens)


def normalize_link(url: str) -> str:
    """markdown-it's normalizeLink, skipped for the plain web addresses that make up nearly every link,
    where it parses and percent-encodes only to give back what it was given."""
    if len(url) <= MAX_PLAIN_URL and PLAIN_WEB_URL.fullmatch(url):
        return url
    from markdown_it.common.normalize_url import normalizeLink
    return normalizeLink(url)


def normalize_link_text(url: str) -> str:
    """markdown-it's normalizeLinkText, the text an autolink shows, except where it decodes escapes that are
    not UTF-8 (`wiki.cgi?WebDAV%A4%C7` on a Japanese site of the EUC-JP era) into U+FFFD marks: there the
    address's escapes are shown as the site wrote them, as browsers show it."""
    from markdown_it.common.normalize_url import normalizeLinkText
    shown = normalizeLinkText(url)
    return readable(url) if "\ufffd" in shown and "\ufffd" not in url else shown


class _Destination:
    """What markdown-it's link rules read of a parsed destination."""

    __slots__ = ("ok", "pos", "str")

    def __init__(self, pos: int, text: str) -> None:
        self.ok, self.pos, self.str = True, pos, text


def parse_link_destination(string: str, pos: int, maximum: int) -> object:
    """markdown-it's parseLinkDestination, by one regular expression where the destination holds nothing
    that it treats specially; its own character loop costs more than any other part of a link."""
    from markdown_it import helpers as link_helpers
    from markdown_it.common.utils import unescapeAll
    match = PLAIN_DESTINATION.match(string, pos, maximum)
    end = match.end() if match else pos
    if match is None or (end < maximum and string[end] in "\\(<"):
        return link_helpers.parseLinkDestination(string, pos, maximum)
    return _Destination(end, unescapeAll(string[pos:end]))


def fast_link_helpers() -> SimpleNamespace:
    """markdown-it's link helpers with parse_link_destination, for one parser (they are looked up on it)."""
    from markdown_it import helpers as link_helpers
    return SimpleNamespace(parseLinkLabel=link_helpers.parseLinkLabel, parseLinkTitle=link_helpers.parseLinkTitle,
                           parseLinkDestination=parse_link_destination)


def plain_text(markdown: str) -> str:
    """A body shown as its own text: escaped, with its line breaks kept by the `plain-text` style."""
    text = escape(LONE_SURROGATE.sub("\N{REPLACEMENT CHARACTER}", markdown), quote=False)
    return f'<div class="plain-text">{text}</div>\n'


class MarkdownRenderer:
    """One configured parser, reused for every post.

    `local_pages` maps normalised original URLs to page paths (see local_links); a body rendered for
    the page at `page` links to those pages relatively.
    """

    def __init__(self, local_pages: Mapping[str, str] | None = None, compiled: bool = True,
                 words: Words | None = None) -> None:
        """`words` name the placeholders of remote media, in the site's language (English by default)."""
        self.local_pages = local_pages or {}
        self.words = words or Words("en")
        # The compiled engine renders what it renders exactly as the parser `md` does, only faster.
        self.engine = Engine() if compiled else None

    @cached_property
    def md(self) -> MarkdownIt:
        """The reference parser, made when a body first needs it."""
        from markdown_it import MarkdownIt
        from mdit_py_plugins.footnote import footnote_plugin
        options = {"html": True, "highlight": highlight_code, "maxNesting": MAX_NESTING}
        md = MarkdownIt("commonmark", options).enable(["table", "strikethrough"]).use(footnote_plugin)
        md.normalizeLink = normalize_link
        md.normalizeLinkText = normalize_link_text
        md.helpers = fast_link_helpers()
        md.core.ruler.push("heading_ids", heading_ids)
        md.core.ruler.push("resolve_links", resolve_links)
        md.core.ruler.push("table_alignment", table_alignment)
        md.core.ruler.push("images_in_links", mark_images_in_links)
        md.add_render_rule("image", render_image)
        md.add_render_rule("html_block", render_html_block)
        md.add_render_rule("html_inline", render_html_inline)
        md.add_render_rule("footnote_caption", footnote_caption)
        md.add_render_rule("footnote_open", footnote_open)
        return md

    def env(self, page: str, source_url: str | None) -> dict:
        """What the reference parser's rules read while they parse and render one body."""
        return {"page": page, "local_pages": self.local_pages, "source_url": source_url, "words": self.words}

    def render(self, markdown: str, page: str = "index.html", source_url: str | None = None) -> RenderedBody:
        """The body's HTML, sanitized, with its headings; never raises for what a body holds. Links and
        images relative to the post's original site are resolved against `source_url`, its own URL; with
        None (rendering outside a site), they are left as they are."""
        markdown = without_controls(markdown)  # a file written by hand may hold what an import makes readable
        size = parsed_size(markdown)
        if size > MAX_BODY_CHARACTERS:
            return RenderedBody(plain_text(markdown), (), (
                f"{size:,} characters are over the {MAX_BODY_CHARACTERS:,} that are rendered as Markdown; "
                "shown as plain text",))
        if self.engine is not None:
            fast = self._fast(markdown, page, source_url)
            if fast is not None:
                return fast
        env = self.env(page, source_url)
        tokens = self.md.parse(markdown, env)
        clean = sanitize(self.md.renderer.render(tokens, self.md.options, env))
        notes = []
        if env.get("unresolved_links"):
            notes.append(unresolved_note(env["unresolved_links"]))
        if too_deep(tokens, MAX_NESTING):
            notes.append(f"Markdown nested more than {MAX_NESTING} levels deep; the deeper part is left out")
        if clean.flattened:
            notes.append(f"HTML nested more than {MAX_DEPTH} levels deep; the deeper part is shown as text")
        return RenderedBody(focusable_scrollers(settle_fragments(clean.html)), env.get("headings", ()), tuple(notes),
                            opening_image(markdown))

    def _fast(self, markdown: str, page: str, source_url: str | None) -> RenderedBody | None:
        assert self.engine is not None
        fast = self.engine.fast_html(markdown, page, source_url, self.local_pages, self.words)
        if fast is None:
            return None
        known = known_clean(fast.html)
        # The engine takes no text that holds a lone surrogate, and known_clean no markup deep enough to flatten.
        clean = Sanitized(known, False) if known is not None else sanitize(fast.html, surrogates=False)
        notes = []
        if fast.unresolved:
            notes.append(unresolved_note(fast.unresolved))
        if clean.flattened:
            notes.append(f"HTML nested more than {MAX_DEPTH} levels deep; the deeper part is shown as text")
        # Only a link to a fragment, or one the page cannot follow, can be settled; the sanitizer adds none.
        html = settle_fragments(clean.html) if fast.settle else clean.html
        return RenderedBody(focusable_scrollers(html), fast.headings, tuple(notes), opening_image(markdown))


def parsed_size(markdown: str) -> int:
    """The characters of a body that count towards MAX_BODY_CHARACTERS: all but its inlined pictures' base64."""
    if len(markdown) <= MAX_BODY_CHARACTERS:
        return 0
    return len(markdown) - sum(len(payload) for payload in BASE64_PAYLOAD.findall(markdown))


def code_css() -> str:
    """Pygments colours for light and dark schemes; pages pick one by prefers-color-scheme, on a screen only: paper
    is light, and the dark scheme's pale colours printed on it without their dark box (printers leave backgrounds
    out) could not be read."""
    from pygments.formatters import HtmlFormatter
    light, dark = (HtmlFormatter(style=style).get_style_defs(".highlight") for style in CODE_STYLES)
    indented = "\n".join("  " + line for line in dark.splitlines())
    return f"{light}\n@media screen and (prefers-color-scheme: dark) {{\n{indented}\n}}\n"


def unresolved_note(count: int) -> str:
    """What a post's page says of its links relative to a site it cannot name (a crawl saved without hosts)."""
    return (f"{count} link(s) or image(s) relative to the original site are shown as text: source.url is not a web "
            "address to resolve them against (import the posts again with `--site URL`, the site's address)")
