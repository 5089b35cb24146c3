"""Names by site, where one import holds posts of several sites.

A term's, an author's and a picture's id is its own site's: category 5 is "Mining" on one site and "Politics" on
another, and author 2 is two people. Read together, the names read last named both sites' posts: a post of one site
showed the other's author, categories and featured image. Each name is noted with the host its own address gives (a
term's and an author's `link`, a media item's page; a name embedded in a post, the post's). Where the posts are of
two sites or more, a post's names are its own site's, then those no post's site gave (a host no post names, or
none), and never another site's. An import of one site takes every name, as before.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field
from typing import TypeVar

from generator.convert.context import Media
from generator.convert.document import Term
from generator.convert.wp_post import Lookups

K = TypeVar("K")
V = TypeVar("V")
ByHost = dict[str, dict[K, V]]  # host ("" for none) -> the names it gave, in the order read


@dataclass
class SiteNames:
    posts: set[str] = field(default_factory=set)  # the hosts the posts are of
    terms: ByHost[tuple[str, int], Term] = field(default_factory=dict)
    embedded_terms: ByHost[tuple[str, int], Term] = field(default_factory=dict)
    users: ByHost[int, str] = field(default_factory=dict)
    embedded_users: ByHost[int, str] = field(default_factory=dict)
    media: ByHost[int, Media] = field(default_factory=dict)

    def several(self) -> bool:
        return len(self.posts - {""}) > 1

    def scoped(self, whole: Lookups, stored: Iterable[Term]) -> Lookups:
        """`whole`, every name as an import of one site takes them, with each site's own names where the posts are
        of several; `stored`: the terms content/terms.yaml knew, which no site claims."""
        if not self.several():
            return whole
        stored = [term for term in stored if term.id is not None]
        gave = {host for names in (self.terms, self.embedded_terms, self.users, self.embedded_users, self.media)
                for host in names}
        sites = {site: self._of(site, whole, stored) for site in sorted(self.posts & gave - {""})}
        return Lookups(whole.terms, whole.taxonomies, whole.users, whole.media, sites, self._of("", whole, stored))

    def digest_parts(self) -> list[object]:
        """What decides the names of each site's posts, for the import cache's key."""
        if not self.several():
            return []
        return [sorted(self.posts), *({h: sorted(n) for h, n in names.items()} for names in (
            self.terms, self.embedded_terms, self.users, self.embedded_users, self.media))]

    def _of(self, site: str, whole: Lookups, stored: list[Term]) -> Lookups:
        """The names of `site`'s posts ("" for a site that gave none): its own over those no post's site gave."""
        terms = self._pick(self.terms, site)
        for key, term in self._pick(self.embedded_terms, site).items():
            terms.setdefault(key, term)
        for term in stored:
            terms.setdefault((term.taxonomy, term.id), term)
        users = {**self._pick(self.embedded_users, site), **self._pick(self.users, site)}
        return Lookups(terms, whole.taxonomies, users, self._pick(self.media, site))

    def _pick(self, by_host: ByHost[K, V], site: str) -> dict[K, V]:
        picked: dict[K, V] = {}
        for host, names in by_host.items():
            if not host or host not in self.posts:
                picked.update(names)
        picked.update(by_host.get(site, {}) if site else {})
        return picked
