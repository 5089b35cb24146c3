"""Attributes whose quotes a plugin escaped twice: `<a href=\\"http://example.com/\\">`.

WordPress slashes what it saves and unslashes it once; a plugin that slashes it again (an importer, a
front-end editor, a migration script) saves `href=\\"…\\"`, which a browser reads as the address
`\\"http://example.com/\\"`: the link opens a page of the post's own site that does not exist, the image
shows nothing, and its alt text `\\"A` loses every word after its first. Where an attribute's whole value
stands between such quotes, it is read as the value they enclose. This is done on the text, before it is
parsed, as only the text keeps an alt text of several words whole (the parser splits it into attributes).
"""

from __future__ import annotations

import re

# A start tag, as a browser's tokenizer finds one in text: code shown in a post writes its `<` as `&lt;`.
START_TAG = re.compile(r"<[a-zA-Z][^<>]*>")
# An attribute whose whole value stands between escaped quotes, `name=\"value\"` (or `\'`, once or more slashed);
# the value may hold the other quote (`onclick=\"go('x')\"`), as it could before it was slashed.
SLASHED_VALUE = re.compile(r"""(\s[^\s"'<>/=\\]+)=\\+(?:"([^"\\<>]*)\\+"|'([^'\\<>]*)\\+')(?=[\s/>])""")
MARK = "=\\"  # in the text of every post this concerns


def unslashed_attributes(html: str) -> str:
    """`html` with each attribute written `name=\\"value\\"` in its start tags written `name="value"`."""
    if MARK not in html:
        return html
    return START_TAG.sub(_unslashed_tag, html)


def _unslashed_tag(tag: re.Match[str]) -> str:
    text = tag.group(0)
    if "\\" not in text:
        return text
    return SLASHED_VALUE.sub(_unslashed_value, text)


def _unslashed_value(match: re.Match[str]) -> str:
    name, double, single = match.groups()
    return f'{name}="{double}"' if double is not None else f"{name}='{single}'"
