"""Post HTML to a BeautifulSoup tree, parsed by lxml, shaped as the fragment it is.

lxml's parser is written in C: with bs4 building its tree on top, a post parses in about half
the time Python's html.parser takes. Two of lxml's habits would change what the cleanup passes
and the converter see, so its events are filtered on the way into the tree, at no cost: it
wraps a fragment in <html>, <head> and <body>, and it does not know some HTML5 empty elements,
so text after a <source> or an <embed> would end up inside it.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag
from bs4.builder import LXMLTreeBuilder

# libxml2 opens each of these once and merges any the post writes itself into them.
WRAPPERS = frozenset({"html", "head", "body"})
# Empty in HTML5, containers to libxml2, which closes them only with their parent.
UNKNOWN_VOIDS = frozenset({"embed", "keygen", "source", "track", "wbr"})


class FragmentBuilder(LXMLTreeBuilder):
    """bs4's lxml tree builder, minus the wrappers, with HTML5's empty elements closed at once
    (as bs4 does with html.parser).

    lxml's HTML parser reports no namespaces (an `xlink:href` is a plain attribute name), so the
    namespace bookkeeping of bs4's own start and end is left out. Its events always close the tag
    opened last, so they go to FragmentSoup's shorter ways of opening and closing tags."""

    soup: FragmentSoup

    def start(self, tag, attrib, nsmap={}) -> None:  # noqa: B006 - the signature lxml calls
        if tag in WRAPPERS:
            return
        soup = self.soup
        soup.open(tag, self.attribute_dict_class(attrib))
        if tag in UNKNOWN_VOIDS:
            soup.close(tag)

    def end(self, tag) -> None:
        if tag not in WRAPPERS and tag not in UNKNOWN_VOIDS:
            self.soup.close(tag)

    def data(self, content: str) -> None:
        self.soup.current_data.append(content)


class FragmentSoup(BeautifulSoup):
    """A soup built as bs4 builds it from lxml's events, with each step's bookkeeping cut to what
    those events need: building the tree took nine tenths of parsing a post, lxml one tenth."""

    def open(self, name: str, attrs: dict[str, str]) -> None:
        """bs4's handle_starttag and pushTag, for a document with no filter and no namespaces."""
        if self.current_data:
            self.endData()
        parent = self.currentTag
        tag = NewsTag(self, self.builder, name, None, None, attrs, parent, self._most_recent_element,
                      namespaces=self.builder.active_namespace_prefixes[-1])
        self._most_recent_element = tag
        parent.contents.append(tag)
        self.tagStack.append(tag)
        self.currentTag = tag
        self.open_tag_counter[name] += 1
        if name in self.builder.preserve_whitespace_tags:
            self.preserve_whitespace_tag_stack.append(tag)
        if name in self.builder.string_containers:
            self.string_container_stack.append(tag)

    def close(self, name: str) -> None:
        if self.current_data:
            self.endData()
        if self.currentTag.name == name and len(self.tagStack) > 1:
            self.popTag()
        else:  # not the tag opened last: bs4's own search of the open tags
            self._popToTag(name)

    def endData(self, containerClass: type[NavigableString] | None = None) -> None:  # noqa: N803 - bs4's name
        """bs4's endData and object_was_parsed, for strings added in document order (there is
        nothing to relink) and no filter: the new string is simply the last of the current tag."""
        if not self.current_data:
            return
        text = "".join(self.current_data)
        self.current_data = []
        if not self.preserve_whitespace_tag_stack and not text.strip(self.ASCII_SPACES):
            text = "\n" if "\n" in text else " "
        if containerClass is None:
            containerClass = NavigableString  # noqa: N806
            if self.string_container_stack:
                containerClass = self.builder.string_containers.get(  # noqa: N806
                    self.string_container_stack[-1].name, NavigableString)
        string = containerClass(text)
        parent = self.currentTag
        string.setup(parent, self._most_recent_element)
        self._most_recent_element = string
        parent.contents.append(string)


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
    return FragmentSoup(html, builder=FragmentBuilder(), element_classes={Tag: NewsTag})


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
