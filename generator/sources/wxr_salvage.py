"""An export that is malformed XML past its header, read item by item, as WordPress's importer reads it.

WordPress's importer falls back to a parser of regular expressions when the XML parser refuses a file, and
so imports every item but a broken one. A single typo (`<![CDATA>`, an unclosed tag in a title typed into a
hand-made export, a stray tag between items) would otherwise refuse the whole file. Here the file, once
mended as the XML reader mends it (wxr.py's _Declaring), is cut into its header, its items and what stands
between them, and each is parsed alone: a broken item is skipped and named with its line, and the rest is
read. A header that does not parse still refuses the file, as its version cannot be known.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from dataclasses import dataclass

HEADER, WHOLE, ITEM, BETWEEN = "header", "whole", "item", "between"
# What the cut looks for: an item's start or end tag, or a CDATA section, inside which neither counts.
TOKEN = re.compile(rb"<item[\s>]|</item\s*>|<!\[CDATA\[")
CDATA_END = b"]]>"
TAIL = 16  # bytes kept unread at the buffer's end while more may come: a token cut there is found next time
CHUNK = 1 << 16  # bytes read at a time: the mending of wxr_cdata costs more per byte in larger chunks
CLOSING = b"</channel></rss>"
# What may stand between items or after them and means nothing, with spaces and comments: the channel's and
# root's end.
CLOSERS = re.compile(rb"</(?:channel|rss)\s*+>")
POST_ID = re.compile(rb"<wp:post_id>\s*+(?:<!\[CDATA\[\s*+)?([0-9]{1,12})[\s\]<]")


@dataclass(frozen=True)
class Segment:
    kind: str  # HEADER (all before the first item), WHOLE (a file with no item), ITEM or BETWEEN
    line: int  # the file's line it starts on
    column: int  # and the column, from 0
    data: bytes

    def wrapped(self, opening: bytes) -> tuple[bytes, int]:
        """The segment as a document of its own: inside the header's `<rss><channel>`, closed after it; with
        the number of lines added before it, which begins a line of its own."""
        if self.kind == WHOLE:
            return self.data, 0
        if self.kind == HEADER:
            return self.data + CLOSING, 0
        return opening + b"\n" + self.data + CLOSING, opening.count(b"\n") + 1

    def place(self, line: int, column: int, added: int) -> tuple[int, int]:
        """The file's line and column of a place in the wrapped document."""
        return self.line + line - 1 - added, column + (self.column if line == added + 1 else 0)

    def empty(self) -> bool:
        """Whether it is what stands between items and holds nothing but spaces, comments and CLOSERS."""
        if self.kind != BETWEEN:
            return False
        text, at = CLOSERS.sub(b"", self.data), 0
        while (opened := text.find(b"<!--", at)) >= 0:
            closed = text.find(b"-->", opened + 4)
            if text[at:opened].strip() or closed < 0:
                return False
            at = closed + 3
        return not text[at:].strip()

    def post_id(self) -> str:
        found = POST_ID.search(self.data)
        return found.group(1).decode() if found else ""


@dataclass
class Salvage:
    """Why the export was read item by item ('' while it reads whole), and what that left out."""

    error: str = ""
    broken: int = 0

    def said(self, read: int) -> str:
        return (f"{self.error}; read item by item, as WordPress's importer reads such a file: {read} items read, "
                f"{self.broken} skipped (each named)")


def opening(header: bytes) -> bytes:
    """The header's `<rss …><channel>`, which declares the prefixes every item uses (the header parsed)."""
    start = header.find(b"<rss")
    end = header.find(b">", header.find(b"<channel", start))
    return header[start:end + 1] if 0 <= start < end else b"<rss><channel>"


def segments(read: Callable[[int], bytes]) -> Iterator[Segment]:
    """The export's bytes, as `read` gives them, cut at its items' tags: the header, then each item from
    `<item>` to `</item>` and what stands between them. An `<item>` that opens before the last one closed
    ends it there (it is broken, and parsed to say so); a CDATA section never closed is read as text."""
    buf, start, pos, line, column, inside, ended, opened = b"", 0, 0, 1, 0, False, False, 0
    searched, unclosed = 0, False  # where a `]]>` is still to be looked for; whether none follows at all

    def cut(end: int, kind: str) -> Segment:
        nonlocal start, line, column
        segment = Segment(kind, line, column, buf[start:end])
        breaks, last = segment.data.count(b"\n"), segment.data.rfind(b"\n")
        line, column, start = line + breaks, (len(segment.data) - last - 1 if breaks else column + end - start), end
        return segment

    while True:
        found = TOKEN.search(buf, pos)
        if found is not None and found.group(0) == b"<![CDATA[":
            close = -1 if unclosed else buf.find(CDATA_END, max(found.end(), searched))
            if close >= 0 or ended:
                pos, unclosed = (close + len(CDATA_END), False) if close >= 0 else (found.end(), True)
                continue
            searched = len(buf) - len(CDATA_END) + 1  # the next read's search starts where this one ended
        elif found is not None:
            pos = found.end()
            if found.group(0).startswith(b"</"):
                if inside:  # a stray </item> outside an item stays in what stands between items
                    yield cut(found.end(), ITEM)
                    inside = False
                continue
            if inside or not opened or start < found.start():
                yield cut(found.start(), ITEM if inside else (BETWEEN if opened else HEADER))
            inside, opened = True, opened + 1
            continue
        if ended:
            break
        pos = max(pos, len(buf) - TAIL) if found is None else found.start()  # a token may be cut at the end
        if start > CHUNK:
            buf, pos, searched, start = buf[start:], pos - start, max(0, searched - start), 0
        chunk = read(CHUNK)
        buf, ended = buf + chunk, not chunk
    if inside or start < len(buf) or not opened:
        yield cut(len(buf), ITEM if inside else (BETWEEN if opened else WHOLE))
