"""A post whose one element holds tens of thousands of blank lines typed as breaks (a pasted log or list, a page
builder's text module) is cut into paragraphs in time that grows with its size: taking each paragraph's pieces from
the front of its element moved all the others, and 80,000 runs took 6-10 s."""

from __future__ import annotations

import time

import pytest

from generator import collector
from generator.convert.context import Context
from generator.convert.line_breaks import paragraphs_at_blank_lines
from generator.convert.parse import parse_fragment

SMALL, LARGE = 2_500, 80_000
# Thirty-two times the runs took 33-36 times as long, and 104-170 times as long when the pass was quadratic: a
# bound between them tells the two apart on a machine loaded by other work too.
RATIO = 80


def _seconds(template: str, runs: int, tries: int) -> float:
    best = float("inf")
    for _ in range(tries):
        soup = parse_fragment(template.format("words<br><br>" * runs))
        with collector.paused():  # when its full collections come is noise here
            started = time.process_time()
            paragraphs_at_blank_lines(soup, Context())
            best = min(best, time.process_time() - started)
    return best


# A paragraph (its runs inside an inline element), a block's loose text, a list's item.
@pytest.mark.parametrize("template", ["<p><em>{}</em></p>", "<div>{}</div>", "<li>{}</li>"])
def test_runs_of_breaks_in_one_element_are_cut_in_linear_time(template: str) -> None:
    small = _seconds(template, SMALL, tries=5)
    assert _seconds(template, LARGE, tries=2) < RATIO * small


def test_every_run_of_a_long_paragraph_ends_a_paragraph() -> None:
    soup = parse_fragment("<p><em>" + "words<br><br>" * SMALL + "last</em></p>")
    paragraphs_at_blank_lines(soup, Context())
    assert len(soup.find_all("p")) == SMALL + 1 and not soup.find("br")
