"""Post HTML to a BeautifulSoup tree, parsed by lxml, shaped as the fragment it is.

lxml's parser is written in C: with bs4 building its tree on top, a post parses in about half
the time Python's html.parser takes. Two of lxml's habits would change what the cleanup passes
and the converter see, so its events are filtered on the way into the tree, at no cost: it
wraps a fragment in <html>, <head> and <body>, and it does not know some HTML5 empty elements,
so text after a <source> or an <embed> would end up inside it.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag
from bs4.builder import LXMLTreeBuilder

# libxml2 opens each of these once and merges any the post writes itself into them.
WRAPPERS = frozenset({"html", "head", "body"})
# Empty in HTML5, containers to libxml2, which closes them only with their parent.
UNKNOWN_VOIDS = frozenset({"embed", "keygen", "source", "track", "wbr"})


class FragmentBuilder(LXMLTreeBuilder):
    """bs4's lxml tree builder, minus the wrappers, with HTML5's empty elements closed at once
    (as bs4 does with html.parser).

    lxml's HTML parser reports no namespaces (an `xlink:href` is a plain attribute name), so the
    namespace bookkeeping of bs4's own start and end is left out."""

    def start(self, tag, attrib, nsmap={}) -> None:  # noqa: B006 - the signature lxml calls
        if tag in WRAPPERS:
            return
        self.soup.handle_starttag(tag, None, None, self.attribute_dict_class(attrib),
                                  namespaces=self.active_namespace_prefixes[-1])
        if tag in UNKNOWN_VOIDS:
            self._close(tag)

    def end(self, tag) -> None:
        if tag not in WRAPPERS and tag not in UNKNOWN_VOIDS:
            self._close(tag)

    def _close(self, tag: str) -> None:
        self.soup.endData()
        self.soup.handle_endtag(tag, None)


class NewsTag(Tag):
    """A bs4 tag whose find_parent by name alone walks the parents directly.

    markdownify asks every tag whether it is inside a <pre>; bs4 answers through its general
    filter machinery, which took a quarter of markdownify's time."""

    def find_parent(self, name=None, attrs=None, **kwargs):
        if attrs or kwargs or not isinstance(name, (str, list, tuple)):
            return super().find_parent(name, attrs, **kwargs)
        names = (name,) if isinstance(name, str) else name
        parent = self.parent
        while parent is not None and parent.name not in names:
            parent = parent.parent
        return parent


def parse_fragment(html: str) -> BeautifulSoup:
    return BeautifulSoup(html, builder=FragmentBuilder(), element_classes={Tag: NewsTag})


def tags_in(tag: Tag) -> list[Tag]:
    """Every tag under `tag`, in document order, as bs4's `descendants` gives them, in two thirds of its
    time: the cleanup passes walk each post's whole tree about twenty times.

    Recursive: callers run after cleanup's first pass, which cuts nesting to its MAX_DEPTH (later passes
    add a level or two), far below Python's recursion limit."""
    found: list[Tag] = []
    _collect(tag, found)
    return found


def _collect(tag: Tag, found: list[Tag]) -> None:
    for child in tag.contents:
        if isinstance(child, Tag):
            found.append(child)
            _collect(child, found)
