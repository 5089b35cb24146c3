"""Configuration: newsmirror.toml read once, validated whole, frozen, passed down."""

from __future__ import annotations

import dataclasses
import re
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

DEFAULT_FILE = "newsmirror.toml"


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
    # None publishes every taxonomy found in the content, with a label made from its name.
    taxonomies: tuple[Taxonomy, ...] | None = None
    # Folder that relative paths are resolved against: the config file's folder.
    root: Path = Path(".")

    def path(self, name: str) -> Path:
        return self.root / getattr(self.paths, name)


class ConfigError(Exception):
    """Every problem with a configuration, each naming its key."""

    def __init__(self, source: str, problems: list[str]) -> None:
        super().__init__("\n".join(f"{source}: {p}" for p in problems))
        self.problems = problems


SECTIONS = {"site": SiteConfig, "paths": PathsConfig, "build": BuildConfig, "import": ImportConfig}
KNOWN_LABELS = {"category": "Categories", "post_tag": "Tags", "post": "Posts", "page": "Pages"}
# A hostname as GitHub Pages takes it in CNAME: labels of letters, digits and hyphens.
HOSTNAME = re.compile(r"(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z]{2,63}", re.IGNORECASE)


def default_label(taxonomy: str) -> str:
    return KNOWN_LABELS.get(taxonomy) or taxonomy.replace("-", " ").replace("_", " ").capitalize()


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


def parse_config(data: dict[str, Any], source: str = "defaults", root: Path = Path(".")) -> Config:
    """A validated Config from TOML-shaped data; raises ConfigError listing every problem."""
    problems: list[str] = []
    sections = {}
    for key in data:
        if key not in SECTIONS and key != "taxonomies":
            problems.append(f"{key}: unknown key (known: {', '.join([*SECTIONS, 'taxonomies'])})")
    for name, cls in SECTIONS.items():
        sections[name] = _section(name, cls, data.get(name, {}), problems)
    taxonomies = _taxonomies(data.get("taxonomies"), problems)
    if not problems:
        sections["site"] = _check_site(sections["site"], problems)
        _check_build(sections["build"], problems)
    if problems:
        raise ConfigError(source, problems)
    imports = sections.pop("import")
    return Config(taxonomies=taxonomies, root=root, imports=imports, **sections)


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


def _check_site(site: SiteConfig, problems: list[str]) -> SiteConfig:
    if not site.language.strip():
        problems.append("site.language: must not be empty (a BCP 47 tag such as 'en')")
    if site.cname and not HOSTNAME.fullmatch(site.cname):
        problems.append(f"site.cname: expected a bare domain such as 'news.example.org', got {site.cname!r}")
    if not site.base_url:
        return site
    parts = urlsplit(site.base_url)
    if parts.scheme not in ("http", "https") or not parts.netloc or parts.query or parts.fragment:
        problems.append(f"site.base_url: expected an absolute http(s) URL such as "
                        f"'https://user.github.io/repo/', got {site.base_url!r}")
        return site
    if site.cname and HOSTNAME.fullmatch(site.cname) and parts.hostname != site.cname.lower():
        problems.append(f"site.cname: GitHub Pages serves the site at {site.cname!r}, "
                        f"but site.base_url is on {parts.hostname!r}")
    # Relative links are resolved against a folder, so the base always ends with a slash.
    return dataclasses.replace(site, base_url=site.base_url.rstrip("/") + "/")


def _check_build(build: BuildConfig, problems: list[str]) -> None:
    if build.posts_per_page < 1:
        problems.append(f"build.posts_per_page: must be at least 1, got {build.posts_per_page}")
    if build.feed_entries < 1:
        problems.append(f"build.feed_entries: must be at least 1, got {build.feed_entries}")
    if build.related_posts < 0:
        problems.append(f"build.related_posts: must be 0 or more, got {build.related_posts}")
    if build.jobs < 0:
        problems.append(f"build.jobs: must be 0 (one per core) or more, got {build.jobs}")
    levels = build.toc_levels
    if not (len(levels) == 2 and all(type(n) is int for n in levels) and 1 <= levels[0] <= levels[1] <= 6):
        problems.append(f"build.toc_levels: expected [first, last] heading levels with "
                        f"1 <= first <= last <= 6, got {list(levels)}")


def _type_name(value: Any) -> str:
    return {str: "a string", int: "an integer", bool: "a boolean", float: "a number",
            list: "an array", tuple: "an array", dict: "a table"}.get(type(value), type(value).__name__)
