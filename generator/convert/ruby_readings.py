"""Ruby: the reading a Japanese or Chinese text gives a word in small letters above it (`<ruby>始まりの論文<rt>ファースト
・ペーパー</rt></ruby>`, furigana, a name's pronunciation, a pun's second sense). Markdown has no ruby, and the reading
ran into its word as one ("始まりの論文ファースト・ペーパー"), where a browser that shows no ruby puts it in the brackets
of the `<rp>` HTML gives for that. A reading no `<rp>` brackets is bracketed as those would: full-width brackets
after a Chinese or Japanese word, plain ones after another."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_contain

# Kana and the CJK ideographs (with their extension A and the compatibility block): the words ruby is mostly for.
CJK = re.compile("[\u3040-\u30ff\u3400-\u4dbf\u4e00-\u9fff\uf900-\ufaff]")


def ruby_readings_in_brackets(soup: BeautifulSoup, ctx: Context) -> None:
    if not may_contain(soup, "<rt"):
        return
    for ruby in elements(soup, "ruby"):
        if ruby.find("rp") is not None:
            continue  # bracketed by its author: the brackets show as they are
        for reading in ruby.find_all("rt"):
            if reading.get_text().strip():
                _bracket(reading, _word_before(reading))


def _word_before(reading: Tag) -> str:
    """The text the reading belongs to: what stands before it in its ruby, back to the reading before."""
    words = []
    for node in reading.previous_siblings:
        if isinstance(node, Tag) and node.name == "rt":
            break
        words.append(node.get_text() if isinstance(node, Tag) else str(node))
    return "".join(reversed(words))


def _bracket(reading: Tag, word: str) -> None:
    opening, closing = ("（", "）") if CJK.search(word) else ("(", ")")
    reading.insert_before(opening)
    reading.insert_after(closing)
