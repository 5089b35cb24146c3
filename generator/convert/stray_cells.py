"""Rows and cells outside any table (`<tbody><tr><td>…</td></tr></tbody>` with no `<table>` around them): what is
left of a table whose opening tag an editor lost, or of cells copied from a web page. A browser ignores such tags
and shows what they hold as the text around them; libxml2 keeps them, and the Markdown writer made them a table of
one cell, holding every line and any table inside it run together."""

from __future__ import annotations

from bs4 import BeautifulSoup

from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

PARTS = ("tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup", "col")


def stray_table_parts_unwrapped(soup: BeautifulSoup, ctx: Context) -> None:
    if not (may_contain(soup, "<t") or may_contain(soup, "<T")):
        return
    for tag in elements(soup, *PARTS):
        if tag.find_parent("table") is None:
            tag.unwrap()
