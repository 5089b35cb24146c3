"""The content format: what one Markdown file under content/ holds, and one known term."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime


@dataclass(frozen=True)
class Source:
    """Where a post came from; `guid` stays its identity even when its URL changes."""

    id: int
    url: str
    guid: str
    parent: int = 0  # the WordPress id of the page this one is under (a page's parent), else 0
    order: int = 0  # WordPress's menu_order: where a page stands among the pages beside it, lowest first


@dataclass(frozen=True)
class Image:
    """A post's featured image, with the caption its attachment gives (a news photo's words and credit)."""

    url: str
    alt: str = ""
    caption: str = ""


@dataclass(frozen=True)
class Revision:
    """One change seen upstream by an import run."""

    date: str  # UTC date (YYYY-MM-DD) of the import run that saw it
    modified: str  # the source's `modified` then, as the post's `updated` holds it
    changed: tuple[str, ...]  # front matter fields and `body`; `restored` when the post came back
    summary: str  # one line, e.g. "title changed; body: 2 paragraphs changed, +12 -3 words"


@dataclass(frozen=True)
class Mirror:
    """A post's provenance in this mirror, kept across imports in its front matter under `mirror:`."""

    first: str  # UTC date of the import run that first wrote the post
    removed: str = ""  # UTC date the post was found gone upstream; "" while it is there
    revisions: tuple[Revision, ...] = ()  # newest first, bounded


@dataclass(frozen=True)
class Document:
    """One post: front matter fields in their fixed order, then the Markdown body."""

    title: str
    slug: str
    type: str
    date: datetime  # aware: carries the site's UTC offset at publication
    updated: datetime
    summary: str
    taxonomies: dict[str, tuple[str, ...]]  # taxonomy name -> term slugs
    source: Source
    body: str = ""
    author: str = ""  # display name; "" when the input did not say
    image: Image | None = None
    mirror: Mirror | None = None  # None: written before the mirror kept provenance, or by hand
    language: str = ""  # BCP 47 tag of the post's own language (convert/post_language.py); "" when not said
    translations: tuple[tuple[str, int], ...] = ()  # (language tag, WordPress id) of the post in other languages


@dataclass(frozen=True)
class Term:
    """What is known of one term; unknown parts stay None and are filled by later imports."""

    taxonomy: str
    slug: str
    name: str | None = None
    id: int | None = None
    parent: int | None = None

    def merged_into(self, older: Term | None) -> Term:
        """This (newer) record, keeping whatever the older one knew that this one does not."""
        if older is None:
            return self
        return Term(self.taxonomy, self.slug,
                    self.name if self.name is not None else older.name,
                    self.id if self.id is not None else older.id,
                    self.parent if self.parent is not None else older.parent)


@dataclass
class TermRegistry:
    """All known terms, by taxonomy and slug."""

    terms: dict[str, dict[str, Term]] = field(default_factory=dict)

    def add(self, term: Term) -> None:
        by_slug = self.terms.setdefault(term.taxonomy, {})
        by_slug[term.slug] = term.merged_into(by_slug.get(term.slug))

    def get(self, taxonomy: str, slug: str) -> Term | None:
        return self.terms.get(taxonomy, {}).get(slug)
