"""A featured image that the post's body opens with: shown once, by the body.

Many posts begin with their featured image (an author's habit, or an importer that put it there), and the
theme showed it once; the mirror, which shows the featured image above every body, showed it twice, one above
the other. The two are often not the same file: the body holds a size WordPress made of the upload
(`photo-1024x576.jpg`), or the site moved to another host since. So they are compared by the name of the upload
they were made from: the last part of the path, without the size and the suffixes WordPress adds to a copy it
makes (`-1024x576`, `-scaled`, `-rotated`, `-e1712345678901`) or to a file uploaded again (`-1` after a size).
"""

from __future__ import annotations

import re
from urllib.parse import unquote, urlsplit

# The body's first block, when it is an image alone or in a link: in Markdown (`![alt](url)`,
# `[![alt](url)](link)`) or in the HTML the converter keeps (a figure with a caption).
OPENING = re.compile(r"\s*(?:\[\s*)?!\[(?:[^\]\\\n]|\\.)*\]\(\s*<?([^\s)>]+)"
                     r"|\s*(?:<(?:figure|p|div|a|picture)\b[^>]*>\s*)*<img\b[^>]*?\bsrc=\"([^\"]+)\"")
WORDPRESS_SUFFIX = re.compile(r"(?:-\d{1,5}x\d{1,5}|-scaled|-rotated|-e\d{10,13})$")
AGAIN_AFTER_SIZE = re.compile(r"(?<=\d)x\d{1,5}-\d{1,2}$")  # `photo-1200x675-1`: a size, uploaded again


def opening_image(markdown: str) -> str:
    """The address of the image the body opens with, or ""."""
    found = OPENING.match(markdown[:2000])
    return (found.group(1) or found.group(2)) if found else ""


def same_upload(url: str, other: str) -> bool:
    """Whether two image addresses name copies of one upload (see the module's docstring)."""
    mine, theirs = upload_name(url), upload_name(other)
    return bool(mine) and mine == theirs


def upload_name(url: str) -> str:
    """The name of the upload an image address is a copy of, without its extension: the same for all its sizes
    (see the module's docstring); "" for an address that names no file."""
    try:
        path = urlsplit(url.strip()).path
    except ValueError:  # an address urlsplit refuses (`http://[x`) names no upload
        return ""
    name = unquote(path.rsplit("/", 1)[-1]).lower()
    stem = name.rsplit(".", 1)[0] if "." in name else ""
    while True:
        if AGAIN_AFTER_SIZE.search(stem):
            stem = stem.rsplit("-", 1)[0]
        shorter = WORDPRESS_SUFFIX.sub("", stem)
        if shorter == stem or not shorter:
            return stem
        stem = shorter
