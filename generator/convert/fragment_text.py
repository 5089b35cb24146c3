"""The text a reader sees of a title's or an excerpt's HTML: its words apart where a block or a line break parts
them, run together across an inline element's edges (`<em>Amethys</em>t` is one word, `<a>report</a>,` keeps
its comma), as a browser shows them. bs4's `get_text(" ")` put a space at every tag ("Amethys t", "report ,",
"The Guardian ’s view").

Most titles and excerpts are words with character references, in paragraphs: `<p>Council&#8217;s vote
[&hellip;]</p>`. Building a tree for each cost two posts in a hundred of an import's time: such a simple fragment
is read without one (simple_text). A fragment holding anything else (an attribute, another tag, a comment, a
stray `&` or `<`) is not simple: the caller parses it, and reads the tree's text with shown_text.
"""

from __future__ import annotations

import re

from bs4 import CData, NavigableString, Tag
from bs4.dammit import EntitySubstitution, UnicodeDammit

# Elements a browser shows as blocks or lines, whose edges part the words either side.
EDGE_NAMES = frozenset({"p", "div", "h1", "h2", "h3", "h4", "h5", "h6", "li", "ul", "ol", "dl", "dt", "dd", "tr",
                        "td", "th", "table", "thead", "tbody", "caption", "br", "hr", "blockquote", "section",
                        "article", "header", "footer", "aside", "nav", "main", "figure", "figcaption", "address",
                        "pre", "button", "details", "summary", "form", "fieldset", "legend", "center"})
SHOWN_STRINGS = (NavigableString, CData)  # what get_text reads: not comments, scripts or styles

# Tags without attributes, which no reader hides and which hold no link; entity and character references as
# html.parser reads them when they end in `;`.
SIMPLE = re.compile(r"(?:[^<&]++|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});"
                    r"|<(?:p|br|em|strong|b|i)\s*/?>|</(?:p|br|em|strong|b|i)\s*>)*+", re.IGNORECASE)
TAG = re.compile(r"</?([a-zA-Z]+)\s*/?>")
REFERENCE = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));")


def simple_text(fragment: str) -> str | None:
    """The fragment's text as shown: a space at a paragraph's or a line break's edge, none at an emphasis's; None
    when the fragment is not simple, or holds a named reference bs4 does not know (it would keep that as text, less
    its `;`)."""
    if not SIMPLE.fullmatch(fragment):
        return None
    pieces = TAG.split(fragment)  # text, then a tag's name and the text after it, by turns
    strings = []
    for at, piece in enumerate(pieces):
        if at % 2:
            strings.append(" " if piece.lower() in EDGE_NAMES else "")
            continue
        text = _dereferenced(piece) if piece else ""
        if text is None:
            return None
        strings.append(text)
    return "".join(strings)


def shown_text(root: Tag) -> str:
    """The text of a parsed fragment as shown: a space at each edge of a block or a line break (see EDGE_NAMES),
    none at an inline element's. Read with a stack, not by recursion: a hostile title may nest deep."""
    strings: list[str] = []
    stack = [(iter(root.contents), False)]
    while stack:
        children, edge = stack[-1]
        child = next(children, None)
        if child is None:
            stack.pop()
            strings.append(" " if edge else "")
        elif isinstance(child, Tag):
            edge = child.name in EDGE_NAMES
            strings.append(" " if edge else "")
            stack.append((iter(child.contents), edge))
        elif type(child) in SHOWN_STRINGS:
            strings.append(str(child))
    return "".join(strings)


def _dereferenced(piece: str) -> str | None:
    unknown = []

    def character(match: re.Match[str]) -> str:
        decimal, hexadecimal, name = match.groups()
        if name is not None:
            found = EntitySubstitution.HTML_ENTITY_TO_CHARACTER.get(name)
            if found is None:
                unknown.append(name)
            return found or ""
        number = int(decimal, 10) if decimal is not None else int(hexadecimal, 16)
        return UnicodeDammit.numeric_character_reference(number)[0]

    text = REFERENCE.sub(character, piece) if "&" in piece else piece
    return None if unknown else text
