"""Listings pasted into the visual editor from another page, which kept the page's markup for lines of code and
no <pre>: rows of a table numbering them. Read as prose they became a table of coloured words; each is the code
block it showed."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements

# The monospace fonts a container names to show its text as code.
MONOSPACE = re.compile(r"font-family\s*:[^;]*\b(?:courier|mono|consolas|menlo|lucida console)", re.I)
# How far up a listing's table looks for the box that sets it in a monospace font.
MONOSPACE_DEPTH = 3


def numbered_rows_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """Code-to-HTML tools of Blogger's time (pasted into WordPress with the post) lay a listing out as a table in a
    monospace box, one row per line: the line's number, then the line's coloured words. The numbers stood as a
    column of their own and each line's indentation was lost; the listing is the lines, a code block."""
    for table in elements(soup, "table"):
        lines = _numbered_lines(table)
        if lines is not None:
            table.replace_with(_code_block(soup, lines))


def _numbered_lines(table: Tag) -> list[str] | None:
    """The lines of a table whose rows each hold a line's number (counting up; a number missing is a line the
    author deleted from the pasted table) and the line, set in a monospace font; None for any other table, such
    as a ranking in the page's own font."""
    rows = table.find_all("tr")
    if not rows or table.find(["table", "img", "pre"]) is not None or not _monospace(table):
        return None
    numbered = []
    for row in rows:
        cells = row.find_all(["td", "th"], recursive=False)
        number = cells[0].get_text().strip() if len(cells) == 2 else ""
        if not number.isdigit():
            return None
        numbered.append((int(number), cells[1]))
    if any(later <= earlier for (earlier, _), (later, _) in zip(numbered, numbered[1:])):
        return None
    lines = [_cell_lines(cell) for _, cell in numbered]
    return lines


def _monospace(table: Tag) -> bool:
    boxes = [table, *list(table.parents)[:MONOSPACE_DEPTH]]
    return any(MONOSPACE.search(str(box.get("style") or "")) for box in boxes if isinstance(box, Tag))


def _cell_lines(cell: Tag) -> str:
    """A cell's text as the lines it shows: a <br> ends one, the editor's no-break spaces are spaces."""
    pieces = ["\n" if isinstance(node, Tag) and node.name == "br" else str(node)
              for node in cell.descendants if not isinstance(node, Tag) or node.name == "br"]
    return "".join(pieces).replace("\xa0", " ").strip("\r\n")


def _code_block(soup: BeautifulSoup, lines: list[str]) -> Tag:
    pre = soup.new_tag("pre")
    code = soup.new_tag("code")
    code.string = "\n".join(lines)
    pre.append(code)
    return pre
