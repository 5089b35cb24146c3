"""Markup nested too deep, flattened to its text before the sanitizer parses it.

An HTML parser checks what is open around each new element, so markup nested N levels deep costs it
time that grows with N squared: 100,000 nested divs keep the sanitizer busy for most of a minute. This
counts the depth the way HTML's tree construction would, cheaply and without building a tree, and past
`MAX_DEPTH` keeps only the text.
"""

from __future__ import annotations

import re

MAX_DEPTH = 100  # as the importer's flatten_deep_nesting
TAG = re.compile(r"<(/?)([A-Za-z][^\s/>]*)[^>]*>")
# What limit_nesting knows of how HTML parsers close elements (the HTML standard's tree construction).
# Where it is unsure it keeps an element open: counting too deep only flattens sooner; counting too
# shallow would let the sanitizer's parser see more depth than MAX_DEPTH.
VOID = frozenset({"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track",
                  "wbr", "param", "keygen", "basefont", "bgsound", "frame"})
SPECIAL = frozenset({
    "address", "applet", "area", "article", "aside", "base", "basefont", "bgsound", "blockquote", "body", "br",
    "button", "caption", "center", "col", "colgroup", "dd", "details", "dir", "div", "dl", "dt", "embed",
    "fieldset", "figcaption", "figure", "footer", "form", "frame", "frameset", "h1", "h2", "h3", "h4", "h5", "h6",
    "head", "header", "hgroup", "hr", "html", "iframe", "img", "input", "keygen", "li", "link", "listing", "main",
    "marquee", "menu", "meta", "nav", "noembed", "noframes", "noscript", "object", "ol", "p", "param",
    "plaintext", "pre", "script", "search", "section", "select", "source", "style", "summary", "table", "tbody",
    "td", "template", "textarea", "tfoot", "th", "thead", "title", "tr", "track", "ul", "wbr", "xmp", "mi", "mo",
    "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc"})
SCOPE = frozenset({"applet", "caption", "html", "table", "td", "th", "marquee", "object", "template", "mi", "mo",
                   "mn", "ms", "mtext", "annotation-xml", "foreignobject", "desc", "title"})
TABLE_SCOPE = frozenset({"html", "table", "template"})
# End tags that close their element and everything open inside it, unless one of these bounds is between.
BLOCK_ENDS = frozenset({"address", "article", "aside", "blockquote", "button", "center", "details", "dialog",
                        "dir", "div", "dl", "fieldset", "figcaption", "figure", "footer", "header", "hgroup",
                        "listing", "main", "menu", "nav", "ol", "pre", "search", "section", "summary", "ul", "dd",
                        "dt", "h1", "h2", "h3", "h4", "h5", "h6"})
CLOSED_WITHIN = {**dict.fromkeys(BLOCK_ENDS, SCOPE), "p": SCOPE | {"button"}, "li": SCOPE | {"ol", "ul"},
                 **dict.fromkeys(("table", "tbody", "thead", "tfoot", "tr", "td", "th", "caption", "colgroup"),
                                 TABLE_SCOPE)}
# Start tags that close the element just opened before them: a paragraph by a block, a list item by the next.
CLOSES = {"p": BLOCK_ENDS | {"p", "hr", "form", "li", "plaintext", "xmp"}, "li": {"li"},
          "dd": {"dd", "dt"}, "dt": {"dd", "dt"}, "td": {"td", "th"}, "th": {"td", "th"}, "tr": {"tr"},
          "option": {"option"}}


def limit_nesting(html: str, max_depth: int) -> tuple[str, bool]:
    """`html` with every tag opened deeper than `max_depth` dropped and the text there kept; and whether
    anything was dropped. Most bodies are shallow, which a cheap bound shows without the exact scan; the
    cheapest is that each element opens with a '<' that no '/' follows."""
    if html.count("<") - html.count("</") <= max_depth or not may_be_deeper(html, max_depth):
        return html, False
    return flatten_deeper_than(html, max_depth)


def flatten_deeper_than(html: str, max_depth: int) -> tuple[str, bool]:
    """The exact scan of limit_nesting.

    This is a cheap count, not a parse: it only has to bound the depth the sanitizer's parser sees, and
    the sanitizer then decides what the markup means. In the flattened part a '<' is escaped, so dropping
    a tag cannot join the text around it into a new tag.
    """
    nest = _Nesting(max_depth)
    last = 0
    for match in TAG.finditer(html):
        nest.text(html[last:match.start()])
        last = match.end()
        nest.tag(match.group(0), match.group(2).lower(), closing=bool(match.group(1)))
    nest.text(html[last:])
    return "".join(nest.pieces), nest.dropped


def may_be_deeper(html: str, max_depth: int) -> bool:
    """False where flatten_deeper_than would find nothing deeper than `max_depth`, found cheaply; it stops
    as soon as it is unsure, so very deep markup costs it little.

    A plain stack that an end tag pops only when it names the innermost element never holds fewer
    elements than the exact scan's: what the exact scan keeps open stays on the plain stack too, in the
    same order, since a pop here removes the last element, which the exact scan then pops as well if it
    still has it. An end tag that the exact scan honours further out only leaves this stack deeper.
    """
    stack: list[str] = []
    for match in TAG.finditer(html):
        closing, name = match.group(1, 2)
        name = name.lower()
        if closing:
            if stack and stack[-1] == name:
                stack.pop()
        elif name not in VOID:
            stack.append(name)
            if len(stack) > max_depth:
                return True
    return False


class _Nesting:
    """The open elements of a scan. Closing one costs no search: each name knows where it is open, and
    running counts tell whether a bound lies between it and the innermost element."""

    def __init__(self, max_depth: int) -> None:
        self.max_depth = max_depth
        self.open: list[str] = []
        self.where: dict[str, list[int]] = {}  # name -> its places in `open`
        # kind -> how many elements of that kind are open up to each place (one more entry than `open`)
        self.counts: dict[frozenset[str], list[int]] = {kind: [0] for kind in {SPECIAL, *CLOSED_WITHIN.values()}}
        self.flat_from: int | None = None  # depth of the first element dropped, while any is open
        self.pieces: list[str] = []
        self.dropped = False

    def text(self, text: str) -> None:
        self.pieces.append(text if self.flat_from is None else text.replace("<", "&lt;"))

    def tag(self, markup: str, name: str, closing: bool) -> None:
        if closing:
            keep = self._end(name)
        elif name in VOID:  # `<div/>` opens a div like `<div>`: only void elements never hold anything
            keep = self.flat_from is None
        else:
            if self.open and name in CLOSES.get(self.open[-1], ()):
                self._pop_to(len(self.open) - 1)
            if self.flat_from is None and len(self.open) >= self.max_depth:
                self.flat_from = len(self.open)
            self._push(name)
            keep = self.flat_from is None
        if not keep:
            self.dropped = True
            self._unjoin()
        self.pieces.append(markup if keep else "")

    def _unjoin(self) -> None:
        """Escapes an unclosed '<' just before a dropped tag, which the text after it would turn into a tag."""
        before = self.pieces[-1] if self.pieces else ""
        at = before.rfind("<")
        if at >= 0 and ">" not in before[at:]:
            self.pieces[-1] = before[:at] + "&lt;" + before[at + 1:]

    def _end(self, name: str) -> bool:
        """Closes the innermost open `name`, and what is open inside it, if no bound lies between (else a
        parser ignores the end tag); whether the end tag is kept."""
        places = self.where.get(name)
        depth = places[-1] if places else None
        bound = CLOSED_WITHIN.get(name, SPECIAL)
        if depth is not None and self.counts[bound][-1] - self.counts[bound][depth + 1] == 0:
            kept = self.flat_from is None or depth < self.flat_from
            self._pop_to(depth)
            return kept
        return self.flat_from is None

    def _push(self, name: str) -> None:
        self.where.setdefault(name, []).append(len(self.open))
        self.open.append(name)
        for kind, counts in self.counts.items():
            counts.append(counts[-1] + (name in kind))

    def _pop_to(self, depth: int) -> None:
        while len(self.open) > depth:
            self.where[self.open.pop()].pop()
            for counts in self.counts.values():
                counts.pop()
        if self.flat_from is not None and depth <= self.flat_from:
            self.flat_from = None
