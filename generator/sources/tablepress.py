"""TablePress's tables. `[table id=1 /]` in a post shows a table whose cells its `tablepress_table` post holds as JSON
(a list of rows, each a list of cells that may hold HTML; a cell's line breaks shown as breaks), its first row the
table's head unless the table's options say otherwise. Which post is table 1 only TablePress's option says
(`tablepress_tables`: `{"table_post": {"1": 62}}`), which a database dump holds and an export does not: there the
shortcode stays, and is reported. The table posts themselves are records (sources/wp_json.py), no articles.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

TYPE = "tablepress_table"
OPTION = "tablepress_tables"
OPTIONS_META = "_tablepress_table_options"
SHORTCODE = re.compile(r"\[table\s+id=[\"']?([\w-]+)[\"']?[^\[\]]*\](?:\s*\[/table\])?", re.IGNORECASE)


def table_posts(option: str) -> dict[str, int]:
    """The post of each table id, from the option TablePress keeps them in; {} for a value it did not write."""
    try:
        found = json.loads(option).get("table_post")
    except (ValueError, AttributeError):
        return {}
    if not isinstance(found, dict):
        return {}
    return {str(table): int(post) for table, post in found.items() if str(post).isdigit()}


def table_html(content: str, options: str) -> str:
    """The table a `tablepress_table` post's JSON holds, as HTML; '' where it holds no list of rows."""
    try:
        rows = json.loads(content)
        head = bool(json.loads(options or "{}").get("table_head", True))  # a flag, or (TablePress 3) a count
    except (ValueError, AttributeError):
        return ""
    if not isinstance(rows, list) or not rows or not all(isinstance(row, list) for row in rows):
        return ""
    cells = [[str(cell).replace("\n", "<br />") for cell in row] for row in rows]
    thead = f"<thead><tr>{''.join(f'<th>{c}</th>' for c in cells[0])}</tr></thead>" if head else ""
    body = "".join(f"<tr>{''.join(f'<td>{c}</td>' for c in row)}</tr>" for row in (cells[1:] if head else cells))
    return f'<table class="tablepress">{thead}<tbody>{body}</tbody></table>'


def with_tables(raw: str, tables: Mapping[str, str]) -> str:
    """`raw` content with each `[table id=…]` whose table is known shown as that table."""
    if "[table" not in raw or not tables:
        return raw
    return SHORTCODE.sub(lambda found: tables.get(found.group(1), found.group(0)), raw)
