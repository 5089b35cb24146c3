"""Rendering the outputs that changed, on every core, each written straight into the spare folder.

The worker processes are forked once the outputs are planned, so each starts with the model, the plan and
the compiled templates in memory; a task names outputs by number and gets back a digest and a stat, never a
rendered page. No structure ever holds every rendered page: each is written as soon as it is made.

Outputs of one batch (a block of the search index, made from a thousand bodies) are made in one task, so
that, whatever the number of workers, no worker reads what another one read; batches go first, biggest first,
and the other outputs follow in chunks small enough to keep every core busy to the end.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Mapping
from dataclasses import dataclass
from pathlib import Path

from generator import workers
from generator.language.words import Words
from generator.model import Post
from generator.output import digest
from generator.output.loading import read_body
from generator.output.writer import FileStat, Staging
from generator.output.pages import Page, RenderBody
from generator.render.markdown import MarkdownRenderer, RenderedBody
from generator.render.templates import Templates

CHUNK = 40  # outputs per task: small enough to keep both cores busy to the end


@dataclass(frozen=True)
class Output:
    """One file of the site: where it goes, the key of what it is made from, and how to make it."""

    path: str
    key: str  # for a post's page, the key before the links its body looks up (keys.with_links)
    make: Callable[[RenderBody], bytes]
    post: Post | None = None
    batch: str | None = None  # outputs that share what they are made from: made by one worker, in order


def page_maker(page: Page, templates: Templates) -> Callable[[RenderBody], bytes]:
    def make(render_body: RenderBody) -> bytes:
        return templates.render(page.template, page.context(render_body)).encode("utf-8")
    return make


@dataclass(frozen=True)
class Made:
    index: int
    digest: str
    stat: FileStat | None  # None: the bytes were those of the site's file, which was kept (hard-linked)
    looked_up: tuple[str, ...] | None  # for a post's page: the link keys its body looked up
    notes: tuple[tuple[str, tuple[str, ...]], ...]  # (post digest, notes) for each body it rendered
    mirrored: bool = False  # the file written was linked into the staging's mirror too (Staging.start_mirror)


class LookupRecorder(Mapping[str, str]):
    """The local pages of the site (render/local_links.py), noting which keys a body looks up: the page
    depends on those entries only, which is what its key records."""

    def __init__(self, pages: Mapping[str, str]) -> None:
        self.pages = pages
        self.looked_up: dict[str, None] = {}

    def __getitem__(self, key: str) -> str:
        self.looked_up[key] = None
        return self.pages[key]

    def get(self, key: str, default: str | None = None) -> str | None:
        # Mapping.get would raise and catch a KeyError for every link to a page that is not mirrored.
        self.looked_up[key] = None
        return self.pages.get(key, default)

    def __iter__(self) -> Iterator[str]:
        return iter(self.pages)

    def __len__(self) -> int:
        return len(self.pages)


@dataclass
class _Worker:
    outputs: list[Output]
    staging: Staging
    content: Path
    recorder: LookupRecorder
    renderer: MarkdownRenderer
    notes: dict[str, tuple[str, ...]]  # of the output being made: post digest -> what its body's render noted
    mirroring: bool  # until a link into the mirror fails
    differs: frozenset[str] | None  # paths at which the spare may hold another file than the site; None: any

    def render_body(self, post: Post, path: str) -> RenderedBody:
        body = self.renderer.render(read_body(self.content / post.file), path, post.source.url)
        self.notes[post.digest] = body.notes
        return body


# Per-worker state, set once by _start in each worker process (or in this process when run serially): what
# every task of one build shares. Tasks then carry only numbers.
_worker: _Worker | None = None


def render(outputs: list[Output], todo: list[tuple[int, str | None]], staging: Staging, content: Path,
           local_pages: Mapping[str, str], words: Words, jobs: int,
           differs: frozenset[str] | None = None) -> Iterator[Made]:
    """Make the outputs numbered in `todo`, each given with the digest of the site's file at its path when
    that file is still as the last build left it: equal bytes then keep that file instead of a new one,
    which the spare already holds at any path but `differs` (its record's; None when not known).
    Once all are made, `staging.mirrored` holds their paths if every one was linked into the mirror too."""
    global _worker
    mirroring = staging.start_mirror()
    mirrored: set[str] | None = set() if mirroring else None
    try:
        for made in workers.parallel_map(_render, _tasks(outputs, todo), jobs, _start,
                                         (outputs, staging, content, local_pages, words, mirroring, differs)):
            for one in made:
                if mirrored is not None and one.mirrored:
                    mirrored.add(outputs[one.index].path)
                else:
                    mirrored = None
                yield one
        staging.mirrored = None if mirrored is None else frozenset(mirrored)
    finally:
        _worker = None


def _tasks(outputs: list[Output], todo: list[tuple[int, str | None]]) -> list[list[tuple[int, str | None]]]:
    """`todo` cut into tasks: each batch whole, biggest first (a worker that takes the last big one must not
    leave the other cores idle), then the rest in chunks of CHUNK; the plan's order within each."""
    batches: dict[str, list[tuple[int, str | None]]] = {}
    loose = []
    for item in todo:
        batch = outputs[item[0]].batch
        if batch is None:
            loose.append(item)
        else:
            batches.setdefault(batch, []).append(item)
    whole = sorted(batches.values(), key=len, reverse=True)
    return whole + [loose[i:i + CHUNK] for i in range(0, len(loose), CHUNK)]


def _start(outputs: list[Output], staging: Staging, content: Path, local_pages: Mapping[str, str], words: Words,
           mirroring: bool, differs: frozenset[str] | None) -> None:
    global _worker
    recorder = LookupRecorder(local_pages)
    _worker = _Worker(outputs, staging, content, recorder, MarkdownRenderer(recorder, words=words), {}, mirroring,
                      differs)


def _render(chunk: list[tuple[int, str | None]]) -> list[Made]:
    assert _worker is not None
    return [_make(_worker, index, live_digest) for index, live_digest in chunk]


def _make(worker: _Worker, index: int, live_digest: str | None) -> Made:
    output = worker.outputs[index]
    worker.recorder.looked_up.clear()
    worker.notes.clear()
    data = output.make(worker.render_body)
    found = digest.of_bytes(data)
    if found == live_digest:
        # A file the spare shares with the site already (the block's search shards an edit leaves as they
        # were) is left as it is: linking it again unlinked and linked the same file.
        shared = worker.differs is not None and output.path not in worker.differs
        stat = None if shared else worker.staging.keep(output.path)
    else:
        stat = worker.staging.write(output.path, data)
        worker.mirroring = worker.mirroring and worker.staging.mirror_file(output.path)
    looked_up = tuple(worker.recorder.looked_up) if output.post is not None else None
    return Made(index, found, stat, looked_up, tuple(worker.notes.items()), stat is not None and worker.mirroring)
