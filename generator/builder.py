"""The build pipeline: content/ -> model -> pages -> feeds -> sitemap -> static files -> site/."""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime

from generator import urls
from generator.config import Config, ConfigError
from generator.convert.document import Document
from generator.model import Site, build_site
from generator.output.assets import static_files
from generator.output.pages import PathClaims, plan_pages
from generator.output.writer import SiteWriter
from generator.problems import Problem
from generator.render.feeds import feeds
from generator.render.local_links import local_pages
from generator.render.markdown import MarkdownRenderer, code_css
from generator.render.sitemap import robots_txt, sitemaps
from generator.render.templates import Templates, theme_dir
from generator.store.documents import read_documents
from generator.store.terms import read_terms

# The stylesheet that the 404 page carries inline, as it cannot link it from every depth.
SITE_CSS = "css/site.css"


@dataclass
class BuildResult:
    posts: int = 0
    pages: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)


def run_build(config: Config) -> BuildResult:
    """Build the whole site; a post that cannot be read is reported and left out, the rest is built."""
    result = BuildResult()
    site = _load(config, result)
    static = dict(static_files(config.path("static"), theme_dir() / "static"))
    templates = Templates(config.path("templates"))
    renderer = MarkdownRenderer(local_pages(site))
    writer = SiteWriter(config.path("output"))
    try:
        in_sitemap = _write_pages(site, config, templates, renderer, writer, static, result)
        for path, data in feeds(site, config):
            writer.write(path, data)
        for path, data in sitemaps(config.site.base_url, in_sitemap):
            writer.write(path, data)
        writer.write(urls.ROBOTS, robots_txt(config.site.base_url))
        if config.site.cname:
            writer.write(urls.CNAME, (config.site.cname + "\n").encode("utf-8"))
        for path, source in static.items():
            writer.copy(path, source)
        writer.write("css/code.css", code_css().encode("utf-8"))
    except BaseException:
        writer.abandon()
        raise
    result.problems.extend(Problem(f"{config.paths.output}/{path}", message="a page and a static file, or two "
                                   "static files, publish to this path; the first was kept")
                           for path in writer.collisions)
    writer.commit()
    result.files = writer.count + 1  # the marker file
    return result


def _load(config: Config, result: BuildResult) -> Site:
    if not config.path("content").is_dir():
        raise ConfigError("build", [f"content folder {config.path('content')} does not exist"])
    documents: list[Document] = []
    for found in read_documents(config.path("content")):
        if isinstance(found, Problem):
            result.problems.append(found)
        else:
            documents.append(found)
    registry, term_problems = read_terms(config.path("content"))
    result.problems.extend(term_problems)
    site = build_site(documents, registry, config.taxonomies)
    result.posts = len(site.posts)
    return site


def _write_pages(site: Site, config: Config, templates: Templates, renderer: MarkdownRenderer, writer: SiteWriter,
                 static: dict, result: BuildResult) -> list[tuple[str, datetime | None]]:
    """Render and write every page, one at a time; returns what the sitemap lists."""
    css = static[SITE_CSS].read_text(encoding="utf-8") if SITE_CSS in static else ""
    claims = PathClaims(config.paths.output)
    in_sitemap = []
    for page in plan_pages(site, config, renderer.render, css):
        problem = claims.claim(page)
        if problem is not None:
            result.problems.append(problem)
            continue
        writer.write(page.path, templates.render(page.template, page.context()).encode("utf-8"))
        result.pages += 1
        if page.in_sitemap:
            in_sitemap.append((page.path, page.lastmod))
    return in_sitemap
