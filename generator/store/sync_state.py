"""What `newsmirror sync` keeps between runs.

- `content/sync.yaml`, reviewed in git like the posts: per source its URL, API root, a digest of
  its curation, and per post type how many posts are mirrored and the newest modification seen.
  No wall-clock time, so a sync that found nothing new leaves it byte for byte as it was.
- `content/.newsmirror-cache/sync/<source>/`, a cache like the import's: `raw/` holds every post
  of the source as the REST API sent it, one file each, with the term, user and media objects
  fetched for posts that came without `_embedded`; `listing.json` the last full listing (ids and
  modification times); `content/` the source imported on its own, from which the posts are placed
  in content/. `sync/placed.json` says which post files in content/ sync placed, for which source.
  Deleting the cache only makes the next sync fetch every post again; the posts it finds already in
  content/ are taken over.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterator, Mapping, Sequence
from dataclasses import asdict, dataclass, field, replace
from pathlib import Path
from typing import Any

import yaml

from generator.problems import ItemError, Problem
from generator.sources.wp_live import Listed
from generator.store.documents import LOADER, SUFFIX, dumps, loads
from generator.store.files import AtomicBatch, post_file_names, write_if_changed
from generator.store.front_matter import NO_WRAP, Dumper
from generator.store.import_cache import CACHE_DIR
from generator.store.labels import read_labels, write_labels
from generator.store.terms import read_terms, write_terms

STATE_FILE = "sync.yaml"
HEADER = ("# Written by `newsmirror sync`: what each source held at its last complete sync.\n"
          "# `curation` is a digest of the source's query; when it changes, every post is listed again.\n")


@dataclass(frozen=True)
class TypeState:
    rest_base: str
    posts: int  # mirrored
    newest_modified_gmt: str = ""
    newest_modified: str = ""  # site-local, as WordPress compares `modified_after`


@dataclass(frozen=True)
class SourceState:
    url: str
    api: str
    curation: str
    types: dict[str, TypeState]


def state_path(content_dir: Path) -> Path:
    return content_dir / STATE_FILE


def read_state(content_dir: Path) -> tuple[dict[str, SourceState], list[Problem]]:
    """The last state; a file that cannot be read counts as no state (the next sync lists everything)."""
    path = state_path(content_dir)
    if not path.is_file():
        return {}, []
    try:
        data = yaml.load(path.read_text(encoding="utf-8"), Loader=LOADER) or {}
        return {name: SourceState(s["url"], s["api"], s["curation"],
                                  {t: TypeState(**v) for t, v in s["types"].items()})
                for name, s in data["sources"].items()}, []
    except (OSError, UnicodeDecodeError, yaml.YAMLError, KeyError, TypeError, AttributeError) as e:
        return {}, [Problem(str(path), message=f"not a sync state ({type(e).__name__}); every post is listed again")]


def write_state(content_dir: Path, states: dict[str, SourceState]) -> bool:
    data = {"sources": {name: {"url": s.url, "api": s.api, "curation": s.curation,
                               "types": {t: asdict(v) for t, v in sorted(s.types.items())}}
                        for name, s in sorted(states.items())}}
    text = HEADER + yaml.dump(data, Dumper=Dumper, sort_keys=False, allow_unicode=True, width=NO_WRAP)
    return write_if_changed(state_path(content_dir), text.encode("utf-8"))


def sync_dir(content_dir: Path) -> Path:
    return content_dir / CACHE_DIR / "sync"


class RawStore:
    """One source's REST responses, one file per object, each written whole or not at all."""

    def __init__(self, content_dir: Path, source: str) -> None:
        self.folder = sync_dir(content_dir) / source
        self.raw = self.folder / "raw"
        self.content = self.folder / "content"

    def stored(self, post_type: str) -> dict[int, str]:
        """Post id -> the modified_gmt of the copy kept; a copy that cannot be read counts as missing."""
        found = {}
        folder = self.raw / "posts" / post_type
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                found[int(path.stem)] = str(json.loads(path.read_bytes()).get("modified_gmt", ""))
            except (OSError, ValueError, AttributeError):
                continue
        return found

    def types(self) -> list[str]:
        """Post types with at least one stored post."""
        folder = self.raw / "posts"
        return sorted(p.name for p in folder.iterdir() if p.is_dir() and any(p.glob("*.json"))) \
            if folder.is_dir() else []

    def inputs(self, types: set[str]) -> list[Path]:
        """What the import reads: the posts of these types, with every name and taxonomy stored."""
        posts = [self.raw / "posts" / t for t in self.types() if t in types]
        names = [p for p in (self.raw / "names", self.raw / "taxonomies.json", self.raw / "types.json", self.site)
                 if p.exists()]
        return posts + names if posts else []

    def posts(self, post_type: str) -> Iterator[dict[str, Any]]:
        """The stored posts of a type; a copy that cannot be read is passed over (stored() counts it
        as missing, so it is fetched again)."""
        folder = self.raw / "posts" / post_type
        for path in sorted(folder.glob("*.json")) if folder.is_dir() else []:
            try:
                post = json.loads(path.read_bytes())
            except (OSError, ValueError):
                continue
            if isinstance(post, dict):
                yield post

    def post(self, post_type: str, post_id: int) -> dict[str, Any] | None:
        """The stored post of that type and id; None where there is none, or it cannot be read."""
        try:
            post = json.loads((self.raw / "posts" / post_type / f"{post_id}.json").read_bytes())
        except (OSError, ValueError):
            return None
        return post if isinstance(post, dict) and post.get("id") == post_id else None

    def save_post(self, post_type: str, post: dict[str, Any]) -> bool:
        return self._save(self.raw / "posts" / post_type / f"{post['id']}.json", post)

    def slug(self, post_type: str, post_id: int) -> str:
        try:
            return str(json.loads((self.raw / "posts" / post_type / f"{post_id}.json").read_bytes()).get("slug", ""))
        except (OSError, ValueError, AttributeError):
            return ""

    def post_file_pattern(self) -> re.Pattern[str]:
        """Where a line of text names a stored post's file: its type (group 1) and id (group 2)."""
        return re.compile(re.escape(str(self.raw / "posts")) + r"/([^/]+)/(\d+)\.json")

    def holds(self, post_type: str, post_id: int) -> bool:
        return (self.raw / "posts" / post_type / f"{post_id}.json").is_file()

    def remove_post(self, post_type: str, post_id: int) -> None:
        (self.raw / "posts" / post_type / f"{post_id}.json").unlink(missing_ok=True)

    def lookup(self, route: str, ident: int) -> dict[str, Any] | None:
        """A term, user or medium stored as looked up by id; None where none is, or it cannot be read."""
        try:
            value = json.loads((self.raw / "names" / route / f"{ident}.json").read_bytes())
        except (OSError, ValueError):
            return None
        return value if isinstance(value, dict) else None

    def save_lookup(self, route: str, value: dict[str, Any]) -> bool:
        return self._save(self.raw / "names" / route / f"{value.get('id')}.json", value)

    def save_taxonomies(self, described: Any) -> bool:
        return self._save(self.raw / "taxonomies.json", described)

    def save_types(self, described: Any) -> bool:
        return self._save(self.raw / "types.json", described)

    @property
    def site(self) -> Path:
        """The API index's words on the site (wp_live.site_index): its name and tagline, for content/labels.yaml."""
        return self.raw / "site.json"

    def save_site(self, index: dict[str, Any]) -> bool:
        return self._save(self.site, index)

    def load_listing(self) -> dict[str, dict[int, Listed]]:
        try:
            data = json.loads((self.folder / "listing.json").read_bytes())
            return {t: {int(i): Listed(int(i), *v) for i, v in posts.items()} for t, posts in data.items()}
        except (OSError, ValueError, TypeError, AttributeError):
            return {}

    def save_listing(self, listing: dict[str, dict[int, Listed]]) -> None:
        data = {t: {str(i): [p.slug, p.modified, p.modified_gmt, p.date_gmt] for i, p in sorted(posts.items())}
                for t, posts in sorted(listing.items())}
        write_if_changed(self.folder / "listing.json", json.dumps(data, separators=(",", ":")).encode("utf-8"))

    def reported(self) -> set[str]:
        """The problems of posts an earlier sync reported (see generator/sync.py, _not_again)."""
        try:
            data = json.loads((self.folder / "reported.json").read_bytes())
        except (OSError, ValueError):
            return set()
        return {line for line in data if isinstance(line, str)} if isinstance(data, list) else set()

    def save_reported(self, lines: set[str]) -> None:
        path = self.folder / "reported.json"
        if lines or path.exists():
            write_if_changed(path, json.dumps(sorted(lines), ensure_ascii=False, indent=0).encode("utf-8") + b"\n")

    @staticmethod
    def _save(path: Path, value: Any) -> bool:
        return write_if_changed(path, json.dumps(value, ensure_ascii=False, separators=(",", ":")).encode("utf-8"))


def placed_path(content_dir: Path) -> Path:
    return sync_dir(content_dir) / "placed.json"


def read_placed(content_dir: Path) -> dict[str, str]:
    """Post files in content/ that sync placed -> the source each came from."""
    try:
        data = json.loads(placed_path(content_dir).read_bytes())
        return {str(k): str(v) for k, v in data.items()}
    except (OSError, ValueError, AttributeError):
        return {}


def write_placed(content_dir: Path, placed: dict[str, str]) -> None:
    write_if_changed(placed_path(content_dir), json.dumps(dict(sorted(placed.items())), indent=0).encode("utf-8"))
    write_if_changed(content_dir / CACHE_DIR / ".gitignore", b"*\n")


@dataclass
class Placed:
    written: int = 0
    removed: int = 0
    problems: list[Problem] = field(default_factory=list)
    # (source, a post's path in the source's own import) -> its path in content/, which a clash may have renamed
    paths: dict[tuple[str, str], str] = field(default_factory=dict)


SITE_LABELS = ("language", "title", "description")


def place_posts(content_dir: Path, sources: Sequence[str], sites: Mapping[str, str] | None = None) -> Placed:
    """Every source's imported posts into content/, their terms into content/terms.yaml and the names of their
    taxonomies and types into content/labels.yaml (of two sources naming one, the later in `sources`).

    A post goes where its slug asks, `<type>/<slug>.md`, as an import would put it, unless a post
    of a source before it in `sources`, or a post that sync did not place (a hand-written one, an
    import of another site), holds that file: then it is `<slug>-<source>`. Two sources of one site
    (`sites`: source -> API root) whose curations overlap hold the same post: it is placed once, from
    the first source that still selects it. Files placed before and no longer wanted are removed after
    the new ones are in place, so git sees renames.
    """
    before = read_placed(content_dir)
    registry, problems = read_terms(content_dir)
    labels, _ = read_labels(content_dir)  # a malformed one is rewritten whole
    site: dict[str, str] = {}  # the site's language, title and tagline: the first source's that names each
    placed = Placed(problems=problems)
    wanted: dict[str, tuple[str, bytes]] = {}
    for name in sources:
        private = RawStore(content_dir, name).content
        for path in map(Path, post_file_names(private)):
            own, data = path.relative_to(private).as_posix(), path.read_bytes()
            relative = own
            if relative in wanted and _same_site_post(sites or {}, name, data, *wanted[relative]):
                if _kept_over(wanted[relative][1], data):
                    wanted[relative] = (name, data)
                placed.paths[(name, own)] = relative
                continue
            if relative in wanted or _held_by_another(content_dir, relative, before, data):
                relative, data = _renamed(content_dir, relative, data, name, wanted, before)
            wanted[relative] = (name, data)
            placed.paths[(name, own)] = relative
        terms, problems = read_terms(private)
        placed.problems += problems
        for by_slug in terms.terms.values():
            for term in by_slug.values():
                registry.add(term)
        named, _ = read_labels(private)
        labels.taxonomies.update(named.taxonomies)
        labels.types.update(named.types)
        site = {**{key: getattr(named, key) for key in SITE_LABELS if getattr(named, key)}, **site}
    batch = AtomicBatch()
    try:
        for relative, (_, data) in sorted(wanted.items()):
            placed.written += batch.write(content_dir / relative, data)
        batch.commit()
    except BaseException:
        batch.abandon()
        raise
    for relative in sorted(set(before) - set(wanted)):
        if (content_dir / relative).is_file():
            (content_dir / relative).unlink()
            placed.removed += 1
    write_placed(content_dir, {relative: name for relative, (name, _) in wanted.items()})
    write_terms(content_dir, registry)
    write_labels(content_dir, replace(labels, **site))
    return placed


def _same_site_post(sites: Mapping[str, str], source: str, data: bytes, holder: str, held: bytes) -> bool:
    """Whether the post in `data` is the one `holder` placed at the same path: the same site, type and id."""
    if source not in sites or sites[source] != sites.get(holder):
        return False
    ours, theirs = loads(data.decode("utf-8")), loads(held.decode("utf-8"))
    return (ours.type, ours.source.id) == (theirs.type, theirs.source.id)


def _kept_over(held: bytes, data: bytes) -> bool:
    """Of two copies of one post, the one still selected replaces one its source keeps only as removed
    (a curation narrowed without --prune): the post is still on the site."""
    def removed(copy: bytes) -> bool:
        mirror = loads(copy.decode("utf-8")).mirror
        return bool(mirror and mirror.removed)
    return removed(held) and not removed(data)


def _held_by_another(content_dir: Path, relative: str, before: dict[str, str], data: bytes) -> bool:
    """A file that sync did not place is another's, unless it holds this very post (same type,
    id and guid): a mirror first made by `newsmirror import` is taken over, not duplicated."""
    path = content_dir / relative
    if relative in before or not path.is_file():
        return False
    try:
        theirs, ours = loads(path.read_text(encoding="utf-8")), loads(data.decode("utf-8"))
    except (ItemError, OSError, UnicodeDecodeError):
        return True
    return (theirs.type, theirs.source.id, theirs.source.guid) != (ours.type, ours.source.id, ours.source.guid)


def _renamed(content_dir: Path, relative: str, data: bytes, source: str, wanted: dict[str, Any],
             before: dict[str, str]) -> tuple[str, bytes]:
    document = loads(data.decode("utf-8"))
    slug, n = f"{document.slug}-{source}", 1
    while (candidate := f"{document.type}/{slug}{SUFFIX}") in wanted or _held_by_another(
            content_dir, candidate, before, data):
        n += 1
        slug = f"{document.slug}-{source}-{n}"
    return candidate, dumps(replace(document, slug=slug)).encode("utf-8")
