"""The news widgets' rules read hostile input in time that grows with its size: a post of thousands of AMP
elements, a class or attribute of a hundred thousand characters."""

from __future__ import annotations

import time

from generator.convert.amp import amp_elements_as_html
from generator.convert.cleanup import BUTTON_CLASS, block_spans_apart
from generator.convert.script_boxes import TELEGRAM_POST, TELEGRAM_WIDGET
from tests.pass_timing import best_seconds

SMALL, LARGE = 500, 8_000
RATIO = 60  # sixteen times the elements: a pass that went over all of them for each would take some 256 times as long


def test_amp_elements_and_button_links_are_read_in_linear_time() -> None:
    amp = '<amp-img src="https://e.com/{0}.jpg" layout="fill"><noscript><img src="https://e.com/{0}.jpg"></noscript>' \
          '</amp-img><amp-twitter data-tweetid="{0}"></amp-twitter>'
    buttons = '<a class="btn btn-{0}" href="https://e.com/{0}">Go</a>'
    for template, rule in ((amp, amp_elements_as_html), (buttons, block_spans_apart)):
        small = best_seconds("".join(template.format(n) for n in range(SMALL)), rule, tries=3)
        large = best_seconds("".join(template.format(n) for n in range(LARGE)), rule, tries=2)
        assert large < RATIO * small + 0.05


def test_the_patterns_fail_fast_on_long_hostile_values() -> None:
    started = time.process_time()
    assert BUTTON_CLASS.search("-" * 100_000 + "btnx" * 25_000) is None
    assert TELEGRAM_WIDGET.fullmatch("//telegram.org/js/telegram-widget.js?" + "a" * 100_000 + "\n") is None
    assert TELEGRAM_POST.fullmatch("a" * 100_000 + "/") is None
    assert TELEGRAM_POST.fullmatch("a/" * 50_000) is None
    assert time.process_time() - started < 1
