"""The time of each page's last change as a static copy's XML sitemaps give it (Yoast SEO's `page-sitemap.xml`, Rank
Math's, WordPress's own `wp-sitemap-posts-page-1.xml`: `<url><loc>/about/</loc><lastmod>2024-09-04T14:01:52+00:00`),
for the pages that print no date of their own (most themes print none on a WordPress page): their time of update,
which the conversion names as standing in for the date, where they were passed over or dated by a neighbour.
"""

from __future__ import annotations

from pathlib import Path
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import fromstring

from generator.sources.page_dates import is_iso_date
from generator.sources.static_copy import path_key

SITEMAPS = "*sitemap*.xml"  # WordPress's, Yoast's and Rank Math's names, at the site's root
MAX_SITEMAP = 50 << 20  # bytes: the sitemaps protocol's own limit
NS = "{http://www.sitemaps.org/schemas/sitemap/0.9}"


def page_updates(root: Path) -> dict[str, str]:
    """The `lastmod` of each address the sitemaps at the copy's root list, by its path (static_copy.path_key)."""
    updates: dict[str, str] = {}
    for path in sorted(root.glob(SITEMAPS)):
        for entry in _entries(path):
            where, when = entry.findtext(f"{NS}loc"), entry.findtext(f"{NS}lastmod")
            if where and when and is_iso_date(when.strip()):
                updates.setdefault(path_key(where.strip()), when.strip())
    return updates


def _entries(path: Path) -> list:
    """The sitemap's `<url>` entries; none for a file that is no readable sitemap (an index of sitemaps lists
    `<sitemap>` entries, which name no page)."""
    try:
        if path.stat().st_size > MAX_SITEMAP:
            return []
        return fromstring(path.read_bytes()).findall(f"{NS}url")
    except (OSError, ParseError, DefusedXmlException, ValueError):
        return []
