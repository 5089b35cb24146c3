"""Every URL of the site, and how one page links to another.

Paths here are site-relative POSIX paths that always name a file (`a/b/index.html`), because
from file:// a link to a folder shows a directory listing, not the page. Links between pages
are made relative, so one build works from disk and under any GitHub Pages subpath; only
canonical links, feeds, the sitemap and the 404 page use absolute URLs made from `base_url`.
"""

from __future__ import annotations

import functools
import re
from urllib.parse import quote

from generator.model import Post, Term

INDEX = "index.html"
ARCHIVE = "archive"
NOT_FOUND = "404.html"
FEED = "feed.xml"
SITEMAP = "sitemap.xml"
ROBOTS = "robots.txt"
CNAME = "CNAME"
# Characters that quote() leaves as they are (letters, digits, "_.-~" and "/").
PLAIN = re.compile(r"[A-Za-z0-9_.\-~/]*")


def _paged(folder: str, page: int) -> str:
    """`folder/index.html`, then `folder/page/N/index.html`; the home page's folder is the site's root."""
    prefix = f"{folder}/" if folder else ""
    return f"{prefix}{INDEX}" if page == 1 else f"{prefix}page/{page}/{INDEX}"


def home(page: int = 1) -> str:
    return _paged("", page)


def post(p: Post) -> str:
    return f"{p.type}/{p.slug}/{INDEX}"


def taxonomy(name: str) -> str:
    return f"{name}/{INDEX}"


def term(t: Term, page: int = 1) -> str:
    return _paged(f"{t.taxonomy}/{t.slug}", page)


def term_feed(t: Term) -> str:
    return f"{t.taxonomy}/{t.slug}/{FEED}"


def post_type(name: str, page: int = 1) -> str:
    return _paged(name, page)


def archive() -> str:
    return f"{ARCHIVE}/{INDEX}"


def year(number: int, page: int = 1) -> str:
    return _paged(f"{ARCHIVE}/{number:04d}", page)


def month(year_number: int, month_number: int, page: int = 1) -> str:
    return _paged(f"{ARCHIVE}/{year_number:04d}/{month_number:02d}", page)


def relative(from_path: str, to_path: str) -> str:
    """The href that leads from the page at `from_path` to the file at `to_path`: up to the folders
    they share, then down."""
    return Linker(from_path)(to_path)


def _relative(here: list[str], to_path: str) -> str:
    there = to_path.split("/")
    shared, limit = 0, min(len(here), len(there) - 1)
    while shared < limit and here[shared] == there[shared]:
        shared += 1
    return "../" * (len(here) - shared) + _quote("/".join(there[shared:]) if shared else to_path)


@functools.lru_cache(maxsize=1 << 17)
def _quote(path: str) -> str:
    """quote(path), remembered: a site links to each of its pages from many others. Most paths are plain
    ASCII slugs that quote would return unchanged, and checking that is several times faster than quoting."""
    return path if PLAIN.fullmatch(path) else quote(path)


def absolute(base_url: str, path: str) -> str:
    """The public URL of `path`: folders end in '/', as servers show them."""
    if path == INDEX or path.endswith("/" + INDEX):
        path = path[: -len(INDEX)]
    return base_url + quote(path)


class Linker:
    """Relative links from one page; views get one per page they describe."""

    def __init__(self, page: str) -> None:
        self.page = page
        self.here = page.split("/")[:-1]
        # Most targets share no folder with this page, or only its top folder: their links need no folders
        # compared, just the climb to that folder. (A page makes hundreds of links.)
        self.up = "../" * len(self.here)
        self.top = self.here[0] + "/" if self.here else ""
        self.second = "/".join(self.here[:2]) + "/" if len(self.here) > 1 else ""

    def __call__(self, target: str) -> str:
        if not self.top or not target.startswith(self.top):
            return self.up + _quote(target)
        if not self.second or not target.startswith(self.second):
            return self.up[3:] + _quote(target[len(self.top):])
        return _relative(self.here, target)


class AbsoluteLinker(Linker):
    """Absolute links, for a page served at addresses other than its own path, such as 404.html,
    which GitHub Pages shows at whatever depth the missing page was asked for."""

    def __init__(self, page: str, base_url: str) -> None:
        super().__init__(page)
        self.base_url = base_url

    def __call__(self, target: str) -> str:
        return absolute(self.base_url, target)
