"""Pictures a theme floats beside a paragraph's words or centres on a line of their own, set apart as blocks.

The classic editor puts a picture aligned left or right inside the paragraph it stands beside
(`<p><img class="alignleft …">We've seen…</p>`): on the live page the words flow round it. In Markdown
such a picture is an inline image, set right against the paragraph's first word (`![…](…)We've seen…`)
and rendered as a picture in the run of the text. It goes out of the paragraph, as a block of its own
beside it, with the link around it where that link shows nothing else. A centred picture (`aligncenter`, or
Windows Live Writer's `display:block` style) is a block on the live page: it parts its paragraph's words. So does
a wide picture with no alignment (`alignnone`, or none: a 696-pixel cover before a review's first word), which
fills the line it stands in, where a narrow one (an icon, a formula) stays in its line.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.parse import elements

FLOATED_CLASSES = frozenset({"alignleft", "alignright"})
FLOAT_STYLE = re.compile(r"(?:^|;)\s*float\s*:\s*(?:left|right)\b", re.IGNORECASE)
FLOAT_ALIGN = frozenset({"left", "right"})  # HTML 4's `<img align="left">`, in posts of the 2000s
BLOCK_STYLE = re.compile(r"(?:^|;)\s*display\s*:\s*block\b", re.IGNORECASE)
# What may hold the picture between it and its paragraph: a link to it, and inline elements that hold
# nothing else (an editor's `<strong>` or `<span>` kept round it).
INLINE_WRAPPERS = frozenset({"a", "span", "strong", "b", "em", "i", "u", "font"})
WORD = re.compile(r"\w")
# What makes a `<div>` more than one paragraph's words.
BLOCKS = ["p", "div", "section", "article", "figure", "ul", "ol", "dl", "table", "blockquote", "pre", "form",
          "h1", "h2", "h3", "h4", "h5", "h6", "hr", "iframe", "video", "audio", "object"]
# A picture this wide or wider, with no alignment, takes its line on the live page: a news theme's column is some
# 640-760 pixels, which leaves a word or two beside it, where a 300-pixel thumbnail ("Full size: [picture]") sits in
# its line. One under TALL_PIXELS high is a line of text drawn (a formula, a banner of words): it stays in its line.
WIDE_PIXELS, TALL_PIXELS = 500, 100
SIZE_IN_NAME = re.compile(r"-(\d{2,4})x(\d{2,4})\.\w{3,4}(?:[?#]|$)")  # WordPress's resized copies: `cover-768x432.jpg`


def floated_images_apart(soup: BeautifulSoup, ctx: Context) -> None:
    """A floated picture in a paragraph with words of its own stands before the paragraph, as the page shows
    it at the top of the words that flow round it; one after the paragraph's last word stands after it; one on
    a line of its own between the paragraph's lines (`…communities.<br><img class="alignright"><br>After…`)
    parts the paragraph there. One between words goes before: the float starts at its line, and the words either
    side of it are joined as the browser joined them (`D<img class="alignleft">an` read "Dan"). A centred picture
    goes before or after its paragraph where it opens or ends it, and between words parts the paragraph there,
    as its block did on the page; so does a wide picture with no alignment. A picture alone in its paragraph, one in a list or a table cell stay where
    they are. The picture moves with the
    link around it; emphasis around it alone stays behind, empty (`<strong><img></strong>`, which would read as
    a bold picture)."""
    # Walked from the last picture back, so that the words after each are only those left after the pictures
    # moved out behind it (a paragraph of many pictures after its words is read once); pictures before their
    # paragraph are each set before the one placed last, so that they keep their order.
    placed_before: dict[int, Tag] = {}
    opened: dict[int, Tag] = {}  # the paragraphs pictures were taken from the top of
    has_words: dict[int, bool] = {}  # by paragraph: moving its pictures out leaves its words as they were
    divs: dict[int, bool] = {}  # by `<div>`: whether it holds a line's words and no block (see _paragraph_of)
    for image in reversed(list(elements(soup, "img"))):
        floated = _floated(image)
        centred = _centred(image) or not floated and _wide(image)  # a block of its own on the live page
        if not centred and not floated:
            continue
        moved = _picture_with_its_link(image)
        paragraph = _paragraph_of(moved, divs)
        if paragraph is None:
            continue
        if id(paragraph) not in has_words:
            has_words[id(paragraph)] = WORD.search(paragraph.get_text()) is not None
        if not has_words[id(paragraph)]:
            continue
        if not _words_after(moved, paragraph):
            _drop_breaks(moved, "previous_sibling")
            paragraph.insert_after(_as_block(soup, moved))
        elif moved.parent is paragraph and (_line_of_its_own(moved)
                                            or centred and _words_before(moved, paragraph)):
            _split_at(soup, paragraph, moved)
        elif centred and _words_before(moved, paragraph):
            continue  # a centred picture inside emphasis between words: no block can stand there
        else:
            block = _as_block(soup, moved)
            placed_before.get(id(paragraph), paragraph).insert_before(block)
            placed_before[id(paragraph)] = block
            opened[id(paragraph)] = paragraph
    for paragraph in opened.values():
        _drop_leading_breaks(paragraph)


def _floated(image: Tag) -> bool:
    return (not FLOATED_CLASSES.isdisjoint(image.get("class") or ())
            or (image.get("align") or "").strip().lower() in FLOAT_ALIGN
            or FLOAT_STYLE.search(image.get("style") or "") is not None)


def _centred(image: Tag) -> bool:
    return "aligncenter" in (image.get("class") or ()) or BLOCK_STYLE.search(image.get("style") or "") is not None


def _wide(image: Tag) -> bool:
    """Whether the picture's width (its attributes, else its file's name) fills a line: see WIDE_PIXELS."""
    width, height = _pixels(image.get("width")), _pixels(image.get("height"))
    if width is None and (size := SIZE_IN_NAME.search(image.get("src") or "")) is not None:
        width, height = int(size.group(1)), int(size.group(2))
    return width is not None and width >= WIDE_PIXELS and (height is None or height >= TALL_PIXELS)


def _pixels(value: object) -> int | None:
    text = str(value or "").strip().removesuffix("px")
    return int(text) if text.isdigit() and len(text) < 6 else None


def _picture_with_its_link(image: Tag) -> Tag:
    """The image, or the outermost link around it that shows nothing else (through inline elements that hold only
    the image)."""
    node, moved = image, image
    while (parent := node.parent) is not None and parent.name in INLINE_WRAPPERS and _holds_only(parent, node):
        node = parent
        if node.name == "a":
            moved = node
    return moved


def _line_of_its_own(node: Tag) -> bool:
    """Whether a line break ends the line before `node`, which words come before (words after it are known)."""
    before = _beside(node, "previous_sibling")
    return isinstance(before, Tag) and before.name == "br" and _beside(before, "previous_sibling") is not None


def _beside(node: Tag, way: str) -> Tag | NavigableString | None:
    """The sibling `way` of `node`, spaces passed over."""
    sibling = getattr(node, way)
    while isinstance(sibling, NavigableString) and not sibling.strip():
        sibling = getattr(sibling, way)
    return sibling


def _split_at(soup: BeautifulSoup, paragraph: Tag, node: Tag) -> None:
    """`paragraph` parted at `node`, on a line of its own: the lines before it, `node` as a block, the lines after
    it as a paragraph, without the line breaks either side of it."""
    _drop_breaks(node, "previous_sibling")
    _drop_breaks(node, "next_sibling")
    rest = soup.new_tag("p")
    while node.next_sibling is not None:
        rest.append(node.next_sibling.extract())
    block = _as_block(soup, node)
    paragraph.insert_after(block)
    block.insert_after(rest)


def _drop_breaks(node: Tag, way: str) -> None:
    """The line breaks `way` of `node`, spaces between them passed over."""
    while isinstance(sibling := _beside(node, way), Tag) and sibling.name == "br":
        sibling.decompose()


def _paragraph_of(node: Tag, divs: dict[int, bool]) -> Tag | None:
    """The paragraph `node` is in, through inline elements but no link: a picture in a link with words is
    the link's, and stays in it. A `<div>` of no class holding a line's words and no block (text pasted from
    another editor: `<div><img class="alignleft">Originally from…</div>`) is the paragraph the browser shows; a
    classed one is a theme's or a plugin's box (a picture's credit under it), whose parts stay together."""
    parent = node.parent
    while parent is not None and parent.name in INLINE_WRAPPERS and parent.name != "a":
        parent = parent.parent
    if parent is not None and parent.name == "div":
        if id(parent) not in divs:  # (asked once of a div, however many pictures it holds)
            divs[id(parent)] = not parent.get("class") and parent.find(BLOCKS) is None
        return parent if divs[id(parent)] else None
    return parent if parent is not None and parent.name == "p" else None


def _holds_only(parent: Tag, child: Tag) -> bool:
    return all(c is child or (isinstance(c, NavigableString) and not c.strip()) for c in parent.contents)


def _words_after(node: Tag, paragraph: Tag, siblings: str = "next_siblings") -> bool:
    """Whether words follow `node` in its paragraph: its siblings after it, and its parents' up to the paragraph."""
    current: Tag = node
    while current is not paragraph:
        if any(WORD.search(s.get_text() if isinstance(s, Tag) else str(s)) for s in getattr(current, siblings)):
            return True
        current = current.parent
    return False


def _words_before(node: Tag, paragraph: Tag) -> bool:
    return _words_after(node, paragraph, "previous_siblings")


def _as_block(soup: BeautifulSoup, node: Tag) -> Tag:
    """`node` taken out into a paragraph of its own; of two spaces it stood between, one stays."""
    before, after = node.previous_sibling, node.next_sibling
    block = soup.new_tag("p")
    block.append(node.extract())
    if type(before) is type(after) is NavigableString:  # one text again, so that each picture reads few
        joined = before + (after.lstrip() if before[-1:].isspace() else after)
        after.extract()
        before.replace_with(NavigableString(joined))
    return block


def _drop_leading_breaks(paragraph: Tag | None) -> None:
    """A line break that followed the pictures would open their paragraph with an empty line."""
    child = paragraph.contents[0] if paragraph is not None and paragraph.contents else None
    while child is not None and (isinstance(child, NavigableString) and not child.strip()
                                 or isinstance(child, Tag) and child.name == "br"):
        following = child.next_sibling
        if isinstance(child, Tag):
            child.decompose()
        child = following
