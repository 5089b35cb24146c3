"""Post HTML to a BeautifulSoup tree, parsed by lxml, shaped as the fragment it is.

lxml's parser is written in C: with bs4 building its tree on top, a post parses in about half
the time Python's html.parser takes. Two of lxml's habits would change what the cleanup passes
and the converter see, so its events are filtered on the way into the tree, at no cost: it
wraps a fragment in <html>, <head> and <body>, and it does not know some HTML5 empty elements,
so text after a <source> or an <embed> would end up inside it.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from bs4 import BeautifulSoup, Comment, NavigableString, PageElement, Tag
from bs4.builder import LXMLTreeBuilder, nonwhitespace_re

# libxml2 opens each of these once and merges any the post writes itself into them.
WRAPPERS = frozenset({"html", "head", "body"})
# Empty in HTML5, containers to libxml2, which closes them only with their parent.
UNKNOWN_VOIDS = frozenset({"embed", "keygen", "source", "track", "wbr"})
# A browser ignores the slash of a self-closing <p /> (an XHTML habit, all over posts imported from Posterous):
# it opens a paragraph, which the next block closes, so the text after it is a paragraph of its own. libxml2
# honours the slash and makes an empty paragraph, which joins the text on either side into one.
SELF_CLOSED_P = re.compile(r"<p(\s[^<>]*?)?\s*/>", re.IGNORECASE)
# libxml2 closes a <b> or an <i> where a <center> or a <p> opens in it, so `<b><center>Welcome</center></b>` (a
# classic-editor title) lost its bold, which a browser shows. <strong> and <em>, the same to Markdown, may hold
# them: such an element is renamed, with its end tag, before parsing. Not one with a class: `<i class="fa …">` is
# an icon, which the passes know by its name.
BOLD_OPENING_BLOCK = re.compile(r"<([bi])(?:\s(?![^<>]*\bclass\s*=)[^<>]*)?>\s*<(?:center|p)[\s/>]", re.IGNORECASE)
BOLD_TAG = re.compile(r"<(/?)([bi])(?=[\s/>])[^<>]*>", re.IGNORECASE)
RENAMED = {"b": "strong", "i": "em"}


class FragmentBuilder(LXMLTreeBuilder):
    """bs4's lxml tree builder, minus the wrappers, with HTML5's empty elements closed at once
    (as bs4 does with html.parser).

    lxml's HTML parser reports no namespaces (an `xlink:href` is a plain attribute name), so the
    namespace bookkeeping of bs4's own start and end is left out. Its events always close the tag
    opened last, so they go to FragmentSoup's shorter ways of opening and closing tags."""

    soup: FragmentSoup

    def __init__(self, *args: object, **kwargs: object) -> None:
        super().__init__(*args, **kwargs)
        self._by_name: dict[str, tuple[dict[str, object], frozenset[str]]] = {}

    def start(self, tag, attrib, nsmap={}) -> None:  # noqa: B006 - the signature lxml calls
        if tag in WRAPPERS:
            return
        soup = self.soup
        soup.open(tag, attrib)
        if tag in UNKNOWN_VOIDS:
            soup.close(tag)

    def new_tag(self, name: str, attrib: dict[str, str], parent: Tag, previous: PageElement | None) -> NewsTag:
        """The tag bs4's Tag constructor makes, in the place bs4's setup gives it, with what the
        constructor asks of the builder answered once per name: it took a third of parsing a post."""
        if name not in self._by_name:
            self._by_name[name] = self._name_fields(name)
        fields, list_attributes = self._by_name[name]
        tag = NewsTag.__new__(NewsTag)
        own = tag.__dict__
        own.update(fields)
        attrs = own["attrs"] = self.attribute_dict_class(attrib)
        for attr in list_attributes.intersection(attrs):  # class="a b" is a list, as bs4 makes it
            attrs[attr] = self.attribute_value_list_class(nonwhitespace_re.findall(attrs[attr]))
        if "class" in attrs:
            self.soup.seen_classes.update(attrs["class"])
        if "id" in attrs:
            self.soup.seen_ids.add(attrs["id"])
        self.soup.seen_attributes.update(attrs)
        if "style" in attrs:
            self.soup.styled.append(tag)
        own["contents"] = []
        own["interesting_string_types"] = ({self.string_containers[name]} if name in self.string_containers
                                           else Tag.MAIN_CONTENT_STRING_TYPES)
        own["parent"] = parent
        own["previous_element"] = previous
        if previous is not None:
            previous.next_element = tag
        own["next_element"] = own["next_sibling"] = None
        sibling = own["previous_sibling"] = parent.contents[-1] if parent.contents else None
        if sibling is not None:
            sibling.next_sibling = tag
        if name == "meta":
            self.set_up_substitutions(tag)
        return tag

    def _name_fields(self, name: str) -> tuple[dict[str, object], frozenset[str]]:
        lists = self.cdata_list_attributes or {}
        fields = {"parser_class": type(self.soup), "name": name, "namespace": None,
                  "_namespaces": self.active_namespace_prefixes[-1], "prefix": None, "sourceline": None,
                  "sourcepos": None, "attribute_value_list_class": self.attribute_value_list_class,
                  "known_xml": self.is_xml, "hidden": False, "can_be_empty_element": self.can_be_empty_element(name),
                  "cdata_list_attributes": self.cdata_list_attributes,
                  "preserve_whitespace_tags": self.preserve_whitespace_tags}
        return fields, frozenset(lists.get("*", set()) | lists.get(name.lower(), set()))

    def comment(self, text: str) -> None:
        self.soup.holds_comments = True
        super().comment(text)

    def end(self, tag) -> None:
        if tag not in WRAPPERS and tag not in UNKNOWN_VOIDS:
            self.soup.close(tag)

    def data(self, content: str) -> None:
        self.soup.current_data.append(content)


class FragmentSoup(BeautifulSoup):
    """A soup built as bs4 builds it from lxml's events, with each step's bookkeeping cut to what
    those events need: building the tree took nine tenths of parsing a post, lxml one tenth."""

    holds_comments = False  # until lxml reports one: passes that look for comments need not walk the tree

    def __init__(self, *args: object, **kwargs: object) -> None:
        # Every class and id any of its tags had, parsed or made later: see may_hold.
        self.seen_classes: set[str] = set()
        self.seen_ids: set[str] = set()
        self.seen_attributes: set[str] = set()  # the names of the attributes of its tags, parsed or made
        self.styled: list[Tag] = []  # the tags parsed with a style attribute, in document order: see styled_tags
        super().__init__(*args, **kwargs)

    # A post's content may be a bare address (a video WordPress embeds) or a file's name: markup all the same, of
    # which bs4 warned on the terminal, in the middle of an import's progress, as if it were asked to fetch it.
    @classmethod
    def _markup_is_url(cls, markup: object) -> bool:
        return False

    @classmethod
    def _markup_resembles_filename(cls, markup: object) -> bool:
        return False

    def index(self, element: PageElement) -> int:
        return index_near_the_last(self, element)

    def new_tag(self, *args: object, **kwargs: object) -> Tag:
        tag = super().new_tag(*args, **kwargs)
        self.seen_attributes.update(tag.attrs)
        self.seen_classes.update(tag.get_attribute_list("class"))
        if tag.get("id") is not None:
            self.seen_ids.add(tag["id"])
        return tag

    def open(self, name: str, attrs: dict[str, str]) -> None:
        """bs4's handle_starttag and pushTag, for a document with no filter and no namespaces."""
        if self.current_data:
            self.endData()
        parent = self.currentTag
        tag = self.builder.new_tag(name, attrs, parent, self._most_recent_element)
        self._most_recent_element = tag
        parent.contents.append(tag)
        self.tagStack.append(tag)
        self.currentTag = tag
        self.open_tag_counter[name] += 1
        if name in self.builder.preserve_whitespace_tags:
            self.preserve_whitespace_tag_stack.append(tag)
        if name in self.builder.string_containers:
            self.string_container_stack.append(tag)

    def insert(self, position: int, *new_children: PageElement | str) -> list[PageElement]:
        self.__dict__.pop(TAGS, None)
        return super().insert(position, *new_children)

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
        parent = self.currentTag
        siblings = parent.contents
        # NavigableString's constructor and setup, without the links it sets only to overwrite them.
        string = str.__new__(containerClass, text)
        string.hidden = False
        string.parent = parent
        previous = string.previous_element = self._most_recent_element
        if previous is not None:
            previous.next_element = string
        string.next_element = string.next_sibling = None
        sibling = string.previous_sibling = siblings[-1] if siblings else None
        if sibling is not None:
            sibling.next_sibling = string
        self._most_recent_element = string
        siblings.append(string)


class NewsTag(Tag):
    """A bs4 tag whose find_parent by name alone walks the parents directly, and which tells its
    tree when tags come or go (see tags_in).

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

    # Every edit of a tree's shape goes through these two: bs4's append, replace_with, wrap,
    # unwrap, insert_before, clear, decompose and the string setter all call them.
    def insert(self, position: int, *new_children: PageElement | str) -> list[PageElement]:
        _forget_tags(self)
        return super().insert(position, *new_children)

    def extract(self, _self_index: int | None = None) -> NewsTag:
        _forget_tags(self)
        return super().extract(_self_index)

    def index(self, element: PageElement) -> int:
        return index_near_the_last(self, element)


INDEX_HINT = "_newsmirror_index"  # where a tag keeps the position of the child last looked for in it


def index_near_the_last(parent: Tag, element: PageElement) -> int:
    """Where the child is, by identity: at either end, or looked for outward from where the last child looked
    for in this element was. bs4 looks from the front for each child it takes out or inserts beside, and the
    passes go through an element's children in order, from the first or from the last: each search from the
    front cost time growing with the square of an element's children (80,000 line breaks took two minutes to
    take out, 5,000 linked images 7 s to move out of their links)."""
    contents = parent.contents
    if contents and contents[0] is element:
        return 0
    last = len(contents) - 1
    if contents and contents[last] is element:
        return last
    hint = min(parent.__dict__.get(INDEX_HINT, 0), last)
    for distance in range(len(contents)):
        for i in (hint + distance, hint - distance):
            if 0 <= i <= last and contents[i] is element:
                parent.__dict__[INDEX_HINT] = i
                return i
    raise ValueError("Tag.index: element not in tag")


def parse_fragment(html: str) -> BeautifulSoup:
    if "/>" in html:
        html = SELF_CLOSED_P.sub(lambda m: f"<p{m.group(1) or ''}>", html)
    html = _blocks_kept_in_bold(html)
    soup = FragmentSoup(html, builder=FragmentBuilder(), element_classes={Tag: NewsTag})
    soup.source = html
    return soup


def _blocks_kept_in_bold(html: str) -> str:
    """`<b>` and `<i>` that open with a block, renamed with their end tags (found in one pass: an end tag closes
    the element of its name opened last, and those opened after it)."""
    marked = {m.start() for m in BOLD_OPENING_BLOCK.finditer(html)}
    if not marked:
        return html
    opened: list[re.Match[str]] = []
    still_open = {"b": 0, "i": 0}
    renamed: list[tuple[int, int, str]] = []  # (start, end, the tag's new text)
    for tag in BOLD_TAG.finditer(html):
        name = tag.group(2).lower()
        if not tag.group(1):
            opened.append(tag)
            still_open[name] += 1
            continue
        while still_open[name]:
            opening = opened.pop()
            still_open[opening.group(2).lower()] -= 1
            if opening.group(2).lower() == name:
                if opening.start() in marked:
                    renamed.append((opening.start(), opening.end(), f"<{RENAMED[name]}{opening.group()[2:]}"))
                    renamed.append((tag.start(), tag.end(), f"</{RENAMED[name]}>"))
                break
    if not renamed:
        return html
    renamed.sort()
    pieces, done = [], 0
    for start, end, text in renamed:
        pieces += [html[done:start], text]
        done = end
    return "".join([*pieces, html[done:]])


def may_contain(soup: Tag, text: str) -> bool:
    """False when the HTML the soup was parsed from does not hold `text` (as written, entities unread), so a
    pass looking for it need not walk the tree. No pass writes the texts asked for. (A search of a post's HTML
    costs about as much as a walk of its tags' names: enough for one text, not for many.)"""
    source = soup.__dict__.get("source") if isinstance(soup, FragmentSoup) else None
    return source is None or text in source


def cells_of(row: Tag) -> list[Tag]:
    """A table row's cells, its `td` and `th` children: what `find_all(["td", "th"], recursive=False)` gives,
    without bs4's filter machinery, which made the table passes' look at each row cost more than the row."""
    return [cell for cell in row.contents if isinstance(cell, Tag) and cell.name in ("td", "th")]


def styled_tags(soup: Tag) -> list[Tag]:
    """The tags that were parsed with a style attribute and still have one, without walking the tree: a pass
    reading inline styles looks at these. No pass gives a tag a style. A tag taken out of the soup with an
    element around it may be among them: see `within`."""
    if not isinstance(soup, FragmentSoup):
        return [tag for tag in elements(soup) if tag.get("style") is not None]
    return [tag for tag in soup.styled if not tag.__dict__.get("_decomposed") and tag.get("style") is not None]


def within(tag: Tag, root: Tag) -> bool:
    """Whether the tag is in `root`'s tree."""
    while tag.parent is not None:
        tag = tag.parent
    return tag is root


def may_hold(soup: Tag, classes: frozenset[str] = frozenset(), ids: frozenset[str] = frozenset(),
             attributes: frozenset[str] = frozenset()) -> bool:
    """False when no tag of the soup ever had one of these classes, ids or attributes, so a pass looking for
    them need not walk it. No pass sets a class or an id on a tag after making it, nor one of the attributes
    a pass asks for here (a lazy loader's, a player's)."""
    if not isinstance(soup, FragmentSoup):
        return True
    return not (soup.seen_classes.isdisjoint(classes) and soup.seen_ids.isdisjoint(ids)
                and soup.seen_attributes.isdisjoint(attributes))


TAGS = "_newsmirror_tags"  # where a FragmentSoup keeps its list of tags until its shape changes


def tags_in(tag: Tag) -> list[Tag]:
    """Every tag under `tag`, in document order, as bs4's `descendants` gives them, in two thirds of its
    time. The cleanup passes ask for a post's whole tree about thirty times and most change nothing, so a
    soup keeps its list until a tag is inserted or extracted; each caller gets a copy it may keep.

    Recursive: callers run after cleanup's first pass, which cuts nesting to its MAX_DEPTH (later passes
    add a level or two), far below Python's recursion limit."""
    kept = tag.__dict__.get(TAGS) if isinstance(tag, FragmentSoup) else None
    if kept is not None:
        return list(kept)
    found: list[Tag] = []
    _collect(tag, found)
    if isinstance(tag, FragmentSoup):
        tag.__dict__[TAGS] = found
        return list(found)
    return found


def _collect(tag: Tag, found: list[Tag]) -> None:
    for child in tag.contents:
        if isinstance(child, Tag):
            found.append(child)
            _collect(child, found)


def _forget_tags(tag: Tag) -> None:
    """Before an edit under `tag`: its soup's list of tags no longer holds."""
    root = tag
    while root.parent is not None:
        root = root.parent
    root.__dict__.pop(TAGS, None)


def decompose_with_emptied(tag: Tag, holders: frozenset[str]) -> None:
    """Take `tag` out, with the elements around it, of the `holders` names, that it leaves with no words or tags."""
    holder = tag.parent
    tag.decompose()
    while holder is not None and holder.name in holders and not holder.get_text(strip=True) \
            and holder.find(True) is None:
        holder, empty = holder.parent, holder
        empty.decompose()


def has_class(tag: Tag, classes: frozenset[str]) -> bool:
    return not classes.isdisjoint(tag.get("class") or ())


def elements(soup: BeautifulSoup | Tag, *names: str) -> Iterator[Tag]:
    """Tags in document order (only those named, if any), from a snapshot, so the caller may edit
    the tree; a tag removed meanwhile (with an ancestor, say) is skipped. Several times faster than
    bs4's find_all filters, which dominated the cost of converting a post."""
    snapshot = tags_in(soup)
    if names:
        snapshot = [t for t in snapshot if t.name in names]
    # Tag.decomposed reads a missing attribute, which bs4 answers by searching the subtree for a
    # child tag of that name; reading the instance dictionary costs nothing.
    return (t for t in snapshot if not t.__dict__.get("_decomposed"))


def comments(soup: BeautifulSoup) -> list[Comment]:
    """Every comment, grouped by the tag that holds it (not in document order)."""
    if isinstance(soup, FragmentSoup) and not soup.holds_comments:  # no pass makes one: none were parsed, none are there
        return []
    return [node for tag in (soup, *tags_in(soup)) for node in tag.contents if isinstance(node, Comment)]


def enclosing(node: Tag | NavigableString, names: tuple[str, ...], within: Tag | None = None) -> Tag | None:
    """The nearest element around `node` of one of these names, up to `within` (an `<embed>` in its `<object>` is
    the object's); walked by hand, as bs4's find_parent builds a filter each time (seconds for a page of links)."""
    parent = node.parent
    while parent is not None and parent is not within:
        if parent.name in names:
            return parent
        parent = parent.parent
    return None
