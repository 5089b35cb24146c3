"""sitemap.xml and robots.txt: where crawlers find every page and when its content last changed."""

from __future__ import annotations

from collections.abc import Iterator, Sequence
from datetime import datetime
from generator.render.xml_text import escape

from generator import urls

# The sitemap protocol's limit per file; a larger site gets an index of several sitemaps.
MOST_URLS = 50_000
XMLNS = 'xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"'


def sitemaps(base_url: str, pages: Sequence[Sequence[str | None]]) -> Iterator[tuple[str, bytes]]:
    """(path, XML) for `pages` given as (page path, last content change in ISO 8601 or None); none without
    base_url."""
    if not base_url:
        return
    chunks = [pages[i:i + MOST_URLS] for i in range(0, len(pages), MOST_URLS)] or [()]
    if len(chunks) == 1:
        yield urls.SITEMAP, _urlset(base_url, chunks[0])
        return
    names = sitemap_paths(len(pages))[:-1]
    for name, chunk in zip(names, chunks):
        yield name, _urlset(base_url, chunk)
    entries = []
    for name, chunk in zip(names, chunks):
        newest = max((when for _, when in chunk if when is not None), key=datetime.fromisoformat, default=None)
        entries.append(_url("sitemap", urls.absolute(base_url, name), newest))
    yield urls.SITEMAP, _document("sitemapindex", entries)


def sitemap_paths(count: int) -> list[str]:
    """The files `sitemaps` writes for `count` pages, the index (or only sitemap) last."""
    if count <= MOST_URLS:
        return [urls.SITEMAP]
    return [f"sitemap-{n}.xml" for n in range(1, (count + MOST_URLS - 1) // MOST_URLS + 1)] + [urls.SITEMAP]


def robots_txt(base_url: str) -> bytes:
    lines = ["User-agent: *", "Allow: /"]
    if base_url:
        lines.append(f"Sitemap: {urls.absolute(base_url, urls.SITEMAP)}")
    return ("\n".join(lines) + "\n").encode("utf-8")


def _urlset(base_url: str, pages: Sequence[Sequence[str | None]]) -> bytes:
    return _document("urlset", [_url("url", urls.absolute(base_url, path), when) for path, when in pages])


def _url(element: str, loc: str, when: str | None) -> str:
    lastmod = f"<lastmod>{when}</lastmod>" if when is not None else ""
    return f"  <{element}><loc>{escape(loc)}</loc>{lastmod}</{element}>"


def _document(root: str, entries: list[str]) -> bytes:
    lines = ['<?xml version="1.0" encoding="utf-8"?>', f"<{root} {XMLNS}>", *entries, f"</{root}>"]
    return ("\n".join(lines) + "\n").encode("utf-8")
