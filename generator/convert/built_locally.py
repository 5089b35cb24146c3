"""The addresses of a site built on its maker's machine, in a post of the public site. A site made on a local install
(`http://localhost/`, Local's `comic.local`, XAMPP's `http://localhost/comic/`) and published elsewhere keeps the
local home in what the publishing did not rewrite: the guids, which WordPress never changes, and often the pictures
of the text (`<img src="http://localhost/wp-content/uploads/…">`, a webcomic's 342 strips), which no reader of the
mirror can load and `--media` rightly refuses to fetch. Where a post's own address names a public host and its guid
a host of the maker's machine, what the text links or shows under the guid's home is at the same place under the
public site's: its host, and the local home's folder where the post's address is under that folder too. Only
addresses in attributes change: words that name `localhost` (a tutorial's) stay as written, and so do links to the
local install's dashboard and login (`http://localhost/wp-admin/`), which a tutorial sends its reader to on their own
machine."""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from generator.convert.context import Context
from generator.convert.links import SRCSET_ATTRIBUTES, URL_ATTRIBUTES
from generator.convert.parse import tags_in
from generator.sources.wp_permalinks import on_this_machine

GUID_HOME = re.compile(r"\A(https?://[^/?#]+)(/[^?#]*)?")
OWN_MACHINE = ("wp-admin", "wp-login.php")  # under the home: what only the machine's owner opens


def local_and_public_homes(link: str, guid: str) -> tuple[str, str] | tuple[()]:
    """(the local home `http://localhost/comic/`, the public one `https://comic.example/comic/`) where the post's
    address is public and its guid local; () where not."""
    try:
        public, local = urlsplit(link), urlsplit(guid)
    except ValueError:
        return ()
    home = GUID_HOME.match(guid.strip())
    if (public.scheme not in ("http", "https") or not public.hostname or on_this_machine(link)
            or home is None or not local.hostname or not on_this_machine(guid)):
        return ()
    folder = (home.group(2) or "/").rsplit("/", 1)[0] + "/"  # (`/comic/?p=12`, `/comic/index.php?p=12`: `/comic/`)
    kept = folder if public.path.startswith(folder) else "/"
    return home.group(1) + folder, f"{public.scheme}://{public.netloc}{kept}"


def public_addresses(soup: BeautifulSoup, ctx: Context) -> None:
    """Every address under the local home (ctx.built_at) moved to the public one; after resolve_relative_urls,
    so that every address is whole."""
    if not ctx.built_at:
        return
    local, public = ctx.built_at
    for tag in tags_in(soup):
        for name in URL_ATTRIBUTES.union(SRCSET_ATTRIBUTES).intersection(tag.attrs):
            value = tag[name]
            if isinstance(value, str) and local in value:
                tag[name] = _moved(value, local, public, name in SRCSET_ATTRIBUTES)


def _moved(value: str, local: str, public: str, srcset: bool) -> str:
    if not srcset:
        below = value[len(local):]
        return public + below if value.startswith(local) and not below.startswith(OWN_MACHINE) else value
    candidates = [candidate.strip().split(maxsplit=1) for candidate in value.split(", ")]  # as absolute_srcset
    return ", ".join(" ".join([_moved(parts[0], local, public, False), *parts[1:]]) for parts in candidates if parts)
