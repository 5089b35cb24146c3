"""Remote media kept off the page: what would load from the network becomes a visible link.

The mirror reads offline, so an image, frame, video or script from another site must not load. A
Markdown image with a remote address renders as a placeholder naming it, with a link to the
original. Raw HTML in a post is rewritten only where a tag would load something remote.

This runs while markdown-it renders, before the sanitizer (render/sanitize.py), which then drops
whatever this leaves that is not on its allowlist, and any remote image source this did not see.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from html import escape
from html.parser import HTMLParser
from typing import Any

from markdown_it.rules_core import StateCore
from markdown_it.token import Token

REMOTE = re.compile(r"\s*(https?:)?//", re.IGNORECASE)
CSS_REMOTE = re.compile(r"url\(\s*['\"]?\s*(https?:)?//", re.IGNORECASE)
# Tag -> attributes whose URL the browser fetches to show the page.
LOADING = {"img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"), "audio": ("src",),
           "iframe": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",), "input": ("src",),
           "script": ("src",), "link": ("href",)}
KINDS = {"img": "Image", "source": "Media", "video": "Video", "audio": "Audio", "iframe": "Embedded page",
         "embed": "Embedded content", "object": "Embedded content", "input": "Image"}
# Their own content would stay hidden inside them, so they are unwrapped and their sources shown.
CONTAINERS = frozenset({"video", "audio", "picture", "object"})
MAYBE_AFFECTED = re.compile(r"//|<\s*/?\s*(video|audio|picture|object)\b", re.IGNORECASE)
MAYBE_ANCHOR = re.compile(r"</?a[\s/>]", re.IGNORECASE)
# Nothing a reader would miss: these are dropped without a placeholder.
SILENT = frozenset({"script", "link", "track"})


def is_remote(url: str) -> bool:
    return bool(REMOTE.match(url))


def placeholder(kind: str, label: str, url: str, linked: bool = True) -> str:
    text = escape(f"{kind}: {label}" if label.strip() else kind)
    link = f' — <a href="{escape(url)}">open original</a>' if linked else ""
    return f'<span class="remote-media">{text}{link}</span>'


def mark_images_in_links(state: StateCore) -> None:
    """Core rule: note on each image and inline HTML token whether it sits inside a link, in one pass,
    as a placeholder inside a link must not hold a link of its own."""
    for block in state.tokens:
        depth = 0
        for token in block.children or ():
            if token.type in ("image", "html_inline"):
                token.meta["inside_link"] = depth > 0
            if token.type == "link_open":
                depth += 1
            elif token.type == "link_close":
                depth -= 1
            elif token.type == "html_inline" and MAYBE_ANCHOR.search(token.content):
                depth += _anchor_balance(token.content)


def render_image(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    """Renderer rule for Markdown images: a remote one becomes a placeholder; a link cannot nest in a link."""
    token = tokens[idx]
    src = str(token.attrGet("src") or "")
    if not is_remote(src):
        return self.image(tokens, idx, options, env)
    alt = self.renderInlineAsText(token.children, options, env) if token.children else ""
    label = alt or str(token.attrGet("title") or "")
    return placeholder("Image", label, src, linked=not token.meta.get("inside_link", False))


def render_html_block(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    return neutralise_remote_html(tokens[idx].content)


def render_html_inline(self: Any, tokens: Sequence[Token], idx: int, options: Any, env: Any) -> str:
    html = tokens[idx].content
    inside_link = tokens[idx].meta.get("inside_link", False)
    return neutralise_remote_html(html, inside_link) if MAYBE_AFFECTED.search(html) else html


def neutralise_remote_html(html: str, inside_link: bool = False) -> str:
    """`html` with every tag that would load a remote URL replaced by a placeholder (or dropped)."""
    if not MAYBE_AFFECTED.search(html):
        return html
    scan = _Scan(html, inside_link)
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
    scan = _Scan(html, False)
    scan.feed(html)
    scan.close()
    return scan.anchors


class _Scan(HTMLParser):
    """Finds the spans of tags to replace, so everything else in the HTML stays byte for byte."""

    def __init__(self, html: str, inside_link: bool) -> None:
        super().__init__(convert_charrefs=True)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.anchors = 1 if inside_link else 0
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
        if tag in SILENT:
            return ""
        label = values.get("alt") or values.get("title") or values.get("aria-label") or ""
        kind = KINDS.get(self.containers[-1] if tag == "source" and self.containers else tag, "Media")
        return placeholder(kind, label, url.strip(), linked=self.anchors <= 0)


def _urls(attr: str, value: str) -> list[str]:
    if attr != "srcset":
        return [value] if value else []
    return [part.split()[0] for part in value.split(",") if part.strip()]
