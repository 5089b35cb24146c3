"""HTML to Markdown: markdownify, pinned to the output the content format promises.

One paragraph per line, ATX headings that keep their source ids as `{#id}`, `-` bullets, one
blank line between blocks, escaping only where Markdown would misread the text.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator
from html import escape as html_escape
from html import unescape
from urllib.parse import unquote, urlsplit

from bs4 import NavigableString, Tag
from markdownify import ATX, BACKSLASH, MarkdownConverter, chomp, re_line_with_content

from generator.convert import context as loss
from generator.convert import braille_blanks, definition_lists
from generator.convert.cleanup import clean
from generator.convert.code_blocks import code_language, links_out, pre_html
from generator.convert.context import Context
from generator.convert.embeds import embed_label, frame_label, google_app, played_file, shown_page, video_page
from generator.convert.emphasis import marked
from generator.convert.galleries import GALLERY, GALLERY_ITEM
from generator.convert.heading_ids import id_attribute
from generator.convert.links import is_safe_id
from generator.convert.parse import parse_fragment
from generator.convert.shortcodes import drop_plugin_output, expand
from generator.convert.slashed import unslashed_attributes
from generator.convert.tables import is_simple_table, table_html
from generator.convert.walk import can_ignore, collapse_newlines, pseudo_tags, removes_inside, removes_outside
from generator.sources.wp_syntax import without_cdata_marks

START = re.compile(r"-?[0-9]{1,9}")  # a list's start as browsers read it (ASCII digits; "²" is not one)
FENCE = re.compile(r"^( *`{3,})[\w+#.-]*$")
ENTITY_LIKE = re.compile(r"&(?=#?\w+;)")  # what Markdown may read as an entity in a link's address
BACKTICKS = re.compile(r"`+")
ORDERED_MARKER = re.compile(r"^(\d+)\.")
LISTS = ("ul", "ol")
# Elements that write only their content, blocks apart: a list in one follows a list before it.
WRAPPERS = frozenset({"div", "section", "article", "main", "header", "footer", "aside", "figure", "center"})
NEWLINE_SPACE = re.compile(r"[\t \r\n]*[\r\n][\t \r\n]*")  # markdownify's own whitespace rules
SPACE_RUNS = re.compile(r"[\t ]+")
# Invisible characters that carry nothing at the edge of a block: a zero-width space, a byte order mark or word
# joiner, and a zero-width non-joiner (which only keeps two letters apart). Editors and page builders leave them at
# the end of headings (`Our services&#8203;`), where they would reach the table of contents. The zero-width joiner
# is left alone: beside an Arabic or Indic letter it picks the letter's shape, edge or not.
INVISIBLE = "\u200b\u200c\u2060\ufeff"
NOTHING_VISIBLE = re.compile(f"[\\s{INVISIBLE}\u200d]*")
# A line holding only a hard break's backslash (in a quote, after its marks), and a line holding only a quote's marks.
LONE_BREAK = re.compile(r"(?:> ?)*\\")
QUOTE_MARKS = re.compile(r"(?:> ?)*")
# What Markdown would misread inside running text, each escaped by a backslash: backslashes,
# asterisks and backticks; underscores except inside words (intraword _ never makes emphasis);
# '<' that could open a tag; '&' that could start an entity; ']' that could close a link or a
# reference; '~~' that would strike through.
# `^[` opens an inline footnote wherever its `]` is, even past the end of the emphasis it began in.
MISREAD = re.compile(r"[\\*`]|(?<![^\W_])_|_(?![^\W_])|<(?=[A-Za-z/!?])|&(?=#?\w+;)|\](?=[(\[:])|~(?=~)"
                     r"|\^(?=\[)")
MAY_MISREAD = re.compile(r"[\\*`_<&\]~^]")  # a cheap first look: every MISREAD match starts with one
BRACKETS = re.compile(r"(?<!\\)[\[\]]")
# What CommonMark reads as an autolink: `<scheme:…>` (a scheme of 2 to 32 characters) or `<address@host>`.
AUTOLINK = re.compile(r"<(?:[A-Za-z][A-Za-z0-9+.-]{1,31}:|[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@)")
LINE_START = re.compile(r"^(\s*)(#{1,6}(?=\s|$)|>|[-+](?=\s|$)|=+\s*$|(?:-[\s-]*){3,}$|-+\s*$"
                        r"|\d{1,9}(?=[.)](?:\s|$)))")
LINE_BREAKING = frozenset({"[document]", "p", "div", "li", "ul", "ol", "blockquote", "td", "th", "tr", "table",
                           "h1", "h2", "h3", "h4", "h5", "h6", "figure", "figcaption", "dd", "dt", "dl",
                           "section", "article", "header", "footer", "aside", "details", "summary", "pre", "hr",
                           "nm-fndef", GALLERY, GALLERY_ITEM})
# Where lazy loaders (WP Rocket, LiteSpeed Cache, a3 Lazy Load) keep a frame's address; its src is about:blank.
LAZY_FRAME_SOURCES = ("data-lazy-src", "data-litespeed-src", "data-src")
SVG_TEXT = frozenset({"text", "tspan", "textpath", "title", "desc"})  # where an SVG holds words
ENTITY_TEXT = re.compile(r"&(?:#[0-9]{1,7}|#[xX][0-9a-fA-F]{1,6}|[A-Za-z][A-Za-z0-9]{1,31});")
BEFORE_BREAK = re.compile(r"[ \t]*[\r\n][ \t\r\n]*\Z")  # a text's end that holds a new line
HIDDEN = re.compile(r"display\s*:\s*none|visibility\s*:\s*hidden", re.IGNORECASE)


class NewsConverter(MarkdownConverter):
    """markdownify with the content format's choices and the WordPress elements it lacks."""

    class Options:
        heading_style = ATX
        bullets = "-"
        newline_style = BACKSLASH
        strong_em_symbol = "*"
        sub_symbol = "<sub>"
        sup_symbol = "<sup>"
        wrap = False
        escape_misc = False
        keep_inline_images_in = ["td", "th"]

    def __init__(self, ctx: Context, **options: object) -> None:
        super().__init__(code_language_callback=code_language, **options)
        self.ctx = ctx
        self._line_start = True
        self._seconds: dict[int, bool] = {}  # id of a list -> whether it takes the other marker
        self._positions: dict[int, int] = {}  # id of an item of a numbered list -> how many items come before it

    def _second(self, lst: Tag) -> bool:
        """Whether `lst` is the second, fourth… of a run of lists of one kind with nothing written between."""
        if id(lst) not in self._seconds:
            before = _list_before(lst)
            self._seconds[id(lst)] = before is not None and before.name == lst.name and not self._second(before)
        return self._seconds[id(lst)]

    def process_tag(self, node: Tag, parent_tags: set[str] | None = None) -> str:
        """markdownify's process_tag, with what it asks of a tag's name answered once per name, and
        "inside a <pre>?" read from `parent_tags` (which names every ancestor) instead of the tree:
        its bookkeeping around each node took a third of markdownify's time."""
        if parent_tags is None:  # a tag on its own, not reached from the document
            return super().process_tag(node, parent_tags)
        name = node.name
        inside = removes_inside(name)
        child_tags = set(parent_tags)
        child_tags.add(name)
        child_tags.update(pseudo_tags(name))
        strings = []
        for el in node.contents:
            if isinstance(el, Tag):
                text = self.process_tag(el, child_tags)
            elif can_ignore(el, inside):
                continue
            else:
                text = self.process_text(el, child_tags)
            if text:
                strings.append(text)
        if name != "pre" and "pre" not in parent_tags:
            strings = collapse_newlines(strings)
        convert = self.get_conv_fn_cached(name)
        text = "".join(strings)
        return convert(node, text, parent_tags=parent_tags) if convert is not None else text

    def process_text(self, el: NavigableString, parent_tags: set[str] | None = None) -> str:
        """markdownify's rule for a text node, with its whitespace regexes run only on text they
        would change: run on every text node, they took a third of markdownify's time."""
        parent_tags = parent_tags or set()
        text = str(el)
        if "svg" in parent_tags and "\n" in text and not text.strip() and parent_tags.isdisjoint(SVG_TEXT):
            # The line breaks between a drawing's shapes are not text: as a line break, one can meet another. After a
            # label (a diagram written one `<text>` a line), the space that parts it from the next stays: "Start Order".
            label = el.previous_sibling
            return " " if isinstance(label, Tag) and label.name in SVG_TEXT and label.get_text().strip() else ""
        if "pre" not in parent_tags:
            if "\n" in text or "\r" in text:
                text = NEWLINE_SPACE.sub("\n", text)
            if "\t" in text or "  " in text:
                text = SPACE_RUNS.sub(" ", text)
        previous, following, parent = el.previous_sibling, el.next_sibling, el.parent
        inside = parent is not None and removes_inside(parent.name)
        invisible = "" if "pre" in parent_tags else INVISIBLE  # (stripped first: a `#` behind one starts the line)
        if removes_outside(previous) or (not previous and inside):
            text = text.lstrip(" \t\r\n" + invisible)
        elif not previous and text[:1] in ("\n", "\r") and "pre" not in parent_tags and _after_line_break(parent):
            # An element opening on a line break, on a line of its own (`</span>\n<span>\n<svg>…</svg> Follow`): its
            # break and the one before it would make a blank line, which splits the paragraph (or a link's text).
            text = text.lstrip(" \t\r\n")
        if removes_outside(following) or (not following and inside):
            text = _strip_end(text, invisible)
        elif "pre" not in parent_tags and _break_follows(el):
            # The new line the source had before a line break (`text\r\n<br />`, as page builders write it) is no
            # text: kept, it left the break's backslash alone on a line of its own ("text\n\\\n").
            text = BEFORE_BREAK.sub("", text)
        # Block markers (#, -, 1.) only mean something at the start of a line.
        self._line_start = _starts_line(el)
        if "_noformat" not in parent_tags:
            text = self.escape(text, parent_tags)
        if text.endswith("!") and "_noformat" not in parent_tags and _link_follows(following):
            text = text[:-1] + "\\!"  # `![` would make the link an image
        return text

    def escape(self, text: str, parent_tags: set[str]) -> str:
        if not text:
            return ""
        if MAY_MISREAD.search(text):
            text = MISREAD.sub(r"\\\g<0>", text)
        if "a" in parent_tags:  # a bracket inside link text would end the text early
            text = BRACKETS.sub(r"\\\g<0>", text)
        return LINE_START.sub(_escape_line_start, text) if self._line_start else text

    def convert_hN(self, n: int, el: Tag, text: str, parent_tags: set[str]) -> str:
        ident = el.get("id")
        if ("_inline" not in parent_tags and not ident and NOTHING_VISIBLE.fullmatch(el.get_text())
                and el.find("img") is None):
            return "\n\n"  # nothing to show (a theme's `<h2><span></span></h2>`, `<h2>&nbsp;</h2>`): no stray `##`
        if "_inline" not in parent_tags:  # (the edges of the text in a span inside it too)
            text = _strip_end(text.lstrip(" \t\r\n" + INVISIBLE))
        markdown = super().convert_hN(n, el, text, parent_tags)
        if "_inline" in parent_tags or not ident or not is_safe_id(ident) or not markdown.strip():
            return markdown
        # Fragment links inside the article point at these ids; keep them as a {#id} attribute.
        line = markdown.rstrip("\n")
        return line + id_attribute(line.lstrip("\n"), ident) + "\n\n"

    def convert_a(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        href = el.get("href")
        if not href:  # an anchor, or a link made text: its words and the spaces around them (markdownify drops these)
            prefix, suffix, inner = chomp(text)
            return f"{prefix}{inner}{suffix}" if inner else prefix or suffix
        # <…> lets a destination hold spaces and parentheses
        changes = {"href": _link_destination(href), **_one_line(el, "title")}
        markdown = _with_attributes(el, changes, lambda: super(NewsConverter, self).convert_a(el, text, parent_tags))
        if markdown == f"<{changes['href']}>" and ("\\&" in markdown or not AUTOLINK.match(markdown)):
            # An autolink reads no backslash escape: `<https://x/?a=1\&amp;b=2>` would link to `…1%5C&amp;amp;b…`.
            # Nor is an address without a scheme one: `</apply>` and `<page.html>` read as HTML tags, which hide it.
            return f"[{markdown[1:-1]}]({markdown[1:-1]})"
        return markdown

    def convert_img(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        src = el.get("src")
        if "td" in parent_tags or "th" in parent_tags:
            # markdownify keeps an image in a cell only as the cell's own child: one in a link there (Blogger's
            # caption tables: <td><a href=big.jpg><img></a></td>) would shrink to its alt text, often none.
            parent_tags = parent_tags - {"_inline"}
        changes = {**({"src": _link_destination(src)} if src else {}), **_one_line(el, "alt", "title")}
        markdown = _with_attributes(el, changes, lambda: super(NewsConverter, self).convert_img(el, text, parent_tags))
        alt = changes.get("alt", el.get("alt") or "")
        if not markdown.startswith("![") or not BRACKETS.search(alt):
            return markdown
        return "![" + BRACKETS.sub(r"\\\g<0>", alt) + markdown[2 + len(alt):]

    def convert_b(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._marked(el, text, parent_tags, "**", "strong")

    def convert_em(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._marked(el, text, parent_tags, "*", "em")

    def convert_del(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._marked(el, text, parent_tags, "~~", "del")

    convert_strong, convert_i, convert_s = convert_b, convert_em, convert_del
    convert_dl, convert_dt, convert_dd = (definition_lists.convert_dl, definition_lists.convert_dt,
                                          definition_lists.convert_dd)

    def _marked(self, el: Tag, text: str, parent_tags: set[str], mark: str, tag: str) -> str:
        """markdownify's inline marks, as HTML where Markdown would not read them (emphasis.py)."""
        if "_noformat" in parent_tags:
            return text
        spaces = text
        prefix, suffix, text = chomp(text)
        if not text:  # marks around a space alone (`<em>a</em><b> </b>b`): the space still parts the words
            return prefix or suffix or spaces  # chomp sees only " ": a no-break space alone is in `spaces`
        return prefix + marked(text, mark, tag, el, LINE_BREAKING, (bool(prefix), bool(suffix))) + suffix

    def convert_ol(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A list that counts down (`<ol reversed>`: a news site's top ten, ten first) stays HTML around its
        items' Markdown, as Markdown lists only count up; its items are blocks between blank lines, which
        CommonMark reads as Markdown inside the HTML."""
        if not el.has_attr("reversed"):
            return super().convert_list(el, text, parent_tags)
        start = str(el.get("start", "")).strip()
        numbered = f' start="{int(start)}"' if START.fullmatch(start) else ""
        return f"\n\n<ol reversed{numbered}>\n{text}</ol>\n\n"

    def convert_li(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """markdownify's item, with the other marker (`*`, `N)`) in every second list of a run of lists of one
        kind: Markdown would read two lists one after the other as one."""
        if el.parent is not None and el.parent.name == "ol" and el.parent.has_attr("reversed"):
            return f"<li>\n\n{text.strip()}\n\n</li>\n"
        if el.parent is not None and el.parent.name == "ol":
            item = self._numbered_item(el, el.parent, text)
        else:
            item = super().convert_li(el, text, parent_tags)
        if el.parent is None or el.parent.name not in LISTS or not self._second(el.parent):
            return item
        return "* " + item[2:] if item.startswith("- ") else ORDERED_MARKER.sub(r"\1)", item, count=1)

    def _numbered_item(self, el: Tag, parent: Tag, text: str) -> str:
        """markdownify's item of a numbered list, whose number it found by counting the items before it again
        for each item: 7 s for a list of 10,000 items. Here each list's items are counted once."""
        text = (text or "").strip()
        if not text:
            return "\n"
        start = int(parent["start"]) if parent.get("start") and str(parent.get("start")).isnumeric() else 1
        bullet = f"{start + self._position(el, parent)}. "
        indent = " " * len(bullet)
        text = re_line_with_content.sub(lambda line: indent + line[1] if line[1] else "", text)
        return f"{bullet}{text[len(bullet):]}\n"

    def _position(self, item: Tag, parent: Tag) -> int:
        if id(item) not in self._positions:
            items = (child for child in parent.children if isinstance(child, Tag) and child.name == "li")
            self._positions.update((id(child), number) for number, child in enumerate(items))
        return self._positions[id(item)]

    def convert_br(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return "\n" if "pre" in parent_tags else super().convert_br(el, text, parent_tags)

    def convert_pre(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if not text.strip("\n"):
            return ""
        if links_out(el):  # a code block holds no link or picture: the text stays HTML, with them
            return f"\n\n{pre_html(el)}\n\n"
        fence = "`" * max(3, 1 + max((len(run) for run in BACKTICKS.findall(text)), default=0))
        return f"\n\n{fence}{code_language(el)}\n{text.strip(chr(10))}\n{fence}\n\n"

    def convert_figure(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return text if "_inline" in parent_tags else f"\n\n{text.strip()}\n\n"

    def convert_iframe(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        player = next((el[a] for a in LAZY_FRAME_SOURCES if el.get(a)), "") or el.get("src") or ""
        src = shown_page(player)
        if not src or src.startswith("about:"):
            return ""  # a script's empty frame (Gravity Forms' Ajax frame): nothing to link to
        if HIDDEN.search(el.get("style") or "") or (el.get("width"), el.get("height")) in (("0", "0"), ("1", "1")):
            self.ctx.losses.note(loss.TRACKER, src)  # a frame no one sees counts visits (Tag Manager's noscript)
            return ""
        self.ctx.losses.note(loss.IFRAME_AS_LINK, src)
        # Google's viewer is named by the app and the document it showed, and links to the document itself.
        named = frame_label(player, self.ctx.words, _frame_title(el)) if google_app(player) else ""
        label = named or (frame_label if src == player else embed_label)(src, self.ctx.words, _frame_title(el))
        return self._block_link(label, src, parent_tags)

    def convert_video(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._media_link("video", el, parent_tags)

    def convert_audio(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._media_link("audio", el, parent_tags)

    def convert_embed(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return self._media_link("embedded_object", el, parent_tags)

    def convert_object(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """An old player that names its file only in a `<param>` (MySpace's and other Flash players' `movie` or
        `src`, Windows Media's `filename`), with no `<embed>` inside, links to it as an `<embed>` of it does:
        it showed nothing, and between two line breaks left a backslash alone on its line."""
        return self._media_link("embedded_object", el, parent_tags) or text or self._media_link(
            "embedded_object", el, parent_tags, _param_source(el))

    def convert_details(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        summary = el.find("summary", recursive=False)
        # Joined without a separator, then collapsed: "in <strong>2024</strong>?" stays "in 2024?".
        label = html_escape(" ".join(summary.get_text().split()) if summary else self.ctx.words.details)
        opened = " open" if el.has_attr("open") else ""  # the details block's "open by default"
        return f"\n\n<details{opened}>\n<summary>{label}</summary>\n\n{text.strip()}\n\n</details>\n\n"

    def convert_summary(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return ""  # written by convert_details

    def convert_table(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if is_simple_table(el):
            return super().convert_table(el, text, parent_tags)
        self.ctx.losses.note(loss.COMPLEX_TABLE)
        return f"\n\n{table_html(el)}\n\n"

    def convert_caption(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"{text.strip()}\n\n"

    def convert_tr(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        if el.parent is not None and el.parent.name == "tfoot":  # a last row of the table (see is_simple_table)
            return f"|{text}\n"
        return super().convert_tr(el, text, parent_tags)

    def convert_td(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return super().convert_td(el, text.replace("|", r"\|"), parent_tags)

    def convert_th(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return super().convert_th(el, text.replace("|", r"\|"), parent_tags)

    def convert_nm_more(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return "\n\n<!--more-->\n\n"

    def convert_nm_anchor(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f'<a id="{el["id"]}"></a>'

    def convert_nm_fnref(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"[^{el['n']}]"

    def convert_nm_gallery(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        """A grid the site's stylesheet lays out, its images Markdown inside (render/sanitize.py keeps the class);
        where a block cannot stand (a table's cell, a heading), its images as they are."""
        if "_inline" in parent_tags:
            return text
        return f'\n\n<div class="gallery">\n\n{text.strip()}\n\n</div>\n\n'

    def convert_nm_gallery_item(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return text if "_inline" in parent_tags else f"\n\n{text.strip()}\n\n"

    def convert_nm_gallery_caption(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        words = " ".join(text.split())
        if not words or "_inline" in parent_tags:
            return f" {words}" if words else ""
        # On a line of its own, a caption reading "1. Start" or "- draft" would open a list.
        return "\\\n" + LINE_START.sub(_escape_line_start, words)

    def convert_nm_fndef(self, el: Tag, text: str, parent_tags: set[str]) -> str:
        return f"\n\n[^{el['n']}]: {' '.join(text.split())}\n\n"

    def _media_link(self, kind: str, el: Tag, parent_tags: set[str], src: str = "") -> str:
        """A link to the file a player plays (or `src`), named "Video: <address>" in the site's words (`kind`: a
        word's key)."""
        source = el.find("source", src=True)
        src = played_file(src or el.get("src") or el.get("data") or (source["src"] if source else ""))
        if not src:
            return ""
        page = video_page(src) if el.name in ("embed", "object") else None
        if page is not None:  # a Flash player no browser runs: the video's own page
            self.ctx.losses.note(loss.EMBED_AS_LINK, src)
            return self._block_link(embed_label(page, self.ctx.words), page, parent_tags)
        self.ctx.losses.note(loss.MEDIA_AS_LINK, src)
        words = self.ctx.words
        described = _file_name(src) if el.name in ("audio", "video") else src
        return self._block_link(words.fill("media_described", kind=getattr(words, kind), description=described),
                                src, parent_tags)

    def _block_link(self, label: str, url: str, parent_tags: set[str]) -> str:
        link = f"[{self.escape(label, parent_tags)}]({_link_destination(url)})"
        return link if "_inline" in parent_tags or "p" in parent_tags else f"\n\n{link}\n\n"


def _file_name(url: str) -> str:
    """The name of the file a player plays (`ep-12.mp3`), which says what it is where its whole address (a
    podcast host's redirects, a year and month of uploads) does not; the address where it names no file."""
    try:
        name = unquote(urlsplit(url).path.rstrip("/").rpartition("/")[2])
    except ValueError:
        return url
    return name.strip() or url


PLAYED_PARAMS = frozenset({"movie", "src", "url", "filename"})  # the params that name the file a player plays


def _param_source(el: Tag) -> str:
    for param in el.find_all("param"):
        if str(param.get("name", "")).lower() in PLAYED_PARAMS and str(param.get("value", "")).strip():
            return str(param["value"]).strip()
    return ""


def _starts_line(el: object) -> bool:
    """Whether a text node begins a line of the Markdown: nothing inline comes before it."""
    node = el
    while node is not None:
        previous = node.previous_sibling
        while isinstance(previous, NavigableString) and not previous.strip():
            previous = previous.previous_sibling
        if previous is not None:
            return isinstance(previous, Tag) and (previous.name in LINE_BREAKING or previous.name == "br")
        node = node.parent
        if node is None or node.name in LINE_BREAKING:
            return True
    return True


def _strip_end(text: str, invisible: str = INVISIBLE) -> str:
    """`text` without the whitespace (any, as str.rstrip() reads it) and `invisible` characters it ends with."""
    while True:
        stripped = text.rstrip().rstrip(invisible)
        if stripped == text:
            return text
        text = stripped


def _escape_line_start(match: re.Match[str]) -> str:
    lead, marker = match.group(1), match.group(2)
    if marker[0].isdigit():
        return f"{lead}{marker}\\"  # escapes the '.' or ')' that follows: "1\. "
    return f"{lead}\\{marker}"


def _frame_title(el: Tag) -> str:
    """The frame's title, read once more where it holds an entity's text: WordPress escapes the title an oEmbed
    provider sent escaped already (`title="Au pied d&amp;#039;Agung"`), which the page showed as `&#039;`."""
    title = str(el.get("title") or "")
    return unescape(title) if ENTITY_TEXT.search(title) else title


def _break_follows(el: NavigableString) -> bool:
    """Whether a line break follows the text, right after it or after the inline elements it ends (a toggle's
    button, `Title\n</button><br>`; a form's `<label>`)."""
    node: NavigableString | Tag = el
    while node.next_sibling is None and node.parent is not None and node.parent.name not in LINE_BREAKING:
        node = node.parent
    following = node.next_sibling
    return isinstance(following, Tag) and following.name == "br"


def _after_line_break(el: Tag | None) -> bool:
    """Whether whitespace holding a line break, and nothing else, stands right before the element."""
    before = el.previous_sibling if el is not None else None
    return isinstance(before, NavigableString) and "\n" in before and not before.strip()


def _one_line(el: Tag, *names: str) -> dict[str, str]:
    """The attributes whose text spans lines, on one line: a blank line in an image's alt text (an AI-written
    "Keywords: …\n\nDescription: …") or a link's title would end the paragraph, and show the Markdown as text."""
    changed = {}
    for name in names:
        value = el.get(name)
        if isinstance(value, str) and ("\n" in value or "\r" in value):
            changed[name] = " ".join(value.split())
    return changed


def _with_attributes(el: Tag, changes: dict[str, str], convert: Callable[[], str]) -> str:
    """What `convert` writes with these attributes changed; the tree stays as it was, for a <pre> written as HTML
    around the element."""
    kept = {name: el.get(name) for name in changes}
    el.attrs.update(changes)
    try:
        return convert()
    finally:
        for name, value in kept.items():
            if value is None:
                del el[name]
            else:
                el[name] = value


def _link_destination(url: str) -> str:
    # Markdown reads an entity in a destination as its character; an address that holds one's text
    # (`?a=1&amp;b=2`, escaped once more than its page needed) keeps it.
    url = ENTITY_LIKE.sub(r"\\&", url) if "&" in url else url
    if not any(c in url for c in " ()<>"):
        return url
    return "<" + url.replace("<", "%3C").replace(">", "%3E") + ">"


def _link_follows(node: object) -> bool:
    """Whether what follows starts with a link, whose `[` comes first."""
    while isinstance(node, Tag):
        if node.name == "a":
            return True
        node = node.contents[0] if node.contents else None
    return False


def _list_before(lst: Tag) -> Tag | None:
    """The list written right before `lst` with nothing written between, if any."""
    for unit in _units_before(lst):
        if isinstance(unit, Tag):
            if unit.name in LISTS and unit.find("li") is None:
                continue  # an empty list writes nothing
            return unit if unit.name in LISTS else None
        if unit.strip():
            return None
    return None


def _units_before(node: Tag) -> Iterator[Tag | NavigableString]:
    """What is written before `node`, nearest first, looking through wrappers that write only their content
    (the columns of a columns block) both into the ones before it and out of the ones around it."""
    while node is not None:
        for sibling in node.previous_siblings:
            yield from _units_of(sibling)
        node = node.parent if node.parent is not None and node.parent.name in WRAPPERS else None


def _units_of(node: Tag | NavigableString) -> Iterator[Tag | NavigableString]:
    if isinstance(node, Tag) and node.name in WRAPPERS:
        for child in reversed(node.contents):
            yield from _units_of(child)
    else:
        yield node


def html_to_markdown(html: str, ctx: Context | None = None) -> str:
    ctx = ctx or Context()
    html = without_cdata_marks(html)  # a blog mover's, also in what REST serves of such a post
    html = unslashed_attributes(html)  # `href=\"…\"`, slashed twice by a plugin
    html = braille_blanks.as_spaces(html)
    soup = clean(parse_fragment(expand(drop_plugin_output(html, ctx), ctx)), ctx)
    markdown = NewsConverter(ctx).convert_soup(soup)
    return normalize(markdown)


def normalize(markdown: str) -> str:
    """One blank line between blocks, no trailing spaces, one final newline; code stays verbatim."""
    lines: list[str] = []
    fence = ""
    for line in markdown.split("\n"):
        if fence:
            lines.append(line)
            if line.rstrip() == fence:
                fence = ""
            continue
        line = line.rstrip(" \t")
        if line and NOTHING_VISIBLE.fullmatch(line):
            line = ""  # (a paragraph of a page builder's `<span>&#8203;</span>`)
        opening = FENCE.match(line)
        if opening:
            fence = opening.group(1)
        if LONE_BREAK.fullmatch(line) and (not lines or QUOTE_MARKS.fullmatch(lines[-1])):
            continue  # a break opening a paragraph (after a frame or a heading the HTML held inline) breaks nothing
        if QUOTE_MARKS.fullmatch(line):
            _end_paragraph(lines)
        if line or (lines and lines[-1]):
            lines.append(line)
    if not fence:
        _end_paragraph(lines)
    return "\n".join(lines).strip("\n") + "\n" if any(lines) else ""


def _end_paragraph(lines: list[str]) -> None:
    """The paragraph `lines` ends closes on no hard break: each goes, and a line that held only one (`\\` under
    `text\\`, two `<br>`s in a row) with it."""
    while lines:
        last = _without_closing_break(lines[-1])
        if last == lines[-1]:
            return
        if last:
            lines[-1] = last
            if not QUOTE_MARKS.fullmatch(last):
                return
        else:
            lines.pop()


def _without_closing_break(line: str) -> str:
    """A hard break (an odd run of backslashes closing the line; an even one is escaped backslashes) that ends a
    paragraph breaks nothing, and Markdown shows its backslash: a `<br>` before what became a block of its own (a
    frame's link, a quote's source) left one after the words."""
    run = len(line) - len(line.rstrip("\\"))
    return line[:-1].rstrip(" \t") if run % 2 else line

