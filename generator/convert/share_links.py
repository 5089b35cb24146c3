"""Share buttons known by where they send the reader, not by the plugin that drew them.

drop_share_widgets knows share bars by their plugins' classes; many plugins and themes give theirs none it
knows (Social Media Feather's loose `<a class="synved-social-button-share">` icons, a theme's hand-written row).
Every one of them links to a network's "share this page" address (`facebook.com/sharer.php?u=…`,
`twitter.com/intent/tweet?url=…`), made for the live page the visitor was on: in a mirror it shares the
original site (or, in a crawl of `/wp-json/`, the API's address), and as icons it showed a row of pictures
with a link after each. A link to a network's profile ("Follow us") is the site's own and stays.

Feeds added bars of their own, which sites that republish feeds (FeedWordPress, aggregators) import with each
post: WordPress.com's feed ended every post with buttons drawn by its own server (`feeds.wordpress.com/1.0/
gotwitter/blog/224/` around the picture `…/1.0/twitter/blog/224/`, and the comment count as a picture), and
FeedBurner's FeedFlare its own (`feeds.feedburner.com/~ff/Name?a=…`), and TweetMeme's plugin its retweet
button (`api.tweetmeme.com/share?url=…` around the count it drew). Offline each is a picture that cannot
load: eight "Image — open original" boxes under a post.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

# host (without `www.`, `m.`, `mobile.`) → the paths of its share dialog. Asked of the host's own name and of
# the name it ends with, so `service.weibo.com` and `web.whatsapp.com` are found too.
SHARE_PATHS: dict[str, re.Pattern[str]] = {
    host: re.compile(paths, re.IGNORECASE) for host, paths in {
        "facebook.com": r"/(?:sharer(?:/sharer)?\.php|share\.php|sharer/?|dialog/(?:share|feed))$",
        "twitter.com": r"/(?:intent/(?:tweet|post)|share)/?$",
        "x.com": r"/(?:intent/(?:tweet|post)|share)/?$",
        "linkedin.com": r"/(?:shareArticle|sharing/share-offsite|cws/share)/?$",
        "pinterest.com": r"/pin/create/\w+/?$",
        "reddit.com": r"/submit/?$",
        "whatsapp.com": r"/send/?$",
        "wa.me": r"/$",
        "t.me": r"/share(?:/url)?/?$",
        "telegram.me": r"/share(?:/url)?/?$",
        "tumblr.com": r"/(?:share(?:/link)?|widgets/share/tool)/?$",
        "vk.com": r"/share\.php$",
        "plus.google.com": r"/share$",
        "weibo.com": r"/share/share\.php$",
        "xing.com": r"/(?:spi/shares/new|social/share/spi|app/user)$",
        "getpocket.com": r"/(?:save|edit)/?$",
        # Japanese sites' bars: Hatena Bookmark's dialog (`/add?mode=confirm&url=…`) and its button's bare
        # `/entry/`, which its script pointed at the page; LINE's share (its official account, `/R/ti/p/@…`, stays).
        "b.hatena.ne.jp": r"^/(?:add|entry/?)$",
        "line.me": r"^/(?:R/msg/text/?|lineit/share|social-plugin/share)$",
        "digg.com": r"/submit/?$",
        "bufferapp.com": r"/add/?$",
        "buffer.com": r"/add/?$",
        "addtoany.com": r"/(?:share|add_to/\w+)/?$",
        "bsky.app": r"/intent/compose/?$",
        "threads.net": r"/intent/post/?$",
        "feeds.wordpress.com": r"^/1\.0/go[a-z]+/",  # gocomments, godelicious, gofacebook, gotwitter…
        "feedburner.com": r"^/~ff/",  # FeedFlare's links (`?a=…`) around its pictures (`?d=…`)
        "tweetmeme.com": r"^/share/?$",  # TweetMeme's retweet button, in its plugin's feeds too
    }.items()
}
# `wa.me/?text=…` shares; `wa.me/15551234567` is the site's own number, and so is `api.whatsapp.com/send?phone=…`
# (with a greeting ready in `text=`): a "write to us" button, the site's contact.
NEEDS_QUERY = frozenset({"wa.me", "whatsapp.com"})
TO_A_NUMBER = re.compile(r"(?:^|&)phone=[^&]*\d", re.IGNORECASE)
HOST_PREFIXES = re.compile(r"^(?:www|m|mobile)\.")
# A share link's own label is a network's name or "Share on Facebook!"; one holding a sentence, or the words it
# shares, is a quote a click-to-tweet box offers to share (Better Click To Tweet): its words are the author's, and
# stay, unlinked.
LABEL_WORDS = 5
# A bar's label: a line of its own, of at most four words, that ends with a colon (the label of Jetpack's bar in
# every language: "Share this:", "Partager :", "Compartir:") or names sharing.
LABEL_BLOCKS = frozenset({"p", "div", "h2", "h3", "h4", "h5", "h6", "span", "strong"})
SHARE_WORD = re.compile(r"\bshare\b", re.IGNORECASE)
LINKS = frozenset({"href"})  # a post with no link has no share button: the pass need not walk it
# What a dropped button leaves empty goes with it (the `<li>` of a list of buttons, the list, the row).
HOLDERS = frozenset({"span", "div", "p", "li", "ul", "ol", "nav", "section", "aside", "strong", "em", "b", "i"})


def drop_share_links(soup: BeautifulSoup, ctx: Context) -> None:
    """Each share button goes (counted once per bar: buttons side by side, or the items of one list), with what
    it leaves empty; one whose label is a sentence leaves its words."""
    if not may_hold(soup, attributes=LINKS):
        return
    bars: list[list[Tag]] = []
    for link in elements(soup, "a"):
        if not is_share_address(link.get("href", "")):
            continue
        if _a_quote(link):
            link.unwrap()
        elif bars and _same_bar(bars[-1][-1], link):
            bars[-1].append(link)
        else:
            bars.append([link])
    for bar in bars:
        # A bar another bar's holder took with it (Flatsome's row: a share button, the site's mail link, more
        # buttons), when that holder showed nothing else, is gone already.
        left = [link for link in bar if not link.decomposed]
        if not left:
            continue
        ctx.losses.note(loss.SHARE_WIDGET, left[0].get("href", ""))
        holders = [link.parent for link in left]
        before = _sibling_before(left[0])
        for link in left:
            link.decompose()
        for holder in holders:
            before = _drop_if_empty(holder) or before
        _drop_label(before)


def _a_quote(link: Tag) -> bool:
    """Whether a share link's label is the author's words rather than a button's: a sentence, or the very words
    it shares (a click-to-tweet box's short quote, "The harbour is ours.", is the `text=` its link tweets)."""
    words = link.get_text(" ", strip=True).split()
    if len(words) > LABEL_WORDS:
        return True
    try:
        shared = parse_qs(urlsplit(str(link.get("href", ""))).query)
    except ValueError:
        return False
    label = " ".join(words).casefold()
    texts = (" ".join(text.split()).casefold() for text in shared.get("text", ()))
    return len(words) > 1 and any(text.startswith(label) for text in texts)


def _same_bar(previous: Tag, link: Tag) -> bool:
    """Whether two share buttons sit side by side, or in neighbouring items of one list."""
    if _sibling_before(link) is previous:
        return True
    item, previous_item = link.parent, previous.parent
    return (item is not None and previous_item is not None and item.name == previous_item.name == "li"
            and _sibling_before(item) is previous_item)


def _sibling_before(tag: Tag) -> object:
    sibling = tag.previous_sibling
    while isinstance(sibling, str) and not sibling.strip():
        sibling = sibling.previous_sibling
    return sibling


def is_share_address(href: object) -> bool:
    """Whether a link's address is a network's dialog for sharing a page (or `mailto:` with no recipient and
    a ready-made message, the "Share by email" button)."""
    if not isinstance(href, str):
        return False
    href = href.strip()
    lowered = href.lower()
    if lowered.startswith("mailto:?"):
        return True
    if not any(host in lowered for host in SHARE_PATHS):  # most links: passed over before they are parsed
        return False
    try:
        parts = urlsplit(href)
    except ValueError:
        return False
    if parts.scheme.lower() not in ("http", "https", "") or not parts.netloc:
        return False
    labels = HOST_PREFIXES.sub("", (parts.hostname or "").lower()).split(".")
    # The host itself, then each name it ends with (`service.weibo.com`, `weibo.com`): a look-up each, as every
    # link of every post is asked.
    for known in (".".join(labels[i:]) for i in range(len(labels) - 1)):
        paths = SHARE_PATHS.get(known)
        if paths is not None:
            if known in NEEDS_QUERY and ("text=" not in parts.query or TO_A_NUMBER.search(parts.query)):
                return False
            return bool(paths.search(parts.path or "/"))
    return False


def _drop_if_empty(holder: Tag | None) -> object:
    """Drops the holders a bar left empty, from the innermost out; what stood before the outermost one dropped
    (None when none was)."""
    before = None
    while (holder is not None and not holder.__dict__.get("_decomposed") and holder.name in HOLDERS
           and not holder.get_text(strip=True)
           and holder.find(("img", "picture", "svg", "video", "audio", "iframe", "object", "embed")) is None):
        holder, empty = holder.parent, holder
        before = _sibling_before(empty)
        empty.decompose()
    return before


def _drop_label(block: object) -> None:
    """The line that labelled a dropped bar ("Share this:", Jetpack's "Teilen mit:", a "Share this post" heading)
    goes with it: alone it pointed at nothing."""
    if not isinstance(block, Tag) or block.decomposed or block.name not in LABEL_BLOCKS:
        return
    label = block.get_text(" ", strip=True)
    if len(label.split()) <= LABEL_WORDS - 1 and (label.endswith(":") or SHARE_WORD.search(label)) \
            and block.find(("img", "a", "picture", "svg", "video", "iframe")) is None:
        block.decompose()
