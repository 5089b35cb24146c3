"""Countdown timers, which go: a theme's or builder's clock counting down to a launch or a sale's end ("00 Days : 00
Hours : 00 Minutes : 00 Seconds"), as Elementor Pro's countdown, Divi's countdown timer and themes' own widgets print
it (`<ul class="ot-countdown" data-date="2020/11/20 12:00"><li><span class="days">00</span><p>Days</p></li>…`).

Its script filled the numbers in from the time of each visit; saved, the clock stood in the page as a list of zeros
and labels, or labels alone, which told the reader nothing (the day it counted to had long passed). A box whose class
names a countdown and which shows nothing but numbers, separators and a few short labels goes whole.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

MARK = "countdown"
CLASS_WORDS = re.compile(r"[-_]")
# What a clock shows besides its labels: digits and the marks between them.
NUMBERS = re.compile(r"[\d:.,/\s-]+")
LABEL = re.compile(r"[^\W\d_]{1,14}\(?[^\W\d_]{0,3}\)?")  # "Days", "Day(s)", "Std", "Minuten", "дней"
MOST_LABELS = 10  # days, hours, minutes, seconds, short and full, and a title of two words


def drop_countdowns(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, MARK):
        return
    for tag in elements(soup):
        if _names_a_countdown(tag) and _shows_a_clock(tag):
            ctx.losses.note(loss.COUNTDOWN, str(tag.get("data-date") or ""))
            tag.decompose()


def _names_a_countdown(tag: Tag) -> bool:
    return any(MARK in CLASS_WORDS.split(name.lower()) or name.lower().startswith(MARK)
               for name in tag.get("class") or ())


def _shows_a_clock(tag: Tag) -> bool:
    """Whether the box shows nothing but a clock's numbers and at most MOST_LABELS short labels, and no picture or
    link (a countdown's box in a page builder may hold the offer it counts down to)."""
    if tag.find(["img", "a", "iframe", "video", "table"]) is not None:
        return False
    words = NUMBERS.sub(" ", tag.get_text(" ")).split()
    return len(words) <= MOST_LABELS and all(LABEL.fullmatch(word) for word in words)
