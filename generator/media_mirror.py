"""Mirror the media of posts: every image a post shows is fetched once into content/media/, for offline reading.

    posts → the images they show → fetch what is not mirrored yet → check → store → manifest

What a post shows: its featured image (front matter `image.url`) and every http(s) image of its body, as the
build renders it (render/remote_media.body_images): Markdown images, in links too, and `<img>` in raw HTML,
for a srcset its largest candidate within `max_width`; and the full size an image's link opens, when it is an
image on the image's own site (render/image_links.full_size_links), or a link elsewhere in the body to the upload
a shown image is a size of (a gallery's caption linking `work.jpg` under `work-650x433.jpg`), which the build
then links locally. The post files are never changed: the manifest,
content/media/index.yaml, says which URLs have a local copy (store/media.py), and the build shows those.

A URL that cannot be mirrored is reported (post file, URL, reason) and stays a visible link to the
original; it is not recorded, so the next run tries again, but for what failed for good (404, a page served
instead, no such host), which sync keeps in its cache (read_gone) and asks for again only with --full. SVG,
which can carry script, is never mirrored: it is not asked for (by its name) nor reported, only counted in
the summary. Import and sync call this after writing posts;
`fetch` decides where bytes come from (sources/media_fetch.py).

A run over every post (sync's) also forgets the URLs no post shows any more (a post deleted, an image
replaced upstream) and deletes the files no URL left names: the build publishes every mirrored file, and
a mirror should not grow with what its posts dropped. It does not when a post could not be read, as its
images would look unshown. Git keeps what it deleted.
"""

from __future__ import annotations

import json
import re
import time
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from html import unescape
from pathlib import Path
from typing import TYPE_CHECKING
from urllib.parse import urlsplit

from generator.convert.document import Document
from generator.problems import ItemError, Problem
from generator.progress import Progress
from generator.render.image_links import full_size_links, image_site, names_image
from generator.render.markdown import MAX_BODY_CHARACTERS, MarkdownRenderer, parsed_size
from generator.render.opening_image import upload_name
from generator.render.remote_media import WEB, body_images
from generator.sources.media_fetch import MAX_BYTES, Fetcher, FetchResult
from generator.store import image_types, media
from generator.store.documents import document_files, loads
from generator.store.files import unchanged, write_atomic, write_if_changed
from generator.store.import_cache import CACHE_DIR
from generator.store.text_encoding import not_utf8_file

if TYPE_CHECKING:  # only the reference parser's tokens are read here
    from markdown_it.token import Token

MAX_WIDTH = 1600
IMG_TAG = re.compile(r"<img\b", re.IGNORECASE)
# The manifest is written after this many new entries, or this many seconds after the last write, so that a run
# killed (a CI job's time limit) keeps most of its work: a slow host's 50 images can take minutes.
SAVE_EVERY = 50
SAVE_AFTER = 10.0
FETCHING = "mirroring images"  # the progress stage
GONE_FILE = "media-gone.json"  # in content/.newsmirror-cache/: the images that failed for good (read_gone)
SVG_PATH = re.compile(r"[.]svgz?$", re.IGNORECASE)
SVG_TYPE = "image/svg+xml"
HTML_HREF = re.compile(r"""<a\s[^>]*?\bhref\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'>]+))""", re.IGNORECASE)



@dataclass(frozen=True)
class MediaSettings:
    max_width: int = MAX_WIDTH  # pixels: the widest srcset candidate mirrored
    max_bytes: int = MAX_BYTES  # per file


@dataclass
class MediaResult:
    images: int = 0  # distinct image URLs the posts show
    present: int = 0  # already mirrored: not fetched again
    fetched: int = 0  # mirrored by this run
    files_written: int = 0  # new files under content/media/ (the same bytes are stored once)
    files_removed: int = 0  # files of images no post shows any more
    svg: int = 0  # SVG images, never mirrored (they can carry script): left as links, neither asked nor failed
    not_asked: int = 0  # failed for good in an earlier run (`gone`): not asked again, not reported again
    problems: list[Problem] = field(default_factory=list)
    gone: dict[str, str] = field(default_factory=dict)  # URL -> why, of the shown images that failed for good


@dataclass(frozen=True)
class Use:
    """Where a post shows an image, for the report of a failure."""

    file: str
    field: str  # "image" (the featured image) or "body"


@dataclass
class _Saving:
    """The manifest written while images come in (SAVE_EVERY, SAVE_AFTER), and when Ctrl-C stops the run."""

    content: Path
    manifest: dict[str, media.Entry]
    clock: Callable[[], float]
    unsaved: int = 0
    since: float = 0.0

    def added(self) -> None:
        self.unsaved += 1
        if self.unsaved >= SAVE_EVERY or self.clock() - self.since >= SAVE_AFTER:
            self.save()

    def save(self) -> None:
        if self.unsaved:
            media.write_manifest(self.content, self.manifest)
        self.unsaved, self.since = 0, self.clock()


def mirror_media(content: Path, fetch: Fetcher, settings: MediaSettings = MediaSettings(),
                 files: Iterable[Path] | None = None, progress: Progress | None = None,
                 gone: Mapping[str, str] | None = None, clock: Callable[[], float] = time.monotonic) -> MediaResult:
    """Mirror the images of the post files `files` (default: every post in `content`, and forget the others).
    `progress` hears (stage, images looked at, images) as each is found present or fetched. The images of
    `gone` (URL -> why), which failed for good in an earlier run, are not asked for; the result's `gone` holds
    those still shown and the new ones, for the next run."""
    result = MediaResult()
    wanted = wanted_images(document_files(content) if files is None else files, settings, result.problems)
    every_post_read = files is None and not result.problems
    manifest = media.read_manifest(content)
    saving = _Saving(content, manifest, clock, since=clock())
    try:
        _mirror(content, fetch, settings, wanted, gone or {}, progress, saving, result)
    except KeyboardInterrupt:
        saving.save()  # what was mirrored before Ctrl-C is kept, and not fetched again
        raise
    unshown = _forget_unshown(manifest, wanted) if every_post_read else set()
    if result.fetched or (media.media_dir(content) / media.MANIFEST).exists():
        media.write_manifest(content, manifest)
    # Deleted once the manifest names them no more; only files of the mirror's own names.
    result.files_removed = _delete(media.media_dir(content), unshown & media.local_files(content))
    return result


def _mirror(content: Path, fetch: Fetcher, settings: MediaSettings, wanted: Mapping[str, list[Use]],
            gone: Mapping[str, str], progress: Progress | None, saving: _Saving, result: MediaResult) -> None:
    """Each wanted image found in the manifest, or fetched and stored, or reported."""
    manifest = saving.manifest
    present = set(media.local_files(content))
    by_digest = {_digest_of(e.file): e.file for e in manifest.values()}
    result.images = len(wanted)
    for done, (url, uses) in enumerate(wanted.items(), 1):
        if progress is not None:
            progress(FETCHING, done, len(wanted))
        entry = manifest.get(url)
        if entry is not None and entry.file in present:
            result.present += 1
            continue
        if url in gone:
            result.not_asked += 1
            result.gone[url] = gone[url]
            continue
        fetched = None if names_svg(url) else fetch(url)
        if fetched is None or fetched.content_type == SVG_TYPE:  # by its name, or served as one
            result.svg += 1
            continue
        found = store(content, url, fetched, settings, by_digest, present)
        if isinstance(found, str):
            result.problems += [Problem(use.file, url, use.field, f"image not mirrored: {found}; it stays a link "
                                        "to the original") for use in uses]
            if fetched.lasting or fetched.data is not None:  # bytes refused by a check: the same next time
                result.gone[url] = found
            continue
        entry, written = found
        manifest[url] = entry
        result.fetched += 1
        result.files_written += written
        saving.added()


def _forget_unshown(manifest: dict[str, media.Entry], wanted: Mapping[str, object]) -> set[str]:
    """Drop the entries of URLs no post shows; returns the files that no entry left names."""
    dropped = {url: entry.file for url, entry in manifest.items() if url not in wanted}
    for url in dropped:
        del manifest[url]
    return set(dropped.values()) - {entry.file for entry in manifest.values()}


def _delete(folder: Path, names: Iterable[str]) -> int:
    removed = 0
    for name in sorted(names):
        try:
            (folder / name).unlink()
            removed += 1
        except FileNotFoundError:
            pass
    return removed


def media_summary(result: MediaResult) -> str:
    failed = len({p.item for p in result.problems if p.item})
    return (f"media: {result.images} images shown, {result.present} already mirrored, {result.fetched} mirrored now "
            f"({result.files_written} files written)" + (f", {failed} not mirrored" if failed else "")
            + (f", {result.files_removed} files of images no post shows removed" if result.files_removed else "")
            + (f", {result.svg} SVG images left as links (SVG is never mirrored: it can carry script)"
               if result.svg else "")
            + (f", {result.not_asked} not asked again: they failed for good in an earlier sync (HTTP 404, a page "
               "served instead, no such host); sync --full asks again" if result.not_asked else ""))


def read_gone(content: Path) -> dict[str, str]:
    """The images an earlier sync found gone for good (URL -> why). A nightly sync asked for each again, and
    reported it again, so that a site with broken images in old posts (common) cost a sync with nothing new
    a request per image and exited 1 every night. A cache: deleting it only asks again; so does sync --full."""
    try:
        data = json.loads((content / CACHE_DIR / GONE_FILE).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    if not isinstance(data, dict):
        return {}
    return {url: why for url, why in data.items() if isinstance(why, str)}


def write_gone(content: Path, gone: Mapping[str, str]) -> None:
    path = content / CACHE_DIR / GONE_FILE
    if gone or path.exists():
        text = json.dumps(dict(sorted(gone.items())), ensure_ascii=False, indent=0)
        write_if_changed(path, text.encode("utf-8", "surrogatepass") + b"\n")


def names_svg(url: str) -> bool:
    """Whether `url` names an SVG file. The mirror never holds one, so it is not asked for: sites show SVG
    icons and logos (uploaded through an SVG plugin) and WordPress's emoji (s.w.org/images/core/emoji/…/svg/),
    and reporting each as an image that failed made every sync of such a site exit 1, over what no one can
    fix, after asking for them all again."""
    try:
        path = urlsplit(url).path
    except ValueError:
        return False
    return SVG_PATH.search(path) is not None


def wanted_images(files: Iterable[Path], settings: MediaSettings, problems: list[Problem]) -> dict[str, list[Use]]:
    """Image URL -> the posts that show it, in the order of the files and of each post's images."""
    renderer = MarkdownRenderer()
    wanted: dict[str, list[Use]] = {}
    for path in files:
        try:
            document = loads(path.read_text(encoding="utf-8"))
        except ItemError as e:
            problems.append(Problem(str(path), "", e.field, f"{e.message}; its images are not mirrored"))
            continue
        except (OSError, UnicodeDecodeError) as e:
            reason = not_utf8_file(path, e) if isinstance(e, UnicodeDecodeError) else e.strerror
            problems.append(Problem(str(path), message=f"cannot read: {reason}; its images are not mirrored"))
            continue
        for url, where in post_images(document, renderer, settings.max_width):
            wanted.setdefault(url, []).append(Use(str(path), where))
    return wanted


def post_images(document: Document, renderer: MarkdownRenderer, max_width: int) -> list[tuple[str, str]]:
    """(URL, field) of each http(s) image the post shows, the featured image first."""
    found = []
    if document.image is not None and WEB.match(document.image.url.strip()):
        found.append((document.image.url.strip(), "image"))
    if _may_show_images(document.body):
        # Parsed as the build parses it, so that URLs relative to the post resolve as they will on its page.
        tokens = renderer.md.parse(document.body, renderer.env("index.html", document.source.url))
        found += [(url, "body") for url in body_images(tokens, max_width)]
        # The full size a shown thumbnail links to, on its own site: offline, the link opens it.
        found += [(target, "body") for _, target in full_size_links(tokens)]
        found += [(target, "body") for target in linked_originals(tokens, [url for url, _ in found])]
    return list(dict.fromkeys(found))


def linked_originals(tokens: Sequence[Token], shown: list[str]) -> list[str]:
    """Links anywhere in a body (not around the image) to the upload a shown image is a size of: galleries and
    portfolios show `work-650x433.jpg` and link their caption or title to `work.jpg`, lightbox themes a
    "view full size" beside it. Offline such a link led to the web while the page showed its image; mirrored,
    the build links it locally as it does a link around the image. Other links to images are left alone: the
    mirror fetches what the page shows, not every image a post links to."""
    originals = {_original(url) for url in shown}
    found = []
    for href in _hrefs(tokens):
        if href.startswith(("http://", "https://")) and names_image(href) and _original(href) in originals:
            found.append(href)
    return [href for href in dict.fromkeys(found) if href not in shown]


def _original(url: str) -> tuple[str, str, str]:
    """(site, folder, upload name) of the upload an image address is a size of: the same for all its sizes."""
    try:
        folder = urlsplit(url).path.rsplit("/", 1)[0]
    except ValueError:
        return ("", url, "")
    return (image_site(url), folder, upload_name(url))


def _hrefs(tokens: Sequence[Token]) -> list[str]:
    """Every link target of a parsed body: Markdown links, and `<a href>` in its raw HTML."""
    found: list[str] = []
    for token in tokens:
        if token.type == "html_block":
            found += _html_hrefs(token.content)
        for child in token.children or ():
            if child.type == "link_open":
                found.append(str(child.attrGet("href") or ""))
            elif child.type == "html_inline":
                found += _html_hrefs(child.content)
    return [href.strip() for href in found]


def _html_hrefs(html: str) -> list[str]:
    return [unescape(next(value for value in match if value)) for match in HTML_HREF.findall(html) if any(match)]


def _may_show_images(body: str) -> bool:
    """Whether parsing the body can find an image: a body past the renderer's limit is shown as plain text,
    and one with neither `![` nor `<img` has none (parsing costs milliseconds a post)."""
    if parsed_size(body) > MAX_BODY_CHARACTERS:
        return False
    return "![" in body or IMG_TAG.search(body) is not None


def store(content: Path, url: str, fetched: FetchResult, settings: MediaSettings, by_digest: dict[str, str],
          present: set[str]) -> tuple[media.Entry, int] | str:
    """The manifest entry of a fetched image and whether a new file was written, or why it is refused."""
    data = fetched.data
    if data is None:
        return fetched.error or "not fetched"
    if fetched.content_type and not fetched.content_type.startswith("image/"):
        return f"content type {fetched.content_type!r} is not an image"
    if len(data) > settings.max_bytes:
        return f"over the {settings.max_bytes / 1e6:g} MB limit"
    sniffed = image_types.sniff(data)
    if sniffed is None:
        return "not a PNG, JPEG, GIF, WebP, AVIF or BMP image"
    name, written = place(media.media_dir(content), media.file_name(url, data, sniffed.type), data, by_digest,
                          present)
    return media.Entry(name, len(data), sniffed.width, sniffed.height, sniffed.type), written


def place(folder: Path, name: str, data: bytes, by_digest: dict[str, str], present: set[str]) -> tuple[str, bool]:
    """The file that holds `data`: one already stored with the same bytes under any name, else `name`, newly
    written. Eight hex digits of a digest can be shared by two images among tens of thousands, so equal
    digests are confirmed byte for byte, and a different image gets the longer name."""
    key = _digest_of(name)
    known = by_digest.get(key)
    if known is not None and known in present:
        if unchanged(folder / known, data):
            return known, False
        name = media.long_name(name, data)
        if name in present and unchanged(folder / name, data):
            return name, False
    write_atomic(folder / name, data)
    by_digest.setdefault(key, name)
    present.add(name)
    return name, True


def _digest_of(name: str) -> str:
    """The bytes' digest in a media file name (with its type, as one digest could name two types only if
    the bytes were the same)."""
    return name.rsplit("-", 1)[-1]
