"""WordPress's verse block: poetry, saved as preformatted text, shown as lines of prose.

The block is a `<pre class="wp-block-verse">` whose line breaks are typed newlines and `<br>`s; the mirror
writes it as a paragraph of lines, with each line's indent kept.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, PageElement, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

VERSE_CLASSES = frozenset({"wp-block-verse"})
EMPHASIS_TAGS = frozenset({"em", "i", "strong", "b", "span", "u", "mark"})  # what may end a verse's last line
ASCII_BLANK = " \t\r\n"  # not a no-break space, which a line's indent is made of
INDENT = re.compile(r"^[ \t]+")


def verse_as_lines(soup: BeautifulSoup, ctx: Context) -> None:
    """Poetry keeps its line breaks but is prose, not code; a line's indent, which the verse block shows as
    typed, stays as no-break spaces (a tab as four), which prose does not collapse. The newline it opens with,
    which a browser skips, and the breaks it ends with, which break no line, go."""
    if not may_hold(soup, VERSE_CLASSES):
        return
    for pre in elements(soup, "pre"):
        if "wp-block-verse" not in (pre.get("class") or ()):
            continue
        _drop_closing_breaks(pre)
        first = pre.contents[0] if pre.contents else None
        if type(first) is NavigableString and first.startswith(("\n", "\r\n")):
            first.replace_with(first.removeprefix("\r").removeprefix("\n"))  # a browser skips it too
        broken = {text.parent: None for text in pre.find_all(string=True) if "\n" in text}
        for parent in broken:
            _replace_children(parent, [node for child in parent.contents for node in _as_lines(soup, child)])
        pre.name = "p"


def _as_lines(soup: BeautifulSoup, child: PageElement) -> list[PageElement | str]:
    """A verse's text with its line breaks as <br>, a line's indent as no-break spaces; anything else as is."""
    if not isinstance(child, NavigableString) or "\n" not in child:
        return [child]
    parts = child.split("\n")
    nodes: list[PageElement | str] = [parts[0]] if parts[0] else []
    for part in parts[1:]:
        nodes.append(soup.new_tag("br"))
        if part:
            nodes.append(INDENT.sub(lambda m: m.group(0).replace("\t", "    ").replace(" ", "\u00a0"), part))
    return nodes


def _replace_children(parent: Tag, nodes: list[PageElement | str]) -> None:
    """`parent` holds `nodes` instead of its children: taken out from the last and put back at the end, each
    in constant time (bs4 finds a child's place by counting from the first, which a verse of thousands of
    lines made take minutes)."""
    contents = parent.contents
    for i in range(len(contents) - 1, -1, -1):
        contents[i].extract(_self_index=i)
    for node in nodes:
        parent.append(node)


def _drop_closing_breaks(block: Tag) -> None:
    """The line breaks and blank text a verse ends with (its last line's Enter, `…blue\n</pre>`, or
    `<br><br>`), also at the end of its last emphasis, break no line; in Markdown the last would end the
    paragraph as a backslash, shown as one. Taken from the end, each in constant time."""
    parent: Tag | None = block
    while parent is not None:
        contents, inner = parent.contents, None
        while contents:
            last = contents[-1]
            if type(last) is NavigableString and not last.strip(ASCII_BLANK):
                last.extract(_self_index=len(contents) - 1)
            elif type(last) is NavigableString:
                last.replace_with(last.rstrip(ASCII_BLANK))
                break
            elif isinstance(last, Tag) and last.name == "br":
                last.extract(_self_index=len(contents) - 1)
            else:
                inner = last if isinstance(last, Tag) and last.name in EMPHASIS_TAGS else None
                break
        parent = inner
