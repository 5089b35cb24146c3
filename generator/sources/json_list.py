"""A UTF-8 JSON file that is a list of objects, or several lists and objects one after another, read an object at a
time.

Decoding such a file whole holds every object's values at once, some four times the file's size: a crawl saved as
one file of 10,000 posts (118 MB) took 658 MB to import, against 155 MB for the same posts saved a page of 100 per
file. Its objects are read in two passes instead. The first decodes the file a chunk at a time, checks that it is
exactly such values and notes where each object lies in the file; the second reads and decodes one object each
time the reader asks for the next. Neither holds more than a chunk and an object, whatever the file's size. Each
object is decoded twice, which costs far less than the conversion that follows.
"""

from __future__ import annotations

import codecs
import gzip
import json
import re
import zlib
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import IO, Any

from generator.sources.wrapped import GZIP_MAGIC

# What unpacking gzip data that is cut short or broken raises, besides OSError (BadGzipFile).
UNPACKING_ERRORS = (EOFError, zlib.error)
CHUNK = 1 << 22  # bytes decoded at a time; the first pass holds three times as much, or more for text beyond Latin-1
# As wp_json reads saved files: line breaks and tabs inside strings are read as they are.
_DECODER = json.JSONDecoder(strict=False)
_SPACE = re.compile(r"[ \t\r\n]*")  # what JSON allows between values


class Changed(Exception):
    """The file no longer holds, where the first pass found it, an object: it was written meanwhile."""


@dataclass(frozen=True)
class ObjectList:
    """The objects of a JSON file, read and decoded as they are iterated."""

    path: Path
    spans: list[tuple[int, int]]  # where each object lies in the file, in bytes
    flagged: bool  # whether `flag` held for any object (see object_list)
    first: dict[str, Any]  # the first object, as the first pass decoded it

    def __len__(self) -> int:
        return len(self.spans)

    def __iter__(self) -> Iterator[dict[str, Any]]:
        with _opened(self.path) as file:
            for start, end in self.spans:
                try:
                    file.seek(start)
                    value = _DECODER.decode(file.read(end - start).decode("utf-8"))
                except (ValueError, RecursionError, OSError, *UNPACKING_ERRORS):  # JSONDecodeError, UnicodeDecodeError
                    raise Changed(f"byte {start}") from None
                if not isinstance(value, dict):
                    raise Changed(f"byte {start}")
                yield value


def object_list(path: Path, flag: Callable[[dict[str, Any]], bool], flag_where: re.Pattern[str],
                chunk: int = CHUNK) -> ObjectList | None:
    """The objects of the UTF-8 file at `path` when it is a list of objects, or several lists and objects one after
    another (JSON Lines, pages saved into one file), in order; None for any other file: one object alone, an empty
    list, a list that holds anything but objects, other text after the values, or JSON or UTF-8 that does not
    decode (whose reader names the error). `flag` sees each object whose text `flag_where` matches."""
    try:
        with _opened(path) as file:
            return _objects(_Text(file, chunk), path, flag, flag_where)
    except (OSError, UnicodeDecodeError, RecursionError, *UNPACKING_ERRORS):  # (`load` names each)
        return None


def _opened(path: Path) -> IO[bytes]:
    """The file's bytes, unpacked as they are read where it is gzip's (`posts.jsonl.gz`): the spans are places in
    the unpacked bytes, and a gzip file seeks forward by unpacking what it passes, so reading the spans in order
    unpacks it once."""
    with path.open("rb") as file:
        packed = file.read(len(GZIP_MAGIC)) == GZIP_MAGIC
    return gzip.open(path, "rb") if packed else path.open("rb")


def _objects(text: _Text, path: Path, flag: Callable[[dict[str, Any]], bool],
             flag_where: re.Pattern[str]) -> ObjectList | None:
    spans: list[tuple[int, int]] = []
    flagged, values, first = False, 0, {}
    at = text.space(0)
    starts_listed = text.char(at) == "["
    while text.char(at):
        listed = text.char(at) == "["
        at = text.space(at + 1) if listed else at
        while text.char(at) == "{":
            found = text.value(at)
            if found is None:
                return None
            value, end = found
            first = first if spans else value
            spans.append((text.byte(at), text.byte(end)))
            flagged = (flag_where.search(text.text, at - text.offset, end - text.offset) is not None
                       and flag(value)) or flagged
            at = text.space(end)
            if not listed or text.char(at) == "]":
                break
            if text.char(at) != ",":
                return None
            at = text.space(at + 1)
        else:
            return None  # a value that is no object where an object must be
        at = text.space(at + 1) if listed else at
        values += 1
    alone = values == 1 and not starts_listed
    return ObjectList(path, spans, flagged, first) if spans and not alone else None


class _Text:
    """A file's text from a place on, decoded a chunk at a time as it is asked for. Places are counted in
    characters from the file's start; the text before the place last kept is dropped when the next chunk is read."""

    def __init__(self, file: IO[bytes], chunk: int) -> None:
        self._file, self._chunk = file, chunk
        self._decoder = codecs.getincrementaldecoder("utf-8")()
        start = len(codecs.BOM_UTF8) if file.read(3) == codecs.BOM_UTF8 else 0
        file.seek(start)
        self.text, self.offset = "", 0  # the text held, and the place of its first character
        self._known = (0, start)  # a place and its byte in the file, moved on as bytes are asked for
        self._ended = False
        self._ascii = True  # whether the text held is all ASCII, where a character is a byte

    def char(self, at: int) -> str:
        """The character at place `at`, '' past the end of the file."""
        while at - self.offset >= len(self.text):
            if not self._more(at):
                return ""
        return self.text[at - self.offset]

    def space(self, at: int) -> int:
        """The first place from `at` on that holds no space."""
        while True:
            end = _SPACE.match(self.text, at - self.offset).end() + self.offset
            if end - self.offset < len(self.text) or not self._more(at):
                return end

    def value(self, at: int) -> tuple[dict[str, Any], int] | None:
        """The object that starts at place `at` and the place after it; None when it does not decode."""
        while True:
            try:
                value, end = _DECODER.raw_decode(self.text, at - self.offset)
                return value, end + self.offset
            except json.JSONDecodeError:  # cut by the chunk's end, or broken: only the file's end tells
                if not self._more(at):
                    return None

    def byte(self, at: int) -> int:
        """The byte in the file where place `at` begins; places must be asked for in order."""
        place, byte = self._known
        if self._ascii:  # most saved JSON: WordPress escapes every other character
            byte += at - place
        else:
            byte += len(self.text[place - self.offset:at - self.offset].encode("utf-8"))
        self._known = (at, byte)
        return byte

    def _more(self, keep: int) -> bool:
        """Reads the next chunk, keeping the text from place `keep` on; False at the end of the file."""
        if self._ended:
            return False
        self.byte(keep)  # before the text up to it is dropped
        rest, self.text = self.text[keep - self.offset:], ""  # dropped before the next chunk is decoded
        data = self._file.read(self._chunk)
        self._ended = not data
        piece = self._decoder.decode(data, final=self._ended)
        del data
        self.text, self.offset = rest + piece, keep
        self._ascii = self.text.isascii()
        return True
