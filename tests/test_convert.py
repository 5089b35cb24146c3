"""HTML -> Markdown: one data-file case per cleanup rule, plus the sample post."""

from __future__ import annotations

import html
import json
import re
import time
import warnings
from pathlib import Path
from urllib.parse import quote

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert import cleanup, context
from generator.convert.context import Context, Media
from generator.convert.markdown import html_to_markdown, normalize
from generator.convert.widgets import CORE_LISTING_WIDGETS
from generator.render.markdown import MarkdownRenderer
from tests.conftest import SAMPLE_JSON, need_shared

CASES = Path(__file__).parent / "cases" / "convert"
CASE_NAMES = sorted(p.stem for p in CASES.glob("*.html"))


CASE_HEADER = re.compile(r"\A<!-- case: (\{.*?\}) -->\n")


def load_case(name: str) -> tuple[str, Context, dict[str, int] | None]:
    """A case is <name>.html, optionally opened by `<!-- case: {json} -->` giving the post's title,
    its own address (`url`, which relative URLs are read against), saved media, the local and public homes of a
    site built on its maker's machine (`built_at`) and the losses the conversion must report."""
    html = (CASES / f"{name}.html").read_text(encoding="utf-8")
    header = CASE_HEADER.match(html)
    spec = json.loads(header.group(1)) if header else {}
    media = {int(k): Media(**v) for k, v in spec.get("media", {}).items()}
    return html[header.end() if header else 0:], Context(title=spec.get("title", ""), base_url=spec.get("url", ""),
                                                      media=media, built_at=tuple(spec.get("built_at", ()))), \
        spec.get("losses")


@pytest.mark.parametrize("name", CASE_NAMES)
def test_conversion_case(name: str) -> None:
    html, ctx, losses = load_case(name)
    expected = (CASES / f"{name}.md").read_text(encoding="utf-8")
    assert html_to_markdown(html, ctx) == expected
    if losses is not None:
        assert dict(ctx.losses.counts) == losses


def test_every_cleanup_pass_has_its_own_case() -> None:
    # Nothing strips keyword links when a curator asks to keep them.
    keep = Context(keep_keyword_links=True)
    assert "[Rare Earth](https://example.com/?p=1" in html_to_markdown(
        (CASES / "unwrap_keyword_links.html").read_text(encoding="utf-8"), keep)
    assert {p.__name__ for p in cleanup.PASSES} <= set(CASE_NAMES)


def test_normalize_leaves_one_blank_line_and_a_final_newline() -> None:
    assert normalize("\n\nA  \n\n\n\nB\n\n") == "A\n\nB\n"
    assert normalize("\n \n") == ""


def test_a_line_break_opening_a_paragraph_goes_and_one_inside_a_paragraph_or_code_stays() -> None:
    """After a frame or a heading the HTML held inline, a break opened the next paragraph: a backslash alone
    on a line, where the page showed an empty line at most."""
    assert (normalize("[Video](https://e.com/v)\n\n\\\n**Title**\\\nText\n")
            == "[Video](https://e.com/v)\n\n**Title**\\\nText\n")
    assert normalize("\\\nFirst\n") == "First\n"
    assert normalize("> Quote\n>\n> \\\n> more\n") == "> Quote\n>\n> more\n"
    assert normalize("One\\\n\\\nTwo\n") == "One\\\n\\\nTwo\n"
    assert normalize("```\n\\\n```\n") == "```\n\\\n```\n"


def test_sample_post_loses_plugin_toc_and_screen_reader_text_but_keeps_every_section() -> None:
    data = json.loads(need_shared(SAMPLE_JSON).read_text(encoding="utf-8"))
    markdown = html_to_markdown(data["content"]["rendered"])
    assert "Table of Contents" not in markdown
    assert "opens in a new tab" not in markdown
    assert "wpil" not in markdown and "<span" not in markdown
    headings = re.findall(r"^## (.+) \{#([\w-]+)\}$", markdown, flags=re.MULTILINE)
    assert [ident for _, ident in headings] == [
        "quality-control-at-olympic-levels", "partnerships-across-chinas-industrial-backbone",
        "deepening-soe-reform-to-support-expansion", "a-strategic-turn-toward-critical-metals",
        "bottom-line-for-investors"]


def test_definition_lists_render_as_terms_and_definitions() -> None:
    """CommonMark has no definition lists: written as `term` then `:   definition`, each pair read as one
    paragraph with a stray colon in it."""
    source = (CASES / "definition_lists.html").read_text(encoding="utf-8")
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    assert html.count("<dl>") == 2 and html.count("<dt>") == 4 and html.count("<dd>") == 4
    assert "<dt>\n<p><code>#PBS -q standard</code></p>\n</dt>" in html
    assert '<a href="https://e.com/limits">8 hours</a>' in html and "<em>new</em>" in html
    assert ":   " not in html and "<p>An orphan definition.</p>" in html


def test_lists_one_after_another_stay_apart_when_rendered() -> None:
    """Markdown reads two lists with the same marker, one right after the other, as one list."""
    source = (CASES / "adjacent_lists.html").read_text(encoding="utf-8")
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    # Every list that holds an item, the empty one aside, in columns or not.
    assert (html.count("<ul>"), html.count("<ol>")) == (source.count("<ul><li>"), source.count("<ol><li>")) == (10, 2)
    assert "<p>" not in html  # tight lists, as in the source


@given(st.lists(st.integers(min_value=1, max_value=4), min_size=1, max_size=5), st.booleans())
def test_every_cell_of_a_table_with_rows_of_different_widths_is_rendered(widths: list[int], header: bool) -> None:
    """Markdown drops the cells a row holds beyond its table's first row (a layout table's one-cell spacer row
    over rows of three)."""
    rows = [[f"c{r}x{c}" for c in range(width)] for r, width in enumerate(widths)]
    tag = ["td"] * len(rows)
    if header:
        tag[0] = "th"
    html = "<table>" + "".join(f"<tr>{''.join(f'<{tag[r]}>{cell}</{tag[r]}>' for cell in row)}</tr>"
                               for r, row in enumerate(rows)) + "</table>"
    rendered = MarkdownRenderer().render(html_to_markdown(html)).html
    assert all(cell in rendered for row in rows for cell in row)


@given(st.lists(st.sampled_from(("blockquote", "ul", "ol")), min_size=1, max_size=30))
@settings(deadline=None)
def test_quotes_and_lists_nested_at_any_depth_import_as_markdown_the_build_reads_whole(containers: list[str]) -> None:
    """Quotes and lists nested past markdown-it's limit imported as Markdown that every build reported as nested
    too deeply, its deepest words left out: the import flattens what is past the limit, and says so once."""
    opened = "".join(f"<{name}><li>" if name != "blockquote" else "<blockquote>" for name in containers)
    closed = "".join(f"</li></{name}>" if name != "blockquote" else "</blockquote>" for name in reversed(containers))
    ctx = Context()
    rendered = MarkdownRenderer().render(html_to_markdown(f"{opened}<p>deepest words</p>{closed}", ctx))
    assert rendered.notes == () and "deepest words" in rendered.html
    levels = sum(2 if name != "blockquote" else 1 for name in containers)
    assert dict(ctx.losses.counts) == ({} if levels <= 18 else {context.DEEP_BLOCKS: 1})


def test_a_list_that_counts_down_still_counts_down_when_rendered() -> None:
    html = MarkdownRenderer().render(html_to_markdown((CASES / "reversed_lists.html").read_text(encoding="utf-8"))).html
    lists = re.findall(r"<ol[^>]*>", html)
    assert lists == ['<ol reversed="">', '<ol reversed="" start="10">', "<ol>"]
    assert re.findall(r"<li>\s*<p>(\w+)", html) == ["Third", "Second", "First", "Ten", "Nine"]
    assert "<strong>Lynas</strong>" in html and "<li>a note</li>" in html


SEPARATORS = ("\n", " ", "\n<!-- button -->\n", "\n  <!-- a -->\n  <!-- b -->\n", "\n<span></span>\n", "<!-- c -->\n")
INLINE_PIECES = ("word", '<a href="https://e.com/">link</a>', "<em>it</em>", "<span>\n<em>opening a line</em></span>")


@settings(max_examples=200, deadline=None)
@given(parts=st.lists(st.tuples(st.sampled_from(SEPARATORS), st.sampled_from(INLINE_PIECES)), min_size=2, max_size=6),
       block=st.sampled_from(("div", "p", "li", "td")))
def test_whitespace_between_inline_elements_never_breaks_their_block(parts: list[tuple[str, str]], block: str) -> None:
    """However many newlines, comments and empty elements stand between a block's inline elements, a
    browser shows one space there: never the blank line that starts a new paragraph."""
    inner = "".join(separator + piece for separator, piece in parts)
    markdown = html_to_markdown(f"<table><tr><td>{inner}</td></tr></table>" if block == "td" else
                                f"<ul><li>{inner}</li></ul>" if block == "li" else f"<{block}>{inner}</{block}>")
    assert "\n\n" not in markdown.strip("\n"), markdown


@given(title=st.from_regex(r"[A-Za-zđà]{1,8}( [a-z]{1,6}){0,2}", fullmatch=True),
       more=st.from_regex(r"[A-Za-zđà]{1,8}( [a-z]{1,6})?", fullmatch=True),
       filler=st.sampled_from(("", "<b></b>", "<b></b><!-- x -->")), level=st.integers(min_value=1, max_value=6))
def test_a_see_more_link_against_a_section_title_keeps_both_apart(title: str, more: str, filler: str,
                                                                  level: int) -> None:
    """Whatever the words, a theme's section title and the "See more" link set against it both reach the
    page, the link still a link, and the heading holds the title's words only."""
    html = (f'<h{level} class="section-title">{filler}<span>{title}</span>{filler}'
            f'<a href="https://e.com/more/">{more}<i class="icon"></i></a></h{level}>')
    rendered = MarkdownRenderer().render(html_to_markdown(html)).html
    heading = re.search(rf"<h{level}[^>]*>(.*?)</h{level}>", rendered, re.S)
    assert heading is not None and heading.group(1) == title, rendered
    assert f'<a href="https://e.com/more/">{more}</a>' in rendered, rendered


INVISIBLE = ("", " ", "\n", '<svg viewBox="0 0 32 32"><path d="M2 2z"></path></svg>', '<i class="fa fa-x"></i>',
             "<span> </span>", "<!-- icon -->")


@settings(max_examples=200, deadline=None)
@given(words=st.text(alphabet="abcxyz", min_size=1, max_size=8), inline=st.sampled_from(("a", "strong", "em")),
       after=st.lists(st.sampled_from(INVISIBLE), max_size=3), block=st.sampled_from(("p", "li")))
def test_a_break_closing_an_inline_element_never_shows_its_markup(words: str, inline: str, after: list[str],
                                                                   block: str) -> None:
    """A page builder's icon link reads `Facebook<br><svg>…</svg></a>`: whatever invisible follows its break,
    the reader sees the words as a link (or bold, or italic), and no bracket, star or backslash."""
    start = '<a href="https://e.com/x">' if inline == "a" else f"<{inline}>"
    html = f"<{block}>{start}{words}<br>{''.join(after)}</{inline}> end</{block}>"
    rendered = MarkdownRenderer().render(html_to_markdown(f"<ul>{html}</ul>" if block == "li" else html)).html
    tag = {"a": '<a href="https://e.com/x"', "strong": "<strong", "em": "<em"}[inline]
    assert f">{words}</{inline}>" in rendered and tag in rendered, rendered
    assert not re.search(r"[\\*\[\]]", re.sub(r"<[^>]+>", "", rendered)), rendered


BREAKS = ("<br>", "<br />\n", "<br>&nbsp;", '<span style="font-weight: 400"><br /></span>', "<br>\r\n\t")


@settings(max_examples=300, deadline=None)
@given(lines=st.lists(st.tuples(st.text(alphabet="abc xyz", min_size=1, max_size=6),
                                st.lists(st.sampled_from(BREAKS), min_size=0, max_size=3)), min_size=1, max_size=5),
       inline=st.sampled_from(("", "span", "em", "strong")), block=st.sampled_from(("p", "div", "blockquote", "li")))
def test_blank_lines_typed_as_breaks_keep_every_word_in_order_and_no_backslash_alone(
        lines: list[tuple[str, list[str]]], inline: str, block: str) -> None:
    """However many breaks a classic editor's text holds, in whatever spans, the words stay in their order and
    no line of the Markdown is a lone backslash: a run of breaks is a paragraph's end, or one break."""
    body = "".join(f"w{i}{words}" + "".join(breaks) for i, (words, breaks) in enumerate(lines))
    html = f"<{inline}>{body}</{inline}>" if inline else body
    html = f"<ul><li>{html}</li></ul>" if block == "li" else f"<{block}>{html}</{block}>"
    markdown = html_to_markdown(html)
    assert not [line for line in markdown.splitlines() if line.strip(" >") == "\\"], markdown
    words = re.findall(r"w\d+", MarkdownRenderer().render(markdown).html)
    assert words == [f"w{i}" for i in range(len(lines))], markdown


@pytest.mark.parametrize("start", ["²", "--1", "1e3", "99999999999", ""])
def test_a_countdown_with_a_start_browsers_would_not_read_keeps_its_items(start: str) -> None:
    assert html_to_markdown(f'<ol reversed start="{start}"><li>Two</li><li>One</li></ol>') == (
        "<ol reversed>\n<li>\n\nTwo\n\n</li>\n<li>\n\nOne\n\n</li>\n</ol>\n")


def test_hundreds_of_unknown_shortcodes_nested_keep_their_text() -> None:
    """Each level is an unknown shortcode of its own name: beyond the builders' depth they stay raw text."""
    html = "".join(f"[theme_box_{i}]" for i in range(400)) + "deep words" + "".join(
        f"[/theme_box_{i}]" for i in reversed(range(400)))
    markdown = html_to_markdown(f"<p>{html}</p>")
    assert "deep words" in markdown and markdown.startswith("[theme_box_0\\]")


def test_a_comment_left_open_in_a_body_of_shortcodes_keeps_the_body() -> None:
    assert "text" in html_to_markdown("<p>[x] text</p>" + "<!--" * 2000)


@settings(max_examples=100, deadline=None)
@given(notes=st.lists(st.from_regex(r"[a-z]{1,6}( [a-z]{1,6}){0,2}", fullmatch=True), min_size=1, max_size=5),
       joint=st.sampled_from(("", " ", "<br>", "<br>\n")), holder=st.sampled_from(("p", "div", "li")))
def test_word_notes_run_into_one_paragraph_each_become_a_footnote(notes: list[str], joint: str, holder: str) -> None:
    """Word's notes pasted as one paragraph (`[1] One.<br>[2] Two.`, or with nothing between) are each a
    footnote with its own text, linked from its reference."""
    refs = "".join(f'w{i}<a href="#_ftn{i}">[{i}]</a> ' for i in range(1, len(notes) + 1))
    listed = joint.join(f'<a href="#_ftnref{i}" name="_ftn{i}">[{i}]</a> {note}.' for i, note in enumerate(notes, 1))
    block = f"<ul><li>{listed}</li></ul>" if holder == "li" else f"<{holder}>{listed}</{holder}>"
    html = MarkdownRenderer().render(html_to_markdown(f"<p>{refs}</p>{block}")).html
    items = re.findall(r'<li id="fn\d+" class="footnote-item"><p>(.*?) <a href', html)
    assert items == [f"{note}." for note in notes], html
    assert html.count('class="footnote-ref"') == len(notes)


@given(text=st.from_regex(r"[A-Za-zمیخ]{1,8}( [a-z#]{1,6}){0,2}", fullmatch=True),
       before=st.text(alphabet="\u200b\u200c\u2060\ufeff ", max_size=3),
       after=st.text(alphabet="\u200b\u200c\u2060\ufeff ", max_size=3),
       block=st.sampled_from(("h2", "h3", "p", "li", "td")), wrap=st.booleans())
def test_invisible_characters_at_a_blocks_edges_change_nothing(text: str, before: str, after: str, block: str,
                                                               wrap: bool) -> None:
    """Zero-width spaces, byte order marks, word joiners and non-joiners at the edges of a heading or
    paragraph (in a span or not) are not shown: its Markdown is that of the text without them."""
    def markdown(inner: str) -> str:
        inner = f"<span>{inner}</span>" if wrap and block.startswith("h") else inner
        html = f"<{block}>{inner}</{block}>"
        return html_to_markdown(f"<ul>{html}</ul>" if block == "li" else
                                f"<table><tr>{html}</tr></table>" if block == "td" else html)
    assert markdown(before + text + after) == markdown(text)


def test_a_gallery_renders_as_a_grid_of_one_paragraph_per_image_with_its_caption() -> None:
    # The stylesheet lays out `div.gallery` as a grid: the class must pass the sanitizer, and each image and its
    # caption must be one grid cell.
    source = (CASES / "gallery_blocks_grid.html").read_text(encoding="utf-8")
    html = MarkdownRenderer().render(html_to_markdown(source)).html
    grids = re.findall(r'<div class="gallery">\n(.*?)</div>', html, re.DOTALL)
    assert len(grids) == 3
    cells = re.findall(r"<p>(.*?)</p>", grids[0], re.DOTALL)
    assert len(cells) == 2 and cells[0].endswith("<br>\nBefore") and cells[1].endswith("<br>\nAfter")
    assert "<p>Both versions</p>" in html.split("</div>")[1]


@settings(max_examples=60, deadline=None)
@given(numbers=st.lists(st.integers(min_value=1, max_value=999), min_size=1, max_size=6, unique=True),
       bracket=st.booleans())
def test_footnotes_show_the_numbers_their_author_gave_them(numbers: list[int], bracket: bool) -> None:
    """Notes an author numbered (from 8 in an excerpt, or referenced out of order) show those numbers, in the
    text and in the list under it; the list shows each note's text against its number."""
    shown = [f"[{n}]" if bracket else str(n) for n in numbers]
    refs = "".join(f'w<sup><a href="#n{n}" id="r{n}">{label}</a></sup> ' for n, label in zip(numbers, shown))
    items = "".join(f'<li id="n{n}">Note {n}. <a href="#r{n}">↩</a></li>' for n in sorted(numbers))
    html = MarkdownRenderer().render(html_to_markdown(f"<p>{refs}</p><ol>{items}</ol>")).html
    assert re.findall(r'class="footnote-ref"><a [^>]*>\[(\d+)\]</a>', html) == [str(n) for n in numbers]
    listed = re.findall(r'<li id="fn(\d+)" class="footnote-item"(?: value="(\d+)")?><p>Note (\d+)\.', html)
    assert [int(value or place) for place, value, _ in listed] == [int(note) for _, _, note in listed]


def test_footnotes_an_author_numbered_twice_alike_are_numbered_in_order() -> None:
    """Two notes that show one number (two lists of notes in one post) cannot keep it: all are numbered in order."""
    html = ('<p>a<sup><a href="#x1">1</a></sup> b<sup><a href="#y1">1</a></sup></p>'
            '<ol><li id="x1">X.</li></ol><ol><li id="y1">Y.</li></ol>')
    assert "[^1]" in html_to_markdown(html) and "[^2]" in html_to_markdown(html)


@settings(max_examples=60, deadline=None)
@given(folders=st.lists(st.from_regex(r"[a-z0-9-]{1,8}", fullmatch=True), max_size=4),
       name=st.from_regex(r"[A-Za-z0-9][A-Za-z0-9 _-]{0,20}", fullmatch=True),
       kind=st.sampled_from(("audio", "video")), query=st.sampled_from(("", "?_=1", "?v=3")))
def test_a_players_link_is_named_by_its_files_name(folders: list[str], name: str, kind: str, query: str) -> None:
    """An audio or video player becomes a link to its file named by the file's name, whatever folders and
    player's number its address holds; the link keeps the address (without WordPress's `_=N`)."""
    path = "/".join([*folders, f"{name}.{'mp3' if kind == 'audio' else 'mp4'}"])
    url = f"https://media.example.org/{quote(path)}"
    markdown = html_to_markdown(f'<{kind} controls src="{url}{query}"></{kind}>')
    label = markdown[1:markdown.index("](")].replace("\\_", "_")  # Markdown's escape of a word's edge
    assert label == f"{kind.capitalize()}: {name}.{'mp3' if kind == 'audio' else 'mp4'}"
    assert markdown.rstrip().endswith(f"({url}{'' if query == '?_=1' else query})")


def test_a_file_embeds_address_is_read_in_linear_time() -> None:
    from generator.convert.embeds import embedded_file
    started = time.process_time()
    assert embedded_file("https://e.com/" + ".mp4x" * 100_000) == ""
    assert embedded_file("https://e.com/" + "a.pdf/" * 100_000 + "b.png") == "link"
    assert time.process_time() - started < 2


@pytest.mark.parametrize("content", ["https://www.youtube.com/watch?v=abc", "photo.jpg", "report-2024.pdf"])
def test_a_body_that_is_only_an_address_or_a_file_name_converts_without_a_warning(content: str) -> None:
    """bs4 warned on the terminal that such text "looks more like a URL than HTML", in the middle of an import."""
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        assert content.split("/")[-1].split("=")[-1] in html_to_markdown(content, Context())


WIDGET_PARTS = ('<div class="tagcloud"><a class="tag-link-5 tag-link-position-1" style="font-size: 8pt">x</a></div>',
                '<ul><li class="cat-item"><a href="/c/">c</a> (3)</li></ul>', '<table id="wp-calendar"><tr><td>1</td>'
                '</tr></table>', "<select><option>May 2020</option></select>", "<p>w</p>", "<img src=x.jpg>", "<br>")


@settings(max_examples=150, deadline=None)
@given(widget=st.sampled_from(sorted(CORE_LISTING_WIDGETS)), tag=st.sampled_from(("div", "section")),
       inner=st.lists(st.sampled_from(WIDGET_PARTS) | st.text(max_size=12).map(html.escape), max_size=6).map("".join))
def test_wordpresss_listing_widgets_in_the_text_go_with_their_titles(widget: str, inner: str, tag: str) -> None:
    """A core widget listing the site's posts, terms, comments or menus, put into a page's text by a shortcode or a
    builder's element, goes whole, whatever it holds; the author's words around it stay."""
    html = (f'<p>Before.</p><{tag} class="widget {widget}"><h2 class="widget-title">Zzqx</h2>'
            f'<ul><li><a href="/x/">Qqzz</a></li></ul>{inner}</{tag}><p>After.</p>')
    with warnings.catch_warnings():
        warnings.simplefilter("error", UserWarning)
        body = html_to_markdown(html, Context())
    assert body.startswith("Before.") and "After." in body and "Zzqx" not in body and "Qqzz" not in body
