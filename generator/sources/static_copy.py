"""Addresses in a static copy of a WordPress site (Simply Static, wget, HTTrack): it saves each page as
`…/slug/index.html` and writes its links relative to the file that holds them (`./../2024/04/01/hello-world/index.html`,
`../../wp-content/uploads/x.jpg`). Read against where that file was saved from, they are the site's addresses
again: a path from the site's root (`/2024/04/01/hello-world/`) where the copy names no host, else a whole address."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import unquote, urljoin, urlsplit

PAGE = re.compile(r"(?:^|/)index\.html?$")
HTML_SUFFIX = re.compile(r"\.html?$", re.IGNORECASE)
V2_ROOT = "https://static-copy.invalid/wp/v2/"  # where v2 would list a taxonomy's terms: its field's name
# An address in an attribute that names no scheme and starts with no `/`, `#` or `?`: relative to the file.
_RELATIVE = re.compile(r"""(\b(?:href|src)=["'])(?![a-zA-Z][a-zA-Z0-9+.-]*:|[/#?"'])([^"']+)""")
_DOTTED = re.compile(r"""(\b(?:href|src)=["'])(\.\.?/[^"']*)""")
_WHOLE = re.compile(r"""(\b(?:href|src)=["'])(/*https?[^"']*)""", re.IGNORECASE)
_SRCSET = re.compile(r"""(\bsrcset=["'])([^"']*)""")
# The Wayback Machine's address of a page or file it archived, before the archived address itself:
# `https://web.archive.org/web/20190305123456/`, `/web/20190305123456im_/` (a picture), `//web.archive.org/web/…`.
_HOSTNAME = re.compile(r"(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}")
_ARCHIVED_AT = r"(?:(?:https?:)?//web\.archive\.org)?/web/[0-9]{1,14}(?:[a-z]{2}_)?/(?=https?:/)"
_ARCHIVED = re.compile(rf"\A{_ARCHIVED_AT}", re.IGNORECASE)
_ARCHIVED_IN_MARKUP = re.compile(rf"""(?<=["'\s,]){_ARCHIVED_AT}""", re.IGNORECASE)


def published_at(root: Path) -> str:
    """The address a copy published on GitHub Pages is served at, from its `CNAME` file (`https://news.example`):
    where a copy names its host nowhere else (a static exporter set to write relative addresses), its pages'
    addresses from its root are that site's; '' without one."""
    try:
        with (root / "CNAME").open("rb") as file:
            name = file.read(256).decode("ascii", "replace").strip().lower()
    except OSError:
        return ""
    return f"https://{name}" if _HOSTNAME.fullmatch(name) else ""


# A whole address (of a link, a picture, a stylesheet): its scheme, host and path. (It starts with a literal, which
# the regular expression engine finds fast: a copy's pages may take hundreds of megabytes.)
_LINKED = re.compile(rb"""(https?)://([a-zA-Z0-9.-]{1,253})(/[^"'#?\s<>]{0,2000})""")
LINKING_PAGES = 3  # pages linking one host's addresses of pages the copy holds: the site's own, no chance link
LINKED_BY = 3  # times as many pages as link any other host so
PAGES_READ = 20_000  # pages read for it, of the largest copies' (the host may show on one page only)
MAX_LINKING_PAGE = 64 << 20  # bytes: a larger file is no theme's page (sources/wp_pages.py names it)
# WordPress's folders of files (its scripts and styles, the theme's, the uploads): a host's address of a file the
# copy holds in one is the site's own, on one page already (a page the copying tool did not rewrite).
FILE_FOLDERS = ("/wp-content/", "/wp-includes/")


def linked_site(pages: list[Path], root: Path) -> str:
    """The address of the site a copy was saved from, where it names it nowhere else, as its pages link it: the
    host whose whole addresses of files the copy holds (`…/wp-content/uploads/2015/05/x.png`, a picture linked
    whole; `…/wp-includes/css/…`, a page the tool missed), or of its pages (`http://whizzy.org/2010/05/slug/`, an
    author's link to another post; on at least LINKING_PAGES pages, else an author's link to another site whose
    paths the copy happens to hold too), the most pages give, LINKED_BY times as many as give any other host's so.
    Its home page's address, `/`, which every site holds, is not asked, nor WP2Static's stand-in host (_OFFLINE_ZIP).
    '' where no host is linked so."""
    held = {path_key(PAGE.sub("/", saved_at(page, root))) for page in pages} - {"path:/"}
    by_pages: dict[str, set[Path]] = {}
    by_files: dict[str, set[Path]] = {}
    schemes: dict[str, str] = {}
    for page in pages[:PAGES_READ]:
        try:
            data = page.read_bytes() if page.stat().st_size <= MAX_LINKING_PAGE else b""
        except OSError:
            continue
        for found in _LINKED.finditer(data):
            host, path = found.group(2).decode("ascii").lower(), found.group(3).decode("utf-8", "replace")
            linking = by_pages if path_key(path) in held else by_files if _held_file(root, path) else None
            if linking is not None and host != OFFLINE_ZIP_HOST:
                linking.setdefault(host, set()).add(page)
                schemes.setdefault(host, found.group(1).decode("ascii").lower())
    ranked = sorted(((len(by_pages.get(host, set()) | by_files.get(host, set())), host) for host in schemes
                     if host in by_files or len(by_pages[host]) >= LINKING_PAGES), reverse=True)
    if not ranked or (len(ranked) > 1 and ranked[0][0] < LINKED_BY * ranked[1][0]):
        return ""
    return f"{schemes[ranked[0][1]]}://{ranked[0][1]}"


def _held_file(root: Path, path: str) -> bool:
    """Whether `path` names a file the copy holds in WordPress's folders of files."""
    if not path.startswith(FILE_FOLDERS) or ".." in path:
        return False
    try:
        return (root / unquote(path).lstrip("/")).is_file()
    except (OSError, ValueError):
        return False


def saved_at(path: Path, root: Path) -> str:
    """The file's path from the site's root, which `root` stands for."""
    try:
        return "/" + path.relative_to(root).as_posix()
    except ValueError:
        return "/" + path.name


def path_key(link: str) -> str:
    """What tells a post's address apart within one copy: its path (one part of a copy names the host, another
    not; one writes it percent-encoded, another not), without the last slash."""
    return _path_key(urlsplit(link).path)


def _path_key(path: str) -> str:
    return "path:" + (unquote(path).rstrip("/") or "/")


def post_keys(post: dict) -> set[int | str]:
    """What tells a post apart within one copy: its id, and its address's path (not where the address is a query,
    `/?p=16`, whose path every such post shares, nor one urlsplit refuses, `http://[x/`, which has none)."""
    ident, link = post.get("id"), post.get("link")
    keys: set[int | str] = {ident} if isinstance(ident, int) else set()
    try:
        parts = urlsplit(link) if isinstance(link, str) and link else None
    except ValueError:
        parts = None
    return keys | {_path_key(parts.path)} if parts is not None and not parts.query else keys


def origin(link: str) -> str:
    """The scheme and host of an address (`https://news.example`), or '' where it names none (or one urlsplit
    refuses: `http://[x/`)."""
    try:
        parts = urlsplit(link)
    except ValueError:
        return ""
    return f"{parts.scheme}://{parts.netloc}" if parts.scheme in ("http", "https") and parts.netloc else ""


# What copies made of a whole address: `http:///www.site.example/x/` and `http:/site.example/x/` (a slash too many
# or too few), `httpsite.example/news/x/` (the `://` lost); `https://https://site.example/x/`, a static exporter's
# scheme put before a site address that had its own (every link of a copy: the page's own address was on a host
# `https`, its path `//site.example/x/`, so that its slug was the host's name and links to it stayed remote).
_MANGLED = re.compile(r"\A(https?)(?::/(?:/{2,})?|(?=[a-z0-9-]+(?:\.[a-z0-9-]+)+/))(?=[a-z0-9-]+(?:\.[a-z0-9-]+)+/)",
                      re.IGNORECASE)
_TWICE = re.compile(r"\Ahttps?://+(https?)(?::/*|/+)(?=[a-z0-9-]+(?:\.[a-z0-9-]+)+/)", re.IGNORECASE)
# `/https://site.example/x/`, and `http://localhost/https:/site.example/x/` (a browser's reading of it on the local
# server the copy was made on): Simply Static set to write addresses from the site's root, given the published
# site's whole address as that root, wrote every address of the site after a slash. Only on no host or a local one:
# another site's address holding a whole one in its path (`https://r.example/https://x.example/`) is the author's.
_ROOTED = re.compile(r"\A(?:https?://(?:localhost|127\.0\.0\.1)(?::[0-9]{1,5})?)?/+"
                     r"(?=https?:/+[a-z0-9-]+(?:\.[a-z0-9-]+)+/)", re.IGNORECASE)

# WP2Static's stand-in for the site's address in a copy made for offline reading (its "offline ZIP"), which it then
# makes relative, but leaves in a page's canonical address, its Open Graph tags and what its plugins print: no host,
# the copy's own path (a Greek developer's pages were posts of `http://OFFLINEZIP.wpsho/`, their pictures there too).
OFFLINE_ZIP_HOST = "offlinezip.wpsho"
_OFFLINE_ZIP = re.compile(rf"\Ahttps?://{re.escape(OFFLINE_ZIP_HOST)}(?:/|(?=[?#])|\Z)", re.IGNORECASE)

# wget's name of a page it saved from an address with a query (`/?p=16` saved as `index.html?p=16.html`), as its
# converted links write it (`index.html%3Fp=16.html`; without `--adjust-extension`, no `.html`): the address again.
_SAVED_QUERY = re.compile(r"(?:\A|(?<=/))index\.html?(?:%3F([^#/?]+?)(?:\.html?)?|\?([^#/?]+?)\.html?)(?=#|\Z)",
                          re.IGNORECASE)


def _queried(text: str) -> str:
    """The address wget saved under a file name of its query (see _SAVED_QUERY), as the site wrote it."""
    # (`./?p=16` where the name stands alone: a query alone, read against a page's address, would keep its file.)
    return _SAVED_QUERY.sub(lambda m: ("./?" if m.start() == 0 else "?") + (m.group(1) or m.group(2)), text,
                            count=1) if "index.htm" in text else text


def stand_in(address: str) -> bool:
    """Whether an address is at WP2Static's stand-in host for the site's (_OFFLINE_ZIP), which names no site."""
    return _OFFLINE_ZIP.match(address) is not None


def _mended(text: str) -> str:
    """A whole address as the site wrote it, where a copy mangled it (see _MANGLED, _TWICE and _ROOTED); one at
    WP2Static's stand-in host its path (_OFFLINE_ZIP)."""
    text = _ROOTED.sub("", _OFFLINE_ZIP.sub("/", text, count=1), count=1)
    return _MANGLED.sub(r"\1://", _TWICE.sub(r"\1://", text, count=1), count=1)


def address(text: str, base: str) -> str:
    """An address as it is (one a copy mangled mended, the Wayback Machine's of a page the page's own); one relative
    to the file read against `base`, without the `index.html` the copy saved each page as; none for one no browser
    could follow (`http://[dock/`, a host in brackets that is no IPv6 address), which urlsplit refuses."""
    text = _ARCHIVED.sub("", text.strip()) if "/web/" in text else text.strip()
    text = _queried(_mended(text) if text.lower().startswith(("http", "/")) else text)
    try:
        if not text or text.startswith("#") or urlsplit(text).scheme:
            return text
        found = urljoin(base, text)
        return found if urlsplit(found).query else PAGE.sub("/", found)
    except ValueError:
        return ""


def relative_to(markup: str, base: str, dotted: bool = False) -> str:
    """Markup with the addresses of its links, pictures and frames read against `base` (the Wayback Machine's
    addresses of what it archived made the archived ones again); with `dotted`, only those
    that start with `./` or `../`, as a copy writes them into a feed (any other is the author's, relative to the
    post's page, as the feed itself gave it)."""
    markup = _ARCHIVED_IN_MARKUP.sub("", markup) if "/web/" in markup else markup
    markup = _WHOLE.sub(lambda m: m.group(1) + _mended(m.group(2)), markup)
    markup = (_DOTTED if dotted else _RELATIVE).sub(lambda m: m.group(1) + address(m.group(2), base), markup)
    if "srcset" not in markup:
        return markup
    return _SRCSET.sub(lambda m: m.group(1) + ", ".join(_candidate(part, base, dotted)
                                                         for part in m.group(2).split(",")), markup)


def _candidate(part: str, base: str, dotted: bool) -> str:
    words = part.split()
    if not words or (dotted and not words[0].startswith(("./", "../"))):
        return part.strip()
    return " ".join([address(words[0], base), *words[1:]])


def link_slug(link: str) -> str:
    """The last segment of a post's or a term's address: its slug, under any permalink structure that names one
    (without the `.html` wget gives a page saved from an address without a last `/`)."""
    parts = urlsplit(link)
    segments = [s for s in PAGE.sub("/", parts.path).split("/") if s]
    slug = HTML_SUFFIX.sub("", segments[-1]) if segments else ""
    return slug if slug and not parts.query and not slug.isdigit() else ""

