"""Pages of a static copy printed with a bare `<body>` (a copying tool or optimizer stripped its classes): the post is
the one the REST link in the head names, where the shortlink or the post's own element says the page shows it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.importer import ImportOptions, run_import
from generator.sources import head_post
from generator.store.documents import loads

PAGE = """<!DOCTYPE html><html lang="en"><head><title>{title} – Third Hemisphere</title>
<link rel="canonical" href="https://agency.example/{slug}/">{head}
<meta property="article:published_time" content="2023-06-26T14:18:03+00:00"></head>
<body><div class="site"><h1 class="entry-title">{title}</h1>{article}</div></body></html>"""
REST = '<link rel="alternate" title="JSON" type="application/json" href="/wp-json/wp/v2/{base}/{ident}">'


def _write(folder: Path, pages: dict[str, str], body: str) -> Path:
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text.replace("<body>", body), encoding="utf-8")
    return folder


@pytest.mark.parametrize("body", ["<body>", '<body class="custom">'])
def test_pages_whose_body_names_no_post_are_the_posts_their_rest_links_name(tmp_path: Path, body: str) -> None:
    """An agency's copy printed every page's `<body>` bare: its 41 posts and 8 pages gave nothing ("no post in its
    feeds or web pages"); a music blog's Cutline prints `<body class="custom">`. A post's page is the post its REST
    link names (as Simply Static saves it, too), where its shortlink or `post_class()` says it shows that post; a
    category's archive, whose REST link names a term, and a later page of a post are no post."""
    folder = _write(tmp_path / "copy", {
        "forum/index.html": PAGE.format(
            title="Circular economy forum", slug="forum",
            head=REST.format(base="posts", ident=3284) + '<link rel="shortlink" href="/?p=3284">',
            article='<div class="entry-content"><p>Leaders convene in Sydney.</p></div>'),
        "about/index.html": PAGE.format(
            title="About us", slug="about", head=REST.format(base="pages", ident=12),
            article='<article class="post-12 page type-page status-publish hentry"><div class="entry-content">'
                    '<p>We tell stories.</p></div></article>'),
        "category/news/index.html": PAGE.format(
            title="News", slug="category/news", head=REST.format(base="categories", ident=5),
            article='<article class="post-3284 post type-post"><div class="entry-content"><p>Leaders.</p></div>'
                    '</article>'),
        "other/index.html": PAGE.format(
            title="Other", slug="other", head=REST.format(base="posts", ident=77),
            article='<div class="entry-content"><p>A list of another post.</p></div>'),
        "2009/02/10/harlem/index.html": PAGE.format(
            title="Harlem video", slug="2009/02/10/harlem",
            head=('<link rel="alternate" type="application/json" href="./../../../../wp-json/wp/v2/posts/4376/'
                  'index.html"><link rel="shortlink" href="./../../../../index.html?p=4376">'),
            article='<div class="entry-content"><p>Garage rock done well.</p></div>'),
        "2009/02/10/harlem/2/index.html": PAGE.format(
            title="Harlem video", slug="2009/02/10/harlem/2", head=REST.format(base="posts", ident=4376),
            article='<div class="entry-content"><p>Page two.</p></div>').replace("<body>", '<body class="paged-2">')},
        body)
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    content = tmp_path / "content"
    forum = loads((content / "post" / "forum.md").read_text(encoding="utf-8"))
    about = loads((content / "page" / "about.md").read_text(encoding="utf-8"))
    assert (forum.source.id, forum.body.strip()) == (3284, "Leaders convene in Sydney.")
    assert (about.source.id, about.body.strip()) == (12, "We tell stories.")
    harlem = loads((content / "post" / "harlem.md").read_text(encoding="utf-8"))
    assert (harlem.source.id, harlem.body.strip()) == (4376, "Garage rock done well.")
    assert sorted(p.name for p in content.glob("*/*.md")) == ["about.md", "forum.md", "harlem.md"]
    assert result.problems == []


@settings(max_examples=300, deadline=None)
@given(head=st.lists(st.sampled_from([
    REST.format(base="posts", ident=9), REST.format(base="tags", ident=9), '<link rel="shortlink" href="/?p=9">',
    '<link rel="alternate" type="application/json" href="http://[x/wp-json/wp/v2/posts/9">',
    '<link rel="alternate" type="application/json" href="?rest_route=/wp/v2/news-archive/9">',
    '<link rel="alternate" type="application/json" href="/wp/v2/posts/0">', "<body>", "<body class='x'>", "<link",
    '<div class="post-9 type-news">']), max_size=6).map("".join), noise=st.binary(max_size=40))
def test_any_head_names_a_post_or_none_without_an_error(head: str, noise: bytes) -> None:
    data = head.encode() + noise + b"<body><p>x</p></body>"
    found = head_post.ident(data)
    assert found is None or found == 9
    document = lxml.html.document_fromstring(data.decode("utf-8", "replace"))
    post = head_post.post(document)
    assert post is None or (post[0] == 9 and post[1] in ("post", "news-archive", "news"))


def test_a_kubrick_heirs_post_is_its_entry_titled_by_its_heading(tmp_path: Path) -> None:
    """Cutline, a Kubrick heir older than `post_class()`, prints `<body class="custom">`, the title in an `<h2>`, the
    byline and the text in the page's one `<div class="entry">`, with no element of the post around them, and titles
    the page "Title, Site" (its feed link "Site RSS Feed", not WordPress's): a music blog's 2,698 posts its feeds did
    not hold were lost, and then titled with the site's name."""
    page = ('<!DOCTYPE html><html lang="en-US"><head><title>  20 Minute Loop, S/t (Self-released), Drawer B </title>'
            '<link rel="alternate" type="application/rss+xml" title="Drawer B RSS Feed" href="/feed/">'
            f'{REST.format(base="posts", ident=1962)}<link rel="shortlink" href="/?p=1962">'
            '<link rel="canonical" href="https://drawer.example/1998/12/31/loop/"></head><body class="custom">'
            '<div id="header"><h1><a href="/">Drawer B</a></h1></div><div id="content" class="posts">'
            '<h2>20 Minute Loop, S/t (Self-released)</h2><h4>Posted December 31st, 1998 by admin</h4>'
            '<div class="entry"><p>Freak pop.</p></div></div><div id="sidebar"><div class="entry">x</div></div>'
            '</body></html>')
    folder = _write(tmp_path / "copy", {"1998/12/31/loop/index.html": page}, '<body class="custom">')
    run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    loop = loads((tmp_path / "content" / "post" / "loop.md").read_text(encoding="utf-8"))
    assert (loop.source.id, loop.title) == (1962, "20 Minute Loop, S/t (Self-released)")
    assert loop.body.strip() == "Freak pop."


def test_a_template_page_that_marks_no_element_of_its_post_is_not_read_from_its_entry(tmp_path: Path) -> None:
    """Sahifa prints `body_class()` but no element of the post around its `entry` in its Authors, Tags and Timeline
    page templates, where the template lists the site's authors, tags or posts: such a page stays passed over, as
    before; only a page that names no post in its body is read from its one `entry`."""
    page = ('<!DOCTYPE html><html><head><title>Timeline – Sahifa</title></head><body class="page-template '
            'page-template-template-timeline page page-id-304"><article class="post-listing post">'
            '<div class="post-inner"><h1 class="name post-title entry-title">Timeline</h1><div class="entry"><h2>2015</h2><ul><li>30 January'
            '<a href="/world/bought/">13,000+ People Have Bought Our Theme</a></li></ul></div></div></article>'
            '</body></html>')
    folder = _write(tmp_path / "copy", {"timeline-page/index.html": page}, "<body>")
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    assert not (tmp_path / "content" / "page").exists()
    assert any(p.field == "content" and "passed over" in p.message for p in result.problems)
