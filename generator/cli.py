"""The newsmirror command: parses arguments, runs a pipeline, prints one line per problem.

Exit codes: 0 all done; 1 some items failed (the others were processed); 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
import time
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING, NoReturn

from generator import __version__
from generator.builder import run_build
from generator.config import DEFAULT_FILE, Config, ConfigError, SourceConfig, load_config
from generator.launch import INTERRUPTED
from generator.output.writer import OutputError
from generator.problems import Problem, told
from generator.render.templates import TemplateError
from generator.store.files import write_atomic

if TYPE_CHECKING:  # the HTTP stack is loaded only by the commands that use it
    from generator.sources.http import Politeness

OK, ITEMS_FAILED, USAGE = 0, 1, 2
SIGPIPE_EXIT = 141  # as a shell reports a command that a closed pipe ended (128 + SIGPIPE)


def main(argv: Sequence[str] | None = None, held: list[object] | None = None) -> int:
    """Runs one command; with `held`, the build holds what it made there rather than freeing it (see run)."""
    args = _parser().parse_args(argv)
    args.held = held
    # Global options may come before or after the command; absent ones are simply not set.
    say = _Printer(getattr(args, "quiet", False), getattr(args, "verbose", False))
    try:
        return args.run(args, say)
    except (ConfigError, TemplateError, OutputError) as e:
        for line in str(e).splitlines():
            print(f"newsmirror: error: {line}", file=sys.stderr)
        return USAGE
    except BrokenPipeError:  # the reader went away (`newsmirror check | head`): nothing is wrong to say
        os.dup2(os.open(os.devnull, os.O_WRONLY), sys.stdout.fileno())  # so the exit's flush does not fail too
        return SIGPIPE_EXIT
    except OSError as e:  # a folder where a file belongs, a full disk, no permission
        name = e.filename2 or e.filename  # none for a write to a file already open
        print(f"newsmirror: error: {f'{name}: ' if name else ''}{e.strerror or e}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("newsmirror: interrupted", file=sys.stderr)
        return INTERRUPTED


def run() -> NoReturn:
    """The `newsmirror` command: main, then an exit that frees nothing, as mypy's fast_exit does. A build of
    10,000 posts holds a million objects, and freeing them one by one took a tenth of a rebuild after one
    edit. Nothing is left to do at exit but to write out what was printed: files are written and closed,
    and worker processes have ended, by then. Under a profiler or a tracer (cProfile, coverage), which write
    their data at exit, the exit is the usual one."""
    if _observed():
        sys.exit(main())
    held: list[object] = []  # here, so that it lives until the exit
    code = main(held=held)
    os._exit(_flushed(code))


def _observed() -> bool:
    """Whether a profiler or tracer watches this process: by the old hooks, or, since Python 3.12 (whose cProfile
    sets no hook), as a tool of sys.monitoring."""
    monitoring = getattr(sys, "monitoring", None)
    return (sys.getprofile() is not None or sys.gettrace() is not None
            or (monitoring is not None and any(monitoring.get_tool(tool) for tool in range(6))))


def _flushed(code: int) -> int:
    """`code` once what was printed is written out, or 120 (Python's own exit status then) with a line
    saying why it could not be, as on a full disk; a reader that went away (a pipe into head) is no error."""
    for stream in (sys.stdout, sys.stderr):
        try:
            if stream is not None:  # None: the descriptor was closed when the command started
                stream.flush()
        except BrokenPipeError:
            pass
        except (OSError, ValueError) as e:
            code = code or 120
            try:
                name = getattr(stream, "name", "output")
                os.write(2, f"newsmirror: error: {name}: {getattr(e, 'strerror', None) or e}\n".encode())
            except OSError:
                pass
    return code


def _parser() -> argparse.ArgumentParser:
    common = argparse.ArgumentParser(add_help=False)
    common.add_argument("--config", type=Path, metavar="PATH", default=argparse.SUPPRESS,
                        help="configuration file (default: ./newsmirror.toml when present, else built-in defaults)")
    common.add_argument("-q", "--quiet", action="store_true", default=argparse.SUPPRESS,
                        help="print only problems")
    common.add_argument("-v", "--verbose", action="store_true", default=argparse.SUPPRESS,
                        help="also print every file written")
    parser = argparse.ArgumentParser(
        prog="newsmirror", parents=[common],
        description="Turn WordPress REST API content into a static news mirror that reads offline.")
    parser.add_argument("--version", action="version", version=f"newsmirror {__version__}")
    commands = parser.add_subparsers(title="commands", metavar="COMMAND", required=True,
                                     help="run `newsmirror COMMAND --help` for its options")
    for add in (_import_parser, _sync_parser, _changes_parser, _build_parser, _serve_parser, _check_parser, _bundle_parser):
        add(commands, common)
    return parser


def _import_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = commands.add_parser(
        "import", parents=[common], help="import saved WordPress content (REST JSON, exports, database dumps) into "
                                         "content/",
        description="Import saved WordPress content as one Markdown file per post under the content folder: "
                    "REST API v2 JSON (one object or a list per file), WordPress exports (WXR, *.xml) and "
                    "database dumps (*.sql, *.sql.gz, .bz2 or .xz, wp_posts.csv); folders are searched for them.")
    imp.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                     help="a saved REST response (.json), an export (.xml), a database dump (.sql), or a folder "
                          "of them")
    imp.add_argument("--content", type=Path, metavar="DIR",
                     help="content folder to write (default: paths.content from the configuration)")
    imp.add_argument("--status", default="publish", metavar="LIST",
                     help="comma-separated post statuses to import (default: publish), e.g. publish,private")
    imp.add_argument("--types", default="", metavar="LIST",
                     help="comma-separated post types to import (default: every type the input holds), "
                          "e.g. post,news-archive")
    imp.add_argument("--prune", action="store_true",
                     help="delete posts of the imported types that this import no longer contains")
    imp.add_argument("--report", type=Path, metavar="FILE",
                     help="write what was dropped or approximated, per post, as JSON to FILE")
    imp.add_argument("--site", metavar="URL",
                     help="the site's address, for saved posts whose links lack their host "
                          "(default: import.site from the configuration)")
    imp.add_argument("--media", action="store_true",
                     help="also mirror the posts' images into content/media/, from a media folder saved in "
                          "a SOURCE folder when it holds them, else from the web")
    imp.set_defaults(run=_import)


def _sync_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    sync = commands.add_parser(
        "sync", parents=[common], help="fetch posts from live WordPress sites into content/",
        description="Fetch what changed on live WordPress sites through their REST API and import it "
                    "into the content folder as `import` would; posts removed upstream are kept, marked removed.")
    sync.add_argument("sources", nargs="*", metavar="SOURCE",
                      help="a site URL, a REST collection URL such as https://example.org/wp-json/wp/v2/news-archive, "
                           "or the name of a [[sources]] entry (default: every configured source)")
    sync.add_argument("--content", type=Path, metavar="DIR",
                      help="content folder to write (default: paths.content from the configuration)")
    sync.add_argument("--dry-run", action="store_true",
                      help="list what would be added, updated and removed, and write nothing")
    sync.add_argument("--full", action="store_true",
                      help="list every post of the sources, not only those modified since the last sync: catches "
                           "a post deleted while an old-dated one was added, which leave the count unchanged; and "
                           "ask again for the images that failed for good in an earlier sync")
    sync.add_argument("--no-media", action="store_true",
                      help="leave images on the source site instead of mirroring them into content/media/")
    sync.add_argument("--prune", action="store_true",
                      help="delete posts removed upstream (by default they are kept and marked removed)")
    sync.set_defaults(run=_sync)


def _changes_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    changes = commands.add_parser(
        "changes", parents=[common], help="what imports and syncs saw change upstream",
        description="Report content/changes.yaml: posts added, updated (with a word diff of titles and "
                    "paragraphs), renamed, removed upstream and restored, newest run first.")
    changes.add_argument("--since", metavar="DATE", help="only runs on or after this UTC date (YYYY-MM-DD)")
    changes.add_argument("--content", type=Path, metavar="DIR",
                         help="content folder to read (default: paths.content)")
    changes.add_argument("--format", choices=["text", "json"], default="text",
                         help="text for people (colour on a terminal unless NO_COLOR), json for tools")
    changes.set_defaults(run=_changes)


def _build_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    build = commands.add_parser(
        "build", parents=[common], help="build the static site from content/",
        description="Build the site from the content folder, templates and static files.")
    build.add_argument("--content", type=Path, metavar="DIR",
                       help="content folder to read (default: paths.content)")
    build.add_argument("--out", type=Path, metavar="DIR",
                       help="output folder, replaced as a whole (default: paths.output)")
    build.add_argument("--base-url", metavar="URL",
                       help="absolute URL the site is published at, e.g. https://user.github.io/repo/")
    build.set_defaults(run=_build)


def _serve_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    serve = commands.add_parser(
        "serve", parents=[common], help="preview the site on 127.0.0.1, rebuilt and reloaded as you edit",
        description="Build the site and serve it on 127.0.0.1 under the path of site.base_url; rebuild it and "
                    "reload open pages when the content, templates, static files or configuration change.")
    serve.add_argument("--port", type=int, default=8000, metavar="N",
                       help="port on 127.0.0.1 (default: 8000; 0 picks a free one)")
    serve.add_argument("--open", action="store_true", help="open the site in the default browser")
    serve.add_argument("--content", type=Path, metavar="DIR",
                       help="content folder to read (default: paths.content)")
    serve.add_argument("--out", type=Path, metavar="DIR",
                       help="output folder, replaced as a whole (default: paths.output)")
    serve.add_argument("--base-url", metavar="URL",
                       help="absolute URL the site is published at; its path is served")
    serve.set_defaults(run=_serve)


def _check_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check", parents=[common], help="check that a built site reads offline from file://",
        description="Check a built site: every internal link and fragment resolves to a file, nothing "
                    "loads from the network, no link starts with '/', feeds and sitemap are well-formed "
                    "XML, and every page has a title and a language. Prints a numbered list of problems.")
    check.add_argument("site", nargs="?", type=Path, metavar="SITE",
                       help="the built site folder (default: paths.output from the configuration)")
    check.set_defaults(run=_check)


def _bundle_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    bundle = commands.add_parser(
        "bundle", parents=[common], help="build if needed, then write the site as one zip to read offline",
        description="Build the site if anything changed, then write it to FILE as a zip that, unpacked "
                    "anywhere, opens from index.html in one folder named after FILE. The same site always "
                    "gives the same bytes; entries are dated SOURCE_DATE_EPOCH when it is set, else 1980-01-01.")
    bundle.add_argument("file", type=Path, metavar="FILE",
                        help="the zip to write, e.g. mirror.zip (holding mirror/index.html); replaced whole")
    bundle.add_argument("--content", type=Path, metavar="DIR",
                        help="content folder to read (default: paths.content)")
    bundle.add_argument("--out", type=Path, metavar="DIR",
                        help="output folder to build and bundle (default: paths.output)")
    bundle.set_defaults(run=_bundle)


def _config(args: argparse.Namespace):
    overrides: dict[str, dict[str, object]] = {}
    if getattr(args, "content", None):
        overrides.setdefault("paths", {})["content"] = str(Path(args.content).resolve())
    if getattr(args, "out", None):
        overrides.setdefault("paths", {})["output"] = str(Path(args.out).resolve())
    if getattr(args, "base_url", None) is not None:
        overrides.setdefault("site", {})["base_url"] = args.base_url
    if getattr(args, "site", None) is not None:
        overrides.setdefault("import", {})["site"] = args.site
    return load_config(getattr(args, "config", None), overrides)


def _listed(value: str) -> frozenset[str]:
    """The names of a comma-separated option (`--status publish,private`)."""
    return frozenset(name.strip() for name in value.split(",") if name.strip())


def _given_language(config: Config) -> str:
    """[site] language, or "" when the configuration names none: the import then takes the site's own."""
    return config.site.language if "language" in config.site_given else ""


def _not_found(source: Path) -> str:
    # A Path keeps one slash of `https://`: the address is given back as typed.
    if str(source).lower().startswith(("http:/", "https:/")):
        url = str(source).replace(":/", "://", 1)
        return f"{url}: a web address, not a saved file or folder; `newsmirror sync {url}` fetches a live site"
    return f"{source}: no such file or folder"


def _import(args: argparse.Namespace, say: _Printer) -> int:
    # Imported here, as for _check: a build, which often has little to do, never loads the HTML converters.
    from generator.import_report import import_summary, loss_report_json
    from generator.importer import ImportOptions, run_import
    missing = [_not_found(s) for s in args.sources if not s.exists()]
    if args.report and args.report.is_dir():
        missing.append(f"--report {args.report}: is a folder; give a file name")
    if missing:
        raise ConfigError("import", missing)
    config = _config(args)
    options = ImportOptions(statuses=_listed(args.status), types=_listed(args.types),
                            prune=args.prune, keep_keyword_links=config.imports.keep_keyword_links,
                            site=config.imports.site, language=_given_language(config), words=config.words,
                            now=_run_time(), history=config.changes.history,
                            revisions=config.changes.revisions)
    result = run_import(args.sources, config.path("content"), options, say.progress)
    say.end_progress()
    for post in result.posts:
        if post.action != "unchanged":
            say.detail(f"{post.action} {post.path}")
    for line in result.skipped:
        say.detail(f"skipped {line}")
    for line in import_summary(result, config.paths.content):
        say.info(line)
    if args.report:
        write_atomic(args.report, loss_report_json(result).encode("utf-8"))
    if args.media:  # with --prune the input is the whole site: its mirror is made of every post, and the rest goes
        posts = None if args.prune else [p.path for p in result.posts]
        result.problems.extend(_import_media(args.sources, config, posts, say))
    return _finish(result.problems, say)


def _import_media(sources: list[Path], config: Config, posts: list[str] | None, say: _Printer) -> list[Problem]:
    from generator.media_mirror import MediaSettings, media_summary, mirror_media
    from generator.sources.http import Client
    from generator.sources.media_fetch import client_fetcher, folder_fetcher
    from urllib.parse import urlsplit
    settings = MediaSettings(config.media.max_width, config.media.max_bytes)
    content = config.path("content")
    # Images on a private address only from the configured sites: a saved crawl's text is not the user's.
    own = {urlsplit(s.url).hostname or "" for s in config.sources} - {""}
    with Client(_politeness(config)) as client:
        fetch = folder_fetcher([s for s in sources if s.is_dir()],
                               client_fetcher(client, settings.max_bytes, own_hosts=own), settings.max_bytes)
        media = mirror_media(content, fetch, settings, files=None if posts is None else [content / p for p in posts],
                             progress=say.progress)
    say.end_progress()
    say.info(media_summary(media))
    return media.problems


def _sync(args: argparse.Namespace, say: _Printer) -> int:
    from generator.media_mirror import MediaSettings
    from generator.sync import SyncOptions, run_sync, sync_summary
    config = _config(args)
    sources = _chosen_sources(args.sources, config.sources)
    politeness = _politeness(config)
    media = None if args.no_media else MediaSettings(config.media.max_width, config.media.max_bytes)
    options = SyncOptions(dry_run=args.dry_run, full=args.full, keep_keyword_links=config.imports.keep_keyword_links,
                          language=_given_language(config), words=config.words,
                          politeness=politeness, progress=say.progress, media=media, prune=args.prune,
                          now=_run_time(), history=config.changes.history, revisions=config.changes.revisions)
    result = run_sync(sources, config.path("content"), options)
    say.end_progress()
    for source in result.sources:
        for post in source.imported.posts if source.imported else []:
            if post.action != "unchanged":
                say.detail(f"{source.name}: {post.action} {post.path}")
    for line in sync_summary(result, args.dry_run):
        say.info(line)
    return _finish(result.problems, say)


def _run_time() -> str:
    """When this import or sync ran, as its change log records it: SOURCE_DATE_EPOCH when set."""
    from generator.bundle import source_date_epoch
    from generator.import_result import run_time
    return run_time(source_date_epoch(os.environ), time.time())


def _changes(args: argparse.Namespace, say: _Printer) -> int:
    from generator.changes_report import parse_since, report, use_colour
    from generator.store.history import HistoryError
    config = _config(args)
    try:
        since = parse_since(args.since) if args.since else None
        text = report(config.path("content"), since, args.format, use_colour(sys.stdout.isatty(), os.environ))
    except (ValueError, HistoryError) as e:
        raise ConfigError("changes", [str(e)]) from None
    sys.stdout.write(text)
    return OK


def _politeness(config: Config) -> Politeness:
    """How import's media step and sync press on a site: `[sync]` of the configuration."""
    from generator.sources.http import Politeness
    return Politeness(min_interval=config.sync.request_interval, timeout=config.sync.timeout,
                      retries=config.sync.retries)


def _chosen_sources(given: list[str], configured: tuple[SourceConfig, ...]) -> list[SourceConfig]:
    """Sources named on the command line (a configured name, or a URL), else every configured one."""
    from generator.sync import source_from_url
    by_name = {s.name: s for s in configured}
    by_url = {s.url: s for s in configured}
    chosen, problems = [], []
    for value in given:
        if value in by_name or value in by_url:
            chosen.append(by_name.get(value) or by_url[value])
            continue
        try:
            chosen.append(source_from_url(value))
        except ValueError as e:
            known = ", ".join(by_name) or "none"
            problems.append(f"{value}: {e}" if "://" in value else
                            f"{value}: no [[sources]] entry has this name (configured: {known}), and {e}")
    if not given and not configured:
        problems.append("no source: give a site URL, or add [[sources]] to newsmirror.toml")
    if problems:
        raise ConfigError("sync", problems)
    return chosen or list(configured)


def _build(args: argparse.Namespace, say: _Printer) -> int:
    config = _config(args)
    result = run_build(config, say.progress, hold=getattr(args, "held", None))
    say.end_progress()
    out = config.path("output")
    if result.unchanged:
        say.info(f"nothing changed: {result.pages} pages from {result.posts} posts in {out}")
    else:
        say.info(f"built {result.pages} pages from {result.posts} posts in {out}: {result.written} files "
                 f"written, {result.kept} unchanged, {result.removed} removed")
    say.detail("stages: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.stages))
    for warning in result.warnings:
        say.problem(f"warning: {warning}")
    return _finish(result.problems, say)


def _serve(args: argparse.Namespace, say: _Printer) -> int:
    from generator.serve import serve  # the HTTP server and the watcher are loaded by this command only
    given = getattr(args, "config", None)
    config_file = given or (Path(DEFAULT_FILE) if Path(DEFAULT_FILE).is_file() else None)
    return serve(_config(args), args.port, args.open, say=say, reload_config=lambda: _config(args),
                 config_file=config_file)


def _bundle(args: argparse.Namespace, say: _Printer) -> int:
    from generator.bundle import check_target, source_date_epoch, write_bundle
    out = _config(args).path("output")
    check_target(out, args.file)  # before the build: a mistyped FILE fails at once, with nothing changed
    epoch = source_date_epoch(os.environ)
    status = _build(args, say)  # a build with problems still made a site: it is bundled, and the exit is 1
    result = write_bundle(out, args.file, epoch)
    say.info(f"wrote {result.path}: {result.files} files, {_size(result.size)} ({_size(result.site_size)} unpacked)")
    return status


def _size(size: int) -> str:
    return f"{size / 1_000_000:,.1f} MB" if size >= 1_000_000 else f"{size / 1_000:,.0f} kB"


def _check(args: argparse.Namespace, say: _Printer) -> int:
    from generator.check import check_site
    site = args.site or _config(args).path("output")
    if not site.is_dir():
        why = "a file, not a site's folder" if site.exists() else "no such folder; build the site first"
        raise ConfigError("check", [f"{site}: {why}"])
    problems = check_site(site)
    for number, problem in enumerate(problems, start=1):
        print(f"{number}. {problem}")
    pages = sum(1 for _ in site.rglob("*.html"))
    say.info(f"checked {pages} pages in {site}: " + (f"{len(problems)} problems" if problems else "OK"))
    return ITEMS_FAILED if problems else OK


def _finish(problems: list[Problem], say: _Printer) -> int:
    """Prints the problems; many alike are summed up, but with --verbose."""
    lines = [str(p) for p in problems] if say.verbose else told(problems, "--verbose lists them all")
    for line in lines:
        say.problem(line)
    if problems:
        say.problem(f"{len(problems)} problem(s); everything else was processed")
        return ITEMS_FAILED
    return OK


class _Printer:
    """Summaries to stdout unless --quiet; problems always to stderr; a progress bar (counts and time
    left) only on a terminal, never in CI, in a pipe or with --quiet."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        self.quiet, self.verbose = quiet, verbose and not quiet
        self.live = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self._bar = None

    def progress(self, stage: str, done: int, total: int) -> None:
        if not self.live:
            return
        if self._bar is None or self._bar.desc != stage or self._bar.total != total:
            from tqdm import tqdm  # loaded only when a bar is drawn
            self.end_progress()
            self._bar = tqdm(total=total, desc=stage, unit="", file=sys.stderr, leave=False, dynamic_ncols=True)
        self._bar.update(done - self._bar.n)

    def end_progress(self) -> None:
        if self._bar is not None:
            self._bar.close()
            self._bar = None

    def info(self, line: str) -> None:
        if not self.quiet:
            print(line)

    def detail(self, line: str) -> None:
        if self.verbose:
            print(line)

    def problem(self, line: str) -> None:
        print(f"newsmirror: {line}", file=sys.stderr)
