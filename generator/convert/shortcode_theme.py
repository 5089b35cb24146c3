"""Shortcodes of themes and small plugins that no handler knows, read by their shape: a theme's `[note]` box of
lines, a button around its text (`[button link="…"]Buy now[/button]`), a viewer's or player's shortcode that
names or encloses a file (`[pdf-embedder url="…/guide.pdf"]`, `[flv]…/talk.flv[/flv]`), which becomes that file,
and an icon font's glyph (`[icon name="home"]`), which goes.
"""

from __future__ import annotations

import re
from html import escape, unescape
from urllib.parse import unquote

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.shortcode_handlers import link
from generator.sources.wp_syntax import parse_attributes

# An address of a file, as a document viewer's or player's shortcode names it: absolute, `//host/…` or `/path`.
FILE_ADDRESS = re.compile(r"(?:https?:)?/[^\s\"'<>\[\]]*?\.(?P<type>[A-Za-z0-9]{2,5})(?:[?#][^\s\"'<>\[\]]*)?")
FILE_TYPES = frozenset({"pdf", "swf", "doc", "docx", "xls", "xlsx", "ppt", "pptx", "pps", "ppsx", "odt", "ods", "odp",
                        "rtf", "txt", "csv", "epub", "zip", "mp3", "m4a", "ogg", "wav", "mp4", "m4v", "webm", "mov",
                        "flv", "jpg", "jpeg", "png", "gif", "webp", "svg"})
IMAGE_TYPES = frozenset({"jpg", "jpeg", "png", "gif", "webp", "svg"})
BUTTON_NAMES = re.compile(r"button|btn|download|link")
LINE_START = re.compile(r"[ \t]*(?:<br\s*/?>|\r?\n)", re.IGNORECASE)
# An icon font's glyph by shortcode: the Font Awesome plugin's `[icon name="coffee"]`, a Genesis theme's
# `[icon icon="fa-home" size="25"]` before a heading's words, `[fa type="star"]`.
ICON_NAMES = frozenset({"icon", "fa", "fontawesome", "font-awesome", "font_awesome", "dashicon", "dashicons"})
ICON_KEYS = ("icon", "name", "type")
NOTE = re.compile(r"\[note(?P<atts>\s[^\]]*)?\](?P<inner>.*?)\[/note\]", re.DOTALL)


def named_file(match: re.Match[str]) -> str | None:
    """The file an unknown shortcode names, if it names one: a document viewer's `[pdf-embedder url="…/guide.pdf"]`,
    `[gview file=…]` or `[wp-pdf-view swf=…]` showed that file on the live site. Brackets around markup
    (`[a 1</p><img src=x.png>`) are words in brackets, not a shortcode."""
    atts = match["atts"] or ""
    if "<" in atts or ">" in atts:
        return None
    for value in parse_attributes(atts)[0].values():
        address = unescape(value).strip()
        found = FILE_ADDRESS.fullmatch(address)
        if found and found["type"].lower() in FILE_TYPES:
            return address
    return None


def note_box(name: str, named: dict[str, str], inner: str | None) -> bool:
    """Whether a `[note]` is a theme's box of lines (`[note title="Setup"]<br />…`) rather than Easy Footnotes'
    note inside a sentence, which has no title and starts on the sentence's line."""
    return name == "note" and inner is not None and (bool(named.get("title")) or LINE_START.match(inner) is not None)


def icon_glyph(name: str, named: dict[str, str], inner: str | None) -> bool:
    """Whether a shortcode is an icon font's glyph and nothing else (see ICON_NAMES): decoration, which the mirror
    drops as it drops glyphs in HTML (widgets.drop_icon_glyphs); its brackets would be the words shown."""
    return name in ICON_NAMES and not (inner or "").strip() and any(named.get(key, "").strip() for key in ICON_KEYS)


def button_address(name: str, named: dict[str, str], inner: str | None) -> str | None:
    """The address of a theme's button around its text, `[button link="…"]Buy now[/button]` or
    `[download url="…"]Get it[/download]`, which links that text."""
    if inner is None or not inner.strip() or not BUTTON_NAMES.search(name):
        return None
    url = next((unescape(named[key]).strip() for key in ("link", "url", "href") if named.get(key, "").strip()), "")
    return url if url.startswith(("http://", "https://", "/")) else None


def button_to_nowhere(name: str, named: dict[str, str], inner: str | None) -> bool:
    """Whether a theme's button around its text links nowhere (`[button link="#"]Small Button[/button]`, a theme
    demo's placeholder; `javascript:`): its words show, as its brackets would have around them, with no link."""
    if inner is None or not inner.strip() or not BUTTON_NAMES.search(name):
        return False
    given = next((unescape(named[key]).strip() for key in ("link", "url", "href") if key in named), None)
    return given is not None and (given in ("", "#") or given.lower().startswith("javascript:"))


def enclosed_file(inner: str | None) -> str | None:
    """The file an unknown shortcode encloses and nothing else: a player's `[quicktime]/uploads/talk.mov[/quicktime]`
    or `[flv]…[/flv]` (Viper's Video Quicktags and its kind, in posts of the 2000s) played that file."""
    address = unescape(inner or "").strip()
    found = FILE_ADDRESS.fullmatch(address)
    return address if found and found["type"].lower() in FILE_TYPES else None


def file(address: str, ctx: Context) -> str:
    """A file a plugin's viewer showed: an image as itself, anything else as a link named by its file name."""
    ctx.losses.note(loss.EMBED_AS_LINK, address)
    name = unquote(address.split("?", 1)[0].split("#", 1)[0].rstrip("/").rsplit("/", 1)[-1])
    if FILE_ADDRESS.fullmatch(address)["type"].lower() in IMAGE_TYPES:  # type: ignore[index]
        return f'<figure><img src="{escape(address)}" alt=""></figure>'
    return link(address, name or address)


def without_note_tags(text: str) -> str:
    """`text` without the tags of its `[note]` boxes, their title and words kept, as the body shows them: an
    automatic summary made from the saved text must not show `[note]`. Read before the summary joins its lines,
    since a box is told from a footnote (which keeps its tags, as in the body) by the line break after its tag."""
    def words(match: re.Match[str]) -> str:
        named = parse_attributes(match["atts"] or "")[0]
        if not note_box("note", named, match["inner"]):
            return match.group(0)
        return f' {named.get("title", "")} {match["inner"]} '
    return NOTE.sub(words, text) if "[note" in text else text
