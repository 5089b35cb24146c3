"""WordPress's smilies and emoji pictures as the characters they stand for.

WordPress draws a smiley typed into a post (`:)`, `;-)`, `:mrgreen:`) as a picture one line high: `<img
class="wp-smiley" alt=":)" src="…/wp-includes/images/smilies/icon_smile.gif">` until 4.1, an emoji's picture
since (`…/images/core/emoji/15.0.3/72x72/1f642.png`), and in feeds and e-mails every emoji too (`alt="😀"`).
REST content and feeds republished by another site hold these pictures. Offline, each was an "Image: :) — open
original" box in the middle of its sentence: a reader saw a face one line high, which an emoji shows (the one
the picture's file names), or failing one what the author typed.

The `<img class="emoji">` WordPress's script draws in the browser, which page builders save into the content,
is left as it was (tests/test_media_svg.py holds it to a link to its SVG, which is never mirrored).
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

SMILEY_CLASSES = frozenset({"wp-smiley", "emoji"})  # an emoji WordPress's script drew, saved by a page builder
# An emoji's picture, in a folder named `emoji`, is named by its code points: `1f642.png`, `1f468-200d-1f4bb.svg`.
CODE_POINTS = re.compile(r"([0-9a-f]{2,6}(?:-[0-9a-f]{2,6}){0,9})\.(?:png|svg)", re.IGNORECASE)
# WordPress's own smiley pictures before 4.2 (`icon_biggrin.gif`) and after (`frownie.png`), as the emoji 4.2 drew
# for each instead (smilies_init), or would have: 🙁 and 🙄 for the two it kept as pictures. `mrgreen` has none.
SMILEY_FILES = {
    "smile": "\U0001f642", "simple-smile": "\U0001f642", "biggrin": "\U0001f600", "sad": "\U0001f641",
    "frownie": "\U0001f641", "eek": "\U0001f62f", "surprised": "\U0001f62e", "confused": "\U0001f615",
    "cool": "\U0001f60e", "lol": "\U0001f606", "mad": "\U0001f621", "razz": "\U0001f61b",
    "redface": "\U0001f633", "cry": "\U0001f625", "evil": "\U0001f47f", "twisted": "\U0001f608",
    "rolleyes": "\U0001f644", "wink": "\U0001f609", "neutral": "\U0001f610", "idea": "\U0001f4a1",
    "arrow": "\u27a1", "exclaim": "\u2757", "question": "\u2753"}
SMILEY_FILE = re.compile(r"(?:icon_)?([a-z-]+)\.(?:gif|png)", re.IGNORECASE)
# An alt text longer than a smiley's code (`:mrgreen:`, `:?:`) or one with spaces is a description: the picture
# stays a picture.
MOST_TYPED = 12


def smilies_as_text(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, classes=SMILEY_CLASSES):
        return
    for img in elements(soup, "img"):
        if has_class(img, SMILEY_CLASSES) and (text := _shown_as(img)):
            img.replace_with(text)


def _shown_as(img: Tag) -> str:
    """The emoji the picture drew, from its file's name, else the alt text (the smiley as typed); '' when
    neither is there. The alt text may have lost its eyes (`alt="D"` for `:D`): the file names the face."""
    path = str(img.get("src") or "").split("?", 1)[0].split("#", 1)[0]
    folder, _, name = path.rpartition("/")
    found = CODE_POINTS.fullmatch(name) if "/emoji/" in f"{folder}/" else None
    if found:
        points = [int(point, 16) for point in found.group(1).split("-")]
        if all(0x20 <= point <= 0x10FFFF and not 0xD800 <= point <= 0xDFFF for point in points):
            return "".join(map(chr, points))
    named = SMILEY_FILE.fullmatch(name) if "/smilies/" in f"{folder}/" else None
    if named and named.group(1).lower() in SMILEY_FILES:
        return SMILEY_FILES[named.group(1).lower()]
    alt = str(img.get("alt") or "").strip()
    return alt if 0 < len(alt) <= MOST_TYPED and not any(c.isspace() for c in alt) else ""


# The smilies an author types and the emoji WordPress shows for each (smilies_init, since 4.2); `:mrgreen:` has
# none and stays as typed. Longest first, as WordPress tries them.
TYPED_AS = {
    ":mrgreen:": ":mrgreen:", ":neutral:": "\U0001f610", ":twisted:": "\U0001f608", ":arrow:": "\u27a1",
    ":shock:": "\U0001f62f", ":smile:": "\U0001f642", ":???:": "\U0001f615", ":cool:": "\U0001f60e",
    ":evil:": "\U0001f47f", ":grin:": "\U0001f600", ":idea:": "\U0001f4a1", ":oops:": "\U0001f633",
    ":razz:": "\U0001f61b", ":roll:": "\U0001f644", ":wink:": "\U0001f609", ":cry:": "\U0001f625",
    ":eek:": "\U0001f62e", ":lol:": "\U0001f606", ":mad:": "\U0001f621", ":sad:": "\U0001f641",
    "8-)": "\U0001f60e", "8-O": "\U0001f62f", ":-(": "\U0001f641", ":-)": "\U0001f642", ":-?": "\U0001f615",
    ":-D": "\U0001f600", ":-P": "\U0001f61b", ":-o": "\U0001f62e", ":-x": "\U0001f621", ":-|": "\U0001f610",
    ";-)": "\U0001f609", "8O": "\U0001f62f", ":(": "\U0001f641", ":)": "\U0001f642", ":?": "\U0001f615",
    ":D": "\U0001f600", ":P": "\U0001f61b", ":o": "\U0001f62e", ":x": "\U0001f621", ":|": "\U0001f610",
    ";)": "\U0001f609", ":!:": "\u2757", ":?:": "\u2753"}
# A smiley stands alone: after a space or a line's start, before a space or a line's end.
TYPED = re.compile(r"(?:(?<=[\s\xa0])|(?<=&nbsp;)|^)("
                   + "|".join(map(re.escape, sorted(TYPED_AS, key=len, reverse=True)))
                   + r")(?=[\s\xa0]|&nbsp;|$)", re.MULTILINE)
SMILEY_START = re.compile(r"(?:^|[\s\xa0;])[:;8]", re.MULTILINE)  # where one may begin (`;` ends a `&nbsp;`)
HTML_TAG = re.compile(r"(<[^<>]*>)")  # (no "<" inside, so that an unclosed one costs one look)
UNCONVERTED = frozenset({"code", "pre", "style", "script", "textarea"})  # where WordPress leaves smilies as typed


def typed_smilies_as_emoji(html: str) -> str:
    """An export's smilies as WordPress shows them (convert_smilies): `:)` as 🙂, outside code and scripts. REST
    serves them so already (as pictures, which smilies_as_text reads)."""
    if SMILEY_START.search(html) is None:  # (most posts: one quick look over the text)
        return html
    pieces, inside = HTML_TAG.split(html), ""
    for index, piece in enumerate(pieces):
        if index % 2:
            name = piece[1:].split(None, 1)[0].rstrip(">/").lower() if len(piece) > 2 else ""
            if not inside and name in UNCONVERTED:
                inside = name
            elif inside and name == f"/{inside}":
                inside = ""
        elif not inside and piece:
            pieces[index] = TYPED.sub(lambda found: TYPED_AS[found.group(1)], piece)
    return "".join(pieces)
