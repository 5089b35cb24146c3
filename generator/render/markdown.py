"""Markdown to HTML with markdown-it-py: CommonMark plus tables, heading ids, Pygments, links to
mirrored posts made local, and remote media kept off the page."""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape

from markdown_it import MarkdownIt
from markdown_it.rules_core import StateCore
from mdit_py_plugins.footnote import footnote_plugin
from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

from generator.render.local_links import local_links
from generator.render.remote_media import render_html_block, render_html_inline, render_image

# `## Title {#id}` keeps the id a heading had in the source, so fragment links still land.
HEADING_ID = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
NOT_SLUG = re.compile(r"[^\w\s-]")
SLUG_GAPS = re.compile(r"[\s_-]+")
# Ids the page templates use themselves; a heading never takes one of them.
RESERVED_IDS = frozenset({"main", "toc", "toc-title", "top", "related-title"})
CODE_FORMATTER = HtmlFormatter(nowrap=True)
# Pygments styles for the light and the dark colour scheme; both keep every token at WCAG AA contrast.
CODE_STYLES = ("default", "monokai")


@dataclass(frozen=True)
class Heading:
    level: int
    id: str
    text: str


@dataclass(frozen=True)
class RenderedBody:
    html: str
    headings: tuple[Heading, ...]


def slugify(text: str) -> str:
    """WordPress-like heading slugs: `China’s Backbone` -> `chinas-backbone`; other scripts are kept."""
    text = unicodedata.normalize("NFKC", text).casefold()
    return SLUG_GAPS.sub("-", NOT_SLUG.sub("", text)).strip("-")


def highlight_code(code: str, language: str, _attrs: object) -> str:
    """Pygments markup for fenced code with a known language; '' lets markdown-it escape it plainly."""
    try:
        lexer = get_lexer_by_name(language) if language else None
    except ClassNotFound:
        lexer = None
    if lexer is None:
        return ""
    body = pygments_highlight(code, lexer, CODE_FORMATTER)
    return f'<pre class="highlight"><code class="language-{escape(language)}">{body}</code></pre>'


def heading_ids(state: StateCore) -> None:
    """Give every heading a unique id (its source id, else a slug) and list the headings in env."""
    used = set(RESERVED_IDS)
    headings = []
    tokens = state.tokens
    for i, token in enumerate(tokens):
        if token.type != "heading_open":
            continue
        inline = tokens[i + 1]
        wanted = _take_id_attribute(inline)
        text = "".join(c.content for c in inline.children or () if c.type in ("text", "code_inline"))
        ident = _unique(wanted or slugify(text) or "section", used)
        token.attrSet("id", ident)
        headings.append(Heading(int(token.tag[1]), ident, text.strip()))
    state.env["headings"] = tuple(headings)


def _take_id_attribute(inline) -> str | None:
    children = inline.children or []
    if not children or children[-1].type != "text":
        return None
    match = HEADING_ID.search(children[-1].content)
    if not match:
        return None
    children[-1].content = children[-1].content[: match.start()]
    return match.group(1)


def _unique(ident: str, used: set[str]) -> str:
    candidate, n = ident, 1
    while candidate in used:
        n += 1
        candidate = f"{ident}-{n}"
    used.add(candidate)
    return candidate


class MarkdownRenderer:
    """One configured parser, reused for every post.

    `local_pages` maps normalised original URLs to page paths (see local_links); a body rendered for
    the page at `page` links to those pages relatively.
    """

    def __init__(self, local_pages: Mapping[str, str] | None = None) -> None:
        self.local_pages = local_pages or {}
        self.md = (MarkdownIt("commonmark", {"html": True, "highlight": highlight_code})
                   .enable(["table", "strikethrough"])
                   .use(footnote_plugin))
        self.md.core.ruler.push("heading_ids", heading_ids)
        self.md.core.ruler.push("local_links", local_links)
        self.md.add_render_rule("image", render_image)
        self.md.add_render_rule("html_block", render_html_block)
        self.md.add_render_rule("html_inline", render_html_inline)

    def render(self, markdown: str, page: str = "index.html") -> RenderedBody:
        env: dict = {"page": page, "local_pages": self.local_pages}
        html = self.md.render(markdown, env)
        return RenderedBody(html, env.get("headings", ()))


def code_css() -> str:
    """Pygments colours for light and dark schemes; pages pick one by prefers-color-scheme."""
    light, dark = (HtmlFormatter(style=style).get_style_defs(".highlight") for style in CODE_STYLES)
    indented = "\n".join("  " + line for line in dark.splitlines())
    return f"{light}\n@media (prefers-color-scheme: dark) {{\n{indented}\n}}\n"
