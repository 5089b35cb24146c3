"""WordPress's own syntax in a post's raw content, read where an export is read and where it is rendered.

An export saves what the editor saved: shortcodes with their attributes, galleries and playlists that
name no ids (they show the post's attachments), synced patterns named by the id of their `wp_block` post.
Reading the export needs to know which attachments and patterns a post names; rendering it needs the same
reading, so both take it from here.
"""

from __future__ import annotations

import json
import re
from collections.abc import Mapping
from dataclasses import dataclass

ATTRIBUTE = re.compile(r"""([\w-]+)\s*=\s*"([^"]*)"|([\w-]+)\s*=\s*'([^']*)'|([\w-]+)\s*=\s*([^\s'"]+)"""
                       r"""|"([^"]*)"|'([^']*)'|(\S+)""")
# (Its attributes hold no bracket, so that the search from each opening ends at the next bracket: thousands of
# `[gallery ` never closed made it search to the end of the post from each one.)
# Jetpack's `[slideshow]` shows the post's attached images as `[gallery]` does (see convert/wp_render.py), and so
# does a portfolio theme's `[imagelist id=1435]` (the pictures attached to post 1435, its own item).
MEDIA_LIST = re.compile(r"\[(gallery|playlist|slideshow|imagelist)((?:\s[^\[\]]*)?)\]")
# A synced pattern (reusable block) saves only its id in the post: its content is a `wp_block` post of its own.
# (Its attributes end before the next block's delimiter, in a search that stops there: see convert/wp_render.py.)
SYNCED_PATTERN = re.compile(r"<!--\s+wp:(?:core/)?block\s+(\{(?:(?!<!--).)*?\})\s+/-->", re.DOTALL)
# A post's whole content inside CDATA marks saved as its text (`<![CDATA[First line…<br />…]]>`): a blog mover
# wrapped each post in one CDATA more than the import took off. A browser reads the opening mark as a comment that
# runs to the first `>`, hiding the post's first line, and shows the `]]>`; the marks are no words of the author's.
CDATA_WRAPPED = re.compile(r"(\s*(?:<p>\s*)?)<!\[CDATA\[(.*)\]\]>(\s*(?:</p>\s*)?)", re.DOTALL)
CDATA_OPENING = ("<![CDATA[", "<p><![CDATA[")


@dataclass(frozen=True, slots=True)  # one per attachment of the export, kept while it is read
class Attachment:
    """What an export says of one attachment, for galleries and playlists that name no ids."""

    id: int
    parent: int
    order: int
    mime: str


def parse_attributes(text: str) -> tuple[dict[str, str], list[str]]:
    """Named and positional attributes, as WordPress's shortcode_parse_atts reads them."""
    named: dict[str, str] = {}
    positional: list[str] = []
    text = text.strip()
    if text.startswith("="):  # Jetpack's [youtube=URL], which editors quote too: [youtube="URL"]
        return {}, [text[1:].strip().strip("\"'")]
    for match in ATTRIBUTE.finditer(text):
        key = match.group(1) or match.group(3) or match.group(5)
        if key:
            named[key.lower()] = match.group(2) if match.group(1) else match.group(4) or match.group(6) or ""
        else:
            positional.append(next(g for g in match.groups()[6:] if g is not None))
    return named, positional


def gallery_owners(raw: str, post_id: int) -> set[int]:
    """The posts whose attachments the content's galleries and playlists without ids show."""
    owners = set()
    for match in MEDIA_LIST.finditer(raw):
        named, _ = parse_attributes(match.group(2))
        if not (named.get("ids") or named.get("include")):
            owners.add(int(named["id"]) if named.get("id", "").isdigit() else post_id)
    return owners


def pattern_ref(attributes: str) -> int | None:
    """The id of the `wp_block` post a synced pattern's attributes (JSON) name, if they name one."""
    try:
        ref = json.loads(attributes).get("ref")
    except (ValueError, AttributeError, RecursionError):
        return None
    return ref if isinstance(ref, int) else None


def patterns_used(raw: str, synced: Mapping[int, str]) -> dict[int, str]:
    """The synced patterns of `synced` that the content shows, and those they show in turn."""
    used: dict[int, str] = {}
    pending: list[str] = [raw]
    while pending:
        text = pending.pop()
        if "wp:block" not in text:
            continue
        for match in SYNCED_PATTERN.finditer(text):
            ref = pattern_ref(match.group(1))
            if ref is not None and ref in synced and ref not in used:
                used[ref] = synced[ref]
                pending.append(synced[ref])
    return used


def without_cdata_marks(content: str) -> str:
    """The content without CDATA marks around all of it, as its author wrote it; any other content as it is."""
    if not content.lstrip().startswith(CDATA_OPENING):
        return content
    wrapped = CDATA_WRAPPED.fullmatch(content)
    return "".join(wrapped.groups()) if wrapped else content
