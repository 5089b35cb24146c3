"""What a builder add-on's element shows, read from attributes whose names qualify the part they fill.

Builders' add-ons qualify their keys by the part of the element they fill (Divi Pixel's `[dipi_hover_box
content_title="Ana Lima" content_image="…/ana.jpg" content_hover_content="Chief Executive Officer"]`, its
`[dipi_carousel_child img_src="…/nxp.svg"]`, its `[dipi_text_highlighter text_highlighter_prefix="Ready to"
text_highlighter_text="grow?"]`): the last word of the key says what the value is, so long as no word before it
styles it (`background_image`, `button_text`: the styling words page_builders passes) or makes it the builder's
own (`admin_label`, which only the builder's editor shows). A picture's address ends in `src` or `url` after its
picture word.
"""

from __future__ import annotations

import re
from html import escape

TITLES = frozenset({"title", "heading", "name"})
LINES = frozenset({"subtitle", "subheading", "content", "description", "desc", "text"})
# A sentence whose middle the element highlights: its words before, highlighted and after, as one line.
AROUND = {"prefix": 0, "before": 0, "text": 1, "highlight": 1, "highlighted": 1, "suffix": 2, "after": 2}
CLOSING_MARK = re.compile(r"[?!.,:;…)»」]")
BUILDER_OWN = frozenset({"admin", "module", "dynamic", "id"})
# A card's back, shown when the pointer is over it (`content_hover_content`), holds words as its front does.
SHOWN_ON_HOVER = frozenset({"hover"})
WORD_PART = re.compile(r"[_-]|(?<=[a-z])(?=\d)|\d+")
ADDRESS = re.compile(r"\s*(?:https?:)?/")
# A switch's value (The7's `[vc_toggle use_custom_heading="true"]`): the key names a part, the value only turns
# it on, and is no words of it.
SWITCHES = frozenset({"true", "false", "yes", "no", "on", "off"})
# A setting the Newspaper theme keeps per screen as JSON in base64 (`art_title1="eyJwb3J0cmFpdCI6…"`, `{"portrait":
# "0px 0px 6px 0px",…}`): base64 of `{"` opens with `eyJ`, and no title is written so.
ENCODED_SETTING = re.compile(r"eyJ[A-Za-z0-9+/]{6,}={0,2}")


def qualified_picture(named: dict[str, str], styling: frozenset[str], pictures: frozenset[str]) -> str:
    """The address of a picture under a qualified key (`img_src`, `photo_url`), or ""."""
    for key, value in named.items():
        words = _qualified(key, styling)
        if len(words) > 1 and words[-1] in ("src", "url") and words[-2] in pictures and ADDRESS.match(value):
            return value.strip()
    return ""


def qualified_words(named: dict[str, str], styling: frozenset[str]) -> tuple[list[str], list[str]]:
    """The titles and the lines under qualified keys: a line as HTML, since a rich text field's value is the
    editor's HTML; a highlighted sentence's parts joined into one line (see AROUND)."""
    titles: list[str] = []
    lines: list[str] = []
    sentences: dict[str, list[str]] = {}
    stems = _sentences(named, styling)
    for key, value in named.items():
        words = _qualified(key, styling)
        shown = value.strip()
        if not words or not shown or shown.lower() in SWITCHES or ENCODED_SETTING.fullmatch(shown):
            continue
        last, stem = words[-1], "_".join(words[:-1])
        if last in TITLES:
            titles.append(value.strip())
        elif last in AROUND and stem in stems:
            sentences.setdefault(stem, ["", "", ""])[AROUND[last]] = value
        elif last in LINES:
            lines.append(value.strip())
    return titles, lines + [escape(_joined(parts)) for parts in sentences.values()]


def _qualified(key: str, styling: frozenset[str]) -> list[str]:
    """The words of a qualified key, or [] for a key that is not one."""
    words = [word for word in WORD_PART.split(key.lower()) if word]
    qualifying = styling - SHOWN_ON_HOVER
    return words if len(words) > 1 and qualifying.isdisjoint(words) and BUILDER_OWN.isdisjoint(words) else []


def _sentences(named: dict[str, str], styling: frozenset[str]) -> set[str]:
    """The stems of the keys that hold the words before or after a highlighted part (`text_highlighter_prefix`)."""
    return {"_".join(words[:-1]) for key in named
            if (words := _qualified(key, styling)) and AROUND.get(words[-1], 1) != 1}


def _joined(parts: list[str]) -> str:
    """A sentence's parts as the element runs them together: a space between words, none before a mark that
    closes a sentence ("Ready to Power Your " "Biggest Projects" "?")."""
    text = ""
    for part in filter(str.strip, parts):
        spaced = not text or text[-1].isspace() or part[0].isspace() or CLOSING_MARK.match(part) is not None
        text += part if spaced else " " + part
    return " ".join(text.split())
