"""Remote media kept off the page: what would load from the network becomes a visible link.

The mirror reads offline, so an image, frame, video or script from another site must not load. A
Markdown image with a remote address renders as a placeholder naming it, with a link to the
original. Raw HTML in a post is rewritten only where a tag would load something remote.

An image mirrored into content/media/ (generator/media_mirror.py) shows from its local copy instead: the
mapping in env["local_pages"] also holds `media_key(url)` -> `media_value(...)` for every mirrored URL, so
the lookups of a body are recorded with its links (output/rendering.py), and its page is made again exactly
when one of the images it shows is mirrored, or changes.

This runs while markdown-it renders, before the sanitizer (render/sanitize.py), which then drops
whatever this leaves that is not on its allowlist, and any remote image source this did not see.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Mapping, Sequence
from html import escape, unescape
from html.parser import HTMLParser
from typing import TYPE_CHECKING, Any

from generator import urls
from generator.language.words import Words

if TYPE_CHECKING:  # markdown-it-py is imported only by the reference parser that calls these rules
    from markdown_it.rules_core import StateCore
    from markdown_it.token import Token

REMOTE = re.compile(r"\s*(https?:)?//", re.IGNORECASE)
WEB = re.compile(r"https?://", re.IGNORECASE)  # what the mirror downloads; `//host/x` is left remote
CSS_REMOTE = re.compile(r"url\(\s*['\"]?\s*(https?:)?//", re.IGNORECASE)
# Tag -> attributes whose URL the browser fetches to show the page.
LOADING = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
           "iframe": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",), "input": ("src",),
           "script": ("src",), "link": ("href",)}
# Tag -> the word (language/words.py) that names what a placeholder stands for.
KINDS = {"img": "image", "source": "media", "video": "video", "audio": "audio", "iframe": "embedded_page",
         "embed": "embedded_content", "object": "embedded_content", "input": "image"}
# Their own content would stay hidden inside them, so they are unwrapped and their sources shown.
CONTAINERS = frozenset({"video", "audio", "picture", "object"})
MAYBE_AFFECTED = re.compile(r"//|<\s*/?\s*(video|audio|picture|object)\b", re.IGNORECASE)
MAYBE_ANCHOR = re.compile(r"</?a[\s/>]", re.IGNORECASE)
# Where a link's content ends: its `</a>`, or the next `<a`, before which a browser closes a link left open
# (and a search to the end for each of many unclosed links took quadratic time).
ANCHOR_END = re.compile(r"</a\s*>|<a\b", re.IGNORECASE)
ANY_TAG = re.compile(r"<[^>]*>")
# Nothing a reader would miss: these are dropped without a placeholder.
SILENT = frozenset({"script", "link", "track"})


# Mirrored images are looked up in the local pages' mapping under keys no post URL can have (see
# local_links.source_key: those start with a host name, which never holds '/').
MEDIA_KEY = "/media "
MEDIA_FOLDER = "media"


def is_remote(url: str) -> bool:
    return bool(REMOTE.match(url))


def media_key(url: str) -> str:
    return MEDIA_KEY + url.strip()


def media_value(file: str, width: int, height: int) -> str:
    """What a page shows of a mirrored image, as one string (the lookups' values are strings)."""
    return f"{width} {height} {MEDIA_FOLDER}/{file}"


def media_path(value: str) -> str:
    """The site path of a mirrored image's file, from its media_value."""
    return value.split(" ", 2)[2]


def mirrored(pages: Mapping[str, str] | None, candidates: Iterable[str]) -> str | None:
    """The media_value of the first candidate URL that is mirrored, or None."""
    if not pages:
        return None
    for url in candidates:
        found = pages.get(media_key(url))
        if found is not None:
            return found
    return None


def local_image(value: str, page: str, alt: str, title: str = "") -> str:
    """The <img> of a mirrored image, its src relative to `page`, with its size so the page does not jump."""
    width, height, path = value.split(" ", 2)
    extra = f' title="{escape(title)}"' if title else ""
    return (f'<img src="{escape(urls.relative(page, path))}" alt="{escape(alt)}"{extra} width="{width}" '
            f'height="{height}" loading="lazy" decoding="async">')


def linked_alt(alt: str, title: str, words: Words, names_link: bool) -> str:
    """The alt text of a mirrored image: its own, or, when it is all that could name the link it is in (the link
    has no words of its own), the word for an image (with its title). WordPress writes `alt=""` on images that open
    their full size, and such an image is mostly the link's only content, so a screen reader would announce a link
    with no name (axe's link-name, serious). In a link with words, the word would only be read out before them."""
    if alt.strip() or not names_link:
        return alt
    return words.described("image", title)


def srcset_candidates(srcset: str) -> list[tuple[str, int | None]]:
    """(URL, width) of each candidate; width None for a density (`2x`) or no descriptor."""
    found = []
    for part in srcset.split(","):
        words = part.split()
        if words:
            descriptor = words[1] if len(words) > 1 else ""
            width = int(descriptor[:-1]) if descriptor[:-1].isdigit() and descriptor.endswith("w") else None
            found.append((words[0], width))
    return found


def image_candidates(src: str, srcset: str) -> list[str]:
    """The URLs an <img> may show, in the order its local copy is sought: srcset widths largest first, then
    src. The mirror downloads one of them (best_source), so the first mirrored one is the one it chose."""
    widths = sorted((c for c in srcset_candidates(srcset) if c[1] is not None), key=lambda c: -c[1])
    return list(dict.fromkeys([url for url, _ in widths] + ([src.strip()] if src.strip() else [])))


def best_source(src: str, srcset: str, max_width: int) -> str:
    """What to mirror of an <img>: its largest srcset candidate no wider than `max_width`, else its src."""
    fitting = [c for c in srcset_candidates(srcset) if c[1] is not None and c[1] <= max_width]
    if fitting:
        return max(fitting, key=lambda c: c[1])[0]
    return src.strip() or next((url for url, _ in srcset_candidates(srcset)), "")


def placeholder(kind: str, label: str, url: str, words: Words, linked: bool = True) -> str:
    """What stands for remote media: its kind (a word's key) and label, and a link to it where links may be."""
    link = f' — <a href="{escape(url)}">{escape(words.open_original)}</a>' if linked else ""
    return f'<span class="remote-media">{escape(words.described(kind, label))}{link}</span>'


def mark_images_in_links(state: StateCore) -> None:
    """Core rule: note on each image and inline HTML token whether it sits inside a link, in one pass,
    as a placeholder inside a link must not hold a link of its own; and on an image, whether it is all that could
    name that link (the link holds no words of its own)."""
    for block in state.tokens:
        depth, named = 0, False
        children = block.children or ()
        for i, token in enumerate(children):
            if token.type in ("image", "html_inline"):
                token.meta["inside_link"] = depth > 0
            if token.type == "image":
                token.meta["names_link"] = depth > 0 and not named
            if token.type == "link_open":
                depth += 1
                named = _link_has_text(children, i + 1)
            elif token.type == "link_close":
                depth -= 1
            elif token.type == "html_inline" and MAYBE_ANCHOR.search(token.content):
                depth += _anchor_balance(token.content)


def has_words(html: str) -> bool:
    """Whether a link's HTML holds words of its own, beside its images: they name it."""
    return bool(unescape(ANY_TAG.sub("", html)).strip())


def _link_has_text(children: Sequence[Token], start: int) -> bool:
    """Whether the link whose content starts at `start` holds words of its own (links never nest). (By index:
    a slice would copy the rest of the block's tokens for every link, quadratic in a block of many links.)"""
    for token in map(children.__getitem__, range(start, len(children))):
        if token.type == "link_close":
            return False
        if token.type in ("text", "code_inline") and token.content.strip():
            return True
    return False


def render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """Renderer rule for Markdown images: a remote one becomes a placeholder; a link cannot nest in a link."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if not is_remote(src):
        return self.image(tokens, idx, options, env)
    alt = self.renderInlineAsText(token.children, options, env) if token.children else ""
    title = str(token.attrGet("title") or "")
    found = mirrored(env.get("local_pages"), [src])
    if found is not None:
        names_link = token.meta.get("names_link", False)
        return local_image(found, env["page"], linked_alt(alt, title, env["words"], names_link), title)
    return placeholder("image", alt or title, src, env["words"], linked=not token.meta.get("inside_link", False))


def render_html_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return neutralise_remote_html(tokens[idx].content, env["words"], media=env.get("local_pages"),
                                  page=env.get("page", ""))


def render_html_inline(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    html = tokens[idx].content
    if not MAYBE_AFFECTED.search(html):
        return html
    inside_link = tokens[idx].meta.get("inside_link", False)
    return neutralise_remote_html(html, env["words"], inside_link, env.get("local_pages"), env.get("page", ""))


def neutralise_remote_html(html: str, words: Words, inside_link: bool = False, media: Mapping[str, str] | None = None,
                           page: str = "") -> str:
    """`html` with every tag that would load a remote URL replaced by a placeholder (or dropped); an <img>
    whose image is mirrored (in `media`, see module docstring) by its local copy."""
    if not MAYBE_AFFECTED.search(html):
        return html
    scan = _Scan(html, inside_link, words, media, page)
    scan.feed(html)
    scan.close()
    pieces, done = [], 0
    for start, end, replacement in sorted(scan.edits):
        if start < done:  # an end tag found inside a span already replaced
            continue
        pieces += [html[done:start], replacement]
        done = end
    return "".join(pieces) + html[done:]


def _anchor_balance(html: str) -> int:
    scan = _Scan(html, False, None)
    scan.feed(html)
    scan.close()
    return scan.anchors


class _Scan(HTMLParser):
    """Finds the spans of tags to replace, so everything else in the HTML stays byte for byte."""

    def __init__(self, html: str, inside_link: bool, words: Words | None, media: Mapping[str, str] | None = None,
                 page: str = "") -> None:
        """`words` name the placeholders; None for a scan that makes none (_anchor_balance)."""
        super().__init__(convert_charrefs=True)
        self.html, self.words, self.media, self.page = html, words, media, page
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.anchors = 1 if inside_link else 0
        self.named = False  # whether the link last opened has words of its own (links never nest)
        self.edits: list[tuple[int, int, str]] = []
        self.replaced: list[str] = []  # tags whose end tag goes with the start tag that was replaced
        self.containers: list[str] = []  # a <source> shows as the video or audio it is in

    def _here(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._here()
        end = start + len(self.get_starttag_text() or "")
        values = {name: value or "" for name, value in attrs}
        remote = [url for attr in LOADING.get(tag, ()) for url in _urls(attr, values.get(attr, "")) if is_remote(url)]
        if remote:
            self.edits.append((start, end, self._placeholder(tag, values, remote[0])))
            if tag in ("iframe", "script"):
                self.replaced.append(tag)
        elif tag in CONTAINERS:
            self.edits.append((start, end, ""))
        elif CSS_REMOTE.search(values.get("style", "")):
            kept = "".join(f' {name}="{escape(value or "")}"' for name, value in attrs if name != "style")
            self.edits.append((start, end, f"<{tag}{kept}>"))
        if tag in CONTAINERS:
            self.containers.append(tag)
        if tag == "a":
            self.anchors += 1
            close = ANCHOR_END.search(self.html, end)
            self.named = has_words(self.html[end:close.start() if close else len(self.html)])

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.handle_starttag(tag, attrs)
        if tag == "a":
            self.anchors -= 1

    def handle_endtag(self, tag: str) -> None:
        if tag == "a":
            self.anchors -= 1
        if tag in CONTAINERS or tag in self.replaced:
            for open_tags in (self.replaced, self.containers):
                if tag in open_tags:
                    open_tags.remove(tag)
            start = self._here()
            self.edits.append((start, self.html.index(">", start) + 1, ""))

    def _placeholder(self, tag: str, values: dict[str, str], url: str) -> str:
        if tag in SILENT or self.words is None:
            return ""
        if tag == "img":
            found = mirrored(self.media, image_candidates(values.get("src", ""), values.get("srcset", "")))
            if found is not None:
                title = values.get("title", "")
                alt = linked_alt(values.get("alt", ""), title, self.words, self.anchors > 0 and not self.named)
                return local_image(found, self.page, alt, title)
        label = values.get("alt") or values.get("title") or values.get("aria-label") or ""
        kind = KINDS.get(self.containers[-1] if tag == "source" and self.containers else tag, "media")
        return placeholder(kind, label, url.strip(), self.words, linked=self.anchors <= 0)


def _urls(attr: str, value: str) -> list[str]:
    if attr != "srcset":
        return [value] if value else []
    return [part.split()[0] for part in value.split(",") if part.strip()]


def body_images(tokens: Sequence[Token], max_width: int) -> list[str]:
    """The remote http(s) images a parsed body shows, each as the URL to mirror (best_source), in order:
    Markdown images, in links too, and <img> tags in raw HTML (figures, galleries)."""
    found: list[str] = []
    for token in tokens:
        if token.type == "html_block":
            found += _html_images(token.content, max_width)
        for child in token.children or ():
            if child.type == "image":
                found.append(str(child.attrGet("src") or ""))
            elif child.type == "html_inline" and "//" in child.content:
                found += _html_images(child.content, max_width)
    return [url for url in dict.fromkeys(u.strip() for u in found) if WEB.match(url)]


def _html_images(html: str, max_width: int) -> list[str]:
    images = _Images(max_width)
    images.feed(html)
    images.close()
    return images.found


class _Images(HTMLParser):
    def __init__(self, max_width: int) -> None:
        super().__init__(convert_charrefs=True)
        self.max_width = max_width
        self.found: list[str] = []

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if tag == "img":
            values = {name: value or "" for name, value in attrs}
            self.found.append(best_source(values.get("src", ""), values.get("srcset", ""), self.max_width))
