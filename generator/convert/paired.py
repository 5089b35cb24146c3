"""Elements that end at a fixed closing tag (`<pre>…</pre>`, `<script>…</script>`, `<!--…-->`), found in time
linear in the text.

A pattern such as `<pre[\\s>].*?</pre>` searches the rest of the text again from every opening that is never
closed: a post holding thousands of them (cut short by a database column, or pasted over and over) took
minutes to import. Here the closing tag is looked for once per opening, and not at all once it is known to
be missing from the rest of the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator

# ASCII letters lowered, every other character left as it is: the text keeps its length (str.lower does not:
# "İ" becomes two characters), so positions found in it are positions in the text.
ASCII_LOWER = {code: code + 32 for code in range(ord("A"), ord("Z") + 1)}


def spans(text: str, opening: re.Pattern[str], closing: Callable[[re.Match[str]], str]) -> Iterator[tuple[int, int]]:
    """(start, end) of each element from a match of `opening` to the first `closing(match)` after it (ASCII,
    lowercase; matched whatever its case), left to right and not overlapping, as `opening.*?closing` with
    re.DOTALL and re.IGNORECASE finds them."""
    lowered: str | None = None
    missing: set[str] = set()  # closing tags not in the rest of the text
    at = 0
    while (found := opening.search(text, at)) is not None:
        close = closing(found)
        if lowered is None:
            lowered = text.translate(ASCII_LOWER)
        end = -1 if close in missing else lowered.find(close, found.end())
        if end < 0:
            missing.add(close)
            at = found.end()
            continue
        at = end + len(close)
        yield found.start(), at


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
