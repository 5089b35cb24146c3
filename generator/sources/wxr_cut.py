"""An export cut short, as an interrupted download or copy leaves it: told apart from one written wrong, so that
its whole items are read and the user is told the file ends early, not that it is malformed XML."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from xml.etree.ElementTree import ParseError
from xml.parsers.expat import errors as expat_errors

# What expat says of input that stops inside a token, a CDATA section or a character, or before the root closes:
# with no </rss> at its end, an export cut short (a download or copy interrupted), not one written wrong.
AT_END = frozenset(expat_errors.codes[message] for message in (
    expat_errors.XML_ERROR_NO_ELEMENTS, expat_errors.XML_ERROR_UNCLOSED_TOKEN,
    expat_errors.XML_ERROR_UNCLOSED_CDATA_SECTION, expat_errors.XML_ERROR_PARTIAL_CHAR))
END_TAG = b"</rss>"


def last_line_if_cut(path: Path, error: ParseError) -> int:
    """The number of the file's last line if it stops before its end (AT_END: the error is one of input that ran
    out, and no </rss> closes the file), else 0. Expat places an unclosed CDATA section where it opens."""
    if error.code not in AT_END:
        return 0
    try:
        with path.open("rb") as f:
            f.seek(max(0, f.seek(0, 2) - 256))
            if f.read().rstrip().endswith(END_TAG):
                return 0
            f.seek(0)
            return 1 + sum(chunk.count(b"\n") for chunk in iter(lambda: f.read(1 << 20), b""))
    except OSError:
        return 0


@dataclass
class Cut:
    """Where an export cut short ends, and the last whole item before it."""

    line: int = 0  # 0: the file is whole
    last: str = ""

    def said(self, whole: int) -> str:
        read = (f"the {whole} whole items before the cut were read (the last: item {self.last}); any item it cuts "
                "through and all after it are lost" if whole else "no item before the cut is whole: none was read")
        return (f"the file ends early, in its line {self.line}, before its closing </rss>: cut short, as an "
                f"interrupted download or copy leaves it; {read}. Export or download it again")
