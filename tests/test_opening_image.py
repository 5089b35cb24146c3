"""Which featured images a body opens with (render/opening_image.py): copies of one upload, whatever their
size, host or WordPress's suffixes, and nothing else."""

from __future__ import annotations

import pytest

from generator.render.opening_image import opening_image, same_upload

UPLOADS = "https://e.org/wp-content/uploads/2024/05"
CASES = [
    # (body, featured image, whether the body opens with it)
    (f"\n![](https://old.example/wp-content/uploads/2025/12/Erastus-86-1200x675-1-1024x576.jpg)\n\nText",
     "https://cryptopulsenow.example/wp-content/uploads/2025/12/Erastus-86.jpg", True),
    (f'[![A \\] b]({UPLOADS}/photo-300x200.jpg "t")]({UPLOADS}/photo.jpg)\n', f"{UPLOADS}/photo-scaled.jpg", True),
    (f'<figure class="wp-block-image"><img src="{UPLOADS}/pic-e1712345678901.png" alt=""><figcaption>c</figcaption>'
     "</figure>", f"{UPLOADS}/pic.png", True),
    (f"Words first\n\n![]({UPLOADS}/photo.jpg)", f"{UPLOADS}/photo.jpg", False),
    (f"![]({UPLOADS}/photo-1.jpg)", f"{UPLOADS}/photo-2.jpg", False),  # two uploads, not two sizes
    (f"![]({UPLOADS}/photo-1.jpg)", f"{UPLOADS}/photo.jpg", False),
    (f"![]({UPLOADS}/-300x200.jpg)", f"{UPLOADS}/-1024x700.jpg", False),  # no name left to compare
    ("![](http://[x/a.jpg)", f"{UPLOADS}/a.jpg", False),  # an address urlsplit refuses
    ("![](https://e.org/feed)", "https://e.org/feed", False),  # no file name
]


@pytest.mark.parametrize(("body", "featured", "opens"), CASES)
def test_a_body_opens_with_its_featured_image_only_when_both_are_copies_of_one_upload(
        body: str, featured: str, opens: bool) -> None:
    assert same_upload(featured, opening_image(body)) is opens
