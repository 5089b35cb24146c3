"""The stages of a build in which something changed, in the order builder.run_build calls them."""

from __future__ import annotations

import functools
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path

from generator.config import KNOWN_LABELS, Config, default_label
from generator.convert.document import Term, TermRegistry
from generator.language.words import Words
from generator.model import RELATED_WINDOW, Site, build_site
from generator.output import (build_cache, forked, in_place, manifest, model_snapshot, moves, regroup, related,
                              rendering, sitemap_record, spare_record)
from generator.output.build_cache import BuildCache, FileEntry, Written
from generator.output.inputs import (TERMS_FILE, Scan, config_key, folder_mtimes, folders_of, known_mtimes, make_stamp,
                                     output_stats)
from generator.output.digest import of_values
from generator.output.keys import Keys, code_key, template_keys, with_links
from generator.output.loading import Loaded, file_entries, load_posts
from generator.output.edits import Edits, find_edits
from generator.output.pages import plan_pages
from generator.output.rendering import Output
from generator.output.writer import Staging
from generator.problems import Problem
from generator.render.local_links import inputs as local_inputs, local_pages
from generator.render.remote_media import media_key, media_value
from generator.render.templates import Templates
from generator.render.views import site_words
from generator.store.labels import Labels, read_labels
from generator.store.media import local_files, read_manifest
from generator.store.terms import read_terms

PARALLEL_FROM = 300  # outputs to make from which render() starts worker processes (see renders_little)
LOCAL_BESIDE_FROM = 1000  # posts from which a whole plan finds their pages by URL in a child (some 30 µs a post)
SITE_CSS = "css/site.css"  # the stylesheet that the 404 page carries inline, as it cannot link it from every depth


@dataclass(frozen=True)
class Inputs:
    posts: Loaded
    files: dict[str, FileEntry]  # terms.yaml, templates, static files and code, by absolute path
    registry: TermRegistry
    terms: tuple[str, list, list]  # (key, terms, problems) of terms.yaml as read, for the cache
    problems: tuple[Problem, ...]
    code: str  # code key (keys.code_key)
    config: str  # config key (keys.config_key)
    edits: Edits | None  # posts changed in a way that leaves every other input and file as they were
    labels: Labels = field(default_factory=Labels)  # labels.yaml: the site's names of its taxonomies and types
    model: str = ""  # the key of the model these inputs make (model_snapshot.key); "" when it cannot be known
    previous: dict | None = None  # after edits that move posts, the last build's grouping (model_snapshot.previous)


@dataclass(frozen=True)
class Planned:
    outputs: list[Output]  # every output, or with edits, the outputs that show the edited posts
    decision: manifest.Plan
    valid: dict[str, Written]  # the site's files still as the last build left them
    # What bodies look up: the pages of posts by their URL (render/local_links.py), and the mirrored
    # images (render/remote_media.py), so a page's key covers both kinds of lookup alike.
    local_pages: dict[str, str]
    local: tuple[str, dict[str, str]]  # (key, pages) of the posts alone, for the cache
    problems: list[Problem]
    hand_added: frozenset[str]  # files and folders in the site that no build wrote
    uses: tuple[str, dict[str, frozenset[str] | None]]  # (key, templates each template uses), for the cache


@dataclass(frozen=True)
class Made:
    pages: dict[str, Written]  # every file of the new site
    links: dict[str, tuple[str, ...]]  # post digest -> link keys its body looked up, for posts rendered now
    notes: dict[str, tuple[str, ...]]  # post digest -> what rendering its body noted, for posts rendered now
    written: int
    kept: int
    differs: frozenset[str]  # paths at which the new site differs from the old one
    marker: tuple[int, int] | None  # (inode, mtime_ns) of the new site's marker file
    swap: bool  # False when the site is already as it should be: nothing is written or swapped
    # The mtimes of the spare's folders as recorded when it last held the site, but for those this build
    # changed in it: the new site's, once swapped in. None when not known.
    untouched: dict[str, int] | None = None


def load(config: Config, scan: Scan, cache: BuildCache, jobs: int) -> Inputs:
    content = config.path("content")
    count = len(scan.inputs.posts)
    posts = load_posts(content, scan.inputs.posts, scan.stats[:count], cache.files, jobs)
    files = file_entries(scan.inputs.files()[count:], scan.stats[count:], cache.files)
    code = code_key([files[str(p)].digest for p in scan.inputs.code if str(p) in files])
    registry, terms = _terms(content, files.get(str(content / TERMS_FILE)), code, cache.terms)
    term_problems = tuple(Problem(*p) for p in terms[2])
    settings = config_key(config)
    labels, label_problems = read_labels(content)
    unlisted = tuple(Problem(f"{config.paths.content}/{Path(folder).name}",
                             message=f"cannot list this folder ({why}); its posts were left out")
                     for folder, why in scan.inputs.unlisted)
    problems = unlisted + posts.problems + term_problems + tuple(label_problems)
    edits = find_edits(scan, cache, posts, files, settings, problems)
    # No snapshot without a key of terms.yaml ("" while its stat cannot be trusted); labels.yaml is read by
    # every build, so its names stand in the key themselves.
    parts = (code, settings, terms[0], labels.taxonomies, labels.types)
    model = model_snapshot.key(parts, posts.entries) if terms[0] else ""
    previous = None
    if edits is not None and edits.moved and model:
        previous = model_snapshot.previous(content, parts, {path: cache.files[path] for path in posts.entries})
        edits = edits if previous is not None else None
    return Inputs(posts, files, registry, terms, problems, code, settings, edits, labels, model, previous)


def _terms(content: Path, entry: FileEntry | None, code: str, cached: tuple[str, list, list]
           ) -> tuple[TermRegistry, tuple[str, list, list]]:
    """read_terms, reused while terms.yaml, where it is, and the code are as they were (parsing its YAML takes
    a few hundredths of a second; its problems name the file); the file's stat must be trusted, so it cannot
    have changed since its digest."""
    where = str(content / TERMS_FILE)
    key = "" if entry is not None and entry.stat is None else of_values(code, where, entry.digest if entry else "")
    if key and cached[0] == key:
        registry = TermRegistry()
        for taxonomy, slug, name, ident, parent in cached[1]:
            registry.terms.setdefault(taxonomy, {})[slug] = Term(taxonomy, slug, name, ident, parent)
        return registry, cached
    registry, problems = read_terms(content)
    terms = [[t.taxonomy, t.slug, t.name, t.id, t.parent] for found in registry.terms.values() for t in found.values()]
    return registry, (key, terms, [[p.file, p.item, p.field, p.message] for p in problems])


@dataclass(frozen=True)
class Grouped:
    site: Site
    values: dict | None = None  # when the posts were grouped anew, the grouping as model_snapshot saves it


def group(config: Config, loaded: Inputs) -> Grouped:
    """The model: the last build's, while no post's front matter nor anything else it is made from changed."""
    content = config.path("content")
    if loaded.model and loaded.previous is not None and loaded.edits is not None and loaded.edits.redated:
        # Posts moved by their dates: the last grouping, which the snapshot holds under the key before the move.
        regrouped = _regrouped(loaded.previous, loaded.edits.moved, loaded)
        if regrouped is not None:
            model_snapshot.save(content, loaded.model, regrouped.values)
            return regrouped
    elif loaded.model:
        site = model_snapshot.load(content, loaded.model, loaded.posts.posts, loaded.registry)
        if site is not None:
            return Grouped(site)
    words = site_words(config)
    site = build_site(loaded.posts.posts, loaded.registry, config.taxonomies,
                      functools.partial(_label, loaded.labels.taxonomies, words),
                      functools.partial(_label, loaded.labels.types, words))
    if not loaded.model:
        return Grouped(site)
    values = model_snapshot.values(site)
    model_snapshot.save(content, loaded.model, values)  # now: it depends on the inputs alone, not on the build
    return Grouped(site, values)


def _regrouped(previous: dict, moved: frozenset[str], loaded: Inputs) -> Grouped | None:
    """The last grouping brought up to date (output/regroup.py), or None where the posts must be grouped anew."""
    posts = loaded.posts.posts
    try:
        values = regroup.dates_moved(previous, moved, {stored.post.file: stored for stored in posts})
    except (ValueError, TypeError, KeyError, IndexError, AttributeError):  # a snapshot damaged under its own key
        values = None
    site = None if values is None else model_snapshot.site_of(values, posts, loaded.registry)
    return None if site is None else Grouped(site, values)


def _label(site_names: dict[str, str], words: Words, name: str) -> str:
    """The site's own name of a taxonomy or type, else one made from its slug (WordPress's own in `words`). WordPress's
    own names as it serves them in English ("Categories") are its words, not the site's: on a site in another
    language (its admin left in English) they take the theme's, as the menu around them does."""
    own = site_names.get(name)
    if not own or (name in KNOWN_LABELS and own == default_label(name)):
        return default_label(name, words)
    return own


def relate(config: Config, grouped: Grouped, loaded: Inputs, cache: BuildCache, jobs: int) -> related.Related:
    site, edits, limit = grouped.site, loaded.edits, config.build.related_posts
    if edits is not None and not edits.moved:  # no post's terms, dates or files changed, nor the code
        return related.reuse(site, cache.related)
    if edits is not None and loaded.previous is not None:
        near = moves.near_moves(loaded.previous, site, edits.moved, RELATED_WINDOW)
        return related.relate_near(site, limit, cache.related, near)
    return related.relate(site, limit, cache.related, loaded.code, jobs)


def plan(config: Config, scan: Scan, cache: BuildCache, grouped: Grouped, loaded: Inputs,
         relations: related.Related, templates: Templates, jobs: int = 1) -> Planned:
    site = grouped.site
    local_key, known = _local_key(grouped, cache, loaded)
    # The posts' pages by their URL, when they must be found anew, on another core beside the rest of a whole
    # plan, which needs them only to decide what to make (a quarter of its CPU at 10,000 posts).
    whole = loaded.edits is None and len(site.posts) >= LOCAL_BESIDE_FROM and jobs > 1
    with forked.beside(functools.partial(local_pages, site), whole and known is None) as later:
        return _plan(config, scan, cache, grouped, loaded, relations, templates, local_key,
                     (lambda: known) if known is not None else later.result)


def _plan(config: Config, scan: Scan, cache: BuildCache, grouped: Grouped, loaded: Inputs,
          relations: related.Related, templates: Templates, local_key: str,
          posts_pages: Callable[[], dict[str, str]]) -> Planned:
    site = grouped.site
    digests = {name: loaded.files[str(path)].digest for name, path in scan.inputs.templates.items()
               if str(path) in loaded.files}
    media = mirrored_media(config)
    uses = _template_uses(digests, loaded.code, cache.uses, templates)
    keys = Keys(site, loaded.config, loaded.code, template_keys(digests, uses[1]), relations.table, media)
    static = scan.inputs.static
    css = static[SITE_CSS].read_text(encoding="utf-8") if SITE_CSS in static else ""
    problems = list(loaded.problems)
    edits = _with_moves(config, grouped, loaded, cache, relations, local_key)
    pages = plan_pages(site, config, keys, relations.table, css, media, only=edits)
    recorded = cache.pages if cache.output == scan.output else {}
    if edits is not None:
        outputs = in_place.outputs(config, site, keys, templates, list(pages), edits, recorded)
        if outputs is not None:
            local = (local_key, posts_pages())
            return Planned(outputs, manifest.edited(outputs, recorded), dict(recorded), {**local[1], **media}, local,
                           problems, frozenset(), uses)
        pages = plan_pages(site, config, keys, relations.table, css, media)
    # Imported here: feeds, the sitemap and the HTTP stack they pull in are not needed for an edited body.
    from generator.output.outputs import site_outputs
    outputs, entries = site_outputs(pages, site, config, keys, templates, static,
                                    {path: entry.digest for path, entry in loaded.files.items()}, problems)
    if config.site.base_url:
        sitemap_record.save(config.path("content"), entries)
    found, names, times = scan.found, scan.folder_names, scan.folders
    if tuple(recorded) != scan.pages:
        names = folders_of(recorded)
        found, times = output_stats(scan.output, recorded), folder_mtimes(scan.output, names)
    changed = [f for f, t in zip(names, times) if t is not None and t != cache.folders.get(f)]
    valid = manifest.intact(scan.output, recorded, found)
    local = (local_key, posts_pages())
    lookups = {**local[1], **media}
    decision = manifest.decide(outputs, recorded, valid, cache.links, lookups)
    return Planned(outputs, decision, valid, lookups, local, problems,
                   frozenset(manifest.hand_added(scan.output, recorded, changed) if changed else ()), uses)


def _with_moves(config: Config, grouped: Grouped, loaded: Inputs, cache: BuildCache, relations: related.Related,
                local_key: str) -> Edits | None:
    """The edits, with what posts that moved change (output/moves.py); None when they cannot be made in place:
    the site's lists changed shape, or the posts' addresses did, to which links in bodies lead."""
    edits = loaded.edits
    if edits is None or not edits.moved:
        return edits
    if loaded.previous is None or grouped.values is None or local_key != cache.local[0]:
        return None
    return moves.with_moves(edits, loaded.previous, grouped.values, grouped.site, config, cache.related,
                            relations.entries)


def _template_uses(digests: dict[str, str], code: str, cached: tuple[str, dict[str, frozenset[str] | None]],
                   templates: Templates) -> tuple[str, dict[str, frozenset[str] | None]]:
    """templates.uses of every template, reused while no template file and no code changed: finding them
    parses every template, a tenth of a one-edit rebuild."""
    key = of_values(code, sorted(digests.items()))
    if cached[0] == key:
        return cached
    return key, {name: _uses(templates, name) for name in digests}


def _uses(templates: Templates, name: str) -> frozenset[str] | None:
    """templates.uses(name); None (may use any) for a file that is no text, such as an editor's swap file
    beside the templates, which no page renders: reading it as a template must not stop the build."""
    try:
        return templates.uses(name)
    except UnicodeDecodeError:
        return None


def _local_key(grouped: Grouped, cache: BuildCache, loaded: Inputs) -> tuple[str, dict[str, str] | None]:
    """The key of render.local_pages(site), with its pages when they can be reused: while what it reads is
    unchanged (local_links.inputs) and the code; None when they must be found anew. After edits
    (output/edits.py) that moved no post's address and made or emptied no term's list, none did: the key is
    not even made (a few hundredths of a second)."""
    site, edits = grouped.site, loaded.edits
    if edits is not None and cache.local[0] and (not edits.moved or not edits.readdressed and
                                                 _same_terms(loaded.previous, grouped.values)):
        return cache.local[0], cache.local[1]
    key = of_values(loaded.code, local_inputs(site))
    return key, (cache.local[1] if cache.local[0] == key else None)


def _same_terms(old: dict | None, new: dict | None) -> bool:
    """Whether two groupings (model_snapshot.values) have the same terms' lists, by taxonomy and slug."""
    def terms(values: dict) -> list:
        return [(name, [slug for slug, _ in listings]) for name, _, listings in values["taxonomies"]]

    return old is not None and new is not None and terms(old) == terms(new)


def mirrored_media(config: Config) -> dict[str, str]:
    """remote_media.media_key(URL) -> media_value of every mirrored image whose file is present."""
    content = config.path("content")
    present = local_files(content)
    return {media_key(url): media_value(e.file, e.width, e.height)
            for url, e in read_manifest(content).items() if e.file in present}


def renders_little(planned: Planned) -> bool:
    """Whether so few outputs are to be made that starting worker processes would cost more than it saves:
    one edited body makes its page and its search block's shards, a few milliseconds each."""
    return len(planned.decision.todo) < PARALLEL_FROM


def render(config: Config, planned: Planned, staging: Staging, cache: BuildCache, jobs: int,
           progress: Callable[[str, int, int], None]) -> Made:
    """Ready the spare folder, then make every output whose key changed straight into it."""
    content = config.path("content")
    decision, outputs = planned.decision, planned.outputs
    if not decision.todo and not decision.removed and not planned.hand_added:
        return Made(dict(decision.keep), {}, {}, 0, len(decision.keep), frozenset(), staging.live_sentinel(), False)
    recorded = spare_record.load_spare(content, staging.spare, staging.sentinel())
    differs = None if recorded is None else recorded[0]
    size, mtime, ino = staging.claim()
    copied = manifest.prepare_spare(staging, decision, {o.path for o in outputs} | decision.keep.keys(), differs)
    pages = {path: (live if path not in copied else live._replace(**_stat(copied[path])))
             for path, live in decision.keep.items()}
    new, links, notes = set(copied), {}, {}
    for done, made in enumerate(rendering.render(outputs, list(decision.todo), staging, content,
                                                 planned.local_pages, site_words(config), jobs, differs),
                                 start=1):
        output = outputs[made.index]
        key = decision.keys[made.index] or with_links(output.key, planned.local_pages, made.looked_up or ())
        if made.stat is None:
            pages[output.path] = planned.valid[output.path]._replace(key=key, digest=made.digest)
        else:
            pages[output.path] = Written(key, made.digest, *made.stat)
            new.add(output.path)
        if output.post is not None and made.looked_up is not None:
            links[output.post.digest] = made.looked_up
        notes.update(made.notes)
        progress("render", done, len(decision.todo))
    written = len(new) - len(copied)
    differs_after = frozenset(new) | decision.removed | planned.hand_added
    return Made(pages, links, notes, written, len(pages) - written, differs_after, (ino, mtime), True,
                _untouched(recorded, decision, outputs))


def _untouched(recorded: tuple[frozenset[str], dict[str, int] | None] | None, decision: manifest.Plan,
               outputs: list[Output]) -> dict[str, int] | None:
    """The spare's folders' mtimes as its record gives them, without the folders this build changed in it:
    those of the paths at which it differed from the site (prepare_spare), of the files made or removed now,
    and the root, whose marker file `claim` replaced."""
    if recorded is None or recorded[1] is None:
        return None
    differs, folders = recorded
    touched = set(folders_of([*differs, *decision.removed, *(outputs[index].path for index, _ in decision.todo)]))
    return {folder: mtime for folder, mtime in folders.items() if folder not in touched}


def body_notes(site: Site, cache: BuildCache, made: Made) -> dict[str, tuple[str, tuple[str, ...]]]:
    """Post file -> (digest, notes) for every post whose body's rendering noted something: from this build,
    else from the last one while the post is unchanged, so that an incremental build reports what a clean
    one would. Notes come of the file's bytes alone, so they are found by its digest: a file renamed or moved
    keeps its page, which is not rendered again, and its notes."""
    found = {}
    noted = {digest: notes for digest, notes in cache.notes.values()}
    for post in site.posts:
        notes = made.notes[post.digest] if post.digest in made.notes else noted.get(post.digest, ())
        if notes:
            found[post.file] = (post.digest, notes)
    return found


def note_problems(config: Config, notes: dict[str, tuple[str, tuple[str, ...]]]) -> list[Problem]:
    return [Problem(f"{config.paths.content}/{file}", "", "body", note)
            for file, (_, found) in sorted(notes.items()) for note in found]


def swap(config: Config, staging: Staging, scan: Scan, cache: BuildCache, loaded: Inputs,
         relations: related.Related, planned: Planned, made: Made, site: Site,
         notes: dict[str, tuple[str, tuple[str, ...]]]) -> BuildCache:
    """The new site in place of the old one, then the build cache that describes it, which is returned."""
    old_marker = staging.live_sentinel()  # the old site's, which becomes the spare's
    had_site = made.swap and staging.swap()
    content = config.path("content")
    entries = {**loaded.posts.entries, **loaded.files}
    # Sorted, so that the cache reads back in the same order when only its changes are saved (build_cache).
    pages = dict(sorted(made.pages.items()))
    folders = scan.folder_names if pages.keys() == set(scan.pages) else folders_of(pages)  # the same, sooner
    # The new site's folders: stat'ed but for those the spare's record knows and this build left alone; with
    # nothing written, the site's as the scan found them.
    known = made.untouched if had_site else None
    if not made.swap:
        known = {folder: mtime for folder, mtime in zip(scan.folder_names, scan.folders) if mtime is not None}
    times = folder_mtimes(scan.output, folders) if known is None else known_mtimes(scan.output, folders, known)
    links = {p.digest: cache.links[p.digest] for p in site.posts if p.digest in cache.links} | made.links
    stamp = None
    if all(entry.stat is not None for entry in entries.values()) and None not in times:
        stamp = make_stamp(config, scan.inputs, scan.stats, scan.output, pages,
                           [(w.size, w.mtime_ns, w.ino) for w in pages.values()], times, made.marker)
    saved = BuildCache(
        stamp, scan.output, loaded.config, entries, pages, dict(zip(folders, times)), relations.entries, links,
        tuple(planned.problems), len(site.posts), planned.local, notes, tuple(note_problems(config, notes)),
        planned.uses, loaded.terms)
    saved = build_cache.save(content, saved, cache)
    if had_site:
        spare_record.save_spare(content, staging.spare, old_marker, made.differs)
    if made.swap:
        old_site = {folder: mtime for folder, mtime in zip(scan.folder_names, scan.folders) if mtime is not None}
        _catch_up(content, staging, pages, made.differs if had_site else None, folders, old_site)
    return saved


def _catch_up(content: Path, staging: Staging, pages: dict[str, Written], differs: frozenset[str] | None,
              folders: list[str], old_site: dict[str, int]) -> None:
    """See manifest.catch_up; with no `differs`, there was no site before this build, and so no spare: it is
    made anew. The record of how the spare differs is written only once it holds: a build killed before then
    leaves the record of the swap (a superset of the differences), or none. It keeps the mtimes of the
    spare's `folders` (the site's): as the scan found them in the old site, which the spare now is, but for
    the folders catching up changed, stat'ed; unless the spare was made anew."""
    if differs is None:
        staging.claim()
        differs = frozenset(pages)
    if manifest.catch_up(staging, pages, differs):
        times = None
        if differs != pages.keys():
            changed = set(folders_of(differs))
            known = {folder: mtime for folder, mtime in old_site.items() if folder not in changed}
            found = known_mtimes(str(staging.spare), folders, known)
            times = None if None in found else dict(zip(folders, found))
        spare_record.save_spare(content, staging.spare, staging.sentinel(), frozenset(), times)


def _stat(stat: tuple[int, int, int]) -> dict[str, int]:
    return dict(zip(("size", "mtime_ns", "ino"), stat))
