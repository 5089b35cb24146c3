"""A summary without the words a page gave screen readers alone.

WordPress makes a post's automatic excerpt by stripping its content's tags, so the words a theme or an editor wrote
for screen readers only run into it: a conference theme's "Durée : 45 minutes" and its bookmark button's "Ajouter
cette conférence à mon horaire" opened every session's summary, though no one saw them on the page and the body
leaves them out (widgets.drop_screen_reader_text). Where the summary is that excerpt, word for word, it is made
again of the content's words without them, as many words as it held.
"""

from __future__ import annotations

import html
import re

from generator.convert import paired
from generator.convert.summary_spaces import TAG, UNSHOWN
from generator.convert.widgets import SCREEN_READER_CLASSES

_NAMES = "|".join(sorted(map(re.escape, SCREEN_READER_CLASSES)))
# An element one of whose classes marks it for screen readers only, up to its closing tag. The first closing tag of
# its name ends it: such text is a few words, seldom with an element of the same name inside.
SCREEN_READER = re.compile(r"<([a-z][a-z0-9]*)\b[^<>]*?\bclass\s*=\s*([\"']?)[^\"'<>]*?(?<![\w-])"
                           rf"(?:{_NAMES})(?![\w-])[^<>]*>", re.IGNORECASE)
HINT = re.compile(_NAMES, re.IGNORECASE)  # cheap: most contents hold none of these names
READ = 50_000  # characters of the content read: a summary's 55 words lie well within, even under a builder's


def without_screen_reader_text(content: str) -> str:
    """The start of `content` (READ characters) without the elements only screen readers were given; `content`
    itself when it has none."""
    if not HINT.search(content, 0, READ):
        return content
    head = content[:READ]
    found = paired.spans(head, SCREEN_READER, lambda opened: f"</{opened[1].lower()}>")
    return paired.replace(head, found, lambda _: "")


def unseen_words_out(summary: str, content: str, seen: str) -> str:
    """`summary` made of the words of `seen` (`content` without its screen-reader text) where it is WordPress's
    automatic excerpt of `content` and holds words of that text; else `summary` as it is."""
    if seen is content:
        return summary
    said = summary.split()
    stripped = _words(content)
    if len(said) < 2 or said[:-1] != stripped[:len(said) - 1]:
        return summary  # an excerpt its author wrote, or none
    shown = _words(seen)
    whole = said[-1] == (stripped[len(said) - 1] if len(said) <= len(stripped) else None)
    kept = len(said) if whole else len(said) - 1  # the last word is "[…]" where the excerpt was cut
    if shown[:kept] == stripped[:kept]:
        return summary  # the screen-reader text comes after what the summary shows
    return " ".join(shown[:kept] + ([] if whole or len(shown) <= kept else said[-1:]))


def _words(html_text: str) -> list[str]:
    """The words of HTML with its tags stripped, nothing in their place, as wp_strip_all_tags leaves them."""
    return html.unescape(TAG.sub("", UNSHOWN.sub(" ", html_text[:READ]))).split()
