"""Views of the site's indexes: the taxonomy and archive pages' counted links, the search page's filters,
and the pager of every paginated list."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass
from urllib.parse import unquote

from generator import urls
from generator.model import Site, Taxonomy, Year
from generator.render.local_dates import Dates


@dataclass(frozen=True)
class Counted:
    href: str
    text: str
    count: int


@dataclass(frozen=True)
class Pager:
    number: int
    total: int
    newer: str | None
    older: str | None


@dataclass(frozen=True)
class ArchiveYear:
    link: Counted
    months: tuple[Counted, ...]


@dataclass(frozen=True)
class Choice:
    value: str
    text: str


@dataclass(frozen=True)
class SearchFilter:
    """A taxonomy as the search page's filter: a select named after it, one option per term."""

    name: str
    label: str
    choices: tuple[Choice, ...]


def search_filters(site: Site) -> tuple[SearchFilter, ...]:
    """A filter per taxonomy that has terms, each term shown with its count of posts."""
    return tuple(SearchFilter(taxonomy.name, taxonomy.label,
                              tuple(Choice(listing.term.slug, f"{name} ({len(listing.posts)})")
                                    for listing, name in zip(taxonomy.terms, _told_apart(taxonomy))))
                 for taxonomy in site.taxonomies if taxonomy.terms)


def term_counts(taxonomy: Taxonomy, link: urls.Linker) -> tuple[Counted, ...]:
    return tuple(Counted(link(urls.term(t.term)), name, len(t.posts))
                 for t, name in zip(taxonomy.terms, _told_apart(taxonomy)))


def _told_apart(taxonomy: Taxonomy) -> list[str]:
    """The terms' names, each followed by its slug where two terms share a name (a site may have made a
    category "Other" twice), so that a reader can tell the two links or choices apart."""
    names = Counter(t.term.name for t in taxonomy.terms)
    return [f"{t.term.name} ({unquote(t.term.slug)})" if names[t.term.name] > 1 else t.term.name
            for t in taxonomy.terms]


def archive_years(years: Sequence[Year], link: urls.Linker, dates: Dates) -> tuple[ArchiveYear, ...]:
    return tuple(ArchiveYear(Counted(link(urls.year(y.year)), str(y.year), len(y.posts)), month_links(y, link, dates))
                 for y in years)


def month_links(year: Year, link: urls.Linker, dates: Dates) -> tuple[Counted, ...]:
    return tuple(Counted(link(urls.month(m.year, m.month)), dates.month(m.year, m.month), len(m.posts))
                 for m in year.months)


def pager(number: int, total: int, path_of_page: Callable[[int], str], link: urls.Linker) -> Pager:
    return Pager(number, total,
                 newer=link(path_of_page(number - 1)) if number > 1 else None,
                 older=link(path_of_page(number + 1)) if number < total else None)
