"""SVG images in synced posts, as real sites show them (round 45c's replay of saved crawls): icons and logos
uploaded as SVG through a plugin (a hardware maker's pages showed 61, an NGO's 8), and WordPress's emoji
(`<img class="emoji" src="https://s.w.org/images/core/emoji/13.1.0/svg/1f601.svg">`) that page builders save in
the content. The mirror never holds SVG (it can carry script), so it does not ask for them, and does not report
them as failures: that made every sync of such a site exit 1, after asking for each SVG again, over what no one
can fix. The summary counts them; the page shows each as a link to the original, as before, but for an emoji,
which is its character in the text (convert/smilies.py)."""

from __future__ import annotations

from pathlib import Path

from generator.builder import run_build
from generator.media_mirror import media_summary
from tests.conftest import config_for
from tests.fake_wordpress import FakeWordPress, generated_site
from tests.test_media_images import png
from tests.test_sync_media import show_only, sync

SVG = b"<svg xmlns='http://www.w3.org/2000/svg' onload='alert(1)'/>"


def test_svg_icons_and_emoji_are_neither_asked_for_nor_failures(tmp_path: Path) -> None:
    content = tmp_path / "content"
    with FakeWordPress(generated_site(1)) as wp:
        base = wp.url.rstrip("/")
        show_only(wp, (
            f'<p>Our labs <img src="{base}/wp-content/uploads/2025/10/lock-keyhole.svg" alt="Secure"> '
            f'are open <img class="emoji" role="img" draggable="false" '
            f'src="https://s.w.org/images/core/emoji/13.1.0/svg/1f601.svg" alt="\U0001f601"></p>'
            f'<figure><img src="{base}/wp-content/uploads/2025/10/lab.png" alt="The lab"></figure>'
            f'<p><img src="{base}/logo.php?id=3" alt="Logo"></p>'))
        for path, kind, data in (("/wp-content/uploads/2025/10/lock-keyhole.svg", "image/svg+xml", SVG),
                                 ("/wp-content/uploads/2025/10/lab.png", "image/png", png(30, 20)),
                                 ("/logo.php", "image/svg+xml", SVG)):  # an SVG whose address does not say so
            wp.route(path, lambda _query, kind=kind, data=data: (200, {"Content-Type": kind}, data))
        first = sync(wp.url, content)
        second = sync(wp.url, content)
        assert wp.count(".svg") == 0  # not the site's icon
        assert wp.count("/logo.php") == 2  # its name does not say SVG: asked, and found to be one, each run
    assert first.problems == [] and second.problems == []  # so the sync exits 0
    # The emoji is its character in the text: no picture, no link.
    assert first.media is not None and (first.media.fetched, first.media.svg) == (1, 2)
    assert media_summary(first.media).endswith(
        ", 2 SVG images left as links (SVG is never mirrored: it can carry script)")
    assert not list((content / "media").glob("*.svg"))
    run_build(config_for(tmp_path, content))
    page = next((tmp_path / "site" / "news-archive").rglob("index.html")).read_text(encoding="utf-8")
    assert f'Image: Secure — <a href="{base}/wp-content/uploads/2025/10/lock-keyhole.svg">open original</a>' in page
    assert 'src="../../media/lab-' in page
    assert "are open \U0001f601</p>" in page and "1f601.svg" not in page
