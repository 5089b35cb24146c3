"""The warning a build gives when its site nears the 1 GB that GitHub Pages publishes at most.

The size is the sum of the sizes of the site's files, each path counted once with its bytes, as Pages
counts them: upload-pages-artifact archives the folder with tar --hard-dereference, so a hard-linked file
would be stored once per path. (The build's hard links join the site to its spare folder beside it, never
two paths inside the site.) The builder adds up the sizes that its own record of the site holds, so
measuring costs no file system access, even on a build that had nothing to do.
"""

from __future__ import annotations

from pathlib import Path

PAGES_LIMIT = 1_000_000_000  # bytes: GitHub Pages publishes sites of at most 1 GB
WARN_AT = 800_000_000  # bytes from which a build warns, leaving room for some months of new posts


def size_warning(site: Path, size: int, warn_at: int = WARN_AT, limit: int = PAGES_LIMIT) -> str | None:
    """One line naming the site, its size and Pages' limit, when the site holds `warn_at` bytes or more."""
    if size < warn_at:
        return None
    verb = "is over" if size > limit else "nears"
    return (f"{site}: {_megabytes(size)} MB {verb} GitHub Pages' limit of {_megabytes(limit)} MB per site "
            f"(this warning starts at {_megabytes(warn_at)} MB)")


def _megabytes(size: int) -> str:
    return f"{size / 1_000_000:,.1f}"
