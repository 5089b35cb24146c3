"""A summary's opening words that the post's page no longer shows.

WordPress makes a post's automatic excerpt from its content as its filters left it, tags stripped, 55 words: what
plugins put before the story (WP Last Modified Info's "Last Updated on … by Ana", a share bar's "31 SHARES Share
Tweet", a heading repeating the title) opens every summary of such a site, though the cleanup took it out of the
body. Where the summary begins with the content's own first words and then goes on with the body's, those first
words are what the cleanup dropped, and the summary goes without them too.
"""

from __future__ import annotations

import html
import re
import unicodedata
from itertools import islice

WORD = re.compile(r"[^\W_]+")  # a word as both texts spell it, whatever punctuation or markup is around it
# What the body's Markdown holds that the content's text does not: pictures (an alt text is no text), link
# targets, raw tags, heading ids. An address written as words, or as an autolink (`<https://…>`, which shows it),
# stays words, and so does a tag written as words (`\<geek_speak>`, escaped).
MARKUP = re.compile(r"!\[[^\]\n]*\]\([^)\n]*\)|\]\([^)\n]*\)|(?<!\\)<(?!https?://)[^<>]*>|\{#[^}\n]*\}")
# The markup or a word, whichever starts first: no markup starts with a letter or a digit, so the words found
# are those left once the markup is blanked out, and reading stops at the body's first words.
MARKUP_OR_WORD = re.compile(f"(?:{MARKUP.pattern})|({WORD.pattern})")
TAG = re.compile(r"<[^<>]*>")
UNSHOWN = re.compile(r"<(script|style)\b[^<>]*>[^<]*</\1>", re.IGNORECASE)  # wp_strip_all_tags drops their text
# What may open a text before its first word: an opening bracket or quote mark (Unicode's Ps and Pi: `(`, `„`, `“`,
# `«`), a straight quote, and Spanish's inverted marks.
OPENING = frozenset({"Ps", "Pi"})
OPENING_MARKS = frozenset("\"'¿¡")
MATCHED = 6  # the body's first words the summary must go on with after what it leaves out
FURTHEST = 80  # how far into the summary the body's first words are looked for (the excerpt holds 55)
READ = 20_000  # characters of the content read: what a summary shows of it lies well within
BODY_READ = 4_000  # characters of the body read for its first words, past any picture or table it opens with


def without_dropped_lead(summary: str, body: str, content: str) -> str:
    """`summary` without its opening words where they are the content's first words and the Markdown `body`
    starts with the words after them; else `summary` as it is."""
    found = list(islice(WORD.finditer(summary), FURTHEST + MATCHED))
    opening = _opening_words(body)
    said = [match.group().casefold() for match in found]
    if len(opening) < MATCHED or said[:MATCHED] == opening:
        return summary  # most posts: the summary opens as the body does
    start = _place(said, opening)
    if not start:
        return summary
    text = html.unescape(TAG.sub(" ", UNSHOWN.sub(" ", content[:READ])))
    if [word.casefold() for word in WORD.findall(text)[:start]] != said[:start]:
        return summary  # not the content's own opening: an excerpt its author wrote
    return summary[_opened_at(summary, found[start].start()):]


def _opened_at(summary: str, word: int) -> int:
    """Where the text that begins with the word at `word` opens: before the quote marks or brackets right before it
    (`„Adoptovat“`, `(Reuters)`, `¿Qué`), which are its own."""
    at = word
    while at and (unicodedata.category(summary[at - 1]) in OPENING or summary[at - 1] in OPENING_MARKS):
        at -= 1
    return at


def _opening_words(body: str) -> list[str]:
    """The body's first MATCHED words, folded, outside its markup: what blanking the markup of the BODY_READ
    characters and finding all their words gave, at the cost of reading only as far as the words go."""
    words = (match.group(1) for match in MARKUP_OR_WORD.finditer(body[:BODY_READ]) if match.group(1))
    return [word.casefold() for word in islice(words, MATCHED)]


def _place(said: list[str], opening: list[str]) -> int | None:
    """Where in `said` the words `opening` stand in a row, first."""
    for start in range(1, len(said) - len(opening) + 1):
        if said[start:start + len(opening)] == opening:
            return start
    return None
