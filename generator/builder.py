"""The build pipeline: content/ -> model -> rendered pages -> site/."""

from __future__ import annotations

from dataclasses import dataclass, field

from generator.config import Config, ConfigError
from generator.convert.document import Document
from generator.model import build_site
from generator.output.assets import static_files
from generator.output.pages import plan_pages
from generator.output.writer import SiteWriter
from generator.problems import Problem
from generator.render.markdown import MarkdownRenderer, code_css
from generator.render.templates import Templates, theme_dir
from generator.store.documents import read_documents
from generator.store.terms import read_terms


@dataclass
class BuildResult:
    posts: int = 0
    pages: int = 0
    files: int = 0
    problems: list[Problem] = field(default_factory=list)


def run_build(config: Config) -> BuildResult:
    """Build the whole site; a post that cannot be read is reported and left out, the rest is built."""
    if not config.path("content").is_dir():
        raise ConfigError("build", [f"content folder {config.path('content')} does not exist"])
    result = BuildResult()
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

    templates = Templates(config.path("templates"))
    renderer = MarkdownRenderer()
    writer = SiteWriter(config.path("output"))
    try:
        for page in plan_pages(site, config, renderer.render):
            writer.write(page.path, templates.render(page.template, page.context).encode("utf-8"))
            result.pages += 1
        for path, source in static_files(config.path("static"), theme_dir() / "static"):
            writer.copy(path, source)
        writer.write("css/code.css", code_css().encode("utf-8"))
    except BaseException:
        writer.abandon()
        raise
    result.problems.extend(Problem(config.paths.output + "/" + path, message="two pages publish to this path")
                           for path in writer.collisions)
    writer.commit()
    result.files = writer.count + 1  # the marker file
    return result
