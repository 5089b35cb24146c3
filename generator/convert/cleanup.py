"""Cleanup passes over WordPress HTML, run in order before Markdown conversion.

Each pass is a small named function that edits the parsed tree in place and notes in the
context what it dropped or approximated. The tuple `PASSES` is the whole cleanup stage, in order;
the passes live here or beside their kind (images.py, widgets.py, links.py, structure.py, …). To add a rule,
add a function and a case in tests/cases/convert/, and name it in `PASSES`.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, Comment, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.ads import drop_ad_units
from generator.convert.amp import amp_elements_as_html
from generator.convert.author_boxes import drop_author_boxes
from generator.convert.block_depth import flatten_deep_quotes_and_lists
from generator.convert.block_names import blocks_as_divs
from generator.convert.breadcrumbs import drop_breadcrumbs
from generator.convert.built_locally import public_addresses
from generator.convert.card_details import card_details_once
from generator.convert.context import Context
from generator.convert.countdowns import drop_countdowns
from generator.convert.credits import credits_apart
from generator.convert.code_blocks import codecolorer_as_code, numbered_listings_as_code
from generator.convert.crayon_blocks import crayon_as_code
from generator.convert.collapsible_titles import collapsible_titles_in_bold
from generator.convert.divi_dynamic import divi_dynamic_links
from generator.convert.dynamic_blocks import note_unshown_blocks
from generator.convert.embed_credits import drop_embed_credits
from generator.convert.embeds import (embed_label, embed_paragraph, embedded_file, file_shown, gists_as_code,
                                      link_quoted_source, videos_a_script_plays)
from generator.convert.empty_contents import drop_empty_contents_boxes
from generator.convert.expand_blocks import expand_blocks_shown_whole
from generator.convert.feed_videos import feed_videos_as_links
from generator.convert.footnotes import mark_footnotes, notes_in_the_text, word_footnotes, word_note_anchors
from generator.convert.floated_images import floated_images_apart
from generator.convert.formulas import math_as_tex
from generator.convert.galleries import galleries_as_grids, slideshows_as_galleries
from generator.convert.glyph_link_names import glyph_names_as_site_names
from generator.convert.heading_subtitles import subtitles_out_of_headings
from generator.convert.hidden_blocks import drop_hidden_blocks
from generator.convert.hidden_copies import drop_copies_the_post_hides
from generator.convert.hidden_words import drop_hidden_words, drop_off_screen
from generator.convert.latex import latex_as_tex
from generator.convert.images import (cover_background_as_image, drop_address_alt_text, drop_code_outline_marks,
                                      drop_lazy_fallback_copies, drop_spacer_images, drop_tracking_pixels,
                                      images_from_noscript, resolve_lazy_images, unwrap_pictures)
from generator.convert.line_breaks import paragraphs_at_blank_lines
from generator.convert.live_blogs import live_blog_bylines
from generator.convert.math_spans import math_spans_as_tex
from generator.convert.menu_separators import drop_menu_separators
from generator.convert.microdata import microdata_set_apart
from generator.convert.music_players import music_players_as_links
from generator.convert.lazy_media import resolve_lazy_media, shown_only_without_scripts
from generator.convert.links import (images_out_of_links, keep_link_targets, merge_split_links, name_icon_links,
                                     links_out_of_code, players_out_of_links, resolve_relative_urls, split_block_links,
                                     unlink_dead_fragments, unlink_unreachable_addresses, unnest_links,
                                     wp_embeds_as_links)
from generator.convert.list_nesting import lists_nested_as_shown
from generator.convert.newsletter_signups import drop_newsletter_signups
from generator.convert.parse import comments, elements, enclosing, may_hold, tags_in
from generator.convert.pasted_code import coloured_scripts_as_code, github_lines_as_code, numbered_rows_as_code
from generator.convert.pasted_hints import drop_pasted_window_hints
from generator.convert.placeholder_profiles import unlink_placeholder_profiles
from generator.convert.plugin_icons import plugin_icons_as_link_names, social_icons_as_link_names
from generator.convert.podcast_links import podcast_player_links
from generator.convert.protected_emails import emails_cloudflare_hid
from generator.convert.product_cards import product_pictures_once
from generator.convert.rating_widgets import drop_rating_widgets
from generator.convert.responsive import drop_hidden_on_desktop
from generator.convert.ruby_readings import ruby_readings_in_brackets
from generator.convert.rules import rules_in_a_row_as_one
from generator.convert.script_boxes import script_boxes_as_links, script_players_as_links
from generator.convert.script_fallbacks import fallback_link_alone
from generator.convert.script_links import image_map_links, lightbox_links_as_links, script_links_as_links
from generator.convert.script_values import (counters_at_their_end, drop_remote_counters,
                                             progress_bars_show_their_value)
from generator.convert.script_headings import drop_headings_over_script_boxes
from generator.convert.script_text import drop_script_text
from generator.convert.search_forms import drop_search_forms
from generator.convert.share_links import drop_share_links
from generator.convert.shop_actions import drop_shop_actions
from generator.convert.slider_thumbnails import drop_slider_thumbnails
from generator.convert.slider_videos import slider_videos_as_links
from generator.convert.smilies import smilies_as_text
from generator.convert.speech_balloons import balloons_as_quotes
from generator.convert.structure import (BLOCK_NAMES, HEADINGS, MORE, blocks_in_headings_as_text,
                                         captions_as_paragraphs, drop_inpage_toc, emphasis_into_blocks, even_table_rows,
                                         headings_closed_by_the_parser, images_out_of_headings, layouts_out_of_headings,
                                         line_breaks_out_of_inline, merge_split_emphasis, more_links_out_of_headings,
                                         more_marker_between_blocks, styled_emphasis, unwrap_repeated_emphasis)
from generator.convert.stories import jetpack_stories_as_galleries
from generator.convert.stray_cells import stray_table_parts_unwrapped
from generator.convert.tabs import tabs_as_sections
from generator.convert.tables import (bold_first_row_as_header, cell_paragraphs_as_text, one_column_tables_as_blocks,
                                      one_row_layouts_as_blocks)
from generator.convert.theme_listings import drop_theme_post_listings
from generator.convert.update_lines import drop_update_lines
from generator.convert.verse import verse_as_lines
from generator.convert.view_counts import drop_view_counts
from generator.convert.video_posters import video_posters_as_images
from generator.convert.widgets import (drop_consent_controls, drop_filter_controls, drop_forms, drop_icon_glyphs,
                                       drop_plugin_errors, drop_plugin_toc, drop_reading_times, drop_screen_reader_text,
                                       drop_share_widgets, drop_listing_pagers, drop_site_listings, drop_site_menus,
                                       drop_toggle_icons, unwrap_keyword_links)

Pass = Callable[[BeautifulSoup, Context], None]

MAX_DEPTH = 100  # markdownify recurses about three frames per level; Python allows about 1,000
EMBED_CLASSES = frozenset({"wp-block-embed"})
FILE_BUTTON_CLASSES = frozenset({"wp-block-file__button", "wp-block-file__embed"})
# What only a page's head holds, which shows nothing in its body.
HEAD_ONLY = ("meta", "link", "base", "title")
DRAWING_NAMES = frozenset({"title", "desc"})  # an SVG's name and description, kept where they name a link
# Inline ones give back the space they held, which kept the words either side apart.
SPACE_KEEPING = ("span", "ins", "strong", "b", "em", "i")
EMPTY_DROPPABLE = (*SPACE_KEEPING, "div", "p", "section", "figure", "figcaption")
SHOWN_WITHOUT_WORDS = frozenset({"img", "picture", "video", "audio", "iframe", "embed", "object", "svg", "hr", "table",
                                 "input", "button", "select", "textarea"})
# TinyMCE's paste bins: version 3's (WordPress 2.9 to 3.8) and 4's, and the styles that hid them.
PASTE_BIN_IDS = frozenset({"_mcePaste", "mcepastebin"})
OUT_OF_SIGHT = re.compile(r"(?:left|top)\s*:\s*-\d{3,}px|opacity\s*:\s*0(?:\.0*)?\s*(?:;|$)|display\s*:\s*none",
                          re.IGNORECASE)
HEADINGS_AND_PARAGRAPHS = frozenset({"h1", "h2", "h3", "h4", "h5", "h6", "p"})
DISPLAYED_AS_BLOCK = re.compile(r"(?:^|;)\s*display\s*:\s*(?:block|flex|grid|list-item|table)\b", re.IGNORECASE)
# A link a theme draws as a button (`btn`, `button`, `wp-block-button__link`, `elementor-button`, `et_pb_button`):
# its box and margins part it from the next button, which its HTML often puts right after it, with no space.
BUTTON_CLASS = re.compile(r"(?:^|[-_])(?:btn|button)(?:$|[-_])", re.IGNORECASE)
# The two sides of a previous/next navigation a style sheet floats apart (Organize Series' `series-nav-left` and
# `series-nav-right`, a theme's `nav-previous` and `nav-next` written as spans).
PREVIOUS_SIDE = re.compile(r"(?:^|[-_])nav[-_](?:left|prev|previous)$", re.IGNORECASE)
NEXT_SIDE = re.compile(r"(?:^|[-_])nav[-_](?:right|next)$", re.IGNORECASE)
# A person card's name and its role after it (a conference theme's speaker: `<span class="name">…</span><span
# class="designation">…</span>`; a team or author card's `member-name`, `job-title`), which its style sheet shows on
# lines of their own: "(a.k.a. OSiUX)Programador" before.
CARD_NAME = re.compile(r"(?:^|[-_])name$", re.IGNORECASE)
CARD_ROLE = re.compile(r"(?:^|[-_])(?:designation|position|role|job|job[-_]title|occupation|company|affiliation)$",
                       re.IGNORECASE)
WHITESPACE = re.compile(r"\s+")
WEB_ADDRESS = re.compile(r"^\s*(?:https?:)?//", re.IGNORECASE)  # an address on the web, `//host/…` too


def flatten_deep_nesting(soup: BeautifulSoup, ctx: Context) -> None:
    """Markup nested past MAX_DEPTH is no real article; its text is kept, its tags are not, so
    that nothing after this pass has to recurse thousands of levels deep."""
    level = [soup]
    for _ in range(MAX_DEPTH):
        level = [child for tag in level for child in _child_tags(tag)]
        if not level:
            return
    for tag in level:
        if _child_tags(tag):
            ctx.losses.note(loss.DEEP_NESTING, f"<{tag.name}>")
            text = tag.get_text()
            tag.clear()
            tag.append(text)


def _child_tags(tag: Tag) -> list[Tag]:
    return [child for child in tag.contents if isinstance(child, Tag)]


def keep_more_marker(soup: BeautifulSoup, ctx: Context) -> None:
    """<!--more--> marks where a teaser ends; every other comment is editor markup."""
    for comment in comments(soup):
        if comment.strip().startswith("more"):
            comment.replace_with(soup.new_tag(MORE))


def drop_comments(soup: BeautifulSoup, ctx: Context) -> None:
    for comment in comments(soup):
        comment.extract()


def drop_paste_bins(soup: BeautifulSoup, ctx: Context) -> None:
    """The box the editor's paste plugin pasted into, off the screen (`<div id="_mcePaste" style="position:
    absolute; left: -10000px">`), which WordPress 2.9 to 3.x's TinyMCE sometimes saved with the post: no reader
    ever saw it, and its text, a copy of what was pasted, showed twice in the mirror. TinyMCE also left the id
    on paragraphs it brought into view, with no such style: those are the post's own words, and stay."""
    if not may_hold(soup, ids=PASTE_BIN_IDS):
        return
    for tag in elements(soup):
        if tag.get("id") in PASTE_BIN_IDS and OUT_OF_SIGHT.search(tag.get("style") or ""):
            tag.decompose()


def drop_scripts_and_styles(soup: BeautifulSoup, ctx: Context) -> None:
    """Scripts, styles and a page's head pasted whole into a post (a scraped page's `<meta>`, `<link>` and
    `<title>`, which browsers do not show in a body). An SVG's `<title>` and `<desc>` name its drawing, shown
    only as a tooltip: in a link they name it, and stay; elsewhere an icon's ran into the words beside it
    ("Calendar May 5", "clock5 min"), and they go."""
    for tag in elements(soup, "script", "style", "template"):
        if tag.get("type") != "application/ld+json" and tag.get_text(strip=True):
            ctx.losses.note(loss.SCRIPT, tag.name)
        tag.decompose()
    for tag in elements(soup, *HEAD_ONLY, "desc"):
        if tag.find_parent("svg") is None:
            if tag.name != "desc":  # no HTML element: a browser shows its words
                tag.decompose()
        elif tag.name not in DRAWING_NAMES or tag.find_parent("a") is None:
            tag.decompose()
    for tag in elements(soup, "noscript"):
        if _links_for_readers_without_scripts(tag) or shown_only_without_scripts(tag, soup):
            fallback_link_alone(tag, ctx)
            tag.unwrap()  # the mirror's readers have no scripts: this is what they see of the widget
        else:
            tag.decompose()  # lazy-load fallbacks repeat an image already present


def _links_for_readers_without_scripts(noscript: Tag) -> bool:
    """What a widget's script would have shown, given as links for browsers without scripts: a poll's link
    (Polldaddy), a WordPress playlist's tracks. Not a lazy loader's copy of an image already shown, nor a
    request to turn JavaScript on, which only made sense on the original site."""
    return (noscript.find("a", href=WEB_ADDRESS) is not None and noscript.find("img") is None
            and "javascript" not in noscript.get_text().lower())


def block_spans_apart(soup: BeautifulSoup, ctx: Context) -> None:
    """A span styled as a block (the cards of custom HTML and page builders) is a line of its own on
    the site; without a space its words run into the next one's ("Dishoom ShoreditchBombay-style"). So is
    each label of a drawing (an SVG chart's `<text>`, placed by its coordinates): "0.0 0.1", not "0.00.1";
    each of two links drawn as buttons right after one another; the sides of a previous/next navigation,
    "<< Part one · Part three >>", not "<< Part onePart three >>"; and a person card's name and role, each on a
    line ("Osiris Gómez (a.k.a. OSiUX)", then "Programador…")."""
    for label in elements(soup, "text"):
        if label.get_text().strip():  # (an empty label shows nothing to part)
            label.insert_after(" ")  # at a group's edge too: the groups of a drawing hold no spaces between them
    for span in elements(soup, "span"):
        if DISPLAYED_AS_BLOCK.search(span.get("style") or ""):
            if _needs_space(span.previous_sibling, -1):
                span.insert_before(" ")
            if _needs_space(span.next_sibling, 0):
                span.insert_after(" ")
    for link in elements(soup, "a"):
        if _is_button(link) and isinstance(link.next_sibling, Tag) and _is_button(link.next_sibling):
            link.insert_after(" ")  # two buttons side by side: "Our services Contact us", not "Our servicesContact us"
    for side in elements(soup, "span", "a"):
        if _has_class_like(side, PREVIOUS_SIDE) and isinstance(side.next_sibling, Tag) \
                and _has_class_like(side.next_sibling, NEXT_SIDE):
            side.insert_after(" · ")
    for name in elements(soup, "span"):
        role = _beside_over_spaces(name)
        if isinstance(role, Tag) and role.name == "span" and _has_class_like(name, CARD_NAME) \
                and _has_class_like(role, CARD_ROLE) and name.get_text().strip() and role.get_text().strip():
            while name.next_sibling is not role:
                name.next_sibling.extract()  # spaces, which would open the role's line
            name.insert_after(soup.new_tag("br"))


def _beside_over_spaces(tag: Tag) -> Tag | NavigableString | None:
    after = tag.next_sibling
    while isinstance(after, NavigableString) and not after.strip():
        after = after.next_sibling
    return after


def _is_button(tag: Tag) -> bool:
    return tag.name == "a" and _has_class_like(tag, BUTTON_CLASS)


def _has_class_like(tag: Tag, pattern: re.Pattern[str]) -> bool:
    return any(pattern.search(name) for name in tag.get("class") or ())


def _needs_space(neighbour: object, end: int) -> bool:
    """Whether a block span needs a space to part it from its neighbour: not at the edge of its parent,
    nor where the neighbour's text has one at `end` already (0: its start, -1: its end)."""
    if neighbour is None:
        return False
    text = neighbour if isinstance(neighbour, NavigableString) else neighbour.get_text()
    return not text or not text[end].isspace()


def embeds_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """Gutenberg embed blocks hold only the URL as text; make it a link a reader can follow."""
    if not may_hold(soup, EMBED_CLASSES):
        return
    for figure in elements(soup, "figure", "div"):
        if "wp-block-embed" not in (figure.get("class") or ()):
            continue
        wrapper = figure.find(class_="wp-block-embed__wrapper") or figure
        url = next((s.strip() for s in wrapper.find_all(string=True) if s.strip().startswith("http")), "")
        if not url or wrapper.find(["iframe", "blockquote", "a"]):
            link_quoted_source(soup, wrapper, ctx)
            continue
        kind = embedded_file(url)  # a file's address: WordPress's own player, or a link to the file
        wrapper.replace_with(file_shown(soup, url, kind) if kind else embed_paragraph(soup, url, ctx))


# Dashes an author opens a quote's source with ("– Name"), which set it apart as the mirror's own dash would.
OPENING_DASHES = ("-", "\u2012", "\u2013", "\u2014", "\u2015", "\u2212")


def citations_as_lines(soup: BeautifulSoup, ctx: Context) -> None:
    """A quote's <cite> becomes its own '— source' paragraph instead of running into the text; a source its author
    opened with a dash keeps that one alone (it read "— – Name"). A line break before it, which the new paragraph
    makes, goes: left at the end of the quote's words, it showed as a backslash there."""
    for cite in elements(soup, "cite"):
        if cite.find_parent(["blockquote", "figure"]) is None:
            continue
        _drop_breaks_before(cite)
        paragraph = soup.new_tag("p")
        if not cite.get_text().lstrip().startswith(OPENING_DASHES):
            paragraph.append("— ")
        cite.wrap(paragraph)
        cite.unwrap()


def _drop_breaks_before(tag: Tag) -> None:
    """Takes out the `<br>`s right before `tag`, over the blanks between them."""
    before = tag.previous_sibling
    while before is not None and (getattr(before, "name", None) == "br"
                                  or (isinstance(before, NavigableString) and not before.strip())):
        previous = before.previous_sibling
        if getattr(before, "name", None) == "br":
            before.extract()
        before = previous


def teletype_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """<tt>, the teletype text of older posts, is code as browsers show it."""
    for tt in elements(soup, "tt"):
        tt.name = "code"


def code_spans_by_line(soup: BeautifulSoup, ctx: Context) -> None:
    """A Markdown code span shows its text as is, on one line: a line break in one would show as a backslash
    and join the lines, and two spans side by side (`x``y`) would read as one holding backticks. So each
    line of code outside <pre> is a span of its own, and spans that touch are one."""
    for code in elements(soup, "code"):
        if code.parent is None or code.find_parent("pre") is not None:
            continue
        following = code.next_sibling
        while isinstance(following, Tag) and following.name == "code":
            after = following.next_sibling
            code.extend(list(following.contents))
            following.decompose()
            following = after
        _split_at_breaks(soup, code)


def _split_at_breaks(soup: BeautifulSoup, code: Tag) -> None:
    while (br := code.find("br", recursive=False)) is not None:
        rest = soup.new_tag("code", attrs=dict(code.attrs))
        rest.extend([sibling.extract() for sibling in list(br.next_siblings)])
        code.insert_after(br.extract())
        br.insert_after(rest)
        code = rest


def separate_file_buttons(soup: BeautifulSoup, ctx: Context) -> None:
    """A file block's name and Download button sit side by side with no space between. A block whose author
    cleared the file's name shows the button alone, which would read "· Download", naming no file: the button
    is named by its file too ("Download report.pdf"). Its PDF preview (`<object class="wp-block-file__embed">`)
    goes when the block links to that file: as a link of its own it would name the file a third time."""
    if not may_hold(soup, FILE_BUTTON_CLASSES):
        return
    for tag in elements(soup, "a", "object"):
        classes = tag.get("class") or ()
        if "wp-block-file__button" in classes:
            if _names_its_file(tag):
                tag.insert_before(" · ")
            elif name := _file_name(tag.get("href")):
                tag.append(f" {name}" if tag.get_text().strip() else name)
        elif "wp-block-file__embed" in classes and _links_to(tag.parent, tag.get("data")):
            tag.decompose()


def _names_its_file(button: Tag) -> bool:
    """Whether the button's block shows the file's name in a link of its own, just before the button."""
    link = button.find_previous_sibling("a")
    return link is not None and "wp-block-file__button" not in (link.get("class") or ()) and bool(
        link.get_text().strip())


def _file_name(address: object) -> str:
    """The last part of a file's address, as its reader's browser would save it (`r%C3%A9sum%C3%A9.pdf` is
    `résumé.pdf`)."""
    try:
        return unquote(urlsplit(str(address or "")).path.rstrip("/").rpartition("/")[2]).strip()
    except ValueError:  # an address no browser can read names no file
        return ""


def _links_to(block: Tag | None, address: object) -> bool:
    return block is not None and bool(address) and any(a.get("href") == address for a in block.find_all("a"))


def drop_repeated_title(soup: BeautifulSoup, ctx: Context) -> None:
    """A first heading that repeats the post title would show twice under the page's own title. A paragraph
    of words before it makes it the author's own; one holding only a picture (a page's banner, set above its
    title) does not, nor one the parser left open around the heading (`<p><img><section><h1>`)."""
    first = next((t for t in soup.descendants if isinstance(t, Tag) and t.name in HEADINGS_AND_PARAGRAPHS
                  and (t.name != "p" or _words_before_a_heading(t))), None)
    if first is not None and first.name != "p" and ctx.title and _same_text(first.get_text(), ctx.title):
        first.decompose()


def drop_repeated_headings(soup: BeautifulSoup, ctx: Context) -> None:
    """A heading right after one of the same words, with nothing shown between them, in another element, would
    show twice: an Elementor flip box's front and back titles, both in its plain content, or a theme element's
    title over its own box's. The first stays. Two such headings side by side in one element are the author's
    own, kept as written."""
    for heading in list(elements(soup, *HEADINGS)):
        if heading.parent is None or not heading.get_text().strip():  # dropped already, or empty
            continue
        last = heading
        while isinstance(last, Tag) and last.contents:
            last = last.contents[-1]
        for node in last.next_elements:
            if isinstance(node, Tag) and node.name in HEADINGS:
                if node.parent is not heading.parent and _same_text(node.get_text(), heading.get_text()):
                    node.decompose()
                break
            if isinstance(node, Tag) and node.name in SHOWN_WITHOUT_WORDS or \
                    isinstance(node, NavigableString) and not isinstance(node, Comment) and node.strip():
                break


def _words_before_a_heading(paragraph: Tag) -> bool:
    for text in paragraph.strings:  # lazily: an unclosed paragraph may hold the whole post
        if enclosing(text, HEADINGS) is not None:  # (bs4's find_parent built a filter for each string)
            return False
        if text.strip():
            return True
    return False


def _same_text(a: str, b: str) -> bool:
    return WHITESPACE.sub(" ", a).strip().casefold() == WHITESPACE.sub(" ", b).strip().casefold()


def drop_empty_elements(soup: BeautifulSoup, ctx: Context) -> None:
    """Empty spans and divs are tracker hooks or layout leftovers (e.g. et_bloom_bottom_trigger).

    Innermost first, so a wrapper whose only content was empty wrappers goes too. An inline one that
    held a space leaves the space, which kept the words either side apart; a paragraph left holding only
    that space goes too (Word's spacer `<p><strong>&nbsp;</strong></p>` was a paragraph of a lone no-break
    space)."""
    for tag in reversed(list(elements(soup, *EMPTY_DROPPABLE))):
        if not tag.get("id") and all(isinstance(c, NavigableString) and not c.strip() for c in tag.contents):
            space = tag.get_text()
            if space and tag.name in SPACE_KEEPING:
                tag.replace_with(space)
            elif tag.name not in SPACE_KEEPING and _words_on_both_sides(tag):
                _lines_apart(soup, tag)
            else:
                tag.decompose()


def _words_on_both_sides(tag: Tag) -> bool:
    """Whether words stand right before and right after the element, outside any block."""
    return all(_inline_words(node) for node in (tag.previous_sibling, tag.next_sibling))


def _inline_words(node: object) -> bool:
    if isinstance(node, Tag):
        return node.name not in BLOCK_NAMES and bool(node.get_text().strip())
    return isinstance(node, NavigableString) and bool(node.strip())


def _lines_apart(soup: BeautifulSoup, empty: Tag) -> None:
    """An empty block between words ends the line there, as a browser shows it (`a<p></p>b` is two lines):
    the words after it, up to the next block, become a paragraph of their own in its place."""
    paragraph = soup.new_tag("p")
    following = empty.next_sibling
    while following is not None and not (isinstance(following, Tag) and following.name in BLOCK_NAMES):
        after = following.next_sibling
        paragraph.append(following.extract())
        following = after
    empty.replace_with(paragraph)


PASSES: tuple[Pass, ...] = (
    flatten_deep_nesting,
    headings_closed_by_the_parser,
    keep_more_marker,
    more_marker_between_blocks,
    drop_comments,
    emails_cloudflare_hid,
    drop_paste_bins,
    amp_elements_as_html,
    images_from_noscript,
    drop_lazy_fallback_copies,
    drop_copies_the_post_hides,
    drop_hidden_blocks,
    script_players_as_links,
    music_players_as_links,
    drop_scripts_and_styles,
    drop_script_text,
    gists_as_code,
    crayon_as_code,
    numbered_listings_as_code,
    numbered_rows_as_code,
    github_lines_as_code,
    coloured_scripts_as_code,
    stray_table_parts_unwrapped,
    one_column_tables_as_blocks,
    cell_paragraphs_as_text,
    one_row_layouts_as_blocks,
    codecolorer_as_code,
    math_as_tex,
    math_spans_as_tex,
    latex_as_tex,
    tabs_as_sections,
    drop_plugin_toc,
    drop_site_menus,
    drop_breadcrumbs,
    drop_plugin_errors,
    drop_inpage_toc,
    drop_empty_contents_boxes,
    drop_shop_actions,
    drop_screen_reader_text,
    drop_pasted_window_hints,
    drop_hidden_words,
    microdata_set_apart,
    live_blog_bylines,
    drop_hidden_on_desktop,
    drop_share_widgets,
    drop_share_links,
    drop_consent_controls,
    drop_reading_times,
    drop_view_counts,
    drop_rating_widgets,
    drop_author_boxes,
    balloons_as_quotes,
    ruby_readings_in_brackets,
    drop_update_lines,
    drop_site_listings,
    note_unshown_blocks,
    drop_theme_post_listings,
    drop_listing_pagers,
    drop_toggle_icons,
    expand_blocks_shown_whole,
    collapsible_titles_in_bold,
    drop_filter_controls,
    drop_menu_separators,
    drop_icon_glyphs,
    drop_newsletter_signups,
    drop_search_forms,
    drop_forms,
    drop_off_screen,
    unwrap_keyword_links,
    unwrap_pictures,
    resolve_lazy_images,
    smilies_as_text,
    resolve_lazy_media,
    podcast_player_links,
    jetpack_stories_as_galleries,
    video_posters_as_images,
    drop_tracking_pixels,
    drop_spacer_images,
    drop_slider_thumbnails,
    product_pictures_once,
    card_details_once,
    drop_code_outline_marks,
    drop_address_alt_text,
    drop_ad_units,
    cover_background_as_image,
    slideshows_as_galleries,
    galleries_as_grids,
    drop_countdowns,
    counters_at_their_end,
    drop_remote_counters,
    progress_bars_show_their_value,
    block_spans_apart,
    drop_embed_credits,
    embeds_as_links,
    script_boxes_as_links,
    videos_a_script_plays,
    slider_videos_as_links,
    feed_videos_as_links,
    wp_embeds_as_links,
    script_links_as_links,
    lightbox_links_as_links,
    image_map_links,
    divi_dynamic_links,
    resolve_relative_urls,
    public_addresses,
    unnest_links,
    merge_split_links,
    split_block_links,
    plugin_icons_as_link_names,
    social_icons_as_link_names,
    glyph_names_as_site_names,
    unlink_placeholder_profiles,
    players_out_of_links,
    floated_images_apart,
    images_out_of_links,
    teletype_as_code,
    code_spans_by_line,
    links_out_of_code,
    styled_emphasis,
    emphasis_into_blocks,
    unwrap_repeated_emphasis,
    merge_split_emphasis,
    bold_first_row_as_header,
    line_breaks_out_of_inline,
    layouts_out_of_headings,
    blocks_in_headings_as_text,
    images_out_of_headings,
    more_links_out_of_headings,
    subtitles_out_of_headings,
    credits_apart,
    citations_as_lines,
    captions_as_paragraphs,
    verse_as_lines,
    separate_file_buttons,
    paragraphs_at_blank_lines,
    drop_headings_over_script_boxes,
    drop_repeated_title,
    drop_repeated_headings,
    word_footnotes,
    word_note_anchors,
    notes_in_the_text,
    mark_footnotes,
    unlink_unreachable_addresses,
    unlink_dead_fragments,
    name_icon_links,
    keep_link_targets,
    lists_nested_as_shown,
    flatten_deep_quotes_and_lists,
    blocks_as_divs,
    drop_empty_elements,
    rules_in_a_row_as_one,
    even_table_rows,
)


def clean(soup: BeautifulSoup, ctx: Context, passes: tuple[Pass, ...] = PASSES) -> BeautifulSoup:
    for cleanup in passes:
        cleanup(soup, ctx)
    _join_loose_spaces(soup)
    return soup


def _join_loose_spaces(soup: BeautifulSoup) -> None:
    """Spaces either side of what the passes took out (a comment between two links) are one space again, as
    a browser reads them: two newlines left apart would be written as a paragraph break."""
    for tag in [soup, *tags_in(soup)]:
        contents = tag.contents
        for i in range(len(contents) - 1, 0, -1):
            first, second = contents[i - 1], contents[i]
            if type(first) is type(second) is NavigableString and not (first.strip() and second.strip()):
                second.extract()
                first.replace_with(NavigableString(first + second))
