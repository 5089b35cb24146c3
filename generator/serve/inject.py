"""What the preview server changes in the HTML it sends, and nowhere else: one external script tag, and the
page's Content-Security-Policy widened just enough for that script to load and to hear from the server.

The site's files are never touched; these functions work on the bytes of one response.
"""

from __future__ import annotations

import html
import re

# The directives the reload script needs: loading itself (script-src) and its EventSource (connect-src).
# script-src-elem, when a theme uses it, governs the <script> element ahead of script-src.
NEEDED = ("script-src", "connect-src")
CSP_META = re.compile(rb"""<meta\b[^>]*\bhttp-equiv\s*=\s*["']?content-security-policy["']?[^>]*>""", re.IGNORECASE)
CONTENT = re.compile(rb"""(\bcontent\s*=\s*)(?:"([^"]*)"|'([^']*)')""", re.IGNORECASE)
HEAD_END = re.compile(rb"</head\s*>", re.IGNORECASE)
BODY_END = re.compile(rb"</body\s*>", re.IGNORECASE)


def inject(page: bytes, script_url: str, build: str) -> bytes:
    """`page` with every meta CSP allowing 'self' scripts and connections, and the reload script added at the
    end of <head> (after the CSP meta, so that the policy covers it)."""
    tag = (f'<script src="{html.escape(script_url)}" data-build="{html.escape(build)}" defer></script>\n'
           .encode())
    page = CSP_META.sub(_widen_meta, page)
    for end in (HEAD_END, BODY_END):
        found = end.search(page)
        if found:
            return page[:found.start()] + tag + page[found.start():]
    return page + tag


def widen(policy: str) -> str:
    """`policy` where scripts and connections from the page's own origin are allowed; every other directive,
    and every source already allowed, stays as it was."""
    directives = [d.strip() for d in policy.split(";") if d.strip()]
    names = [d.split()[0].lower() for d in directives]
    fallback = _sources(directives[names.index("default-src")]) if "default-src" in names else None
    widened = [_with_self(d) if name in (*NEEDED, "script-src-elem") else d for d, name in zip(directives, names)]
    for name in NEEDED:
        if name not in names and fallback is not None and "'self'" not in fallback:
            # Absent, the directive falls back to default-src: start from its sources, so nothing that was
            # allowed becomes blocked.
            widened.append(_with_self(" ".join([name, *fallback])))
    return "; ".join(widened)


def _widen_meta(meta: re.Match[bytes]) -> bytes:
    def replace(content: re.Match[bytes]) -> bytes:
        raw = (content.group(2) if content.group(2) is not None else content.group(3)).decode("utf-8", "replace")
        return content.group(1) + b'"' + _attribute(widen(html.unescape(raw))).encode() + b'"'
    return CONTENT.sub(replace, meta.group(0), count=1)


def _attribute(text: str) -> str:
    """Text for a double-quoted attribute; single quotes, which every CSP source keyword has, stay readable."""
    return html.escape(text, quote=False).replace('"', "&quot;")


def _sources(directive: str) -> list[str]:
    return directive.split()[1:]


def _with_self(directive: str) -> str:
    name, sources = directive.split()[0], [s for s in _sources(directive) if s.lower() != "'none'"]
    if "'self'" not in (s.lower() for s in sources):
        sources.append("'self'")
    return " ".join([name, *sources])
