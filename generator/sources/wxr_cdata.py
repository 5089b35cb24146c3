"""A `]]>` inside an export's CDATA, as older WordPress wrote it, kept as the post's text.

WordPress wraps each value of an export in `<![CDATA[…]]>`. Before it learnt to split a `]]>` inside the
value (`]]]]><![CDATA[>`), a post holding one ended its CDATA early: the `// <![CDATA[ … // ]]>` that the
editor wrapped around every pasted script (an ad, a counter) made the whole export malformed XML, and
WordPress's importer falls back to a regex parser that reads the value up to its element's closing tag.
So here a `]]>` inside a CDATA that opened right after `<name…>` ends it only where `</name>` or another
CDATA follows (spaces between allowed); any other is split as WordPress splits it now, which reads the
same text.
Outside CDATA, WordPress wrote some values as they were stored, unescaped (a comment's author URL): one that the
database cut at its 200 characters inside an `&amp;` leaves `&am`, and a bare `&` is the same fault; either
made the whole export malformed XML, which WordPress's regex parser reads. Here an `&` that begins no reference
is the text `&`, as browsers read it too.
The file is mended as it streams, and no line break is added or removed, so every line a later problem names
is still the file's own.
"""

from __future__ import annotations

import re

OPEN = b"<![CDATA["
CLOSE = b"]]>"
SPLIT = b"]]]]><![CDATA[>"  # `]]` ends the section, `>` starts the next: the text reads `]]>`
# The opening tag a CDATA section starts right after (spaces between allowed), at the end of what came before.
OPENING_TAG = re.compile(rb"<([A-Za-z_][\w:.-]*)(?:\s[^<>]*)?>\s*\Z")
CONTEXT = 256  # bytes of what was handed on that are kept to find the opening tag a CDATA follows
# The most that is read past a `]]>` to find where its element closes; past it, the `]]>` is taken as text.
LOOKAHEAD = 1 << 20
# An `&` outside CDATA that begins no reference (`&amp;`, `&#38;`, `&#x26;`), and how far back from a chunk's end
# one may begin whose end is not read yet.
BARE_AMPERSAND = re.compile(rb"&(?!(?:[A-Za-z_][\w.-]*|#[0-9]+|#x[0-9A-Fa-f]+);)")
REFERENCE_START = re.compile(rb"&[\w.#-]{0,32}\Z")


class CdataMender:
    """Feed the export's bytes in chunks; each call gives back what can be handed on so far."""

    def __init__(self) -> None:
        self._pending = b""  # bytes held back until what follows them is read
        self._context = b""  # the last bytes handed on, to find the opening tag a CDATA follows
        self._name: bytes | None = None  # the element whose CDATA the stream is in, or None if unknown
        self._inside = False

    def feed(self, chunk: bytes, final: bool = False) -> bytes:
        data = self._pending + chunk
        out: list[bytes] = []
        at = held = 0
        while at < len(data):
            if not self._inside:
                start = data.find(OPEN, at)
                if start < 0:
                    held = 0 if final else self._held_outside(data, at)
                    out.append(_escaped(data[at:len(data) - held]))
                    break
                self._entered(self._context + data[:start] if start < CONTEXT else data[start - CONTEXT:start])
                out.append(_escaped(data[at:start]) + OPEN)
                at, self._inside = start + len(OPEN), True
                continue
            end = data.find(CLOSE, at)
            verdict = self._ends(data[end + len(CLOSE):], final) if end >= 0 else None
            if verdict is None:  # no `]]>` yet, or what follows it is not read yet
                stop = end if end >= 0 else len(data) - (0 if final else min(len(data) - at, len(CLOSE) - 1))
                out.append(data[at:stop])
                held = len(data) - stop
                break
            out.append(data[at:end] + (CLOSE if verdict else SPLIT))
            at, self._inside = end + len(CLOSE), not verdict
        self._pending = data[len(data) - held:] if held else b""
        self._context = (self._context + data[:len(data) - held])[-CONTEXT:]
        return b"".join(out)

    @staticmethod
    def _held_outside(data: bytes, at: int) -> int:
        """How many bytes at the end of `data` to hold back until more is read: the start of a CDATA section
        or of a reference may be cut there."""
        cut = len(data) - min(len(data) - at, len(OPEN) - 1)
        reference = REFERENCE_START.search(data, at, cut)  # one that the cut would split, `\Z` being the cut
        return len(data) - (reference.start() if reference else cut)

    def _entered(self, before: bytes) -> None:
        """Note the element of the CDATA section that starts after `before`: a section right after
        another (`]]]]><![CDATA[>`) continues its value."""
        tag = OPENING_TAG.search(before[-CONTEXT:])
        if tag:
            self._name = tag.group(1)
        elif not before.rstrip().endswith(CLOSE):
            self._name = None

    def _ends(self, after: bytes, final: bool) -> bool | None:
        """Whether a `]]>` followed by `after` ends its CDATA section; None when more must be read to tell.
        It does when the element closes or another section follows right after it, and also when the element
        closes later with text between that is not in a section (`<![CDATA[a]]> b</title>`, as a hand-made
        export may write): in WordPress's own exports every value's last section ends right at its closing tag."""
        if self._name is None:
            return True
        rest = after.lstrip()
        closing = b"</" + self._name
        if rest.startswith(OPEN) or (rest.startswith(closing) and rest[len(closing):len(closing) + 1] in ENDS_NAME):
            return True
        end = after.find(closing + b">")
        if end >= 0:
            return not after[:end].rstrip().endswith(CLOSE)
        return None if not final and len(after) < LOOKAHEAD else False


ENDS_NAME = (b">", b" ", b"\t", b"\r", b"\n")


def _escaped(text: bytes) -> bytes:
    return BARE_AMPERSAND.sub(b"&amp;", text) if b"&" in text else text
