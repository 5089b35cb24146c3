"""Every URL of the site, and how one page links to another.

Paths here are site-relative POSIX paths that always name a file (`a/b/index.html`), because
from file:// a link to a folder shows a directory listing, not the page. Links between pages
are made relative, so one build works from disk and under any GitHub Pages subpath; only
canonical links, feeds and sitemaps use absolute URLs made from `base_url`.
"""

from __future__ import annotations

from urllib.parse import quote

from generator.model import Post, Term

INDEX = "index.html"


def home(page: int = 1) -> str:
    return INDEX if page == 1 else f"page/{page}/{INDEX}"


def post(p: Post) -> str:
    return f"{p.type}/{p.slug}/{INDEX}"


def taxonomy(name: str) -> str:
    return f"{name}/{INDEX}"


def term(t: Term, page: int = 1) -> str:
    folder = f"{t.taxonomy}/{t.slug}"
    return f"{folder}/{INDEX}" if page == 1 else f"{folder}/page/{page}/{INDEX}"


def relative(from_path: str, to_path: str) -> str:
    """The href that leads from the page at `from_path` to the file at `to_path`."""
    if from_path == to_path:
        return quote(to_path.rsplit("/", 1)[-1])
    return "../" * from_path.count("/") + quote(to_path)


def absolute(base_url: str, path: str) -> str:
    """The public URL of `path`: folders end in '/', as servers show them."""
    if path == INDEX or path.endswith("/" + INDEX):
        path = path[: -len(INDEX)]
    return base_url + quote(path)


class Linker:
    """Relative links from one page; views get one per page they describe."""

    def __init__(self, page: str) -> None:
        self.page = page

    def __call__(self, target: str) -> str:
        return relative(self.page, target)
