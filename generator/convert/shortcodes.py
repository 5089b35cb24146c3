"""Shortcodes left unrendered in REST content or an export become the HTML they stand for, or a visible link.

This module finds them (in one pass, leaving `<pre>` and `<code>` alone) and says what each becomes: the
shortcodes WordPress and plugins register are rendered by shortcode_handlers.py, code highlighters' by
code_shortcodes.py, page builders' by page_builders.py, and themes' boxes, buttons and file viewers, read by
their shape, by shortcode_theme.py.
Anything else that is clearly a shortcode (it has attributes or a closing tag) stays as text and
is reported, unless WordPress curled its quotes, or it is named under a prefix (`ohio_text`, `mk_fancy_title`)
in a page WPBakery lays out, or under the prefix of a theme whose own columns or toggles lay out the page
(`[att_box]` beside `[att_column]…[/att_column]`): then it is a theme's element, as page builders' are.
"""

from __future__ import annotations

import re
from bisect import bisect_left, bisect_right
from html import escape, unescape

from generator.convert import context as loss
from generator.convert import bracketed_words, code_shortcodes, page_builders
from generator.convert import shortcode_theme as theme
from generator.convert.context import Context
from generator.convert.shortcode_handlers import handler as _handler
from generator.sources.wp_syntax import parse_attributes

# `[audio:a.mp3|titles=A]` is the Audio Player plugin's (1 Pixel Out), in blogs of 2008-2012.
OPENING = re.compile(r"\[(?P<escaped>\[?)(?P<name>[a-z][a-z0-9_-]*)(?P<atts>(?:=|\s)[^\]]*|(?<=audio):[^\]]*)?\]"
                     r"(?P<close>\]?)")
CLOSING = re.compile(r"\[/([a-z][a-z0-9_-]*)\]")
# The tag WordPress cut an excerpt in, at its word limit: `[vc_row type=”in_container”…`.
CUT_TAG = re.compile(r"\[(?P<name>[a-z][a-z0-9_-]*)(?P<atts>[^\]\[]*)$")
# WPBakery's raw HTML and script, whose content is base64 rather than words.
RAW_BLOCK = re.compile(r"\[vc_raw_(html|js)\b[^\]]*\].*?(?:\[/vc_raw_\1\]|$)", re.DOTALL)
# Code, and the older tags a converter also writes as code (`<tt>`, `<kbd>`, `<samp>`): shortcodes there are text.
CODE_TAG = re.compile(r"<(/?)(?:pre|code|tt|kbd|samp)\b", re.IGNORECASE)
# What a shortcode alone on its line is wrapped in, by wpautop or the block editor; any other element shows itself.
# (A comment left open runs to the end: one that never closes must not be sought again from every `<!--`.)
WRAPPING = re.compile(r"<!--.*?(?:-->|\Z)|</?(?:p|div|span|br)\b[^>]*>", re.DOTALL | re.IGNORECASE)
# A page WPBakery lays out. Themes built on it add elements of their own under their prefix (Ohio's `ohio_text`,
# Jupiter's `mk_`, Salient's `nectar_`): unrendered in an export, with quotes WordPress never curled, only the
# layout around them tells them from a plugin's shortcode.
WPBAKERY = re.compile(r"\[vc_(?:row|column|section)\b")
# wpautop's break for a new line typed inside an attribute (`title="TRUSTED FROM OVER<br />\n2,500 CLIENTS"`), and
# its paragraph break for a blank line there (`short_des="</p>\n<p>"`, a theme's description box left empty
# but for two new lines), which is no markup around the brackets.
TYPED_BREAK = re.compile(r"<br />(?=\n)|</p>\n<p>")
PREFIXED = re.compile(r"[a-z][a-z0-9]*_[a-z0-9_-]+")
# A shortcode without attributes, as OPENING's groups name it: the only kind _plugin_line drops, found without
# OPENING's search for a `]` past every later `[` (quadratic on `[gallery ` repeated with none).
BARE = re.compile(r"\[(?P<escaped>\[?)(?P<name>[a-z][a-z0-9_-]*)(?P<atts>)\](?P<close>\]?)")
THEME_CLOSING = re.compile(rf"{page_builders.CLOSING.pattern}|\[/{PREFIXED.pattern}\]")
THEME_TAG = re.compile(rf"\[/?(?P<name>{PREFIXED.pattern})\b[^\]\[]*\]")
UNPREFIXED_TAG = re.compile(r"\[/?(?P<name>[a-z][a-z0-9-]*)(?P<atts>\s[^\]\[]*)?\]")
# An attribute as an element's are written, its value quoted (straight or as wptexturize curled it): `[p = 0.03]`
# and `[via example.com/?s=a]` in a sentence have none.
QUOTED_ATTRIBUTE = re.compile(r"[\w-]+\s*=\s*[\"'“”″„«»]")
# Themes of the 2010s named their shortcodes under a prefix of their own (Symple Shortcodes' `[symple_column]`,
# WPExplorer's `[wpex_toggle]`, `[att_column]`): a layout or collapsible section of that kind closed under a prefix
# tells the prefix is a theme's, and every shortcode under it is one of the theme's elements (`[att_box]`,
# `[att_heading]`), which the export holds unrendered with its quotes straight, as in a page WPBakery lays out.
THEME_LAYOUT = re.compile(r"\[/(?P<prefix>[a-z][a-z0-9]*_)(?:row|columns?|col|toggle|accordion|tabs?|tabgroup"
                          r"|(?:one|two|three|four|five)_(?:half|thirds?|fourths?|fifths?|sixths?)(?:_last)?)\]")
# A page Divi lays out: its add-ons' modules (Divi Pixel's `[dipi_button_grid]`, Divi Supreme's `[dsm_…]`) are
# named under their own prefixes, and sit in its rows and columns as its own modules do, with their words in
# attributes; an export holds them with their quotes straight, so that, unknown, they stood as whole tags.
DIVI_LAYOUT = re.compile(r"\[et_pb_(?:section|row|column)\b")
# ThemeREX's themes, hundreds of them, name every element of theirs `trx_` (`[trx_title type="2"]`, `[trx_team_item
# name=… photo=…]`, `[trx_toggles_item title=…]`, their add-on's `[trx_sc_button]`), and a post holds them with no
# columns of theirs around them as often as in a page WPBakery lays out: the prefix itself tells they are a theme's.
THEME_PREFIXES = ("trx_",)
# A page Cornerstone lays out (the X and Pro themes' builder, in its classic shortcodes): its elements are named
# `x_` (`[x_custom_headline level="h2"]`, `[x_feature_box title=…]`, `[x_button]`) inside its own `cs_` sections, rows
# and columns, under another prefix than the layout's.
CORNERSTONE_LAYOUT = re.compile(r"\[cs_(?:content|section|row|column)\b")


def expand(html: str, ctx: Context, depth: int = 0) -> str:
    """One pass over the text, linear in its length: closing tags are found by bisection in a
    list of their positions, and nothing inside <pre> or <code> is touched. `depth` counts the page
    builders' elements this text is inside, whose content is expanded in turn."""
    if "[" not in html:
        return html
    if depth == 0:
        ctx.themed, ctx.wpbakery = page_builders.themed(html), WPBAKERY.search(html) is not None
        ctx.theme_prefixes = theme_prefixes(html)
    closings: dict[str, list[int]] = {}
    for match in CLOSING.finditer(html):
        closings.setdefault(match.group(1), []).append(match.start())
    code = _code_spans(html)
    in_code = bracketed_words.tags_in_code(html, code)
    out, position = [], 0
    for match in OPENING.finditer(html):
        if match.start() < position or _inside(code, match.start()):
            continue
        if match["escaped"] and match["close"]:  # [[name]] is how WordPress writes a literal [name]
            out.append(_text(html, position, match.start(), code, ctx) + match.group(0)[1:-1])
            position = match.end()
            continue
        inner, end = _enclosed(html, match, closings.get(match["name"], []))
        if match["name"] in in_code and _encloses_nothing(match, inner) and _handler(match["name"]) is None:
            out.append(_text(html, position, end, code, ctx))  # the tags the post's code writes, as words
            position = end
            continue
        if inner is None and _plugin_line(html, match, ctx):
            ctx.losses.note(loss.PLUGIN_LINE, match.group(0)[:80])
            out.append(_text(html, position, match.start(), code, ctx))
            position = match.end()
            continue
        out.append(_text(html, position, match.start(), code, ctx)
                   + _replace(match, inner, html[match.start():end], ctx, depth))
        position = end
    return "".join(out) + _text(html, position, len(html), code, ctx)


def drop_plugin_output(html: str, ctx: Context) -> str:
    """A body that is nothing but shortcodes nothing here knows (`[tx_woo_wishlist_table]`,
    `[pmpro_levels]`, `[yith_wcaf_affiliate_dashboard]`) is a page a plugin made to show its own output,
    for each visitor, on the live site; saved unrendered, its shortcodes would be the mirror's whole page.
    They go, as a form does."""
    names = _plugin_output(html)
    for name in names:
        ctx.losses.note(loss.PLUGIN_OUTPUT, name)
    return "" if names else html


# How far from a shortcode the ends of its line are looked for: a line longer holds more than a paragraph around it.
LINE_REACH = 300


def _plugin_line(html: str, match: re.Match[str], ctx: Context) -> bool:
    """Whether an unclosed shortcode is a plugin's output for each visitor left unrendered on a line of its own
    (`<p>[pmpro_levels]</p>` under a membership page's words): bare and namespaced as plugins name theirs, known
    to nothing here, and nothing but wrapping around it on its line. The mirror cannot show what it showed, and
    its tag in brackets tells a reader nothing; it goes, noted, as a page of nothing but such shortcodes does."""
    if match["escaped"] or (match["atts"] or "").strip() or not _plugin_like(match):
        return False
    if _known(match["name"], themed=True) or _builder(match, ctx) or theme.named_file(match):
        return False
    start = html.rfind("\n", max(0, match.start() - LINE_REACH), match.start())
    end = html.find("\n", match.end(), match.end() + LINE_REACH)
    if (start < 0 < match.start() - LINE_REACH) or (end < 0 and len(html) > match.end() + LINE_REACH):
        return False
    line = html[start + 1:end if end >= 0 else len(html)]
    if WRAPPING.sub("", line).strip() != match.group(0):
        return False
    return not bracketed_words.in_a_list_of_words(html, start, end, lambda name: _known(name, themed=True))


def without_plugin_lines(html: str) -> str:
    """`html` without the shortcodes expand drops as a plugin's output on a line of its own (see _plugin_line):
    an excerpt made from the text opened with `[blocksy_breadcrumbs]`, which its page did not show."""
    if "[" not in html:
        return html
    closed = {match.group(1) for match in CLOSING.finditer(html)}
    ctx = Context(themed=page_builders.themed(html))
    return BARE.sub(lambda m: "" if m["name"] not in closed and _plugin_line(html, m, ctx) else m.group(0), html)


def _plugin_output(html: str) -> list[str]:
    """The shortcodes `html` holds, if it holds nothing else and none is known or escaped (`[[sic]]`)."""
    if "[" not in html:
        return []
    text = unescape(WRAPPING.sub("", html))
    found = list(OPENING.finditer(text))
    if "<" in text or CLOSING.sub("", OPENING.sub("", text)).strip():
        return []
    # A theme's own rows and columns around its elements (Mharty's `[mhc_row]…[mhc_blurb title="…"]…[/mhc_row]`,
    # whose words are all in attributes) lay out a page the author wrote, not a plugin's output for each visitor.
    if theme_prefixes(text):
        return []
    if any(_known(m["name"], themed=True) or m["escaped"] or theme.named_file(m) or not _plugin_like(m) for m in found):
        return []
    return [m.group(0) for m in found]


def _plugin_like(match: re.Match[str]) -> bool:
    """Whether a bracket reads as a plugin's shortcode rather than words in brackets (`[a 1]`, `[sic]`): it
    has named attributes (`[wpp limit=30]`), or it is bare and namespaced as plugins name theirs (`[page_stats]`)."""
    atts = match["atts"] or ""
    if "<" in atts or ">" in atts:
        return False
    if atts.strip():
        return bool(parse_attributes(atts)[0])
    return "_" in match["name"] or "-" in match["name"]


def strip_known(text: str) -> str:
    """`text` without the tags of the shortcodes this module knows, their content kept: WordPress strips its
    registered ones from the excerpts it makes, so one saved with them unrendered showed `[woocommerce_cart]`
    or `[vc_row]` as its summary. Unknown ones may be text (`[sic]`) and stay, as does an escaped `[[name]]`,
    unless they are all there is: the summary of a plugin's page, whose body goes too (drop_plugin_output)."""
    if "[" not in text:
        return text
    if _plugin_output(text):
        return ""
    text = without_theme_tags(RAW_BLOCK.sub("", text))
    themed = page_builders.themed(text)
    strippable = {m["name"] for m in OPENING.finditer(text)
                  if page_builders.curled(m["atts"] or "") or _known(m["name"], themed) or theme.named_file(m)
                  or theme.button_address(m["name"], parse_attributes(m["atts"] or "")[0], "text")
                  or theme.button_to_nowhere(m["name"], parse_attributes(m["atts"] or "")[0], "text")
                  or theme.icon_glyph(m["name"], parse_attributes(m["atts"] or "")[0], None)}
    text = OPENING.sub(lambda m: "" if m["name"] in strippable and not m["escaped"] else m.group(0), text)
    text = CLOSING.sub(lambda m: "" if m.group(1) in strippable else m.group(0), text)
    return CUT_TAG.sub(lambda m: "" if _known(m["name"], themed) or page_builders.curled(m["atts"]) else m.group(0),
                       text)


def without_theme_tags(text: str) -> str:
    """`text` without the tags of a theme's elements (see WPBAKERY and THEME_LAYOUT), their words kept, as the
    body shows them: for a summary, which must not show `[ohio_text text_typo="null"]` or `[att_column]`."""
    wpbakery, prefixes = WPBAKERY.search(text) is not None, theme_prefixes(text)
    if not wpbakery and not prefixes:
        return text

    def tag(match: re.Match[str]) -> str:
        name = match["name"]
        return " " if (wpbakery or name.startswith(prefixes)) and not _registered(name) else match.group(0)

    text = THEME_TAG.sub(tag, text)
    if not wpbakery:
        return text
    # A WPBakery theme's elements named without a prefix (`[spacing desktop_height="120"]`, `[alignbox]…
    # [/alignbox]`): those with attributes, or closed, are elements too (see _theme_element).
    closed = set(CLOSING.findall(text))

    def unprefixed(match: re.Match[str]) -> str:
        name, atts = match["name"], match["atts"] or ""
        element = match.group(0).startswith("[/") or QUOTED_ATTRIBUTE.search(atts) is not None or name in closed
        return " " if element and not _registered(name) else match.group(0)

    return UNPREFIXED_TAG.sub(unprefixed, text)


def theme_prefixes(text: str) -> tuple[str, ...]:
    """The prefixes of the themes whose own layout shortcodes `text` holds (see THEME_LAYOUT) or that name all their
    elements so (see THEME_PREFIXES), of the add-ons whose modules a page Divi lays out holds (see DIVI_LAYOUT) and of
    Cornerstone's elements (see CORNERSTONE_LAYOUT), but for the builders' (`vc_`, `su_`), which page_builders.py
    reads by name."""
    found = {m["prefix"] for m in THEME_LAYOUT.finditer(text)} if "[/" in text else set()
    found |= {prefix for prefix in THEME_PREFIXES if f"[{prefix}" in text}
    if CORNERSTONE_LAYOUT.search(text):
        found |= {"cs_", "x_"}
    if DIVI_LAYOUT.search(text):
        found |= {m["name"].partition("_")[0] + "_" for m in THEME_TAG.finditer(text)
                  if not page_builders.is_builder(m["name"], False) and not _registered(m["name"])}
    return tuple(sorted(prefix for prefix in found if not prefix.startswith(page_builders.PREFIXES)))


def _registered(name: str) -> bool:
    return _handler(name) is not None or code_shortcodes.is_code(name)


def _known(name: str, themed: bool) -> bool:
    return _handler(name) is not None or page_builders.is_builder(name, themed)


def _theme_element(match: re.Match[str], named: dict[str, str], inner: str | None, ctx: Context) -> bool:
    """Whether a shortcode nothing here knows is an element a WPBakery theme added (see WPBAKERY), or one of a
    theme whose layout the text uses (see THEME_LAYOUT). Themes name some without a prefix (Edukul's
    `[headings heading="…"]`, `[spacing desktop_height="…"]`): in a page WPBakery lays out, such a shortcode with
    attributes is a theme's element too where it shows something or spaces the layout (see
    page_builders.shows_something), or where its attributes only style it (page_builders.styling_only), and so
    is a closed one without attributes; else it may be a plugin's (`[tablepress id="1"]`), which stays text."""
    name = match["name"]
    if not _themes(name, ctx) or "<" in TYPED_BREAK.sub("", match["atts"] or ""):
        return False
    # A closed one without attributes around other elements or blocks (`[alignbox][icons …][/alignbox]`) gives a
    # plugin nothing to go on: it is a theme's box. Around words alone, it may be a plugin's (`[note]this[/note]`).
    boxed = inner is not None and not named and ("[" in inner or "<" in inner)
    return PREFIXED.fullmatch(name) is not None or (ctx.wpbakery and (boxed or bool(named) and (
        page_builders.shows_something(name, named, inner or "") or page_builders.styling_only(named))))


def _themes(name: str, ctx: Context) -> bool:
    return ctx.wpbakery or name.startswith(ctx.theme_prefixes)


def _builder(match: re.Match[str], ctx: Context) -> bool:
    """A page builder's element, or a shortcode no plugin registered where the page was rendered (its quotes
    curled), unless it is one WordPress or a plugin known here registers (`[soundcloud url=”…″]`)."""
    if page_builders.is_builder(match["name"], ctx.themed):
        return True
    return page_builders.curled(match["atts"] or "") and _handler(match["name"]) is None


def _text(html: str, start: int, end: int, code: list[tuple[int, int]], ctx: Context) -> str:
    """html[start:end] without the page builders' closing tags left over: an element nested in one of the same
    name pairs with the first closing tag, as in WordPress, which leaves the outer one's alone."""
    text = html[start:end]
    if "[/" not in text:
        return text
    def left_over(match: re.Match[str]) -> str:
        name = match.group(0)[2:-1]
        theirs = page_builders.CLOSING.fullmatch(match.group(0)) is not None or _themes(name, ctx)
        return "" if theirs and not _inside(code, start + match.start()) else match.group(0)
    return THEME_CLOSING.sub(left_over, text)


def _enclosed(html: str, match: re.Match[str], closings: list[int]) -> tuple[str | None, int]:
    """The content up to the next [/name], if there is one, and where the shortcode ends."""
    at = bisect_left(closings, match.end())
    if at == len(closings):
        return None, match.end()
    close = closings[at]
    return html[match.end():close], close + len(match["name"]) + 3


def _code_spans(html: str) -> list[tuple[int, int]]:
    spans, depth, start = [], 0, 0
    for tag in CODE_TAG.finditer(html):
        if not tag.group(1):
            start = tag.start() if depth == 0 else start
            depth += 1
        elif depth:
            depth -= 1
            if depth == 0:
                spans.append((start, tag.end()))
    if depth:
        spans.append((start, len(html)))
    return spans


def _inside(spans: list[tuple[int, int]], position: int) -> bool:
    at = bisect_right(spans, (position, float("inf"))) - 1  # the last span starting at or before it
    return at >= 0 and position < spans[at][1]


def _replace(match: re.Match[str], inner: str | None, original: str, ctx: Context, depth: int) -> str:
    if inner is not None and code_shortcodes.is_code(match["name"]):
        named, _ = parse_attributes(page_builders.straight_quotes(match["atts"] or ""))
        return code_shortcodes.rendered_code(match["name"], named, inner)
    if _builder(match, ctx) and depth < page_builders.MAX_DEPTH:
        named, _ = parse_attributes(page_builders.straight_quotes(match["atts"] or ""))
        return expand(page_builders.element(match["name"], named, inner or "", ctx), ctx, depth + 1)
    # A registered shortcode WordPress left unrendered (its plugin was off) had its quotes curled all the same.
    named, positional = parse_attributes(page_builders.straight_quotes(match["atts"] or ""))
    handler = _handler(match["name"])
    if handler is not None:
        replacement = handler(named, positional, inner or "", ctx)
    else:
        replacement = _by_shape(match, named, inner, ctx, depth)
    if (replacement is None and handler is None and _theme_element(match, named, inner, ctx)
            and depth < page_builders.MAX_DEPTH):
        replacement = expand(page_builders.element(match["name"], named, inner or "", ctx), ctx, depth + 1)
    if replacement is not None:
        return match["escaped"] + replacement + match["close"]
    if handler is None and _encloses_nothing(match, inner):
        ctx.losses.note(loss.EMPTY_SHORTCODE, original[:80])
        return ""
    # Brackets around markup are words, not a tag; and so is a known name with nothing to show (`[gist]`, the
    # text of a link to a gist), as WordPress shows it.
    given = bool(named) or inner is not None or (handler is not None and bool((match["atts"] or "").strip()))
    if given and "<" not in (match["atts"] or ""):
        ctx.losses.note(loss.UNKNOWN_SHORTCODE, original[:80])
    if inner is None or handler is not None or depth >= page_builders.MAX_DEPTH:
        return original
    return _unknown_around(match, inner, ctx, depth)


def _encloses_nothing(match: re.Match[str], inner: str | None) -> bool:
    """Whether a shortcode nothing here knows is a pair with nothing inside it or in its brackets (`[heimu][/heimu]`,
    a blackout box left empty; but for wpautop's paragraphs): its plugin showed nothing for it, or, switched off, its
    tags as words that tell a reader nothing; words in brackets are never closed so."""
    if inner is None or (match["atts"] or "").strip():
        return False
    return not WRAPPING.sub("", inner).strip()


def _by_shape(match: re.Match[str], named: dict[str, str], inner: str | None, ctx: Context, depth: int) -> str | None:
    """What a shortcode no handler knows stands for, read from its shape (shortcode_theme.py), if it tells."""
    if theme.icon_glyph(match["name"], named, inner):
        return ""
    if theme.note_box(match["name"], named, inner):
        return expand(page_builders.element("note", named, inner or "", ctx), ctx, depth + 1)
    if button := theme.button_address(match["name"], named, inner):
        return f'<a href="{escape(button)}">{expand(inner or "", ctx, depth + 1)}</a>'
    if theme.button_to_nowhere(match["name"], named, inner):
        return expand(inner or "", ctx, depth + 1)
    if (file := theme.named_file(match)) and not _pictured_element(match, named, inner, file, ctx):
        return theme.file(file, ctx) + (expand(inner, ctx, depth + 1) if inner else "")
    if file := theme.enclosed_file(inner):
        return theme.file(file, ctx)
    return None


def _pictured_element(match: re.Match[str], named: dict[str, str], inner: str | None, file: str, ctx: Context) -> bool:
    """Whether a theme's element names a file as its picture (`[trx_team_item name="…" position="…"
    photo="…/a.jpg"]`, `[x_image src="…/a.jpg" alt="…"]`): it is read as the element, its name, lines and the
    picture's words with the picture, not as a viewer of that file alone, which showed the picture and lost the rest."""
    return _theme_element(match, named, inner, ctx) and page_builders.shows_picture(match["name"], named, file)


def _unknown_around(match: re.Match[str], inner: str, ctx: Context, depth: int) -> str:
    """An unknown shortcode's tags stay as text, but WordPress's shortcodes inside it are still rendered:
    WordPress matches only the shortcodes registered, so a theme's `[column]` left unregistered does not
    hide the `[gallery]` it holds."""
    return f"{match.group(0)}{expand(inner, ctx, depth + 1)}[/{match['name']}]"
