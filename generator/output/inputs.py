"""The build's inputs: every file whose bytes can change the site, listed and stat'ed without being read.

They are the posts, terms.yaml, the templates and static files, the mirrored media and their manifest
(content/media/), and the code that turns them into pages: the
generator's own modules and the libraries that shape its output. Listing and stat'ing ten thousand files
takes a few hundredths of a second, which is what lets a build in which nothing changed stop before it reads
any of them. This module imports nothing heavy for the same reason.
"""

from __future__ import annotations

import dataclasses
import importlib.util
import os
import sys
import unicodedata
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from pathlib import Path

import generator
from generator.config import Config
from generator.default_theme import theme_dir
from generator.output.assets import media_files, static_files
from generator.output.build_cache import Stamp, Stat, stat_of
from generator.output.digest import of_values
from generator.output.writer import FileStat
from generator.store.files import post_file_names
from generator.store.media import MANIFEST, MEDIA_DIR

TERMS_FILE = "terms.yaml"
LABELS_FILE = "labels.yaml"  # store/labels.py, which imports PyYAML: a build that stops early never needs it
# Libraries whose code shapes the output; a new version of one may change every page. Their package's
# __init__ (which names the version in most of them) stands for the whole package.
LIBRARIES = ("markdown_it", "markdown_it_pyrs", "mdit_py_plugins", "jinja2", "markupsafe", "pygments", "yaml",
             "frontmatter", "nh3", "babel")


@dataclass(frozen=True)
class Inputs:
    content: Path
    posts: tuple[str, ...]  # sorted; strings, as ten thousand Path objects take a tenth of a second
    terms: Path  # may not exist
    labels: Path  # labels.yaml; may not exist
    templates: dict[str, Path]  # template name -> file, hidden ones too; the user's over the theme's
    static: dict[str, Path]  # path in the site -> file; the user's over the theme's, then the mirrored media
    code: tuple[Path, ...]
    media: Path  # the manifest of the mirrored media (store/media.py); may not exist
    unlisted: tuple[tuple[str, str], ...] = ()  # (folder, why) of each type's folder that could not be listed

    def files(self) -> list[str]:
        """Every input, in a fixed order."""
        others = [self.terms, self.labels, self.media, *self.templates.values(), *self.static.values(), *self.code]
        return [*self.posts, *map(str, others)]


def runtime() -> tuple[str, tuple[int, int], str]:
    """The Python that runs the build, which shapes the output as the libraries do: its Unicode tables fold and
    split the search index's words and order names, and its standard library parses URLs. Not a file a build
    can stat: the configuration's key names it (so the scan's stamp and output/edits.py see it change) and
    so does the code key (keys.code_key), which every cache's key holds."""
    return sys.implementation.name, sys.version_info[:2], unicodedata.unidata_version


def config_key(config: Config) -> str:
    """Every setting that can change output, and the Python that runs the build (see runtime). Paths and jobs
    cannot: the same content built from another folder, into another folder or on more cores gives the same
    bytes."""
    build = dataclasses.asdict(config.build)
    del build["jobs"]
    taxonomies = None if config.taxonomies is None else [(t.name, t.label) for t in config.taxonomies]
    return of_values(dataclasses.asdict(config.site), build, taxonomies, config.changes.updates, config.words,
                     runtime())


def find_inputs(config: Config) -> Inputs:
    content = config.path("content")
    theme = theme_dir()
    unlisted: list[tuple[str, str]] = []
    posts = tuple(post_file_names(content, lambda folder, e: unlisted.append((folder, e.strerror or str(e)))))
    return Inputs(
        content=content,
        posts=posts,
        terms=content / TERMS_FILE,
        labels=content / LABELS_FILE,
        templates=dict(static_files(config.path("templates"), theme / "templates", hidden=True)),
        static={**dict(static_files(config.path("static"), theme / "static")), **dict(media_files(content))},
        code=code_files(),
        media=content / MEDIA_DIR / MANIFEST,
        unlisted=tuple(unlisted),
    )


def code_files() -> tuple[Path, ...]:
    package = Path(generator.__file__).parent
    own = sorted([*package.rglob("*.py"), *package.glob("language/catalogues/*.toml")])  # the words too
    libraries = []
    for name in LIBRARIES:
        spec = importlib.util.find_spec(name)
        if spec is not None and spec.origin:
            libraries.append(Path(spec.origin))
    return (*own, *libraries)


def stats(paths: list[str]) -> list[Stat | None]:
    """Each file's stat, or None when it does not exist (or is not a regular file)."""
    found: list[Stat | None] = []
    for path in paths:
        try:
            result = os.stat(path)
        except OSError:
            found.append(None)
            continue
        found.append(stat_of(result) if _is_file(result) else None)
    return found


def _is_file(result: os.stat_result) -> bool:
    return (result.st_mode & 0o170000) == 0o100000


@dataclass(frozen=True)
class Scan:
    """Every input and output file stat'ed, and the stamp they make together."""

    inputs: Inputs
    stats: list[Stat | None]  # of inputs.files(), in that order
    output: str  # the output folder, absolute
    pages: tuple[str, ...]  # the site's files as the last build's stamp lists them
    found: list[FileStat | None]  # the stat of each of those files now, in the same order
    folder_names: list[str]  # folders_of(pages)
    folders: list[int | None]  # the mtime of each of those folders now, in the same order
    stamp: str


def scan(config: Config, inputs: Inputs, last: Stamp | None, live: Path,
         live_sentinel: tuple[int, int] | None) -> Scan:
    output = os.path.abspath(live)
    pages = last.pages if last is not None and last.output == output else ()
    found = output_stats(output, pages)
    names = folders_of(pages)
    folders = folder_mtimes(output, names)
    input_stats = stats(inputs.files())
    stamp = make_stamp(config, inputs, input_stats, output, pages, found, folders, live_sentinel)
    return Scan(inputs, input_stats, output, pages, found, names, folders, stamp)


def output_stats(output: str, paths: Iterable[str]) -> list[FileStat | None]:
    found: list[FileStat | None] = []
    for path in paths:
        try:
            result = os.stat(f"{output}/{path}")
        except OSError:
            found.append(None)
            continue
        found.append((result.st_size, result.st_mtime_ns, result.st_ino))
    return found


def folders_of(paths: Iterable[str]) -> list[str]:
    """The site's root ("") and every folder that holds one of `paths`, sorted."""
    folders = {""}
    for path in paths:
        end = path.rfind("/")
        while end > 0 and path[:end] not in folders:
            folders.add(path[:end])
            end = path.rfind("/", 0, end)
    return sorted(folders)


def folder_mtimes(output: str, folders: Iterable[str]) -> list[int | None]:
    """A folder's mtime changes when a file is added to it or removed from it, by hand or not."""
    found: list[int | None] = []
    for folder in folders:
        try:
            found.append(os.stat(f"{output}/{folder}").st_mtime_ns)
        except OSError:
            found.append(None)
    return found


def known_mtimes(output: str, folders: Sequence[str], known: dict[str, int]) -> list[int | None]:
    """folder_mtimes, each folder in `known` taken from there rather than stat'ed."""
    missing = [folder for folder in folders if folder not in known]
    found = dict(zip(missing, folder_mtimes(output, missing)))
    return [known[folder] if folder in known else found[folder] for folder in folders]


def make_stamp(config: Config, inputs: Inputs, input_stats: list[Stat | None], output: str, pages: Sequence[str],
               found: list[FileStat | None], folders: list[int | None],
               live_sentinel: tuple[int, int] | None) -> str:
    """Equal stamps mean that no input and no output file changed since the build that recorded one."""
    return of_values(config_key(config), output, inputs.files(), input_stats, list(pages), found, folders,
                     live_sentinel)
