"""Posts of a plugin's own type that are the plugin's records, by what they hold, never an article.

- Whole text JSON: Formidable Forms keeps a form's actions (`frm_form_actions`: whom to e-mail, with which fields)
  and its styles (`frm_styles`) as posts whose content is a JSON object, and ActivityPub its activities; a dump
  or an export holds them beside the site's posts, and each became a page showing that JSON as text.
- A web address for a slug, and no text: IDX Broker's pages (`equity_idx_page`, `idx_page`) are its hosted
  search pages, which the site's menus link to; the plugin writes their address as their slug, and WordPress
  links them there. Each was an empty page, and its slug a problem that failed the import.

WordPress gives none of them a page. A post or page an author wrote is never taken for one: only types of their own.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping

ARTICLE_TYPES = frozenset({"post", "page"})
WEB_ADDRESS = re.compile(r"https?://", re.IGNORECASE)


def is_plugin_record(post_type: str, fields: Mapping[str, str]) -> bool:
    """Whether an export's item of `post_type` with these fields is a plugin's record (see the module's text)."""
    if post_type in ARTICLE_TYPES:
        return False
    content = fields.get("content:encoded", "").strip()
    if not content:
        return WEB_ADDRESS.match(fields.get("wp:post_name", "").strip()) is not None
    return _is_json(content)


def _is_json(text: str) -> bool:
    """Whether the text is a JSON object or list that holds something, whole."""
    if text[:1] not in ("{", "[") or text[-1:] not in ("}", "]"):
        return False
    try:
        value = json.loads(text)
    except (ValueError, RecursionError):  # nested past what the parser follows: no plugin writes such a record
        return False
    return isinstance(value, (dict, list)) and bool(value)
