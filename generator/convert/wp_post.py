"""One WordPress REST item (a post of any type, or a term) to the content format."""

from __future__ import annotations

import html
import re
import unicodedata
from datetime import datetime, timedelta, timezone
from typing import Any
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup

from generator.convert.document import Document, Source, Term
from generator.convert.markdown import html_to_markdown
from generator.problems import ItemError

# REST field names of the two built-in taxonomies, and the class_list prefix WordPress gives each.
BUILTIN_REST_KEYS = {"categories": "category", "tags": "post_tag"}
CLASS_PREFIX = {"category": "category-", "post_tag": "tag-"}
WHITESPACE = re.compile(r"\s+")
UNSAFE_SLUG = re.compile(r"[/\\\x00-\x1f\x7f]")


def is_post(data: dict[str, Any]) -> bool:
    return "content" in data and "title" in data


def is_term(data: dict[str, Any]) -> bool:
    return "taxonomy" in data and "slug" in data and "content" not in data


def to_term(data: dict[str, Any]) -> Term:
    parent = data.get("parent")
    return Term(taxonomy=_string(data, "taxonomy"), slug=_slug(data),
                name=html.unescape(_string(data, "name")), id=_integer(data, "id"),
                parent=parent if isinstance(parent, int) and parent > 0 else None)


def to_document(data: dict[str, Any]) -> tuple[Document, list[Term]]:
    """The post as a Document, and every term it names (with whatever is known of each)."""
    terms = post_terms(data)
    taxonomies: dict[str, list[str]] = {}
    for term in terms:
        taxonomies.setdefault(term.taxonomy, []).append(term.slug)
    document = Document(
        title=html_to_text(_rendered(data, "title")),
        slug=_slug(data),
        type=_string(data, "type"),
        date=_local_time(data, "date"),
        updated=_local_time(data, "modified") if data.get("modified") else _local_time(data, "date"),
        summary=html_to_text(_rendered(data, "excerpt", required=False)),
        taxonomies={tax: tuple(sorted(set(slugs))) for tax, slugs in sorted(taxonomies.items())},
        source=Source(id=_integer(data, "id"), url=_optional_string(data, "link"),
                      guid=_rendered(data, "guid", required=False) or _optional_string(data, "link")),
        body=html_to_markdown(_rendered(data, "content")),
    )
    return document, terms


def html_to_text(fragment: str) -> str:
    """Titles and excerpts are HTML with entities; readers see plain text."""
    if "<" not in fragment and "&" not in fragment:
        return WHITESPACE.sub(" ", fragment).strip()
    text = BeautifulSoup(fragment, "html.parser").get_text(" ")
    return WHITESPACE.sub(" ", html.unescape(text)).strip()


def post_terms(data: dict[str, Any]) -> list[Term]:
    embedded = _embedded_terms(data)
    if embedded is not None:
        return embedded
    rest_keys = _rest_taxonomy_keys(data)
    slugs = _class_list_slugs(data, list(rest_keys.values()))
    terms = []
    for key, taxonomy in sorted(rest_keys.items()):
        ids = [i for i in data.get(key) or () if isinstance(i, int)]
        found = slugs.get(taxonomy, [])
        # An id is tied to its slug only when there is no doubt which slug it is.
        known_id = ids[0] if len(ids) == 1 and len(found) == 1 else None
        terms.extend(Term(taxonomy, slug, id=known_id) for slug in found)
    return terms


def _embedded_terms(data: dict[str, Any]) -> list[Term] | None:
    groups = (data.get("_embedded") or {}).get("wp:term") if isinstance(data.get("_embedded"), dict) else None
    if not isinstance(groups, list):
        return None
    return [to_term(t) for group in groups if isinstance(group, list)
            for t in group if isinstance(t, dict) and is_term(t)]


def _rest_taxonomy_keys(data: dict[str, Any]) -> dict[str, str]:
    """REST field name -> taxonomy name, from the post's own `_links` and id-list fields."""
    keys = {k: v for k, v in BUILTIN_REST_KEYS.items() if k in data}
    links = data.get("_links")
    for link in (links.get("wp:term") or []) if isinstance(links, dict) else []:
        if isinstance(link, dict) and isinstance(link.get("taxonomy"), str):
            rest_base = urlsplit(str(link.get("href", ""))).path.rstrip("/").rsplit("/", 1)[-1]
            keys[rest_base or link["taxonomy"]] = link["taxonomy"]
    return {k: v for k, v in keys.items() if isinstance(data.get(k), list)}


def _class_list_slugs(data: dict[str, Any], taxonomies: list[str]) -> dict[str, list[str]]:
    """`news-type-ree-news` is taxonomy `news-type`, term `ree-news`: the longest known prefix wins."""
    prefixes = sorted(((CLASS_PREFIX.get(t, f"{t}-"), t) for t in taxonomies), key=lambda p: -len(p[0]))
    found: dict[str, list[str]] = {}
    for css_class in data.get("class_list") or ():
        if not isinstance(css_class, str):
            continue
        for prefix, taxonomy in prefixes:
            if css_class.startswith(prefix) and len(css_class) > len(prefix):
                found.setdefault(taxonomy, []).append(css_class[len(prefix):])
                break
    return found


def _slug(data: dict[str, Any]) -> str:
    # WordPress stores non-Latin slugs percent-encoded; the file name and URL use the text itself.
    slug = unicodedata.normalize("NFC", unquote(_string(data, "slug"))).strip().lower()
    if not slug or slug in (".", "..") or UNSAFE_SLUG.search(slug):
        raise ItemError("slug", f"not usable as a file name: {data.get('slug')!r}")
    return slug


def _local_time(data: dict[str, Any], name: str) -> datetime:
    """WordPress gives local time and UTC side by side; their difference is the site's offset."""
    local = _parse_time(data, name)
    gmt_value = data.get(f"{name}_gmt")
    if not gmt_value:
        return local.replace(tzinfo=timezone.utc)
    offset = local - _parse_time(data, f"{name}_gmt")
    minutes = round(offset.total_seconds() / 60)
    if abs(minutes) >= 24 * 60:
        raise ItemError(f"{name}_gmt", f"differs from {name} by more than a day")
    return local.replace(tzinfo=timezone(timedelta(minutes=minutes)))


def _parse_time(data: dict[str, Any], name: str) -> datetime:
    value = _string(data, name)
    try:
        return datetime.fromisoformat(value).replace(tzinfo=None)
    except ValueError:
        raise ItemError(name, f"not an ISO 8601 date: {value!r}") from None


def _rendered(data: dict[str, Any], name: str, required: bool = True) -> str:
    value = data.get(name)
    if value is None and not required:
        return ""
    if isinstance(value, dict):
        value = value.get("rendered")
        name = f"{name}.rendered"
    if not isinstance(value, str):
        raise ItemError(name, f"expected a string, got {_kind(value)}")
    return value


def _string(data: dict[str, Any], name: str) -> str:
    value = data.get(name)
    if not isinstance(value, str):
        raise ItemError(name, f"expected a string, got {_kind(value)}")
    return value


def _optional_string(data: dict[str, Any], name: str) -> str:
    return _string(data, name) if data.get(name) is not None else ""


def _integer(data: dict[str, Any], name: str) -> int:
    value = data.get(name)
    if not isinstance(value, int) or isinstance(value, bool):
        raise ItemError(name, f"expected an integer, got {_kind(value)}")
    return value


def _kind(value: Any) -> str:
    return "nothing" if value is None else type(value).__name__
