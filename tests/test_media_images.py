"""Mirrored image files: what counts as an image, the names they are stored under, and the manifest.

The images are made here, byte by byte (the project has no imaging library): a PNG with zlib, a baseline
JPEG of one grey tone, a GIF with hand-packed LZW codes. Browsers show all three (test_media_browser.py).
"""

from __future__ import annotations

import struct
import zlib
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.sources.media_fetch import saved_paths
from generator.store import image_types, media


def png(width: int, height: int, rgb: tuple[int, int, int] = (200, 40, 40)) -> bytes:
    row = b"\x00" + bytes(rgb) * width
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * height, 9))
            + chunk(b"IEND", b""))


def jpeg(width: int, height: int) -> bytes:
    """A greyscale baseline JPEG, every 8×8 block mid grey: each block is a DC difference of 0 and an
    end-of-block, one bit each with one-code Huffman tables."""
    def segment(marker: int, data: bytes) -> bytes:
        return struct.pack(">BBH", 0xFF, marker, len(data) + 2) + data
    quantisation = segment(0xDB, b"\x00" + b"\x01" * 64)
    frame = segment(0xC0, struct.pack(">BHHB", 8, height, width, 1) + b"\x01\x11\x00")
    one_code = b"\x01" + b"\x00" * 15 + b"\x00"  # one code of length 1, for symbol 0
    tables = segment(0xC4, b"\x00" + one_code) + segment(0xC4, b"\x10" + one_code)
    scan = segment(0xDA, b"\x01\x01\x00\x00\x3f\x00")
    blocks = -(-width // 8) * -(-height // 8)
    bits = "00" * blocks
    bits += "1" * (-len(bits) % 8)
    data = bytes(int(bits[i:i + 8], 2) for i in range(0, len(bits), 8))
    return b"\xff\xd8" + quantisation + frame + tables + scan + data + b"\xff\xd9"


def gif(width: int, height: int) -> bytes:
    """A GIF of one colour: LZW codes of 3 bits, a clear code before every two pixels so they stay 3 bits."""
    codes = []
    for start in range(0, width * height, 2):
        codes += [4] + [0] * min(2, width * height - start)
    codes.append(5)
    value = sum(code << (3 * i) for i, code in enumerate(codes))
    packed = value.to_bytes(-(-3 * len(codes) // 8), "little")
    blocks = b"".join(bytes([len(packed[i:i + 255])]) + packed[i:i + 255] for i in range(0, len(packed), 255))
    palette = b"\x20\x60\xc0" + b"\xff\xff\xff" + b"\x00" * 6
    return (b"GIF89a" + struct.pack("<HHBBB", width, height, 0x81, 0, 0) + palette
            + b"," + struct.pack("<HHHHB", 0, 0, width, height, 0) + b"\x02" + blocks + b"\x00;")


def webp_header(width: int, height: int) -> bytes:
    """The start of an extended WebP file, which is all that sniffing reads."""
    body = b"VP8X" + struct.pack("<I", 10) + b"\x00" * 4 + (width - 1).to_bytes(3, "little") + (
        height - 1).to_bytes(3, "little")
    return b"RIFF" + struct.pack("<I", 4 + len(body)) + b"WEBP" + body


def box(kind: bytes, content: bytes, full: bool = False) -> bytes:
    """An ISO base media box; a full box starts with its version and flags (here 0)."""
    content = (b"\x00" * 4 if full else b"") + content
    return struct.pack(">I", 8 + len(content)) + kind + content


def avif_header(*sizes: tuple[int, int], primary: int | None = 1, brand: bytes = b"avif") -> bytes:
    """The start of an AVIF file as encoders write it: its brands, then `meta` with the primary item, and an
    `ispe` (size) property per item, item N taking property N."""
    ftyp = box(b"ftyp", brand + b"\x00\x00\x00\x00" + b"mif1" + brand)
    ipco = box(b"ipco", b"".join(box(b"ispe", struct.pack(">II", w, h), full=True) for w, h in sizes))
    ipma = box(b"ipma", struct.pack(">I", len(sizes)) + b"".join(struct.pack(">HBB", n, 1, 0x80 | n)
                                                                 for n in range(1, len(sizes) + 1)), full=True)
    pitm = box(b"pitm", struct.pack(">H", primary), full=True) if primary is not None else b""
    meta = box(b"meta", box(b"hdlr", b"\x00" * 8 + b"pict" + b"\x00" * 13, full=True) + pitm
               + box(b"iprp", ipco + ipma), full=True)
    return ftyp + meta + box(b"mdat", b"\x12\x00\x0a")


def bmp(width: int, height: int, header: int = 40) -> bytes:
    """A Windows bitmap's headers (a negative height: rows top down), which is all that sniffing reads."""
    if header == 12:
        return b"BM" + struct.pack("<IHHIIHHHH", 26, 0, 0, 26, 12, width, height, 1, 24)
    return b"BM" + struct.pack("<IHHIIii", 54, 0, 0, 54, header, width, height) + b"\x01\x00\x18\x00" + bytes(24)


@pytest.mark.parametrize(("data", "kind", "size"), [
    (png(31, 17), "image/png", (31, 17)),
    (jpeg(40, 24), "image/jpeg", (40, 24)),
    (gif(5, 3), "image/gif", (5, 3)),
    (webp_header(1600, 900), "image/webp", (1600, 900)),
    (avif_header((1200, 800)), "image/avif", (1200, 800)),
    (avif_header((320, 200), (1200, 800), primary=1), "image/avif", (320, 200)),  # the primary item's size
    (avif_header((320, 200), (1200, 800), primary=None), "image/avif", (1200, 800)),  # else the largest
    (bmp(640, 480), "image/bmp", (640, 480)),
    (bmp(640, -480, header=124), "image/bmp", (640, 480)),  # stored top down
    (bmp(64, 32, header=12), "image/bmp", (64, 32)),  # OS/2's header
])
def test_an_image_is_known_by_its_bytes_with_its_size(data: bytes, kind: str, size: tuple[int, int]) -> None:
    found = image_types.sniff(data)
    assert found is not None and (found.type, found.width, found.height) == (kind, *size)


@pytest.mark.parametrize("data", [
    b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>",  # can carry script: never mirrored
    b"<!doctype html><p>Not found</p>",
    b"\x89PNG\r\n\x1a\n",  # cut short
    png(1, 1)[:16] + struct.pack(">II", 0, 5),  # no pixels
    b"",
    avif_header((1200, 800), brand=b"heic"),  # HEIF of another codec, which browsers do not show
    avif_header((1200, 800))[:60],  # cut short before its size
    avif_header((0, 800)),
    bmp(640, 480)[:20],  # cut short before its size
    bmp(640, 480, header=99),  # no bitmap header is 99 bytes long
    b"BMW X5, black, 2019, low mileage",  # text that starts as a bitmap does
])
def test_anything_else_is_not_an_image(data: bytes) -> None:
    assert image_types.sniff(data) is None


def test_an_avif_whose_boxes_are_cut_short_is_read_without_them() -> None:
    """A `pitm` box with no content, last in the file, where the item it names should stand."""
    ispe = box(b"ipco", box(b"ispe", struct.pack(">II", 10, 20), full=True))
    ipma = box(b"ipma", struct.pack(">I", 1) + struct.pack(">HBB", 1, 1, 0x81), full=True)
    data = (box(b"ftyp", b"avif\0\0\0\0mif1avif")
            + box(b"meta", box(b"iprp", ispe + ipma) + struct.pack(">I", 8) + b"pitm", full=True))
    found = image_types.sniff(data)
    assert found is not None and (found.width, found.height) == (10, 20)


@settings(max_examples=300)
@given(st.binary(max_size=200))
def test_no_bytes_after_an_avif_brand_make_sniffing_fail(tail: bytes) -> None:
    image_types.sniff(box(b"ftyp", b"avif\0\0\0\0mif1avif") + tail)
    image_types.sniff(avif_header((320, 200))[:60] + tail)


@pytest.mark.parametrize(("url", "name"), [
    ("https://e.com/wp-content/uploads/2024/01/Chart_Q1.png", "chart-q1"),
    ("https://e.com/uploads/../../etc/passwd", "passwd"),
    ("https://e.com/a/%2e%2e%2f%2e%2e%2fevil.png", "evil"),
    ("https://e.com/a/x%00y.png", "x-y"),
    ("https://e.com/a/Été à Pékin.PNG", "ete-a-pekin"),
    ("https://e.com/a/東京.png", "image"),
    ("https://e.com/", "image"),
    ("https://e.com/a/" + "long" * 100 + ".png", "long" * 15),
    ("https://e.com/a/CON.png?x=1#y", "con"),
])
def test_a_file_name_keeps_the_original_name_readably_and_safely(url: str, name: str) -> None:
    data = png(2, 2)
    found = media.file_name(url, data, "image/png")
    assert found.startswith(name + "-") and found.endswith(".png")
    assert media.is_media_name(found) and found == found.lower() and "/" not in found and ".." not in found


def test_the_same_bytes_give_the_same_name_and_other_bytes_another() -> None:
    url = "https://e.com/a/chart.png"
    assert media.file_name(url, png(2, 2), "image/png") == media.file_name(url, png(2, 2), "image/png")
    assert media.file_name(url, png(2, 2), "image/png") != media.file_name(url, png(2, 3), "image/png")


def test_the_manifest_is_sorted_stable_and_ignores_entries_that_point_outside(tmp_path: Path) -> None:
    entries = {f"https://e.com/{n}.png": media.Entry(f"img{n}-0123abcd.png", 10, 2, 3, "image/png")
               for n in (3, 1, 2)}
    assert media.write_manifest(tmp_path, entries)
    text = (tmp_path / "media/index.yaml").read_text()
    assert text.index("/1.png") < text.index("/2.png") < text.index("/3.png")
    assert not media.write_manifest(tmp_path, dict(reversed(entries.items())))  # same bytes: untouched
    assert media.read_manifest(tmp_path) == entries
    hostile = text + "".join(f"  https://e.com/bad{n}.png:\n    file: {f}\n    bytes: 1\n    width: 1\n"
                             f"    height: 1\n    type: image/png\n"
                             for n, f in enumerate(["../../secret-0123abcd.png", "index.yaml", "A-0123ABCD.png",
                                                    "'/etc/x-0123abcd.png'", "x-0123abcd.svg"]))
    (tmp_path / "media/index.yaml").write_text(hostile)
    assert media.read_manifest(tmp_path) == entries


def test_a_saved_media_folder_is_read_only_inside_itself(tmp_path: Path) -> None:
    crawl = tmp_path / "crawl"
    (crawl / "wp-content/uploads").mkdir(parents=True)
    (crawl / "e.com/wp-content").mkdir(parents=True)
    (crawl / "wp-content/uploads/a.png").write_bytes(png(1, 1))
    (crawl / "e.com/wp-content/b.png").write_bytes(png(1, 1))
    (tmp_path / "secret.png").write_bytes(png(1, 1))
    (crawl / "wp-content/uploads/link.png").symlink_to(tmp_path / "secret.png")
    assert saved_paths([crawl], "https://e.com/wp-content/uploads/a.png") == [crawl / "wp-content/uploads/a.png"]
    assert saved_paths([crawl], "https://e.com/wp-content/b.png") == [crawl / "e.com/wp-content/b.png"]
    # A site in a subfolder, saved from that folder (a static export of https://user.github.io/site/).
    assert saved_paths([crawl], "https://e.com/site/wp-content/uploads/a.png") == [crawl / "wp-content/uploads/a.png"]
    assert saved_paths([crawl], "https://e.com/a/b/wp-content/uploads/a.png") == [crawl / "wp-content/uploads/a.png"]
    for url in ["https://e.com/../secret.png", "https://e.com/wp-content/%2e%2e/%2e%2e/secret.png",
                "https://e.com/wp-content/uploads/link.png", "https://e.com/a%00.png", "file:///etc/passwd",
                "https://e.com/wp-content/uploads/..%5c..%5csecret.png", "https://e.com/" + "x" * 5000,
                "https://e.com/site/wp-content/uploads/link.png", "https://e.com/site/wp-content/../../secret.png",
                "https://e.com/site/wp-content/wp-content/../secret.png", "https://e.com/wp-content"]:
        assert saved_paths([crawl], url) == [], url
