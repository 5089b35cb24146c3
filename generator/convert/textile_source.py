"""Posts written in Textile. WordPress's Textile plugins (of the 2000s) turned a post's Textile into HTML as the
page was shown, so the export holds the Textile itself: read as HTML, its headings showed as `h2. Title` and its
links as `"text":http://…`. A post surely written so is rendered from Textile, as the site showed it, with the
python-textile library. Surely: no plugin marked such posts in their meta, so it takes Textile's marks in the
post's own words (block signatures at a line's start, `"text":address` links, `!picture!` images), two of them
at least, and none of HTML's block structure, which an HTML post that merely quotes Textile has.
"""

from __future__ import annotations

import hashlib
import re

from generator.convert import paired

# A block's signature at a line's start, with its optional class, style, language and alignment: `h2. `,
# `p(note). `, `bq. `, `bc.. `, `fn1. `.
SIGNATURE = re.compile(r"^(?:h[1-6]|p|bq|bc|pre|fn\d{1,3})"
                       r"(?:\([^()\n]{0,40}\)|\{[^{}\n]{0,80}\}|\[[a-z-]{2,8}\]|[<>=]){0,4}\.{1,2} ", re.MULTILINE)
# A link or a picture as Textile writes them: `"text":http://…`, `"text":/path`, `!http://….png!`.
LINK = re.compile(r"\"[^\"\n]{1,300}\":(?:https?://|/)\S")
IMAGE = re.compile(r"!(?:https?://|/)[^!\s]{1,500}!")
# The block structure of an HTML post, which a Textile one has no need of.
HTML_STRUCTURE = re.compile(r"<(?:p|br|div|li|ul|ol|h[1-6]|table|blockquote)\b", re.IGNORECASE)
CODE = (re.compile(r"<(pre|code)\b", re.IGNORECASE), lambda found: f"</{found[1].lower()}>")  # see convert/paired
MARKS = 2
# python-textile's inline parsing takes time that grows with the square of a paragraph's marks (10,000 `_a ` in
# one took 6 s): a post with a longer paragraph, or longer in all, is no blog post written by hand; it stays HTML.
LONGEST_PARAGRAPH, LONGEST_POST = 4_000, 40_000
PARAGRAPH_BREAK = re.compile(r"\n[ \t]*\n")


def written_in_textile(raw: str) -> bool:
    """Whether the post holds Textile's marks (see the module's doc) and none of HTML's block structure."""
    if '":' not in raw and "!" not in raw and SIGNATURE.search(raw) is None:  # no mark of Textile at all
        return False
    prose = paired.replace(raw, paired.spans(raw, *CODE), lambda _: "")
    if len(prose) > LONGEST_POST or HTML_STRUCTURE.search(prose) is not None:
        return False
    found = [len(pattern.findall(prose)) for pattern in (SIGNATURE, LINK, IMAGE)]
    if sum(found) < MARKS:
        return False
    return max(len(paragraph) for paragraph in PARAGRAPH_BREAK.split(prose)) <= LONGEST_PARAGRAPH


def render(raw: str) -> str:
    """The post's HTML as the Textile plugin made it; code (the <pre> that code shortcodes became, and the
    author's own <pre> and <code>) is kept as it is, as `<notextile>` keeps it."""
    import textile  # here: 30 ms to load, which only a site written in Textile needs

    kept = paired.replace(raw, paired.spans(raw, *CODE), lambda code: f"<notextile>{code}</notextile>")
    parser = textile.Textile()
    # Footnotes' ids begin with a prefix the library draws at random for each parser: a post's footnotes changed at
    # every import, which logged an edit that never was. Drawn from the text, the ids stay as they were.
    parser.linkPrefix = f"{hashlib.sha256(kept.encode('utf-8', 'surrogatepass')).hexdigest()[:12]}-"
    return parser.parse(kept)
