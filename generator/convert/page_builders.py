"""Page builders' shortcodes, which REST content often holds unrendered.

WPBakery (`vc_`), Divi (`et_pb_`), Avada (`fusion_`) and Enfold (`av_`) keep a page's layout in shortcodes
(`[vc_row][vc_column][vc_column_text]…`), as do Shortcodes Ultimate (`su_`) and many themes (`[one_half]`,
`[dropcap]`). Their plugins register them only where the site renders its own
pages, so a REST response (and an export) holds them raw around the text, and WordPress's quotes filter has
curled their attributes' quotes (`image=&#8221;12&#8243;`). Layout shortcodes give way to their content;
images, galleries, videos, buttons and headings become what they show; toggles and tabs keep their title; a
spacer or separator goes, all but the title a text separator shows; any other element with nothing inside is
dropped and counted.
"""

from __future__ import annotations

import base64
import binascii
import re
from collections.abc import Callable
from html import escape, unescape
from urllib.parse import unquote

from generator.convert import context as loss
from generator.convert.builder_visibility import hidden_on_desktop, marked_hidden
from generator.convert.context import Context
from generator.convert.qualified_keys import SWITCHES, qualified_picture, qualified_words

# Uncode, a theme built on WPBakery, names its own elements `uncode_` (`[uncode_list]` around a list, with no
# attribute whose curled quotes would tell it apart from words in brackets); GoodLayers' themes (Limoking, Total
# Business…) name theirs `gdlr_` (`[gdlr_space height="40px"]`, `[gdlr_quote align="center"]…[/gdlr_quote]`), in
# posts with no layout of the theme's around them too.
PREFIXES = ("vc_", "et_pb_", "fusion_", "av_", "su_", "uncode_", "gdlr_")
# Themes register layout and typography shortcodes of their own under these plain names; once the theme is
# gone (as in an export or a mirror) they are left raw around the words (`[dropcap]2[/dropcap]014`).
# Their boxes and collapsible sections (`[warning]…[/warning]`, `[toggle title="…"]`) hold whole paragraphs,
# which the theme showed in a frame or behind a click: the words show, not the tags around them. So do the
# collapsible sections of small plugins (Collapse-O-Matic's `[expand title="…"]` and its nested `[expandsub1]`,
# Accordion Shortcodes' `[accordion-item title="…"]`, `[show-hide]`). Not `[note]`, which is Easy Footnotes'
# note inside a sentence as often as a theme's box. Columns are named with hyphens as often (Theme Blvd's and
# Arconix's `[one-half]`, `[two-thirds]`, a theme's `[three-columns]` and `[two-three-columns]`, 2/3 of the width).
THEME_NAMES = re.compile(r"dropcap|highlight|pullquote(?:[_-](?:left|right))?|row|columns?|col|hr|divider|clear|spacer|gap"
                         r"|separator|seperator|tags|blockquote|quote"
                         r"|(?:one|two|three|four|five)[_-](?:half|thirds?|fourths?|fifths?|sixths?)(?:[_-](?:last|first))?"
                         r"|(?:two|three|four|five|six)(?:-(?:three|four|five|six))?-columns?"
                         r"|notice|notification|info|tip|warning|alert|error|success|important"
                         r"|toggle|spoiler|accordions?(?:-item)?|tabs?|expand(?:sub[1-9])?|show-?hide")
_PREFIXED = "(?:" + "|".join(PREFIXES) + ")[a-z0-9_-]*"
_NAME = rf"(?:{_PREFIXED}|(?:{THEME_NAMES.pattern})(?![\w-]))"
CLOSING = re.compile(rf"\[/{_NAME}\]")
TAG = re.compile(rf"\[/?(?P<name>{_NAME})\b[^\]]*\]")
PREFIXED_TAG = re.compile(rf"\[/?(?P<name>{_PREFIXED})\b[^\]]*\]")
# The plain names are words in brackets too (`type [row] in the cell`): they are a theme's only in a text
# where one of them encloses something, as a layout's do.
THEME_CLOSING = re.compile(rf"\[/(?:{THEME_NAMES.pattern})\]")
# Elements set within a word (`[dropcap]2[/dropcap]014`), plain or under a prefix (`su_`, a theme's `att_`):
# their tags part nothing.
# A theme's `[tags color="blue"]New[/tags]` is a coloured label in a line of them, likewise.
INLINE = re.compile(r"(?:[a-z][a-z0-9]*_)?(?:dropcap|highlight|tags)")
# What a text separator holds (`[seperator]Contact Info[/seperator]`): words, maybe emphasised, no block or other
# shortcode.
WORDS_ONLY = re.compile(r"(?:[^<>[\]\n]|<(?:/?(?:strong|em|b|i|span)\b)[^<>]*>){1,200}")
# Real layouts nest a dozen deep; beyond this, what is left stays text rather than exhaust Python's stack.
MAX_DEPTH = 60
# The quotes wptexturize makes of an unregistered shortcode's straight ones, as entities and as characters: those
# of the site's language, as its translation names them (English “ ”, German „ “, Spanish and Russian » «, French
# « and » with a no-break space inside: `title=&#160;&#187;Nos bureaux&#160;&#187;`), and primes after digits.
# A translation may name them by their HTML names instead (French writes a prime `&Prime;`: `_builder_version=
# »4.16&Prime;`, whose value then ran on to the next attribute's `»`).
_NBSP = r"(?:&#160;|&nbsp;|\u00a0)"
_NAMED = r"&(?:[lr]dquo|bdquo|[lr]squo|sbquo|[lr]saquo|[Pp]rime);"
CURLED = re.compile(rf"&#82(?:1[6-9]|2[0-2]|4[23]|49|50);|{_NAMED}|[“”″‘’′„‚‹›]|(?:&#171;|&laquo;|«){_NBSP}?"
                    rf"|{_NBSP}?(?:&#187;|&raquo;|»)")
CURLED_START = re.compile("[&“”″‘’′„‚‹›«»\u00a0]")  # how each of CURLED's begins: one scan for none of them
CURLED_VALUE = re.compile(rf"=\s*(?:{CURLED.pattern})")
SINGLE = re.compile(r"&#82(?:1[6-9]|42|49|50);|&(?:[lr]squo|sbquo|[lr]saquo|prime);|[‘’′‚‹›]")
# A shortcode's opening tag with attributes, whatever its name.
OPENING = re.compile(r"\[(?P<name>[a-z][\w-]*)\s(?P<atts>[^\]]*)\]")
# Elements that only space or divide the layout: dropped without a word. (A theme's `[trx_line]` is a rule.)
# (`seperator` as a theme spelt it: a news theme demo's "Contact Info" between two lines.)
SPACING = re.compile(r"(?:^|_)(?:separator|seperator|divider|empty_space|space|spacer|spacing|hr|line|clearfix|clear"
                     r"|gap|zigzag)$")
RULE = re.compile(r"(?:^|_)(?:separator|seperator|divider|hr|line|zigzag)$")  # those of them that draw a line
# …unless told not to: Divi's divider (and its forks') with `show_divider="off"` is space between modules alone,
# as most of them are.
NO_LINE = {"show_divider": "off"}
# Elements that only hold the words typed into them (WPBakery's, Divi's, Avada's, Enfold's text blocks).
TEXT_HOLDER = re.compile(r"(?:^|_)(?:column_text|text|textblock|text_block)$")
# Elements that lay out others side by side: each holds a block of its own, so that the words of two columns
# of bare text do not run together.
LAYOUT = re.compile(r"(?:^|[_-])(?:row|columns?|col|section|container|half|thirds?|fourths?|fifths?|sixths?|last|first)"
                    r"(?:_inner)?$")
# wptexturize went over an unregistered shortcode as over text: in an address it wrote an image size's `x`
# (`photo-692x1024.jpg`) as `×`, and `--` and `---` as dashes. The server knows the file by its own name.
ADDRESS = re.compile(r"\s*(?:https?:)?/")
TEXTURIZED = re.compile(r"(?<=\d)×(?=\d)|—|–|…")
UNTEXTURIZED = {"×": "x", "—": "---", "–": "--", "…": "..."}
# Where an element that no rule here knows keeps its words and its link, as many themes' buttons do
# (Salient's `[nectar_btn text="…" url="…"]`, Impreza's `[us_btn label="…" link="url:…"]`, Edukul's
# `[buttons text="…" link_url="…"]`).
WORD_KEYS = ("text", "label", "button_text", "btn_title")
LINK_KEYS = ("url", "link", "href", "link_url", "button_url", "btn_link")
# …or only its link, as an icon does (`[icons icon="fa fa-facebook" link_url="https://…"]`), or the video it
# plays in a lightbox when clicked (`[icons hyperlink="video" video_url="https://www.youtube.com/…"]`,
# `[videoicon video_url="…"]`): a link to the video, as an embed is.
VIDEO_KEYS = ("video_url", "video_link", "video")
# …and what else it shows from its attributes, as themes' team members, testimonials, section titles and image
# boxes do (`[naix_member image="3616" name="Alex Ferguson" job="CEO Founder"]`, `[naix_section_title
# title="Meet Our Team"]`, `[headings heading="…" subheading="…"]`): its picture (an attachment's id or an
# address), its pictures (ids, as a gallery), its title and the lines under it.
IMAGE_KEYS = ("image", "img", "image_id", "photo", "avatar", "picture")
# …or under a key of the theme's own whose last word names a picture (`nm_singl_img="304"`, `member_photo`,
# `author_avatar`), but for one a word of which only styles it (`bg_image`, `hover_img`, `icon_image`).
PICTURE_WORDS = frozenset({"image", "img", "photo", "avatar", "picture", "pic", "thumbnail"})
IMAGES_KEYS = ("images", "image_ids", "gallery")
# An element named as a picture (Cornerstone's `[x_image src=… alt=…]`, ThemeREX's `[trx_image url=…]`) names it by its
# address, which is no link of it.
PICTURE_ELEMENT = re.compile(r"(?:^|_)(?:image|img|photo|picture)$")
PICTURE_ADDRESS_KEYS = ("src", "url")
TITLE_KEYS = ("title", "heading", "name")
LINE_KEYS = ("subtitle", "sub_title", "subheading", "sub_heading", "job", "job_title", "position", "role",
             "designation", "company", "author", "cite", "price", "description", "desc")
# Where such an element names its title's level (`[att_heading type="h3" title="Why"]`); else it is bold.
LEVEL_KEYS = ("type", "tag", "heading_tag", "title_tag", "level")
HEADING = re.compile(r"h[1-6]")
# An element named as a heading whose words are inside it names its level so, or by its number alone (ThemeREX's
# `[trx_title type="2"]Meet our team[/trx_title]`): those words are a heading of that level, not a paragraph.
TITLE_ELEMENT = re.compile(r"(?:^|_)(?:title|heading|headline)$")
NUMBERED_HEADING = re.compile(r"h?([1-6])")
BLOCK_TAG = re.compile(r"<(?:p|div|h[1-6]|ul|ol|li|table|figure|blockquote|pre|hr)\b", re.IGNORECASE)
IDS = re.compile(r"\d+(?:\s*,\s*\d+)*")
# A skill or progress bar's label shows how full it is (Jupiter's `[mk_skill_meter title="Design" percent="70"]`,
# ThemeREX's `[trx_skills_item title="PHP" level="53"]`): the number follows the label, as the bar showed it.
METER = re.compile(r"(?:^|_)(?:skills?(?:_item)?|progress(?:_?bar)?|(?:skill_)?meter|bar)$")
METER_KEYS = ("percent", "percentage", "level", "value")
NUMBER = re.compile(r"\d{1,6}(?:[.,]\d{1,4})?%?")
# A title alone is not what a live listing, form or widget showed (`[vc_wp_recentposts title="Recent"]`,
# `[et_pb_signup title="Subscribe"]`): what it showed under its title came from the site when the page was seen.
# The Newspaper theme numbers its blocks of the latest posts (`[td_block_1 custom_title="…" category_id="6"]`).
LIVE = re.compile(r"(?:^|[_-])(?:wp_|recent|latest|posts?|blog|products?|shop|sidebar|widget|menu|form|signup|"
                  r"subscribe|newsletter|login|contact|map|search|feed|tweets?|instagram|carousel|slider|loop|query"
                  r"|block_\d)")
# The words of a WPBakery theme's attribute names that only style an element or choose the theme's posts it
# lists (`heading_font_size_mobile`, `column2`, `show_arrows`, `cat_slug`, `excerpt_lenght`), or the form it
# showed (`[contactform form_id="4437" button="accent"]`, which worked only on the live site): see styling_only.
STYLING_WORDS = frozenset((
    "style", "class", "css", "color", "colour", "background", "bg", "padding", "margin", "gap", "gapv", "gaph",
    "width", "height", "size", "font", "align", "alignment", "rounded", "radius", "border", "opacity", "shadow",
    "animation", "animate", "delay", "duration", "spacing", "offset", "column", "columns", "crop", "show", "hide",
    "scroll", "loop", "autoplay", "speed", "position", "icon", "separator", "sep", "arrow", "arrows", "bullet",
    "bullets", "mode", "layout", "effect", "transform", "tranform", "weight", "hover", "visibility", "desktop",
    "mobile", "smobile", "tablet", "items", "cat", "category", "categories", "slug", "orderby", "order", "limit",
    "filter", "pagination", "overlay", "parallax", "translatex", "translatey", "blur", "spread", "showcase", "number",
    "aside", "excerpt", "length", "lenght", "form", "button",
    # How many of its posts a carousel shows at once (`[courses item="4"]`, beside `items="7"`, how many it lists),
    # and which of their pictures a grid shows (`[eventsgrid image_option="custom"]`): each stayed as text.
    "item", "option"))
STYLING_PART = re.compile(r"[_-]|(?<=[a-z])(?=\d)|\d+")
# A theme's row of buttons that share the page on social sites (`[shareicons facebook="yes" twitter="yes"]`):
# they shared the live page, not the mirror's, and go as a share widget does.
SHARE = re.compile(r"(?:^|[_-])(?:social[_-]?)?share(?:[_-]?(?:icons?|buttons?|links?|box|bar))?$")
# A builder's countdown timer (Divi's `[et_pb_countdown_timer title="Sale ends" date_time="…"]`, Avada's
# `[fusion_countdown]`, Enfold's `[av_countdown]`): its script counted down to a day long past, so its title stood in
# bold over nothing. It goes, counted, as a rendered one does (convert/countdowns.py), keeping what it encloses.
COUNTDOWN = re.compile(r"(?:^|[_-])countdown(?:[_-]timer)?$")
# A line break typed into an attribute's text (`text="OUR<br />SERVICES"`, or a new line there, which wpautop
# made one), which the theme printed as it was; and a blank line there, which wpautop made a paragraph break.
BREAK = re.compile(r"&lt;br\s*/?&gt;|&lt;/p&gt;\s*&lt;p&gt;", re.IGNORECASE)
# Divi's code module's new lines and line breaks, kept as comments (wptexturize may have made a comment's first or
# last dashes a dash: `<!–- [et_pb_br_holder] -–>`), and its paragraphs as `<pee>`: see _divi_code.
HOLDER = re.compile(r"<!(?:--|–-?|—)\s*\[et_pb_(?P<kind>line_break|br)_holder\]\s*(?:--|-?–|—)>")
HOLDS = {"line_break": "\n", "br": "<br />"}
PEE = re.compile(r"<(/?)pee>")
HTML_TAG = re.compile(r"<[a-zA-Z][^<>]*>")  # a tag, never across another `<`: linear on a run of them
# Returns the HTML an element shows, which may hold WordPress's own shortcodes; None when it cannot tell.
Element = Callable[[dict[str, str], str, Context], "str | None"]


def is_builder(name: str, themed: bool) -> bool:
    """Whether `name` is a builder's, in a text that uses a theme's layout shortcodes or not (see themed)."""
    return name.startswith(PREFIXES) or (themed and THEME_NAMES.fullmatch(name) is not None)


def themed(text: str) -> bool:
    return THEME_CLOSING.search(text) is not None


def curled(attributes: str) -> bool:
    """Whether wptexturize curled the quotes of a value (`style=&#8221;minimal&#8221;`): it does so only to a
    shortcode no plugin registered where the page was rendered, which no prefix list can name in full (Salient's
    `[toggle]`, `[fancy_box]`, `[image_with_animation]`). An editor's own curly quote never follows `=` directly."""
    return CURLED_VALUE.search(attributes) is not None


def without_tags(text: str) -> str:
    """Text without the builders' tags, where it has no structure to keep: a layout's tag parts the words of
    its neighbours, an inline element's does not. Those of elements no prefix names, told by their curled
    quotes (see curled), go too, with their closing tags."""
    text = (TAG if themed(text) else PREFIXED_TAG).sub(lambda m: "" if INLINE.fullmatch(m["name"]) else " ", text)
    if not CURLED_VALUE.search(text):
        return text
    names = {m["name"] for m in OPENING.finditer(text) if curled(m["atts"])}
    return OPENING.sub(lambda m: " " if m["name"] in names and curled(m["atts"]) else m.group(0),
                       re.sub(r"\[/([a-z][\w-]*)\]", lambda m: " " if m[1] in names else m.group(0), text))


def straight_quotes(attributes: str) -> str:
    """An attribute text as the editor wrote it, before wptexturize curled its quotes. wptexturize curls every
    quote or none: with a straight quote left, the curly ones are the editor's own (`title="Don’t"`)."""
    if '"' in attributes or "'" in attributes or not CURLED_START.search(attributes):
        return attributes
    return CURLED.sub(lambda m: "'" if SINGLE.fullmatch(m.group(0)) else '"', attributes)


def element(name: str, named: dict[str, str], inner: str, ctx: Context) -> str:
    """What the element shows: its content (whose shortcodes the caller expands), or what ELEMENTS make; marked
    as such when the live page hid it on desktop screens (builder_visibility.py).
    `named` holds the attributes as the HTML has them, entities and all."""
    named = {key: untexturized(unescape(value)) for key, value in named.items()}
    made = _shown(name, named, inner, ctx)
    return marked_hidden(made) if hidden_on_desktop(named) else made


def _shown(name: str, named: dict[str, str], inner: str, ctx: Context) -> str:
    if SHARE.search(name) and not inner.strip():
        ctx.losses.note(loss.SHARE_WIDGET, f"[{name}]")
        return ""
    if COUNTDOWN.search(name):
        ctx.losses.note(loss.COUNTDOWN, f"[{name}]")
        return inner
    made = ELEMENTS[name](named, inner, ctx) if name in ELEMENTS else _shown_in_attributes(name, named, inner, ctx)
    if made is not None:
        return made
    if SPACING.search(name) and WORDS_ONLY.fullmatch(inner.strip()):  # a text separator's words between its lines
        return f"<h4>{inner.strip()}</h4>"
    if inner.strip():
        title = named.get("title", "").strip()
        inner = inner if INLINE.fullmatch(name) else f"<div>{inner}</div>"
        return (f"<p><strong>{escape(title)}</strong></p>" if title else "") + inner
    if SPACING.search(name):  # it stood between blocks, or at least between words
        title = named.get("title", "").strip()  # WPBakery's text separator shows it between its lines, as <h4>
        line = RULE.search(name) and not any(named.get(key, "").strip() == value for key, value in NO_LINE.items())
        return ("<hr>" if line else " ") + (f"<h4>{escape(title)}</h4>" if title else "")
    # An empty column (`[vc_column_inner width="1/6"]`) or text block (`[vc_column_text css=""][/vc_column_text]`)
    # showed nothing: nothing of it is lost.
    if named and not LAYOUT.search(name) and not TEXT_HOLDER.search(name):
        ctx.losses.note(loss.BUILDER_ELEMENT, f"[{name}]")
    return ""


def untexturized(value: str) -> str:
    """An attribute's address as the editor typed it, before wptexturize (see TEXTURIZED); other text as it is."""
    if not ADDRESS.match(value):
        return value
    return TEXTURIZED.sub(lambda m: UNTEXTURIZED[m.group(0)], value)


def shows_something(name: str, named: dict[str, str], inner: str) -> bool:
    """Whether an element no rule knows shows anything, read from its attributes and content (see WORD_KEYS,
    VIDEO_KEYS and IMAGE_KEYS), or only spaces the layout, or shares the page (see SHARE)."""
    keys = (*WORD_KEYS, *IMAGES_KEYS, *TITLE_KEYS, *LINE_KEYS)
    return (bool(inner.strip()) or SPACING.search(name) is not None or SHARE.search(name) is not None
            or any(_worded(named.get(key, "")) for key in keys) or bool(_picture(named) or _played(named)
                                                                     or _address(named))
            or bool(_qualified_picture(named)) or any(qualified_words(named, STYLING_WORDS)))


def shows_picture(name: str, named: dict[str, str], address: str) -> bool:
    """Whether `address` is the picture an element no rule knows shows (see _element_picture), beside the words its
    other attributes hold: a team member's `photo`, a testimonial's `avatar`, an image element's `src` and `alt`."""
    named = {key: untexturized(unescape(value)) for key, value in named.items()}
    return address == _element_picture(name, named)


def _element_picture(name: str, named: dict[str, str]) -> str:
    """The picture an element names (see _picture), or, for one named as a picture, the address under `src` or `url`
    (see PICTURE_ELEMENT)."""
    if (found := _picture(named) or _qualified_picture(named)) or not PICTURE_ELEMENT.search(name):
        return found
    address = _first(named, PICTURE_ADDRESS_KEYS)
    return address if ADDRESS.match(address) else ""


def styling_only(named: dict[str, str]) -> bool:
    """Whether every attribute of an element only styles it, or picks the posts a list of the theme's showed
    (`[icons icon_type="extraicon" font_size="64px"]`, `[contentbox padding="60px"]`, `[portfolio gap="30"
    column="4c"]`): nothing a reader would miss, unlike a plugin's `[tablepress id="1"]`."""
    return bool(named) and all(not STYLING_WORDS.isdisjoint(STYLING_PART.split(key.lower())) for key in named)


def _shown_in_attributes(name: str, named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """An element no rule knows: its picture or pictures, the video it plays, title and lines (see IMAGE_KEYS and
    VIDEO_KEYS), then its content, or, with nothing inside, the words of its attributes (see WORD_KEYS), linked
    where it links (see _linked), or else its link alone. None when it shows none of these."""
    if INLINE.fullmatch(name) or SPACING.search(name) or LAYOUT.search(name):  # a column's `position="first"`
        return None
    image, images = _element_picture(name, named), _first(named, IMAGES_KEYS)
    alt = named.get("alt", "").strip()
    pictures = ((_by_id(image, ctx) if image.isdigit() and int(image) else _figure(image, alt) if ADDRESS.match(image)
                 else "") + (f'[gallery ids="{images}"]' if IDS.fullmatch(images) else ""))
    # A testimonial's `title` is its heading and `name` who said it: the first is the title, the others lines.
    qualified_titles, qualified_lines = qualified_words(named, STYLING_WORDS)
    title, *others = dict.fromkeys([*(named[key].strip() for key in TITLE_KEYS if _worded(named.get(key, ""))),
                                    *qualified_titles]) or [""]
    title = f"{title} {value}" if title and (value := _meter_value(name, named)) else title
    lines = "".join(f"<p>{_words(line)}</p>" for line in
                    [*others, *(named[key].strip() for key in LINE_KEYS if _worded(named.get(key, "")))])
    lines += "".join(f"<div>{line}</div>" for line in qualified_lines)
    video = _played(named)
    shown = pictures or video or lines or inner.strip()
    words = _first(named, WORD_KEYS)
    # An image box or card that links with no words of its own (an arrow, the whole box) links its title.
    url = "" if video or words or _address(named) == image else _address(named)
    titled = bool(title) and bool(shown or not LIVE.search(name))
    named_words = f'<a href="{escape(url)}">{_words(title)}</a>' if url and titled else _words(title)
    level = next((named[key].strip() for key in LEVEL_KEYS if HEADING.fullmatch(named.get(key, "").strip())), "")
    heading = f"<{level}>{named_words}</{level}>" if level else f"<p><strong>{named_words}</strong></p>"
    parts = [pictures, f"[embed]{escape(video)}[/embed]" if video else "", heading if titled else "", lines]
    if inner.strip():
        parts.append(_inner_heading(name, named, inner) or f"<div>{inner}</div>")
    elif words:
        parts.append(_link(_linked(named), words) or "")
    elif url and not titled:  # an icon that links: named by its address, as _vc_icon's
        parts.append(_link(url, url) or "")
    return "".join(parts) or None


def _meter_value(name: str, named: dict[str, str]) -> str:
    """How full a skill or progress bar is (see METER), as its label showed it: a percentage given as a bare number
    with its sign."""
    if not METER.search(name):
        return ""
    for key in METER_KEYS:
        if NUMBER.fullmatch(value := named.get(key, "").strip()):
            return value + "%" if key in ("percent", "percentage") and not value.endswith("%") else value
    return ""


def _inner_heading(name: str, named: dict[str, str], inner: str) -> str | None:
    """The words inside an element named as a heading, as a heading of the level it names (see TITLE_ELEMENT);
    None for one that names no level, has a title of its own, or holds blocks a heading cannot."""
    if not TITLE_ELEMENT.search(name) or _worded(named.get("title", "")) or BLOCK_TAG.search(inner):
        return None
    level = next((found[1] for key in LEVEL_KEYS if (found := NUMBERED_HEADING.fullmatch(named.get(key, "").strip()))),
                 "")
    return f"<h{level}>{inner.strip()}</h{level}>" if level else None


def _worded(value: str) -> bool:
    """Whether an attribute holds words, not nothing, a switch (Divi's post title's `author="off"`, which
    hides the live post's author: see SWITCHES) or a placeholder without a letter or digit (a quote's `cite="#"`)."""
    value = value.strip()
    return value.lower() not in SWITCHES and any(character.isalnum() for character in value)


def _linked(named: dict[str, str]) -> str:
    """What an element links to: an address, or a WPBakery link (`url:https%3A%2F%2F…|title:…`) read as
    _vc_button reads it."""
    url = _first(named, LINK_KEYS)
    link = dict(part.split(":", 1) for part in url.split("|") if ":" in part) if url.startswith("url:") else {}
    return unquote(link["url"]) if link.get("url") else url


def _address(named: dict[str, str]) -> str:
    """The address an element links to, if it is one (not `link="none"`)."""
    url = _linked(named).strip()
    return url if ADDRESS.match(url) else ""


def _picture(named: dict[str, str]) -> str:
    """The picture an element names (see IMAGE_KEYS and PICTURE_WORDS): an attachment's id or an address."""
    if image := _first(named, IMAGE_KEYS):
        return image
    for key, value in named.items():
        words = [word for word in STYLING_PART.split(key.lower()) if word]
        if len(words) > 1 and words[-1] in PICTURE_WORDS and STYLING_WORDS.isdisjoint(words) and value.strip():
            return value.strip()
    return ""


def _qualified_picture(named: dict[str, str]) -> str:
    return qualified_picture(named, STYLING_WORDS, PICTURE_WORDS)


def _played(named: dict[str, str]) -> str:
    """The address of the video an element plays (see VIDEO_KEYS), if it names one."""
    url = _first(named, VIDEO_KEYS)
    return url if ADDRESS.match(url) else ""


def _first(named: dict[str, str], keys: tuple[str, ...]) -> str:
    return next((named[key].strip() for key in keys if named.get(key, "").strip()), "")


def _words(value: str) -> str:
    """An attribute's text as HTML, its typed line breaks kept (see BREAK)."""
    return BREAK.sub("<br>", escape(value.strip()))


def _figure(src: str, alt: str = "", caption: str = "", link: str = "", title: str = "") -> str:
    tooltip = f' title="{escape(title)}"' if title else ""
    image = f'<img src="{escape(src)}" alt="{escape(alt)}"{tooltip}>'
    if link:
        image = f'<a href="{escape(link)}">{image}</a>'
    return f"<figure>{image}{f'<figcaption>{escape(caption)}</figcaption>' if caption else ''}</figure>"


def _by_id(value: str, ctx: Context) -> str | None:
    """An attachment named by id (`12`, or Avada's `12|full`), from the saved media."""
    ident = re.match(r"\s*(\d+)", value)
    if ident is None:
        return None
    media = ctx.media.get(int(ident.group(1)))
    if media is None:
        ctx.losses.note(loss.UNRESOLVED_MEDIA, f"attachment {ident.group(1)}")
        return ""
    return _figure(media.url, media.alt, media.caption)


def _vc_image(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    if named.get("source") == "external_link" and named.get("custom_src"):
        return _figure(named["custom_src"], named.get("alt", ""), named.get("title", ""))
    return _by_id(named.get("image", "") or named.get("media", ""), ctx)  # Uncode names it `media`


def _salient_image(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """Salient's `[image_with_animation image_url="27"]` names an attachment by id, or an image by its address."""
    value = named.get("image_url", "").strip()
    if not value:
        return None
    return _by_id(value, ctx) if value.isdigit() else _figure(value, named.get("alt", ""))


def _image(source: str) -> Element:
    def made(named: dict[str, str], inner: str, ctx: Context) -> str | None:
        src = named.get(source, "").strip()
        if not src:
            return None
        # Divi's title_text is the picture's tooltip (its title attribute), filled in from the file's name
        # (`icon01`) unless the author changed it: never text under the picture.
        return _figure(src, named.get("alt", ""), link=named.get("url", "").strip(),
                       title=named.get("title_text", "").strip())
    return made


def _imageframe(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    return None if inner.strip() else _by_id(named.get("image_id", ""), ctx)


def _gallery(*ids: str) -> Element:
    def made(named: dict[str, str], inner: str, ctx: Context) -> str | None:
        found = next((named[key].strip() for key in ids if named.get(key, "").strip()), "")
        return f'[gallery ids="{escape(found)}"]' if found else None
    return made


def _video(source: str, address: str = "{}") -> Element:
    def made(named: dict[str, str], inner: str, ctx: Context) -> str | None:
        src = named.get(source, "").strip()
        return f"[embed]{escape(address.format(src))}[/embed]" if src else None
    return made


def _link(url: str, text: str) -> str | None:
    url, text = url.strip(), text.strip()
    if not text:
        return None
    return f'<p><a href="{escape(url)}">{escape(text)}</a></p>' if url else f"<p>{escape(text)}</p>"


def _vc_button(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """WPBakery keeps a link as `url:https%3A%2F%2F…|title:…|target:_blank`."""
    parts = dict(part.split(":", 1) for part in named.get("link", "").split("|") if ":" in part)
    return _link(unquote(parts.get("url", "")), named.get("title", "") or unquote(parts.get("title", "")))


def _vc_icon(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """An icon that links somewhere (a row of social icons) is that link, named by its title, else its address,
    as name_icon_links names an icon link; an icon alone is decoration."""
    parts = dict(part.split(":", 1) for part in named.get("link", "").split("|") if ":" in part)
    url = unquote(parts.get("url", "")).strip()
    return _link(url, unquote(parts.get("title", "")) or url) if url else None


def _enfold_button(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """Enfold's `link="manually,https://…"`; a link to one of the site's posts by id (`page,12`) is left out."""
    kind, _, url = named.get("link", "").partition(",")
    return _link(url if kind == "manually" else "", named.get("label", ""))


def _heading(text: Callable[[dict[str, str], str], str], level: Callable[[dict[str, str]], str]) -> Element:
    def made(named: dict[str, str], inner: str, ctx: Context) -> str | None:
        words = text(named, inner).strip()
        if not words:
            return None
        tag = level(named)
        tag = tag if re.fullmatch(r"h[1-6]", tag) else "h2"
        return f"<{tag}>{words}</{tag}>"
    return made


def _font_container_tag(named: dict[str, str]) -> str:
    """WPBakery's `font_container="tag:h3|text_align:left"`; Uncode's `heading_semantic="h1"`."""
    tag = dict(p.split(":", 1) for p in named.get("font_container", "").split("|") if ":" in p).get("tag")
    return tag or named.get("heading_semantic") or "h2"


def _vc_custom_heading(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """WPBakery's heading keeps its words in `text`; Uncode's keeps them inside, with a line under it
    (`subheading`)."""
    words = _words(named["text"]) if named.get("text", "").strip() else inner
    heading = _heading(lambda named, inner: words, _font_container_tag)(named, inner, ctx)
    under = named.get("subheading", "").strip()
    return (heading or "") + (f"<p>{escape(under)}</p>" if under else "") or None


def _raw_html(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    return raw_html(inner)


def raw_html(inner: str) -> str | None:
    """WPBakery keeps raw HTML as base64 of its URL-encoded text."""
    try:
        return unquote(base64.b64decode(inner.strip(), validate=True).decode("utf-8"))
    except (binascii.Error, UnicodeDecodeError):
        return None


def _divi_code(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """Divi's code module keeps the new lines of its code as comments (`<iframe<!-- [et_pb_line_break_holder] -->
    src="…"`), its line breaks so too and its paragraphs as `<pee>`, which Divi makes what they were when it shows
    the page. Left in, a comment inside a tag broke it (its attributes then showed as text), and wptexturize curled
    the quotes of what it no longer saw as a tag."""
    code = PEE.sub(r"<\1p>", HOLDER.sub(lambda found: HOLDS[found["kind"]], inner))
    return f"<div>{HTML_TAG.sub(lambda tag: straight_quotes(tag.group(0)), code)}</div>" if code.strip() else None


def _script(named: dict[str, str], inner: str, ctx: Context) -> str:
    ctx.losses.note(loss.SCRIPT, "page builder script")
    return ""


def _quote(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """A pull quote stands apart from the text it is set in, as the theme floats it beside the paragraph, over
    who said it where the shortcode names them (`[su_quote cite="Mayor" url="…"]`), as a quote's source line."""
    if not inner.strip():
        return None
    who, url = escape((named.get("cite") or named.get("author") or "").strip()), named.get("url", "").strip()
    source = f'<a href="{escape(url)}">{who}</a>' if who and url.startswith(("http://", "https://")) else who
    return f"<blockquote>{inner}{f'<p>— {source}</p>' if source else ''}</blockquote>"


def _divi_bar(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """A bar of Divi's counters shows its label and, unless `use_percentages="off"`, how full it is: "Pastel 67%"."""
    percent = named.get("percent", "").strip().rstrip("%")
    if not inner.strip() or not percent or named.get("use_percentages") == "off":
        return None
    return f"<p>{inner.strip()} {escape(percent)}%</p>"


def _divi_number(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """Divi's number and circle counters show a number (a percentage unless `percent_sign="off"`) over a title."""
    number = named.get("number", "").strip()
    if not number:
        return None
    sign = "" if named.get("percent_sign") == "off" else "%"
    title = named.get("title", "").strip()
    return f"<p><strong>{escape(number)}{sign}</strong>{' ' + escape(title) if title else ''}</p>"


def _salient_milestone(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """Salient's milestone, a counter: its number with its symbol before or after it (`symbol_position`, after
    unless said), over its subject: a workshop's fee "AUD 1,400" was dropped. A symbol of one sign sits against
    the number ("$1,400", "95%"), a word apart from it."""
    number = named.get("number", "").strip()
    if not number:
        return None
    symbol = named.get("symbol", "").strip()
    space = " " if len(symbol) > 1 and any(c.isalpha() for c in symbol) else ""
    before = named.get("symbol_position", "").strip() == "before"
    shown = f"{symbol}{space}{number}" if before else f"{number}{space}{symbol}"
    subject = named.get("subject", "").strip()
    return f"<p><strong>{escape(shown)}</strong>{' ' + escape(subject) if subject else ''}</p>"


def _card(named: dict[str, str], inner: str, image: str, title: str, lines: tuple[str, ...] = (),
          buttons: tuple[tuple[str, str], ...] = (), networks: tuple[str, ...] = ()) -> str | None:
    """A module whose words sit in its attributes (Divi's team member, call to action, blurb): its picture, its
    title (a link when the module links), the lines under it, its text, its buttons, its links to social sites."""
    parts = [_figure(named[image].strip(), named.get("alt", "")) if named.get(image, "").strip() else ""]
    name, url = named.get(title, "").strip(), named.get("url", "").strip()
    if name:
        shown = f'<a href="{escape(url)}">{escape(name)}</a>' if url else escape(name)
        parts.append(f"<p><strong>{shown}</strong></p>")
    parts += [f"<p>{escape(named[key].strip())}</p>" for key in lines if named.get(key, "").strip()]
    parts.append(f"<div>{inner}</div>" if inner.strip() else "")
    parts += [_link(named.get(address, ""), named.get(label, "")) or "" for address, label in buttons
              if named.get(address, "").strip()]
    parts += [_link(named[f"{site}_url"], site.title()) or "" for site in networks
              if named.get(f"{site}_url", "").strip()]
    return "".join(parts) or None


def _testimonial(named: dict[str, str], inner: str, ctx: Context) -> str | None:
    """Divi's testimonial: the quote, then who said it ("— Ana Lima, Chef, Acme"), as a quote's source line."""
    who = ", ".join(named[k].strip() for k in ("author", "job_title", "company_name") if named.get(k, "").strip())
    if not inner.strip():
        return None
    return f"<blockquote>{inner}{f'<p>— {escape(who)}</p>' if who else ''}</blockquote>"


# Cornerstone's (the X theme's) quotes name who said it in `cite`, as Shortcodes Ultimate's do; themes' plain
# `[blockquote author="…" pull="pullleft"]` and `[quote author="…"]` in `author` (a news theme demo's three).
QUOTES = ("pullquote", "pullquote-left", "pullquote-right", "pullquote_left", "pullquote_right", "su_pullquote",
          "su_quote", "gdlr_quote", "x_blockquote", "x_pullquote", "blockquote", "quote")

ELEMENTS: dict[str, Element] = {
    **dict.fromkeys(QUOTES, _quote),
    # ThemeREX's names who said it in `title`, and the address of where they said it in `cite` (`#` for none).
    "trx_quote": lambda named, inner, ctx: _quote({"cite": named.get("title", ""), "url": named.get("cite", "")},
                                                  inner, ctx),
    "vc_single_image": _vc_image,
    "image_with_animation": _salient_image,
    "milestone": _salient_milestone,
    "et_pb_image": _image("src"),
    "et_pb_fullwidth_image": _image("src"),
    "av_image": _image("src"),
    "fusion_imageframe": _imageframe,
    "vc_gallery": _gallery("images", "medias"),  # Uncode's are `medias`
    "vc_images_carousel": _gallery("images"),
    "et_pb_gallery": _gallery("gallery_ids"),
    "vc_video": _video("link"),
    "et_pb_video": _video("src"),
    "av_video": _video("src"),
    "fusion_youtube": _video("id", "https://www.youtube.com/watch?v={}"),
    "fusion_vimeo": _video("id", "https://vimeo.com/{}"),
    "et_pb_button": lambda named, inner, ctx: _link(named.get("button_url", ""), named.get("button_text", "")),
    "vc_btn": _vc_button,
    "vc_icon": _vc_icon,
    "fusion_button": lambda named, inner, ctx: _link(named.get("link", ""), inner),
    "su_button": lambda named, inner, ctx: _link(named.get("url", ""), inner),
    "su_youtube": _video("url"),
    "su_vimeo": _video("url"),
    "av_button": _enfold_button,
    "vc_custom_heading": _vc_custom_heading,
    "fusion_title": _heading(lambda named, inner: inner, lambda named: "h" + named.get("size", "2")),
    "gdlr_heading": _heading(lambda named, inner: inner, lambda named: named.get("tag", "h3")),  # GoodLayers'
    "av_heading": _heading(lambda named, inner: escape(named.get("heading", "")),
                           lambda named: named.get("tag", "h2")),
    # Divi's Heading module (4.22), its words in `title`, a level one heading unless `title_level` says otherwise.
    "et_pb_heading": _heading(lambda named, inner: escape(named.get("title", "")),
                              lambda named: named.get("title_level") or "h1"),
    "et_pb_team_member": lambda named, inner, ctx: _card(named, inner, "image_url", "name", ("position",),
                                                         networks=("facebook", "twitter", "google", "linkedin")),
    "et_pb_cta": lambda named, inner, ctx: _card(named, inner, "", "title", (), (("button_url", "button_text"),)),
    "et_pb_blurb": lambda named, inner, ctx: _card(named, inner, "image", "title"),
    "et_pb_fullwidth_header": lambda named, inner, ctx: _card(
        named, inner, "logo_image_url", "title", ("subhead",),
        (("button_one_url", "button_one_text"), ("button_two_url", "button_two_text"))),
    "et_pb_testimonial": _testimonial,
    "et_pb_counter": _divi_bar,
    "et_pb_number_counter": _divi_number,
    "et_pb_circle_counter": _divi_number,
    # A social network's icon in Divi's row of them: the link to the site's page there, named by the network.
    "et_pb_social_media_follow_network": lambda named, inner, ctx: _link(named.get("url", ""),
                                                                          inner or named.get("social_network", "")),
    "vc_raw_html": _raw_html,
    "vc_raw_js": _script,
    "et_pb_code": _divi_code,
    "et_pb_fullwidth_code": _divi_code,
}
