"""The build pipeline, incremental and on every core:

    scan → load → group → relate → plan → render → swap

scan stats every input and output file (in a forked child, while the build cache is read); when none
changed since the last build, the build stops there, having read no post. load reads the posts that
changed (their front matter; bodies are read when their page is rendered). group builds the model: posts
sorted, by term, type and date. relate finds related posts, reusing those whose terms' lists did not change.
plan lists every output file with the key of what it is made from. render makes the outputs whose key
changed: Markdown and templates, feeds, sitemap and static files, in worker processes, each file written
into the spare folder as soon as it is made. swap makes the spare the site in one atomic step and records
what was built in the build cache.
"""

from __future__ import annotations

import functools
import gc
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from generator import collector, workers
from generator.config import Config, ConfigError, with_site_labels
from generator.output import build_cache, forked_scan, inputs, spare_record
from generator.output.build_cache import BuildCache, Stamp
from generator.output.writer import Staging, sentinel
from generator.problems import Problem
from generator.progress import Progress
from generator.site_size import WARN_AT, size_warning
from generator.store.labels import read_labels



@dataclass(frozen=True)
class BuildResult:
    posts: int = 0
    pages: int = 0  # HTML pages in the site
    files: int = 0  # files in the site
    written: int = 0  # files written anew
    kept: int = 0  # files left as they were (hard links to the previous site's files)
    removed: int = 0  # files of the previous site that are gone
    rendered: int = 0  # outputs made because their key changed (some then matched the old bytes and were kept)
    unchanged: bool = False  # nothing changed: decided from file stats alone; nothing was read or written
    problems: list[Problem] = field(default_factory=list)
    stages: tuple[tuple[str, float], ...] = ()  # seconds per stage, in order
    size: int = 0  # bytes of the site's files
    warnings: tuple[str, ...] = ()  # for the reader; unlike problems, nothing was left out


@dataclass
class BuildSession:
    """What a long-running process (`newsmirror serve`) keeps between builds, so that a rebuild after an edit
    does not read again what the last build made: the build cache as it was saved, used while its files are
    still the ones saved (another process may have built since), and the compiled templates, while no
    template file changed. Everything else is decided from the files, as always, so a build with a session
    writes the same bytes as one without."""

    cache: BuildCache | None = None
    saved: tuple = ()  # build_cache.saved_files() right after `cache` was saved
    content: str = ""  # the content folder `cache` belongs to
    templates: tuple[Any, Any] = (None, None)  # (key of the template files, render.templates.Templates)

    def cache_for(self, content: Path) -> BuildCache:
        if self.cache is not None and self.content == str(content) and build_cache.saved_files(content) == self.saved:
            return self.cache
        return build_cache.load(content)

    def keep(self, content: Path, cache: BuildCache) -> None:
        self.cache, self.content = build_cache.as_loaded(cache), str(content)
        self.saved = build_cache.saved_files(content)


def run_build(config: Config, progress: Progress | None = None, warn_at: int = WARN_AT,
              session: BuildSession | None = None, hold: list[object] | None = None) -> BuildResult:
    """Build the site; a post that cannot be read is reported and left out, the rest is built. A site of
    `warn_at` bytes or more gets a warning that it nears GitHub Pages' limit. With `hold`, what the build
    read and made is appended to it rather than freed on return, and the cycle collector stays paused, for a
    caller that ends its process without freeing anything (cli.run): freeing a large site's million objects
    one by one, or the collector walking them, takes a tenth of a second."""
    timer = _Timer()
    content, output = config.path("content"), config.path("output")
    if not content.is_dir():
        raise ConfigError("build", [f"content folder {content} does not exist"])
    labels = read_labels(content)[0]
    config = with_site_labels(config, labels.language, labels.title, labels.description)
    jobs = workers.job_count(config.build.jobs)
    lock = spare_record.lock(content)
    try:
        # One pause for the whole build (see collector.py): paused stage by stage, each resumption had the
        # collector walk everything the stage before had made, a quarter of a one-edit rebuild at 10,000 posts.
        # The build's structures are freed before it resumes, which would otherwise walk them all once more.
        with collector.paused(resume=hold is None):
            with timer("scan"):
                last = build_cache.load_stamp(content)
                scan, cache = forked_scan.scan(config, last, output, sentinel(output),
                                               _cache_beside(content, last, session, jobs))
            if last is not None and last.stamp is not None and scan.stamp == last.stamp:
                if hold is not None:
                    hold.append(cache)
                size = sum(found[0] for found in scan.found if found is not None)
                return _unchanged(last, timer, size, _warnings(output, size, warn_at))
            return _build(config, scan, cache, jobs, timer, progress or _quiet, warn_at, session, hold)
    finally:
        spare_record.unlock(lock)


def _cache_beside(content: Path, last: Stamp | None, session: BuildSession | None,
                  jobs: int) -> Callable[[], BuildCache] | None:
    """How to read the build cache while the scan runs in a forked child, when that is worth it: there is a
    cache (a stamp says so), the session does not hold it already, and more than one job is allowed. A
    build that then finds nothing changed has read it for nothing, on the other core (0.36 s against
    0.29 s at 10,000 posts); one after an edit saves the fifth of a second the scan takes."""
    if last is None or session is not None or jobs <= 1:
        return None
    return functools.partial(build_cache.load, content)


def _build(config: Config, scan: inputs.Scan, cache: BuildCache | None, jobs: int, timer: _Timer,
           progress: Progress, warn_at: int, session: BuildSession | None, hold: list[object] | None
           ) -> BuildResult:
    # Here: stages need Jinja2, markdown-it and the YAML stack, which a build that changed nothing never imports.
    from generator.output import stages
    content, output = config.path("content"), config.path("output")
    with timer("load"):
        staging = Staging(output)
        if cache is None:
            cache = build_cache.load(content) if session is None else session.cache_for(content)
        loaded = stages.load(config, scan, cache, jobs)
    with timer("group"):
        grouped = stages.group(config, loaded)
        site = grouped.site
    with timer("relate"):
        related = stages.relate(config, grouped, loaded, cache, jobs)
    with timer("plan"):
        plan = stages.plan(config, scan, cache, grouped, loaded, related, _templates(config, scan, loaded, session),
                           jobs)
    little = stages.renders_little(plan)
    with timer("render"), _collecting(not little):
        made = stages.render(config, plan, staging, cache, 1 if little else jobs, progress)
    with timer("swap"):
        notes = stages.body_notes(site, cache, made)
        saved = stages.swap(config, staging, scan, cache, loaded, related, plan, made, site, notes)
    if session is not None:
        session.keep(content, saved)
    if hold is not None:
        hold.extend((cache, loaded, site, related, plan, made, saved))
    size = sum(written.size for written in made.pages.values())
    return BuildResult(posts=len(site.posts), pages=sum(1 for p in made.pages if p.endswith(".html")),
                       files=len(made.pages) + 1, written=made.written, kept=made.kept,
                       removed=len(plan.decision.removed), rendered=len(plan.decision.todo),
                       problems=plan.problems + stages.note_problems(config, notes),
                       stages=timer.done(), size=size,
                       warnings=_warnings(output, size, warn_at) + ((cache.damaged,) if cache.damaged else ()))


def _templates(config: Config, scan: Any, loaded: Any, session: BuildSession | None) -> Any:
    """The session's templates while no template file was added, removed or changed: Jinja would notice a
    changed file, but not a new one that overrides a theme's template it has compiled."""
    from generator.render.templates import Templates
    folder = config.path("templates")
    if session is None:
        return Templates(folder)
    files = scan.inputs.templates.items()
    key = (str(folder), tuple((n, str(p), getattr(loaded.files.get(str(p)), "digest", "")) for n, p in files))
    if session.templates[0] != key:
        session.templates = (key, Templates(folder))
    return session.templates[1]


@contextmanager
def _collecting(on: bool) -> Iterator[None]:
    """The collector on while many outputs render in this process, as their parsed HTML holds cycles; what
    the build made before is frozen out of its reach meanwhile, as the worker processes do."""
    if not on:
        yield
        return
    gc.freeze()
    gc.enable()
    try:
        yield
    finally:
        gc.disable()
        gc.unfreeze()


def _unchanged(last: Stamp, timer: _Timer, size: int, warnings: tuple[str, ...]) -> BuildResult:
    pages = sum(1 for p in last.pages if p.endswith(".html"))
    return BuildResult(posts=last.posts, pages=pages, files=len(last.pages) + 1, kept=len(last.pages),
                       unchanged=True, problems=list(last.problems), stages=timer.done(), size=size,
                       warnings=warnings)


def _warnings(output: Path, size: int, warn_at: int) -> tuple[str, ...]:
    warning = size_warning(output, size, warn_at)
    return () if warning is None else (warning,)


def _quiet(stage: str, done: int, total: int) -> None:
    pass


class _Timer:
    """Seconds spent in each stage, for the build's summary."""

    def __init__(self) -> None:
        self.stages: list[tuple[str, float]] = []

    @contextmanager
    def __call__(self, stage: str) -> Iterator[None]:
        start = time.perf_counter()
        try:
            yield
        finally:
            self.stages.append((stage, time.perf_counter() - start))

    def done(self) -> tuple[tuple[str, float], ...]:
        return tuple(self.stages)


