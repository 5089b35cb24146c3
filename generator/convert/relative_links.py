"""Links and images relative to the site a post came from, in a post that names no address of that site.

A database dump whose `wp_options` holds no `home` or `siteurl` (a blog moved from BlogEngine.NET, whose guids are
UUIDs) gives its posts no web address, so the build cannot resolve their `/post/x.aspx` and `/image.axd?…` against
anything and shows them as text, naming each post with exit 1. The import counts them, so that it is told there
and then which file wants `--site URL`, rather than at the first build.
"""

from __future__ import annotations

import re

# A Markdown link's or image's address, and a URL attribute of raw HTML.
ADDRESS = re.compile(r"\]\(<?([^)\s>]+)|\s(?:href|src)=\"([^\"]*)\"")
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")


def relative_links(markdown: str) -> int:
    """How many links and images of a Markdown body lead to a path, a file or a query of no named site."""
    return sum(1 for found in ADDRESS.finditer(markdown) if _relative((found.group(1) or found.group(2)).strip()))


def _relative(url: str) -> bool:
    return bool(url) and not url.startswith(("#", "//")) and not SCHEME.match(url)
