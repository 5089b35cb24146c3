"""The outputs of edits made in place (output/edits.py): those that show the edited posts, planned from the
model without planning every page of the site; every other file of the site is kept as it is."""

from __future__ import annotations

import functools
from collections.abc import Mapping

from generator import urls
from generator.config import Config
from generator.model import Site
from generator.output import rendering, sitemap_record
from generator.output.build_cache import Written
from generator.output.edits import Edits
from generator.output.keys import Keys
from generator.output.pages import Page
from generator.output.rendering import Output
from generator.output.search_index import search_outputs
from generator.render import updates
from generator.render.local_dates import Dates
from generator.render.templates import Templates


def outputs(config: Config, site: Site, keys: Keys, templates: Templates, pages: list[Page], edits: Edits,
            recorded: Mapping[str, Written]) -> list[Output] | None:
    """The outputs that show the edited posts: pages, feeds when titles, summaries, authors, times of update
    or histories changed or posts moved, the sitemap when times did or posts moved, and the search index, which
    holds all of a post (those posts' doc files and their blocks' shards; after moves, also its manifest).
    None when the edits change which files the site has (a history that adds an Updates page), or the
    sitemap's last entries are not known: then every page is planned."""
    found = [Output(p.path, p.key, rendering.page_maker(p, templates), p.post) for p in pages]
    if edits.shown or edits.dated or edits.histories:
        # Imported here: feeds and the HTTP stack they pull in are not needed for an edited body.
        from generator.output import outputs as site_files
        found += site_files.feeds(site, config, keys, edits)
        if (edits.dated or edits.histories or edits.moved) and config.site.base_url:
            sitemap = _sitemap(config, keys, pages, recorded, [urls.post(p) for p in site.posts] if edits.moved else [])
            if sitemap is None:
                return None
            found += sitemap
    found += search_outputs(site, keys.feed_frame, config.path("content"), Dates(config.site.language),
                            only=edits.files, manifest=bool(edits.moved))
    if any(o.path not in recorded for o in found) or (edits.histories and _fewer_updates(pages, recorded)):
        return None
    return found


def _sitemap(config: Config, keys: Keys, pages: list[Page], recorded: Mapping[str, Written],
             order: list[str]) -> list[Output] | None:
    """The sitemap from the last build's entries, with the times of `pages` (sitemap_record), and with posts
    that moved, the posts' pages in `order`."""
    from generator.output.outputs import sitemap_entry, sitemap_key, sitemap_outputs
    content = config.path("content")
    last = recorded.get(urls.SITEMAP)
    entries = last and sitemap_record.load(content, functools.partial(sitemap_key, keys), last.key)
    if entries and order:
        entries = sitemap_record.reordered(entries, order)
    if not entries:
        return None
    found = sitemap_record.patched(entries, dict(map(sitemap_entry, (p for p in pages if p.in_sitemap))))
    if found is None:
        return None
    sitemap_record.save(content, found)
    return sitemap_outputs(config, keys, found)


def _fewer_updates(pages: list[Page], recorded: Mapping[str, Written]) -> bool:
    """Whether the site has an Updates page past the last one planned (a history shortened, or events ranked
    out of the page's limit): its file would be left behind."""
    count = sum(1 for p in pages if p.template == "updates.html")
    return updates.page_path(count + 1) in recorded
