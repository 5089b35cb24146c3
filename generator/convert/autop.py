"""Paragraphs from blank lines, as WordPress's `wpautop` makes them from a classic post's text.

Written from the behaviour WordPress documents for `wpautop` and `shortcode_unautop`: a blank
line ends a paragraph, a single newline is a `<br />`, block-level elements are never wrapped in
a paragraph, `<pre>` and the inside of tags are left alone, and a shortcode alone on its line is
not wrapped either (it renders its own block). Pure text in, HTML out.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Callable

from generator.convert import paired

BLOCKS = ("table|thead|tfoot|caption|col|colgroup|tbody|tr|td|th|div|dl|dd|dt|ul|ol|li|pre|form|map|area|"
          "blockquote|address|math|style|p|h[1-6]|hr|fieldset|legend|section|article|aside|hgroup|header|"
          "footer|nav|figure|figcaption|details|menu|summary")
OPEN_BLOCK = re.compile(rf"(<(?:{BLOCKS})[\s/>])", re.IGNORECASE)
CLOSE_BLOCK = re.compile(rf"(</(?:{BLOCKS})>)", re.IGNORECASE)
BLOCK_TAG = rf"</?(?:{BLOCKS})(?:[\s/][^>]*)?>"
# Openings of what ends at a fixed closing tag, each found with its end by convert/paired.py.
PRE = (re.compile(r"<pre[\s>]", re.IGNORECASE), lambda _: "</pre>")
RAW_TEXT = (re.compile(r"<(script|style|svg|textarea)\b", re.IGNORECASE), lambda found: f"</{found[1].lower()}>")
COMMENT = (re.compile("<!--"), lambda _: "-->")
# A tag: newlines inside it (or inside a comment) are not line breaks of the text.
TAG = re.compile(r"<[^<>]*>")
DOUBLE_BR = re.compile(r"<br\s*/?>\s*<br\s*/?>", re.IGNORECASE)
PARAGRAPH_BREAK = re.compile(r"\n\s*\n")
EMPTY_P = re.compile(r"<p>\s*</p>")
P_BEFORE_BLOCK = re.compile(rf"<p>\s*({BLOCK_TAG})", re.IGNORECASE)
P_AFTER_BLOCK = re.compile(rf"({BLOCK_TAG})\s*</p>", re.IGNORECASE)
P_IN_QUOTE = (re.compile(r"<p><blockquote([^>]*)>", re.IGNORECASE), re.compile(r"</blockquote></p>", re.IGNORECASE))
UNCLOSED_P = re.compile(r"<p>([^<]+)</(div|address|form)>", re.IGNORECASE)
# Paragraphs are split at blank lines by now, so a newline's run of whitespace holds no other newline.
NEWLINE = re.compile(r"(?<!<br />)(?<!</p>)[^\S\n]*\n")  # no <br /> after </p>, the commonest block end
BR_AFTER_BLOCK = re.compile(rf"({BLOCK_TAG})\s*<br />", re.IGNORECASE)
BR_BEFORE_BLOCK = re.compile(r"<br />(\s*</?(?:p|li|div|dl|dd|dt|th|pre|td|ul|ol)[^>]*>)", re.IGNORECASE)
# Inside these, whitespace is layout of the markup, not text.
COMPACT = ((re.compile(r"\s*(<option\b[^>]*>)", re.IGNORECASE), ("<option",)),
           (re.compile(r"(</option>)\s*", re.IGNORECASE), ("</option",)),
           (re.compile(r"\s*(</?(?:param|embed|source|track)\b[^>]*>)\s*", re.IGNORECASE),
            ("<param", "<embed", "<source", "<track", "</param", "</embed", "</source", "</track")))
# A shortcode that opens a paragraph; it is alone in it when the paragraph ends after it, or after its closing
# tag (the first one) if it has one.
LONE_SHORTCODE = re.compile(r"<p>\s*+(\[([a-z][a-z0-9_-]*)(?:[\s=][^\]]*)?\])", re.IGNORECASE)
P_END = re.compile(r"\s*</p>", re.IGNORECASE)
# Set-aside <pre> stays a block element (so it is never wrapped), and keeps its newlines.
NEWLINE_MARK, PRE_MARK, RAW_MARK = "\x00n\x00", "<pre wp-pre-tag-{}></pre>", "\x00raw{}\x00"
LIST_ITEM_P = re.compile(r"<p>(<li.+?)</p>", re.IGNORECASE | re.DOTALL)
LONE_BLOCK_P = re.compile(rf"<p>\s*({BLOCK_TAG})\s*</p>", re.IGNORECASE)


def autop(text: str, br: bool = True) -> str:
    """`text` with its paragraphs wrapped in <p> and, with `br`, its single newlines made <br />."""
    if not text.strip():
        return ""
    text, pres = _put_aside(PRE, text + "\n", PRE_MARK)
    text, raws = _put_aside(RAW_TEXT, text, RAW_MARK)
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    text = _marked_newlines_in_tags(text)
    text = DOUBLE_BR.sub("\n\n", text)
    text = CLOSE_BLOCK.sub(r"\1\n\n", OPEN_BLOCK.sub(r"\n\n\1", text))
    lowered = text.lower()
    for pattern, marks in COMPACT:
        if any(mark in lowered for mark in marks):  # rare, and costly to look for everywhere
            text = pattern.sub(r"\1", text)
    paragraphs = [p.strip() for p in PARAGRAPH_BREAK.split(text)]
    text = "".join(f"<p>{p}</p>\n" for p in paragraphs if p)
    text = _tidy(text)
    if br:
        text = NEWLINE.sub("<br />\n", re.sub(r"<br\s*/?>", "<br />", text))
        text = BR_BEFORE_BLOCK.sub(r"\1", BR_AFTER_BLOCK.sub(r"\1", text))
    text = re.sub(r"\n</p>$", "</p>", text)
    text = _restore(_restore(text.replace(NEWLINE_MARK, "\n"), raws, RAW_MARK), pres, PRE_MARK)
    return unautop_shortcodes(text)


# A new line inside running text, between words rather than between tags.
NEWLINE_IN_TEXT = re.compile(r"(?<=[^>\s])[^\S\n]*\n\s*(?=[^<\s])")
# A new line just inside an inline element's tags (`<a href="…">\n\t\tBecome An Agent\n\t</a>`, as Elementor indents a
# button's or link's label), which is no line of its own either.
INLINE_TAGS = r"(?:a|span|strong|b|em|i|small|mark|abbr|cite|label|sup|sub|u|s|q|time)"
NEWLINE_INSIDE_INLINE = re.compile(rf"(?P<open><{INLINE_TAGS}\b[^<>]*+>)[^\S\n]*+\n\s*+"
                                   rf"|(?<!\s)[^\S\n]*+\n\s*+(?=</{INLINE_TAGS}>)", re.IGNORECASE)


def join_source_lines(text: str) -> str:
    """`text` with the new lines inside its running text made spaces, as a browser shows them, outside `<pre>`
    and raw text. Elementor turns wpautop off for the pages it builds, and the HTML it saves as their content
    is its widgets' markup as written, indented over several lines (`<p>…the desk in\n      the me boss…</p>`):
    such a line is no line break. A new line beside a tag stays, to be one: the widgets' wrappers are not in
    that HTML, so it is what keeps a button apart from the picture after it; but not one just inside a link's or
    a label's own tags, which would make a line break in it and, beside the next button's, an empty line."""
    text, pres = _put_aside(PRE, text, PRE_MARK)
    text, raws = _put_aside(RAW_TEXT, text, RAW_MARK)
    text = NEWLINE_IN_TEXT.sub(" ", text.replace("\r\n", "\n"))
    text = NEWLINE_INSIDE_INLINE.sub(_inside_inline, text)
    return _restore(_restore(text, raws, RAW_MARK), pres, PRE_MARK)


def _inside_inline(match: re.Match[str]) -> str:
    """A space for a new line just inside an inline element's tag, none where white space outside the element
    stands in its place already (the element opens or ends its line of source), which would make one more."""
    text = match.string
    if match["open"]:
        outside = text[match.start() - 1] if match.start() else " "
        return match["open"] + ("" if outside.isspace() else " ")
    end = text.find(">", match.end()) + 1
    return "" if end >= len(text) or text[end].isspace() else " "


def _tidy(text: str) -> str:
    """Paragraph marks that ended up around, not inside, block elements."""
    text = EMPTY_P.sub("", text)
    if any(end in text.lower() for end in ("</div>", "</address>", "</form>")):
        text = UNCLOSED_P.sub(r"<p>\1</p></\2>", text)
    text = LONE_BLOCK_P.sub(r"\1", text)
    text = LIST_ITEM_P.sub(r"\1", text)
    text = P_IN_QUOTE[0].sub(r"<blockquote\1><p>", text)
    text = P_IN_QUOTE[1].sub("</p></blockquote>", text)
    text = P_BEFORE_BLOCK.sub(r"\1", text)
    return P_AFTER_BLOCK.sub(r"\1", text)


def unautop_shortcodes(html: str) -> str:
    """A shortcode that is a paragraph on its own renders a block of its own: no <p> around it."""
    if "[" not in html:
        return html
    closings, pieces, done, at = paired.Closings(html), [], 0, 0
    limit = html.rfind("]") + 1  # no opening tag ends after the last "]": none is looked for there
    while (found := LONE_SHORTCODE.search(html, at, limit)) is not None:
        close = closings.after(paired.literal(f"[/{found[2].lower()}]"), found.end())
        ends = [end for end in (close.end() if close else -1, found.end()) if end >= 0]
        paragraph = next(((end, m.end()) for end in ends if (m := P_END.match(html, end))), None)
        if paragraph is None:
            at = found.start() + 1
            continue
        pieces += (html[done:found.start()], html[found.start(1):paragraph[0]])
        done = at = paragraph[1]
    return "".join(pieces) + html[done:]


def _marked_newlines_in_tags(text: str) -> str:
    """The newlines inside tags and comments as NEWLINE_MARK."""
    def marked(markup: str | re.Match[str]) -> str:
        return (markup if isinstance(markup, str) else markup.group(0)).replace("\n", NEWLINE_MARK)
    pieces, done = [], 0
    for start, end in paired.spans(text, *COMMENT):
        pieces += (TAG.sub(marked, text[done:start]), marked(text[start:end]))
        done = end
    return "".join(pieces) + TAG.sub(marked, text[done:])


def _put_aside(element: tuple[re.Pattern[str], Callable[[re.Match[str]], str]], text: str, mark: str
               ) -> tuple[str, list[str]]:
    kept: list[str] = []

    def aside(found: str) -> str:
        kept.append(found)
        return mark.format(len(kept) - 1)
    return paired.replace(text, paired.spans(text, *element), aside), kept


def _restore(text: str, kept: list[str], mark: str) -> str:
    """The elements put aside back in their marks' places, in one pass: replacing each mark in turn searched
    the text from its start (20,000 code blocks in one post took 8.7 s)."""
    if not kept:
        return text
    restored: set[int] = set()

    def original(found: re.Match[str]) -> str:
        index = int(found.group(1))
        if index >= len(kept) or index in restored:  # a mark's text the author typed: only the first is one
            return found.group(0)
        restored.add(index)
        return kept[index]
    return _mark_pattern(mark).sub(original, text)


@functools.cache
def _mark_pattern(mark: str) -> re.Pattern[str]:
    before, _, after = mark.partition("{}")
    return re.compile(rf"{re.escape(before)}(\d+){re.escape(after)}")
