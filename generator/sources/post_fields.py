"""Which custom fields of a post may hold what its page shows a reader, by their keys alone.

WordPress hides a key that starts with `_` from its custom-fields box: plugins and WordPress keep their
bookkeeping there (`_edit_lock`, `_thumbnail_id`, `_wp_page_template`, `_elementor_data`). Some themes hide
their own post type's fields the same way, because a box of their own edits them, and print them on the
page: such a key is named after the type (`_team_member_job` of a `team_member`, `_project_client` of a
`portfolio_project`). Which of the remaining values are words and which are settings is the convert stage's
question (convert/custom_fields.py); this only keeps an export's post item from carrying what never shows.
"""

from __future__ import annotations

from collections.abc import Mapping


def own_prefixes(post_type: str) -> tuple[str, ...]:
    """The prefixes a theme gives its type's fields: the type's name (`g5_job_`), and its last word
    (`project_` of `portfolio_project`); longest first, so that the longest one is dropped from a label."""
    name = post_type.lstrip("_")
    last = name.rsplit("_", 1)[-1] if "_" in name else ""
    return tuple(f"{p}_" for p in dict.fromkeys((name, last)) if p)


BUILT_IN_TYPES = frozenset({"post", "page"})  # WordPress's own: a private `_post_…` key is no theme's field


def is_reader_key(key: str, post_type: str) -> bool:
    """Whether the key is one a reader's page may show: not private, or private but the type's own."""
    if not key.startswith("_"):
        return bool(key.strip())
    if post_type in BUILT_IN_TYPES or key.startswith("__"):
        return False
    return any(key[1:].startswith(prefix) for prefix in own_prefixes(post_type))


def reader_fields(post_type: str, meta: Mapping[str, str]) -> dict[str, str]:
    """The export's fields of the post whose keys a reader's page may show, in the export's order."""
    return {key: value for key, value in meta.items() if is_reader_key(key, post_type) and value.strip()}
