"""Fenced code through Pygments, for both renderers (markdown.py and engine.py).

Finding a lexer by name imports and searches Pygments' tables, and news sites repeat the same snippets
(embed codes, commands), so both are remembered: the result is a pure function of the code and its language.
"""

from __future__ import annotations

import functools
from html import escape
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # Pygments is imported when a body first has code: most rebuilds render none
    from pygments.formatter import Formatter
    from pygments.lexer import Lexer

# Longer code is highlighted each time, so what is remembered stays small (at most ~512 x 8 kB).
REMEMBERED_CODE = 8_000


def highlight_code(code: str, language: str, _attrs: object) -> str:
    """Pygments markup for fenced code with a known language; '' lets markdown-it escape it plainly."""
    if not language or _lexer(language) is None:
        return ""
    return _highlighted(code, language) if len(code) <= REMEMBERED_CODE else _highlight(code, language)


@functools.lru_cache(maxsize=256)
def _lexer(language: str) -> Lexer | None:
    from pygments.lexers import get_lexer_by_name
    from pygments.util import ClassNotFound
    try:
        return get_lexer_by_name(language)
    except ClassNotFound:
        return None


@functools.cache
def _formatter() -> Formatter:
    from pygments.formatters import HtmlFormatter
    return HtmlFormatter(nowrap=True)


def _highlight(code: str, language: str) -> str:
    from pygments import highlight as pygments_highlight
    body = pygments_highlight(code, _lexer(language), _formatter())
    return f'<pre class="highlight"><code class="language-{escape(language)}">{body}</code></pre>'


_highlighted = functools.lru_cache(maxsize=512)(_highlight)
