"""What an image file is, from its first bytes: its type and size in pixels, as a page needs them for <img>.

Only formats every current browser shows in <img> and whose header states their size. SVG is left out: it is
a document that can carry script, and it has no intrinsic size.
"""

from __future__ import annotations

import struct
from dataclasses import dataclass

EXTENSIONS = {"image/png": "png", "image/jpeg": "jpg", "image/gif": "gif", "image/webp": "webp", "image/avif": "avif",
              "image/bmp": "bmp"}


@dataclass(frozen=True)
class Sniffed:
    """What an image file's header says: its type and size in pixels."""

    type: str  # one of EXTENSIONS
    width: int
    height: int


def sniff(data: bytes) -> Sniffed | None:
    """The type and size of a PNG, JPEG, GIF, WebP, AVIF or BMP image from its first bytes; None for anything else."""
    if data.startswith(b"\x89PNG\r\n\x1a\n") and data[12:16] == b"IHDR" and len(data) >= 24:
        return _sized("image/png", *struct.unpack(">II", data[16:24]))
    if data[:6] in (b"GIF87a", b"GIF89a") and len(data) >= 10:
        return _sized("image/gif", *struct.unpack("<HH", data[6:10]))
    if data.startswith(b"\xff\xd8\xff"):
        return _jpeg(data)
    if data[:4] == b"RIFF" and data[8:12] == b"WEBP":
        return _webp(data)
    if data[4:8] == b"ftyp":
        return _avif(data)
    if data[:2] == b"BM":
        return _bmp(data)
    return None


# A Windows bitmap's header after its 14-byte file header: its own length, then its size, in 16-bit numbers
# for OS/2's 12-byte header and 32-bit ones, the height negative for rows stored top down, for every later one.
BMP_HEADERS = frozenset({12, 16, 40, 52, 56, 64, 108, 124})


def _bmp(data: bytes) -> Sniffed | None:
    if len(data) < 26:
        return None
    (length,) = struct.unpack("<I", data[14:18])
    if length not in BMP_HEADERS:
        return None
    if length == 12:
        return _sized("image/bmp", *struct.unpack("<HH", data[18:22]))
    width, height = struct.unpack("<ii", data[18:26])
    return _sized("image/bmp", width, abs(height))


def _sized(kind: str, width: int, height: int) -> Sniffed | None:
    return Sniffed(kind, width, height) if 0 < width <= 65535 and 0 < height <= 65535 else None


# JPEG start-of-frame markers (baseline, progressive, lossless...); C4, C8 and CC share the range but are not.
SOF = frozenset(range(0xC0, 0xD0)) - {0xC4, 0xC8, 0xCC}


def _jpeg(data: bytes) -> Sniffed | None:
    at = 2
    while at + 9 <= len(data):
        if data[at] != 0xFF:
            return None
        marker = data[at + 1]
        if marker == 0xFF:  # fill byte
            at += 1
            continue
        if marker in SOF:
            height, width = struct.unpack(">HH", data[at + 5:at + 9])
            return _sized("image/jpeg", width, height)
        if marker in (0xD8, 0x01) or 0xD0 <= marker <= 0xD7:  # markers without a length
            at += 2
            continue
        at += 2 + struct.unpack(">H", data[at + 2:at + 4])[0]
    return None


def _webp(data: bytes) -> Sniffed | None:
    chunk = data[12:16]
    if chunk == b"VP8 " and len(data) >= 30 and data[23:26] == b"\x9d\x01\x2a":
        width, height = struct.unpack("<HH", data[26:30])
        return _sized("image/webp", width & 0x3FFF, height & 0x3FFF)
    if chunk == b"VP8L" and len(data) >= 25 and data[20] == 0x2F:
        bits = int.from_bytes(data[21:25], "little")
        return _sized("image/webp", (bits & 0x3FFF) + 1, ((bits >> 14) & 0x3FFF) + 1)
    if chunk == b"VP8X" and len(data) >= 30:
        return _sized("image/webp", int.from_bytes(data[24:27], "little") + 1,
                      int.from_bytes(data[27:30], "little") + 1)
    return None


# AVIF is an ISO base media file (HEIF): boxes of [size][type][content], the image's size in an `ispe` property
# of its primary item. A file names its brands in `ftyp`; avif and avis (a sequence) are AV1 images.
AVIF_BRANDS = frozenset({b"avif", b"avis"})
Box = tuple[bytes, int, int]  # type, where its content starts and ends


def _avif(data: bytes) -> Sniffed | None:
    boxes = dict((kind, (start, end)) for kind, start, end in _boxes(data, 0, len(data)))
    if b"ftyp" not in boxes or b"meta" not in boxes:
        return None
    start, end = boxes[b"ftyp"]
    brands = {data[start:start + 4], *(data[at:at + 4] for at in range(start + 8, end - 3, 4))}
    if not brands & AVIF_BRANDS:
        return None
    meta = dict((kind, (s, e)) for kind, s, e in _boxes(data, boxes[b"meta"][0] + 4, boxes[b"meta"][1]))
    iprp = dict((kind, (s, e)) for kind, s, e in _boxes(data, *meta.get(b"iprp", (0, 0))))
    properties = list(_boxes(data, *iprp.get(b"ipco", (0, 0))))
    sizes = {number: struct.unpack(">II", data[s + 4:s + 12]) for number, (kind, s, e) in enumerate(properties, 1)
             if kind == b"ispe" and e - s >= 12}
    if not sizes:
        return None
    try:
        primary = _primary_size(data, meta, iprp, sizes)
    except (IndexError, struct.error):  # a `pitm` or `ipma` shorter than it says: the file names no primary
        primary = None
    width, height = primary or max(sizes.values(), key=lambda size: size[0] * size[1])
    return _sized("image/avif", width, height)


def _primary_size(data: bytes, meta: dict[bytes, tuple[int, int]], iprp: dict[bytes, tuple[int, int]],
                  sizes: dict[int, tuple[int, int]]) -> tuple[int, int] | None:
    """The `ispe` that `ipma` gives the item `pitm` names primary; None where the file does not say."""
    if b"pitm" not in meta or b"ipma" not in iprp:
        return None
    start, _ = meta[b"pitm"]
    primary = struct.unpack(">H", data[start + 4:start + 6])[0] if data[start] == 0 else \
        struct.unpack(">I", data[start + 4:start + 8])[0]
    at, end = iprp[b"ipma"]
    version, wide = data[at], data[at + 3] & 1
    count, at = struct.unpack(">I", data[at + 4:at + 8])[0], at + 8
    for _ in range(count):
        if at + 3 > end:
            return None
        item, at = (struct.unpack(">H", data[at:at + 2])[0], at + 2) if version < 1 else \
            (struct.unpack(">I", data[at:at + 4])[0], at + 4)
        associations, at = data[at], at + 1
        step = 2 if wide else 1
        numbers = [int.from_bytes(data[at + i * step:at + (i + 1) * step], "big") & (0x7FFF if wide else 0x7F)
                   for i in range(associations)]
        at += associations * step
        if item == primary:
            return next((sizes[n] for n in numbers if n in sizes), None)
    return None


def _boxes(data: bytes, start: int, end: int) -> list[Box]:
    """The boxes between `start` and `end`, each as (type, content start, content end); a box that claims more
    than there is ends the list."""
    found, at = [], start
    while at + 8 <= end:
        size, kind = struct.unpack(">I", data[at:at + 4])[0], data[at + 4:at + 8]
        header = 8
        if size == 1 and at + 16 <= end:
            size, header = struct.unpack(">Q", data[at + 8:at + 16])[0], 16
        elif size == 0:
            size = end - at
        if size < header or at + size > end:
            break
        found.append((kind, at + header, at + size))
        at += size
    return found
