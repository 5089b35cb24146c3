"""Cleanup passes for links and images: absolute, reachable, and never spanning blocks.

A mirror reads a post away from its site, so every relative URL is resolved against the post's own
address; a link that wraps a card of blocks is split so that Markdown can hold it; an image inside a
link to a page keeps its own address; a link to an anchor the post does not have becomes text.
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Iterator
from urllib.parse import unquote, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.addresses import (absolute, absolute_srcset, as_browsers_read, with_plain_ampersands,
                                        within_page)
from generator.convert.context import Context
from generator.convert.embeds import embed_label, on_embedding_site
from generator.convert.parse import enclosing, tags_in
from generator.convert.social_sites import social_profile

URL_ATTRIBUTES = frozenset({"href", "src", "poster", "data", "cite", "data-src", "data-lazy-src", "data-original",
                            "data-orig-file", "data-large-file", "data-full-url", "data-url", "data-link"})
SRCSET_ATTRIBUTES = frozenset({"srcset", "data-srcset", "data-lazy-srcset"})
RESIZED = re.compile(r"-\d+x\d+(?=\.\w+$)")
COPY_SUFFIX = re.compile(r"-(?:\d+x\d+|scaled|rotated)(?=\.\w+$)")
PHOTON = re.compile(r"^i[0-3]\.wp\.com/")
IMAGE_FILE = re.compile(r"\.(?:jpe?g|png|gif|webp|avif|svg|bmp|tiff?|heic)$", re.IGNORECASE)
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
BLOCKS = frozenset({"p", "div", *HEADINGS, "figure", "figcaption", "ul", "ol", "li", "dl", "dt", "dd", "blockquote",
                    "table", "section", "article", "header", "footer", "aside", "nav", "pre", "hr", "details",
                    "summary", "address", "main", "hgroup"})
# Blocks whose loose text, beside other blocks, is a paragraph of its own.
MEDIA = ("img", "picture", "video", "audio", "iframe", "object", "embed")
CONTAINERS = frozenset({"a", "div", "section", "article", "header", "footer", "aside", "nav", "main", "figure",
                        "blockquote", "hgroup"})
ANCHOR = "nm-anchor"  # an element's id kept as an empty <a id>, written by the converter
SAFE_ID = re.compile(r"[^\W_][\w.:-]*")  # any script; no spaces or braces, which {#id} cannot hold (fullmatch:
# `$` would let a line break end it, which split the heading's line)
ID_PUNCTUATION = frozenset(".:-_")  # the ASCII punctuation an id may hold
JOINERS = frozenset("\u200c\u200d")  # zero-width (non-)joiners, inside Bengali and Persian words
VOID = frozenset({"img", "br", "hr", "input", "wbr", "source", "embed", "area", "col"})
# Ids every page of the site has; a fragment link to one of them lands.
PAGE_IDS = frozenset({"main"})
# What shows by itself inside a link, which Markdown writes without any text.
SHOWN = ("img", "picture", "video", "audio", "iframe", "object", "embed")
# Elements that hold words of a line (an empty link between them and text is inside the line).
INLINE_WORDS = frozenset({"a", "strong", "b", "em", "i", "u", "s", "mark", "small", "span", "sup", "sub", "code",
                          "abbr", "cite", "q", "time"})
# Addresses Markdown renderers refuse to link (CommonMark's own, markdown-it): such a link would show as
# its Markdown source. `file:` is a document on the author's disk; the others run code. Pictures in data:
# URLs are the exception. `blob:` is a picture pasted into the editor, which lived only in that browser tab:
# it never showed on the site either. A browser extension's address (`chrome-extension://…/icons/512.png`, the
# button of a translating extension the author's browser drew into the editor, pasted with the text) is a file
# inside the author's own browser, which no reader has.
UNLINKABLE = re.compile(r"^\s*(?:file|javascript|vbscript|data|blob"
                        r"|(?:chrome|moz|safari|safari-web|ms-browser)-extension):", re.IGNORECASE)
# An address that ran on over markup, its closing quote missing (`<a href="http://x/>About</a> … <a href="`):
# the browser showed the link empty, and its address is no place to go.
SWALLOWED_MARKUP = re.compile(r"[<>]")
PLAYED = ("video", "audio", "source", "iframe", "embed", "object")  # what the converter makes a link to
PLAYERS = ("video", "audio", "iframe", "embed", "object")  # the elements of those that hold the others
# A link to the top of the page or to a script, which a reader of the mirror cannot follow anywhere.
# A class naming a button, as themes and builders write it: `btn`, `rev-btn`, `elementor-button`, `button_primary`.
BUTTON_CLASS = re.compile(r"(?:^|[\s_-])(?:btn|button)(?:$|[\s_-])", re.IGNORECASE)
PANEL_CLASS = re.compile(r"accordion|toggle|collaps|tab", re.IGNORECASE)  # buttons that show a title over a panel
BUTTON_WORDS = 4  # a button's label; more is a title or a sentence
GOES_NOWHERE = re.compile(r"^\s*(?:#\s*$|javascript:)", re.IGNORECASE)
DATA_PICTURE = re.compile(r"^\s*data:image/(?:gif|png|jpeg|webp);", re.IGNORECASE)
# A web address with no host before its fragment, or none at all: older WordPress's social icon block put
# `https://` before any address that named no scheme, a pattern's placeholder `#` too (`https://#`). A
# browser finds no such site: the link went nowhere.
HOSTLESS = re.compile(r"^\s*(?:https?:)?//+(?=#|\s*$)", re.IGNORECASE)


def resolve_relative_urls(soup: BeautifulSoup, ctx: Context) -> None:
    """`/wp-content/…`, `../2016/03/…`, `x.jpg` and `//host/x` as the original site read them, without
    the line breaks an editor wrapped into them, and with ampersands escaped twice as plain ones (in a link's
    words too, where they are its address); a link to a place in this very post (`https://site/post/#x`)
    becomes `#x`."""
    for tag in tags_in(soup):
        for name in URL_ATTRIBUTES.intersection(tag.attrs):
            value = tag[name]
            if isinstance(value, str) and value:
                tag[name] = within_page(absolute(as_browsers_read(value), ctx.base_url), ctx.base_url)
                if name == "href" and "&" in value and tag.string == value:  # a link that shows its address
                    tag.string.replace_with(with_plain_ampersands(value))
        for name in SRCSET_ATTRIBUTES.intersection(tag.attrs):
            value = tag[name]
            if isinstance(value, str) and value:
                tag[name] = absolute_srcset(value, ctx.base_url)


def unlink_unreachable_addresses(soup: BeautifulSoup, ctx: Context) -> None:
    """A link to `file:///C:/…` (pasted from a document on the author's disk) or to `javascript:` would
    show as `[text](file:///C:/…)`: it becomes its text, as does a script's button named as no address. An
    image there could not be shown anywhere: it goes, and so does audio, video or a frame there, which the
    mirror could only have linked."""
    for link in _elements(soup, "a"):
        if UNLINKABLE.match(link.get("href") or "") or _opens_on_the_page_only(link):
            del link["href"]  # an <a> without an address is its text, and keeps an id a link points at
    for image in _elements(soup, "img"):
        source = image.get("src") or ""
        if UNLINKABLE.match(source) and not DATA_PICTURE.match(source):
            ctx.losses.note(loss.IMAGE_WITHOUT_SOURCE, image.get("alt") or source[:80])
            image.decompose()
    for media in _elements(soup, *PLAYED):
        source = media.get("src") or media.get("data") or ""
        if UNLINKABLE.match(source):  # a video inlined as data: (a cover's background) has no page to link
            if media.name != "source":
                ctx.losses.note(loss.MEDIA_WITHOUT_ADDRESS, source[:80])
            media.decompose()


def _opens_on_the_page_only(link: Tag) -> bool:
    """A button a script runs (Bootstrap's `data-toggle="modal"`) whose address an author typed as a name, not a
    place (`href="http://serviceID1"`): the script opened its box on the page and the browser never went there. A
    host with no dot is no site on the web."""
    if not (link.get("data-toggle") or link.get("data-bs-toggle")):
        return False
    try:
        host = urlsplit(str(link.get("href") or "").strip()).hostname or ""
    except ValueError:
        return False
    return bool(host) and "." not in host and host != "localhost"


def wp_embeds_as_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A WordPress post embedded in another shows its link in a quote and hides it behind a frame of
    the other site's `/embed/` page; the link is what a reader follows, the frame is dropped. A quote that
    lost its link (a translation plugin rewrote its words) links to the post the frame shows, and so does a frame
    left without its quote, not to its `/embed/` page. In a classic post the frame stands in a paragraph of its
    own, wpautop's."""
    for quote in _elements(soup, "blockquote"):
        if "wp-embedded-content" not in (quote.get("class") or ()):
            continue
        frames = [f for f in _embed_frames(quote) if "wp-embedded-content" in (f.get("class") or ())]
        if quote.find("a", href=True) is None:
            post = EMBED_PAGE.sub("", frames[0].get("src") or "") if frames else ""
            if not post:
                continue
            link = soup.new_tag("a", attrs={"href": post})
            link.extend(list(quote.contents))
            quote.append(link)
        for frame in frames:
            ctx.losses.note(loss.EMBED_AS_LINK, frame.get("src", ""))
            frame.decompose()
        quote.name = "p"
        quote.attrs = {}
    for frame in _elements(soup, "iframe"):  # one without its quote (a theme or plugin took it out) shows the post
        source = str(frame.get("src") or "")
        if "wp-embedded-content" in (frame.get("class") or ()) and (post := EMBED_PAGE.sub("", source)) != source:
            frame["src"] = post


# The `/embed/` page of a post another site embeds, with the secret its script passes: the post is what is left.
# A site on plain permalinks serves it at the post's address with `embed=true` added (`/?p=12&embed=true`).
EMBED_PAGE = re.compile(r"(?:embed/?|[?&]embed=true)(?:#.*)?$", re.DOTALL)


def _embed_frames(quote: Tag) -> list[Tag]:
    """The frames beside an embedded post's quote, or the one in the paragraph after it."""
    frames = (quote.parent or quote).find_all("iframe", recursive=False)
    following = quote.find_next_sibling()
    if following is not None and following.name == "p" and not following.get_text(strip=True):
        frames += following.find_all("iframe", recursive=False)
    return frames


def unnest_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A link inside a link (which browsers never build, but a parser of broken HTML may) cannot be
    written in Markdown: the inner one becomes its text, the outer one holds."""
    for link in _elements(soup, "a"):
        if link.get("href") and link.find_parent("a") is not None:
            link.unwrap()


def merge_split_links(soup: BeautifulSoup, ctx: Context) -> None:
    """Editors split a link where its formatting changes (`<a href=u>sali</a><span style=…><a href=u>r del
    euro</a></span>`): a browser shows one underlined run, but side by side in Markdown they are two links with
    one word cut between them, which a screen reader reads as two. Touching links alike in every attribute
    become one, the spans that only styled the second left behind; a file block's button (`class`,
    `download`) beside its file's name stays apart."""
    for link in _elements(soup, "a"):
        following = _link_after(link)
        while link.get("href") and following is not None and following.attrs == link.attrs:
            link.extend(list(following.contents))
            following.decompose()
            following = _link_after(link)


_STYLE_WRAPPERS = frozenset({"span", "font"})


def _link_after(link: Tag) -> Tag | None:
    """The link that starts where `link` ends: its next sibling, or the first thing inside styling spans
    there, reached also from the end of spans that `link` closes."""
    node: Tag = link
    while node.next_sibling is None and isinstance(node.parent, Tag) and node.parent.name in _STYLE_WRAPPERS:
        node = node.parent
    following = node.next_sibling
    while isinstance(following, Tag) and following.name in _STYLE_WRAPPERS and following.contents:
        following = following.contents[0]
    return following if isinstance(following, Tag) and following.name == "a" else None


def split_block_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A link around a card (an image, a title and a description) cannot be one Markdown link, which
    would span paragraphs and show as raw brackets: the link goes on the card's title, or else its
    first line of text, or else on each image, and the blocks stand on their own. A block that shows neither
    words nor media (a button's icon holder: `<a><span><div><svg>…</svg></div></span>Read</a>`) makes no line
    and splits nothing: it goes first, so such a button stays one link."""
    for link in _elements(soup, "a"):
        if not link.get("href") or not any(t.name in BLOCKS for t in tags_in(link)):
            continue
        for block in [t for t in tags_in(link) if t.name in BLOCKS]:
            if not _has_text(block) and block.find(MEDIA) is None:
                block.unwrap()
        if not any(t.name in BLOCKS for t in tags_in(link)):
            continue
        for container in [link, *(t for t in tags_in(link) if t.name in CONTAINERS)]:
            _loose_text_as_paragraphs(soup, container)
        lines = [t for t in tags_in(link) if t.name in BLOCKS and _has_text(t)
                 and not any(d.name in BLOCKS for d in tags_in(t))]
        title = next((t for t in lines if t.name in HEADINGS), lines[0] if lines else None)
        targets = [title] if title is not None else link.find_all("img")
        for target in targets:
            inner = soup.new_tag("a", attrs={"href": link["href"]})
            if target.name == "img":
                target.wrap(inner)
            else:
                inner.extend(list(target.contents))
                target.append(inner)
        link.unwrap()


def _loose_text_as_paragraphs(soup: BeautifulSoup, container: Tag) -> None:
    if not any(isinstance(c, Tag) and c.name in BLOCKS for c in container.contents):
        return
    run: list = []
    for child in [*container.contents, None]:
        if child is None or (isinstance(child, Tag) and child.name in BLOCKS):
            if any(_has_text(node) for node in run):
                paragraph = soup.new_tag("p")
                run[0].insert_before(paragraph)
                paragraph.extend(run)
            run = []
        else:
            run.append(child)


def images_out_of_links(soup: BeautifulSoup, ctx: Context) -> None:
    """An image inside a link to a page (a gallery thumbnail linked to its attachment page) would show
    as a placeholder that cannot link to the image: the image goes before the link, which keeps its
    text, or says "link". An image linked to an image file stays inside its link, which reaches it. A link
    that leads to the image's own address, a file name or not, is one to an image file too. A link
    that goes nowhere (`#`, `javascript:void(0)`: a theme's lightbox trigger, a builder's image set to no link)
    is no link at all: its image stands alone, not beside a "(link)" that, unlinked later, showed as text; so
    is one to the post's own page (a theme's featured image linked to its permalink): the reader is there; and so
    is one to a page a link of the post names in words (a card's picture beside its linked title, a product's
    beside its name in a shop's table): that link leads there, without a "(link)" to the same page beside it."""
    if not any(image.find_parent("a") is not None for image in _elements(soup, "img")):
        return  # (most posts: the set of named links below costs a look at every link's text)
    named = {_link_key(a.get("href") or "", ctx.base_url) for a in _elements(soup, "a") if _has_text(a)} - {None}
    for link in _elements(soup, "a"):
        href = link.get("href") or ""
        images = [t for t in tags_in(link) if t.name == "img"]
        if not href or not images or _is_image(href) or _shows_itself(href, images):
            continue
        if GOES_NOWHERE.match(href):
            link.unwrap()
            continue
        for image in images:
            link.insert_before(image.extract())
        if not _has_text(link) and (_is_the_page(href, ctx.base_url) or _link_key(href, ctx.base_url) in named):
            link.decompose()
        elif _has_text(link):
            first = next(iter(link.strings), "")
            if not first[:1].isspace():
                link.insert_before(" ")
        else:
            link.clear()
            # A link's own name, for screen readers or on hover, says more than the word "link".
            link.append(" ".join(str(link.get("aria-label") or link.get("title") or "").split()) or ctx.words.link)
            link.insert_before(" (")
            # The image kept the link apart from a word right after it: so does a space.
            link.insert_after(") " if _word_follows(link) else ")")


def players_out_of_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A player inside a link (an old embed code pasted into a link to the video's page, a frame wrapped in its
    title's link) becomes a link of its own ("Vimeo video: …"), which Markdown cannot hold inside another: it
    showed as `[[Vimeo video: …](…)](…)`. A link of nothing but its player gives way to it; one with words or a
    picture of its own keeps them, its players after it. (The link becomes a plain `<span>` around them, so that
    its parent's list of children, which may be long, is never moved.)"""
    links = {id(a): a for p in _elements(soup, *PLAYERS) if (a := enclosing(p, ("a",))) is not None}
    for link in links.values():
        inside = [n for n in link.descendants if isinstance(n, Tag) and n.name in ("img", *PLAYERS)]
        players = [n for n in inside if n.name in PLAYERS and enclosing(n, PLAYERS, link) is None]
        for player in players:
            player.extract()
        shown = any(n.name == "img" and enclosing(n, PLAYERS, link) is None for n in inside) or _has_text(link)
        words = soup.new_tag("a", attrs=dict(link.attrs)) if shown else None
        if words is not None:
            for child in list(link.contents):
                words.append(child.extract())
        link.name, link.attrs = "span", {}
        if words is not None:
            link.append(words)
            if not words.get_text()[-1:].isspace():  # (a link's last space is written after it)
                link.append(" ")
        for player in players:
            link.append(player)




def _shows_itself(href: str, images: list[Tag]) -> bool:
    """Whether a link leads to the very address of the image it holds: an image, though its address names
    no image file (a placeholder service's `…/960x540`, an image host's `…=s1600`, a resizer's `?w=800`)."""
    key = _page_key(href)
    return key is not None and any(_page_key(str(image.get("src") or "")) == key for image in images)


def _is_the_page(href: str, page: str) -> bool:
    """Whether `href`, on the page at `page`, leads to that page itself (not to a place in it): the same host,
    with or without "www.", path, with or without its last slash, and query, by http or https."""
    if not page or "#" in href:
        return False
    own = _page_key(page)
    return own is not None and _page_key(absolute(as_browsers_read(href), page)) == own


def _link_key(href: str, page: str) -> tuple[str, ...] | None:
    """Where a link leads, as _page_key has it, with its place in the page (`#…`)."""
    url = absolute(as_browsers_read(href), page)
    key = _page_key(url)
    return None if key is None else (*key, url.partition("#")[2])


def _page_key(url: str) -> tuple[str, str, str] | None:
    """Host, path and query, or None for an address that is no web page's (or none at all: `http://[x`)."""
    try:
        parts = urlsplit(url.partition("#")[0])
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https") or not parts.netloc:
        return None
    return parts.netloc.lower().removeprefix("www."), parts.path.rstrip("/"), parts.query


def links_out_of_code(soup: BeautifulSoup, ctx: Context) -> None:
    """A link inside inline code (`<code><a href>draw()</a></code>`, an older post's <tt>) stays a link: a
    Markdown code span holds text alone, so the code is cut around each link, which gets a span of its own
    (``[`draw()`](…)``). A link that shows an image stays as it is, beside spans of the code's text."""
    for code in _elements(soup, "code"):
        if code.parent is None or code.find_parent("pre") is not None or code.find("a", href=True) is None:
            continue
        parts: list[Tag | str] = []
        for part in list(_code_and_links(code)):  # listed first: taking a link out would skip its sibling
            if isinstance(part, Tag):
                parts.append(part.extract())
            elif parts and isinstance(parts[-1], str):
                parts[-1] += part
            else:
                parts.append(part)
        code.replace_with(*(_spanned(soup, code, part) for part in parts))


def _code_and_links(node: Tag) -> Iterator[Tag | str]:
    """The text of inline code, and the links in it, in order (the text's own markup is lost in a code span)."""
    for child in node.children:
        if isinstance(child, Tag):
            yield from [child] if child.name == "a" and child.get("href") else _code_and_links(child)
        elif type(child) is NavigableString:
            yield str(child)


def _spanned(soup: BeautifulSoup, code: Tag, part: Tag | str) -> Tag | str:
    """A run of the code's text as a span of code (spaces alone stay spaces), or a link with its text as one."""
    if isinstance(part, str):
        if not part.strip():
            return part
        span = soup.new_tag("code", attrs=dict(code.attrs))
        span.append(part)
        return span
    if part.find(SHOWN) is None and part.get_text().strip():
        span = soup.new_tag("code", attrs=dict(code.attrs))
        span.append(part.get_text())
        part.clear()
        part.append(span)
    return part


def unlink_dead_fragments(soup: BeautifulSoup, ctx: Context) -> None:
    """A link to `#x` where the post has no element `x` goes nowhere: it becomes its text. So does a bare `#`,
    the address a theme or page builder leaves on a button that a script ran or a "See more" it never filled
    in: in the mirror it only leads back to the top of the page. That one is not reported: it went nowhere in
    the source either, and pages built with a theme hold dozens. A web address with no host before its
    fragment (`https://#`, `http://#contact`) is read as that fragment."""
    tags = tags_in(soup)
    # Only ids the Markdown can keep (see keep_link_targets) are still there on the page.
    anchors = {t.get("id") for t in tags} | {t.get("name") for t in tags if t.name == "a"}
    anchors = {a for a in anchors if isinstance(a, str) and is_safe_id(a)} | PAGE_IDS
    for link in (t for t in tags if t.name == "a" and not t.__dict__.get("_decomposed")):
        href = link.get("href")
        if isinstance(href, str) and HOSTLESS.match(href):
            link["href"] = href = HOSTLESS.sub("", href).strip() or "#"
        if isinstance(href, str) and href.startswith("#") and unquote(href[1:]) not in anchors:
            if href != "#":
                ctx.losses.note(loss.DEAD_FRAGMENT, href)
                link.unwrap()
            elif _button_to_nowhere(link):
                link.decompose()
            else:
                link.unwrap()


def _button_to_nowhere(link: Tag) -> bool:
    """A link to a bare `#` drawn as a button (Slider Revolution's `rev-btn`, a theme's `btn-details`, Elementor's
    `elementor-button`) whose few words say only what to click ("LEARN MORE", "Read more"): it went nowhere on the
    live page either, and its words stood alone on a line under every slide and card. One that opens a panel (an
    accordion's title) or shows a picture is not such a button."""
    classes = " ".join(link.get_attribute_list("class", []) or ())
    return (BUTTON_CLASS.search(classes) is not None and PANEL_CLASS.search(classes) is None
            and link.find(SHOWN) is None and len(link.get_text().split()) <= BUTTON_WORDS)


def name_icon_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A link that shows only an icon (`<a href=…><i class="fa fa-facebook"></i></a>`, a video's play
    button) holds no text for Markdown to write, so it vanished with the address it leads to: it is named
    by its label, else by the social site whose profile it opens ("Facebook"), else by that address. An empty
    heading anchor shows nothing, and goes, as does an empty link whose address swallowed the markup after it,
    and a gallery's zoom icon that opens a picture the post shows in its lightbox
    (`<a href="a.jpg"><i class="ion-search"></i></a><img src="a-770x550.jpg">`): the picture is there, and the
    link's address alone, named by nothing else, would stand beside each one. So does one to a page a link of
    the post names in words, or to the post itself: a card's link laid over the whole card (a portfolio's
    `<a class="transparent-link">` after the linked title) stood as a bare address under each card.
    One between a picture and a heading that links nowhere (an image box's title) is that heading's link."""
    shown = {_picture_key(img.get("src")) for img in _elements(soup, "img")}
    named: set[tuple[str, ...] | None] | None = None  # where the links with words lead, looked for once needed
    for link in _elements(soup, "a"):
        href = link.get("href")
        if not isinstance(href, str) or not href.startswith(("http://", "https://", "mailto:")):
            continue
        if _has_text(link) or link.find(SHOWN) is not None:
            continue
        if _typed_over(link):
            link.replace_with(link.get_text())
            continue
        shows_its_picture = _is_image(href) and _picture_key(href) in shown
        if _is_heading_anchor(link) or SWALLOWED_MARKUP.search(href) or shows_its_picture:
            link.decompose()  # nothing to see: its icon, if any, was the other site's CSS
            continue
        if (heading := _unlinked_heading_after(link)) is not None:
            link.extract()
            link.extend(list(heading.contents))  # its title: the box's link, which the theme's CSS laid over it
            heading.append(link)
            continue
        if named is None:
            named = {_link_key(a.get("href") or "", ctx.base_url) for a in _elements(soup, "a") if _has_text(a)}
            named.discard(None)
        if _link_key(href, ctx.base_url) in named or _is_the_page(href, ctx.base_url):
            link.decompose()
            continue
        if _took_its_words(link):
            continue
        label = (link.get("aria-label") or link.get("title") or social_profile(href) or _known_page(href, ctx)
                 or href.removeprefix("mailto:"))
        link.clear()
        link.append(str(label).strip() or href)
        _set_apart(link)


def _set_apart(link: Tag) -> None:
    """A space before a named icon link right after another link: a row of icons (`<a><i/></a><a><i/></a>`, each
    perhaps in a `<span>` of its own) stood apart by the theme's CSS, and their names ran together ("Follow on
    FacebookSend us an email")."""
    node = link
    while node.previous_sibling is None and node.parent is not None and node.parent.name in _STYLE_WRAPPERS:
        node = node.parent
    before = node.previous_sibling
    if isinstance(before, Tag) and (before.name == "a" or (before.name in _STYLE_WRAPPERS
                                                            and _ends_with_link(before))):
        node.insert_before(" ")


def _ends_with_link(tag: Tag) -> bool:
    last = tag.contents[-1] if tag.contents else None
    while isinstance(last, Tag) and last.name in _STYLE_WRAPPERS and last.contents:
        last = last.contents[-1]
    return isinstance(last, Tag) and last.name == "a"


def _took_its_words(link: Tag) -> bool:
    """Whether an empty link right after the words its title names (`the DOM Inspector<a title="DOM Inspector"
    href=…></a>`, where the editor's selection was lost) took those words, as its author meant: named by its title,
    it showed them twice, `DOM Inspector[DOM Inspector](…)`."""
    title = str(link.get("title") or "").strip()
    before = link.previous_sibling
    if not title or not isinstance(before, NavigableString) or not str(before).endswith(title):
        return False
    rest = str(before)[:-len(title)]
    if rest and (rest[-1].isalnum() or rest[-1] == "_"):
        return False  # the title ends a longer word
    before.replace_with(rest)
    link.append(title)
    return True


def _known_page(href: str, ctx: Context) -> str:
    """What a page of a site that embeds says it is ("YouTube video: <address>"), as the link that stands in for
    its embed is named: a play button's link over a picture opens the video; "" for any other page."""
    return embed_label(href, ctx.words) if on_embedding_site(href) else ""


def _typed_over(link: Tag) -> bool:
    """Whether an empty link stands inside a line of words: what the block editor leaves of a link whose words
    were typed over (`vacuum<a href="…"> </a>di`), which showed the space it holds and nothing to click. Named
    by its address, it put the address into the sentence (`vacuum<https://…>di`); it is the space it was."""
    if link.find(True) is not None or not link.get_text() or link.get_text().strip():
        return False
    return _words_beside(link.previous_sibling) and _words_beside(link.next_sibling)


def _words_beside(node: object) -> bool:
    """Whether a link's neighbour is words of its line: text, or an inline element that holds some."""
    if isinstance(node, NavigableString):
        return bool(node.strip())
    return isinstance(node, Tag) and node.name in INLINE_WORDS and bool(node.get_text(strip=True))


def _unlinked_heading_after(link: Tag) -> Tag | None:
    """The heading right after an empty link that follows a picture, if the heading has words and links
    nowhere: an image box's or card's title, which a page builder's plain copy leaves beside the box's picture
    and link (Elementor's image box: `<img><a href="…/men/"></a><h3>Men</h3>`, the first two in a paragraph
    once wpautop has been over it), where the page's CSS laid the link over the whole box: a link on the
    picture's site."""
    before = _shown_sibling(link, "previous_sibling")
    picture = (before if before.name == "img" else before.find("img")) if isinstance(before, Tag) else None
    if picture is None or _host(str(link.get("href", ""))) != _host(str(picture.get("src", ""))):
        return None  # a play button over a picture opens a video elsewhere, not the section's heading
    after = _shown_sibling(link, "next_sibling")
    if after is None and isinstance(link.parent, Tag) and link.parent.name == "p":
        after = _shown_sibling(link.parent, "next_sibling")  # the paragraph wpautop closed after the link
    if not isinstance(after, Tag) or after.name not in HEADINGS or after.find("a") is not None:
        return None
    return after if after.get_text(strip=True) else None


def _host(url: str) -> str:
    try:
        return urlsplit(url).hostname or ""
    except ValueError:
        return ""


def _shown_sibling(node: Tag, direction: str) -> object:
    """The sibling before or after a node, past white space and line breaks."""
    sibling = getattr(node, direction)
    while isinstance(sibling, NavigableString) and not sibling.strip() or isinstance(sibling, Tag) and (
            sibling.name == "br"):
        sibling = getattr(sibling, direction)
    return sibling


def _picture_key(url: object) -> str:
    """An image's address as the picture it shows: without its scheme, query and fragment (a resizer's `?w=300`,
    Jetpack's and WordPress.com's), Jetpack's image CDN before it (`i0.wp.com/<site>/…`), and the names WordPress
    gives its copies: the sizes (`-770x550`), and the full size it scaled down or turned (`-scaled`, `-rotated`),
    whose smaller copies are named from the upload's own name."""
    if not url:
        return ""
    place = PHOTON.sub("", str(url).split("://", 1)[-1].split("#", 1)[0].split("?", 1)[0])
    return COPY_SUFFIX.sub("", place)


def is_safe_id(ident: str) -> bool:
    """Whether Markdown can keep `ident` as a heading's `{#id}` or an anchor: a letter or digit of any script
    first, then those, `.:-_`, and the marks and joiners that write vowels and accents (`১_আমি_কে`, `परिचय`,
    `สวัสดี`), which `\\w` leaves out: a Bengali, Hindi or Thai post's links to its own sections became text. Past
    ASCII, punctuation and symbols may follow too (Bengali's danda `১১।_ঈশ্বর`, curly quotes, dashes, a leading
    `■`), which a table of contents plugin keeps from the heading's words: no Markdown syntax is written with them,
    and an `_` beside them that would open emphasis is escaped (heading_ids). ASCII punctuation other than
    `.:-_` stays out, as `*`, `[`, `<`, `&` or `"` would be read as Markdown or HTML; so do spaces and controls.
    An `_` may open the id, as Word's anchors do (`_Toc123`, `_ftn1`, `_ftnref0_1`)."""
    if SAFE_ID.fullmatch(ident):
        return True
    first = ident[:1]
    if not first or (first.isascii() and not (first.isalnum() or first == "_")) or unicodedata.category(first)[0] == "M":
        return False
    return all(c.isalnum() or c in ID_PUNCTUATION if c.isascii() else _shown_in_an_id(c) for c in ident)


def _shown_in_an_id(c: str) -> bool:
    """A character past ASCII that an id may hold: any but a space or a control, a joiner being one."""
    return c in JOINERS or unicodedata.category(c)[0] not in "ZC"


def _is_heading_anchor(link: Tag) -> bool:
    """An empty link in a heading, or one hidden from screen readers: the permalink anchor that documentation
    sites put on each heading (`<h2><a href="https://docs/page#install"></a>Install</h2>`), copied with it."""
    if link.find(True) is not None:
        return False  # an icon of its own
    return link.get("aria-hidden") == "true" or any(parent.name in HEADINGS for parent in link.parents)


def keep_link_targets(soup: BeautifulSoup, ctx: Context) -> None:
    """An element other than a heading that a link of the post points at (`<p id="q3">`, `<a name>`)
    keeps its id as an empty anchor, as Markdown has no ids but a heading's."""
    tags = tags_in(soup)
    targets = {unquote(t["href"][1:]) for t in tags if t.name == "a" and str(t.get("href", "")).startswith("#")}
    for tag in tags:
        ident = tag.get("id") or (tag.get("name") if tag.name == "a" else None)
        if not isinstance(ident, str) or ident not in targets or not is_safe_id(ident):
            continue
        targets.discard(ident)  # the first element with an id is the one a browser scrolls to
        if tag.name in HEADINGS:
            continue  # the converter writes it as the heading's {#id}
        anchor = soup.new_tag(ANCHOR, attrs={"id": ident})
        if tag.name in VOID or tag.name == "a":
            tag.insert_before(anchor)
        else:
            tag.insert(0, anchor)


def _is_image(url: str) -> bool:
    try:
        return IMAGE_FILE.search(urlsplit(url).path) is not None
    except ValueError:
        return False


def _word_follows(tag: Tag) -> bool:
    after = tag.next_sibling
    text = after if isinstance(after, NavigableString) else after.get_text() if isinstance(after, Tag) else ""
    return text[:1].isalnum()


def _has_text(node: object) -> bool:
    if isinstance(node, NavigableString):
        return bool(node.strip())
    return isinstance(node, Tag) and bool(node.get_text(strip=True))


def _elements(soup: BeautifulSoup, *names: str) -> Iterator[Tag]:
    """Tags of these names in document order, from a snapshot; those removed meanwhile are skipped."""
    snapshot = [t for t in tags_in(soup) if t.name in names]
    return (t for t in snapshot if not t.__dict__.get("_decomposed"))
