"""Footnotes, from WordPress's footnotes block or the usual sup-link markup, as Markdown footnotes.

A reference is a <sup> whose only link points at a list item in the same post; the item becomes
the footnote's text, without its back-links. Numbers follow the order of the references. Word's
footnotes, pasted in, are first given that shape.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, PageElement, Tag

from generator.convert.context import Context
from generator.convert.parse import may_contain, may_hold, tags_in
from generator.convert.structure import BLOCK_NAMES

FOOTNOTE_REF = "nm-fnref"
FOOTNOTE_DEF = "nm-fndef"
# Word's anchors: `#_ftn1` leads to footnote 1 (`_edn1`, endnote 1), `#_ftnref1` back to its reference.
WORD_NOTE = re.compile(r"#_(ftn|edn)(ref)?(\d+)$")
# The note's own anchor, `<a name="_ftn1">[1]</a>`, stands for its back-link when Word or the editor dropped its href.
WORD_NOTE_ANCHOR = re.compile(r"_(ftn|edn)(\d*)")
# Any of Word's anchors a link leads to, with the numbering other editors give them too (`#_ftn0_1`, `#_ftnref0_1`).
WORD_FRAGMENT = re.compile(r"#_(ftn|edn)(ref)?(\d+(?:_\d+)*)$")
NOTE_LABEL = re.compile(r"\[?(\d+)\]?")  # the number a note shows, `[20]`
NOTE_NUMBER = re.compile(r"[\[(]?([1-9][0-9]{0,5})[\])]?")  # the number a reference shows: `8`, `[8]`, `(8)`
NOTE_BLOCKS = ("p", "div", "li")
SHORTCODE_NOTE = "nm-shortcode-note"  # a footnote shortcode's words where it stood (shortcode_news.py)
MODERN_NOTE, MODERN_NUMBER = "modern-footnotes-footnote__note", "modern-footnotes-footnote"
EASY_REFERENCE = "easy-footnote"
NOTE_CLASSES = frozenset({SHORTCODE_NOTE, MODERN_NOTE, EASY_REFERENCE})


def word_footnotes(soup: BeautifulSoup, ctx: Context) -> None:
    """Word's footnotes, pasted into the editor: `<a href="…#_ftn1">[1]</a>` in the text, and a paragraph
    opening with `<a href="…#_ftnref1">[1]</a>` at the end. What stands before the `#` is wherever the text
    was pasted from (Blogger's editor, `file:///C:/…`), so the links lead nowhere. A note with both ends
    becomes a <sup> link to a list item, which mark_footnotes makes a Markdown footnote."""
    references: dict[str, Tag] = {}
    notes: dict[str, Tag] = {}
    for link in (t for t in tags_in(soup) if t.name == "a"):
        found = WORD_NOTE.search(link.get("href") or "")
        if found and not found[2]:
            references.setdefault(f"_{found[1]}{found[3]}", link)
        elif (ident := _note_end(link)) is not None:
            notes.setdefault(ident, link)
    for block in {id(b): b for b in (link.find_parent(NOTE_BLOCKS) for link in notes.values()) if b}.values():
        _split_at_notes(soup, block)
    paired = [ident for ident in references if ident in notes and _note_block(notes[ident]) is not None]
    if not paired:
        return
    listed = soup.new_tag("ol")
    for ident in paired:
        _as_reference(soup, references[ident], ident)
        listed.append(_as_item(soup, notes[ident], ident))
    soup.append(listed)


def _as_reference(soup: BeautifulSoup, link: Tag, ident: str) -> None:
    link["href"] = f"#{ident}"
    if link.parent is None or link.parent.name != "sup":
        link.wrap(soup.new_tag("sup"))


def _note_end(link: Tag) -> str | None:
    """The note a link opens, by its back-link (`#_ftnref1`) or, lacking one, its own anchor (`_ftn1`)."""
    found = WORD_NOTE.search(link.get("href") or "")
    if found:
        return f"_{found[1]}{found[3]}" if found[2] else None
    named = WORD_NOTE_ANCHOR.fullmatch(link.get("name") or "")
    if named is None:
        return None
    # An anchor that lost its number (`<a name="_ftn">[20]</a>`, between _ftn19 and _ftn21) is the note it shows.
    number = named[2] or (label[1] if (label := NOTE_LABEL.fullmatch(link.get_text(strip=True))) else "")
    return f"_{named[1]}{number}" if number else None


def _note_block(back: Tag) -> Tag | None:
    """The block that holds the note: the paragraph around its back-link, when no other note shares it."""
    block = back.find_parent(NOTE_BLOCKS) or _loose_line(back)
    if block is None:
        return None
    backs = [a for a in block.find_all("a") if _note_end(a) is not None]
    return block if len(backs) == 1 else None


def _split_at_notes(soup: BeautifulSoup, block: Tag) -> None:
    """Notes run into one paragraph (`<p><a href="#_ftnref1">[1]</a> One.<br><a href="#_ftnref2">[2]</a>
    Two.</p>`, Word's lines joined) become a paragraph each, when the paragraph opens with the first and every
    note in it starts among its own lines: each can then be a footnote of its own. Blocks after the last
    note's text (the paragraphs of further notes that a list item swallowed) go on after it, as they were."""
    starts = [child for child in block.contents if isinstance(child, Tag) and child.name == "a"
              and _note_end(child) is not None]
    own = [a for a in block.find_all("a") if _note_end(a) is not None and a.find_parent(NOTE_BLOCKS) is block]
    if len(starts) < 2 or len(starts) != len(own):
        return
    if any(not _blank(node) for node in block.contents[:block.contents.index(starts[0])]):
        return
    after = next((c for c in starts[-1].next_siblings if isinstance(c, Tag) and c.name in BLOCK_NAMES), None)
    if after is not None:
        rest = soup.new_tag(block.name)
        block.insert_after(rest)
        rest.extend([after, *after.next_siblings])
    for start in reversed(starts[1:]):
        part = soup.new_tag(block.name)
        following = list(start.next_siblings)
        block.insert_after(part)
        part.append(start.extract())
        part.extend(following)
        while block.contents and _blank(block.contents[-1]):
            block.contents[-1].extract()


def _blank(node: PageElement) -> bool:
    return (isinstance(node, str) and not node.strip()) or (isinstance(node, Tag) and node.name == "br")


def _loose_line(back: Tag) -> Tag | None:
    """wpautop leaves a line that opens with an <hr> outside any paragraph (`<hr /><a name="_ftn1">[1]</a>
    Note.</p>`, as WordPress does): the note's block is then the run of text around its anchor, made one."""
    document = back.parent
    if not isinstance(document, BeautifulSoup):
        return None
    run = [back]
    while not _ends_line(run[0].previous_sibling):
        run.insert(0, run[0].previous_sibling)
    while not _ends_line(run[-1].next_sibling):
        run.append(run[-1].next_sibling)
    block = document.new_tag("p")
    run[0].insert_before(block)
    block.extend(run)
    return block


def _ends_line(node: PageElement | None) -> bool:
    return node is None or (isinstance(node, Tag) and node.name in BLOCK_NAMES)


def _as_item(soup: BeautifulSoup, back: Tag, ident: str) -> Tag:
    """The note's block, as a list item without its back-link."""
    block = _note_block(back)
    back.decompose()
    item = soup.new_tag("li", attrs={"id": ident})
    item.extend(list(block.contents))
    block.decompose()
    return item


def word_note_anchors(soup: BeautifulSoup, ctx: Context) -> None:
    """Word's notes pasted without their anchors, which word_footnotes does not make footnotes of: numbered as another
    editor numbers them (`<a href="#_ftn0_1">(1)</a>` in the text, `<a href="#_ftnref0_1">(1)</a>` opening the note,
    and no `_ftn0_1` or `_ftnref0_1` anywhere: 174 links in 2 posts of a Bengali blog), or a note running on over
    paragraphs that one footnote would cut. The links became text, as leading nowhere; now each end is the anchor the
    other leads to, so both land, and the notes stay where the author put them. A link whose other end the post
    lacks still goes nowhere."""
    if not may_contain(soup, "_ftn") and not may_contain(soup, "_edn"):
        return
    tags = tags_in(soup)
    ids = {t.get("id") for t in tags} | {t.get("name") for t in tags if t.name == "a"}
    leading_to: dict[tuple[str, bool, str], Tag] = {}  # by the anchor it leads to (note or back), the first link to it
    for link in (t for t in tags if t.name == "a"):
        if (found := WORD_FRAGMENT.search(str(link.get("href") or ""))) is not None:
            leading_to.setdefault((found[1], bool(found[2]), found[3]), link)
    for kind, back, number in leading_to:
        target = f"_{kind}{'ref' if back else ''}{number}"
        other_end = leading_to.get((kind, not back, number))  # the link standing where `target` is
        if target in ids or other_end is None or other_end.get("id") or other_end.get("name"):
            continue
        other_end["id"] = target
        ids.add(target)


def notes_in_the_text(soup: BeautifulSoup, ctx: Context) -> None:
    """Footnotes whose words stand where they are referenced: a footnote plugin's shortcode (shortcode_news.py)
    and Modern Footnotes' note, a `<span>` after its number that the plugin's script shows on a click, and that ran
    into the sentence ("voted.1Two were absent."). The plugins numbered them and listed them under the post; each
    becomes a reference to an item of such a list, which mark_footnotes makes a Markdown footnote. Easy Footnotes'
    reference is a link around its number, to a mark inside the list's item: it is given that shape too."""
    if not may_hold(soup, NOTE_CLASSES):
        return
    _easy_footnotes(soup)
    listed = soup.new_tag("ol")
    for number, note in enumerate((t for t in tags_in(soup) if _in_the_text(t)), 1):
        item = soup.new_tag("li", id=f"{SHORTCODE_NOTE}-{number}")
        item.extend(list(note.contents))
        listed.append(item)
        note.name, note.attrs = "sup", {}
        note.append(soup.new_tag("a", href=f"#{SHORTCODE_NOTE}-{number}"))
        note.a.string = str(number)
    if listed.contents:
        soup.append(listed)


def _in_the_text(tag: Tag) -> bool:
    """Whether a tag holds a note's words where it is referenced; Modern Footnotes' number before it goes."""
    classes = tag.get("class") or ()
    if SHORTCODE_NOTE in classes:
        return True
    if MODERN_NOTE not in classes:
        return False
    number = tag.find_previous_sibling()
    if number is not None and number.name == "sup" and MODERN_NUMBER in (number.get("class") or ()):
        number.decompose()
    return True


def _easy_footnotes(soup: BeautifulSoup) -> None:
    """Easy Footnotes' `<span class="easy-footnote"><a href="#easy-footnote-bottom-1-55"><sup>1</sup></a></span>`
    becomes a `<sup>` link, and the item holding the mark it leads to takes the mark's id."""
    tags = tags_in(soup)
    marks = {str(t["id"]): t for t in tags if t.get("id")}
    for reference in [t for t in tags if EASY_REFERENCE in (t.get("class") or ())]:
        link = reference.find("a", href=True)
        mark = marks.get(str(link["href"])[1:]) if link is not None and str(link["href"]).startswith("#") else None
        item = mark.find_parent("li") if mark is not None else None
        if item is None or item.get("id"):
            continue
        item["id"] = mark["id"]
        mark.decompose()
        sup = soup.new_tag("sup")
        sup.append(soup.new_tag("a", href=link["href"]))
        sup.a.string = link.get_text(strip=True)
        reference.replace_with(sup)


def mark_footnotes(soup: BeautifulSoup, ctx: Context) -> None:
    """Each note is labelled with the number its references show, where each shows one number of its own (an
    excerpt's notes that begin at 8, which the renderer shows so); else the notes are numbered in order."""
    tags = tags_in(soup)
    items = {t["id"]: t for t in tags if t.name == "li" and t.get("id") and t.find_parent(["ol", "ul"])}
    references: list[tuple[Tag, str]] = []
    for sup in (t for t in tags if t.name == "sup"):
        links = sup.find_all("a", href=True)
        if len(links) != 1 or links[0]["href"][1:] not in items or not links[0]["href"].startswith("#"):
            continue
        references.append((sup, links[0]["href"][1:]))
    shown = _numbers_shown(references)
    numbers: dict[str, int] = {}
    for sup, ident in references:
        number = numbers.setdefault(ident, shown[ident] if shown else len(numbers) + 1)
        sup.replace_with(soup.new_tag(FOOTNOTE_REF, attrs={"n": str(number)}))
    definitions = [_definition(soup, items[ident], number) for ident, number in numbers.items()]
    soup.extend(definitions)


def _numbers_shown(references: list[tuple[Tag, str]]) -> dict[str, int] | None:
    """The number each note's references show (`8`, `[8]`), or None where one shows no number, a note's
    references show two, or two notes one."""
    shown: dict[str, int] = {}
    for sup, ident in references:
        found = NOTE_NUMBER.fullmatch(sup.get_text(strip=True))
        if found is None or shown.setdefault(ident, int(found[1])) != int(found[1]):
            return None
    return shown if len(set(shown.values())) == len(shown) else None


def _definition(soup: BeautifulSoup, item: Tag, number: int) -> Tag:
    for back in item.find_all("a", href=True):
        if back["href"].startswith("#") and not back.get_text(strip=True).isalnum():
            back.decompose()  # ↩ back-links point at the reference, which the renderer links anew
    definition = soup.new_tag(FOOTNOTE_DEF, attrs={"n": str(number)})
    definition.extend(list(item.contents))
    parent = item.parent
    item.decompose()
    if isinstance(parent, Tag) and parent.name in ("ol", "ul") and not parent.find("li"):
        parent.decompose()
    return definition
