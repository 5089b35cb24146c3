"""Post files are UTF-8, as the import writes them. One an editor saved in another encoding (Windows Notepad's
"Unicode" is UTF-16) is named plainly, with what to do, not in Python's words ("'utf-8' codec can't decode byte
0xff in position 0")."""

from __future__ import annotations

import codecs
from pathlib import Path

# UTF-32's marks first: its little-endian one begins with UTF-16's.
MARKS = ((codecs.BOM_UTF32_LE, "UTF-32"), (codecs.BOM_UTF32_BE, "UTF-32"),
         (codecs.BOM_UTF16_LE, "UTF-16"), (codecs.BOM_UTF16_BE, "UTF-16"))


def not_utf8(head: bytes, error: UnicodeDecodeError) -> str:
    """Why a file whose first bytes are `head` is not read: the encoding it was saved in, where they show one."""
    wide = next((name for mark, name in MARKS if head.startswith(mark)), None) or _unmarked(head)
    if wide:
        return f"saved as {wide}; save it as UTF-8"
    return f"not UTF-8 text (byte {error.start}); save it as UTF-8"


def not_utf8_file(path: Path, error: UnicodeDecodeError) -> str:
    """not_utf8 of the file at `path`."""
    try:
        with path.open("rb") as f:
            return not_utf8(f.read(4), error)
    except OSError:
        return not_utf8(b"", error)


def _unmarked(head: bytes) -> str | None:
    """UTF-16 or UTF-32 without a mark, by where the zero bytes of its first character (`-`, ASCII) fall."""
    if len(head) < 4 or (head[0] and head[1]):
        return None
    if head[1:4] == b"\0\0\0" or head[:3] == b"\0\0\0":
        return "UTF-32"
    return "UTF-16" if bool(head[0]) != bool(head[1]) else None
