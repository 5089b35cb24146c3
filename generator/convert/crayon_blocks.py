"""Crayon Syntax Highlighter's listings as rendered (`div.crayon-syntax`), which hold no <pre>.

Crayon writes each listing twice: its plain text in a `textarea.crayon-plain` that a button shows, and its
highlighted lines (`div.crayon-line`) in a table beside a cell of line numbers, under a toolbar naming the language
(`span.crayon-language`). Read as prose, the plain copy ran into paragraphs whose `#` comments became headings, the
toolbar's language a paragraph of its own, and the table stayed HTML, which an Arabic-script page then laid out
right to left; the listing is one code block in its language.
"""

from __future__ import annotations

from bs4 import BeautifulSoup, Tag

from generator.convert.code_blocks import LANGUAGE_NAME
from generator.convert.context import Context
from generator.convert.parse import elements


def crayon_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    for container in elements(soup, "div"):
        if "crayon-syntax" not in (container.get("class") or ()) or container.find_parent(class_="crayon-syntax"):
            continue
        text = _code_text(container)
        if text is None:
            continue
        block = soup.new_tag("pre")
        language = _language(container)
        block.append(soup.new_tag("code", attrs={"class": f"language-{language}"} if language else {}))
        block.code.string = text
        container.replace_with(block)


def _code_text(container: Tag) -> str | None:
    """The listing's text: its plain copy, else its highlighted lines one by one; None where it holds neither."""
    plain = container.find("textarea", class_="crayon-plain")
    if plain is not None and plain.get_text().strip():
        return plain.get_text().strip("\n")
    lines = [line.get_text() for line in container.find_all("div", class_="crayon-line")]
    return "\n".join(lines).strip("\n") if any(line.strip() for line in lines) else None


def _language(container: Tag) -> str:
    """The language the toolbar names ("Python" -> python), or '' for plain text or none."""
    named = container.find("span", class_="crayon-language")
    name = named.get_text().strip().lower() if named is not None else ""
    return name if LANGUAGE_NAME.fullmatch(name) and name not in ("text", "plain") else ""
