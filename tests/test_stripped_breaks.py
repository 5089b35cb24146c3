"""A script's `rnrn`: line breaks whose backslashes it stripped, restored where no word holds the letters."""

from __future__ import annotations

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.stripped_breaks import restored_breaks
from generator.convert.wp_post import to_document
from tests.conftest import rest_item as item

# Words that end in "rn" or hold it, beside others, as a news post's paragraphs have them.
WORDS = ["turn", "modern", "born", "learnt", "pattern", "Bernard", "morning", "thanks", "Garden", "Thursday", "we",
         "return", "the", "Centre", "masks", "2020", "Kärn"]
# A paragraph opens with a capital, as the posts that showed the fault do ("we" + "rn" + "turn" is "wernturn").
PIECES = st.lists(st.sampled_from(WORDS), min_size=1, max_size=6).map(lambda words: " ".join(words).capitalize())
ENDS = st.sampled_from([".", "!", "", "</strong>", "<br />"])
PARAGRAPHS = st.lists(st.tuples(PIECES, ENDS).map("".join), min_size=2, max_size=6)


def test_a_scripts_rnrn_between_paragraphs_and_tags_are_line_breaks_again() -> None:
    saved = ('<span class="x">👏</span>rnrnThese parcels.rnrn&nbsp;rnrn<a href="/p">x</a>rnrnWe learnt to turn.'
             'rn</div>rn<div>modernrn<b>thanksrnrn<i>Thursdayrn<h3>A modern tale')
    assert restored_breaks(saved) == (
        '<span class="x">👏</span>\n\nThese parcels.\n\n&nbsp;\n\n<a href="/p">x</a>\n\n'
        'We learnt to turn.\n</div>\n<div>modern\n<b>thanks\n\n<i>Thursday\n<h3>A modern tale')


def test_text_that_does_not_show_the_fault_beyond_doubt_is_left_as_it_is() -> None:
    for text in ("We turn modern.rnrnThe", "Born in Bern.\nrnrnThe", "<p>A modern stern</p>", "rnrn rn",
                 "<b>Learn</b> rnrn"):
        if "\n" in text or ">rn<" not in text and ".rnrn" not in text:
            assert restored_breaks(text) == text


@given(PARAGRAPHS)
def test_paragraphs_apart_by_stripped_blank_lines_come_back_whole(paragraphs: list[str]) -> None:
    original = "<div>" + "\r\n\r\n".join(paragraphs) + "</div>\r\n<div>x</div>"
    stripped = original.replace("\r\n", "rn")
    assert restored_breaks(stripped) == original.replace("\r\n", "\n")


@given(st.lists(st.tuples(PIECES, st.sampled_from([".", "!", "</strong>", "<br />"])).map("".join), min_size=2,
                max_size=6))
def test_lines_after_a_sentence_or_a_tag_come_back_whole(lines: list[str]) -> None:
    original = "<div>" + "\r\n".join(lines) + "</div>\r\n<div>x</div>"
    assert restored_breaks(original.replace("\r\n", "rn")) == original.replace("\r\n", "\n")


def test_a_scripts_post_content_with_rnrn_is_made_paragraphs_as_wordpress_makes_them() -> None:
    """16 posts of a community centre's site saved by a script: one paragraph with `rnrn` between its parts."""
    saved = item(content="Yesterday was a lovely day!rnrnWe packed 80 parcels.rnrn<strong>Thanks</strong>rn"
                         "to our turn of volunteers.")
    assert to_document(saved).document.body == (
        "Yesterday was a lovely day!\n\nWe packed 80 parcels.\n\n**Thanks**\\\nto our turn of volunteers.\n")
