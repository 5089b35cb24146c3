"""The search index: plain scripts that the search page loads as it needs them, so search works from file://,
where a page may not fetch files, and the first query of a large site reads a small part of the index.

    search/index.js            the manifest: sizes, and the posts of every term (for the filters)
    search/words/B-K.js        shard K of block B: folded word -> postings of the block's posts
    search/doc/N.js            post N: title, link, date, summary and text (for its result and snippet)

Each script calls a function of `newsmirrorSearch` (static/js/search.js) with its data. Posts are numbered
oldest first, so that a new post, usually the newest, leaves every other number as it was. Posts are cut into
blocks of BLOCK numbers, and words into `buckets` by the first two characters of the word, so the shards a
query needs are one per block and word: the bucket of "rare" holds every word that starts with "ra", so a
query word also finds the longer words it begins. A shard is made from its block's posts only, so editing a post
changes the shards of its block and its own doc file, and no others.

Postings are flat lists [gap, weight, gap, weight, ...]: the gap from the previous number in the block (from
the block's first number for the first posting), and how much the word weighs in that post (post_weights).

Each post's weights are kept in the build cache, a file per block, under a key of the post's bytes, its term
names and the code: remaking a block's shards after one edit reads one body, not the block's thousand.
"""

from __future__ import annotations

import json
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from generator import urls
from generator.model import Post, Site
from generator.output import build_cache
from generator.output.digest import of_bytes, of_values
from generator.output.loading import read_body
from generator.output.rendering import Output, RenderBody
from generator.render.search_text import markdown_text, word_counts
from generator.render.views import SEARCH_PAGE, SEARCH_SCRIPTS, moment

MANIFEST = SEARCH_SCRIPTS[1]
CALLBACK = "newsmirrorSearch"
BLOCK = 1000  # posts per block: a one-post edit re-reads this many bodies, and a query loads one shard per block
POSTS_PER_BUCKET = 40  # buckets grow with the site, so a shard stays a few kilobytes at any size
MAX_BUCKETS = 256
TEXT_LIMIT = 60_000  # characters of a post's text kept for its snippet
BODY_CAP, TITLE_BONUS, SUMMARY_BONUS, TERM_BONUS = 20, 30, 15, 15


@dataclass(frozen=True)
class Layout:
    docs: int
    blocks: int
    buckets: int


def layout(docs: int) -> Layout:
    buckets = 1
    while buckets < MAX_BUCKETS and buckets * POSTS_PER_BUCKET < docs:
        buckets *= 2
    return Layout(docs, -(-docs // BLOCK), buckets)


def bucket(word: str, buckets: int) -> int:
    """FNV-1a over the code points of the word's first two characters; search.js computes the same."""
    hashed = 0x811C9DC5
    for char in word[:2]:
        hashed = ((hashed ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return hashed % buckets


def doc_path(number: int) -> str:
    return f"search/doc/{number}.js"


def shard_path(block: int, bucket_number: int) -> str:
    return f"search/words/{block}-{bucket_number}.js"


def search_outputs(site: Site, frame: str, content: Path, only: frozenset[str] | None = None) -> list[Output]:
    """The index's files, keyed by `frame` (the configuration and code key) and what each is made from. With
    `only` (post files whose body alone changed), just the doc files of those posts and their blocks' shards."""
    shape = layout(len(site.posts))
    oldest_first = site.posts[::-1]
    outputs = [] if only is not None else [_manifest(site, shape, frame)]
    reader = _BlockReader(content, oldest_first, frame)
    for block in range(shape.blocks):
        posts = oldest_first[block * BLOCK:(block + 1) * BLOCK]
        if only is not None and not any(p.file in only for p in posts):
            continue
        for offset, post in enumerate(posts):
            if only is None or post.file in only:
                outputs.append(_doc(block * BLOCK + offset, post, frame, reader))
        block_key = of_values(frame, "search block", shape.docs, shape.buckets, block,
                              [(p.digest, [(t.taxonomy, t.name) for t in p.terms]) for p in posts])
        for number in range(shape.buckets):
            def make(_: RenderBody, block: int = block, number: int = number) -> bytes:
                return _script("shard", block, number, reader.read(block).buckets[number])
            outputs.append(Output(shard_path(block, number), of_values(block_key, number), make))
    return outputs


def manifest_data(site: Site, shape: Layout) -> dict:
    """The sizes the client needs to find shards, and taxonomy -> term -> its posts' numbers, as gaps."""
    number = {post.file: len(site.posts) - 1 - position for position, post in enumerate(site.posts)}
    taxonomies = [[taxonomy.name, [[listing.term.slug, _gaps(sorted(number[p.file] for p in listing.posts))]
                                   for listing in taxonomy.terms]]
                  for taxonomy in site.taxonomies]
    return {"docs": shape.docs, "block": BLOCK, "buckets": shape.buckets, "taxonomies": taxonomies}


def _manifest(site: Site, shape: Layout, frame: str) -> Output:
    data = _script("manifest", manifest_data(site, shape))
    return Output(MANIFEST, of_values(frame, of_bytes(data)), lambda _: data)


def _gaps(numbers: Sequence[int]) -> list[int]:
    return [n - p for n, p in zip(numbers, [0, *numbers[:-1]])]


def _doc(number: int, post: Post, frame: str, reader: _BlockReader) -> Output:
    href = urls.relative(SEARCH_PAGE, urls.post(post))

    def make(_: RenderBody) -> bytes:
        text = reader.text(number)
        if len(text) > TEXT_LIMIT:
            text = text[:text.rfind(" ", 0, TEXT_LIMIT) + 1 or TEXT_LIMIT] + "…"
        when = moment(post.date)
        return _script("doc", number, {"title": post.title, "url": href, "date": when.text, "iso": when.iso,
                                       "summary": post.summary, "text": text})

    return Output(doc_path(number), of_values(frame, "search doc", number, post.digest, href), make)


def _script(function: str, *arguments: object) -> bytes:
    encoded = ",".join(json.dumps(a, ensure_ascii=False, sort_keys=True, separators=(",", ":")) for a in arguments)
    return f"{CALLBACK}.{function}({encoded});\n".encode("utf-8")


def post_weights(post: Post, text: str) -> dict[str, int]:
    """Folded word -> its weight in the post: its count in the text, capped, plus a bonus for each of the
    title, the summary and the post's term names that hold it."""
    weights = {word: min(count, BODY_CAP) for word, count in word_counts(text).items()}
    for field, bonus in ((post.title, TITLE_BONUS), (post.summary, SUMMARY_BONUS),
                         (" ".join(t.name for t in post.terms), TERM_BONUS)):
        for word in word_counts(field):
            weights[word] = weights.get(word, 0) + bonus
    return weights


@dataclass(frozen=True)
class _Block:
    texts: dict[int, str]  # number -> text, of the posts whose body was read for the block
    buckets: list[dict[str, list[int]]]  # bucket -> folded word -> postings


class _BlockReader:
    """What one block's posts hold, kept for the next output of the same block: outputs are made in block
    order, so a worker process reads each block about once, and holds one block at a time."""

    def __init__(self, content: Path, oldest_first: Sequence[Post], frame: str) -> None:
        self.content, self.posts, self.frame = content, oldest_first, frame
        self.number: int | None = None
        self.block = _Block({}, [])

    def read(self, number: int) -> _Block:
        if self.number != number:
            self.block, self.number = self._read(number), number
        return self.block

    def text(self, number: int) -> str:
        found = self.read(number // BLOCK).texts.get(number)
        return found if found is not None else markdown_text(read_body(self.content / self.posts[number].file))

    def _read(self, block: int) -> _Block:
        shape = layout(len(self.posts))
        found: list[dict[str, list[int]]] = [{} for _ in range(shape.buckets)]
        buckets: dict[str, dict[str, list[int]]] = {}  # word -> its bucket's dict, as words recur
        last: dict[str, int] = {}
        start = block * BLOCK
        texts: dict[int, str] = {}
        known = build_cache.load_weights(self.content, block)
        kept: dict[str, list[list]] = {}
        for number in range(start, min(start + BLOCK, shape.docs)):
            post = self.posts[number]
            key = of_values(self.frame, post.digest, [(t.taxonomy, t.name) for t in post.terms])
            entry = known.get(key)
            if entry is None:
                texts[number] = markdown_text(read_body(self.content / post.file))
                weights = post_weights(post, texts[number])
                entry = [list(weights), list(weights.values())]
            kept[key] = entry
            for word, weight in zip(*entry):
                into = buckets.get(word)
                if into is None:
                    into = buckets[word] = found[bucket(word, shape.buckets)]
                postings = into.get(word)
                if postings is None:
                    into[word] = [number - start, weight]
                else:
                    postings += (number - last[word], weight)
                last[word] = number
        if kept.keys() != known.keys():
            build_cache.save_weights(self.content, block, kept)
        return _Block(texts, [dict(sorted(b.items())) for b in found])
