"""Code highlighters' shortcodes: SyntaxHighlighter's `[code language="bash"]`, `[sourcecode]`, `[php]`… and
CodeColorer's `[cc lang="php"]`, as the code block (or code span) the plugin showed.

An export holds them raw, before WordPress made paragraphs (wp_render.py). REST content holds them raw only when
the plugin was off as the content was served: WordPress then ran wpautop and wptexturize over the code as over
prose (`<br />` for each line break, `&#8211;name` for `--name`), which `rendered_code` undoes.
"""

from __future__ import annotations

import re
from html import escape as html_escape
from html import unescape as html_unescape

# SyntaxHighlighter takes each of its languages' names as a shortcode of its own: [php]...[/php]; but not `latex`
# (Jetpack's [latex] is math) nor `r` (too short to be safe), which it leaves to others.
BRUSHES = ("as3|actionscript3|bash|shell|coldfusion|cf|clojure|clj|cpp|c|c-sharp|csharp|css|delphi|pas|pascal|diff"
           "|patch|erl|erlang|fsharp|go|golang|groovy|haskell|java|jfx|javafx|js|jscript|javascript|tex|matlab"
           "|objc|obj-c|perl|pl|php|plain|text|ps|powershell|py|python|splus|rails|rb|ror|ruby|scala|sql|swift|vb"
           "|vbnet|xml|xhtml|xslt|html|yaml|yml")
# CodeColorer's `[cc lang="php"]`, its modes as letters (`[cci]` inline, `[cce]` escaped) and its language
# as a suffix: `[ccnLe_php]…[/ccnLe_php]`.
CODECOLORER = r"cc[a-zA-Z]{0,6}(?:_[\w+#-]+)?"
NAMES = rf"code|sourcecode|source|{BRUSHES}|{CODECOLORER}"
NAME = re.compile(rf"(?:{NAMES})")
# Brush names that Pygments reads as another language, or as none.
BRUSH_LANGUAGES = {"ps": "powershell", "plain": "", "text": "", "c-sharp": "csharp", "as3": "actionscript3",
                   "splus": "r", "ror": "ruby", "rails": "ruby", "jscript": "javascript", "vb": "vbnet",
                   "patch": "diff", "xhtml": "html", "jfx": "", "javafx": "", "cf": "cfm", "coldfusion": "cfm"}

# wpautop's marks in text it took for prose: a break before each line's end, paragraphs at blank lines, and a
# paragraph closed before a tag it takes for a block's (`<address>` in XML), where a line began.
AUTOP_BREAK = re.compile(r"<br\s*/?>\n?", re.IGNORECASE)
AUTOP_PARAGRAPHS = re.compile(r"\s*</p>\s*<p>", re.IGNORECASE)
AUTOP_PARAGRAPH = re.compile(r"</?p>", re.IGNORECASE)
# wptexturize's replacements, as the entities it writes (what an author typed stays a character): the
# dashes of ` - `, ` -- `, `---` and `--`, its ellipsis, curled quotes, primes and the sign of `1024x768`.
TEXTURIZED = re.compile(r" &#821[12]; |&#82(?:1[12]|1[6-9]|2[01]|30|4[23]);|(?<=\d)&#215;(?=\d)")
STRAIGHT = {" &#8211; ": " - ", " &#8212; ": " -- ", "&#8211;": "--", "&#8212;": "---", "&#8230;": "...",
            "&#8216;": "'", "&#8217;": "'", "&#8218;": "'", "&#8219;": "'", "&#8220;": '"', "&#8221;": '"',
            "&#8242;": "'", "&#8243;": '"', "&#215;": "x"}


# A code shortcode's opening or closing tag, as the author typed it (its attributes hold no brackets, so that a
# search from each `[` stops at the next one: linear in the text).
TAG = re.compile(rf"\[(/?)({NAMES})(?:\s[^\[\]]*)?\]")
# What wpautop and the editor leave between two tags that nothing separates on the page.
NOTHING = re.compile(r"(?:\s|&nbsp;|<br\s*/?>|</?p>)*", re.IGNORECASE)


def mended_closings(text: str) -> str:
    """Code shortcodes as their author meant them where a closing tag no opening tag precedes was typed by
    mistake, which WordPress showed as text (`[/bash]` on the page): one typed again right after the block it
    closes goes (`[bash]…[/bash][/bash]`); one followed by another closing tag of its name, with no opening
    tag between, was typed for the opening tag of the code up to that one (`[/bash]# cp a b[/bash]`). Code
    blocks do not nest: the tags inside one are its code."""
    if text.count("[/") < 2:
        return text
    tags = list(TAG.finditer(text))
    pieces, done, opened, closed = [], 0, "", None
    for at, tag in enumerate(tags):
        closing, name = tag.group(1) == "/", tag.group(2)
        if opened:
            opened, closed = ("", tag) if closing and name == opened else (opened, closed)
            continue
        if not closing:
            opened = name
            continue
        if closed is not None and closed.group(2) == name and NOTHING.fullmatch(text, closed.end(), tag.start()):
            pieces.append(text[done:tag.start()])
            closed = tag  # the block now ends here: a third is looked at from this one
        elif at + 1 < len(tags) and tags[at + 1].group(1) == "/" and tags[at + 1].group(2) == name:
            pieces.append(f"{text[done:tag.start()]}[{name}]")
            opened = name
        else:
            continue
        done = tag.end()
    return "".join(pieces) + text[done:] if pieces else text


def is_code(name: str) -> bool:
    return NAME.fullmatch(name) is not None


def language(name: str, named: dict[str, str]) -> str:
    """The language a shortcode names, by its attribute or its own name (`[php]`, `[ccnLe_php]`)."""
    if name.startswith("cc"):
        return named.get("lang") or name[2:].partition("_")[2]
    return named.get("language") or named.get("lang") or ("" if name in ("code", "sourcecode") else name)


def inline(name: str) -> bool:
    """CodeColorer's `[cci]` is a code span in its sentence."""
    return name.startswith("cc") and "i" in name[2:].partition("_")[0]


def code_block(named: str, content: str) -> str:
    """A <pre> of the code, its language, named as the plugin names it, kept for highlighting."""
    language = re.sub(r"[^a-z0-9+#-]", "", BRUSH_LANGUAGES.get(named.lower(), named.lower()))
    kind = f' class="language-{language}"' if language else ""
    code = escaped(content.strip("\n"))
    return f"<pre><code{kind}>{code}</code></pre>"


def escaped(code: str) -> str:
    """Code as HTML text: what the editor saved escaped (`&lt;`) reads as the code it is."""
    return html_escape(html_unescape(code), quote=False)


def rendered_code(name: str, named: dict[str, str], inner: str) -> str:
    """A highlighter's shortcode found unrendered in REST content: a code block of the code as it was typed,
    or a code span for code written within its sentence (`run [shell]virsh reset vm[/shell] to…`)."""
    if inline(name) or not re.search(r"<br|<p|\n", inner, re.IGNORECASE):
        return f"<code>{escaped(typed(inner).strip())}</code>"
    return code_block(language(name, named), typed(inner))


def typed(inner: str) -> str:
    """Text as it was typed into a shortcode, without the breaks, paragraphs and curled quotes WordPress added."""
    text = AUTOP_PARAGRAPH.sub("", AUTOP_PARAGRAPHS.sub("\n\n", inner))
    text = AUTOP_BREAK.sub("\n", text)
    return TEXTURIZED.sub(lambda m: STRAIGHT[m.group()], text)
