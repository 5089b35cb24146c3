"""Slugs that are safe as one file or folder name on every common file system."""

from __future__ import annotations

import re
import unicodedata
from urllib.parse import unquote

UNSAFE = re.compile(r"[/\\:*?\"<>|\x00-\x1f\x7f-\x9f]+")
DASHES = re.compile(r"-{2,}")
# Windows refuses these as file names, with or without an extension.
RESERVED = frozenset({"con", "prn", "aux", "nul", *(f"com{i}" for i in range(1, 10)),
                      *(f"lpt{i}" for i in range(1, 10))})
MAX_BYTES = 200  # leaves room for a suffix and ".md" within the usual 255-byte name limit
JOINERS = "\u200c\u200d"
# The slug WordPress gives a post trashed before it had one, kept when the post is restored and published
# (`__trashed`, then `__trashed-2`… as its slugs are unique): WordPress's own, which no one can mend in a crawl.
TRASHED = re.compile(r"__trashed(?:-\d+)?")
# A percent sign before two digits in a title that WordPress kept as if it were an escaped byte (sanitize_title
# keeps `%18` of "%18'lik", Turkish's "18 percent"): one that stands for a control character is the author's
# percent sign, and its digits stay (`buyume-%18lik` was `buyume-lik`, named as an unsafe name).
PERCENT_DIGITS = re.compile(r"%([01][0-9a-fA-F]|7[fF])")
# Characters no one sees, pasted with a title from a word processor into WordPress, which keeps them in the slug
# (`what-is-jackass-theology%ef%bb%bf`, a byte order mark): the file and the page's address held a letter no reader
# can type. The byte order mark, zero-width space, word joiner, soft hyphen and the direction marks are no part of a
# name; the zero-width joiners, which shape Persian and Indic words, are.
INVISIBLE = re.compile("[\u00ad\u200b\u200e\u200f\u2060\ufeff]")


def safe_slug(raw: str) -> tuple[str, str | None]:
    """The slug to use, and why it differs from the WordPress slug (None when it is only decoded).

    WordPress stores non-Latin slugs percent-encoded; files and URLs use the text itself, without the characters
    no one sees (INVISIBLE).
    """
    slug = INVISIBLE.sub("", unicodedata.normalize("NFC", unquote(PERCENT_DIGITS.sub(r"\1", raw)))).strip().lower()
    # A leading `_` or `.` makes a name the store passes over (content/post/_notes.md is not a post), and
    # WordPress itself gives one: a post trashed before it had a slug and then restored is `__trashed`.
    cleaned = DASHES.sub("-", UNSAFE.sub("-", slug)).strip(" .-").lstrip("_.-")
    stem, dot, rest = cleaned.partition(".")
    if stem in RESERVED:  # CON and con.txt alike: the name before the first dot decides
        cleaned = f"{stem}_{dot}{rest}"
    whole, cleaned = cleaned, _truncate(cleaned)
    if not cleaned:
        return "untitled", "has no usable characters"
    if whole == slug and cleaned != slug:  # (a Russian news site's slugs of 144 letters, 2 bytes each)
        return cleaned, f"is longer than a file name may be ({len(slug.encode('utf-8')):,} bytes)"
    if cleaned != slug and not TRASHED.fullmatch(slug):
        return cleaned, "is not a safe file name"
    return cleaned, None


def _truncate(slug: str) -> str:
    """The slug in MAX_BYTES, cut between two letters as they are written: not between a letter and its marks
    (a Bengali consonant and its vowel sign, an Arabic letter and its harakat), nor after a virama or a joiner,
    which join the letter to the next."""
    encoded = slug.encode("utf-8")
    if len(encoded) <= MAX_BYTES:
        return slug
    cut = len(encoded[:MAX_BYTES].decode("utf-8", "ignore"))
    end = cut
    while end > 0 and (_joined(slug[end - 1]) or (end < len(slug) and _mark(slug[end]))):
        end -= 1
    return slug[:end or cut].rstrip("-")


def _mark(char: str) -> bool:
    return unicodedata.category(char)[0] == "M" or char in JOINERS


def _joined(char: str) -> bool:
    """Whether a letter after `char` belongs to its cluster: a virama's (combining class 9) or a joiner's."""
    return unicodedata.combining(char) == 9 or char in JOINERS
