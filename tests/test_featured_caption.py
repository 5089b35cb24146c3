"""A news photo's caption and credit, which the featured image's attachment gives (`_embedded` or the saved media),
travel with it: into the front matter, and under the picture on the post's page."""

from __future__ import annotations

import json
from datetime import datetime, timezone
from pathlib import Path

from generator.builder import run_build
from generator.convert.context import Media
from generator.convert.document import Image
from generator.convert.wp_post import Lookups, to_document
from generator.importer import run_import
from generator.render.media_views import featured_image, featured_key
from generator.render.remote_media import media_key
from generator.store.documents import loads
from tests.conftest import rest_item as item
from tests.site_content import config, post, write_content

CAPTION = "<p>Boats tied up at the quay on Monday. <em>Photo: Mara Lind / Isle Post</em></p>\n"
CAPTION_TEXT = "Boats tied up at the quay on Monday. Photo: Mara Lind / Isle Post"
PICTURE = {"id": 41, "source_url": "https://isle.example/wp-content/uploads/2024/02/quay.jpg",
           "alt_text": "Boats at the quay", "caption": {"rendered": CAPTION}}


def test_the_caption_comes_from_the_embedded_attachment_or_the_saved_media() -> None:
    embedded = to_document(item(featured_media=41, _embedded={"wp:featuredmedia": [PICTURE]})).document.image
    assert embedded == Image(PICTURE["source_url"], "Boats at the quay",
                             "Boats tied up at the quay on Monday. Photo: Mara Lind / Isle Post")
    saved = Lookups(media={41: Media(PICTURE["source_url"], "Boats at the quay", "Photo: Mara Lind")})
    assert to_document(item(featured_media=41), saved).document.image.caption == "Photo: Mara Lind"
    without = dict(PICTURE, caption={"rendered": ""})
    assert to_document(item(featured_media=41, _embedded={"wp:featuredmedia": [without]})).document.image.caption == ""


def test_the_caption_is_kept_in_the_front_matter_and_only_where_there_is_one(tmp_path: Path) -> None:
    source = tmp_path / "in" / "posts.json"
    source.parent.mkdir()
    bare = dict(PICTURE, id=42, caption={"rendered": ""})
    source.write_text(json.dumps([item(id=1, slug="quay", featured_media=41, _embedded={"wp:featuredmedia": [PICTURE]}),
                                  item(id=2, slug="pier", featured_media=42, _embedded={"wp:featuredmedia": [bare]})]))
    run_import([source.parent], tmp_path / "content")
    files = {f.stem: f for f in (tmp_path / "content").rglob("*.md")}
    caption = "  caption: 'Boats tied up at the quay on Monday. Photo: Mara Lind / Isle Post'\n"
    assert caption in files["quay"].read_text()
    assert "caption" not in files["pier"].read_text()
    assert loads(files["quay"].read_text()).image.caption.endswith("Isle Post")


def test_the_post_page_shows_the_caption_under_the_picture(tmp_path: Path) -> None:
    when = datetime(2024, 2, 5, 9, tzinfo=timezone.utc)
    image = Image("https://isle.example/up/quay.jpg", "Boats at the quay", "Photo: Mara Lind / Isle Post")
    titled = Image("https://isle.example/up/pier.jpg", "", "Pier")  # an SEO plugin's caption, the post's title
    content = write_content(tmp_path / "content", [post("quay", when, image=image), post("pier", when, image=titled)])
    run_build(config(tmp_path, content))
    page = next((tmp_path / "site").rglob("quay/index.html")).read_text()
    assert '<span class="caption" dir="auto">Photo: Mara Lind / Isle Post</span>' in page
    assert 'class="caption"' not in next((tmp_path / "site").rglob("pier/index.html")).read_text()


def test_a_mirrored_picture_carries_its_caption_to_the_page_and_into_the_page_key() -> None:
    image = Image("https://isle.example/up/quay.jpg", "Boats at the quay", "Photo: Mara Lind")
    media = {media_key(image.url): "640 427 media/quay-1a2b3c4d.jpg"}
    shown = featured_image(image, media, lambda path: "../" + path)
    assert (shown.src, shown.caption) == ("../media/quay-1a2b3c4d.jpg", "Photo: Mara Lind")
    recaptioned = Image(image.url, image.alt, "Photo: Mara Lind / Isle Post")
    assert featured_key(image, media) != featured_key(recaptioned, media)  # a new caption renders the page again


def _caption(picture: dict) -> str:
    return to_document(item(featured_media=41, _embedded={"wp:featuredmedia": [picture]})).document.image.caption


def test_the_credit_a_news_theme_or_plugin_serves_beside_the_caption_follows_it() -> None:
    # Largo's field is the credit; the caption that says it already is left as it is.
    assert _caption(dict(PICTURE, media_credit="Mara Lind / Isle Post")) == CAPTION_TEXT
    assert _caption(dict(PICTURE, media_credit="AP", caption={"rendered": "<p>The quay.</p>"})) == "The quay. — AP"
    # Media Credit's object, its credit as the plugin prints it.
    credit = {"rendered": '<a href="https://isle.example">Mara Lind</a> | Isle Post', "raw": {"user_id": 0}}
    assert _caption(dict(PICTURE, caption={"rendered": ""}, media_credit=credit)) == "Mara Lind | Isle Post"
    assert _caption(dict(PICTURE, media_credit=7)) == CAPTION_TEXT  # no credit a reader could read
