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

import bisect
import functools
import re
from collections.abc import Mapping
from dataclasses import dataclass
from html import escape, unescape

from generator.language.words import Words
from generator.render.body_code import highlight_code
from generator.render.body_headings import HEADING_ID, Heading, HeadingIds, written_id
from generator.render.offline_links import Resolver, same_page_fragment, usable_base
from generator.render.remote_media import has_words, is_remote, linked_alt, local_image, mirrored, placeholder

try:  # optional: without it, every body takes the reference's path
    from markdown_it_pyrs import MarkdownIt as _Compiled
except ImportError:  # pragma: no cover - depends on the machine
    _Compiled = None

# What only the reference handles: raw HTML and autolinks (`<`), footnotes (`[^`), NUL (which it replaces),
# and runs of container or bracket marks that may reach its nesting limit (MAX_NESTING), where it leaves
# the rest of a block out.
DEEP_RUN = 16  # marks in a row; far below the limit, so the test can be this simple
# A byte table for spotting runs of brackets at C speed (a regular expression would try every byte).
_BRACKETS = bytes.maketrans(b"[*_", b"\x01\x01\x01")
_BRACKET_RUN = b"\x01" * DEEP_RUN
# Container marks at the start of a line, the only place a regular expression looks (and \x02, which an
# earlier byte table counted as one, so the same bodies take the reference).
# `![caught with $2.8m \[Twitter\]](…)`, `![file\_name](…)`, `![Tom &amp; Jerry](…)`: the compiled parser leaves
# escaped marks and character references (and what stands beside them) out of an image's alt text.
_ESCAPE_IN_ALT = re.compile(rb"!\[[^\]\n]*(?:\\|&#?[0-9A-Za-z]+;)")
_CONTAINER_RUN = re.compile(rb"\n[ \t>*+\-0-9.)\x02]{%d}" % DEEP_RUN)
# Link reference definitions one after another cost the engine time growing with their number squared (10,000
# lines of `[a]: /u` take it 2.8 s, the reference 0.2 s); a body with more than this many `]:` takes the reference.
LINK_DEFINITIONS = 1000
# Emphasis marks too: 25,000 runs of `*a* ` take the engine 1.8 s and 50,000 take it 11 s, the reference 0.5 and 1 s.
EMPHASIS_MARKS = 10_000
# A host written in its own script (`https://tutorial.هاكنتوش.com/`): the reference writes it in punycode, as
# browsers send it, while the compiled parser percent-encodes its bytes, as it would a path's.
_NON_ASCII_HOST = re.compile(rb"://[^/?#\s()\[\]<>\\]*[\x80-\xff]")
# markdown-it 0.6's code span scanner panics on a backtick run left open after a `[` (`x [` y`, `[`]`). The
# engine's panic is caught, but Rust prints it, with its backtrace, on the terminal first: so a body where a run
# of backticks has no partner of its length (in the body, a paragraph or a line, outside fenced code, with
# backslash escapes read or not, as a code span does not read them) takes the reference instead. None of 8,000
# real bodies panicked; 19 had such a run.
_FENCE = re.compile(rb"[ \t]{0,3}(`{3,}(?=[^`]*$)|~{3,})")  # a backtick fence's info string holds no backtick
_BLANK_LINE = re.compile(rb"\n[ \t]*\n")
_BACKTICKS = re.compile(rb"`+")
HEADING = re.compile(r"<h([1-6])>(.*?)</h\1>", re.DOTALL)
TAG = re.compile(r"<[^>]*>")
# The engine writes every link and image in exactly these shapes, and every '&', '"', '<' and '>' in a
# value as a character reference.
LINK_OR_IMAGE = re.compile(r'<a href="([^"]*)"( title="[^"]*")?>'
                           r'|<img src="([^"]*)" alt="([^"]*)"(?: title="([^"]*)")? />')
LINK_CLOSE = "</a>"
# The compiled parser percent-encodes the brackets of an IPv6 host (`http://%5B::1%5D/`), which markdown-it and
# browsers keep as they are: encoded, the address is no host.
ENCODED_IPV6_HOST = re.compile(r"^([A-Za-z][A-Za-z0-9+.-]*://(?:[^/?#@]*@)?)%5B([0-9A-Fa-f:.]+)%5D", re.IGNORECASE)
ALIGNED = {f'<t{cell} style="text-align:{side}">': f'<t{cell} align="{side}">'
           for cell in "hd" for side in ("left", "center", "right")}
CODE = re.compile(r'<pre><code class="language-([^"]*)">(.*?)</code></pre>\n', re.DOTALL)


@dataclass(frozen=True)
class FastBody:
    """The engine's HTML before sanitizing, and what the reference's rules would have noted on the way."""

    html: str
    headings: tuple[Heading, ...]
    unresolved: int  # links and images relative to the original site that could not be resolved
    settle: bool  # whether a link may lead within the page, so offline_links.settle_fragments has work


class Engine:
    """The compiled parser, configured as the reference is (CommonMark, tables, strikethrough)."""

    def __init__(self) -> None:
        self.md = None if _Compiled is None else _Compiled("commonmark").enable_many(["table", "strikethrough"])

    def fast_html(self, markdown: str, page: str, source_url: str | None,
                  pages: Mapping[str, str], words: Words) -> FastBody | None:
        """The body as the reference renders it before sanitizing, or None (see the module's docstring)."""
        if self.md is None or _not_fast(markdown):
            return None
        try:
            html = self.md.render(markdown)
        except Exception:  # noqa: BLE001 - anything the engine refuses (a lone surrogate) goes to the reference
            return None
        except BaseException as error:  # noqa: BLE001 - a panic in the engine, which pyo3 raises as no Exception
            # ('[Ë_`Ãâ|…', mojibake with a backtick, made markdown-it 0.6's code span scanner index past its end)
            if isinstance(error, (KeyboardInterrupt, SystemExit, GeneratorExit)):
                raise
            return None
        html, headings = _headings(html)
        resolver = Resolver(usable_base(source_url), source_url is not None, pages, page)
        html, settle = _inline(html, resolver, pages, page, words)
        if 'style="text-align:' in html:
            for styled, aligned in ALIGNED.items():
                html = html.replace(styled, aligned)
        if "<pre><code class=" in html:
            html = CODE.sub(_code, html)
        return FastBody(html, headings, resolver.unresolved, settle)


def _not_fast(markdown: str) -> bool:
    """Whether the body holds what only the reference handles: raw HTML or an autolink (`<`), a footnote
    (`[^`, sought only where a `^` is, as that is rare), NUL (which it replaces), a run of DEEP_RUN brackets
    or emphasis marks, a line that starts with that many container marks (quotes, list markers,
    indentation), many link reference definitions or emphasis marks (see LINK_DEFINITIONS), an image whose
    alt text holds an escape or a character reference, which the engine drops, a web address whose host is
    not ASCII, or a backtick run the engine may panic on. All on its UTF-8 bytes, where each search is several
    times faster than in the text."""
    data = b"\n" + markdown.encode("utf-8", "surrogatepass")
    return (b"<" in data or (b"^" in data and b"[^" in data) or b"\x00" in data
            or (b"]:" in data and data.count(b"]:") > LINK_DEFINITIONS)  # (most bodies hold none: one search)
            or (len(data) > EMPHASIS_MARKS  # (no shorter body holds that many: three counts spared)
                and data.count(b"*") + data.count(b"_") + data.count(b"~") > EMPHASIS_MARKS)
            or _BRACKET_RUN in data.translate(_BRACKETS) or _CONTAINER_RUN.search(data) is not None
            or ((b"\\" in data or b"&" in data) and b"!" in data and _ESCAPE_IN_ALT.search(data) is not None)
            or (not data.isascii() and _NON_ASCII_HOST.search(data) is not None)
            or (b"`" in data and b"[" in data and _open_code_mark(data)))


def _open_code_mark(data: bytes) -> bool:
    """Whether a run of backticks may be left open where the engine would panic on it (see _FENCE)."""
    data = b"\n".join(_outside_fences(data.split(b"\n")))
    if b"`" not in data or b"[" not in data:
        return False
    return any(_unpaired(part) for text in {data, data.replace(b"\\\\", b"").replace(b"\\`", b"")}
               for part in (text, *text.split(b"\n"), *_BLANK_LINE.split(text)))


def _outside_fences(lines: list[bytes]) -> list[bytes]:
    """The lines that are not fenced code, whose backticks are its text. Line by line, as a pattern seeking
    each fence's end would search the rest of the body again from every fence left open."""
    kept, fence = [], b""
    for line in lines:
        found = _FENCE.match(line)
        if not fence:
            if found is None:
                kept.append(line)
            else:
                fence = found.group(1)
        elif found is not None and found.group(1)[0] == fence[0] and len(found.group(1)) >= len(fence) \
                and not line[found.end():].strip():
            fence = b""
    return kept


def _unpaired(text: bytes) -> bool:
    """Whether a run of backticks opens a code span that no later run of its length closes (the runs between
    two partners are the span's text)."""
    lengths = [len(run) for run in _BACKTICKS.findall(text)]
    places: dict[int, list[int]] = {}
    for i, length in enumerate(lengths):
        places.setdefault(length, []).append(i)
    i = 0
    while i < len(lengths):
        later = places[lengths[i]]
        partner = bisect.bisect_right(later, i)
        if partner == len(later):
            return True
        i = later[partner] + 1
    return False


def _headings(html: str) -> tuple[str, tuple[Heading, ...]]:
    """Each heading with its id, and the headings; ids are named in document order, as the reference's core
    rule names them."""
    ids, headings, pieces, done = HeadingIds(), [], [], 0
    for match in HEADING.finditer(html):
        level = match.group(1)
        inner, wanted, text = _heading_parts(match.group(2))
        heading = ids.name(int(level), wanted, text)
        headings.append(heading)
        pieces += [html[done:match.start()], f'<h{level} id="{escape(heading.id)}">{inner}</h{level}>']
        done = match.end()
    pieces.append(html[done:])
    return "".join(pieces), tuple(headings)


@functools.lru_cache(maxsize=4096)
def _heading_parts(inner: str) -> tuple[str, str | None, str]:
    """A heading's HTML without its `{#id}`, the id that asks for (written_id), and its text. Remembered:
    sections of news sites recur (Background, What's next)."""
    found = HEADING_ID.search(inner) if not inner.endswith(">") else None
    wanted = None
    if found is not None:
        inner = inner[:found.start()]
        wanted = written_id(unescape(found.group(1)))
    return inner, wanted, unescape(TAG.sub("", inner))


def _inline(html: str, resolver: Resolver, pages: Mapping[str, str], page: str, words: Words) -> tuple[str, bool]:
    """Every link and image resolved (see the module's docstring); and whether a link leads within the page."""
    pieces, done, opened, closed, counted, settle, named = [], 0, 0, 0, 0, False, False
    for match in LINK_OR_IMAGE.finditer(html):
        start = match.start()
        pieces.append(html[done:start])
        done = match.end()
        raw = match.group(1)
        if raw is not None:
            opened += 1
            named = has_words(html[done:html.find(LINK_CLOSE, done)])  # links never nest: its own words
            href = unescape(raw) if "&" in raw else raw
            if "%5B" in href:
                href = ENCODED_IPV6_HOST.sub(r"\1[\2]", href)
            target = resolver.target(href, loads=False)
            settle = settle or (target is not None and same_page_fragment(target) is not None)
            if target == href == raw:
                pieces.append(match.group())  # the engine wrote it as _attr would
            else:
                title = match.group(2) or ""
                pieces.append(f"<a{title}>" if target is None else f'<a href="{_attr(target)}"{title}>')
            continue
        closed += html.count(LINK_CLOSE, counted, start)
        counted = start
        pieces.append(_image(unescape(match.group(3)), unescape(match.group(4)), unescape(match.group(5) or ""),
                             resolver, pages, page, words, inside_link=opened > closed,
                             names_link=opened > closed and not named))
    if not pieces:
        return html, False
    pieces.append(html[done:])
    return "".join(pieces), settle


def _image(src: str, alt: str, title: str, resolver: Resolver, pages: Mapping[str, str], page: str,
           words: Words, inside_link: bool, names_link: bool) -> str:
    target = resolver.target(src, loads=True)
    if target is None:
        return f'<span class="remote-media">{_attr(words.described("image", alt or title))}</span>'
    if not is_remote(target):
        extra = f' title="{_attr(title)}"' if title else ""
        return f'<img src="{_attr(target)}" alt="{_attr(alt)}"{extra} />'
    found = mirrored(pages, [target])
    if found is not None:
        return local_image(found, page, linked_alt(alt, title, words, names_link), title)
    return placeholder("image", alt or title, target, words, linked=not inside_link)


def _code(match: re.Match[str]) -> str:
    language = unescape(match.group(1))
    highlighted = highlight_code(unescape(match.group(2)), language, None)
    return highlighted + "\n" if highlighted else match.group()


def _attr(value: str) -> str:
    return value.replace("&", "&amp;").replace('"', "&quot;").replace("<", "&lt;").replace(">", "&gt;")
