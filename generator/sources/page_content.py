"""Where a saved page of a WordPress post holds the post's text: the theme's container of it (`entry-content`,
the block themes' `wp-block-post-content`, `post-content`…, the likeliest class first), else one named like one,
else one inside the post's own element, else schema.org's microdata of the text, else a page builder's own element
of it (Elementor's, Bricks', Beaver Builder's, Divi's, Thrive's, Oxygen's, tagDiv's but on the front page), else the
post's own element or the page's `<main>` where they hold nothing else; None where the theme shows the text in none
of those."""

from __future__ import annotations

import copy
import re

from lxml.html import HtmlElement

from generator.sources.page_markup import ELSEWHERE, TITLE_CLASSES, classes, elsewhere

# The classes of themes' containers of a post's text, the likeliest first: a theme may put the post's header, its
# byline and share counts, in an outer one (Publisher's `single-post-content` around its `entry-content`, ColorMag
# 3's `cm-post-content` around its `cm-entry-summary`).
CONTENT_CLASSES = ("entry-content", "wp-block-post-content", "post-content", "td-post-content",
                   "elementor-widget-theme-post-content", "article-content", "entry-inner", "single-post-content",
                   "cm-entry-summary",
                   "tribe-events-single-event-description")  # (The Events Calendar's event, in any theme)
# Else a class that names a post's content with its theme's or builder's prefix (Colibri's `colibri-post-content`,
# Divi's `et_pb_post_content`, tagDiv's `td-page-content`; a bare `page-content` is many themes' whole layout), or
# a single post's (`single-content`, in which themes made for one site print `the_content()`).
CONTENT_CLASS = re.compile(r"(?:(?:^|[-_])(?:post|entry|article)|[-_]page)[-_](?:content|body)\Z|\Asingle-content\Z")
# A class that names the content inside the post's own element (`page-content`, `post-body`, `page-content-wrap`),
# or an id (MVP Themes' Gameday prints the text in `<div id="content-area">` inside its `<div id="post-area"
# class="post-7758 …">`; outside the post's element, `content-area` is the underscores themes' whole layout).
INNER_CONTENT_CLASS = re.compile(r"(?:page|post|entry|article)[-_](?:content|body)(?:[-_](?:wrap(?:per)?|inner))?"
                                 r"|content[-_]area")
# A comment's own element and the comments' box (WordPress's `comment_class()`, `#comment-9`, `#div-comment-9`;
# the themes' `comments-area`, `comment-list`): Twenty Twenty prints a comment's text as `comment-content
# entry-content`, the class of the post's own text.
COMMENTS = re.compile(r"comments?|comment-(?:body|content|list|text|inner)|commentlist|comments-(?:area|wrapper)"
                      r"|(?:div-|li-)?comment-\d+")
# Themeansar's news themes (Newsup, Newses, Blogus…) print `the_content()` straight into `<article class="small
# single">`, inside their `mg-blog-post-box` (Newsup) or `bs-blog-post` (Blogus), with their share bar after it.
THEME_ARTICLE = frozenset({"small", "single"})
# The bare words older themes name the text's element by inside the post's own (Kubrick's and its heirs' `entry`,
# Liquorice's `post`).
BARE_CONTENT_CLASSES = frozenset({"entry", "post"})
BUILDER_IDS = frozenset({"brx-content", "tve_editor"})
BUILDER_CLASSES = frozenset({"et-l--post", "ct-inner-content"})
# tagDiv Composer, Newspaper's and Newsmag's builder, prints a page it laid out in `tdc-content-wrap`, with no
# `td-page-content` around it: two copies' 15 pages (a contact page, pages of a blog's sections) were passed over.
COMPOSER_CLASS = "tdc-content-wrap"
MIN_TEXT = 200  # characters of paragraphs: a post's text, not a caption or a byline
BODY_ID = re.compile(r"(?:postid|page-id)-[0-9]{1,19}")  # what `body_class()` names the post by


def content(document: HtmlElement, ident: int) -> HtmlElement | None:
    """Of the elements of the likeliest content class the page has outside its comments, those not inside another,
    the one that holds the most text (a related post's excerpt in a sidebar may have the class too); else of a class
    named like one; else Themeansar's `<article class="small single">`; else, inside the post's own element, one
    classed as content without a theme's prefix; else the one schema.org's microdata marks as the text; else
    Elementor's element of the post, which a page Elementor built holds its text in; else another builder's element
    of it; else tagDiv Composer's, but on the front page; else the unclassed element of the post's paragraphs; else
    one an older theme names by a bare word inside the post's own element (`entry`, `post`); else the post's own
    element, where it holds nothing but the text; else the page's `<main>` (or, with none, Sage's `wrap` of the
    template) without what is not the post's text."""
    comments = _comments(document)
    # (Those with any of the three attributes asked of libxml2: a walk in Python made an object of every element.)
    elements = [e for e in document.xpath("descendant-or-self::*[@class or @data-elementor-id or @itemprop]")
                if e not in comments
                and (e.get("class") or e.get("data-elementor-id") or e.get("itemprop"))]
    for name in CONTENT_CLASSES:
        if (found := _likeliest([e for e in elements if name in classes(e)])) is not None:
            return found
    named = _likeliest([e for e in elements if any(CONTENT_CLASS.search(name) for name in classes(e))])
    if named is not None:
        return named
    themed = _likeliest([e for e in elements if e.tag == "article" and THEME_ARTICLE <= set(classes(e))])
    if themed is not None:
        return themed
    inner = _inner_content(document, ident)
    if inner is not None:
        return inner
    # (schema.org's microdata of the text, as OceanWP marks its page's `<div class="entry" itemprop="text">`)
    marked = _likeliest([e for e in elements if e.get("itemprop") in ("articleBody", "text") and not elsewhere(e)])
    if marked is not None:
        return marked
    built = next((e for e in elements if _built(e, ident)), None)
    if built is not None:
        return built
    builder = next((e for e in document.iter() if isinstance(e.tag, str) and _builders(e, ident)), None)
    if builder is not None:
        return builder
    composed = _composed(document, elements)
    if composed is not None:
        return composed
    found = _paragraphs(elements, ident)
    found = found if found is not None else _bare_inner(document, ident)
    found = found if found is not None else _own_untitled(document, ident)
    return found if found is not None else _main(document)


def _comments(document: HtmlElement) -> set[HtmlElement]:
    """The elements of the page's comments: a visitor's comment longer than the post is no post's text."""
    found: set[HtmlElement] = set()
    # (Asked of libxml2 first: a walk of every element in Python took as long as the rest of the search.)
    for element in document.xpath('//*[contains(@class, "comment") or contains(@id, "comment")]'):
        if element not in found and element.tag not in ("body", "html") and any(
                COMMENTS.fullmatch(name) for name in [*classes(element), element.get("id") or ""]):
            found.update(e for e in element.iter() if isinstance(e.tag, str))
    return found


def _builders(element: HtmlElement, ident: int) -> bool:
    """Whether the element is a page builder's outermost element of the post's content, where the builder laid out
    the whole page: Bricks' `#brx-content`, Thrive Architect's `#tve_editor`, Beaver Builder's of the post
    (`fl-builder-content-2276`), Divi's Theme Builder's (`et-l--post`), Oxygen's inner content."""
    if element.get("id") in BUILDER_IDS:
        return True
    names = classes(element)
    return not BUILDER_CLASSES.isdisjoint(names) or f"fl-builder-content-{ident}" in names


def _composed(document: HtmlElement, elements: list[HtmlElement]) -> HtmlElement | None:
    """tagDiv Composer's element of the page (COMPOSER_CLASS), but on the front page (`home`), which a news site
    makes of tagDiv's blocks of its latest posts, its social counters and ad slots: no page's text."""
    body = document.find("body")
    if body is not None and "home" in classes(body):
        return None
    return next((e for e in elements if COMPOSER_CLASS in classes(e)), None)


def _built(element: HtmlElement, ident: int) -> bool:
    """Whether the element is Elementor's of the post: the post built with it (its id), or Elementor Pro's template
    of the post's type shown for it (`elementor-location-single post-2276`), with no widget of its text in it."""
    kind = element.get("data-elementor-type")
    if element.get("data-elementor-id") == str(ident):
        return kind in ("wp-post", "wp-page", "single-post", "single-page")
    names = classes(element)
    return kind in ("single-post", "single-page", "single") and f"post-{ident}" in names \
        and "elementor-location-single" in names


def _inner_content(document: HtmlElement, ident: int) -> HtmlElement | None:
    """Inside the post's own element (`post_class()`'s `post-2276`, or `id="post-2276"`), an element classed (or
    named by its id) as its content without a prefix of its theme's: Hello Elementor's `page-content`, Hestia's
    `page-content-wrap`, Gameday's `#content-area`, which outside it are many themes' whole layout."""
    own = _own_element(document, ident)
    if own is None:
        return None
    return _likeliest([e for e in own.iter() if e is not own and isinstance(e.tag, str) and _named_content(e)])


def _named_content(element: HtmlElement) -> bool:
    """Whether the element's class names it the content, or its id does where it holds words or a picture (a
    builder's front page leaves Gameday's `#content-area` empty: such a page is named, not made a page of nothing)."""
    if any(INNER_CONTENT_CLASS.fullmatch(name) for name in classes(element)):
        return True
    return bool(INNER_CONTENT_CLASS.fullmatch(element.get("id") or "")) and bool(
        element.text_content().strip() or element.find(".//img") is not None)


def _bare_inner(document: HtmlElement, ident: int) -> HtmlElement | None:
    """Inside the post's own element, the one an older theme names the text by a bare word (BARE_CONTENT_CLASSES),
    where it holds too few words for _paragraphs to tell it (a post of pictures and their captions); on a page of a
    theme older than `body_class()` and `post_class()`, which marks neither the post's id nor its element, the page's
    one `entry` (Cutline, a Kubrick heir, prints the post's title, byline and `<div class="entry">` straight into its
    `#content`: a music blog's 2,698 posts). A theme that prints `body_class()` and no element of the post around an
    `entry` shows a template's own lists there (Sahifa's Authors, Tags and Timeline pages)."""
    own = _own_element(document, ident)
    if own is None:
        body = document.find("body")
        if body is None or any(BODY_ID.fullmatch(name) for name in classes(body)):
            return None
        entries = [e for e in document.iter() if isinstance(e.tag, str) and "entry" in classes(e) and not elsewhere(e)]
        return entries[0] if len(entries) == 1 else None
    return _likeliest([e for e in own.iter() if e is not own and isinstance(e.tag, str)
                       and not BARE_CONTENT_CLASSES.isdisjoint(classes(e)) and not elsewhere(e)])


def _own_untitled(document: HtmlElement, ident: int) -> HtmlElement | None:
    """The post's own element itself (`<article id="post-209">`), where it holds the text alone: no heading of the
    page's, no byline's date, no comments (Hestia's full-width template prints the title above it, and the text in
    it unclassed)."""
    own = _own_element(document, ident)
    if own is None or len(own.text_content().strip()) < MIN_TEXT:
        return None
    for node in own.iter():
        if isinstance(node.tag, str) and (node.tag in ("h1", "time") or not TITLE_CLASSES.isdisjoint(
                classes(node)) or any(ELSEWHERE.search(name) for name in [*classes(node), node.get("id") or ""])):
            return None
    return own


def _main(document: HtmlElement) -> HtmlElement | None:
    """The page's one `<main>` (`role="main"`), where its theme's template of the post's type prints the post in
    its own markup, marking no post in it (a quiz site's question and answer in a card), without the title's
    heading, the comments, menus, widgets and lists of other posts in it: a copy, the page's own left as it is. Not
    the front page's (`home`): a news theme fills it with lists of the latest posts, which are no page's text."""
    body = document.find("body")
    if body is not None and "home" in classes(body):
        return None
    mains = [e for e in document.iter() if isinstance(e.tag, str) and (e.tag == "main" or e.get("role") == "main")]
    # (Sage's layout prints every template in `<div class="wrap container" role="document">`, around its `<main
    # class="main">` and sidebar: a theme made from it may comment its `<main>` out and keep the wrap.)
    mains = mains or [e for e in document.iter() if isinstance(e.tag, str) and e.get("role") == "document"
                      and "wrap" in classes(e)]
    outer = [e for e in mains if not any(a in mains for a in e.iterancestors())]
    if len(outer) != 1 or any(_marked_post(e) for e in outer[0].iter() if isinstance(e.tag, str)):
        return None
    main = copy.deepcopy(outer[0])
    for node in [n for n in main.iter() if isinstance(n.tag, str) and n is not main and _not_post_text(n)]:
        if node.getparent() is not None:
            node.drop_tree()
    return main if main.text_content().strip() else None


def _marked_post(node: HtmlElement) -> bool:
    """Whether the element is a post as themes mark it (`<article>`, `post_class()`'s `hentry`): a theme that marks
    the post and puts its text in no known container is named, not read whole."""
    return node.tag == "article" or "hentry" in classes(node)


def _not_post_text(node: HtmlElement) -> bool:
    return node.tag in ("h1", "nav", "aside", "form", "header", "footer") or not TITLE_CLASSES.isdisjoint(
        classes(node)) or any(ELSEWHERE.search(name) for name in [*classes(node), node.get("id") or ""])


def _own_element(document: HtmlElement, ident: int) -> HtmlElement | None:
    """The post's element as its theme marks it: `post_class()`'s `post-2276`, or `id="post-2276"`."""
    return next((e for e in document.iter() if isinstance(e.tag, str) and e.tag not in ("body", "html")
                 and f"post-{ident}" in [*classes(e), e.get("id") or ""]), None)


def _paragraphs(elements: list[HtmlElement], ident: int) -> HtmlElement | None:
    """In the post's element as `post_class()` marks it (`post-2276`), the element whose own paragraphs hold the
    most text, where its theme gave the text's container no class (tagDiv's older templates)."""
    article = next((e for e in elements if f"post-{ident}" in classes(e) and "hentry" in classes(e)), None)
    if article is None:
        return None
    texts = [(sum(len(p.text_content()) for p in e.iterchildren("p")), e) for e in article.iter()
             if isinstance(e.tag, str) and not elsewhere(e)]
    length, found = max(texts, key=lambda pair: pair[0], default=(0, None))
    return found if length >= MIN_TEXT else None


def _likeliest(found: list[HtmlElement]) -> HtmlElement | None:
    outer = [e for e in found if not any(a in found for a in e.iterancestors())]
    return max(outer, key=lambda e: len(e.text_content())) if outer else None
