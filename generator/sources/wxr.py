"""WordPress export files (WXR 1.0-1.2, Tools → Export): read as the same raw items as saved REST JSON.

The file is read twice, streamed, each element dropped once read, so memory stays bounded by the
largest post and by what the export says of its attachments and synced patterns, never by the file's
size. The first pass checks the whole file (well-formed, a WXR version, no entity declarations) and
notes the attachments and synced patterns, which galleries, featured images and posts name before or
after them; only then does the second pass yield items, so that a refused export yields nothing and
content/ stays as it was. An export cut short is the exception: its whole items are read (wxr_cut.py).
Entity declarations and external references are refused (defusedxml): an export never has them,
and they are how billion-laughs and file-reading attacks work.
"""

from __future__ import annotations

import codecs
import io
import re
from collections.abc import Callable, Iterator, Mapping
from dataclasses import replace
from functools import lru_cache
from pathlib import Path
from typing import Any
from xml.etree.ElementTree import Element as XmlElement
from xml.etree.ElementTree import ParseError

from defusedxml import DefusedXmlException
from defusedxml.ElementTree import iterparse

from generator.language.words import Words
from generator.problems import ItemError, Problem
from generator.progress import Progress
from generator.sources import coauthors, plugin_galleries, product_prices, tablepress, tribe_events, wp_json
from generator.sources import wxr_encoding as encoding
from generator.sources.wxr_cdata import CdataMender
from generator.sources.wxr_cut import Cut, last_line_if_cut
from generator.sources import wxr_salvage
from generator.sources.wxr_salvage import Salvage
from generator.sources import wxr_items as items
from generator.sources.plugin_records import is_plugin_record
from generator.sources.wp_json import RawItem
from generator.sources.wp_syntax import gallery_owners
from generator.sources.wxr_items import Element, Names

# Prefixes by namespace: WXR 1.0-1.2 under http:// or https://, and the RSS modules it uses.
# WordPress's address of a post by its id, which it gives as the guid of every post it creates.
ID_IN_ADDRESS = re.compile(r"[?&](?:p|page_id)=([1-9][0-9]{0,11})(?:&|#|$)")
NAMESPACES = ((re.compile(r"^https?://wordpress\.org/export/1\.\d+/excerpt/$"), "excerpt"),
              (re.compile(r"^https?://wordpress\.org/export/1\.\d+/$"), "wp"),
              (re.compile(r"^https?://purl\.org/rss/1\.0/modules/content/$"), "content"),
              (re.compile(r"^https?://purl\.org/dc/elements/1\.1/$"), "dc"))
VERSION = re.compile(r"^1\.\d+$")
# Prefixes WordPress.com and feed plugins write into exports without declaring them (`<atom:link>`), which
# makes the file malformed XML; WordPress's own importer falls back to a forgiving parser for it. These are
# declared on <rss> when it does not declare them, so such exports read; nothing of them is imported.
UNDECLARED = ("atom", "media", "georss", "geo", "itunes", "googleplay", "sy", "slash", "wfw", "opensearch",
              "blogChannel", "rawvoice", "creativeCommons", "feedburner", "thr", "snf")
# Control characters XML 1.0 forbids, which text pasted from word processors carries (a vertical tab for Word's
# line break) and WordPress exports as they are: one would refuse the whole file, where WordPress's importer
# falls back to a parser that reads it. A vertical tab or form feed becomes a space, the others go; in UTF-8
# these bytes are never part of another character.
FORBIDDEN = bytes(range(0x00, 0x09)) + bytes(range(0x0E, 0x20))
SPACED = bytes.maketrans(b"\x0b\x0c", b"  ")
# What a site prints before `<?xml`, a blank line from a theme file that ends in one or a PHP notice
# ("<b>Warning</b>: …"), makes the file malformed XML; WordPress's importer reads it anyway. The declaration
# goes first and only the line breaks stay after it, so that every line keeps its number.
LATE_DECLARATION = re.compile(rb"\A(\xef\xbb\xbf)?((?:(?!<rss).)*?)(<\?xml\s[^>]*\?>)", re.DOTALL)
# Text typed into an export's header, between its comments and <rss> (`adgeagaegww<!-- 1. Log in…`), is no
# XML, so a parser refuses the file; WordPress's importer falls back to a regex parser that never looks there.
# Before the root only comments and processing instructions stand (and a DOCTYPE, which is left to the parser
# to refuse); anything else there is skipped, its line breaks kept, and said.
PROLOG_MARKUP = re.compile(rb"<\?.*?\?>|<!--.*?-->", re.DOTALL)
STRAY_SHOWN = 60  # characters of the skipped text that the warning shows
# …but for the tags a theme or plugin prints into every response's head (`<meta name="generator" content="…" />`,
# `<link rel="…">`): skipped without a word, as they hold nothing of the export and nothing is lost.
HEAD_TAGS = re.compile(rb"(?:\s*<(?:meta|link)\b[^<>]*>)+\s*", re.IGNORECASE)
BAR_FROM = 8 << 20  # bytes: a smaller export is read in a blink, with no progress bar

Read = Callable[[int], None]  # hears the bytes of each chunk read

# The lines git writes around the two sides of a merge conflict, committed unresolved into an export.
CONFLICT_MARKER = re.compile(r"(?:<{7}|\|{7}|={7}|>{7})(?:[ \t]|\r?\n|$)")
BOM = b"\xef\xbb\xbf"
MALFORMED = "malformed XML"
HEADER_TAGS = ("wp:author", "wp:category", "wp:tag", "wp:term")
CHANNEL_TEXTS = ("title", "description")
HEAD = 4096  # the bytes whose namespaces say that a file is an export
# Post types REST does not serve as posts, and the kind they are skipped as.
SKIPPED_TYPES = {"revision": wp_json.REVISION, "nav_menu_item": wp_json.MENU, "custom_css": wp_json.DESIGN,
                 "customize_changeset": wp_json.SITE, "oembed_cache": wp_json.SITE, "user_request": wp_json.SITE}
# WordPress's own taxonomies (and WXR 1.0's name for tags), which a hand-made export may declare its terms as items
# of: no WordPress has such a post type, and its importer refuses them ("Invalid post type"). As posts, their pages
# would take the paths of the terms' own pages.
TAXONOMY_TYPES = frozenset({"category", "post_tag", "tag"})


def is_export(path: Path) -> bool:
    """Whether the file's first bytes say it is a WordPress export."""
    try:
        with path.open("rb") as f:
            return export_head(f.read(HEAD))
    except OSError:
        return False


def export_head(head: bytes) -> bool:
    """Whether a file's first HEAD bytes are an export's (in UTF-8, or in UTF-16 after its byte order mark)."""
    if head.startswith(encoding.UTF16_BOMS):
        head = head.decode("utf-16", "ignore").encode("utf-8")
    return b"<rss" in head and b"wordpress.org/export" in head


def read_export(path: Path, problems: list[Problem], words: Words | None = None,
                progress: Progress | None = None) -> Iterator[RawItem]:
    """Every item of the export, streamed; what cannot be read is appended to `problems`. An export
    that cannot be read as a whole yields nothing, but for one cut short (its whole items before the cut are
    read, and the cut is a problem of the file) and one malformed past its header (read item by item,
    wxr_salvage.py). `words`: the site's, for the titles it makes (else English). `progress` hears the
    megabytes read of each of the two passes over a large export."""
    checking = _megabytes(path, f"checking {path.name}, MB", progress)
    names, skipped, cut, salvage = _names(words), [], Cut(), Salvage()
    refusal = _scan(path, names, skipped, cut, salvage, checking)
    if salvage.error and not refusal:  # what was noted before the XML broke is noted again, item by item
        names, skipped = _names(words), []
        refusal = _scan(path, names, skipped, cut, salvage, checking)
    if refusal:
        problems.append(Problem(str(path), message=refusal))
        return
    problems.extend(Problem(str(path), message=line) for line in skipped)
    position = 0
    reading = _megabytes(path, f"reading {path.name}, MB", progress)
    try:
        for tag, element in (_salvaged(path, None, reading, salvage, problems) if salvage.error
                             else _elements(path, read=reading)):
            if tag == "item":
                yield from element_items(path, position, element, names, problems)
                position, cut.last = position + 1, element.fields.get("wp:post_id", "") or f"#{position}"
            else:
                yield from _header(path, tag, element, names)
    except ParseError:
        if not cut.line:  # the first pass read the whole file: it changed since
            raise
    if cut.line:
        problems.append(Problem(str(path), message=cut.said(position)))
    if salvage.error:
        problems.append(Problem(str(path), message=salvage.said(position)))


def _names(words: Words | None) -> Names:
    return Names() if words is None else Names(words=words)


def _header(path: Path, tag: str, element: Element, names: Names) -> Iterator[RawItem]:
    """What the channel holds beside its items: the export's date, the site's language, title and tagline, its
    authors and terms."""
    if tag == "pubDate":
        names.export_date = element.fields.get("text", "")
    elif tag in ("link", "wp:base_blog_url") and not names.site:
        names.site = items.site_address(element.fields.get("text", ""))
    elif tag == "language":
        names.language = element.fields.get("text", "").strip()
        yield RawItem(str(path), None, {"language": names.language}, wp_json.LANGUAGE)
    elif tag in CHANNEL_TEXTS:  # the site's title and tagline
        yield RawItem(str(path), None, {tag: element.fields.get("text", "")}, wp_json.LANGUAGE)
    elif tag == "wp:author" and (found := items.user(element, names)):
        yield RawItem(str(path), None, found, wp_json.USER)
    elif tag in HEADER_TAGS[1:] and (found := items.term(element, tag, names)):
        yield RawItem(str(path), None, found, wp_json.TERM)


def element_items(path: Path, position: int, element: Element, names: Names,
                  problems: list[Problem]) -> Iterator[RawItem]:
    """A post, or a media item for an attachment, or a skipped item of a type REST does not serve
    as a post (a revision, a menu item); what cannot be made a post becomes a problem. `names`: what the first
    pass noted of every element (note_element, settle)."""
    post_type = element.fields.get("wp:post_type", "")
    skipped = (SKIPPED_TYPES.get(post_type) or (wp_json.DESIGN if wp_json.is_design_type(post_type)
                                                or wp_json.is_builder_template(post_type, element.meta) else "")
               or (wp_json.RECORD if post_type in wp_json.RECORD_TYPES
                   or is_plugin_record(post_type, element.fields) else ""))
    try:
        if post_type == "attachment":
            if element.fields.get("wp:attachment_url"):
                yield RawItem(str(path), position, items.media(element, names), wp_json.MEDIA)
            return
        if skipped:
            yield RawItem(str(path), position, {"id": items.post_id(element.fields) or None}, skipped)
            return
        if post_type in TAXONOMY_TYPES:  # one problem per item, which the import tells in one line for many
            problems.append(Problem(str(path), element.fields.get("wp:post_id", "") or f"#{position}", "wp:post_type",
                                    f"{post_type!r} is a taxonomy, not a type of post: a term written as an item, "
                                    "which WordPress's importer refuses; skipped (an export declares its terms in "
                                    "<wp:category>, <wp:tag> or <wp:term>)", left_out=True))
            return
        if not items.post_id(element.fields):
            element = _with_made_id(path, position, element, problems)
        data, warnings = items.post(element, names)
        raw = RawItem(str(path), position, data, wp_json.POST)
        problems.extend(raw.problem(f, m) for f, m in warnings)  # named by its position if its id is made up
        yield raw
    except ItemError as e:
        ident = element.fields.get("wp:post_id", "")
        ident = "" if wp_json.made_up(int(ident) if ident.isdigit() else 0) else ident
        # A post the export holds is left out (it has no date anywhere): it counts among the skipped too.
        problems.append(Problem(str(path), ident or f"#{position}", e.field, e.message,
                                left_out=post_type != "attachment"))


def _with_made_id(path: Path, position: int, element: Element, problems: list[Problem]) -> Element:
    """A hand-made export may give no ids: the post takes the one its address names (`?p=19`, WordPress's
    own address for post 19), else one made from what names the post, and it is said; but not for a first item
    numbered 0, by an exporter that counts its items from zero (Squarespace's: 0, 1, 2…), whose others have ids."""
    fields = element.fields
    ident, basis = _id_in_address(fields), "the one its guid names"
    if not ident:
        made_from = (fields.get("guid") or fields.get("link")
                     or f"{fields.get('title', '')}\x00{fields.get('wp:post_date', '')}")
        ident, basis = items.synthetic_id("post", made_from), "made from its guid, link or title and date"
    given = fields.get("wp:post_id", "")
    what = f"not a positive whole number ({given[:40]!r})" if given else "missing"
    if not (position == 0 and given.strip() == "0"):
        problems.append(Problem(str(path), f"#{position}", "wp:post_id", f"{what}; imported with id {ident}, {basis}"))
    return replace(element, fields={**fields, "wp:post_id": str(ident)})


def _id_in_address(fields: Mapping[str, str]) -> int:
    """The post id in the item's guid (`https://example.com/?p=19`, `?page_id=7`), or 0."""
    found = ID_IN_ADDRESS.search(fields.get("guid", ""))
    return int(found.group(1)) if found else 0


def _scan(path: Path, names: Names, skipped: list[str], cut: Cut, salvage: Salvage, read: Read | None = None) -> str:
    """Why the export cannot be imported, or '' after noting its attachments and the site's offset, and in
    `skipped` what of the file was not read; in `cut`, where the file ends early, if it does; in `salvage`, why
    it is to be read item by item (then '' is returned before anything is noted, and it is called again)."""
    version = misnamed = ""
    try:
        for tag, element in (_salvaged(path, skipped, read, salvage) if salvage.error
                             else _elements(path, skipped, read)):
            if tag == "wp:wxr_version":
                version = element.fields.get("text", "")
            elif tag == "wp:version":
                misnamed = element.fields.get("text", "")
            elif tag == "item":
                note_element(element, names)
    except (_NotAnExport, encoding.UnknownEncoding) as e:
        return str(e)
    except DefusedXmlException as e:
        return f"refused: {_defused(e)}; WordPress exports never declare entities"
    except ParseError as e:
        if salvage.error:  # its header
            return salvage.error
        cut.line = last_line_if_cut(path, e)
        if not cut.line:
            refusal = _malformed(path, e)
            if not refusal.startswith(MALFORMED):  # not UTF-8, or a merge conflict: the whole file is wrong
                return refusal
            salvage.error = refusal
            return ""
    except OSError as e:
        return f"cannot read: {e.strerror}"
    settle(names)
    if not version and VERSION.match(misnamed):  # a converter's header; WordPress's importer would refuse it
        version = misnamed
        skipped.append(f"the header names its version in <wp:version>, not <wp:wxr_version> as WordPress writes "
                       f"it; read as WXR {version}")
    if not version and cut.line:
        return (f"the file ends early, in its line {cut.line}, before its header's <wp:wxr_version>: cut short, as "
                "an interrupted download or copy leaves it; nothing was read. Export or download it again")
    if not version:
        return "no <wp:wxr_version> in the <channel>: not a WordPress export, or cut short before its items"
    if not VERSION.match(version):
        return f"<wp:wxr_version> is {version[:20]!r}, not a WXR version such as 1.2"
    return ""


def note_element(element: Element, names: Names) -> None:
    """What the first pass notes of an item: an attachment's post, a post's galleries, synced patterns, venues,
    TablePress's tables, Modula's and WP Carousel's galleries, and the site's offset from UTC."""
    if element.fields.get("wp:post_type") == "attachment":
        _note_attachment(element, names)
    else:
        _note_post(element, names)


def settle(names: Names) -> None:
    """Once every item is noted: only the attachments a gallery without ids shows are kept."""
    names.attached = {owner: found for owner, found in names.attached.items() if owner in names.galleries}


def _note_attachment(element: Element, names: Names) -> None:
    found = items.attachment(element)
    if found is not None and found.parent and element.fields.get("wp:attachment_url"):
        names.attached.setdefault(found.parent, []).append(found)


def _note_post(element: Element, names: Names) -> None:
    if names.offset is None:
        names.offset = items.site_offset(element.fields)
    raw = element.fields.get("content:encoded", "")
    if "[gallery" in raw or "[playlist" in raw or "[imagelist" in raw:
        names.galleries |= gallery_owners(raw, items.post_id(element.fields))
    fields = element.fields
    # WordPress shows a synced pattern only while it is published and has no password.
    if fields.get("wp:post_type") == "wp_block" and fields.get("wp:status") == "publish" \
            and not fields.get("wp:post_password"):
        names.synced[items.post_id(fields)] = raw
    if fields.get("wp:post_type") == tribe_events.VENUE_TYPE and items.post_id(fields):
        names.venues[items.post_id(fields)] = tribe_events.venue_from_fields(fields.get("title", ""), element.meta)
    product_prices.note_variation(fields, element.meta, names.variation_prices)
    if fields.get("wp:post_type") == coauthors.GUEST_TYPE and fields.get("wp:post_name"):
        names.guests[fields["wp:post_name"].strip()] = coauthors.guest_name(fields.get("title", ""), element.meta)
    if fields.get("wp:post_type") == tablepress.TYPE and items.post_id(fields) in names.table_posts.values():
        names.tables[items.post_id(fields)] = tablepress.table_html(raw, element.meta.get(tablepress.OPTIONS_META, ""))
    if ids := plugin_galleries.gallery_ids(fields.get("wp:post_type", ""), element.meta):
        names.plugin_galleries[(fields["wp:post_type"], items.post_id(fields))] = ids


class _NotAnExport(Exception):
    pass


def _megabytes(path: Path, stage: str, progress: Progress | None) -> Read | None:
    """What counts the bytes a pass reads, as megabytes of the file for `progress`; None for an export that
    reads in a blink (or cannot be read: the pass says why)."""
    try:
        size = path.stat().st_size
    except OSError:
        return None
    if progress is None or size < BAR_FROM:
        return None
    done = 0

    def read(count: int) -> None:
        nonlocal done
        before, done = done >> 20, done + count
        if done >> 20 != before:
            progress(stage, done >> 20, size >> 20)
    return read


def _elements(path: Path, skipped: list[str] | None = None, read: Read | None = None
              ) -> Iterator[tuple[str, Element]]:
    """Each child of the <channel>, by prefixed name, read and then dropped from the tree; what was skipped
    of the file is said in `skipped`; `read` hears the number of bytes of each chunk read."""
    with path.open("rb") as raw:
        yield from _children(_Declaring(raw, [] if skipped is None else skipped, read))


def _children(f: Any) -> Iterator[tuple[str, Element]]:
    depth, channel = 0, None
    for event, node in iterparse(f, events=("start", "end"), forbid_dtd=False, forbid_entities=True,
                                 forbid_external=True):
        if event == "start":
            depth += 1
            if depth == 1 and _local(node.tag) != "rss":
                raise _NotAnExport(f"the root element is <{_local(node.tag)}>, not <rss>: not a WordPress export")
            if depth == 2 and _local(node.tag) == "channel":
                channel = node
            continue
        depth -= 1
        if depth == 2 and channel is not None:
            tag = _name(node.tag)
            if tag:
                yield tag, _read(node)
            channel.clear()  # what was read goes, so memory does not grow with the file
        elif depth == 1 and channel is None:
            raise _NotAnExport(f"<{_local(node.tag)}> where the <channel> should be: not a WordPress export")


def _salvaged(path: Path, skipped: list[str] | None, read: Read | None, salvage: Salvage,
              problems: list[Problem] | None = None) -> Iterator[tuple[str, Element]]:
    """What _elements gives, read a part of the file at a time (wxr_salvage): the header, which raises
    ParseError if it is malformed, then each item, and what stands between items. A broken item is skipped, a
    problem in `problems` (of the pass that reads items; the first pass gives None), and text between items
    that is no XML is said in `skipped`."""
    with path.open("rb") as raw:
        opening = b""
        for segment in wxr_salvage.segments(_Declaring(raw, [] if skipped is None else skipped, read).read):
            if segment.empty():
                continue
            document, added = segment.wrapped(opening)
            try:
                found = list(_children(io.BytesIO(document)))
            except ParseError as e:
                if segment.kind in (wxr_salvage.HEADER, wxr_salvage.WHOLE):
                    raise
                _broken(path, segment, added, e, skipped, salvage, problems)
                continue
            if segment.kind == wxr_salvage.HEADER:
                opening = wxr_salvage.opening(segment.data)
            yield from found


def _broken(path: Path, segment: wxr_salvage.Segment, added: int, error: ParseError, skipped: list[str] | None,
            salvage: Salvage, problems: list[Problem] | None) -> None:
    said = _said(*segment.place(*error.position, added), error)
    if segment.kind == wxr_salvage.BETWEEN:
        if skipped is not None:
            shown = segment.data.strip()[:STRAY_SHOWN].decode("utf-8", "replace")
            skipped.append(f"{said}: skipped what stands between items, {shown!r}")
    elif problems is not None:
        salvage.broken += 1
        problems.append(Problem(str(path), segment.post_id() or f"line {segment.line}", "", said,
                                left_out=True))


class _Declaring:
    """The file as UTF-8 (see wxr_encoding), without the control characters XML forbids, with a `]]>` inside
    a value kept as text (see wxr_cdata), and with the prefixes of UNDECLARED that <rss> does not declare
    declared on it, on the same line, so that every line number a problem names is the file's own."""

    def __init__(self, raw: Any, skipped: list[str], read: Read | None = None) -> None:
        self._raw, self._pending, self._done, self._skipped = raw, b"", False, skipped
        self._read = read
        self._decoder: codecs.IncrementalDecoder | None = None
        self._mender = CdataMender()

    def read(self, size: int = -1) -> bytes:
        if not self._done:
            return self._mender.feed(self._head().translate(SPACED, FORBIDDEN))
        while True:
            chunk = self._raw.read(size)
            if self._read is not None:
                self._read(len(chunk))
            data = chunk if self._decoder is None else self._decoder.decode(chunk, final=not chunk).encode("utf-8")
            data = self._mender.feed(data.translate(SPACED, FORBIDDEN), final=not chunk)
            if data or not chunk:  # a chunk may end inside a character, or hold only controls: b"" reads as the end
                return data

    def _head(self) -> bytes:
        while not self._done:
            chunk = self._raw.read(65536)
            if self._read is not None:
                self._read(len(chunk))
            self._pending += chunk
            start = self._pending.find(b"<rss")
            end = self._pending.find(b">", start) if start >= 0 else -1
            self._done = end >= 0 or not chunk or len(self._pending) > 1 << 20
        head, self._pending = self._pending, b""
        self._decoder = encoding.decoder_for(head)
        if self._decoder is not None:
            head = encoding.declared_utf8(self._decoder.decode(head).encode("utf-8"))
        head = LATE_DECLARATION.sub(lambda m: (m[1] or b"") + m[3] + b"\n" * m[2].count(b"\n"), head, count=1)
        start = head.find(b"<rss")
        if start > 0:
            head = self._without_stray_text(head, start)
            start = head.find(b"<rss")
        end = head.find(b">", start) if start >= 0 else -1
        return self._declared(head, start, end) if end >= 0 else head

    def _without_stray_text(self, head: bytes, start: int) -> bytes:
        """The file without what stands between the markup before <rss> and is not XML (see PROLOG_MARKUP)."""
        prolog = head[:start]
        if b"<!DOCTYPE" in prolog:
            return head
        at = len(BOM) if prolog.startswith(BOM) else 0
        kept, stray = [prolog[:at]], []
        for markup in [*PROLOG_MARKUP.finditer(prolog, at), None]:
            end = markup.start() if markup else start
            gap = prolog[at:end]
            if gap.strip():
                if not HEAD_TAGS.fullmatch(gap):
                    stray.append((prolog[:end - len(gap.lstrip())].count(b"\n") + 1, gap.strip()))
                gap = b"\n" * gap.count(b"\n")
            kept += [gap, markup.group(0) if markup else b""]
            at = markup.end() if markup else start
        if stray:
            shown = b" ".join(text for _, text in stray).decode("utf-8", "replace")
            shown = shown if len(shown) <= STRAY_SHOWN else shown[:STRAY_SHOWN] + "…"
            self._skipped.append(f"line {stray[0][0]}: skipped text before <rss> that is not XML: {shown!r}")
        return b"".join(kept) + head[start:]

    @staticmethod
    def _declared(head: bytes, start: int, end: int) -> bytes:
        tag = head[start:end]
        missing = [p for p in UNDECLARED if b"xmlns:" + p.encode() + b"=" not in tag]
        extra = "".join(f' xmlns:{p}="urn:newsmirror:undeclared:{p}"' for p in missing).encode()
        at = end - 1 if head[end - 1:end] == b"/" else end
        return head[:at] + extra + head[at:]


def _read(node: XmlElement) -> Element:
    fields: dict[str, str] = {"text": _text(node)}
    categories, meta = [], {}
    for child in node:
        tag = _name(child.tag)
        if tag == "category":
            categories.append((child.get("domain", ""), child.get("nicename", ""), _text(child)))
        elif tag == "wp:postmeta":
            key = next((_text(c) for c in child if _name(c.tag) == "wp:meta_key"), "")
            meta[key] = next((_text(c) for c in child if _name(c.tag) == "wp:meta_value"), "")
        elif tag and tag not in fields and len(child) == 0:
            fields[tag] = _text(child)
    return Element(fields, tuple(categories), meta)


def _text(node: XmlElement) -> str:
    """An element's text without the spaces around it. An export opened in a browser and saved again
    is pretty-printed, every value on a line of its own and padded inside its CDATA
    (`<![CDATA[ publish ]]>`); WordPress writes none, and no value means anything by them."""
    return (node.text or "").strip()


@lru_cache(maxsize=1024)  # an export uses a few dozen names, millions of times
def _name(tag: Any) -> str:
    """`{http://wordpress.org/export/1.2/}post_id` -> `wp:post_id`; '' for a namespace WXR does not use."""
    if not isinstance(tag, str):
        return ""  # a comment or processing instruction
    if not tag.startswith("{"):
        return tag
    uri, local = tag[1:].split("}", 1)
    return next((f"{prefix}:{local}" for pattern, prefix in NAMESPACES if pattern.match(uri)), "")


def _local(tag: Any) -> str:
    return tag.rsplit("}", 1)[-1] if isinstance(tag, str) else ""


def _defused(error: DefusedXmlException) -> str:
    name = getattr(error, "name", "") or ""
    external = getattr(error, "sysid", None) or getattr(error, "system_id", None)
    what = f"the entity {name!r}" if name else "an entity or external reference"
    return f"it declares {what}" + (f" pointing at {str(external)[:80]!r}" if external else "")


def _malformed(path: Path, error: ParseError) -> str:
    line, column = error.position
    text = _line(path, line)
    if text is None and _read_as_utf8(path):
        return f"not UTF-8 text at line {line}: save the export as UTF-8"
    conflict = (line, text) if text is not None and CONFLICT_MARKER.match(text) else _first_conflict(path)
    if conflict is not None:  # it explains the XML's faults, wherever they are: named first
        return (f"a merge conflict's marker at line {conflict[0]} ({conflict[1].strip()[:40]!r}): the file holds two "
                "versions of the export, from a merge in git; keep one")
    return _said(line, column, error)


def _said(line: int, column: int, error: ParseError) -> str:
    return f"{MALFORMED} at line {line}, column {column + 1}: {str(error).split(':')[0]}"


def _first_conflict(path: Path) -> tuple[int, str] | None:
    """The line that opens a merge conflict (`<<<<<<< HEAD`, then `=======` and `>>>>>>> …` after it), with its
    number; also one before `<?xml`, which the reader skips. A line of `=======` alone may be a Markdown
    heading's underline in a post."""
    opened: tuple[int, str] | None = None
    middle = False
    try:
        with path.open("rb") as f:
            for number, raw in enumerate(f, 1):
                if raw[:1] not in b"<=>" or not CONFLICT_MARKER.match(text := raw.decode("utf-8", "replace")):
                    continue
                if text.startswith("<"):
                    opened, middle = (number, text), False
                elif opened is not None and text.startswith("="):
                    middle = True
                elif opened is not None and middle:
                    return opened
    except OSError:
        pass
    return None


def _line(path: Path, number: int) -> str | None:
    """Line `number` of the file as UTF-8 text ("" past the end), or None if it is not UTF-8."""
    try:
        with path.open("rb") as f:
            for index, line in enumerate(f, 1):
                if index == number:
                    return line.decode("utf-8")
    except UnicodeDecodeError:
        return None
    except OSError:
        return ""
    return ""


def _read_as_utf8(path: Path) -> bool:
    """Whether the export declares UTF-8, so that bytes that are not UTF-8 are the problem; any
    other encoding it declares was decoded already, so its problem lies elsewhere."""
    with path.open("rb") as f:
        return encoding.decoder_for(f.read(4096)) is None

