"""The newsmirror command: parses arguments, runs a pipeline, prints one line per problem.

Exit codes: 0 all done; 1 some items failed (the others were processed); 2 usage or configuration error.
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path

from generator import __version__
from generator.builder import run_build
from generator.config import ConfigError, load_config
from generator.output.writer import OutputError
from generator.problems import Problem
from generator.render.templates import TemplateError
from generator.store.files import write_atomic

OK, ITEMS_FAILED, USAGE = 0, 1, 2


def main(argv: Sequence[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    # Global options may come before or after the command; absent ones are simply not set.
    say = _Printer(getattr(args, "quiet", False), getattr(args, "verbose", False))
    try:
        return args.run(args, say)
    except (ConfigError, TemplateError, OutputError) as e:
        for line in str(e).splitlines():
            print(f"newsmirror: error: {line}", file=sys.stderr)
        return USAGE
    except OSError as e:  # a folder where a file belongs, a full disk, no permission
        print(f"newsmirror: error: {e.filename2 or e.filename or ''}: {e.strerror or e}", file=sys.stderr)
        return USAGE
    except KeyboardInterrupt:
        print("newsmirror: interrupted", file=sys.stderr)
        return 130


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
    for add in (_import_parser, _build_parser, _check_parser):
        add(commands, common)
    return parser


def _import_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    imp = commands.add_parser(
        "import", parents=[common], help="import saved WordPress REST JSON into content/",
        description="Import WordPress REST API v2 JSON (one object or a list per file; folders are "
                    "searched for *.json) as one Markdown file per post under the content folder.")
    imp.add_argument("sources", nargs="+", type=Path, metavar="SOURCE",
                     help="a saved REST response (.json) or a folder of them")
    imp.add_argument("--content", type=Path, metavar="DIR",
                     help="content folder to write (default: paths.content from the configuration)")
    imp.add_argument("--status", default="publish", metavar="LIST",
                     help="comma-separated post statuses to import (default: publish), e.g. publish,private")
    imp.add_argument("--prune", action="store_true",
                     help="delete posts of the imported types that this import no longer contains")
    imp.add_argument("--report", type=Path, metavar="FILE",
                     help="write what was dropped or approximated, per post, as JSON to FILE")
    imp.set_defaults(run=_import)


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


def _check_parser(commands: argparse._SubParsersAction, common: argparse.ArgumentParser) -> None:
    check = commands.add_parser(
        "check", parents=[common], help="check that a built site reads offline from file://",
        description="Check a built site: every internal link and fragment resolves to a file, nothing "
                    "loads from the network, no link starts with '/', feeds and sitemap are well-formed "
                    "XML, and every page has a title and a language. Prints a numbered list of problems.")
    check.add_argument("site", nargs="?", type=Path, metavar="SITE",
                       help="the built site folder (default: paths.output from the configuration)")
    check.set_defaults(run=_check)


def _config(args: argparse.Namespace):
    overrides: dict[str, dict[str, object]] = {}
    if getattr(args, "content", None):
        overrides.setdefault("paths", {})["content"] = str(Path(args.content).resolve())
    if getattr(args, "out", None):
        overrides.setdefault("paths", {})["output"] = str(Path(args.out).resolve())
    if getattr(args, "base_url", None) is not None:
        overrides.setdefault("site", {})["base_url"] = args.base_url
    return load_config(getattr(args, "config", None), overrides)


def _import(args: argparse.Namespace, say: _Printer) -> int:
    # Imported here, as for _check: a build, which often has little to do, never loads the HTML converters.
    from generator.import_report import import_summary, loss_report_json
    from generator.importer import ImportOptions, run_import
    missing = [f"{s}: no such file or folder" for s in args.sources if not s.exists()]
    if args.report and args.report.is_dir():
        missing.append(f"--report {args.report}: is a folder; give a file name")
    if missing:
        raise ConfigError("import", missing)
    config = _config(args)
    options = ImportOptions(statuses=frozenset(s.strip() for s in args.status.split(",") if s.strip()),
                            prune=args.prune, keep_keyword_links=config.imports.keep_keyword_links)
    result = run_import(args.sources, config.path("content"), options)
    for post in result.posts:
        if post.action != "unchanged":
            say.detail(f"{post.action} {post.path}")
    for line in result.skipped:
        say.detail(f"skipped {line}")
    for line in import_summary(result):
        say.info(line)
    if args.report:
        write_atomic(args.report, loss_report_json(result).encode("utf-8"))
    return _finish(result.problems, say)


def _build(args: argparse.Namespace, say: _Printer) -> int:
    config = _config(args)
    result = run_build(config, say.progress)
    say.end_progress()
    out = config.path("output")
    if result.unchanged:
        say.info(f"nothing changed: {result.pages} pages from {result.posts} posts in {out}")
    else:
        say.info(f"built {result.pages} pages from {result.posts} posts in {out}: {result.written} files "
                 f"written, {result.kept} unchanged, {result.removed} removed")
    say.detail("stages: " + ", ".join(f"{name} {seconds:.2f} s" for name, seconds in result.stages))
    return _finish(result.problems, say)


def _check(args: argparse.Namespace, say: _Printer) -> int:
    from generator.check import check_site
    site = args.site or _config(args).path("output")
    if not site.is_dir():
        raise ConfigError("check", [f"{site}: no such folder; build the site first"])
    problems = check_site(site)
    for number, problem in enumerate(problems, start=1):
        print(f"{number}. {problem}")
    pages = sum(1 for _ in site.rglob("*.html"))
    say.info(f"checked {pages} pages in {site}: " + (f"{len(problems)} problems" if problems else "OK"))
    return ITEMS_FAILED if problems else OK


def _finish(problems: list[Problem], say: _Printer) -> int:
    for problem in problems:
        say.problem(str(problem))
    if problems:
        say.problem(f"{len(problems)} problem(s); everything else was processed")
        return ITEMS_FAILED
    return OK


class _Printer:
    """Summaries to stdout unless --quiet; problems always to stderr; a progress line only on a
    terminal, never in CI or with --quiet."""

    def __init__(self, quiet: bool, verbose: bool) -> None:
        self.quiet, self.verbose = quiet, verbose and not quiet
        self.live = not quiet and sys.stderr.isatty() and not os.environ.get("CI")
        self._drawn = False

    def progress(self, stage: str, done: int, total: int) -> None:
        if self.live:
            print(f"\r{stage} {done}/{total}", end="", file=sys.stderr, flush=True)
            self._drawn = True

    def end_progress(self) -> None:
        if self._drawn:
            print(file=sys.stderr)
            self._drawn = False

    def info(self, line: str) -> None:
        if not self.quiet:
            print(line)

    def detail(self, line: str) -> None:
        if self.verbose:
            print(line)

    def problem(self, line: str) -> None:
        print(f"newsmirror: {line}", file=sys.stderr)
