"""Posts read from a WordPress site's saved feeds: RSS 2.0 (`/feed/`, `?feed=rss2`) and Atom (`/feed/atom/`).

A static copy of a site (Simply Static, wget, HTTrack) often holds no saved API but keeps every feed the site
linked: the site's own, each category's, tag's and author's, each holding the full text of its latest posts in
`content:encoded`. Together they hold many of the site's posts. Each item becomes the post `/wp/v2/` would give
with `?_embed`: its id from WordPress.com's `post-id` or the guid's `?p=`, its author by name, its categories
(and the terms a feed names by taxonomy, `<category domain="series">`), and goes through the same conversion as any
post. A feed cannot tell a tag from a category: both are categories here. Comments (a post's own feed, or the
site's comments feed) are no posts. A post that several feeds hold is read once.

A static copy writes its links relative to the feed (`./../2024/04/01/hello-world/index.html`): they are read
as paths from the site's root, where the folder read is taken to stand (`/2024/04/01/hello-world/`).
"""

from __future__ import annotations

import html
import html.entities
import re
from collections.abc import Iterator, Sequence
from datetime import datetime, timezone
from email.utils import parsedate_to_datetime
from pathlib import Path, PurePosixPath
from typing import Any
from urllib.parse import parse_qs, unquote, urljoin, urlsplit
from xml.etree.ElementTree import Element, ParseError, tostring

from defusedxml import DefusedXmlException, EntitiesForbidden
from defusedxml.ElementTree import fromstring

from generator.problems import Problem
from generator.sources import wp_json
from generator.sources.static_copy import (PAGE, V2_ROOT, address, guid_key, link_slug, origin, path_key, post_keys,
                                            relative_to, saved_at, stand_in)
from generator.sources.v2_posts import embedded_post, with_terms
from generator.sources.wp_json import RawItem
from generator.sources.wxr_items import SYNTHETIC_BASE, slug_of, synthetic_id

HEAD = 2048  # the bytes whose root element says that a file is a feed
# An RSS channel's `<link>` (searched before its first item): the site's home page.
HOME = re.compile(rb"<link>\s*(https?://[!-;=?-~]+)\s*</link>")
FEED_FOLDERS = frozenset({"feed", "rss", "rss2", "atom"})  # WordPress's feed addresses end in one
FEED_SUFFIXES = (".xml", ".rss", ".atom")
NS = {"content": "http://purl.org/rss/1.0/modules/content/", "dc": "http://purl.org/dc/elements/1.1/",
      "atom": "http://www.w3.org/2005/Atom", "wp": "com-wordpress:feed-additions:1",
      "media": "http://search.yahoo.com/mrss/"}
ATOM = "{http://www.w3.org/2005/Atom}"
_ROOT = re.compile(rb"<(?:rss\b|feed\b[^>]*www\.w3\.org/2005/Atom)")
XML_LANG = "{http://www.w3.org/XML/1998/namespace}lang"
_NAMESPACES = re.compile(r'\s+xmlns(?::\w+)?="[^"]*"|(?<=<)html:|(?<=</)html:')  # what ElementTree adds to xhtml
CONTROLS = re.compile(rb"[\x00-\x08\x0b\x0c\x0e-\x1f]")
# An HTML entity's name (`&rsquo;`), which XML does not know: WordPress prints a term's name as it keeps it, with
# them, in its archive's feed's title ("îles d&rsquo;afrique"), and the parser refused the whole feed.
NAMED_ENTITY = re.compile(rb"&([A-Za-z][A-Za-z0-9]{1,31});")
XML_ENTITIES = frozenset({b"amp", b"lt", b"gt", b"quot", b"apos"})
XML_ENCODING = re.compile(rb"""\A(?:\xef\xbb\xbf)?\s*<\?xml\b[^>]*?\bencoding\s*=\s*["']([^"']*)["']""")
# Blank lines before the XML declaration: a theme's or plugin's PHP file that ends with a line break after its `?>`
# prints it before every feed (WordPress's well-known "XML declaration allowed only at the start"), which feed
# readers pass over and the parser refused (an Italian magazine's 1,138 feeds, every one of its copy's).
LEADING_BLANKS = re.compile(rb"\A(\xef\xbb\xbf)?[ \t\r\n]+(?=<\?xml\b)")


def is_feed(path: Path) -> bool:
    """Whether the file's first bytes open an RSS or an Atom feed that is no WordPress export."""
    try:
        with path.open("rb") as f:
            head = f.read(HEAD)
    except OSError:
        return False
    return _ROOT.search(head) is not None and b"wordpress.org/export" not in head


def candidate(path: Path) -> bool:
    """Whether a file in a folder may be a saved feed, by its name: `*.xml`, `*.rss`, `*.atom`, or what a static
    copy saves a feed's address as (`feed/index.html`, `feed/atom/index.xml`, `feed`), and wget its later pages
    (`feed/index.html?paged=2`)."""
    name = wp_json.SAVED_QUERY.sub("", path.name.lower())
    return name.endswith(FEED_SUFFIXES) or name == "feed" or (
        path.parent.name.lower() in FEED_FOLDERS and PAGE.search(name) is not None)


def read_feeds(paths: Sequence[Path], root: Path, problems: list[Problem], seen: set[int | str] | None = None,
               published: str = "") -> Iterator[RawItem]:
    """The posts of every feed, each once (the first feed that holds it gives it; the ids and addresses read are
    added to `seen`), and the site's language; its title and tagline from its main feed. `root`: the folder that
    stands for the site's root; `published`: the address the copy is served at, where it names no other."""
    seen = set() if seen is None else seen
    tags, home = _tag_slugs(paths, root), copy_home(paths) or published
    for path in paths:
        channel = _channel(path, problems)
        if channel is None:
            continue
        base = _base(path, root, channel, home)
        yield from _site_items(path, channel, _base(path, root, channel, ""))
        language = (channel.findtext("language") or channel.get(XML_LANG) or "").strip()
        posts = [post for post in (_post(entry, base, language, tags) for entry in _entries(channel))
                 if post is not None]
        # (A guid alone tells a post of the saved API's apart (saved.py); those of two of a feed's posts may be one.)
        fresh = [post for post in posts if post_keys(post).isdisjoint(seen) and guid_key(post) not in seen]
        seen.update(key for post in fresh for key in post_keys(post))
        if fresh:
            found, found_problems = wp_json.items_in(path, fresh)
            problems.extend(found_problems)
            yield from found


def _channel(path: Path, problems: list[Problem]) -> Element | None:
    """The feed's channel (an Atom feed's root); None, named, for a feed that cannot be read or that another tool
    than WordPress made (its `<generator>` says so: Hugo's, Jekyll's)."""
    try:
        # (Control characters, which XML forbids, pasted into a post from a word processor: dropped, as the
        # export's reader does, rather than losing every post of the feed.)
        # So are bytes that are not UTF-8 in a UTF-8 feed, read as U+FFFD as a browser shows them.
        root = _parsed(CONTROLS.sub(b"", utf8_mended(declaration_first(path.read_bytes()))[0]))
    except EntitiesForbidden:
        problems.append(Problem(str(path), message="not read: the feed declares XML entities, which no feed of "
                                                   "WordPress does (and which could read other files)"))
        return None
    except (ParseError, DefusedXmlException) as e:
        problems.append(Problem(str(path), message=f"not a readable feed: {e}"))
        return None
    except OSError as e:
        problems.append(Problem(str(path), message=f"not a readable feed: {e.strerror or e}"))
        return None
    channel = root.find("channel")
    channel = channel if channel is not None else root
    maker = (channel.findtext("generator") or channel.findtext(f"{ATOM}generator") or "").strip()
    if maker and "wordpress" not in maker.lower():
        problems.append(Problem(str(path), message=f"a feed made by {maker[:60]!r}, not by WordPress: not read"))
        return None
    return channel


def _parsed(data: bytes) -> Element:
    """The feed's root element; a feed with HTML's named entities in it read with them as the characters they
    name, as a browser reads them."""
    try:
        return fromstring(data, forbid_dtd=False)
    except ParseError as error:
        if "undefined entity" not in str(error):
            raise
    return fromstring(NAMED_ENTITY.sub(_character_reference, data), forbid_dtd=False)


def _character_reference(found: re.Match[bytes]) -> bytes:
    name = found.group(1)
    text = html.entities.html5.get(name.decode("ascii") + ";") if name not in XML_ENTITIES else None
    return "".join(f"&#{ord(c)};" for c in text).encode("ascii") if text else found.group(0)


def declaration_first(body: bytes) -> bytes:
    """The feed's bytes without the blank lines a theme printed before its XML declaration (a byte order mark kept)."""
    return LEADING_BLANKS.sub(rb"\1", body, count=1)


def utf8_mended(body: bytes) -> tuple[bytes, bool]:
    """A UTF-8 feed's bytes, where a post holds some that are not UTF-8 (a character pasted in another encoding, a
    plugin that cut one in two), with U+FFFD in their place, as a browser shows them on the post's page; and
    whether any were. The XML parser refuses the whole page for one such byte, and the posts of ten with it."""
    declared = XML_ENCODING.match(body)
    if declared is not None and declared.group(1).lower().replace(b"_", b"-") not in (b"utf-8", b"utf8"):
        return body, False  # another encoding, which the parser reads itself
    try:
        body.decode("utf-8")
    except UnicodeDecodeError:
        return body.decode("utf-8", "replace").encode("utf-8"), True
    return body, False


def _base(path: Path, root: Path, channel: Element, home: str) -> str:
    """Where the feed was saved from, against which its relative links are read: its own address, where the
    channel names it (`<atom:link rel="self">`), else its path from the site's root, under the site's address
    (`home`) where its relative `self` link confirms that the folder read stands for the site's root."""
    saved = saved_at(path, root)
    for link in channel.findall(f"{ATOM}link"):
        if link.get("rel") == "self" and urlsplit(link.get("href", "")).scheme in ("http", "https"):
            return urljoin(link.get("href", ""), path.name)
        if link.get("rel") == "self" and _same_folder(urljoin(saved, link.get("href", "")), saved):
            return home + saved
    return saved


def _same_folder(found: str, saved: str) -> bool:
    """Whether two addresses name files of one folder (`/feed/` and `/feed/index.xml`)."""
    return _folder(urlsplit(found).path) == _folder(saved)


def _folder(path: str) -> str:
    return path if path.endswith("/") else path.rsplit("/", 1)[0] + "/"


def copy_home(paths: Sequence[Path]) -> str:
    """The site's address, which WordPress gives as every RSS feed's `<link>` (its home page; a copy that made every
    other address relative keeps it), without its last `/`, from the head of the first feed that gives it; else ''."""
    for head in _heads(paths, HEAD * 4):
        start = head.find(b"<channel>")
        end = head.find(b"<item", start)
        if start >= 0 and (found := HOME.search(head, start, end if end >= 0 else len(head))):
            home = found.group(1).decode("ascii").rstrip("/")
            if _followable(home) and not stand_in(home):
                return home
    return ""


# WordPress's guid of a post, `https://site.example/?p=11402`: the site's address the day the post was written.
GUID_HOME = re.compile(rb"<guid\b[^>]*>\s*(https?://[!-;=?-~]+?)/?\?p=[0-9]+\s*</guid>")


def guid_home(paths: Sequence[Path]) -> str:
    """The site's address the guids of the first feed that has any name, where they name one; else ''. A copy that
    made every address relative, its feeds' `<link>` too, keeps it there (a cosmetic surgery blog of 2,216 posts);
    a site that moved keeps its older address in its older posts' guids, so guids that name two say nothing."""
    for head in _heads(paths, HEAD * 16):
        homes = {found.group(1).decode("ascii").lower() for found in GUID_HOME.finditer(head)}
        if homes:
            home = homes.pop()
            return home if not homes and _followable(home) and not stand_in(home) else ""
    return ""


def _heads(paths: Sequence[Path], size: int) -> Iterator[bytes]:
    """The first `size` bytes of each file that can be read."""
    for path in paths:
        try:
            with path.open("rb") as file:
                head = file.read(size)
        except OSError:
            continue
        yield head


def _followable(address: str) -> bool:
    """Whether urlsplit reads an address: a feed's `<link>http://[x/</link>` (a host in brackets that is no IPv6
    address) names no home, and every relative link read under it would be lost."""
    try:
        urlsplit(address)
    except ValueError:
        return False
    return True


def _entries(channel: Element) -> list[Element]:
    return channel.findall("item") or channel.findall(f"{ATOM}entry")


def _site_items(path: Path, channel: Element, base: str) -> Iterator[RawItem]:
    """The site's language, title and tagline, from its main feed (`/feed/`) only: a category's or an author's
    feed is titled by its archive, and a multilingual site's feed of one language (`/en/feed/`) is in that one.
    A comments feed is none, wherever it says it is (an exporter that wrote every `self` link as its host followed
    by the path, `http://HOSTslug/feed/`, put each post's at the root): WordPress titles it "Comments on: …" in
    the site's language and, unlike a feed of posts, writes no `<language>` in it."""
    if PurePosixPath(urlsplit(base).path).parent.as_posix() not in ("/", "/feed") or _comments_feed(channel):
        return
    language = (channel.findtext("language") or "").strip()
    if language:
        yield RawItem(str(path), None, {"language": language}, wp_json.LANGUAGE)
    for tag, key in (("title", "title"), ("description", "description"), (f"{ATOM}title", "title"),
                     (f"{ATOM}subtitle", "description")):
        text = channel.findtext(tag)
        if text is not None:
            yield RawItem(str(path), None, {key: html.unescape(text.strip())}, wp_json.LANGUAGE)


def _comments_feed(channel: Element) -> bool:
    """Whether an RSS channel is WordPress's comments feed (`feed-rss2-comments.php`), which has no `<language>`."""
    return channel.tag == "channel" and channel.find("language") is None


def _post(entry: Element, base: str, language: str, tags: frozenset[str]) -> dict[str, Any] | None:
    """The v2 post of an RSS item or an Atom entry, in the feed's `language`, its terms of the slugs `tags` tags;
    None for a comment."""
    atom = entry.tag == f"{ATOM}entry"
    link = _untracked(address(_atom_link(entry) if atom else entry.findtext("link") or "", base))
    guid = address((entry.findtext(f"{ATOM}id") if atom else entry.findtext("guid")) or "", base)
    if "#comment-" in link or "#comment-" in guid:
        return None
    # (A guid's `&` that esc_url wrote as `&#038;` and a static copy cut to `#038;`: `?post_type=dam#038;p=2978`.)
    query = parse_qs(urlsplit(guid.replace("#038;", "&")).query)
    title = _title(entry, atom)
    v2: dict[str, Any] = {
        "id": _ident(entry, query, link or guid), "status": "publish", "link": link or None,
        "type": (query.get("post_type") or ["page" if "page_id" in query else "post"])[0],
        "slug": _slug(link, guid) or slug_of(html.unescape(title)) or None,
        "guid": {"rendered": guid} if guid else None, "title": {"rendered": title}, "lang": language or None,
    }
    _texts(v2, entry, atom, base)
    _dated(v2, entry, atom)
    embedded: dict[str, Any] = {}
    author = ((entry.findtext(f"{ATOM}author/{ATOM}name") if atom else entry.findtext("dc:creator", namespaces=NS))
              or "").strip()
    if author:
        v2["author"] = synthetic_id("author", author)
        embedded["author"] = [{"id": v2["author"], "name": author, "slug": slug_of(author)}]
    with_terms(v2, embedded, _terms(entry, atom, tags), V2_ROOT)
    return embedded_post(v2, embedded, _thumbnail(entry))


def _texts(v2: dict[str, Any], entry: Element, atom: bool, base: str) -> None:
    """The post's body and summary; no body where the feed gives a summary only (the post's page may hold it). A
    password-protected post's feed shows WordPress's form for the password: the post is protected."""
    body = _text(entry, "content" if atom else "content:encoded")
    excerpt = _text(entry, "summary" if atom else "description")
    link = v2["link"] or ""
    v2["excerpt"] = {"rendered": _without_footer(relative_to(excerpt, base, dotted=True), link)}
    if body.strip() or not excerpt.strip():  # (a type with no editor gives neither: a title over nothing)
        v2["content"] = {"rendered": _with_enclosure(_without_footer(relative_to(body, base, dotted=True), link),
                                                     entry),
                         "protected": "post-password-form" in body}


def _slug(link: str, guid: str) -> str:
    """The slug the post's address names, but where that is surely on another site: a plugin that links a post to
    another site's story (Page Links To) gives its feed item that story's address, which a copy that made every
    address on the site a path (the guid too) kept whole. (A guid on another host than the address is most often
    the site's own, before it moved: its guids keep their host.)"""
    return "" if origin(link) and not origin(guid) and guid else link_slug(link)


def _dated(v2: dict[str, Any], entry: Element, atom: bool) -> None:
    published = (entry.findtext(f"{ATOM}published") or entry.findtext(f"{ATOM}updated")) if atom \
        else entry.findtext("pubDate")
    v2["date"] = v2["date_gmt"] = _utc(published)
    if atom and entry.findtext(f"{ATOM}updated"):
        v2["modified"] = v2["modified_gmt"] = _utc(entry.findtext(f"{ATOM}updated"))


def _ident(entry: Element, query: dict[str, list[str]], address: str) -> int:
    """WordPress.com's and Jetpack's `post-id`, else the guid's `?p=` or `?page_id=`, else one made from the
    address."""
    for text in (entry.findtext("wp:post-id", namespaces=NS), *query.get("p", []), *query.get("page_id", [])):
        if text and text.strip().isdigit() and 0 < int(text) < SYNTHETIC_BASE:
            return int(text)
    return synthetic_id("feed", address or (entry.findtext("title") or ""))


def _untracked(link: str) -> str:
    """A post's address without the campaign parameters a plugin adds to the links of its feed
    (`?utm_source=rss&utm_medium=rss&utm_campaign=slug`), which its pages' and posts' links to it lack."""
    parts = urlsplit(link)
    if "utm_" not in parts.query.lower():
        return link
    kept = [pair for pair in parts.query.split("&") if not pair.lower().startswith("utm_")]
    return parts._replace(query="&".join(kept)).geturl()


def _atom_link(entry: Element) -> str:
    for link in entry.findall(f"{ATOM}link"):
        if link.get("rel", "alternate") == "alternate" and link.get("href"):
            return link.get("href", "")
    return ""


def _title(entry: Element, atom: bool) -> str:
    """The title as HTML, as REST's `title.rendered` is: RSS's and Atom's `text` titles are plain text."""
    return _atom_text(entry.find(f"{ATOM}title")) if atom else html.escape((entry.findtext("title") or "").strip(),
                                                                           quote=False)


def _text(entry: Element, name: str) -> str:
    if name == "content:encoded":
        return entry.findtext(name, namespaces=NS) or ""
    if name in ("content", "summary"):
        return _atom_text(entry.find(f"{ATOM}{name}"))
    return entry.findtext(name) or ""


def _atom_text(node: Element | None) -> str:
    """An Atom text construct as HTML: `html` as it is, `xhtml` its `<div>`'s markup, `text` escaped."""
    if node is None:
        return ""
    kind = node.get("type", "text")
    if kind == "xhtml":
        inner = node.find("{http://www.w3.org/1999/xhtml}div")
        inner = inner if inner is not None else node
        markup = (html.escape(inner.text or "", quote=False)
                  + "".join(tostring(child, encoding="unicode") for child in inner))
        return _NAMESPACES.sub("", markup).strip()
    return (node.text or "").strip() if kind == "html" else html.escape((node.text or "").strip(), quote=False)


# Yoast SEO's and others' line under each post of a feed: "The post <a>Title</a> appeared first on <a>Site</a>."
# (in the site's language), which is no part of the post. It is the body's last paragraph and links the post.
_FOOTER = re.compile(r"<p>(?:[^<]|<a\b[^>]*>[^<]*</a>){0,400}</p>")
_HREFS = re.compile(r"""<a\b[^>]*\bhref=["']([^"']*)["']""")


def _without_footer(markup: str, link: str) -> str:
    start = markup.rfind("<p>")
    if start < 0 or not link or _FOOTER.fullmatch(markup, start, len(markup.rstrip())) is None:
        return markup
    # (By path: a copy that named the site's host nowhere kept the line's links as paths from the root.)
    hrefs = [path_key(html.unescape(href)) for href in _HREFS.findall(markup, start)]
    return markup[:start] if len(hrefs) == 2 and hrefs[0] == path_key(link) != hrefs[1] else markup


def _with_enclosure(markup: str, entry: Element) -> str:
    """A podcast's episode, which the feed gives as its enclosure and the body often does not link: its player
    under the words, as the podcast plugin showed it on the page."""
    enclosure = entry.find("enclosure")
    address = enclosure.get("url", "").strip() if enclosure is not None else ""
    kind = (enclosure.get("type", "") if enclosure is not None else "").split("/")[0]
    if not address.startswith(("http://", "https://")) or kind not in ("audio", "video") or address in markup:
        return markup
    return f'{markup}\n<figure class="wp-block-{kind}"><{kind} controls src="{html.escape(address)}"></{kind}></figure>'


def _utc(text: str | None) -> str | None:
    """An RSS date (RFC 822) or an Atom one (RFC 3339) as v2's UTC date without an offset."""
    if not text or not text.strip():
        return None
    text = text.strip()
    try:
        moment = datetime.fromisoformat(text.replace("Z", "+00:00"))
    except ValueError:
        try:
            moment = parsedate_to_datetime(text)
        except (TypeError, ValueError):
            return text  # the conversion names what it cannot read
    if moment.tzinfo is not None:
        moment = moment.astimezone(timezone.utc).replace(tzinfo=None)
    return moment.isoformat()


def _tag_slugs(paths: Sequence[Path], root: Path) -> frozenset[str]:
    """The slugs of the tags whose feeds the copy holds (`tag/storm/feed/`), but for those a category has too:
    a feed writes a post's tags as it writes its categories."""
    found: dict[str, set[str]] = {"tag": set(), "category": set()}
    for path in paths:
        parts = path.relative_to(root).parts if path.is_relative_to(root) else ()
        for base, slug in zip(parts, parts[1:]):
            if base in found:
                found[base].add(unquote(slug).lower())
    return frozenset(found["tag"] - found["category"])


def _terms(entry: Element, atom: bool, tags: frozenset[str]) -> dict[str, list[dict[str, Any]]]:
    """taxonomy -> its terms as v2's term objects, ids made from taxonomy and name. A `domain` that is a
    taxonomy's name (a plugin's feed sets it) says the taxonomy; else, as WordPress writes them, a category, or a
    tag where the copy holds that tag's feed and no category's of that slug."""
    groups: dict[str, list[dict[str, Any]]] = {}
    for node in entry.findall(f"{ATOM}category" if atom else "category"):
        name = html.unescape(((node.get("term") if atom else node.text) or "").strip())
        domain = (node.get("domain") or "").strip()
        slug = slug_of(name)
        taxonomy = domain if re.fullmatch(r"[a-z0-9_-]{1,32}", domain) else "post_tag" if slug in tags else "category"
        if not slug or any(term["slug"] == slug for term in groups.get(taxonomy, [])):
            continue
        groups.setdefault(taxonomy, []).append({"id": synthetic_id(taxonomy, slug), "taxonomy": taxonomy,
                                                "slug": slug, "name": name, "parent": 0})
    return groups


def _thumbnail(entry: Element) -> dict[str, Any] | None:
    """The featured image a feed names: `media:thumbnail` (WordPress.com's, and plugins')."""
    node = entry.find("media:thumbnail", namespaces=NS)
    url = node.get("url", "").strip() if node is not None else ""
    return {"id": 0, "source_url": url, "alt_text": "", "media_type": "image"} if url.startswith("http") else None
