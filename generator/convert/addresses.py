"""A post's own address, and the relative URLs in its HTML made absolute against it.

WordPress writes `/wp-content/uploads/x.jpg`, `../2016/03/post/` or `//cdn/x.jpg` as a browser on the
original site would read them; in the mirror they would point into the mirror itself. So they are
resolved at import against the post's URL (REST `link`), as that browser would. A crawl saved with
every host stripped (`link: "/2022/07/slug/"`) takes its host from the site address the user gives;
without one, URLs are resolved as far as the path allows and stay root-relative.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from typing import Any
from urllib.parse import urljoin, urlsplit

# Schemes a URL that already names its target starts with; nothing is joined to them.
SCHEMES = ("http:", "https:", "mailto:", "tel:", "data:", "javascript:", "ftp:", "sms:", "news:", "irc:")
TAB_OR_NEWLINE = re.compile(r"[\t\n\r]")
C0_OR_SPACE = "".join(map(chr, range(0x21)))
SCHEME = re.compile(r"[A-Za-z][A-Za-z0-9+.-]*:")
SPECIAL_SCHEMES = frozenset({"http:", "https:", "ftp:", "ws:", "wss:", "file:"})  # WHATWG's "special" ones
QUERY_OR_FRAGMENT = re.compile(r"[?#]")
# Web addresses no browser can follow as written, read as their author meant them: `httpss://`, left on every
# link of a site by a search-and-replace of "http" with "https" run twice over its database; `http://https//x`,
# WordPress's link dialog putting `http://` before an address typed without its colon; and `www.x.org/page`, a
# host typed without its scheme, which a browser reads as a path on the post's own site.
EXTRA_S = re.compile(r"https{2,}:(?=//)", re.IGNORECASE)
TWICE = re.compile(r"https?://+(https?)(?::/*|/+)(?=[^/\s])", re.IGNORECASE)
# An ampersand escaped twice, `?a=1&amp;amp;b=2` in the HTML, left by an editor or a blog engine that escaped the
# post's HTML again (old imports from other blogs): the browser then asks for `?a=1&amp;b=2`, a parameter named
# `amp;b` the linked site never had. No address holds `&amp;` as text (it would be `%26amp;`).
AMPERSAND_AS_ENTITY = re.compile(r"&(?:(?:amp|#0*38|#x0*26);)+", re.IGNORECASE)
# Spaces typed before an address in the link dialog, which the editor percent-encoded (`%20https:/git.x.org/a`,
# its slashes squeezed on the way): the browser read the whole as a path on the post's own site, a page not found.
SPACES_BEFORE = re.compile(r"(?:%(?:20|09|0a|0d)|\s)+(https?):/*(?=[^/\s])", re.IGNORECASE)
FIRST_SEGMENT = re.compile(r"[^/?#]*")  # a relative URL's first segment: a host, where one was typed bare
BARE_HOST = re.compile(r"www\d?(?:\.[a-z0-9-]+)+\.(?!(?:html?|php|aspx?|jpe?g|png|gif|pdf)\b)[a-z]{2,63}(?=[/:?#]|$)",
                       re.IGNORECASE)  # (a page or a file named after a site, `www.x.com.html`, is a path)


def has_host(url: str) -> bool:
    try:
        parts = urlsplit(url.strip())
    except ValueError:
        return False
    return parts.scheme in ("http", "https") and bool(parts.hostname)


def host_of(url: object) -> str:
    """The host a web address names, lowercased and without `www.`; "" for anything else."""
    if not isinstance(url, str) or not has_host(url):
        return ""
    return (urlsplit(url.strip()).hostname or "").casefold().removeprefix("www.")


def site_of(data: Mapping[str, Any]) -> str:
    """The host of the site a REST post is of, by its link, else its guid, as a browser reads them (a crawl's
    `https:/\\host/`: see as_browsers_read); "" when neither names one."""
    guid = data.get("guid")
    guid = guid.get("rendered") if isinstance(guid, dict) else guid
    return host_of(_as_read(data.get("link"))) or host_of(_as_read(guid))


def _as_read(value: object) -> object:
    return as_browsers_read(value) if isinstance(value, str) else value


def as_browsers_read(url: str) -> str:
    """An attribute's URL as a browser's URL parser reads it: without the tabs and line breaks an editor
    wrapped into it (`src="…/Outlining\nIndicators/x.gif"`), and without control characters or spaces at
    either end. Markdown cannot hold a line break in a link's address; the browser never saw one."""
    url = TAB_OR_NEWLINE.sub("", url).strip(C0_OR_SPACE)
    if "\\" not in url:
        return url
    # A web address's backslashes before its query are slashes to a browser (`https:\\example.org\\a`, left
    # by a search-and-replace over the saved JSON); other schemes' (`mailto:`, `javascript:`) are text.
    scheme = SCHEME.match(url)
    if scheme is not None and scheme.group(0).lower() not in SPECIAL_SCHEMES:
        return url
    end = QUERY_OR_FRAGMENT.search(url)
    cut = end.start() if end is not None else len(url)
    return url[:cut].replace("\\", "/") + url[cut:]


def page_address(link: str, site: str = "", guid: str = "") -> str:
    """The URL the post's relative links are read against: its `link` when that names a host, else
    that path on the given site, else on the host of its guid; else the bare path. A post with no
    link at all is read against its guid, or the site's home."""
    link, guid = link.strip(), guid.strip()
    if has_host(link):
        return link
    origin = next((_origin(o) for o in (site, guid) if has_host(o)), "")
    if not link:
        return guid if has_host(guid) else origin
    return (_join(origin, link) or link) if origin else link


def as_meant(url: str) -> str:
    """`url` as its author meant it where it is mistyped as EXTRA_S, TWICE, SPACES_BEFORE, BARE_HOST or
    AMPERSAND_AS_ENTITY tell; else as it is."""
    url = with_plain_ampersands(url)
    stripped = url.strip()
    if stripped[:1] == "%" and (spaced := SPACES_BEFORE.match(stripped)) is not None:
        url = stripped = f"{spaced.group(1).lower()}://{stripped[spaced.end():]}"
    if stripped[:1] not in "hHwW":
        return url
    if (extra := EXTRA_S.match(stripped)) is not None:
        return "https:" + stripped[extra.end():]
    if (twice := TWICE.match(stripped)) is not None:
        return f"{twice.group(1).lower()}://{stripped[twice.end():]}"
    return f"http://{stripped}" if BARE_HOST.match(stripped) else url


def with_plain_ampersands(url: str) -> str:
    """`url` with each ampersand escaped twice or more (AMPERSAND_AS_ENTITY) as the `&` it stands for; a `data:`
    URL's text as it is (an SVG's `&amp;` is its own)."""
    if "&" not in url or url.lstrip()[:5].lower() == "data:":
        return url
    return AMPERSAND_AS_ENTITY.sub("&", url)


def absolute(url: str, base: str) -> str:
    """`url` as the original site's browser would read it on the page at `base` (once as_meant); a
    fragment-only link (`#x`) stays in the page, and a URL with its own scheme stays as it is."""
    url = as_meant(url)
    stripped = url.strip()
    if not stripped or stripped.startswith("#") or stripped.lower().startswith(SCHEMES):
        return url
    if stripped.startswith("//"):
        scheme = urlsplit(base).scheme if has_host(base) else "https"
        return f"{scheme}:{stripped}"
    if (own := _own_host_typed(stripped, base)) is not None:
        return own
    if not base or ":" in stripped.split("/", 1)[0]:  # another scheme (`ftp:`, `app:`), or nothing to join to
        return url
    return _join(base, stripped) or url


def _own_host_typed(url: str, base: str) -> str | None:
    """`url` on the site of `base` where it opens with that site's own host, typed or saved without its scheme
    (`news.example/wp-content/x.jpg`, which a browser reads as a path under the post's own address): a
    migration plugin's search-and-replace writes the new address so where its user typed it without `http://`
    (a festival's dump: every picture of its line-up lost); else None. `www.` hosts are BARE_HOST's."""
    first = FIRST_SEGMENT.match(url).group(0).casefold().removeprefix("www.")
    if "." not in first or not has_host(base):
        return None
    parts = urlsplit(base.strip())
    return f"{parts.scheme}://{url}" if first == parts.netloc.casefold().removeprefix("www.") else None


def within_page(url: str, base: str) -> str:
    """A link to a place in the post's own page (`https://site/post/#x`) as the in-page link `#x`
    it is, so that it keeps working in the mirror; any other URL as it is."""
    page, _, fragment = url.partition("#")
    if not fragment or not base or page.rstrip("/") != base.partition("#")[0].rstrip("/"):
        return url
    return f"#{fragment}"


def absolute_srcset(srcset: str, base: str) -> str:
    """Every candidate of a srcset resolved; its width or density descriptor kept."""
    candidates = []
    for candidate in srcset.split(", "):
        parts = candidate.strip().split(maxsplit=1)
        if parts:
            candidates.append(" ".join([absolute(parts[0], base), *parts[1:]]))
    return ", ".join(candidates)


def _origin(url: str) -> str:
    parts = urlsplit(url.strip())
    return f"{parts.scheme}://{parts.netloc}{parts.path if parts.path.endswith('/') else parts.path + '/'}"


def _join(base: str, url: str) -> str:
    try:
        return urljoin(base, url)
    except ValueError:  # e.g. an unclosed IPv6 bracket: left for the build to show as it is
        return ""
