"""The conversion's shortcuts give what the general code they replace gives.

Parsing builds tags without bs4's Tag constructor, the cleanup passes share one list of a post's tags until
the tree changes, passes skip posts that cannot hold what they look for, and the converter walks the tree
with its own process_tag. Each test here compares a shortcut with the general way, on the case files and
on HTML chosen to reach the corners (<pre>, tables, headings, whitespace between blocks, comments)."""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup, Tag
from markdownify import MarkdownConverter

from generator.convert.cleanup import clean
from generator.convert.context import Context
from generator.convert.markdown import NewsConverter, html_to_markdown
from generator.convert.parse import FragmentBuilder, may_hold, parse_fragment, styled_tags, tags_in, within
from generator.convert.shortcodes import expand

CASES = sorted((Path(__file__).parent / "cases" / "convert").glob("*.html"))
CORNERS = [
    "<h2 id='a'>Title <em>x</em></h2>\n\n<p> lead  <b>bold</b> <i> it </i> </p>\n<ul>\n <li> one </li>\n<li>two<ul><li>in</li></ul></li>\n</ul>",
    "<pre><code class='language-py'>a  =  1\n\n<b>b</b>\n</code></pre>\n<p>after <code>x  y</code></p>",
    "<pre>a\n\n\n<span>\n\n\nb</span></pre><div>c\n\n\n<span>\n\n\nd</span></div>",
    "<pre><span>a\n\n\n<b>\n\n\nb</b></span></pre>",
    "<table><thead><tr><th> h </th><th>i</th></tr></thead><tbody>\n<tr><td>1 | 2</td><td><p>block</p></td></tr></tbody></table>",
    "<blockquote>\n<p>q</p>\n<cite>who</cite></blockquote>text <!-- a comment --> more<br>next<hr>",
    "<div> <span> </span> <p>x</p> </div> <pre>  keep\n  this </pre> tail <kbd>ctrl</kbd>",
    "<h3><li>item</li> in heading</h3><dl><dt>term</dt><dd> def </dd></dl><details><summary>s</summary>body</details>",
]
INPUTS = [path.read_text(encoding="utf-8") for path in CASES] + CORNERS
LABELS = [path.stem for path in CASES] + [f"corner-{i}" for i in range(len(CORNERS))]


class MarkdownifyWalk(NewsConverter):
    """The same converter, walking the tree with markdownify's own process_tag."""

    process_tag = MarkdownConverter.process_tag


@pytest.mark.parametrize("html", INPUTS, ids=LABELS)
def test_converter_walk_gives_what_markdownify_walk_gives(html: str) -> None:
    def convert(converter: type[NewsConverter]) -> str:
        ctx = Context(title="A title", base_url="https://news.example/2024/05/post/")
        return converter(ctx).convert_soup(clean(parse_fragment(expand(html, ctx)), ctx))

    assert convert(NewsConverter) == convert(MarkdownifyWalk)


@pytest.mark.parametrize("html", INPUTS, ids=LABELS)
def test_parsed_tags_are_the_tags_bs4_builds(html: str) -> None:
    """Each parsed tag holds what bs4's constructor would give it, checked against a copy bs4 makes."""
    for tag in tags_in(parse_fragment(html)):
        raw = {k: " ".join(v) if isinstance(v, list) else v for k, v in tag.attrs.items()}
        made = Tag(None, FragmentBuilder(), tag.name, attrs=raw)
        for field in ("name", "namespace", "prefix", "attrs", "known_xml", "hidden", "can_be_empty_element",
                      "cdata_list_attributes", "preserve_whitespace_tags", "interesting_string_types"):
            assert getattr(tag, field) == getattr(made, field), (tag.name, field)
        assert [type(v) for v in tag.attrs.values()] == [type(v) for v in made.attrs.values()]
        assert tag.next_element is None or tag.next_element.previous_element is tag
        assert tag.previous_sibling is None or tag.previous_sibling.next_sibling is tag


def _walk(soup: BeautifulSoup) -> list[Tag]:
    return [node for node in soup.descendants if isinstance(node, Tag)]


def test_tag_list_follows_every_kind_of_edit() -> None:
    soup = parse_fragment("<div><p>a <b>b</b> <i>c</i></p><ul><li>x</li><li>y</li></ul><p id=z>z</p></div>")
    edits = [
        lambda: soup.find("b").decompose(),
        lambda: soup.find("i").unwrap(),
        lambda: soup.find("li").wrap(soup.new_tag("section")),
        lambda: soup.find("p", id="z").replace_with(soup.new_tag("hr")),
        lambda: soup.find("ul").insert_before(soup.new_tag("h2")),
        lambda: soup.find("div").append(soup.new_tag("figure")),
        lambda: setattr(soup.find("h2"), "string", "heading"),
        lambda: soup.find("section").extract(),
        lambda: soup.find("p").contents[0].replace_with(soup.new_tag("img")),
        lambda: soup.find("ul").clear(),
        lambda: soup.insert(0, soup.new_tag("aside")),
    ]
    assert tags_in(soup) == _walk(soup)
    for edit in edits:
        edit()
        assert tags_in(soup) == _walk(soup)


def test_each_caller_gets_its_own_list() -> None:
    soup = parse_fragment("<p>a</p><p>b</p>")
    tags_in(soup).clear()
    assert [t.name for t in tags_in(soup)] == ["p", "p"]


def test_a_soup_knows_every_class_and_id_it_held() -> None:
    soup = parse_fragment('<p class="lead sr-only" id="top">x</p>')
    assert may_hold(soup, frozenset({"sr-only"})) and may_hold(soup, ids=frozenset({"top"}))
    assert not may_hold(soup, frozenset({"sharedaddy"}), frozenset({"toc"}))
    soup.p.append(soup.new_tag("span", attrs={"class": "sharedaddy", "id": "toc"}))
    assert may_hold(soup, frozenset({"sharedaddy"})) and may_hold(soup, ids=frozenset({"toc"}))
    assert may_hold(BeautifulSoup("<p>x</p>", "html.parser"), frozenset({"anything"}))


def test_a_soup_knows_every_attribute_name_and_the_tags_it_parsed_with_a_style() -> None:
    soup = parse_fragment('<p data-bg="a.jpg">x <span style="display:none">y</span> <b style="">z</b></p>')
    assert may_hold(soup, attributes=frozenset({"data-bg"})) and not may_hold(soup, attributes=frozenset({"onclick"}))
    soup.p.append(soup.new_tag("a", attrs={"onclick": "go()"}))
    assert may_hold(soup, attributes=frozenset({"onclick"}))
    assert [t.name for t in styled_tags(soup)] == ["span", "b"]
    soup.span.decompose()
    taken = soup.b.extract()
    assert [t.name for t in styled_tags(soup)] == ["b"] and not within(taken, soup)
    assert within(soup.p, soup)


@pytest.mark.parametrize("html, kept", [
    ("<p>a</p><!--more--><p>b</p>", True),
    ("<p>a</p><p>b</p>", False),
])
def test_more_marker_survives_with_or_without_other_comments(html: str, kept: bool) -> None:
    assert ("<!--more-->" in html_to_markdown(html + "<!-- editor note -->")) is kept
    assert "editor note" not in html_to_markdown(html + "<!-- editor note -->")
