"""A numbered list's items are numbered as markdownify numbers them, each list counted once: markdownify counted the
items before each item again, and a list of 10,000 took 7 s."""

from __future__ import annotations

import time

from bs4 import BeautifulSoup
from hypothesis import given
from hypothesis import strategies as st
from markdownify import MarkdownConverter

from generator.convert.context import Context
from generator.convert.markdown import NewsConverter, html_to_markdown

SLOW = 5  # seconds, for what takes well under one
ITEM_TEXT = st.text(alphabet="ab \n", max_size=12)


@given(st.lists(ITEM_TEXT, min_size=1, max_size=8), st.sampled_from(("", "1", "7", "x", "-2")),
       st.lists(st.sampled_from(("li", "p", "text")), max_size=8))
def test_items_are_numbered_as_markdownify_numbers_them(texts: list[str], start: str, others: list[str]) -> None:
    children = [f"<li>{n}</li>" for n in range(len(texts))]
    for at, other in enumerate(others):  # what else a list may hold between its items
        children.insert(at % (len(children) + 1), {"li": "<li>x</li>", "p": "<p>y</p>", "text": " z "}[other])
    soup = BeautifulSoup(f'<ol{f" start={start!r}" if start else ""}>{"".join(children)}</ol>', "html.parser")
    ours = NewsConverter(Context())
    for item, text in zip(soup.find_all("li"), texts * 3):
        assert ours._numbered_item(item, item.parent, text) == MarkdownConverter.convert_li(ours, item, text, set())


def test_a_numbered_list_of_ten_thousand_items_converts_in_linear_time() -> None:
    html = "<ol>" + "<li>An item.</li>" * 10_000 + "</ol>"
    started = time.process_time()
    markdown = html_to_markdown(html, Context())
    assert time.process_time() - started < SLOW
    assert markdown.endswith("10000. An item.\n")
