"""The text encoding an export declares, read as the site's readers' browsers read it.

WordPress writes its export in the site's charset (`blog_charset`), and older sites were set to
ISO-8859-1, GB2312, Shift_JIS or EUC-KR. The XML parser reads none of the multi-byte ones, and reads
ISO-8859-1 by the letter, where the site's pages were shown by browsers, which read these names as
the larger Windows encodings (the WHATWG Encoding Standard): the curly quotes and dashes typed on
Windows, saved as bytes 0x91-0x97, are Windows-1252's. So an export that declares anything but UTF-8
is decoded here as a browser would, and handed to the parser as UTF-8.
"""

from __future__ import annotations

import codecs
import re

DECLARED = re.compile(rb"""\A(\xef\xbb\xbf)?(\s*<\?xml\b[^>]*?\bencoding\s*=\s*["'])([^"']*)(["'])""")
# Python's names of the encodings browsers read as a larger one, and that one.
AS_BROWSERS_READ = {"ascii": "cp1252", "iso8859-1": "cp1252", "gb2312": "gb18030", "gbk": "gb18030",
                    "euc_kr": "cp949", "shift_jis": "cp932", "big5": "big5hkscs"}


UTF16_BOMS = (b"\xff\xfe", b"\xfe\xff")


class UnknownEncoding(Exception):
    pass


def decoder_for(head: bytes) -> codecs.IncrementalDecoder | None:
    """A decoder for what the XML declaration at the start of `head` names, or None for UTF-8 (or no
    declaration, which means UTF-8). Bytes the encoding lacks become U+FFFD, as in a browser."""
    if head.startswith(UTF16_BOMS):  # saved as "Unicode" by Windows Notepad; its declaration may still say UTF-8
        return codecs.getincrementaldecoder("utf-16")(errors="replace")
    declared = DECLARED.match(head)
    label = declared.group(3).decode("ascii", "replace").strip() if declared else "utf-8"
    if label.lower() == "utf-8":
        return None
    try:
        name = codecs.lookup(label).name
    except LookupError:
        raise UnknownEncoding(f"it declares the encoding {label[:40]!r}, which is not one known here: "
                              f"save the export as UTF-8") from None
    return codecs.getincrementaldecoder(AS_BROWSERS_READ.get(name, name))(errors="replace")


def declared_utf8(head: bytes) -> bytes:
    """The head, already made UTF-8, with its XML declaration saying so."""
    return DECLARED.sub(lambda m: m.group(2) + b"UTF-8" + m.group(4), head, count=1)
