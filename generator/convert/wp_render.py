"""A post's raw `post_content`, as saved in an export, rendered as WordPress's `the_content` would.

WordPress renders a block post by its blocks (their HTML is already in the content; only dynamic
blocks render anew) and gives it no automatic paragraphs; a classic post gets paragraphs from its
blank lines, and a URL alone on a line becomes an embed. Shortcodes are left for the converter,
which expands them on REST content too, except that a gallery or playlist without ids is given
the ids of the post's own attachments, which only the export knows.
"""

from __future__ import annotations

import functools
import json
import re
from typing import Any
from collections.abc import Callable, Mapping, Sequence
from html import escape as html_escape

from generator.convert import (acf_blocks, code_shortcodes, dynamic_blocks, markdown_source, page_builders, paired,
                               shortcode_theme, shortcodes, textile_source)
from generator.convert.autop import autop, join_source_lines
from generator.convert.embeds import SITES
from generator.convert.shortcode_handlers import FORMS
from generator.convert.smilies import typed_smilies_as_emoji
from generator.convert.texturize import capital_p, marks_for, texturize
from generator.sources.wp_syntax import MEDIA_LIST, SYNCED_PATTERN, Attachment, parse_attributes
from generator.sources.wxr_items import EXCERPT_CHARACTERS, RENDER

# A block's attributes: JSON, which ends before the next delimiter, as WordPress's serializer escapes `--` (and
# `<`, `>`) in it; a hand-made post may hold raw markup there. (A pattern `\{.*?\}` searched the rest of the post
# from each block left unclosed, and again for each later `} -->`: a post of 2,000 such blocks took minutes.)
# Elements are found with their closing delimiters by convert/paired.py, which searches each stretch once.
JSON = r"\{(?:(?!<!--).)*?\}"
ATTRIBUTES = rf"(?:\s+{JSON})?"
BLOCK = re.compile(rf"<!--\s+wp:(?:core/)?([a-z][a-z0-9_/-]*){ATTRIBUTES}\s+(/)?-->", re.DOTALL)  # (/: a block whole in it)
FOOTNOTES_BLOCK = re.compile(rf"<!--\s+wp:(?:core/)?(footnotes){ATTRIBUTES}\s+(/)?-->", re.DOTALL)
BLOCK_DELIMITER = re.compile(rf"<!--\s+/?wp:[a-z][a-z0-9_/-]*{ATTRIBUTES}\s+/?-->\n?", re.DOTALL)
SHORTCODE_BLOCK = re.compile(r"<!--\s+wp:(?:core/)?shortcode\s+-->")
# Jetpack's Story block, which its plugin renders from the slides in its attributes (`mediaFiles`).
STORY_BLOCK = re.compile(rf"<!--\s+wp:jetpack/story(?:\s+({JSON}))?\s+(/)?-->", re.DOTALL)
# Jetpack's `[slideshow]` attributes: a gallery's choice of images and its own timing and transition.
SLIDESHOW_KEYS = frozenset({"id", "ids", "include", "exclude", "orderby", "order", "trans", "autostart", "size"})
IMAGELIST_KEYS = frozenset({"id"})  # a portfolio theme's list of a post's pictures names that post alone
URL_LINE = re.compile(r"^(\s*)(https?://[^\s<>\"]+)(\s*)$", re.MULTILINE)
URL_PARAGRAPH = re.compile(r"(<p(?:\s[^<>]*)?>\s*)(https?://[^\s<>\"]+)(\s*</p>)", re.IGNORECASE)
# Elementor's video widget saves its address alone in the page's content, where its player stands, between the
# other widgets' markup (`…</h6>https://www.youtube.com/watch?v=…<p>Economia</p>`): after a block's end, before a
# tag that opens or the content's end; an address closing a link or a paragraph's words is no widget.
URL_AFTER_BLOCK = re.compile(r"(</(?:p|h[1-6]|div|ul|ol|dl|figure|blockquote|table|section|pre)>\s*)"
                             r"(https?://[^\s<>\"]+)(\s*)(?=<[a-z]|$)", re.IGNORECASE)
# Half an emoji a block's attributes escaped alone (`{"text":"Go \\ud83d"}`, a plugin's cut of a longer text): the
# JSON reader keeps it as a lone surrogate, which no page can be written with (the post failed to convert). It is
# shown as the replacement character, as a REST response's lone escapes are (sources/wp_json.py).
LONE_SURROGATE = re.compile("[\ud800-\udfff]")
SCRIPT_OR_STYLE = (re.compile(r"<(script|style)\b", re.IGNORECASE), lambda found: f"</{found[1].lower()}>")
TAG = re.compile(r"<[^>]*>")
# Tags inside a run of text: taken out with nothing in their place, as WordPress strips them ("文件<b>x</b>。"
# stays one run; so does a word with its ruby reading, "「<ruby>論文<rt>ペーパー</rt></ruby>」"). Any other tag
# stands where WordPress's autop has put a line break.
INLINE_TAG = re.compile(r"</?(?:a|abbr|b|bdi|bdo|cite|code|del|dfn|em|i|ins|kbd|mark|q|s|samp|small|span|strong"
                        r"|sub|sup|time|tt|u|var|ruby|rb|rt|rtc|rp)(?:\s[^>]*)?>", re.IGNORECASE)
# The shortcodes WordPress registers itself, Jetpack's embeds and math (as on WordPress.com) and CodePen's plugin's
# pens, which the converter makes links and code; strip_shortcodes removes them with what they enclose. A name ends
# where WordPress's does, before anything but a letter, digit, `_` or `-`: `[video-note]` is another shortcode than
# `[video]`. (Each is an opening tag, which encloses what stands up to its closing tag, if one follows before
# another opening of its name: see _without_shortcodes.)
CORE_SHORTCODE = re.compile(r"\[(caption|wp_caption|gallery|slideshow|playlist|audio|video|embed|youtube|vimeo|tweet"
                            r"|googlemaps|slideshare|gist|dailymotion|archiveorg|soundcloud|instagram|scribd|wpvideo"
                            r"|latex|codepen_embed)"
                            r"(?![\w-])[^\]]*\]")
# A form's shortcodes (Jetpack's [contact-form] holds its [contact-field]s): registered on the site, so its
# automatic excerpt has none of them, nor any field's label.
FORM_SHORTCODE = re.compile(rf"\[({'|'.join(map(re.escape, (*FORMS, 'contact-field')))})(?![\w-])[^\]]*\]")
# WPBakery's raw HTML and raw JavaScript elements: what they hold is base64 (see page_builders.raw_html), no words.
RAW_BUILDER_SHORTCODE = re.compile(r"\[(vc_raw_html|vc_raw_js)(?![\w-])[^\]]*\]")
# Blocks an automatic excerpt keeps (WordPress's excerpt_remove_blocks); the others go whole.
EXCERPT_BLOCKS = frozenset({"freeform", "heading", "html", "list", "list-item", "media-text", "paragraph",
                            "preformatted", "pullquote", "quote", "table", "verse", "columns", "column", "group"})
EXCERPT_WORDS = 55
# Scripts written without spaces between words: Chinese characters, kana.
UNSPACED = re.compile(r"[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")
CHARACTER = re.compile(r"&(?:#[0-9]+|#x[0-9a-fA-F]+|[A-Za-z][A-Za-z0-9]*);|.", re.DOTALL)  # as a reader counts
# A social icon block is dynamic: the post saves only its attributes, and WordPress renders the link.
SOCIAL_LINK = re.compile(rf"<!--\s+wp:(?:core/)?social-link\s+({JSON})\s+/-->", re.DOTALL)
# The blocks of a synced pattern whose attributes a post may override, and where each attribute stands in
# their HTML: the place between `open` and `close`, and how the value is written there.
OVERRIDABLE_BLOCK = re.compile(rf"<!--\s+wp:(?:core/)?(paragraph|heading|button|image)\s+({JSON})\s+-->", re.DOTALL)
_TEXT_IN = re.compile(r"(?P<open><(?P<tag>p|h[1-6])\b[^>]*>).*(?P<close></(?P=tag)>)", re.DOTALL)
_LINK_TEXT = re.compile(r"(?P<open><a\b[^>]*>).*?(?P<close></a>)", re.DOTALL)
OVERRIDE_RULES = {
    ("paragraph", "content"): (_TEXT_IN, str),
    ("heading", "content"): (_TEXT_IN, str),
    ("button", "text"): (_LINK_TEXT, str),
    ("button", "url"): (re.compile(r'(?P<open><a\b[^>]*?\shref=")[^"]*(?P<close>")'), html_escape),
    ("image", "url"): (re.compile(r'(?P<open><img\b[^>]*?\ssrc=")[^"]*(?P<close>")'), html_escape),
    ("image", "alt"): (re.compile(r'(?P<open><img\b[^>]*?\salt=")[^"]*(?P<close>")'), html_escape),
}
# SyntaxHighlighter's shortcodes, on every WordPress.com site and many others: `[code language="bash"]`,
# `[sourcecode lang="py"]`, `[php]`, and CodeColorer's. The plugin renders them before paragraphs are made, so
# their text stays whole.
CODE_SHORTCODE = re.compile(rf"\[({code_shortcodes.NAMES})((?:\s[^\]]*)?)\]")  # to its closing tag
# WP-Syntax's `<pre lang="php">` and CodeColorer's `<code lang="php">`, alone or in a <pre>: the plugin shows
# what they hold as code, tags and all (`<?php`, `echo "<div>"`), where a browser would take it for HTML.
CODE_TAG = re.compile(r"(<pre\b[^>]*>\s*)?<(pre|code)\b[^>]*?\slang=[\"']?([\w+#-]*)[\"']?[^>]*>(.*?)</\2>"
                      r"(?(1)\s*</pre>)", re.DOTALL | re.IGNORECASE)
# A Markdown editor writes a fence that names its language as `<pre lang="c++"><code>…</code></pre>`, the code
# escaped as HTML (`a &lt; b`, never a bare `<`) for a highlighter that reads `<pre lang>`: that <code> is the
# editor's markup around the code, not part of it, and shown as code it would open and close every listing.
MARKDOWN_FENCE = re.compile(r"\s*<code\b[^>]*>([^<]*)</code>\s*", re.IGNORECASE)


def rendered(data: dict[str, Any]) -> dict[str, Any]:
    """A post read from an export (its content and excerpt raw, and what rendering them needs under RENDER)
    as a REST response holds it: content and excerpt rendered, and they and the title curled as WordPress in the
    site's language curls them (convert/texturize.py), their smilies emoji where the site shows them, "Wordpress" "WordPress" (but in an
    excerpt written by hand, as there). Any other item is returned as it is."""
    needs = data.get(RENDER)
    if not isinstance(needs, dict):
        return data
    raw, excerpt = data["content"]["raw"], data["excerpt"]["raw"]
    rest = {key: value for key, value in data.items() if key != RENDER}
    markdown = needs.get("markdown", False)
    marks = marks_for(str(needs.get("language", "")))
    curl = (lambda html: html) if marks is None else functools.partial(texturize, marks=marks)
    title = data.get("title")
    if isinstance(title, dict) and isinstance(title.get("rendered"), str):  # an export's is raw, REST's curled
        rest["title"] = {**title, "rendered": capital_p(curl(title["rendered"]), marks, title=True)}
    summary = (curl(render_content(excerpt, data["id"], {}, markdown=markdown)) if excerpt
               else capital_p(curl(auto_excerpt(raw, needs.get("excerpt_characters", 0), markdown)), marks))
    content = capital_p(curl(rendered_content(data)["rendered"]), marks)
    smilies = typed_smilies_as_emoji if needs.get("smilies", True) else (lambda html: html)  # a dump's use_smilies
    return {**rest, "content": {"rendered": smilies(content)}, "excerpt": {"rendered": smilies(summary)}}


def rendered_media(data: dict[str, Any]) -> dict[str, Any]:
    """An attachment read from an export (its caption raw, what rendering it needs under RENDER) as REST serves it:
    its caption through the_excerpt's filters, curled in the site's language and its smilies emoji where the site
    shows them, as WordPress's galleries and REST show it. Any other item is returned as it is."""
    needs = data.get(RENDER)
    if not isinstance(needs, dict):
        return data
    rest = {key: value for key, value in data.items() if key != RENDER}
    caption = str((data.get("caption") or {}).get("rendered") or "")
    marks = marks_for(str(needs.get("language", "")))
    caption = caption if marks is None else texturize(caption, marks)
    return {**rest, "caption": {"rendered": typed_smilies_as_emoji(caption) if needs.get("smilies", True) else caption}}


def rendered_content(data: dict[str, Any]) -> dict[str, str]:
    """`content` of a post read from an export as REST serves it, its synced patterns and bound custom fields
    in their places."""
    needs = data[RENDER]
    synced = {int(ref): content for ref, content in needs["synced"].items()}
    attached: dict[int, list[Attachment]] = {}
    for row in needs["attachments"]:
        attached.setdefault(row[1], []).append(Attachment(*row))
    blocks = with_bound_meta(with_synced_patterns(data["content"]["raw"], synced), needs["meta"])
    return {"rendered": render_content(blocks, data["id"], attached, needs["footnotes"], needs.get("markdown", False),
                                       needs.get("elementor", False))}


def render_content(raw: str, post_id: int, attached: Mapping[int, Sequence[Attachment]], footnotes: str = "",
                   markdown: bool = False, elementor: bool = False) -> str:
    """The HTML a REST response would hold in `content.rendered`, shortcodes still unexpanded. `footnotes` is
    the post's `footnotes` meta (JSON), which the footnotes block shows; `markdown`, whether its meta says the
    post is written in Markdown; `elementor`, whether Elementor builds it (see autop.join_source_lines)."""
    raw = raw.replace("\r\n", "\n")
    if elementor and "<!-- wp:" not in raw:
        raw = join_source_lines(raw)
    if "<!-- wp:" in raw:
        found = paired.elements(raw, SHORTCODE_BLOCK, lambda _: _block_closing("shortcode"))
        html = paired.replace_elements(raw, found, lambda opened, closed: autop(raw[opened.end():closed.start()]))
        if "wp:footnotes" in html:
            html = paired.replace_elements(html, paired.elements(html, FOOTNOTES_BLOCK, block_closing),
                                           lambda *_: footnotes_list(footnotes))
        if "wp:jetpack/story" in html:
            html = paired.replace_elements(html, paired.elements(html, STORY_BLOCK, _story_closing), _story)
        if "wp:social-link" in html:
            html = SOCIAL_LINK.sub(_social_link, html)
        html = dynamic_blocks.with_words(acf_blocks.with_fields(html))
        html = _autoembed(BLOCK_DELIMITER.sub("", html), lines=False)
    elif markdown_source.written_in_markdown(raw, markdown):
        html = markdown_source.render(_autoembed(_code_blocks(_code_tags(raw))), jetpack=markdown)
    elif textile_source.written_in_textile(raw):
        html = textile_source.render(_autoembed(_code_blocks(_code_tags(raw))))
    else:
        html = autop(_autoembed(_code_blocks(_code_tags(raw)), widgets=elementor))
    html = _media_ids(html, post_id, attached) if "[" in html else html
    return LONE_SURROGATE.sub("\ufffd", html) if "\\u" in raw else html


def with_synced_patterns(raw: str, synced: Mapping[int, str], seen: frozenset[int] = frozenset()) -> str:
    """A synced pattern (reusable block, `<!-- wp:block {"ref":12} /-->`) in its place: the content of
    its own `wp_block` post, which an export holds apart. One that holds itself shows once, as in
    WordPress; one the export lacks shows nothing, as there."""
    if "wp:block" not in raw:
        return raw

    def pattern(match: re.Match[str]) -> str:
        try:
            attrs = json.loads(match.group(1))
            ref = attrs.get("ref")
        except (ValueError, AttributeError, RecursionError):
            return match.group(0)
        if not isinstance(ref, int) or ref in seen or ref not in synced:
            return match.group(0)
        overrides = attrs.get("content")
        content = _overridden(synced[ref], overrides) if isinstance(overrides, dict) and overrides else synced[ref]
        return with_synced_patterns(content, synced, seen | {ref})

    return SYNCED_PATTERN.sub(pattern, raw)


def _overridden(pattern: str, overrides: Mapping[str, object]) -> str:
    """A pattern with its overrides (WordPress 6.6+): the post's `content` attribute, by the name a block
    of the pattern was given, holds that post's own text, link or image, which WordPress shows instead."""

    def values(attrs: Mapping[str, Any]) -> object:
        metadata = attrs.get("metadata") or {}
        return overrides.get(metadata.get("name")) if metadata.get("bindings") else None

    return _with_block_values(pattern, values)


def with_bound_meta(raw: str, meta: Mapping[str, str]) -> str:
    """A block bound to a custom field (WordPress 6.5+ block bindings, source `core/post-meta`) saves only
    a placeholder: WordPress shows the post's field there, when it has one and it is not a hidden `_` one."""
    if "core/post-meta" not in raw:
        return raw

    def values(attrs: Mapping[str, Any]) -> dict[str, str]:
        bindings = (attrs.get("metadata") or {}).get("bindings") or {}
        keys = {attribute: (binding.get("args") or {}).get("key") for attribute, binding in bindings.items()
                if binding.get("source") == "core/post-meta"}
        return {attribute: meta[key] for attribute, key in keys.items()
                if isinstance(key, str) and not key.startswith("_") and key in meta}

    return _with_block_values(raw, values)


def _with_block_values(content: str, values_of: Callable[[Mapping[str, Any]], object]) -> str:
    """Each overridable block with the attribute values `values_of` gives for its attributes written into its
    HTML, where WordPress writes them when it renders the block."""

    def block(opened: re.Match[str], closed: re.Match[str]) -> str:
        html = content[opened.end():closed.start()]
        try:
            values = values_of(json.loads(opened.group(2)))
        except (ValueError, AttributeError, TypeError, RecursionError):  # attributes a plugin or a hand edit left odd
            values = None
        if not isinstance(values, dict):
            return opened.group(0) + html + closed.group(0)
        for attribute, value in values.items():
            rule = OVERRIDE_RULES.get((opened.group(1), attribute))
            if rule and isinstance(value, str):
                place, as_html = rule
                html = place.sub(lambda m: m["open"] + as_html(value) + m["close"], html, count=1)
        return opened.group(0) + html + closed.group(0)

    found = paired.elements(content, OVERRIDABLE_BLOCK, lambda opened: _block_closing(opened.group(1)))
    return paired.replace_elements(content, found, block)


def footnotes_list(meta: str) -> str:
    """What WordPress's footnotes block renders: each note, with a link back to its reference."""
    try:
        notes = json.loads(meta) if meta.strip() else []
    except (ValueError, RecursionError):
        notes = []
    if not isinstance(notes, list):  # meta that a plugin or a hand edit left as something else
        notes = []
    items = [(str(n["id"]), str(n.get("content") or "")) for n in notes if isinstance(n, dict) and n.get("id")]
    if not items:
        return ""
    return '<ol class="wp-block-footnotes">' + "".join(
        f'<li id="{html_escape(ident)}">{content} <a href="#{html_escape(ident)}-link" '
        f'aria-label="Jump to footnote reference {number}">↩︎</a></li>'
        for number, (ident, content) in enumerate(items, 1)) + "</ol>"


def _social_link(match: re.Match[str]) -> str:
    """The link WordPress renders for a social icon: to its `url`, named by its label or its service;
    nothing without a url, as there."""
    try:
        attrs = json.loads(match.group(1))
    except (ValueError, RecursionError):
        return ""
    url = attrs.get("url") if isinstance(attrs, dict) else None
    if not isinstance(url, str) or not url.strip():
        return ""
    label = str(attrs.get("label") or attrs.get("service") or url)
    label = label[:1].upper() + label[1:]
    return f'<li class="wp-social-link"><a href="{html_escape(url.strip())}">{html_escape(label)}</a></li>'


def block_closing(opened: re.Match[str]) -> re.Pattern[str] | None:
    """The closing delimiter of the block an opening delimiter starts; None for a block whole in it (`/-->`)."""
    return None if opened.group(2) else _block_closing(opened.group(1))


def shortcode_closing(opened: re.Match[str]) -> re.Pattern[str]:
    return _shortcode_closing(opened.group(1))


@functools.cache
def _story_closing(opened: re.Match[str]) -> re.Pattern[str] | None:
    return None if opened.group(2) else _block_closing("jetpack/story")


def _story(opened: re.Match[str], closed: re.Match[str] | None) -> str:
    """A Story block as Jetpack renders it for the converter (convert/stories.py): its slides in `data-settings`,
    as the plugin writes them there, from the attributes the export holds."""
    try:
        slides = json.loads(opened.group(1) or "{}").get("mediaFiles")
    except (ValueError, AttributeError, RecursionError):
        slides = None
    settings = html_escape(json.dumps({"slides": slides if isinstance(slides, list) else []}), quote=True)
    return f'<div class="wp-block-jetpack-story wp-story" data-settings="{settings}"></div>'


def _block_closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"<!--\s+/wp:(?:core/)?{re.escape(name)}\s+-->")


@functools.cache
def _shortcode_closing(name: str) -> re.Pattern[str]:
    return re.compile(rf"\[/{re.escape(name)}\]")


@functools.cache
def _shortcode_opening(name: str) -> re.Pattern[str]:
    return re.compile(rf"\[{re.escape(name)}(?![\w-])")


def _without_shortcodes(raw: str, opening: re.Pattern[str]) -> str:
    """`raw` without the shortcodes `opening` finds, each with what it encloses up to its closing tag where one
    follows before another opening of its name (strip_shortcodes), else alone."""
    closings, pieces, done = paired.Closings(raw), [], 0
    limit = raw.rfind("]") + 1  # an opening tag ends at a "]": none is looked for past the last one
    while (opened := opening.search(raw, done, limit)) is not None:
        closed = closings.after(_shortcode_closing(opened.group(1)), opened.end())
        again = closed and closings.after(_shortcode_opening(opened.group(1)), opened.end())
        pieces.append(raw[done:opened.start()])
        done = closed.end() if closed and not (again and again.start() < closed.start()) else opened.end()
    return "".join(pieces) + raw[done:]


def _code_blocks(text: str) -> str:
    """Code shortcodes as the <pre> the plugin makes, its language kept for highlighting."""
    if "[/" not in text:
        return text

    def block(opened: re.Match[str], closed: re.Match[str]) -> str:
        atts, _ = parse_attributes(opened.group(2) or "")
        name, code = opened.group(1), text[opened.end():closed.start()]
        if code_shortcodes.inline(name):
            return f"<code>{code_shortcodes.escaped(code)}</code>"
        return code_shortcodes.code_block(code_shortcodes.language(name, atts), code)

    text = code_shortcodes.mended_closings(text)
    return paired.replace_elements(text, paired.elements(text, CODE_SHORTCODE, shortcode_closing), block)


def _code_tags(text: str) -> str:
    """WP-Syntax's and CodeColorer's code tags as the code the plugin shows; a `<code lang>` on one
    line stays a code span in its sentence."""
    if " lang=" not in text:
        return text

    def code(match: re.Match[str]) -> str:
        in_pre, tag, named, content = match.groups()
        if tag.lower() == "code" and not in_pre and "\n" not in content:
            return f"<code>{code_shortcodes.escaped(content)}</code>"
        fence = MARKDOWN_FENCE.fullmatch(content) if tag.lower() == "pre" else None
        return code_shortcodes.code_block(named, fence.group(1) if fence else content)

    return CODE_TAG.sub(code, text)


def _autoembed(text: str, lines: bool = True, widgets: bool = False) -> str:
    """A URL of a known embed provider alone on its line or in its paragraph (`<p>URL</p>`, as the block editor
    saves an address typed into a paragraph), as WordPress's oEmbed would show it: its autoembed reads both forms
    in every post. A block post's lines (`lines=False`) are its blocks' markup, an embed block's address among them,
    which its block shows. In a page Elementor builds (`widgets`), a URL between its widgets is a video widget's
    (URL_AFTER_BLOCK), whose player the live page shows."""
    def embed(match: re.Match[str]) -> str:
        url = match.group(2)
        host = url.split("/")[2].split(":")[0].lower()
        if not any(host == domain or host.endswith("." + domain) for domain, _ in SITES):
            return match.group(0)
        return f"{match.group(1)}[embed]{url}[/embed]{match.group(3)}"
    if "http" not in text:
        return text
    text = URL_PARAGRAPH.sub(embed, URL_LINE.sub(embed, text) if lines else text)
    return URL_AFTER_BLOCK.sub(embed, text) if widgets else text


def _media_ids(html: str, post_id: int, attached: Mapping[int, Sequence[Attachment]]) -> str:
    """`[gallery]` shows the images attached to the post (or to post `id=`), `[playlist]` its audio
    (or video, with type="video"), ordered as WordPress orders them: menu order, then id. Jetpack's `[slideshow]`
    shows the same images as a gallery does, one at a time: a gallery of them (its attributes are a gallery's and
    its own timing; one naming a gallery of another plugin's own, `gallery_id=3`, is left as it is), and so does a
    portfolio theme's `[imagelist id=1435]`, where the input holds pictures attached to that post (else it stays
    for the shortcode's handler, which says that the gallery is not in the mirror)."""
    def with_ids(match: re.Match[str]) -> str:
        kind, attributes = match.group(1), match.group(2)
        named, _ = parse_attributes(attributes)
        if kind in ("slideshow", "imagelist"):
            if not (SLIDESHOW_KEYS if kind == "slideshow" else IMAGELIST_KEYS).issuperset(named):
                return match.group(0)
            kind = "gallery"
        if named.get("ids") or named.get("include"):
            return f"[{kind}{attributes}]"
        owner = int(named["id"]) if named.get("id", "").isdigit() else post_id
        wanted = "image/" if kind == "gallery" else ("video/" if named.get("type") == "video" else "audio/")
        excluded = set(re.findall(r"\d+", named.get("exclude", "")))
        ids = [str(a.id) for a in sorted(attached.get(owner, ()), key=lambda a: (a.order, a.id))
               if a.mime.startswith(wanted) and str(a.id) not in excluded]
        if not ids and match.group(1) == "imagelist":
            return match.group(0)
        return f'[{kind} ids="{",".join(ids)}"{attributes}]' if ids else f"[{kind}{attributes}]"
    return MEDIA_LIST.sub(with_ids, html)


def auto_excerpt(raw: str, characters: int = 0, markdown: bool = False) -> str:
    """The excerpt WordPress makes when a post has none: the first 55 words of its text blocks (or as many
    `characters`, where the site's language counts them), without shortcodes, then [&hellip;]; as a paragraph,
    like `excerpt.rendered`. `markdown`: whether the post's meta says it is written in Markdown. Of a post with a
    teaser, its teaser only (see teaser)."""
    markdown = "<!-- wp:" not in raw and markdown_source.written_in_markdown(raw, markdown)  # (of the whole post)
    raw = teaser(raw)
    if "<!-- wp:" in raw:
        raw = _autoembed(paired.replace_elements(raw, paired.elements(raw, BLOCK, block_closing),
                                                 lambda opened, closed: raw[opened.start():(closed or opened).end()]
                                                 if opened.group(1) in EXCERPT_BLOCKS else ""), lines=False)
    elif markdown:
        raw = markdown_source.render(raw)
    elif textile_source.written_in_textile(raw):  # its code goes first, as below, so that Textile reads none of it
        raw = textile_source.render(paired.replace_elements(raw, paired.elements(raw, CODE_SHORTCODE,
                                                                                 shortcode_closing), lambda *_: ""))
    else:  # a URL alone on its line or paragraph is a player there, no text; paragraphs add no words
        raw = _autoembed(raw)
    # WPBakery's raw HTML shows its words, as the body shows it, where its base64 opened the summary
    # ("JTNDZGl2JTIwaWQlM0QlMjJmZWF0dXJlZC1…"); its raw JavaScript shows none.
    raw = paired.replace_elements(raw, paired.elements(raw, RAW_BUILDER_SHORTCODE, shortcode_closing),
                                  lambda opened, closed: _raw_builder_words(raw, opened, closed))
    # A theme's box, and a WPBakery theme's element, show their words, as in the body.
    raw = shortcodes.without_plugin_lines(shortcodes.without_theme_tags(shortcode_theme.without_note_tags(raw)))
    # A page builder's tags (`[vc_row]`, `[et_pb_text admin_label="x"]`) go, the words they enclose stay, as in
    # the body; the builder's own excerpt never shows them.
    # A code highlighter's shortcodes go with their code, as WordPress's strip_shortcodes takes them.
    raw = paired.replace_elements(raw, paired.elements(raw, CODE_SHORTCODE, shortcode_closing), lambda *_: "")
    for shortcode in (FORM_SHORTCODE, CORE_SHORTCODE):
        raw = _without_shortcodes(raw, shortcode)
    text = page_builders.without_tags(BLOCK_DELIMITER.sub("", raw))
    text = paired.replace(text, paired.spans(text, *SCRIPT_OR_STYLE), lambda _: "")
    words = paired.tags_replaced(TAG, " ", paired.tags_replaced(INLINE_TAG, "", text)).split()
    if characters or _unspaced(words):
        return _in_characters(" ".join(words), characters or EXCERPT_CHARACTERS)
    if len(words) > EXCERPT_WORDS:
        return autop(" ".join(words[:EXCERPT_WORDS]) + " [&hellip;]")
    return autop(" ".join(words))


def _raw_builder_words(raw: str, opened: re.Match[str], closed: re.Match[str] | None) -> str:
    """A WPBakery raw HTML element's HTML, decoded (or as it is where it is no base64, as the body shows it);
    nothing for raw JavaScript."""
    if closed is None or opened.group(1) != "vc_raw_html":
        return " "
    inner = raw[opened.end():closed.start()]
    return f" {page_builders.raw_html(inner) or inner} "


def teaser(raw: str) -> str:
    """A post's text up to its `<!--more-->` and its first page's end (`<!--nextpage-->`): what get_the_content
    gives wp_trim_excerpt outside the post's own page, so that WordPress's automatic excerpt, and REST's, is made
    of the teaser alone ("…a potential source for nasty problems."), not of 55 words running on past it."""
    more = raw.find("<!--more")
    if more >= 0 and raw.find("-->", more) >= 0:
        raw = raw[:more]
    page_end = raw.find("<!--nextpage-->")
    return raw[:page_end] if page_end >= 0 else raw


def _in_characters(text: str, characters: int) -> str:
    """wp_trim_words counting characters (spaces too): the first ones, then [&hellip;] if there were more. An
    entity (`&gt;` in a post's code) is one character, so that the cut never leaves half of one (`-&g`)."""
    shown = CHARACTER.findall(text)
    if len(shown) > characters:
        return autop("".join(shown[:characters]) + " [&hellip;]")
    return autop(text)


def _unspaced(words: list[str]) -> bool:
    """Whether the text is written in a script without spaces, whatever the site's language: a Chinese blog
    whose WordPress was left in English made its whole post one excerpt of a few long "words". It is when its
    first 55 words hold more such characters than an excerpt counted in characters would show."""
    return len(UNSPACED.findall("".join(words[:EXCERPT_WORDS]))) > EXCERPT_CHARACTERS
