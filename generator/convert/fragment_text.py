"""The text BeautifulSoup's html.parser tree gives (`get_text(" ")`) of a simple fragment, read without building it.

Most titles and excerpts are words with character references, in paragraphs: `<p>Council&#8217;s vote
[&hellip;]</p>`. Building a tree for each cost two posts in a hundred of an import's time. A fragment holding
anything else (an attribute, another tag, a comment, a stray `&` or `<`) is not simple: the caller parses it.
"""

from __future__ import annotations

import re

from bs4.dammit import EntitySubstitution, UnicodeDammit

# Tags without attributes, which no reader hides and which hold no link; entity and character references as
# html.parser reads them when they end in `;`.
SIMPLE = re.compile(r"(?:[^<&]++|&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[a-zA-Z][a-zA-Z0-9]{0,31});"
                    r"|<(?:p|br|em|strong|b|i)\s*/?>|</(?:p|br|em|strong|b|i)\s*>)*+", re.IGNORECASE)
TAG = re.compile(r"</?[a-zA-Z]+\s*/?>")
REFERENCE = re.compile(r"&(?:#([0-9]+)|#[xX]([0-9a-fA-F]+)|([a-zA-Z][a-zA-Z0-9]*));")
ASCII_SPACES = " \n\t\x0c\r"  # bs4's: a string of only these is kept as one space or one line break


def simple_text(fragment: str) -> str | None:
    """The fragment's strings joined by spaces, as bs4 gives them; None when the fragment is not simple, or holds
    a named reference bs4 does not know (it would keep that as text, less its `;`)."""
    if not SIMPLE.fullmatch(fragment):
        return None
    strings = []
    for piece in TAG.split(fragment):
        if not piece:
            continue
        text = _dereferenced(piece)
        if text is None:
            return None
        strings.append(text if text.strip(ASCII_SPACES) else "\n" if "\n" in text else " ")
    return " ".join(strings)


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
