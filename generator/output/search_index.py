"""The search index: plain scripts that the search page loads as it needs them, so search works from file://,
where a page may not fetch files, and the first query of a large site reads a small part of the index.

    search/index.js            the manifest: sizes, the posts newest first, and the posts of every term
    search/words/B-K.js        shard K of block B: folded word -> postings of the block's posts
    search/doc/G.js            posts G*GROUP to G*GROUP+GROUP-1: title, link, date, summary and text of each
                               (for its result and snippet)

Each script calls a function of `newsmirrorSearch` (static/js/search.js) with its data. Posts are numbered
by WordPress id (see `numbered`), which no edit of a date or terms changes, so that moving a post leaves
every shard as it was; the manifest gives the order newest first, for ties and filters. Posts are cut into
blocks of BLOCK numbers, and words into `buckets` by the first two characters of the word, so the shards a
query needs are one per block and word: the bucket of "rare" holds every word that starts with "ra", so a
query word also finds the longer words it begins (in scripts written without spaces, where words are pairs of
characters, by the first character: see bucket). A shard is made from its block's posts only, so editing a post
changes the shards of its block and the doc file of its group, and no others.

Docs go GROUP to a file. A small file costs a build far more than its bytes (it is created, linked into the
spare folder, stat'ed and recorded, and file-system metadata is slow), so five to a file keeps four fifths
of that cost away (10,000 posts: 2,000 doc files, not 10,000). A page of results, whose posts are rarely
neighbours, then loads up to PAGE_SIZE files of five docs: about five times the bytes (some 370 KB, not
75 KB, for the benchmark's posts of 9 KB of text; several times less compressed, as GitHub Pages serves it).

Postings are flat lists [gap, weight, gap, weight, ...]: the gap from the previous number in the block (from
the block's first number for the first posting), and how much the word weighs in that post (post_weights).

Each post's weights are kept in the build cache, a file per block, under a key of what they are made from
(_words_key: the post's body, title, summary and term names) and the code: remaking a block's shards after one
edit reads one body, not the block's thousand, and a post moved to another date remakes none. A block's
outputs are one batch (rendering.py): one worker reads the block's bodies once, whatever the number of workers.
"""

from __future__ import annotations

import functools
import json
from collections import deque
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import filterfalse, repeat
from operator import sub
from pathlib import Path

import orjson

from generator import urls
from generator.model import Post, Site
from generator.output import build_cache
from generator.output.digest import of_bytes, of_values
from generator.output.loading import read_body
from generator.output.rendering import Output, RenderBody
from generator.render.local_dates import Dates
from generator.render.search_text import markdown_text, unspaced, word_counts, word_set
from generator.render.views import SEARCH_PAGE, SEARCH_SCRIPTS, moment

MANIFEST = SEARCH_SCRIPTS[1]
CALLBACK = "newsmirrorSearch"
BLOCK = 1000  # posts per block: a one-post edit re-reads this many bodies, and a query loads one shard per block
GROUP = 5  # posts per doc file; it divides BLOCK, so that a group's posts are read with its block
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
    """FNV-1a over the code points of the word's first two characters, or its first alone in an unspaced
    script (so that one character typed, often a word there, finds the pairs it begins); search.js computes
    the same."""
    hashed = 0x811C9DC5
    for char in word[:1 if unspaced(word) else 2]:
        hashed = ((hashed ^ ord(char)) * 0x01000193) & 0xFFFFFFFF
    return hashed % buckets


def doc_path(group: int) -> str:
    return f"search/doc/{group}.js"


def shard_path(block: int, bucket_number: int) -> str:
    return f"search/words/{block}-{bucket_number}.js"


def search_outputs(site: Site, frame: str, content: Path, dates: Dates,
                   only: frozenset[str] | None = None, manifest: bool = False) -> list[Output]:
    """The index's files, keyed by `frame` (the configuration and code key) and what each is made from. With
    `only` (post files edited in place), just the doc files of those posts and their blocks' shards, and the
    manifest if asked for (the order newest first and the posts of each term, which moves change)."""
    shape = layout(len(site.posts))
    order = numbered(site.posts)
    outputs = [_manifest(site, order, shape, frame)] if only is None or manifest else []
    reader = _BlockReader(content, order, frame)
    for block in range(shape.blocks):
        posts = order[block * BLOCK:(block + 1) * BLOCK]
        if only is not None and not any(p.file in only for p in posts):
            continue
        batch = f"search block {block}"
        # The shards first: a doc made after them takes its text from the block they read, and one made
        # without them (its post moved, its words as they were) reads its own body alone.
        reader.keys[block] = list(map(_words_key, posts))
        block_key = of_values(frame, "search block", shape.docs, shape.buckets, block, reader.keys[block])
        for number in range(shape.buckets):
            def make(_: RenderBody, block: int = block, number: int = number) -> bytes:
                return _script("shard", block, number, reader.read(block).buckets[number])
            outputs.append(Output(shard_path(block, number), of_values(block_key, number), make, batch=batch))
        for first in range(block * BLOCK, block * BLOCK + len(posts), GROUP):
            group = order[first:first + GROUP]
            if only is None or any(p.file in only for p in group):
                outputs.append(_docs(first, group, frame, reader, batch, dates))
    return outputs


def _words_key(post: Post) -> str:
    """What a post's words and their weights are made from (post_weights): its body, title, summary and
    term names, not its date, so that a moved post leaves its block's shards as they were. A post whose body
    digest is not known counts by its file's bytes."""
    return of_values(post.body_digest or post.digest, post.title, post.summary, [t.name for t in post.terms])


def numbered(posts: Sequence[Post]) -> list[Post]:
    """The posts in the order of their numbers: by WordPress id, then file (ids repeat across sources), and
    posts without one, written by hand, last. A new post upstream has the highest id, so it takes the next
    number and leaves the others as they were; a date or terms edited leave them all."""
    return sorted(posts, key=lambda post: (post.source.id <= 0, post.source.id, post.file))


def manifest_data(site: Site, order: Sequence[Post], shape: Layout) -> dict:
    """The sizes the client needs to find shards; the post numbers (`order`, as `numbered` gives it) newest
    first, as the site lists them (runs, see _runs); and taxonomy -> term -> its posts' numbers, as gaps."""
    number = dict(zip(map(id, order), range(len(order)))).__getitem__

    def numbers(posts: Sequence[Post]) -> list[int]:
        return list(map(number, map(id, posts)))

    taxonomies = [[taxonomy.name, [[listing.term.slug, _gaps(sorted(numbers(listing.posts)))]
                                   for listing in taxonomy.terms]]
                  for taxonomy in site.taxonomies]
    return {"docs": shape.docs, "block": BLOCK, "group": GROUP, "buckets": shape.buckets,
            "newest": _runs(numbers(site.posts)), "taxonomies": taxonomies}


def _runs(numbers: Sequence[int]) -> list[int]:
    """`numbers` as [first, count, first, count, ...], each run counting down by one from its first: ids
    mostly grow with dates, so a site newest first is a few long runs, and the manifest stays small."""
    runs: list[int] = []
    for n in numbers:
        if runs and runs[-2] - runs[-1] == n:
            runs[-1] += 1
        else:
            runs += [n, 1]
    return runs


def _manifest(site: Site, order: Sequence[Post], shape: Layout, frame: str) -> Output:
    data = _script("manifest", manifest_data(site, order, shape))
    return Output(MANIFEST, of_values(frame, of_bytes(data)), lambda _: data)


def _gaps(numbers: Sequence[int]) -> list[int]:
    return [n - p for n, p in zip(numbers, [0, *numbers[:-1]])]


def _docs(first: int, posts: Sequence[Post], frame: str, reader: _BlockReader, batch: str, dates: Dates) -> Output:
    """The doc file of the group that starts at number `first`: a list of its posts' docs, in number order."""
    hrefs = [urls.relative(SEARCH_PAGE, urls.post(post)) for post in posts]

    def make(_: RenderBody) -> bytes:
        return _script("docs", first // GROUP, [_doc(post, href, reader.text(first + offset), dates)
                                               for offset, (post, href) in enumerate(zip(posts, hrefs))])

    key = of_values(frame, "search docs", first, [(post.digest, href) for post, href in zip(posts, hrefs)])
    return Output(doc_path(first // GROUP), key, make, batch=batch)


def _doc(post: Post, href: str, text: str, dates: Dates) -> dict[str, str]:
    if len(text) > TEXT_LIMIT:
        text = text[:text.rfind(" ", 0, TEXT_LIMIT) + 1 or TEXT_LIMIT] + "…"
    when = moment(post.date, dates)
    return {"title": post.title, "url": href, "date": when.text, "iso": when.iso, "summary": post.summary,
            "text": text}


def _script(function: str, *arguments: object) -> bytes:
    """orjson gives the bytes of json.dumps(sort_keys, compact, not ASCII-only) three times as fast; a lone
    surrogate, which it refuses, fails in UTF-8 encoding instead, as before."""
    try:
        encoded = b",".join(orjson.dumps(a, option=orjson.OPT_SORT_KEYS) for a in arguments)
    except orjson.JSONEncodeError:
        encoded = ",".join(json.dumps(a, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
                           for a in arguments).encode("utf-8")
    return b"%s.%s(%s);\n" % (CALLBACK.encode(), function.encode(), encoded)


def post_weights(post: Post, text: str) -> dict[str, int]:
    """Folded word -> its weight in the post: its count in the text, capped, plus a bonus for each of the
    title, the summary and the post's term names that hold it."""
    weights = word_counts(text)
    for word in [word for word, count in weights.items() if count > BODY_CAP]:
        weights[word] = BODY_CAP
    for found, bonus in ((word_set(post.title), TITLE_BONUS), (word_set(post.summary), SUMMARY_BONUS),
                         (_term_words(tuple(t.name for t in post.terms)), TERM_BONUS)):
        for word in found:
            weights[word] = weights.get(word, 0) + bonus
    return weights


@functools.lru_cache(maxsize=1 << 12)
def _term_words(names: tuple[str, ...]) -> tuple[str, ...]:
    """(A pure function, remembered: posts share their terms.)"""
    return tuple(word_set(" ".join(names)))


@dataclass(frozen=True)
class _Block:
    texts: dict[int, str]  # number -> text, of the posts whose body was read for the block
    buckets: list[dict[str, list[int]]]  # bucket -> folded word -> postings


class _BlockReader:
    """What one block's posts hold, kept for the next output of the same block: a block's outputs are one
    batch, made in order by one worker, which so reads each block once and holds one block at a time."""

    def __init__(self, content: Path, order: Sequence[Post], frame: str) -> None:
        self.content, self.posts, self.frame = content, order, frame
        self.keys: dict[int, list[str]] = {}  # block -> its posts' _words_key, made once for its key and its read
        self.number: int | None = None
        self.block = _Block({}, [])

    def read(self, number: int) -> _Block:
        if self.number != number:
            self.block, self.number = self._read(number), number
        return self.block

    def text(self, number: int) -> str:
        """The post's text, from its block if that was read (a clean build reads each body once), else from
        its own body."""
        found = self.block.texts.get(number) if self.number == number // BLOCK else None
        return found if found is not None else markdown_text(read_body(self.content / self.posts[number].file))

    def _read(self, block: int) -> _Block:
        words, known = build_cache.load_weights(self.content, block)
        try:
            return self._read_with(block, words, known)
        except (IndexError, KeyError, TypeError, ValueError):  # a cache file that is not what this code saved
            return self._read_with(block, [], {})

    def _read_with(self, block: int, words: list[str], known: dict[str, list[list]]) -> _Block:
        shape = layout(len(self.posts))
        start = block * BLOCK
        texts: dict[int, str] = {}
        numbers = {word: number for number, word in enumerate(words)}
        if len(numbers) != len(words):
            raise ValueError("a word listed twice")
        kept: dict[str, list[list]] = {}
        postings: list[list[int]] = [[] for _ in words]  # word number -> [post, weight, post, weight, ...]
        for number, words_key in zip(range(start, min(start + BLOCK, shape.docs)), self.keys[block]):
            post = self.posts[number]
            key = of_values(self.frame, words_key)
            entry = known.get(key)
            if entry is not None and entry[0] and min(entry[0]) < 0:  # it would index from the end
                raise ValueError("a negative word number")
            if entry is None:
                texts[number] = markdown_text(read_body(self.content / post.file))
                weights = post_weights(post, texts[number])
                entry = [_numbers_of(weights, numbers, words, postings), list(weights.values())]
            kept[key] = entry
            # Each word's list extended by (number, weight), with no Python step per word: a block holds some
            # 250,000 pairs. (deque with no room only runs the map through: itertools' "consume" recipe.)
            deque(map(list.extend, map(postings.__getitem__, entry[0]), zip(repeat(number), entry[1])), maxlen=0)
        if kept.keys() != known.keys():
            build_cache.save_weights(self.content, block, *_compacted(words, kept, postings))
        return _Block(texts, _bucketed(words, postings, start, shape.buckets))


def _numbers_of(weights: dict[str, int], numbers: dict[str, int], words: list[str],
                postings: list[list[int]]) -> list[int]:
    """The numbers of the words of `weights`, each new word numbered next; with no Python step per word
    (a clean build numbers two and a half million words at 10,000 posts)."""
    fresh = list(filterfalse(numbers.__contains__, weights))
    if fresh:
        numbers.update(zip(fresh, range(len(words), len(words) + len(fresh))))
        words.extend(fresh)
        postings.extend([] for _ in fresh)
    return list(map(numbers.__getitem__, weights))


def _compacted(words: list[str], entries: dict[str, list[list]], postings: list[list[int]]
               ) -> tuple[list[str], dict[str, list[list]]]:
    """The words and entries to save: as they are, unless a quarter of the words are no longer in any post
    (edits and removed posts leave them behind), then renumbered without those."""
    used = [number for number, found in enumerate(postings) if found]
    if len(used) * 4 >= len(words) * 3:
        return words, entries
    renumber = {old: new for new, old in enumerate(used)}
    return ([words[n] for n in used],
            {key: [[renumber[n] for n in numbers], weights] for key, (numbers, weights) in entries.items()})


def _bucketed(words: list[str], postings: list[list[int]], start: int, buckets: int) -> list[dict[str, list[int]]]:
    """Each bucket's words, in order, with their postings made gaps: the words of a block that are in any post
    (a real site's block holds 20,000-40,000, most of them in one post only). A word's bucket is its first two
    characters' (see bucket), found once for each two characters."""
    found: list[dict[str, list[int]]] = [{} for _ in range(buckets)]
    of_start = _Buckets(buckets)
    for number in sorted(filter(postings.__getitem__, range(len(words))), key=words.__getitem__):
        word, pairs = words[number], postings[number]
        if len(pairs) == 2:  # (one post: its gap is from the block's first number)
            pairs[0] -= start
        else:
            _gaps_of(pairs, start)
        found[of_start[word[:2]]][word] = pairs
    return found


class _Buckets(dict[str, int]):
    """The first two characters of a word -> its bucket, as bucket gives it (which reads no further)."""

    def __init__(self, buckets: int) -> None:
        super().__init__()
        self.buckets = buckets

    def __missing__(self, start: str) -> int:
        self[start] = number = bucket(start, self.buckets)
        return number


def _gaps_of(pairs: list[int], start: int) -> list[int]:
    """[number, weight, ...] made [gap, weight, ...] in place, each gap from the number before (or `start`),
    a slice at a time."""
    numbers = pairs[::2]
    pairs[::2] = map(sub, numbers, [start, *numbers[:-1]])
    return pairs
