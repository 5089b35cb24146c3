"""Posts read from the pages of a static copy of a WordPress site (Simply Static, wget, HTTrack), where neither a
saved API, an export, a dump nor a feed gives them: a feed holds each archive's latest posts only.

A page is a post's where WordPress's `body_class()` says so, as nearly every theme prints it: `single` or `page`
with the post's id (`postid-2276`, `page-id-12`) and its type (`single-news-archive`). Its text is the theme's
container of the post's content (`entry-content`, the block themes' `wp-block-post-content`, `post-content`…: of
those, the one holding the most text); its title, date, author, terms and picture come from what WordPress and its
SEO plugins print in the page (the title's heading, `article:published_time`, `rel="author"`, `rel="category tag"`,
the `wp-post-image`). The post becomes the one `/wp/v2/` would give with `?_embed`, and goes through the same
conversion as any post. A page that holds no such container is named, and passed over.
"""

from __future__ import annotations

import html
import re
from collections.abc import Iterable, Iterator
from pathlib import Path
from typing import Any
from urllib.parse import urljoin, urlsplit

import lxml.html
from lxml.etree import ParserError, XMLSyntaxError
from lxml.html import HtmlElement

from generator.problems import Problem
from generator.sources import wp_json
from generator.sources.static_copy import PAGE, address, post_keys, relative_to, saved_at
from generator.sources.v2_posts import embedded_post, local_and_utc
from generator.sources.wp_json import RawItem
from generator.sources.wxr_items import slug_of, synthetic_id

# The classes of themes' containers of a post's text, the likeliest first: a theme may put the post's header, its
# byline and share counts, in an outer one (Publisher's `single-post-content` around its `entry-content`).
CONTENT_CLASSES = ("entry-content", "wp-block-post-content", "post-content", "td-post-content",
                   "elementor-widget-theme-post-content", "article-content", "single-post-content")
TITLE_CLASSES = frozenset({"entry-title", "wp-block-post-title", "post-title", "page-title", "single-post-title"})
ID_CLASS = re.compile(r"(?:postid|page-id)-([0-9]{1,19})")
# `single-format-video` names the post's format, `single-author` and `single-paged` a view: no type.
NOT_TYPES = re.compile(r"single-(?:format-.*|author|paged|template.*)")
V2_ROOT = "https://static-copy.invalid/wp/v2/"  # where v2 would list a taxonomy's terms: its field's name


def candidate(path: Path) -> bool:
    """Whether a file in a folder may be a saved page: `*.html`, `*.htm`, and wget's names with a query."""
    return wp_json.SAVED_QUERY.sub("", path.name.lower()).endswith((".html", ".htm"))


def read_pages(paths: Iterable[Path], root: Path, problems: list[Problem], seen: set[int | str], site: str = ""
               ) -> Iterator[RawItem]:
    """The posts of the pages that are posts' pages, but for those whose id or address is in `seen` (given by a
    feed), each once. `root`: the folder that stands for the site's root; `site`: its address where the copy's
    feeds named it (`https://news.example`), for the pages that name none."""
    for path in paths:
        document = _document(path)
        ident = _ident(document) if document is not None else None
        if ident is None or _kind(document) == "attachment":
            continue
        base = _base(document, site + saved_at(path, root))
        link = _link(document, base)
        if not post_keys({"id": ident, "link": link}).isdisjoint(seen):
            continue
        post = _post(document, ident, link, base)
        if post is None:
            problems.append(Problem(str(path), str(ident), "content", "a post's page whose theme shows its text in "
                                    "no container newsmirror knows (entry-content, post-content…): passed over"))
            continue
        seen.update(post_keys(post))
        found, found_problems = wp_json.items_in(path, [post])
        problems.extend(found_problems)
        yield from found


def _document(path: Path) -> HtmlElement | None:
    try:
        data = path.read_bytes()
    except OSError:
        return None
    if b"<body" not in data[:1 << 20]:  # a fragment, or no page at all
        return None
    try:
        return lxml.html.document_fromstring(data)
    except (ParserError, XMLSyntaxError, ValueError):
        return None


def _body_classes(document: HtmlElement) -> list[str]:
    body = document.find("body")
    return (body.get("class") or "").split() if body is not None else []


def _ident(document: HtmlElement) -> int | None:
    classes = _body_classes(document)
    if "single" not in classes and "page" not in classes:
        return None
    for name in classes:
        if found := ID_CLASS.fullmatch(name):
            ident = int(found.group(1))
            return ident if 0 < ident < wp_json.SYNTHETIC_BASE else None
    return None


def _kind(document: HtmlElement) -> str:
    classes = _body_classes(document)
    if "attachment" in classes:
        return "attachment"
    if "page" in classes and "single" not in classes:
        return "page"
    types = [name.removeprefix("single-") for name in classes
             if name.startswith("single-") and not NOT_TYPES.fullmatch(name)]
    return types[0] if types else "post"


def _base(document: HtmlElement, saved: str) -> str:
    """What the page's relative addresses are read against: its `<base href>` (a copy that wrote its addresses
    from the site's root without a `/` declares the site's), else where it was saved."""
    declared = document.find(".//base[@href]")
    return urljoin(saved, declared.get("href", "").strip()) if declared is not None else saved


def _link(document: HtmlElement, base: str) -> str:
    """The post's address: its canonical one, else the page's own."""
    found = _meta_link(document, "canonical") or _property(document, "og:url")
    return address(found, base) if found else PAGE.sub("/", base)


def _post(document: HtmlElement, ident: int, link: str, base: str) -> dict[str, Any] | None:
    content = _content(document)
    if content is None:
        return None
    article = _enclosing(content)
    title = _title(document, article)
    v2: dict[str, Any] = {
        "id": ident, "type": _kind(document), "status": "publish", "link": link,
        "slug": _slug(link) or slug_of(html.unescape(title)) or None,
        "title": {"rendered": title},
        "content": {"rendered": relative_to(_inner(content), base)},
        "excerpt": {"rendered": html.escape(_meta(document, "description") or _property(document, "og:description")
                                            or "", quote=False)},
    }
    shortlink = _meta_link(document, "shortlink")
    if shortlink:
        v2["guid"] = {"rendered": address(shortlink, base)}
    v2["date"], v2["date_gmt"] = local_and_utc(_property(document, "article:published_time")
                                               or _schema(document, "datePublished")
                                               or _time(article, ("published", "entry-date"), first=True))
    v2["modified"], v2["modified_gmt"] = local_and_utc(_property(document, "article:modified_time")
                                                       or _property(document, "og:updated_time")
                                                       or _schema(document, "dateModified") or _time(article, ("updated",)))
    embedded: dict[str, Any] = {}
    author = _author(document, article)
    if author:
        v2["author"] = synthetic_id("author", author)
        embedded["author"] = [{"id": v2["author"], "name": author, "slug": slug_of(author)}]
    groups = _terms(article, base)
    for taxonomy, terms in groups.items():
        v2["categories" if taxonomy == "category" else "tags"] = [term["id"] for term in terms]
    if groups:
        embedded["wp:term"] = list(groups.values())
        v2["_links"] = {"wp:term": [{"taxonomy": taxonomy, "href": f"{V2_ROOT}{'categories' if taxonomy == 'category' else 'tags'}"}
                                    for taxonomy in groups]}
    language = document.get("lang")
    if language:
        v2["lang"] = language
    return embedded_post(v2, embedded, _picture(article, content, base))


def _content(document: HtmlElement) -> HtmlElement | None:
    """Of the elements of the likeliest content class the page has, those not inside another, the one that holds
    the most text (a related post's excerpt in a sidebar may have the class too)."""
    elements = [e for e in document.iter() if isinstance(e.tag, str) and e.get("class")]
    for name in CONTENT_CLASSES:
        found = [e for e in elements if name in _classes(e)]
        outer = [e for e in found if not any(a in found for a in e.iterancestors())]
        if outer:
            return max(outer, key=lambda e: len(e.text_content()))
    return None


def _classes(element: HtmlElement) -> list[str]:
    return (element.get("class") or "").split()


def _enclosing(content: HtmlElement) -> HtmlElement:
    """The post's `<article>` (or `<main>`), where its title, date and terms are; else the page's body."""
    for ancestor in content.iterancestors():
        if ancestor.tag in ("article", "main"):
            return ancestor
    body = content.getroottree().getroot().find("body")
    return body if body is not None else content


def _inner(element: HtmlElement) -> str:
    return (html.escape(element.text or "", quote=False)
            + "".join(lxml.html.tostring(child, encoding="unicode") for child in element))


def _title(document: HtmlElement, article: HtmlElement) -> str:
    for element in article.iter():
        if isinstance(element.tag, str) and element.tag in ("h1", "h2") and not TITLE_CLASSES.isdisjoint(_classes(element)):
            return html.escape(element.text_content().strip(), quote=False)
    h1 = article.find(".//h1")
    text = h1.text_content().strip() if h1 is not None else _property(document, "og:title")
    if not text:
        node = document.find(".//title")
        text = node.text_content().strip() if node is not None else ""
    return html.escape(text, quote=False)


def _meta(document: HtmlElement, name: str) -> str:
    for node in document.iterfind(".//meta[@name]"):
        if node.get("name", "").lower() == name:
            return (node.get("content") or "").strip()
    return ""


def _property(document: HtmlElement, name: str) -> str:
    for node in document.iterfind(".//meta[@property]"):
        if node.get("property") == name:
            return (node.get("content") or "").strip()
    return ""


def _meta_link(document: HtmlElement, rel: str) -> str:
    for node in document.iterfind(".//link[@rel]"):
        if rel in node.get("rel", "").split():
            return (node.get("href") or "").strip()
    return ""


def _schema(document: HtmlElement, field: str) -> str | None:
    """A date of the page's schema.org data, as Yoast SEO and Rank Math print it for every post and page
    (`"datePublished":"2019-05-07T14:10:34+00:00"`)."""
    pattern = re.compile(rf'"{field}"\s*:\s*"([^"]{{10,40}})"')
    for script in document.iterfind(".//script[@type]"):
        if script.get("type") == "application/ld+json" and (found := pattern.search(script.text or "")):
            return found.group(1)
    return None


def _time(article: HtmlElement, classes: tuple[str, ...], first: bool = False) -> str | None:
    """The `datetime` of the article's `<time>` of one of `classes`, else (`first`) of its first `<time>`."""
    times = list(article.iterfind(".//time[@datetime]"))
    for time in times:
        if not set(classes).isdisjoint(_classes(time)):
            return time.get("datetime")
    return times[0].get("datetime") if times and first else None


def _author(document: HtmlElement, article: HtmlElement) -> str:
    for node in article.iterfind(".//a[@rel]"):
        if "author" in node.get("rel", "").split() and node.text_content().strip():
            return node.text_content().strip()
    for node in article.iter():
        if isinstance(node.tag, str) and {"author", "fn"} & set(_classes(node)) and node.text_content().strip():
            return " ".join(node.text_content().split())
    return _meta(document, "author")


def _terms(article: HtmlElement, base: str) -> dict[str, list[dict[str, Any]]]:
    """`the_category()`'s links (`rel="category tag"`) and `the_tags()`'s (`rel="tag"`) in the post's article."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for node in article.iterfind(".//a[@rel]"):
        rel = node.get("rel", "").split()
        taxonomy = "category" if "category" in rel else "post_tag" if "tag" in rel else ""
        name = " ".join(node.text_content().split())
        slug = _slug(address(node.get("href", ""), base)) or slug_of(name)
        if not taxonomy or not name or not slug or any(t["slug"] == slug for t in groups.get(taxonomy, [])):
            continue
        groups.setdefault(taxonomy, []).append({"id": synthetic_id(taxonomy, slug), "taxonomy": taxonomy,
                                                "slug": slug, "name": name, "parent": 0})
    return groups


def _picture(article: HtmlElement, content: HtmlElement, base: str) -> dict[str, Any] | None:
    """The featured image, as `the_post_thumbnail()` prints it (class `wp-post-image`), outside the text."""
    for image in article.iterfind(".//img"):
        if "wp-post-image" in _classes(image) and content not in image.iterancestors():
            source = address(image.get("src") or image.get("data-src") or "", base)
            if source:
                return {"id": 0, "source_url": source, "alt_text": image.get("alt") or "", "media_type": "image"}
    return None


def _slug(link: str) -> str:
    parts = urlsplit(link)
    segments = [s for s in PAGE.sub("/", parts.path).split("/") if s]
    return segments[-1] if segments and not parts.query and not segments[-1].isdigit() else ""
