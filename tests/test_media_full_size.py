"""The full size a thumbnail links to, mirrored with it and opened locally. Seen in round 36a's browser pass over a
crawl imported with --media: 590 of 915 links around mirrored thumbnails led to the web, as the mirror fetched what
pages show and not what they link to; and a link to Blogger's `…=s1600` or Photon's `i0.wp.com/…?w=1024`, whose
path names no image type, was never looked up among the mirrored images."""

from __future__ import annotations

from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.media_mirror import MediaSettings, mirror_media
from generator.render import image_links
from generator.render.image_links import full_size_links, image_site, names_image
from generator.render.markdown import MarkdownRenderer
from generator.render.remote_media import media_key, media_value
from generator.store import media
from tests.site_content import post, write_content
from tests.test_media_fetch import LIMIT, WHEN, ImageServer, fetcher
from tests.test_media_images import png

BLOGGER_THUMB = "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh4/w400-h300/tram.jpg"
BLOGGER_FULL = "https://blogger.googleusercontent.com/img/b/R29v/AVvXsEh4=s1600"
PHOTON_THUMB = "https://i0.wp.com/news.example/wp-content/uploads/tram.jpg?resize=300%2C200&ssl=1"
PHOTON_FULL = "https://i0.wp.com/news.example/wp-content/uploads/tram.jpg?w=1024&ssl=1"


@pytest.mark.parametrize(("url", "expected"), [
    ("https://e.com/up/tram.JPG", True),
    (BLOGGER_FULL, True),
    ("https://1.bp.blogspot.com/-abc/U3Y/AAAA/def/s1600/tram", True),
    ("https://lh3.googleusercontent.com/-abc/XYZ=w640-h480", True),
    (PHOTON_FULL, True),
    ("https://e.com/2020/05/tram/", False),
    ("https://e.com/?attachment_id=12", False),
    ("https://docs.google.com/document/d/abc=s1600", False),
    ("http://[e.com/up/tram.jpg", False),  # a bracket left open: urlsplit refuses it, and so would a browser
])
def test_which_addresses_name_an_image(url: str, expected: bool) -> None:
    assert names_image(url) is expected


@settings(max_examples=1000, deadline=None)
@given(head=st.sampled_from(["", "https://", "http://", " \x01https://", "//", "mailto:"]),
       host=st.sampled_from(["e.com", "1.bp.blogspot.com", "lh3.GOOGLEUSERCONTENT.com", "bp.blogſpot.com", "[e.com",
                             "u@e.com:80", "xbp.blogspot.com", "bp.blogspot.com.evil"]),
       path=st.text(st.sampled_from("/.?#=-aAgGiIıİfFjJpPeEsS1w\t\n\r%"), max_size=14))
def test_an_address_names_an_image_as_its_parts_say(head: str, host: str, path: str) -> None:
    """names_image looks for an image type or a Blogger host before taking the address apart: it says what
    urlsplit's parts say, for any address."""
    url = head + host + path
    parts = image_links._split(url)
    expected = bool(image_links.IMAGE_PATH.search(parts.path)) or (
        bool(image_links.BLOGGER_HOSTS.search(parts.hostname or "")) and
        image_links.BLOGGER_SIZE.search(parts.path) is not None)
    assert names_image(url) is expected
    assert image_links._maybe_image(url) is (image_links.MAYBE_IMAGE.search(url) is not None)


def test_photon_and_blogger_addresses_belong_to_their_sites() -> None:
    assert image_site(PHOTON_THUMB) == image_site("https://www.news.example/x.jpg") == "news.example"
    assert image_site(BLOGGER_THUMB) == image_site("https://2.bp.blogspot.com/x/s1600/y.jpg") == "blogger"


def links(body: str) -> list[tuple[str, str]]:
    renderer = MarkdownRenderer()
    return full_size_links(renderer.md.parse(body, renderer.env("index.html", None)))


def test_only_a_link_to_another_image_of_the_same_site_is_a_full_size() -> None:
    body = (f"[![](https://e.com/up/a-300x200.jpg)](https://e.com/up/a.jpg) "
            f"[![]({BLOGGER_THUMB})]({BLOGGER_FULL}) [![]({PHOTON_THUMB})]({PHOTON_FULL})\n\n"
            "[![](https://e.com/up/b.jpg)](https://e.com/up/b.jpg) "  # the file shown: nothing more to fetch
            "[![](https://e.com/up/c.jpg)](https://e.com/2020/c/) "  # an attachment page
            "[![](https://e.com/up/d.jpg)](https://other.example/d.jpg) "  # another site's
            "[Words](https://e.com/up/e.jpg)\n\n"
            '<table><tr><td><a href="https://e.com/up/f.png"><img src="https://e.com/up/f-150x150.png"></a></td>'
            '<td><a href="https://[e.com/up/g.png"><img src="https://e.com/up/g-150x150.png"></a></td>'
            "</tr></table>\n")
    # Inline in a paragraph, and a line that begins with `<a`, which is no HTML block either.
    inline = ('See <a href="https://e.com/up/h.jpg"><img src="https://e.com/up/h-300x200.jpg"></a> here.\n\n'
              '<a href="https://e.com/up/i.jpg"><img src="https://e.com/up/i-150x150.jpg"></a>\n')
    assert links(inline) == [("https://e.com/up/h-300x200.jpg", "https://e.com/up/h.jpg"),
                             ("https://e.com/up/i-150x150.jpg", "https://e.com/up/i.jpg")]
    assert links(body) == [("https://e.com/up/a-300x200.jpg", "https://e.com/up/a.jpg"),
                           (BLOGGER_THUMB, BLOGGER_FULL), (PHOTON_THUMB, PHOTON_FULL),
                           ("https://e.com/up/f-150x150.png", "https://e.com/up/f.png")]


def test_the_mirror_fetches_the_full_size_a_thumbnail_links_to_and_reports_one_it_cannot(tmp_path: Path) -> None:
    routes = {"/up/tram-300x200.png": (200, "image/png", png(30, 20), {}),
              "/up/tram.png": (200, "image/png", png(90, 60), {}),
              "/up/bus-300x200.png": (200, "image/png", png(30, 20, (0, 0, 200)), {})}
    with ImageServer(routes) as server:
        base = server.base
        body = (f"[![Tram]({base}/up/tram-300x200.png)]({base}/up/tram.png)\n\n"
                f"[![Bus]({base}/up/bus-300x200.png)]({base}/up/bus.png)\n")
        content = write_content(tmp_path / "content", [post("trams", WHEN, body=body)])
        with fetcher() as fetch:
            result = mirror_media(content, fetch, MediaSettings(max_bytes=LIMIT))
    manifest = media.read_manifest(content)
    assert sorted(url.removeprefix(base) for url in manifest) == ["/up/bus-300x200.png", "/up/tram-300x200.png",
                                                                 "/up/tram.png"]
    assert manifest[f"{base}/up/tram.png"].width == 90
    assert [(p.item.removeprefix(base), p.message) for p in result.problems] == [
        ("/up/bus.png", "image not mirrored: HTTP 404: gone; it stays a link to the original")]


PAGE = "news-archive/this-post/index.html"


@pytest.mark.parametrize("compiled", [True, False])
@pytest.mark.parametrize(("thumb", "full"), [(BLOGGER_THUMB, BLOGGER_FULL), (PHOTON_THUMB, PHOTON_FULL)])
def test_a_link_to_a_mirrored_full_size_opens_it_whatever_its_address_ends_in(compiled: bool, thumb: str,
                                                                               full: str) -> None:
    pages = {media_key(thumb): media_value("tram-thumb-1a2b3c4d.jpg", 400, 300),
             media_key(full): media_value("tram-5e6f7a8b.jpg", 1600, 1200)}
    html = MarkdownRenderer(pages, compiled=compiled).render(f"[![Tram]({thumb})]({full})", PAGE).html
    assert '<a href="../../media/tram-5e6f7a8b.jpg"><img src="../../media/tram-thumb-1a2b3c4d.jpg"' in html
