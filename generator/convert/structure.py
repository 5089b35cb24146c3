"""Cleanup passes for the shape of a post: headings, the more marker, in-page tables of contents.

Old posts and page builders put blocks where Markdown cannot hold them (a list item inside a heading,
`<!--more-->` inside a link), and script-made tables of contents link to ids that only their script
adds. These passes give such markup the shape a reader saw.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator
from urllib.parse import unquote

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.galleries import GALLERY, GALLERY_ITEM
from generator.convert.parse import cells_of, tags_in

MORE = "nm-more"  # stands in for <!--more--> until the converter writes it back
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
# Blocks a heading's text may be wrapped in; Markdown headings hold one line of inline text.
BLOCKS_IN_HEADINGS = ("p", "ul", "ol", "li", "dl", "dt", "dd", "blockquote", "section", "article", "header",
                      "footer", "aside", "figure", "figcaption", *HEADINGS)
# The blocks of a plugin's layout, which a heading set around its shortcode holds (layouts_out_of_headings), and
# how many of them with words of their own a heading's title may be made of.
LAYOUT_IN_HEADINGS = frozenset({"div", "section", "article"})
MAX_TITLE_PARTS = 2
# Where <!--more--> may stand: between the blocks of these, or between paragraphs of text.
SPLITTABLE = frozenset({"[document]", "div", "section", "article", "main", "p"})
INLINE = frozenset({"a", "strong", "b", "em", "i", "u", "s", "del", "ins", "mark", "small", "span", "sup", "sub",
                    "label", "code", "abbr", "cite", "q", "font"})
CAPTION_CLASSES = frozenset({"wp-caption-text", "wp-caption-dd", "gallery-caption"})
ASCII_SPACE = " \t\r\n"
EMPHASIS = {"em": "*", "i": "*", "strong": "**", "b": "**", "s": "~~", "del": "~~"}  # kind -> its Markdown
BLOCK_NAMES = frozenset({"p", "div", *HEADINGS, "ul", "ol", "li", "table", "blockquote", "pre", "figure", "hr",
                         "section", "article", "details", "dl", MORE, GALLERY, GALLERY_ITEM})
# Inline elements that only style what they hold, which Markdown writes as their text alone.
_STYLE_ONLY = frozenset({"span", "font"})
# What a browser starts on a line of its own, which emphasis marks cannot span.
_HOLDS_LINES = BLOCK_NAMES | {"li", "dt", "dd", "tr", "td", "th", "figcaption", "header", "footer", "aside", "nav",
                              "main", "address", "summary", "form", "fieldset", "center", "hgroup", "search",
                              "legend", "menu", "dir"}
# Emphasis an inline style sets or takes away: (the element it shows as, the elements that show it already,
# the property, the values that set it, the values that take it away).
STYLABLE = ("span", "font", "b", "strong", "i", "em", "s", "del", "strike")
# Strike-through is also set on whole blocks (`<p style="text-decoration: line-through">`, an offer withdrawn):
# emphasis_into_blocks then gives it to each line inside.
STRUCK_BLOCKS = ("p", "div", "li", "td", "th")
STYLED = (
    ("strong", ("b", "strong"), re.compile(r"(?:^|;)\s*font-weight\s*:\s*(\w+)", re.IGNORECASE),
     frozenset({"bold", "bolder", "600", "700", "800", "900"}), frozenset({"normal", "lighter", "100", "200", "300",
                                                                         "400", "500"})),
    ("em", ("i", "em"), re.compile(r"(?:^|;)\s*font-style\s*:\s*(\w+)", re.IGNORECASE),
     frozenset({"italic", "oblique"}), frozenset({"normal"})),
    # TinyMCE 3's strike-through button (WordPress 3.x) wrote `<span style="text-decoration: line-through;">`;
    # the value may list other lines too (`underline line-through`).
    ("s", ("s", "del"), re.compile(r"(?:^|;)\s*text-decoration(?:-line)?\s*:[^;]*?\b(line-through|none)\b",
                                   re.IGNORECASE), frozenset({"line-through"}), frozenset({"none"})),
)
TOC_BLOCKS = ("div", "nav", "ul", "ol", "p", "details", "section", "aside")
NUMBERING = re.compile(r"^[\d.\s)–-]+")
WHITESPACE = re.compile(r"\s+")
# Scripts written without spaces between words (Thai, Lao, Myanmar, Khmer, Japanese kana, Chinese).
_UNSPACED = "\u0e00-\u0eff\u1000-\u109f\u1780-\u17ff\u3040-\u30ff\u3400-\u9fff\uf900-\ufaff"
WORD_ENDS = re.compile(rf"(?![{_UNSPACED}])\w\Z")
WORD_STARTS = re.compile(rf"(?![{_UNSPACED}])\w")


def headings_closed_by_the_parser(soup: BeautifulSoup, ctx: Context) -> None:
    """The blocks the HTML parser put after a heading they were written in go back in (see
    _take_back_closed_out). Done on the tree as parsed: a heading that a later pass empties (of its lone
    `<br>`, or of text only screen readers see) was the author's, and must not take the paragraph after it."""
    for heading in _elements(soup, *HEADINGS):
        _take_back_closed_out(heading)


def layouts_out_of_headings(soup: BeautifulSoup, ctx: Context) -> None:
    """A heading set around a plugin's output (a team grid a shortcode printed inside `<h2>`: names, roles and
    bios, each in a block of its own) holds a layout, not a title: one heading line would run all its words
    together, and the table of contents with them. It gives way to its blocks. A title in two parts
    (`<h2><div>Our</div><div>team</div></h2>`) stays one."""
    for heading in _elements(soup, *HEADINGS):
        if holds_a_layout(heading):
            heading.name = "div"


def holds_a_layout(heading: Tag) -> bool:
    blocks = [t for t in tags_in(heading) if t.name in LAYOUT_IN_HEADINGS]
    return sum(1 for block in blocks if _words_of_its_own(block)) > MAX_TITLE_PARTS


def _words_of_its_own(block: Tag) -> bool:
    """Whether a block shows words itself, not only in blocks inside it."""
    return any(not isinstance(t, Tag) or t.name not in LAYOUT_IN_HEADINGS
               for t in block.contents if (t.get_text() if isinstance(t, Tag) else str(t)).strip())


def blocks_in_headings_as_text(soup: BeautifulSoup, ctx: Context) -> None:
    """`<h3><li>…</li></h3>` and `<h2><ul><li>a</li><li>b</li></ul></h2>` keep their heading: the
    list (or paragraph) inside becomes the heading's text, its items one space apart. So does a heading
    inside a heading (a page builder's counter, `<h2><h3>652</h3><span>Projects</span></h2>`), which
    showed its number on a line of its own."""
    for heading in _elements(soup, *HEADINGS):
        for block in reversed([t for t in tags_in(heading) if t.name in BLOCKS_IN_HEADINGS]):
            block.insert_after(" ")
            block.unwrap()


def images_out_of_headings(soup: BeautifulSoup, ctx: Context) -> None:
    """An image in a heading would shrink to its alt text: it goes just before the heading, with the
    link around it when that link holds nothing else. A space stays in its place, as the image kept
    the words on either side apart (`pilot pinnacle<img>broke off`)."""
    for heading in _elements(soup, *HEADINGS):
        images = [t for t in tags_in(heading) if t.name == "img"]
        for image in images:
            if heading not in image.parents:
                continue  # moved out already, with the link it shares with an image before it
            link = image.find_parent("a")
            moved = link if link is not None and heading in link.parents and not link.get_text(strip=True) else image
            heading.insert_before(moved.replace_with(" "))
        if images and not heading.get_text(strip=True):
            heading.decompose()  # it held nothing but the image


def more_links_out_of_headings(soup: BeautifulSoup, ctx: Context) -> None:
    """A theme's section title ends with a "See more" link set right against the title's own element
    (Flatsome: `<h2><span>Our services</span><a href="/services/">See more</a></h2>`), which its CSS shows
    apart at the far end of the line. Left in, its words run into the title's, in the heading and in the
    table of contents: it goes after the heading, on a line of its own. A link the author wrote in a heading
    follows text and a space; scripts written without spaces (Chinese, Japanese, Thai) are left alone."""
    for heading in _elements(soup, *HEADINGS):
        shown = [c for c in heading.contents if not _shows_nothing(c)]
        if len(shown) < 2 or not isinstance(link := shown[-1], Tag) or link.name != "a":
            continue
        before = shown[-2]
        if not isinstance(before, Tag) or before.name == "a" or _space_between(before, link):
            continue
        if not (WORD_ENDS.search(before.get_text()) and WORD_STARTS.match(link.get_text().lstrip(ASCII_SPACE))):
            continue
        paragraph = soup.new_tag("p")
        paragraph.append(link.extract())
        heading.insert_after(paragraph)


def _space_between(before: Tag, link: Tag) -> bool:
    between = []
    for node in before.next_siblings:
        if node is link:
            break
        between.append(node.get_text() if isinstance(node, Tag) else str(node))
    return before.get_text()[-1:].isspace() or any(t[:1].isspace() or t[-1:].isspace() for t in between if t)


def _take_back_closed_out(heading: Tag) -> None:
    """The HTML parser closes a heading at a <p> or <li> that opens inside it, which leaves an empty
    heading right before them (nothing between, as the author wrote them inside); they go back in. A no-break
    space is never the parser's: `<h2>&nbsp;</h2><p>` is an empty heading the author wrote, before a paragraph."""
    if any(isinstance(c, Tag) or c.strip(ASCII_SPACE) for c in heading.contents):
        return
    following = heading.next_sibling
    names = ("li",) if isinstance(following, Tag) and following.name == "li" else ("p",)
    while isinstance(following, Tag) and following.name in names:
        after = following.next_sibling
        heading.append(following.extract())
        if names == ("p",):
            break
        following = after


def captions_as_paragraphs(soup: BeautifulSoup, ctx: Context) -> None:
    """Old themes write a `[caption]`'s text as a <span> right after its image, or as a definition
    list; it is a line of its own, under its image."""
    for tag in _elements(soup, "span", "div", "small", "dl", "dt", "dd"):
        classes = set(tag.get("class") or ())
        if not CAPTION_CLASSES.isdisjoint(classes):
            tag.name = "p"
        elif tag.name in ("dl", "dt") and classes & {"wp-caption", "wp-caption-dt", "gallery-item", "gallery-icon"}:
            tag.name = "div"


def more_marker_between_blocks(soup: BeautifulSoup, ctx: Context) -> None:
    """The marker stands between blocks: moved out of a link, emphasis or list to just after it, so
    it never splits inline markup; and out of a line of words to just after its paragraph (`the great
    explorer<!--more-->. Contrary…`, where the editor's cursor was): the post's own page shows the paragraph
    whole, and the mirror, which makes no teasers, would show one opening on ". Contrary"."""
    for marker in _elements(soup, MORE):
        outer: Tag = marker
        while outer.parent is not None and outer.parent.name not in SPLITTABLE:
            outer = outer.parent
        if outer is not marker:
            parent = marker.parent
            outer.insert_after(marker.extract())
            parent.smooth()  # the text either side is one text again: "read on"
        paragraph = marker.parent
        if paragraph is not None and paragraph.name == "p" and _words_on_its_line(marker):
            paragraph.insert_after(marker.extract())
            paragraph.smooth()
            continue
        for side, strip in ((marker.previous_sibling, str.rstrip), (marker.next_sibling, str.lstrip)):
            if isinstance(side, NavigableString) and not isinstance(side, Comment):
                side.replace_with(strip(str(side)))


def _words_on_its_line(marker: Tag) -> bool:
    """Whether words stand right before and right after the marker on its line, not a break or a block."""
    def shows_words(side: object) -> bool:
        if isinstance(side, Comment):
            return False
        if isinstance(side, NavigableString):
            return bool(side.strip())
        return isinstance(side, Tag) and side.name in INLINE and bool(side.get_text(strip=True))
    return shows_words(marker.previous_sibling) and shows_words(marker.next_sibling)


def styled_emphasis(soup: BeautifulSoup, ctx: Context) -> None:
    """Bold, italics or strike-through set by a style rather than a tag (`<span style="font-weight: 700">`, as text
    pasted from Google Docs or Word carries it) shows as the tag would; `<b style="font-weight: normal">` (Google
    Docs wraps a whole paste in one) shows plain, as in a browser. Headings are bold already: bold adds nothing
    there. A struck word is a correction the reader is meant to see (`<strike>old</strike> new`): it stays struck."""
    for tag in _elements(soup, *STYLABLE, *STRUCK_BLOCKS):
        if tag.name == "strike":  # HTML 4's strike-through, which TinyMCE 2 wrote (WordPress 2.x): HTML5's `<s>`
            tag.name = "s"
        style = tag.get("style") or ""
        if "font-" not in style and "decoration" not in style:
            continue
        for name, kinds, prop, on, off in STYLED:
            if tag.name in STRUCK_BLOCKS and name != "s":
                continue
            found = prop.search(style)
            value = found.group(1).lower() if found else ""
            if tag.name in kinds and value in off:
                tag.name = "span"
            elif (tag.name not in kinds and value in on and tag.get_text().strip()
                  and not (name == "strong" and tag.find_parent(HEADINGS))):
                wrapper = soup.new_tag(name)
                wrapper.extend(list(tag.contents))
                tag.append(wrapper)


def merge_split_emphasis(soup: BeautifulSoup, ctx: Context) -> None:
    """Editors split emphasis at every apostrophe (`<em>l</em><em>’</em><em>équipe</em>`); side by
    side, `*l**’**équipe*` would read as bold. Touching elements of one kind become one, also where a
    colour or size span ends one of them (`<span style="color"><strong>5.</strong></span><strong>Pray</strong>`,
    as the classic editor colours a word): the span, which Markdown does not keep, goes inside it first."""
    emphasis = list(_elements(soup, *EMPHASIS))
    for tag in emphasis[:]:
        if tag.parent is None or tag.parent.name not in _STYLE_ONLY or tag.name not in EMPHASIS:  # emptied
            continue
        if outer := _out_to_alike(tag):
            emphasis.append(outer)
        else:
            _pull_alike_in(tag)
    for tag in emphasis:  # in any order: a run's tail joined first goes whole into its head
        if tag.__dict__.get("_decomposed") or tag.name not in EMPHASIS:
            continue
        following = tag.next_sibling
        while isinstance(following, Tag) and EMPHASIS.get(following.name) == EMPHASIS[tag.name]:
            after = following.next_sibling
            tag.extend(list(following.contents))
            following.decompose()
            following = after


def _out_to_alike(tag: Tag) -> Tag | None:
    """Where `tag` is all that the spans around it hold, and emphasis of its kind touches the outermost,
    the outermost span becomes the emphasis, which is returned, and `tag` a span: the same text, styled alike,
    now beside its kind. Renamed, not moved: moving an element costs a look along all its siblings. Only spans that
    style alone (`style`, nothing else: no class a later pass looks for, no language or direction)."""
    outer, wrapper = None, tag.parent
    while (isinstance(wrapper, Tag) and wrapper.name in _STYLE_ONLY and len(wrapper.contents) == 1
           and wrapper.attrs.keys() <= {"style"}):
        outer, wrapper = wrapper, wrapper.parent
    if outer is not None and any(isinstance(side, Tag) and EMPHASIS.get(side.name) == EMPHASIS[tag.name]
                                 for side in (outer.previous_sibling, outer.next_sibling)):
        outer.name, tag.name = tag.name, "span"
        return outer
    return None


def _pull_alike_in(tag: Tag) -> None:
    """Where `tag` ends (or opens) spans that hold other words too, and emphasis of its kind touches the
    outermost from outside (`<span style>la <strong>o</strong></span><strong>posición</strong>`, part of a word
    coloured), that emphasis's content moves into `tag` and the emptied element becomes a bare span: `la
    **oposición**`, where two elements side by side were a run of four asterisks, kept as HTML. The content
    moves, not the element, whose move would cost a look along all its siblings."""
    # (the side looked at, the end of `tag` there, the end of the other element that touches it)
    for side, tag_end, alike_end in (("next_sibling", -1, 0), ("previous_sibling", 0, -1)):
        outer = tag
        while getattr(outer, side) is None and _styles_only(outer.parent):
            outer = outer.parent
        alike = getattr(outer, side)
        while _styles_only(alike) and not alike.contents:  # one emptied so before
            alike = getattr(alike, side)
        while _styles_only(alike) and alike.contents:  # its kind may open the next span too
            alike = alike.contents[alike_end]
        if outer is tag or not (isinstance(alike, Tag) and EMPHASIS.get(alike.name) == EMPHASIS[tag.name]):
            continue
        if _breaks_at(tag, tag_end) or _breaks_at(alike, alike_end):  # `**BALLINA**\` stays apart from the next line
            continue
        moved = list(alike.contents)
        if side == "next_sibling":
            tag.extend(moved)
        else:
            for i, piece in enumerate(moved):
                tag.insert(i, piece)
        alike.name, alike.attrs = "span", {}
        _join_texts(tag, len(tag.contents) - len(moved) if side == "next_sibling" else len(moved))


def _join_texts(tag: Tag, i: int) -> None:
    """The texts either side of where the content came in, as one: a space left a text of its own at the edge
    of the emphasis (`<b>&nbsp;</b>` + `West`) would be dropped with the Markdown's edge spaces."""
    if 0 < i < len(tag.contents) and all(type(tag.contents[j]) is NavigableString for j in (i - 1, i)):
        second = tag.contents[i].extract()
        tag.contents[i - 1].replace_with(NavigableString(tag.contents[i - 1] + second))


def _breaks_at(tag: Tag, edge: int) -> bool:
    """Whether what the element shows first (`edge` 0) or last (-1), inside the inline elements there, is a
    line break."""
    shown: object = tag
    while isinstance(shown, Tag) and shown.name != "br" and (shown is tag or shown.name in INLINE):
        children = shown.contents if edge == 0 else reversed(shown.contents)
        shown = next((c for c in children if not (isinstance(c, NavigableString) and not c.strip())), None)
    return isinstance(shown, Tag) and shown.name == "br"


def _styles_only(node: object) -> bool:
    return isinstance(node, Tag) and node.name in _STYLE_ONLY and node.attrs.keys() <= {"style"}


def emphasis_into_blocks(soup: BeautifulSoup, ctx: Context) -> None:
    """Bold or italics around whole blocks (`<p><strong>` before a plugin's shortcode output,
    `<b><ul>…</ul></b>`) would put one mark before the first paragraph and one after the last, which
    Markdown shows as literal asterisks. A browser shows every line inside in bold: each block's own
    text takes the emphasis instead."""
    for tag in _elements(soup, *EMPHASIS):
        if any(t.name in _HOLDS_LINES for t in tags_in(tag)):
            _emphasise_lines(soup, tag, tag.name)
            # A span with nothing to say is transparent, and renaming costs nothing, where unwrap moves each
            # child alone (in time that grows with the siblings: thousands of paragraphs took seconds).
            tag.name, tag.attrs = "span", {}


def _emphasise_lines(soup: BeautifulSoup, container: Tag, name: str) -> None:
    """Wraps each run of inline content in `container` in a `name` element, going into its blocks."""
    run: list[Tag | NavigableString] = []
    for child in [*container.contents, None]:
        if isinstance(child, Tag) and any(t.name in _HOLDS_LINES for t in [child, *tags_in(child)]):
            _wrap_run(soup, run, name)
            run = []
            if child.name != "pre":  # code keeps its own look
                _emphasise_lines(soup, child, name)
        elif child is None:
            _wrap_run(soup, run, name)
        else:
            run.append(child)


def _wrap_run(soup: BeautifulSoup, run: list[Tag | NavigableString], name: str) -> None:
    if not any(node.get_text().strip() if isinstance(node, Tag) else node.strip() for node in run):
        return
    wrapper = soup.new_tag(name)
    run[0].insert_before(wrapper)
    wrapper.extend(run)


def unwrap_repeated_emphasis(soup: BeautifulSoup, ctx: Context) -> None:
    """Bold inside bold (`<strong>sa<em><strong>ys</strong> A</em></strong>`) adds nothing, and its
    marks inside the outer ones (`**sa*ys** A***`) would close the outer run early: it is unwrapped."""
    for tag in _elements(soup, *EMPHASIS):
        if any(EMPHASIS.get(parent.name) == EMPHASIS[tag.name] for parent in tag.parents):
            tag.unwrap()


def line_breaks_out_of_inline(soup: BeautifulSoup, ctx: Context) -> None:
    """A line break at the very start or end of a link or emphasis would leave a backslash that escapes
    the closing `]` or `**`, and a no-break space there would be dropped with the other edge spaces:
    both move out, to just before or after the element. What shows nothing does not count as the edge: a
    page builder's icon link ends `Facebook<br><svg>…</svg></a>`. A break that then starts or ends a block,
    or stands before a block, breaks nothing and would show as a backslash: it goes."""
    for tag in _elements(soup, *INLINE):
        _edge_spaces_out(tag)
    for br in reversed(list(_elements(soup, "br"))):
        parent = br.parent
        while parent is not None and parent.name in INLINE:
            if _edge_child(reversed(parent.contents)) is br:
                # The new line typed after the break (`,<br />\n</span>`) goes out with it: left before
                # it, it put the break's backslash alone on a line of its own.
                blanks = [node for node in br.next_siblings
                          if type(node) is NavigableString and not node.strip() and "\n" in node]
                parent.insert_after(br.extract())
                if blanks:
                    br.insert_after(*(blank.extract() for blank in blanks))
            elif _edge_child(parent.contents) is br:
                parent.insert_before(br.extract())
                # A break the element held after it, in an element of its own (`<span><br><b><br>…`), was
                # looked at first, when this one was not yet out, so it stayed: it follows, to make a run.
                while _is_break(following := _edge_child(parent.contents)):
                    br.insert_after(following.extract())
            else:
                break
            parent = br.parent
        if _in_block(br) and _beside_block(br.next_sibling, "next_sibling"):
            br.decompose()
    # Then from the first on, so that a run of breaks opening a block goes whole, as one closing it did.
    for br in _elements(soup, "br"):
        if _in_block(br) and _beside_block(br.previous_sibling, "previous_sibling"):
            br.decompose()


def _is_break(node: object) -> bool:
    return isinstance(node, Tag) and node.name == "br"


def _in_block(br: Tag) -> bool:
    return br.parent is not None and br.parent.name not in INLINE and br.parent.name != "pre"


def _edge_child(children: Iterable[object]) -> object:
    """The first child that shows something, looked for from the end the caller gives: a list of them all,
    made for each break, took time growing with the square of an element's breaks."""
    return next((child for child in children if not _shows_nothing(child)), None)


def _shows_nothing(node: object) -> bool:
    """Blank text, or an element with no text and nothing to see in Markdown: an inline drawing
    (`<svg>`, which the Markdown leaves out), a form's field outside a form (`<label>Name:</label><br><input>`)
    or an empty icon (`<i class="fa fa-x"></i>`)."""
    if isinstance(node, Comment):
        return True
    if isinstance(node, NavigableString):
        return not node.strip()
    if not isinstance(node, Tag) or node.get_text().strip():
        return False
    # `<wbr>` only allows a break; text pasted from QQ Zone's editor wraps its lines in them.
    return node.name in ("svg", "input", "wbr") or (
        node.name in INLINE and all(_shows_nothing(c) for c in node.contents))


def _beside_block(node: object, direction: str) -> bool:
    """Whether, past what shows nothing (blank text, an empty span a pasted style left), the next sibling that
    way is a block or nothing at all."""
    while node is not None and _shows_nothing(node):
        node = getattr(node, direction)
    return node is None or (isinstance(node, Tag) and node.name in BLOCK_NAMES)


def _edge_spaces_out(tag: Tag) -> None:
    """markdownify strips every kind of space at an element's edges but puts back only a plain one. A text of
    such spaces alone goes out too where it is not all the element holds (`<em><b>Summit</b>&nbsp;</em>`)."""
    first, last = _edge_text(tag, 0), _edge_text(tag, -1)
    if (first is not None and first[:1].isspace() and first[0] not in ASCII_SPACE
            and (first.strip() or first is not last)):
        tag.insert_before(first[:len(first) - len(first.lstrip())])
        first = first.replace_with(first.lstrip())
        last = _edge_text(tag, -1)
    if (last is not None and last[-1:].isspace() and last[-1] not in ASCII_SPACE
            and (last.strip() or last is not first)):
        tag.insert_after(last[len(last.rstrip()):])
        last.replace_with(last.rstrip())


def _edge_text(tag: Tag, end: int) -> NavigableString | None:
    """The text at the very start (0) or end (-1) of an element, if text is what is there."""
    node: object = tag
    while isinstance(node, Tag) and node.name != "code" and node.contents:
        node = node.contents[end]
    return node if isinstance(node, NavigableString) and not isinstance(node, Comment) else None


def drop_inpage_toc(soup: BeautifulSoup, ctx: Context) -> None:
    """A table of contents by any plugin, known by what it is: a block of in-page links, with little
    other text, to the headings that follow it, or to ids no element has (a script adds them on the
    original site). The build makes its own table of contents."""
    tags = tags_in(soup)
    in_page = [t for t in tags if t.name == "a" and str(t.get("href", "")).startswith("#")]
    if len(in_page) < 2:  # most posts: nothing to look at
        return
    position = {id(t): i for i, t in enumerate(tags)}
    # A link's address and the id it leads to compared as the browser does, percent-escapes read (a contents box's
    # `#%E0%A7%A7_…` leads to the Bengali heading `id="১_…"`, and a copy's reader may escape what the page did not).
    ids = {unquote(str(t.get("id"))) for t in tags if t.get("id")} | {
        unquote(str(t.get("name"))) for t in tags if t.name == "a" and t.get("name")}
    headings = [t for t in tags if t.name in HEADINGS]
    holders = {id(parent) for link in in_page for parent in link.parents}
    for block in (t for t in tags if id(t) in holders and t.name in TOC_BLOCKS):
        if block.__dict__.get("_decomposed"):
            continue
        links = [a for a in block.find_all("a", href=True) if not _is_toggle(a["href"])]
        internal = [unquote(a["href"][1:]) for a in links if a["href"].startswith("#") and len(a["href"]) > 1]
        if (len(internal) < 2 or len(internal) < 0.9 * len(links) or not _mostly_links(block, links)
                or _pictured(links)):
            continue
        later = [h for h in headings if position[id(h)] > position[id(block)]]
        later_ids = {unquote(str(h.get("id"))) for h in later if h.get("id")}
        later_texts = {_words(h.get_text(" ")) for h in later}
        to_headings = sum(target in later_ids for target in internal)
        missing = sum(target not in ids for target in internal)
        named_like_headings = sum(_words(NUMBERING.sub("", a.get_text(" "))) in later_texts for a in links)
        if 2 * to_headings >= len(internal) or (2 * missing >= len(internal) and 2 * named_like_headings >= len(links)):
            ctx.losses.note(loss.PLUGIN_TOC, " ".join(block.get("class") or ()) or block.name)
            title = _index_title(block)
            block.decompose()
            if title is not None:
                title.decompose()


def _index_title(block: Tag) -> Tag | None:
    """The heading right above a table of contents, where the next heading follows right under it at its level or
    a higher one: the heading titled nothing but the table ("Contents"; an FAQ's "Registration" over the questions it
    answers further down, which stood empty once they went)."""
    above, below = block.find_previous_sibling(True), block.find_next_sibling(True)
    if above is None or below is None or above.name not in HEADINGS or below.name not in HEADINGS:
        return None
    return above if below.name <= above.name else None


def _is_toggle(href: str) -> bool:
    """A link that only runs the page's script (`[<a href="javascript:void(0)">CLOSE</a>]`, `#`): a
    contents box's show/hide switch, not one of its entries; or Elementor's button that opens a popup
    (`#elementor-action%3Aaction%3Dpopup…`), whose label is often the title beside it."""
    href = href.strip().lower()
    return href.startswith(("javascript:", "#elementor-action")) or href == "#"


def _pictured(links: list[Tag]) -> bool:
    """Most links show a picture: a grid of photo cards that lead to the page's sections (a travel page's days)
    is what its readers look at, where a table of contents is words only."""
    return 2 * sum(a.find("img") is not None for a in links) >= len(links)


def _mostly_links(block: Tag, links: list[Tag]) -> bool:
    """Its text is its links' text, give or take a title such as "Table of Contents"."""
    linked = sum(len(a.get_text(strip=True)) for a in links)
    other = len(block.get_text(strip=True)) - linked
    return other <= max(40, linked // 4)


def _words(text: str) -> str:
    return WHITESPACE.sub(" ", text).strip().casefold()


def _elements(soup: BeautifulSoup, *names: str) -> Iterator[Tag]:
    snapshot = [t for t in tags_in(soup) if t.name in names]
    return (t for t in snapshot if not t.__dict__.get("_decomposed"))


def even_table_rows(soup: BeautifulSoup, ctx: Context) -> None:
    """A pipe table has one width, its first row's: Markdown drops the cells a row holds beyond it. A table whose
    rows differ in width (a layout table's one-cell spacer row over rows of three) gets empty cells at the end of
    its short rows, where a browser leaves the space empty. A table with row spans stays HTML, and as it is."""
    for table in [t for t in tags_in(soup) if t.name == "table"]:
        rows = [row for row in table.find_all("tr") if row.find_parent("table") is table]
        cells = [cells_of(row) for row in rows]
        if any(cell.get("rowspan") is not None for row in cells for cell in row):
            continue
        widths = [sum(_span(cell) for cell in row) for row in cells]
        widest = max(widths, default=0)
        for row, width in zip(rows, widths):
            for _ in range(widest - width):
                row.append(soup.new_tag("td"))


def _span(cell: Tag) -> int:
    span = str(cell.get("colspan") or "1")
    return max(1, min(1000, int(span))) if span.isdigit() else 1
