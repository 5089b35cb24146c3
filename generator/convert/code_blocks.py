"""Code blocks: the language a block declares, as highlighters name it, and preformatted text that links to web
pages, which a code block cannot hold and so stays HTML."""

from __future__ import annotations

import re

from bs4 import Tag

# Prism's and highlight.js's `language-x`, Prettify's `lang-x`, SyntaxHighlighter's `brush: x` and Crayon's
# `lang:x` (or `lang_x`); Enlighter's `data-enlighter-language="x"`, others' `data-lang`. Crayon names no language
# as `default`, Enlighter as `generic` (or `null`, left unset).
CODE_LANGUAGE = re.compile(r"(?:^|\s)(?:language-|lang-|lang[:_]|brush:\s*)([\w+#.-]+)")
LANGUAGE_ATTRIBUTES = ("data-enlighter-language", "data-lang", "data-language")
LANGUAGE_NAME = re.compile(r"[\w+#.-]+")
NO_LANGUAGE = frozenset({"default", "generic", "null"})


def code_language(el: Tag) -> str:
    """The language a code block declares on <pre> or its <code>: by a class (language-x, lang-x, lang:x or
    brush: x), else by a highlighter's attribute."""
    tags = [tag for tag in (el, el.find("code")) if isinstance(tag, Tag)]
    named = [match.group(1) for tag in tags if (match := CODE_LANGUAGE.search(" ".join(tag.get("class") or ())))]
    named += [str(tag.get(attr)) for tag in tags for attr in LANGUAGE_ATTRIBUTES if tag.get(attr)]
    language = next((name.lower() for name in named if LANGUAGE_NAME.fullmatch(name)), "")
    return "" if language in NO_LANGUAGE else language


def links_out(pre: Tag) -> bool:
    """Whether preformatted text links to a web page (a listing's words linked to its documentation)."""
    if pre.find(lambda t: t.name.startswith("nm-")) is not None:
        return False  # footnotes and anchors the converter marked need Markdown
    return any(a.get("href", "").startswith(("http://", "https://")) for a in pre.find_all("a"))


def pre_html(pre: Tag) -> str:
    """The preformatted text as HTML, with only the links' addresses and titles: a blank line does not end
    an HTML block that opens with <pre>, and nothing in it is read as Markdown."""
    for tag in [pre, *pre.find_all(True)]:
        tag.attrs = {k: v for k, v in tag.attrs.items() if tag.name == "a" and k in ("href", "title")}
    return str(pre)
