"""A post split into pages (`<!--nextpage-->`) in a static copy of its site: the copy saves each later page as a
page of its own (`…/slug/2/index.html`), linked from the first by `wp_link_pages()` (`<a class="post-page-numbers">`
in a `page-links` box), or each from the one before it (tagDiv's smart lists). REST's `content.rendered` holds the
whole post, its pages in order; so the post's text is its pages' texts joined, without the links between them,
which are the theme's."""

from __future__ import annotations

import posixpath
import re
from pathlib import Path
from urllib.parse import unquote, urlsplit

from lxml.html import HtmlElement

from generator.sources.page_markup import classed, classes, elsewhere

# The boxes `wp_link_pages()` prints its links in, by theme (`page-links` is WordPress's own default), and tagDiv's
# smart lists' box of Back and Next (a list of 16 items split one a page, each page linking its next only).
LINKS_BOXES = frozenset({"page-links", "post-nav-links", "post-page-links", "page-link", "wp-link-pages",
                         "td-smart-list-pagination"})
NUMBER = "post-page-numbers"  # each link's class, since WordPress 5.1
PAGED = re.compile(r"(?:single-)?paged-([0-9]{1,4})")
MOST_PAGES = 200  # of one post: a copy's page linking more is no post's


def later_paths(document: HtmlElement, path: Path, root: Path, own: str = "") -> list[Path]:
    """The files of the copy that the post's page links as its later pages, in the order linked, each once;
    `own`: the page's own address, against which whole addresses of its later pages are read (`…/slug/2/`)."""
    found: list[Path] = []
    for link in _links(document):
        target = _saved(_from_own(link.get("href", "").strip(), own), path, root)
        if target is not None and target != path and target not in found and len(found) < MOST_PAGES:
            found.append(target)
    return found


def joined(first: str, parts: list[tuple[int, str]]) -> str:
    """The post's first page's text followed by its later pages' (number, text), in their order, each number once
    (a copy may save a page twice, `2/index.html` and `2.html`)."""
    pages: dict[int, str] = {}
    for number, text in parts:
        pages.setdefault(number, text)
    return "\n<!--nextpage-->\n".join([first, *(pages[number] for number in sorted(pages))])


def without_links(content: HtmlElement) -> HtmlElement:
    """The content container without the boxes of links to the post's pages a theme prints inside it."""
    for box in [node for node in classed(content) if _links_box(node)]:
        if box is not content and box.getparent() is not None:
            box.drop_tree()
    return content


def page_number(names: list[str], ident: int) -> int | None:
    """The number of a later page of post `ident`, from its body's classes (`postid-7 paged-2 single-paged-2`)."""
    if f"postid-{ident}" not in names and f"page-id-{ident}" not in names:
        return None
    return next((int(found.group(1)) for name in names if (found := PAGED.fullmatch(name))), None)


def _links(document: HtmlElement) -> list[HtmlElement]:
    numbered = [a for a in document.iter("a") if NUMBER in classes(a)]
    if numbered:
        return numbered
    return [a for box in classed(document) if _links_box(box) and not elsewhere(box)
            for a in box.iter("a")]


def _links_box(node: HtmlElement) -> bool:
    return not LINKS_BOXES.isdisjoint(classes(node)) or (node.tag == "a" and NUMBER in classes(node))


def _from_own(href: str, own: str) -> str:
    """A whole address on the page's own site as a path relative to the page (`2/`), which a site in a subfolder of
    its host needs: its copy's root stands for the subfolder, not the host's root."""
    parts, page = urlsplit(href), urlsplit(own)
    if not parts.netloc or parts.netloc != page.netloc or not page.path.endswith("/"):
        return href
    relative = posixpath.relpath(parts.path or "/", page.path)
    return relative + "/" if parts.path.endswith("/") and relative != "." else relative


def _saved(href: str, path: Path, root: Path) -> Path | None:
    """The file of the copy a link to a page of it names: relative to the linking file, from the site's root, or a
    whole address's path from the copy's root; None for one outside the copy or not saved."""
    parts = urlsplit(href.strip())
    if not parts.path or parts.query:
        return None
    relative = unquote(parts.path)
    target = root / relative.lstrip("/") if parts.scheme or relative.startswith("/") else path.parent / relative
    target = Path(posixpath.normpath(target))  # (`2/../3/`, as a later page links the next: one file, one name)
    if relative.endswith("/") or target.is_dir():
        target = target / "index.html"
    try:
        if target.resolve().is_relative_to(root.resolve()) and target.is_file():
            return target
    except (OSError, ValueError):
        return None
    return None
