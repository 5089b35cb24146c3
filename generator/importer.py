"""The import pipeline: saved WordPress JSON -> raw items -> Documents and terms -> content/."""

from __future__ import annotations

import html
from collections import Counter
from collections.abc import Iterable, Sequence
from dataclasses import astuple, dataclass, field, replace
from functools import partial
from importlib.metadata import version
from pathlib import Path
from typing import Any

from generator import __version__, collector
from generator.convert.addresses import has_host, host_of, site_of
from generator.convert.batch import Failure, convert_all, convert_one
from generator.convert.context import Losses, Media, Settings
from generator.convert.control_chars import readable
from generator.convert.mojibake import repaired
from generator.convert.document import Term, TermRegistry
from generator.convert.multilingual import in_language
from generator.convert.short_descriptions import has_short_description
from generator.convert.wp_post import Lookups, embedded_authors, embedded_terms, to_media, to_term, to_user
from generator.convert.wp_render import rendered_content
from generator.import_result import ImportOptions, ImportResult, PostReport
from generator.language.tags import TAG as LANGUAGE_TAG
from generator.language.words import Words
from generator.placing import Ready, place, stage_file
from generator.problems import ItemError, Problem
from generator.progress import Progress
from generator.site_names import SiteNames
from generator.sources import wp_json
from generator.sources.saved import Spool, dump, iter_items
from generator.sources.site_clues import LanguageClues, seo_site_name
from generator.sources.wp_json import RawItem
from generator.sources.wxr_items import RENDER
from generator.store import import_cache
from generator.store.files import remove_stale_temporaries
from generator.store.labels import Labels, read_labels, write_labels
from generator.store.terms import read_terms, write_terms

__all__ = ["ImportOptions", "ImportResult", "PostReport", "run_import"]


# The taglines WordPress gave every new site, which no owner chose, in English and as its translations gave it
# (found so in sites' `wp_options`); since 6.1 it gives none.
DEFAULT_TAGLINES = frozenset({"Just another WordPress site", "Just another WordPress.com site",
                              "Just another WordPress weblog", "Eine weitere WordPress-Website",
                              "Un site utilisant WordPress", "Otro sitio realizado con WordPress",
                              "Só mais um site WordPress", "Un nuovo sito targato WordPress",
                              "Zomaar een WordPress website", "Kolejna witryna oparta na WordPressie",
                              "Ещё один сайт на WordPress", "Еще один сайт на WordPress",
                              "Просто ще один сайт на WordPress", "Další web používající WordPress",
                              "Ännu en WordPress-webbplats", "Một trang web mới sử dụng WordPress",
                              "又一个WordPress站点"})
GROUP_FROM = 3  # more items than this with one fault in one file are told in one line
CONVERTING = "converting posts"  # the progress stage of the import's long part



def run_import(sources: Sequence[Path], content_dir: Path, options: ImportOptions = ImportOptions(),
               progress: Progress | None = None) -> ImportResult:
    # The posts are spooled as they are read, and converted from the spool: memory holds the names and
    # a few kilobytes per post (its key, and what converting it reported), never the posts themselves.
    with Spool(content_dir / import_cache.CACHE_DIR) as spool:
        # Not while reading or converting, which may run here and makes a cyclic tree of every post (collector.py).
        with collector.paused():
            registry, term_problems = read_terms(content_dir)
            scan = _scan(sources, registry, spool, _settings(options).site_words(), progress, options.site)
            result = ImportResult(problems=scan.read_problems + term_problems + scan.names.problems + scan.others,
                                  skipped=scan.skipped, notes=scan.notes)
            lookups, own_names = scan.names.lookups()
            stored = read_labels(content_dir)[0].language
            guessed = "" if options.language or stored else _guessed_language(scan, result)
            options = replace(options, language=options.language or scan.names.labels.language or stored
                              or guessed or "en")
            posts = _latest_posts(scan.posts, options, result)
            cache = import_cache.load(content_dir)
        settings = _settings(options)
        context = import_cache.fingerprint(_converter_version(), astuple(settings), own_names)

        def reconvert(post: Ready) -> Ready:
            data = spool.items([post.item.spooled])[0]
            outcome = convert_one(data, lookups, settings)
            return replace(post, document=outcome.document, cached=None, staged=None)  # converted fine before

        remove_stale_temporaries(content_dir)  # before the workers stage files of their own
        try:
            ready, failed = _convert(posts, context, lookups, registry, cache, spool, content_dir, options, result,
                                     progress)
            # Of the posts imported: those refused are told apart, each with its problem.
            imported = {id(post.item) for post in ready}
            converted = [post for post in posts if id(post.item) in imported]
            result.notes.extend(_hostless(converted, options) + _bodiless(converted) + _media_only(scan))
            with collector.paused():
                entries = place(ready, failed, reconvert, content_dir, options, result)
        except BaseException:
            # Whatever stopped the import, the files staged so far go too: a pool cut short never says
            # which files its workers staged, so the folder is searched for them.
            remove_stale_temporaries(content_dir)
            raise
    with collector.paused():
        import_cache.save(content_dir, entries, cache)
        result.terms_written = write_terms(content_dir, registry)
        _store_labels(content_dir, scan.names.labels, registry, posts, guessed, scan.site_name(), options.language)
    result.problems = grouped(result.problems)
    return result


@dataclass(frozen=True, slots=True)
class PostRef:
    """A post item as the first pass saw it: what picks the copy to import, and where it is spooled."""

    item: RawItem  # its data holds only the post's id, for labels and problems
    key: tuple[Any, Any]
    order: tuple[str, str]  # posts are converted and reported by type, then id
    modified: str
    status: object  # a string, or the type of what the item holds instead
    digest: str  # of the item's whole JSON
    site: str  # the host its link (else its guid) names, without `www.`; "" when neither names one
    bodiless: bool  # its content is empty
    body: int  # characters of its rendered content: of two copies modified at once, the one that shows more
    size: int  # of the item's JSON: of two copies modified at once and alike, the larger holds more (`_embedded`)
    type: str  # its post type, as WordPress names it


@dataclass
class Scan:
    """What the first pass over the input keeps."""

    names: Names
    posts: list[PostRef] = field(default_factory=list)
    read_problems: list[Problem] = field(default_factory=list)
    skipped: list[str] = field(default_factory=list)  # in input order, as `ImportResult.skipped`
    others: list[Problem] = field(default_factory=list)  # items that are not WordPress
    notes: list[str] = field(default_factory=list)  # what the readers tell of how they read a source
    clues: LanguageClues = field(default_factory=LanguageClues)  # of the site's language, from its posts
    site_names: Counter[str] = field(default_factory=Counter)  # the site's name, as SEO plugins give it in posts

    def site_name(self) -> str:
        """The name most posts give their site ("" when none does); of two as common, the first read."""
        return self.site_names.most_common(1)[0][0] if self.site_names else ""


def _scan(sources: Sequence[Path], registry: TermRegistry, spool: Spool, words: Words,
          progress: Progress | None = None, site: str = "") -> Scan:
    """One pass over the input: names are collected, posts spooled, the rest told apart."""
    scan = Scan(Names(registry))
    told = 0  # of scan.read_problems, those already looked at for posts they leave out
    for item in iter_items(sources, scan.read_problems, words, progress, site):
        told = _left_out(scan, told)  # before the item, in input order: problems come as their item is read
        if item.kind == wp_json.POST:
            scan.names.embedded(item.data)
            scan.clues.add(item.data)
            if name := seo_site_name(item.data):
                scan.site_names[name] += 1
            scan.posts.append(_spooled(item, spool))
        elif item.kind in wp_json.SKIPPED:
            if item.kind == wp_json.SITE:  # /wp/v2/settings names the site's language and title
                scan.names.add(item)
            where = f"{item.file}: item {item.label}" if item.label else item.file
            scan.skipped.append(f"{where}: {wp_json.SKIPPED[item.kind]}, not a post")
        elif item.kind == wp_json.OTHER:
            scan.others.append(item.problem("", wp_json.not_wordpress(item.data)))
        elif item.kind == wp_json.NOTE:
            scan.notes.append(item.data["note"])
        else:
            scan.names.add(item)
    _left_out(scan, told)
    return scan


def _left_out(scan: Scan, told: int) -> int:
    """The posts that read_problems since `told` leave out, added to the skipped, so that the summary's count of
    skipped agrees with the problems; returns how many problems are told now."""
    scan.skipped.extend(_not_imported(p) for p in scan.read_problems[told:] if p.left_out)
    return len(scan.read_problems)


def _not_imported(problem: Problem) -> str:
    field = f"{problem.field} " if problem.field else ""
    return f"{problem.file}: item {problem.item}: not imported, {field}{problem.message}"


def _spooled(item: RawItem, spool: Spool) -> PostRef:
    data = item.data
    blob = dump(data)
    ident = data.get("id")
    # Without an id there is nothing to match copies by; each such item fails on its own.
    key = (str(data.get("type", "post")), ident) if isinstance(ident, int) else (item.file, item.index)
    status = _status(data)
    try:
        content = rendered_content(data) if RENDER in data else data.get("content")
    except Exception:  # noqa: BLE001 - one post's bug must not stop the import: its conversion names it
        content = None
    body = content["rendered"] if isinstance(content, dict) and isinstance(content.get("rendered"), str) else None
    stub = RawItem(item.file, item.index, {"id": ident}, item.kind, spool.add(blob), item.renamed)
    return PostRef(stub, key, (str(data.get("type")), str(ident)), str(data.get("modified", "")),
                   status if isinstance(status, str) else type(status), import_cache.digest(blob),
                   site_of(data), body is not None and not body.strip() and not has_short_description(data),
                   len(body or ""), len(blob),
                   str(data.get("type", "post")))


def grouped(problems: list[Problem]) -> list[Problem]:
    """One line for many items of one file with one fault (a crawl saved with `?_fields=` lacks the
    content of all its posts), where the first item stands for the others."""
    counts = Counter((p.file, p.field, p.message) for p in problems if p.item)
    kept, said = [], set()
    for problem in problems:
        key = (problem.file, problem.field, problem.message)
        if not problem.item or counts[key] <= GROUP_FROM:
            kept.append(problem)
        elif key not in said:
            said.add(key)
            kept.append(replace(problem, item=f"{problem.item} and {counts[key] - 1} more"))
    return kept


def _hostless(posts: list[PostRef], options: ImportOptions) -> list[str]:
    """Once per import: posts whose address names no host (a crawl saved with hosts stripped) keep
    their root-relative links unless the site's address is given."""
    if has_host(options.site):
        return []
    hostless = [post.item for post in posts if not post.site]
    if not hostless:
        return []
    first = hostless[0]
    return [f"{len(hostless)} posts have no site address in their link or guid (first: {first.place}), "
            "so their relative links stay relative; give the site's address with "
            "`import --site URL` or `[import] site` in the configuration"]


def _other_sites(left: list[tuple[PostRef, str]]) -> list[str]:
    """Once per import: posts of one type and id read from two sites. A site that moved to another address
    gives such pairs, and they are one post; posts of two sites are two, and of each pair only the copy
    modified last is imported, so the user is told (the other is named) and can import the sites apart."""
    if not left:
        return []
    first, other = left[0]
    sites = " and ".join(sorted({first.site, other}))
    return [f"posts of two sites with the same type and id: {len({ref.key for ref, _ in left})} ({sites}; first: "
            f"{first.item.place}); of each, the copy modified last was imported. A site that "
            "moved address gives such pairs, but two sites' posts need a content folder each"]


# bbPress's status of a topic closed to new replies, which it registers as public: every reader sees the topic.
PUBLIC_STATUSES = {("topic", "closed")}


def _status(data: dict[str, Any]) -> object:
    """WordPress lists a password-protected post as published and tells it only by its content's `protected`
    flag; it is `password-protected` here, as in an export, so that its text is kept out unless asked for. A
    status a plugin registers as public (see PUBLIC_STATUSES) is published: a forum's closed topics were left out."""
    status = data.get("status", "publish")
    content = data.get("content")
    if status == "publish" and isinstance(content, dict) and content.get("protected") is True:
        return "password-protected"
    # Compared, not looked up: a saved file may give a list or an object for either, which no set holds.
    public = any(data.get("type") == kind and status == name for kind, name in PUBLIC_STATUSES)
    return "publish" if public else status


def _bodiless(posts: list[PostRef]) -> list[str]:
    """Custom types often keep everything in fields the REST response does not show: such posts are
    imported with an empty body, which is worth a line, not a problem each."""
    empty = [post.item for post in posts if post.bodiless]
    if not empty:
        return []
    return [f"{len(empty)} posts have an empty body (first: {empty[0].place}); "
            "they are imported with their title and fields only"]


def _media_only(scan: Scan) -> list[str]:
    """An input of media and no posts (WordPress's Tools → Export of "Media" alone, or a crawl of /wp/v2/media)
    imports nothing: "imported 0 posts" must say why, or the user is left to think the reader failed."""
    if scan.posts or not scan.names.media:
        return []
    return [f"the input holds no posts or pages, only {len(scan.names.media)} media items (attachments); export "
            "\"All content\" (or save /wp/v2/posts and /wp/v2/pages) to mirror them"]


def _converter_version() -> list[str]:
    """What else decides how an item converts: this code, the words of its labels, and the libraries that parse
    and write."""
    package = Path(__file__).parent
    # Converting an export's post reads WordPress's syntax with sources/wp_syntax.py, and tells the hosts of its
    # maker's machine with sources/wp_permalinks.py (convert/built_locally.py).
    sources = sorted([*(package / "convert").glob("*.py"), *(package / "store").glob("*.py"),
                      package / "sources" / "wp_syntax.py", package / "sources" / "wp_permalinks.py",
                      *(package / "language").glob("*.py"),
                      *(package / "language" / "catalogues").glob("*.toml")])
    digest = import_cache.fingerprint(*(p.read_bytes() for p in sources))
    return [__version__, digest, *(version(name) for name in ("markdownify", "beautifulsoup4", "lxml", "PyYAML"))]


def _settings(options: ImportOptions) -> Settings:
    return Settings(options.keep_keyword_links, options.site, options.language, options.words)


def _convert(posts: list[PostRef], context: str, lookups: Lookups, registry: TermRegistry,
             cache: dict[str, import_cache.Entry], spool: Spool, content_dir: Path, options: ImportOptions,
             result: ImportResult, progress: Progress | None = None) -> tuple[list[Ready], set[tuple[str, int]]]:
    """Every post as a Document, except those whose file the cache vouches for: they are not parsed, and
    the progress counts only the others, which take the time. Also returns the posts that failed, which
    are still in the input."""
    ready, fresh = [], []
    shared: dict[Term, Term] = {}  # each post's terms are copies of their own; one copy will do
    for post in posts:
        fingerprint = import_cache.fingerprint(context, post.digest)
        entry = cache.get(fingerprint)
        if entry is not None and import_cache.still_valid(content_dir, entry):
            ready.append(Ready(post.item, fingerprint, None, entry, Losses(Counter(entry.losses), entry.details),
                               [shared.setdefault(t, t) for t in (Term(*t) for t in entry.terms)],
                               [(f, m) for f, m in entry.warnings]))
        else:
            fresh.append((post, fingerprint))
    items = spool.items([post.item.spooled for post, _ in fresh])
    outcomes = convert_all(items, lookups, _settings(options), options.workers,
                           partial(stage_file, content_dir, options=options))
    failed = set()
    for done, ((post, fingerprint), outcome) in enumerate(zip(fresh, outcomes), 1):
        if progress is not None:
            progress(CONVERTING, done, len(fresh))
        if isinstance(outcome, Failure):
            problem = post.item.problem(outcome.field, outcome.message)
            result.problems.append(problem)
            result.skipped.append(_not_imported(problem))  # so that the summary's count agrees with the problems
            if isinstance(post.item.data["id"], int):
                failed.add(post.key)
        else:
            terms = [shared.setdefault(term, term) for term in outcome.terms]
            ready.append(Ready(post.item, fingerprint, outcome.document, None, outcome.losses, terms,
                               outcome.warnings, outcome.finished))
    for post in ready:
        result.problems.extend(post.item.problem(f, m) for f, m in post.warnings)
        for term in post.terms:
            registry.add(term)
    return ready, failed


class Names:
    """Names from this import's responses (term endpoints, then embedded terms), then what
    content/terms.yaml already knew; and a digest of this import's own names, for the cache key."""

    def __init__(self, registry: TermRegistry) -> None:
        self.registry = registry
        self.users: dict[int, str] = {}
        self.media: dict[int, Media] = {}
        self.taxonomies: dict[str, str] = {}
        self.labels = Labels()  # the site's names of its taxonomies and types
        self.terms: dict[tuple[str, int], Term] = {}
        self.embedded_terms: dict[tuple[str, int], Term] = {}  # from posts: term endpoints come first
        self.embedded_users: dict[int, str] = {}  # from posts: saved users come first
        self.by_site = SiteNames()  # the same, by the site that gave them
        self.problems: list[Problem] = []

    def add(self, item: RawItem) -> None:
        if item.kind == wp_json.TERM:
            self._add_term(item)
        elif item.kind == wp_json.USER and (user := to_user(item.data)):
            self.users[user[0]] = user[1]
            self.by_site.users.setdefault(host_of(item.data.get("link")), {})[user[0]] = user[1]
        elif item.kind == wp_json.MEDIA and (found := to_media(item.data)):
            self.media[found[0]] = found[1]
            host = host_of(item.data.get("link")) or host_of(item.data.get("source_url"))
            self.by_site.media.setdefault(host, {})[found[0]] = found[1]
        elif item.kind == wp_json.TAXONOMIES:
            described = [item.data] if "rest_base" in item.data else item.data.values()
            self.taxonomies.update({t["rest_base"]: t["slug"] for t in described
                                    if isinstance(t["rest_base"], str) and isinstance(t["slug"], str)})
            self.labels.taxonomies.update(_names(described))
        elif item.kind == wp_json.TYPES:
            self.labels.types.update(_names([item.data] if "rest_base" in item.data else item.data.values()))
        elif item.kind in (wp_json.LANGUAGE, wp_json.SITE):
            self._language(item.data.get("language"))
            self._site_texts(item.data, item.kind == wp_json.LANGUAGE)

    def embedded(self, post: dict[str, Any]) -> None:
        """The terms and author a post saved with `_embed` names, which also name the posts of a crawl's other
        files saved without it (the latest posts fetched again without `_embed`)."""
        site = host_of(post.get("link"))  # not its guid, which may name a host the site had before
        self.by_site.posts.add(site)
        for term in embedded_terms(post):
            if term.id is not None:
                self.embedded_terms.setdefault((term.taxonomy, term.id), term)
                self.by_site.embedded_terms.setdefault(site, {}).setdefault((term.taxonomy, term.id), term)
        for user in embedded_authors(post):
            self.embedded_users.setdefault(*user)
            self.by_site.embedded_users.setdefault(site, {}).setdefault(*user)

    def lookups(self) -> tuple[Lookups, str]:
        terms = dict(self.terms)
        for key, term in self.embedded_terms.items():
            terms.setdefault(key, term)
        users = {**self.embedded_users, **self.users}
        own = import_cache.fingerprint(sorted((k, astuple(t)) for k, t in terms.items()),
                                       sorted(self.taxonomies.items()), sorted(users.items()),
                                       sorted((k, astuple(m)) for k, m in self.media.items()),
                                       repr(self.by_site.digest_parts()))
        for by_slug in self.registry.terms.values():
            for term in by_slug.values():
                if term.id is not None:
                    terms.setdefault((term.taxonomy, term.id), term)
        whole = Lookups(terms=terms, taxonomies=self.taxonomies, users=users, media=self.media)
        return self.by_site.scoped(whole), own

    def _language(self, said: object) -> None:
        """The first language the input names, as a BCP 47 tag (WordPress's locale `pt_BR` is `pt-BR`)."""
        if not self.labels.language and isinstance(said, str) and LANGUAGE_TAG.fullmatch(said.strip()):
            self.labels.language = said.strip().replace("_", "-")

    def _site_texts(self, data: dict[str, Any], channel: bool) -> None:
        """The first title and tagline the input names: /wp/v2/settings' `title`, the /wp-json/ index's `name`,
        an export's channel `<title>`; each with its `description`. (A post type's `description` is not one.)"""
        if channel or {"timezone", "date_format"} <= data.keys():
            said = (data.get("title"), data.get("description"))
        elif "routes" in data or "namespaces" in data:
            said = (data.get("name"), data.get("description"))
        else:
            return
        for key, value in zip(("title", "description"), said):
            text = readable(repaired(html.unescape(value))).strip() if isinstance(value, str) else ""
            if not getattr(self.labels, key) and text and text not in DEFAULT_TAGLINES:
                setattr(self.labels, key, text)

    def _add_term(self, item: RawItem) -> None:
        try:
            term = to_term(item.data)
        except ItemError as e:
            self.problems.append(item.problem(e.field, e.message))
            return
        self.registry.add(term)
        if term.id is not None:
            self.terms[(term.taxonomy, term.id)] = term
            self.by_site.terms.setdefault(host_of(item.data.get("link")), {})[(term.taxonomy, term.id)] = term


def _names(described: Iterable[dict[str, Any]]) -> dict[str, str]:
    """slug -> name of each taxonomy or type described, where the site gave one."""
    return {d["slug"]: html.unescape(d["name"]).strip() for d in described
            if isinstance(d.get("slug"), str) and isinstance(d.get("name"), str) and d["name"].strip()}


def _guessed_language(scan: Scan, result: ImportResult) -> str:
    """The language the posts say their site writes in, where the input names none (see
    sources/site_clues.py), told in a note; "" for none, or English, which the build assumes."""
    if scan.names.labels.language:
        return ""
    guess = scan.clues.guess()
    if guess is None or guess.tag.split("-")[0] == "en":
        return ""
    result.notes.append(f"the site's language is taken to be {guess.tag}, as no export or /wp/v2/settings names one "
                        f"and {guess.why}; set [site] language to say otherwise")
    return guess.tag


def _store_labels(content_dir: Path, found: Labels, registry: TermRegistry, posts: list[PostRef],
                  guessed: str, site_name: str, kept: str) -> bool:
    """content/labels.yaml with the names of the taxonomies and types these posts use, the others kept, and the
    site's language and title: as the input says, else as stored, else as the posts' clues say. A qTranslate
    site's name and tagline (`[:vi]Tên[:en]Name[:]`, as its database holds them) in the language its posts are
    `kept` in."""
    labels, _ = read_labels(content_dir)  # a malformed one is rewritten whole
    used_types = {post.order[0] for post in posts}
    labels.taxonomies.update({k: v for k, v in found.taxonomies.items() if k in registry.terms})
    labels.types.update({k: v for k, v in found.types.items() if k in used_types})
    labels.language = found.language or labels.language or guessed
    labels.title = in_language(found.title, kept) or labels.title or site_name
    labels.description = in_language(found.description, kept) or labels.description
    return write_labels(content_dir, labels)


def _latest_posts(refs: list[PostRef], options: ImportOptions, result: ImportResult) -> list[PostRef]:
    """Each post once: the copy modified last wins (one that gives no time of update, a row saved without
    `post_modified`, loses to one that does), then the one whose body shows more (The Events Calendar's
    own API gives an event's dates and venue above its text, which its `/wp/v2/` copy lacks), then the larger (a
    crawl that saved a list with `_embed` and each post without it has the terms' names and the featured image
    only in the first), then the first read; types and statuses not asked for are skipped."""
    posts: dict[tuple[Any, Any], PostRef] = {}
    left: list[tuple[PostRef, str]] = []  # a copy of a post of another site, left out, and that site
    for ref in refs:
        current = posts.get(ref.key)
        if current is None or (ref.modified, ref.body, ref.size) > (current.modified, current.body, current.size):
            posts[ref.key] = ref
            current, ref = ref, current
        if ref is not None and ref.site and current.site and ref.site != current.site:
            left.append((ref, current.site))
    result.notes.extend(_other_sites(left))
    kept = []
    for ref in sorted(posts.values(), key=lambda r: r.order):
        where = f"{ref.item.file}: item {ref.item.label}" if ref.item.label else ref.item.file
        if options.types and not {ref.type, ref.type.lstrip("_")} & options.types:
            result.skipped.append(f"{where}: type {ref.type!r}, not among --types")
        elif not isinstance(ref.status, str):
            result.problems.append(ref.item.problem("status", f"expected a string, got {ref.status.__name__}"))
        elif ref.status in options.statuses:
            kept.append(ref)
        else:
            result.skipped.append(f"{where}: status {ref.status!r}")
    result.problems.extend(_types_not_found(options.types, {ref.type for ref in posts.values()}))
    return kept


def _types_not_found(asked: frozenset[str], held: set[str]) -> list[Problem]:
    """A type --types names that no post of the input has: a typo would import nothing of it, silently."""
    names = held | {t.lstrip("_") for t in held}
    return [Problem("--types", message=f"no post of type {t!r} in the input (its types: {', '.join(sorted(held))})")
            for t in sorted(asked - names)]
