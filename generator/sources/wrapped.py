"""What a saved response may be wrapped in: gzip, when a script saved the bytes as the server sent them
(`Content-Encoding: gzip`) or the crawl was compressed to keep (`posts.json.gz`); JSONP, which WordPress
writes for `?_jsonp=name` as `/**/name(…)`; the page a browser showed the JSON in, saved as a web page; and the
JavaScript or TypeScript module a headless front end pasted the response into (`const data = […]`)."""

from __future__ import annotations

import gzip
import html
import re
import zlib

from generator.sources.js_literals import as_json

GZIP_MAGIC = b"\x1f\x8b"
# `/**/showPosts(` as WordPress writes it, or a library's callback name (`jQuery3510_1.cb (`).
JSONP_START = re.compile(r"\s*(?:/\*\*/\s*)?[A-Za-z_$][\w$.]*\s*\(\s*(?=[\[{])")
JSONP_END = re.compile(r"\)\s*;?\s*\Z")
# Chrome shows a response sent as JSON as text in a page of its own, which "Save page as…" saves as a web page:
# `<html><head><meta name="color-scheme" content="light dark"></head><body><pre …>{"id":602,…}</pre></body></html>`,
# the JSON's `<`, `>` and `&` written as entities (older versions give the `<pre>` a style; newer ones add an empty
# container for their formatter after it). Nothing else is in such a page: a site's own page is never read so.
VIEWER_HEAD = r"\s*<html><head>(?:<meta [^<>]*>)*</head><body><pre(?: [^<>]*)?>"
VIEWER_START = re.compile(VIEWER_HEAD + r"\s*[\[{]")
VIEWER_PAGE = re.compile(VIEWER_HEAD + r"(?P<json>[^<]*)</pre>(?:<div class=\"json-formatter-container\"></div>)?"
                         r"</body></html>\s*")


# A headless front end keeps the response it was built from as a module of its own: `const data = [{"id": 67, …}]`
# then `export default data` (a Ukrainian nanny agency's blog, its 3 posts never read), `export default […]`,
# `export const posts: Post[] = […]`, `module.exports = […]`. The value is the response's JSON as it came, or the
# JavaScript literal a formatter made of it (`{id: 35, title: {rendered: '…'},}`, js_literals), known by its first
# key, written without double quotes; a literal that refers to anything is code, and not read.
MODULE_NAME = r"[A-Za-z_$][\w$]*"
MODULE_START = re.compile(r"\s*(?:(?:export\s+)?(?:const|let|var)\s+" + MODULE_NAME + r"\s*(?::[^=\n]{1,80})?="
                          r"|export\s+default|module\.exports\s*=)\s*(?=[\[{])")
MODULE_END = re.compile(r"(?<=[\]}])\s*(?:as\s+const\s*)?;?\s*(?:(?:export\s+default\s+|module\.exports\s*=\s*)"
                        + MODULE_NAME + r"\s*;?\s*)?\Z")
MODULE_SUFFIXES = (".js", ".mjs", ".cjs", ".ts")
# What tells a module holding a saved response from the other modules of a front end's source: a field as the
# REST API renders it.
RENDERED_FIELD = re.compile(r"""["']?(?:title|content|guid|excerpt)["']?\s*:\s*\{\s*["']?rendered["']?\s*:""")
SPACE_OR_COMMENT = r"\s|//[^\n]*|/\*.*?\*/"
BARE_KEY = r"[A-Za-z_$][\w$]*|'[^'\n]*'"
LITERAL_FIRST_KEY = re.compile(rf"(?:[\[]|{SPACE_OR_COMMENT})*\{{(?:{SPACE_OR_COMMENT})*(?:{BARE_KEY})\s*:", re.DOTALL)


class CutShort(Exception):
    """gzip data that ends before its end: a download stopped early."""


def unzipped(raw: bytes) -> bytes:
    """The bytes, unpacked when they are gzip's."""
    if not raw.startswith(GZIP_MAGIC):
        return raw
    try:
        return gzip.decompress(raw)
    except (EOFError, zlib.error, gzip.BadGzipFile) as e:
        raise CutShort(str(e)) from None


def without_jsonp(text: str) -> str:
    """The JSON inside a JSONP callback, or the text as it is."""
    start = JSONP_START.match(text)
    end = JSONP_END.search(text) if start else None
    return text[start.end():end.start()] if start and end else text


def starts_jsonp(head: str) -> bool:
    """Whether the first characters of a file open a JSONP callback around JSON."""
    return JSONP_START.match(head) is not None


def without_module(text: str) -> str:
    """The JSON a script module declares (see MODULE_START), or the text as it is."""
    start = MODULE_START.match(text)
    end = MODULE_END.search(text, start.end()) if start else None
    if not (start and end):
        return text
    value = text[start.end():end.start()]
    if LITERAL_FIRST_KEY.match(value):
        literal = as_json(value)
        return text if literal is None else literal
    return value


def is_response_module(head: str) -> bool:
    """Whether the first characters of a script module declare a saved REST response as its value."""
    return MODULE_START.match(head) is not None and RENDERED_FIELD.search(head) is not None


def without_viewer_page(text: str) -> str:
    """The JSON of a page in which a browser showed it (see VIEWER_PAGE), or the text as it is."""
    page = VIEWER_PAGE.fullmatch(text)
    return html.unescape(page["json"]) if page and VIEWER_START.match(text) else text


def starts_viewer_page(head: str) -> bool:
    """Whether the first characters of a file open a browser's page around JSON."""
    return VIEWER_START.match(head) is not None
