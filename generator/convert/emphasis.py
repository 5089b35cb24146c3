"""Bold, italics and strike-through as Markdown marks where Markdown will read them, else as HTML.

CommonMark opens `*` only where the mark is not followed by punctuation, or is preceded by a space or
punctuation; it closes likewise, mirrored. So `文件**～/.screenrc**。` or `a*"quote"*b` stay literal
asterisks, which Chinese and Japanese text (no spaces between words) meets all the time. Such a run is
written as `<strong>`, `<em>` or `<del>`, which both renderers read (and the sanitizer keeps).

"Punctuation" differs between CommonMark versions and engines (0.31 adds symbols, such as `～`), so the
test leans to HTML: inside the marks anything but a letter, digit or mark counts as punctuation; outside,
only what every engine counts does (ASCII punctuation and Unicode's P categories).

The most common such run is a speaker's name or a lead-in closed by full-width punctuation before the
next word (`<strong>李宝亮：</strong>技术…`, `<b>【速報】</b>東京`): there the punctuation at the run's
edge goes outside its marks (`**李宝亮**：技术…`), which Markdown reads, and the Markdown reads clean where
`<strong>` stood in it; the punctuation, a mark no reader sees as bold or not, is shown as it was. ASCII
punctuation stays inside, as it may be Markdown's own (a link's `)`, an escape's backslash).
"""

from __future__ import annotations

import string
import unicodedata

from bs4 import NavigableString, Tag

from generator.convert.structure import EMPHASIS

_ASCII_PUNCTUATION = frozenset(string.punctuation)


def marked(text: str, mark: str, tag: str, el: Tag, blocks: frozenset[str], spaced: tuple[bool, bool]) -> str:
    """`text` (converted, its outer spaces taken off: `spaced` says on which side there was one) inside
    `mark`s if Markdown will read them as such, else inside `<tag>`. `blocks` are the elements that start a
    line, beyond which nothing touches a mark."""
    if mark[0] == "~" and "~" in (text[0], text[-1]):  # an unescaped "~" would join the marks' run
        return f"<{tag}>{text}</{tag}>"
    if not spaced[1] and _touches_alike(el, mark, blocks):
        return f"<{tag}>{text}</{tag}>"
    # Asterisks just inside are a nested <em> or <strong>, whose marks join this one's into one run (a literal
    # one is escaped).
    inner = (text.strip("*") or text) if mark[0] == "*" else text
    if _is_word(inner[0]) and _is_word(inner[-1]):  # the common case: no neighbour needs looking at
        return f"{mark}{text}{mark}"
    opens = _is_word(inner[0]) or spaced[0] or _lets_open(_neighbour(el, "previous", blocks, -1))
    closes = _is_word(inner[-1]) or spaced[1] or _lets_open(_neighbour(el, "next", blocks, 0))
    if opens and closes:
        return f"{mark}{text}{mark}"
    head, core, tail = _wide_punctuation_apart(text) if mark[0] == "*" and inner == text else ("", text, "")
    if core and (opens or head) and (closes or tail) and _is_word(core[0]) and _is_word(core[-1]):
        return f"{head}{mark}{core}{mark}{tail}"
    return f"<{tag}>{text}</{tag}>"


def _wide_punctuation_apart(text: str) -> tuple[str, str, str]:
    """The punctuation other than ASCII's opening and closing `text`, and what is between. A bracket or quote goes
    out only with its pair (`「…」`): one closing what opened inside (`Marketo（旧称：Marketo）`) stays, as marks
    between a pair's halves read as a slip."""
    start = 0
    while start < len(text) and _is_wide_punctuation(text[start]):
        start += 1
    end = len(text)
    while end > start and _is_wide_punctuation(text[end - 1]):
        end -= 1
    head, tail = text[:start], text[end:]
    paired = any(_opens(c) for c in head) and any(_closes(c) for c in tail)
    if not paired:
        start = next((i for i, c in enumerate(head) if _opens(c)), start)
        end = next((end + i + 1 for i in range(len(tail) - 1, -1, -1) if _closes(tail[i])), end)
    return text[:start], text[start:end], text[end:]


def _opens(char: str) -> bool:
    return unicodedata.category(char) in ("Ps", "Pi")


def _closes(char: str) -> bool:
    return unicodedata.category(char) in ("Pe", "Pf")


def _is_wide_punctuation(char: str) -> bool:
    return not char.isascii() and unicodedata.category(char)[0] == "P"


def _touches_alike(el: Tag, mark: str, blocks: frozenset[str]) -> bool:
    """Whether the text just after `el` opens another element written with the same mark, in another
    parent so that no cleanup merged the two (`<span><b>la o</b></span><b>posición</b>`): `**la o****posición**`
    is one run of four asterisks, which closes nothing."""
    text = _next_text(el, blocks)
    if text is None or text[0].isspace():  # a space first is written before the other's marks: apart
        return False
    ancestors = {id(parent) for parent in el.parents}
    opened = []  # the other text's elements that open after `el`, innermost first
    for parent in text.parents:
        if id(parent) in ancestors:
            break
        opened.append(parent)
    # A link's `[` comes before what opens inside it, so only the marks opened outside any link touch.
    links = [i for i, parent in enumerate(opened) if _is_link(parent)]
    return any(EMPHASIS.get(parent.name) == mark for parent in opened[links[-1] + 1 if links else 0:])


def _is_link(node: Tag | NavigableString) -> bool:
    """An element written as `[text](href)`, whose brackets part marks inside it from marks outside."""
    return isinstance(node, Tag) and node.name == "a" and bool(node.get("href"))


def _next_text(el: Tag, blocks: frozenset[str]) -> NavigableString | None:
    """The first text after `el` on its line, if any."""
    node: Tag | NavigableString | None = el
    while node is not None and node.name not in blocks:
        if _is_link(node):  # its `](href)` comes between
            return None
        for sibling in node.next_siblings:
            if isinstance(sibling, Tag) and sibling.name in blocks | {"br"}:
                return None
            text = sibling if isinstance(sibling, NavigableString) else next((s for s in sibling.strings if s), None)
            if text:
                return text
        node = node.parent
    return None


def _is_word(char: str) -> bool:
    return char.isalnum() or unicodedata.category(char)[0] == "M"


def _lets_open(char: str) -> bool:
    """Whether a mark beside punctuation still counts as opening (or closing) with `char` on its other side:
    "" is the start or end of a line."""
    return not char or char.isspace() or char in _ASCII_PUNCTUATION or unicodedata.category(char)[0] == "P"


def _neighbour(el: Tag, side: str, blocks: frozenset[str], end: int) -> str:
    """The character just before (`end` -1, side "previous") or after (0, "next") `el` on its line, as the
    source text has it; "" at the start or end of a line."""
    node: Tag | NavigableString | None = el
    while node is not None:
        sibling = getattr(node, f"{side}_sibling")
        while sibling is not None:
            if isinstance(sibling, Tag) and sibling.name in blocks:
                return ""
            if isinstance(sibling, Tag) and sibling.name == "br":
                return "\n"
            if _is_link(sibling):  # written `[…](…)`: its `)` comes before, its `[` after
                return ")" if side == "previous" else "["
            text = str(sibling) if isinstance(sibling, NavigableString) else sibling.get_text()
            if text:
                return text[end]
            sibling = getattr(sibling, f"{side}_sibling")
        node = node.parent
        if node is None or node.name in blocks:
            return ""
        if _is_link(node):  # the edge of a link's text, at its `[` or `]`
            return "[" if side == "previous" else "]"
    return ""
