"""The blank Braille pattern (U+2800) typed as space, read as the space it stands for.

Posts written for social networks, which trim spaces and empty lines, keep their gaps with U+2800: a character that
shows nothing but is no white space, so browsers neither collapse nor break it. A run of them stood in the mirror as
one wide word that would not wrap (a phone's screen scrolled sideways), and a paragraph of them as an empty block of
its height. Read as a space, a run collapses as spaces do and such a paragraph is empty, so it goes. Braille art
draws with the other patterns (U+2801-U+28FF), and text art with box-drawing and block characters (U+2500-U+259F:
`█⠀⠀█`), and both use the blank pattern inside their pictures: a text holding any of them is left as it is.
"""

from __future__ import annotations

import re

BLANKS = re.compile(r"(?:\u2800|&#10240;|&#x2800;)+", re.IGNORECASE)
# The other patterns, as characters or references (10241-10495, x2801-x28ff), and box-drawing and block characters
# (as characters: 9472-9631).
DOTS = re.compile(r"[\u2801-\u28ff\u2500-\u259f]|&#(?:102(?:4[1-9]|[5-9]\d)|103\d\d|104[0-8]\d|1049[0-5]"
                  r"|x28(?:0[1-9a-f]|[1-9a-f][0-9a-f]));", re.IGNORECASE)


def as_spaces(html: str) -> str:
    """`html` with each run of blank Braille patterns a space, unless it draws with Braille (see above)."""
    if "\u2800" not in html and "&#" not in html or not BLANKS.search(html) or DOTS.search(html):
        return html
    return BLANKS.sub(" ", html)
