"""PHP's error messages before a JSON response.

A WordPress site whose PHP shows its errors (display_errors on, common on cheap hosting) prints each
warning, notice or deprecation into the response ahead of the REST API's JSON; a crawl saves them with it.
They say nothing about the posts, and the JSON after them is whole.
"""

from __future__ import annotations

import re

# As PHP prints one with html_errors on (`<br />\n<b>Warning</b>:  … in <b>/path.php</b> on line <b>12</b><br />`)
# or off (`Warning: … in /path.php on line 12`, `PHP Notice: …` from the CLI's error log).
# A byte order mark may stand between them, or after the last: every PHP file saved with one prints it when it is
# included, whether before or after another file's warning.
_MESSAGE = re.compile(
    r"[\s\ufeff]*(?:<br\s*/?>\s*)?(?:<b>)?(?:PHP )?(?:Warning|Notice|Deprecated|Strict Standards)(?:</b>)?:"
    r"[^\n]*? on line (?:<b>)?\d+(?:</b>)?(?:<br\s*/?>)?")
_GAP = re.compile(r"[\s\ufeff]*")


def blank_php_messages(text: str) -> str:
    """`text` with the PHP messages before its JSON blanked out, if nothing else comes before the JSON.

    Blanked rather than cut, so that a JSON error further on is reported at its true line and column.
    """
    end = 0
    while found := _MESSAGE.match(text, end):
        end = found.end()
    end = _GAP.match(text, end).end() if end else 0
    if not end or text[end:end + 1] not in ("{", "["):
        return text
    return re.sub(r"[^\n]", " ", text[:end]) + text[end:]


def only_php_messages(text: str, start: int) -> bool:
    """Whether `text` holds nothing but PHP messages and spaces from `start` on: those a site prints after its JSON,
    at shutdown (WordPress's own `ob_end_flush(): failed to send buffer of zlib output compression` notice, which
    PHP prints after every response of a site that shows its errors and compresses its output)."""
    end = start
    while found := _MESSAGE.match(text, end):
        end = found.end()
    return end > start and not text[_GAP.match(text, end).end():]
