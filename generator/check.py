"""`newsmirror check`: does a built site read offline, from file://, with nothing missing?

For every page: each internal link and resource resolves to a file (a folder shows a listing
under file://, not its index.html), each #fragment exists in its target, no link starts with '/',
nothing the page loads comes from the network, and the page has a title and a language.
Feeds and the sitemap must be well-formed XML.
"""

from __future__ import annotations

import re
import xml.etree.ElementTree as ElementTree
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urlsplit

# tag -> attributes whose URL the browser fetches to show the page
LOADS = {"script": ("src",), "img": ("src", "srcset"), "source": ("src", "srcset"), "video": ("src", "poster"),
         "audio": ("src",), "iframe": ("src",), "embed": ("src",), "object": ("data",), "track": ("src",),
         "input": ("src",), "link": ("href",)}
LOADING_RELS = frozenset({"stylesheet", "icon", "preload", "modulepreload", "manifest", "prefetch"})
CSS_URL = re.compile(r"url\(\s*['\"]?([^'\")]+)['\"]?\s*\)")
SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "ftp:")


class PageScan(HTMLParser):
    """Ids, links and loaded resources of one page, read in one pass."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.ids: set[str] = set()
        self.links: list[tuple[str, str, bool]] = []  # (tag, url, whether the browser loads it)
        self.lang = False
        self.title = ""
        self._in_title = self._in_style = False

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        a = {k: v or "" for k, v in attrs}
        for key in ("id", "name") if tag in ("a", "map") else ("id",):
            if a.get(key):
                self.ids.add(a[key])
        self.lang = self.lang or (tag == "html" and bool(a.get("lang")))
        self._in_title = self._in_title or tag == "title"
        self._in_style = self._in_style or tag == "style"
        if tag in ("a", "area") and a.get("href"):
            self.links.append((tag, a["href"], False))
        if tag == "link" and a.get("href"):
            self.links.append((tag, a["href"], bool(LOADING_RELS & set(a.get("rel", "").lower().split()))))
        for attr in () if tag == "link" else LOADS.get(tag, ()):
            for url in _urls(a.get(attr, ""), attr == "srcset"):
                self.links.append((tag, url, True))
        for url in CSS_URL.findall(a.get("style", "")):
            self.links.append(("style", url, True))

    def handle_endtag(self, tag: str) -> None:
        self._in_title = self._in_title and tag != "title"
        self._in_style = self._in_style and tag != "style"

    def handle_data(self, data: str) -> None:
        if self._in_title:
            self.title += data
        if self._in_style:
            self.links.extend(("style", url, True) for url in CSS_URL.findall(data))


def _urls(value: str, srcset: bool) -> list[str]:
    if not value:
        return []
    if not srcset:
        return [value]
    return [part.split()[0] for part in value.split(",") if part.strip()]


def check_site(site: Path) -> list[str]:
    """Every problem found, one line each, naming the page and the link; empty when all is well."""
    if not (site / "index.html").is_file():
        return [f"{site}: no index.html: is this a built site?"]
    pages = {p.relative_to(site).as_posix(): _scan(p) for p in _files(site, "*.html")}
    problems = []
    for path, scan in pages.items():
        problems.extend(f"{path}: {message}" for message in _page_problems(site, path, scan, pages))
    for path in _files(site, "*.xml"):
        problems.extend(_xml_problems(site, path))
    return problems


def _files(site: Path, pattern: str) -> list[Path]:
    """The files whose names match, in order; a folder may have such a name too (a term called `feed.xml`)."""
    return sorted(path for path in site.rglob(pattern) if path.is_file())


def _scan(path: Path) -> PageScan:
    scan = PageScan()
    scan.feed(path.read_text(encoding="utf-8", errors="replace"))
    return scan


def _page_problems(site: Path, path: str, scan: PageScan, pages: dict[str, PageScan]) -> list[str]:
    problems = [] if scan.lang else ["no <html lang>"]
    if not scan.title.strip():
        problems.append("no <title>")
    for tag, url, loaded in scan.links:
        problems.extend(f"<{tag}> {message}" for message in _link_problems(site, path, url, loaded, pages))
    return problems


def _link_problems(site: Path, path: str, url: str, loaded: bool, pages: dict[str, PageScan]) -> list[str]:
    try:
        parts = urlsplit(url)
    except ValueError as e:
        return [f"links to {url!r}, which is not a valid URL ({e})"]
    if url.startswith("//") or parts.scheme in ("http", "https", "ftp"):
        return [f"loads {url} from the network"] if loaded else []
    if parts.scheme or url.lower().startswith(SCHEMES):
        return []
    if url.startswith("/"):
        return [f"links to {url}, which starts with '/' and breaks file:// and project subpaths"]
    target = _resolve(path, parts.path)
    if target is None:
        return [f"links to {url}, which leaves the site"]
    if parts.path and not (site / target).is_file():
        kind = "a folder, not a file" if (site / target).is_dir() else "missing"
        return [f"links to {url}: {target} is {kind}"]
    fragment = unquote(parts.fragment)
    if fragment and target.endswith(".html") and fragment not in pages[target].ids:
        return [f"links to {url}: no id {fragment!r} in {target}"]
    return []


def _resolve(page: str, href_path: str) -> str | None:
    """The site path an href leads to from `page`; None when it climbs out of the site."""
    if not href_path:
        return page
    parts = page.split("/")[:-1]
    for segment in unquote(href_path).split("/"):
        if segment == "..":
            if not parts:
                return None
            parts.pop()
        elif segment not in ("", "."):
            parts.append(segment)
    return "/".join(parts)


def _xml_problems(site: Path, path: Path) -> list[str]:
    try:
        ElementTree.parse(path)
    except ElementTree.ParseError as e:
        return [f"{path.relative_to(site).as_posix()}: not well-formed XML: {e}"]
    return []
