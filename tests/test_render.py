"""Markdown rendering: heading ids, unique anchors, code highlighting; the TOC built from them."""

from __future__ import annotations

from generator.render.markdown import Heading, MarkdownRenderer, code_css, slugify
from generator.render.toc import TocEntry, build_toc

render = MarkdownRenderer().render


def test_source_heading_ids_are_kept_and_others_slugged() -> None:
    body = render("## Quality Control {#quality-control}\n\n### China’s Backbone\n\nText\n")
    assert '<h2 id="quality-control">Quality Control</h2>' in body.html
    assert '<h3 id="chinas-backbone">China’s Backbone</h3>' in body.html
    assert body.headings == (Heading(2, "quality-control", "Quality Control"),
                             Heading(3, "chinas-backbone", "China’s Backbone"))


def test_duplicate_and_reserved_ids_get_a_deterministic_suffix() -> None:
    body = render("## Notes\n\n## Notes\n\n## Main\n\n## Notes {#notes}\n")
    assert [h.id for h in body.headings] == ["notes", "notes-2", "main-2", "notes-3"]


def test_slugify_keeps_other_scripts_and_drops_punctuation() -> None:
    assert slugify("Bottom Line: for Investors!") == "bottom-line-for-investors"
    assert slugify("中国 稀土") == "中国-稀土"
    assert slugify("¿?") == ""


def test_heading_without_text_still_gets_an_id() -> None:
    assert render("## ![](x.png)\n").headings[0].id == "section"


def test_code_is_highlighted_by_pygments_and_unknown_languages_are_escaped() -> None:
    html = render("```python\nx = '<b>'\n```\n\n```nosuchlang\n<b>\n```\n").html
    assert '<pre class="highlight"><code class="language-python">' in html
    assert '<span class="s1">\'&lt;b&gt;\'</span>' in html
    assert '<code class="language-nosuchlang">&lt;b&gt;' in html
    assert "@media (prefers-color-scheme: dark)" in code_css()


def test_pipe_tables_render() -> None:
    assert "<table>" in render("| a | b |\n|---|---|\n| 1 | 2 |\n").html


def h(level: int, ident: str) -> Heading:
    return Heading(level, ident, ident.upper())


def test_toc_nests_by_level_even_when_levels_skip() -> None:
    toc = build_toc([h(2, "a"), h(4, "a1"), h(3, "a2"), h(2, "b"), h(5, "deep"), h(1, "title")])
    assert toc == (TocEntry("a", "A", (TocEntry("a1", "A1"), TocEntry("a2", "A2"))), TocEntry("b", "B"))


def test_toc_starting_below_the_top_level_keeps_every_entry() -> None:
    toc = build_toc([h(3, "x"), h(2, "y")])
    assert [e.id for e in toc] == ["x", "y"]


def test_toc_with_fewer_than_two_headings_is_omitted() -> None:
    assert build_toc([h(2, "only")]) == ()
    assert build_toc([h(1, "t"), h(5, "d")]) == ()
