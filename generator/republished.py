"""One post saved twice upstream under two ids: the newer kept, the other named once.

A site whose posts were imported twice into WordPress (a re-published copy: the DeFi news site of round 61a,
80 of its articles under ids 7323 and 9745 with one slug, address and date) serves each of them twice. The mirror
gave two files of each, the second `<slug>-<id>`, with a problem line each and exit 1, where the site's pages
showed one. Two posts of one type that ask for one file and have one address upstream, in one language, are one
post: the one updated last (then the higher id) is kept; the others are left out, counted in a note."""

from __future__ import annotations

from collections import defaultdict
from pathlib import Path
from typing import TYPE_CHECKING

from generator.convert.document import Document
from generator.problems import ItemError
from generator.store.documents import loads

if TYPE_CHECKING:
    from generator.placing import Ready


def newest_of_each_address(ready: list[Ready], content_dir: Path) -> tuple[list[Ready], list[tuple[Ready, Ready]]]:
    """The posts to place, and each one left out beside the one kept in its place. Only posts that ask for one
    file can share an address, so only they are read (a cached post's file is read for its address)."""
    by_file: dict[str, list[Ready]] = defaultdict(list)
    for post in ready:
        by_file[post.wanted].append(post)
    left_out: list[tuple[Ready, Ready]] = []
    for posts in by_file.values():
        if len(posts) < 2:
            continue
        by_address: dict[tuple[str, str], list[tuple[Ready, Document]]] = defaultdict(list)
        for post in posts:
            document = _document(post, content_dir)
            if document is not None and document.source.url:
                by_address[(document.source.url.rstrip("/").lower(), document.language)].append((post, document))
        for same in by_address.values():
            if len(same) < 2:
                continue
            same.sort(key=lambda pair: (pair[1].updated, pair[1].source.id))
            kept = same[-1][0]
            left_out += [(post, kept) for post, _ in same[:-1]]
    if not left_out:
        return ready, []
    left_out.sort(key=lambda pair: pair[0].wanted)  # the first named is the same whatever the input's order
    dropped = {id(post) for post, _ in left_out}
    return [post for post in ready if id(post) not in dropped], left_out


def _document(post: Ready, content_dir: Path) -> Document | None:
    if post.document is not None:
        return post.document
    if post.cached is None:
        return None
    try:
        return loads((content_dir / post.cached.path).read_text(encoding="utf-8"))
    except (ItemError, OSError, UnicodeDecodeError):
        return None


def note(left_out: list[tuple[Ready, Ready]]) -> str:
    """The summary's line: how many, and the first of them beside the post kept in its place."""
    post, kept = left_out[0]
    return (f"{len(left_out)} posts are another post again, at its address upstream under another id (first: "
            f"{post.item.place}, the same as {kept.item.place}); the one updated last of each is kept")
