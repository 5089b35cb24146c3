"""One pipeline: a post saved as a REST response and the same post in an export give the same Markdown.

Each REST form below is what WordPress returns for the export's raw content: blocks without their
comment delimiters, classic text through wpautop, [caption] rendered as WordPress renders it.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

import pytest

from generator.importer import run_import
from generator.store.documents import document_files
from tests.test_wxr import attachment, export, item

BLOCKS_RAW = """<!-- wp:paragraph -->
<p>The harbour opened a new <strong>container terminal</strong> on Monday.</p>
<!-- /wp:paragraph -->

<!-- wp:more -->
<!--more-->
<!-- /wp:more -->

<!-- wp:heading {"level":3} -->
<h3 class="wp-block-heading" id="cranes">Cranes</h3>
<!-- /wp:heading -->

<!-- wp:list -->
<ul class="wp-block-list"><!-- wp:list-item -->
<li>Four cranes</li>
<!-- /wp:list-item --><!-- wp:list-item -->
<li>Two berths</li>
<!-- /wp:list-item --></ul>
<!-- /wp:list -->

<!-- wp:gallery {"linkTo":"none"} -->
<figure class="wp-block-gallery has-nested-images columns-default"><!-- wp:image {"id":9} -->
<figure class="wp-block-image size-large"><img src="https://example.com/wp-content/uploads/crane.jpg" alt="A crane" class="wp-image-9"/><figcaption class="wp-element-caption">The first crane</figcaption></figure>
<!-- /wp:image --><!-- wp:image {"id":10} -->
<figure class="wp-block-image size-large"><img src="https://example.com/wp-content/uploads/berth.jpg" alt="A berth" class="wp-image-10"/></figure>
<!-- /wp:image --></figure>
<!-- /wp:gallery -->"""

BLOCKS_RENDERED = """
<p>The harbour opened a new <strong>container terminal</strong> on Monday.</p>

<!--more-->

<h3 class="wp-block-heading" id="cranes">Cranes</h3>

<ul class="wp-block-list">
<li>Four cranes</li>

<li>Two berths</li>
</ul>

<figure class="wp-block-gallery has-nested-images columns-default">
<figure class="wp-block-image size-large"><img src="https://example.com/wp-content/uploads/crane.jpg" alt="A crane" class="wp-image-9"/><figcaption class="wp-element-caption">The first crane</figcaption></figure>

<figure class="wp-block-image size-large"><img src="https://example.com/wp-content/uploads/berth.jpg" alt="A berth" class="wp-image-10"/></figure>
</figure>
"""

CLASSIC_RAW = """The ferry timetable changes in spring.
Boats leave every hour.

[caption id="attachment_9" align="aligncenter" width="300"]<img class="size-medium wp-image-9" src="https://example.com/wp-content/uploads/crane.jpg" alt="A crane" width="300" height="200" /> The first crane[/caption]

<ul>
<li>Monday to Friday</li>
<li>Weekends</li>
</ul>

Ask at the <a href="/desk/">desk</a> for tickets."""

CLASSIC_RENDERED = """<p>The ferry timetable changes in spring.<br />
Boats leave every hour.</p>
<figure id="attachment_9" aria-describedby="caption-attachment-9" style="width: 300px" class="wp-caption aligncenter"><img class="size-medium wp-image-9" src="https://example.com/wp-content/uploads/crane.jpg" alt="A crane" width="300" height="200" /><figcaption id="caption-attachment-9" class="wp-caption-text">The first crane</figcaption></figure>
<ul>
<li>Monday to Friday</li>
<li>Weekends</li>
</ul>
<p>Ask at the <a href="/desk/">desk</a> for tickets.</p>
"""

TERMS = [[{"id": 3, "name": "Port", "slug": "port", "taxonomy": "category"}],
         [{"id": 22, "name": "Ships", "slug": "ships", "taxonomy": "post_tag"}],
         [{"id": 40, "name": "North Coast", "slug": "north-coast", "taxonomy": "region"}]]
CATEGORIES = ('<category domain="category" nicename="port"><![CDATA[Port]]></category>'
              '<category domain="post_tag" nicename="ships"><![CDATA[Ships]]></category>'
              '<category domain="region" nicename="north-coast"><![CDATA[North Coast]]></category>')
HEADER_TERMS = """<wp:category><wp:term_id>3</wp:term_id><wp:category_nicename>port</wp:category_nicename>
<wp:category_parent></wp:category_parent><wp:cat_name><![CDATA[Port]]></wp:cat_name></wp:category>
<wp:tag><wp:term_id>22</wp:term_id><wp:tag_slug>ships</wp:tag_slug><wp:tag_name><![CDATA[Ships]]></wp:tag_name></wp:tag>
<wp:term><wp:term_id>40</wp:term_id><wp:term_taxonomy>region</wp:term_taxonomy><wp:term_slug>north-coast</wp:term_slug>
<wp:term_parent></wp:term_parent><wp:term_name><![CDATA[North Coast]]></wp:term_name></wp:term>
"""
IMAGE = {"id": 9, "source_url": "https://example.com/wp-content/uploads/crane.jpg", "alt_text": "A crane",
         "media_type": "image", "mime_type": "image/jpeg", "caption": {"rendered": "<p>The first crane</p>\n"}}


def rest_form(ident: int, title: str, rendered: str, excerpt: str, **extra: Any) -> dict[str, Any]:
    """The post as /wp/v2/posts/<id>?_embed returns it."""
    data: dict[str, Any] = {
        "id": ident, "type": "post", "status": "publish", "slug": f"post-{ident}",
        "link": f"https://example.com/?p={ident}", "guid": {"rendered": f"https://example.com/?p={ident}"},
        "date": "2024-03-01T12:00:00", "date_gmt": "2024-03-01T10:00:00",
        "modified": "2024-03-01T12:00:00", "modified_gmt": "2024-03-01T10:00:00",
        "title": {"rendered": title}, "content": {"rendered": rendered, "protected": False},
        "excerpt": {"rendered": excerpt, "protected": False}, "author": 3, "featured_media": 0,
        "categories": [3], "tags": [22], "region": [40],
        "_embedded": {"author": [{"id": 3, "name": "Ana Sousa", "slug": "ana", "link": ""}], "wp:term": TERMS},
    }
    data.update(extra)
    return data


CASES = {
    "blocks": (
        item(5, "Harbour terminal", BLOCKS_RAW, categories=CATEGORIES),
        rest_form(5, "Harbour terminal", BLOCKS_RENDERED,
                  "<p>The harbour opened a new container terminal on Monday.</p>\n"),  # its teaser, to <!--more-->
    ),
    "classic with a caption": (
        item(6, "Ferry timetable", CLASSIC_RAW, categories=CATEGORIES),
        rest_form(6, "Ferry timetable", CLASSIC_RENDERED,
                  "<p>The ferry timetable changes in spring. Boats leave every hour. Monday to Friday Weekends "
                  "Ask at the desk for tickets.</p>\n"),
    ),
    "featured image": (
        item(7, "With a picture", "<!-- wp:paragraph -->\n<p>Text.</p>\n<!-- /wp:paragraph -->",
             categories=CATEGORIES, meta={"_thumbnail_id": "9"}),
        rest_form(7, "With a picture", "\n<p>Text.</p>\n", "<p>Text.</p>\n", featured_media=9,
                  _embedded={"author": [{"id": 3, "name": "Ana Sousa", "slug": "ana", "link": ""}], "wp:term": TERMS,
                             "wp:featuredmedia": [IMAGE]}),
    ),
}


@pytest.mark.parametrize("case", sorted(CASES))
def test_a_post_gives_the_same_markdown_from_an_export_and_from_rest(tmp_path: Path, case: str) -> None:
    raw_item, rest = CASES[case]
    wxr = tmp_path / "export.xml"
    wxr.write_text(export(HEADER_TERMS + raw_item + attachment(9, 7, IMAGE["source_url"], alt="A crane",
                                                                caption="The first crane")))
    saved = tmp_path / "post.json"
    saved.write_text(json.dumps(rest))
    from_export = run_import([wxr], tmp_path / "a")
    from_rest = run_import([saved], tmp_path / "b")
    assert from_export.problems == [] and from_rest.problems == []
    markdown = {name: {p.name: p.read_text(encoding="utf-8") for p in document_files(tmp_path / name)}
                for name in ("a", "b")}
    assert markdown["a"] == markdown["b"] and len(markdown["a"]) == 1
    assert from_export.losses() == from_rest.losses()


def test_an_embed_links_to_the_same_video_in_both_forms(tmp_path: Path) -> None:
    """WordPress asks YouTube for the player when it renders; an export holds only the URL."""
    url = "https://www.youtube.com/watch?v=abc123"
    wxr = tmp_path / "export.xml"
    wxr.write_text(export(item(8, "Video", f"Before.\n\n{url}\n\nAfter.")))
    run_import([wxr], tmp_path / "content")
    text = document_files(tmp_path / "content")[0].read_text(encoding="utf-8")
    assert f"[YouTube video: {url}]({url})" in text and "Before." in text and "After." in text


def test_a_jetpack_youtube_player_links_to_the_video_page_an_export_links_to(tmp_path: Path) -> None:
    """Jetpack renders `[youtube=…]` as a player frame whose address carries the player's settings; the export of
    the same post holds the shortcode, which the import makes a link to the video's page. Both lead there."""
    page = "https://www.youtube.com/watch?v=sAkFhKQzfk4"
    player = ('<p><span class="embed-youtube" style="text-align:center; display: block;"><iframe class="youtube-player"'
              ' width="640" height="360" src="https://www.youtube.com/embed/sAkFhKQzfk4?version=3&#038;rel=1&#038;'
              'showsearch=0&#038;showinfo=1&#038;iv_load_policy=1&#038;fs=1&#038;hl=en-US&#038;autohide=2&#038;'
              'wmode=transparent" allowfullscreen="true" style="border:0;"></iframe></span></p>\n')
    wxr = tmp_path / "export.xml"
    wxr.write_text(export(item(9, "Video", f"Daisy spoke.\n\n[youtube={page}]")))
    saved = tmp_path / "post.json"
    saved.write_text(json.dumps(rest_form(9, "Video", f"<p>Daisy spoke.</p>\n{player}", "<p>Daisy spoke.</p>\n")))
    for source, name in ((wxr, "a"), (saved, "b")):
        run_import([source], tmp_path / name)
        text = document_files(tmp_path / name)[0].read_text(encoding="utf-8")
        assert f"[YouTube video: {page}]({page})" in text, text
