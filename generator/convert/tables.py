"""Tables: boxes drawn as tables of one column, whether a pipe table can hold a table, and else the compact HTML
it is kept as."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import cells_of, elements, enclosing, may_contain

BLOCK_IN_CELL = ("p", "ul", "ol", "pre", "blockquote", "table", "h1", "h2", "h3", "h4", "h5", "h6", "div",
                 "figure", "dl")
# Blocks of text, which a layout sets beside a picture (a data table's cells hold words, numbers, a picture).
LAYOUT_BLOCKS = ("p", "ul", "ol", "blockquote", "h1", "h2", "h3", "h4", "h5", "h6")
TABLE_ATTRIBUTES = ("colspan", "rowspan", "scope", "headers", "align")
BLANK_LINES = re.compile(r"\n\s*\n")
# What a cell shows without words: it is kept though it holds no text.
SHOWN = ("img", "picture", "video", "audio", "iframe", "embed", "object", "svg", "hr", "pre", "code")


def is_simple_table(table: Tag) -> bool:
    """A pipe table can hold it: one header row at most, a footer only as its last rows (see _footer_as_last_rows),
    no spans, no blocks or tables in cells.

    One walk down the table, knowing at each tag whether it is inside a cell."""
    head = None
    pending = [(child, False) for child in reversed(table.contents)]
    while pending:
        tag, in_cell = pending.pop()
        if not isinstance(tag, Tag):
            continue
        if tag.name == "table" or (in_cell and (tag.name in BLOCK_IN_CELL or tag.name == "br")):
            return False
        if tag.name == "tfoot" and not _footer_as_last_rows(tag):
            return False
        cell = tag.name in ("td", "th")
        if cell and (tag.get("rowspan") is not None or tag.get("colspan") is not None):
            return False
        if head is None and tag.name == "thead":
            head = tag
        pending.extend((child, in_cell or cell) for child in reversed(tag.contents))
    return head is None or sum(1 for tag in head.descendants if isinstance(tag, Tag) and tag.name == "tr") <= 1


def _footer_as_last_rows(footer: Tag) -> bool:
    """Whether a footer reads the same as the table's last rows: it follows the other rows (a browser shows it
    last wherever it stands, a pipe table where it stands) and each of its rows holds data (a total); a row of
    header cells only is a header repeated at the bottom, which would read as data."""
    table = footer.parent
    return (table is not None and table.name == "table" and footer.find_next_sibling() is None
            and footer.find_previous_sibling(("thead", "tbody", "tr")) is not None
            and all(row.find("td") is not None for row in footer.find_all("tr")))


def table_html(table: Tag) -> str:
    """The table as compact HTML: no blank line may end the HTML block early, no styling kept.
    Footnote references become plain superscript numbers, as Markdown cannot reach inside HTML."""
    for ref in table.find_all("nm-fnref"):
        ref.name, ref.string, ref.attrs = "sup", f"[{ref['n']}]", {}
    for tag in [table, *table.find_all(True)]:
        tag.attrs = {k: v for k, v in tag.attrs.items()
                     if k in TABLE_ATTRIBUTES or (tag.name == "a" and k in ("href", "title"))
                     or (tag.name == "img" and k in ("src", "alt", "title"))}
    return BLANK_LINES.sub("\n", str(table))


def one_column_tables_as_blocks(soup: BeautifulSoup, ctx: Context) -> None:
    """A table of one column holds no data to compare across: editors of Blogger's and Word's time drew boxes
    with it (a framed quote, a listing, an article pasted whole), and Blogger still sets a picture over its
    caption that way. As a table it became a pipe table under an empty header, or HTML whose paragraphs and
    links Markdown no longer read; each cell is the block it showed, in its place. A table whose header cells
    name the column is a list with a title, and stays; a header cell left blank (a grid control's `<th>&nbsp;</th>`
    above a list of links) names nothing."""
    for table in elements(soup, "table"):
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        cells = [cells_of(row) for row in rows]
        if not rows or any(len(row) != 1 for row in cells):
            continue
        if len(rows) > 1 and any(_names_column(row[0]) for row in cells):
            continue
        for row in cells:
            cell = row[0]
            if cell.get_text().strip() or cell.find(SHOWN) is not None:
                cell.name, cell.attrs = "div", {}
                table.insert_before(cell.extract())
        table.decompose()


def one_row_layouts_as_blocks(soup: BeautifulSoup, ctx: Context) -> None:
    """A table of one row that sets a picture beside paragraphs (or a list, a heading), or holds a form, is a
    layout, not data: the classic editor's way to set things side by side. Kept as HTML, it was a table wider than
    a phone whose cells' paragraphs Markdown no longer read, and a form's labels stood in it as markup. Each cell is
    the block it showed, in its place. A row of header cells, of pictures alone or of words is left a table."""
    for table in elements(soup, "table"):
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        cells = cells_of(rows[0]) if len(rows) == 1 else []
        if len(cells) < 2 or any(cell.name == "th" for cell in cells) or not _laid_out(cells):
            continue
        # Made boxes where they stand: taking each cell out of a long post's root cost a search of the root.
        for part in [table, *(row.parent for row in rows if row.parent is not table), *rows, *cells]:
            part.name, part.attrs = "div", {}


def _laid_out(cells: list[Tag]) -> bool:
    """A form in a cell, or a picture alone in one and blocks of text in another."""
    if any(cell.find("form") is not None for cell in cells):
        return True
    pictured = any(cell.find(("img", "picture")) is not None and not cell.get_text().strip() for cell in cells)
    return pictured and any(cell.find(LAYOUT_BLOCKS) is not None for cell in cells)


def _names_column(cell: Tag) -> bool:
    """Whether a cell is a header that says something: a `<th>`, or a cell of the table's `<thead>`, with words."""
    head = cell.name == "th" or cell.find_parent("thead") is not None
    return head and (bool(cell.get_text().strip()) or cell.find(SHOWN) is not None)


def cell_paragraphs_as_text(soup: BeautifulSoup, ctx: Context) -> None:
    """A cell that holds one paragraph and nothing else (`<td><p>Title</p></td>`, as Word, and the classic editor
    pasting from it, write every cell) shows a line of words, as a pipe table's cell does. The paragraph is the
    editor's markup, not a block the cell needs; kept, it would make the whole table HTML."""
    for cell in elements(soup, "td", "th"):
        shown = [c for c in cell.contents if not (isinstance(c, NavigableString) and not c.strip())]
        if len(shown) != 1 or not isinstance(shown[0], Tag) or shown[0].name not in ("p", "div"):
            continue
        if shown[0].find(lambda t: t.name in BLOCK_IN_CELL or t.name == "br") is None:
            shown[0].unwrap()


BOLD = ("strong", "b")


def bold_first_row_as_header(soup: BeautifulSoup, ctx: Context) -> None:
    """A table without header cells whose first row is bold throughout, and the next row not, names its columns
    in that row: the author made a header the way the editor's buttons allowed. Its cells become header cells;
    kept as data, the pipe table showed an empty header over the bold row."""
    if not (may_contain(soup, "<table") or may_contain(soup, "<TABLE")):
        return
    for table in elements(soup, "table"):
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        if len(rows) < 2 or table.find(("th", "thead")) is not None:
            continue
        first, second = cells_of(rows[0]), cells_of(rows[1])
        if _all_bold(first) and not _all_bold(second):
            for cell in first:
                cell.name = "th"
                for bold in cell.find_all(BOLD):
                    bold.unwrap()


def _all_bold(cells: list[Tag]) -> bool:
    """Whether some cell has words and every word of every cell is in bold inside its cell."""
    words = [(text, cell) for cell in cells for text in cell.find_all(string=True) if text.strip()]
    return bool(words) and all(enclosing(text, BOLD, cell) is not None for text, cell in words)
