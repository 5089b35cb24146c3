"""Saved input, whatever its form: REST JSON responses, WordPress export files and rows of the wp_posts table (as
JSON or in an SQL dump), alone or in folders."""

from __future__ import annotations

import marshal
import os
import tempfile
from collections.abc import Iterable, Iterator, Sequence
from dataclasses import replace
from pathlib import Path
from types import TracebackType
from typing import IO, Any

from generator.language.words import Words
from generator.problems import Problem
from generator.progress import Progress
from generator.sources import (archives, copy_dates, copy_home, export_json, feed_pages, sitemap_dates, static_copy,
                               wp_feed, wp_pages, wp_rows, wp_sql, wxr)
from generator.sources.tree import folder_files, uploaded_files
from generator.sources.wp_json import (MEDIA, NOTE, POST, UNREAD, RawItem, is_saved_json, items_in, large_list,
                                       listed_items, load)


def saved_files(source: Path) -> tuple[list[Path], list[Problem], int, tuple[list[Path], list[Path]]]:
    """The file itself, or every saved response and export in a folder, in sorted order; what in the folder
    could not be listed, or is an empty .xml file; how many web pages it holds under wp-json/ (see
    _pages_saved); and the feeds and web pages of a static copy of the site it holds (_copied_items)."""
    if not source.is_dir():
        return [source], [], 0, ([], [])
    found, problems = folder_files(source)
    xml = [p for p in found if p.suffix == ".xml"]
    problems += _empty_exports(xml)
    usable = [p for p in found if is_saved_json(p) or (p.suffix == ".xml" and wxr.is_export(p)) or wp_sql.is_dump(p)
              or archives.listed(p) or archives.foreign(p)]
    read = set(usable)
    under_api = [p for p in found if p not in read and "wp-json" in p.relative_to(source).parts[:-1]]
    feeds = [p for p in found if p not in read and wp_feed.candidate(p) and wp_feed.is_feed(p)]
    read.update(feeds)  # (a set: a copy's 5,800 files asked of a list of its 2,100 feeds took 2 s)
    web_pages = [p for p in found if p not in read and wp_pages.candidate(p)
                 and "wp-json" not in p.relative_to(source).parts[:-1]]
    pages = len([p for p in under_api if p.suffix in (".html", ".htm")])
    if not usable and not feeds and not web_pages:  # then an export or a dump among the site's uploads is the input
        usable = [p for p in uploaded_files(source) if (p.suffix == ".xml" and wxr.is_export(p)) or wp_sql.is_dump(p)]
    if not usable and not feeds and not web_pages:
        problems.append(Problem(str(source), message=_nothing_saved(pages) + _demos_passed_over(source)))
    return usable, problems, pages, (feeds, web_pages)


def _demos_passed_over(source: Path) -> str:
    """What a folder holding no input says of the exports its themes bring (`wp-content/themes/x/demo/content.xml`):
    a theme's sample posts, not the site's, passed over with the theme's code; but a user given only such a folder
    was told it held no export at all (round 62b)."""
    demos = [p for p in uploaded_files(source, "themes") if p.suffix.lower() == ".xml" and wxr.is_export(p)]
    if not demos:
        return ""
    more = f" and {len(demos) - 1} more" if len(demos) > 1 else ""
    return (f"; a theme's demo export, its sample posts, was passed over with the theme's code "
            f"({demos[0].relative_to(source).as_posix()}{more}): give it by name to import it")


def _nothing_saved(pages: int) -> str:
    if pages:
        return _pages_saved(pages, "no saved REST JSON in this folder")
    return ("no saved REST JSON, WordPress export or SQL dump in this folder (files named *.json, *.xml, *.sql, "
            "wp_posts.csv or .ht.sqlite, or holding JSON with no extension or under wp-json/)")


def _pages_saved(pages: int, what: str) -> str:
    # A mirror of the site's pages (wget, HTTrack) saves what a browser got at /wp-json/…: the server's listing of
    # a folder (Apache's "Index of /wp-json/wp/v2"), or the theme's page, where the API was off. Where the API's
    # index was saved as JSON beside them, the folder still holds no post.
    return (f"{what}: the {pages} files under wp-json/ hold web pages (a server's folder listing, 'Index of …', or "
            "the site's own pages), not the API's JSON; save the responses themselves "
            "(https://<site>/wp-json/wp/v2/posts?per_page=100&page=1 …)")


def _empty_exports(xml: list[Path]) -> list[Problem]:
    """An empty .xml file in a folder is no export, and other XML (a sitemap) is rightly passed over; but an
    empty one is most likely an export whose download failed, which the user is told of. Not a static copy's feed
    (`…/slug/feed/index.xml`) its server answered with nothing (a post's comments feed, comments closed): 15 such
    in one copy made its import fail for no post lost."""
    return [Problem(str(p), message="an empty file, not read: no WordPress export in it")
            for p in xml if _size(p) == 0 and p.parent.name.lower() not in wp_feed.FEED_FOLDERS]


def _size(path: Path) -> int | None:
    try:
        return path.stat().st_size
    except OSError:  # a link to nothing, a name gone meanwhile: no more an export than an unreadable file
        return None


def read_items(sources: Iterable[Path]) -> tuple[list[RawItem], list[Problem]]:
    problems: list[Problem] = []
    items = list(iter_items(sources, problems))
    return items, problems


def iter_items(sources: Iterable[Path], problems: list[Problem], words: Words | None = None,
               progress: Progress | None = None, site: str = "") -> Iterator[RawItem]:
    """Every item of every source in order, one file in memory at a time (an export not even
    that); what cannot be read is appended to `problems` as it is met. `words`: the site's, for the titles
    an export's reader makes (wxr.read_export), as is `progress`, which hears how far it has read a large one;
    `site`: the site's address as the user gives it, for a static copy's pages that name none."""
    for source in sources:
        files, found_problems, pages, copied = saved_files(source)
        problems.extend(found_problems)
        posts, given, gave = False, set(), []
        for item in _source_items(files, problems, words, progress):
            posts = posts or item.kind in (POST, MEDIA)
            if item.kind == POST and any(copied):
                given |= static_copy.post_keys(item.data)
                gave.append({"guid": item.data.get("guid")})
            yield item
        given |= static_copy.unique_guid_keys(gave)
        if any(copied):  # a static copy of the site: the posts its feeds and pages hold that nothing else gave
            nearby = copy_dates.NearbyDates()
            for item in _copied_items(*copied, source, problems, given, site):
                posts = posts or item.kind == POST
                if not nearby.held(item):
                    yield item
            yield from nearby.dated()
            if not files and not posts:
                problems.append(Problem(str(source), message=_nothing_saved(pages) + "; nor a WordPress post in "
                                        "its feeds or web pages"))
        if files and pages and not posts:
            problems.append(Problem(str(source), message=_pages_saved(pages, "no post in this folder")))


def _copied_items(feeds: list[Path], pages: list[Path], root: Path, problems: list[Problem], given: set[int | str],
                  site_given: str = "") -> Iterator[RawItem]:
    """The posts of a static copy of a site that its saved API, exports and dumps did not give (`given`: their
    ids and paths): those its feeds hold (sources/wp_feed.py), whose text WordPress gave without the theme's, then
    those only its pages hold (sources/wp_pages.py); each post once. A post a feed gives only the summary of (a
    site whose feeds show summaries) is the page's, where the copy holds it, with what the feed says of it that the
    page does not show (sources/feed_pages.py). A page that names no address of its own is read as at its site's
    address, as the user gives it (`site_given`), else as its feeds' posts name it, else as the copy names it
    elsewhere (sources/copy_home.py), which a note then tells. A page that prints no
    time of update takes the one the copy's sitemaps give it."""
    seen = set(given)
    published, why = copy_home.copy_home(root, feeds, pages, site_given)
    site, summaries = static_copy.origin(site_given), []
    for item in wp_feed.read_feeds(feeds, root, problems, seen, published):
        site = site or static_copy.origin(str(item.data.get("link") or ""))
        if item.kind == POST and feed_pages.summary_only(item.data):
            summaries.append(item)
        else:
            yield item
    seen -= {key for item in summaries for key in static_copy.post_keys(item.data)}
    fed = {key: item.data for item in summaries for key in static_copy.post_keys(item.data)}
    updated = sitemap_dates.page_updates(root)
    read = False
    for item in wp_pages.read_pages(pages, root, problems, seen, site or published, updated):
        said = next((fed[key] for key in static_copy.post_keys(item.data) if key in fed), None)
        read = read or item.kind == POST
        yield item if said is None else replace(item, data=feed_pages.completed(item.data, said))
    yield from (item for item in summaries if static_copy.post_keys(item.data).isdisjoint(seen))
    if read and not site and published:  # (the feeds' posts, or the user, named the site's address themselves)
        yield RawItem(str(root), None, {"note": copy_home.taken_note(root, published, why)}, NOTE)


def _source_items(files: list[Path], problems: list[Problem], words: Words | None,
                  progress: Progress | None) -> Iterator[RawItem]:
    for path in files:
        if archives.is_archive(path):
            yield from archives.archived_items(path, problems, lambda folder, found: iter_items([folder], found, words,
                                                                                                progress))
        elif wxr.is_export(path):
            yield from wxr.read_export(path, problems, words, progress)
        elif wp_sql.is_dump(path):
            yield from wp_sql.read_dump(path, problems, words)
        elif wp_feed.candidate(path) and wp_feed.is_feed(path):
            yield from wp_feed.read_feeds([path], _feed_root(path), problems)
        elif kind := archives.foreign(path):
            problems.append(Problem(str(path), message=f"{kind}, which newsmirror does not unpack: unpack it and "
                                                       "import what it holds"))
        elif path.suffix.lower() == ".xml":  # given by name: JSON's error would only puzzle
            problems.append(Problem(str(path), message=_not_export(path)))
        else:
            yield from _saved_json(path, problems, words)


def _saved_json(path: Path, problems: list[Problem], words: Words | None) -> Iterator[RawItem]:
    """The items of a saved JSON file: REST responses, rows of the wp_posts table (sources/wp_rows.py), or an export
    made JSON (sources/export_json.py)."""
    objects = large_list(path)
    if objects is not None and not wp_rows.row_like(objects.first) and not export_json.item_like(objects.first):
        yield from listed_items(path, objects, problems)
        return
    data, found_problems = load(path)
    problems.extend(found_problems)
    if data is UNREAD:
        return
    if wp_rows.holds_rows(data):
        yield from wp_rows.read_rows(path, data, problems, words)
        return
    if export_json.holds_export(data):
        yield from export_json.read_export_json(path, data, problems, words)
        return
    if export_json.holds_items(data):
        yield from export_json.read_export_items(path, data, problems, words)
        return
    found, found_problems = items_in(path, data)
    problems.extend(found_problems)
    yield from found


def _feed_root(path: Path) -> Path:
    """The folder a feed given alone is taken to be saved in, as a static copy of its site saves it: the site's root,
    or the root's `feed/` folder."""
    return path.parent.parent if path.parent.name.lower() in wp_feed.FEED_FOLDERS else path.parent


def _not_export(path: Path) -> str:
    if _size(path) == 0:
        return "an empty file, not read: no WordPress export in it"
    return ("not a WordPress export: its first lines hold no <rss> with the wordpress.org/export/ namespace "
            "(make one with Tools → Export)")


class Spool:
    """Items written to a temporary file as they are read and read back by position, so that an
    import holds a few posts in memory instead of all of them. The file has no name (on Linux), so
    that a killed import leaves nothing behind; forked workers read it through the same descriptor."""

    def __init__(self, folder: Path) -> None:
        folder.mkdir(parents=True, exist_ok=True)
        self._file = tempfile.TemporaryFile(dir=folder)
        self._end = 0

    def add(self, blob: bytes) -> tuple[int, int]:
        """Keeps `blob` (an item marshalled, see `dump`); returns where it is."""
        self._file.write(blob)
        self._end += len(blob)
        return self._end - len(blob), len(blob)

    def items(self, positions: Sequence[tuple[int, int]]) -> SpooledItems:
        """The items at `positions`, once every item has been added."""
        self._file.flush()
        return SpooledItems(self._file, positions)

    def __enter__(self) -> Spool:
        return self

    def __exit__(self, kind: type[BaseException] | None, error: BaseException | None,
                 trace: TracebackType | None) -> None:
        self._file.close()


def dump(data: dict[str, Any]) -> bytes:
    """An item as bytes: marshal writes and reads JSON-like values several times faster than json,
    and format 2 gives equal values equal bytes, so the bytes also serve as the item's digest."""
    return marshal.dumps(data, 2)


class SpooledItems(Sequence[dict[str, Any]]):
    """Spooled items by index, each read from the file when asked for."""

    def __init__(self, file: IO[bytes], positions: Sequence[tuple[int, int]]) -> None:
        self._file = file
        self._positions = positions

    def __len__(self) -> int:
        return len(self._positions)

    def __getitem__(self, index: int) -> dict[str, Any]:  # type: ignore[override] - no slices needed
        offset, size = self._positions[index]
        if hasattr(os, "pread"):  # workers forked from one import share the file's offset: pread ignores it
            return marshal.loads(os.pread(self._file.fileno(), size, offset))
        self._file.seek(offset)  # where there is no pread, there is no fork either: one process reads
        return marshal.loads(self._file.read(size))
