"""A table of WordPress's saved as CSV, a file per table (phpMyAdmin's CSV export, a spreadsheet's): its rows, each a
list of values. Values are separated by commas or semicolons, quoted or not, a quote inside a quoted one doubled;
a quoted value may span lines. Unquoted NULL is SQL's NULL. The file's name says the table, and its first row, if
it names them, the columns (sources/wp_sql.py reads the rows so).
"""

from __future__ import annotations

import re

from generator.problems import Problem

SEPARATORS = (",", ";")
# One value, quoted or not: possessive, so that a quote never closed fails at once.
VALUES = {separator: re.compile(r'"((?:[^"]++|"")*+)"|([^"' + separator + r'\r\n]*+)') for separator in SEPARATORS}
FIRST_VALUE = re.compile(r'"(?:[^"]++|"")*+"|[^",;\r\n]*+')
LINE_END = re.compile(r"\r\n?|\n")


def rows(text: str, path: str, problems: list[Problem]) -> list[list[str | None]]:
    """The rows of the file's `text`; where a value is written wrong (a quote never closed, a quote inside an
    unquoted value) the rest is not read, and a problem names the line."""
    text = text.removeprefix("\ufeff")
    separator = _separator(text)
    value = VALUES[separator]
    found: list[list[str | None]] = []
    row: list[str | None] = []
    position = 0
    while True:
        match = value.match(text, position)
        quoted, bare = match.groups()
        row.append(quoted.replace('""', '"') if quoted is not None else None if bare == "NULL" else bare)
        position = match.end()
        if text.startswith(separator, position):
            position += 1
            continue
        end = LINE_END.match(text, position)
        if end is None and position < len(text):  # the row is not read whole: none of it is
            line = text.count("\n", 0, position) + 1
            problems.append(Problem(path, message=f"line {line}: a value is written wrong (a quote never closed, "
                                                  f"or one inside a value not quoted); the rows from there on "
                                                  f"are not read"))
            return found
        if len(row) > 1 or quoted is not None or bare:  # a blank line, or the last line break, holds no row
            found.append(row)
        if end is None:
            return found
        row = []
        position = end.end()


def _separator(text: str) -> str:
    """The separator after the first value: a comma, or the semicolon spreadsheets write in much of Europe."""
    first = FIRST_VALUE.match(text)
    return ";" if first and text.startswith(";", first.end()) else ","
