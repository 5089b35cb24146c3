"""Block plugins' dynamic blocks in an export, shown by the words their attributes hold.

A block its plugin prints in PHP each time the page is shown (a dynamic block) is saved as its attributes alone,
a comment with no HTML: `<!-- wp:kadence/singlebtn {"text":"Get a quote","link":"/contact/"} /-->`. REST content
holds what the PHP printed; an export holds the comment, and the block rendered to nothing: a Kadence page lost its
buttons, testimonials and progress bars, Ultimate Blocks' call to action, tweetable quote, testimonial and notice
lost every word, and Rank Math's FAQ and How-to blocks, as older versions saved them, lost their questions and steps.

Each block of a kind below is shown as its plugin prints it, in plain HTML, from the attributes that hold its words:
a button as a link, a testimonial or a quote as a quote with who said it, a call to action as a heading, its text
and its button, a progress bar as its label and how far it got, a FAQ as its questions (headings) and answers, a
how-to as its description and its steps. Settings (colours, sizes, icons, ids) are not shown; a question or step
its author hid (`"visible":false`) is not shown, as on the live page. A block of a kind below that was saved with
HTML of its own (an older version of the plugin's) keeps that HTML: only the whole-comment form is rendered here.
Any other plugin's or theme's block saved so shows the words and pictures its attributes hold
(block_attributes.py); one whose attributes hold none (a post grid, a map, a form, a product named by its id)
showed something on the live page that the export does not hold: it leaves a mark the conversion counts as a loss,
under its name, and drops (`note_unshown_blocks`).
"""

from __future__ import annotations

import json
import re
from collections.abc import Callable, Mapping
from html import escape
from typing import Any

from bs4 import BeautifulSoup

from generator.convert import context as loss
from generator.convert.block_attributes import attributes_html
from generator.convert.context import Context
from generator.convert.parse import elements, may_hold

JSON = r"\{(?:(?!<!--).)*?\}"
WHOLE_BLOCK = re.compile(rf"<!--\s+wp:([a-z][a-z0-9_-]*/[a-z][a-z0-9_-]*)(?:\s+({JSON}))?\s+/-->", re.DOTALL)
HEADING_TAGS = frozenset({"h2", "h3", "h4", "h5", "h6"})
SAFE_LINK = re.compile(r"(?:https?://|/|#|mailto:|tel:)", re.IGNORECASE)
UNSHOWN = "data-unshown-block"  # the mark an unknown plugin's block leaves, which note_unshown_blocks reads
NOT_PLUGINS = frozenset({"core", "acf"})  # WordPress's own blocks and ACF's, which other rules render

Shown = Callable[[Mapping[str, Any]], str]


def with_words(html: str) -> str:
    """`html` with each whole-comment block of a kind in BLOCKS replaced by the HTML its plugin prints."""
    return WHOLE_BLOCK.sub(_shown, html) if "/-->" in html else html


def note_unshown_blocks(soup: BeautifulSoup, ctx: Context) -> None:
    """The marks left by plugins' blocks saved as settings alone (see the module's description): each a loss."""
    if not may_hold(soup, attributes=frozenset({UNSHOWN})):
        return
    for mark in elements(soup):
        if mark.has_attr(UNSHOWN):
            ctx.losses.note(loss.UNSHOWN_BLOCK, str(mark[UNSHOWN]))
            mark.decompose()


def _shown(found: re.Match[str]) -> str:
    name = found.group(1)
    show = BLOCKS.get(name)
    if show is None and name.split("/")[0] in NOT_PLUGINS:
        return found.group(0)
    try:
        attributes = json.loads(found.group(2) or "{}")
    except (ValueError, RecursionError):
        attributes = None
    if show is not None:
        return show(attributes) if isinstance(attributes, dict) else found.group(0)
    shown = attributes_html(name, attributes) if isinstance(attributes, dict) else ""
    return shown or f'<div {UNSHOWN}="{name}"></div>'


def _text(attributes: Mapping[str, Any], key: str) -> str:
    """An attribute's words (rich text, which may hold inline tags), or "" for a value that is not text."""
    value = attributes.get(key)
    return value.strip() if isinstance(value, str) else ""


def _link(text: str, address: str) -> str:
    if not text:
        return ""
    if address and SAFE_LINK.match(address):
        return f'<a href="{escape(address)}">{text}</a>'
    return text


def button(text: str, link: str) -> Shown:
    """A button: its words, linked to where it led."""
    return lambda attributes: (lambda shown: f"<p>{shown}</p>" if shown else "")(
        _link(_text(attributes, text), _text(attributes, link)))


def buttons(rows: str, text: str, link: str) -> Shown:
    """A row of buttons kept as a list of objects (Ultimate Blocks' `buttons`), or one button in the older form."""
    def shown(attributes: Mapping[str, Any]) -> str:
        saved = attributes.get(rows)
        items = saved if isinstance(saved, list) and saved else [attributes]
        links = [_link(_text(item, text), _text(item, link)) for item in items if isinstance(item, dict)]
        return "".join(f"<p>{found}</p>" for found in links if found)
    return shown


def quote(text: str, name: str = "", role: str = "", title: str = "") -> Shown:
    """A testimonial or a quote: its title, its words, and who said it ("— Jane Doe, CTO") as its source line."""
    def shown(attributes: Mapping[str, Any]) -> str:
        words = _text(attributes, text)
        if not words:
            return ""
        heading = _text(attributes, title) if title else ""
        who = ", ".join(part for part in (_text(attributes, name), _text(attributes, role)) if part)
        return (f"<blockquote>{f'<p><strong>{heading}</strong></p>' if heading else ''}<p>{words}</p>"
                f"{f'<p>— {who}</p>' if who else ''}</blockquote>")
    return shown


def heading(text: str, level: str, default: str = "h2") -> Shown:
    """A heading whose level its attributes name (`"level":"h3"`)."""
    def shown(attributes: Mapping[str, Any]) -> str:
        words = _text(attributes, text)
        tag = _text(attributes, level).lower() or default
        tag = tag if tag in HEADING_TAGS else default
        return f"<{tag}>{words}</{tag}>" if words else ""
    return shown


def call_to_action(title: str, level: str, text: str, label: str, link: str) -> Shown:
    """A call to action: its heading, its words and its button."""
    parts = (heading(title, level), lambda attributes: (lambda words: f"<p>{words}</p>" if words else "")(
        _text(attributes, text)), button(label, link))
    return lambda attributes: "".join(part(attributes) for part in parts)


def paragraph(text: str) -> Shown:
    """A box of words (a notice)."""
    return lambda attributes: (lambda words: f"<p>{words}</p>" if words else "")(_text(attributes, text))


def meter(label: str, amount: str, most: str, default: float) -> Shown:
    """A progress bar (Kadence's): its label and how far it got, as its script counted up to it ("Design 75%"):
    its amount up to its maximum, between its number's prefix and suffix (`%` unless set), each left out where
    the block hides it (`displayLabel`, `displayPercent`)."""
    def shown(attributes: Mapping[str, Any]) -> str:
        words = _text(attributes, label) if attributes.get("displayLabel") is not False else ""
        reached = min(_number(attributes.get(amount), default), _number(attributes.get(most), 100.0))
        suffix = attributes.get("numberSuffix", "%")
        count = (f"{_text(attributes, 'numberPrefix')}{reached:g}{suffix if isinstance(suffix, str) else ''}"
                 if attributes.get("displayPercent") is not False else "")
        return f"<p>{' '.join(part for part in (words, count) if part)}</p>" if words or count else ""
    return shown


def _number(value: Any, default: float) -> float:
    """A number attribute's value; its default where it is missing or not a number (a bool is not one)."""
    return float(value) if isinstance(value, (int, float)) and not isinstance(value, bool) and value == value \
        and abs(value) < 1e15 else default


def questions(rows: str, title: str, answer: str, before: str = "") -> Shown:
    """A FAQ's questions, or a how-to's steps: each one its author left visible, a heading over its answer; a
    how-to's description before them."""
    def shown(attributes: Mapping[str, Any]) -> str:
        tag = _text(attributes, "titleWrapper").lower()
        tag = tag if tag in HEADING_TAGS else "h3"
        saved = attributes.get(rows)
        parts = [f"<p>{_text(attributes, before)}</p>"] if before and _text(attributes, before) else []
        for row in saved if isinstance(saved, list) else ():
            if not isinstance(row, dict) or row.get("visible") is False:
                continue
            asked, answered = _text(row, title), _text(row, answer)
            if asked or answered:
                parts.append((f"<{tag}>{asked}</{tag}>" if asked else "") + (f"<div>{answered}</div>" if answered
                                                                            else ""))
        return "".join(parts)
    return shown


# Block name → how its plugin shows it; each verified against the plugin's own source (its block.json and PHP).
BLOCKS: dict[str, Shown] = {
    "kadence/singlebtn": button("text", "link"),
    "kadence/testimonial": quote("content", "name", "occupation", "title"),
    "kadence/progress-bar": meter("label", "progressAmount", "progressMax", default=90.0),
    "ub/button": buttons("buttons", "buttonText", "url"),
    "ub/click-to-tweet": quote("ubTweet"),
    "ub/testimonial": quote("ub_testimonial_text", "ub_testimonial_author", "ub_testimonial_author_role"),
    "ub/call-to-action-block": call_to_action("ub_call_to_action_headline_text", "selectedHeadingTag",
                                              "ub_cta_content_text", "ub_cta_button_text", "url"),
    "ub/notification-box-block": paragraph("ub_notify_info"),
    "ub/advanced-heading": heading("content", "level"),
    "rank-math/faq-block": questions("questions", "title", "content"),
    "rank-math/howto-block": questions("steps", "title", "content", before="description"),
}
