"""Text encoded twice, repaired at import: `â€œJittersâ€` is `“Jitters”`.

A WordPress database whose tables were made as latin1 holds its UTF-8 text as Latin-1 bytes, and a dump, an
export or the site itself, once its connection speaks UTF-8, turns each byte into a character of its own:
`“` (E2 80 9C) becomes `â€œ` (as Windows-1252 reads those bytes), `é` becomes `Ã©`, Russian `при` becomes
`Ð¿Ñ€Ð¸`. Whoever reads the mirror wants the words the author wrote. ftfy's fix_encoding finds such runs
and decodes them back, and leaves text that only looks alike (Portuguese `NÃO`, `é»`) as it is; it runs
before control_chars, as a `”` encoded twice ends in the C1 control U+009D, which that module would drop.
"""

from __future__ import annotations

import re

# How the second byte of a UTF-8 character reads in Windows-1252 (or, for the five bytes it leaves undefined,
# in Latin-1): 0x80-0xBF. Only text where a lead byte's character (0xC2-0xF4: `Â`, `Ã`, `â`, `Ð`) comes right
# before one is handed to ftfy, whose own search for mojibake costs some 0.2 ms per kilobyte.
CONTINUATION = ("\u0080-\u00bf\u0152\u0153\u0160\u0161\u0178\u017d\u017e\u0192\u02c6\u02dc\u2013\u2014"
                "\u2018-\u201a\u201c-\u201e\u2020-\u2022\u2026\u2030\u2039\u203a\u20ac\u2122")
SUSPECT = re.compile(f"[\u00c2-\u00f4][{CONTINUATION}]")


def repaired(text: str) -> str:
    """The text with its runs of twice-encoded UTF-8 decoded (see the module's docstring)."""
    if text.isascii() or SUSPECT.search(text) is None:
        return text
    import ftfy  # here: loading it takes 50 ms, and most sites have no such text
    return ftfy.fix_encoding(text)
