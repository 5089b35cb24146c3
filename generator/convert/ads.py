"""Ad units in a post: pasted with an article copied from a news site, or added to the content by an ad plugin
(Ad Inserter, AdSense's auto ads). Each showed an ad chosen for its visitor by the network's script; the mirror
has none to show, and a link to the ad server, or its "Advertisement" label left standing alone, would be junk.

Ad plugins' own boxes go too, whatever network or banner they hold: WP PRO Advertising System's zone of rotating
banners (`<div class="paszone_container">`, an advertiser's picture linked through `?pasID=…`), and Ad Inserter's
box around the code of each block it adds (`<div class='code-block code-block-4' style='margin: 8px auto…'>`)
where it holds no more than a label's words and linked pictures: Ad Inserter also wraps a post's own paragraphs in
such a box (a news site's whole text in its `code-block-21`), and those stay. A news site's own banner box pasted
with an article copied from it goes on the same terms (`<div class="ads-insite show-pc banner-left">`, a betting
site's picture "Banner left" linked, in 21 of a Vietnamese sports site's 55 posts).
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, may_hold, tags_in
from generator.convert.product_frames import product_page

# Ad networks' servers: a frame from one held an ad chosen for each visitor, never the post's own.
AD_HOSTS = ("doubleclick.net", "googlesyndication.com", "amazon-adsystem.com", "adnxs.com")
AD_FRAME_SOURCES = ("src", "data-src", "data-lazy-src")
AD_WRAPPERS = frozenset({"div", "p", "span", "aside", "section", "figure", "center"})
AD_LABEL_WORDS = 2
WORD = re.compile(r"\w+")
AD_INSERTER, AD_ZONE, COPIED_BANNER = "code-block", "paszone_container", "ads-insite"
AD_INSERTER_BLOCK = re.compile(r"code-block-\d+")


def drop_ad_units(soup: BeautifulSoup, ctx: Context) -> None:
    """AdSense's `<ins class="adsbygoogle">`, a frame an ad server filled, and the wrappers that hold only them
    and their label, go."""
    for tag in [t for t in tags_in(soup) if t.name in ("ins", "iframe")]:
        if not _gone(tag) and is_ad_unit(tag):
            ctx.losses.note(loss.AD_UNIT, tag.get("src") or "an ad unit")
            ad_block(tag).decompose()
    if may_hold(soup, frozenset({AD_INSERTER, AD_ZONE, COPIED_BANNER})):
        for box in elements(soup, "div"):
            if _ad_plugin_box(box):
                ctx.losses.note(loss.AD_UNIT, " ".join(box.get("class") or ()))
                box.decompose()


def ad_block(unit: Tag) -> Tag:
    """The unit with the wrappers around it that hold nothing else but its label ("Advertisement",
    "Quảng cáo", "Anzeige"), which would be left standing alone."""
    block = unit
    while isinstance(block.parent, Tag) and block.parent.name in AD_WRAPPERS and _holds_only_ads(block.parent):
        block = block.parent
    return block


def _holds_only_ads(wrapper: Tag) -> bool:
    if len(WORD.findall(wrapper.get_text(" "))) > AD_LABEL_WORDS:
        return False
    shown = wrapper.find_all(["img", "a", "iframe", "video", "audio", "object", "embed"])
    return all(t.name == "iframe" and is_ad_unit(t) for t in shown)


def _ad_plugin_box(box: Tag) -> bool:
    """An ad plugin's box (see above): a banner zone, or an Ad Inserter block or a copied news site's banner box of
    a label and linked pictures."""
    classes = box.get("class") or ()
    if AD_ZONE in classes:
        return True
    inserted = AD_INSERTER in classes and any(AD_INSERTER_BLOCK.fullmatch(name) for name in classes)
    if not inserted and COPIED_BANNER not in classes:
        return False
    return (len(WORD.findall(box.get_text(" "))) <= AD_LABEL_WORDS
            and all(picture.find_parent("a") is not None for picture in box.find_all("img")))


def is_ad_unit(tag: Tag) -> bool:
    """AdSense's unit, or a frame from an ad network's server."""
    if tag.name == "ins":
        return "adsbygoogle" in (tag.get("class") or ()) or tag.has_attr("data-ad-client")
    source = next((tag[a] for a in AD_FRAME_SOURCES if tag.get(a, "").startswith(("http", "//"))), "")
    try:
        host = (urlsplit(source).hostname or "").lower()
    except ValueError:  # an address no browser could load (`http://[::1`) is no ad server's
        return False
    # Amazon's ad system also serves the product links its members choose, which are no ad (see product_frames).
    return any(host == ad or host.endswith("." + ad) for ad in AD_HOSTS) and product_page(source) is None


def _gone(tag: Tag) -> bool:
    """Whether a tag went with an ad block taken out before it (read from the instance: see parse.elements)."""
    return bool(tag.__dict__.get("_decomposed"))
