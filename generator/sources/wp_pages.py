"""Posts read from the pages of a static copy of a WordPress site (Simply Static, wget, HTTrack) that neither its
saved API, an export, a dump nor a feed gives: a feed holds each archive's latest posts only.

A page is a post's where WordPress's `body_class()` says so, as nearly every theme prints it: `single` or `page`
with the post's id (`postid-2276`, `page-id-12`) and its type (`single-news-archive`); not a later page of it
(`paged-2`, `comment-paged-1`) or its AMP copy. Its text is the theme's container of the post's content
(`entry-content`, `post-content`…, a builder's element of it: sources/page_content.py); its title, date, author,
terms and picture come
from what WordPress and its SEO plugins print in the page (the title's heading, `article:published_time`,
schema.org's `datePublished`, `rel="author"`, `rel="category tag"`, the `wp-post-image`). The post becomes the one
`/wp/v2/` would give with `?_embed`, and goes through the same conversion as any post. A page that holds no such
container is named, and passed over.
"""

from __future__ import annotations

import codecs
import hashlib
import html
import posixpath
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any, NamedTuple
from urllib.parse import parse_qs, unquote, urljoin, urlsplit

import lxml.html
from lxml.etree import ElementDefaultClassLookup, ParserError, XMLSyntaxError
from lxml.html import HtmlComment, HtmlElement, HtmlEntity, HtmlProcessingInstruction

from generator.problems import Problem
from generator.sources import head_post, later_pages, page_cards, page_content, page_dates, wp_json
from generator.sources.comment_dates import with_first_comment
from generator.sources.description_markup import excerpt_html
from generator.sources.page_markup import TITLE_CLASSES, classed, classes, elsewhere, meta, meta_link, meta_property
from generator.sources.static_copy import (PAGE, V2_ROOT, address, link_slug, path_key, post_keys, relative_to,
                                            saved_at, stand_in)
from generator.sources.v2_posts import embedded_post, local_and_utc, with_terms
from generator.sources.wp_json import RawItem
from generator.sources.wxr_items import slug_of, synthetic_id

SEPARATORS = ("\u2013", "-", "|", "\u00bb", "\u2014", "\u00b7", "\u2022", ":")  # WordPress's, Yoast's, Rank Math's
# A separator between a post's title and the site's name in a page's `<title>`, as above or a theme's comma.
TITLE_SEPARATOR = re.compile(r"\s*[,\u2013|\u00bb\u2014\u00b7\u2022:-]\s")
TITLE_SEPARATOR_BEFORE = re.compile(r"\s[,\u2013|\u00bb\u2014\u00b7\u2022:-]\s*\Z")
TERM_REL = frozenset({"tag", "category"})
# What a theme, builder or plugin prints inside the post's container that is no part of its text: Elementor Pro's
# widgets of the post's title and of the posts before and after it, JetEngine's listing of other posts (Elementor's
# own lists the conversion leaves out), the title ThemeGrill's themes (Zakra, Spacious) add hidden for hAtom's sake
# ("Gra Geralda" under every review of a Polish magazine), as the common snippet does (`hatom-extra`), Jannah's box of
# the post's short address ("Copy URL" under 438 posts of a Nigerian blog), Worth The Read's reading time ("3 minute
# read" over 350 posts of an Oklahoma City paper), and WpDevArt's Facebook comments box ("Facebook Comments").
# (`post-navigation`: WordPress's `the_post_navigation()`, the links to the previous and next posts, which Newsup
# prints inside the post's `<article>`; `td-a-rec`, `td-g-rec`: tagDiv's ad spots in the text, which a site may fill
# with a block of its posts, "Trending Now" in every item of a smart list.)
NOT_TEXT_CLASSES = frozenset({"elementor-widget-theme-post-title", "elementor-widget-post-navigation",
                              "elementor-widget-jet-listing-grid", "extra-hatom", "hatom-extra", "post-shortlink",
                              "wtr-time-wrap", "post-navigation", "td-a-rec", "td-g-rec"})
NOT_TEXT_ID = re.compile(r"wpdevar_comment_[0-9]+")
TERMS_LABEL = 24  # characters besides its links: a box's label ("Tags", "Filed under")
TERMS_TEXT = 2000  # characters in all: a box of terms, not a paragraph
AUTHOR_PATH = re.compile(r"/author/[^/]+/?(?:index\.html?)?\Z")
ID_CLASS = re.compile(r"(?:postid|page-id)-([0-9]{1,19})")
# A later page of a post split by <!--nextpage--> or of its comments: the post's first page is the post.
LATER_PAGE = re.compile(r"(?:single-|comment-)?paged-[0-9]+")
# `single-format-video` names the post's format, `single-author` and `single-paged` a view: no type.
NOT_TYPES = re.compile(r"single-(?:format-.*|author|paged.*|template.*)")
BODY = re.compile(rb"<body\b", re.IGNORECASE)
CHARSET = re.compile(rb"""<meta\b[^>]{0,200}?charset\s*=\s*["']?([A-Za-z0-9_:.-]{1,40})""", re.IGNORECASE)
CHARSET_BYTES = 65536  # where a page's `<meta charset>` is looked for: its head
BODY_ID = re.compile(rb"""[\s"'](?:postid|page-id)-([0-9]{1,19})(?=[\s"'])""")
TAG_BYTES = 8192  # the most a theme's `<body …>` tag takes
MAX_PAGE = 64 << 20  # bytes: a saved page larger is no theme's page of a post
# lxml.html's classes, chosen in C: lxml.html's own lookup, a Python call for every element the readers touch (some
# 550 a page), took a tenth of reading a page. It alone gives a form's fields their own classes, which no reader uses.
HTML_CLASSES = ElementDefaultClassLookup(element=HtmlElement, comment=HtmlComment, pi=HtmlProcessingInstruction,
                                         entity=HtmlEntity)
# The classes of a byline's element (microformats2's `p-author h-card`, as IndieWeb themes print it) and of the name
# inside one that holds more (hCard's `fn`, microformats2's `p-name`).
BYLINE_CLASSES = frozenset({"author", "fn", "p-author"})
NAME_CLASSES = frozenset({"fn", "p-name"})
# Lazy-loading plugins put the picture's address in one of these, and a placeholder in `src`.
# The boxes themes print a post's featured image in: most themes' `post-thumbnail`; tagDiv's Newspaper and Newsmag
# print their own `<img class="entry-thumb">` in `td-post-featured-image`, or, in their full-screen templates, in
# `#td-full-screen-header-image` (three copies' 427 posts lost their picture).
THUMBNAIL_BOXES = frozenset({"post-thumbnail", "td-post-featured-image"})
THUMBNAIL_BOX_IDS = frozenset({"td-full-screen-header-image"})
# `post_class()`'s prefixes of a post's categories and tags, and the REST fields that list them.
POST_CLASS_TERMS = (("categories", "category-"), ("tags", "tag-"))
# The key that marks a page's post's excerpt as WordPress's automatic one, which the page does not print: REST and
# feeds give every post an excerpt, made of its first 55 words where its author wrote none.
AUTOMATIC_EXCERPT = "automatic"
LAZY_SOURCES = ("data-src", "data-lazy-src", "data-original", "src")


def candidate(path: Path) -> bool:
    """Whether a file in a folder may be a saved page: `*.html`, `*.htm`, and wget's names with a query."""
    return wp_json.SAVED_QUERY.sub("", path.name.lower()).endswith((".html", ".htm"))


def read_pages(paths: Iterable[Path], root: Path, problems: list[Problem], seen: set[int | str], site: str = "",
               updated: dict[str, str] | None = None) -> Iterator[RawItem]:
    """The posts of the pages that are posts' first pages, but for those whose id or address is in `seen` (given
    by a feed or the saved API), each once. `root`: the folder that stands for the site's root; `site`: its address
    where the copy's feeds named it (`https://news.example`), for the pages that name none; `updated`: the time of
    each address's last change as the copy's sitemaps give it (by its path), for the pages that print none."""
    named: set[int] = set()
    titled: dict[int, Shown] = {}  # what the page each id was read from showed, of those read here
    for path in paths:
        data = _page_bytes(path, problems)
        # (The id, found in the bytes, spares parsing the pages of the posts already given, and the site's others.)
        ident = _body_ident(data) if data else None
        if ident is None or ident in named or (ident in seen and ident not in titled):
            continue
        document = _document(data)
        if document is None or _ident(document) != ident:
            continue
        try:  # an address urlsplit refuses (`http://[dock/`) where the page is read for one stops this page only
            saved = site + saved_at(path, root)
            base = _base(document, saved)
            link = _link(document, base, saved)
            own = ident
            if ident in titled:
                if path_key(link) in seen or _head_title(document) == titled[ident].head:
                    continue  # (the post again, at another of its addresses)
                # A site builder that made its pages from one post's page left that post's id in every one (22 news
                # stories, each its own address, title and text, all `postid-4445`): a post of its own.
                own = synthetic_id("page", link)
            elif not post_keys({"id": ident, "link": link}).isdisjoint(seen):
                continue
            if wp_json.is_design_type(kind := _kind(document)):
                # A theme's template shown as a page of its own (tagDiv's `tdb_templates`: its header, footer, 404 and
                # single-post templates filled with sample posts), skipped as the saved API's and exports' are.
                named.add(ident)
                yield from wp_json.items_in(path, {"id": ident, "type": kind, "link": link})[0]
                continue
            more = _later_parts(document, path, root, link, ident, site, problems)
            post = _post(document, ident, link, base, more, (updated or {}).get(path_key(link)))
        except ValueError as error:
            named.add(ident)
            problems.append(Problem(str(path), str(ident), "address", f"an address no browser could follow: {error}"))
            continue
        if post is not None:
            post = with_first_comment(post, path, root)
        if post is None:
            named.add(own)
            problems.append(Problem(str(path), str(ident), "content", "a post's page whose theme shows its text in "
                                    "no container newsmirror knows (entry-content, post-content…): passed over"))
            continue
        shown = _shown(document, post)
        if own != ident:
            if titled[ident].same_post(shown):
                continue  # (the post again, saved before its slug and its SEO title changed: its title or its text)
            post = {**{key: value for key, value in post.items() if key != "guid"}, "id": own}  # (its shortlink's)
        else:
            titled[ident] = shown
        seen.update(post_keys(post))
        found, found_problems = wp_json.items_in(path, [post])
        problems.extend(found_problems)
        yield from found


class Shown(NamedTuple):
    """What a post's page shows, to tell another page with its id apart: the page's `<title>`, the post's title and
    a digest of its text."""

    head: str
    title: str
    text: bytes

    def same_post(self, other: Shown) -> bool:
        return self.title == other.title or self.text == other.text


def _shown(document: HtmlElement, post: dict[str, Any]) -> Shown:
    title, text = post.get("title", {}).get("rendered", ""), post.get("content", {}).get("rendered", "")
    return Shown(_head_title(document), title, hashlib.sha256(text.encode()).digest())


def _head_title(document: HtmlElement) -> str:
    node = document.find(".//title")
    return " ".join(node.text_content().split()) if node is not None else ""


def _page_bytes(path: Path, problems: list[Problem]) -> bytes:
    try:
        if path.stat().st_size > MAX_PAGE:
            problems.append(Problem(str(path), message=f"a page of over {MAX_PAGE >> 20} MB: not read"))
            return b""
        return path.read_bytes()
    except OSError:
        return b""


def _body_ident(data: bytes) -> int | None:
    """The id a page's `<body class>` names (`postid-2276`, `page-id-12`), read from its bytes (of the first few
    `<body` found: a script in the head may write one); where it names none, the one its head's REST link names."""
    for number, body in enumerate(BODY.finditer(data)):
        end = data.find(b">", body.end(), body.end() + TAG_BYTES)
        if found := BODY_ID.search(data, body.end(), end if end >= 0 else body.end() + TAG_BYTES):
            return int(found.group(1))
        if number == 3:
            break
    return head_post.ident(data)


def _document(data: bytes) -> HtmlElement | None:
    for charset in dict.fromkeys((_charset(data), None)):  # (None: libxml2's own guess, where it knows no such set)
        try:  # (huge_tree: a post pasted from a word processor nests its tags hundreds deep, past libxml2's 256)
            parser = lxml.html.HTMLParser(huge_tree=True, encoding=charset)
            parser.set_element_class_lookup(HTML_CLASSES)
            return lxml.html.document_fromstring(data, parser=parser)
        except (ParserError, XMLSyntaxError, ValueError, LookupError):
            continue
    return None


def _charset(data: bytes) -> str | None:
    """The page's character set as a browser finds it: its byte order mark, else its `<meta charset>` (or
    `http-equiv`) where a codec has that name, else UTF-8 where its bytes are that. libxml2 takes a page whose title comes before its
    `<meta charset>` (tagDiv's Newspaper prints it first) as Latin-1, garbling every accented letter."""
    if data.startswith((b"\xef\xbb\xbf", b"\xff\xfe", b"\xfe\xff")):
        return None  # (libxml2 reads byte order marks)
    if found := CHARSET.search(data, 0, CHARSET_BYTES):
        try:
            return codecs.lookup(found.group(1).decode("ascii").lower()).name
        except LookupError:
            pass  # (a name no codec has: as if the page named none)
    try:
        data.decode("utf-8")
    except UnicodeDecodeError:
        return None
    return "utf-8"


def _body_classes(document: HtmlElement) -> list[str]:
    body = document.find("body")
    return (body.get("class") or "").split() if body is not None else []


def _ident(document: HtmlElement) -> int | None:
    """The post's id, where the page is a post's first page (not an attachment's, a later page, an AMP copy, the
    card other sites embed); of a page whose `<body>` names none, the one its head's links name (head_post)."""
    names = _body_classes(document)
    if not any(ID_CLASS.fullmatch(name) for name in names):
        found = head_post.post(document)
        return found[0] if found is not None and found[0] < wp_json.SYNTHETIC_BASE else None
    if (("single" not in names and "page" not in names) or "attachment" in names
            or any(LATER_PAGE.fullmatch(name) for name in names) or _amp(document) or _embed(document)):
        return None
    for name in names:
        if found := ID_CLASS.fullmatch(name):
            ident = int(found.group(1))
            return ident if 0 < ident < wp_json.SYNTHETIC_BASE else None
    return None


def _amp(document: HtmlElement) -> bool:
    return document.get("amp") is not None or document.get("⚡") is not None


def _embed(document: HtmlElement) -> bool:
    """Whether the page is the post's card that other sites embed (`…/slug/embed/`: its excerpt, in a `wp-embed`
    box), which copies save beside the post's page."""
    body = document.find("body")
    return body is not None and any("wp-embed" in classes(child) for child in body.iterchildren())


def _kind(document: HtmlElement) -> str:
    names = _body_classes(document)
    if not any(ID_CLASS.fullmatch(name) for name in names) and (found := head_post.post(document)) is not None:
        return found[1]
    if "page" in names and "single" not in names:
        return "page"
    types = [name.removeprefix("single-") for name in names
             if name.startswith("single-") and not NOT_TYPES.fullmatch(name)]
    return types[0] if types else "post"


def _base(document: HtmlElement, saved: str) -> str:
    """What the page's relative addresses are read against: its `<base href>` (a copy that wrote its addresses
    from the site's root without a `/` declares the site's), else its own address where the page gives it whole
    (a site in a subfolder, `…/blog/2024/x/`), else where it was saved."""
    declared = document.find(".//base[@href]")
    if declared is not None:
        return urljoin(saved, declared.get("href", "").strip())
    whole = _whole_address(document, saved)
    return whole + "index.html" if whole.endswith("/") else whole or saved


def _whole_address(document: HtmlElement, saved: str) -> str:
    """The page's address where it names it whole: its canonical one, else Open Graph's `og:url` (a copy that
    made the canonical one relative left it: `/` and `http://author.example/`), else its oEmbed link's; one
    that does not end with the path of a relative canonical address (a theme's `og:url` of the home page on
    every page) is not the page's, nor one at WP2Static's stand-in host. '' where none is."""
    canonical = meta_link(document, "canonical")
    own = urlsplit(urljoin(saved, canonical)).path if canonical else ""
    for found in (canonical, meta_property(document, "og:url"), _oembed_address(document)):
        parts = urlsplit(found)
        if parts.scheme in ("http", "https") and parts.netloc and _ends_with(parts.path, own) and not stand_in(found):
            return found
    return ""


def _ends_with(path: str, own: str) -> bool:
    return PAGE.sub("/", unquote(path)).rstrip("/").endswith(PAGE.sub("/", unquote(own)).rstrip("/"))


def _oembed_address(document: HtmlElement) -> str:
    """The page's whole address as WordPress's oEmbed discovery link gives it (`…/oembed/1.0/embed?url=https%3A%2F…`),
    which copies keep where they rewrote every other address as a relative one (HTTrack, wget), or ''."""
    for kind in ("application/json+oembed", "text/xml+oembed"):
        query = parse_qs(urlsplit(meta_link(document, "alternate", kind)).query)
        found = query.get("url", [""])[0].strip()
        if urlsplit(found).scheme in ("http", "https") and urlsplit(found).netloc:
            return found
    return ""


def _link(document: HtmlElement, base: str, saved: str) -> str:
    """The post's address: the one the page names whole, else its canonical one, else the page's own."""
    found = _whole_address(document, base) or meta_link(document, "canonical") or meta_property(document, "og:url")
    return address(found, base) if found else PAGE.sub("/", _own_address(document, base, saved))


def _own_address(document: HtmlElement, base: str, saved: str) -> str:
    """The address of a page that names none: its `<base href>` where that is the page's own, else where it was
    saved, read against that base. A copy of a Persian book's site declared the site's root as every page's base
    (`<base href="https://www.python3.ir/">`): its 36 chapters, each at its own folder, were taken for one page."""
    if document.find(".//base[@href]") is None or _ends_with(urlsplit(base).path, urlsplit(saved).path):
        return base
    return urljoin(base, urlsplit(saved).path.lstrip("/"))


def _later_parts(document: HtmlElement, path: Path, root: Path, link: str, ident: int, site: str,
                 problems: list[Problem]) -> list[tuple[int, str]]:
    """The later pages of post `ident` whose first page is `document` (`path`, at `link`), each (its number, its
    text): those it links, and those they link in turn, for a theme whose pages link only their next (tagDiv's smart
    lists: 15 of a list's 16 items were lost)."""
    parts: list[tuple[int, str]] = []
    waiting = later_pages.later_paths(document, path, root, link)
    known = {path, *waiting}
    while waiting and len(parts) < later_pages.MOST_PAGES:
        later = waiting.pop(0)
        # (Its own address, against which its whole links are read: the first page's, and its folder's from it.)
        own = urljoin(link, posixpath.relpath(later.parent, path.parent) + "/") if link else ""
        read = _later_part(later, ident, root, site, problems, own)
        if read is None:
            continue
        number, text, links = read
        parts.append((number, text))
        fresh = [more for more in links if more not in known]
        known.update(fresh)
        waiting.extend(fresh)
    return parts


def _later_part(path: Path, ident: int, root: Path, site: str, problems: list[Problem], own: str
                ) -> tuple[int, str, list[Path]] | None:
    """A later page of post `ident` (its number, its text with its addresses read against its own and without what
    the theme prints in it, as the first's, the pages it links as the post's, `own` its address), or None where the
    file is not one."""
    data = _page_bytes(path, problems)
    document = _document(data) if data else None
    number = later_pages.page_number(_body_classes(document), ident) if document is not None else None
    content = page_content.content(document, ident) if document is not None and number is not None else None
    if content is None:
        return None
    links = later_pages.later_paths(document, path, root, own)  # (before the box of them goes from its text)
    return number, _text(content, _base(document, site + saved_at(path, root))), links


def _post(document: HtmlElement, ident: int, link: str, base: str, more: list[tuple[int, str]], updated: str | None
          ) -> dict[str, Any] | None:
    """The post the page shows, its later pages' texts (`more`) after its own; None where its text is in no known
    container. `updated`: its time of update as the sitemaps give it, where the page prints none."""
    content = page_content.content(document, ident)
    if content is None:
        return None
    article = _enclosing(content, document)
    terms = _terms(article, base)  # (before the theme's boxes of them inside the text go)
    text = later_pages.joined(_text(content, base), more)
    title = _title(document, article, link, base)
    v2: dict[str, Any] = {
        "id": ident, "type": _kind(document), "status": "publish", "link": link,
        "slug": link_slug(link) or slug_of(html.unescape(title)) or None, "title": {"rendered": title},
        "content": {"rendered": text,
                    "protected": "post-password-required" in _body_classes(document)},
        "excerpt": _excerpt(meta(document, "description") or meta_property(document, "og:description")),
        "lang": document.get("lang") or None,
    }
    v2["date"], v2["date_gmt"] = local_and_utc(page_dates.published(document, article))
    v2["modified"], v2["modified_gmt"] = local_and_utc(page_dates.modified(document, article) or updated)
    embedded: dict[str, Any] = {}
    author = _author(document, article)
    if author:
        v2["author"] = synthetic_id("author", author)
        embedded["author"] = [{"id": v2["author"], "name": author, "slug": slug_of(author)}]
    with_terms(v2, embedded, terms, V2_ROOT)
    _with_post_classes(v2, document, ident)
    # (WordPress's own shortlink, `/?p=7`, is the post's guid; Jetpack's, `https://wp.me/P7-3h`, names another host.)
    shortlink = meta_link(document, "shortlink")
    v2["guid"] = {"rendered": address(shortlink, base)} if "p" in parse_qs(urlsplit(shortlink).query) else None
    return embedded_post(v2, embedded, _picture(article, content, base))


def _excerpt(description: str) -> dict[str, Any]:
    """The post's excerpt as REST gives it: the description an SEO plugin printed (escaped, unless it is the excerpt's
    markup: description_markup.py), else none, marked to be made as WordPress makes it of the text
    (`AUTOMATIC_EXCERPT`; convert/copy_excerpts.py), where REST would have given it."""
    if description:
        return {"rendered": excerpt_html(description)}
    return {"rendered": "", AUTOMATIC_EXCERPT: True}


def _text(content: HtmlElement, base: str) -> str:
    """The container's markup, its addresses read against `base`, without what the theme prints inside it: the
    links to the post's other pages, the boxes of its terms (`the_tags()`: a label and `rel="tag"` links), a box of
    other posts' cards after the text (sources/page_cards.py), and what else is no part of its text
    (NOT_TEXT_CLASSES, NOT_TEXT_ID)."""
    for box in [*page_cards.trailing_cards(content, urlsplit(base).hostname or ""),
                *(node for node in content.iter() if isinstance(node.tag, str)
                  and (_terms_box(node) or not NOT_TEXT_CLASSES.isdisjoint(classes(node))
                       or NOT_TEXT_ID.fullmatch(node.get("id") or "")))]:
        if box is not content and box.getparent() is not None:
            box.drop_tree()
    return relative_to(_inner(later_pages.without_links(content)), base)


def _terms_box(node: HtmlElement) -> bool:
    """Whether an element holds nothing but links to terms (`rel="tag"`, `rel="category tag"`) and a short label."""
    links = list(node.iter("a"))
    if not links or not all(TERM_REL & set(a.get("rel", "").split()) for a in links):
        return False
    label = node.text_content()
    if len(label) > TERMS_TEXT:
        return False
    for link in links:
        label = label.replace(link.text_content(), "", 1)
    return len(label.strip(" \t\n,:|·•")) <= TERMS_LABEL


def _enclosing(content: HtmlElement, document: HtmlElement) -> HtmlElement:
    """The post's `<article>` (or `<main>`), where its title, date and terms are; else the nearest element that
    holds both the text and the title's heading; else the page's body."""
    ancestors = list(content.iterancestors())
    for ancestor in ancestors:
        if ancestor.tag in ("article", "main"):
            return ancestor
    headings = [h for h in document.iter("h1") if not elsewhere(h)]
    for ancestor in ancestors:
        if headings and any(ancestor in h.iterancestors() for h in headings):
            return ancestor
    body = document.find("body")
    return body if body is not None else content


def _inner(element: HtmlElement) -> str:
    return (html.escape(element.text or "", quote=False)
            + "".join(lxml.html.tostring(child, encoding="unicode") for child in element))


def _title(document: HtmlElement, article: HtmlElement, link: str, base: str) -> str:
    """The title's heading (`entry-title`), else the heading the page's title names, else the first `<h1>` with
    words that is not the site's name (a theme heads its front page with the name, `<h1 class="site-title">`, often
    only its logo), else Open Graph's or the page's title without the site's name; not a heading that links another
    post (a front page's list of the latest posts)."""
    headings = [h for h in article.iter("h1", "h2") if not _links_elsewhere(h, link, base)]
    for element in headings:
        if not TITLE_CLASSES.isdisjoint(classes(element)):
            return html.escape(element.text_content().strip(), quote=False)
    node = document.find(".//title")
    whole = (meta_property(document, "og:title") or (node.text_content() if node is not None else "")).strip()
    said = _without_site_name(whole, document)
    # (A heading the page's title names is the post's: a theme may head every page with the site's tagline in an
    # `<h1>` and print the post's title in an `<h2>`.)
    named = _named_heading([h for h in headings if not elsewhere(h)], said, beside=said == whole)
    if named is not None:
        return html.escape(named.text_content().strip(), quote=False)
    h1 = next((h for h in headings if h.tag == "h1" and not elsewhere(h) and "site-title" not in classes(h)
               and h.text_content().strip()), None)
    if h1 is not None:
        return html.escape(h1.text_content().strip(), quote=False)
    return html.escape(said, quote=False)


def _named_heading(headings: list[HtmlElement], said: str, beside: bool) -> HtmlElement | None:
    """The heading the page's title names: the one of its words, else, where no site's name was taken off the
    title (`beside`), the longest it holds beside other words."""
    words = " ".join(said.split())
    shown = [(" ".join(h.text_content().split()), h) for h in headings] if words else []
    exact = next((h for text, h in shown if text == words), None)
    partly = [(text, h) for text, h in shown if _names(words, text)] if beside else []
    return exact if exact is not None or not partly else max(partly, key=lambda found: len(found[0]))[1]


def _names(title: str, heading: str) -> bool:
    """Whether the page's title is the heading's words beside the site's name or the theme's words, set apart by a
    separator, for where the site's name is not known to take it off: Kubrick's heirs name the feed "Drawer B RSS
    Feed", not as WordPress does, and title a post "20 Minute Loop, S/t, Drawer B" or "Drawer B » Blog Archive » …"
    (2,698 posts of a music blog were titled with the site's name)."""
    if not heading:
        return False
    if title.startswith(heading):
        return TITLE_SEPARATOR.match(title, len(heading)) is not None
    return title.endswith(heading) and TITLE_SEPARATOR_BEFORE.search(title, 0, len(title) - len(heading)) is not None


def _without_site_name(title: str, document: HtmlElement) -> str:
    """A page's `<title>` without the site's name WordPress and SEO plugins add to it ("Old tide – Harbour News",
    "Harbour News | Old tide"). The name is Open Graph's, else the one WordPress prints in its feed's link on every
    page (`title="Harbour News &raquo; Feed"`, the last word in the site's language)."""
    feeds = (node.get("title", "") for node in document.iterfind(".//link[@rel='alternate'][@title]")
             if node.get("type", "") in ("application/rss+xml", "application/atom+xml"))
    name = meta_property(document, "og:site_name") or next(
        (said.rpartition(" \u00bb ")[0].strip() for said in feeds if " \u00bb " in said), "")
    if not name or name == title:
        return title
    # (Any space around the separator: a theme may write `Title |&nbsp;Site`.)
    for sep in SEPARATORS:
        if found := re.search(rf"\s+{re.escape(sep)}\s+{re.escape(name)}\Z", title):
            return title[:found.start()].strip()
        if found := re.match(rf"{re.escape(name)}\s+{re.escape(sep)}\s+", title):
            return title[found.end():].strip()
    return title


def _links_elsewhere(heading: HtmlElement, link: str, base: str) -> bool:
    return any(path_key(address(a.get("href", ""), base)) != path_key(link)
               for a in heading.iterfind(".//a[@href]") if not a.get("href", "").startswith("#"))


def _path(href: str) -> str:
    """An address's path; none where urlsplit refuses it (`http://[dock/`)."""
    try:
        return urlsplit(href).path
    except ValueError:
        return ""


def _author(document: HtmlElement, article: HtmlElement) -> str:
    """The byline's name: `rel="author"`, else an element of class `author` or `fn` (or microformats2's
    `p-author`), else a link to an author's archive (`/author/ana/`), outside the comments."""
    for node in article.iterfind(".//a[@rel]"):
        if "author" in node.get("rel", "").split() and node.text_content().strip() and not elsewhere(node):
            return node.text_content().strip()
    for node in classed(article):
        if (BYLINE_CLASSES & set(classes(node)) and node.text_content().strip()
                and not elsewhere(node)):
            # (A box of class `author` may hold the name's own `fn` beside the days the post was written and changed:
            # Semicolon's `<h3><a class="url fn n">Sir Waffle</a> <time>August 6, 2015</time>…`.)
            name = next((inner for inner in node.iterdescendants() if isinstance(inner.tag, str)
                         and NAME_CLASSES & set(classes(inner)) and inner.text_content().strip()), node)
            return " ".join(name.text_content().split())
    for node in article.iter("a"):  # a theme that links the byline to the author's archive only (Colibri)
        if (AUTHOR_PATH.search(_path(node.get("href", ""))) and node.text_content().strip()
                and not elsewhere(node)):
            return " ".join(node.text_content().split())
    return meta(document, "author")


def _terms(article: HtmlElement, base: str) -> dict[str, list[dict[str, Any]]]:
    """`the_category()`'s links (`rel="category tag"`) and `the_tags()`'s (`rel="tag"`) in the post's article; a
    theme that prints them without (tagDiv's Newspaper) by their address (`/category/x/`, `/tag/x/`)."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for node in article.iter("a"):
        href = address(node.get("href", ""), base)
        taxonomy = _taxonomy(node.get("rel", "").split(), urlsplit(href).path)
        name = " ".join(node.text_content().split())
        slug = link_slug(href) or slug_of(name)
        if (not taxonomy or not name or not slug or elsewhere(node)
                or any(t["slug"] == slug for t in groups.get(taxonomy, []))):
            continue
        groups.setdefault(taxonomy, []).append({"id": synthetic_id(taxonomy, slug), "taxonomy": taxonomy,
                                                "slug": slug, "name": name, "parent": 0})
    return groups


def _with_post_classes(v2: dict[str, Any], document: HtmlElement, ident: int) -> None:
    """`v2` with the classes `post_class()` gave the post's own element (`post-7`), as REST's `class_list` holds the
    same: they name its categories and tags (`category-local-news`, `tag-storm`), which the conversion reads where
    the page links none of them (Extra's child theme of a local news site linked none of its 3,102 posts'
    categories; a theme's byline may link none)."""
    found = document.xpath(f"//*[contains(concat(' ', normalize-space(@class), ' '), ' post-{ident} ')]")
    listed = found[0].get("class", "").split() if found else []
    if not listed:
        return
    v2["class_list"] = listed
    for key, prefix in POST_CLASS_TERMS:
        if any(css_class.startswith(prefix) for css_class in listed):
            v2.setdefault(key, [])


def _taxonomy(rel: list[str], path: str) -> str:
    if "category" in rel or (not rel and "/category/" in path):
        return "category"
    return "post_tag" if "tag" in rel or (not rel and "/tag/" in path) else ""


def _picture(article: HtmlElement, content: HtmlElement, base: str) -> dict[str, Any] | None:
    """The featured image, as `the_post_thumbnail()` prints it (class `wp-post-image`), else the first picture in a
    box themes print it in (THUMBNAIL_BOXES: Elegant Themes' Extra prints its own `<img>` in `post-thumbnail`, and a
    local news site's 2,746 posts lost their photograph), outside the text, the comments and lists of other posts;
    its address where a lazy-loading plugin put it."""
    shown = [image for image in article.iter("img") if content not in image.iterancestors() and not elsewhere(image)]
    for image in [i for i in shown if "wp-post-image" in classes(i)] + [i for i in shown if _in_thumbnail_box(i)]:
        source = next((image.get(name) for name in LAZY_SOURCES
                       if image.get(name) and not image.get(name, "").startswith("data:")), "")
        if source:
            return {"id": 0, "source_url": address(source, base), "alt_text": image.get("alt") or "",
                    "media_type": "image"}
    return None


def _in_thumbnail_box(image: HtmlElement) -> bool:
    return any(not THUMBNAIL_BOXES.isdisjoint(classes(ancestor)) or ancestor.get("id") in THUMBNAIL_BOX_IDS
               for ancestor in image.iterancestors())
