"""Charts and posts that a provider's script draws into an empty box, shown as a link to what the box showed.

Newsrooms paste the embed codes of Flourish (`<div class="flourish-embed flourish-chart"
data-src="visualisation/1234567">`), Infogram (`<div class="infogram-embed" data-id="…" data-title="…">`) and
Facebook (`<div class="fb-post" data-href="…">`) into their posts: a box and a script that fills it. An Instagram
post's quote is such a box where its code was cut to `<blockquote class="instagram-media"
data-instgrm-permalink="…">`.
Pym.js, which newsrooms' graphics desks use, fills its box (`<div data-pym-src="…">`, the loader's
`data-child-src`) with a frame of the graphic's page, over a "Loading..." line. The mirror runs no script, so the
chart or post was gone without a trace, its box empty. A box that holds what the provider gave for readers without
scripts (Flourish's `<noscript>` picture, Facebook's quote of the post, a graphic's picture) is left as it is.
A TikTok quote pasted outside an embed block names its video only in its `cite`, as the block's does. A podcast
player or a post that is a script alone (Buzzsprout's episodes, Telegram's posts) is a link to its page.
"""

from __future__ import annotations

import re
from urllib.parse import urljoin

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.embeds import embed_paragraph, link_quoted_source
from generator.convert.parse import elements, may_hold

# Flourish's `data-src` names a chart (`visualisation/1234567`) or a story of charts (`story/89`), whose pages
# are public.flourish.studio's; the `/embed` or `?…` its newer codes add choose how the frame shows it.
FLOURISH_SOURCE = re.compile(r"(visualisation|story)/(\d+)")
# Infogram's `data-id` is the chart's id (a UUID, or `_/<key>`), whose page is e.infogram.com's.
INFOGRAM_ID = re.compile(r"(?:_/)?[\w-]+")
INSTAGRAM_PAGE = re.compile(r"https?://(?:www\.)?instagram\.com/\S+", re.IGNORECASE)
FACEBOOK_PAGE = re.compile(r"https?://(?:[\w-]+\.)?facebook\.com/\S+", re.IGNORECASE)
BOX_CLASSES = frozenset({"flourish-embed", "infogram-embed", "fb-post", "fb-video", "instagram-media"})
QUOTE_CLASSES = frozenset({"tiktok-embed"})
PYM_SOURCES = frozenset({"data-pym-src", "data-child-src"})  # Pym.js's box and its loader's, by the graphic's page
PLACEHOLDER = re.compile(r"\W*(?:loading\W*)?", re.IGNORECASE)  # what a Pym.js box shows before its frame
WEB_PAGE = re.compile(r"(?:https?://|/)\S+", re.IGNORECASE)  # or relative to the post


def script_boxes_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """Each box a provider's script fills, left empty, becomes a link to the chart or post it shows, named by
    the provider and the chart's title where the code gives one."""
    if not may_hold(soup, BOX_CLASSES | QUOTE_CLASSES, attributes=PYM_SOURCES):
        return
    for tag in elements(soup, "div", "p", "blockquote"):
        classes = set(tag.get("class") or ())
        if graphic := _pym_graphic(tag):
            _link_graphic(soup, tag, graphic, ctx)
        elif classes & QUOTE_CLASSES and tag.find_parent(class_="wp-block-embed") is None:
            link_quoted_source(soup, tag, ctx)  # an embed block's quote has its link from embeds_as_links
        elif classes & BOX_CLASSES and not _shows_something(tag):
            url, title = _shown_page(tag)
            if url:
                tag.replace_with(embed_paragraph(soup, url, ctx, title))


def _pym_graphic(box: Tag) -> str:
    """The page of the graphic a Pym.js box shows; the loader's `data-child-src` counts beside its own mark."""
    if box.has_attr("data-child-src") and not box.has_attr("data-pym-loader"):
        return str(box.get("data-pym-src") or "").strip()
    return str(box.get("data-pym-src") or box.get("data-child-src") or "").strip()


def _link_graphic(soup: BeautifulSoup, box: Tag, page: str, ctx: Context) -> None:
    """A Pym.js box becomes the link to its graphic's page, where it held nothing but the script's "Loading..."
    line; a picture it holds for readers without scripts stays, the link after it. One that holds words of its
    own (JDoodle's boxes hold the code they run) is left as it is."""
    if not WEB_PAGE.fullmatch(page) or not PLACEHOLDER.fullmatch(box.get_text()):
        return
    page = urljoin(ctx.base_url, page)
    if box.find(["img", "picture", "svg"]) is None:
        box.replace_with(embed_paragraph(soup, page, ctx))
    else:
        box.insert_after(embed_paragraph(soup, page, ctx))


def _shows_something(box: Tag) -> bool:
    return bool(box.get_text(strip=True)) or box.find(["img", "picture", "svg", "iframe", "a"]) is not None


def _shown_page(box: Tag) -> tuple[str, str]:
    """The page a box's script shows and the title its code gives, or ("", "") for a box that names none."""
    classes = box.get("class") or ()
    if "flourish-embed" in classes:
        found = FLOURISH_SOURCE.match(str(box.get("data-src") or "").strip())
        return (f"https://public.flourish.studio/{found[1]}/{found[2]}/", "") if found else ("", "")
    if "infogram-embed" in classes:
        chart = str(box.get("data-id") or "").strip()
        title = str(box.get("data-title") or "").strip()
        return (f"https://e.infogram.com/{chart}", title) if INFOGRAM_ID.fullmatch(chart) else ("", "")
    if "instagram-media" in classes:  # a quote left empty for the script to fill, its post named in an attribute
        page = str(box.get("data-instgrm-permalink") or "").strip()
        return (page, "") if INSTAGRAM_PAGE.fullmatch(page) else ("", "")
    page = str(box.get("data-href") or "").strip()
    return (page, "") if FACEBOOK_PAGE.fullmatch(page) else ("", "")


# Buzzsprout's podcast player is a script alone (`<script src="https://www.buzzsprout.com/140402/2411467-episode.js?
# container_id=…">` beside an empty box), whose address is the episode's page (or the podcast's, for its player of
# every episode) with `.js` added; it was dropped with the other scripts, and the episode with it.
BUZZSPROUT_PLAYER = re.compile(r"(?:https?:)?//(?:www\.)?buzzsprout\.com/(\d+(?:/\d+[\w-]*)?)\.js(?:\?.*)?",
                               re.IGNORECASE)


# Telegram's post widget is a script alone too (`<script async src="https://telegram.org/js/telegram-widget.js?22"
# data-telegram-post="channel/123">`, pasted or in an embed block), which draws the channel's post in a frame: the
# news sites that quote ministries', armies' and politicians' channels lost each quoted post without a trace. The
# attribute names the post's public page, t.me/<channel>/<number>.
TELEGRAM_WIDGET = re.compile(r"(?:https?:)?//telegram\.org/js/telegram-widget\.js(?:\?.*)?", re.IGNORECASE)
TELEGRAM_POST = re.compile(r"([A-Za-z]\w{2,63})/(\d+)")


def script_players_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A player or post that is a script alone is a link to the episode or post it shows, where the script
    stood."""
    for script in elements(soup, "script"):
        if page := _script_page(script):
            script.insert_before(embed_paragraph(soup, page, ctx))


def _script_page(script: Tag) -> str:
    """The page of what a script alone shows, or "" for a script that names none."""
    source = str(script.get("src") or "").strip()
    if found := BUZZSPROUT_PLAYER.fullmatch(source):
        return f"https://www.buzzsprout.com/{found[1]}"
    if TELEGRAM_WIDGET.fullmatch(source) and (found := TELEGRAM_POST.fullmatch(
            str(script.get("data-telegram-post") or "").strip())):
        return f"https://t.me/{found[1]}/{found[2]}"
    return ""
