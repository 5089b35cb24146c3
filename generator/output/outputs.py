"""Every file of the site, in a fixed order, each with its key and how to make it: the pages, then the
feeds, the sitemap, robots.txt, CNAME, the search index, the static files and the code stylesheet. A path
claimed twice is a problem; the first claim keeps it.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from operator import attrgetter
from pathlib import Path

from generator import urls
from generator.config import Config
from generator.model import Site
from generator.output import sitemap_record
from generator.output.digest import of_bytes, of_values
from generator.output.edits import Edits
from generator.output.keys import Keys
from generator.output.pages import Page, PathClaims
from generator.output.rendering import Output, RenderBody, page_maker
from generator.output.search_index import search_outputs
from generator.output.writer import inside
from generator.problems import Problem
from generator.render import updates
from generator.render.feeds import Entries, atom, feed_plans, updates_atom
from generator.render.local_dates import Dates
from generator.render.markdown import code_css
from generator.render.sitemap import robots_txt, sitemap_paths, sitemaps
from generator.render.templates import Templates
from generator.render.views import site_words

CODE_CSS = "css/code.css"
_FILE = attrgetter("file")


def site_outputs(pages: Iterable[Page], site: Site, config: Config, keys: Keys, templates: Templates,
                 static: Mapping[str, Path], static_digests: Mapping[str, str],
                 problems: list[Problem]) -> tuple[list[Output], list[sitemap_record.Entry]]:
    """The outputs, and the sitemap's entries (sitemap_record)."""
    claims, tree = PathClaims(config.paths.output), _Tree()
    outputs: list[Output] = []
    in_sitemap: list[sitemap_record.Entry] = []
    for page in pages:
        problem = _unusable(page.path, tree, config) or claims.claim(page)
        if problem is not None:
            problems.append(page.origin.problem(problem) if isinstance(problem, str) else problem)
            continue
        tree.add(page.path)
        outputs.append(Output(page.path, page.key, page_maker(page, templates), page.post))
        if page.in_sitemap:
            in_sitemap.append(sitemap_entry(page))
    others = [*feeds(site, config, keys), *sitemap_outputs(config, keys, in_sitemap), *_small_files(config, keys),
              *search_outputs(site, keys.feed_frame, config.path("content"), Dates(config.site.language))]
    others += [Output(path, of_values("static", static_digests.get(str(source), "")), _reader(source))
               for path, source in static.items()]
    # Made only when the code or configuration changed: its key needs no Pygments, which takes a while to load.
    others.append(Output(CODE_CSS, of_values(keys.feed_frame, CODE_CSS), lambda _: code_css().encode("utf-8")))
    claimed = {o.path for o in outputs}
    for output in others:
        problem = _unusable(output.path, tree, config)
        if output.path in claimed:
            problem = "a page and a static file, or two static files, publish to this path; the first was kept"
        if problem is not None:
            problems.append(Problem(f"{config.paths.output}/{output.path}", message=problem))
            continue
        claimed.add(output.path)
        tree.add(output.path)
        outputs.append(output)
    return outputs, in_sitemap


def _unusable(path: str, tree: _Tree, config: Config) -> str | None:
    if not inside(path):
        return f"would publish to {path!r}, which is not a path inside the site's folder; left out"
    clash = tree.clash(path)
    if clash is not None:
        return f"would publish to {config.paths.output}/{path}, but {clash} is a file there and a folder here; left out"
    return None


class _Tree:
    """The files claimed so far and the folders they need: no path may be a file for one output and a
    folder for another (the home page is index.html; a post type named index.html would need a folder).

    Folders are walked up from the deepest and only until one already known, whose own folders were
    checked when it was added: most outputs share their folders with others (a full plan checks 20,000)."""

    def __init__(self) -> None:
        self.files: set[str] = set()
        self.folders: set[str] = set()

    def clash(self, path: str) -> str | None:
        if path in self.folders:
            return path
        end = path.rfind("/")
        while end > 0 and path[:end] not in self.folders:
            if path[:end] in self.files:  # a known folder has no file above it, so this is the only one
                return path[:end]
            end = path.rfind("/", 0, end)
        return None

    def add(self, path: str) -> None:
        self.files.add(path)
        end = path.rfind("/")
        while end > 0 and path[:end] not in self.folders:
            self.folders.add(path[:end])
            end = path.rfind("/", 0, end)


def _reader(source: Path):
    return lambda _: source.read_bytes()


def feeds(site: Site, config: Config, keys: Keys, only: Edits | None = None) -> list[Output]:
    """The site's feeds; with `only` (output/edits.py), those whose entries the edits change."""
    outputs = []
    entries = Entries(config.site.base_url, config.site.language)
    shown = only.listed() if only is not None else None
    for plan in feed_plans(site, config):
        if shown is not None and shown.isdisjoint(map(_FILE, plan.posts)) and plan.path not in only.feeds:
            continue

        def make(_: RenderBody, plan=plan) -> bytes:
            return atom(config, plan.title, plan.page, plan.path, plan.posts, entries)
        outputs.append(Output(plan.path, keys.feed(plan.title, plan.page, plan.path, plan.posts), make))
    # Its entries show the titles and summaries of posts with a history, and the events of their histories.
    every = only is None or bool(only.histories)
    if not every and not updates.has_events(site, only.titled):
        return outputs
    if config.site.base_url and updates.has_updates(site):  # feeds need the site's address
        events = updates.events(site, config.changes.updates, site_words(config))
        if not every and not any(event.post.file in only.titled for event in events):
            return outputs
        outputs.append(Output(updates.FEED, keys.updates_feed(events),
                              lambda _: updates_atom(config, events, site_words(config))))
    return outputs


def sitemap_entry(page: Page) -> sitemap_record.Entry:
    return [page.path, page.lastmod.isoformat() if page.lastmod else None]


def sitemap_key(keys: Keys, entries: list[sitemap_record.Entry]) -> str:
    return of_values(keys.feed_frame, entries)


def sitemap_outputs(config: Config, keys: Keys, entries: list[sitemap_record.Entry]) -> list[Output]:
    base = config.site.base_url
    if not base:
        return []
    key = sitemap_key(keys, entries)
    return [Output(name, key, lambda _, name=name: dict(sitemaps(base, entries))[name])
            for name in sitemap_paths(len(entries))]


def _small_files(config: Config, keys: Keys) -> list[Output]:
    files = {urls.ROBOTS: robots_txt(config.site.base_url)}
    if config.site.cname:
        files[urls.CNAME] = (config.site.cname + "\n").encode("utf-8")
    return [Output(path, of_bytes(data), lambda _, data=data: data) for path, data in files.items()]
