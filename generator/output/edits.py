"""Edits a build can make in place: posts whose body, title, summary, author, time of update or history
changed while nothing else did, as a post edited upstream comes back from a sync; and posts moved in the
site without their pages' paths changing (a date, terms, a featured image: output/moves.py). Only the pages
that show those posts, or whose posts moved, can change then (output/pages.py, plan_pages), so a build plans
and renders those alone and keeps every other file of the site, instead of working out the key of each of
its pages again: most of a rebuild after one edit at 10,000 posts.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from generator.output.build_cache import BuildCache, FileEntry
from generator.output.inputs import Scan
from generator.output.loading import GROUPED, HISTORY, PLACE, SHOWN, SLUG, SOURCE, TYPE, UPDATED, Loaded
from generator.problems import Problem


@dataclass(frozen=True)
class Edits:
    files: frozenset[str]  # post files (relative to the content folder) whose bytes changed
    # Of those, the ones whose title, summary or author changed: shown on the pages that list or link the post,
    # not on its own page only. A post's body shows on its own page alone (render/views.py, PostSummary).
    shown: frozenset[str]
    # The ones whose time of update changed: feeds show it, and the sitemap gives it as the time the post's
    # page and the pages that list it last changed.
    dated: frozenset[str] = frozenset()
    # The ones whose history (mirror block) changed, which the Updates pages and their feed show.
    histories: frozenset[str] = frozenset()
    # The ones whose place in the site changed but not their page's path (a date, terms, a featured image,
    # a parent): they are among `shown` too, as their cards change. Where they moved to is found once the
    # posts are grouped (output/moves.py), and so are the following:
    moved: frozenset[str] = frozenset()
    lists: frozenset[str] = frozenset()  # paths of list pages whose posts, or whose year's months, changed
    feeds: frozenset[str] = frozenset()  # paths of feeds whose entries changed
    pages: frozenset[str] = frozenset()  # posts whose neighbours, family, translations or related posts changed
    recounted: bool = False  # whether a term has another number of posts, which its taxonomy's page shows
    # Of `shown`, the ones whose own title, summary or author changed, not only their place: what the Updates
    # page and its feed show of a post (with the day and kind of its events, which only `histories` change).
    titled: frozenset[str] = frozenset()
    # Whether a moved post's WordPress id, address or guid changed, or whether it is under a parent: what
    # links in bodies are matched against (render/local_links.py, identity).
    readdressed: bool = False
    # Whether every moved post moved by its date alone, as far as the posts' grouping goes (output/regroup.py).
    redated: bool = False

    def listed(self) -> frozenset[str]:
        """The edited posts whose lists' pages must be planned: for what they show, or for their time."""
        return self.shown | self.dated


def find_edits(scan: Scan, cache: BuildCache, posts: Loaded, files: dict[str, FileEntry], settings: str,
               read: Iterable[Problem]) -> Edits | None:
    """The edits, or None when anything else changed. Everything else must be as the last build left it,
    including every file of the site, and the last build must have reported no problem but those of reading
    its inputs, which `read` holds for this build: a problem of planning means that a page lost its path to
    another, and an edit made in place would not see that."""
    if (cache.output != scan.output or cache.config != settings or not set(cache.problems) <= set(read)
            or not cache.related or tuple(cache.pages) != scan.pages or posts.entries.keys() != cache.post_files()):
        return None
    if any(stat != (w.size, w.mtime_ns, w.ino) for w, stat in zip(cache.pages.values(), scan.found)):
        return None
    if any(t != cache.folders.get(f) for f, t in zip(scan.folder_names, scan.folders)):
        return None
    if any(cache.files.get(path) is None or cache.files[path].digest != entry.digest for path, entry in files.items()):
        return None
    if len(files) + len(posts.entries) != len(cache.files):  # a static file, or a mirrored image, was removed
        return None
    changed, shown, dated, histories, moved, titled = [], [], [], [], [], []
    readdressed, redated = False, True
    prefix = len(str(scan.inputs.content)) + 1
    for path, entry in posts.entries.items():
        old = cache.files.get(path)
        if old is entry:  # not read again (loading keeps the cached entry): nothing of it changed
            continue
        if old is None:
            return None
        if old.meta != entry.meta:
            name = path[prefix:]
            if not _same_place(old.meta, entry.meta):
                if not _same_path(old.meta, entry.meta):
                    return None
                moved.append(name)
                shown.append(name)
                readdressed = readdressed or _address(old.meta) != _address(entry.meta)
                redated = redated and _same_but_date(old.meta, entry.meta)
            if any(old.meta[i] != entry.meta[i] for i in SHOWN):  # type: ignore[index]
                shown.append(name)
                titled.append(name)
            if old.meta[UPDATED] != entry.meta[UPDATED]:  # type: ignore[index]
                dated.append(name)
            if old.meta[HISTORY] != entry.meta[HISTORY]:  # type: ignore[index]
                histories.append(name)
                if _removed(old.meta) != _removed(entry.meta):  # which lists show on its card
                    shown.append(name)
        if old.digest != entry.digest:
            changed.append(path[prefix:])
    return Edits(frozenset(changed), frozenset(shown), frozenset(dated), frozenset(histories), frozenset(moved),
                 readdressed=readdressed, titled=frozenset(titled), redated=bool(moved) and redated)


def _address(meta: list) -> tuple:
    """What of a post's source local_links.identity reads: its id, URL and guid, and whether it has a parent."""
    wordpress_id, url, guid, parent, _ = meta[SOURCE]
    return wordpress_id, url, guid, bool(parent)


def _removed(meta: list) -> bool:
    """Whether the post was gone upstream: the second value of its history (loading.provenance_of)."""
    return bool(meta[HISTORY] and meta[HISTORY][1])


def _same_place(old: object, new: object) -> bool:
    """Whether two versions of a post's front matter differ at most in what only shows (loading.place_key)."""
    return isinstance(old, list) and isinstance(new, list) and len(old) == len(new) > PLACE and \
        old[PLACE] == new[PLACE]


def _same_but_date(old: list, new: list) -> bool:
    """Whether two versions of a post's front matter group it alike but for its date: the same slug, type,
    terms, source, language, translations, warnings, and mirror block or none; a featured image is not grouped.
    (A title orders a page among its parent's children.)"""
    return all(old[i] == new[i] for i in (SLUG, TYPE, *GROUPED)) and (old[HISTORY] is None) == (new[HISTORY] is None) \
        and (old[0] == new[0] or not new[SOURCE][3])


def _same_path(old: object, new: object) -> bool:
    """Whether two versions of a post's front matter give its page one path: the same slug and type."""
    return isinstance(old, list) and isinstance(new, list) and len(old) == len(new) > PLACE and \
        old[SLUG:TYPE + 1] == new[SLUG:TYPE + 1]
