"""Divi's dynamic content: an address its builder fills in each time the page is shown.

Divi saves a button's or image's link as `@ET-DC@<base64 JSON>@`, the JSON naming what to show
(`{"dynamic":true,"content":"post_link_url_page","settings":{"post_id":"17"}}`). Shown outside the builder
(the REST API, an export) the token stays as it is, and a browser read it as a relative address: the
mirror's link went to `<post>/@ET-DC@eyJ…@`, a page that never existed.
"""

from __future__ import annotations

import base64
import binascii
import json
import re

from bs4 import BeautifulSoup

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import may_contain, tags_in

TOKEN = re.compile(r"^\s*@ET-DC@(.*)@\s*$", re.DOTALL)
LINK_TO_POST = re.compile(r"^post_link_url_(\w+)$")  # the address of a post of that type
ADDRESS_ATTRIBUTES = ("href", "src")


def dynamic_address(value: str) -> str | None:
    """The address a token stands for, as WordPress reaches a post by its id (`?page_id=17`, `?p=12`,
    read against the post's own address); '' for a token naming nothing the mirror can know (the
    visitor's account page, a field of the current post); None when the value is no token."""
    match = TOKEN.match(value)
    if match is None:
        return None
    token = match.group(1)
    token += "=" * (-len(token) % 4)
    try:
        spec = json.loads(base64.urlsafe_b64decode(token) if "-" in token or "_" in token else base64.b64decode(token))
    except (binascii.Error, ValueError, RecursionError):
        return ""
    settings = spec.get("settings") if isinstance(spec, dict) else None
    link = LINK_TO_POST.match(str(spec.get("content", ""))) if isinstance(spec, dict) else None
    post = str(settings.get("post_id", "")) if isinstance(settings, dict) else ""
    if link is None or not post.isdigit():
        return ""
    return f"?page_id={post}" if link.group(1) == "page" else f"?p={post}"


def divi_dynamic_links(soup: BeautifulSoup, ctx: Context) -> None:
    """A link to another post by its id becomes a link to it; a token for anything else leaves its text
    unlinked, and an image that was to show it goes, as noted."""
    if not may_contain(soup, "ET-DC"):  # no token: no walk of the tags' addresses
        return
    for tag in tags_in(soup):
        for name in ADDRESS_ATTRIBUTES:
            value = tag.get(name)
            address = dynamic_address(value) if isinstance(value, str) else None
            if address is None:
                continue
            if address:
                tag[name] = address
            elif tag.name == "img":
                ctx.losses.note(loss.IMAGE_WITHOUT_SOURCE, tag.get("alt") or "a Divi dynamic image")
                tag.decompose()
                break
            else:
                del tag[name]
