"""Social links named by their icon's glyph (convert/glyph_link_names.py): any other words stay as written, and the
pass takes time linear in the links and their words."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.glyph_link_names import glyph_names_as_site_names
from generator.convert.parse import parse_fragment
from tests.pass_timing import best_seconds

SMALL, LARGE = 1_000, 16_000
RATIO = 48  # sixteen times the markup, at most forty-eight times the time: a square would take 256


@given(st.text(min_size=1, max_size=40))
def test_a_link_keeps_its_words_unless_they_name_the_sites_glyph(words: str) -> None:
    soup = parse_fragment(f'<a href="https://www.facebook.com/harbour/">{escape(words)}</a>')
    before = soup.get_text()
    glyph_names_as_site_names(soup, Context())
    after = soup.get_text()
    assert after == before or after.strip() == "Facebook" and "-" in before


def test_links_are_named_in_linear_time() -> None:
    one = '<a href="https://www.linkedin.com/in/jane/">Linkedin-in</a><a href="https://x.com/a">{}</a>'
    long_words = "Twitter-" * 50
    small = best_seconds(one.format(long_words) * SMALL, glyph_names_as_site_names, tries=3)
    assert best_seconds(one.format(long_words) * LARGE, glyph_names_as_site_names, tries=2) < RATIO * max(small, 0.001)
