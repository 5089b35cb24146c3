"""Hugo and Pelican sites made from newsmirror's content folder, for bench/run.py.

Each rival gets the same posts and the same Markdown bodies; only the front matter is mapped to
its format. Both are set up to do about the work newsmirror does: a page per post, a page per
taxonomy, term pages paginated at PER_PAGE, and a paginated home page, plus one feed.
"""

from __future__ import annotations

import re
import shutil
import subprocess
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

PER_PAGE = 20
TAXONOMIES = {"news-type": "News type", "organization": "Organizations", "regions": "Regions"}
# Pelican has one category per post: the first term of this taxonomy. Every other term is a tag.
PELICAN_CATEGORY = "news-type"


@dataclass(frozen=True)
class Post:
    name: str  # file name, the same in every tool's content folder
    meta: dict[str, Any]
    body: str


def read_posts(content: Path) -> Iterator[Post]:
    """newsmirror's content files: `---` YAML front matter `---`, then Markdown."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
    for path in sorted(content.glob("*/*.md")):
        _, front, body = path.read_text(encoding="utf-8").split("---\n", 2)
        yield Post(path.name, yaml.load(front, Loader=loader), body)


def tool_version(command: list[str]) -> str:
    done = subprocess.run(command, capture_output=True, text=True, check=True)
    return done.stdout.strip().splitlines()[0]


class Hugo:
    name = "Hugo"
    keeps_cache = False  # outside server mode, every Hugo build is a full build

    def __init__(self, folder: Path, binary: str) -> None:
        self.folder = folder
        self.binary = binary
        self.output = folder / "public"
        self.version = tool_version([binary, "version"])

    @property
    def content(self) -> Path:
        return self.folder / "content" / "news-archive"

    def setup(self, content: Path) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.content.mkdir(parents=True)
        dump = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
        for post in read_posts(content):
            meta = post.meta
            front = {"title": meta["title"], "slug": meta["slug"], "date": _iso(meta["date"]),
                     "lastmod": _iso(meta["updated"]), "summary": meta.get("summary", ""),
                     **{t: list(meta.get("taxonomies", {}).get(t, [])) for t in TAXONOMIES}}
            text = yaml.dump(front, Dumper=dump, sort_keys=False, allow_unicode=True, width=1 << 30)
            (self.content / post.name).write_text(f"---\n{text}---\n{post.body}", encoding="utf-8")
        (self.folder / "config.toml").write_text(self._config(), encoding="utf-8")
        for name, text in hugo_layouts().items():
            path = self.folder / "layouts" / name
            path.parent.mkdir(parents=True, exist_ok=True)
            path.write_text(text, encoding="utf-8")

    def post_file(self, name: str) -> Path:
        return self.content / name

    def clean(self) -> None:
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.folder / "resources", ignore_errors=True)

    def build_command(self, cached: bool) -> list[str]:
        return [self.binary, "--source", str(self.folder), "--destination", str(self.output)]

    def _config(self) -> str:
        # Hugo 0.128 renamed `paginate` and moved `rssLimit`; write the form the installed one reads.
        numbers = re.search(r"v(\d+)\.(\d+)", self.version)
        if numbers is not None and (int(numbers[1]), int(numbers[2])) >= (0, 128):
            top, tables = "", f"[pagination]\npagerSize = {PER_PAGE}\n[services.rss]\nlimit = {PER_PAGE}\n"
        else:
            top, tables = f"paginate = {PER_PAGE}\nrssLimit = {PER_PAGE}\n", ""
        taxonomies = "".join(f'"{t}" = "{t}"\n' for t in TAXONOMIES)
        return (f'baseURL = "https://example.com/"\ntitle = "News mirror"\nlanguageCode = "en"\n{top}'
                # newsmirror has a list per post type only when there are several; here there is one.
                'disableKinds = ["section", "sitemap", "robotsTXT", "404"]\n'
                f"{tables}[taxonomies]\n{taxonomies}"
                '[outputs]\nhome = ["HTML", "RSS"]\npage = ["HTML"]\ntaxonomy = ["HTML"]\nterm = ["HTML"]\n'
                "[markup.goldmark.renderer]\nunsafe = true\n"
                "[markup.tableOfContents]\nstartLevel = 2\nendLevel = 4\n")


def hugo_layouts() -> dict[str, str]:
    """Templates written for speed: term links come from front matter, lists page through
    precomputed collections, and list pages use the front-matter summary instead of rendering
    each post's content."""
    menu = "".join(f'<a href="{{{{ "{t}/" | relURL }}}}">{label}</a> ' for t, label in TAXONOMIES.items())
    terms = "".join(
        f'{{{{ range index .Params "{t}" }}}}<a href="{{{{ printf "{t}/%s/" . | relURL }}}}">{{{{ . }}}}</a> {{{{ end }}}}'
        for t in TAXONOMIES)
    item = ('<li><a href="{{ .RelPermalink }}">{{ .Title }}</a> <time>{{ .Date.Format "2006-01-02" }}</time>'
            "<p>{{ .Params.summary }}</p></li>")
    pager = ('{{ with $pager.Prev }}<a href="{{ .URL }}">Newer</a>{{ end }} '
             '{{ with $pager.Next }}<a href="{{ .URL }}">Older</a>{{ end }}')
    return {
        "_default/baseof.html": (
            '<!doctype html>\n<html lang="en"><head><meta charset="utf-8">'
            '<meta name="viewport" content="width=device-width, initial-scale=1">'
            "<title>{{ .Title }} · {{ .Site.Title }}</title></head>\n"
            f'<body><header><a href="{{{{ "" | relURL }}}}">{{{{ .Site.Title }}}}</a> <nav>{menu}</nav></header>\n'
            '<main>{{ block "main" . }}{{ end }}</main></body></html>\n'),
        "_default/single.html": (
            '{{ define "main" }}<article><h1>{{ .Title }}</h1>'
            '<p><time datetime="{{ .Date.Format "2006-01-02T15:04:05-07:00" }}">'
            '{{ .Date.Format "January 2, 2006" }}</time></p>'
            f"<p>{terms}</p>{{{{ .TableOfContents }}}}{{{{ .Content }}}}</article>{{{{ end }}}}\n"),
        "index.html": ('{{ define "main" }}<h1>{{ .Site.Title }}</h1>{{ $pager := .Paginate .Site.RegularPages }}'
                       f"<ul>{{{{ range $pager.Pages }}}}{item}{{{{ end }}}}</ul>{pager}{{{{ end }}}}\n"),
        "_default/list.html": ('{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}'
                               f"<ul>{{{{ range $pager.Pages }}}}{item}{{{{ end }}}}</ul>{pager}{{{{ end }}}}\n"),
        "_default/term.html": ('{{ define "main" }}<h1>{{ .Title }}</h1>{{ $pager := .Paginate .Pages }}'
                               f"<ul>{{{{ range $pager.Pages }}}}{item}{{{{ end }}}}</ul>{pager}{{{{ end }}}}\n"),
        "_default/taxonomy.html": (
            '{{ define "main" }}<h1>{{ .Title }}</h1><ul>{{ range .Data.Terms.Alphabetical }}'
            '<li><a href="{{ .Page.RelPermalink }}">{{ .Page.Title }}</a> ({{ .Count }})</li>'
            "{{ end }}</ul>{{ end }}\n"),
    }


class Pelican:
    name = "Pelican"
    keeps_cache = True

    def __init__(self, folder: Path, binary: Path) -> None:
        self.folder = folder
        self.binary = binary
        self.output = folder / "output"
        python = binary.parent / "python"
        self.version = ("Pelican " + tool_version([str(binary), "--version"]) + ", Markdown "
                        + tool_version([str(python), "-c", "import markdown; print(markdown.__version__)"]))

    @property
    def content(self) -> Path:
        return self.folder / "content"

    def setup(self, content: Path) -> None:
        shutil.rmtree(self.folder, ignore_errors=True)
        self.content.mkdir(parents=True)
        for post in read_posts(content):
            (self.content / post.name).write_text(pelican_header(post.meta) + "\n" + post.body, encoding="utf-8")
        (self.folder / "pelicanconf.py").write_text(PELICAN_CONFIG, encoding="utf-8")

    def post_file(self, name: str) -> Path:
        return self.content / name

    def clean(self) -> None:
        shutil.rmtree(self.output, ignore_errors=True)
        shutil.rmtree(self.folder / "cache", ignore_errors=True)

    def build_command(self, cached: bool) -> list[str]:
        command = [str(self.binary), str(self.content), "--output", str(self.output),
                   "--settings", str(self.folder / "pelicanconf.py"), "--cache-path", str(self.folder / "cache")]
        # The full build neither reads nor writes the cache, as Pelican runs by default.
        return command if cached else [*command, "-e", "CACHE_CONTENT=false", "LOAD_CONTENT_CACHE=false"]


def pelican_header(meta: dict[str, Any]) -> str:
    taxonomies = meta.get("taxonomies", {})
    categories = list(taxonomies.get(PELICAN_CATEGORY, []))
    tags = categories[1:] + [s for t in TAXONOMIES if t != PELICAN_CATEGORY for s in taxonomies.get(t, [])]
    lines = [f"Title: {meta['title']}", f"Slug: {meta['slug']}", f"Date: {_iso(meta['date'])}",
             f"Modified: {_iso(meta['updated'])}", f"Summary: {meta.get('summary', '')}"]
    if categories:
        lines.append(f"Category: {categories[0]}")
    if tags:
        lines.append(f"Tags: {', '.join(tags)}")
    return "\n".join(lines) + "\n"


PELICAN_CONFIG = f"""\
AUTHOR = "newsmirror bench"
SITENAME = "News mirror"
SITEURL = ""
TIMEZONE = "UTC"
DEFAULT_LANG = "en"
DEFAULT_PAGINATION = {PER_PAGE}
# One feed of the latest posts, as for Hugo; Pelican's other feeds are turned off.
FEED_ALL_ATOM = "feeds/all.atom.xml"
FEED_MAX_ITEMS = {PER_PAGE}
FEED_DOMAIN = "https://example.com"
CATEGORY_FEED_ATOM = None
AUTHOR_FEED_ATOM = None
AUTHOR_FEED_RSS = None
TRANSLATION_FEED_ATOM = None
# newsmirror and the Hugo site have no author pages.
AUTHOR_SAVE_AS = ""
AUTHORS_SAVE_AS = ""
CACHE_CONTENT = True
LOAD_CONTENT_CACHE = True
CONTENT_CACHING_LAYER = "reader"
"""


def _iso(value: Any) -> str:
    # The C YAML loader returns timestamps as datetimes, the quoted ones as strings.
    return value if isinstance(value, str) else value.isoformat()
