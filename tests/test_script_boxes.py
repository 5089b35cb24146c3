"""Charts and posts a provider's script draws into an empty box (Flourish, Infogram, Facebook, Pym.js) and the players
of podcasts and posts are links to the page they showed: every chart kept, in time linear in the post."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.embeds import shown_page
from generator.convert.markdown import html_to_markdown

SLOW = 5  # seconds, for what takes well under one


@given(st.lists(st.integers(min_value=1, max_value=10**9), min_size=1, max_size=6, unique=True),
       st.sampled_from(("flourish-chart", "flourish-map", "flourish-scrolly")))
def test_every_flourish_chart_of_a_post_is_a_link_to_its_page_in_order(charts: list[int], kind: str) -> None:
    html = "".join(f'<p>Before {n}.</p><div class="flourish-embed {kind}" data-src="visualisation/{n}">'
                   '<script src="https://public.flourish.studio/resources/embed.js"></script></div>' for n in charts)
    markdown = html_to_markdown(html, Context())
    places = [markdown.index(f"(https://public.flourish.studio/visualisation/{n}/)") for n in charts]
    assert places == sorted(places)
    assert all(markdown.index(f"Before {n}.") < place for n, place in zip(charts, places))


def test_boxes_with_hostile_attributes_convert_in_linear_time() -> None:
    long = "a" * 100_000
    html = "".join((f'<div class="flourish-embed" data-src="visualisation/{long}"></div>',
                    f'<div class="infogram-embed" data-id="{long}!" data-title="{long}"></div>',
                    f'<div class="fb-post" data-href="https://{long}.facebook.com{long}"></div>',
                    f'<blockquote class="tiktok-embed" cite="https://{long}"></blockquote>',
                    f'<div data-pym-src="https://{long} {long}">{long}</div>',
                    f'<div data-pym-src="/{long}">{"." * 100_000}x</div>',
                    f'<script src="https://www.buzzsprout.com/1/{long}.jsx?{long}"></script>'))
    started = time.process_time()
    html_to_markdown(html * 5, Context())
    assert time.process_time() - started < SLOW


def test_players_addresses_of_any_length_are_read_in_linear_time() -> None:
    long = "a" * 100_000
    started = time.process_time()
    for url in (f"https://open.spotify.com/embed/episode/{long}/", f"https://open.spotify.com/embed/{long}",
                f"https://embed.podcasts.apple.com/{long}", f"https://{'a.' * 50_000}facebook.com/plugins/post.php",
                f"https://www.facebook.com/plugins/video.php?href={long}"):
        shown_page(url)
    assert time.process_time() - started < SLOW


def test_a_facebook_frame_that_names_no_web_page_stays_as_it_was() -> None:
    frame = "https://www.facebook.com/plugins/post.php?href=javascript%3Aalert(1)"
    assert shown_page(frame) == frame
