"""Block plugins' counters shown at the number they end at (script_values.counters_at_their_end)."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown

BOXES = {  # each plugin's counter, its end and its number element as the plugin saves them
    "kadence": '<div class="kb-count-up" data-end="{end}" data-separator="{sep}"><div class="kb-count-up-number">'
               '</div><h3 class="kb-count-up-title">Members</h3></div>',
    "getwid": '<div class="wp-block-getwid-counter__wrapper" data-end="{end}" data-separator="{sep}"><span '
              'class="wp-block-getwid-counter__number">0</span></div><p>Members</p>',
    "ub": '<div class="ub_counter" data-end_num="{end}"><span class="ub_counter-number">0</span> '
          '<span class="ub_counter-label">Members</span></div>',
}


@given(st.sampled_from(sorted(BOXES)), st.integers(min_value=0, max_value=10**12), st.sampled_from(["", ",", ".", " "]))
def test_a_counter_shows_its_end_grouped_by_its_separator(plugin: str, end: int, separator: str) -> None:
    markdown = html_to_markdown(BOXES[plugin].format(end=end, sep=separator))
    digits = "".join(ch for ch in markdown.split("Members")[0] if ch.isdigit())
    assert digits == str(end) and "Members" in markdown


def test_a_counter_of_ten_thousand_digits_is_grouped_in_linear_time() -> None:
    start = time.perf_counter()
    markdown = html_to_markdown(BOXES["kadence"].format(end="9" * 10_000, sep=","))
    assert markdown.count(",") == 3333 and time.perf_counter() - start < 2
