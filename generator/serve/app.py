"""`newsmirror serve`: build, serve the site under its base_url path, rebuild on every edit, reload open pages.

One process: the HTTP server answers from threads, watchers (watch.py) queue what changed, and this module's
loop rebuilds, one build at a time, through one BuildSession kept for the server's life. A build that fails,
or that leaves out an item it could not read, is shown in the terminal and over open pages; the pages keep
the last good build until an edit fixes it.
"""

from __future__ import annotations

import dataclasses
import os
import queue
import sys
import threading
import time
import webbrowser
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path
from typing import Protocol
from urllib.parse import urlsplit

from generator.builder import BuildResult, BuildSession, run_build
from generator.config import Config, ConfigError
from generator.serve import watch
from generator.serve.server import PreviewServer, Site
from generator.serve.status import State, Status

USAGE = 2


class Say(Protocol):
    def info(self, line: str) -> None: ...
    def detail(self, line: str) -> None: ...  # with --verbose only
    def problem(self, line: str) -> None: ...


@dataclass(frozen=True)
class Outcome:
    built: bool  # a site was made, perhaps without items that could not be read
    errors: tuple[str, ...]  # one line each
    summary: str = ""
    stages: str = ""


def serve(config: Config, port: int, open_browser: bool, *, say: Say | None = None,
          reload_config: Callable[[], Config] | None = None, config_file: Path | None = None,
          stop: threading.Event | None = None) -> int:
    """Serve until Ctrl-C (or until `stop` is set); `reload_config` reads the configuration again when
    `config_file` changes. Returns the exit code: 0, or 2 when the port cannot be had."""
    say = say or Terminal()
    site = Site(config.path("output").absolute(), base_path(config.site.base_url))
    status = Status(State(_build_id(0)))
    if not 0 <= port <= 65535:
        say.problem(f"error: --port {port}: expected a port from 1 to 65535 (0 picks a free one)")
        return USAGE
    try:
        server = PreviewServer(port, site, status)
    except OSError as e:
        say.problem(f"error: 127.0.0.1:{port}: {e.strerror}; is another server running? Choose a port with --port N")
        return USAGE
    stop = stop or threading.Event()
    rebuilds = _Rebuilds(config, BuildSession(), status, say, reload_config, config_file)
    watchers: watch.Watchers | None = None
    serving = threading.Thread(target=server.serve_forever, kwargs={"poll_interval": 0.1}, name="newsmirror-serve",
                               daemon=True)
    try:
        rebuilds.build()
        serving.start()
        changes: queue.Queue[set[str]] = queue.Queue()
        watchers = watch.Watchers(lambda: _watched(rebuilds.config, config_file), changes, stop)
        url = f"http://127.0.0.1:{server.server_port}{site.path}"
        say.info(f"serving {site.folder} at {url} (Ctrl-C to stop)")
        if open_browser:
            webbrowser.open(url)
        rebuilds.run(changes, stop, watchers)
    except KeyboardInterrupt:
        say.info("stopped")
    finally:
        stop.set()
        status.stop()
        if serving.is_alive():  # shutdown() would wait for ever for a server that never started
            server.shutdown()
        server.server_close()
        if watchers is not None:
            watchers.close()
    return 0


def base_path(base_url: str) -> str:
    """The path the site is served under: base_url's path ('/mirror/'), or '/' without a base_url."""
    path = urlsplit(base_url).path or "/"
    return path if path.endswith("/") else path + "/"


def attempt(config: Config, session: BuildSession) -> Outcome:
    """One build; whatever goes wrong becomes lines to show, never an exception that would stop the server."""
    from generator.output.writer import OutputError
    from generator.render.templates import TemplateError
    try:
        result = run_build(config, session=session)
    except (ConfigError, TemplateError, OutputError) as e:
        return Outcome(False, tuple(str(e).splitlines()))
    except OSError as e:
        return Outcome(False, (f"{e.filename2 or e.filename or 'build'}: {e.strerror or e}",))
    except Exception as e:  # a bug in the build: the preview stays up with the last good site
        return Outcome(False, (f"build failed: {type(e).__name__}: {e}",))
    stages = ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.stages)
    return Outcome(True, tuple(str(p) for p in result.problems), _summary(result), f"stages: {stages}")


class _Rebuilds:
    """The one thread that builds. A build is shown to open pages (they reload) when it made a site and brought
    no problem the last shown build did not have; otherwise pages keep what they show, under an overlay."""

    def __init__(self, config: Config, session: BuildSession, status: Status, say: Say,
                 reload_config: Callable[[], Config] | None, config_file: Path | None) -> None:
        self.config, self.session, self.status, self.say = config, session, status, say
        self.reload_config, self.config_file = reload_config, config_file
        self.shown: frozenset[str] | None = None  # problems of the build pages show; None before the first
        self.told: frozenset[str] = frozenset()  # problems already printed
        self.builds = 0

    def run(self, changes: queue.Queue[set[str]], stop: threading.Event, watchers: watch.Watchers) -> None:
        while not stop.is_set():
            try:
                changed = changes.get(timeout=0.2)
            except queue.Empty:
                continue
            while not changes.empty():  # edits made during the last build: one build for all of them
                changed |= changes.get_nowait()
            if self._config_changed(changed) and not self._read_config():
                continue
            watchers.refresh()  # before the build, so that an edit it does not see starts another
            self.build()

    def build(self) -> None:
        started = time.perf_counter()
        outcome = attempt(self.config, self.session)
        seconds = time.perf_counter() - started
        for line in outcome.errors:
            if line not in self.told:
                self.say.problem(line)
        self.told = frozenset(outcome.errors)
        if outcome.built and (self.shown is None or self.told <= self.shown):
            self.shown, self.builds = self.told, self.builds + 1
            self.status.publish(State(_build_id(self.builds), outcome.errors))
            standing = f" ({len(outcome.errors)} problem(s) above)" if outcome.errors else ""
            self.say.info(f"built in {seconds:.2f} s: {outcome.summary}{standing}")
            self.say.detail(outcome.stages)
        else:
            self.status.publish(State(self.status.current().build, outcome.errors))
            self.say.problem("open pages keep the last good build until the edit is fixed")

    def _config_changed(self, changed: set[str]) -> bool:
        return (self.reload_config is not None and self.config_file is not None
                and str(self.config_file.resolve()) in changed)

    def _read_config(self) -> bool:
        assert self.reload_config is not None and self.config_file is not None
        try:
            new = self.reload_config()
        except ConfigError as e:
            errors = tuple(str(e).splitlines())
            for line in errors:
                self.say.problem(line)
            self.told = frozenset(errors)
            self.status.publish(State(self.status.current().build, errors))
            return False
        if new.paths != self.config.paths or base_path(new.site.base_url) != base_path(self.config.site.base_url):
            self.say.problem(f"{self.config_file}: [paths] and the path of site.base_url take effect when serve "
                             f"starts again; the other settings take effect now")
            new = dataclasses.replace(new, paths=self.config.paths, root=self.config.root,
                                      site=dataclasses.replace(new.site, base_url=self.config.site.base_url))
        self.config = new
        return True


def _watched(config: Config, config_file: Path | None) -> watch.Watched:
    return watch.watched_for(config.path("content"), config.path("templates"), config.path("static"),
                             config.path("output"), config_file)


def _build_id(count: int) -> str:
    # With the pid, pages left open across a restart of the server reload too.
    return f"{os.getpid()}.{count}"


def _summary(result: BuildResult) -> str:
    if result.unchanged:
        return "nothing changed"
    return f"{result.rendered} outputs made, {result.written} files written, {result.removed} removed"


class Terminal:
    """What serve prints when the caller gives no printer of its own."""

    def __init__(self, verbose: bool = False) -> None:
        self.verbose = verbose

    def info(self, line: str) -> None:
        print(line, flush=True)

    def detail(self, line: str) -> None:
        if self.verbose:
            print(line, flush=True)

    def problem(self, line: str) -> None:
        print(f"newsmirror: {line}", file=sys.stderr, flush=True)
