"""The code of an ad's or a widget's loader left as text where its `<script>` tags were taken out: WordPress's
editor strips them from a post saved by an author who may not post scripts, and sites that republish other sites'
stories (feed importers, aggregators) take them with each story. The live page showed the code itself under the
story ("window._taboola = window._taboola || ;", then `_taboola.push({mode:'thumbnails-a', …});`), as text.

Only the loaders of Taboola, AdSense, and Twitter's and Facebook's buttons go, each known by its whole text, alone
in its text (a line between `<br>`s): an author's sentence about them, and code in `<code>` or `<pre>`, stay.
"""

from __future__ import annotations

import re

from bs4 import BeautifulSoup, NavigableString, Tag

from generator.convert import context as loss
from generator.convert.context import Context
from generator.convert.parse import may_contain

QUOTE = "[\"'\u2018\u2019\u201c\u201d\u2032]"  # (a quote, as wptexturize curls it)
LOADERS = re.compile("|".join((
    r"window\._taboola\s*=\s*window\._taboola\s*\|\|\s*(?:\[\s*\])?\s*;?",
    r"_taboola\.push\(\{[^{}]*\}\)\s*;?",
    r"\(\s*adsbygoogle\s*=\s*window\.adsbygoogle\s*\|\|\s*(?:\[\s*\])?\s*\)\.push\(\s*\{\s*\}\s*\)\s*;?",
    rf"!function\(d,\s*s,\s*id\)\s*\{{.*\}}\(\s*document\s*,\s*{QUOTE}script{QUOTE}\s*,\s*{QUOTE}twitter-wjs{QUOTE}\s*\)\s*;?",
    rf"\(function\(d,\s*s,\s*id\)\s*\{{.*\}}\(\s*document\s*,\s*{QUOTE}script{QUOTE}\s*,\s*{QUOTE}facebook-jssdk{QUOTE}\s*\)\)"
    r"\s*;?")), re.DOTALL)
MARKERS = ("_taboola", "adsbygoogle", "twitter-wjs", "facebook-jssdk")
# (What the post's HTML holds where it holds one: the buttons' loaders both end `}(document, 'script', …`.)
SOURCE_MARKERS = ("_taboola", "adsbygoogle", "(document,")
# The marks a script's code was wrapped in for XHTML, left as text beside it: `// <![CDATA[` … `// ]]>`.
CDATA_MARK = re.compile(r"(?://|/\*)\s*(?:<!\[CDATA\[|\]\]>)\s*(?:\*/)?")
CODE = frozenset({"code", "pre", "kbd", "samp", "tt", "textarea"})
HOLDERS = frozenset({"p", "div", "span", "center"})  # (what goes with the code where it held nothing else)


def drop_script_text(soup: BeautifulSoup, ctx: Context) -> None:
    """The loaders' code as text goes, with the marks of CDATA around it and the paragraph that held nothing else."""
    if not any(may_contain(soup, marker) for marker in SOURCE_MARKERS):
        return
    for text in [t for t in soup.find_all(string=True) if type(t) is NavigableString and _loader(t)]:
        holder = text.parent
        ctx.losses.note(loss.SCRIPT, "the text of a script")
        text.extract()
        if isinstance(holder, Tag):
            for mark in [t for t in holder.find_all(string=True, recursive=False)
                         if type(t) is NavigableString and CDATA_MARK.fullmatch(t.strip())]:
                mark.extract()
        while isinstance(holder, Tag) and holder.name in HOLDERS and not holder.get_text(strip=True) \
                and all(child.name == "br" for child in holder.find_all(True)):
            parent = holder.parent
            holder.decompose()
            holder = parent


def _loader(text: NavigableString) -> bool:
    words = str(text).strip()
    return any(marker in words for marker in MARKERS) and LOADERS.fullmatch(words) is not None \
        and not any(parent.name in CODE for parent in text.parents)
