"""Words in brackets that read as a shortcode nothing here knows, but that the author wrote as words: the mirror
drops such a shortcode where it reads as a plugin's output (a bare namespaced tag alone on its line, an empty pair),
and these are not.

- A tag that the post's own code uses (`<pre>… ' [date]' + now + '[/date] '…</pre>`): the prose beside that code
  writes about the format, `[date][/date]中的是…秒数` ("between [date][/date] are the seconds"), as a programmer's
  blog did; an empty pair dropped there cut the sentence.
- A bracketed key in a list of them, one a line (`[name]`, `[type]`, `[tmp_name]`, `[error]`, `[size]`: the keys of
  PHP's `$_FILES` quoted in a security blog), where a line next to it is no shortcode at all: the list lost its one
  key named as plugins name theirs.

WordPress shows an unregistered shortcode as the words it is, so keeping these is what the live site showed.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Sequence

# A tag's name as it stands in code: `[date]`, `[/date]`, `['tmp_name']` is no tag.
CODE_TAG = re.compile(r"\[/?([a-z][a-z0-9_-]*)\]")
# A line that is one word in brackets no shortcode could be named (no `_` or `-`), once its tags (wpautop's paragraph
# and breaks, the quote or list around it) are taken off.
TAG = re.compile(r"<[^<>]*>")
PLAIN_WORD = re.compile(r"\[([a-z][a-z0-9]{0,39})\]", re.IGNORECASE)
# How far a neighbouring line's end is looked for: a longer line is no word in brackets, whatever wraps it.
NEIGHBOUR_REACH = 200


def tags_in_code(html: str, code: Sequence[tuple[int, int]]) -> frozenset[str]:
    """The names of the tags written inside the code spans (`<pre>`, `<code>`…) of `html`."""
    return frozenset(found.group(1) for start, end in code for found in CODE_TAG.finditer(html, start, end))


def in_a_list_of_words(html: str, line_start: int, line_end: int, known: Callable[[str], bool]) -> bool:
    """Whether the line html[line_start:line_end] (a bracketed tag alone, `line_start` the newline before it or -1,
    `line_end` the newline after it or -1) has a line next to it that is a word in brackets no shortcode could be:
    no `_` or `-` in its name, and no name that is `known` (`[error]` is a theme's notice box)."""
    for line in (_neighbour(html, line_start, -1), _neighbour(html, line_end, 1)):
        if line is None or "[" not in line:
            continue
        word = PLAIN_WORD.fullmatch((TAG.sub("", line) if "<" in line else line).strip())
        if word is not None and not known(word.group(1).lower()):
            return True
    return False


def _neighbour(html: str, newline: int, step: int) -> str | None:
    """The line before (`step` -1) or after (1) the newline at `newline`; None where there is none, or where it runs
    longer than a word in brackets could."""
    if newline < 0 or (step < 0 and newline == 0):
        return None
    if step < 0:
        before = html.rfind("\n", max(0, newline - NEIGHBOUR_REACH), newline)
        return None if before < 0 and newline > NEIGHBOUR_REACH else html[before + 1:newline]
    after = html.find("\n", newline + 1, newline + 1 + NEIGHBOUR_REACH)
    if after < 0 and len(html) > newline + 1 + NEIGHBOUR_REACH:
        return None
    return html[newline + 1:after if after >= 0 else len(html)]
