"""A compiled CommonMark engine for the bodies it renders exactly as the reference does.

markdown-it-py (render/markdown.py) is the reference: its parse is most of a build's time. markdown-it-pyrs,
the Rust port of the same parser, parses and renders the same body about ten times faster, but runs no
Python rules. So its HTML goes through a pass here that does what markdown.py's rules do on tokens: heading
ids and the list of headings, links and images resolved and made local (offline_links.Resolver), remote
images as placeholders (remote_media), pipe-table alignment as `align`, and fenced code through Pygments.

The pass reads the engine's own output, whose shape is fixed: it is exact only while the body holds no raw
HTML, autolink or footnote, and no nesting near the reference's limit. `fast_html` returns None for any
other body, and for any body the engine refuses, and the caller then uses the reference. A differential
test (tests/test_engine_differential.py) holds the two equal, after sanitizing, over every sample, every
conversion case and a generated corpus.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from html import unescape

from generator.render.offline_links import Resolver, usable_base
from generator.render.remote_media import is_remote, local_image, mirrored, placeholder

try:  # optional: without it, every body takes the reference's path
    from markdown_it_pyrs import MarkdownIt as _Compiled
except ImportError:  # pragma: no cover - depends on the machine
    _Compiled = None

# What only the reference handles: raw HTML and autolinks (`<`), footnotes (`[^`), NUL (which it replaces),
# and runs of container or bracket marks that may reach its nesting limit (MAX_NESTING), where it leaves
# the rest of a block out.
NOT_FAST = ("<", "[^", "\x00")
DEEP_RUN = 16  # marks in a row; far below the limit, so the test can be this simple
# Byte tables for spotting such runs at C speed (a regular expression costs a third of a render).
_BRACKETS = bytes.maketrans(b"[*_", b"\x01\x01\x01")
_CONTAINERS = bytes.maketrans(b" \t>*+-0123456789.)", b"\x02" * 18)
HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
HEADING_ID = re.compile(r"\s*\{#([^\s{}]+)\}\s*$")
INLINE = re.compile(r'<a href="([^"]*)"( title="[^"]*")?>|</a>|<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")? />'
                    r'|<t([hd]) style="text-align:(left|center|right)">')
CODE = re.compile(r'<pre><code class="language-([^"]*)">(.*?)</code></pre>\n', re.DOTALL)


class Engine:
    """The compiled parser, configured as the reference is (CommonMark, tables, strikethrough)."""

    def __init__(self) -> None:
        self.md = None if _Compiled is None else _Compiled("commonmark").enable_many(["table", "strikethrough"])

    def fast_html(self, markdown: str, page: str, source_url: str | None, pages: Mapping[str, str],
                  headings: list, unresolved: list[int]) -> str | None:
        """The body's HTML before sanitizing, as the reference renders it, or None (see the module's
        docstring). Appends each heading's (level, id, text) to `headings`, and the count of links that
        could not be resolved to `unresolved`."""
        if self.md is None or any(mark in markdown for mark in NOT_FAST) or _maybe_deep(markdown):
            return None
        try:
            html = self.md.render(markdown)
        except Exception:  # noqa: BLE001 - anything the engine refuses (a lone surrogate) goes to the reference
            return None
        html = HEADING.sub(lambda m: _heading(m, headings), html)
        resolver = Resolver(usable_base(source_url), source_url is not None, pages, page)
        html = _inline(html, resolver, pages, page)
        unresolved.append(resolver.unresolved)
        return CODE.sub(_code, html) if "<pre><code class=" in html else html


def _maybe_deep(markdown: str) -> bool:
    """A run of DEEP_RUN brackets or emphasis marks, or a line that starts with that many container marks
    (quotes, list markers, indentation)."""
    data = b"\n" + markdown.encode("utf-8", "surrogatepass")
    return (b"\x01" * DEEP_RUN in data.translate(_BRACKETS)
            or b"\n" + b"\x02" * DEEP_RUN in data.translate(_CONTAINERS))


def _heading(match: re.Match[str], headings: list) -> str:
    level, inner = match.group(1), match.group(2)
    found = HEADING_ID.search(inner) if not inner.endswith(">") else None
    wanted = None
    if found is not None:
        inner = inner[:found.start()]
        wanted = unescape(found.group(1))
    headings.append((int(level), wanted, unescape(TAG.sub("", inner))))
    return f'<h{level} id="\x00{len(headings) - 1}\x00">{inner}</h{level}>'


def _inline(html: str, resolver: Resolver, pages: Mapping[str, str], page: str) -> str:
    depth = 0

    def replace(match: re.Match[str]) -> str:
        nonlocal depth
        text = match.group()
        if text.startswith("<a "):
            depth += 1
            href = unescape(match.group(1))
            target = resolver.target(href, loads=False)
            title = match.group(2) or ""
            return f"<a{title}>" if target is None else f'<a href="{_attr(target)}"{title}>'
        if text == "</a>":
            depth -= 1
            return text
        if text.startswith("<img"):
            return _image(unescape(match.group(3)), unescape(match.group(4)), unescape(match.group(5) or ""),
                          resolver, pages, page, depth > 0)
        return f'<t{match.group(6)} align="{match.group(7)}">'

    return INLINE.sub(replace, html)


def _image(src: str, alt: str, title: str, resolver: Resolver, pages: Mapping[str, str], page: str,
           inside_link: bool) -> str:
    target = resolver.target(src, loads=True)
    if target is None:
        description = alt or title
        label = f"Image: {description}" if description.strip() else "Image"
        return f'<span class="remote-media">{_attr(label)}</span>'
    if not is_remote(target):
        extra = f' title="{_attr(title)}"' if title else ""
        return f'<img src="{_attr(target)}" alt="{_attr(alt)}"{extra} />'
    found = mirrored(pages, [target])
    if found is not None:
        return local_image(found, page, alt, title)
    return placeholder("Image", alt or title, target, linked=not inside_link)


def _code(match: re.Match[str]) -> str:
    from generator.render.markdown import highlight_code  # markdown.py imports this module
    language = unescape(match.group(1))
    highlighted = highlight_code(unescape(match.group(2)), language, None)
    return highlighted + "\n" if highlighted else match.group()


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
