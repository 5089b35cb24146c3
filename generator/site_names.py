"""Names by site, where one import holds posts of several sites whose ids clash.

A term's, an author's and a picture's id is its own site's: category 5 is "Mining" on one site and "Politics" on
another, and author 2 is two people. Read together, the name read last named both sites' posts: a post of one site
showed the other's author, categories and featured image. Each name is noted with the host its own address gives (a
term's and an author's `link`, a media item's page, else its file; a name embedded in a post, the post's link). An
id that two hosts name differently clashes: a post takes such an id's name from its own site, else from a host no
post's link is on (or none, as an export's names), else not at all, as no one name is surely its site's.

Only such clashes are told apart. The posts of one site often name several hosts (a site that moved keeps its
earlier host in its guids and its pictures' addresses; WPML may give each language a domain of its own) and share
one set of ids: every id not named twice differently names every post, as in an import of one site.
"""

from __future__ import annotations

from collections.abc import Mapping
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
    posts: set[str] = field(default_factory=set)  # the hosts of the posts' links
    terms: ByHost[tuple[str, int], Term] = field(default_factory=dict)
    embedded_terms: ByHost[tuple[str, int], Term] = field(default_factory=dict)
    users: ByHost[int, str] = field(default_factory=dict)
    embedded_users: ByHost[int, str] = field(default_factory=dict)
    media: ByHost[int, Media] = field(default_factory=dict)

    def scoped(self, whole: Lookups) -> Lookups:
        """`whole`, every name as an import of one site takes them, with each site's own names for the ids that
        clash (see the module's docstring)."""
        clashes = (self._clashes(self.terms, self.embedded_terms), self._clashes(self.users, self.embedded_users),
                   self._clashes(self.media))
        if not any(clashes):
            return whole
        # Only a site that gave names may differ from the names no site claims; a post of any other site takes those.
        gave = {host for by_host in (self.terms, self.embedded_terms, self.users, self.embedded_users, self.media)
                for host in by_host}
        sites = sorted(self.posts & gave - {""})
        return Lookups(whole.terms, whole.taxonomies, whole.users, whole.media,
                       {site: self._of(site, whole, *clashes) for site in sites}, self._of("", whole, *clashes))

    def digest_parts(self) -> list[object]:
        """What decides the names of each site's posts, for the import cache's key."""
        return [sorted(self.posts), *({host: sorted(names.items(), key=repr) for host, names in by_host.items()}
                                      for by_host in (self.terms, self.embedded_terms, self.users,
                                                      self.embedded_users, self.media))]

    def _clashes(self, *by_hosts: ByHost[K, V]) -> set[K]:
        """The ids two hosts name differently: a term by another slug, an author by another name, a picture by
        another file (a term saved with its parent and embedded without it is the same term)."""
        named: dict[K, set[object]] = {}
        for by_host in by_hosts:
            for names in by_host.values():
                for key, value in names.items():
                    named.setdefault(key, set()).add(_identity(value))
        return {key for key, identities in named.items() if len(identities) > 1}

    def _of(self, site: str, whole: Lookups, terms: set, users: set, media: set) -> Lookups:
        """The names of `site`'s posts ("" for posts whose site is not known): every name, but for the ids that
        clash, whose names are the site's own, else a host's no post is of."""
        return Lookups(self._mended(whole.terms, terms, site, self.terms, self.embedded_terms), whole.taxonomies,
                       self._mended(whole.users, users, site, self.users, self.embedded_users),
                       self._mended(whole.media, media, site, self.media))

    def _mended(self, names: Mapping[K, V], clashing: set[K], site: str, *by_hosts: ByHost[K, V]) -> dict[K, V]:
        mended = {key: value for key, value in names.items() if key not in clashing}
        for by_host in by_hosts:  # saved names before embedded ones, as in `whole`
            for host in [site] * bool(site) + [h for h in by_host if not h or h not in self.posts]:
                for key in clashing & by_host.get(host, {}).keys():
                    mended.setdefault(key, by_host[host][key])
        return mended


def _identity(value: object) -> object:
    if isinstance(value, Term):
        return value.taxonomy, value.slug
    return value.url if isinstance(value, Media) else value
