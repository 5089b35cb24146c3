"""Every link and image in a body made to work offline, whatever the content file holds.

A body may hold URLs relative to the site it came from (`/wp-content/x.jpg`, `../2016/03/x/`, `x.html`,
`?p=12`): an old import, a hand edit, a crawl of an odd site. In the mirror they would lead nowhere, so
before rendering (`resolve_links`, a core rule) each is resolved against the post's own URL (its
`source.url`) and then treated as any absolute URL, unless it names a page of the mirror as the site's own
links do (`../other/index.html`): a link to a mirrored post becomes a relative link to
its page (local_links), anything else stays remote, and remote_media shows remote images as links. In a
post with no usable source URL such a link is shown as its text and such an image as its description;
the body's notes say how many. Raw HTML in a body gets the same treatment as Markdown.

A link to another mirrored page loses its fragment: which ids that page has is known only once it is
rendered, and a fragment it lacks would be a dead link. Links within the page are settled last
(`settle_fragments`), on the sanitized HTML, where every id the body really has is known: a link to a
fragment the page does not have is shown as its text.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from html import escape, unescape
from html.parser import HTMLParser
from posixpath import dirname, join, normpath
from typing import TYPE_CHECKING
from urllib.parse import unquote, urljoin, urlsplit

from generator import urls
from generator.language.words import Words
from generator.render.local_links import archive_key, guess_key, page_key, source_key
from generator.render.image_links import names_image
from generator.render.remote_media import media_key, media_path

if TYPE_CHECKING:  # markdown-it-py is imported only by the reference parser that calls these rules
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

WEB_SCHEMES = ("http", "https")
# Tag -> attributes that hold a URL: the links a reader follows and what a page loads.
URL_ATTRIBUTES = {"a": ("href",), "area": ("href",), "img": ("src", "srcset"), "source": ("src", "srcset"),
                  "video": ("src", "poster"), "audio": ("src",), "iframe": ("src",), "embed": ("src",),
                  "object": ("data",), "track": ("src",), "input": ("src",), "script": ("src",)}
LINK_ATTRIBUTES = frozenset({"href"})
MAYBE_URL_ATTRIBUTE = re.compile(r"(?:href|src|srcset|poster|data)\s*=", re.IGNORECASE)
# Sanitized HTML (render/sanitize.py) writes every attribute value in double quotes and escapes every
# '<' and '>' in text and in values, so these find exactly its start tags and their attributes.
ANCHOR = re.compile(r"<a(\s[^<>]*)>")
ATTRIBUTE = re.compile(r'\s([^\s="<>/]+)(?:="([^"]*)")?')
ID = re.compile(r'<[a-z][a-z0-9]*(?:\s[^<>]*?)?\sid="([^"]*)"')
# How a URL that leads within its page starts: a path from the site's root, a query, a fragment.
IN_PAGE_STARTS = frozenset("/?#")
# A web address that urlsplit and source_key would only take apart to give back its parts: http(s), a host
# of ASCII letters, digits, dots and hyphens (no user, no port), a path and a fragment of characters that
# stripping, lower-casing the scheme and percent-decoding leave alone, and no query. Most links are such.
PLAIN_WEB = re.compile(r"https?://([A-Za-z0-9.-]+)(/[A-Za-z0-9._~/-]*)?(?:#([A-Za-z0-9._~-]*))?")
# What a browser trims from the ends of a URL: C0 controls and the space, not str.strip()'s no-break or
# em spaces, which a browser keeps as a path (a link to a file named U+00A0).
URL_SPACE = "".join(map(chr, range(0x21)))


def usable_base(source_url: str | None) -> str | None:
    """The post's own URL when relative links can be resolved against it: a web address with a host."""
    if source_url is None:
        return None
    if PLAIN_WEB.fullmatch(source_url):
        return source_url
    try:
        parts = urlsplit(source_url.strip())
    except ValueError:
        return None
    if parts.scheme.lower() not in WEB_SCHEMES or not parts.hostname:
        return None
    return source_url.strip()


def plain_key(url: str) -> tuple[str, str] | None:
    """source_key(url) and the fragment of a PLAIN_WEB address, without taking it apart
    (tests/test_body_links.py holds the two ways equal); None for any other URL."""
    plain = PLAIN_WEB.fullmatch(url)
    if plain is None:
        return None
    return plain.group(1).lower().removeprefix("www.") + (plain.group(2) or "").rstrip("/"), plain.group(3) or ""


def shown_source(source_url: str) -> str:
    """A post's source URL as its page shows it: "" for text that is not a URL at all, which a link would
    break (the page links only to web addresses, and shows anything else as text)."""
    # urlsplit refuses only a host with a bracket (IPv6) or one outside ASCII that NFKC changes: an ASCII
    # address without brackets, nearly every post's, is spared taking apart (each is new to its cache).
    if source_url.isascii() and "[" not in source_url and "]" not in source_url:
        return source_url
    try:
        urlsplit(source_url.strip())
    except ValueError:
        return ""
    return source_url


@dataclass
class Resolver:
    """Resolves the URLs of one body for the page at `page`; counts what it could not. Without `known`,
    where the body came from is not known, and URLs relative to it are left as they are."""

    base: str | None
    known: bool
    pages: Mapping[str, str]
    page: str
    unresolved: int = 0
    linker: urls.Linker = field(init=False, repr=False)

    def __post_init__(self) -> None:
        self.linker = urls.Linker(self.page)

    def target(self, url: str, loads: bool) -> str | None:
        """What `url` becomes in the page: itself, resolved and maybe made local; None when it cannot work."""
        plain = plain_key(url)
        if plain is None:
            return self.any_target(url, loads)
        if loads:
            return url
        page = self.page_of(plain[0])
        if page is None:
            return self.mirrored_image(url) or url
        return self.link_to(page, plain[1]) or url

    def any_target(self, url: str, loads: bool) -> str | None:
        """target() for any URL, by taking it apart."""
        bare = url.strip(URL_SPACE)
        if bare.startswith("#"):  # a place in this page (settled later), or, for an image, nothing to show
            return None if loads else url
        if not bare:
            return url
        try:
            parts = urlsplit(bare)
        except ValueError:
            return None
        if parts.scheme and parts.scheme not in WEB_SCHEMES:
            return url  # mail, inline data, and what the sanitizer refuses
        if not parts.scheme and parts.netloc:  # `//host/x`: remote already, on the reader's scheme
            return url if loads else self.local(bare) or url
        if not parts.scheme:
            if not self.known:
                return url
            page = None if loads else self.site_page(parts.path)
            if page is not None:
                return self.link_to(page, parts.fragment)
            if self.base is None:
                # A post of a crawl without a host may still link to another post of it (see source_key).
                found = None if loads else self.local(bare)
                self.unresolved += found is None
                return found
            bare = urljoin(self.base, bare)
        return bare if loads else self.local(bare) or self.mirrored_image(bare) or bare

    def site_page(self, path: str) -> str | None:
        """The page of the site that a relative `path` leads to from this page (a hand-written link), or None."""
        if not path.endswith(urls.INDEX) or path.startswith("/"):
            return None
        target = normpath(join(dirname(self.page), unquote(path)))
        return None if target.startswith("../") else self.pages.get(page_key(target))

    def local(self, url: str) -> str | None:
        """The relative link to a mirrored post's page, or None when `url` is not one."""
        key = source_key(url)
        target = self.page_of(key) if key is not None else None
        return None if target is None else self.link_to(target, urlsplit(url).fragment)

    def mirrored_image(self, url: str) -> str | None:
        """The relative link to the local copy of the mirrored image at `url`, or None. Posts link an image to
        its full size, often the very file they show: offline, the link opens the copy the page shows."""
        # Only links that name an image file are looked up, so that the other links record no more lookups in
        # the build cache.
        if not names_image(url):
            return None
        found = self.pages.get(media_key(url))
        return None if found is None else self.linker(media_path(found))

    def page_of(self, key: str) -> str | None:
        """The page a URL's key leads to: a post's, or a term's (a subcategory's by its own slug), or the post
        WordPress guesses from the path's last part."""
        page = self.pages.get(key)
        if page is None and "/category/" in key:
            other = archive_key(key)
            page = self.pages.get(other) if other is not None else None
        if page is None:
            guess = guess_key(key)
            page = self.pages.get(guess) if guess is not None else None
        return page

    def link_to(self, target: str, fragment: str) -> str:
        """The link to the page at `target`; a fragment is kept only within this page (see the module's
        docstring)."""
        if target == self.page and fragment:
            return f"#{fragment}"
        return self.linker(target)

    def html(self, html: str) -> str:
        """Raw HTML with the URL of every tag resolved; a URL that cannot work is left out."""
        if not MAYBE_URL_ATTRIBUTE.search(html):
            return html
        scan = _TagScan(self, html)
        scan.feed(html)
        scan.close()
        pieces, done = [], 0
        for start, end, replacement in scan.edits:
            pieces += [html[done:start], replacement]
            done = end
        return "".join(pieces) + html[done:]


def resolve_links(state: StateCore) -> None:
    """Core rule: resolve every link and image of the body (see the module's docstring)."""
    env = state.env
    resolver = Resolver(usable_base(env.get("source_url")), env.get("source_url") is not None,
                        env.get("local_pages") or {}, env["page"])
    for block in state.tokens:
        if block.type == "html_block":
            block.content = resolver.html(block.content)
        children = block.children or []
        for i, child in enumerate(children):
            if child.type == "link_open":
                _resolve_link(resolver, child)
            elif child.type == "image":
                children[i] = _resolve_image(resolver, child, env["words"])
            elif child.type == "html_inline":
                child.content = resolver.html(child.content)
    state.env["unresolved_links"] = resolver.unresolved


def _resolve_link(resolver: Resolver, token: Token) -> None:
    href = str(token.attrGet("href") or "")
    target = resolver.target(href, loads=False)
    if target is None:
        token.attrs.pop("href", None)  # an <a> without href shows its text as text
    elif target != href:
        token.attrSet("href", target)


def _resolve_image(resolver: Resolver, token: Token, words: Words) -> Token:
    src = str(token.attrGet("src") or "")
    target = resolver.target(src, loads=True)
    if target is not None:
        token.attrSet("src", target)
        return token
    description = "".join(child.content for child in token.children or ()) or str(token.attrGet("title") or "")
    from markdown_it.token import Token
    shown = Token("html_inline", "", 0)
    shown.content = f'<span class="remote-media">{escape(words.described("image", description))}</span>'
    return shown


class _TagScan(HTMLParser):
    """Finds the start tags whose URLs change, so everything else in the HTML stays byte for byte."""

    def __init__(self, resolver: Resolver, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.resolver = resolver
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.edits: list[tuple[int, int, str]] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        names = URL_ATTRIBUTES.get(tag, ())
        if not any(name in names for name, _ in attrs):
            return
        kept, changed = [], False
        for name, value in attrs:
            new = self._value(name, value) if name in names and value is not None else value
            changed = changed or new != value
            if new is not None or value is None:
                kept.append(f" {name}" if new is None else f' {name}="{escape(new)}"')
        if changed:
            line, column = self.getpos()
            start = self.line_starts[line - 1] + column
            self.edits.append((start, start + len(self.get_starttag_text() or ""), f"<{tag}{''.join(kept)}>"))

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)

    def _value(self, name: str, value: str) -> str | None:
        loads = name not in LINK_ATTRIBUTES
        if name != "srcset":
            return self.resolver.target(value, loads)
        candidates = []
        for candidate in filter(str.strip, value.split(",")):
            url, *size = candidate.split()
            target = self.resolver.target(url, loads)
            if target is None:
                return None
            candidates.append(" ".join([target, *size]))
        return ", ".join(candidates)


def settle_fragments(html: str) -> str:
    """Sanitized body HTML in which every link within the page leads to an id the body has; any other is
    shown as its text, as is a link that no check could follow (not a URL, or starting with '/')."""
    if "<a " not in html:
        return html
    ids: set[str] | None = None
    pieces, done = [], 0
    for anchor in ANCHOR.finditer(html):
        attributes = anchor.group(1)
        href = next((value for name, value in ATTRIBUTE.findall(attributes) if name == "href"), None)
        if not href:
            continue
        url = unescape(href)
        fragment = same_page_fragment(url)
        if fragment is None:
            continue
        if fragment:
            ids = ids if ids is not None else {unescape(found) for found in ID.findall(html)}
            if fragment in ids:
                continue
        kept = "".join(m.group(0) for m in ATTRIBUTE.finditer(attributes) if m.group(1) != "href")
        pieces += [html[done:anchor.start()], f"<a{kept}>"]
        done = anchor.end()
    return "".join(pieces) + html[done:] if pieces else html


def same_page_fragment(url: str) -> str | None:
    """The fragment that `url` needs on this page ('' for a link that cannot work anywhere), or None when
    it needs nothing of this page."""
    # Only a URL that starts as a path, a query or a fragment (after what urlsplit strips) needs anything,
    # or one that urlsplit refuses, for brackets or a host outside ASCII. Most links are neither.
    if url[:1] not in IN_PAGE_STARTS and url[:1] > " " and "[" not in url and "]" not in url and url.isascii():
        return None
    return fragment_needed(url)


def fragment_needed(url: str) -> str | None:
    """same_page_fragment, by taking `url` apart."""
    try:
        parts = urlsplit(url)
    except ValueError:
        return ""
    if url.startswith("/") and not url.startswith("//"):
        return ""
    if parts.scheme or url.startswith("//") or parts.path or not parts.fragment:
        return None
    return unquote(parts.fragment)
