"""The terms of `wp_posts` rows saved as JSON. WordPress keeps them in three more tables, which are saved beside
wp_posts: in one phpMyAdmin export, or a file per table (`wp_terms.json`, `wp_term_taxonomy.json`,
`wp_term_relationships.json`, or a query that joined the first two). Joined, they give each post its categories,
tags and custom terms, as an export's `<category domain nicename>` elements give an item's."""

from __future__ import annotations

import re
from pathlib import Path
from typing import Any

from generator.sources import wp_json
from generator.sources.wxr_items import TRANSLATIONS, php_translations

TERMS = re.compile(r"\w*terms")  # under any table prefix, as wp_rows.POSTS_TABLE
TAXONOMY = re.compile(r"\w*term_taxonomy")
RELATIONSHIPS = re.compile(r"\w*term_relationships")
TABLES = (TERMS, TAXONOMY, RELATIONSHIPS)

Term = tuple[str, str, str]  # (taxonomy, slug, name), as an export's <category domain nicename>name</category>


def is_term_rows(data: Any) -> bool:
    """Rows of one of the tables alone (a file per table), which name no post: they are read with the wp_posts rows
    beside them. A query joining wp_terms and wp_term_taxonomy has each term whole, and is read as terms are."""
    rows = data if isinstance(data, list) else []
    return bool(rows) and all(isinstance(row, dict) for row in rows) and (
        all("object_id" in row and "term_taxonomy_id" in row for row in rows)
        or all({"term_taxonomy_id", "term_id", "taxonomy"} <= row.keys() and "slug" not in row for row in rows)
        or all({"term_id", "name", "slug"} <= row.keys() and not row.keys() & {"taxonomy", "id"} for row in rows))


def tables_beside(path: Path) -> dict[str, list[Any]]:
    """The term tables saved a file each in the folder of a file of wp_posts rows, by table name."""
    tables = {}
    for sibling in sorted(path.parent.glob("*.json")):
        if any(table.fullmatch(sibling.stem) for table in TABLES):
            data, _ = wp_json.load(sibling)  # a file that cannot be read is named when it is read itself
            if isinstance(data, list):
                tables[sibling.stem] = data
    return tables


def _rows(tables: dict[str, list[Any]], table: re.Pattern[str]) -> list[dict[str, Any]]:
    return [row for name, found in tables.items() if table.fullmatch(name) for row in found if isinstance(row, dict)]


def translation_groups(tables: dict[str, list[Any]]) -> dict[str, dict[str, int]]:
    """Polylang's groups of translations: the slug of each `post_translations` term and the language -> post id
    array its description holds, as an export's `<wp:term>` gives them (sources/wxr_items.py)."""
    slugs = {_text(row.get("term_id")): _text(row.get("slug")) for row in _rows(tables, TERMS)}
    return {slugs[term]: dict(php_translations(_text(row.get("description"))))
            for row in _rows(tables, TAXONOMY) if row.get("taxonomy") == TRANSLATIONS
            and (term := _text(row.get("term_id"))) in slugs}


def post_terms(tables: dict[str, list[Any]]) -> tuple[dict[int, list[Term]], dict[tuple[str, str], int]]:
    """Each post's terms by post id, and each term's id by (taxonomy, slug), from the tables by name."""
    def rows(table: re.Pattern[str]) -> list[dict[str, Any]]:
        return _rows(tables, table)

    named = {_text(row.get("term_id")): (_text(row.get("slug")), _text(row.get("name"))) for row in rows(TERMS)}
    kinds = {_text(row["term_taxonomy_id"]): (_text(row["taxonomy"]), _text(row.get("term_id")))
             for row in rows(TAXONOMY) + rows(TERMS) if row.get("term_taxonomy_id") is not None and row.get("taxonomy")}
    terms: dict[int, list[Term]] = {}
    ids: dict[tuple[str, str], int] = {}
    for row in rows(RELATIONSHIPS):
        taxonomy, term = kinds.get(_text(row.get("term_taxonomy_id")), ("", ""))
        post = _text(row.get("object_id")).strip()
        if term in named and named[term][0] and post.isascii() and post.isdigit():
            slug, name = named[term]
            terms.setdefault(int(post), []).append((taxonomy, slug, name))
            if term.isascii() and term.isdigit():
                ids[(taxonomy, slug)] = int(term)
    return terms, ids


def _text(value: Any) -> str:
    """phpMyAdmin gives every value as text, other tools numbers as numbers."""
    return "" if value is None else value if isinstance(value, str) else str(value)
