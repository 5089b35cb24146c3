"""Elements that end at a closing tag (`<pre>…</pre>`, `<!--…-->`, a block's or a shortcode's closing tag), found in
time linear in the text.

A pattern such as `<pre[\\s>].*?</pre>` searches the rest of the text again from every opening that is never
closed: a post holding thousands of them (cut short by a database column, or pasted over and over) took
minutes to import. Here the closing tag is looked for once per opening, and not at all once it is known to
be missing from the rest of the text.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable, Iterator


def spans(text: str, opening: re.Pattern[str], closing: Callable[[re.Match[str]], str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each element from a match of `opening` to the first `closing(match)` after it (a tag,
    matched whatever its case), as `opening.*?closing` with re.DOTALL and re.IGNORECASE finds them."""
    for opened, closed in elements(text, opening, lambda found: literal(closing(found))):
        yield opened.start(), (closed or opened).end()


@functools.cache
def literal(tag: str) -> re.Pattern[str]:
    """A closing tag as a pattern, whatever its case."""
    return re.compile(re.escape(tag), re.IGNORECASE)


class Closings:
    """The first match of a closing pattern at or after a place in `text`, remembered per pattern: elements are
    looked for left to right, so each stretch of the text is searched once for each closing pattern, however
    many openings go without their closing tag."""

    def __init__(self, text: str) -> None:
        self.text = text
        self.found: dict[re.Pattern[str], re.Match[str] | None] = {}

    def after(self, closing: re.Pattern[str], at: int) -> re.Match[str] | None:
        if closing in self.found:
            known = self.found[closing]
            if known is None or known.start() >= at:  # none after an earlier place is none after this one
                return known
        self.found[closing] = found = closing.search(self.text, at)
        return found


def elements(text: str, opening: re.Pattern[str], closing: Callable[[re.Match[str]], re.Pattern[str] | None]
             ) -> Iterator[tuple[re.Match[str], re.Match[str] | None]]:
    """Each element as (its opening match, its closing match), left to right and not overlapping: `closing`
    gives the pattern that ends the element an opening starts, or None for an element whole in its opening
    (a self-closing block). An opening whose closing is not found after it is no element, and what follows it
    is looked at, as `opening(?:.*?closing)` finds them with re.DOTALL."""
    closings, at = Closings(text), 0
    while (found := opening.search(text, at)) is not None:
        pattern = closing(found)
        end = closings.after(pattern, found.end()) if pattern is not None else None
        if pattern is not None and end is None:
            at = found.start() + 1
            continue
        at = end.end() if end is not None else found.end()
        yield found, end


def replace_elements(text: str, found: Iterator[tuple[re.Match[str], re.Match[str] | None]],
                     replacement: Callable[[re.Match[str], re.Match[str] | None], str]) -> str:
    """`text` with each element of `found` (from `elements`) replaced by replacement(opening, closing)."""
    pieces, done = [], 0
    for opened, closed in found:
        pieces += (text[done:opened.start()], replacement(opened, closed))
        done = (closed or opened).end()
    return "".join(pieces) + text[done:] if pieces else text


def replace(text: str, found: Iterator[tuple[int, int]], replacement: Callable[[str], str]) -> str:
    """`text` with each span of `found` replaced by `replacement(its text)`."""
    pieces, done = [], 0
    for start, end in found:
        pieces += (text[done:start], replacement(text[start:end]))
        done = end
    return "".join(pieces) + text[done:] if pieces else text


def tags_replaced(pattern: re.Pattern[str], replacement: str | Callable[[re.Match[str]], str], text: str) -> str:
    """pattern.sub(replacement, text) for a pattern of one tag (`<…>` with no `>` inside it but at its end):
    such a match never runs past the next `>`, so none starts after the last one, where each `<` would make the
    pattern search to the end of the text."""
    end = text.rfind(">") + 1
    return pattern.sub(replacement, text[:end]) + text[end:]
