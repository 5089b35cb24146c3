"""Footnotes whose words stand in the text (footnote plugins' shortcodes [efn_note], [mfn], [footnote], [ref], and
Modern Footnotes' and Easy Footnotes' markup) are Markdown footnotes, numbered in the order they are referenced, in
time linear in the post."""

from __future__ import annotations

import time

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.context import Context
from generator.convert.markdown import html_to_markdown

SLOW = 5  # seconds, for what takes well under one


@given(st.lists(st.tuples(st.sampled_from(("efn_note", "mfn", "footnote", "ref")),
                          st.text(alphabet="abcdefgh", min_size=1, max_size=12)), min_size=1, max_size=8))
def test_every_note_is_a_footnote_numbered_in_order(notes: list[tuple[str, str]]) -> None:
    claims = " ".join(f"Claim {n}.[{name}]note {words}[/{name}]" for n, (name, words) in enumerate(notes))
    html = f"<p>{claims}</p>"
    markdown = html_to_markdown(html, Context())
    for n, (_, words) in enumerate(notes, 1):
        assert f"Claim {n - 1}.[^{n}]" in markdown
        assert f"[^{n}]: note {words}\n" in markdown
    assert "[/" not in markdown


def test_five_thousand_notes_convert_in_linear_time() -> None:
    html = "<p>" + "Word.[mfn]A note.[/mfn] " * 5_000 + "</p>"
    started = time.process_time()
    markdown = html_to_markdown(html, Context())
    assert time.process_time() - started < SLOW
    assert "[^5000]: A note." in markdown


def test_five_thousand_plugin_notes_convert_in_linear_time() -> None:
    modern = ('Word.<sup class="modern-footnotes-footnote"><a href="javascript:void(0)">1</a></sup>'
              '<span class="modern-footnotes-footnote__note">A note.</span> ')
    easy = ('Easy.<span class="easy-footnote"><a href="#b{0}"><sup>1</sup></a></span> ',
            '<li><span id="b{0}"></span>E.</li>')
    html = ("<p>" + modern * 2_500 + "".join(easy[0].format(n) for n in range(2_500)) + "</p><ol>"
            + "".join(easy[1].format(n) for n in range(2_500)) + "</ol>")
    started = time.process_time()
    markdown = html_to_markdown(html, Context())
    assert time.process_time() - started < SLOW
    assert "[^2500]: A note." in markdown and "[^5000]: E." in markdown
