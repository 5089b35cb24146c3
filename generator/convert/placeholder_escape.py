"""`%` signs that WordPress 4.8.3's placeholder escape left in a post's text, made `%` again at import.

From 4.8.3 `$wpdb->prepare()` writes each `%` of a query as the site's placeholder, `{` and 64 hex digits and `}`,
and takes it out again when it runs the query. Where a plugin or a migration script saved the prepared text
itself, the placeholder stayed in the post for good: REST and the site itself serve "a 5{459fc6a2…0df95} discount"
and `padding-top: 100{459fc6a2…0df95}` where the author wrote 5% and 100%. No text a writer types is a brace
around exactly 64 hex digits.
"""

from __future__ import annotations

import re

PLACEHOLDER = re.compile(r"\{[0-9a-f]{64}\}")


def percents_restored(text: str) -> str:
    """The text with every placeholder escape a `%` again."""
    return PLACEHOLDER.sub("%", text) if "{" in text else text
