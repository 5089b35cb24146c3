"""Links to a follow widget's placeholder profiles (convert/placeholder_profiles.py): a real profile's link and
every sentence's words stay, and the pass takes time linear in the links."""

from __future__ import annotations

from html import escape

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.parse import parse_fragment
from generator.convert.placeholder_profiles import unlink_placeholder_profiles
from tests.pass_timing import best_seconds

SMALL, LARGE = 1_000, 16_000
RATIO = 48  # sixteen times the markup, at most forty-eight times the time: a square would take 256
HANDLES = st.from_regex(r"[A-Za-z][A-Za-z0-9_.-]{0,20}", fullmatch=True)


@given(HANDLES, st.from_regex(r"[a-h]{1,8}(?: [a-hXY]{1,8}){0,3}", fullmatch=True))
def test_a_real_profile_s_link_stays_as_it_is(handle: str, words: str) -> None:
    html = f'<p>See <a href="https://www.linkedin.com/in/{handle}/">{escape(words)}</a> today.</p>'
    soup = parse_fragment(html)
    unlink_placeholder_profiles(soup, Context())
    placeholder = handle.replace("-", "").replace("_", "").lower() in ("yourid", "username", "yourname", "myusername",
                                                                      "yourusername", "userid")
    assert (soup.find("a") is None) == placeholder
    assert soup.get_text() == f"See {words} today."  # in a sentence, its words stay either way


def test_links_are_read_in_linear_time() -> None:
    links = ('<p><a href="https://twitter.com/username">Twitter</a> <a href="https://x.com/harbour">X</a> '
             '<a href="https://www.linkedin.com/in/yourid">follow our desk</a> on it.</p>')
    small = best_seconds(links * SMALL, unlink_placeholder_profiles, tries=3)
    assert best_seconds(links * LARGE, unlink_placeholder_profiles, tries=2) < RATIO * max(small, 0.001)
