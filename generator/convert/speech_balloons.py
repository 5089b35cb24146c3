"""Speech balloons of Japanese themes: a speaker's small round face and name beside a bubble of what they say.
Cocoon (`<div class="speech-wrap …">`, its block `cocoon-blocks/balloon-ex-box`), SWELL (`c-balloon`), SANGO's
`[say]` (`<div class="say left">`), JIN's `[chat]` (`balloon-box`) and AFFINGER's conversations (`st-kaiwa-box`)
each print one, in markup of their own, as does the plugin WP Bubble Chat (`[chat icon=… name=…]`: `wpbc-outer`).
The mirror showed the face as a picture of its own above every line said, the name below it, and the words as a
paragraph like any other, no longer set apart as said. A balloon becomes a quote of its words, opened by the
speaker's name in bold where the theme names one (its name, else its face's alternative text); the face, and the
shapes that draw the bubble's tail, the theme's decoration of every line, go.
A box of one of these classes without its theme's bubble in it is a site's own, and stays as it is."""

from __future__ import annotations

from dataclasses import dataclass
from html import escape

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, has_class, may_hold

BLOCKS = frozenset({"p", "div", "ul", "ol", "blockquote", "pre", "table", "figure", "h1", "h2", "h3", "h4", "h5", "h6"})


@dataclass(frozen=True)
class Balloon:
    """One theme's markup: the balloon's box, the boxes down to its words (each inside the one before), the box
    of the face, the speaker's name (none: the face's box holds the name as its only words), and the bubble's
    drawn parts."""

    box: frozenset[str]
    bubble: tuple[frozenset[str], ...]
    person: frozenset[str]
    name: frozenset[str] = frozenset()
    drawing: frozenset[str] = frozenset()


THEMES = (
    Balloon(frozenset({"speech-wrap"}), (frozenset({"speech-balloon"}),), frozenset({"speech-person"}),
            frozenset({"speech-name"})),
    Balloon(frozenset({"c-balloon"}), (frozenset({"c-balloon__body"}), frozenset({"c-balloon__text"})),
            frozenset({"c-balloon__icon"}), frozenset({"c-balloon__iconName"}), frozenset({"c-balloon__shapes"})),
    Balloon(frozenset({"say"}), (frozenset({"chatting"}), frozenset({"sc"})), frozenset({"faceicon"})),
    Balloon(frozenset({"balloon-box"}), (frozenset({"balloon-serif"}), frozenset({"balloon-content"})),
            frozenset({"balloon-icon"}), frozenset({"icon-name"})),
    Balloon(frozenset({"st-kaiwa-box"}), (frozenset({"st-kaiwa-hukidashi", "st-kaiwa-hukidashi2"}),),
            frozenset({"st-kaiwa-face", "st-kaiwa-face2"}), frozenset({"st-kaiwa-face-name", "st-kaiwa-face-name2"})),
    Balloon(frozenset({"wpbc-outer"}), (frozenset({"wpbc-avatar-text"}), frozenset({"wpbc-avatar-text-inner"})),
            frozenset({"wpbc-avatar"}), frozenset({"wpbc-avatar-name"})),
)
BALLOON_CLASSES = frozenset().union(*(theme.box for theme in THEMES))


def balloons_as_quotes(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_hold(soup, BALLOON_CLASSES):
        return
    for wrap in list(elements(soup, "div")):
        if wrap.parent is None or not has_class(wrap, BALLOON_CLASSES):
            continue
        theme = next((theme for theme in THEMES if has_class(wrap, theme.box)), THEMES[0])
        bubble = _bubble(wrap, theme)
        if bubble is None:
            continue  # a box of that name without the theme's bubble: left as it is
        name = _speaker(wrap, bubble, theme)
        for drawn in [tag for tag in bubble.find_all(True) if has_class(tag, theme.drawing)]:
            drawn.decompose()
        quote = soup.new_tag("blockquote")
        for node in list(bubble.contents):
            quote.append(node.extract())
        if name:
            _open_with_name(soup, quote, name)
        wrap.replace_with(quote)


def _bubble(wrap: Tag, theme: Balloon) -> Tag | None:
    """The innermost box of the words, found down the theme's boxes."""
    found = wrap
    for classes in theme.bubble:
        inner = next((tag for tag in found.find_all(True) if has_class(tag, classes)), None)
        if inner is None:
            return None
        found = inner
    return found


def _speaker(wrap: Tag, bubble: Tag, theme: Balloon) -> str:
    """The name the theme shows by the face, else the face's alternative text."""
    outside = [tag for tag in wrap.find_all(True) if not any(box is bubble for box in (tag, *tag.parents))]
    person = next((tag for tag in outside if has_class(tag, theme.person)), None)
    if theme.name:
        name = next((tag for tag in outside if has_class(tag, theme.name)), None)
    else:
        name = person
    text = " ".join(name.get_text(" ").split()) if name is not None else ""
    if text:
        return text
    face = person.find("img") if person is not None else None
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


def sango_say(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """SANGO's `[say name="…" img="…"]what they say[/say]` left unrendered (an export's post, the theme off): the
    balloon the theme rendered from it, which balloons_as_quotes reads as every theme's. A `[say]` naming no speaker
    or saying nothing is another's, and left to the other shortcodes' rules."""
    name = named.get("name", "").strip()
    if not inner.strip() or not (name or named.get("img", "").strip()):
        return None
    face = f'<img src="{escape(named["img"].strip())}" alt="">' if named.get("img", "").strip() else ""
    return (f'<div class="say left"><p class="faceicon">{face}<span>{escape(name)}</span></p>'
            f'<div class="chatting"><div class="sc">{inner}</div></div></div>')


def chat_balloon(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str | None:
    """A `[chat]` left unrendered around what someone says: JIN's (`[chat face="man1" name="…"]`, its `face` left
    out for the theme's default) or WP Bubble Chat's (`[chat icon="12" name="…" pos="l"]`, its face a post of the
    plugin's own): the balloon JIN renders, which balloons_as_quotes reads as every theme's. A `[chat]` naming
    neither a speaker nor a face, or around no words, is a live-chat plugin's (`[chat id=3]`), and left to the
    other shortcodes' rules."""
    if not inner.strip() or not any(named.get(key, "").strip() for key in ("face", "name", "icon")):
        return None
    return (f'<div class="balloon-box"><div class="balloon-icon"></div><div class="icon-name">'
            f'{escape(named.get("name", "").strip())}</div><div class="balloon-serif"><div class="balloon-content">'
            f'{inner}</div></div></div>')
