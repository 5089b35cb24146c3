"""Reading a built site back the way a reader's browser would resolve it, for assertions."""

from __future__ import annotations

import posixpath
from pathlib import Path
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup


def page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


def resolve(from_path: str, href: str) -> str:
    """The site path a relative href leads to from the page at `from_path`."""
    target = unquote(urlsplit(href).path)
    return posixpath.normpath(posixpath.join(posixpath.dirname(from_path), target)) if target else from_path


def links_to(site: Path, from_path: str, target: str) -> bool:
    return any(resolve(from_path, a["href"]) == target for a in page(site, from_path).find_all("a", href=True))


def tree(root: Path) -> dict[str, bytes]:
    return {p.relative_to(root).as_posix(): p.read_bytes() for p in sorted(root.rglob("*")) if p.is_file()}
