"""A summary without the words a page gave screen readers alone, or browsers without frames.

WordPress makes a post's automatic excerpt by stripping its content's tags, so the words a theme or an editor wrote
for screen readers only run into it: a conference theme's "Durée : 45 minutes" and its bookmark button's "Ajouter
cette conférence à mon horaire" opened every session's summary, though no one saw them on the page and the body
leaves them out (widgets.drop_screen_reader_text). Where the summary is that excerpt, word for word, it is made
again of the content's words without them, as many words as it held. So are a frame's own words, which a browser
shows only where it shows no frames: a page holding a Google Form's frame had "Loading…", its fallback text, as
its summary, or at the end of it. So is the credit line an embedded widget prints under it ("Powered by Eventbrite",
all a post holding only an event's tickets had for its summary), which the body leaves out.
"""

from __future__ import annotations

import html
import re

from generator.convert import paired
from generator.convert.embed_credits import CREDIT_CLASSES
from generator.convert.summary_spaces import TAG, UNSHOWN, without_cut_tag
from generator.convert.widgets import SCREEN_READER_CLASSES

# An embedded widget's credit line ("Powered by Eventbrite") goes from the body too (embed_credits.py).
NAMES = tuple(sorted(SCREEN_READER_CLASSES | CREDIT_CLASSES))
# An element one of whose classes marks it for screen readers only, as has_class tells them (in their case), up to its
# closing tag. The first closing tag of its name ends it: such text is a few words, seldom with an element of the
# same name inside.
# A frame, whatever its attributes, is one too: the words inside it are its fallback.
SCREEN_READER = re.compile(r"<([a-zA-Z][a-zA-Z0-9]*)\b(?:(?<=<iframe)|(?<=<IFRAME)|[^<>]*?\bclass\s*=\s*[\"']?[^\"'<>]*?"
                           rf"(?<![\w-])(?:{'|'.join(map(re.escape, NAMES))})(?![\w-]))[^<>]*>")
MARKERS = (*NAMES, "<iframe", "<IFRAME")  # what a content holding such an element must hold
READ = 50_000  # characters of the content read, at most: a summary's 55 words lie well within, even under a builder's
FIRST_READ = 1_500  # characters read first, four times more each time they hold too few words


def without_unseen_words(summary: str, content: str) -> tuple[str, str]:
    """`summary` made of the words the content showed, where it is WordPress's automatic excerpt of `content` and
    holds words of its screen-reader text, else `summary` as it is; and what the summary was compared with: the
    content without that text where it opens (`content` itself when it holds none)."""
    if not any(content.find(name, 0, READ) >= 0 for name in MARKERS):
        return summary, content  # most posts: cheap, where a search for the element cost milliseconds
    said = summary.split()
    seen = _without_screen_reader_text(content, len(said))
    stripped = _first_words(content, len(said))
    if not said or said[:-1] != stripped[:len(said) - 1] or (len(said) == 1 and said != stripped[:1]):
        return summary, seen  # an excerpt its author wrote, or none
    shown = _first_words(seen, len(said))
    whole = len(said) <= len(stripped) and said[-1] == stripped[len(said) - 1]
    kept = len(said) if whole else len(said) - 1  # the last word is "[…]" where the excerpt was cut
    if shown[:kept] == stripped[:kept]:
        return summary, seen  # the screen-reader text comes after what the summary shows
    return " ".join(shown[:kept] + ([] if whole or len(shown) <= kept else said[-1:])), seen


def _without_screen_reader_text(content: str, words: int) -> str:
    """`content` (READ characters of it) without its screen-reader elements, as far as the first `words` words the
    rest shows and one element past them: reading on, element by element, cost a few milliseconds a post."""
    head, pieces, shown, at = content[:READ], [], 0, 0
    for start, end in paired.spans(head, SCREEN_READER, lambda opened: f"</{opened[1].lower()}>"):
        before = len(_words(head[at:start]))
        if shown + before - len(pieces) > words + 1:  # a word either side of an element may be one ("minutesAna")
            break
        pieces.append(head[at:start])
        shown += before
        at = end
    return "".join(pieces) + head[at:]


def _first_words(html_text: str, words: int) -> list[str]:
    """The words of the start of the HTML that holds more than `words` words (all of it, up to READ characters),
    its tags stripped with nothing in their place, as wp_strip_all_tags leaves them. It ends before a tag it would
    cut (whose attributes, a pasted sheet's `data-sheets-value="…"`, would read as words); its last word may be cut
    in two, and is never one a summary's words are compared with."""
    size = FIRST_READ
    while True:
        found = _words(without_cut_tag(html_text[:size]) if size < len(html_text) else html_text)
        if len(found) > words + 1 or size >= min(len(html_text), READ):
            return found
        size *= 4


def _words(html_text: str) -> list[str]:
    return html.unescape(TAG.sub("", UNSHOWN.sub(" ", html_text))).split()
