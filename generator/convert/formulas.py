"""Formulas rendered into a post as HTML by KaTeX or MathJax, or pasted from Wikipedia, as the TeX they came from.

Such a formula is written three times over: MathML for screen readers, the TeX source in its `<annotation>`,
and spans that only the renderer's style sheet lays out (KaTeX's `katex-html`). Without that style sheet, and
with MathML's tags gone, the three run together: `x_i` reads `xix_ixi`. The TeX is what the author wrote and
reads plainly, so the formula becomes it, as code; a formula set on a line of its own, a block of code.

So does a formula a LaTeX plugin would draw as a picture the mirror cannot show: Jetpack's and WP LaTeX's
`[latex]…[/latex]` (also WP-KaTeX's and QuickLaTeX's), saved unrendered in an export or in content served while the
plugin was off. Its `$latex …$` form, and the pictures the plugins made, are read by convert/latex.py.
"""

from __future__ import annotations

import re
from html import escape, unescape

from bs4 import BeautifulSoup, Tag

from generator.convert.code_shortcodes import typed
from generator.convert.context import Context
from generator.convert.parse import tags_in

TEX = "application/x-tex"
# The wrappers each renderer puts around a formula and its other renderings, outermost first.
WRAPPERS = ("katex-display", "katex", "mwe-math-element", "MathJax_Display", "MathJax")
DISPLAYED = frozenset({"katex-display", "MathJax_Display"})
WIKIPEDIA_STYLE = re.compile(r"\{\\(?:displaystyle|textstyle)\s*(.*)\}", re.DOTALL)


def math_as_tex(soup: BeautifulSoup, ctx: Context) -> None:
    """Each formula that holds its TeX becomes it; MathML without it stays, as its text."""
    for math in [t for t in tags_in(soup) if t.name == "math"]:
        if math.__dict__.get("_decomposed") or math.parent is None:
            continue  # inside a formula already replaced
        tex = tex_of(math)
        if tex:
            formula, displayed = _formula(math)
            formula.replace_with(formula_code(soup, tex, displayed))


def tex_of(math: Tag) -> str:
    """The formula's TeX, without the `{\\displaystyle …}` Wikipedia wraps each one in; else the TeX that
    WordPress 6.9's inline math keeps beside its MathML (`<math data-latex="x^2">`)."""
    annotation = math.find("annotation", attrs={"encoding": TEX})
    latex = math.get("data-latex")
    tex = annotation.get_text().strip() if annotation is not None else latex.strip() if isinstance(latex, str) else ""
    styled = WIKIPEDIA_STYLE.fullmatch(tex)
    return styled.group(1).strip() if styled else tex


def formula_of(math: Tag) -> Tag:
    """The element that holds all of a formula's renderings: the renderer's wrapper, else the <math> itself."""
    return _formula(math)[0]


def _formula(math: Tag) -> tuple[Tag, bool]:
    for wrapper in WRAPPERS:
        found = math.find_parent(class_=wrapper)
        if found is not None:
            return found, wrapper in DISPLAYED or math.get("display") == "block"
    return math, math.get("display") == "block"


def formula_code(soup: BeautifulSoup, tex: str, displayed: bool) -> Tag:
    """A formula's TeX as code: inline, or a block of its own when it was set apart."""
    code = soup.new_tag("code")
    code.string = tex
    if not displayed:
        return code
    code["class"] = ["language-latex"]
    pre = soup.new_tag("pre")
    pre.append(code)
    return pre


def latex_shortcode(named: dict[str, str], positional: list[str], inner: str, ctx: Context) -> str:
    """`[latex]e^{i\\pi}+1=0[/latex]` as its TeX in a code span; `display="true"` (WP-KaTeX's, QuickLaTeX's
    formula on a line of its own) a block of it. The TeX is HTML escaped, where wpautop may have broken its lines.
    An empty one draws nothing."""
    tex = unescape(typed(inner)).strip()
    if not tex:
        return ""
    displayed = named.get("display", "").lower() in ("true", "1", "yes", "block")
    kind = ' class="language-latex"' if displayed else ""
    code = f"<code{kind}>{escape(tex, quote=False)}</code>"
    return f"<pre>{code}</pre>" if displayed else code
