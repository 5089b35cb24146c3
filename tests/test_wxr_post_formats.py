"""A video or audio post whose theme held its video in a field: the export's field shows it, first in the body."""

from __future__ import annotations

from pathlib import Path

from tests.test_wxr import imported_body, item

VIDEO = '<category domain="post_format" nicename="post-format-video"><![CDATA[Video]]></category>'
LINK = '<category domain="post_format" nicename="post-format-link"><![CDATA[Link]]></category>'
AUDIO = '<category domain="post_format" nicename="post-format-audio"><![CDATA[Audio]]></category>'


def test_a_video_posts_field_shows_its_video_above_its_words(tmp_path: Path) -> None:
    """Themify's `video_url` beside WordPress's cache of its embed (`_oembed_…`), which is no field of the theme."""
    meta = {"layout": "default", "_oembed_d728df4d": '<iframe src="https://www.youtube.com/embed/x"></iframe>',
            "video_url": "http://youtu.be/hWES0YBPfHE"}
    body = imported_body(tmp_path, item(5, "Stateless", "Their last album is excellent.", categories=VIDEO,
                                        meta=meta))
    assert body.startswith("[YouTube video: http://youtu.be/hWES0YBPfHE](http://youtu.be/hWES0YBPfHE)\n")
    assert body.rstrip().endswith("Their last album is excellent.")


def test_an_audio_posts_embed_code_field_shows_as_its_player_would(tmp_path: Path) -> None:
    """WooThemes' `embed` holds the player's code, which the converter makes a link to what it plays."""
    meta = {"embed": '<iframe src="https://w.soundcloud.com/player/?url=https%3A//api.soundcloud.com/tracks/42">'
                     "</iframe>"}
    body = imported_body(tmp_path, item(5, "Mix", "A new mix.", categories=AUDIO, meta=meta))
    assert "soundcloud.com" in body.split("A new mix.")[0]


def test_a_link_posts_field_shows_the_page_it_links_to(tmp_path: Path) -> None:
    meta = {"unlink_post_title": "default", "link_url": "http://www.photob.be/technique/la-photo-en-discotheque"}
    body = imported_body(tmp_path, item(5, "Night photos", "A good read.", categories=LINK, meta=meta))
    address = "http://www.photob.be/technique/la-photo-en-discotheque"
    assert body.startswith(f"<{address}>\n") and body.rstrip().endswith("A good read.")


def test_a_video_the_body_shows_already_or_a_standard_posts_field_adds_nothing(tmp_path: Path) -> None:
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    shown = imported_body(tmp_path / "a", item(5, "Shown", "https://vimeo.com/26880424\n\nAbout it.",
                                               categories=VIDEO, meta={"video_url": "http://vimeo.com/26880424"}))
    assert shown.count("26880424") == 2  # the one link, its label and its address
    standard = imported_body(tmp_path / "b", item(5, "Standard", "Words.",
                                                  meta={"video_url": "http://youtu.be/hWES0YBPfHE"}))
    assert "youtu" not in standard


def test_a_podcast_episodes_enclosure_shows_its_sound_where_its_player_stood(tmp_path: Path) -> None:
    """PowerPress and Seriously Simple Podcasting keep the episode's file in `enclosure` and showed a player under
    the post's words (or at `[powerpress]`): the episode was imported without its sound."""
    meta = {"enclosure": "https://media.e.com/ep12.mp3\n48213776\naudio/mpeg\na:1:{s:8:\"duration\";s:5:\"50:13\";}"}
    (tmp_path / "a").mkdir()
    (tmp_path / "b").mkdir()
    (tmp_path / "c").mkdir()
    under = imported_body(tmp_path / "a", item(5, "Episode 12", "We talk about soil.", meta=meta))
    assert under == ("We talk about soil.\n\n"
                     "[Audio: ep12.mp3](https://media.e.com/ep12.mp3)\n")
    marked = imported_body(tmp_path / "b", item(5, "Episode 12", "Listen:\n\n[powerpress]\n\nNotes follow.",
                                                meta=meta))
    assert marked.index("ep12.mp3") < marked.index("Notes follow.")
    # WordPress's own enclosures of the files a body links, kept when the author took a link out, add nothing.
    linked = imported_body(tmp_path / "c", item(5, "Songs", '<a href="https://media.e.com/ep01.mp3">Song</a>',
                                                meta=meta))
    assert "ep12" not in linked
    # Older WordPress kept a page it linked as an enclosure, of length 0 and no type: a Chinese blog's home page stood
    # as "Audio: http://www.agenge.com/" under 7 posts, which the live site never showed.
    (tmp_path / "d").mkdir()
    page = imported_body(tmp_path / "d", item(5, "Tunnel", "Words.", meta={"enclosure": "http://www.agenge.com/\n0\n"}))
    assert page == "Words.\n"
    (tmp_path / "e").mkdir()
    typed = imported_body(tmp_path / "e", item(5, "Episode", "Words.",
                                               meta={"enclosure": "https://feeds.e.com/play/12\n100\naudio/mpeg"}))
    assert "https://feeds.e.com/play/12" in typed
