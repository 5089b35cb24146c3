r"""Formulas a Markdown editor left for MathJax to draw, as the TeX they hold. A post written in Markdown keeps each
formula in an element of class `math` between MathJax's delimiters: `<span class="math">\( x \)</span>` inline,
`<div class="math">\[ … \]</div>` on a line of its own (pandoc's `math inline` and `math display`, `$…$` and
`$$…$$` too, and doubled backslashes, `\\(`, where the site's MathJax was told to look for those). The mirror has no
MathJax: a Chinese course's formulas read `\\( \text{sampleRTT} \\)`, backslashes and all. Each becomes its TeX as
code, as a formula that carries its TeX does (convert/formulas.py). An element holding more than text, or text not
wholly between one pair of delimiters, stays as it is."""

from __future__ import annotations

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert.context import Context
from generator.convert.formulas import formula_code
from generator.convert.parse import tags_in

# (opening, closing, set on a line of its own), the longest first: `\\(` before `\(`, `$$` before `$`.
DELIMITERS = ((r"\\(", r"\\)", False), (r"\\[", r"\\]", True), ("\\(", "\\)", False), ("\\[", "\\]", True),
              ("$$", "$$", True), ("$", "$", False))


def math_spans_as_tex(soup: BeautifulSoup, ctx: Context) -> None:
    """Each element of class `math` that holds one delimited formula becomes its TeX as code."""
    for tag in [t for t in tags_in(soup) if _is_math(t)]:
        if tag.parent is None or not all(isinstance(child, NavigableString) for child in tag.contents):
            continue
        found = _delimited(tag.get_text())
        if found:
            tex, displayed = found
            tag.replace_with(formula_code(soup, tex, displayed or tag.name == "div" or _is_display(tag)))


def _is_math(tag: Tag) -> bool:
    classes = tag.get("class")
    return isinstance(classes, list) and "math" in classes


def _is_display(tag: Tag) -> bool:
    return "display" in tag.get("class", ())


def _delimited(text: str) -> tuple[str, bool] | None:
    """The TeX between the text's one pair of delimiters, and whether they set it apart; None where there is none."""
    text = text.strip()
    for opening, closing, displayed in DELIMITERS:
        if len(text) > len(opening) + len(closing) and text.startswith(opening) and text.endswith(closing):
            tex = text[len(opening):-len(closing)].strip()
            return (tex, displayed) if tex and opening not in tex and closing not in tex else None
    return None
