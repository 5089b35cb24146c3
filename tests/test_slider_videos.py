"""A slider's video slide as its picture and a link to the video (convert/slider_videos.py)."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown
from generator.convert.slider_videos import VIDEO_PAGES
from tests.test_fuzz_import import markup

IDS = st.text(alphabet="abcdefghijklmnopqrstuvwxyzABCDEFGHIJ0123456789_-", min_size=1, max_size=20)
TITLES = st.text(alphabet="abcdefghij ÉéあЖ", max_size=12)


def slide(kind: str, video: str, title: str, href: str = "#") -> str:
    return (f'<ul class="soliloquy-slider"><li class="soliloquy-item soliloquy-video-slide"><a href="{href}" '
            f'class="soliloquy-video-link" title="{title}"><img class="soliloquy-image" src="https://e.org/t.jpg" '
            f'alt="{title}"><span class="soliloquy-video-icon" data-soliloquy-video-type="{kind}" '
            f'data-soliloquy-video-id="{video}"></span></a></li></ul>')


@given(st.sampled_from(sorted(VIDEO_PAGES)), IDS, TITLES, st.sampled_from(["#", "", "https://e.org/page/"]))
def test_every_video_slide_keeps_its_picture_and_links_its_video_once(kind: str, video: str, title: str,
                                                                      href: str) -> None:
    ctx = Context()
    markdown = html_to_markdown(slide(kind, video, title, href), ctx)
    page = VIDEO_PAGES[kind].format(video)
    assert markdown.count(f"]({page})") == 1
    assert "https://e.org/t.jpg" in markdown
    assert dict(ctx.losses.counts) == {"embed made a link": 1}


@given(st.sampled_from(["local", "", "flash", "youtube\x00"]), IDS)
def test_a_video_of_a_provider_not_known_or_an_id_not_one_adds_no_link(kind: str, video: str) -> None:
    for shown in (slide(kind, video, "T"), slide("youtube", video + "/../x?", "T")):
        ctx = Context()
        html_to_markdown(shown, ctx)
        assert "embed made a link" not in ctx.losses.counts


@given(markup(), st.sampled_from(sorted(VIDEO_PAGES)), IDS)
def test_any_markup_around_a_video_slide_converts(around: str, kind: str, video: str) -> None:
    html_to_markdown(around + slide(kind, video, "T")[:-10] + around)
