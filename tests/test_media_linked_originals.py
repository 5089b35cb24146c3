"""A link beside a shown image to the upload it is a size of, mirrored and opened locally. Seen in round 45c's
replay of saved crawls as live sites: a portfolio theme's gallery shows `dp-big-portfolio-01-650x433.jpg` and
links its title to `dp-big-portfolio-01.jpg` (24 such links on one page), and a school's list of prizes links
each caption to the full size of the photo above it. The mirror fetched the links around images only, so
offline these links led to the web while their page showed the image."""

from __future__ import annotations

from pathlib import Path

from generator.builder import run_build
from generator.check import check_site
from tests.conftest import config_for
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_media_images import jpeg
from tests.test_sync_media import show_only, sync

UP = "/wp-content/uploads/2020/08"


def test_a_caption_linking_the_full_size_of_the_image_above_opens_the_local_copy(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(1)) as wp:
        base = wp.url.rstrip("/")
        show_only(wp, (
            f'<div class="portfolio"><figure><img src="{base}{UP}/work-01-650x433.jpg" alt="Work 1"></figure>'
            f'<h5><a href="{base}{UP}/work-01.jpg">T-shirt design</a></h5>'
            f'<figure><img src="{base}{UP}/work-02-scaled-650x433.jpg" alt="Work 2"></figure>'
            f'<p><a href="{base}{UP}/work-02-1024x683.jpg">View it larger</a></p></div>'
            f'<p>See also <a href="{base}{UP}/brochure-scan.jpg">our brochure</a> and '
            f'<a href="https://other.example{UP}/work-01.jpg">a copy elsewhere</a>.</p>'))
        for name, size in (("work-01-650x433", (65, 43)), ("work-01", (120, 80)), ("work-02-scaled-650x433", (65, 44)),
                           ("work-02-1024x683", (102, 68)), ("brochure-scan", (90, 60))):
            data = jpeg(*size)
            wp.route(f"{UP}/{name}.jpg", lambda _query, data=data: (200, {"Content-Type": "image/jpeg"}, data))
        result = sync(wp.url, content)
        assert wp.count("brochure-scan") == 0  # a link to an image the page does not show is left alone
    assert result.problems == []
    assert result.media is not None and result.media.fetched == 4
    run_build(config_for(tmp_path, content))
    page = next((tmp_path / "site" / "news-archive").rglob("index.html"))
    html = page.read_text(encoding="utf-8")
    assert '<a href="../../media/work-01-' in html and ">T-shirt design</a>" in html
    assert '<a href="../../media/work-02-1024x683-' in html and ">View it larger</a>" in html
    assert f'<a href="{base}{UP}/brochure-scan.jpg">our brochure</a>' in html
    assert f'<a href="https://other.example{UP}/work-01.jpg">a copy elsewhere</a>' in html
    assert check_site(tmp_path / "site") == []
