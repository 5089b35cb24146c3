"""How much of what a reader sees in a post reaches its built page: words, links, images, headings, embeds.

    python -m tests.word_retention [--site URL] [PATH...]

prints one table of each measure's kept/total and %, then the posts that lost something. Each PATH is a
file or folder of saved WordPress REST JSON; with none, ../shared/samples is measured (its block
fixtures and its REST responses). `--site` is the site's address for a crawl saved without hosts, as
`import --site` takes it. The tests use the same functions.

What the source shows is read without what a reader never sees or the mirror leaves out on purpose
(scripts, styles, comments, screen-reader text, what a page builder hid on desktop screens, plugins' error messages
that their scripts hid, plugin tables of contents, share widgets, tracking pixels, ad units and their labels,
auto-inserted keyword links, links to anchors the post does not have, the controls a video gallery's script ran).
Then, on the built page
(its body and the table of contents the build makes for it, which stands where a plugin's stood):
- a word counts as kept as often as it appears (order is checked by the property test in test_retention.py);
- a link when its address, resolved against the post's own, is the address of a link or image there;
- an image when its address (any of its sources) is there, or the image file its link points at;
- a heading when its text is the text of a heading there;
- an embed (frame, video, audio, object, embed block) when its address is there, as a link or as text; one
  held in the page itself (`data:`) or run by a script (`javascript:`) has no address to keep, and is left out.
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import unquote

from bs4 import BeautifulSoup, Comment, Tag

from generator.convert import code_shortcodes, page_builders
from generator.convert.addresses import absolute, as_browsers_read, page_address, within_page
from generator.convert.ads import ad_block, is_ad_unit
from generator.convert.context import Context, Settings
from generator.convert.embeds import SCRIPT_CONTROL_CLASSES, played_file, shown_page
from generator.convert.formulas import formula_of, tex_of
from generator.convert.images import LAZY_SOURCES, LAZY_SRCSETS, TRACKER_HOSTS
from generator.convert.links import BLOCKS, IMAGE_FILE, UNLINKABLE
from generator.convert.markdown import html_to_markdown
from generator.convert.responsive import HIDDEN_ON_DESKTOP
from generator.convert.structure import holds_a_layout
from generator.convert.widgets import (PLUGIN_ERROR_CLASSES, PLUGIN_TOC_CLASSES, PLUGIN_TOC_IDS, SCREEN_READER_CLASSES,
                                       SHARE_CLASSES, is_keyword_link)
from generator.convert.wp_post import to_document
from generator.problems import ItemError
from generator.render.markdown import MarkdownRenderer
from generator.render.toc import TocEntry, build_toc
from generator.sources.saved import read_items
from generator.sources.wp_json import POST

WORD = re.compile(r"\w+")
HEADINGS = ("h1", "h2", "h3", "h4", "h5", "h6")
SEPARATE = frozenset({"br", "img", "td", "th", "sup", "sub", "a", "option", "label", "select", "button", "text"})
MEASURES = ("words", "links", "images", "headings", "embeds")
EMBED_SOURCES = {"iframe": "src", "video": "src", "audio": "src", "embed": "src", "object": "data"}
RENDERER = MarkdownRenderer()
# The host of an address written with one: what follows `//` up to a path, query, fragment or port.
HOST = re.compile(r"(?<=//)[^/?#:]+")
CODE_TAG = re.compile(rf"\[/?({code_shortcodes.NAMES})(?:\s[^\]]*)?\]")
CODE_CLOSING = re.compile(rf"\[/({code_shortcodes.NAMES})\]")


@dataclass(frozen=True)
class Post:
    name: str
    html: str  # the source HTML
    body: str  # the Markdown the import made of it
    address: str = ""  # the post's own URL, which its relative URLs are read against
    title: str = ""  # a first heading that repeats it is left out on purpose, as the import does


@dataclass
class Tally:
    kept: Counter[str] = field(default_factory=Counter)
    total: Counter[str] = field(default_factory=Counter)
    short: list[tuple[str, str, int, int]] = field(default_factory=list)  # (measure, post, kept, total)

    def add(self, name: str, counts: dict[str, tuple[int, int]]) -> None:
        for measure, (k, n) in counts.items():
            self.kept[measure] += k
            self.total[measure] += n
            if k < n:
                self.short.append((measure, name, k, n))

    def ratio(self, measure: str) -> float:
        return self.kept[measure] / self.total[measure] if self.total[measure] else 1.0


def visible_words(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(["script", "style", "template"]):
        tag.decompose()
    for tag in soup.find_all(class_=lambda c: c in SCREEN_READER_CLASSES):
        tag.decompose()
    # Words run on across inline elements (`Vale<span>ncia</span>`), as a browser shows them; but not
    # across blocks, links (side by side they are buttons a theme spaces apart), footnote marks, or
    # the build's placeholder for a remote image, which is a box of its own (an inline-block in site.css).
    for tag in soup.find_all(lambda t: t.name in BLOCKS or t.name in SEPARATE
                             or "remote-media" in (t.get("class") or ())):
        tag.insert_before(" ")
        tag.insert_after(" ")
    return WORD.findall(soup.get_text().casefold())


def page_words(source_html: str, ctx: Context | None = None) -> list[str]:
    """The words of the built page's body, after those of the table of contents made for it."""
    body = RENDERER.render(html_to_markdown(source_html, ctx or Context()))
    toc = " ".join(_toc_text(entry) for entry in build_toc(body.headings))
    return WORD.findall(toc.casefold()) + visible_words(body.html)


def _toc_text(entry: TocEntry) -> str:
    return " ".join([entry.text, *(_toc_text(child) for child in entry.children)])


def _toc_ids(entries: Iterable[TocEntry]) -> Iterator[str]:
    for entry in entries:
        yield entry.id
        yield from _toc_ids(entry.children)


def kept(source_html: str, ctx: Context | None = None) -> tuple[int, int]:
    """(words kept, words in the source) for one piece of HTML."""
    before = Counter(visible_words(source_html))
    after = Counter(page_words(source_html, ctx))
    return sum((before & after).values()), sum(before.values())


def measure(post: Post) -> dict[str, tuple[int, int]]:
    """(kept, total) of each measure for one post."""
    rendered = RENDERER.render(post.body, "index.html", post.address)  # as the build resolves links
    toc = build_toc(rendered.headings)
    page = BeautifulSoup(rendered.html, "html.parser")
    found = {_key(tag.get(attr)) for tag in page.find_all(True) for attr in ("href", "src") if tag.get(attr)}
    found |= {f"#{ident}" for ident in _toc_ids(toc)}
    text = page.get_text(" ")
    page_headings = {_words(h.get_text(" ")) for h in page.find_all(HEADINGS)}
    source = _as_read(post.html)
    first = next((h for h in source.find_all(HEADINGS) if h.get_text(strip=True)), None)  # a logo's is no title
    if first is not None and post.title and _words(first.get_text(" ")) == _words(post.title):
        first.decompose()  # shown once, as the page's title
    before = Counter(visible_words(str(source)))
    after = Counter(WORD.findall(" ".join(_toc_text(e) for e in toc).casefold()) + visible_words(rendered.html))
    links = _links(source, post.address)
    images = [_image_urls(img, post.address) for img in source.find_all("img")]
    headings = [w for w in (_words(h.get_text(" ")) for h in source.find_all(HEADINGS) if not holds_a_layout(h)) if w]
    embeds = _embeds(source, post.address)
    return {
        "words": (sum((before & after).values()), sum(before.values())),
        "links": (sum(_key(url) in found for url in links), len(links)),
        "images": (sum(any(_key(u) in found for u in urls) for urls in images if urls), sum(1 for u in images if u)),
        "headings": (sum(h in page_headings for h in headings), len(headings)),
        "embeds": (sum(_key(url) in found or url in text for url in embeds), len(embeds)),
    }


def _as_read(html: str) -> BeautifulSoup:
    """The source without what a reader never sees and what the mirror leaves out on purpose; a page builder's
    tags saved unrendered (`[et_pb_row _builder_version=…]`) are its layout, which the live site showed as such."""
    soup = BeautifulSoup(page_builders.without_tags(_without_code_tags(html)), "html.parser")
    for tag in soup.find_all(["script", "style", "template", "noscript", "title"]):
        if tag.name != "title" or tag.find_parent("svg") is None:  # a page's title, pasted whole, shows nowhere
            tag.decompose()
    left_out = (SCREEN_READER_CLASSES | SHARE_CLASSES | PLUGIN_TOC_CLASSES | SCRIPT_CONTROL_CLASSES | HIDDEN_ON_DESKTOP
                | PLUGIN_ERROR_CLASSES)
    for tag in soup.find_all(lambda t: not left_out.isdisjoint(t.get("class") or ()) or t.get("id") in PLUGIN_TOC_IDS):
        if not tag.decomposed:
            tag.decompose()
    for tag in soup.find_all("a"):
        if is_keyword_link(tag):
            tag.unwrap()
    for math in soup.find_all("math"):
        if not math.decomposed and tex_of(math):
            formula_of(math).replace_with(tex_of(math))  # as the mirror shows a formula
    for unit in soup.find_all(["ins", "iframe"]):
        if not unit.decomposed and is_ad_unit(unit):
            ad_block(unit).decompose()
    for img in soup.find_all("img"):
        src = img.get("src", "")
        if (img.get("width") in ("0", "1") and img.get("height") in ("0", "1")) or any(h in src for h in TRACKER_HOSTS):
            img.decompose()
    return soup


def _without_code_tags(html: str) -> str:
    """A highlighter's shortcode left unrendered (`[shell]…[/shell]`) shows its tags, which the mirror makes a code
    block of: their words (`shell`, `language`) are its language, not the post's text."""
    closed = set(CODE_CLOSING.findall(html))
    return CODE_TAG.sub(lambda m: "" if m.group(1) in closed else m.group(0), html) if closed else html


def _links(source: BeautifulSoup, address: str) -> list[str]:
    ids = {t.get("id") for t in source.find_all(id=True)}
    ids |= {t.get("name") for t in source.find_all("a", attrs={"name": True})}
    links = []
    for a in source.find_all("a", href=True):
        href = a["href"].strip()
        if not href or href == "#" or href.lower().startswith(("javascript:", "file:")):
            continue
        if not a.get_text(strip=True) and a.find("img") is None:
            continue  # nothing to see or click on the original page either
        href = within_page(absolute(as_browsers_read(href), address), address)  # as the import reads it
        if href.startswith("#") and unquote(href[1:]) not in ids:
            continue  # a dead anchor on the original page too (a script's table of contents)
        if a.find_parent(["iframe", "video", "audio", "object"]) is None:
            links.append(href)
    return links


def _image_urls(img: Tag, address: str) -> list[str]:
    urls = [img.get(name, "") for name in ("src", *LAZY_SOURCES)]
    urls += [c.split()[0] for name in LAZY_SRCSETS for c in img.get(name, "").split(", ") if c.strip()]
    link = img.find_parent("a", href=True)
    if link is not None and IMAGE_FILE.search(link["href"].split("?")[0]):
        urls.append(link["href"])
    return [absolute(as_browsers_read(u), address) for u in urls if u and not u.startswith("data:")]


def _embeds(source: BeautifulSoup, address: str) -> list[str]:
    urls = []
    for name, attr in EMBED_SOURCES.items():
        for tag in source.find_all(name):
            inner = tag.find("source", src=True)
            url = tag.get(attr) or tag.get("data-src") or (inner["src"] if inner else "")
            if url.startswith("about:") or "display:none" in tag.get("style", "").replace(" ", ""):
                continue  # a form plugin's hidden frame, never seen
            if UNLINKABLE.match(url):
                continue  # a cover's background video inlined as data:, which the import drops and counts
            url = played_file(shown_page(url))  # an embedding service's frame: the page it shows
            if "wp-embedded-content" in (tag.get("class") or ()):
                url = url.split("#")[0].removesuffix("embed/")  # the embedded post, not its frame
            if url:
                urls.append(absolute(url, address))
    for block in source.find_all(class_="wp-block-embed__wrapper"):
        text = block.get_text(" ", strip=True)
        if text.startswith("http") and not block.find(["iframe", "a", "blockquote"]):
            urls.append(text.split()[0])
    return urls


def _key(url: object) -> str:
    """An address as compared: unescaped, and a host's punycode labels in their own script, as the build
    writes a host the source wrote in its script (`tutorial.هاكنتوش.com` is `tutorial.xn--mgbg4a8cpdl.com`)."""
    text = unquote(str(url)).strip()
    return HOST.sub(_own_script, text, count=1) if "xn--" in text.casefold() else text


def _own_script(host: re.Match[str]) -> str:
    try:
        return host.group().encode("ascii").decode("idna")
    except UnicodeError:
        return host.group()


def _words(text: str) -> str:
    """A heading's words, whatever the spaces and punctuation between them."""
    return " ".join(WORD.findall(text.casefold()))


def block_fixtures(samples: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((samples / "blocks").glob("*.html")):
        yield path.name, path.read_text(encoding="utf-8")


def rest_posts(samples: Path) -> Iterator[tuple[str, str]]:
    for post in rest_documents([samples / "wp-rest"]):
        yield post.name, post.html


def rest_documents(paths: Iterable[Path], site: str = "") -> Iterator[Post]:
    """Each saved post converted as the import converts it; items the import would refuse are left out."""
    items, _ = read_items(paths)
    for item in items:
        content = item.data.get("content")
        if item.kind != POST or not isinstance(content, dict) or not isinstance(content.get("rendered"), str):
            continue
        try:
            document = to_document(item.data, settings=Settings(site=site)).document
        except ItemError:
            continue
        yield Post(f"{item.file}#{item.label}", content["rendered"], document.body,
                   page_address(document.source.url, site, document.source.guid), document.title)


def block_documents(samples: Path) -> Iterator[Post]:
    for name, html in block_fixtures(samples):
        yield Post(name, html, html_to_markdown(html))


def retention(sources: Iterator[tuple[str, str]]) -> tuple[int, int, list[tuple[str, int, int]]]:
    total_kept = total = 0
    short = []
    for name, html in sources:
        k, n = kept(html)
        total_kept, total = total_kept + k, total + n
        if k < n:
            short.append((name, k, n))
    return total_kept, total, short


def tally(posts: Iterable[Post]) -> Tally:
    result = Tally()
    for post in posts:
        result.add(post.name, measure(post))
    return result


def table(result: Tally, shown: int = 10) -> list[str]:
    lines = [f"{'':10} {'kept':>9} {'total':>9} {'%':>8}"]
    lines += [f"{m:10} {result.kept[m]:>9} {result.total[m]:>9} {result.ratio(m):>8.2%}" for m in MEASURES]
    for m in MEASURES:
        short = sorted((s for s in result.short if s[0] == m), key=lambda s: (s[2] - s[3], s[1]))
        if short:
            lines.append(f"{m} lost in {len(short)} posts, most in:")
            lines += [f"  {name}: {k}/{n}" for _, name, k, n in short[:shown]]
    return lines


def main(args: list[str]) -> None:
    site = args[args.index("--site") + 1] if "--site" in args[:-1] else ""
    paths = [Path(a) for i, a in enumerate(args) if a != "--site" and (i == 0 or args[i - 1] != "--site")]
    if paths:
        posts: Iterable[Post] = rest_documents(paths, site)
    else:
        samples = Path(__file__).resolve().parents[2] / "shared" / "samples"
        posts = [*block_documents(samples), *rest_documents([samples / "wp-rest"])]
    print("\n".join(table(tally(posts))))


if __name__ == "__main__":
    main(sys.argv[1:])
