"""Two or more line breaks in a row, the blank line a classic-editor author typed with Shift+Enter or a
pasted text held, end a paragraph. Kept as breaks, each became a backslash at a line's end and the second
stood alone on a line (`one\\` `\\` `two`): Markdown no reader would write, for what shows as a paragraph break.

Each element is emptied once, from its end (taking a child from the front of a list moves all the others: 80,000
runs of one element took 6-10 s taken from the front, and 38 s earlier, moved one run at a time), and filled
again once."""

from __future__ import annotations

import copy
from typing import NamedTuple

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.embeds import on_embedding_site
from generator.convert.parse import elements, may_contain, may_hold
from generator.convert.structure import BLOCK_NAMES, INLINE

# Blocks whose loose text may be cut into paragraphs: not a heading, a table's cell or a caption, which hold
# one line in Markdown, nor a list's item, whose paragraphs would make its whole list loose.
HOLDERS = frozenset({"div", "blockquote", "section", "article", "main", "aside", "header", "footer", "center", "nav"})
BLANK = " \t\r\n\u00a0"
# Where a run of breaks becomes one: the blank line is lost, but not the line's end.
ONE_BREAK = HOLDERS | {"li", "dd", "dt", "figcaption"}
VERSE_CLASSES = frozenset({"wp-block-verse"})  # a verse's stanzas: its blank lines became breaks before this pass
PLAYERS = frozenset({"iframe", "object", "embed", "video", "audio"})
ADDRESSES = frozenset({"src", "srcset", "href", "poster", "value"})  # and data-*, where lazy loaders keep them

Piece = Tag | NavigableString


def paragraphs_at_blank_lines(soup: BeautifulSoup, ctx: Context) -> None:
    """A run of breaks in a paragraph (or in an inline element of one) splits the paragraph there; one among
    the loose text of a block (a page builder's text module) makes paragraphs of the text around it. In a
    list's item or a caption, whose paragraphs Markdown would set apart, the run becomes one break."""
    if not (any(may_contain(soup, tag) for tag in ("<br", "<BR", "<Br")) or may_hold(soup, VERSE_CLASSES)):
        return
    cuts: dict[int, tuple[Tag, list[list[Piece]]]] = {}  # a paragraph -> its runs
    holders: dict[int, Tag] = {}
    surplus: dict[int, tuple[Tag, set[int]]] = {}  # an element -> the breaks and blanks past each run's first
    for br in list(elements(soup, "br")):
        if not _opens_run(br):
            continue
        block = _block_of(br)
        if block is not None and block.name == "p":
            cuts.setdefault(id(block), (block, []))[1].append(_run_from(br))
        elif block is not None and block is br.parent and (block.name in HOLDERS or block is soup):
            # The post itself holds loose text too where its author typed no paragraph (`…said one.<br><br>“It`).
            holders[id(block)] = block
        elif block is not None and block.name in ONE_BREAK:
            surplus.setdefault(id(br.parent), (br.parent, set()))[1].update(map(id, _run_from(br)[1:]))
    for paragraph, runs in cuts.values():
        paragraph.insert_before(*_split(soup, paragraph, runs)[:-1])
    for holder in holders.values():
        _paragraphs_in(soup, holder)
    for parent, doomed in surplus.values():
        _drop(parent, doomed)


def _opens_run(br: Tag) -> bool:
    """Whether the break is the first of two or more."""
    return (br.parent is not None and not _is_break(_sibling(br, "previous_sibling"))
            and _is_break(_sibling(br, "next_sibling")))


def _sibling(node: Piece, direction: str) -> object:
    node = getattr(node, direction)
    while _is_blank(node):
        node = getattr(node, direction)
    return node


def _is_blank(node: object) -> bool:
    """Blank text, an inline element holding only such (`<span style="font-weight: 400"></span>`, left where
    an editor wrapped each break in a span of its own, or `<strong><span></span></strong>` once a break moved out
    of both), or a drawing with no text (a page builder's icon between two lines, `<br><svg>…</svg><br>`), which
    the Markdown leaves out."""
    if isinstance(node, NavigableString):
        return type(node) is NavigableString and not node.strip(BLANK)
    if isinstance(node, Tag) and node.name == "svg":
        return not node.get_text().strip(BLANK)
    if isinstance(node, Tag) and node.name in PLAYERS:
        return _names_no_address(node)
    if isinstance(node, Tag) and node.name == "a" and on_embedding_site(str(node.get("href") or "")):
        return False  # a play button's link to the video, which name_icon_links names
    return isinstance(node, Tag) and node.name in INLINE and all(_is_blank(child) for child in node.contents)


def _names_no_address(player: Tag) -> bool:
    """Whether a frame or player names no address anywhere in it (`<iframe></iframe>`, `<object></object>`,
    left where a plugin's script was to fill them in), which the Markdown leaves out."""
    return not player.get_text().strip(BLANK) and not any(
        "/" in value or "." in value for tag in (player, *player.find_all(True)) for name, value in tag.attrs.items()
        if isinstance(value, str) and (name in ADDRESSES or name.startswith("data")))


def _is_break(node: object) -> bool:
    return isinstance(node, Tag) and node.name == "br"


def _run_from(first: Tag) -> list[Piece]:
    """The breaks of the run and the blank text between them."""
    run: list[Piece] = [first]
    node = first.next_sibling
    while _is_break(node) or _is_blank(node):
        run.append(node)
        node = node.next_sibling
    while not _is_break(run[-1]):
        run.pop()
    return run


def _block_of(br: Tag) -> Tag | None:
    """The nearest element around the break that is not inline."""
    parent = br.parent
    while parent is not None and parent.name in INLINE:
        parent = parent.parent
    return parent


def _split(soup: BeautifulSoup, paragraph: Tag, runs: list[list[Piece]]) -> list[Tag]:
    """The paragraph cut at its runs, which go: the paragraphs before each run are copies of it, the last is the
    paragraph itself. Where a run is inside inline elements (a `<span style>`, an `<em>`), each part keeps
    copies of them around its pieces."""
    around: set[int] = set()  # the paragraph and the inline elements that hold a run
    for run in runs:
        holder = run[0].parent
        while id(holder) not in around:
            around.add(id(holder))
            if holder is paragraph:
                break
            holder = holder.parent
    firsts = {id(run[0]) for run in runs}
    doomed = {id(piece) for run in runs for piece in run}
    return _parts(soup, paragraph, _Cuts(firsts, doomed, around))


class _Cuts(NamedTuple):
    firsts: set[int]  # each run's first break
    doomed: set[int]  # every piece of the runs
    around: set[int]  # the paragraph and the inline elements that hold a run


def _parts(soup: BeautifulSoup, holder: Tag, cuts: _Cuts) -> list[Tag]:
    """The holder cut at the runs in it, at any depth: copies of it without its id, then itself.

    Recursive: cleanup's first pass cut nesting to its MAX_DEPTH."""
    parts: list[list[Piece]] = [[]]
    for child in _children_taken(holder):
        if id(child) in cuts.doomed:
            if id(child) in cuts.firsts:
                parts.append([])
        elif id(child) in cuts.around:
            first, *rest = _parts(soup, child, cuts)
            parts[-1].append(first)
            parts.extend([part] for part in rest)
        else:
            parts[-1].append(child)
    holders = [*(_shallow_copy(soup, holder) for _ in parts[1:]), holder]
    for tag, part in zip(holders, parts):
        tag.extend(part)
    return holders


def _children_taken(tag: Tag) -> list[Piece]:
    """The element's children, taken out of it from the last, which moves no other."""
    children = []
    while tag.contents:
        children.append(tag.contents[-1].extract())
    children.reverse()
    return children


def _shallow_copy(soup: BeautifulSoup, tag: Tag) -> Tag:
    """The element without its children or its id, which must stay unique."""
    return soup.new_tag(tag.name, attrs={k: copy.copy(v) for k, v in tag.attrs.items() if k != "id"})


def _drop(parent: Tag, doomed: set[int]) -> None:
    parent.extend([child for child in _children_taken(parent) if id(child) not in doomed])


def _paragraphs_in(soup: BeautifulSoup, holder: Tag) -> None:
    """The block's loose text and inline elements between its blocks and runs of breaks become paragraphs;
    the runs go, and what shows nothing between their breaks with them, as in a paragraph: an empty link
    (a lightbox's, `<br><a href="…jpg"></a><br>`) would show its address on a line of its own. A break alone
    stays in its paragraph's text."""
    children = _children_taken(holder)
    runs, inside = _runs_among(children)
    loose: list[Piece] = []
    for i, child in enumerate(children):
        if i in inside:
            continue
        if isinstance(child, Tag) and child.name in BLOCK_NAMES:
            _append_paragraph(soup, holder, loose)
            holder.append(child)
        elif i in runs:
            _append_paragraph(soup, holder, loose)
        else:
            loose.append(child)
    _append_paragraph(soup, holder, loose)


def _runs_among(children: list[Piece]) -> tuple[set[int], set[int]]:
    """Where the breaks of runs are among the children, and what lies between two of them."""
    shown = [i for i, child in enumerate(children) if not _is_blank(child)]
    runs: set[int] = set()
    inside: set[int] = set()
    for i, j in zip(shown, shown[1:]):
        if _is_break(children[i]) and _is_break(children[j]):
            runs.update((i, j))
            inside.update(range(i + 1, j))
    return runs, inside


def _append_paragraph(soup: BeautifulSoup, holder: Tag, loose: list[Piece]) -> None:
    """The loose pieces, as a paragraph when any shows something (blank text between blocks stays as it was)."""
    if any(not _is_blank(piece) for piece in loose):
        paragraph = soup.new_tag("p")
        paragraph.extend(loose)
        holder.append(paragraph)
    else:
        holder.extend(loose)
    loose.clear()
