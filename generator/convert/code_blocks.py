"""Code blocks: the language a block declares, as highlighters name it, preformatted text that links to web
pages, which a code block cannot hold and so stays HTML, listings a highlighter numbered in a table, and
CodeColorer's listings, which hold no <pre>."""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, Tag

from generator.convert.context import Context
from generator.convert.parse import cells_of, elements

# Prism's and highlight.js's `language-x`, Prettify's `lang-x`, SyntaxHighlighter's `brush: x` and Crayon's
# `lang:x` (or `lang_x`); Enlighter's `data-enlighter-language="x"`, others' `data-lang`. Crayon names no language
# as `default`, Enlighter as `generic` (or `null`, left unset), and editors written in JavaScript that wrote a fence
# with no language as `<pre lang='undefined'>` as `undefined`.
CODE_LANGUAGE = re.compile(r"(?:^|\s)(?:language-|lang-|lang[:_]|brush:\s*)([\w+#.-]+)")
LANGUAGE_ATTRIBUTES = ("data-enlighter-language", "data-lang", "data-language")
LANGUAGE_NAME = re.compile(r"[\w+#.-]+")
NO_LANGUAGE = frozenset({"default", "generic", "null", "undefined"})
# The language named by a bare class, as WP-Syntax's GeSHi (`<pre class="php">`) and Hexo (`<figure class="highlight
# php">`) name it: only a language's own name, which no theme's class for something else is.
BARE_LANGUAGES = frozenset({"php", "javascript", "js", "typescript", "python", "ruby", "java", "cpp", "csharp",
                            "css", "scss", "html", "html4strict", "html5", "xml", "sql", "mysql", "bash", "shell",
                            "powershell", "perl", "golang", "json", "yaml", "lua", "scala", "swift", "kotlin", "rust",
                            "haskell", "objc", "actionscript", "actionscript3", "vbnet", "delphi", "matlab", "diff",
                            "apache", "nginx", "ini", "latex", "erlang", "elixir", "clojure", "groovy", "dart"})
# The text of a column of line numbers.
LINE_NUMBERS = re.compile(r"[\d\s]+")
# The white space a browser collapses into one space (not the no-break spaces CodeColorer indents with).
COLLAPSED = re.compile(r"[ \t\r\n\f]+")


def code_language(el: Tag) -> str:
    """The language a code block declares on <pre> or its <code>: by a class (language-x, lang-x, lang:x or
    brush: x), else by a highlighter's attribute, else by a bare class that is a language's name (BARE_LANGUAGES,
    on the <pre> or Hexo's `figure.highlight` around it)."""
    tags = [tag for tag in (el, el.find("code")) if isinstance(tag, Tag)]
    named = [match.group(1) for tag in tags if (match := CODE_LANGUAGE.search(" ".join(tag.get("class") or ())))]
    named += [str(tag.get(attr)) for tag in tags for attr in LANGUAGE_ATTRIBUTES if tag.get(attr)]
    holder = el.find_parent("figure", class_="highlight")
    named += [name for tag in (*tags, holder) if isinstance(tag, Tag) for name in tag.get("class") or ()
              if name.lower() in BARE_LANGUAGES]
    language = next((name.lower() for name in named if LANGUAGE_NAME.fullmatch(name)), "")
    return "" if language in NO_LANGUAGE else language


def links_out(pre: Tag) -> bool:
    """Whether preformatted text links to a web page (a listing's words linked to its documentation) or shows a
    picture (a screenshot Windows Live Writer pasted into the listing's `<pre>`), which a code block, text
    alone, would lose."""
    if pre.find(lambda t: t.name.startswith("nm-")) is not None:
        return False  # footnotes and anchors the converter marked need Markdown
    return (any(a.get("href", "").startswith(("http://", "https://")) for a in pre.find_all("a"))
            or any(img.get("src", "").startswith(("http://", "https://")) for img in pre.find_all("img")))


# The attributes kept of preformatted text written as HTML: where its links lead, and what its pictures show.
PRE_ATTRIBUTES = {"a": ("href", "title"), "img": ("src", "alt", "title", "width", "height")}


def pre_html(pre: Tag) -> str:
    """The preformatted text as HTML, with only the links' addresses and titles and the pictures' sources and
    descriptions: a blank line does not end an HTML block that opens with <pre>, and nothing in it is read as
    Markdown."""
    for tag in [pre, *pre.find_all(True)]:
        kept = PRE_ATTRIBUTES.get(tag.name, ())
        tag.attrs = {k: v for k, v in tag.attrs.items() if k in kept}
    return str(pre)


def numbered_listings_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """Highlighters that number lines server-side (WP-Syntax and CodeRay's `td.line_numbers`, Pygments' and Rouge's
    `td.linenos` or `td.gutter`, Crayon's) lay a listing out as a table of one row: a cell of numbers, a cell
    holding the code's <pre>. Kept as a table, the numbers stood beside the code as a column of their own and
    copying the code took them along; the listing is its <pre>, a code block like any other."""
    for table in elements(soup, "table"):
        code = _numbered_listing(table)
        if code is not None:
            table.replace_with(code.extract())


def _numbered_listing(table: Tag) -> Tag | None:
    """The <pre> of a table laid out as line numbers beside code, or None for any other table."""
    rows = table.find_all("tr")
    if len(rows) != 1:
        return None
    cells = cells_of(rows[0])
    if len(cells) != 2 or table.find("table") is not None:
        return None
    numbers, code = cells
    listing = code.find("pre")
    if listing is None or not LINE_NUMBERS.fullmatch(numbers.get_text()) or not numbers.get_text().strip():
        return None
    return listing if not code.get_text().replace(listing.get_text(), "").strip() else None


def codecolorer_as_code(soup: BeautifulSoup, ctx: Context) -> None:
    """CodeColorer renders `[cc lang="java"]` as `div.codecolorer-container` around `div.codecolorer` (in a table
    beside a cell of line numbers when it numbers them): no <pre>, but text the theme's `white-space: nowrap` shows
    as lines, a `<br>` ending each and no-break spaces indenting them, GeSHi's spans colouring it and its links to
    documentation on keywords. Read as prose, the listing ran into a paragraph of escaped words; it is a code block
    in the language the container names (`text` names none), one line per line, without those links."""
    for container in elements(soup, "div"):
        if "codecolorer-container" not in (container.get("class") or ()):
            continue
        code = container.find("div", class_="codecolorer")
        if code is None:
            continue
        language = next((name for name in code.get("class") or () if name != "codecolorer"), "text")
        block = soup.new_tag("pre")
        block.append(soup.new_tag("code", attrs={"class": f"language-{language}"} if language != "text" else {}))
        block.code.string = _shown_lines(code)
        container.replace_with(block)


def _shown_lines(code: Tag) -> str:
    """The lines a browser shows of text laid out with `white-space: nowrap`: white space collapsed to one space
    and dropped at each line's ends, a line ended by each <br>, a no-break space a space."""
    pieces = []
    for node in code.descendants:
        if isinstance(node, Tag):
            if node.name == "br":
                pieces.append("\n")
        else:
            pieces.append(COLLAPSED.sub(" ", str(node)))
    lines = "".join(pieces).split("\n")
    return "\n".join(line.strip(" ").replace("\xa0", " ") for line in lines).strip("\n")
