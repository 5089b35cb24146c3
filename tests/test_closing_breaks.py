"""No paragraph of the Markdown ends in a hard break, whose backslash Markdown shows (convert/markdown.normalize)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown, normalize
from tests.test_fuzz_import import markup

FENCE = re.compile(r"^ *`{3,}")
# What made such breaks: a `<br>` before what becomes a block of its own (a frame, a quote's source, a paragraph).
PIECES = st.sampled_from(["<br>", "<br />\n", "<iframe src=\"https://www.youtube.com/embed/RzmV_qR4uL4\"></iframe>",
                          "<cite>– A</cite>", "<blockquote>", "</blockquote>", "<p>", "</p>", "<li>", "<center>",
                          "words", "C:\\", "<pre>", "</pre>", "<ul>"])


def closing_breaks(markdown: str) -> list[str]:
    """The lines outside code that end a paragraph (a blank line, or only a quote's marks, after them) in an odd run
    of backslashes."""
    found, code = [], False
    lines = markdown.split("\n")
    for line, after in zip(lines, [*lines[1:], ""]):
        if FENCE.match(line):
            code = not code
        run = len(line) - len(line.rstrip("\\"))
        if not code and run % 2 and re.fullmatch(r"(?:> ?)*", after):
            found.append(line)
    return found


def test_a_break_closing_a_paragraph_goes_and_an_escaped_backslash_stays() -> None:
    assert normalize("one \\\n\ntwo\\\nthree\\\n") == "one\n\ntwo\\\nthree\n"
    assert normalize("> quote\\\n>\n> — A\n") == "> quote\n>\n> — A\n"
    assert normalize("[caption]\\\n\\\n\n[Video](https://e.org/v)\n") == "[caption]\n\n[Video](https://e.org/v)\n"
    assert normalize("C:\\\\\n\n```\nkept\\\n\n```\n") == "C:\\\\\n\n```\nkept\\\n\n```\n"


@given(st.lists(st.one_of(PIECES, markup()), max_size=16))
def test_no_paragraph_ends_in_a_break(parts: list[str]) -> None:
    assert closing_breaks(html_to_markdown("".join(parts))) == []
