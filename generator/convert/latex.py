r"""WordPress's LaTeX as the TeX it was written in: `$latex e^{i\pi}+1=0$`, and the images made of it.

WordPress.com and Jetpack turn `$latex …$` in a post into an image that their server draws
(`s0.wp.com/latex.php?latex=…`), QuickLaTeX and WP LaTeX into images of their own; an export keeps the
`$latex …$` itself. Offline such an image is a remote picture ("Image: e^{i\pi}+1=0 — open original"), and the
raw form reads as markup. Each becomes its TeX as code, as formulas that carry their TeX do
(convert/formulas.py): what the author typed, readable without a renderer.
"""

from __future__ import annotations

import re
from urllib.parse import parse_qs, urlsplit

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.formulas import formula_code
from generator.convert.parse import has_class, may_contain, may_hold, tags_in

# Jetpack's form: `$latex` and spaces or `=`, the TeX up to the first `$` not escaped, then its own settings
# (size, colours) after `&`. Possessive, so that a `$latex` with no `$` after it costs one look at the text.
RAW = re.compile(r"\$latex(?:=\s*+|\s++)((?:[^$\\]|\\.)++)\$", re.DOTALL)
SETTING = re.compile(r"&(?:amp;)?(?:s|bg|fg)=[^&$]*\Z")
IMAGE_CLASSES = frozenset({"latex", "ql-img-inline-formula", "ql-img-displayed-equation"})
DISPLAYED = frozenset({"ql-img-displayed-equation"})
UNREAD = ("code", "pre", "script", "style", "textarea", "kbd", "samp")


def latex_as_tex(soup: BeautifulSoup, ctx: Context) -> None:
    if may_hold(soup, IMAGE_CLASSES):
        for tag in [t for t in tags_in(soup) if t.name == "img"]:
            tex = image_tex(tag)
            if tex:
                tag.replace_with(formula_code(soup, tex, has_class(tag, DISPLAYED)))
    if may_contain(soup, "$latex"):
        for text in [s for s in soup.find_all(string=RAW) if not s.find_parent(UNREAD)]:
            _replace_raw(soup, text)


def latex_in_text(text: str) -> str:
    """Plain text (a summary) with each `$latex …$` as its TeX."""
    if "$latex" not in text:
        return text
    return RAW.sub(lambda match: tex_of(match), text)


def tex_of(raw: re.Match[str]) -> str:
    """The TeX of a `$latex …$`, without the settings Jetpack reads from its end (`&s=2&fg=ff0000`)."""
    tex = raw.group(1)
    for _ in range(3):  # s, bg and fg, once each
        setting = SETTING.search(tex)
        if setting is None:
            break
        tex = tex[:setting.start()]
    return tex.strip()


def image_tex(img: Tag) -> str:
    """The TeX an image of a formula (as its class says) was drawn from: its `latex=` parameter, else its alt
    text; "" for an image of anything else."""
    if not has_class(img, IMAGE_CLASSES):
        return ""
    src = img.get("src")
    try:
        query = urlsplit(src).query if isinstance(src, str) else ""
    except ValueError:
        query = ""
    drawn = parse_qs(query).get("latex", [""])[0].strip()
    alt = img.get("alt")
    return drawn or (alt.strip() if isinstance(alt, str) else "")


def _replace_raw(soup: BeautifulSoup, text: NavigableString) -> None:
    pieces: list[NavigableString | Tag] = []
    end = 0
    for match in RAW.finditer(str(text)):
        pieces += [NavigableString(str(text)[end:match.start()]),
                   formula_code(soup, tex_of(match), False)]
        end = match.end()
    pieces.append(NavigableString(str(text)[end:]))
    for piece in reversed([p for p in pieces if str(p) or isinstance(p, Tag)]):
        text.insert_after(piece)
    text.extract()
