"""Saved WordPress REST API v2 responses: files or folder trees of JSON, one object or a list each.

A crawl saves responses under names taken from their URLs (`posts__page=2.json`, `posts?page=2`),
so inside folders any file named `*.json`, or with no extension at all, is read when its first
byte says JSON. Every object is tagged with the kind of WordPress resource it looks like.
"""

from __future__ import annotations

import json
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from generator.problems import Problem

# Kinds of REST resources; only posts become content, the others resolve names or are skipped.
POST, TERM, USER, MEDIA, TAXONOMIES, COMMENT, REVISION, SITE, OTHER = (
    "post", "term", "user", "media", "taxonomies", "comment", "revision", "site", "other")
# Keys that mark responses describing the site itself: settings, the API index, oEmbed.
# json.loads joins escaped surrogate pairs into one character, so any surrogate left is alone.
SURROGATE = re.compile("[\ud800-\udfff]")
SITE_KEYS = ({"timezone", "date_format"}, {"namespace", "routes"}, {"routes"}, {"provider_name", "version"})


@dataclass(frozen=True)
class RawItem:
    """One JSON object from a saved response, with where it came from and what it looks like."""

    file: str
    index: int | None  # position in a list response; None for a single object
    data: dict[str, Any]
    kind: str = OTHER

    @property
    def label(self) -> str:
        ident = self.data.get("id")
        if isinstance(ident, (int, str)) and not isinstance(ident, bool) and str(ident).strip():
            return str(ident)
        return f"#{self.index}" if self.index is not None else ""

    def problem(self, field: str, message: str) -> Problem:
        return Problem(self.file, self.label, field, message)


def kind_of(data: dict[str, Any]) -> str:
    if "source_url" in data and "media_type" in data:
        return MEDIA
    if "content" in data and "title" in data:
        return POST if "type" in data or "parent" not in data else REVISION
    if {"id", "slug", "type", "link"} <= data.keys():
        return POST  # saved with ?_fields= or trimmed: importing it names the missing field
    if "taxonomy" in data and "slug" in data:
        return TERM
    if "content" in data and ("author_name" in data or "post" in data):
        return COMMENT
    if "name" in data and "slug" in data and ({"avatar_urls", "url", "link"} & data.keys()):
        return USER
    if {"slug", "rest_base", "types"} <= data.keys() or (data and all(
            isinstance(v, dict) and {"slug", "rest_base", "types"} <= v.keys() for v in data.values())):
        return TAXONOMIES
    if any(keys <= data.keys() for keys in SITE_KEYS) or _is_description(data) or (data and all(
            isinstance(v, dict) and _is_description(v) for v in data.values())):
        return SITE
    return OTHER


def _is_description(data: dict[str, Any]) -> bool:
    """A post type or status from /wp/v2/types or /wp/v2/statuses."""
    return "slug" in data and ("rest_base" in data or "public" in data)


def json_files(sources: Iterable[Path]) -> Iterator[Path]:
    """Files as given; folders searched recursively, in sorted order, skipping hidden files."""
    for source in sources:
        if not source.is_dir():
            yield source
            continue
        for path in sorted(source.rglob("*")):
            relative = path.relative_to(source)
            if any(part.startswith(".") for part in relative.parts) or not path.is_file():
                continue
            if path.suffix == ".json" or (not path.suffix and _looks_like_json(path)):
                yield path


def read_items(sources: Iterable[Path]) -> tuple[list[RawItem], list[Problem]]:
    items: list[RawItem] = []
    problems: list[Problem] = []
    for path in json_files(sources):
        found, found_problems = _read_file(path)
        items.extend(found)
        problems.extend(found_problems)
    return items, problems


def _looks_like_json(path: Path) -> bool:
    try:
        with path.open("rb") as f:
            return f.read(64).lstrip()[:1] in (b"{", b"[")
    except OSError:
        return True  # read it, so that the error is reported with the file's name


def _read_file(path: Path) -> tuple[list[RawItem], list[Problem]]:
    name = str(path)
    try:
        text = path.read_bytes().decode("utf-8-sig")
        data = json.loads(text)
    except OSError as e:
        return [], [Problem(name, message=f"cannot read: {e.strerror}")]
    except UnicodeDecodeError as e:
        return [], [Problem(name, message=f"not UTF-8 text (byte {e.start}): is this a JSON file?")]
    except json.JSONDecodeError as e:
        return [], [Problem(name, message=f"not valid JSON: line {e.lineno} column {e.colno}: {e.msg}")]
    except RecursionError:
        return [], [Problem(name, message="JSON nested too deeply to read")]
    problems = []
    if "\\ud" in text.lower() and _has_lone_surrogate(data):
        data = _without_lone_surrogates(data)
        problems.append(Problem(name, message="text holds broken UTF-16 escapes (a lone \\ud800-\\udfff); "
                                              "each was replaced by U+FFFD"))
    if isinstance(data, dict):
        return [RawItem(name, None, data, kind_of(data))], problems
    if not isinstance(data, list):
        return [], [Problem(name, message="expected a JSON object or a list of objects")]
    items = [RawItem(name, i, d, kind_of(d)) for i, d in enumerate(data) if isinstance(d, dict)]
    problems += [Problem(name, f"#{i}", message=f"expected a JSON object, got {type(d).__name__}")
                 for i, d in enumerate(data) if not isinstance(d, dict)]
    return items, problems


def _has_lone_surrogate(value: Any) -> bool:
    if isinstance(value, str):
        return SURROGATE.search(value) is not None
    if isinstance(value, dict):
        return any(_has_lone_surrogate(k) or _has_lone_surrogate(v) for k, v in value.items())
    return isinstance(value, list) and any(_has_lone_surrogate(v) for v in value)


def _without_lone_surrogates(value: Any) -> Any:
    """JSON may escape half of an emoji; such text cannot be written as UTF-8."""
    if isinstance(value, str):
        return SURROGATE.sub("\ufffd", value)
    if isinstance(value, dict):
        return {_without_lone_surrogates(k): _without_lone_surrogates(v) for k, v in value.items()}
    if isinstance(value, list):
        return [_without_lone_surrogates(v) for v in value]
    return value
