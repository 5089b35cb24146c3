"""What a saved response may be wrapped in: gzip, when a script saved the bytes as the server sent them
(`Content-Encoding: gzip`) or the crawl was compressed to keep (`posts.json.gz`); and JSONP, which WordPress
writes for `?_jsonp=name` as `/**/name(…)`."""

from __future__ import annotations

import gzip
import re
import zlib

GZIP_MAGIC = b"\x1f\x8b"
# `/**/showPosts(` as WordPress writes it, or a library's callback name (`jQuery3510_1.cb (`).
JSONP_START = re.compile(r"\s*(?:/\*\*/\s*)?[A-Za-z_$][\w$.]*\s*\(\s*(?=[\[{])")
JSONP_END = re.compile(r"\)\s*;?\s*\Z")


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
