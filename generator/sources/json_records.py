"""Posts of a plugin's own type whose whole text is JSON: the plugin's settings or records, never an article.

Formidable Forms keeps a form's actions (`frm_form_actions`: whom to e-mail, with which fields) and its styles
(`frm_styles`) as posts whose content is a JSON object, and ActivityPub its activities; a dump or an export holds
them beside the site's posts, and each became a page showing that JSON as text. WordPress gives them no page.
A post or page an author wrote is never taken for one: only types of their own are.
"""

from __future__ import annotations

import json

ARTICLE_TYPES = frozenset({"post", "page"})


def is_json_record(post_type: str, content: str) -> bool:
    """Whether a post of `post_type` holding `content` is a plugin's record: a JSON object or list, whole."""
    text = content.strip()
    if post_type in ARTICLE_TYPES or text[:1] not in ("{", "[") or text[-1:] not in ("}", "]"):
        return False
    try:
        value = json.loads(text)
    except ValueError:
        return False
    return isinstance(value, (dict, list)) and bool(value)
