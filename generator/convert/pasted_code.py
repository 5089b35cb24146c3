"""Listings pasted into the visual editor from another page, which kept the page's markup for lines of code and
no <pre>: rows of a table numbering them, GitHub's numbered line boxes, and a script a highlighter coloured word by
word, pasted into a quote. Read as prose they became a table of coloured words, paragraphs with their indentation
and blank lines gone, or bold words and shell quotes made code spans (`` WHO=**`w`** ``); each is the code block it
showed."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import cells_of, elements

# The monospace fonts a container names to show its text as code.
MONOSPACE = re.compile(r"font-family\s*:[^;]*\b(?:courier|mono|consolas|menlo|lucida console)", re.I)
# A line box of GitHub's blob view (until 2013), kept by a copy from the page: `<div class="line" id="LC12">`.
GITHUB_LINE = re.compile(r"LC(\d+)")
# A script's first line, which names the program that runs it (`#!/bin/bash`, `#!/usr/bin/env python`).
SHEBANG = re.compile(r"#!\s*/\w[\w/.+-]*(?:[ \t][^\n]*)?(?:\n|$)")
COLOURED = re.compile(r"(?:^|;)\s*color\s*:", re.I)
# A highlighter colours each word of a kind (a keyword, a variable, a string): a quote holding fewer coloured words
# is the author's text that names a script, not the script.
FEWEST_COLOURED = 3
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
        cells = cells_of(row)
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
    return any(MONOSPACE.search(str(box.get("style") or "")) for box in boxes if isinstance(box, Tag)) or (
        _out_of_a_pre(table))


def _out_of_a_pre(table: Tag) -> bool:
    """Whether the table was inside a `<pre>`, which a browser shows it in, monospace: the parser (libxml2) closes a
    `<pre>` at a table it holds, and leaves the author's `<pre>` empty just before the table."""
    before = table.previous_sibling
    while isinstance(before, NavigableString) and not before.strip():
        before = before.previous_sibling
    return isinstance(before, Tag) and before.name == "pre" and not before.get_text().strip()


def _cell_lines(cell: Tag) -> str:
    """A cell's text as the lines it shows: a <br> ends one, the editor's no-break spaces are spaces."""
    pieces = ["\n" if isinstance(node, Tag) and node.name == "br" else str(node)
              for node in cell.descendants if not isinstance(node, Tag) or node.name == "br"]
    return "".join(pieces).replace("\xa0", " ").strip("\r\n")


def github_lines_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """A listing copied from GitHub's old file view keeps each line's box and its number (`id="LC4"`); the empty
    lines, boxes holding only a <br>, were often lost on the way, so the gaps between numbers are blank lines.
    A run of such boxes is one code block; a quote that held nothing else was the author's frame for it."""
    seen = getattr(soup, "seen_ids", None)  # a parsed post's ids, which spare the walk when none is a line box's
    if seen is not None and not any(GITHUB_LINE.fullmatch(ident) for ident in seen):
        return
    for first in [tag for tag in elements(soup, "div", "p") if GITHUB_LINE.fullmatch(str(tag.get("id") or ""))]:
        if first.parent is None or _previous_line_box(first) is not None:
            continue  # already taken into a block, or not the first of its run
        run = [first]
        while (following := _next_line_box(run[-1])) is not None:
            run.append(following)
        if len(run) < 2:
            continue
        block = _code_block(soup, _numbered_box_lines(run))
        box = first.parent
        first.replace_with(block)
        for tag in run[1:]:
            tag.extract()
        if box.name == "blockquote" and all(isinstance(n, Tag) and n is block or not n.get_text().strip()
                                            for n in box.contents):
            box.replace_with(block.extract())


def _line_number(tag: Tag) -> int:
    return int(GITHUB_LINE.fullmatch(str(tag.get("id") or "")).group(1))


def _next_line_box(tag: Tag) -> Tag | None:
    return _adjacent_line_box(tag, forward=True)


def _previous_line_box(tag: Tag) -> Tag | None:
    return _adjacent_line_box(tag, forward=False)


def _adjacent_line_box(tag: Tag, forward: bool) -> Tag | None:
    """The line box beside this one, past white space, when its number follows (or precedes) this one's."""
    step = "next_sibling" if forward else "previous_sibling"
    sibling = getattr(tag, step)
    while isinstance(sibling, NavigableString) and not sibling.strip():
        sibling = getattr(sibling, step)
    if not (isinstance(sibling, Tag) and sibling.name in ("div", "p")
            and GITHUB_LINE.fullmatch(str(sibling.get("id") or ""))):
        return None
    later, earlier = (sibling, tag) if forward else (tag, sibling)
    return sibling if _line_number(later) > _line_number(earlier) else None


def _numbered_box_lines(run: list[Tag]) -> list[str]:
    lines: list[str] = []
    for previous, tag in zip([None, *run], run):
        if previous is not None:
            lines.extend([""] * (_line_number(tag) - _line_number(previous) - 1))
        lines.append(_cell_lines(tag).rstrip())
    return lines


def coloured_scripts_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """A shell script a highlighter (GeSHi, as WP-Syntax showed it) coloured with a styled `<span>` per word, pasted
    into a quote or a box with no `<pre>`: a box whose first line is the script's `#!` and that holds coloured words
    is the script, a code block of its lines, where its bold words and backquotes read as emphasis and code spans."""
    for box in elements(soup, "blockquote", "div"):
        lines = _script_lines(box)
        if lines is not None:
            box.insert_before(_code_block(soup, lines))
            box.decompose()


def _script_lines(box: Tag) -> list[str] | None:
    first = next((text for text in box.strings if text.strip()), "")
    if not first.lstrip().startswith("#!"):  # (read before the whole text: a page's boxes hold one another)
        return None
    if box.find_parent(["pre", "code"]) is not None or box.find(["img", "table", "pre", "blockquote", "iframe"]):
        return None
    if not SHEBANG.match(box.get_text().lstrip().replace("\xa0", " ")):
        return None
    if sum(1 for span in box.find_all("span") if COLOURED.search(str(span.get("style") or ""))) < FEWEST_COLOURED:
        return None
    pieces: list[str] = []
    for node in box.descendants:
        if isinstance(node, NavigableString):
            after_break = pieces[-1:] == ["\n"]  # the source's own line end after a <br>, which wpautop keeps
            pieces.append(str(node)[1:] if after_break and str(node).startswith("\n") else str(node))
        elif node.name == "br" or node.name == "p" and pieces:  # a paragraph of the editor's: a blank line before it
            pieces.append("\n" if node.name == "br" else "\n\n")
    lines = [line.rstrip() for line in "".join(pieces).replace("\xa0", " ").strip("\r\n").split("\n")]
    # The editor's empty paragraphs (`&nbsp;`) beside its paragraph breaks: one blank line where the script had one.
    return [line for i, line in enumerate(lines) if line or i == 0 or lines[i - 1]]


def _code_block(soup: BeautifulSoup, lines: list[str]) -> Tag:
    pre = soup.new_tag("pre")
    code = soup.new_tag("code")
    code.string = "\n".join(lines)
    pre.append(code)
    return pre
