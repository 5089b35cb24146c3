"""E-mail addresses Cloudflare hid from the page a copy saved: with its Email Address Obfuscation on, Cloudflare
serves every address in a page as `<span class="__cf_email__" data-cfemail="b4c3…">[email&#160;protected]</span>`,
and every `mailto:` link as a link to `/cdn-cgi/l/email-protection#b4c3…`, which a script of its own decodes in the
reader's browser. A copy keeps the page as served: its readers saw "[email protected]" where the author wrote an
address, and a link to nowhere. The address is in the page, encoded: its first byte is a key the others are
XOR-ed with, the result UTF-8 (Cloudflare's own script decodes it so); it is shown again, and its link is `mailto:`.
An encoding that does not decode is left as it is.
"""

from __future__ import annotations

import re
from urllib.parse import urlsplit

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

ENCODED = "data-cfemail"
HIDDEN_CLASSES = frozenset({"__cf_email__"})
HEX = re.compile(r"(?:[0-9a-fA-F]{2}){2,256}")
# Where Cloudflare's links point, as a copy saved them: `/cdn-cgi/l/email-protection`, whole or relative, with the
# `.html` or `/index.html` wget and HTTrack give a saved page.
PROTECTION_PATH = re.compile(r"(?:^|/)cdn-cgi/l/email-protection(?:\.html?|/index\.html?|/)?\Z")
URL_UNSAFE = dict.fromkeys(map(ord, "\t\r\n"))  # what urlsplit takes out of an address before reading it
HIDDEN_TEXT = re.compile(r"\[email\s*protected\]", re.IGNORECASE)  # (its space may be a non-breaking one)


def emails_cloudflare_hid(soup: BeautifulSoup, ctx: Context) -> None:
    encoded = may_hold(soup, HIDDEN_CLASSES, attributes=frozenset({ENCODED}))
    for tag in elements(soup) if encoded else elements(soup, "a"):
        if tag.has_attr(ENCODED):
            address = decoded(str(tag.get(ENCODED)))
            if address is None:
                continue
            del tag[ENCODED]
            tag.clear()
            tag.append(address)
            if tag.name == "a" and _protected(str(tag.get("href") or "")) is not None:
                tag["href"] = f"mailto:{address}"
            _drop_class(tag)
        elif tag.name == "a" and (hexed := _protected(str(tag.get("href") or ""))):
            address = decoded(hexed)
            if address is None:
                continue
            tag["href"] = f"mailto:{address}"
            if HIDDEN_TEXT.fullmatch(tag.get_text().strip()):
                tag.clear()
                tag.append(address)


def decoded(hexed: str) -> str | None:
    """The address Cloudflare encoded (`b4c3d5…`: a key byte, then each byte of the address XOR-ed with it), or
    None where the text is no such encoding or names no address."""
    if not HEX.fullmatch(hexed):
        return None
    data = bytes.fromhex(hexed)
    try:
        text = bytes(byte ^ data[0] for byte in data[1:]).decode("utf-8")
    except UnicodeDecodeError:
        return None
    return text if "@" in text and text.isprintable() and not any(c.isspace() for c in text) else None


def _protected(href: str) -> str | None:
    """The encoded address a link to Cloudflare's protection page carries after its `#`, '' where it carries none,
    None where the link is no such link."""
    if "email-protection" not in href.translate(URL_UNSAFE):  # as nearly every link: spared urlsplit
        return None
    try:
        parts = urlsplit(href.strip())
    except ValueError:
        return None
    return parts.fragment if PROTECTION_PATH.search(parts.path) else None


def _drop_class(tag: Tag) -> None:
    names = [name for name in tag.get("class") or [] if name not in HIDDEN_CLASSES]
    if names:
        tag["class"] = names
    elif tag.has_attr("class"):
        del tag["class"]
