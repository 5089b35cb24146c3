"""A summary's words as the page shows them apart, where WordPress's excerpt ran them together.

WordPress makes a post's automatic excerpt by stripping its content's tags with nothing in their place: words that
a heading's or a box's edge parted on the page run together where no line break stood between the tags
(`<h2>Web Developer</h2></div><div><p>Natalie…` gives "Web DeveloperNatalie"), as on every page a builder made.
Where the summary is that excerpt, word for word, its words are taken again from the content with a space at each
block's edge, and between the values of schema.org microdata a theme wrote side by side, as the body sets them apart
(microdata.py): a conference theme's sessions gave "Jules MarcouxO2 WebCommunication et marketing Dans cette…".
"""

from __future__ import annotations

import html
import re

from bs4 import BeautifulSoup

from generator.convert.fragment_text import EDGE_NAMES
from generator.convert.microdata import set_apart

# Elements a browser shows as blocks or lines, whose edges part the words either side.
BLOCK_EDGE = re.compile(rf"</?(?:{'|'.join(sorted(EDGE_NAMES))})\b[^<>]*>", re.IGNORECASE)
TAG = re.compile(r"<[^<>]*>")
MICRODATA = re.compile(r"\sitem(?:prop|scope)\b", re.IGNORECASE)  # an attribute of microdata, in a tag
UNSHOWN = re.compile(r"<(script|style)\b[^<>]*>[^<]*</\1>", re.IGNORECASE)  # wp_strip_all_tags drops their text
READ = 50_000  # characters of the content read, at most: a summary's 55 words lie within, even under a builder's
FIRST_READ = 1_500  # characters read first, four times more each time they hold too few words


def spaced_as_shown(summary: str, content: str) -> str:
    """`summary` with the words it ran together apart, where its words are the content's first ones with its tags
    stripped, as WordPress's excerpt makes them; else `summary` as it is."""
    said = summary.split()
    if not said or "<" not in content:
        return summary
    shown, stripped = _opening(content, len(said))
    same = 0
    while same < min(len(said), len(stripped)) and said[same] == stripped[same]:
        same += 1
    if same < len(said) - 1 or same == 0:  # not WordPress's excerpt (all its words, but for a "[…]" after them)
        return summary
    apart = html.unescape(TAG.sub("", BLOCK_EDGE.sub(" ", _microdata_apart(shown)))).split()
    letters = sum(len(word) for word in said[:same])
    taken, count = [], 0
    for word in apart:
        if count >= letters:
            break
        taken.append(word)
        count += len(word)
    if len(taken) == same or "".join(taken) != "".join(said[:same]):
        return summary  # nothing ran together, or the two texts part ways
    return " ".join(taken + said[same:])


def _microdata_apart(shown: str) -> str:
    """`shown` with each microdata value set apart by a space from an element beside it showing words. Parsed only
    where a tag holds microdata: a few posts of a few themes."""
    if not MICRODATA.search(shown):
        return shown
    soup = BeautifulSoup(shown, "html.parser")
    set_apart(soup)
    return str(soup)


def _opening(content: str, words: int) -> tuple[str, list[str]]:
    """The start of the content that holds more than `words` words (all of it, up to READ characters), scripts and
    styles out, and its words with the tags stripped. Read a few thousand characters at a time, more as needed: a
    summary is the first few dozen words, and reading the whole of every post cost 0.7 ms a post. Its last word
    may be cut in two, and is never one a summary's words are compared with."""
    size = FIRST_READ
    while True:
        shown = UNSHOWN.sub(" ", without_cut_tag(content[:size]) if size < len(content) else content)
        stripped = html.unescape(TAG.sub("", shown)).split()
        if len(stripped) > words + 1 or size >= min(len(content), READ):
            return shown, stripped
        size *= 4


def without_cut_tag(start: str) -> str:
    """The start of a longer HTML text without the tag it cuts off at its end, if any: that tag's attributes (a pasted
    sheet's `data-sheets-value="…"`, hundreds of words long) would be read as words of the text."""
    opened = start.rfind("<")
    return start[:opened] if opened > start.rfind(">") else start
