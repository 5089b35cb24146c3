"""Configuration: newsmirror.toml read once, validated whole, frozen, passed down."""

from __future__ import annotations

import dataclasses
import datetime
import os
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

from generator.language.tags import TAG as LANGUAGE_TAG
from generator.language.words import Overrides, Words, problems as word_problems

DEFAULT_FILE = "newsmirror.toml"
# Most worker processes a build may start: each holds the site's model, and more workers than cores only cost
# memory; 100000 forked until the machine ran out of processes.
MAX_JOBS = 256


@dataclass(frozen=True)
class SiteConfig:
    title: str = "News mirror"
    description: str = "An offline mirror of curated news."
    language: str = "en"
    # Absolute URL the site is published at, may carry a subpath; "" means unknown, and then
    # nothing that needs absolute URLs (feeds, sitemap) is written.
    base_url: str = ""
    # Feed author when a post names none; "" means the site title.
    author: str = ""
    # Custom domain for GitHub Pages, written to CNAME; "" writes no CNAME.
    cname: str = ""


@dataclass(frozen=True)
class PathsConfig:
    content: str = "content"
    templates: str = "templates"
    static: str = "static"
    output: str = "site"


@dataclass(frozen=True)
class BuildConfig:
    posts_per_page: int = 10
    # First and last heading level listed in a post's table of contents.
    toc_levels: tuple[int, int] = (2, 4)
    # Newest posts in the site feed and in each term's feed.
    feed_entries: int = 20
    # Related posts shown under a post; 0 shows none.
    related_posts: int = 5
    # Worker processes that render pages; 0 means one per available core. The output is the same for any number.
    jobs: int = 0


@dataclass(frozen=True)
class ImportConfig:
    # Links that SEO plugins insert on keywords are unwrapped to text unless this is true.
    keep_keyword_links: bool = False
    # The site's address, for saved crawls whose links lack their host ("/2022/07/slug/"); "" if unknown.
    site: str = ""


@dataclass(frozen=True)
class SyncConfig:
    # Seconds between the starts of two requests to a site.
    request_interval: float = 0.5
    # Seconds to wait for a connection or for the next bytes of a response.
    timeout: float = 30.0
    # Further attempts after a 429, a 5xx or a dropped connection, waiting longer each time.
    retries: int = 4


@dataclass(frozen=True)
class MediaConfig:
    # Pixels: of an image's srcset candidates, the widest up to this one is mirrored.
    max_width: int = 1600
    # Bytes: a larger image is not mirrored and stays a link to the original.
    max_bytes: int = 20_000_000


@dataclass(frozen=True)
class ChangesConfig:
    # Imports and syncs kept in content/changes.yaml, the log `newsmirror changes` reports from.
    history: int = 50
    # Revisions kept in each post's `mirror:` block.
    revisions: int = 10
    # Entries on the site's Updates page and in its feed.
    updates: int = 200


@dataclass(frozen=True)
class SourceConfig:
    """One [[sources]] entry: a WordPress site or REST collection, and what to keep of it."""

    name: str
    url: str
    types: tuple[str, ...] = ()  # post types; none: the one a collection URL names, or every type of posts
    include: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (taxonomy, term slugs): posts with any of them
    exclude: tuple[tuple[str, tuple[str, ...]], ...] = ()  # (taxonomy, term slugs): posts with none of them
    after: str = ""  # ISO date or date-time: posts published after it
    before: str = ""
    search: str = ""  # WordPress's own search over title, excerpt and content
    ids: tuple[int, ...] = ()  # only these posts
    max_posts: int = 0  # the newest this many; 0 keeps all


@dataclass(frozen=True)
class Taxonomy:
    name: str
    label: str


@dataclass(frozen=True)
class Config:
    site: SiteConfig = field(default_factory=SiteConfig)
    paths: PathsConfig = field(default_factory=PathsConfig)
    build: BuildConfig = field(default_factory=BuildConfig)
    imports: ImportConfig = field(default_factory=ImportConfig)
    sync: SyncConfig = field(default_factory=SyncConfig)
    media: MediaConfig = field(default_factory=MediaConfig)
    changes: ChangesConfig = field(default_factory=ChangesConfig)
    sources: tuple[SourceConfig, ...] = ()
    # None publishes every taxonomy found in the content, with a label made from its name.
    taxonomies: tuple[Taxonomy, ...] | None = None
    # The site's own words over its language's, the theme's and the import's labels alike, by key of
    # generator/language/catalogues/en.toml; a plural table as pairs.
    words: Overrides = ()
    # Folder that relative paths are resolved against: the config file's folder.
    root: Path = Path(".")
    # The [site] keys the configuration gave; the others are defaults (see with_site_labels).
    site_given: frozenset[str] = frozenset()

    def path(self, name: str) -> Path:
        return self.root / getattr(self.paths, name)


def with_site_labels(config: Config, language: str, title: str = "", description: str = "") -> Config:
    """The configuration with the site's own language, title and tagline (content/labels.yaml, from its export,
    settings or posts) where [site] names none: its pages then say so, with their words, dates and direction in
    that language, and the title and description [site] does not give are the site's own, else the language's
    words."""
    own = {key: value for key, value in (("title", title), ("description", description))
           if value and key not in config.site_given}
    if language and "language" not in config.site_given and language != config.site.language:
        site = dataclasses.replace(config.site, language=language, title=SiteConfig.title,
                                   description=SiteConfig.description)
        given = {key: getattr(config.site, key) for key in ("title", "description") if key in config.site_given}
        config = dataclasses.replace(config, site=_site_words(dataclasses.replace(site, **given), given, config.words))
    return dataclasses.replace(config, site=dataclasses.replace(config.site, **own)) if own else config


class ConfigError(Exception):
    """Every problem with a configuration, each naming its key."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__("\n".join(f"{source}: {p}" for p in problems))
        self.problems = problems


SECTIONS = {"site": SiteConfig, "paths": PathsConfig, "build": BuildConfig, "import": ImportConfig,
            "sync": SyncConfig, "media": MediaConfig,
            "changes": ChangesConfig}
OTHER_KEYS = ("taxonomies", "sources", "words")
INPUT_FOLDERS = ("content", "templates", "static")  # the [paths] a build reads; `output` it writes
KNOWN_LABELS = ("category", "post_tag", "post", "page")  # WordPress's own: named in the theme's words
# Plugins' types and taxonomies, whose names make poor labels ("Product cat", "Tribe events cat"): WooCommerce's,
# The Events Calendar's and Jetpack's, as the plugins name them; in English, as labels made from names are.
PLUGIN_LABELS = {"product_cat": "Product categories", "product_tag": "Product tags", "product_brand": "Brands",
                 "tribe_events": "Events", "tribe_events_cat": "Event categories", "tribe_venue": "Venues",
                 "tribe_organizer": "Organizers", "jetpack-portfolio": "Projects",
                 "jetpack-portfolio-type": "Project types", "jetpack-portfolio-tag": "Project tags",
                 "jetpack-testimonial": "Testimonials"}
# A hostname as GitHub Pages takes it in CNAME: labels of letters, digits and hyphens.
SOURCE_NAME = re.compile(r"[a-z0-9][a-z0-9_-]{0,63}")
HOSTNAME = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)


def default_label(name: str, words: Words | None = None) -> str:
    """A taxonomy's or post type's label made from its name ("news-type": "News type"); WordPress's own in the
    site's language (`words`, else English)."""
    if name in KNOWN_LABELS:
        return getattr(words or Words("en"), f"{name}_label")
    if name in PLUGIN_LABELS:
        return PLUGIN_LABELS[name]
    # A WooCommerce product attribute's taxonomy is its name under `pa_` ("pa_color"), shown as "Color".
    return name.removeprefix("pa_").replace("-", " ").replace("_", " ").capitalize()


def load_config(path: Path | None, overrides: dict[str, dict[str, Any]] | None = None) -> Config:
    """Read `path` (or the default file in the working folder, or nothing), apply overrides, validate."""
    source, data, root = "defaults", {}, Path(".")
    if path is None and Path(DEFAULT_FILE).is_file():
        path = Path(DEFAULT_FILE)
    if path is not None:
        source, root = str(path), path.parent
        data = _read_toml(path)
    for section, values in (overrides or {}).items():
        data.setdefault(section, {}).update(values)
    return parse_config(data, source, root)


def _read_toml(path: Path) -> dict[str, Any]:
    try:
        with path.open("rb") as f:
            return tomllib.load(f)
    except OSError as e:
        raise ConfigError(str(path), [f"cannot read: {e.strerror}"]) from None
    except tomllib.TOMLDecodeError as e:
        raise ConfigError(str(path), [f"not valid TOML: {e}"]) from None
    except UnicodeDecodeError as e:  # tomllib reads UTF-8 only; Notepad may have saved UTF-16 or Latin-1
        raise ConfigError(str(path), [f"not UTF-8 text (byte {e.start}): save it as UTF-8"]) from None


def parse_config(data: dict[str, Any], source: str = "defaults", root: Path = Path(".")) -> Config:
    """A validated Config from TOML-shaped data; raises ConfigError listing every problem."""
    problems: list[str] = []
    sections = {}
    for key in data:
        if key not in SECTIONS and key not in OTHER_KEYS:
            problems.append(f"{key}: unknown key (known: {', '.join([*SECTIONS, *OTHER_KEYS])})")
    for name, cls in SECTIONS.items():
        sections[name] = _section(name, cls, data.get(name, {}), problems)
    taxonomies = _taxonomies(data.get("taxonomies"), problems)
    sources = _sources(data.get("sources", []), problems)
    words = _words(data.get("words", {}), problems)
    if not problems:
        sections["site"] = _check_site(sections["site"], problems)
        sections["paths"] = _check_paths(sections["paths"], root, problems)
        _check_build(sections["build"], problems)
        _check_sync(sections["sync"], problems)
        _check_import(sections["import"], problems)
        _check_media(sections["media"], problems)
        _check_changes(sections["changes"], problems)
    if problems:
        raise ConfigError(source, problems)
    sections["site"] = _site_words(sections["site"], data.get("site", {}), words)
    imports = sections.pop("import")
    given = data.get("site", {})
    return Config(taxonomies=taxonomies, root=root, imports=imports, sources=sources, words=words,
                  site_given=frozenset(given if isinstance(given, dict) else ()), **sections)


def _site_words(site: SiteConfig, given: dict[str, Any], words: Overrides) -> SiteConfig:
    """The title and description [site] does not give, in the site's language: every page's header and footer
    and the feeds show them, where an English default stood among the words of a site in Persian or Japanese."""
    own = Words(site.language, words)
    missing = {key: getattr(own, f"site_{key}") for key in ("title", "description") if key not in given}
    return dataclasses.replace(site, **missing) if missing else site


def _section(name: str, cls: type, values: Any, problems: list[str]) -> Any:
    if not isinstance(values, dict):
        problems.append(f"{name}: expected a table, got {_type_name(values)}")
        return cls()
    fields = {f.name: f for f in dataclasses.fields(cls)}
    kwargs = {}
    for key, value in values.items():
        if key not in fields:
            problems.append(f"{name}.{key}: unknown key (known: {', '.join(fields)})")
            continue
        expected = type(fields[key].default)
        if expected is tuple and type(value) is list:
            value = tuple(value)
        if expected is float and type(value) is int:
            value = float(value)
        if type(value) is not expected:
            problems.append(f"{name}.{key}: expected {_type_name(expected())}, got {_type_name(value)}")
            continue
        kwargs[key] = value
    return cls(**kwargs)


def _taxonomies(values: Any, problems: list[str]) -> tuple[Taxonomy, ...] | None:
    if values is None:
        return None
    if not isinstance(values, dict):
        problems.append(f"taxonomies: expected a table of name = \"label\", got {_type_name(values)}")
        return None
    result = []
    for name, label in values.items():
        if not isinstance(label, str) or not label.strip():
            problems.append(f"taxonomies.{name}: expected a non-empty label string, got {_type_name(label)}")
        else:
            result.append(Taxonomy(name, label))
    return tuple(result)


def _words(values: Any, problems: list[str]) -> tuple[tuple[str, Any], ...]:
    if not isinstance(values, dict):
        problems.append(f"words: expected a table of key = \"word\", got {_type_name(values)}")
        return ()
    found = word_problems(values)
    problems += found
    if found:
        return ()
    return tuple((key, tuple(sorted(value.items())) if isinstance(value, dict) else value)
                 for key, value in sorted(values.items()))


def _sources(values: Any, problems: list[str]) -> tuple[SourceConfig, ...]:
    if not isinstance(values, list) or not all(isinstance(v, dict) for v in values):
        problems.append(f"sources: expected [[sources]] tables, got {_type_name(values)}")
        return ()
    found, names = [], set()
    for i, table in enumerate(values):
        before = len(problems)
        source = _source(f"sources[{i}]", table, problems)
        if source.name in names:
            problems.append(f"sources[{i}].name: {source.name!r} names two sources; each needs its own")
        names.add(source.name)
        if len(problems) == before:
            found.append(source)
    return tuple(found)


def _source(key: str, table: dict[str, Any], problems: list[str]) -> SourceConfig:
    fields = [f.name for f in dataclasses.fields(SourceConfig)]
    problems.extend(f"{key}.{k}: unknown key (known: {', '.join(fields)})" for k in table if k not in fields)
    checked: dict[str, Any] = {"name": "", "url": ""}
    for name in ("name", "url", "search"):
        if name in table:
            checked[name] = _expect(f"{key}.{name}", table[name], str, problems, "")
    for name in ("after", "before"):
        if name in table:
            checked[name] = _date(f"{key}.{name}", table[name], problems)
    if "types" in table:
        checked["types"] = tuple(_list_of(f"{key}.types", table["types"], str, problems))
    if "ids" in table:
        checked["ids"] = tuple(_list_of(f"{key}.ids", table["ids"], int, problems))
    if "max_posts" in table:
        checked["max_posts"] = _expect(f"{key}.max_posts", table["max_posts"], int, problems, 0)
        if checked["max_posts"] < 0:
            problems.append(f"{key}.max_posts: must be 0 (no limit) or more, got {checked['max_posts']}")
    for name in ("include", "exclude"):
        if name in table:
            checked[name] = _terms(f"{key}.{name}", table[name], problems)
    if not SOURCE_NAME.fullmatch(checked["name"]):
        problems.append(f"{key}.name: expected a short name of lowercase letters, digits, '-' and '_' "
                        f"(it names a folder), got {checked['name']!r}")
    parts = urlsplit(checked["url"])
    if parts.scheme not in ("http", "https") or not parts.netloc:
        problems.append(f"{key}.url: expected an http(s) URL of a WordPress site or REST collection, "
                        f"got {checked['url']!r}")
    return SourceConfig(**checked)


def _expect(key: str, value: Any, kind: type, problems: list[str], default: Any) -> Any:
    if type(value) is not kind:
        problems.append(f"{key}: expected {_type_name(kind())}, got {_type_name(value)}")
        return default
    return value


def _list_of(key: str, value: Any, kind: type, problems: list[str]) -> list[Any]:
    if not isinstance(value, list) or not all(type(v) is kind for v in value):
        problems.append(f"{key}: expected an array of {_type_name(kind()).split(' ', 1)[1]}s, got {value!r}")
        return []
    return value


def _terms(key: str, value: Any, problems: list[str]) -> tuple[tuple[str, tuple[str, ...]], ...]:
    if not isinstance(value, dict):
        problems.append(f"{key}: expected a table of taxonomy = [term slugs], got {_type_name(value)}")
        return ()
    return tuple((taxonomy, tuple(_list_of(f"{key}.{taxonomy}", slugs, str, problems)))
                 for taxonomy, slugs in sorted(value.items()))


def _date(key: str, value: Any, problems: list[str]) -> str:
    """TOML dates and date-times, or the same as strings, as the REST API's ISO 8601 filter takes them."""
    if isinstance(value, datetime.datetime):
        return value.replace(tzinfo=None).isoformat(timespec="seconds")
    if isinstance(value, datetime.date):
        return f"{value.isoformat()}T00:00:00"
    if isinstance(value, str):
        try:
            parsed = datetime.datetime.fromisoformat(value)
        except ValueError:
            pass
        else:
            return parsed.replace(tzinfo=None).isoformat(timespec="seconds")
    problems.append(f"{key}: expected a date such as 2024-01-31, got {value!r}")
    return ""


def _check_import(imports: ImportConfig, problems: list[str]) -> None:
    parts = urlsplit(imports.site)
    if imports.site and (parts.scheme not in ("http", "https") or not parts.netloc):
        problems.append(f"import.site: expected the site's address such as 'https://example.org/', "
                        f"got {imports.site!r}")


def _check_sync(sync: SyncConfig, problems: list[str]) -> None:
    if sync.request_interval < 0:
        problems.append(f"sync.request_interval: must be 0 or more seconds, got {sync.request_interval}")
    if sync.timeout <= 0:
        problems.append(f"sync.timeout: must be more than 0 seconds, got {sync.timeout}")
    if sync.retries < 0:
        problems.append(f"sync.retries: must be 0 or more, got {sync.retries}")


def _check_site(site: SiteConfig, problems: list[str]) -> SiteConfig:
    # Every page's <html lang> and the theme's words come from it: '../x' or 'English' would be neither.
    if not LANGUAGE_TAG.fullmatch(site.language.strip()):
        problems.append(f"site.language: expected a BCP 47 tag such as 'en' or 'pt-BR', got {site.language!r}")
    if site.cname and not HOSTNAME.fullmatch(site.cname):
        problems.append(f"site.cname: expected a bare domain such as 'news.example.org', got {site.cname!r}")
    if not site.base_url:
        return site
    try:  # urlsplit refuses a bracketed host that is no IPv6 address (`http://[x/`); .port one over 65535
        parts = urlsplit(site.base_url)
        parts.port
    except ValueError:
        parts = urlsplit("")
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        problems.append(f"site.base_url: expected an absolute http(s) URL such as "
                        f"'https://user.github.io/repo/', got {site.base_url!r}")
        return site
    if site.cname and HOSTNAME.fullmatch(site.cname) and parts.hostname != site.cname.lower():
        problems.append(f"site.cname: GitHub Pages serves the site at {site.cname!r}, "
                        f"but site.base_url is on {parts.hostname!r}")
    # Relative links are resolved against a folder, so the base always ends with a slash.
    return dataclasses.replace(site, base_url=site.base_url.rstrip("/") + "/")


def _check_paths(paths: PathsConfig, root: Path, problems: list[str]) -> PathsConfig:
    """Folder names that are usable, and an output folder apart from the folders a build reads: the build
    replaces its output whole, so an output holding the content would delete the posts, and one inside the
    static folder would be copied into itself on every build. A leading ~ is the user's home, as in a shell:
    taken as a name, `output = "~/site"` made a folder named ~ beside the configuration."""
    found: list[str] = []
    paths = PathsConfig(**{key: _home(key, value, found) for key, value in dataclasses.asdict(paths).items()})
    for key in INPUT_FOLDERS + ("output",):
        value = getattr(paths, key)
        if not value.strip() or "\0" in value:
            found.append(f"paths.{key}: expected a folder name, got {value!r}")
        elif key != "output" and (root / value).is_file():
            found.append(f"paths.{key}: {value} is a file, not a folder")
    if found:
        problems.extend(found)
        return paths
    output = (root / paths.output).resolve()
    if output == root.resolve() or output in root.resolve().parents:
        problems.append(f"paths.output: {paths.output!r} holds the configuration's own folder; the build replaces "
                        "its output folder whole: name a folder of its own, such as 'site'")
        return paths
    for key in INPUT_FOLDERS:
        folder = (root / getattr(paths, key)).resolve()
        if folder == output or output in folder.parents:
            problems.append(f"paths.output: {paths.output} holds paths.{key} {getattr(paths, key)}; the build "
                            "replaces its output folder whole, which would delete it")
        elif folder in output.parents:
            problems.append(f"paths.output: {paths.output} is inside paths.{key} {getattr(paths, key)}; the build "
                            "would read its own output back: keep the two apart")
    return paths


def _home(key: str, value: str, problems: list[str]) -> str:
    """`value` with a leading ~ or ~user made the home folder it names."""
    found = os.path.expanduser(value) if value.startswith("~") else value
    if found.startswith("~"):
        problems.append(f"paths.{key}: {value!r} names no user's home folder; write the path in full")
    return found


def _check_build(build: BuildConfig, problems: list[str]) -> None:
    if build.posts_per_page < 1:
        problems.append(f"build.posts_per_page: must be at least 1, got {build.posts_per_page}")
    if build.feed_entries < 1:
        problems.append(f"build.feed_entries: must be at least 1, got {build.feed_entries}")
    if build.related_posts < 0:
        problems.append(f"build.related_posts: must be 0 or more, got {build.related_posts}")
    if not 0 <= build.jobs <= MAX_JOBS:
        problems.append(f"build.jobs: must be 0 (one per core) to {MAX_JOBS}, got {build.jobs}")
    levels = build.toc_levels
    if not (len(levels) == 2 and all(type(n) is int for n in levels) and 1 <= levels[0] <= levels[1] <= 6):
        problems.append(f"build.toc_levels: expected [first, last] heading levels with "
                        f"1 <= first <= last <= 6, got {list(levels)}")


def _check_media(media: MediaConfig, problems: list[str]) -> None:
    for key in ("max_width", "max_bytes"):
        if getattr(media, key) < 1:
            problems.append(f"media.{key}: must be at least 1, got {getattr(media, key)}")


def _check_changes(changes: ChangesConfig, problems: list[str]) -> None:
    for key in ("history", "revisions", "updates"):
        if getattr(changes, key) < 1:
            problems.append(f"changes.{key}: must be at least 1, got {getattr(changes, key)}")


def _type_name(value: Any) -> str:
    return {str: "a string", int: "an integer", bool: "a boolean", float: "a number",
            list: "an array", tuple: "an array", dict: "a table"}.get(type(value), type(value).__name__)
