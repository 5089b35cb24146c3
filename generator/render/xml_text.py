"""Text and attribute values escaped for XML, byte for byte as xml.sax.saxutils escapes them.

(saxutils imports urllib.request, and with it http.client, email and ssl: some 15 ms of imports that every
build paid, even one that writes no feed.)
"""

from __future__ import annotations

_ATTRIBUTE = str.maketrans({"\n": "&#10;", "\r": "&#13;", "\t": "&#9;"})


def escape(value: str) -> str:
    """saxutils.escape: &, < and >."""
    return value.replace("&", "&amp;").replace(">", "&gt;").replace("<", "&lt;")


def quoteattr(value: str) -> str:
    """saxutils.quoteattr: escaped, line breaks and tabs as references, in the quotes that need no escaping."""
    value = escape(value).translate(_ATTRIBUTE)
    if '"' not in value:
        return f'"{value}"'
    if "'" not in value:
        return f"'{value}'"
    return '"{}"'.format(value.replace('"', "&quot;"))
