"""Smilies typed into an export's posts shown as WordPress shows them (convert_smilies): `:)` as 🙂."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from generator.convert.smilies import TYPED_AS, typed_smilies_as_emoji
from generator.importer import run_import
from generator.store.documents import loads
from tests.test_sources_sql import _import, _row
from tests.test_wxr import export, item

CASES = [
    ("<p>Home at last :-) and fed ;)</p>", "<p>Home at last \U0001f642 and fed \U0001f609</p>"),
    ("<p>:D</p>\n:cool: start\nend :lol:", "<p>\U0001f600</p>\n\U0001f60e start\nend \U0001f606"),
    # Only a smiley standing alone, and never in code or a script; `:mrgreen:` has no emoji.
    ("x:) (:P) 8O8 :mrgreen: :!:", "x:) (:P) 8O8 :mrgreen: \u2757"),
    ("<pre>a :) b</pre> <code>:P</code> <script>s = ':)';</script> :)",
     "<pre>a :) b</pre> <code>:P</code> <script>s = ':)';</script> \U0001f642"),
    ('<img alt=" :) " src="a.png"> :(', '<img alt=" :) " src="a.png"> \U0001f641'),
]


@pytest.mark.parametrize(("typed", "shown"), CASES)
def test_a_typed_smiley_shows_as_wordpress_shows_it(typed: str, shown: str) -> None:
    assert typed_smilies_as_emoji(typed) == shown


@pytest.mark.parametrize("unit", ["<:", "<a :) ", ":) ", "<code>:) "])
def test_hostile_text_is_read_in_linear_time(unit: str) -> None:
    started = time.process_time()
    typed_smilies_as_emoji(unit * 100_000)
    assert time.process_time() - started < 4


def test_an_exports_smilies_show_as_the_emoji_rest_serves_them_as(tmp_path: Path) -> None:
    """An export holds `:-)`; WordPress, and so REST, shows 🙂 (a picture of it, which the converter reads)."""
    path = tmp_path / "export.xml"
    path.write_text(export(item(5, "Back home :)", "Back home :-) at last.\n\n<code>cd :)</code>")))
    run_import([path], tmp_path / "content")
    post = loads((tmp_path / "content" / "post" / "post-5.md").read_text(encoding="utf-8"))
    # A title keeps its smiley, as WordPress's does; a summary is text without its tags, code and all, as there.
    assert (post.title, post.body, post.summary) == ("Back home :)", "Back home \U0001f642 at last.\n\n`cd :)`\n",
                                                     "Back home \U0001f642 at last. cd \U0001f642")


@settings(max_examples=300, deadline=None)
@given(st.lists(st.sampled_from([" ", "\n", ":)", ";-)", ":D", "8O", "word", "x:", "<code>", "</code>", "<p>",
                                 "</p>", ":mrgreen:", "&nbsp;"]), max_size=16))
def test_smilies_become_emoji_once_and_nothing_else_changes(pieces: list[str]) -> None:
    html = "".join(pieces)
    shown = typed_smilies_as_emoji(html)
    assert typed_smilies_as_emoji(shown) == shown
    faces = {emoji: typed for typed, emoji in TYPED_AS.items()}
    assert "".join(faces.get(c, c) for c in shown).replace(":-)", ":)").replace(";-)", ";)") == html.replace(
        ":-)", ":)").replace(";-)", ";)")


@pytest.mark.parametrize(("option", "shown"), [("''", "Ha :) ;-)"), ("'0'", "Ha :) ;-)"), ("'1'", "Ha 🙂 😉"),
                                               (None, "Ha 🙂 😉")])
def test_a_dump_whose_site_turned_smilies_off_keeps_them_as_typed(tmp_path: Path, option: str | None,
                                                                  shown: str) -> None:
    """Settings > Writing's "Convert emoticons like :-) to graphics" unticked saves `use_smilies` as "": WordPress
    then shows `:)` as typed, and the dump's posts showed 🙂 (round 53d)."""
    options = f"INSERT INTO `wp_options` VALUES (1,'home','https://example.com','yes'),(2,'use_smilies',{option},'');\n"
    rows = f"INSERT INTO `wp_posts` VALUES {_row(1, 'Hi', 'Ha :) ;-)')};\n"
    _, posts = _import(tmp_path, (options if option else "") + rows)
    assert posts["post/post-1.md"].body == shown + "\n"
