"""A heading's `{#id}` written so that the renderer reads the id as it is.

The renderer takes the id from the end of the heading's line after reading its emphasis, so `_` in an id can open
and close emphasis as in any text: `## Part one {#ab-_cd_}` gave the heading the id `ab-<em>cd</em>` and the post's
links to `#ab-_cd_` went nowhere. Such an id's underscores are escaped (`{#ab-\\_cd\\_}`), which the renderer reads
back as `_`; others are written as they are, so the Markdown of most posts reads as before.
"""

from __future__ import annotations

import re

from markdown_it import MarkdownIt

# An `_` beside anything but a letter or digit may open or close emphasis; one between two letters or digits never
# does (`_Toc123`, `h_2`), so only an id with the first kind is read through the parser to be sure.
LOOSE_UNDERSCORE = re.compile(r"(?<![^\W_])_|_(?![^\W_])")
ATX_MARKER = re.compile(r"\A#{1,6}[ \t]+")
INLINE = MarkdownIt("commonmark")


def id_attribute(heading: str, ident: str) -> str:
    """` {#ident}` to follow the ATX heading line `heading`, escaped where that line would read it as emphasis."""
    written = f" {{#{ident}}}"
    if LOOSE_UNDERSCORE.search(ident) and not _read_as_written(ATX_MARKER.sub("", heading) + written, ident):
        return written.replace("_", "\\_")
    return written


def _read_as_written(line: str, ident: str) -> bool:
    """Whether the inline text `line` ends in the plain text `{#ident}`, as the renderer looks for it."""
    children = INLINE.parseInline(line)[0].children or []
    return bool(children) and children[-1].type == "text" and children[-1].content.endswith(f"{{#{ident}}}")
