"""A saved REST crawl of a real site served as that live site on 127.0.0.1, for trying `sync` against it.

The crawl's posts, terms, users and media are read as `import` reads them and served by tests/fake_wordpress.py,
which answers as WordPress does (discovery, `/wp/v2/types`, `/taxonomies`, paging and its headers, `_embed`,
`?slug=`, `?include=`, `?rest_route=`, 400 past the last page). The site's own addresses (of its posts' links and
pictures) may be replaced by the local server's in every saved text (`rehost`), so that its images are asked from here:
they are served from the crawl's `wp-content/uploads`, else made up (a small PNG per path). `rehosted_copy`
writes the crawl with the same replacement, for `import` of the same files. A host's quirks are options.

    python -m tests.tools.replay CRAWL [--port 8700] [--rehost] [--page-cap 50] [--no-paging-headers]
        [--home /blog/] [--discovery rest_route] [--no-embed]
"""

from __future__ import annotations

import argparse
import codecs
import hashlib
import json
import re
import shutil
import struct
import time
import zlib
from collections import Counter
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from tests.fake_wordpress import BUILTIN_TAXONOMIES, FakeWordPress, Reply, SiteData

LISTED = ("id", "slug", "type", "date", "date_gmt", "modified", "modified_gmt")
REST_BASES = {"post": "posts", "page": "pages"}


UPLOADS = re.compile(r"""https?://[^/"'\s<>]+(?=/(?:[^"'\s<>]*/)?wp-content/uploads/)""")


def site_origins(crawl: Path) -> list[str]:
    """The addresses the site's pages and pictures are on, the one most posts link to first: the hosts of its
    posts' links and of every `wp-content/uploads` address its text names (a site built on `localhost` and moved
    keeps the old host in its pictures)."""
    links: Counter[str] = Counter()
    for item in _items(crawl):
        if item.kind == "post":
            links[_origin(item.data.get("link"))] += 1
            links.update({origin: 0 for origin in UPLOADS.findall(json.dumps(item.data))})
    links.pop("", None)
    return [origin for origin, _ in links.most_common()]


def _origin(link: object) -> str:
    if not isinstance(link, str) or "://" not in link:
        return ""
    parts = urlsplit(link)
    return f"{parts.scheme}://{parts.netloc}"


def _items(crawl: Path) -> list[Any]:
    from generator.sources.saved import read_items
    return read_items([crawl])[0]


def _rehosted(text: str, old: str | list[str], new: str) -> str:
    """`text` with the site's addresses `old` made `new`, as written plainly and as JSON escapes its slashes, with
    `http` and `https` alike (a site's older posts keep the other), longest first (`localhost:8080` before
    `localhost`)."""
    hosts = sorted({urlsplit(o).netloc for o in ([old] if isinstance(old, str) else old)}, key=len, reverse=True)
    for host in hosts:
        for scheme in ("https", "http"):
            text = text.replace(f"{scheme}://{host}", new).replace(f"{scheme}:\\/\\/{host}", new.replace("/", "\\/"))
    return text


def load_crawl(crawl: Path, rehost: tuple[list[str], str] | None = None) -> tuple[SiteData, dict[str, int]]:
    """The crawl as a site, and counts of what it holds and what could not be served (posts without a field the
    listing needs)."""
    from generator.sources.wp_json import MEDIA, POST, SITE, TAXONOMIES, TERM, TYPES, USER
    site = SiteData(taxonomies=dict(BUILTIN_TAXONOMIES), rest_bases=dict(REST_BASES), name="")
    latest: dict[tuple[str, int], dict[str, Any]] = {}
    counts: Counter[str] = Counter()
    seen: set[tuple[str, int]] = set()
    for item in _items(crawl):
        data = item.data
        if rehost is not None:
            data = json.loads(_rehosted(json.dumps(data, ensure_ascii=False), *rehost))
        ident = data.get("id")
        if item.kind == POST:
            if not all(k in data for k in LISTED) or not isinstance(ident, int):
                counts["posts unserved (a listed field missing)"] += 1
                continue
            key = (data["type"], ident)
            if key not in latest or data["modified_gmt"] > latest[key]["modified_gmt"]:
                latest[key] = data
        elif item.kind == TERM and isinstance(ident, int) and ("term", ident) not in seen:
            seen.add(("term", ident))
            site.terms.append(data)
            site.taxonomies.setdefault(data["taxonomy"], data["taxonomy"])
        elif item.kind in (USER, MEDIA) and isinstance(ident, int) and (item.kind, ident) not in seen:
            seen.add((item.kind, ident))
            (site.users if item.kind == USER else site.media).append(data)
        elif item.kind == SITE and isinstance(data.get("name"), str) and "routes" in data:
            site.name = data["name"]
            site.description = data["description"] if isinstance(data.get("description"), str) else ""
        elif item.kind == TYPES:
            for slug, value in (data.items() if "slug" not in data else [(data["slug"], data)]):
                if isinstance(value, dict) and value.get("rest_base"):
                    site.rest_bases.setdefault(slug, value["rest_base"])
        elif item.kind == TAXONOMIES:
            for slug, value in (data.items() if "slug" not in data else [(data["slug"], data)]):
                if isinstance(value, dict) and value.get("rest_base"):
                    site.taxonomies[slug] = value["rest_base"]
                    if value.get("hierarchical"):
                        site.hierarchical.add(slug)
    for (post_type, _), data in sorted(latest.items()):
        site.posts.setdefault(post_type, []).append(data)
    # The live site serves every term its posts embed, where the crawl saved no list of them.
    for term in (t for data in latest.values() for t in _embedded_terms(data)):
        if ("term", term["id"]) not in seen:
            seen.add(("term", term["id"]))
            site.terms.append(term)
            site.taxonomies.setdefault(term["taxonomy"], term["taxonomy"])
    counts.update({"posts": len(latest), "terms": len(site.terms), "users": len(site.users),
                   "media": len(site.media)})
    return site, dict(counts)


def _embedded_terms(post: dict[str, Any]) -> list[dict[str, Any]]:
    groups = post.get("_embedded", {}).get("wp:term") if isinstance(post.get("_embedded"), dict) else None
    return [t for group in groups if isinstance(group, list) for t in group
            if isinstance(t, dict) and isinstance(t.get("id"), int) and isinstance(t.get("taxonomy"), str)
            and "slug" in t] if isinstance(groups, list) else []


def rehosted_copy(crawl: Path, target: Path, old: list[str], new: str) -> None:
    """The crawl copied to `target` with the site's address made the local server's in every text file."""
    shutil.rmtree(target, ignore_errors=True)
    for path in sorted(crawl.rglob("*")):
        out = target / path.relative_to(crawl)
        if path.is_dir():
            out.mkdir(parents=True, exist_ok=True)
            continue
        out.parent.mkdir(parents=True, exist_ok=True)
        raw = path.read_bytes()
        encoding = _encoding(raw)
        try:
            text = raw.decode(encoding)
        except UnicodeDecodeError:
            out.write_bytes(raw)
            continue
        out.write_bytes(_rehosted(text, old, new).encode(encoding))


def _encoding(raw: bytes) -> str:
    """A saved file's encoding by its byte order mark (a crawl saved on Windows may be UTF-16), else UTF-8."""
    marks = ((codecs.BOM_UTF32_LE, "utf-32"), (codecs.BOM_UTF32_BE, "utf-32"), (codecs.BOM_UTF16_LE, "utf-16"),
             (codecs.BOM_UTF16_BE, "utf-16"), (codecs.BOM_UTF8, "utf-8-sig"))
    return next((name for mark, name in marks if raw.startswith(mark)), "utf-8")


def png(seed: str, size: int = 8) -> bytes:
    """A small PNG of one colour picked by `seed`: an image a crawl did not save, the same for the same path."""
    colour = hashlib.sha256(seed.encode()).digest()[:3]
    row = b"\x00" + colour * size
    def chunk(kind: bytes, data: bytes) -> bytes:
        return struct.pack(">I", len(data)) + kind + data + struct.pack(">I", zlib.crc32(kind + data))
    header = struct.pack(">IIBBBBB", size, size, 8, 2, 0, 0, 0)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", header) + chunk(b"IDAT", zlib.compress(row * size)) + chunk(b"IEND", b"")


IMAGE_TYPES = {".jpg": "image/jpeg", ".jpeg": "image/jpeg", ".png": "image/png", ".gif": "image/gif",
               ".webp": "image/webp", ".avif": "image/avif", ".bmp": "image/bmp", ".svg": "image/svg+xml"}


class Uploads:
    """Answers `/…/wp-content/uploads/…` from the crawl's own folder where it saved the file, else with a made-up
    PNG (served as the type its name says, as a host does), or 404 when `made_up` is off."""

    def __init__(self, crawl: Path, made_up: bool = True) -> None:
        self.files = {p.relative_to(crawl).as_posix().split("wp-content/uploads/", 1)[1]: p
                      for p in crawl.rglob("*") if "wp-content/uploads/" in p.as_posix() and p.is_file()}
        self.made_up = made_up

    def answer(self, path: str) -> Reply | None:
        if "/wp-content/uploads/" not in path:
            return None
        name = path.split("/wp-content/uploads/", 1)[1]
        kind = IMAGE_TYPES.get(Path(name).suffix.lower(), "application/octet-stream")
        if name in self.files:
            return 200, {"Content-Type": kind}, self.files[name].read_bytes()
        if not self.made_up or kind == "image/svg+xml":
            return 404, {"Content-Type": "text/html"}, b"<!doctype html><title>Not found</title>"
        return 200, {"Content-Type": kind}, png(name)


def serve(wp: FakeWordPress, uploads: Uploads) -> None:
    """Images answered by `uploads` before the fake site's own routes."""
    answer = wp._answer

    def with_uploads(target: str) -> Reply:
        return uploads.answer(urlsplit(target).path) or answer(target)

    wp._answer = with_uploads  # type: ignore[method-assign]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("crawl", type=Path)
    parser.add_argument("--port", type=int, default=0)
    parser.add_argument("--rehost", action="store_true", help="serve the site's own address as this server's")
    parser.add_argument("--copy", type=Path, help="with --rehost: write the rehosted crawl here, for import")
    parser.add_argument("--page-cap", type=int)
    parser.add_argument("--no-paging-headers", action="store_true")
    parser.add_argument("--no-embed", action="store_true")
    parser.add_argument("--home", default="/")
    parser.add_argument("--discovery", default="link", choices=["link", "html", "wp-json", "rest_route"])
    parser.add_argument("--prefix", default="wp-json")
    parser.add_argument("--no-made-up-images", action="store_true")
    args = parser.parse_args()
    local = f"http://127.0.0.1:{args.port}{args.home}".rstrip("/")
    rehost = (site_origins(args.crawl), local) if args.rehost else None
    site, counts = load_crawl(args.crawl, rehost)
    if rehost is not None and args.copy is not None:
        rehosted_copy(args.crawl, args.copy, *rehost)
    site.page_cap, site.paging_headers, site.embed = args.page_cap, not args.no_paging_headers, not args.no_embed
    wp = FakeWordPress(site, discovery=args.discovery, home=args.home, prefix=args.prefix, port=args.port)
    serve(wp, Uploads(args.crawl, made_up=not args.no_made_up_images))
    with wp:
        print(json.dumps({"url": wp.url, "origins": rehost[0] if rehost else [], **counts}), flush=True)
        while True:
            time.sleep(3600)


if __name__ == "__main__":
    main()
