"""WordPress 4.8.3's placeholder escape (`{` 64 hex digits `}`) saved in a post's text in place of `%`: a
Vietnamese shop's posts read "GIẢM 5{459fc6a2…0df95}" where the writer typed 5%."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.placeholder_escape import percents_restored
from generator.convert.wp_post import to_document

ESCAPE = "{" + "3c9a" * 16 + "}"


def test_a_placeholder_escape_in_a_posts_text_and_style_is_a_percent_sign() -> None:
    item = {"id": 26, "date": "2017-11-20T08:00:00", "slug": "uu-dai", "type": "post",
            "title": {"rendered": f"Giảm 10{ESCAPE} hôm nay"},
            "content": {"rendered": f'<p>Tặng phiếu giảm 5{ESCAPE} cho mọi đơn hàng.</p>'
                                    f'<div style="padding-top:100{ESCAPE}"><p>Hết.</p></div>'},
            "excerpt": {"rendered": f"<p>Giảm 5{ESCAPE}</p>"}}
    document = to_document(item).document
    assert (document.title, document.summary) == ("Giảm 10% hôm nay", "Giảm 5%")
    assert document.body == "Tặng phiếu giảm 5% cho mọi đơn hàng.\n\nHết.\n"


def test_braces_that_are_no_placeholder_stay() -> None:
    for text in ("{" + "a" * 63 + "}", "{" + "A" * 64 + "}", "{" + "g" * 64 + "}", "{{x}}", "%s {}"):
        assert percents_restored(text) == text


@given(st.lists(st.text(alphabet=st.sampled_from("}0123456789abcdef %x"), max_size=80), min_size=1, max_size=6))
def test_each_placeholder_is_one_percent_sign_and_the_rest_stays(parts: list[str]) -> None:
    assert percents_restored(ESCAPE.join(parts)) == "%".join(parts)


def test_almost_placeholders_take_linear_time() -> None:
    """100,000 openings each one digit short of a placeholder."""
    hostile = ("{" + "f" * 63 + " ") * 100_000
    started = time.process_time()
    assert percents_restored(hostile) == hostile
    assert time.process_time() - started < 2
