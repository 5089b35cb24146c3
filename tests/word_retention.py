"""How many of a post's visible words reach its built page.

Run `python -m tests.word_retention` for the figures over ../shared/samples; the tests use the
same functions. Visible words are the text a browser shows (not scripts, styles, comments or
screen-reader-only text), lower-cased, punctuation aside. A word counts as kept as often as it
appears on the built page: its body and the table of contents the build makes, which stands
where a plugin's table of contents stood, so order is not compared here (the property test in
test_retention.py checks order).
"""

from __future__ import annotations

import re
import sys
from collections import Counter
from collections.abc import Iterator
from pathlib import Path

from bs4 import BeautifulSoup, Comment

from generator.convert.cleanup import SCREEN_READER_CLASSES
from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.render.markdown import MarkdownRenderer
from generator.render.toc import TocEntry, build_toc
from generator.sources.wp_json import POST, read_items

WORD = re.compile(r"\w+")
RENDERER = MarkdownRenderer()


def visible_words(html: str) -> list[str]:
    soup = BeautifulSoup(html, "html.parser")
    for comment in soup.find_all(string=lambda s: isinstance(s, Comment)):
        comment.extract()
    for tag in soup.find_all(["script", "style", "template"]):
        tag.decompose()
    for tag in soup.find_all(class_=lambda c: c in SCREEN_READER_CLASSES):
        tag.decompose()
    return WORD.findall(soup.get_text(" ").casefold())


def page_words(source_html: str, ctx: Context | None = None) -> list[str]:
    """The words of the built page's body, after those of the table of contents made for it."""
    body = RENDERER.render(html_to_markdown(source_html, ctx or Context()))
    toc = " ".join(_toc_text(entry) for entry in build_toc(body.headings))
    return WORD.findall(toc.casefold()) + visible_words(body.html)


def _toc_text(entry: TocEntry) -> str:
    return " ".join([entry.text, *(_toc_text(child) for child in entry.children)])


def kept(source_html: str, ctx: Context | None = None) -> tuple[int, int]:
    """(words kept, words in the source) for one piece of HTML."""
    before = Counter(visible_words(source_html))
    after = Counter(page_words(source_html, ctx))
    return sum((before & after).values()), sum(before.values())


def block_fixtures(samples: Path) -> Iterator[tuple[str, str]]:
    for path in sorted((samples / "blocks").glob("*.html")):
        yield path.name, path.read_text(encoding="utf-8")


def rest_posts(samples: Path) -> Iterator[tuple[str, str]]:
    items, _ = read_items([samples / "wp-rest"])
    for item in items:
        content = item.data.get("content")
        if item.kind == POST and isinstance(content, dict) and isinstance(content.get("rendered"), str):
            yield f"{Path(item.file).name}#{item.label}", content["rendered"]


def retention(sources: Iterator[tuple[str, str]]) -> tuple[int, int, list[tuple[str, int, int]]]:
    total_kept = total = 0
    short = []
    for name, html in sources:
        k, n = kept(html)
        total_kept, total = total_kept + k, total + n
        if k < n:
            short.append((name, k, n))
    return total_kept, total, short


def main(samples: Path) -> None:
    for label, sources in (("blocks", block_fixtures(samples)), ("wp-rest", rest_posts(samples))):
        k, n, short = retention(sources)
        print(f"{label}: {k}/{n} words kept ({k / n:.2%})")
        for name, sk, sn in short:
            print(f"  {name}: {sk}/{sn}")


if __name__ == "__main__":
    main(Path(sys.argv[1]) if len(sys.argv) > 1 else Path(__file__).resolve().parents[2] / "shared" / "samples")
