"""Fenced code through Pygments, for both renderers (markdown.py and engine.py).

Finding a lexer by name imports and searches Pygments' tables, and news sites repeat the same snippets
(embed codes, commands), so both are remembered: the result is a pure function of the code and its language.
"""

from __future__ import annotations

import functools
from html import escape

from pygments import highlight as pygments_highlight
from pygments.formatters import HtmlFormatter
from pygments.lexer import Lexer
from pygments.lexers import get_lexer_by_name
from pygments.util import ClassNotFound

CODE_FORMATTER = HtmlFormatter(nowrap=True)
# Longer code is highlighted each time, so what is remembered stays small (at most ~512 x 8 kB).
REMEMBERED_CODE = 8_000


def highlight_code(code: str, language: str, _attrs: object) -> str:
    """Pygments markup for fenced code with a known language; '' lets markdown-it escape it plainly."""
    if not language or _lexer(language) is None:
        return ""
    return _highlighted(code, language) if len(code) <= REMEMBERED_CODE else _highlight(code, language)


@functools.lru_cache(maxsize=256)
def _lexer(language: str) -> Lexer | None:
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


def _highlight(code: str, language: str) -> str:
    body = pygments_highlight(code, _lexer(language), CODE_FORMATTER)
    return f'<pre class="highlight"><code class="language-{escape(language)}">{body}</code></pre>'


_highlighted = functools.lru_cache(maxsize=512)(_highlight)
