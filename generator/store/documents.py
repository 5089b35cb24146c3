"""Posts on disk: content/<type>/<slug>.md, YAML front matter in a fixed key order, then Markdown."""

from __future__ import annotations

from dataclasses import replace
import reprlib
from datetime import date, datetime
from functools import lru_cache
from pathlib import Path
from typing import Any

import frontmatter
import yaml
from frontmatter.default_handlers import YAMLHandler

from generator.convert.document import Document, Image, Mirror, Revision, Source
from generator.language.tags import TAG as LANGUAGE_TAG
from generator.convert.slugs import safe_slug
from generator.convert.unlikely import address_problem, date_problem, id_problem, unreadable_address
from generator.problems import ItemError, quoted
from generator.store import front_matter, yaml_read
from generator.store.files import POST_SUFFIX, post_file_names, write_if_changed
from generator.store.front_matter_read import NotSimple, simple_front_matter

SUFFIX = POST_SUFFIX
LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)  # libyaml reads ten times faster, and alike
_YAML = YAMLHandler()
_REPR = reprlib.Repr()
_REPR.maxlevel, _REPR.maxlist, _REPR.maxdict, _REPR.maxstring, _REPR.maxother = 2, 4, 4, 60, 60


def document_path(content_dir: Path, document: Document) -> Path:
    return content_dir / document.type / f"{document.slug}{SUFFIX}"


def dumps(document: Document) -> str:
    metadata = {
        "title": document.title,
        "slug": document.slug,
        "type": document.type,
        "language": document.language,
        "translations": dict(document.translations),
        "date": document.date.isoformat(),
        "updated": document.updated.isoformat(),
        "author": document.author,
        "summary": document.summary,
        "image": _image_fields(document.image) if document.image else None,
        "taxonomies": {tax: list(slugs) for tax, slugs in document.taxonomies.items()},
        "source": {"id": document.source.id, "url": document.source.url, "guid": document.source.guid},
    }
    if document.source.parent:
        metadata["source"]["parent"] = document.source.parent
    if document.source.order:
        metadata["source"]["order"] = document.source.order
    # Optional keys are left out when empty, so most posts carry only what they have.
    for key in ("language", "translations", "author", "image"):
        if not metadata[key]:
            del metadata[key]
    if document.mirror is not None:
        metadata["mirror"] = mirror_fields(document.mirror)
    header = front_matter.dump(metadata)
    return f"---\n{header}\n---\n\n{document.body}"


def _image_fields(image: Image) -> dict[str, str]:
    """The featured image's address and alt text, and its caption where it has one."""
    return {"url": image.url, "alt": image.alt, **({"caption": image.caption} if image.caption else {})}


def mirror_fields(mirror: Mirror) -> dict[str, Any]:
    """The `mirror:` front matter, empty parts left out (`first` is unknown for posts imported before
    provenance was kept)."""
    fields: dict[str, Any] = {"first": mirror.first} if mirror.first else {}
    if mirror.removed:
        fields["removed"] = mirror.removed
    if mirror.revisions:
        fields["revisions"] = [{"date": r.date, "modified": r.modified, "changed": list(r.changed),
                                "summary": r.summary} for r in mirror.revisions]
    return fields


def write_document(content_dir: Path, document: Document) -> bool:
    return write_if_changed(document_path(content_dir, document), dumps(document).encode("utf-8"))


def safe_paths(document: Document) -> tuple[Document, list[list[str]]]:
    """A hand-written post may name any slug, type or term; each becomes one folder or file name,
    so each is made safe as the importer makes slugs safe, and every change is told as
    [field, message]."""
    warnings: list[list[str]] = []

    def fix(field: str, value: str) -> str:
        safe = _safe_slug(value)
        if safe != value:
            warnings.append([field, f"{quoted(value)} is not a safe file or folder name; used {quoted(safe)}"])
        return safe

    taxonomies = {fix("taxonomies", name): tuple(fix(f"taxonomies.{name}", s) for s in slugs)
                  for name, slugs in document.taxonomies.items()}
    warnings += _unlikely_values(document)
    image = document.image
    if image is not None and (unreadable := unreadable_address(image.url)) is not None:
        warnings.append(["image.url", f"{unreadable}; the post is built without its featured image"])
        image = None  # its "open original" link would lead nowhere
    safe = replace(document, slug=fix("slug", document.slug), type=fix("type", document.type), taxonomies=taxonomies,
                   image=image)
    return safe, warnings


def _unlikely_values(document: Document) -> list[list[str]]:
    """Ids, dates and addresses a post can be built with that no WordPress post has (convert.unlikely)."""
    found = [[f"source.{key}", message] for key, value in (("id", document.source.id), ("parent", document.source.parent))
             if (message := id_problem(value)) is not None]
    dates = [("date", document.date)] + ([("updated", document.updated)] if document.updated != document.date else [])
    found += [[key, f"{message}; kept as written"] for key, value in dates if (message := date_problem(value))]
    if (address := address_problem(document.source.url)) is not None:  # the page shows it as text, not as a link
        found.append(["source.url", f"{address}; shown as text"])
    return found


@lru_cache(maxsize=4096)
def _safe_slug(value: str) -> str:
    """safe_slug, remembered: the same few hundred term slugs recur in every post."""
    return safe_slug(value)[0]


def remove_document(path: Path) -> None:
    path.unlink(missing_ok=True)


def read_index(content_dir: Path, known: dict[Path, tuple[str, int]] | None = None
               ) -> dict[tuple[str, int], list[Path]]:
    """(type, WordPress id) -> the files holding that post: one, or two when a rename was cut short.
    Files in `known` are not read again; files that cannot be read are left out."""
    index: dict[tuple[str, int], list[Path]] = {}
    known = known or {}
    for path in document_files(content_dir):
        if path in known:
            index.setdefault(known[path], []).append(path)
            continue
        try:
            header = path.read_text(encoding="utf-8").split("\n---\n", 1)[0].removeprefix("---\n")
            meta = _header(header)
        except (OSError, UnicodeDecodeError, yaml.YAMLError):
            continue
        source = meta.get("source") if isinstance(meta, dict) else None
        if isinstance(source, dict) and isinstance(source.get("id"), int) and isinstance(meta.get("type"), str):
            index.setdefault((meta["type"], source["id"]), []).append(path)
    return index


def _header(header: str) -> Any:
    try:
        return simple_front_matter(f"\n{header}\n")
    except NotSimple:
        return yaml.load(header, Loader=LOADER)


def document_files(content_dir: Path) -> list[Path]:
    """Every post file, sorted by path (store.files.post_file_names)."""
    return [Path(path) for path in post_file_names(content_dir)]


def loads(text: str) -> Document:
    meta, content = _split(text, body=True)
    return _document(meta, content)


def loads_front_matter(text: str) -> tuple[Document, list[list[str]]]:
    """loads(text) with an empty body, sooner: a build reads a post's body only when it renders its page; with
    [field, message] of each field the file holds that no post has (unread_fields)."""
    meta, _ = _split(text, body=False)
    return _document(meta, ""), unread_fields(meta)


# The fields of a post file, and of its `source:`: any other (`titel:`, Hugo's `draft:`) is read by nothing.
FIELDS = frozenset({"title", "slug", "type", "language", "translations", "date", "updated", "author", "summary",
                    "image", "taxonomies", "source", "mirror"})
SOURCE_FIELDS = frozenset({"id", "url", "guid", "parent", "order"})


def unread_fields(meta: dict[Any, Any]) -> list[list[str]]:
    """What of a post file's front matter nothing reads, each as [field, message]: a typo, another tool's key,
    or a `source` that is not a mapping (`source: https://…`), whose address the page would not show."""
    unread = [[str(key), "not a field of a post file; not read"] for key in meta if key not in FIELDS]
    source = meta.get("source")
    if source is not None and not isinstance(source, dict):
        unread.append(["source", f"expected fields (id, url, guid), got {_shown(source)}; not read"])
    elif source:
        unread += [[f"source.{key}", "not a field of a post's source; not read"]
                   for key in source if key not in SOURCE_FIELDS]
    return unread


def _document(meta: dict[str, Any], content: str) -> Document:
    source = meta.get("source") if isinstance(meta.get("source"), dict) else {}
    return Document(
        title=_text(meta, "title"),
        slug=_text(meta, "slug"),
        type=_text(meta, "type"),
        date=_time(meta, "date"),
        updated=_time(meta, "updated") if meta.get("updated") else _time(meta, "date"),
        summary=_text(meta, "summary", required=False),
        author=_text(meta, "author", required=False),
        image=_image(meta),
        language=_language(meta),
        translations=_translations(meta),
        taxonomies=_taxonomies(meta),
        source=Source(id=_source_id(source), url=_text(source, "url", False, "source."),
                      guid=_text(source, "guid", False, "source."), parent=_source_id(source, "parent"),
                      order=_source_id(source, "order")),
        body=content + "\n" if content else "",
        mirror=_mirror(meta),
    )


def _split(text: str, body: bool) -> tuple[dict[str, Any], str]:
    """The front matter and the body (or "" without `body`), as python-frontmatter splits them and PyYAML reads
    them: `simple_front_matter` reads what the importer writes; PyYAML reads the rest."""
    # Windows' Notepad begins a UTF-8 file with a byte order mark, which hid the front matter behind it.
    text = text.removeprefix("\ufeff")
    # python-frontmatter's loads and then its parse each turn CRLF into LF once, so "\r\r\n" ends as "\n".
    split = frontmatter.u(frontmatter.u(text)) if "\r" in text else text
    end = split.find("\n---\n", 3) if split.startswith("---\n") else -1
    if end > 0:
        try:
            return simple_front_matter(split[3:end + 1]), split[end + 5:].strip() if body else ""
        except NotSimple:
            pass
    meta, content = _parse(split)
    return meta, content if body else ""


def _parse(text: str) -> tuple[dict[str, Any], str]:
    """python-frontmatter's parse, where a file it would read as having no front matter (none, one not closed,
    one that is not a mapping) is an ItemError saying which, rather than a post with every field missing."""
    stripped = text.strip()
    if not _YAML.detect(stripped):
        raise ItemError("front matter", "the file is empty" if not stripped else
                        "missing: a post file begins with a line ---, then its fields, then another line ---")
    try:
        fm, content = _YAML.split(stripped)
    except ValueError:
        raise ItemError("front matter", "not closed: no line --- after its fields") from None
    try:
        meta = yaml_read.load(fm)
    except yaml.YAMLError as e:
        # fm's first line is the rest of the opening ---, after any blank lines that strip() removed.
        raise ItemError("front matter", yaml_read.problem(e, 1 + text[:text.index(stripped)].count("\n"))) from None
    if meta is not None and not isinstance(meta, dict):
        raise ItemError("front matter", f"expected fields (key: value), got {_shown(meta)}")
    return meta or {}, content.strip()


def _text(meta: dict[str, Any], key: str, required: bool = True, prefix: str = "") -> str:
    value = meta.get(key)
    if value is None and not required:
        return ""
    if not isinstance(value, str) or (required and not value.strip()):
        raise ItemError(prefix + key, "missing" if value is None else f"expected a non-empty string, got {_shown(value)}")
    return value


def _shown(value: Any) -> str:
    """A value in a message, cut short: YAML's aliases make a few lines of front matter into a list of millions
    of items, whose whole repr (226 MB) was one problem line. Dates as written in the file."""
    if isinstance(value, (date, datetime)):
        return f"{value.isoformat()} ({'no UTC offset' if isinstance(value, datetime) else 'a date without a time'})"
    return _REPR.repr(value)


def _time(meta: dict[str, Any], key: str) -> datetime:
    value = meta.get(key)
    if isinstance(value, str):
        try:
            value = datetime.fromisoformat(value)
        except ValueError:
            raise ItemError(key, f"not an ISO 8601 date: {value!r}") from None
    if not isinstance(value, datetime) or value.tzinfo is None:
        raise ItemError(key, f"expected an ISO 8601 date with a UTC offset, such as '2024-03-31T01:30:00+01:00', "
                             f"got {_shown(value)}")
    return value


def _taxonomies(meta: dict[str, Any]) -> dict[str, tuple[str, ...]]:
    value = meta.get("taxonomies") or {}
    if not isinstance(value, dict):
        raise ItemError("taxonomies", "expected a mapping of taxonomy name to a list of term slugs")
    result = {}
    for taxonomy, slugs in value.items():
        if not isinstance(slugs, list) or not all(isinstance(s, str) and s for s in slugs):
            raise ItemError(f"taxonomies.{taxonomy}", "expected a list of term slugs")
        result[str(taxonomy)] = tuple(slugs)
    return result


def _language(meta: dict[str, Any]) -> str:
    value = _text(meta, "language", required=False)
    if value and not LANGUAGE_TAG.fullmatch(value):
        raise ItemError("language", f"expected a language tag such as fr or pt-BR, got {value!r}")
    return value


def _translations(meta: dict[str, Any]) -> tuple[tuple[str, int], ...]:
    value = meta.get("translations") or {}
    if not isinstance(value, dict) or not all(
            isinstance(k, str) and LANGUAGE_TAG.fullmatch(k) and type(v) is int and v > 0 for k, v in value.items()):
        raise ItemError("translations", "expected a mapping of language tags to WordPress ids, such as fr: 12")
    return tuple(sorted(value.items()))


def _image(meta: dict[str, Any]) -> Image | None:
    value = meta.get("image")
    if value is None:
        return None
    if not isinstance(value, dict) or not isinstance(value.get("url"), str):
        raise ItemError("image", "expected a mapping with a url and an alt text")
    return Image(value["url"], _text(value, "alt", False, "image."), _text(value, "caption", False, "image."))


def _mirror(meta: dict[str, Any]) -> Mirror | None:
    value = meta.get("mirror")
    if value is None:
        return None
    if not isinstance(value, dict):
        raise ItemError("mirror", "expected a mapping with first, removed and revisions")
    revisions = value.get("revisions") or []
    if not isinstance(revisions, list) or not all(isinstance(r, dict) for r in revisions):
        raise ItemError("mirror.revisions", "expected a list of mappings with date, modified, changed and summary")
    return Mirror(first=_text(value, "first", False, "mirror."), removed=_text(value, "removed", False, "mirror."),
                  revisions=tuple(_revision(r) for r in revisions))


def _revision(value: dict[str, Any]) -> Revision:
    changed = value.get("changed") or []
    if not isinstance(changed, list) or not all(isinstance(c, str) for c in changed):
        raise ItemError("mirror.revisions.changed", f"expected a list of field names, got {_shown(changed)}")
    prefix = "mirror.revisions."
    return Revision(date=_text(value, "date", False, prefix), modified=_text(value, "modified", False, prefix),
                    changed=tuple(changed), summary=_text(value, "summary", False, prefix))


def _source_id(source: dict[str, Any], key: str = "id") -> int:
    value = source.get(key, 0)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ItemError(f"source.{key}", f"expected an integer, got {_shown(value)}")
    return value
