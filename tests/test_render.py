"""Markdown rendering: heading ids, unique anchors, code highlighting, links to mirrored posts, remote media
kept off the page; the TOC built from the headings."""

from __future__ import annotations

import re
from html import escape
from html.parser import HTMLParser
from types import SimpleNamespace

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from markdown_it.common.normalize_url import normalizeLink
from markdown_it.helpers import parseLinkDestination

from generator.convert.document import Source
from generator.render.body_headings import Heading, slugify
from generator.render.local_links import local_pages, page_key, source_key
from generator.render.markdown import MarkdownRenderer, code_css, normalize_link, parse_link_destination
from generator.render.remote_media import LOADING
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
    assert '<pre tabindex="0" class="highlight"><code class="language-python">' in html
    assert '<span class="s1">\'&lt;b&gt;\'</span>' in html
    assert '<code class="language-nosuchlang">&lt;b&gt;' in html
    assert "@media screen and (prefers-color-scheme: dark)" in code_css()


def test_pipe_tables_render() -> None:
    assert '<table tabindex="0">' in render("| a | b |\n|---|---|\n| 1 | 2 |\n").html


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


MIRRORED = {source_key("https://example.com/news/other/"): "news-archive/other/index.html",
            source_key("https://example.com/?p=12"): "news-archive/by-id/index.html"}
HERE = "news-archive/this/index.html"


@pytest.mark.parametrize(("href", "expected"), [
    ("https://example.com/news/other/", "../other/index.html"),
    ("http://WWW.Example.COM/news/other", "../other/index.html"),
    # Which ids another page has is not known while this one renders: a dead fragment would fail the check.
    ("https://example.com/news/other/#bottom-line", "../other/index.html"),
    ("https://example.com/news/%6Fther/", "../other/index.html"),
    ("https://example.com/?p=12", "../by-id/index.html"),
    ("https://example.com/?page_id=12", "../by-id/index.html"),
    ("https://www.example.com/index.php?p=0012&preview=true", "../by-id/index.html"),
    ("https://example.com/?p=13", "https://example.com/?p=13"),
    ("https://example.com/news/gone/", "https://example.com/news/gone/"),
    ("https://example.com/news/Other/", "https://example.com/news/Other/"),
    ("https://example.org/news/other/", "https://example.org/news/other/"),
    ("mailto:desk@example.com", "mailto:desk@example.com"),
])
def test_links_to_mirrored_posts_become_relative_links_to_their_pages(href: str, expected: str) -> None:
    html = MarkdownRenderer(MIRRORED).render(f"See [this]({href}).\n", HERE).html
    assert f'<a href="{escape(expected)}">this</a>' in html


SOURCE = "https://example.com/news/this/"
SITE_PAGES = {**MIRRORED, **{page_key(path): path for path in (*MIRRORED.values(), HERE)}}


@pytest.mark.parametrize(("markdown", "expected"), [
    ("[up](/news/other/)", '<a href="../other/index.html">up</a>'),
    ("[not a page](../gone/index.html)", '<a href="https://example.com/news/gone/index.html">not a page</a>'),
    ("[sibling](../other/)", '<a href="../other/index.html">sibling</a>'),
    ("[by id](?p=12)", '<a href="../by-id/index.html">by id</a>'),
    ("[file](report.html)", '<a href="https://example.com/news/this/report.html">file</a>'),
    ("[old](../2016/03/x/)", '<a href="https://example.com/news/2016/03/x/">old</a>'),
    ("![Pit](/wp-content/uploads/pit.jpg)",
     '<span class="remote-media">Image: Pit — <a href="https://example.com/wp-content/uploads/pit.jpg">'
     "open original</a></span>"),
    ('<a href="/news/other/" title="t">raw</a>', '<a href="../other/index.html" title="t">raw</a>'),
    ('<img src="x.png" srcset="x.png 1x, /y.png 2x" alt="Raw">',
     '<span class="remote-media">Image: Raw — <a href="https://example.com/news/this/x.png">open original</a>'
     "</span>"),
    ('<p>One\n<a class="x"\nhref="/news/other/">two</a> <img src="/b.png"\n alt="B"/> '
     '<a href="https://example.com/news/other/">three</a></p>',
     '<p>One\n<a href="../other/index.html">two</a> <span class="remote-media">Image: B — '
     '<a href="https://example.com/b.png">open original</a></span> <a href="../other/index.html">three</a></p>'),
    ("[written as the site does](../other/index.html#part) [here](index.html)",
     '<a href="../other/index.html">written as the site does</a> <a href="index.html">here</a>'),
    ("[mail](mailto:desk@example.com) [web](//example.org/a)",
     '<a href="mailto:desk@example.com">mail</a> <a href="//example.org/a">web</a>'),
])
def test_links_and_images_relative_to_the_source_site_are_resolved_against_the_post_url(
        markdown: str, expected: str) -> None:
    body = MarkdownRenderer(SITE_PAGES).render(markdown + "\n", HERE, SOURCE)
    assert expected in body.html and body.notes == ()


def test_without_a_source_url_relative_links_show_as_text_and_are_reported() -> None:
    body = MarkdownRenderer(MIRRORED).render(
        '[up](/news/other/) ![Pit](/pit.jpg) <img src="x.png" alt="Raw"> [web](https://example.org/)\n', HERE, "/news/")
    assert body.html == ('<p><a>up</a> <span class="remote-media">Image: Pit</span> <img alt="Raw"> '
                         '<a href="https://example.org/">web</a></p>\n')
    assert body.notes == ("3 link(s) or image(s) relative to the original site are shown as text: source.url is not "
                          "a web address to resolve them against (import the posts again with `--site URL`, the "
                          "site's address)",)


@pytest.mark.parametrize(("markdown", "expected"), [
    ("## Supply {#supply}\n\n[there](#supply)", '<a href="#supply">there</a>'),
    ("## 中文 {#%e4%b8%ad}\n\n[there](#%e4%b8%ad)", '<h2 id="中">中文</h2>\n<p><a href="#%e4%b8%ad">there</a>'),
    ("## Supply\n\n[there](#supply)", '<a href="#supply">there</a>'),
    ("[toc](#toc1) <a href=\"#toc2\">raw</a>", "<a>toc</a> <a>raw</a>"),
    ('<a id="anchor"></a>[there](#anchor)', '<a href="#anchor">there</a>'),
    ("[top](#top)", "<a>top</a>"),
    ('![](#top) <img src="#x" alt="Anchor">', '<span class="remote-media">Image</span> <img alt="Anchor">'),
    ("Text[^1].\n\n[^1]: Note.", '<a href="#fn1" id="fnref1">'),
    ("[self](https://example.com/news/this/#supply)\n\n## Supply", '<a href="#supply">self</a>'),
    ("[self](https://example.com/news/this/#gone)", "<a>self</a>"),
])
def test_links_within_the_page_lead_to_an_id_it_has_or_show_as_text(markdown: str, expected: str) -> None:
    mirrored = {**MIRRORED, source_key(SOURCE): HERE}
    assert expected in MarkdownRenderer(mirrored).render(markdown + "\n", HERE, SOURCE).html


def test_posts_are_found_by_their_url_their_guid_their_id_and_their_type_and_slug() -> None:
    def mirrored(post_type: str, slug: str, source: Source) -> SimpleNamespace:
        return SimpleNamespace(type=post_type, slug=slug, source=source)

    pages = local_pages(SimpleNamespace(taxonomies=(), posts=[  # duck-typed: posts' type, slug and source
        mirrored("news-archive", "a", Source(12, "https://www.example.com/news/a/", "https://example.com/?p=12")),
        mirrored("page", "about", Source(30, "https://example.com/about/", "/?page_id=30")),
        mirrored("post", "old", Source(40, "https://example.com/?p=12", "")),  # its URL is another post's guid
    ]))
    found = {url: pages.get(source_key(url) or "") for url in (
        "https://example.com/?p=12", "https://www.example.com/?page_id=30&lang=en", "http://example.com/index.php?p=40",
        "https://example.com/?news-archive=a", "https://example.com/?pagename=about", "https://example.com/?name=old",
        "https://example.com/?p=99", "https://example.org/?p=30")}
    assert found == {
        "https://example.com/?p=12": "post/old/index.html",  # a post's own URL before any other way to reach one
        "https://www.example.com/?page_id=30&lang=en": "page/about/index.html",
        "http://example.com/index.php?p=40": "post/old/index.html",
        "https://example.com/?news-archive=a": "news-archive/a/index.html",
        "https://example.com/?pagename=about": "page/about/index.html",
        "https://example.com/?name=old": "post/old/index.html",
        "https://example.com/?p=99": None, "https://example.org/?p=30": None}


@settings(max_examples=60, deadline=None)
@given(st.permutations(range(6)))
def test_which_post_a_shared_url_leads_to_does_not_depend_on_the_posts_order(order: list[int]) -> None:
    """The build keeps the pages while what they are made of is unchanged, whatever the dates (a moved
    post reorders the site): two posts saved under one URL, guid or id must not swap then."""
    posts = [SimpleNamespace(type="post", slug=slug, source=Source(ident, url, guid)) for slug, ident, url, guid in (
        ("a", 7, "https://example.com/a/", "https://example.com/?p=7"),
        ("a-8", 8, "https://example.com/a/", "https://example.com/?p=7"),
        ("b", 9, "https://www.example.com/b", "http://old.example/?p=9"),
        ("b-copy", 9, "https://example.com/b/", "http://old.example/?p=9"),
        ("c", 11, "https://example.com/?p=8", ""),
        ("d", 12, "https://example.com/d/", "http://other.example/?p=12"))]
    expected = local_pages(SimpleNamespace(taxonomies=(), posts=posts))
    assert local_pages(SimpleNamespace(taxonomies=(), posts=[posts[i] for i in order])) == expected


def test_a_post_is_found_by_its_path_on_the_host_the_site_had_when_its_guids_were_written() -> None:
    """A site that moved keeps its old host in its guids, and its older posts link to each other there."""
    def mirrored(slug: str, ident: int, guid_host: str) -> SimpleNamespace:
        return SimpleNamespace(type="post", slug=slug, source=Source(
            ident, f"http://www.arzebiu.com/2010/04/{slug}/", f"http://{guid_host}/?p={ident}"))

    pages = local_pages(SimpleNamespace(taxonomies=(), posts=[mirrored("casa", 73, "arzebiu.zi-yu.com"),
                                                              mirrored("novo", 90, "www.arzebiu.com")]))
    found = {url: pages.get(source_key(url) or "") for url in (
        "http://arzebiu.zi-yu.com/2010/04/novo/", "http://arzebiu.zi-yu.com/2010/04/casa/#c",
        "http://arzebiu.zi-yu.com/", "http://arzebiu.zi-yu.com/2010/04/other/", "http://elsewhere.org/2010/04/casa/")}
    assert found == {"http://arzebiu.zi-yu.com/2010/04/novo/": "post/novo/index.html",
                     "http://arzebiu.zi-yu.com/2010/04/casa/#c": "post/casa/index.html",
                     "http://arzebiu.zi-yu.com/": None, "http://arzebiu.zi-yu.com/2010/04/other/": None,
                     "http://elsewhere.org/2010/04/casa/": None}


@pytest.mark.parametrize("compiled", [True, False])
def test_a_link_from_before_the_site_changed_its_permalinks_finds_the_post_its_last_part_is_the_slug_of(
        compiled: bool) -> None:
    """WordPress answers an address that no post has with the post whose slug its last part is
    (redirect_guess_404_permalink): a blog that went from dated permalinks to `/<category>/<slug>/` (or from
    `/<slug>/` to dated ones) keeps links of the old form in its posts, which lead to their posts there."""
    def mirrored(post_type: str, slug: str, ident: int, url: str, guid: str) -> SimpleNamespace:
        return SimpleNamespace(type=post_type, slug=slug, source=Source(ident, url, guid))

    site = SimpleNamespace(taxonomies=(), posts=[
        mirrored("post", "puerto", 1369, "http://karst.example/windows/puerto/", "http://karst.example/?p=1369"),
        mirrored("post", "aventura", 2035, "http://example.com/travel/2016/04/24/aventura/",
                 "http://www.old.example/travel/?p=2035"),
        mirrored("page", "map", 40, "http://example.com/travel/map/", "http://example.com/travel/?page_id=40"),
        mirrored("post", "shared", 7, "http://example.com/travel/2020/01/02/shared/", ""),
        mirrored("news", "shared", 8, "http://example.com/travel/news/shared/", ""),
        mirrored("post", "2019", 9, "http://example.com/travel/2019/05/06/2019/", "")])
    links = {
        "http://karst.example/2014/02/14/puerto/": "../puerto/index.html",
        "http://karst.example/2014/02/PUERTO/#comments": "../puerto/index.html",
        "http://example.com/travel/aventura/": "../aventura/index.html",
        "http://old.example/travel/aventura": "../aventura/index.html",
        "http://example.com/travel/shared/": None,  # two posts have that slug: WordPress's guess could be either
        "http://example.com/travel/2019/": None,  # a year's archive
        "http://example.com/travel/tag/aventura/": None, "http://example.com/travel/aventura/feed/": None,
        "http://example.com/travel/other/aventura/": None, "http://example.com/aventura/": None,
        "http://elsewhere.example/2014/02/14/puerto/": None, "http://karst.example/?s=puerto": None}
    renderer = MarkdownRenderer(local_pages(site), compiled=compiled)
    for url, page in links.items():
        html = renderer.render(f"[there]({url})\n", "post/here/index.html", "http://karst.example/x/here/").html
        assert f'href="{escape(page or url)}"' in html, url


def test_a_link_to_a_post_saved_from_a_language_folder_finds_it_at_the_root_where_pages_are_too() -> None:
    """WPML and Polylang serve a post at `/slug/` and at `/en/slug/`, one id at two addresses; a crawl of both
    keeps one copy. A root that holds pages of its own is a home beside `/en/` (a site in a folder has none)."""
    def mirrored(post_type: str, slug: str, ident: int, url: str) -> SimpleNamespace:
        return SimpleNamespace(type=post_type, slug=slug, source=Source(ident, url, f"https://ar.example/?p={ident}"))

    pages = local_pages(SimpleNamespace(taxonomies=(), posts=[
        mirrored("page", "archive", 247, "https://ar.example/en/archive/"),
        mirrored("page", "privacy-policy", 3, "https://ar.example/privacy-policy/"),
        mirrored("post", "lilu", 12, "https://ar.example/en/lilu/")]))
    blog = local_pages(SimpleNamespace(taxonomies=(), posts=[
        mirrored("page", "about", 5, "https://ar.example/blog/about/"),
        mirrored("post", "lilu", 12, "https://ar.example/blog/lilu/")]))
    renderer, in_folder = MarkdownRenderer(pages), MarkdownRenderer(blog)
    for url, page in {"https://ar.example/archive/": "../../page/archive/index.html",
                      "https://ar.example/lilu/": "../lilu/index.html",
                      "https://ar.example/en/lilu/": "../lilu/index.html"}.items():
        assert f'href="{page}"' in renderer.render(f"[there]({url})\n", "post/here/index.html").html, url
    # A site in a folder: a link to the host's root is another site's.
    assert 'href="https://ar.example/lilu/"' in in_folder.render("[x](https://ar.example/lilu/)\n",
                                                                 "post/here/index.html").html


@pytest.mark.parametrize(("url", "shown"), [
    ("https://kamoland.com/wiki/wiki.cgi?WebDAV%A4%C7Windows", "https://kamoland.com/wiki/wiki.cgi?WebDAV%A4%C7Windows"),
    ("https://ja.wikipedia.org/wiki/%E6%97%A5/%A4", "https://ja.wikipedia.org/wiki/日/%A4"),
    ("https://es.wikipedia.org/wiki/Fase_f%C3%A1lica", "https://es.wikipedia.org/wiki/Fase_fálica"),
])
def test_an_address_shown_as_its_own_link_text_never_shows_escapes_that_are_not_utf8_as_marks(url: str,
                                                                                          shown: str) -> None:
    """Sites of the EUC-JP and GBK era link to addresses escaped in those encodings: decoded as UTF-8 they
    would read as a row of U+FFFD marks."""
    html = MarkdownRenderer().render(f"<{url}>\n").html
    assert f'href="{url}"' in html and f">{shown}</a>" in html


def test_mirrored_post_urls_are_keyed_by_what_varies_between_links() -> None:
    assert source_key("https://www.Example.com/a/b/") == source_key("http://example.com/a/b") == "example.com/a/b"
    assert source_key("https://example.com:8443/a") == "example.com:8443/a"
    assert source_key("ftp://example.com/a") is None and source_key("relative") is None
    # A path from the root, as a crawl saved without its host names its posts: on a host no address has.
    assert source_key("/2016/a/") == "~/2016/a" and source_key("/?p=12") == "~?p=12"
    assert source_key("http://[::1") is None


@pytest.mark.parametrize(("markdown", "expected"), [
    ("![Open pit](https://e.com/pit.jpg)\n",
     '<span class="remote-media">Image: Open pit — <a href="https://e.com/pit.jpg">open original</a></span>'),
    ("![](//e.com/x.jpg \"Bayan Obo\")\n",
     '<span class="remote-media">Image: Bayan Obo — <a href="//e.com/x.jpg">open original</a></span>'),
    ("[![Open pit](https://e.com/pit.jpg)](https://e.com/full.jpg)\n",
     '<a href="https://e.com/full.jpg"><span class="remote-media">Image: Open pit</span></a>'),
    ("![Chart](img/chart.png)\n", '<img src="img/chart.png" alt="Chart">'),
])
def test_remote_images_become_links_to_the_original(markdown: str, expected: str) -> None:
    assert expected in render(markdown).html


@pytest.mark.parametrize(("raw", "expected"), [
    ('<iframe src="https://www.youtube.com/embed/x" title="Interview"></iframe>\n',
     '<span class="remote-media">Embedded page: Interview — '
     '<a href="https://www.youtube.com/embed/x">open original</a></span>\n'),
    ('<figure><img src="https://e.com/a.jpg" alt="A &amp; B"><figcaption>Cap</figcaption></figure>\n',
     '<figure><span class="remote-media">Image: A &amp; B — <a href="https://e.com/a.jpg">open original</a>'
     '</span><figcaption>Cap</figcaption></figure>\n'),
    ('<video controls>\n<source src="https://e.com/v.mp4">\n<track src="https://e.com/t.vtt">\n</video>\n',
     '\n<span class="remote-media">Video — <a href="https://e.com/v.mp4">open original</a></span>\n\n\n'),
    ('<div style="background:url(https://e.com/bg.png)" class="hero">Hi</div>\n', '<div>Hi</div>\n'),
    ('<p><img src="https://e.com/a.jpg" style="background:url(https://e.com/b.png)" alt="A"></p>\n',
     '<p><span class="remote-media">Image: A — <a href="https://e.com/a.jpg">open original</a></span></p>\n'),
    ('<p>a<script src="https://e.com/t.js"></script>b</p>\n', "<p>ab</p>\n"),
    ('<p><a href="https://e.com/"><img srcset="https://e.com/1.jpg 1x, https://e.com/2.jpg 2x"></a></p>\n',
     '<p><a href="https://e.com/"><span class="remote-media">Image</span></a></p>\n'),
    ('<p><img src="local.png" alt="kept"> <a href="https://e.com/">link</a></p>\n',
     '<p><img src="local.png" alt="kept"> <a href="https://e.com/">link</a></p>\n'),
])
def test_raw_html_that_would_load_from_the_network_is_neutralised(raw: str, expected: str) -> None:
    assert render(raw).html == expected


def test_inline_raw_html_inside_a_markdown_link_gets_no_nested_link() -> None:
    html = render('[<img src="https://e.com/x.jpg" alt="X">](https://e.com/page)\n').html
    assert html == '<p><a href="https://e.com/page"><span class="remote-media">Image: X</span></a></p>\n'


def test_nothing_rendered_loads_from_the_network() -> None:
    html = render('![a](https://e.com/1.jpg) <img src="http://e.com/2.jpg">\n\n<audio src="https://e.com/a.mp3">'
                  '</audio>\n\n<embed src="//e.com/x.swf">\n\n<object data="https://e.com/o.pdf"></object>\n').html
    assert not re.search(r"<(img|audio|embed|object|iframe|video|source)\b", html)
    assert html.count('class="remote-media"') == 5


def remote_loads(html: str) -> list[str]:
    """What a browser would fetch from the network to show `html`, found the way the shared sitecheck does."""
    found: list[str] = []

    class Loads(HTMLParser):
        def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
            for name, value in attrs:
                if (name in LOADING.get(tag, ()) and "//" in (value or "")) or \
                        (name == "style" and "url(" in (value or "") and "//" in (value or "")):
                    found.append(f"<{tag} {name}={value}>")

    Loads().feed(html)
    return found


tags = st.sampled_from(['<img src="{u}" alt="a">', '<iframe src="{u}"></iframe>', '<video src="{u}"></video>',
                        '<audio><source src="{u}"></audio>', '<picture><source srcset="{u} 2x"></picture>',
                        '<embed src="{u}">', '<object data="{u}"></object>', '<script src="{u}"></script>',
                        '<div style="background:url({u})">x</div>', '<a href="{u}">{inner}</a>', '<p>{inner}</p>',
                        '<img\nsrc="{u}"\nalt="multi line">', '![alt]({u})', '[![alt]({u})]({u})'])
addresses = st.sampled_from(["https://e.com/x.jpg", "http://e.com/y", "//e.com/z.png", "local/file.png"])


@st.composite
def fragments(draw: st.DrawFn) -> str:
    parts = [draw(tags).format(u=draw(addresses), inner=draw(tags).format(u=draw(addresses), inner="t"))
             for _ in range(draw(st.integers(1, 4)))]
    return draw(st.sampled_from(["\n\n", " ", "\n"])).join(parts) + "\n"


@settings(max_examples=200, deadline=None)
@given(fragments())
def test_nothing_rendered_from_any_mix_of_markdown_and_html_loads_remotely(markdown: str) -> None:
    assert remote_loads(render(markdown).html) == []


url_parts = st.sampled_from(["http://", "https://", "HTTPS://", "//", "mailto:", "ftp://", "", "e.com", "E.com",
                             "xn--bcher-kva.de", "bücher.de", "a_b.com", "-x.org", ".", "..", ":80", ":", "@", "/",
                             "//", "a", "A9", "-", "_", "~", "%", "%2F", "%zz", "?q=1", "#top", " ", "(", ")",
                             "\\", "<", ">", "\"", "'", "é", "\ud83d", "\x7f", "\n", "x" * 64, "y" * 250])
# Mostly web addresses, as links are, with one odd part somewhere.
web_addresses = st.tuples(st.sampled_from(["http://", "https://", "//", "HTTP://", "https:"]),
                          st.lists(st.sampled_from(["e", "www", "xn--bcher-kva", "a-b", "x" * 63, "é", "_",
                                                   ".".join(["h" * 63] * 4)]),
                                   min_size=0, max_size=5).map(".".join),
                          st.lists(url_parts, max_size=3).map("".join),
                          st.lists(st.sampled_from(["/", "news", "a-b_c.~", "%41", "%zz", "é", "(", "@", "x" * 80]),
                                   max_size=6).map("".join)).map("".join)


@settings(max_examples=2000, deadline=None)
@given(st.one_of(web_addresses, st.lists(url_parts, max_size=8).map("".join)))
def test_links_are_normalised_as_markdown_it_does(url: str) -> None:
    """The shortcut for plain web addresses gives what markdown-it's own normalizeLink gives, for anything."""
    assert normalize_link(url) == normalizeLink(url)


@settings(max_examples=2000, deadline=None)
@given(st.lists(url_parts, max_size=8).map("".join), st.integers(0, 3), st.integers(0, 3))
def test_link_destinations_are_parsed_as_markdown_it_does(text: str, start: int, cut: int) -> None:
    start, end = min(start, len(text)), max(min(start, len(text)), len(text) - cut)
    ours, theirs = parse_link_destination(text, start, end), parseLinkDestination(text, start, end)
    assert (ours.ok, ours.ok and ours.pos, ours.ok and ours.str) == (theirs.ok, theirs.ok and theirs.pos,
                                                                    theirs.ok and theirs.str)
