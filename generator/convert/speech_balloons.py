"""Speech balloons of Cocoon, a free Japanese theme many blogs in Japan are built on (`<div class="speech-wrap …">`,
its block `cocoon-blocks/balloon-ex-box`): a speaker's small round face and name beside a bubble of what they say.
The mirror showed the face as a picture of its own above every line said, the name below it, and the words as a
paragraph like any other, no longer set apart as said. A balloon becomes a quote of its words, opened by the
speaker's name in bold where the theme names one (its name, else its face's alternative text); the face, the
theme's decoration of every line, goes."""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

BALLOON_CLASSES = frozenset({"speech-wrap"})
PERSON = frozenset({"speech-person"})
NAME = frozenset({"speech-name"})
BUBBLE = frozenset({"speech-balloon"})
BLOCKS = frozenset({"p", "div", "ul", "ol", "blockquote", "pre", "table", "figure", "h1", "h2", "h3", "h4", "h5", "h6"})


def balloons_as_quotes(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, BALLOON_CLASSES):
        return
    for wrap in elements(soup, "div"):
        if not has_class(wrap, BALLOON_CLASSES) or wrap.parent is None:
            continue
        bubble = _child(wrap, BUBBLE)
        if bubble is None:
            continue  # another theme's `speech-wrap`, without Cocoon's bubble: left as it is
        person = _child(wrap, PERSON)
        name = _speaker(person) if person is not None else ""
        quote = soup.new_tag("blockquote")
        for node in list(bubble.contents):
            quote.append(node.extract())
        if name:
            _open_with_name(soup, quote, name)
        wrap.replace_with(quote)


def _child(wrap: Tag, classes: frozenset[str]) -> Tag | None:
    return next((tag for tag in wrap.find_all(True, recursive=False) if has_class(tag, classes)), None)


def _speaker(person: Tag) -> str:
    """The name the theme shows under the face, else the face's alternative text."""
    name = next((tag for tag in person.find_all(True) if has_class(tag, NAME)), None)
    text = " ".join(name.get_text(" ").split()) if name is not None else ""
    if text:
        return text
    face = person.find("img")
    return " ".join(str(face.get("alt") or "").split()) if face is not None else ""


def _open_with_name(soup: BeautifulSoup, quote: Tag, name: str) -> None:
    """`**Name:**` before the first words said, in their paragraph where they open with one."""
    label = soup.new_tag("strong")
    label.string = f"{name}:"
    first = next((node for node in quote.contents if not (isinstance(node, str) and not node.strip())), None)
    if isinstance(first, Tag) and first.name == "p":
        first.insert(0, " ")
        first.insert(0, label)
    elif isinstance(first, Tag) and first.name in BLOCKS:
        paragraph = soup.new_tag("p")
        paragraph.append(label)
        first.insert_before(paragraph)
    else:  # words straight in the bubble
        quote.insert(0, " ")
        quote.insert(0, label)
