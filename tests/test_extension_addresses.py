"""A browser extension's address in a post is a file in its author's browser: no image, link or background keeps it
(convert/links.unlink_unreachable_addresses)."""

from __future__ import annotations

import re

from hypothesis import given
from hypothesis import strategies as st

from generator.convert.markdown import html_to_markdown
from tests.test_fuzz_import import markup

SCHEMES = st.sampled_from(["chrome-extension", "moz-extension", "safari-web-extension", "ms-browser-extension",
                           "Chrome-Extension", "safari-extension"])
PATHS = st.text(alphabet="abcdefghij0123456789-/.", min_size=1, max_size=30)
# An image, link or background kept with such an address: Markdown's, or a tag kept as HTML (not text that quotes one,
# as what a <textarea> holds is: `\<img …>`, escaped; nor code's text, in blocks or in a line: CODE).
KEPT = re.compile(r"\]\(\s*<?[a-z-]*-extension:|(?<!\\)<(?:img|a|div)\b[^>]*-extension:", re.IGNORECASE)
CODE = re.compile(r"^(`{3,}|~{3,}).*?^\1|(`+).+?(?<!`)\2(?!`)", re.DOTALL | re.MULTILINE)
SHOWN = ('<img src="{url}" alt="x">', '<a href="{url}">Words</a>', '<div style="background-image: url(\'{url}\')">'
         '</div>', '<p><a href="https://e.org/"><img src="{url}"></a></p>')


@given(SCHEMES, PATHS, st.sampled_from(SHOWN), markup())
def test_no_extension_address_is_kept(scheme: str, path: str, shown: str, around: str) -> None:
    markdown = html_to_markdown(around + shown.format(url=f"{scheme}://{path}") + around)
    assert KEPT.search(CODE.sub("", markdown)) is None
