"""Pages of a static copy printed with a bare `<body>` (a copying tool or optimizer stripped its classes): the post is
the one the REST link in the head names, where the shortlink or the post's own element says the page shows it."""

from __future__ import annotations

from pathlib import Path

import lxml.html
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


def _write(folder: Path, pages: dict[str, str]) -> Path:
    for name, text in pages.items():
        (folder / name).parent.mkdir(parents=True, exist_ok=True)
        (folder / name).write_text(text, encoding="utf-8")
    return folder


def test_pages_with_a_bare_body_are_the_posts_their_rest_links_name(tmp_path: Path) -> None:
    """An agency's copy printed every page's `<body>` bare: its 41 posts and 8 pages gave nothing ("no post in its
    feeds or web pages"). A post's page is the post its REST link names, where its shortlink or `post_class()` says
    it shows that post; a category's archive, whose REST link names a term, is no post."""
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
            article='<div class="entry-content"><p>A list of another post.</p></div>')})
    result = run_import([folder], tmp_path / "content", ImportOptions(workers=1))
    content = tmp_path / "content"
    forum = loads((content / "post" / "forum.md").read_text(encoding="utf-8"))
    about = loads((content / "page" / "about.md").read_text(encoding="utf-8"))
    assert (forum.source.id, forum.body.strip()) == (3284, "Leaders convene in Sydney.")
    assert (about.source.id, about.body.strip()) == (12, "We tell stories.")
    assert sorted(p.name for p in content.glob("*/*.md")) == ["about.md", "forum.md"]
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
