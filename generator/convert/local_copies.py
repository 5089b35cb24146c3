"""A link to a post's page as its maker's machine served it. A site made on a local install and published elsewhere
keeps, in what WordPress rendered there and saved, links at the local address: a theme's "read more" after the
excerpt (`<a href="http://localhost/harbour/news/x/">Selengkapnya »</a>`, 489 pages of an Indonesian firm's copy)
names the post's page under `http://localhost/harbour/`, while the post lives at `https://harbour.example/news/x/`.
Such a link is the post's own, as one to its public address is (wp_post.html_to_text drops it from the summary):
a link no reader can follow, to the page they are reading."""

from __future__ import annotations

from urllib.parse import urlsplit

from generator.sources.wp_permalinks import on_this_machine


def local_copy_of(href: str, page: str) -> bool:
    """Whether `href` names a host of its maker's machine and a path that ends in the whole of `page`'s path (its
    local home's folder before it), `page` being the post's public address with a path of its own."""
    try:
        local, public = urlsplit(href), urlsplit(page)
    except ValueError:
        return False
    own = public.path.rstrip("/").lower()
    if not own.startswith("/") or not local.hostname or on_this_machine(page) or not on_this_machine(href):
        return False
    return local.path.rstrip("/").lower().endswith(own)
